"""The uptime model: intervals, uptime, incidents, periods, SLA.

Every expected value is worked out by hand in the comment above it. Frames
are built here in the canonical shape the readers of tokolab.uptime return.
"""

import math
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tokolab import InputError, set_language
from tokolab.uptimestats import (
    format_target,
    gaps,
    incidents,
    intervals,
    merge_monitors,
    response_times,
    response_times_by_day,
    sla_table,
    sla_verdict,
    uptime_by_period,
    uptime_per_monitor,
    uptime_summary,
)

WIB = "Asia/Jakarta"


def wib(written):
    """A moment written in WIB."""
    return pd.Timestamp(written, tz=WIB)


def checks(rows, monitor="toko"):
    """A checks frame from (time, up[, response_ms[, reason]]) tuples."""
    frame = pd.DataFrame(
        {
            "monitor": monitor,
            "time": pd.DatetimeIndex([wib(row[0]) for row in rows]),
            "up": [row[1] for row in rows],
            "status": ["200" if row[1] else "503" for row in rows],
            "response_ms": [
                row[2] if len(row) > 2 else float("nan") for row in rows
            ],
            "reason": [row[3] if len(row) > 3 else "" for row in rows],
        }
    )
    return frame


def every_minute(first, count, up=True):
    """(time, up) rows for ``count`` checks a minute apart from ``first``."""
    times = pd.date_range(wib(first), periods=count, freq="min")
    return [(str(t.tz_localize(None)), up) for t in times]


def events(rows, monitor="toko"):
    """An events frame from (time, state[, reason]) tuples."""
    return pd.DataFrame(
        {
            "monitor": monitor,
            "time": pd.DatetimeIndex([pd.Timestamp(row[0]) for row in rows]),
            "state": [row[1] for row in rows],
            "reason": [row[2] if len(row) > 2 else "" for row in rows],
        }
    )


def spans(table):
    """The intervals as (start, end, state, reason) in WIB wall time."""
    return [
        (
            row.start.tz_convert(WIB).strftime("%H:%M:%S"),
            row.end.tz_convert(WIB).strftime("%H:%M:%S"),
            row.state,
            row.reason,
        )
        for row in table.itertuples()
    ]


# --- worked case 1: one day with an 18-second outage -------------------------


@pytest.fixture
def one_day():
    """Up at 00:00, down at 18:44:02, up at 18:44:20, last up at 24:00."""
    return events(
        [
            ("2026-03-01 00:00:00+07:00", "up"),
            ("2026-03-01 18:44:02+07:00", "down", "timeout"),
            ("2026-03-01 18:44:20+07:00", "up"),
            ("2026-03-02 00:00:00+07:00", "up"),
        ]
    )


def test_one_day_with_an_18_second_outage(one_day):
    table = intervals(one_day)
    summary = uptime_summary(table)

    # The last up at 24:00 closes the day and lasts no time itself.
    assert spans(table) == [
        ("00:00:00", "18:44:02", "up", ""),
        ("18:44:02", "18:44:20", "down", "timeout"),
        ("18:44:20", "00:00:00", "up", ""),
    ]
    # 18:44:20 - 18:44:02 = 18 s down of 24 x 3,600 = 86,400 s:
    # 1 - 18 / 86,400 = 0.9997916..., 99.979 %.
    assert summary["uptime_pct"] == pytest.approx(100 * (1 - 18 / 86400))
    assert round(summary["uptime_pct"], 3) == 99.979
    assert summary["coverage_pct"] == pytest.approx(100)
    # 18 s = 0.3 min, one incident: MTTR 0.3 min. Up 86,382 s = 1,439.7
    # min over one failure: MTBF 1,439.7 min.
    assert summary["downtime_minutes"] == pytest.approx(0.3)
    assert summary["incidents"] == 1
    assert summary["mttr_minutes"] == pytest.approx(0.3)
    assert summary["mtbf_minutes"] == pytest.approx(1439.7)
    assert summary["start"] == wib("2026-03-01")
    assert summary["end"] == wib("2026-03-02")


def test_the_same_day_as_checks_without_gaps_cut_at_midnight():
    rows = [
        ("2026-03-01 00:00:00", True),
        ("2026-03-01 18:44:02", False),
        ("2026-03-01 18:44:20", True),
        ("2026-03-02 00:00:00", True),
    ]
    table = intervals(checks(rows), gap_factor=None)

    # Steps 67,442 s, 18 s and 18,940 s; each check holds until the next,
    # the last one for the median step, past midnight; cut at 24:00 the
    # day is 18 s down of 86,400 s again.
    summary = uptime_summary(table, end=wib("2026-03-02"))
    assert summary["uptime_pct"] == pytest.approx(100 * (1 - 18 / 86400))
    assert summary["coverage_pct"] == pytest.approx(100)


