"""Upload calendar (*kalender unggah*): products spread over the weeks.

Session 1, practice (a). A shop owner chooses a start date, how many
products to upload in the first week, how that number grows from week to
week, and on which days and at which times of day to upload.
:func:`plan_uploads` turns these choices and a product list into a plan,
one row per upload; :func:`write_ics` and :func:`write_plan_csv` write it
as a calendar file (Google Calendar, phone calendars) and as a spreadsheet.
The ``check_*`` functions say what is wrong in a plan that a participant
has edited by hand.

Planning rules
--------------
* A week is seven days counted from the start date: week 1 is the start
  date and the six days after it, week 2 the next seven, and so on. A
  plan starting on a Wednesday has weeks from Wednesday to Tuesday.
* Each chosen day at each chosen time is a *slot*; a week has
  ``len(days) * len(times)`` slots (its capacity), in time order.
* The *target* of week k comes from the growth rule. Adding ``+n``:
  ``first_week + n * (k - 1)``. Multiplying ``xf``:
  ``first_week * f ** (k - 1)`` rounded half up (4.5 becomes 5), computed
  with exact fractions; a factor of 1 or more never lowers the target.
* Week k gets ``min(target, capacity)`` uploads: a week whose target is
  larger than its capacity is full, and stays full from then on.
  :func:`weekly_summary` shows the target beside the uploads, and the
  plan's ``attrs["notes"]`` says in words from which week the slots cap
  it. A growth that never rises (``+0``, ``x1``) is planned too, with a
  note: the activity is about a rising number of uploads.
* Within a week, n uploads are spread over the c slots: the i-th upload
  (counting from 0) takes slot ``floor(i * c / n)``. One upload takes the
  first slot; three uploads in six slots take slots 0, 2 and 4.
* Products are placed once each, in the order of the product list. The
  plan ends when every product is placed: the last week holds the
  products that are left, so it may have fewer uploads than the week
  before (:func:`check_weekly_growth` allows that for the last week). No
  week and no slot is planned after the last product.
* An upload lasts ``duration`` minutes and must end by midnight; two
  chosen times closer than ``duration`` are refused, so uploads never
  overlap.

Day names are read in Indonesian and English, full or short, in any
letter case (``Senin``, ``sen``, ``Monday``, ``Mon``, ``Jum'at``,
``Ahad``), with the names of :func:`tokolab.dates.day_names`. Times are
written ``09:00`` or ``09.00``. Time zones are Indonesia's three: WIB
(``Asia/Jakarta``, the default), WITA (``Asia/Makassar``) and WIT
(``Asia/Jayapura``). Bad choices raise :class:`tokolab.InputError` whose
sentence names the field, what it expects and what was written.

Checks
------
:func:`check_weekly_growth`, :func:`check_overlaps` and
:func:`check_products_placed` (all three: :func:`check_plan`) take a plan
table as it may look after a participant edited it: times as text without
a zone (read in the plan's zone), week numbers as text, codes in another
letter case (``sr-01`` is ``SR-01``, as in :mod:`tokolab.products`). They
return a list of :class:`Finding`, empty when the plan is right, and raise
InputError only when a cell cannot be read at all.

Files
-----
:func:`write_ics` writes an iCalendar file (RFC 5545: CRLF, folded lines,
a VTIMEZONE, TZID on every time, UTC DTSTAMP, stable UIDs), which Google
Calendar imports under Settings > Import. :func:`write_plan_csv` writes
UTF-8 with a byte-order mark (for Excel), headers in the language in use.
Both write whole or not at all (:func:`tokolab.files.write_whole`), and
never over the product list the plan was made from.

Rows in errors about a product list read from a file are the file's
spreadsheet rows (header = row 1); rows of a table made in a notebook,
and of a plan, are counted from 1 in the table's order ("baris ke-3").
"""

import datetime as dt
import difflib
import hashlib
import logging
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from itertools import islice
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import numpy as np
import pandas as pd
from babel.dates import get_day_names

from tokolab.dates import day_names, format_date, parse_date
from tokolab.errors import InputError
from tokolab.files import write_whole
from tokolab.messages import LaterText, get_language, text
from tokolab.products import HEADERS, find_column

logger = logging.getLogger(__name__)

DEFAULT_TIMEZONE = "Asia/Jakarta"
"""Time zone of a plan when none is chosen: WIB."""

TIMEZONES = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}
"""Indonesia's time zones (IANA names) and the abbreviation people use."""

ZONE_ABBREVIATIONS = {
    "WIB": "Asia/Jakarta",
    "WITA": "Asia/Makassar",
    "WIT": "Asia/Jayapura",
}
"""The abbreviations accepted for ``timezone``, mapped to an IANA name."""

PLAN_COLUMNS = (
    "week",
    "day",
    "start",
    "end",
    "product_code",
    "product_name",
)
"""Columns of :func:`plan_uploads`'s table."""

SUMMARY_COLUMNS = (
    "week",
    "first_upload",
    "last_upload",
    "uploads",
    "change",
    "target",
)
"""Columns of :func:`weekly_summary`'s table."""

PRODUCT_ALIASES = {
    role: tuple(dict.fromkeys((role, *HEADERS[role][1])))
    for role in ("code", "name")
}
"""Headers read as a product list's code and name: the canonical name,
then those of :data:`tokolab.products.HEADERS` (``kode``, ``kode
produk``, ``sku`` ...), matched as :func:`tokolab.products.find_column`
does."""

UID_DOMAIN = "tokolab.invalid"
"""Right-hand side of calendar UIDs. ``.invalid`` is reserved for names
that belong to no one (RFC 2606), so the UIDs cannot clash with a real
site's; a shop may pass its own domain instead."""

PRODID = "-//tokolab//Rencana Unggah Produk//ID"
"""The calendar's PRODID (RFC 5545 3.7.3): who made the file."""

EXAMPLE_START = "2024-01-01"
EXAMPLE_DAYS = "Senin, Rabu, Jumat"
EXAMPLE_TIMES = "09:00, 19.00"
EXAMPLE_GROWTH = "+1, +2, x1.5, x2"
EXAMPLE_MOMENT = "2024-01-01 09:00"
EXAMPLE_CODE = "SR-01"

