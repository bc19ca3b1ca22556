"""Google Analytics 4 CSV exports (Download file -> CSV, any report).

The format
----------
GA4 writes one text file: a preamble of lines starting with ``#``, then one
or more tables, each a header row and data rows separated from the next
table by a blank line. A report export looks like this::

    # ----------------------------------------
    # Pages and screens: Page path and screen class
    # Account: Toko Kita
    # Property: Toko Kita - GA4
    # ----------------------------------------
    #
    # All Users
    # Start date: 20260224
    # End date: 20260323
    Page path and screen class,Views,Active users,...
    /,221,154,...

Preamble lines, after the ``#`` and surrounding spaces are taken off:

- a dashed rule (``-----``), around the report's title, account and
  property;
- the report title: the first free line inside the rules (or the first
  free line at all, when there are no rules);
- ``Account:`` / ``Akun:`` and ``Property:`` / ``Properti:``;
- the segment, a free line after the rules such as ``All Users``
  (``Semua Pengguna``);
- ``Start date:`` / ``Tanggal mulai:`` and ``End date:`` /
  ``Tanggal akhir:`` with a date written ``YYYYMMDD`` (``2026-02-24`` is
  accepted too);
- an empty line, or one of only ``#`` and spaces: nothing.

Every table after the first has a comment block of its own (blank lines,
then ``#`` lines, before its header): a free line there is the table's
title, and start and end lines there are the table's period. A table with
none keeps the period before it.

Columns: the first column names what the rows are (a dimension: page path,
channel, date ...), and so does any later column that is not a number. A
metric's header is named canonically when it is one of
:data:`METRIC_ALIASES` (``Views`` -> ``views``, ``Average engagement time
per active user`` -> ``average_engagement_time_s``); any other header is
kept as written. Dimensions in :data:`DIMENSION_ALIASES` are named the same
way, their values kept as the text written. The English spellings are those
of real exports; the Indonesian ones are the words of GA4's Indonesian
interface, not yet checked against a downloaded file.

Cells of a metric, and what they become:

- ``221``, ``1.4350649350649352``: the number, unrounded.
- ``"1,234"`` (comma inside quotes), ``1 234``, ``1\u00a0234``: grouped
  thousands -> 1234. A comma followed by groups of exactly three digits
  groups thousands; any other lone comma is a decimal comma (``12,5``).
  With both marks, the last one is the decimal mark (``1.234,5``).
- ``62.5%`` -> 0.625 [fraction 0-1]. A rate (``engagement_rate``,
  ``bounce_rate``) written without ``%`` is already a fraction, as GA4
  writes it.
- empty -> missing (NaN). In a cohort table (a header naming ``Cohort`` or
  ``Kohort``), ``-1`` means "not available" and is missing too.
"""

import logging
import math
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from tokolab.errors import InputError
from tokolab.messages import LaterText
from tokolab.tables import (
    decode_bytes,
    header_cells,
    parse_delimited,
    read_bytes,
)

logger = logging.getLogger(__name__)

# A GA4 export is a few hundred kilobytes; anything far bigger is not one.
MAX_FILE_BYTES = 50 * 1024 * 1024

# Canonical metric -> every header it has been written under (en, id).
# Compared after folding case and collapsing spaces.
METRIC_ALIASES = {
    "views": ("Views", "Tampilan"),
    "active_users": ("Active users", "Pengguna aktif"),
    "new_users": ("New users", "Pengguna baru"),
    "total_users": ("Total users", "Total pengguna"),
    "sessions": ("Sessions", "Sesi"),
    "engaged_sessions": ("Engaged sessions", "Sesi dengan interaksi"),
    "engagement_rate": ("Engagement rate", "Rasio interaksi"),
    "bounce_rate": ("Bounce rate", "Rasio pentalan", "Rasio pantulan"),
    "views_per_active_user": (
        "Views per active user",
        "Tampilan per pengguna aktif",
    ),
    "average_engagement_time_s": (
        "Average engagement time",
        "Average engagement time per active user",
        "Rata-rata waktu interaksi",
        "Rata-rata waktu interaksi per pengguna aktif",
    ),
    "average_engagement_time_per_session_s": (
        "Average engagement time per session",
        "Rata-rata waktu interaksi per sesi",
    ),
    "event_count": ("Event count", "Jumlah peristiwa"),
    "key_events": ("Key events", "Peristiwa utama"),
    "conversions": ("Conversions", "Konversi"),
    "total_revenue": ("Total revenue", "Total pendapatan"),
    "purchase_revenue": ("Purchase revenue", "Pendapatan pembelian"),
}