# --- worked case 2: two bursts of checks, a gap between ----------------------


@pytest.fixture
def two_bursts():
    """Checks every minute 10:00-10:05 and 12:00-12:05, all up."""
    rows = every_minute("2026-03-01 10:00", 6)
    rows += every_minute("2026-03-01 12:00", 6)
    return checks([(t, up, 120.0) for t, up in rows])


def test_a_gap_between_bursts_of_checks_is_unknown(two_bursts):
    table = intervals(two_bursts)

    # Median step 1 min; 10:05 to 12:00 is 115 min > 3 x 1 min, so the
    # 10:05 check speaks for 10:05-10:06 only, and the last check (12:05)
    # for 12:05-12:06.
    assert spans(table) == [
        ("10:00:00", "10:06:00", "up", ""),
        ("10:06:00", "12:00:00", "unknown", "no_checks"),
        ("12:00:00", "12:06:00", "up", ""),
    ]


def test_the_gap_between_bursts_is_listed(two_bursts):
    found = gaps(intervals(two_bursts))

    # 10:06 to 12:00: 114 minutes that nobody watched.
    expected = pd.DataFrame(
        {
            "monitor": ["toko"],
            "start": [wib("2026-03-01 10:06")],
            "end": [wib("2026-03-01 12:00")],
            "duration_min": [114.0],
        }
    )
    pd.testing.assert_frame_equal(found, expected, check_dtype=False)


def test_two_bursts_give_100_percent_over_about_9_5_percent(two_bursts):
    summary = uptime_summary(intervals(two_bursts))

    # Observed 6 + 6 = 12 min, all up: 100 %.
    assert summary["uptime_pct"] == 100
    # Span 10:00-12:06 = 126 min: 12 / 126 = 9.5238 %.
    assert summary["coverage_pct"] == pytest.approx(100 * 12 / 126)
    assert round(summary["coverage_pct"], 1) == 9.5
    # 126 - 12 = 114 min unknown, none of it down.
    assert summary["unknown_minutes"] == pytest.approx(114)
    assert summary["downtime_minutes"] == 0
    assert summary["incidents"] == 0
    assert math.isnan(summary["mttr_minutes"])
    assert math.isnan(summary["mtbf_minutes"])


def test_the_day_of_the_two_bursts(two_bursts):
    day = uptime_by_period(intervals(two_bursts), "D")

    # One day; its part inside the log's span is 10:00-12:06 = 126 min.
    assert len(day) == 1
    assert day["period"].iloc[0] == wib("2026-03-01")
    assert day["up_minutes"].iloc[0] == pytest.approx(12)
    assert day["unknown_minutes"].iloc[0] == pytest.approx(114)
    assert day["uptime_pct"].iloc[0] == 100
    assert day["coverage_pct"].iloc[0] == pytest.approx(100 * 12 / 126)


def test_a_down_check_before_a_gap_is_down_for_one_interval_only():
    rows = every_minute("2026-03-01 10:00", 5)
    rows += [("2026-03-01 10:05", False), ("2026-03-01 12:00", True)]
    table = intervals(checks(rows))

    # The 10:05 check is down and speaks for one minute; the gap is not
    # down. The 12:00 check is the last: 12:00-12:01.
    assert spans(table) == [
        ("10:00:00", "10:05:00", "up", ""),
        ("10:05:00", "10:06:00", "down", ""),
        ("10:06:00", "12:00:00", "unknown", "no_checks"),
        ("12:00:00", "12:01:00", "up", ""),
    ]
    # Observed 5 + 1 + 1 = 7 min, 6 up: 85.714 %.
    assert uptime_summary(table)["uptime_pct"] == pytest.approx(600 / 7)


def test_a_gap_of_exactly_three_intervals_still_counts():
    times = ["10:00", "10:01", "10:02", "10:05", "10:09", "10:10"]
    table = intervals(checks([(f"2026-03-01 {t}", True) for t in times]))

    # Steps 1, 1, 3, 4, 1 min: median 1 min, limit 3 min. 10:02 -> 10:05
    # is 3 min (not longer): held. 10:05 -> 10:09 is 4 min: 10:05-10:06
    # then unknown.
    assert spans(table) == [
        ("10:00:00", "10:06:00", "up", ""),
        ("10:06:00", "10:09:00", "unknown", "no_checks"),
        ("10:09:00", "10:11:00", "up", ""),
    ]


