"""Activity journals (*jurnal kegiatan*): what was done, and when.

File format
-----------
A CSV file (read through :mod:`tokolab.tables`) or an Excel workbook
(``.xlsx``, first sheet) with one row per activity: a date column and an
activity column, optionally a number. The programme's own journal
(``data/program/jurnal.csv``)::

    No,Tanggal,Kegiatan
    1,11 November 2023 - 06 November 2023,Penyusunan instrumen ...
    2,"Selasa, 07 November 2023",Menghubungi komunitas

Headers, in any letter case:

============  ==============================================================
role          headers
============  ==============================================================
``date``      Tanggal, Tgl, Hari/Tanggal, Waktu, Waktu Pelaksanaan, Date
``activity``  Kegiatan, Uraian Kegiatan, Nama Kegiatan, Aktivitas, Uraian,
              Keterangan, Activity
``no``        No, Nomor (optional, ignored)
============  ==============================================================

A date cell holds one date or a range, in any form :mod:`tokolab.dates`
reads: ``Selasa, 07 November 2023``, ``06 Desember 2023 - 25 Desember
2023``, ``1-4 Januari 2024``. The header row is looked for in the first
rows, so a title line above it is skipped.

Notes
-----
* A range that runs backwards (``11 November 2023 - 06 November 2023``)
  is kept as written and flagged; which end is wrong only the author
  knows.
* A weekday that contradicts its date (``Rabu, 07 November 2023``) is
  kept, with the date as numbered, and flagged.
* Both are reported by :func:`journal_findings`, not raised: a journal is
  a record, and its entries stay on the timeline while they are checked.
* A date that cannot be read at all is an error naming the row.
"""

import logging
from pathlib import Path

import pandas as pd

from tokolab.budget import read_rows
from tokolab.dates import (
    DateFormatError,
    format_date,
    format_date_range,
    parse_written_range,
    weekday_mismatch_text,
)
from tokolab.errors import InputError
from tokolab.messages import text

logger = logging.getLogger(__name__)

HEADER_SEARCH_ROWS = 10
"""How many rows from the top may hold the header row."""

HEADER_ALIASES = {
    "date": (
        "tanggal",
        "tgl",
        "hari/tanggal",
        "hari, tanggal",
        "hari tanggal",
        "waktu",
        "waktu pelaksanaan",
        "tanggal kegiatan",
        "date",
    ),
    "activity": (
        "kegiatan",
        "uraian kegiatan",
        "nama kegiatan",
        "aktivitas",
        "uraian",
        "keterangan",
        "activity",
    ),
    "no": ("no", "nomor", "no urut"),
}
"""Header names, lower case, for each column role."""

COLUMNS = (
    "start",
    "end",
    "activity",
    "date_written",
    "backwards",
    "source_row",
)
"""Columns of :func:`read_journal`'s table."""

FINDING_KINDS = ("backwards", "weekday_mismatch", "activity_missing")


