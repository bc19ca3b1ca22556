"""Class records: who took part, who came to each session, and quiz scores.

A class-records folder (``data/contoh/kelas/`` for the sample class) holds
three CSV files, read through :mod:`tokolab.tables` (UTF-8 with or without
BOM or Windows-1252; comma, semicolon or tab). Every row is keyed by a
participant code such as ``P001``; names never appear in these files, and a
key that turns codes back into names stays outside the repository.

``peserta.csv``, one row per participant:

============  ===========  ==============================================
header        alias        cell
============  ===========  ==============================================
kode          code         participant code: 1-3 letters then 1-4 digits
peran         role         ``anggota`` (member) or ``pengurus`` (manager);
                           ``member`` and ``manager`` are read too
usia          age_band     ``18-24``, ``25-34``, ``35-44``, ``45-54``,
                           ``55-65`` or ``66+``; may be empty
pendidikan    schooling    ``SD``, ``SMP``, ``SMA``, ``SMK``, ``D1``-``D4``,
                           ``S1``-``S3``; may be empty
============  ===========  ==============================================

``kehadiran.csv``, one row per participant per session held:

============  ===========  ==============================================
kode          code         a code from ``peserta.csv``
sesi          session      ``1`` to ``4``
hadir         present      ``1`` (present) or ``0`` (absent)
============  ===========  ==============================================

``nilai.csv``, one row per quiz taken:

============  ===========  ==============================================
kode          code         a code from ``peserta.csv``
sesi          session      ``1`` to ``4``
tes           test         ``pre`` (before the session) or ``post``
                           (after); ``pretest``/``posttest`` and
                           ``awal``/``akhir`` are read too
nilai         score        0-100, decimals with a point or a comma
============  ===========  ==============================================

Headers are matched without regard to case or surrounding spaces; other
columns (a tutor's notes) are ignored, except a column of names, which is
refused: any header with ``nama`` or ``name`` as one of its words, the
words split at spaces, ``_``, ``-``, ``.``, ``/`` and a lower-to-upper
case change (``nama``, ``Nama Peserta``, ``nama_lengkap``, ``full_name``,
``participant name``, ``fullName``). Codes are read in capitals, so
``p001`` is ``P001``. A quiz not taken has no row: an empty score is an
error.

The files must be CSV files with exactly these names. When one is
missing but the folder holds a file of the same name in other letter
case or with another extension (``Peserta.csv``, ``peserta.xlsx``), the
error names those files and asks for a CSV file named as above.

The readers return English snake_case columns: participants ``code, role,
age_band, schooling`` (role ``member`` or ``manager``; the two profile
columns ordered categoricals); attendance ``code, session, present`` (bool);
scores ``code, session, test, score`` (float). Each table keeps the file it
came from in ``table.attrs["path"]``.
"""

import logging
import math
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from tokolab.errors import InputError
from tokolab.messages import text
from tokolab.tables import read_delimited, require_columns

logger = logging.getLogger(__name__)

PROJECT = Path(__file__).resolve().parents[2]
DEFAULT_FOLDER = PROJECT / "data" / "contoh" / "kelas"

PARTICIPANTS_FILE = "peserta.csv"
ATTENDANCE_FILE = "kehadiran.csv"
SCORES_FILE = "nilai.csv"

SESSIONS = (1, 2, 3, 4)

# Written value (lower case) -> canonical value.
ROLES = {
    "anggota": "member",
    "pengurus": "manager",
    "member": "member",
    "manager": "manager",
}
TESTS = {
    "pre": "pre",
    "post": "post",
    "pretest": "pre",
    "posttest": "post",
    "awal": "pre",
    "akhir": "post",
}
PRESENT = {"1": True, "0": False}

AGE_BANDS = ("18-24", "25-34", "35-44", "45-54", "55-65", "66+")
SCHOOLING = (
    "SD",
    "SMP",
    "SMA",
    "SMK",
    "D1",
    "D2",
    "D3",
    "D4",
    "S1",
    "S2",
    "S3",
)

# Documented header -> (English column, accepted headers in lower case).
PARTICIPANT_COLUMNS = {
    "kode": ("code", ("kode", "code")),
    "peran": ("role", ("peran", "role")),
    "usia": ("age_band", ("usia", "age_band")),
    "pendidikan": ("schooling", ("pendidikan", "schooling")),
}
ATTENDANCE_COLUMNS = {
    "kode": ("code", ("kode", "code")),
    "sesi": ("session", ("sesi", "session")),
    "hadir": ("present", ("hadir", "present")),
}
SCORE_COLUMNS = {
    "kode": ("code", ("kode", "code")),
    "sesi": ("session", ("sesi", "session")),
    "tes": ("test", ("tes", "test")),
    "nilai": ("score", ("nilai", "score")),
}

