"""``tokolab check``: say what a file or folder is, what it holds, and its
problems.

:func:`inspect_path` recognises the kinds of input the kit reads and returns
a plain dictionary that ``--json`` prints as it is:

============== ============================================================
kind           fields besides ``path``, ``kind`` and ``problems``
============== ============================================================
searchconsole  ``language``, ``tables`` (table name to row count),
               ``totals`` (clicks, impressions, ctr [fraction 0-1],
               position), ``truncated`` (names of tables cut at 1,000
               rows), ``period`` (``start``, ``end`` as ISO dates),
               ``filters``
ga4            ``title``, ``property``, ``segment``, ``period``
               (``start``, ``end`` as ISO dates, null when not written),
               ``tables`` (one per table: ``title``, ``columns`` as
               written, ``rows``), ``totals`` (``views``,
               ``active_users`` summed over the first table, when it
               has them)
budget         ``rows``, ``total_written``, ``total_recomputed`` (whole
               Rupiah), ``flagged_rows`` (the table's ``No`` values)
journal        ``entries``, ``first``, ``last`` (ISO dates, the earliest
               and latest date written, a backwards range included),
               ``flagged`` (the dates as written of entries with a
               problem, each once)
uptime         ``source`` (the log's format: ``checks``, ``events``,
               ``tokolab``, ``uptimerobot``, ``uptimekuma``), ``monitors``,
               ``start``, ``end`` (ISO times with offset, the stretch the
               log covers; null when it observed nothing),
               ``uptime_pct`` [percent 0-100, of the observed
               time], ``coverage_pct`` [percent 0-100, observed time of
               the stretch], ``incidents`` [count], ``downtime_minutes``,
               ``mttr_minutes``, ``mtbf_minutes`` [minutes] (mean time to
               repair and between failures, null without incidents),
               ``unknown_minutes`` [minutes], ``gaps`` (the longest ten
               stretches not watched, longest first: ``monitor``,
               ``start``, ``end``, ``minutes``), ``per_monitor`` (one
               entry per monitor: ``monitor``, ``uptime_pct``,
               ``coverage_pct``, ``incidents``, ``downtime_minutes``;
               the figures above add all monitors together)
class          ``participants``, ``sessions`` (per session: ``present``,
               ``enrolled``, ``attendance_rate``, quiz ``pairs``,
               ``pre_mean``, ``post_mean``)
products       ``source`` (the product list read), ``marketplace`` (whose
               length limits the descriptions were checked against),
               ``products`` [count], ``with_photo``, ``without_photo``
               [count] (a photo named, or the cell empty),
               ``missing_photos`` (photos named but not found: ``code``,
               ``photo`` as written relative to the list's folder),
               ``findings`` (the copywriting check's findings per kind of
               :data:`tokolab.copywriting.KINDS`, zeros included),
               ``products_with_findings`` [count]
photo          ``source`` (the photo read), ``format`` (Pillow's name:
               ``JPEG``, ``PNG`` ...), ``width``, ``height`` [pixels, as
               stored], ``bytes``, ``orientation`` (EXIF Orientation 1-8,
               null without one), ``square`` (both sides equal, once
               upright), ``meets_limits`` (square, its side within
               ``limits`` and its file within ``max_bytes``: ready for a
               marketplace as it is), ``limits`` (``min_side``,
               ``max_side`` [pixels], ``max_bytes``), ``square_photo``
               (what :func:`tokolab.productcatalog.square_photo` would
               make of it: ``side`` [pixels], ``bytes``, ``quality``,
               ``rotated``, ``transparent``, ``scaled``; null when it
               cannot fit ``max_bytes``)
folder         ``parts``: one inspection for each of ``kelas/``,
               ``searchconsole/``, ``uptime/`` (a folder holding one log,
               or a ``kuma.db`` with its JSON backup), ``produk/`` (a
               folder holding ``produk.csv``, the product list, and its
               photos), ``anggaran.csv`` and ``jurnal.csv`` found in a
               data or programme folder, or ``path`` and ``error`` for a
               part that cannot be read
============== ============================================================

``problems`` lists every finding as a sentence in the language in use.
:func:`describe` turns the dictionary into a few lines for a person.

A file is recognised by trying each reader in turn: a reader that does not
know the file's headers says so with one of the keys in
:data:`NOT_THIS_KIND`, and the next one is tried. An error of any other
kind means the file was recognised but is broken, and it is raised as it is,
unless the uptime reader knows the headers too (a checks log headed
``Waktu, Status, Keterangan`` also fits the journal): then its answer wins.
An SQLite file is an Uptime Kuma database and goes to the uptime reader
straight away; a CSV that no other reader knows is tried as an uptime log
last. A workbook (``.xlsx``, ``.xls``) is a budget or a journal, never a Search
Console export, so an old ``.xls`` gets the budget's advice to save it as
``.xlsx`` or CSV. A photo (by its name's ending, such as ``.jpg`` or
``.heic``, or by its first bytes) goes to the photo reader straight away,
so that a damaged photo or an iPhone's HEIC photo gets the catalog's
advice rather than being taken for a broken CSV.

A folder holding ``produk.csv`` is a product list with its photos. A
folder holding ``peserta``, ``kehadiran`` or ``nilai`` files (in any
letter case, with any extension, so that the class reader can say what is
wrong with them) is a class's records. A folder with nothing in it but
hidden files gives ``check.empty_folder``; any other folder is read as an
unzipped Search Console export, and one that is not gives
``check.unknown_folder``. An export holding no data table, only its
filters, is described as such and its missing tables are a problem.
"""