# Words between list items that are not items: "Senin dan Kamis".
_LIST_WORDS = {"dan", "and"}
_LIST_SEPARATOR = re.compile(r"[,;/&\s]+")
_TIME = re.compile(r"(?P<hour>[0-9]{1,2})[:.](?P<minute>[0-9]{2})")
_GROWTH = re.compile(
    r"(?P<sign>[+x×*]?)(?P<number>[0-9]+(?:[.,][0-9]+)?)", re.IGNORECASE
)
_MINUTES_PER_DAY = 24 * 60


@dataclass(frozen=True)
class Growth:
    """How the number of uploads grows from one week to the next.

    Attributes
    ----------
    kind : str
        ``"add"`` (the same number more each week) or ``"multiply"``.
    step : fractions.Fraction
        What is added (a whole number >= 0) or the factor (>= 1).
    """

    kind: str
    step: Fraction

    def __str__(self):
        """``+1`` or ``x1.5``, a form :func:`parse_growth` reads back."""
        if self.kind == "add":
            return f"+{self.step}"
        exact = Decimal(self.step.numerator) / self.step.denominator
        return f"x{exact.normalize():f}"

    def targets(self, first_week):
        """Yield the target of week 1, 2, 3 ... without end.

        Parameters
        ----------
        first_week : int
            Uploads in week 1 (>= 1).

        Yields
        ------
        int
            Never less than the one before.
        """
        exact = Fraction(first_week)
        target = first_week
        while True:
            yield target
            if self.kind == "add":
                exact += self.step
            else:
                exact *= self.step
            # Round half up; the max keeps it from ever going down.
            target = max(target, math.floor(exact + Fraction(1, 2)))


@dataclass(frozen=True)
class Finding:
    """One thing wrong in a plan, as found by a ``check_*`` function.

    Attributes
    ----------
    key : str
        Catalog key of the sentence, e.g. ``"uploadplan.overlap"``.
    fields : dict
        The sentence's values: week numbers, product codes and names,
        times (tz-aware :class:`pandas.Timestamp`), lists of times. They
        are written in words when the message is made, in the language in
        use then.
    """

    key: str
    fields: dict = field(default_factory=dict)

    @property
    def kind(self):
        """The key without its domain: ``overlap``, ``product_missing``."""
        return self.key.partition(".")[2]

    def message(self, language=None):
        """The finding as a sentence for the participant.

        Parameters
        ----------
        language : str, optional
            ``"id"`` or ``"en"``; the language in use when not given.
        """
        language = language or get_language()
        written = self.written_fields(language)
        return text(self.key, language=language, **written)

    def written_fields(self, language=None):
        """The fields as the sentence shows them: times and lists in words.

        For handing a finding on, as in
        ``WrongAnswer(finding.key, **finding.written_fields())``.

        Parameters
        ----------
        language : str, optional
            Language of the dates; the language in use when not given.

        Returns
        -------
        dict
        """
        language = language or get_language()
        return {
            name: _written(value, language)
            for name, value in self.fields.items()
        }

    def __str__(self):
        return self.message()


def parse_start(start, timezone=DEFAULT_TIMEZONE):
    """Read the start date of a plan.

    Parameters
    ----------
    start : str, datetime.date, datetime.datetime or numpy.datetime64
        A date in any form :func:`tokolab.dates.parse_date` reads
        (``2024-01-01``, ``1 Januari 2024``, ``Senin, 1 Januari 2024``),
        or an ISO 8601 date and time (``2024-01-01T09:00``). A date with
        a time keeps only its date, taken in ``timezone`` when the time
        states its own zone.
    timezone : str
        See :func:`parse_timezone`.

    Returns
    -------
    datetime.date

    Raises
    ------
    InputError
        ``uploadplan.bad_start`` when ``start`` is not a date.
    """
    if isinstance(start, np.datetime64) and not np.isnat(start):
        start = pd.Timestamp(start)
    if isinstance(start, str):
        start = _written_start(start)
    if isinstance(start, dt.datetime) and start is not pd.NaT:
        if start.tzinfo is not None:
            start = start.astimezone(parse_timezone(timezone))
        return start.date()
    if isinstance(start, dt.date) and start is not pd.NaT:
        return start
    raise InputError(
        "uploadplan.bad_start",
        column="start",
        expected=EXAMPLE_START,
        found=_shown(start),
    )


def parse_first_week(first_week):
    """Read the number of uploads in the first week.

    Parameters
    ----------
    first_week : int or str
        A whole number >= 1; ``"3"`` is read as 3.

    Returns
    -------
    int

    Raises
    ------
    InputError
        ``uploadplan.bad_first_week``.
    """
    number = _whole_number(first_week)
    if number is None or number < 1:
        raise InputError(
            "uploadplan.bad_first_week",
            column="first_week",
            expected="2",
            found=_shown(first_week),
        )
    return number


def parse_growth(growth):
    """Read how the number of uploads grows each week.

    Parameters
    ----------
    growth : str, int or Growth
        ``"+1"`` (or the whole number 1, or ``"1"``) adds one upload each
        week; ``"+0"`` keeps the number flat. ``"x1.5"`` (also ``"x1,5"``,
        ``"×1.5"``, ``"*1.5"``) multiplies by 1.5 each week; the factor
        must be 1 or more. Spaces are ignored.

    Returns
    -------
    Growth

    Raises
    ------
    InputError
        ``uploadplan.bad_growth`` for anything else, such as ``"-1"``,
        ``"x0.5"`` or ``"+1.5"``.
    """
    if isinstance(growth, Growth):
        return growth

    number = _whole_number(growth)
    if number is not None and not isinstance(growth, str) and number >= 0:
        return Growth("add", Fraction(number))

    if isinstance(growth, str):
        match = _GROWTH.fullmatch("".join(growth.split()))
        if match:
            step = Fraction(match["number"].replace(",", "."))
            if match["sign"] in ("", "+") and step.denominator == 1:
                return Growth("add", step)
            if match["sign"] not in ("", "+") and step >= 1:
                return Growth("multiply", step)

    raise InputError(
        "uploadplan.bad_growth",
        column="growth",
        expected=EXAMPLE_GROWTH,
        found=_shown(growth),
    )