NAME_WORDS = ("nama", "name")
"""A header with one of these words holds names and is refused."""

# Where a header splits into words: separators, or a lower-case letter
# followed by a capital (camelCase).
_HEADER_WORD_BREAK = re.compile(r"[\s_\-./]+|(?<=[a-z])(?=[A-Z])")

CODE_PATTERN = re.compile(r"[A-Z]{1,3}[0-9]{1,4}")
SESSION_PATTERN = re.compile(r"[0-9]{1,3}")
SCORE_PATTERN = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")
SCORE_RANGE = (0, 100)

# The two ranges as messages write them.
_SESSION_RANGE = f"{SESSIONS[0]}-{SESSIONS[-1]}"
_SCORE_RANGE = f"{SCORE_RANGE[0]}-{SCORE_RANGE[1]}"


@dataclass
class ClassRecords:
    """The three tables of one class, read and checked against each other.

    Attributes
    ----------
    participants : pandas.DataFrame
        ``code, role, age_band, schooling``.
    attendance : pandas.DataFrame
        ``code, session, present``.
    scores : pandas.DataFrame
        ``code, session, test, score``.
    folder : str
        The folder the files came from.
    """

    participants: pd.DataFrame
    attendance: pd.DataFrame
    scores: pd.DataFrame
    folder: str


def is_name_header(header):
    """True when a column header says the column holds people's names.

    Parameters
    ----------
    header : str
        As written, for example ``"Nama Peserta"`` or ``"full_name"``.

    Returns
    -------
    bool
        True when one of the header's words (see the module) is in
        :data:`NAME_WORDS`.
    """
    words = _HEADER_WORD_BREAK.split(str(header).strip())
    return any(word.lower() in NAME_WORDS for word in words)


def _check_file_exists(path):
    """Name similar files when a class-records file is missing.

    ``Peserta.csv`` or ``peserta.xlsx`` beside a missing ``peserta.csv``
    is most likely the file meant, saved under the wrong name or format.

    Raises
    ------
    InputError
        ``classrecords.similar_files`` when ``path`` does not exist and
        its folder holds a file whose name, in any letter case, is the
        same up to the first dot. Without such a file nothing is raised
        here; the reader then says the file was not found.
    """
    path = Path(path)
    if path.exists():
        return

    stem = path.name.lower().split(".")[0]
    try:
        similar = sorted(
            entry.name
            for entry in path.parent.iterdir()
            if entry.is_file() and entry.name.lower().split(".")[0] == stem
        )
    except OSError:
        similar = []
    if similar:
        raise InputError(
            "classrecords.similar_files",
            path=str(path),
            expected=path.name,
            found=", ".join(similar),
        )


def _read_records_table(path, columns):
    """Read one class-records file and give its columns documented names."""
    _check_file_exists(path)
    table = read_delimited(path)

    # Names have no place here: refuse the file rather than carry them.
    for header in table.columns:
        if is_name_header(header):
            raise InputError(
                "classrecords.names_present",
                path=str(path),
                column=header,
                expected="kode",
                found=header,
            )

    # Map accepted headers (any case) onto the documented Indonesian ones.
    accepted = {
        alias: documented
        for documented, (_, aliases) in columns.items()
        for alias in aliases
    }
    renamed = {}
    for header in table.columns:
        documented = accepted.get(header.strip().lower())
        if documented and documented not in renamed.values():
            renamed[header] = documented
    table = table.rename(columns=renamed)
    require_columns(table, list(columns), path)

    # Keep the documented columns only, in the documented order.
    return table[list(columns)]


def _numbered_rows(table):
    """Yield each row's spreadsheet number and its cells, stripped.

    The number is the table's index + 2 (header = row 1, or 2 below a
    ``sep=`` line), which :mod:`tokolab.tables` keeps right across blank
    lines.
    """
    records = table.to_dict("records")
    for index, cells in zip(table.index, records, strict=True):
        yield index + 2, {name: cell.strip() for name, cell in cells.items()}