import logging
import math
import os
from datetime import date, datetime, time, timedelta
from pathlib import Path

from tokolab.budget import audit_budget, read_budget
from tokolab.classrecords import (
    ATTENDANCE_FILE,
    PARTICIPANTS_FILE,
    SCORES_FILE,
    attendance_rate,
    quiz_summary,
    read_class_records,
)
from tokolab.copywriting import KINDS, check_products, read_rules
from tokolab.dates import format_date
from tokolab.errors import InputError
from tokolab.ga4 import looks_like_ga4, read_ga4
from tokolab.journal import journal_findings, read_journal
from tokolab.messages import format_number, format_percent, or_dash, text
from tokolab.productcatalog import (
    MAX_BYTES,
    MAX_SIDE,
    MIN_SIDE,
    read_photo_facts,
    square_photo,
    written_size,
)
from tokolab.products import read_products
from tokolab.rupiah import format_rupiah
from tokolab.searchconsole import read_search_console
from tokolab.tables import decode_bytes
from tokolab.uptime import (
    DEFAULT_TIMEZONE,
    SQLITE_MAGIC,
    find_uptime_log,
    read_uptime,
)
from tokolab.uptimestats import (
    gaps,
    intervals,
    uptime_per_monitor,
    uptime_summary,
)

logger = logging.getLogger(__name__)

# What a data folder (data/contoh) or a programme folder (data/program) holds.
FOLDER_PARTS = (
    "kelas",
    "searchconsole",
    "uptime",
    "produk",
    "anggaran.csv",
    "jurnal.csv",
)

# The part of a data folder that holds one uptime log.
UPTIME_PART = "uptime"

# The part of a data folder that holds the product list and its photos.
PRODUCTS_PART = "produk"
PRODUCTS_FILE = "produk.csv"

MARKETPLACE = "tokopedia"
"""Whose length limits ``tokolab check`` checks descriptions against."""

PHOTO_SUFFIXES = (
    ".jpg",
    ".jpeg",
    ".jpe",
    ".png",
    ".webp",
    ".gif",
    ".bmp",
    ".tif",
    ".tiff",
    ".heic",
    ".heif",
    ".avif",
)
"""Name endings of photos, read by the photo reader whatever they hold."""

# First bytes of photos saved under another name (WebP: RIFF ....WEBP;
# HEIC and AVIF: ....ftyp at byte 4).
_PHOTO_STARTS = (
    b"\xff\xd8\xff",
    b"\x89PNG\r\n\x1a\n",
    b"GIF87a",
    b"GIF89a",
    b"II*\x00",
    b"MM\x00*",
)

CLASS_FILES = (PARTICIPANTS_FILE, ATTENDANCE_FILE, SCORES_FILE)

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls")
"""Spreadsheet files tried as a budget and a journal only."""

# Errors that mean "this reader does not know these headers", not "broken".
NOT_THIS_KIND = {
    "searchconsole.no_tables",
    "searchconsole.unknown_headers",
    "budget.no_header",
    "common.missing_columns",
    "uptime.unknown_headers",
}


def inspect_search_console(path):
    """What a Search Console export holds (see the module's table)."""
    export = read_search_console(path)
    totals = export.totals()
    period = export.period

    # The reader's findings already name each table cut at the row limit;
    # an export of filters alone holds nothing to check.
    problems = list(export.findings["message"])
    if not export.tables:
        problems.insert(0, text("check.search_only_filters"))
    return {
        "kind": "searchconsole",
        "language": export.language,
        "tables": {name: len(table) for name, table in export.tables.items()},
        "totals": None
        if totals is None
        else {name: _plain(value) for name, value in totals.items()},
        "truncated": list(export.truncated),
        "period": None
        if period is None
        else {"start": period[0].isoformat(), "end": period[1].isoformat()},
        "filters": dict(export.filters),
        "problems": problems,
    }


