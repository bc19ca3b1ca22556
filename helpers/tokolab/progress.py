"""Participants' progress: one line per check, kept in their own folder.

Recording is opt-in and local: nothing is written until a participant
calls :func:`start_progress` with their participant code (``P001``, never
a name), and nothing leaves the computer. From then on every
:meth:`tokolab.exercises.Question.check` appends one line to
``kemajuan-<code>.csv`` in the chosen folder (by default the notebook's
own folder)::

    participant,question,outcome,time
    P001,mulai.total_harga,belum,2024-01-01T09:31:05+07:00
    P001,mulai.total_harga,salah,2024-01-01T09:32:40+07:00
    P001,mulai.total_harga,benar,2024-01-01T09:33:12+07:00

- CSV, UTF-8 without a byte-order mark, comma between fields, each line
  ending in ``\\n``; a question id holding a comma is quoted.
- ``participant``: the code, 1-3 capital letters then 1-4 digits, the
  same rule as the class records (:mod:`tokolab.classrecords`).
- ``question``: the question's id.
- ``outcome``: ``belum`` (not attempted), ``salah`` (wrong) or ``benar``
  (right), the values of :class:`tokolab.exercises.Outcome`.
- ``time``: when the check ran, ISO 8601 in WIB (Asia/Jakarta) with its
  offset, to the second.

The header is written with the first line when the file is new. Each
line is one write to a file opened for appending only, so earlier lines
are never rewritten; a notebook closed mid-write (or a power cut) leaves
at worst one line cut short. The next check starts its line on a line of
its own, so the cut line may end up in the middle of the file;
:func:`read_progress` leaves it out with a note wherever it is.

A tutor collects the files into one folder; :func:`read_progress` reads
every ``kemajuan-*.csv`` under it (a file it cannot read is left out with
a note, so one broken file never hides the class) and
:func:`solved_share` says, per question, how many participants tried and
solved it, and which share of the class solved it.
"""

import csv
import io
import logging
import math
import os
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd

from tokolab.classrecords import CODE_PATTERN
from tokolab.errors import InputError
from tokolab.files import reason_for
from tokolab.messages import LaterText, text
from tokolab.tables import decode_bytes, parse_delimited, read_bytes

logger = logging.getLogger(__name__)

WIB = ZoneInfo("Asia/Jakarta")

COLUMNS = ("participant", "question", "outcome", "time")

HEADER = ",".join(COLUMNS)

OUTCOMES = ("belum", "salah", "benar")

FILE_NAME = "kemajuan-{participant}.csv"

FILE_GLOB = "kemajuan-*.csv"

# Years a progress line can hold; a date outside is a typing mistake.
YEARS = range(1970, 2201)

# The shape of a time cell, "0" for a digit and "+" for the offset's sign:
# a line cut inside its time holds the start of this.
_STAMP_SHAPE = "0000-00-00T00:00:00+00:00"

# The start of a participant code: a code cut short still fits this.
_CODE_START = re.compile(r"[A-Z]{0,3}[0-9]{0,4}")

# Append only, never truncate; O_BINARY keeps Windows from turning "\n"
# into "\r\n".
_APPEND_FLAGS = (
    os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0)
)

# Who is recording where: (participant code, folder), or None when off.
_recording = None


def start_progress(participant, folder=None):
    """Turn recording on: every check from now on adds a line.

    Parameters
    ----------
    participant : str
        The participant's code, such as ``"P001"`` (small letters are
        read as capitals). Never a name.
    folder : str or Path, optional
        Where ``kemajuan-<code>.csv`` is kept; default the working
        folder, which in JupyterLab is the notebook's folder.

    Returns
    -------
    Path
        The progress file (created by the first check).

    Raises
    ------
    InputError
        When the code is not a participant code, or the folder does not
        exist or is a file.
    """
    global _recording
    code = participant_code(participant)
    folder = _existing_folder(Path.cwd() if folder is None else folder)
    _recording = (code, folder)
    path = progress_path(code, folder)
    logger.info("recording progress to %s", path)
    return path


def stop_progress():
    """Turn recording off; the file stays as it is."""
    global _recording
    _recording = None


