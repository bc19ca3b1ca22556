"""Uptime statistics: from monitor checks or events to a 0-100 % score.

The model
---------
A monitor log is turned into *intervals*: stretches of time during which a
monitor saw the site ``up``, saw it ``down``, or saw nothing (``unknown``).
Every statistic is computed from the intervals, weighted by time, so one
check every minute and one every five minutes give the same score for the
same outage.

From checks (``monitor, time, up, status, response_ms, reason``), one row
per check:

- a check speaks for the time from its own moment until the next check, as
  long as the next check comes within ``gap_factor`` x the check interval;
- when the next check comes later than that, or there is no next check, the
  check speaks for one check interval only, and the rest of the gap is
  ``unknown``: the monitor was off, not the site. A gap is never counted as
  down;
- the check interval is ``expected_every`` when given, else the median time
  between one monitor's checks.

From events (``monitor, time, state, reason``), one row per change of
state, as UptimeRobot exports them: each state holds until the monitor's
next event. The last one holds until ``until`` when given, else for its
``duration_s`` when the log has one, else it is only a moment (so a log
that ends with ``up`` at 24:00 closes the day).

Worked example: checks every minute from 10:00 to 10:05 and from 12:00 to
12:05, all up. The interval is 1 minute; the 115 minutes from 10:05 to
12:00 are more than 3 x 1 minute, so the 10:05 check speaks for 10:05-10:06
and 10:06-12:00 is unknown. The 12:05 check is the last and speaks for
12:05-12:06. Observed: 10:00-10:06 and 12:00-12:06, 12 minutes, all up, so
uptime is 100 %. The span runs from the first check to the end of what the
last one speaks for, 10:00-12:06 = 126 minutes, so coverage is 12 / 126 =
9.52 %.

Duplicate rows (the same monitor at the same moment) count once; when they
disagree, up wins, since an answer from the site proves it was serving.
Logs of one site from several monitors are combined with
:func:`merge_monitors`.

Times are kept as they come (tz-aware); days, weeks and months are counted
in ``Asia/Jakarta`` (WIB) unless told otherwise, and an interval that runs
past midnight is split there.
"""

import logging
from decimal import Decimal

import numpy as np
import pandas as pd

from tokolab.errors import InputError
from tokolab.messages import format_number, format_percent, text
from tokolab.uptime import CHECK_COLUMNS, EVENT_COLUMNS

logger = logging.getLogger(__name__)

UP = "up"
DOWN = "down"
UNKNOWN = "unknown"
STATES = (UP, DOWN, UNKNOWN)

# Reason given to the unknown stretch between two checks too far apart.
GAP_REASON = "no_checks"

# The columns an events frame must have; duration_s may be missing.
REQUIRED_EVENT_COLUMNS = [c for c in EVENT_COLUMNS if c != "duration_s"]
INCIDENT_COLUMNS = ["monitor", "start", "end", "duration_min", "reason"]
GAP_COLUMNS = ["monitor", "start", "end", "duration_min"]

# SLA targets a shop is measured against [percent 0-100].
SLA_TARGETS = (99, 99.5, 99.9)

TIMEZONE = "Asia/Jakarta"

# Period lengths uptime_by_period understands: a day, a week from Monday,
# a calendar month.
PERIODS = ("D", "W", "M")

# States as small integers inside the computations.
_UNKNOWN, _UP, _DOWN = 0, 1, 2
_STATE_NAMES = np.array([UNKNOWN, UP, DOWN], dtype=object)
_STATE_CODES = {UNKNOWN: _UNKNOWN, UP: _UP, DOWN: _DOWN}

_NS = 1_000_000_000
_MINUTE_NS = 60 * _NS