def inspect_ga4(path):
    """What a Google Analytics 4 CSV export holds (see the module's table)."""
    export = read_ga4(path)
    first = export.tables[0].frame if export.tables else None
    totals = {
        metric: int(first[metric].sum())
        for metric in ("views", "active_users")
        if first is not None and metric in first.columns
    }
    period = None
    if export.start is not None or export.end is not None:
        period = {
            "start": _iso_or_none(export.start),
            "end": _iso_or_none(export.end),
        }
    return {
        "kind": "ga4",
        "title": export.title,
        "property": export.property,
        "segment": export.segment,
        "period": period,
        "tables": [
            {
                "title": table.title,
                "columns": list(table.columns),
                "rows": len(table.frame),
            }
            for table in export.tables
        ],
        "totals": totals,
        "problems": [],
    }


def inspect_budget(path):
    """What a budget table holds and what its audit found."""
    budget = read_budget(path)
    audit = audit_budget(budget)
    return {
        "kind": "budget",
        "rows": len(budget),
        "total_written": _rupiah_value(audit.total_written),
        "total_recomputed": _rupiah_value(audit.total_recomputed),
        "flagged_rows": [int(no) for no in audit.flagged_rows],
        "problems": list(audit.findings["message"]),
    }


def inspect_journal(path):
    """What an activity journal holds and which entries need a look."""
    journal = read_journal(path)
    findings = journal_findings(journal)

    # A range written backwards still spans its two dates: the timeline
    # runs from the earliest date written to the latest.
    days = [*journal["start"], *journal["end"]]
    return {
        "kind": "journal",
        "entries": len(journal),
        "first": min(days).isoformat(),
        "last": max(days).isoformat(),
        "flagged": list(dict.fromkeys(findings["date_written"])),
        "problems": list(findings["message"]),
    }


def inspect_uptime(path, backup=None, timezone=DEFAULT_TIMEZONE):
    """Uptime, coverage and incidents of a monitor log, over all of it.

    Parameters
    ----------
    path : str or Path
        An uptime log (see :func:`tokolab.uptime.read_uptime`).
    backup : str or Path, optional
        An Uptime Kuma JSON backup, for monitor names.
    timezone : str
        IANA zone of times written without an offset, and of the times
        given back (default ``Asia/Jakarta``, WIB).

    Notes
    -----
    With several monitors in one log the times add up over monitors, as in
    :func:`tokolab.uptimestats.uptime_summary`. A log without a single
    observed moment has no uptime (None), which is a problem.
    """
    log = read_uptime(path, timezone=timezone, backup=backup)
    spans = intervals(log)
    summary = uptime_summary(spans)

    # The reader's notes (rows left out on purpose) are worth a look; a
    # log that saw nothing says nothing about the site.
    problems = list(log.notes)
    uptime_pct = _plain(summary["uptime_pct"])
    if uptime_pct is None:
        problems.append(_nothing_observed(log))
    return {
        "kind": "uptime",
        "source": log.format,
        "monitors": list(log.monitors),
        "start": _iso_or_none(summary["start"]),
        "end": _iso_or_none(summary["end"]),
        "uptime_pct": uptime_pct,
        "coverage_pct": _plain(summary["coverage_pct"]),
        "incidents": int(summary["incidents"]),
        "downtime_minutes": _plain(summary["downtime_minutes"]),
        "mttr_minutes": _plain(summary["mttr_minutes"]),
        "mtbf_minutes": _plain(summary["mtbf_minutes"]),
        "unknown_minutes": _plain(summary["unknown_minutes"]),
        "gaps": _longest_gaps(spans),
        "per_monitor": _per_monitor(spans),
        "problems": problems,
    }


def _per_monitor(spans):
    """Each monitor's own figures, for JSON: several shops stay apart."""
    found = uptime_per_monitor(spans)
    return [
        {
            "monitor": row.monitor,
            "uptime_pct": _plain(row.uptime_pct),
            "coverage_pct": _plain(row.coverage_pct),
            "incidents": int(row.incidents),
            "downtime_minutes": _plain(row.downtime_minutes),
        }
        for row in found.itertuples()
    ]


def _longest_gaps(spans, count=10):
    """The longest unwatched stretches, the longest first, for JSON."""
    found = gaps(spans).sort_values(
        "duration_min", ascending=False, kind="stable"
    )
    return [
        {
            "monitor": gap.monitor,
            "start": gap.start.isoformat(),
            "end": gap.end.isoformat(),
            "minutes": float(gap.duration_min),
        }
        for gap in found.head(count).itertuples()
    ]


def _nothing_observed(log):
    """Why a log gives no uptime: no check, one check, or no known state."""
    rows = log.checks if log.checks is not None else log.events
    count = 0 if rows is None else len(rows)
    if count == 0:
        return text("check.uptime_no_checks")
    if count == 1:
        return text("check.uptime_one_check")
    return text("check.uptime_nothing_observed")