def test_a_stated_check_interval_overrides_the_median():
    times = ["10:00", "10:05", "10:10"]
    table = intervals(
        checks([(f"2026-03-01 {t}", True) for t in times]), expected_every=60
    )

    # Every 60 s, limit 180 s; each 5-min step is a gap.
    assert spans(table) == [
        ("10:00:00", "10:01:00", "up", ""),
        ("10:01:00", "10:05:00", "unknown", "no_checks"),
        ("10:05:00", "10:06:00", "up", ""),
        ("10:06:00", "10:10:00", "unknown", "no_checks"),
        ("10:10:00", "10:11:00", "up", ""),
    ]
    # Observed 3 min of 10:00-10:11 = 11 min.
    summary = uptime_summary(table)
    assert summary["coverage_pct"] == pytest.approx(100 * 3 / 11)


def test_a_check_without_an_answer_is_unknown():
    frame = checks(every_minute("2026-03-01 10:00", 4))
    frame["up"] = pd.array([True, None, True, True], dtype="boolean")
    table = intervals(frame)

    # 10:01 gave no answer at all: 10:01-10:02 unknown.
    assert [row[2] for row in spans(table)] == ["up", "unknown", "up"]
    assert uptime_summary(table)["coverage_pct"] == pytest.approx(75)


def test_a_log_without_checks_has_no_intervals():
    # Only the header was read: no check, so nothing was observed.
    frame = checks([])
    frame["time"] = frame["time"].dt.tz_localize(WIB)
    table = intervals(frame)

    assert table.empty
    assert list(table.columns) == ["monitor", "start", "end", "state", "reason"]
    summary = uptime_summary(table)
    assert math.isnan(summary["uptime_pct"])
    assert math.isnan(summary["coverage_pct"])
    assert (summary["incidents"], summary["monitors"]) == (0, 0)
    assert incidents(table).empty
    assert uptime_by_period(table).empty


def test_a_single_check_gives_no_stretch():
    # Nothing says how long one lone check holds: no interval, and the
    # stretch has no start or end (not 1 January 1970).
    table = intervals(checks([("2026-03-01 10:00", True)]))

    assert table.empty
    summary = uptime_summary(table)
    assert summary["start"] is None and summary["end"] is None
    assert math.isnan(summary["uptime_pct"])


def test_a_stretch_given_for_a_log_without_intervals_is_unknown():
    # 10:00-11:00 given, nothing observed: 60 min unknown, coverage 0 %.
    table = intervals(checks([("2026-03-01 10:00", True)]))
    summary = uptime_summary(
        table, start=wib("2026-03-01 10:00"), end=wib("2026-03-01 11:00")
    )
    assert summary["start"] == wib("2026-03-01 10:00")
    assert summary["end"] == wib("2026-03-01 11:00")
    assert math.isnan(summary["uptime_pct"])


# --- worked case 3: MTTR and MTBF on a small event log -----------------------


@pytest.fixture
def small_event_log():
    return events(
        [
            ("2026-03-01 08:00+07:00", "up"),
            ("2026-03-01 09:00+07:00", "down", "timeout"),
            ("2026-03-01 09:10+07:00", "up"),
            ("2026-03-01 12:00+07:00", "down", "http_status"),
            ("2026-03-01 12:30+07:00", "up"),
        ]
    )


def test_mttr_and_mtbf_on_a_small_event_log(small_event_log):
    table = intervals(small_event_log, until=wib("2026-03-01 14:00"))
    summary = uptime_summary(table)

    # Up: 08:00-09:00 (60) + 09:10-12:00 (170) + 12:30-14:00 (90) = 320
    # min. Down: 10 + 30 = 40 min in 2 incidents. MTTR = 40 / 2 = 20 min;
    # MTBF = 320 / 2 = 160 min; uptime 320 / 360 = 88.889 %.
    assert summary["incidents"] == 2
    assert summary["downtime_minutes"] == pytest.approx(40)
    assert summary["mttr_minutes"] == pytest.approx(20)
    assert summary["mtbf_minutes"] == pytest.approx(160)
    assert summary["uptime_pct"] == pytest.approx(100 * 320 / 360)


