"""The syllabus as data: sessions, their activities, minutes and notebooks.

The syllabus lives in ``course/silabus.toml`` (UTF-8 TOML, keys in Bahasa
Indonesia so that a tutor can edit it):

- top level: ``judul`` (programme title), ``zona_waktu`` (an IANA time zone,
  ``Asia/Jakarta`` for WIB when left out), and ``[[sesi]]``, the sessions;
- a session: ``nomor`` (1, 2, 3 ... in file order), ``tanggal`` (a TOML
  date or ``"2024-01-01"``), ``mulai`` and ``selesai`` (a TOML time or
  ``"09:00"``/``"09.00"``, with or without ``WIB``), ``judul``, ``tujuan``
  (a list of objectives) and ``[[sesi.kegiatan]]``, the activities in the
  order they happen;
- an activity: ``judul``, ``menit`` (whole minutes; ``45`` or ``"45 menit"``),
  ``jenis`` (``teori`` or ``praktik``), ``notebook`` (optional; a relative
  path ``notebooks/....ipynb``) and ``kode`` (optional; the programme's
  practice letter ``a``-``g``, on practice activities only, each letter at
  most once in the syllabus).

The reader gives each activity its start and end time by adding the minutes
up from the session's start, and refuses a session whose activities do not
fit between ``mulai`` and ``selesai``. Unknown keys are refused too, so a
misspelt key is reported rather than ignored.
"""

import logging
import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tokolab.errors import InputError
from tokolab.messages import text
from tokolab.tables import read_bytes

logger = logging.getLogger(__name__)

PROJECT = Path(__file__).resolve().parents[2]
DEFAULT_PATH = PROJECT / "course" / "silabus.toml"

DEFAULT_TIMEZONE = "Asia/Jakarta"
KINDS = ("teori", "praktik")
PRACTICE_CODES = tuple("abcdefg")

TOP_KEYS = ("judul", "zona_waktu", "sesi")
SESSION_KEYS = (
    "nomor",
    "tanggal",
    "mulai",
    "selesai",
    "judul",
    "tujuan",
    "kegiatan",
)
ACTIVITY_KEYS = ("judul", "menit", "jenis", "notebook", "kode")

MINUTES_PATTERN = re.compile(r"([0-9]{1,4})\s*(?:menit|min|minutes?)?")
TIME_PATTERN = re.compile(r"([0-9]{1,2})[:.]([0-9]{2})(?:\s*WIB)?", re.I)
DATE_PATTERN = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True)
class Activity:
    """One activity of a session.

    Attributes
    ----------
    title : str
    minutes : int [minutes]
    kind : str
        ``"teori"`` (theory) or ``"praktik"`` (practice).
    notebook : str or None
        Path of the notebook used, relative to the project.
    code : str or None
        The programme's practice letter ``"a"``-``"g"``.
    start, end : datetime.time
        Local time (the syllabus's time zone), from the session's start.
    """

    title: str
    minutes: int
    kind: str
    notebook: str | None
    code: str | None
    start: time
    end: time


@dataclass(frozen=True)
class Session:
    """One training session.

    Attributes
    ----------
    number : int
    date : datetime.date
    start, end : datetime.time
        Local time in the syllabus's time zone (WIB for the programme).
    title : str
    activities : list of Activity
        In the order they happen.
    objectives : list of str
    timezone : str
        IANA name, ``"Asia/Jakarta"`` for WIB.
    """

    number: int
    date: date
    start: time
    end: time
    title: str
    activities: list
    objectives: list
    timezone: str = DEFAULT_TIMEZONE

    def minutes(self, kind=None):
        """Minutes of all activities, or of one kind.

        Parameters
        ----------
        kind : str, optional
            ``"teori"`` or ``"praktik"``; all activities when not given.

        Returns
        -------
        int [minutes]
        """
        if kind is not None and kind not in KINDS:
            raise ValueError(
                text(
                    "syllabus.no_such_kind",
                    found=kind,
                    expected=", ".join(KINDS),
                )
            )
        return sum(
            activity.minutes
            for activity in self.activities
            if kind is None or activity.kind == kind
        )

    @property
    def starts_at(self):
        """Start as a time-zone-aware datetime."""
        return datetime.combine(self.date, self.start, ZoneInfo(self.timezone))

    @property
    def ends_at(self):
        """End as a time-zone-aware datetime."""
        return datetime.combine(self.date, self.end, ZoneInfo(self.timezone))

    @property
    def practice_codes(self):
        """The programme's practice letters done in this session, in order."""
        return [a.code for a in self.activities if a.code is not None]