def intervals(source, expected_every=None, gap_factor=3, until=None):
    """Turn a monitor log into up, down and unknown intervals.

    Parameters
    ----------
    source : UptimeLog or pandas.DataFrame
        A log read by :func:`tokolab.uptime.read_uptime` (its ``checks``
        are used when it has them, else its ``events``), or a checks frame
        (``monitor, time, up, status, response_ms, reason``) or an events
        frame (``monitor, time, state, reason``, optional ``duration_s``).
        ``time`` is tz-aware; ``up`` is bool (missing means the check
        itself failed: unknown); ``state`` is ``"up"``, ``"down"`` or
        ``"unknown"`` (a paused monitor).
    expected_every : float or pandas.Timedelta, optional
        The check interval [seconds]. Default: the median time between one
        monitor's checks.
    gap_factor : float, optional
        A gap between checks longer than this many check intervals is
        unknown [count, >= 1]. None: never; each check holds until the
        next one.
    until : pandas.Timestamp, optional
        Events only: the last state of each monitor holds until this
        moment (the time of the export, or the end of the period studied).

    Returns
    -------
    pandas.DataFrame
        ``monitor, start, end, state, reason``, sorted by monitor and start;
        ``start`` and ``end`` in the log's timezone. Within one monitor the
        intervals follow one another without gaps or overlaps, and two
        neighbours never share a state. ``reason`` is the first down
        check's or event's reason for a down interval, ``"no_checks"`` for
        a gap between checks, empty for up; a check without an answer
        (``up`` missing) keeps its reason on its unknown interval.

    Raises
    ------
    InputError
        When the frame lacks a column, has times without a timezone or
        empty, or a state the model does not know.

    Notes
    -----
    A monitor with a single check speaks for the median interval of the
    other monitors in the log; alone, and without ``expected_every``, it
    gives no interval, as nothing says how long its check holds.

    A log that ends with ``down`` and has neither ``until`` nor a
    ``duration_s`` ends in a moment of down that lasts no time: pass
    ``until`` to count an outage still going on.
    """
    checks = getattr(source, "checks", None)
    events = getattr(source, "events", None)
    if isinstance(source, pd.DataFrame):
        checks = source if "up" in source.columns else None
        events = source if "state" in source.columns else None
    if checks is not None:
        raw = _raw_from_checks(checks, expected_every, gap_factor)
    elif events is not None:
        raw = _raw_from_events(events, until)
    else:
        found = ", ".join(map(str, getattr(source, "columns", [])))
        raise InputError(
            "uptimestats.not_a_log",
            expected=", ".join(CHECK_COLUMNS),
            found=found or "-",
        )

    # Join neighbours of one state, then name the gaps between them.
    raw = _collapse(*raw)
    return _with_gaps(*raw)


def merge_monitors(table, monitor="site", down_when="all"):
    """Combine several monitors of one site into a single timeline.

    Parameters
    ----------
    table : pandas.DataFrame
        Intervals from :func:`intervals`, for two or more monitors of the
        same site (or the same monitor's log read twice).
    monitor : str
        Name of the combined monitor.
    down_when : str
        ``"all"`` (default): down only while every monitor that is watching
        says down; one monitor's answer from the site proves it was
        serving, and a monitor whose own line is cut says down wrongly.
        ``"any"``: down while any monitor says down.

    Returns
    -------
    pandas.DataFrame
        ``monitor, start, end, state, reason`` as from :func:`intervals`.
        Unknown only while no monitor watches.
    """
    if down_when not in ("all", "any"):
        raise ValueError(f"down_when must be 'all' or 'any', not {down_when!r}")
    if table.empty:
        return _interval_frame([], [], [], [], [], "UTC")
    timezone = table["start"].dt.tz
    start = _nanoseconds(table["start"])
    end = _nanoseconds(table["end"])
    state = _state_codes(table["state"])

    # Every start and end is a point where the count of monitors saying up
    # or down can change; unknown intervals only mark the span.
    points = np.concatenate([start, end])
    is_up = (state == _UP).astype(np.int64)
    is_down = (state == _DOWN).astype(np.int64)
    up_step = np.concatenate([is_up, -is_up])
    down_step = np.concatenate([is_down, -is_down])
    order = np.argsort(points, kind="stable")
    points = points[order]
    up_count = np.cumsum(up_step[order])
    down_count = np.cumsum(down_step[order])

    # The counts after the last step at each distinct point hold until the
    # next point.
    last = np.flatnonzero(np.diff(points, append=points[-1] + 1) != 0)
    seg_start = points[last][:-1]
    seg_end = points[last][1:]
    up_now = up_count[last][:-1] > 0
    down_now = down_count[last][:-1] > 0
    if down_when == "all":
        seg_state = np.where(up_now, _UP, np.where(down_now, _DOWN, _UNKNOWN))
    else:
        seg_state = np.where(down_now, _DOWN, np.where(up_now, _UP, _UNKNOWN))

    # A down stretch takes the reason of the down interval it lies in.
    seg_reason = np.full(len(seg_start), "", dtype=object)
    seg_reason[seg_state == _UNKNOWN] = GAP_REASON
    downs = table[state == _DOWN]
    if len(downs):
        down_order = np.argsort(start[state == _DOWN], kind="stable")
        down_start = start[state == _DOWN][down_order]
        reasons = downs["reason"].to_numpy(dtype=object)[down_order]
        is_down = seg_state == _DOWN
        found = np.searchsorted(down_start, seg_start[is_down], "right") - 1
        seg_reason[is_down] = reasons[found]

    # Join neighbours of one state.
    code = np.zeros(len(seg_start), dtype=np.int64)
    collapsed = _collapse(
        code,
        np.array([monitor], dtype=object),
        seg_start,
        seg_end,
        seg_state,
        seg_reason,
        timezone,
    )
    return _with_gaps(*collapsed)


