"""Uptime monitor logs: UptimeRobot, Uptime Kuma, plain CSV, the kit's own.

The formats
-----------
:func:`read_uptime` recognises a file by its content, never by its name
alone: an SQLite file by its first 16 bytes (``SQLite format 3``), a CSV
file by its header row. Headers are compared after folding case and
treating ``_``, ``-`` and repeated spaces as one space, so ``Date-Time``,
``date_time`` and ``Date Time`` are the same header.

=============  ===========================================================
format         what it is, and the headers that name it
=============  ===========================================================
``tokolab``    the kit's own monitor log (:mod:`tokolab.monitor`), header
               exactly ``time,url,status,up,response_ms,reason``
``uptimerobot``  UptimeRobot's log export: ``Event, Monitor, Monitor URL,
               Date-Time, Reason, Duration, Duration (in mins.)``
``uptimekuma`` Uptime Kuma's SQLite database (``kuma.db``), table
               ``heartbeat``; names from table ``monitor`` or a JSON backup
``events``     a CSV of state changes: a time column and an event column
               (:data:`EVENT_ALIASES`) holding down / up
``checks``     a CSV of checks: a time column and a status column
               (:data:`CHECK_ALIASES`), optionally response time, monitor
               and reason (a down check with an HTTP code and no reason
               gets ``http_status``; where the status column holds HTTP
               codes, one with status ``0`` or empty gets ``no_answer``)
=============  ===========================================================

The kit's own log, one line per check, appended::

    time,url,status,up,response_ms,reason
    2026-12-03T14:00:05+07:00,https://toko.example,200,1,231,
    2026-12-03T14:01:05+07:00,https://toko.example,,0,,timeout

``status`` is the HTTP status code (empty without an answer), ``up`` is 1 or
0, ``response_ms`` whole milliseconds (empty without an answer), ``reason``
an English code (``http_status``, ``timeout``, ``dns`` ...) or empty.

UptimeRobot: one row per event of any monitor in the account, for example
``Down,Toko,https://toko.example,03-12-2026 07:15:00 PM,Connection
Timeout,"0 hrs, 5 mins",5``. The header row above was checked against two
public scripts that read this export (a PowerShell SLA report reading
``uptimerobot-all_monitors-logs.csv`` by ``Event``, ``Monitor``, ``Monitor
URL``, ``Date-Time``, ``Reason``, ``Duration (in mins.)``; an R analysis
using ``Event``, ``Monitor``, ``Reason``, ``Duration`` and ``Duration (in
mins.)``). No public sample showed the cells of ``Date-Time`` or
``Duration``, so these are assumptions, read leniently: the time is local
time of the account's timezone without an offset, in whatever layout the
account's date setting gives (``2026-12-03 19:15:00``, ``03-12-2026
07:15:00 PM``, ``Dec 3, 2026 7:15 PM`` all read); event names are those of
UptimeRobot's API log types (Up, Down, Paused, Started); ``Duration (in
mins.)`` is a number of minutes and ``Duration`` the same written out.

Uptime Kuma: columns ``heartbeat.monitor_id, status, time, ping, msg,
duration`` (schema of ``db/knex_init_db.js`` in louislam/uptime-kuma);
``status`` 0 down, 1 up, 2 pending, 3 maintenance; ``time`` UTC written
``2026-12-03 07:00:00.123`` (``R.isoDateTimeMillis(dayjs.utc())``; older
versions without milliseconds); ``ping`` milliseconds or NULL. A backup
(Settings > Backup > Export) is JSON with ``monitorList``, a list of
monitors with ``id`` and ``name``.

Times
-----
Every time becomes a tz-aware pandas Timestamp in the chosen timezone
(default ``Asia/Jakarta``, WIB); the instant is exact, only the display is
local, so a UTC log line at 07:00 shows as 14:00 WIB. Forms read
(:func:`parse_time`):

- ISO 8601 with an offset or ``Z``: ``2026-12-03T14:00:05+07:00``;
- naive local time, in the chosen timezone: ``2026-12-03 14:00:05``;
- ``24:00`` or ``24:00:00``, the end of a day, as the next day at 00:00
  (``2023-10-03 24:00:00`` is 4 October 00:00); no other time past 23:59;
- numeric dates day first, the Indonesian order (``03-12-2026``,
  ``03/12/2026``, ``3.12.2026``), with a 12-hour clock and AM/PM or a
  24-hour clock, hours and minutes split by ``:`` or ``.``: ``03-12-2026
  07:15:00 PM``, ``3/12/2026 19.15``. A column that only reads month first
  (``12/31/2026``) is read month first, all of it;
- month names in Indonesian or English, full or short, from Babel via
  :mod:`tokolab.dates`, with or without a weekday: ``Kamis, 3 Desember
  2026 pukul 19.15 WIB``, ``Dec 3, 2026 7:15 PM``;
- a zone written after the time: ``Z``, ``UTC``, ``GMT``, ``WIB`` (+7),
  ``WITA`` (+8), ``WIT`` (+9), ``+07:00``, ``UTC+7``;
- Unix time in seconds (10 digits) or milliseconds (13 digits).

Status (:func:`parse_status`): ``up``/``down``, ``naik``/``turun``,
``1``/``0``, ``true``/``false``, ``ok``/``error`` and similar words, or an
HTTP status code (2xx and 3xx up, anything else down).
"""

import csv
import io
import json
import logging
import math
import re
import sqlite3
import warnings
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from datetime import timezone as fixed_timezone
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
import pandas as pd

from tokolab.dates import DateFormatError, parse_date
from tokolab.errors import InputError
from tokolab.messages import text
from tokolab.tables import (
    decode_bytes,
    header_cells,
    lines_above_header,
    parse_delimited,
    read_bytes,
    sniff_delimiter,
)

logger = logging.getLogger(__name__)

DEFAULT_TIMEZONE = "Asia/Jakarta"

FORMATS = ("uptimerobot", "uptimekuma", "checks", "events", "tokolab")

CHECK_COLUMNS = ["monitor", "time", "up", "status", "response_ms", "reason"]
EVENT_COLUMNS = ["monitor", "time", "state", "reason", "duration_s"]

# Header of the kit's own monitor log, exactly as tokolab.monitor writes it.
TOKOLAB_HEADER = ("time", "url", "status", "up", "response_ms", "reason")

# The monitor's time layout, 2026-12-03T14:00:05+07:00, then a comma:
# byte positions of its separators, of the offset's sign, and of its
# digits (year, month, day, hour, minute, second, offset hours, minutes).
_TIME_WIDTH = 25
_TIME_SEPARATORS = {
    4: ord("-"),
    7: ord("-"),
    10: ord("T"),
    13: ord(":"),
    16: ord(":"),
    22: ord(":"),
    25: ord(","),
}
_TIME_SIGN = 19
_TIME_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 23, 24]
_NEWLINE, _RETURN = ord("\n"), ord("\r")

# Types of the kit's log columns for its fast path (few distinct texts).
_TOKOLAB_DTYPES = {
    "time": str,
    "url": "category",
    "status": "category",
    "up": "int8",
    "response_ms": "float64",
    "reason": "category",
}