# Canonical dimension -> headers (en, id). Their values stay text.
DIMENSION_ALIASES = {
    "page_path": (
        "Page path and screen class",
        "Page path",
        "Jalur halaman dan kelas layar",
        "Jalur halaman",
    ),
    "page_title": (
        "Page title and screen class",
        "Page title and screen name",
        "Page title",
        "Judul halaman dan kelas layar",
        "Judul halaman dan nama layar",
        "Judul halaman",
    ),
    "date": ("Date", "Tanggal"),
    "nth_day": ("Nth day", "Hari ke-N"),
    "channel": (
        "Session default channel group",
        "First user default channel group",
        "Default channel group",
        "Grup saluran default sesi",
        "Grup saluran default pengguna pertama",
        "Grup saluran default",
    ),
    "source_medium": ("Session source / medium", "Sumber / media sesi"),
    "browser": ("Browser",),
    "device_category": ("Device category", "Kategori perangkat"),
    "country": ("Country", "Negara"),
    "city": ("City", "Kota"),
    "event_name": ("Event name", "Nama peristiwa"),
    "landing_page": (
        "Landing page",
        "Landing page + query string",
        "Halaman landing",
    ),
}

# Metrics that add up over the rows of any table, so a totals row can be
# checked against their sum. Users and sessions do not: one user views
# many pages and is counted on each page's row.
ADDITIVE_METRICS = (
    "views",
    "event_count",
    "key_events",
    "conversions",
    "total_revenue",
    "purchase_revenue",
)

# Rates GA4 writes as a fraction; written with "%" they are divided by 100.
RATES = ("engagement_rate", "bounce_rate")

# Ratios and averages: float even when every value happens to be whole.
FLOAT_METRICS = (
    *RATES,
    "views_per_active_user",
    "average_engagement_time_s",
    "average_engagement_time_per_session_s",
)

# First cells of a totals row, folded.
TOTAL_LABELS = ("grand total", "total keseluruhan", "totals", "jumlah total")

# Preamble keys (folded, without the colon) -> what they give, and the UI
# language that writes them.
PREAMBLE_KEYS = {
    "account": ("account", "en"),
    "akun": ("account", "id"),
    "property": ("property", "en"),
    "properti": ("property", "id"),
    "start date": ("start", "en"),
    "tanggal mulai": ("start", "id"),
    "end date": ("end", "en"),
    "tanggal akhir": ("end", "id"),
}

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_RULE = re.compile(r"-{3,}")
_KEY_VALUE = re.compile(r"(?P<key>[^:]+):\s*(?P<value>.*)")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})", re.ASCII)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)

# Numbers as GA4 and spreadsheets write them. Grouping marks: comma, dot,
# space, no-break space, narrow no-break space; the same mark throughout.
_PLAIN = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?", re.ASCII)
_DECIMAL_COMMA = re.compile(r"-?\d+,\d+", re.ASCII)
_GROUPED = re.compile(
    r"-?\d{1,3}(?P<group>[,. \u00a0\u202f])\d{3}(?:(?P=group)\d{3})*"
    r"(?:(?P<decimal>[.,])\d+)?",
    re.ASCII,
)