def test_the_incidents_of_the_small_event_log(small_event_log):
    found = incidents(intervals(small_event_log, until=wib("2026-03-01 14:00")))

    expected = pd.DataFrame(
        {
            "monitor": ["toko", "toko"],
            "start": [wib("2026-03-01 09:00"), wib("2026-03-01 12:00")],
            "end": [wib("2026-03-01 09:10"), wib("2026-03-01 12:30")],
            "duration_min": [10.0, 30.0],
            "reason": ["timeout", "http_status"],
        }
    )
    pd.testing.assert_frame_equal(found, expected, check_dtype=False)


def test_a_summary_cut_to_a_stretch(small_event_log):
    table = intervals(small_event_log, until=wib("2026-03-01 14:00"))
    summary = uptime_summary(
        table, start=wib("2026-03-01 09:05"), end=wib("2026-03-01 12:10")
    )

    # 09:05-09:10 down (5), 09:10-12:00 up (170), 12:00-12:10 down (10):
    # 170 / 185 = 91.892 %; both incidents touch the stretch.
    assert summary["uptime_pct"] == pytest.approx(100 * 170 / 185)
    assert summary["incidents"] == 2
    assert summary["mttr_minutes"] == pytest.approx(7.5)


def test_the_last_event_holds_for_its_duration():
    frame = events(
        [
            ("2026-03-01 08:00+07:00", "up"),
            ("2026-03-01 09:00+07:00", "down", "dns"),
        ]
    )
    frame["duration_s"] = [3600.0, 900.0]
    table = intervals(frame)

    # Up 08:00-09:00 (the next event), down 09:00 + 900 s = 09:15.
    assert spans(table) == [
        ("08:00:00", "09:00:00", "up", ""),
        ("09:00:00", "09:15:00", "down", "dns"),
    ]


def test_an_outage_still_going_on_counts_until_the_end_given():
    frame = events(
        [
            ("2026-03-01 08:00+07:00", "up"),
            ("2026-03-01 09:00+07:00", "down", "timeout"),
        ]
    )
    summary = uptime_summary(intervals(frame, until=wib("2026-03-01 10:00")))

    # 60 min up, 60 min down.
    assert summary["uptime_pct"] == pytest.approx(50)
    assert summary["incidents"] == 1


def test_utc_events_give_the_same_intervals():
    frame = events(
        [
            ("2026-03-01 01:00Z", "up"),
            ("2026-03-01 02:00Z", "down"),
            ("2026-03-01 02:30Z", "up"),
            ("2026-03-01 03:00Z", "up"),
        ]
    )
    table = intervals(frame)

    # 02:00 UTC is 09:00 WIB; times keep the log's own timezone.
    assert spans(table)[1][:3] == ("09:00:00", "09:30:00", "down")
    assert str(table["start"].dt.tz) == "UTC"


# --- overlaps and duplicates -------------------------------------------------


def test_duplicate_rows_count_once(two_bursts):
    doubled = pd.concat([two_bursts, two_bursts]).sample(frac=1, random_state=1)

    # The same checks twice, shuffled: the same intervals.
    assert spans(intervals(doubled)) == spans(intervals(two_bursts))


def test_when_duplicates_disagree_up_wins():
    rows = every_minute("2026-03-01 10:00", 3)
    rows.insert(1, ("2026-03-01 10:01", False))
    table = intervals(checks(rows))

    # 10:01 up and down at once: the site answered, so up.
    assert spans(table) == [("10:00:00", "10:03:00", "up", "")]


@pytest.fixture
def two_monitors():
    """Two monitors of one site, disagreeing for a while."""
    first = events(
        [
            ("2026-03-01 10:00+07:00", "up"),
            ("2026-03-01 10:20+07:00", "down", "timeout"),
            ("2026-03-01 10:30+07:00", "up"),
        ],
        monitor="uptimerobot",
    )
    second = events(
        [
            ("2026-03-01 10:00+07:00", "up"),
            ("2026-03-01 10:25+07:00", "down", "http_status"),
            ("2026-03-01 10:40+07:00", "up"),
        ],
        monitor="kuma",
    )
    return intervals(pd.concat([first, second]), until=wib("2026-03-01 11:00"))


def test_two_monitors_stay_apart_until_merged(two_monitors):
    # Kept apart, the times add up: up 50 + 45 of observed 60 + 60 min.
    assert sorted(two_monitors["monitor"].unique()) == ["kuma", "uptimerobot"]
    summary = uptime_summary(two_monitors)
    assert summary["uptime_pct"] == pytest.approx(100 * 95 / 120)
    assert summary["monitors"] == 2