# First bytes of every SQLite 3 database file.
SQLITE_MAGIC = b"SQLite format 3\x00"

# Uptime Kuma's heartbeat status codes and what each is called here.
KUMA_STATUS = {0: "down", 1: "up", 2: "pending", 3: "maintenance"}

# Timestamp layouts pandas reads in C: the kit's own log, Uptime Kuma's
# times with and without milliseconds, and naive ISO with a T.
_FAST_LAYOUTS = (
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
)

# What each heartbeat column should hold, for errors.
_KUMA_EXPECTED = {
    "status": "uptime.expected_kuma_status",
    "monitor_id": "uptime.expected_monitor_id",
    "time": "uptime.expected_kuma_time",
    "ping": "uptime.expected_ms",
}

# Years an uptime log can hold; a date outside is a typing mistake.
YEARS = range(1970, 2201)

# Generic CSV headers, after normalising (see _normalise), per column.
CHECK_ALIASES = {
    "time": (
        "time",
        "timestamp",
        "datetime",
        "date time",
        "waktu",
        "tanggal",
        "tanggal waktu",
        "tanggal dan waktu",
        "waktu cek",
        "checked at",
        "check time",
    ),
    "status": (
        "status",
        "state",
        "result",
        "hasil",
        "keadaan",
        "http status",
        "status code",
        "http code",
        "code",
        "kode",
        "kode status",
        "status http",
    ),
    "up": ("up", "is up", "naik", "online"),
    "response_ms": (
        "response ms",
        "response time ms",
        "response time (ms)",
        "response time",
        "latency",
        "latency ms",
        "latency (ms)",
        "ping",
        "ping ms",
        "ms",
        "waktu respons",
        "waktu respons ms",
        "waktu respons (ms)",
        "respons",
        "respons ms",
        "respons (ms)",
    ),
    "monitor": (
        "monitor",
        "url",
        "site",
        "situs",
        "host",
        "name",
        "nama",
        "alamat",
    ),
    "reason": (
        "reason",
        "message",
        "msg",
        "error",
        "alasan",
        "keterangan",
        "pesan",
    ),
}
"""Headers of a generic checks CSV, normalised, per canonical column."""

EVENT_ALIASES = {
    "time": CHECK_ALIASES["time"],
    "state": ("event", "kejadian", "peristiwa", "event type", "jenis"),
    "monitor": CHECK_ALIASES["monitor"],
    "reason": CHECK_ALIASES["reason"],
    "duration_s": (
        "duration s",
        "duration (s)",
        "durasi (detik)",
        "durasi detik",
        "duration seconds",
    ),
    "duration_min": (
        "duration min",
        "duration (min)",
        "durasi (menit)",
        "durasi menit",
        "duration minutes",
        "duration (in mins.)",
    ),
}
"""Headers of a generic events CSV, normalised, per canonical column."""

UPTIMEROBOT_ALIASES = {
    "state": ("event",),
    "monitor": ("monitor",),
    "url": ("monitor url",),
    "time": ("date time",),
    "reason": ("reason",),
    "duration_text": ("duration",),
    "duration_min": ("duration (in mins.)",),
}

# UptimeRobot's event names and the state each gives; None: no state.
UPTIMEROBOT_EVENTS = {
    "up": "up",
    "down": "down",
    "paused": "unknown",
    "pause": "unknown",
    "started": None,
    "start": None,
    "resumed": None,
}

# Words for a check that succeeded or failed, lower case.
UP_WORDS = frozenset(
    "up naik ok online hidup aktif true ya yes berhasil sukses success "
    "1".split()
)
DOWN_WORDS = frozenset(
    "down turun mati offline error gagal false tidak no fail failed "
    "failure timeout 0".split()
)

# Event words of a generic events CSV.
EVENT_WORDS = {
    "up": "up",
    "naik": "up",
    "hidup": "up",
    "pulih": "up",
    "online": "up",
    "resolved": "up",
    "recovered": "up",
    "down": "down",
    "turun": "down",
    "mati": "down",
    "offline": "down",
    "outage": "down",
    "gangguan": "down",
}

# Marks some tools put between columns instead of a comma or semicolon.
OTHER_SEPARATORS = ("|", ":", "/", "\\", "#", "~", "^", " ")

# Zones written after a time, and their offset from UTC [hours].
ZONE_NAMES = {"z": 0, "utc": 0, "gmt": 0, "wib": 7, "wita": 8, "wit": 9}

# A time of day at the end of a written timestamp, with what may follow.
_TIME_OF_DAY = re.compile(
    r"(?:(?<=\d)T|[\s,]+|^)(?:(?:pukul|pkl\.?|jam|at)\s*)?"
    r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})"
    r"(?:[:.](?P<second>\d{2})(?:[.,](?P<fraction>\d{1,9}))?)?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?"
    r"\s*(?P<zone>z|wita|wib|wit"
    r"|(?:utc|gmt)?\s*[+-]\d{1,2}(?::?\d{2})?|utc|gmt)?\s*$",
    re.IGNORECASE | re.ASCII,
)
_ISO_DATE = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})", re.ASCII)
_NUMERIC_DATE = re.compile(
    r"(\d{1,2})(?P<sep>[-/.])(\d{1,2})(?P=sep)(\d{4})", re.ASCII
)
_OFFSET = re.compile(
    r"(?:utc|gmt)?\s*(?P<sign>[+-])(?P<hours>\d{1,2}):?(?P<minutes>\d{2})?",
    re.IGNORECASE | re.ASCII,
)
_UNIX_TIME = re.compile(r"\d{10}|\d{13}", re.ASCII)
_HTTP_CODE = re.compile(r"[1-5]\d\d", re.ASCII)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?", re.ASCII)
_DURATION_WORDS = re.compile(
    r"(?:(?P<hours>\d+)\s*(?:hrs?|hours?|jam))?[\s,]*"
    r"(?:(?P<minutes>\d+)\s*(?:mins?|minutes?|menit))?[\s,]*"
    r"(?:(?P<seconds>\d+)\s*(?:secs?|seconds?|detik))?",
    re.IGNORECASE | re.ASCII,
)


@dataclass
class UptimeLog:
    """One uptime log, read and checked.

    Attributes
    ----------
    source : str
        The file that was read.
    format : str
        One of :data:`FORMATS`.
    monitors : list of str
        Monitor names, in the order of the frames (sorted by name).
    checks : pandas.DataFrame or None
        One row per check: ``monitor`` (str), ``time`` (tz-aware Timestamp
        in ``timezone``), ``up`` (bool), ``status`` (str as written; for
        Uptime Kuma ``up``, ``down`` or ``pending``), ``response_ms``
        (float [ms], NaN without an answer), ``reason`` (str, may be
        empty). Sorted by monitor, then time. None for event logs.
    events : pandas.DataFrame or None
        One row per state change: ``monitor``, ``time``, ``state`` (``up``,
        ``down``, or ``unknown`` where an UptimeRobot monitor was
        paused: nothing is known until its next event), ``reason``,
        ``duration_s`` (float [s], how long the state lasted as the tool
        wrote it, NaN when not written). Sorted by monitor, then time.
        None for check logs.
    timezone : str
        IANA name of the zone the times are shown in.
    notes : list of str
        Sentences (catalog, language in use when read) about rows left
        out on purpose, such as Uptime Kuma maintenance heartbeats or
        lines cut short when the monitor was stopped mid-write.
    """

    source: str
    format: str
    monitors: list
    checks: pd.DataFrame | None = field(default=None, repr=False)
    events: pd.DataFrame | None = field(default=None, repr=False)
    timezone: str = DEFAULT_TIMEZONE
    notes: list = field(default_factory=list)