def recording():
    """The ``(participant, folder)`` being recorded, or None when off."""
    return _recording


def participant_code(written):
    """Check a participant code and return it in capitals.

    Parameters
    ----------
    written : str
        For example ``"P001"`` or ``" p001 "``.

    Raises
    ------
    InputError
        ``progress.bad_code`` when it is not 1-3 letters then 1-4 digits
        (a name, a code with spaces, a number, nothing).
    """
    code = written.strip().upper() if isinstance(written, str) else None
    if code is None or not CODE_PATTERN.fullmatch(code):
        found = repr(written) if not isinstance(written, str) else written
        raise InputError(
            "progress.bad_code", expected="P001", found=f'"{found}"'
        )
    return code


def progress_path(participant, folder):
    """The progress file of ``participant`` in ``folder``."""
    return Path(folder) / FILE_NAME.format(participant=participant)


def record(feedback, participant=None, folder=None, time=None):
    """Append one line for a check to the participant's progress file.

    Parameters
    ----------
    feedback : tokolab.exercises.Feedback
        The check's result: its ``question`` and ``outcome`` are written.
    participant : str, optional
        Default: the code given to :func:`start_progress`.
    folder : str or Path, optional
        Default: the folder given to :func:`start_progress`, else the
        working folder.
    time : datetime, optional
        When the check ran; default now. A time without a zone is taken
        as WIB.

    Returns
    -------
    Path or None
        The file written; None when recording is off and no participant
        was given (nothing is written).

    Raises
    ------
    InputError
        When the code is not a participant code, the file cannot be
        written, or it is not a progress file (it is left unchanged).
    """
    # Nothing to do unless recording is on or a participant is named.
    if participant is None:
        if _recording is None:
            return None
        participant = _recording[0]
        if folder is None:
            folder = _recording[1]
    code = participant_code(participant)
    path = progress_path(code, Path.cwd() if folder is None else folder)
    line = progress_line(code, feedback.question, feedback.outcome, time)

    # A new file starts with the header; an existing one must be ours,
    # and a last line cut short is closed before the new line.
    start = _start_of(path)
    if not start:
        payload = HEADER + "\n" + line
    else:
        _require_our_header(start, path)
        payload = line if _ends_with_newline(path) else "\n" + line

    _append(path, payload)
    return path


def progress_line(participant, question, outcome, time=None):
    """One progress line, ending in ``\\n``.

    Parameters
    ----------
    participant : str
        A checked participant code.
    question : str
        The question's id.
    outcome : Outcome or str
        ``belum``, ``salah`` or ``benar`` (or the Outcome holding it).
    time : datetime, optional
        Default now; a time without a zone is taken as WIB.
    """
    outcome = getattr(outcome, "value", outcome)
    if outcome not in OUTCOMES:
        raise ValueError(f"outcome must be one of {OUTCOMES}, not {outcome!r}")
    if time is None:
        time = datetime.now(WIB)
    elif time.tzinfo is None:
        time = time.replace(tzinfo=WIB)
    stamp = time.astimezone(WIB).isoformat(timespec="seconds")

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(
        [participant, question, outcome, stamp]
    )
    return buffer.getvalue()