def test_each_monitor_on_its_own(two_monitors):
    found = uptime_per_monitor(two_monitors)

    # 10:00-11:00 for both. kuma: down 10:25-10:40 (15 min), up 45 of 60
    # = 75 %; uptimerobot: down 10:20-10:30 (10 min), up 50 of 60 =
    # 83.333 %. Both watched all 60 minutes; one incident each, so
    # MTTR = the outage and MTBF = the up time.
    assert found["monitor"].tolist() == ["kuma", "uptimerobot"]
    assert found["uptime_pct"].tolist() == pytest.approx([75, 100 * 50 / 60])
    assert found["coverage_pct"].tolist() == pytest.approx([100, 100])
    assert found["downtime_minutes"].tolist() == pytest.approx([15, 10])
    assert found["incidents"].tolist() == [1, 1]
    assert found["mttr_minutes"].tolist() == pytest.approx([15, 10])
    assert found["mtbf_minutes"].tolist() == pytest.approx([45, 50])


def test_a_monitor_that_began_later_shows_the_time_before_as_unknown():
    # "lama" watches 10:00-11:00; "baru" only 10:30-11:00: over the log's
    # stretch of 60 min "baru" covers 30 min, 50 %.
    first = events(
        [("2026-03-01 10:00+07:00", "up")],
        monitor="lama",
    )
    second = events(
        [("2026-03-01 10:30+07:00", "up")],
        monitor="baru",
    )
    table = intervals(pd.concat([first, second]), until=wib("2026-03-01 11:00"))

    found = uptime_per_monitor(table)

    assert found["monitor"].tolist() == ["baru", "lama"]
    assert found["coverage_pct"].tolist() == pytest.approx([50, 100])
    assert found["uptime_pct"].tolist() == pytest.approx([100, 100])


def test_each_monitor_of_no_intervals_is_an_empty_table():
    frame = checks([])
    frame["time"] = frame["time"].dt.tz_localize(WIB)
    assert uptime_per_monitor(intervals(frame)).empty


def test_merged_monitors_are_down_only_when_both_say_so(two_monitors):
    merged = merge_monitors(two_monitors)

    # Both down only 10:25-10:30: 5 min of 60.
    assert spans(merged) == [
        ("10:00:00", "10:25:00", "up", ""),
        ("10:25:00", "10:30:00", "down", "http_status"),
        ("10:30:00", "11:00:00", "up", ""),
    ]
    assert set(merged["monitor"]) == {"site"}
    assert uptime_summary(merged)["uptime_pct"] == pytest.approx(100 * 55 / 60)


def test_merged_monitors_down_when_any_says_so(two_monitors):
    merged = merge_monitors(two_monitors, down_when="any")

    # Either down 10:20-10:40: 20 min of 60, the first reason kept.
    assert spans(merged) == [
        ("10:00:00", "10:20:00", "up", ""),
        ("10:20:00", "10:40:00", "down", "timeout"),
        ("10:40:00", "11:00:00", "up", ""),
    ]
    assert uptime_summary(merged)["uptime_pct"] == pytest.approx(100 * 40 / 60)


def test_merged_monitors_are_unknown_only_when_none_watches():
    first = checks(every_minute("2026-03-01 10:00", 6), monitor="a")
    second = checks(every_minute("2026-03-01 10:04", 5), monitor="b")
    third = checks(every_minute("2026-03-01 10:30", 3), monitor="a")
    table = intervals(pd.concat([first, second, third]))
    merged = merge_monitors(table)

    # a: 10:00-10:06 and 10:30-10:33; b: 10:04-10:09. Together up
    # 10:00-10:09, nobody 10:09-10:30, up 10:30-10:33.
    assert spans(merged) == [
        ("10:00:00", "10:09:00", "up", ""),
        ("10:09:00", "10:30:00", "unknown", "no_checks"),
        ("10:30:00", "10:33:00", "up", ""),
    ]


# --- days, weeks and months in WIB -------------------------------------------


@pytest.fixture
def across_midnight():
    """Logged in UTC: an outage from 23:50 to 00:20 WIB (16:50-17:20Z)."""
    frame = events(
        [
            ("2026-03-01 13:00Z", "up"),
            ("2026-03-01 16:50Z", "down", "timeout"),
            ("2026-03-01 17:20Z", "up"),
        ]
    )
    return intervals(frame, until=pd.Timestamp("2026-03-01 21:00Z"))