def read_uptime(path, timezone=DEFAULT_TIMEZONE, backup=None):
    """Read an uptime log, recognising its format from its content.

    Parameters
    ----------
    path : str or Path
        An UptimeRobot log export (CSV), an Uptime Kuma database
        (``kuma.db``), a generic checks or events CSV, or the kit's own
        monitor log.
    timezone : str
        IANA zone of times written without an offset, and of the returned
        times. Default ``Asia/Jakarta`` (WIB).
    backup : str or Path, optional
        An Uptime Kuma JSON backup, for monitor names; only with a
        database.

    Returns
    -------
    UptimeLog

    Raises
    ------
    InputError
        When the file is missing or empty, is not a log the kit knows, or
        holds a cell that does not read as its column's time, status,
        event or number. The error names the file, and the row (header =
        row 1), column, expected and found where they apply.

    Notes
    -----
    Quirks of the files, all handled here:

    - UptimeRobot writes times without an offset, in the account's
      timezone: pass ``timezone=`` when the account is not set to WIB.
      Its layout follows the account's date setting; numeric dates are
      read day first unless only month first fits the whole column.
    - UptimeRobot lists the newest event first; events come back oldest
      first. ``Started`` rows carry no state and are left out; ``Paused``
      becomes state ``unknown``.
    - Uptime Kuma stores UTC. Maintenance heartbeats (status 3) are left
      out, so a maintenance window becomes a gap (unknown), not downtime,
      as Kuma 2 counts it (1.23 counted it as up). Pending (status 2: a
      check failed and Kuma tries again before it calls the site down)
      counts as down, as Kuma counts it: 1.x ``Monitor.calcUptime`` adds
      only status 1 (and 3) to the up time, and 2.x
      ``UptimeCalculator.flatStatus`` turns PENDING into DOWN. The
      database is opened read-only and never changed.
    - The kit's monitor ends every line with a newline. A monitor
      stopped mid-write leaves a line cut short, and the next run starts
      on a new line after it, so a cut line can sit anywhere: a line with
      fewer fields than the header whose cells do not read is left out,
      with a note.
    - A log copied, or cut to a size, while it was being written ends in
      the middle of a line, without a newline. In every CSV format that
      last line is left out with a note when it does not read; a line
      that does not read anywhere else is an error.
    - Excel may add a BOM, semicolons, Windows-1252 or blank rows
      (:mod:`tokolab.tables`); row numbers in errors still count them.
    """
    path = Path(path)
    zone = _zone(timezone)
    data = read_bytes(path)

    # An SQLite file is Uptime Kuma's database; anything else is a CSV.
    if data.startswith(SQLITE_MAGIC):
        return read_uptime_kuma(path, backup=backup, timezone=timezone)
    if path.suffix.lower() in (".db", ".sqlite", ".sqlite3"):
        raise InputError("uptime.not_sqlite", path=str(path))
    if backup is not None:
        raise InputError("uptime.backup_without_db", path=str(path))

    # The kit's own log, written by tokolab.monitor, has one fixed layout
    # that pandas can read with types: a year of checks in a fraction of
    # the time. Any surprise falls through to the careful reading below,
    # whose errors name the row.
    logger.info("reading %s", path)
    fast = _tokolab_log_fast(data, path, zone)
    if fast is not None:
        return fast

    text_, _ = decode_bytes(data, path)
    try:
        return _csv_log(text_, path, zone)
    except InputError as error:
        # A log copied or cut while being written ends in the middle of
        # a line. When that line alone is what does not read, it is left
        # out with a note; a bad line elsewhere stays an error.
        head = _without_torn_last_line(text_)
        if head is None:
            raise
        try:
            log = _csv_log(head, path, zone)
        except InputError:
            raise error from None
        row = _last_row(text_, path, error)
    logger.warning("%s: last line %d cut off, left out", path, row)
    log.notes.append(text("uptime.torn_last_line", path=str(path), row=row))
    return log


def _csv_log(text_, path, zone):
    """Read a log's decoded CSV text in the format its headers name."""
    table = parse_delimited(text_, path)
    # The header as written; its first 64 KiB are plenty.
    header = header_cells(text_[:65536])
    kind = _recognise(table, header, path)
    readers = {
        "tokolab": _tokolab_log,
        "uptimerobot": _uptimerobot_log,
        "events": _events_log,
        "checks": _checks_log,
    }
    return readers[kind](table, path, zone, text_)


def _without_torn_last_line(text_):
    """The text up to its last line break, when it ends mid-line.

    None when the text ends with a line break (nothing was cut), holds a
    single line (the header), or its last line is blank.
    """
    if text_.endswith(("\n", "\r")):
        return None
    end = max(text_.rfind("\n"), text_.rfind("\r"))
    if end < 0 or not text_[end + 1 :].strip():
        return None
    return text_[: end + 1]


def _last_row(text_, path, error):
    """The spreadsheet row of the text's last line (header = row 1).

    The last row of the table when the text parses; otherwise the row
    the parsing error names (a quote left open on the cut line).
    """
    try:
        table = parse_delimited(text_, path)
    except InputError as parse_error:
        return parse_error.fields.get("row", error.fields.get("row"))
    return int(table.index[-1]) + 2