def parse_days(days):
    """Read the weekdays to upload on.

    Parameters
    ----------
    days : str or iterable of str
        ``"Senin, Rabu, Jumat"``, ``"Senin dan Kamis"``, ``["Mon",
        "Thu"]``. Indonesian or English, full or short, any letter case.
        A day named twice counts once.

    Returns
    -------
    tuple of int
        Monday = 0 ... Sunday = 6, in order, each once.

    Raises
    ------
    InputError
        ``uploadplan.bad_day`` naming the first unknown name (and the
        day name closest to it, when one is close: ``Senen`` gives
        ``Senin``); ``uploadplan.no_days`` when none is given.
    """
    numbers = set()
    items = _items(
        days,
        "uploadplan.bad_day",
        "days",
        LaterText("uploadplan.expected_day_names"),
        suggestion="",
    )
    for item in items:
        name = ""
        if isinstance(item, str):
            name = item.strip().rstrip(".").lower().replace("\u2019", "'")
        if name not in day_names():
            raise InputError(
                "uploadplan.bad_day",
                column="days",
                expected=LaterText("uploadplan.expected_day_names"),
                found=_shown(item),
                suggestion=_closest_day(name),
            )
        numbers.add(day_names()[name])
    if not numbers:
        raise InputError(
            "uploadplan.no_days",
            column="days",
            expected=EXAMPLE_DAYS,
            found=_shown(days),
        )
    return tuple(sorted(numbers))


def parse_times(times):
    """Read the times of day to upload at.

    Parameters
    ----------
    times : str, datetime.time or iterable of these
        ``"09:00, 19.00"``, ``["9.00", "19:30"]``. Hours 0-23, minutes
        two digits. A time named twice counts once. Seconds of a
        :class:`datetime.time` are dropped.

    Returns
    -------
    tuple of datetime.time
        In order, each once, without time zone.

    Raises
    ------
    InputError
        ``uploadplan.bad_time`` naming the first unreadable time;
        ``uploadplan.no_times`` when none is given.
    """
    if isinstance(times, dt.time):
        times = [times]
    found = set()
    items = _items(times, "uploadplan.bad_time", "times", EXAMPLE_TIMES)
    for item in items:
        moment = _time_of_day(item)
        if moment is None:
            raise InputError(
                "uploadplan.bad_time",
                column="times",
                expected=EXAMPLE_TIMES,
                found=_shown(item),
            )
        found.add(moment)
    if not found:
        raise InputError(
            "uploadplan.no_times",
            column="times",
            expected=EXAMPLE_TIMES,
            found=_shown(times),
        )
    return tuple(sorted(found))


def parse_duration(duration):
    """Read how long one upload takes.

    Parameters
    ----------
    duration : int or str
        Whole minutes, 1 to 1440.

    Returns
    -------
    int [minutes]

    Raises
    ------
    InputError
        ``uploadplan.bad_duration``.
    """
    number = _whole_number(duration)
    if number is None or not 1 <= number <= _MINUTES_PER_DAY:
        raise InputError(
            "uploadplan.bad_duration",
            column="duration",
            expected="30",
            found=_shown(duration),
        )
    return number


def parse_timezone(timezone):
    """Read one of Indonesia's time zones.

    Parameters
    ----------
    timezone : str or zoneinfo.ZoneInfo
        ``WIB``, ``WITA``, ``WIT`` (any letter case) or a name of
        :data:`TIMEZONES` such as ``Asia/Jakarta``.

    Returns
    -------
    zoneinfo.ZoneInfo

    Raises
    ------
    InputError
        ``uploadplan.bad_timezone``.
    """
    key = getattr(timezone, "key", timezone)
    if isinstance(key, str):
        key = ZONE_ABBREVIATIONS.get(key.strip().upper(), key.strip())
        if key in TIMEZONES:
            return ZoneInfo(key)
    raise InputError(
        "uploadplan.bad_timezone",
        column="timezone",
        expected="WIB, WITA, WIT",
        found=_shown(timezone),
    )


def weekly_targets(first_week, growth, weeks):
    """The growth rule's number of uploads for the first ``weeks`` weeks.

    Before any cap by the week's slots (see the module's rules).

    Parameters
    ----------
    first_week : int or str
    growth : str, int or Growth
        As :func:`parse_growth` reads.
    weeks : int
        How many weeks to list.

    Returns
    -------
    list of int

    Examples
    --------
    >>> weekly_targets(2, "x1.5", 4)
    [2, 3, 5, 7]
    """
    first = parse_first_week(first_week)
    return list(islice(parse_growth(growth).targets(first), weeks))