def read_progress(folder):
    """Read every progress file under a folder into one table.

    Parameters
    ----------
    folder : str or Path
        A folder, searched with its subfolders for ``kemajuan-*.csv``;
        or one progress file.

    Returns
    -------
    pandas.DataFrame
        Columns ``participant`` (str), ``question`` (str), ``outcome``
        (``belum``, ``salah`` or ``benar``), ``time`` (tz-aware, Asia/
        Jakarta); sorted by time, then participant. ``attrs["paths"]``
        lists the files found, ``attrs["notes"]`` sentences (in the
        language in use) about what was left out: lines cut short, files
        that could not be read. ``attrs["participants"]`` lists, sorted,
        every participant with a progress file, read or not (the code in
        the file's name, and the codes in its lines). No file gives an
        empty table.

    Raises
    ------
    InputError
        When the folder does not exist; or, when ``folder`` names one
        file, when that file is not a progress file or holds a cell that
        does not read. The error names the file, the row (header = row
        1) and the column.

    Notes
    -----
    - In a folder, a file that is not a progress file or holds a cell
      that does not read is left out whole, and the error's sentence
      goes into ``attrs["notes"]``: the other files still count.
    - A line cut short (the notebook stopped mid-write, or the power
      went off) is left out with a note: a last line without its
      newline that does not read, or a line anywhere that holds the
      start of a progress line and nothing after it.
    - A file re-saved by a spreadsheet may carry a byte-order mark,
      semicolons or Windows-1252 (:mod:`tokolab.tables`); codes in small
      letters read as capitals, outcomes in capitals as small letters.
    """
    folder = Path(folder)
    if folder.is_file():
        paths = [folder]
        strict = True
    elif folder.is_dir():
        paths = sorted(folder.rglob(FILE_GLOB))
        strict = False
    else:
        raise InputError("progress.folder_not_found", path=str(folder))

    # Each file on its own: in a folder, one that does not read is noted
    # and left out, so the others still count.
    frames = []
    notes = []
    for path in paths:
        logger.info("reading %s", path)
        try:
            frames.append(_read_progress_file(path, notes))
        except InputError as error:
            if strict:
                raise
            logger.warning("%s left out: %s", path, error.key)
            notes.append(text("progress.file_left_out", problem=str(error)))

    progress = pd.concat([_empty_progress(), *frames], ignore_index=True)
    progress["time"] = pd.to_datetime(progress["time"], utc=True)
    progress["time"] = progress["time"].dt.tz_convert(WIB)
    progress = progress.sort_values(
        ["time", "participant"], kind="stable"
    ).reset_index(drop=True)
    progress.attrs["paths"] = [str(path) for path in paths]
    progress.attrs["notes"] = notes
    progress.attrs["participants"] = sorted(
        set(progress["participant"]) | _codes_in_names(paths)
    )
    return progress


def solved_share(progress, participants=None):
    """The share of the class that solved each question.

    Parameters
    ----------
    progress : pandas.DataFrame
        As :func:`read_progress` returns it.
    participants : int, optional
        How many participants the class has, such as 75. When not given:
        the participants with a progress file (``attrs["participants"]``
        of :func:`read_progress`), else those with a line in
        ``progress``.

    Returns
    -------
    pandas.DataFrame
        One row per question, sorted by id: ``question``,
        ``participants`` (the class, the same on every row), ``tried``
        (participants with at least one wrong or right check; a check
        while the answer was still empty does not count), ``solved``
        (participants with at least one right check) and ``share``
        (``solved / participants`` [fraction 0-1], NaN when there is no
        participant). 2 of 75 participants solving gives 2/75, not 2/2.

    Raises
    ------
    InputError
        ``progress.bad_participant_count`` when ``participants`` is not
        a whole number, or is fewer than the participants in
        ``progress``.
    """
    questions = sorted(progress["question"].unique())
    attempts = progress[progress["outcome"] != "belum"]
    rights = progress[progress["outcome"] == "benar"]

    # The class: counted in, or everyone with a progress file.
    recorded = set(progress["participant"])
    recorded |= set(progress.attrs.get("participants", ()))
    if participants is None:
        participants = len(recorded)
    elif (
        isinstance(participants, bool)
        or not isinstance(participants, int)
        or participants < len(recorded)
    ):
        raise InputError(
            "progress.bad_participant_count",
            expected=len(recorded),
            found=participants,
        )

    tried = _participants_per_question(attempts, questions)
    solved = _participants_per_question(rights, questions)
    share = solved / participants if participants else solved * math.nan
    return pd.DataFrame(
        {
            "question": questions,
            "participants": pd.Series(
                participants, index=range(len(questions)), dtype="int64"
            ).to_numpy(),
            "tried": tried.to_numpy(dtype="int64"),
            "solved": solved.to_numpy(dtype="int64"),
            "share": share.to_numpy(dtype="float64"),
        }
    )


# --- writing -----------------------------------------------------------------