def find_uptime_log(folder):
    """The one uptime log kept in a folder, with its Uptime Kuma backup.

    The report (``data/uptime``) and ``tokolab check`` both look for the
    log this way. The folder holds one log file: an UptimeRobot export, a
    checks or events CSV, the kit's own monitor log, or an Uptime Kuma
    database, which may have its JSON backup beside it for the monitors'
    names. Hidden files (``.DS_Store``, ``.ipynb_checkpoints``) are
    nobody's log and do not count.

    Parameters
    ----------
    folder : str or Path

    Returns
    -------
    tuple of (Path, Path or None), or None
        The log and its backup (None without one); None when the folder
        is missing or holds no file.

    Raises
    ------
    InputError
        ``uptime.folder_not_one_log`` when the folder holds several files
        that are not one database with one JSON backup.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return None
    files = sorted(
        entry
        for entry in folder.iterdir()
        if entry.is_file() and not entry.name.startswith(".")
    )
    if not files:
        return None
    if len(files) == 1:
        return files[0], None

    # A database and its backup: told apart by content, not by name.
    if len(files) == 2:
        databases = [entry for entry in files if _is_sqlite(entry)]
        if len(databases) == 1:
            (backup,) = (entry for entry in files if entry != databases[0])
            if backup.suffix.lower() == ".json":
                return databases[0], backup
    raise InputError(
        "uptime.folder_not_one_log",
        path=str(folder),
        found=", ".join(entry.name for entry in files),
    )


def _is_sqlite(path):
    """True when the file starts like an SQLite database."""
    try:
        with path.open("rb") as stream:
            return stream.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def read_uptime_kuma(db, backup=None, timezone=DEFAULT_TIMEZONE):
    """Read the heartbeats of an Uptime Kuma database as checks.

    Parameters
    ----------
    db : str or Path
        Uptime Kuma's SQLite database file (``data/kuma.db``), copied from
        the server. Opened read-only.
    backup : str or Path, optional
        A JSON backup exported from Uptime Kuma; its ``monitorList`` names
        the monitors. Without it the names come from the database's
        ``monitor`` table, else ``monitor <id>``.
    timezone : str
        IANA zone the returned times are shown in; Kuma stores UTC.

    Returns
    -------
    UptimeLog
        Format ``uptimekuma``, with ``checks`` only.

    Raises
    ------
    InputError
        When the file is not an SQLite database, has no ``heartbeat``
        table with the columns above, holds a value that does not read,
        or the backup is not Uptime Kuma JSON.
    """
    db = Path(db)
    zone = _zone(timezone)
    if not read_bytes(db)[:16].startswith(SQLITE_MAGIC):
        raise InputError("uptime.not_sqlite", path=str(db))
    names = _backup_names(Path(backup)) if backup is not None else {}

    # Read the rows, then let go of the file.
    logger.info("reading Uptime Kuma database %s", db)
    rows, table_names = _kuma_rows(db)
    names = {**table_names, **names}
    ids, monitor_ids, statuses, times, pings, msgs = [
        list(values) for values in zip(*rows, strict=True)
    ] or [[]] * 6

    # Maintenance heartbeats are no checks at all: leave them out.
    codes = _kuma_values(db, ids, statuses, "status", _kuma_status)
    keep = [KUMA_STATUS[code] != "maintenance" for code in codes]
    maintenance = keep.count(False)
    if maintenance:
        ids, monitor_ids, codes, times, pings, msgs = (
            [value for value, kept in zip(values, keep, strict=True) if kept]
            for values in (ids, monitor_ids, codes, times, pings, msgs)
        )

    # Read each column; the first value that does not read names its id.
    checks = pd.DataFrame(
        {
            "monitor": _kuma_values(
                db,
                ids,
                monitor_ids,
                "monitor_id",
                lambda value: _kuma_monitor(value, names),
            ),
            "time": _kuma_times(db, ids, times, zone),
            "up": [code == 1 for code in codes],
            "status": [KUMA_STATUS[code] for code in codes],
            "response_ms": _kuma_values(db, ids, pings, "ping", _kuma_ping),
            "reason": [_kuma_text(msg) for msg in msgs],
        },
    )
    checks = checks.astype(
        {
            "monitor": str,
            "up": bool,
            "status": str,
            "response_ms": float,
            "reason": str,
        }
    )
    checks = _sorted(checks, CHECK_COLUMNS)

    # Say what was left out.
    notes = []
    if maintenance:
        logger.info("%s: %d maintenance heartbeats left out", db, maintenance)
        notes.append(text("uptime.maintenance_left_out", count=maintenance))

    return UptimeLog(
        source=str(db),
        format="uptimekuma",
        monitors=_monitors(checks),
        checks=checks,
        timezone=str(zone),
        notes=notes,
    )


def parse_time(written, timezone=DEFAULT_TIMEZONE, month_first=False):
    """Read one written timestamp.

    Parameters
    ----------
    written : str
        See the module's description of the forms read.
    timezone : str or zoneinfo.ZoneInfo
        Zone of a time written without one, and of the result.
    month_first : bool
        Read numeric dates month first (``12/31/2026``).

    Returns
    -------
    pandas.Timestamp
        Tz-aware, in ``timezone``.

    Raises
    ------
    ValueError
        When the text is not a date with a time of day, or names a day,
        hour or zone that cannot be.
    """
    zone = timezone if isinstance(timezone, ZoneInfo) else ZoneInfo(timezone)
    clean = " ".join(str(written).split())

    # Unix time in seconds or milliseconds.
    if _UNIX_TIME.fullmatch(clean):
        seconds = int(clean) / (1000 if len(clean) == 13 else 1)
        stamp = pd.Timestamp(seconds, unit="s", tz="UTC").tz_convert(zone)
        return _in_years(stamp, written)

    # The time of day (and zone) at the end; the date before it.
    match = _TIME_OF_DAY.search(clean)
    if not match or not match.start():
        raise ValueError(f"no date and time of day: {written!r}")
    day = _written_day(clean[: match.start()].strip(" ,T"), month_first)

    # Hour, minute, second and fraction, on a 12- or 24-hour clock.
    hour, minute = int(match["hour"]), int(match["minute"])
    second = int(match["second"] or 0)
    micro = int((match["fraction"] or "0")[:6].ljust(6, "0"))
    if match["ampm"]:
        if not 1 <= hour <= 12:
            raise ValueError(f"hour {hour} with AM/PM: {written!r}")
        afternoon = match["ampm"].lower().startswith("p")
        hour = hour % 12 + (12 if afternoon else 0)

    # 24:00 is the end of a day, the next day's 00:00; 24:00:01 is nothing.
    end_of_day = hour == 24 and minute == second == micro == 0
    if end_of_day:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        raise ValueError(f"no such time of day: {written!r}")
    moment = datetime(day.year, day.month, day.day, hour, minute, second, micro)
    if end_of_day:
        moment += timedelta(days=1)

    # A written zone wins over the stated one.
    written_zone = _written_zone(match["zone"], written)
    stamp = pd.Timestamp(moment.replace(tzinfo=written_zone or zone))
    return _in_years(stamp.tz_convert(zone), written)


def parse_status(written):
    """Read whether one check found the site up.

    Parameters
    ----------
    written : str
        A word (``up``, ``down``, ``naik``, ``turun``, ``ok``, ``gagal``
        ...), ``1`` or ``0``, or an HTTP status code.

    Returns
    -------
    bool
        True when up: an up word, ``1``, or a 2xx or 3xx code.

    Raises
    ------
    ValueError
        When the text is none of these.
    """
    word = str(written).strip().lower()
    if _HTTP_CODE.fullmatch(word):
        return 200 <= int(word) < 400
    if word in UP_WORDS:
        return True
    if word in DOWN_WORDS:
        return False
    raise ValueError(f"not a check status: {written!r}")


# --- recognising a CSV ------------------------------------------------------


def _normalise(header):
    """Fold case and treat ``_``, ``-`` and repeated spaces as one space."""
    return " ".join(re.sub(r"[_\-]", " ", str(header)).lower().split())


def _recognise(table, header, path):
    """Name the format of a CSV table from its headers."""
    names = [_normalise(name) for name in table.columns]
    if tuple(cell.lower() for cell in header) == TOKOLAB_HEADER:
        return "tokolab"
    if "event" in names and "date time" in names:
        return "uptimerobot"
    has_time = any(name in CHECK_ALIASES["time"] for name in names)
    if has_time and any(name in EVENT_ALIASES["state"] for name in names):
        return "events"
    status_names = CHECK_ALIASES["status"] + CHECK_ALIASES["up"]
    if has_time and any(name in status_names for name in names):
        return "checks"

    # One column whose header splits into a time and a status at some
    # other mark: the columns were separated with a character CSV does
    # not use (waktu|status).
    mark = _other_separator(header)
    if mark is not None:
        raise InputError(
            "uptime.wrong_separator",
            path=str(path),
            found=header[0],
            mark=text("uptime.mark_space")
            if mark == " "
            else text("uptime.mark_character", mark=mark),
        )
    raise InputError(
        "uptime.unknown_headers",
        path=str(path),
        found=", ".join(header) or "-",
        expected=text("uptime.expected_headers"),
    )


def _other_separator(header):
    """The mark between the columns of a one-column header, or None.

    Only when splitting at it gives a time column and a status or event
    column the kit knows.
    """
    if len(header) != 1:
        return None
    known = (
        CHECK_ALIASES["status"] + CHECK_ALIASES["up"] + EVENT_ALIASES["state"]
    )
    for mark in OTHER_SEPARATORS:
        parts = [_normalise(part) for part in header[0].split(mark)]
        if len(parts) < 2:
            continue
        if any(part in CHECK_ALIASES["time"] for part in parts) and any(
            part in known for part in parts
        ):
            return mark
    return None


def _columns(table, aliases, path):
    """Map each canonical column to the table's column that holds it."""
    found = {}
    for column in table.columns:
        name = _normalise(column)
        for canonical, spellings in aliases.items():
            if name not in spellings:
                continue
            if canonical in found:
                raise InputError(
                    "uptime.duplicate_column",
                    path=str(path),
                    found=f"{found[canonical]}, {column}",
                )
            found[canonical] = column
    return found