@dataclass
class GA4Table:
    """One table of a GA4 export.

    Attributes
    ----------
    title : str or None
        The table's own ``#`` title; the report title for the first table.
    start, end : datetime.date or None
        The table's period, from its own start and end lines or the ones
        before it.
    columns : list of str
        The headers as written.
    frame : pandas.DataFrame
        One column per header: canonical names where known (``views``,
        ``active_users``, ``engagement_rate`` [fraction 0-1],
        ``average_engagement_time_s`` [s] ...), else the header as written.
        Metrics are int64 when every value is whole and present, float64
        otherwise (missing = NaN); dimensions are text. A totals row is
        left out; the index runs from 0.
    header_row : int
        The file line of the header (line 1 = first line).
    dimensions : list of str
        The frame's dimension columns.
    metrics : list of str
        The frame's metric columns.
    """

    title: str | None
    start: date | None
    end: date | None
    columns: list
    frame: pd.DataFrame = field(repr=False)
    header_row: int = 1
    dimensions: list = field(default_factory=list)
    metrics: list = field(default_factory=list)


@dataclass
class GA4Export:
    """A GA4 CSV export, read and checked.

    Attributes
    ----------
    source : str
        The file read.
    title : str or None
        The report's title, such as ``Pages and screens: Page path and
        screen class``.
    account, property, segment : str or None
        From the preamble; None when it has no such line.
    start, end : datetime.date or None
        The first table's period.
    language : str
        ``"id"`` when the preamble's keys are Indonesian, else ``"en"``.
    tables : list of GA4Table
        In the file's order.
    """

    source: str
    title: str | None = None
    account: str | None = None
    property: str | None = None
    segment: str | None = None
    start: date | None = None
    end: date | None = None
    language: str = "en"
    tables: list = field(default_factory=list, repr=False)


def read_ga4(path):
    """Read a GA4 CSV export.

    Parameters
    ----------
    path : str or Path
        The CSV file as downloaded from GA4 (Share this report / Download
        file / Download CSV), or saved again from a spreadsheet.

    Returns
    -------
    GA4Export

    Raises
    ------
    InputError
        When the file is missing or not text; a start or end line does not
        hold a date or the period runs backwards; a table has two headers
        for one column or a row longer than its header; a metric cell is
        not a number; a totals row disagrees with the sum of the rows; the
        file holds no table, no metric, or only zero or missing metrics.
        The error names the file and, where they apply, the row (the file's
        line, line 1 first), column, expected and found.

    Notes
    -----
    Quirks of the files, all handled here:

    - Line ends are LF or CRLF; the last line often has no line end.
    - Lines of only ``#`` or ``# `` followed by spaces, and blank lines
      between the preamble and the header, are skipped.
    - A ``#`` inside a table is data: ``Promo #1 Ramadan,44,40`` is one
      row whose first cell is ``Promo #1 Ramadan``. Only lines before a
      table's header are read as comments.
    - Titles may hold emoji and colons (``Pages and screens: Page path``).
    - GA4 writes no totals row, but a file saved again from the screen or a
      spreadsheet may: a ``Grand total`` / ``Total keseluruhan`` row is
      checked against the sum of the rows for every metric in
      :data:`ADDITIVE_METRICS`, then left out. A mismatch is an error that
      names the row.
    - Floats are written unrounded (``1.4350649350649352``) and kept so.
    - A file where every metric is zero or missing is refused: it is
      almost always the export of an empty period or a wrong filter.
    - Row numbers are file lines; a quoted cell holding a line break puts
      the rows below it one line off.
    """
    path = Path(path)
    content = _decode(path)
    lines = [match.group() for match in _LINE.finditer(content)]
    if lines and lines[-1] == "":
        lines.pop()

    # Split the file into comment blocks and the table each one heads.
    blocks = _split_blocks(lines)
    if not blocks:
        raise InputError("ga4.no_table", path=str(path))

    # The first block is the file's preamble.
    export = GA4Export(source=str(path))
    period = {"start": None, "end": None}
    for number, (comments, header_line, body) in enumerate(blocks):
        found = _read_comments(comments, path, first=number == 0)
        if number == 0:
            export.title = found["title"]
            export.account = found["account"]
            export.property = found["property"]
            export.segment = found["segment"]
            export.language = found["language"]
        for key in ("start", "end"):
            if found[key] is not None:
                period[key] = found[key]
        _check_period(period, path, comments)

        table = _read_table(header_line, body, path)
        table.title = found["title"]
        table.start, table.end = period["start"], period["end"]
        export.tables.append(table)

    export.start = export.tables[0].start
    export.end = export.tables[0].end
    _refuse_empty_metrics(export, path)
    logger.info("read %s: %d tables", path, len(export.tables))
    return export