def _cell_error(key, path, row, column, expected, found, **more):
    """The InputError of one cell: file, row, column, expected, found."""
    return InputError(
        key,
        path=str(path),
        row=row,
        column=column,
        expected=expected,
        found=found,
        **more,
    )


def _check_code(cell, path, row, column):
    """Return the participant code in capitals, or raise InputError."""
    code = cell.upper()
    if not CODE_PATTERN.fullmatch(code):
        raise _cell_error(
            "classrecords.bad_code", path, row, column, "P001", cell
        )
    return code


def _check_known_code(code, known, participants_path, path, row, column):
    """Raise InputError when ``code`` is not in the participant list."""
    if known is not None and code not in known:
        raise _cell_error(
            "classrecords.unknown_code",
            path,
            row,
            column,
            participants_path,
            code,
        )


def _check_session(cell, path, row, column):
    """Return the session number 1-4, or raise InputError."""
    if not SESSION_PATTERN.fullmatch(cell) or int(cell) not in SESSIONS:
        raise _cell_error(
            "classrecords.bad_session", path, row, column, _SESSION_RANGE, cell
        )
    return int(cell)


def _check_choice(cell, choices, key, path, row, column):
    """Return ``choices[cell]`` (cell in lower case), or raise InputError."""
    value = choices.get(cell.lower())
    if value is None:
        expected = ", ".join(dict.fromkeys(choices))
        raise _cell_error(key, path, row, column, expected, cell)
    return value


def _check_band(cell, bands, key, path, row, column):
    """Return the band as written in the kit's list, None when empty."""
    if not cell:
        return None
    by_lower = {band.lower(): band for band in bands}
    band = by_lower.get(cell.lower().replace(" ", ""))
    if band is None:
        raise _cell_error(key, path, row, column, ", ".join(bands), cell)
    return band


def _check_score(cell, path, row, column):
    """Return the score as a float in 0-100, or raise InputError."""
    if not SCORE_PATTERN.fullmatch(cell):
        raise _cell_error(
            "classrecords.bad_score", path, row, column, _SCORE_RANGE, cell
        )

    score = float(cell.replace(",", "."))
    if not SCORE_RANGE[0] <= score <= SCORE_RANGE[1]:
        raise _cell_error(
            "classrecords.score_out_of_range",
            path,
            row,
            column,
            _SCORE_RANGE,
            cell,
        )
    return score


def _check_unique(key, row, seen, path, expected):
    """Raise InputError when ``key`` was already seen in an earlier row."""
    if key in seen:
        found = " ".join(str(part) for part in key)
        raise _cell_error(
            "classrecords.duplicate_row",
            path,
            row,
            "kode",
            expected,
            found,
            first_row=seen[key],
        )
    seen[key] = row


def _known_codes(participants):
    """The participant codes and the file they came from, or (None, None)."""
    if participants is None:
        return None, None
    known = set(participants["code"])
    source = participants.attrs.get("path", PARTICIPANTS_FILE)
    return known, str(source)


def read_participants(path):
    """Read the participant list ``peserta.csv``.

    Parameters
    ----------
    path : str or Path

    Returns
    -------
    pandas.DataFrame
        One row per participant, in file order: ``code`` (str), ``role``
        (``"member"`` or ``"manager"``), ``age_band`` and ``schooling``
        (ordered categoricals, missing when the cell was empty).

    Raises
    ------
    InputError
        When a header is missing, a column holds names, a code is not a
        code or appears twice, or a role, age band or schooling is not one
        of the documented values. The error names the file, the row
        (header = row 1), the column, what was expected and what was found.

    Notes
    -----
    Age band and schooling may be left empty (a participant who did not say);
    the code and the role may not.
    """
    table = _read_records_table(path, PARTICIPANT_COLUMNS)

    # Check every row, keeping the first row of each code for duplicates.
    records = []
    seen = {}
    for row, cells in _numbered_rows(table):
        code = _check_code(cells["kode"], path, row, "kode")
        _check_unique((code,), row, seen, path, "kode")
        role = _check_choice(
            cells["peran"], ROLES, "classrecords.bad_role", path, row, "peran"
        )
        age_band = _check_band(
            cells["usia"],
            AGE_BANDS,
            "classrecords.bad_age_band",
            path,
            row,
            "usia",
        )
        schooling = _check_band(
            cells["pendidikan"],
            SCHOOLING,
            "classrecords.bad_schooling",
            path,
            row,
            "pendidikan",
        )
        records.append(
            {
                "code": code,
                "role": role,
                "age_band": age_band,
                "schooling": schooling,
            }
        )

    # Build the table with ordered profile columns.
    participants = pd.DataFrame(
        records, columns=["code", "role", "age_band", "schooling"]
    )
    participants["code"] = participants["code"].astype(object)
    participants["role"] = participants["role"].astype(object)
    participants["age_band"] = pd.Categorical(
        participants["age_band"], categories=AGE_BANDS, ordered=True
    )
    participants["schooling"] = pd.Categorical(
        participants["schooling"], categories=SCHOOLING, ordered=True
    )
    participants.attrs["path"] = str(path)
    logger.info("read %d participants from %s", len(participants), path)
    return participants