# --- the CSV formats ----------------------------------------------------------


def _tokolab_log(table, path, zone, text_):
    """The kit's own monitor log."""
    table, notes = _without_cut_lines(table, path, zone, text_)
    checks = _tokolab_checks(table, path, zone)
    return UptimeLog(
        source=str(path),
        format="tokolab",
        monitors=_monitors(checks),
        checks=checks,
        timezone=str(zone),
        notes=notes,
    )


def _without_cut_lines(table, path, zone, text_):
    """The log's rows without lines cut short, and a note for each.

    A monitor stopped mid-write leaves a line with fewer fields than the
    header; the next run starts on a new line after it, so such a line
    can sit anywhere in the file. A line is left out when it has fewer
    fields than the header and its cells do not read; a short line that
    reads is a check like any other.
    """
    # Rows in the monitor's own layout read; only the others can be cut.
    cell = {name.lower(): table[name] for name in table.columns}
    time_read = pd.to_datetime(
        cell["time"], format=_FAST_LAYOUTS[0], errors="coerce", utc=True
    ).notna()
    up_read = cell["up"].isin(("0", "1"))
    response = cell["response_ms"].str.strip()
    response_read = (response == "") | response.str.fullmatch(_NUMBER.pattern)
    suspects = table.index[~(time_read & up_read & response_read)]
    if not len(suspects):
        return table, []

    # Count the fields of each line as written; the header is line 0.
    skipped, rest, named = lines_above_header(text_)
    delimiter = named or sniff_delimiter(text_)
    try:
        fields = [
            len(cells)
            for cells in csv.reader(io.StringIO(rest), delimiter=delimiter)
        ]
    except csv.Error:
        # The careful reading below says what is wrong, and where.
        return table, []

    cut, notes = [], []
    for index in suspects:
        line = index - skipped + 1
        if line >= len(fields) or fields[line] >= len(TOKOLAB_HEADER):
            continue
        try:
            _tokolab_checks(table.loc[[index]], path, zone)
        except InputError:
            row = int(index) + 2
            logger.warning("%s: line %d cut short, left out", path, row)
            notes.append(text("uptime.cut_line", path=path, row=row))
            cut.append(index)
    return table.drop(index=cut), notes


def _tokolab_log_fast(data, path, zone):
    """The kit's own log read with types in one pass, or None.

    None unless ``data`` is UTF-8 starting with exactly
    :data:`TOKOLAB_HEADER`, ends with a newline (no line cut short), and
    every cell reads: times in the monitor's layout, ``up`` 1 or 0,
    ``response_ms`` empty or a non-negative number. The caller then
    reads the file the careful way, which says what is wrong and where.
    """
    header = ",".join(TOKOLAB_HEADER).encode()
    if not data.startswith(header) or not data.endswith(b"\n"):
        return None

    # Every column but the time through pandas; the time, which would cost
    # pandas four fifths of the reading as text, straight from the bytes.
    try:
        table = pd.read_csv(
            io.BytesIO(data),
            dtype=_TOKOLAB_DTYPES,
            usecols=TOKOLAB_HEADER[1:],
            keep_default_na=False,
            na_values={"response_ms": [""]},
            encoding="utf-8",
        )
    except (ValueError, TypeError, OverflowError, pd.errors.ParserError):
        return None
    times = _monitor_times(data, len(table))
    if times is None:
        return None

    response = table["response_ms"]
    if not (
        table["up"].isin((0, 1)).all()
        and (response.isna() | (response >= 0)).all()
    ):
        return None

    # Category columns: strip each distinct text once.
    text_columns = {
        name: _stripped_category(table[column])
        for name, column in (
            ("monitor", "url"),
            ("status", "status"),
            ("reason", "reason"),
        )
    }
    if any(cells is None for cells in text_columns.values()):
        return None

    checks = pd.DataFrame(
        {
            "monitor": text_columns["monitor"],
            "time": times.dt.tz_convert(zone).dt.as_unit("us"),
            "up": table["up"].astype(bool),
            "status": text_columns["status"],
            "response_ms": response,
            "reason": text_columns["reason"],
        }
    )

    # The monitor appends in time order: sort only when that is not so.
    used = table["url"].cat.remove_unused_categories().cat.categories
    monitors = sorted(set(used.astype(str).str.strip()))
    in_order = len(monitors) <= 1 and checks["time"].is_monotonic_increasing
    if not in_order:
        checks = _sorted(checks, CHECK_COLUMNS)
    return UptimeLog(
        source=str(path),
        format="tokolab",
        monitors=monitors,
        checks=checks,
        timezone=str(zone),
    )