def test_days_are_split_at_midnight_wib(across_midnight):
    days = uptime_by_period(across_midnight, "D")

    # 1 March WIB: 20:00-24:00 = 240 min, 10 down (23:50-24:00): 230/240.
    # 2 March WIB: 00:00-04:00 = 240 min, 20 down (00:00-00:20): 220/240.
    # The incident began on 1 March.
    assert days["period"].tolist() == [wib("2026-03-01"), wib("2026-03-02")]
    assert days["down_minutes"].tolist() == pytest.approx([10, 20])
    assert days["up_minutes"].tolist() == pytest.approx([230, 220])
    assert days["uptime_pct"].tolist() == pytest.approx(
        [100 * 230 / 240, 100 * 220 / 240]
    )
    assert days["coverage_pct"].tolist() == pytest.approx([100, 100])
    assert days["incidents"].tolist() == [1, 0]


def test_weeks_begin_on_monday(across_midnight):
    weeks = uptime_by_period(across_midnight, "W")

    # 1 March 2026 is a Sunday (week of Monday 23 February), 2 March a
    # Monday: the same split as the days.
    assert weeks["period"].tolist() == [wib("2026-02-23"), wib("2026-03-02")]
    assert weeks["down_minutes"].tolist() == pytest.approx([10, 20])


def test_months_are_split_at_the_first_of_the_month():
    frame = events(
        [
            ("2026-01-31 22:00+07:00", "up"),
            ("2026-01-31 23:30+07:00", "down", "timeout"),
            ("2026-02-01 01:00+07:00", "up"),
        ]
    )
    table = intervals(frame, until=wib("2026-02-01 02:00"))
    months = uptime_by_period(table, "M")

    # January: 22:00-24:00 = 120 min, 30 down: 75 %. February: 00:00-02:00
    # = 120 min, 60 down: 50 %.
    assert months["period"].tolist() == [wib("2026-01-01"), wib("2026-02-01")]
    assert months["uptime_pct"].tolist() == pytest.approx([75, 50])
    assert months["incidents"].tolist() == [1, 0]


def test_periods_list_every_monitor(two_monitors):
    days = uptime_by_period(two_monitors, "D")

    # kuma: down 15 of 60 min; uptimerobot: down 10 of 60.
    assert days["monitor"].tolist() == ["kuma", "uptimerobot"]
    assert days["down_minutes"].tolist() == pytest.approx([15, 10])


def test_an_unknown_period_length_is_refused(two_bursts):
    with pytest.raises(ValueError):
        uptime_by_period(intervals(two_bursts), "Q")


# --- response times ----------------------------------------------------------


@pytest.fixture
def timed_checks():
    rows = [
        ("2026-03-01 09:00", True, 100.0),
        ("2026-03-01 10:00", True, 200.0),
        ("2026-03-01 11:00", True, 300.0),
        ("2026-03-01 12:00", False, 5000.0, "http_status"),
        ("2026-03-01 13:00", True, float("nan")),
        ("2026-03-02 01:00", True, 400.0),
        ("2026-03-02 02:00", True, 1000.0),
    ]
    return checks(rows)


def test_response_time_median_and_p95(timed_checks):
    found = response_times(timed_checks)

    # Up checks with a time: 100, 200, 300, 400, 1000 (the down check's
    # 5000 and the empty one left out). Median 300. p95 at position
    # 0.95 x 4 = 3.8: 400 + 0.8 x (1000 - 400) = 880.
    assert found == {"median_ms": 300.0, "p95_ms": pytest.approx(880), "n": 5}


def test_response_times_per_day_in_wib(timed_checks):
    # Seen from UTC, 01:00 WIB on 2 March is still 1 March (18:00Z).
    timed_checks["time"] = timed_checks["time"].dt.tz_convert("UTC")
    days = response_times_by_day(timed_checks)

    # 1 March: 100, 200, 300: median 200, p95 at 1.9: 200 + 0.9 x 100 =
    # 290. 2 March: 400, 1000: median 700, p95 at 0.95: 400 + 0.95 x 600
    # = 970.
    assert days["day"].dt.tz_convert(WIB).tolist() == [
        wib("2026-03-01"),
        wib("2026-03-02"),
    ]
    assert days["median_ms"].tolist() == pytest.approx([200, 700])
    assert days["p95_ms"].tolist() == pytest.approx([290, 970])
    assert days["n"].tolist() == [3, 2]


def test_no_timed_check_gives_no_response_time():
    found = response_times(checks([("2026-03-01 09:00", False)]))

    assert math.isnan(found["median_ms"]) and found["n"] == 0


# --- the SLA table -----------------------------------------------------------