def _iso_or_none(moment):
    """A moment as ISO text with its offset, None when there is none."""
    return None if moment is None else moment.isoformat()


def inspect_uptime_folder(folder, timezone=DEFAULT_TIMEZONE):
    """The one log in a data folder's ``uptime/`` part, inspected.

    The log is found by :func:`tokolab.uptime.find_uptime_log`, as the
    report finds it; an empty folder is a problem here, since the folder
    is there to hold a log.
    """
    found = find_uptime_log(folder)
    if found is None:
        raise InputError(
            "uptime.folder_not_one_log", path=str(folder), found="-"
        )
    log, backup = found
    return {
        "path": str(log),
        **inspect_uptime(log, backup=backup, timezone=timezone),
    }


def inspect_class(folder):
    """Attendance and quiz pairs per session of a class-records folder."""
    records = read_class_records(folder)
    sessions = {}
    for number in sorted(records.attendance["session"].unique()):
        rows = records.attendance[records.attendance["session"] == number]
        quiz = quiz_summary(records.scores, number)
        sessions[str(number)] = {
            "present": int(rows["present"].sum()),
            "enrolled": len(rows),
            "attendance_rate": _plain(
                attendance_rate(records.attendance, number)
            ),
            "pairs": quiz["n"],
            "pre_mean": _plain(quiz["pre_mean"]),
            "post_mean": _plain(quiz["post_mean"]),
        }
    return {
        "kind": "class",
        "participants": len(records.participants),
        "sessions": sessions,
        "problems": [],
    }


def inspect_products(path, marketplace=MARKETPLACE):
    """A product list: its products, their photos, their descriptions.

    Parameters
    ----------
    path : str or Path
        A product list CSV (see :func:`tokolab.products.read_products`).
    marketplace : str
        Whose length limits the descriptions are checked against
        (:func:`tokolab.copywriting.check_products`); default Tokopedia.

    Notes
    -----
    Photos are only looked for, not opened: ``tokolab check`` on one
    photo says what is in it. The problems list, product by product, a
    photo not named, a photo named but not found, and a one-sentence
    summary of what the description check found.
    """
    path = Path(path)
    products = read_products(path)
    checked = check_products(products, marketplace)
    folder = path.resolve().parent

    # Photos: named or not, and found or not.
    missing = []
    problems = []
    summaries = dict(
        zip(checked.summary["code"], checked.summary["summary"], strict=True)
    )
    counts = dict(
        zip(checked.summary["code"], checked.summary["findings"], strict=True)
    )
    for product in products.itertuples():
        if product.photo is None:
            problems.append(
                text(
                    "productcatalog.no_photo",
                    code=product.code,
                    name=product.name,
                )
            )
        elif not product.photo.is_file():
            written = os.path.relpath(product.photo, folder)
            missing.append({"code": product.code, "photo": written})
            problems.append(
                text(
                    "check.products_photo_missing",
                    code=product.code,
                    name=product.name,
                    photo=written,
                    folder=str(Path(path.parent, written).parent),
                )
            )

        # What the description check found, in one sentence.
        if counts[product.code]:
            problems.append(
                text(
                    "check.products_findings_of",
                    code=product.code,
                    name=product.name,
                    summary=summaries[product.code],
                )
            )

    kinds = checked.findings["kind"]
    return {
        "kind": "products",
        "source": str(path),
        "marketplace": marketplace,
        "products": len(products),
        "with_photo": int(products["photo"].notna().sum()),
        "without_photo": int(products["photo"].isna().sum()),
        "missing_photos": missing,
        "findings": {kind: int((kinds == kind).sum()) for kind in KINDS},
        "products_with_findings": int((checked.summary["findings"] > 0).sum()),
        "problems": problems,
    }


def inspect_products_folder(folder, marketplace=MARKETPLACE):
    """The product list ``produk.csv`` in a folder (a data folder's
    ``produk/`` part), inspected.

    Raises
    ------
    InputError
        ``check.no_product_list`` when the folder holds no
        ``produk.csv``.
    """
    folder = Path(folder)
    path = folder / PRODUCTS_FILE
    if not path.is_file():
        raise InputError(
            "check.no_product_list",
            path=str(folder),
            expected=PRODUCTS_FILE,
            found=", ".join(
                sorted(
                    entry.name
                    for entry in folder.iterdir()
                    if not entry.name.startswith(".")
                )
            )
            or "-",
        )
    return {"path": str(path), **inspect_products(path, marketplace)}