@dataclass(frozen=True)
class Syllabus:
    """The whole programme: its title, time zone and sessions.

    Attributes
    ----------
    title : str
    timezone : str
        IANA name, ``"Asia/Jakarta"`` for WIB.
    sessions : list of Session
        Numbered 1, 2, 3 ... in order.
    path : str
        The file it was read from.
    """

    title: str
    timezone: str
    sessions: list
    path: str

    def session(self, number):
        """Return the session numbered ``number``.

        Parameters
        ----------
        number : int
            1, 2, 3 ... as in the syllabus file.

        Raises
        ------
        InputError
            ``syllabus.no_such_session`` when there is no such session;
            it names the syllabus file, the session asked for and the
            sessions that exist.
        """
        for session in self.sessions:
            if session.number == number:
                return session
        raise InputError(
            "syllabus.no_such_session",
            path=self.path,
            found=number,
            expected=", ".join(str(s.number) for s in self.sessions),
        )

    def minutes(self, kind=None):
        """Minutes of the whole programme, or of one kind [minutes]."""
        return sum(session.minutes(kind) for session in self.sessions)


def _where(session=None, activity=None):
    """Describe a place in the syllabus for an error message."""
    if session is None:
        return text("syllabus.where_top")
    if activity is None:
        return text("syllabus.where_session", session=session)
    return text("syllabus.where_activity", session=session, activity=activity)


def _fail(key, path, where, column, expected, found):
    """Raise InputError for one value of the syllabus."""
    raise InputError(
        key,
        path=str(path),
        where=where,
        column=column,
        expected=expected,
        found=found,
    )


def _check_keys(table, allowed, required, path, where):
    """Refuse unknown keys and missing required keys in one TOML table."""
    if not isinstance(table, dict):
        _fail("syllabus.not_a_table", path, where, "-", "[...]", repr(table))

    for key in table:
        if key not in allowed:
            _fail(
                "syllabus.unknown_key",
                path,
                where,
                key,
                ", ".join(allowed),
                key,
            )

    for key in required:
        if key not in table:
            _fail("syllabus.missing_key", path, where, key, key, "-")


def _check_text(value, path, where, column):
    """Return ``value`` stripped, when it is non-empty text."""
    if not isinstance(value, str) or not value.strip():
        _fail("syllabus.bad_text", path, where, column, "teks", repr(value))
    return value.strip()


def _check_list(value, path, where, column, expected):
    """Return ``value`` when it is a non-empty list."""
    if not isinstance(value, list) or not value:
        _fail("syllabus.bad_list", path, where, column, expected, repr(value))
    return value


def _check_minutes(value, path, where):
    """Return a whole, positive number of minutes."""
    minutes = None
    if isinstance(value, int) and not isinstance(value, bool):
        minutes = value
    elif isinstance(value, str):
        match = MINUTES_PATTERN.fullmatch(value.strip())
        minutes = int(match.group(1)) if match else None

    if minutes is None or minutes <= 0:
        _fail("syllabus.bad_minutes", path, where, "menit", "45", repr(value))
    return minutes


def _check_time(value, path, where, column):
    """Return a ``datetime.time`` from a TOML time or ``"09:00"``."""
    if isinstance(value, time):
        return value.replace(tzinfo=None)

    if isinstance(value, str):
        match = TIME_PATTERN.fullmatch(value.strip())
        if match:
            hour, minute = int(match.group(1)), int(match.group(2))
            if hour < 24 and minute < 60:
                return time(hour, minute)

    _fail("syllabus.bad_time", path, where, column, "09:00", repr(value))