def test_sla_allowed_downtime_per_30_day_month(one_day):
    table = sla_table(uptime_summary(intervals(one_day)))

    # A 30-day month is 30 x 1,440 = 43,200 min. Allowed: 1 % of it = 432,
    # 0.5 % = 216, 0.1 % = 43.2 min.
    assert table["target_pct"].tolist() == [99, 99.5, 99.9]
    assert table["allowed_downtime_min"].tolist() == [432, 216, 43.2]
    # 18 s down a day is 18 / 86,400 of the month: 43,200 x 18 / 86,400 =
    # 9 min a month; 99.979 % meets all three.
    assert table["downtime_per_month_min"].tolist() == pytest.approx([9] * 3)
    assert table["met"].tolist() == [True, True, True]


def test_where_a_shop_at_99_7_percent_stands():
    table = sla_table({"uptime_pct": 99.7})

    # 99.7 >= 99 and >= 99.5, < 99.9. Down 0.3 % of 43,200 = 129.6 min.
    assert table["met"].tolist() == [True, True, False]
    assert table["downtime_per_month_min"].iloc[0] == pytest.approx(129.6)
    assert sla_verdict(table) == (
        "Uptime toko 99,700%: memenuhi target 99%, 99,5%, tetapi belum "
        "99,9%. Target 99,9% hanya membolehkan 43,2 menit mati dalam "
        "sebulan; dengan laju ini toko mati sekitar 129,6 menit."
    )
    set_language("en")
    assert sla_verdict(table).startswith(
        "The shop's uptime is 99.700%: it meets 99%, 99.5% but not yet 99.9%."
    )


def test_a_shop_below_every_target():
    table = sla_table({"uptime_pct": 98.0})

    # 2 % of 43,200 = 864 min a month; 99 % allows 432.
    assert not table["met"].any()
    verdict = sla_verdict(table)
    assert "belum memenuhi target mana pun (99%, 99,5%, 99,9%)" in verdict
    assert "membolehkan 432,0 menit" in verdict
    assert "sekitar 864,0 menit" in verdict


def test_a_shop_meeting_every_target_and_a_custom_month():
    table = sla_table({"uptime_pct": 100.0}, targets=(99.95,), days=31)

    # 0.05 % of 31 x 1,440 = 44,640 min = 22.32 min.
    assert table["allowed_downtime_min"].tolist() == pytest.approx([22.32])
    assert "memenuhi semua target (99,95%)" in sla_verdict(table)


@pytest.mark.parametrize(
    "target, id_text, en_text",
    [(99, "99%", "99%"), (99.5, "99,5%", "99.5%"), (99.9, "99,9%", "99.9%")],
)
def test_format_target_writes_as_many_decimals_as_the_target_has(
    target, id_text, en_text
):
    assert format_target(target) == id_text
    assert format_target(target, language="en") == en_text


def test_no_observed_time_meets_nothing_and_says_so(two_bursts):
    unknown_only = intervals(two_bursts).query("state == 'unknown'")
    table = sla_table(uptime_summary(unknown_only))

    assert table["met"].isna().all()
    assert "Belum ada waktu yang terpantau" in sla_verdict(table)


# --- what the model is given -------------------------------------------------


def test_a_read_log_is_taken_by_its_checks(two_bursts):
    log = SimpleNamespace(checks=two_bursts, events=None)

    assert spans(intervals(log)) == spans(intervals(two_bursts))


def test_times_without_a_timezone_are_refused(two_bursts):
    two_bursts["time"] = two_bursts["time"].dt.tz_localize(None)

    with pytest.raises(InputError) as caught:
        intervals(two_bursts)
    assert caught.value.key == "uptimestats.naive_time"
    assert "zona waktu" in str(caught.value)


def test_times_that_are_text_are_refused(two_bursts):
    two_bursts["time"] = two_bursts["time"].astype(str)

    with pytest.raises(InputError) as caught:
        intervals(two_bursts)
    assert caught.value.key == "uptimestats.not_time"


def test_an_empty_time_names_its_row(two_bursts):
    two_bursts.loc[2, "time"] = pd.NaT

    with pytest.raises(InputError) as caught:
        intervals(two_bursts)
    assert caught.value.key == "uptimestats.missing_time"
    # Index 2 is the third check from the top.
    assert caught.value.row == 3
    assert str(caught.value).startswith(
        "Catatan uptime: cek atau kejadian ke-3 dalam tabel (dihitung dari "
        "atas, mulai dari 1) tidak punya waktu."
    )