def looks_like_ga4(content):
    """Whether decoded text starts like a GA4 export.

    Parameters
    ----------
    content : str
        A file's text.

    Returns
    -------
    bool
        True when the first non-blank line is a ``#`` line and a ``#`` line
        before the first table names a start or end date.
    """
    for line in content.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            return False
        match = _KEY_VALUE.fullmatch(stripped.lstrip("#").strip())
        if match and PREAMBLE_KEYS.get(_fold(match["key"]), ("",))[0] in (
            "start",
            "end",
        ):
            return True
    return False


def parse_metric(written, percent_is_fraction=True):
    """Read one metric cell.

    Parameters
    ----------
    written : str
        ``221``, ``1.4350649350649352``, ``1,234``, ``1 234``, ``12,5``,
        ``62.5%``, ``1.5e-05``, ``-3``.
    percent_is_fraction : bool
        Divide a ``%`` value by 100 (``62.5%`` -> 0.625).

    Returns
    -------
    float

    Raises
    ------
    ValueError
        When the text is not such a number, or too large for a float.
    """
    cell = written.strip()
    percent = cell.endswith("%")
    if percent:
        cell = cell[:-1].strip()

    if _PLAIN.fullmatch(cell):
        number = float(cell)
    elif _DECIMAL_COMMA.fullmatch(cell) and not _GROUPED.fullmatch(cell):
        number = float(cell.replace(",", "."))
    else:
        match = _GROUPED.fullmatch(cell)
        if not match or match["group"] == match["decimal"]:
            raise ValueError(f"not a number: {written!r}")
        whole = cell
        fraction = ""
        if match["decimal"]:
            whole = cell[: match.start("decimal")]
            fraction = "." + cell[match.start("decimal") + 1 :]
        sign = "-" if whole.startswith("-") else ""
        number = float(sign + re.sub(r"\D", "", whole) + fraction)

    if not math.isfinite(number):
        raise ValueError(f"too large: {written!r}")
    if percent and percent_is_fraction:
        number /= 100
    return number


def _decode(path):
    """The file's text, refusing what is far too big to be an export."""
    try:
        size = path.stat().st_size if path.is_file() else 0
    except OSError:
        size = 0
    if size > MAX_FILE_BYTES:
        raise InputError(
            "ga4.too_large",
            path=str(path),
            found=size,
            expected=MAX_FILE_BYTES,
        )
    content, encoding = decode_bytes(read_bytes(path), path)
    logger.info("reading %s (%s)", path, encoding)
    return content


def _fold(name):
    """A header or key as compared: no case, single spaces."""
    return " ".join(str(name).split()).casefold()


def _split_blocks(lines):
    """Group the file's lines into (comments, header line, body).

    ``comments`` is a list of ``(line number, text)`` above the table,
    ``header_line`` the header's line number (1 = first line) and ``body``
    the table's lines from the header on, up to a blank line outside
    quotes.
    """
    blocks = []
    comments, body, header_line = [], [], None
    inside_quotes = False
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()

        # Before a header: comments and blank lines.
        if header_line is None:
            if stripped.startswith("#"):
                comments.append((number, stripped))
            elif stripped:
                header_line, body = number, [line]
                inside_quotes = line.count('"') % 2 == 1
            continue

        # Inside a table: a blank line outside quotes ends it.
        if not stripped and not inside_quotes:
            blocks.append((comments, header_line, body))
            comments, body, header_line = [], [], None
            continue
        body.append(line)
        if line.count('"') % 2 == 1:
            inside_quotes = not inside_quotes

    if header_line is not None:
        blocks.append((comments, header_line, body))
    return blocks