def _monitor_times(data, rows):
    """The time of each line of the kit's log, read from its bytes, or None.

    The monitor writes every time in one layout, to the second with the
    offset, ``2026-12-03T14:00:05+07:00``, 25 bytes at the start of the
    line followed by a comma. Each byte of that layout is checked: a
    separator where one belongs, a digit everywhere else, and month, day,
    hour, minute, second and offset in range (a 31 February or a 25:00
    gives None). None also when the lines that are not blank are not
    ``rows`` (a quoted newline), so the caller falls back to pandas.

    Returns
    -------
    pandas.Series or None
        tz-aware times in UTC [us], one per line after the header.
    """
    buffer = np.frombuffer(data, dtype=np.uint8)

    # A line starts after each newline; the last newline ends the file.
    starts = np.flatnonzero(buffer == _NEWLINE)[:-1] + 1
    starts = starts[~np.isin(buffer[starts], (_NEWLINE, _RETURN))]
    if len(starts) != rows:
        return None
    if rows == 0:
        return pd.Series([], dtype="datetime64[us, UTC]")
    if starts[-1] + _TIME_WIDTH + 1 > len(buffer):
        return None
    lines = np.lib.stride_tricks.sliding_window_view(buffer, _TIME_WIDTH + 1)
    cells = lines[starts]

    # The layout, byte by byte: separators, then digits (bytes below b"0"
    # wrap round to large numbers, so one comparison checks both ends).
    separators = cells[:, list(_TIME_SEPARATORS)]
    sign = cells[:, _TIME_SIGN]
    if not (
        (separators == list(_TIME_SEPARATORS.values())).all()
        and np.isin(sign, (ord("+"), ord("-"))).all()
    ):
        return None
    digits = cells[:, _TIME_DIGITS] - ord("0")
    if (digits > 9).any():
        return None

    def number(first, width):
        """The whole number written in digit columns first ... + width."""
        value = np.zeros(len(digits), dtype=np.int64)
        for column in range(first, first + width):
            value = value * 10 + digits[:, column].astype(np.int64)
        return value

    year, month, day = number(0, 4), number(4, 2), number(6, 2)
    hour, minute, second = number(8, 2), number(10, 2), number(12, 2)
    offset_hours, offset_minutes = number(14, 2), number(16, 2)
    in_range = (
        (year >= YEARS.start)
        & (year < YEARS.stop)
        & (month >= 1)
        & (month <= 12)
        & (day >= 1)
        & (hour <= 23)
        & (minute <= 59)
        & (second <= 59)
        & (offset_hours <= 14)
        & (offset_minutes <= 59)
    )
    if not in_range.all():
        return None

    # Calendar arithmetic by numpy: the month, then the day within it (a
    # day past the month's end lands in the next month and is refused).
    months = ((year - 1970) * 12 + month - 1).astype("datetime64[M]")
    days = months.astype("datetime64[D]") + (day - 1)
    if (days.astype("datetime64[M]") != months).any():
        return None
    offset = np.where(sign == ord("-"), -1, 1) * (
        offset_hours * 3600 + offset_minutes * 60
    )
    seconds = hour * 3600 + minute * 60 + second - offset
    moments = days.astype("datetime64[s]") + seconds
    return pd.Series(pd.DatetimeIndex(moments, tz="UTC").as_unit("us"))


def _stripped_category(cells):
    """A category column as stripped text, or None if that would change it.

    pandas reads a category column whose cells are all whole numbers
    (a status column with no empty cell) as numbers: those are written
    back as they were. Any other kind of number gives None.
    """
    categories = cells.cat.categories
    if categories.dtype.kind not in "iuO" and len(categories):
        return None
    stripped = categories.astype(str).str.strip()
    return pd.Series(
        stripped.take(cells.cat.codes.to_numpy()), index=cells.index, dtype=str
    )


def _tokolab_checks(table, path, zone):
    """Checks from the kit's log table (columns as in the header)."""
    columns = {name.lower(): name for name in table.columns}
    cell = {name: table[columns[name]] for name in TOKOLAB_HEADER}

    times = _times(cell["time"], path, columns["time"], zone)
    up = _map_cells(
        cell["up"],
        {"1": True, "0": False}.__getitem__,
        path,
        columns["up"],
        "uptime.expected_up_flag",
    )
    response = _numbers(
        cell["response_ms"],
        path,
        columns["response_ms"],
        "uptime.expected_ms",
    )
    frame = pd.DataFrame(
        {
            "monitor": _stripped(cell["url"]),
            "time": times,
            "up": up.astype(bool),
            "status": _stripped(cell["status"]),
            "response_ms": response,
            "reason": _stripped(cell["reason"]),
        }
    )
    return _sorted(frame, CHECK_COLUMNS)


def _checks_log(table, path, zone, text_):
    """A generic CSV of checks."""
    columns = _columns(table, CHECK_ALIASES, path)
    times = _times(table[columns["time"]], path, columns["time"], zone)

    # Up from an up column when there is one, else from the status.
    status_column = columns.get("status", columns.get("up"))
    status = _stripped(table[status_column])
    up_column = columns.get("up", status_column)
    up = _map_cells(
        table[up_column],
        parse_status,
        path,
        up_column,
        "uptime.expected_status",
    )

    # Optional columns.
    response = pd.Series(math.nan, index=table.index, dtype=float)
    if "response_ms" in columns:
        response = _numbers(
            table[columns["response_ms"]],
            path,
            columns["response_ms"],
            "uptime.expected_ms",
        )
    frame = pd.DataFrame(
        {
            "monitor": _monitor_cells(table, columns, path),
            "time": times,
            "up": up.astype(bool),
            "status": status,
            "response_ms": response,
            "reason": _optional_text(table, columns, "reason"),
        }
    )

    # A down check with an HTTP code and no reason written: the code is why.
    # Where the status column holds HTTP codes, 0 or nothing means the
    # site gave no answer at all.
    unexplained = ~frame["up"] & (frame["reason"] == "")
    answered = frame["status"].str.fullmatch(_HTTP_CODE.pattern)
    frame.loc[unexplained & answered, "reason"] = "http_status"
    if "status" in columns and answered.any():
        silent = frame["status"].isin(("", "0"))
        frame.loc[unexplained & silent, "reason"] = "no_answer"

    checks = _sorted(frame, CHECK_COLUMNS)
    return UptimeLog(
        source=str(path),
        format="checks",
        monitors=_monitors(checks),
        checks=checks,
        timezone=str(zone),
    )


def _events_log(table, path, zone, text_):
    """A generic CSV of down / up events."""
    columns = _columns(table, EVENT_ALIASES, path)
    times = _times(table[columns["time"]], path, columns["time"], zone)
    states = _map_cells(
        table[columns["state"]],
        lambda cell: EVENT_WORDS[cell.strip().lower()],
        path,
        columns["state"],
        "uptime.expected_event",
    )

    # Durations only where the header names the unit.
    duration = pd.Series(math.nan, index=table.index, dtype=float)
    for key, factor in (("duration_s", 1), ("duration_min", 60)):
        if key in columns:
            duration = factor * _numbers(
                table[columns[key]],
                path,
                columns[key],
                "uptime.expected_minutes"
                if factor == 60
                else "uptime.expected_seconds",
            )
    frame = pd.DataFrame(
        {
            "monitor": _monitor_cells(table, columns, path),
            "time": times,
            "state": states.astype(str),
            "reason": _optional_text(table, columns, "reason"),
            "duration_s": duration,
        }
    )
    events = _sorted(frame, EVENT_COLUMNS)
    return UptimeLog(
        source=str(path),
        format="events",
        monitors=_monitors(events),
        events=events,
        timezone=str(zone),
    )