def uptime_summary(table, start=None, end=None):
    """Uptime over a stretch of time, weighted by time, with its coverage.

    Parameters
    ----------
    table : pandas.DataFrame
        Intervals from :func:`intervals`.
    start, end : pandas.Timestamp, optional
        The stretch to study. Default: from the first interval's start to
        the last one's end. Time in the stretch that no interval covers is
        unknown.

    Returns
    -------
    dict
        ``uptime_pct`` [percent 0-100]: up time / observed (up + down) time,
        NaN when nothing was observed. ``coverage_pct`` [percent 0-100]:
        observed time / the stretch. ``downtime_minutes`` [minutes],
        ``observed_minutes`` [minutes], ``unknown_minutes`` [minutes],
        ``incidents`` [count] (down intervals, cut to the stretch),
        ``mttr_minutes`` [minutes] (mean time to repair: down time /
        incidents), ``mtbf_minutes`` [minutes] (mean time between
        failures: up time / incidents; both NaN without incidents),
        ``start``, ``end`` (tz-aware Timestamps; None when the table has
        no interval and none was given), ``monitors`` [count].

    Notes
    -----
    With several monitors the times add up over monitors: the stretch
    counts once per monitor. For several monitors of one site, use
    :func:`merge_monitors` first.
    """
    clipped = _clip(table, start, end)
    up, down, span, incident_count, low, high, timezone = clipped
    observed = up + down
    monitors = int(table["monitor"].nunique())
    span_ns = span * monitors

    # Percentages of the observed time and of the stretch.
    uptime_pct = 100 * up / observed if observed else float("nan")
    coverage_pct = 100 * observed / span_ns if span_ns else float("nan")
    if incident_count:
        mttr = down / incident_count / _MINUTE_NS
        mtbf = up / incident_count / _MINUTE_NS
    else:
        mttr = mtbf = float("nan")
    return {
        "uptime_pct": uptime_pct,
        "coverage_pct": coverage_pct,
        "downtime_minutes": down / _MINUTE_NS,
        "observed_minutes": observed / _MINUTE_NS,
        "unknown_minutes": (span_ns - observed) / _MINUTE_NS,
        "incidents": incident_count,
        "mttr_minutes": mttr,
        "mtbf_minutes": mtbf,
        "start": _timestamp(low, timezone),
        "end": _timestamp(high, timezone),
        "monitors": monitors,
    }


def uptime_per_monitor(table):
    """Uptime of each monitor on its own, over the log's whole stretch.

    Parameters
    ----------
    table : pandas.DataFrame
        Intervals from :func:`intervals`, of one or more monitors.

    Returns
    -------
    pandas.DataFrame
        One row per monitor, sorted by name: ``monitor`` and the figures
        of :func:`uptime_summary` for that monitor alone (``uptime_pct``,
        ``coverage_pct``, ``downtime_minutes``, ``observed_minutes``,
        ``unknown_minutes``, ``incidents``, ``mttr_minutes``,
        ``mtbf_minutes``). Coverage counts over the whole log's stretch
        (first start to last end of any monitor), so a monitor set up
        later shows the time it was not yet watching as unknown.
    """
    columns = [
        "uptime_pct",
        "coverage_pct",
        "downtime_minutes",
        "observed_minutes",
        "unknown_minutes",
        "incidents",
        "mttr_minutes",
        "mtbf_minutes",
    ]
    if table.empty:
        return pd.DataFrame(columns=["monitor", *columns])
    low, high = table["start"].min(), table["end"].max()
    rows = []
    for monitor, spans in table.groupby("monitor", sort=True):
        summary = uptime_summary(spans, start=low, end=high)
        rows.append({"monitor": monitor, **{c: summary[c] for c in columns}})
    return pd.DataFrame(rows)


def incidents(table):
    """The down intervals, one row per incident.

    Parameters
    ----------
    table : pandas.DataFrame
        Intervals from :func:`intervals`.

    Returns
    -------
    pandas.DataFrame
        ``monitor, start, end, duration_min [minutes], reason``, in the
        order of the intervals.
    """
    return _stretches(table, DOWN)[INCIDENT_COLUMNS]


def gaps(table):
    """The unknown intervals: when no monitor saw the site.

    Parameters
    ----------
    table : pandas.DataFrame
        Intervals from :func:`intervals`.

    Returns
    -------
    pandas.DataFrame
        ``monitor, start, end, duration_min [minutes]``, in the order of
        the intervals. A monitor that was off, a stretch between checks
        too far apart, a check that got no answer at all, or an
        UptimeRobot monitor that was paused.
    """
    return _stretches(table, UNKNOWN)[GAP_COLUMNS]