def _read_comments(comments, path, first):
    """Read one comment block into title, keys, segment and period."""
    found = dict.fromkeys(
        ("title", "account", "property", "segment", "start", "end")
    )
    found["language"] = "en"
    rules, free = 0, []
    for number, line in comments:
        # Excel may leave delimiters at the end of a saved comment line.
        content = line.lstrip("#").strip().rstrip(",;\t ").strip()
        if not content:
            continue
        if _RULE.fullmatch(content):
            rules += 1
            continue

        match = _KEY_VALUE.fullmatch(content)
        known = match and PREAMBLE_KEYS.get(_fold(match["key"]))
        if known:
            name, language = known
            value = match["value"].strip()
            if language == "id":
                found["language"] = "id"
            if name in ("start", "end"):
                found[name] = _parse_date(value, path, number, name)
            else:
                found[name] = value
            continue
        free.append((rules, content))

    # The first block: the title inside the rules, the segment after them.
    if first:
        inside = [text for count, text in free if count == 1]
        outside = [text for count, text in free if count != 1]
        if rules == 0:
            inside, outside = free[:1], free[1:]
            inside = [text for _, text in inside]
            outside = [text for _, text in outside]
        found["title"] = inside[0] if inside else None
        found["segment"] = outside[0] if outside else None
    else:
        found["title"] = " / ".join(text for _, text in free) or None
    return found


def _parse_date(value, path, row, name):
    """A preamble date, ``YYYYMMDD`` or ``YYYY-MM-DD``."""
    match = _COMPACT_DATE.fullmatch(value) or _ISO_DATE.fullmatch(value)
    try:
        if not match:
            raise ValueError(value)
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        raise InputError(
            "ga4.bad_date",
            path=str(path),
            row=row,
            column=LaterText(f"ga4.{name}_line"),
            expected=LaterText("ga4.expected_date"),
            found=value,
        ) from None


def _check_period(period, path, comments):
    """Refuse a period whose end comes before its start."""
    start, end = period["start"], period["end"]
    if start is not None and end is not None and end < start:
        row = comments[-1][0] if comments else 1
        raise InputError(
            "ga4.period_backwards",
            path=str(path),
            row=row,
            expected=start.isoformat(),
            found=end.isoformat(),
        )


_METRIC_INDEX = {
    _fold(spelling): name
    for name, spellings in METRIC_ALIASES.items()
    for spelling in spellings
}
_DIMENSION_INDEX = {
    _fold(spelling): name
    for name, spellings in DIMENSION_ALIASES.items()
    for spelling in spellings
}