def inspect_photo(path):
    """A product photo: what it is, and whether it is ready for a shop.

    Parameters
    ----------
    path : str or Path
        A photo file (see :data:`tokolab.productcatalog.PHOTO_FORMATS`).

    Raises
    ------
    InputError
        The catalog's own error when the photo cannot be read: missing,
        not a photo, a HEIC photo, damaged or cut short, or too large.

    Notes
    -----
    The photo is made square in memory, as
    :func:`tokolab.productcatalog.square_photo` makes it, to say what
    the result would be; nothing is written.
    """
    path = Path(path)
    facts = read_photo_facts(path)

    # What the kit would make of it; a photo too busy to fit the byte
    # limit even at the lowest quality is a problem, not an error.
    problems = []
    made = None
    try:
        _, report = square_photo(path)
    except InputError as error:
        if error.key != "productcatalog.over_limit":
            raise
        problems.append(str(error))
    else:
        made = {
            "side": report.final_size[0],
            "bytes": report.file_bytes,
            "quality": report.quality,
            "rotated": report.rotated,
            "transparent": report.transparent,
            "scaled": report.scaled,
        }

    # Against the kit's limits, as it stands (upright).
    width, height = facts.upright_size
    longest = max(width, height)
    if width != height:
        problems.append(
            text(
                "check.photo_not_square",
                width=format_number(width),
                height=format_number(height),
            )
        )
    if longest < MIN_SIDE:
        problems.append(
            text(
                "check.photo_too_small",
                side=format_number(longest),
                min_side=format_number(MIN_SIDE),
            )
        )
    if longest > MAX_SIDE:
        problems.append(
            text(
                "check.photo_too_wide",
                side=format_number(longest),
                max_side=format_number(MAX_SIDE),
            )
        )
    if facts.file_bytes > MAX_BYTES:
        problems.append(
            text(
                "check.photo_too_heavy",
                size=written_size(facts.file_bytes),
                max_size=written_size(MAX_BYTES),
            )
        )
    square = width == height
    return {
        "kind": "photo",
        "source": str(path),
        "format": facts.format,
        "width": facts.width,
        "height": facts.height,
        "bytes": facts.file_bytes,
        "orientation": facts.orientation,
        "square": square,
        "meets_limits": square
        and MIN_SIDE <= longest <= MAX_SIDE
        and facts.file_bytes <= MAX_BYTES,
        "limits": {
            "min_side": MIN_SIDE,
            "max_side": MAX_SIDE,
            "max_bytes": MAX_BYTES,
        },
        "square_photo": made,
        "problems": problems,
    }


def inspect_data_folder(folder, timezone=DEFAULT_TIMEZONE):
    """Check each known part of a data folder (``data/contoh``) or of a
    programme folder (``data/program``) on its own.

    Parameters
    ----------
    folder : Path
    timezone : str
        Passed to the uptime log's reader.

    Returns
    -------
    dict
        ``kind`` "folder", ``parts`` (one inspection per part found, or
        ``path`` and ``error`` for a part that cannot be read) and
        ``problems`` (every part's problems and errors).
    """
    parts, problems = [], []
    for name in FOLDER_PARTS:
        part = folder / name
        if not part.exists():
            continue
        try:
            # The uptime part is a folder holding one log, read as a log;
            # the products part a folder holding the product list.
            if name == UPTIME_PART and part.is_dir():
                inspection = inspect_uptime_folder(part, timezone)
            elif name == PRODUCTS_PART and part.is_dir():
                inspection = inspect_products_folder(part)
            else:
                inspection = inspect_path(part, timezone)
        except InputError as error:
            parts.append({"path": str(part), "error": str(error)})
            problems.append(str(error))
            continue
        parts.append(inspection)
        problems.extend(inspection["problems"])
    return {"kind": "folder", "parts": parts, "problems": problems}