def plan_uploads(
    products,
    start,
    first_week=1,
    growth="+1",
    days=EXAMPLE_DAYS,
    times="09:00",
    duration=30,
    timezone="WIB",
):
    """Spread a product list over the weeks, more uploads every week.

    See the module's planning rules. Every product is placed exactly
    once; the plan ends when the last product is placed.

    Parameters
    ----------
    products : pandas.DataFrame
        At least ``code`` and ``name`` columns (or any header
        :data:`PRODUCT_ALIASES` lists: ``kode``, ``kode produk``,
        ``sku``, ``nama`` ...), as :func:`tokolab.products.read_products`
        returns. Codes must be filled in and unique. Placed in this
        order.
    start : str, datetime.date or datetime.datetime
        The first day of week 1 (see :func:`parse_start`).
    first_week : int
        Uploads in week 1 (>= 1).
    growth : str or int
        ``"+1"``, ``"x1.5"`` ... (see :func:`parse_growth`).
    days : str or list of str
        Weekdays to upload on (see :func:`parse_days`).
    times : str or list of str
        Times of day to upload at (see :func:`parse_times`).
    duration : int [minutes]
        How long one upload takes in the calendar.
    timezone : str
        ``WIB`` (default), ``WITA`` or ``WIT`` (see
        :func:`parse_timezone`).

    Returns
    -------
    pandas.DataFrame
        One row per upload in time order, columns :data:`PLAN_COLUMNS`:
        ``week`` (int, 1 = the first), ``day`` (weekday name in the
        language in use), ``start`` and ``end`` (tz-aware, in
        ``timezone``), ``product_code``, ``product_name`` (str). ``attrs``
        holds the choices: ``timezone`` (IANA name), ``start_date``
        (ISO), ``first_week``, ``growth`` (``+1``/``x1.5``), ``days``
        (Monday = 0), ``times`` (``HH:MM``), ``duration`` [minutes],
        ``slots_per_week``, ``targets`` (one per week of the plan),
        ``capped_weeks`` (the weeks whose target was more than their
        slots), ``notes`` (sentences in the language in use: a growth
        that never rises, weeks capped by their slots) and
        ``products_path`` (the product list's file, when it came from
        one; the files written never replace it).

    Raises
    ------
    InputError
        When a choice or the product list cannot be used; the sentence
        names the field, what was expected and what was found.
    """
    # Read every choice first, so a mistake is named before any work.
    zone = parse_timezone(timezone)
    entries = product_entries(products, allow_empty=False)
    first = parse_first_week(first_week)
    rule = parse_growth(growth)
    weekdays = parse_days(days)
    clock = parse_times(times)
    minutes = parse_duration(duration)
    _check_times_fit(clock, minutes)
    first_day = parse_start(start, zone)

    # Fill week after week until every product has its slot.
    codes = list(entries)
    capacity = len(weekdays) * len(clock)
    length = dt.timedelta(minutes=minutes)
    rows, targets, capped = [], [], []
    for week, target in enumerate(rule.targets(first), start=1):
        placed = len(rows)
        if placed == len(codes):
            break
        count = min(target, capacity, len(codes) - placed)
        targets.append(target)
        if target > capacity and count == capacity:
            capped.append(week)
        slots = _week_slots(first_day, week, weekdays, clock, zone)
        for index in range(count):
            moment = slots[index * len(slots) // count]
            code = codes[placed + index]
            rows.append((week, moment, moment + length, code, entries[code]))

    # One row per upload, in the language in use for the day names.
    names = get_day_names("wide", locale=get_language())
    plan = pd.DataFrame(
        {
            "week": [row[0] for row in rows],
            "day": [names[row[1].weekday()] for row in rows],
            "start": pd.to_datetime([row[1] for row in rows]),
            "end": pd.to_datetime([row[2] for row in rows]),
            "product_code": [row[3] for row in rows],
            "product_name": [row[4] for row in rows],
        },
        columns=list(PLAN_COLUMNS),
    )
    plan.attrs.update(
        timezone=zone.key,
        start_date=first_day.isoformat(),
        first_week=first,
        growth=str(rule),
        days=list(weekdays),
        times=[moment.strftime("%H:%M") for moment in clock],
        duration=minutes,
        slots_per_week=capacity,
        targets=targets,
        capped_weeks=capped,
        notes=_plan_notes(rule, targets, capped, capacity, weekdays, clock),
        products_path=products.attrs.get("path"),
    )
    logger.info(
        "planned %d uploads over %d weeks from %s",
        len(plan),
        len(targets),
        first_day,
    )
    return plan


def weekly_summary(plan):
    """Uploads per week of a plan, with the change from the week before.

    Parameters
    ----------
    plan : pandas.DataFrame
        As :func:`plan_uploads` returns, possibly edited; needs the
        ``week`` and ``start`` columns.

    Returns
    -------
    pandas.DataFrame
        One row per week from 1 to the last week in the plan, weeks
        without uploads included, columns :data:`SUMMARY_COLUMNS`:
        ``week``, ``first_upload`` and ``last_upload`` (tz-aware, NaT for
        an empty week), ``uploads`` (int), ``change`` (Int64, uploads
        minus the week before; <NA> for week 1) and ``target`` (Int64, the
        growth rule's number before the cap by the week's slots, from
        ``plan.attrs["targets"]``; <NA> when the plan does not carry it).
        ``attrs["notes"]`` carries the plan's notes (a growth that never
        rises, weeks capped by their slots).

    Raises
    ------
    InputError
        When a column is missing or a cell cannot be read.
    """
    _require_plan_columns(plan, ("week", "start"))
    weeks = _plan_weeks(plan)
    starts = _plan_moments(plan, "start", _plan_zone(plan))
    targets = list(plan.attrs.get("targets", []))

    by_week = {}
    for moment, week in zip(starts, weeks, strict=True):
        by_week.setdefault(week, []).append(moment)

    rows = []
    for week in range(1, max(weeks, default=0) + 1):
        moments = by_week.get(week, [])
        target = targets[week - 1] if week <= len(targets) else pd.NA
        rows.append(
            {
                "week": week,
                "first_upload": min(moments, default=pd.NaT),
                "last_upload": max(moments, default=pd.NaT),
                "uploads": len(moments),
                "target": target,
            }
        )
    summary = pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS))
    summary["uploads"] = summary["uploads"].astype(int)
    summary["change"] = summary["uploads"].diff().astype("Int64")
    summary["target"] = summary["target"].astype("Int64")
    summary.attrs["notes"] = list(plan.attrs.get("notes", []))
    return summary


def check_weekly_growth(plan, allow_short_last_week=True):
    """Find the weeks with fewer uploads than the week before.

    Weeks are read from the ``week`` column; a week number that no row
    carries, between 1 and the last, is a week with 0 uploads.

    Parameters
    ----------
    plan : pandas.DataFrame
        Needs the ``week`` column.
    allow_short_last_week : bool
        The last week may have fewer uploads than the one before, since
        it holds the products that are left (the planner's rule).

    Returns
    -------
    list of Finding
        ``uploadplan.growth_decreases`` with ``week``, ``uploads``,
        ``previous_week`` and ``previous_uploads``; empty when the number
        never goes down.

    Raises
    ------
    InputError
        When the column is missing or holds something not a week number.
    """
    _require_plan_columns(plan, ("week",))
    counts = Counter(_plan_weeks(plan))
    last = max(counts, default=0)

    findings = []
    for week in range(2, last + 1):
        if allow_short_last_week and week == last:
            continue
        if counts[week] < counts[week - 1]:
            findings.append(
                Finding(
                    "uploadplan.growth_decreases",
                    {
                        "week": week,
                        "uploads": counts[week],
                        "previous_week": week - 1,
                        "previous_uploads": counts[week - 1],
                    },
                )
            )
    return findings