def _read_table(header_line, body, path):
    """Parse one table's lines and convert its metrics."""
    # Blank lines in place of the lines above keep row numbers = file lines.
    block = "\n" * (header_line - 1) + "".join(body)
    raw = parse_delimited(block, path)
    headers = header_cells(block)
    if len(headers) != len(raw.columns):
        headers = list(raw.columns)

    # Name each column; the first is a dimension unless a known metric.
    cohort = any("cohort" in _fold(h) or "kohort" in _fold(h) for h in headers)
    names, kinds = [], []
    for position, header in enumerate(headers):
        folded = _fold(header)
        if folded in _METRIC_INDEX:
            names.append(_METRIC_INDEX[folded])
            kinds.append("metric")
        elif folded in _DIMENSION_INDEX:
            names.append(_DIMENSION_INDEX[folded])
            kinds.append("dimension")
        else:
            names.append(header)
            numeric = position > 0 and _all_numbers(raw.iloc[:, position])
            kinds.append("metric" if numeric else "dimension")

    doubled = [
        h for h, n in zip(headers, names, strict=True) if names.count(n) > 1
    ]
    if doubled:
        raise InputError(
            "ga4.duplicate_column",
            path=str(path),
            row=header_line,
            found=", ".join(doubled),
        )
    raw = raw.set_axis(names, axis="columns")

    # Convert the metrics, naming the first cell that does not read.
    frame = raw.copy()
    metrics = [n for n, k in zip(names, kinds, strict=True) if k == "metric"]
    written = dict(zip(names, headers, strict=True))
    for name in metrics:
        frame[name] = _convert(raw[name], name, written[name], path, cohort)

    # A totals row is checked against the sum, then left out.
    if kinds and kinds[0] == "dimension":
        frame = _drop_totals(frame, names[0], metrics, written, path)

    frame = frame.reset_index(drop=True)
    for name in metrics:
        frame[name] = _narrow(frame[name], name)
    frame.attrs["path"] = str(path)
    return GA4Table(
        title=None,
        start=None,
        end=None,
        columns=headers,
        frame=frame,
        header_row=header_line,
        dimensions=[n for n in names if n not in metrics],
        metrics=metrics,
    )


def _all_numbers(cells):
    """Whether a column of unknown meaning holds only numbers."""
    present = [cell for cell in cells if cell.strip()]
    if not present:
        return False
    for cell in present:
        try:
            parse_metric(cell)
        except ValueError:
            return False
    return True


def _convert(cells, name, written_name, path, cohort):
    """Convert one metric column to float; the first bad cell raises."""
    values = []
    for index, cell in cells.items():
        if not cell.strip() or (cohort and cell.strip() == "-1"):
            values.append(math.nan)
            continue
        try:
            values.append(parse_metric(cell))
        except ValueError:
            raise InputError(
                "ga4.bad_cell",
                path=str(path),
                row=int(index) + 2,
                column=written_name,
                expected=LaterText("ga4.expected_number"),
                found=cell,
            ) from None
    return pd.Series(values, index=cells.index, dtype="float64")


def _drop_totals(frame, dimension, metrics, written, path):
    """Check each totals row against the sum of the other rows; drop it."""
    labels = frame[dimension].map(_fold)
    is_total = labels.isin(TOTAL_LABELS)
    if not is_total.any():
        return frame

    rows = frame[~is_total]
    for index in frame.index[is_total]:
        checked = [m for m in metrics if m in ADDITIVE_METRICS]
        for metric in checked:
            total = frame.at[index, metric]
            summed = float(rows[metric].sum())
            if math.isnan(total):
                continue
            if not math.isclose(total, summed, rel_tol=1e-6, abs_tol=0.01):
                raise InputError(
                    "ga4.total_mismatch",
                    path=str(path),
                    row=int(index) + 2,
                    column=written[metric],
                    expected=_plain(summed),
                    found=_plain(total),
                )
        if not checked:
            logger.info(
                "%s row %d: totals row left out unchecked",
                path,
                int(index) + 2,
            )
    return rows


def _plain(number):
    """A number for a message: whole numbers without ``.0``."""
    return str(int(number)) if float(number).is_integer() else str(number)


def _narrow(values, name):
    """int64 when every value is whole and present, else float64."""
    whole = (
        name not in FLOAT_METRICS
        and not values.isna().any()
        and bool((values.abs() < 2**53).all())
        and bool((values == values.round()).all())
    )
    return values.astype("int64") if whole else values


def _refuse_empty_metrics(export, path):
    """Refuse a file with no metric, or only zero or missing metrics."""
    metrics = [
        table.frame[name] for table in export.tables for name in table.metrics
    ]
    if not metrics:
        headers = "; ".join(", ".join(t.columns) for t in export.tables)
        raise InputError("ga4.no_metrics", path=str(path), found=headers or "-")
    if all(((column == 0) | column.isna()).all() for column in metrics):
        raise InputError("ga4.all_zero", path=str(path))