def inspect_path(path, timezone=DEFAULT_TIMEZONE):
    """Recognise ``path`` and read it with the right reader.

    Parameters
    ----------
    path : str or Path
        A Search Console zip, folder or CSV; a budget CSV or XLSX; a journal
        CSV; an uptime log (CSV or Uptime Kuma database); a class-records
        folder (or one of its files); a product list CSV (or the folder
        holding it as ``produk.csv``); a product photo; or a data folder.
    timezone : str
        IANA zone of an uptime log's times written without an offset, and
        of the times given back (default ``Asia/Jakarta``, WIB).

    Returns
    -------
    dict
        See the module's table; always with ``path``, ``kind`` and
        ``problems``.

    Raises
    ------
    InputError
        When the path is missing, no reader recognises it, or the reader
        that recognises it finds it broken.
    """
    path = Path(path)
    if not path.exists():
        raise InputError("common.file_not_found", path=str(path))

    # A data or programme folder is checked part by part; a folder of its
    # own is a class's records or an unzipped Search Console export; a
    # single class file is checked together with the folder it sits in.
    if path.is_dir() and any((path / part).exists() for part in FOLDER_PARTS):
        return {"path": str(path), **inspect_data_folder(path, timezone)}
    if path.is_dir() and (path / PRODUCTS_FILE).is_file():
        return inspect_products_folder(path)
    if path.is_dir() and _holds_class_files(path):
        return {"path": str(path), **inspect_class(path)}
    if path.is_file() and path.name.lower() in CLASS_FILES:
        return {"path": str(path), **inspect_class(path.parent)}
    if path.is_dir():
        return {"path": str(path), **_inspect_folder(path)}
    if path.suffix.lower() == ".zip":
        return {"path": str(path), **inspect_search_console(path)}
    if _starts_with(path, SQLITE_MAGIC):
        return {"path": str(path), **inspect_uptime(path, timezone=timezone)}
    if _is_photo(path):
        return {"path": str(path), **inspect_photo(path)}

    # GA4 says what it is in its '#' preamble, before any header.
    if path.suffix.lower() not in WORKBOOK_SUFFIXES and _is_ga4(path):
        return {"path": str(path), **inspect_ga4(path)}

    # A spreadsheet or CSV: each reader in turn, until one knows it. The
    # readers that do not know it say which headers they found.
    readers = [
        inspect_search_console,
        inspect_budget,
        inspect_journal,
        inspect_products,
        inspect_uptime,
    ]
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        readers = [inspect_budget, inspect_journal]
    headers = "-"
    for reader in readers:
        options = {"timezone": timezone} if reader is inspect_uptime else {}
        try:
            return {"path": str(path), **reader(path, **options)}
        except InputError as error:
            if error.key not in NOT_THIS_KIND:
                return _uptime_or_raise(path, reader, error, timezone)
            headers = error.fields.get("found", headers)
            logger.info("%s is not read by %s", path, reader.__name__)

    raise InputError("check.unknown_kind", path=str(path), found=headers)


def _uptime_or_raise(path, reader, error, timezone):
    """A CSV an earlier reader took for its own but found broken.

    A checks log headed ``Waktu, Status, Keterangan`` also looks like a
    journal (``Waktu``, ``Keterangan``). When the uptime reader knows the
    headers too, its answer wins: a time and a status column fit it more
    closely. Otherwise the first reader's error stands.
    """
    if reader is inspect_uptime or path.suffix.lower() in WORKBOOK_SUFFIXES:
        raise error
    try:
        inspection = inspect_uptime(path, timezone=timezone)
    except InputError as uptime_error:
        if uptime_error.key in NOT_THIS_KIND:
            raise error from None
        raise
    logger.info("%s is read by inspect_uptime after %s", path, reader.__name__)
    return {"path": str(path), **inspection}


def _is_ga4(path):
    """Whether a file's first 64 KiB read as the start of a GA4 export."""
    with open(path, "rb") as file:
        start = file.read(65536)
    try:
        content, _ = decode_bytes(start, path)
    except InputError:
        return False
    return looks_like_ga4(content)


def _starts_with(path, magic):
    """True when the file's first bytes are ``magic`` (an SQLite file)."""
    with path.open("rb") as file:
        return file.read(len(magic)) == magic


def _is_photo(path):
    """True for a photo: by its name's ending, else by its first bytes."""
    if path.suffix.lower() in PHOTO_SUFFIXES:
        return True
    with path.open("rb") as file:
        start = file.read(16)
    return (
        start.startswith(_PHOTO_STARTS)
        or (start.startswith(b"RIFF") and start[8:12] == b"WEBP")
        or start[4:8] == b"ftyp"
    )


def _holds_class_files(folder):
    """True when a file in ``folder`` is named like a class-records file.

    ``Peserta.csv`` and ``peserta.xlsx`` count, so that the class reader
    can say they need saving as ``peserta.csv``.
    """
    stems = {name.split(".")[0] for name in CLASS_FILES}
    return any(
        entry.is_file() and entry.name.lower().split(".")[0] in stems
        for entry in folder.iterdir()
    )


def _inspect_folder(folder):
    """A folder that is not a class's records: an unzipped export or not."""
    # Hidden entries (.ipynb_checkpoints, .DS_Store) are no one's files.
    if all(entry.name.startswith(".") for entry in folder.iterdir()):
        raise InputError("check.empty_folder", path=str(folder))

    try:
        return inspect_search_console(folder)
    except InputError as error:
        if error.key not in NOT_THIS_KIND:
            raise
        raise InputError(
            "check.unknown_folder",
            path=str(folder),
            found=", ".join(sorted(e.name for e in folder.iterdir())) or "-",
            reason=str(error),
        ) from None