def check_overlaps(plan):
    """Find uploads planned at the same time.

    Two uploads overlap when they start at the same moment or one starts
    before the other ends (each runs from ``start`` up to, not including,
    ``end``). Without an ``end`` column, only equal starts overlap.

    Parameters
    ----------
    plan : pandas.DataFrame
        Needs ``start`` and ``product_code``; ``end`` and
        ``product_name`` are used when present. Times without a zone are
        taken in the plan's zone (WIB unless the plan says otherwise).

    Returns
    -------
    list of Finding
        ``uploadplan.overlap`` per overlapping pair, earlier start first,
        with ``first_code``, ``first_name``, ``second_code``,
        ``second_name`` and ``time`` (when the overlap begins).

    Raises
    ------
    InputError
        When a column is missing or a cell cannot be read.
    """
    _require_plan_columns(plan, ("start", "product_code"))
    zone = _plan_zone(plan)
    starts = _plan_moments(plan, "start", zone)
    ends = starts
    if "end" in plan.columns:
        ends = _plan_moments(plan, "end", zone)
    codes = _plan_codes(plan)
    names = _plan_names(plan, codes)

    # Sorted by start, an upload can only overlap those that follow it
    # until one starts at or after its end.
    uploads = sorted(
        zip(starts, ends, codes, names, strict=True),
        key=lambda upload: (upload[0], upload[2]),
    )
    findings = []
    for index, first in enumerate(uploads):
        for second in uploads[index + 1 :]:
            if second[0] != first[0] and second[0] >= first[1]:
                break
            findings.append(
                Finding(
                    "uploadplan.overlap",
                    {
                        "first_code": first[2],
                        "first_name": first[3],
                        "second_code": second[2],
                        "second_name": second[3],
                        "time": second[0],
                    },
                )
            )
    return findings


def check_products_placed(plan, products):
    """Find products missing from a plan, placed twice, or unknown.

    Parameters
    ----------
    plan : pandas.DataFrame
        Needs ``product_code`` and ``start``; ``product_name`` is used
        when present.
    products : pandas.DataFrame
        The product list (``code`` and ``name``, or any header of
        :data:`PRODUCT_ALIASES`).

    Returns
    -------
    list of Finding
        In this order: ``uploadplan.product_missing`` (``code``,
        ``name``) per product of the list that has no upload, in list
        order; ``uploadplan.product_twice`` (``code``, ``name``,
        ``count``, ``extra`` = count - 1, ``times`` = the uploads' starts
        in order) per product placed more than once; and
        ``uploadplan.product_unknown`` (``code``, ``name``) per code in
        the plan that the list does not have. Empty when every product
        is placed exactly once. Codes match regardless of letter case
        (``sr-01`` is ``SR-01``), as in the product list's reader.

    Raises
    ------
    InputError
        When the plan or the product list lacks a column or a cell
        cannot be read.
    """
    entries = product_entries(products, allow_empty=True)
    _require_plan_columns(plan, ("start", "product_code"))
    starts = _plan_moments(plan, "start", _plan_zone(plan))
    codes = _plan_codes(plan)
    names = _plan_names(plan, codes)

    # Codes match regardless of letter case, as in read_products; the
    # findings write them as the product list does.
    spelling = {code.casefold(): code for code in entries}
    codes = [spelling.get(code.casefold(), code) for code in codes]
    counts = Counter(codes)

    findings = []
    for code, name in entries.items():
        if counts[code] == 0:
            findings.append(
                Finding(
                    "uploadplan.product_missing", {"code": code, "name": name}
                )
            )
    for code, name in entries.items():
        if counts[code] > 1:
            times = sorted(
                start
                for start, placed in zip(starts, codes, strict=True)
                if placed == code
            )
            findings.append(
                Finding(
                    "uploadplan.product_twice",
                    {
                        "code": code,
                        "name": name,
                        "count": counts[code],
                        "extra": counts[code] - 1,
                        "times": times,
                    },
                )
            )
    unknown = dict.fromkeys(
        (code, name)
        for code, name in zip(codes, names, strict=True)
        if code not in entries
    )
    for code, name in unknown:
        findings.append(
            Finding("uploadplan.product_unknown", {"code": code, "name": name})
        )
    return findings


def check_plan(plan, products):
    """Every check on a plan: growth, overlaps, products placed once.

    Parameters
    ----------
    plan : pandas.DataFrame
    products : pandas.DataFrame

    Returns
    -------
    list of Finding
        Those of :func:`check_weekly_growth`, :func:`check_overlaps` and
        :func:`check_products_placed`, in this order.
    """
    return (
        check_weekly_growth(plan)
        + check_overlaps(plan)
        + check_products_placed(plan, products)
    )


def upload_uid(code, start, domain=UID_DOMAIN):
    """The calendar UID of one upload: the same upload, the same UID.

    Made of the start in UTC and the product code, so importing the file
    again updates the events rather than doubling them. Characters other
    than letters, digits, ``.``, ``_`` and ``-`` in the code become
    ``-``, followed by the first 8 hex digits of the code's SHA-1 so that
    different codes keep different UIDs.

    Parameters
    ----------
    code : str
    start : datetime.datetime
        Tz-aware.
    domain : str

    Returns
    -------
    str
        ``20240101T020000Z-SR-01@tokolab.invalid`` for SR-01 at 09:00 WIB
        on 1 January 2024.
    """
    moment = start.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    safe = re.sub(r"[^A-Za-z0-9._-]", "-", code)
    if safe != code:
        digest = hashlib.sha1(code.encode("utf-8")).hexdigest()[:8]
        safe = f"{safe}-{digest}"
    return f"{moment}-{safe}@{domain}"