def _check_date(value, path, where):
    """Return a ``datetime.date`` from a TOML date or ``"2024-01-01"``."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value

    if isinstance(value, str) and DATE_PATTERN.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass

    _fail(
        "syllabus.bad_date", path, where, "tanggal", "2024-01-01", repr(value)
    )


def _check_notebook(value, path, where):
    """Return a relative ``notebooks/....ipynb`` path, or None."""
    if value is None:
        return None

    notebook = value.strip() if isinstance(value, str) else ""
    parts = PurePosixPath(notebook).parts
    if (
        not notebook.endswith(".ipynb")
        or notebook.startswith("/")
        or not parts
        or parts[0] != "notebooks"
        or ".." in parts
        or "\\" in notebook
    ):
        _fail(
            "syllabus.bad_notebook",
            path,
            where,
            "notebook",
            "notebooks/sesi-1/01-contoh.ipynb",
            repr(value),
        )
    return notebook


def _read_activity(table, start, path, session, number):
    """Check one ``[[sesi.kegiatan]]`` table and give it its times."""
    where = _where(session, number)
    _check_keys(table, ACTIVITY_KEYS, ("judul", "menit", "jenis"), path, where)

    # The kind, then the practice letter, which only practice may carry.
    kind = table["jenis"]
    if kind not in KINDS:
        _fail(
            "syllabus.bad_kind",
            path,
            where,
            "jenis",
            ", ".join(KINDS),
            repr(kind),
        )
    code = table.get("kode")
    if code is not None and (kind != "praktik" or code not in PRACTICE_CODES):
        _fail(
            "syllabus.bad_code",
            path,
            where,
            "kode",
            f"{PRACTICE_CODES[0]}-{PRACTICE_CODES[-1]}",
            repr(code),
        )

    # Times follow from the minutes.
    minutes = _check_minutes(table["menit"], path, where)
    end = start + timedelta(minutes=minutes)
    return Activity(
        title=_check_text(table["judul"], path, where, "judul"),
        minutes=minutes,
        kind=kind,
        notebook=_check_notebook(table.get("notebook"), path, where),
        code=code,
        start=start.time(),
        end=end.time(),
    ), end


def _read_session(table, expected_number, timezone, path):
    """Check one ``[[sesi]]`` table and its activities."""
    number = table.get("nomor") if isinstance(table, dict) else None
    where = _where(number if isinstance(number, int) else expected_number)
    _check_keys(table, SESSION_KEYS, SESSION_KEYS, path, where)

    # Sessions are numbered 1, 2, 3 ... in file order.
    if number != expected_number or isinstance(number, bool):
        _fail(
            "syllabus.bad_number",
            path,
            where,
            "nomor",
            expected_number,
            repr(number),
        )

    # Date and times; the end must come after the start.
    day = _check_date(table["tanggal"], path, where)
    start = _check_time(table["mulai"], path, where, "mulai")
    end = _check_time(table["selesai"], path, where, "selesai")
    if end <= start:
        _fail(
            "syllabus.end_before_start",
            path,
            where,
            "selesai",
            f"> {start:%H:%M}",
            f"{end:%H:%M}",
        )

    # Objectives: a list of sentences.
    written = _check_list(table["tujuan"], path, where, "tujuan", "[...]")
    objectives = [
        _check_text(objective, path, where, "tujuan") for objective in written
    ]

    # Activities, one after the other from the start.
    tables = _check_list(table["kegiatan"], path, where, "kegiatan", "[[...]]")
    clock = datetime.combine(day, start)
    activities = []
    for index, activity_table in enumerate(tables, start=1):
        activity, clock = _read_activity(
            activity_table, clock, path, number, index
        )
        activities.append(activity)

    # Everything must fit between start and end.
    available = datetime.combine(day, end) - datetime.combine(day, start)
    needed = sum(activity.minutes for activity in activities)
    if timedelta(minutes=needed) > available:
        _fail(
            "syllabus.does_not_fit",
            path,
            where,
            "menit",
            int(available.total_seconds() // 60),
            needed,
        )

    return Session(
        number=number,
        date=day,
        start=start,
        end=end,
        title=_check_text(table["judul"], path, where, "judul"),
        activities=activities,
        objectives=objectives,
        timezone=timezone,
    )


def parse_syllabus(document, path="<silabus>"):
    """Check a syllabus already loaded from TOML and build it.

    Parameters
    ----------
    document : dict
        What ``tomllib`` gives for a syllabus file.
    path : str or Path
        Named in errors.

    Returns
    -------
    Syllabus

    Raises
    ------
    InputError
        When a key is missing, unknown or holds a value that does not fit
        (see the module docstring). The error names the file, the session
        and activity, the key, what was expected and what was found.
    """
    where = _where()
    _check_keys(document, TOP_KEYS, ("judul", "sesi"), path, where)

    # The time zone must be one the machine knows.
    timezone = document.get("zona_waktu", DEFAULT_TIMEZONE)
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        _fail(
            "syllabus.bad_timezone",
            path,
            where,
            "zona_waktu",
            DEFAULT_TIMEZONE,
            repr(timezone),
        )

    # Sessions in file order.
    tables = _check_list(document["sesi"], path, where, "sesi", "[[sesi]]")
    sessions = [
        _read_session(table, number, timezone, path)
        for number, table in enumerate(tables, start=1)
    ]

    # Each practice letter marks one activity only.
    seen = {}
    for session in sessions:
        for number, activity in enumerate(session.activities, start=1):
            if activity.code is None:
                continue
            if activity.code in seen:
                _fail(
                    "syllabus.duplicate_code",
                    path,
                    _where(session.number, number),
                    "kode",
                    seen[activity.code],
                    activity.code,
                )
            seen[activity.code] = _where(session.number, number)

    return Syllabus(
        title=_check_text(document["judul"], path, where, "judul"),
        timezone=timezone,
        sessions=sessions,
        path=str(path),
    )


def read_syllabus(path=None):
    """Read the syllabus file.

    Parameters
    ----------
    path : str or Path, optional
        ``course/silabus.toml`` in the project when not given.

    Returns
    -------
    Syllabus

    Raises
    ------
    InputError
        When the file is missing, is not UTF-8 TOML, or its content does
        not fit the format in the module docstring.

    Notes
    -----
    TOML has its own date and time values (``tanggal = 2024-01-01``,
    ``mulai = 09:00:00``); written as text (``"09.00"``) they are read too,
    because that is how times are written in Indonesia.
    """
    path = Path(path) if path is not None else DEFAULT_PATH

    # Read the bytes; the file is never written.
    data = read_bytes(path)

    # Parse TOML; its error message carries the line and column.
    try:
        document = tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(
            "syllabus.not_toml", path=str(path), reason="UTF-8"
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(
            "syllabus.not_toml", path=str(path), reason=str(error)
        ) from None

    syllabus = parse_syllabus(document, path)
    logger.info("read %d sessions from %s", len(syllabus.sessions), path)
    return syllabus