def uptime_by_period(table, freq="D", timezone=TIMEZONE):
    """Uptime per day, week or month, with intervals split at midnight.

    Parameters
    ----------
    table : pandas.DataFrame
        Intervals from :func:`intervals`.
    freq : str
        ``"D"`` (day), ``"W"`` (week from Monday) or ``"M"`` (calendar
        month).
    timezone : str
        Where days begin, Asia/Jakarta (WIB) by default.

    Returns
    -------
    pandas.DataFrame
        One row per monitor and period that the log's span touches:
        ``monitor, period`` (tz-aware start of the period), ``up_minutes,
        down_minutes, unknown_minutes`` [minutes], ``uptime_pct`` [percent
        0-100 of the observed time, NaN when nothing was observed],
        ``coverage_pct`` [percent 0-100 of the part of the period inside
        the log's span], ``incidents`` [count of down intervals that began
        in the period].
    """
    if freq not in PERIODS:
        raise ValueError(f"freq must be one of D, W, M, not {freq!r}")
    codes, names = _monitor_codes(table["monitor"])
    start = _nanoseconds(table["start"])
    end = _nanoseconds(table["end"])
    state = _state_codes(table["state"])
    if len(start) == 0:
        return _period_frame([], [], np.zeros((0, 4)), timezone)
    low, high = start.min(), end.max()

    # Period boundaries in local time, as UTC nanoseconds.
    bounds = _period_bounds(low, high, freq, timezone)
    periods = len(bounds) - 1

    # Split each interval into its pieces, one per period it touches.
    first = np.searchsorted(bounds, start, "right") - 1
    last = np.searchsorted(bounds, end, "left") - 1
    last = np.maximum(last, first)
    pieces = last - first + 1
    owner = np.repeat(np.arange(len(start)), pieces)
    offset = np.arange(len(owner)) - np.repeat(
        np.cumsum(pieces) - pieces, pieces
    )
    period = first[owner] + offset
    piece_start = np.maximum(start[owner], bounds[period])
    piece_end = np.minimum(end[owner], bounds[period + 1])
    length = np.maximum(piece_end - piece_start, 0).astype(float)

    # Add up the time per monitor, period and state.
    cell = codes[owner] * periods + period
    size = len(names) * periods
    up = np.bincount(cell, length * (state[owner] == _UP), size)
    down = np.bincount(cell, length * (state[owner] == _DOWN), size)
    began = (state == _DOWN) & (end > start)
    incident_count = np.bincount(
        codes[began] * periods + first[began], minlength=size
    )

    # Each period counts only its part inside the log's span.
    inside = np.minimum(bounds[1:], high) - np.maximum(bounds[:-1], low)
    inside = np.tile(inside.astype(float), len(names))
    totals = np.column_stack([up, down, inside, incident_count])
    monitor = np.repeat(np.asarray(names, dtype=object), periods)
    period_start = np.tile(bounds[:-1], len(names))
    return _period_frame(monitor, period_start, totals, timezone)


def response_times(checks):
    """Median and 95th percentile of the response time of up checks.

    Parameters
    ----------
    checks : pandas.DataFrame
        ``monitor, time, up, response_ms`` ...: a checks frame.

    Returns
    -------
    dict
        ``median_ms`` and ``p95_ms`` [milliseconds] (NaN without any
        timed up check), ``n`` [count of checks used].

    Notes
    -----
    Only up checks with a response time count: a failed check's time says
    how long the monitor waited, not how fast the shop answers. The 95th
    percentile interpolates between the two nearest checks (numpy's
    default, "linear").
    """
    timed = _timed_up_checks(checks)
    values = timed["response_ms"].to_numpy(dtype=float)
    if len(values) == 0:
        return {"median_ms": float("nan"), "p95_ms": float("nan"), "n": 0}
    median, p95 = np.percentile(values, [50, 95])
    return {"median_ms": float(median), "p95_ms": float(p95), "n": len(values)}