def plan_to_ics(plan, stamp=None, name=None, domain=UID_DOMAIN):
    """Write a plan as an iCalendar file's content (RFC 5545).

    One VCALENDAR (PRODID, VERSION 2.0, CALSCALE GREGORIAN, METHOD
    PUBLISH, NAME and X-WR-CALNAME), one VTIMEZONE for the plan's zone,
    and one VEVENT per upload: UID (:func:`upload_uid`), DTSTAMP (UTC),
    DTSTART and DTEND with ``TZID``, SUMMARY ``Unggah produk: <name>``,
    DESCRIPTION, and TRANSP TRANSPARENT (a reminder that does not mark
    the owner busy). Events are in time order. Text is in the language
    in use. Google Calendar, Apple Calendar and Outlook import it.

    Parameters
    ----------
    plan : pandas.DataFrame
        As :func:`plan_uploads` returns, possibly edited: needs ``week``,
        ``start``, ``end``, ``product_code`` and ``product_name``.
    stamp : datetime.datetime or str, optional
        When the file is made (DTSTAMP), tz-aware; a str in ISO 8601 with
        its offset. The present moment when not given; pass a fixed one
        for a file that is the same at every run.
    name : str, optional
        The calendar's name; the catalog's "Rencana Unggah Produk" when
        not given.
    domain : str
        Right-hand side of the UIDs (:data:`UID_DOMAIN`).

    Returns
    -------
    bytes
        UTF-8, lines ending in CRLF and folded at 75 octets.

    Raises
    ------
    InputError
        When a column is missing, a cell cannot be read, an upload ends
        before it starts, the same product is planned twice at the same
        time (the two events would share a UID), or ``stamp`` has no
        time zone.
    """
    uploads = _plan_uploads_for_export(plan)
    zone = _plan_zone(plan)
    stamp = _utc_stamp(stamp)
    name = name or text("uploadplan.calendar_name")

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", zone.key)

    # The one VTIMEZONE every TZID refers to, before the events, valid
    # over the whole plan.
    first_date = min(dt.date(1970, 1, 1), uploads[0].start.date())
    last_date = max(
        dt.date(2038, 1, 1), uploads[-1].end.date() + dt.timedelta(days=1)
    )
    calendar.add_component(
        icalendar.Timezone.from_tzid(
            zone.key, first_date=first_date, last_date=last_date
        )
    )

    for upload in uploads:
        event = icalendar.Event()
        event.add("uid", upload_uid(upload.code, upload.start, domain))
        event.add("dtstamp", stamp)
        event.add("dtstart", upload.start.to_pydatetime())
        event.add("dtend", upload.end.to_pydatetime())
        event.add("summary", text("uploadplan.event_summary", name=upload.name))
        event.add(
            "description",
            text(
                "uploadplan.event_description",
                name=upload.name,
                code=upload.code,
                week=upload.week,
            ),
        )
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()


def write_ics(plan, path, stamp=None, name=None, domain=UID_DOMAIN):
    """Write a plan as an iCalendar (``.ics``) file, whole or not at all.

    Parameters
    ----------
    plan, stamp, name, domain
        As :func:`plan_to_ics`.
    path : str or Path
        The file to write; its folder is made when missing.

    Returns
    -------
    Path

    Raises
    ------
    InputError
        As :func:`plan_to_ics`; and ``common.would_overwrite_input`` when
        ``path`` is the product list the plan was made from
        (``plan.attrs["products_path"]``), ``common.cannot_write`` when
        the file cannot be written (see
        :func:`tokolab.files.write_whole`).
    """
    path = Path(path)
    content = plan_to_ics(plan, stamp=stamp, name=name, domain=domain)
    write_whole(path, content, inputs=[plan.attrs.get("products_path")])
    logger.info("wrote upload calendar %s", path)
    return path


def plan_to_csv(plan, separator=","):
    """Write a plan as CSV text for spreadsheets, headers in words.

    Columns (headers in the language in use): week, day, date
    (``YYYY-MM-DD``), start time and end time (``HH:MM``), time zone
    (``WIB``), product code, product name. One row per upload, in time
    order.

    Parameters
    ----------
    plan : pandas.DataFrame
        As for :func:`plan_to_ics`.
    separator : str
        ``","`` (default) or ``";"``, which Excel in Indonesian expects
        when it opens a CSV file with a double click.

    Returns
    -------
    str
        Lines ending in ``\\n``.

    Raises
    ------
    InputError
        As :func:`plan_to_ics`.
    ValueError
        When ``separator`` is neither ``,`` nor ``;``.
    """
    if separator not in (",", ";"):
        raise ValueError(f"separator must be ',' or ';', not {separator!r}")
    uploads = _plan_uploads_for_export(plan)
    names = get_day_names("wide", locale=get_language())

    table = pd.DataFrame(
        {
            text("uploadplan.header_week"): [u.week for u in uploads],
            text("uploadplan.header_day"): [
                names[u.start.weekday()] for u in uploads
            ],
            text("uploadplan.header_date"): [
                u.start.strftime("%Y-%m-%d") for u in uploads
            ],
            text("uploadplan.header_start"): [
                u.start.strftime("%H:%M") for u in uploads
            ],
            text("uploadplan.header_end"): [
                u.end.strftime("%H:%M") for u in uploads
            ],
            text("uploadplan.header_timezone"): [
                TIMEZONES.get(str(u.start.tzinfo), str(u.start.tzinfo))
                for u in uploads
            ],
            text("uploadplan.header_code"): [u.code for u in uploads],
            text("uploadplan.header_name"): [u.name for u in uploads],
        }
    )
    return table.to_csv(index=False, sep=separator, lineterminator="\n")


def write_plan_csv(plan, path, separator=","):
    """Write a plan as a CSV file, whole or not at all.

    UTF-8 with a byte-order mark, so Excel shows the names right.

    Parameters
    ----------
    plan, separator
        As :func:`plan_to_csv`.
    path : str or Path
        The file to write; its folder is made when missing.

    Returns
    -------
    Path

    Raises
    ------
    InputError
        As :func:`write_ics`.
    ValueError
        As :func:`plan_to_csv`.
    """
    path = Path(path)
    content = plan_to_csv(plan, separator=separator)
    write_whole(
        path,
        content.encode("utf-8-sig"),
        inputs=[plan.attrs.get("products_path")],
    )
    logger.info("wrote upload plan %s", path)
    return path


@dataclass(frozen=True)
class _Upload:
    """One upload of a plan, read and checked for export."""

    week: int
    start: pd.Timestamp
    end: pd.Timestamp
    code: str
    name: str