def test_an_unknown_state_names_its_row_and_value(small_event_log):
    small_event_log.loc[3, "state"] = "turun"

    with pytest.raises(InputError) as caught:
        intervals(small_event_log)
    assert caught.value.key == "uptimestats.bad_state"
    assert (caught.value.row, caught.value.found) == (4, "turun")
    assert str(caught.value) == (
        "Catatan uptime: kejadian ke-4 dalam tabel (dihitung dari atas, "
        "mulai dari 1) berisi keadaan 'turun' yang tidak dikenal. Yang "
        "diharapkan: up, down, unknown."
    )
    set_language("en")
    assert "event number 4 of the table" in str(caught.value)


def test_a_bad_row_is_counted_in_the_order_handed_in(small_event_log):
    # The newest event first, as UptimeRobot lists them: the bad one is
    # the top row, so number 1, although it is last in time.
    newest_first = small_event_log.iloc[::-1].reset_index(drop=True)
    newest_first.loc[0, "state"] = "pulih"

    with pytest.raises(InputError) as caught:
        intervals(newest_first)
    assert (caught.value.row, caught.value.found) == (1, "pulih")


def test_an_up_cell_that_is_not_true_or_false_is_refused(two_bursts):
    two_bursts["up"] = two_bursts["up"].astype(object)
    two_bursts.loc[4, "up"] = "maybe"

    with pytest.raises(InputError) as caught:
        intervals(two_bursts)
    assert caught.value.key == "uptimestats.bad_up"
    assert (caught.value.row, caught.value.found) == (5, "maybe")
    assert "cek ke-5 dalam tabel" in str(caught.value)


def test_a_frame_that_is_no_log_is_refused():
    with pytest.raises(InputError) as caught:
        intervals(pd.DataFrame({"query": ["kripik"]}))
    assert caught.value.key == "uptimestats.not_a_log"
    assert "query" in str(caught.value)


def test_a_missing_column_is_named(small_event_log):
    with pytest.raises(InputError) as caught:
        intervals(small_event_log.drop(columns="reason"))
    assert caught.value.key == "uptimestats.missing_columns"
    assert "reason" in str(caught.value)


# --- properties over any log -------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(
    steps=st.lists(st.integers(1, 4 * 3600), min_size=1, max_size=60),
    answers=st.lists(st.booleans(), min_size=61, max_size=61),
    monitors=st.lists(st.sampled_from("ab"), min_size=61, max_size=61),
)
def test_time_adds_up_for_any_log(steps, answers, monitors):
    first = pd.Timestamp("2026-03-01 20:00", tz="UTC")
    seconds = np.concatenate([[0], np.cumsum(steps)])
    frame = pd.DataFrame(
        {
            "monitor": monitors[: len(seconds)],
            "time": first + pd.to_timedelta(seconds, unit="s"),
            "up": answers[: len(seconds)],
            "status": "",
            "response_ms": np.nan,
            "reason": "",
        }
    )
    table = intervals(frame)

    # Within a monitor: no gaps, no overlaps, no two neighbours alike.
    for _, own in table.groupby("monitor"):
        starts = own["start"].iloc[1:].reset_index(drop=True)
        ends = own["end"].iloc[:-1].reset_index(drop=True)
        states = own["state"].reset_index(drop=True)
        assert starts.eq(ends).all()
        assert states.iloc[1:].reset_index(drop=True).ne(states.iloc[:-1]).all()
        assert (own["end"] > own["start"]).all()

    # Per day the time adds up to the summary's.
    summary = uptime_summary(table)
    for freq in ("D", "W", "M"):
        periods = uptime_by_period(table, freq)
        up = periods["up_minutes"].sum()
        down = periods["down_minutes"].sum()
        assert down == pytest.approx(summary["downtime_minutes"], abs=1e-6)
        assert up + down == pytest.approx(summary["observed_minutes"], abs=1e-6)
        assert periods["incidents"].sum() == summary["incidents"]
    # A lone check of each monitor holds for no known time: no interval.
    if len(table):
        assert 0 <= summary["uptime_pct"] <= 100
        assert 0 < summary["coverage_pct"] <= 100 + 1e-9
    else:
        assert frame["monitor"].value_counts().max() == 1


def test_response_times_by_day_without_a_timed_up_check_is_empty():
    # Two checks: one down with a time, one up without: nothing to time.
    table = checks(
        [("2024-01-04 10:00", False, 900.0), ("2024-01-04 10:01", True)]
    )

    by_day = response_times_by_day(table)

    assert by_day.empty
    assert list(by_day.columns) == [
        "monitor",
        "day",
        "median_ms",
        "p95_ms",
        "n",
    ]