def response_times_by_day(checks, timezone=TIMEZONE):
    """Median and 95th percentile response time per monitor and day.

    Parameters
    ----------
    checks : pandas.DataFrame
        A checks frame.
    timezone : str
        Where days begin, Asia/Jakarta (WIB) by default.

    Returns
    -------
    pandas.DataFrame
        ``monitor, day`` (tz-aware midnight), ``median_ms, p95_ms``
        [milliseconds], ``n`` [count]; only days with timed up checks. The
        same rules as :func:`response_times`.
    """
    timed = _timed_up_checks(checks)
    columns = ["monitor", "day", "median_ms", "p95_ms", "n"]
    if timed.empty:
        return pd.DataFrame(columns=columns)

    codes, names = _monitor_codes(timed["monitor"])
    day = timed["time"].dt.tz_convert(timezone).dt.normalize()
    day_codes, days = pd.factorize(day, sort=True)
    values = timed["response_ms"].to_numpy(dtype=float)

    # Sort the times by monitor and day, then cut at each new pair.
    key = codes.astype(np.int64) * max(len(days), 1) + day_codes
    if len(key) > 1 and not (np.diff(key) >= 0).all():
        order = np.argsort(key, kind="stable")
        key, values = key[order], values[order]
    first = np.flatnonzero(np.diff(key, prepend=-1) != 0)
    last = np.append(first[1:], len(key))

    # One percentile call per monitor and day, a few hundred in a year.
    pieces = zip(first, last, strict=True)
    quantiles = np.array(
        [np.percentile(values[a:b], [50, 95]) for a, b in pieces]
    ).reshape(-1, 2)
    pair = key[first]
    return pd.DataFrame(
        {
            "monitor": pd.array(
                np.asarray(names, dtype=object)[pair // max(len(days), 1)],
                "str",
            ),
            "day": days[pair % max(len(days), 1)],
            "median_ms": quantiles[:, 0],
            "p95_ms": quantiles[:, 1],
            "n": last - first,
        }
    )


def sla_table(summary, targets=SLA_TARGETS, days=30):
    """Where the shop stands against the usual uptime promises (SLA).

    Parameters
    ----------
    summary : dict
        From :func:`uptime_summary`; ``uptime_pct`` is used.
    targets : sequence of float
        Uptime promised [percent 0-100].
    days : int
        Length of the month the downtime is allowed in [days].

    Returns
    -------
    pandas.DataFrame
        One row per target: ``target_pct``, ``allowed_downtime_min``
        [minutes per month: (100 - target) / 100 x days x 1,440],
        ``uptime_pct`` (the shop's), ``downtime_per_month_min`` [minutes:
        the shop's downtime at its measured rate over a month of ``days``],
        ``met`` (boolean, NA when nothing was observed).
    """
    uptime = summary["uptime_pct"]
    month_minutes = Decimal(days) * 24 * 60
    rows = []
    for target in targets:
        # Decimal keeps 99.9 % at exactly 43.2 minutes.
        allowed = (100 - Decimal(str(target))) / 100 * month_minutes
        if uptime is None or np.isnan(uptime):
            actual, met = float("nan"), pd.NA
        else:
            actual = (100 - uptime) / 100 * float(month_minutes)
            met = bool(uptime >= target)
        rows.append((float(target), float(allowed), uptime, actual, met))
    table = pd.DataFrame(
        rows,
        columns=[
            "target_pct",
            "allowed_downtime_min",
            "uptime_pct",
            "downtime_per_month_min",
            "met",
        ],
    )
    table["met"] = table["met"].astype("boolean")
    return table


def sla_verdict(table, language=None):
    """One sentence saying which SLA targets the shop meets.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`sla_table`.
    language : str, optional
        Overrides the language in use.

    Returns
    -------
    str
    """
    if table.empty or table["met"].isna().all():
        return text("uptimestats.sla_no_data", language=language)

    # Write the targets and the figures the reader's way.
    def percent(value):
        return format_target(value, language)

    uptime = format_percent(table["uptime_pct"].iloc[0] / 100, 3, language)
    downtime = format_number(
        table["downtime_per_month_min"].iloc[0], 1, language
    )
    met = [percent(v) for v in table.loc[table["met"], "target_pct"]]
    missed = table[~table["met"]]
    fields = {"uptime": uptime, "downtime": downtime}
    if missed.empty:
        return text(
            "uptimestats.sla_all_met",
            language=language,
            targets=", ".join(met),
            **fields,
        )
    first_missed = missed.iloc[0]
    fields.update(
        missed=", ".join(percent(v) for v in missed["target_pct"]),
        target=percent(first_missed["target_pct"]),
        allowed=format_number(
            first_missed["allowed_downtime_min"], 1, language
        ),
    )
    if not met:
        return text("uptimestats.sla_none_met", language=language, **fields)
    return text(
        "uptimestats.sla_some_met",
        language=language,
        targets=", ".join(met),
        **fields,
    )


def format_target(target, language=None):
    """An SLA target as people write it: ``99%``, ``99,5%``, ``99,9%``.

    Parameters
    ----------
    target : float
        Uptime promised [percent 0-100]; as many decimals as it has.
    language : str, optional
        Overrides the language in use.
    """
    exponent = Decimal(str(float(target))).normalize().as_tuple().exponent
    return format_percent(target / 100, max(0, -exponent), language)


# --- building intervals ------------------------------------------------------


def _raw_from_checks(checks, expected_every, gap_factor):
    """Checks as raw intervals: each check until the next, or one interval."""
    _require_columns(checks, ("monitor", "time", "up", "reason"))
    if gap_factor is not None and not gap_factor >= 1:
        raise ValueError(f"gap_factor must be at least 1, not {gap_factor!r}")
    time = _frame_times(checks)
    timezone = checks["time"].dt.tz
    state = _check_states(checks["up"])
    codes, names = _monitor_codes(checks["monitor"])
    reason = checks["reason"].to_numpy(dtype=object)

    # A log without a single check (only its header) has no intervals.
    if len(time) == 0:
        return codes, names, time, time.copy(), state, reason, timezone

    # Sort by monitor and time; among duplicates, up comes last and holds.
    order = _log_order(codes, time, state)
    codes, time, state, reason = (
        codes[order],
        time[order],
        state[order],
        reason[order],
    )

    # The check interval: as told, or each monitor's median step.
    same_next = np.append(codes[1:] == codes[:-1], False)
    step = np.append(time[1:] - time[:-1], 0)
    if expected_every is not None:
        every = np.full(len(time), _seconds_ns(expected_every), np.int64)
    else:
        every = _median_step(codes, step, same_next, len(names))[codes]

    # Each check holds until the next one if it comes soon enough, else for
    # one interval; what follows is a gap.
    next_time = np.append(time[1:], 0)
    if gap_factor is None:
        soon = same_next
    else:
        soon = same_next & (step <= gap_factor * every)
    end = np.where(soon, next_time, time + every)
    reason = np.where(state == _UP, "", reason)
    return codes, names, time, end, state, reason, timezone


def _raw_from_events(events, until):
    """Events as raw intervals: each state until the next event."""
    _require_columns(events, REQUIRED_EVENT_COLUMNS)
    time = _frame_times(events)
    timezone = events["time"].dt.tz
    state = _event_states(events["state"])
    codes, names = _monitor_codes(events["monitor"])
    reason = events["reason"].to_numpy(dtype=object)
    if "duration_s" in events.columns:
        duration = pd.to_numeric(events["duration_s"], errors="coerce")
        duration = duration.to_numpy(dtype=float)
    else:
        duration = np.full(len(time), np.nan)

    # Sort by monitor and time; among duplicates, up comes last and holds.
    order = _log_order(codes, time, state)
    codes, time, state = codes[order], time[order], state[order]
    reason, duration = reason[order], duration[order]

    # Each state holds until the next event; the last until `until`, for
    # its duration, or not at all.
    same_next = np.append(codes[1:] == codes[:-1], False)
    next_time = np.append(time[1:], 0)
    if until is not None:
        last_end = np.maximum(time, _timestamp_ns(until))
    else:
        held = np.where(np.isfinite(duration), duration, 0) * _NS
        last_end = time + held.astype(np.int64)
    end = np.where(same_next, next_time, last_end)
    reason = np.where(state == _UP, "", reason)
    return codes, names, time, end, state, reason, timezone


def _log_order(codes, time, state):
    """Order of rows by monitor then time, up last among equal moments."""
    in_order = len(time) < 2 or bool(
        np.all(
            (codes[1:] > codes[:-1])
            | ((codes[1:] == codes[:-1]) & (time[1:] > time[:-1]))
        )
    )
    if in_order:
        return np.arange(len(time))
    up_last = np.where(state == _UP, 2, np.where(state == _DOWN, 1, 0))
    return np.lexsort((up_last, time, codes))


def _median_step(codes, step, same_next, monitors):
    """Median time between one monitor's checks, per monitor [ns]."""
    useful = same_next & (step > 0)
    medians = pd.Series(step[useful]).groupby(codes[useful]).median()
    every = np.zeros(monitors, dtype=np.int64)
    every[medians.index.to_numpy()] = medians.to_numpy().astype(np.int64)

    # A monitor with a single check borrows the others' interval.
    if (every == 0).any() and len(medians):
        every[every == 0] = int(np.median(medians.to_numpy()))
    return every


def _collapse(codes, names, start, end, state, reason, timezone):
    """Join neighbouring intervals of one monitor and state."""
    keep = end > start
    codes, start, end = codes[keep], start[keep], end[keep]
    state, reason = state[keep], reason[keep]
    if len(start) == 0:
        return codes, names, start, end, state, reason, timezone
    new_run = np.ones(len(start), dtype=bool)
    new_run[1:] = (
        (codes[1:] != codes[:-1])
        | (state[1:] != state[:-1])
        | (start[1:] != end[:-1])
    )
    first = np.flatnonzero(new_run)
    last = np.append(first[1:], len(start)) - 1
    return (
        codes[first],
        names,
        start[first],
        end[last],
        state[first],
        reason[first],
        timezone,
    )


def _with_gaps(codes, names, start, end, state, reason, timezone):
    """Add an unknown interval wherever one monitor's intervals part."""
    gap = np.flatnonzero((codes[1:] == codes[:-1]) & (start[1:] > end[:-1]))
    if len(gap):
        codes = np.insert(codes, gap + 1, codes[gap])
        new_start = end[gap]
        new_end = start[gap + 1]
        start = np.insert(start, gap + 1, new_start)
        end = np.insert(end, gap + 1, new_end)
        state = np.insert(state, gap + 1, _UNKNOWN)
        reason = np.insert(reason.astype(object), gap + 1, GAP_REASON)
    monitor = np.asarray(names, dtype=object)[codes]
    return _interval_frame(monitor, start, end, state, reason, timezone)


def _interval_frame(monitor, start, end, state, reason, timezone):
    """The intervals as the documented frame."""
    state = np.asarray(state, dtype=np.int64)
    return pd.DataFrame(
        {
            "monitor": pd.array(np.asarray(monitor, dtype=object), "str"),
            "start": _times(start, timezone),
            "end": _times(end, timezone),
            "state": pd.array(_STATE_NAMES[state], "str"),
            "reason": pd.array(np.asarray(reason, dtype=object), "str"),
        }
    )


# --- statistics helpers ------------------------------------------------------


def _stretches(table, state):
    """The intervals in one state, with their length in minutes."""
    chosen = table[table["state"] == state]
    found = chosen[["monitor", "start", "end", "reason"]]
    found = found.reset_index(drop=True)
    minutes = (found["end"] - found["start"]).dt.total_seconds() / 60
    found.insert(3, "duration_min", minutes.astype(float))
    return found


def _clip(table, start, end):
    """Up and down time, the stretch and incidents, cut to start-end [ns].

    Without intervals and without a ``start`` or ``end`` given, that end
    of the stretch is None: a log that saw nothing has no stretch.
    """
    timezone = "UTC"
    if isinstance(table["start"].dtype, pd.DatetimeTZDtype):
        timezone = table["start"].dt.tz
    begin = _nanoseconds(table["start"])
    finish = _nanoseconds(table["end"])
    state = _state_codes(table["state"])
    if start is not None:
        low = _timestamp_ns(start)
    else:
        low = int(begin.min()) if len(begin) else None
    if end is not None:
        high = _timestamp_ns(end)
    else:
        high = int(finish.max()) if len(finish) else None
    if low is None or high is None:
        return 0, 0, 0, 0, low, high, timezone
    length = np.maximum(np.minimum(finish, high) - np.maximum(begin, low), 0)
    up = int(length[state == _UP].sum())
    down = int(length[state == _DOWN].sum())
    incident_count = int(((state == _DOWN) & (length > 0)).sum())
    return up, down, max(high - low, 0), incident_count, low, high, timezone


def _period_bounds(low, high, freq, timezone):
    """Starts of the periods from the one holding low past high [ns]."""
    first = pd.Timestamp(low, tz="UTC").tz_convert(timezone).normalize()
    if freq == "W":
        first -= pd.Timedelta(days=first.day_of_week)
        step = pd.DateOffset(weeks=1)
    elif freq == "M":
        first = first.replace(day=1)
        step = pd.DateOffset(months=1)
    else:
        step = pd.DateOffset(days=1)
    last = pd.Timestamp(high, tz="UTC").tz_convert(timezone)
    bounds = pd.date_range(first, last + step, freq=step)
    bounds = _nanoseconds(pd.Series(bounds))
    # Keep the boundaries up to the first one at or after high.
    stop = int(np.searchsorted(bounds, high, "left"))
    return bounds[: max(stop, 1) + 1]


def _period_frame(monitor, period_start, totals, timezone):
    """Per-period minutes and percentages as the documented frame."""
    up, down, inside, incident_count = (
        totals[:, 0],
        totals[:, 1],
        totals[:, 2],
        totals[:, 3],
    )
    observed = up + down
    with np.errstate(invalid="ignore", divide="ignore"):
        uptime_pct = np.where(observed > 0, 100 * up / observed, np.nan)
        coverage_pct = np.where(inside > 0, 100 * observed / inside, np.nan)
    return pd.DataFrame(
        {
            "monitor": pd.array(np.asarray(monitor, dtype=object), "str"),
            "period": _times(np.asarray(period_start, np.int64), timezone),
            "up_minutes": up / _MINUTE_NS,
            "down_minutes": down / _MINUTE_NS,
            "unknown_minutes": (inside - observed) / _MINUTE_NS,
            "uptime_pct": uptime_pct,
            "coverage_pct": coverage_pct,
            "incidents": incident_count.astype(np.int64),
        }
    )


def _timed_up_checks(checks):
    """The up checks that have a response time."""
    _require_columns(checks, ("monitor", "time", "up", "response_ms"))
    up = checks["up"].astype("boolean").fillna(False).to_numpy(dtype=bool)
    response = pd.to_numeric(checks["response_ms"], errors="coerce")
    return checks[up & np.isfinite(response.to_numpy(dtype=float))]


# --- columns -----------------------------------------------------------------


def _monitor_codes(monitor):
    """Monitors as integer codes and their names, sorted by name."""
    # Most logs watch one site: checking that is faster than factorizing.
    values = monitor.to_numpy(dtype=object)
    if (
        len(values)
        and isinstance(values[0], str)
        and (values == values[0]).all()
    ):
        return np.zeros(len(values), np.int64), np.array([values[0]], object)
    written = monitor.astype(object).fillna("").astype(str)
    codes, names = pd.factorize(written, sort=True)
    return codes, np.asarray(names, dtype=object)


def _require_columns(frame, columns):
    """Raise InputError when the frame lacks one of the columns."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError(
            "uptimestats.missing_columns",
            column=missing[0],
            expected=", ".join(missing),
            found=", ".join(map(str, frame.columns)) or "-",
        )


def _frame_times(frame):
    """The time column as UTC nanoseconds, checked for a timezone."""
    time = frame["time"]
    if not isinstance(time.dtype, pd.DatetimeTZDtype):
        key = (
            "uptimestats.naive_time"
            if pd.api.types.is_datetime64_dtype(time.dtype)
            else "uptimestats.not_time"
        )
        raise InputError(key, column="time", found=str(time.dtype))
    empty = np.flatnonzero(time.isna().to_numpy())
    if len(empty):
        raise InputError(
            "uptimestats.missing_time",
            column="time",
            row=int(empty[0]) + 1,
        )
    return _nanoseconds(time)


def _check_states(up):
    """The up column as state codes; a missing answer is unknown."""
    if up.dtype == bool:
        return np.where(up.to_numpy(), _UP, _DOWN).astype(np.int8)
    try:
        answer = up.astype("boolean")
    except (TypeError, ValueError):
        answer = None
    if answer is None or not set(pd.unique(up.dropna())) <= {True, False}:
        values = up.dropna()
        bad = [v for v in pd.unique(values) if v not in (True, False)]
        row = int(np.flatnonzero(up.isin(bad[:1]).to_numpy())[0]) + 1
        raise InputError(
            "uptimestats.bad_up",
            column="up",
            row=row,
            expected="True, False",
            found=str(bad[0]),
        )
    state = np.where(answer.fillna(False).to_numpy(dtype=bool), _UP, _DOWN)
    state[answer.isna().to_numpy()] = _UNKNOWN
    return state.astype(np.int8)


def _event_states(written):
    """The state column as state codes."""
    codes = written.map(_STATE_CODES)
    bad = np.flatnonzero(codes.isna().to_numpy())
    if len(bad):
        raise InputError(
            "uptimestats.bad_state",
            column="state",
            row=int(bad[0]) + 1,
            expected=", ".join(STATES),
            found=str(written.iloc[bad[0]]),
        )
    return codes.to_numpy(dtype=np.int8)


def _state_codes(written):
    """The state column of an intervals frame as codes."""
    codes = written.map(_STATE_CODES)
    if codes.isna().any():
        raise ValueError("intervals must have states up, down or unknown")
    return codes.to_numpy(dtype=np.int8)


# --- time --------------------------------------------------------------------


def _nanoseconds(times):
    """Tz-aware times as int64 nanoseconds since 1970 UTC."""
    if len(times) == 0:
        return np.zeros(0, dtype=np.int64)
    return pd.DatetimeIndex(times).as_unit("ns").asi8.copy()


def _times(nanoseconds, timezone):
    """Int64 nanoseconds since 1970 UTC as tz-aware times."""
    index = pd.to_datetime(np.asarray(nanoseconds, np.int64), utc=True)
    return index.tz_convert(timezone)


def _timestamp(nanoseconds, timezone):
    """One moment as a tz-aware Timestamp; None stays None."""
    if nanoseconds is None:
        return None
    return pd.Timestamp(int(nanoseconds), tz="UTC").tz_convert(timezone)


def _timestamp_ns(moment):
    """A tz-aware moment as nanoseconds since 1970 UTC."""
    moment = pd.Timestamp(moment)
    if moment.tzinfo is None:
        raise ValueError(f"{moment} has no timezone")
    return int(moment.as_unit("ns").value)


def _seconds_ns(every):
    """A check interval as nanoseconds, from seconds or a Timedelta."""
    if isinstance(every, pd.Timedelta):
        every = every.total_seconds()
    if not every > 0:
        raise ValueError(f"expected_every must be positive, not {every!r}")
    return int(round(float(every) * _NS))