def _uptimerobot_log(table, path, zone, text_):
    """UptimeRobot's log export."""
    # Event and Date-Time named the format. Without a Monitor column the
    # monitor is named by its Monitor URL, else after the file.
    columns = _columns(table, UPTIMEROBOT_ALIASES, path)
    if "monitor" not in columns and "url" in columns:
        columns["monitor"] = columns["url"]

    # Event names first: Started rows carry no state and are left out.
    states = _map_cells(
        table[columns["state"]],
        lambda cell: UPTIMEROBOT_EVENTS[cell.strip().lower()],
        path,
        columns["state"],
        "uptime.expected_uptimerobot_event",
    )
    keep = states.notna()
    table, states = table[keep], states[keep]
    times = _times(table[columns["time"]], path, columns["time"], zone)

    # Minutes from their own column, else from the written duration.
    if "duration_min" in columns:
        duration = 60 * _numbers(
            table[columns["duration_min"]],
            path,
            columns["duration_min"],
            "uptime.expected_minutes",
        )
    elif "duration_text" in columns:
        duration = table[columns["duration_text"]].map(_written_duration)
    else:
        duration = pd.Series(math.nan, index=table.index, dtype=float)

    frame = pd.DataFrame(
        {
            "monitor": _monitor_cells(table, columns, path),
            "time": times,
            "state": states.astype(str),
            "reason": _optional_text(table, columns, "reason"),
            "duration_s": duration.astype(float),
        }
    )
    events = _sorted(frame, EVENT_COLUMNS)
    return UptimeLog(
        source=str(path),
        format="uptimerobot",
        monitors=_monitors(events),
        events=events,
        timezone=str(zone),
    )


# --- cells --------------------------------------------------------------------


def _times(cells, path, column, zone):
    """Read a column of timestamps, fast when it is all ISO 8601."""
    fast = _iso_times(cells, zone)
    if fast is not None:
        return fast

    # Day first; a column that only reads month first is read so.
    try:
        return _map_times(cells, path, column, zone, month_first=False)
    except InputError as day_first_error:
        try:
            times = _map_times(cells, path, column, zone, month_first=True)
        except InputError:
            raise day_first_error from None
        logger.info("%s: column %s read month first", path, column)
        return times


def _map_times(cells, path, column, zone, month_first):
    """Read timestamps one distinct cell at a time."""
    times = _map_cells(
        cells,
        lambda cell: parse_time(cell, zone, month_first=month_first),
        path,
        column,
        "uptime.expected_time",
    )
    return pd.Series(
        pd.DatetimeIndex(list(times), tz=zone).as_unit("us"),
        index=cells.index,
    )


def _iso_times(cells, zone):
    """All of ``cells`` read as ISO 8601 by pandas, or None if not all.

    The exact layouts of :data:`_FAST_LAYOUTS` come first: pandas reads
    them in C, and each holds a time of day. Other ISO 8601 text only
    when every cell is long enough to hold a time (``YYYY-MM-DD HH:MM``).
    """
    if cells.empty:
        return None
    for layout in _FAST_LAYOUTS:
        times = _pandas_times(cells, zone, layout)
        if times is not None:
            return times
    if cells.str.len().min() < 16:
        return None
    return _pandas_times(cells, zone, "ISO8601")


def _pandas_times(cells, zone, layout):
    """``cells`` read by pandas in one layout, or None if any does not."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            times = pd.to_datetime(cells, format=layout)
            if times.dt.tz is None:
                times = times.dt.tz_localize(
                    zone, ambiguous="raise", nonexistent="raise"
                )
            times = times.dt.tz_convert(zone).dt.as_unit("us")
    except (ValueError, TypeError, OverflowError, Warning):
        return None
    if times.isna().any():
        return None
    years = times.dt.year
    if years.min() < YEARS.start or years.max() >= YEARS.stop:
        return None
    return times


def _map_cells(cells, read, path, column, expected):
    """Read each distinct cell once; the first that fails names its row.

    Distinct cells come in the order they first appear, so the first one
    that does not read is also the first such row of the file.
    """
    codes, distinct = pd.factorize(cells, use_na_sentinel=False)
    read_cells = []
    for cell in distinct:
        try:
            read_cells.append(read(cell))
        except (ValueError, KeyError, OverflowError) as error:
            index = cells.index[(cells == cell).to_numpy()][0]
            fields = {
                "path": str(path),
                "row": int(index) + 2,
                "column": column,
                "expected": text(expected),
                "found": cell,
            }
            # The dates module says what is wrong with a date (a year of
            # two digits, a month it does not know): keep its advice.
            if isinstance(error, DateFormatError):
                raise InputError(
                    "uptime.bad_cell_because", reason=error, **fields
                ) from None
            raise InputError("uptime.bad_cell", **fields) from None
    values = pd.Series(read_cells, dtype=_common_dtype(read_cells))
    return pd.Series(values.take(codes).to_numpy(), index=cells.index)


def _common_dtype(values):
    """A dtype for a list of read cells: object unless they share one."""
    kinds = {type(value) for value in values}
    if kinds <= {bool}:
        return bool
    if kinds <= {float}:
        return float
    return object


def _stripped(cells):
    """Cells without surrounding spaces, each distinct cell stripped once."""
    codes, distinct = pd.factorize(cells, use_na_sentinel=False)
    stripped = pd.Series([str(cell).strip() for cell in distinct], dtype=str)
    return pd.Series(
        stripped.take(codes).to_numpy(), index=cells.index, dtype=str
    )


def _numbers(cells, path, column, expected):
    """Read a column of non-negative numbers; empty cells are NaN."""

    def read(cell):
        cell = cell.strip()
        if not cell:
            return math.nan
        if not _NUMBER.fullmatch(cell):
            raise ValueError(cell)
        return float(cell.replace(",", "."))

    return _map_cells(cells, read, path, column, expected).astype(float)


def _monitor_cells(table, columns, path):
    """Monitor names from their column, else the file's name."""
    if "monitor" in columns:
        return _stripped(table[columns["monitor"]])
    return pd.Series(Path(path).stem, index=table.index, dtype=str)


def _optional_text(table, columns, key):
    """A text column stripped, or empty strings when there is none."""
    if key in columns:
        return _stripped(table[columns[key]])
    return pd.Series("", index=table.index, dtype=str)


def _written_duration(cell):
    """Seconds from ``0 hrs, 5 mins`` or ``00:05:00``; NaN otherwise."""
    cell = cell.strip()
    clock = re.fullmatch(r"(\d+):(\d{2})(?::(\d{2}))?", cell, re.ASCII)
    if clock:
        hours, minutes, seconds = (int(part or 0) for part in clock.groups())
        return float(hours * 3600 + minutes * 60 + seconds)
    words = _DURATION_WORDS.fullmatch(cell)
    if cell and words and any(words.groups()):
        hours, minutes, seconds = (int(part or 0) for part in words.groups())
        return float(hours * 3600 + minutes * 60 + seconds)
    return math.nan


def _written_day(written, month_first):
    """The date part of a timestamp, as a datetime.date."""
    iso = _ISO_DATE.fullmatch(written)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
        return _checked_day(year, month, day, written)
    numeric = _NUMERIC_DATE.fullmatch(written)
    if numeric:
        first, second, year = (int(numeric[i]) for i in (1, 3, 4))
        month, day = (first, second) if month_first else (second, first)
        return _checked_day(year, month, day, written)
    return parse_date(written)


def _checked_day(year, month, day, written):
    """A date, or ValueError when it cannot be."""
    try:
        return datetime(year, month, day).date()
    except ValueError:
        raise ValueError(f"no such day: {written!r}") from None