def _plan_uploads_for_export(plan):
    """The uploads of a plan in time order, each checked for export."""
    _require_plan_columns(
        plan, ("week", "start", "end", "product_code", "product_name")
    )
    zone = _plan_zone(plan)
    weeks = _plan_weeks(plan)
    starts = _plan_moments(plan, "start", zone)
    ends = _plan_moments(plan, "end", zone)
    codes = _plan_codes(plan)
    names = _plan_names(plan, codes)
    labels = _plan_rows(plan)

    # An event must end after it starts (RFC 5545 3.6.1).
    for label, start, end in zip(labels, starts, ends, strict=True):
        if end <= start:
            raise InputError(
                "uploadplan.plan_end_not_after_start",
                row=label,
                column="end",
                expected=start.strftime("%Y-%m-%d %H:%M"),
                found=end.strftime("%Y-%m-%d %H:%M"),
            )

    # Two events with one UID would merge into one in a calendar.
    seen = {}
    for label, start, code in zip(labels, starts, codes, strict=True):
        other = seen.setdefault((code, start), label)
        if other != label:
            raise InputError(
                "uploadplan.plan_same_upload_twice",
                row=other,
                other_row=label,
                found=code,
            )

    uploads = [
        _Upload(*values)
        for values in zip(weeks, starts, ends, codes, names, strict=True)
    ]
    if not uploads:
        raise InputError("uploadplan.plan_empty")
    return sorted(uploads, key=lambda upload: (upload.start, upload.code))


def product_entries(products, allow_empty=True):
    """Product codes mapped to names, in list order, codes checked.

    Parameters
    ----------
    products : pandas.DataFrame
        A product list with code and name columns under any header
        :func:`tokolab.products.find_column` knows.
    allow_empty : bool
        Whether a list without products is accepted.

    Raises
    ------
    InputError
        When ``products`` is not a table, lacks a code or name column,
        has an empty or a repeated code, or (unless ``allow_empty``) no
        product.

    Returns
    -------
    dict
        code (str, stripped) -> name (str; the code when empty).
    """
    if not isinstance(products, pd.DataFrame):
        raise InputError(
            "uploadplan.products_not_a_table",
            expected=LaterText("uploadplan.product_columns"),
            found=given_instead_of_table(products),
        )

    # Find the code and name columns under any header products reads.
    columns = {}
    for role, aliases in PRODUCT_ALIASES.items():
        found = find_column(products.columns, role)
        if found is None:
            raise InputError(
                "uploadplan.products_missing_columns",
                column=role,
                expected=", ".join(aliases),
                found=", ".join(map(str, products.columns)) or "-",
                what=LaterText(f"uploadplan.product_{role}"),
            )
        columns[role] = found
    if products.empty and not allow_empty:
        raise InputError("uploadplan.no_products")

    # The spreadsheet rows of a list read from a file, else 1, 2, 3 ...
    path = products.attrs.get("path")
    from_file = "row" in products.columns and path is not None
    if from_file:
        rows = [int(row) for row in products["row"]]
    else:
        rows = list(range(1, len(products) + 1))
    entries, first_rows = {}, {}
    for row, code, name in zip(
        rows, products[columns["code"]], products[columns["name"]], strict=True
    ):
        code = _cell_text(code)
        if not code:
            raise InputError(
                "uploadplan.product_code_empty",
                row=row,
                column=columns["code"],
                expected=EXAMPLE_CODE,
                found="",
                where=_where_rows(from_file, path, row),
            )
        if code.casefold() in first_rows:
            raise InputError(
                "uploadplan.product_code_twice",
                row=first_rows[code.casefold()],
                other_row=row,
                column=columns["code"],
                found=code,
                where=_where_rows(
                    from_file, path, first_rows[code.casefold()], row
                ),
            )
        entries[code] = _cell_text(name) or code
        first_rows[code.casefold()] = row
    return entries


def _require_plan_columns(plan, needed):
    """InputError unless ``plan`` is a DataFrame with the ``needed``."""
    if not isinstance(plan, pd.DataFrame):
        raise InputError(
            "uploadplan.plan_not_a_table", found=given_instead_of_table(plan)
        )
    missing = [column for column in needed if column not in plan.columns]
    if missing:
        raise InputError(
            "uploadplan.plan_missing_columns",
            expected=", ".join(missing),
            found=", ".join(map(str, plan.columns)) or "-",
        )


def _plan_rows(plan):
    """The plan's rows as people count them: 1, 2, 3 ... in table order."""
    return list(range(1, len(plan) + 1))


def _plan_zone(plan):
    """The plan's time zone: its attrs, its start column's, else WIB."""
    key = plan.attrs.get("timezone")
    if key in TIMEZONES:
        return ZoneInfo(key)
    zone = getattr(plan["start"].dtype, "tz", None) if "start" in plan else None
    if getattr(zone, "key", None) in TIMEZONES:
        return ZoneInfo(zone.key)
    return ZoneInfo(DEFAULT_TIMEZONE)


def _plan_moments(plan, column, zone):
    """The cells of a time column as Timestamps in ``zone``.

    A time without a zone is taken in ``zone``; one with a zone is
    converted. Numbers, empty cells and text that is not a date and time
    are refused with the row named.
    """
    moments = []
    for label, value in zip(_plan_rows(plan), plan[column], strict=True):
        moment = pd.NaT
        if isinstance(value, str | dt.date | np.datetime64):
            try:
                moment = pd.Timestamp(value)
            except (ValueError, TypeError, OverflowError):
                moment = pd.NaT
        if pd.isna(moment):
            raise InputError(
                "uploadplan.plan_bad_time",
                row=label,
                column=column,
                expected=EXAMPLE_MOMENT,
                found=_shown(value),
            )
        if moment.tzinfo is None:
            moment = moment.tz_localize(zone)
        else:
            moment = moment.tz_convert(zone)
        moments.append(moment)
    return moments


def _plan_weeks(plan):
    """The ``week`` column as whole numbers >= 1, or InputError."""
    weeks = []
    for label, value in zip(_plan_rows(plan), plan["week"], strict=True):
        number = _whole_number(value)
        if number is None or number < 1:
            raise InputError(
                "uploadplan.plan_bad_week",
                row=label,
                column="week",
                expected="1",
                found=_shown(value),
            )
        weeks.append(number)
    return weeks


def _plan_codes(plan):
    """The ``product_code`` column as stripped text, none empty."""
    codes = []
    for label, value in zip(
        _plan_rows(plan), plan["product_code"], strict=True
    ):
        code = _cell_text(value)
        if not code:
            raise InputError(
                "uploadplan.plan_bad_code",
                row=label,
                column="product_code",
                expected=EXAMPLE_CODE,
                found=_shown(value),
            )
        codes.append(code)
    return codes