def read_journal(path):
    """Read an activity journal and put it in time order.

    Parameters
    ----------
    path : str or Path
        A CSV file or an ``.xlsx`` workbook (see the module's description).

    Returns
    -------
    pandas.DataFrame
        One row per entry, columns :data:`COLUMNS`: ``start`` and ``end``
        (:class:`datetime.date`, as written, equal for a single day),
        ``activity`` (str), ``date_written`` (str), ``backwards`` (bool,
        ``end`` before ``start``) and ``source_row`` (the row in the file,
        header = 1 in a CSV file). Sorted by the earlier of ``start`` and
        ``end`` (that is ``start``, except for a backwards range), then by
        the order in the file. ``attrs["path"]`` names the file.

    Raises
    ------
    InputError
        When the file cannot be read as a table, has no date or activity
        column, or a date cannot be read; the error names the file, the
        row and column, what was expected and what was found.
    """
    path = Path(path)
    logger.info("reading journal %s", path)
    rows = read_rows(path)

    # Find the header row and the two columns.
    header_index, roles = _find_header(rows, path)
    header = rows[header_index][1]

    # Read each entry's dates as written.
    entries = []
    for row_number, cells in rows[header_index + 1 :]:
        if not any(cell.strip() for cell in cells):
            continue
        written = _cell(cells, roles["date"])
        try:
            start, end = parse_written_range(written)
        except DateFormatError as error:
            raise InputError(
                "journal.bad_date",
                path=str(path),
                row=row_number,
                column=header[roles["date"]],
                expected="Selasa, 07 November 2023",
                found=written,
                reason=error,
            ) from None
        entries.append(
            {
                "start": start.date,
                "end": end.date,
                "activity": _cell(cells, roles["activity"]),
                "date_written": written,
                "backwards": end.date < start.date,
                "source_row": row_number,
            }
        )

    if not entries:
        raise InputError("journal.no_entries", path=str(path))

    # Order the timeline by the earlier date of each entry; the sort is
    # stable, so entries of the same day keep the file's order.
    entries.sort(key=lambda entry: min(entry["start"], entry["end"]))
    journal = pd.DataFrame(entries, columns=list(COLUMNS))
    journal.attrs["path"] = str(path)
    logger.info("read %d journal entries from %s", len(journal), path)
    return journal


def journal_findings(journal, language=None):
    """What in a journal needs checking by its author.

    Parameters
    ----------
    journal : pandas.DataFrame
        As returned by :func:`read_journal`.
    language : str, optional
        Language of the messages; the language in use when not given.

    Returns
    -------
    pandas.DataFrame
        One row per finding, in timeline order: ``date_written``, ``kind``
        (``backwards``, ``weekday_mismatch`` or ``activity_missing``) and
        ``message``.
    """
    findings = []
    for entry in journal.itertuples(index=False):
        written = entry.date_written

        # A range whose end comes before its start.
        if entry.backwards:
            findings.append(
                {
                    "date_written": written,
                    "kind": "backwards",
                    "message": text(
                        "journal.backwards",
                        language=language,
                        found=written,
                        start=format_date(
                            entry.start, language=language, weekday=False
                        ),
                        end=format_date(
                            entry.end, language=language, weekday=False
                        ),
                        swapped=format_date_range(
                            entry.end, entry.start, language=language
                        ),
                    ),
                }
            )

        # A weekday written in front that the date contradicts.
        for side in dict.fromkeys(parse_written_range(written)):
            if side.weekday_contradicts:
                findings.append(
                    {
                        "date_written": written,
                        "kind": "weekday_mismatch",
                        "message": weekday_mismatch_text(
                            side, written, language=language
                        ),
                    }
                )

        # An entry without an activity.
        if not entry.activity:
            findings.append(
                {
                    "date_written": written,
                    "kind": "activity_missing",
                    "message": text(
                        "journal.activity_missing",
                        language=language,
                        found=written,
                    ),
                }
            )

    return pd.DataFrame(findings, columns=["date_written", "kind", "message"])


def _cell(cells, index):
    """The stripped text of a cell, empty past the end of a short row."""
    return cells[index].strip() if index < len(cells) else ""


def _role(name):
    """The role of a header cell, or None."""
    name = " ".join(str(name).lower().split()).rstrip(".:")
    for role, aliases in HEADER_ALIASES.items():
        if name in aliases:
            return role
    return None


def _find_header(rows, path):
    """Index of the header row and the column of each role in it."""
    for index, (_, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        roles = {}
        for column, cell in enumerate(cells):
            role = _role(cell)
            if role and role not in roles:
                roles[role] = column
        if "date" in roles and "activity" in roles:
            return index, roles

    first = rows[0][1] if rows else []
    raise InputError(
        "common.missing_columns",
        path=str(path),
        expected="Tanggal, Kegiatan",
        found=", ".join(cell for cell in first if cell.strip()) or "-",
    )