def _written_zone(written, original):
    """The tzinfo of a zone written after a time, None when none is."""
    if not written:
        return None
    name = written.lower().replace(" ", "")
    if name in ZONE_NAMES:
        return fixed_timezone(timedelta(hours=ZONE_NAMES[name]))
    offset = _OFFSET.fullmatch(name)
    hours, minutes = int(offset["hours"]), int(offset["minutes"] or 0)
    if hours > 14 or minutes > 59:
        raise ValueError(f"no such UTC offset: {original!r}")
    sign = -1 if offset["sign"] == "-" else 1
    return fixed_timezone(sign * timedelta(hours=hours, minutes=minutes))


def _in_years(stamp, written):
    """``stamp`` itself, unless its year is outside :data:`YEARS`."""
    if stamp.year not in YEARS:
        raise ValueError(f"year out of range: {written!r}")
    return stamp


def _zone(name):
    """The ZoneInfo of an IANA name, or the kit's error."""
    try:
        return ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError("uptime.unknown_timezone", found=name) from None


# --- Uptime Kuma ----------------------------------------------------------


def _kuma_rows(db):
    """The heartbeat rows and the monitor table's names, read-only."""
    # Without a write-ahead log beside it the file is read as immutable,
    # so SQLite creates no -wal or -shm files next to the input either.
    uri = db.resolve().as_uri() + "?mode=ro"
    if not Path(f"{db}-wal").exists():
        uri += "&immutable=1"
    try:
        connection = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as error:
        raise InputError(
            "uptime.db_damaged", path=str(db), reason=str(error)
        ) from None

    # Text that is not UTF-8 (a damaged page) reads with U+FFFD in place
    # of the bad bytes; the value checks then refuse it where it matters.
    connection.text_factory = _text_from_sqlite
    try:
        columns = _kuma_columns(connection, db)
        wanted = ["monitor_id", "status", "time", "ping", "msg"]
        select = ", ".join(
            ["rowid"]
            + [f'"{name}"' if name in columns else "NULL" for name in wanted]
        )
        rows = connection.execute(
            f"SELECT {select} FROM heartbeat ORDER BY rowid"
        ).fetchall()
        names = _kuma_table_names(connection)
    except (sqlite3.Error, UnicodeDecodeError, MemoryError) as error:
        raise InputError(
            "uptime.db_damaged", path=str(db), reason=str(error)
        ) from None
    finally:
        connection.close()
    return rows, names


def _text_from_sqlite(data):
    """SQLite text as str, whatever bytes a damaged file holds."""
    return data.decode("utf-8", errors="replace")


def _kuma_columns(connection, db):
    """The heartbeat table's columns, checked for those the reader needs."""
    tables = {
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
        )
    }
    if "heartbeat" not in tables:
        raise InputError(
            "uptime.db_not_kuma",
            path=str(db),
            found=", ".join(sorted(map(str, tables))) or "-",
        )
    columns = {
        row[1] for row in connection.execute("PRAGMA table_info(heartbeat)")
    }
    missing = [
        name for name in ("monitor_id", "status", "time") if name not in columns
    ]
    if missing:
        raise InputError(
            "uptime.db_missing_columns",
            path=str(db),
            expected=", ".join(missing),
            found=", ".join(sorted(map(str, columns))) or "-",
        )
    return columns


def _kuma_table_names(connection):
    """Monitor names from the ``monitor`` table, when it has them."""
    try:
        rows = connection.execute("SELECT id, name FROM monitor").fetchall()
    except sqlite3.OperationalError:
        return {}
    return {
        monitor_id: name.strip()
        for monitor_id, name in rows
        if isinstance(monitor_id, int)
        and isinstance(name, str)
        and name.strip()
    }


def _backup_names(backup):
    """Monitor names by id from an Uptime Kuma JSON backup."""
    content, _ = decode_bytes(read_bytes(backup), backup)
    try:
        data = json.loads(content)
    except (json.JSONDecodeError, RecursionError):
        raise InputError("uptime.backup_not_json", path=str(backup)) from None

    monitors = data.get("monitorList") if isinstance(data, dict) else None
    if not isinstance(monitors, list):
        raise InputError("uptime.backup_no_monitors", path=str(backup))
    return {
        monitor["id"]: monitor["name"].strip()
        for monitor in monitors
        if isinstance(monitor, dict)
        and isinstance(monitor.get("id"), int)
        and isinstance(monitor.get("name"), str)
        and monitor["name"].strip()
    }


def _kuma_values(db, ids, values, column, read):
    """Read one heartbeat column, each distinct value once.

    Values are told apart by type too, so that 1, 1.0 and True, equal in
    Python, are each judged on their own.
    """
    read_values = {}
    for beat_id, value in zip(ids, values, strict=True):
        key = (type(value), value)
        if key in read_values:
            continue
        try:
            read_values[key] = read(value)
        except ValueError:
            raise InputError(
                "uptime.db_bad_value",
                path=str(db),
                row=beat_id,
                column=column,
                expected=text(_KUMA_EXPECTED[column]),
                found=value if isinstance(value, str) else repr(value),
            ) from None
    return [read_values[(type(value), value)] for value in values]


def _kuma_times(db, ids, values, zone):
    """Heartbeat times, text in UTC, fast when all are ISO 8601."""
    if all(isinstance(value, str) for value in values):
        fast = _iso_times(pd.Series(values, dtype=str), ZoneInfo("UTC"))
        if fast is not None:
            return fast.dt.tz_convert(zone)

    def read(value):
        if not isinstance(value, str):
            raise ValueError(value)
        return parse_time(value, "UTC")

    times = _kuma_values(db, ids, values, "time", read)
    return pd.DatetimeIndex(times, tz="UTC").tz_convert(zone).as_unit("us")


def _kuma_status(status):
    """A heartbeat's status code, 0-3."""
    if type(status) is int and status in KUMA_STATUS:
        return status
    raise ValueError(status)


def _kuma_monitor(monitor_id, names):
    """A heartbeat's monitor name."""
    if type(monitor_id) is not int:
        raise ValueError(monitor_id)
    return names.get(monitor_id) or text("uptime.monitor_number", id=monitor_id)


def _kuma_ping(ping):
    """A heartbeat's response time [ms], NaN when missing."""
    if ping is None:
        return math.nan
    if type(ping) in (int, float) and math.isfinite(ping) and ping >= 0:
        return float(ping)
    raise ValueError(ping)


def _kuma_text(msg):
    """A heartbeat's message as text, empty when missing."""
    if msg is None:
        return ""
    if isinstance(msg, bytes):
        return msg.decode("utf-8", errors="replace").strip()
    return str(msg).strip()


# --- frames -------------------------------------------------------------------


def _sorted(frame, columns):
    """Canonical column order, sorted by monitor then time, fresh index."""
    frame = frame[columns]
    frame = frame.sort_values(["monitor", "time"], kind="stable")
    return frame.reset_index(drop=True)


def _monitors(frame):
    """Monitor names in the frame's order (sorted)."""
    return [str(name) for name in pd.unique(frame["monitor"])]