def read_attendance(path, participants=None):
    """Read the attendance file ``kehadiran.csv``.

    Parameters
    ----------
    path : str or Path
    participants : pandas.DataFrame, optional
        From :func:`read_participants`. When given, every code must be in
        it, and every participant must have a row for every session that
        appears in the file.

    Returns
    -------
    pandas.DataFrame
        ``code`` (str), ``session`` (int 1-4), ``present`` (bool), sorted
        by session then code.

    Raises
    ------
    InputError
        When a header is missing, a column holds names, a code is not a
        code or not in the participant list, a session is outside 1-4,
        ``hadir`` is not 1 or 0, the same code and session appear twice,
        or a participant has no row for a session held.

    Notes
    -----
    An absent participant is a row with ``hadir`` 0, not a missing row: a
    missing row would make the attendance rate look better than it was.
    """
    table = _read_records_table(path, ATTENDANCE_COLUMNS)
    known, participants_path = _known_codes(participants)

    # Check every row; the key (code, session) may appear once.
    records = []
    seen = {}
    for row, cells in _numbered_rows(table):
        code = _check_code(cells["kode"], path, row, "kode")
        _check_known_code(code, known, participants_path, path, row, "kode")
        session = _check_session(cells["sesi"], path, row, "sesi")
        present = _check_choice(
            cells["hadir"],
            PRESENT,
            "classrecords.bad_present",
            path,
            row,
            "hadir",
        )
        _check_unique((code, session), row, seen, path, "kode + sesi")
        records.append({"code": code, "session": session, "present": present})

    attendance = pd.DataFrame(records, columns=["code", "session", "present"])
    attendance = attendance.astype(
        {"code": object, "session": "int64", "present": bool}
    )

    # Every participant needs a row in every session that was recorded.
    if participants is not None:
        for session in sorted(set(attendance["session"])):
            recorded = set(
                attendance.loc[attendance["session"] == session, "code"]
            )
            for code in participants["code"]:
                if code not in recorded:
                    raise InputError(
                        "classrecords.missing_attendance",
                        path=str(path),
                        column="kode",
                        code=code,
                        session=session,
                        expected=f"{code},{session},0",
                        found="-",
                    )

    attendance = attendance.sort_values(["session", "code"], kind="stable")
    attendance = attendance.reset_index(drop=True)
    attendance.attrs["path"] = str(path)
    logger.info("read %d attendance rows from %s", len(attendance), path)
    return attendance


def read_quiz_scores(path, participants=None):
    """Read the quiz scores file ``nilai.csv``.

    Parameters
    ----------
    path : str or Path
    participants : pandas.DataFrame, optional
        From :func:`read_participants`. When given, every code must be in
        it.

    Returns
    -------
    pandas.DataFrame
        ``code`` (str), ``session`` (int 1-4), ``test`` (``"pre"`` or
        ``"post"``), ``score`` (float [points 0-100]), sorted by session,
        test (pre first) and code.

    Raises
    ------
    InputError
        When a header is missing, a column holds names, a code is not a
        code or not in the participant list, a session is outside 1-4, the
        test is not pre or post, a score is not a number or outside 0-100,
        or the same code, session and test appear twice.

    Notes
    -----
    A decimal comma (``87,5``) is read like a decimal point. A participant
    who missed a quiz has no row for it.
    """
    table = _read_records_table(path, SCORE_COLUMNS)
    known, participants_path = _known_codes(participants)

    # Check every row; the key (code, session, test) may appear once.
    records = []
    seen = {}
    for row, cells in _numbered_rows(table):
        code = _check_code(cells["kode"], path, row, "kode")
        _check_known_code(code, known, participants_path, path, row, "kode")
        session = _check_session(cells["sesi"], path, row, "sesi")
        test = _check_choice(
            cells["tes"], TESTS, "classrecords.bad_test", path, row, "tes"
        )
        score = _check_score(cells["nilai"], path, row, "nilai")
        _check_unique(
            (code, session, test), row, seen, path, "kode + sesi + tes"
        )
        records.append(
            {"code": code, "session": session, "test": test, "score": score}
        )

    scores = pd.DataFrame(records, columns=["code", "session", "test", "score"])
    scores = scores.astype(
        {"code": object, "session": "int64", "test": object, "score": float}
    )

    # Pre before post inside each session.
    order = scores["test"].map({"pre": 0, "post": 1})
    scores = scores.assign(_order=order).sort_values(
        ["session", "_order", "code"], kind="stable"
    )
    scores = scores.drop(columns="_order").reset_index(drop=True)
    scores.attrs["path"] = str(path)
    logger.info("read %d quiz scores from %s", len(scores), path)
    return scores