def _plan_names(plan, codes):
    """The ``product_name`` column as text; the code where it is empty."""
    if "product_name" not in plan.columns:
        return list(codes)
    return [
        _cell_text(name) or code
        for name, code in zip(plan["product_name"], codes, strict=True)
    ]


def _week_slots(first_day, week, weekdays, clock, zone):
    """Every slot of one week, in time order, as aware datetimes."""
    slots = []
    for offset in range(7):
        day = first_day + dt.timedelta(days=7 * (week - 1) + offset)
        if day.weekday() in weekdays:
            slots.extend(
                dt.datetime.combine(day, moment, tzinfo=zone)
                for moment in clock
            )
    return slots


def _check_times_fit(clock, minutes):
    """InputError when two times overlap or the last runs past midnight."""
    starts = [moment.hour * 60 + moment.minute for moment in clock]
    for earlier, later in zip(starts, starts[1:], strict=False):
        if later - earlier < minutes:
            raise InputError(
                "uploadplan.times_too_close",
                column="times",
                found=_clock(earlier),
                other=_clock(later),
                gap=later - earlier,
                expected=minutes,
            )
    if starts[-1] + minutes > _MINUTES_PER_DAY:
        raise InputError(
            "uploadplan.ends_after_midnight",
            column="times",
            found=_clock(starts[-1]),
            duration=minutes,
            expected=_clock(_MINUTES_PER_DAY - minutes),
        )


def _items(value, key, column, example, **more):
    """The items of a list-like choice: split text, or iterate a list."""
    if isinstance(value, str):
        parts = _LIST_SEPARATOR.split(value)
        return [
            part for part in parts if part and part.lower() not in _LIST_WORDS
        ]
    try:
        return list(value)
    except TypeError:
        raise InputError(
            key, column=column, expected=example, found=_shown(value), **more
        ) from None


def _closest_day(name):
    """A sentence naming the day name closest to ``name``, or ``""``.

    ``senen`` gives "Mungkin maksudnya Senin?"; a name close to none
    gives nothing.
    """
    close = difflib.get_close_matches(name, day_names(), n=1, cutoff=0.6)
    if not close:
        return ""
    return LaterText("uploadplan.did_you_mean", day=close[0].capitalize())


def _where_rows(from_file, path, row, other=None):
    """Where in the product list: spreadsheet rows of a file, or 1, 2 ..."""
    if from_file and other is None:
        return LaterText("uploadplan.where_file_row", path=path, row=row)
    if from_file:
        return LaterText(
            "uploadplan.where_file_rows", path=path, row=row, other_row=other
        )
    if other is None:
        return LaterText("uploadplan.where_table_row", row=row)
    return LaterText("uploadplan.where_table_rows", row=row, other_row=other)


def given_instead_of_table(value):
    """What was given instead of a table, in words (written when shown)."""
    if value is None:
        return LaterText("uploadplan.given_nothing")
    if isinstance(value, str | Path):
        return LaterText("uploadplan.given_text", value=str(value))
    if isinstance(value, list | tuple | set | dict):
        return LaterText("uploadplan.given_list")
    return LaterText("uploadplan.given_other", kind=type(value).__name__)


def _plan_notes(rule, targets, capped, capacity, weekdays, clock):
    """Sentences about a plan: a flat growth, weeks capped by slots."""
    notes = []
    flat = rule.step == (0 if rule.kind == "add" else 1)
    if flat:
        notes.append(text("uploadplan.note_flat_growth", growth=str(rule)))
    if capped:
        first = capped[0]
        notes.append(
            text(
                "uploadplan.note_capped",
                week=first,
                target=targets[first - 1],
                capacity=capacity,
                days=len(weekdays),
                times=len(clock),
                weeks=len(capped),
            )
        )
    return notes


def _written_start(written):
    """A start date or date and time from text, or the text when unread."""
    try:
        return dt.datetime.fromisoformat(written.strip())
    except ValueError:
        pass
    try:
        return parse_date(written)
    except ValueError:
        return written


def _time_of_day(value):
    """A time of day without seconds, or None when it is not one."""
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    if not isinstance(value, str):
        return None
    match = _TIME.fullmatch(value.strip())
    if not match:
        return None
    hour, minute = int(match["hour"]), int(match["minute"])
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute)


def _whole_number(value):
    """A whole number from an int, an integral float or digits; or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        if math.isfinite(value) and float(value).is_integer():
            return int(value)
        return None
    # ASCII digits only: str.isdigit() also takes "²", which int() refuses.
    if isinstance(value, str) and re.fullmatch(r"[0-9]+", value.strip()):
        return int(value.strip())
    return None


def _utc_stamp(stamp):
    """DTSTAMP in UTC, whole seconds: the present, or the one given."""
    if stamp is None:
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
    moment = stamp
    if isinstance(stamp, str):
        try:
            moment = dt.datetime.fromisoformat(stamp.strip())
        except ValueError:
            moment = None
    if not isinstance(moment, dt.datetime) or moment.tzinfo is None:
        raise InputError(
            "uploadplan.bad_stamp",
            column="stamp",
            expected="2024-01-01T00:00:00+00:00",
            found=_shown(stamp),
        )
    return moment.astimezone(dt.UTC).replace(microsecond=0)


def _written(value, language):
    """A finding's field in words: times, lists, or the value itself."""
    if isinstance(value, list | tuple):
        return "; ".join(_written(each, language) for each in value)
    if isinstance(value, dt.datetime):
        abbreviation = TIMEZONES.get(str(value.tzinfo), "")
        separator = "." if language == "id" else ":"
        clock = f"{value:%H}{separator}{value:%M} {abbreviation}".strip()
        return text(
            "uploadplan.moment",
            language=language,
            date=format_date(value.date(), language=language),
            time=clock,
        )
    return value


def _cell_text(value):
    """A table cell as stripped text; empty for None and NaN."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if value is pd.NA or value is pd.NaT:
        return ""
    return str(value).strip()


def _shown(value):
    """A value as it is quoted back in an error sentence."""
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple | set):
        return ", ".join(map(str, value))
    return str(value)


def _clock(minutes):
    """Minutes after midnight as ``HH:MM``."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