def describe(inspection):
    """A few lines for a person, in the language in use.

    Parameters
    ----------
    inspection : dict
        From :func:`inspect_path`.

    Returns
    -------
    str
        What the input is, what it holds, then its problems one per line.
    """
    kind = inspection["kind"]
    lines = [text(f"check.kind_{kind}", path=inspection["path"])]

    # A data folder is described part by part, each part as on its own.
    if kind == "folder":
        for part in inspection["parts"]:
            lines.append("")
            lines.append(part.get("error") or describe(part))
        return "\n".join(lines)

    lines.extend(_DESCRIBE_CONTENTS[kind](inspection))

    problems = inspection["problems"]
    if problems:
        lines.append(text("check.problems", count=len(problems)))
        lines.extend(f"- {problem}" for problem in problems)
    else:
        lines.append(text("check.no_problems"))
    return "\n".join(lines)


def _describe_search_console(inspection):
    """The tables read, then the site's totals over the period."""
    tables = ", ".join(
        text(
            "check.table_rows",
            table=_table_name(name),
            rows=format_number(rows),
        )
        for name, rows in inspection["tables"].items()
    )
    if not inspection["tables"]:
        return [text("check.no_tables")]
    lines = [text("check.tables", tables=tables)]

    # A chart with no rows has no period; no impressions, no CTR.
    totals = inspection["totals"]
    period = inspection["period"]
    if totals is None or period is None:
        lines.append(text("check.search_no_chart"))
        return lines

    lines.append(
        text(
            "check.search_totals",
            start=_written_date(period["start"]),
            end=_written_date(period["end"]),
            clicks=format_number(totals["clicks"]),
            impressions=format_number(totals["impressions"]),
            ctr=or_dash(totals["ctr"], format_percent, 2),
            position=or_dash(totals["position"], format_number, 1),
        )
    )
    return lines


def _describe_ga4(inspection):
    """The report, its period, each table's rows, and the first's totals."""
    lines = []
    if inspection["title"]:
        lines.append(text("check.ga4_title", title=inspection["title"]))
    period = inspection["period"]
    if period and period["start"] and period["end"]:
        lines.append(
            text(
                "check.ga4_period",
                start=_written_date(period["start"]),
                end=_written_date(period["end"]),
            )
        )
    tables = ", ".join(
        text(
            "check.table_rows",
            table=table["title"] or "-",
            rows=format_number(table["rows"]),
        )
        for table in inspection["tables"]
    )
    lines.append(text("check.tables", tables=tables))
    totals = inspection["totals"]
    if "views" in totals and "active_users" in totals:
        lines.append(
            text(
                "check.ga4_totals",
                views=format_number(totals["views"]),
                users=format_number(totals["active_users"]),
            )
        )
    return lines


def _describe_budget(inspection):
    """The number of lines and the total, written and recomputed."""
    return [
        text(
            "check.budget_totals",
            rows=inspection["rows"],
            written=or_dash(inspection["total_written"], _rupiah),
            recomputed=or_dash(inspection["total_recomputed"], _rupiah),
        )
    ]


def _describe_journal(inspection):
    """The number of entries and the dates they span."""
    return [
        text(
            "check.journal_entries",
            entries=inspection["entries"],
            first=_written_date(inspection["first"]),
            last=_written_date(inspection["last"]),
        )
    ]


def _describe_uptime(inspection):
    """The stretch covered, then uptime, coverage and the outages."""
    minutes = inspection["downtime_minutes"]
    if inspection["incidents"]:
        outages = text(
            "check.uptime_incidents",
            incidents=inspection["incidents"],
            minutes=or_dash(minutes, _minutes),
        )
    else:
        outages = text("check.uptime_no_incidents")
    # A log that saw nothing has no stretch and no score; its problem
    # says why.
    lines = []
    if inspection["start"] is not None:
        lines.append(
            text(
                "check.uptime_period",
                start=_written_time(inspection["start"]),
                end=_written_time(inspection["end"], end=True),
                coverage=or_dash(inspection["coverage_pct"], _percent),
            )
        )
    if inspection["uptime_pct"] is not None:
        score = text(
            "check.uptime_score",
            uptime=_percent(inspection["uptime_pct"], 3),
        )
        lines.append(f"{score} {outages}")

    # Several sites in one log: the score above mixes them; each alone.
    if len(inspection["per_monitor"]) > 1:
        lines.append(
            text("check.uptime_combined", count=len(inspection["per_monitor"]))
        )
        lines.extend(
            text(
                "check.uptime_one_monitor",
                monitor=monitor["monitor"],
                uptime=or_dash(monitor["uptime_pct"], _percent, 3),
                coverage=or_dash(monitor["coverage_pct"], _percent),
                incidents=monitor["incidents"],
            )
            for monitor in inspection["per_monitor"]
        )

    # The longest time nobody watched, which the coverage only hints at.
    if inspection["gaps"]:
        longest = inspection["gaps"][0]
        lines.append(
            text(
                "check.uptime_longest_gap",
                start=_written_time(longest["start"]),
                end=_written_time(longest["end"], end=True),
                minutes=_minutes(longest["minutes"]),
            )
        )
    return lines