def _existing_folder(folder):
    folder = Path(folder)
    if folder.is_file():
        raise InputError("progress.not_a_folder", path=str(folder))
    if not folder.is_dir():
        raise InputError("progress.folder_not_found", path=str(folder))
    return folder


def _start_of(path):
    """The first line of ``path`` (up to 4 KiB), b"" when new or empty."""
    try:
        with open(path, "rb") as existing:
            return existing.readline(4096)
    except FileNotFoundError:
        if not path.parent.is_dir():
            raise InputError(
                "progress.folder_not_found", path=str(path.parent)
            ) from None
        return b""
    except OSError as error:
        raise InputError(
            "progress.cannot_write", path=str(path), reason=reason_for(error)
        ) from None


def _require_our_header(start, path):
    """Raise ``progress.not_our_file`` unless ``start`` is our header."""
    first = start.removeprefix(b"\xef\xbb\xbf").rstrip(b"\r\n")
    if first == HEADER.encode("ascii"):
        return
    found = first.decode("utf-8", errors="replace")[:80]
    raise InputError(
        "progress.not_our_file",
        path=str(path),
        row=1,
        expected=HEADER,
        found=f'"{found}"',
    )


def _ends_with_newline(path):
    try:
        with open(path, "rb") as existing:
            existing.seek(-1, os.SEEK_END)
            return existing.read(1) in (b"\n", b"\r")
    except OSError as error:
        raise InputError(
            "progress.cannot_write", path=str(path), reason=reason_for(error)
        ) from None


def _append(path, payload):
    """Append ``payload`` in one write, then flush it to the disk."""
    try:
        descriptor = os.open(path, _APPEND_FLAGS, 0o666)
    except OSError as error:
        raise InputError(
            "progress.cannot_write", path=str(path), reason=reason_for(error)
        ) from None
    try:
        os.write(descriptor, payload.encode("utf-8"))
        os.fsync(descriptor)
    except OSError as error:
        raise InputError(
            "progress.cannot_write", path=str(path), reason=reason_for(error)
        ) from None
    finally:
        os.close(descriptor)


# --- reading -----------------------------------------------------------------


def _read_progress_file(path, notes):
    """The rows of one progress file; notes about lines left out."""
    written, _ = decode_bytes(read_bytes(path), path)
    body = written.lstrip("\ufeff")

    # Nothing complete yet: empty, or the start of the header only.
    if "\n" not in body and "\r" not in body and HEADER.startswith(body):
        logger.warning("%s: no complete line, skipped", path)
        notes.append(text("progress.no_complete_line", path=str(path)))
        return _empty_progress()

    # A last line without its newline may have been cut mid-write.
    open_end = not written.endswith(("\n", "\r"))
    try:
        table = parse_delimited(written, path)
    except InputError:
        # Cut inside a quote, say: read up to the last line break.
        cut = max(written.rfind("\n"), written.rfind("\r"))
        if not open_end or cut < 0:
            raise
        table = parse_delimited(written[: cut + 1], path)
        rows = _progress_rows(table, path, notes)
        row = len(io.StringIO(written).readlines())
        _note_torn(notes, path, row, last=True)
        return rows
    last = table.index[-1] if open_end and len(table) else None
    return _progress_rows(table, path, notes, open_last=last)


def _progress_rows(table, path, notes, open_last=None):
    """Check every cell of a parsed progress file; return typed rows.

    A row that does not read is left out with a note when it was cut
    short: it is the file's open last line (index ``open_last``), or it
    holds the start of a progress line and nothing after it. Any other
    row that does not read raises.
    """
    missing = [name for name in COLUMNS if name not in table.columns]
    if missing:
        raise InputError(
            "progress.not_our_file",
            path=str(path),
            row=table.attrs.get("header_row", 1),
            expected=HEADER,
            found='"' + ",".join(map(str, table.columns))[:80] + '"',
        )

    rows = {name: [] for name in COLUMNS}
    for index, *cells in table[list(COLUMNS)].itertuples():
        row = int(index) + 2
        try:
            values = _progress_values(cells, path, row)
        except InputError:
            if index == open_last or _cut_short(cells):
                _note_torn(notes, path, row, last=index == open_last)
                continue
            raise
        for name, value in zip(COLUMNS, values, strict=True):
            rows[name].append(value)
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame["time"] = pd.to_datetime(frame["time"], utc=True)
    return frame