def read_class_records(folder=None):
    """Read and cross-check the three files of a class-records folder.

    Parameters
    ----------
    folder : str or Path, optional
        Holds ``peserta.csv``, ``kehadiran.csv`` and ``nilai.csv``. The
        sample class (``data/contoh/kelas``) when not given.

    Returns
    -------
    ClassRecords
        Attendance and scores checked against the participant list.

    Raises
    ------
    InputError
        From any of the three readers.
    """
    folder = Path(folder) if folder is not None else DEFAULT_FOLDER
    participants = read_participants(folder / PARTICIPANTS_FILE)
    attendance = read_attendance(folder / ATTENDANCE_FILE, participants)
    scores = read_quiz_scores(folder / SCORES_FILE, participants)
    return ClassRecords(
        participants=participants,
        attendance=attendance,
        scores=scores,
        folder=str(folder),
    )


def _check_session_number(session):
    """Raise ValueError unless ``session`` is one of :data:`SESSIONS`."""
    if session not in SESSIONS:
        raise ValueError(
            text(
                "classrecords.no_such_session",
                found=session,
                expected=_SESSION_RANGE,
            )
        )


def attendance_rate(attendance, session):
    """Share of participants present in one session.

    Parameters
    ----------
    attendance : pandas.DataFrame
        From :func:`read_attendance`.
    session : int
        1-4.

    Returns
    -------
    float [fraction 0-1]
        Rows with ``present`` true divided by the session's rows; NaN when
        the session has no rows (not held or not recorded yet).

    Raises
    ------
    ValueError
        When ``session`` is not 1-4.
    """
    _check_session_number(session)
    rows = attendance.loc[attendance["session"] == session, "present"]
    if rows.empty:
        return math.nan
    return float(rows.sum() / len(rows))


def quiz_summary(scores, session):
    """Pre- and post-quiz results of one session, over matched pairs.

    Only participants with both a pre and a post score in the session
    count in ``n`` and in the three means, so that ``gain_mean`` equals
    ``post_mean - pre_mean``.

    Parameters
    ----------
    scores : pandas.DataFrame
        From :func:`read_quiz_scores`.
    session : int
        1-4.

    Returns
    -------
    dict
        ``n`` (int, participants with both scores), ``pre_mean``,
        ``post_mean`` and ``gain_mean`` (float [points 0-100]; NaN when
        ``n`` is 0), ``n_improved`` (int, pairs with post above pre),
        ``n_pre`` and ``n_post`` (int, everyone who took each quiz, paired
        or not).

    Raises
    ------
    ValueError
        When ``session`` is not 1-4.
    """
    _check_session_number(session)
    in_session = scores.loc[scores["session"] == session]

    # One row per participant, pre and post side by side.
    wide = in_session.pivot(index="code", columns="test", values="score")
    wide = wide.reindex(columns=["pre", "post"])
    pairs = wide.dropna()

    n = len(pairs)
    gains = pairs["post"] - pairs["pre"]
    return {
        "n": n,
        "pre_mean": float(pairs["pre"].mean()) if n else math.nan,
        "post_mean": float(pairs["post"].mean()) if n else math.nan,
        "gain_mean": float(gains.mean()) if n else math.nan,
        "n_improved": int((gains > 0).sum()),
        "n_pre": int(wide["pre"].notna().sum()),
        "n_post": int(wide["post"].notna().sum()),
    }