def _describe_products(inspection):
    """Products and photos, then what the description check found."""
    lines = [
        text(
            "check.products_count",
            products=inspection["products"],
            with_photo=inspection["with_photo"],
            without_photo=inspection["without_photo"],
        )
    ]
    if inspection["missing_photos"]:
        lines.append(
            text(
                "check.products_photos_not_found",
                count=len(inspection["missing_photos"]),
            )
        )

    # The findings by kind, in the checker's order; kinds not found left
    # out.
    shop = read_rules().marketplaces[inspection["marketplace"]].name
    found = {
        kind: count for kind, count in inspection["findings"].items() if count
    }
    if not found:
        lines.append(text("check.products_no_findings", marketplace=shop))
        return lines
    kinds = ", ".join(
        text(
            "check.products_kind_count",
            count=count,
            kind=text(f"copywriting.kind_{kind}"),
        )
        for kind, count in found.items()
    )
    lines.append(
        text(
            "check.products_findings",
            marketplace=shop,
            count=sum(found.values()),
            products=inspection["products_with_findings"],
            kinds=kinds,
        )
    )
    return lines


def _describe_photo(inspection):
    """The photo as stored, the kit's limits, and what the kit would make."""
    lines = [
        text(
            "check.photo_facts",
            format=inspection["format"],
            width=format_number(inspection["width"]),
            height=format_number(inspection["height"]),
            size=written_size(inspection["bytes"]),
        )
    ]
    if inspection["orientation"] in (2, 3, 4, 5, 6, 7, 8):
        lines.append(
            text("check.photo_turned", orientation=inspection["orientation"])
        )
    limits = inspection["limits"]
    lines.append(
        text(
            "check.photo_limits",
            min_side=format_number(limits["min_side"]),
            max_side=format_number(limits["max_side"]),
            max_size=written_size(limits["max_bytes"]),
        )
    )
    if inspection["meets_limits"]:
        lines.append(text("check.photo_ready"))
    made = inspection["square_photo"]
    if made is not None and not inspection["meets_limits"]:
        lines.append(
            text(
                "check.photo_square",
                side=format_number(made["side"]),
                size=written_size(made["bytes"]),
                quality=made["quality"],
            )
        )
    return lines


def _describe_class(inspection):
    """The number of participants, then attendance session by session."""
    lines = [text("check.class_count", participants=inspection["participants"])]
    for number, session in inspection["sessions"].items():
        lines.append(
            text(
                "check.class_session",
                number=number,
                present=session["present"],
                enrolled=session["enrolled"],
                rate=or_dash(session["attendance_rate"], format_percent),
            )
        )
    return lines


# What :func:`describe` says about each kind, between its first line and
# the problems.
_DESCRIBE_CONTENTS = {
    "searchconsole": _describe_search_console,
    "ga4": _describe_ga4,
    "budget": _describe_budget,
    "journal": _describe_journal,
    "class": _describe_class,
    "uptime": _describe_uptime,
    "products": _describe_products,
    "photo": _describe_photo,
}


def _plain(value):
    """A number JSON can carry: NaN becomes None, numpy scalars Python's."""
    if value is None:
        return None
    value = value.item() if hasattr(value, "item") else value
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _rupiah_value(value):
    """Whole Rupiah as an int; an amount with sen stays a float."""
    value = _plain(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _rupiah(value):
    """Rupiah, with sen only when there are any: ``Rp 185.500,50``."""
    return format_rupiah(value, decimals=None)


def _table_name(name):
    """A Search Console table's name in the language in use."""
    try:
        return text(f"check.table_{name}")
    except KeyError:
        return name


def _written_date(iso):
    """An ISO date written out in the language in use: ``3 Oktober 2023``."""
    return format_date(date.fromisoformat(iso), weekday=False)


def _percent(value, decimals=1):
    """A percentage 0-100 written like ``99,938%``."""
    return format_percent(value / 100, decimals)


def _minutes(value):
    """Minutes, with one decimal only when not whole: ``80``, ``0,3``."""
    return format_number(value, 0 if float(value).is_integer() else 1)


def _written_time(iso, end=False):
    """An ISO time written out: ``3 Oktober 2023 00.00``.

    An ``end`` at midnight is the day before's 24.00 (``31 Desember 2023
    24.00``), so that no day seems watched that was not.
    """
    moment = datetime.fromisoformat(iso)
    day, clock = moment.date(), f"{moment:%H.%M}"
    if end and moment.time() == time(0):
        day, clock = day - timedelta(days=1), "24.00"
    return text(
        "check.uptime_time",
        date=format_date(day, weekday=False),
        time=clock,
    )