def _progress_values(cells, path, row):
    """The four cells of one line, checked; InputError for the first bad."""
    participant, question, outcome, time = cells
    return (
        _cell(
            participant.strip().upper(),
            CODE_PATTERN.fullmatch,
            path,
            row,
            "participant",
            participant,
            "expected_code",
        ),
        _cell(
            question.strip(),
            bool,
            path,
            row,
            "question",
            question,
            "expected_question",
        ),
        _cell(
            outcome.strip().lower(),
            OUTCOMES.__contains__,
            path,
            row,
            "outcome",
            outcome,
            "expected_outcome",
        ),
        _time(time, path, row),
    )


def _cut_short(cells):
    """True when a line holds the start of a progress line, nothing more.

    The first cell that does not read must be the start of a good cell
    (``sal`` of ``salah``, ``2024-01-01T09:3`` of a time), and every cell
    after it empty: what a write stopped midway leaves.
    """
    starts = (
        lambda cell: bool(_CODE_START.fullmatch(cell.upper())),
        lambda cell: cell == "",
        lambda cell: any(name.startswith(cell.lower()) for name in OUTCOMES),
        _stamp_start,
    )
    whole = (
        lambda cell: bool(CODE_PATTERN.fullmatch(cell.upper())),
        bool,
        lambda cell: cell.lower() in OUTCOMES,
        lambda cell: False,
    )
    cells = [cell.strip() for cell in cells]
    for number, cell in enumerate(cells):
        if whole[number](cell):
            continue
        rest_empty = all(later == "" for later in cells[number + 1 :])
        return rest_empty and starts[number](cell)
    return False


def _stamp_start(cell):
    """True when ``cell`` is the start of a time as record writes it."""
    if len(cell) >= len(_STAMP_SHAPE):
        return False
    for char, shape in zip(cell, _STAMP_SHAPE, strict=False):
        if shape == "0":
            if char not in "0123456789":
                return False
        elif shape == "+":
            if char not in "+-":
                return False
        elif char != shape:
            return False
    return True


def _note_torn(notes, path, row, last):
    """Note a line cut short, left out of the file's rows."""
    logger.warning("%s: line %d cut short, left out", path, row)
    key = "progress.torn_last_line" if last else "progress.torn_line"
    notes.append(text(key, path=str(path), row=row))


def _cell(value, valid, path, row, column, written, expected):
    """``value`` when ``valid(value)``, else InputError for the cell."""
    if valid(value):
        return value
    raise InputError(
        "progress.bad_cell",
        path=str(path),
        row=row,
        column=column,
        expected=LaterText(f"progress.{expected}"),
        found=written,
    )


def _time(written, path, row):
    """A time cell as a UTC Timestamp, or InputError for the cell."""
    try:
        moment = datetime.fromisoformat(written.strip())
        if moment.tzinfo is None or moment.year not in YEARS:
            raise ValueError(written)
        return pd.Timestamp(moment).tz_convert("UTC")
    except (ValueError, OverflowError, pd.errors.OutOfBoundsDatetime):
        raise InputError(
            "progress.bad_cell",
            path=str(path),
            row=row,
            column="time",
            expected=LaterText("progress.expected_time"),
            found=written,
        ) from None


def _codes_in_names(paths):
    """Participant codes named by progress files' names (``kemajuan-P001``)."""
    codes = set()
    prefix = FILE_NAME.partition("{")[0]
    for path in paths:
        code = Path(path).stem.removeprefix(prefix).upper()
        if CODE_PATTERN.fullmatch(code):
            codes.add(code)
    return codes


def _empty_progress():
    frame = pd.DataFrame({name: pd.Series(dtype=str) for name in COLUMNS})
    frame["time"] = pd.to_datetime(frame["time"], utc=True)
    return frame


def _participants_per_question(rows, questions):
    """How many participants each question has among ``rows``."""
    counts = rows.groupby("question")["participant"].nunique()
    return counts.reindex(questions, fill_value=0).astype("int64")
