"""Tests of the uptime log readers (tokolab.uptime)."""

import csv
import hashlib
import json
import math
import shutil
import sqlite3
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kitpaths import ROOT
from tokolab import InputError, set_language, uptime
from tokolab.uptime import (
    CHECK_COLUMNS,
    EVENT_COLUMNS,
    SQLITE_MAGIC,
    UptimeLog,
    find_uptime_log,
    parse_status,
    parse_time,
    read_uptime,
    read_uptime_kuma,
)
from tokolab.uptimestats import intervals, uptime_summary

ZONE = ZoneInfo("Asia/Jakarta")


def wib(written):
    """A Timestamp written in WIB (UTC+7), the readers' default zone."""
    return pd.Timestamp(written, tz="Asia/Jakarta")


# --- times ------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, expected",
    [
        # A UTC line at 07:00 is 14:00 WIB (07 + 7).
        ("2026-12-03T07:00:00Z", "2026-12-03 14:00:00"),
        ("2026-12-03 07:00:00 UTC", "2026-12-03 14:00:00"),
        ("2026-12-03T14:00:05+07:00", "2026-12-03 14:00:05"),
        # +08:00 (WITA) at 15:00 is 07:00 UTC, 14:00 WIB.
        ("2026-12-03T15:00:00+08:00", "2026-12-03 14:00:00"),
        ("3/12/2026 15.00 WITA", "2026-12-03 14:00:00"),
        # Naive: already WIB.
        ("2026-12-03 14:00:05", "2026-12-03 14:00:05"),
        # Day first, 12-hour clock: 07 PM is 19.
        ("03-12-2026 07:15:00 PM", "2026-12-03 19:15:00"),
        ("03-12-2026 12:00:00 AM", "2026-12-03 00:00:00"),
        ("03-12-2026 12:30:00 PM", "2026-12-03 12:30:00"),
        ("03.12.2026 19.15", "2026-12-03 19:15:00"),
        # Month names, Indonesian and English, with a weekday.
        ("Kamis, 3 Desember 2026 pukul 19.15 WIB", "2026-12-03 19:15:00"),
        ("3 Des 2026 19:15", "2026-12-03 19:15:00"),
        ("Dec 3, 2026 7:15 PM", "2026-12-03 19:15:00"),
        ("3 Agustus 2026 08:00", "2026-08-03 08:00:00"),
        # Fractions of a second, as Uptime Kuma writes them.
        ("2026-12-03 14:00:00.250", "2026-12-03 14:00:00.250"),
        # Unix time 1796281200 s: 2026-12-03 07:00 UTC, 14:00 WIB
        # (20,790 days after 1970-01-01 = 2026-12-03; 1796256000 + 7 h).
        ("1796281200", "2026-12-03 14:00:00"),
        ("1796281200000", "2026-12-03 14:00:00"),
    ],
)
def test_parse_time_forms(written, expected):
    assert parse_time(written) == wib(expected)
    assert str(parse_time(written).tz) == "Asia/Jakarta"


@pytest.mark.parametrize(
    "written, expected",
    [
        # 24:00 ends the day: the next day at 00:00.
        ("2023-10-03 24:00:00", "2023-10-04 00:00:00"),
        ("2023-10-03 24:00", "2023-10-04 00:00:00"),
        ("03-10-2023 24.00", "2023-10-04 00:00:00"),
        # The last day of a month and of a year roll over too.
        ("2023-10-31 24:00:00", "2023-11-01 00:00:00"),
        ("31 Desember 2023 24:00", "2024-01-01 00:00:00"),
        # With a zone: 24:00 UTC on 3 October is 07:00 WIB on the 4th.
        ("2023-10-03 24:00:00 UTC", "2023-10-04 07:00:00"),
    ],
)
def test_parse_time_24_00_is_the_next_day(written, expected):
    assert parse_time(written) == wib(expected)


def test_a_day_closed_at_24_00_gives_99_979_percent(tmp_path):
    path = tmp_path / "kejadian.csv"
    path.write_text(
        "time,event\n"
        "2023-10-03 00:00:00,up\n"
        "2023-10-03 18:44:02,down\n"
        "2023-10-03 18:44:20,up\n"
        "2023-10-03 24:00:00,up\n",
        encoding="utf-8",
    )
    summary = uptime_summary(intervals(read_uptime(path)))

    # 18 s down of 24 h = 86,400 s: 1 - 18 / 86,400 = 0.99979166...
    assert summary["end"] == wib("2023-10-04 00:00")
    assert round(summary["uptime_pct"], 3) == 99.979
    assert summary["coverage_pct"] == pytest.approx(100)


def test_parse_time_in_another_zone():
    # Naive 14:00 in Asia/Makassar (UTC+8) is 06:00 UTC.
    found = parse_time("2026-12-03 14:00", "Asia/Makassar")
    assert found == pd.Timestamp("2026-12-03 06:00", tz="UTC")


def test_parse_time_month_first():
    assert parse_time("12/03/2026 10:00", month_first=True) == wib(
        "2026-12-03 10:00"
    )


@pytest.mark.parametrize(
    "written",
    [
        "2026-12-03",  # no time of day
        "14:00",  # no date
        "31-02-2026 10:00",  # no such day
        "2026-12-03 25:00",
        # Only exactly 24:00 closes a day.
        "2026-12-03 24:00:01",
        "2026-12-03 24:30",
        "2026-12-03 24:00:00.5",
        "2026-12-03 13:00 PM",
        "2026-12-03 10:00 +15:00",
        "3 Foo 2026 10:00",
        "1890-01-01 10:00",
        "kemarin sore",
    ],
)
def test_parse_time_refuses(written):
    with pytest.raises(ValueError):
        parse_time(written)


@pytest.mark.parametrize(
    "written, up",
    [
        ("up", True),
        ("Naik", True),
        ("1", True),
        ("200", True),
        ("301", True),
        ("down", False),
        ("TURUN", False),
        ("0", False),
        ("404", False),
        ("503", False),
    ],
)
def test_parse_status(written, up):
    assert parse_status(written) is up


@pytest.mark.parametrize("written", ["", "lambat", "2", "99", "600"])
def test_parse_status_refuses(written):
    with pytest.raises(ValueError):
        parse_status(written)


# --- the kit's own monitor log ----------------------------------------------


def test_tokolab_log(fixtures):
    log = read_uptime(fixtures / "uptime" / "tokolab_log.csv")

    assert isinstance(log, UptimeLog)
    assert log.format == "tokolab"
    assert log.events is None
    assert log.monitors == ["https://kue.example"]
    assert list(log.checks.columns) == CHECK_COLUMNS
    assert log.checks["time"].tolist() == [
        wib("2026-12-03 14:00:05"),
        wib("2026-12-03 14:01:05"),
        wib("2026-12-03 14:02:05"),
        wib("2026-12-03 14:03:05"),
    ]
    assert log.checks["up"].tolist() == [True, False, False, True]
    assert log.checks["status"].tolist() == ["200", "", "503", "200"]
    assert log.checks["reason"].tolist() == ["", "timeout", "http_status", ""]
    ms = log.checks["response_ms"].tolist()
    assert ms[0] == 231.0 and math.isnan(ms[1]) and ms[2:] == [88.0, 240.0]
    assert str(log.checks["time"].dt.tz) == "Asia/Jakarta"
    assert log.checks["up"].dtype == bool


def test_tokolab_log_with_problems(fixtures):
    with pytest.raises(InputError) as caught:
        read_uptime(fixtures / "uptime" / "tokolab_log_with_problems.csv")
    error = caught.value
    assert error.key == "uptime.bad_cell"
    assert (error.row, error.column, error.found) == (3, "up", "ya")
    assert "baris 3" in str(error)


def test_tokolab_log_torn_last_line(fixtures):
    # The monitor was stopped mid-write: the last line has no newline and
    # no full time. The two whole lines stay; the torn one (row 4) goes.
    path = fixtures / "uptime" / "tokolab_log_torn.csv"
    log = read_uptime(path)
    assert log.checks["response_ms"].tolist() == [231.0, 245.0]
    assert log.notes == [
        f"Berkas {path}, baris 4: baris ini terpotong (monitor dihentikan "
        "saat sedang menulis), jadi tidak dihitung."
    ]


def test_tokolab_log_cut_lines_between_runs(fixtures, monkeypatch):
    # Stopped twice mid-write, started again each time on a new line:
    # row 4 (a time cut at '14:02:0') and row 6 (a URL cut at 'kue.exa',
    # no up cell) have fewer than 6 fields and do not read: left out.
    # Row 7 lost only its last field ('240' then nothing): it still reads.
    path = fixtures / "uptime" / "tokolab_log_restarted.csv"
    log = read_uptime(path)

    assert log.checks["time"].tolist() == [
        wib("2026-12-03 14:00:05"),
        wib("2026-12-03 14:01:05"),
        wib("2026-12-03 14:10:00"),
        wib("2026-12-03 14:20:00"),
    ]
    assert log.checks["up"].tolist() == [True, True, False, True]
    assert log.checks["reason"].tolist() == ["", "", "http_status", ""]
    assert [note.split(":")[0] for note in log.notes] == [
        f"Berkas {path}, baris 4",
        f"Berkas {path}, baris 6",
    ]
    pd.testing.assert_frame_equal(
        log.checks, careful_reading(monkeypatch, path).checks
    )


def test_tokolab_log_a_whole_line_that_does_not_read_is_an_error(tmp_path):
    # Six fields, so not cut short: 'ya' in the up column is a mistake.
    path = tmp_path / "log.csv"
    path.write_text(
        "time,url,status,up,response_ms,reason\n"
        "2026-12-03T14:00:05+07:00,https://kue.example,200,ya,231,\n"
        "2026-12-03T14:01:0\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        read_uptime(path)
    assert (caught.value.row, caught.value.column) == (2, "up")


def test_tokolab_log_header_only(fixtures):
    # The monitor was stopped before its first check: only the header.
    log = read_uptime(fixtures / "uptime" / "tokolab_log_header_only.csv")
    assert log.checks.empty and list(log.checks.columns) == CHECK_COLUMNS
    assert log.monitors == []

    # No check, no interval: nothing observed, no uptime, no incident.
    spans = intervals(log)
    assert spans.empty
    summary = uptime_summary(spans)
    assert math.isnan(summary["uptime_pct"])
    assert summary["incidents"] == 0
    assert summary["observed_minutes"] == 0


def careful_reading(monkeypatch, path):
    """The kit's log read without its fast path."""
    with monkeypatch.context() as patched:
        patched.setattr(uptime, "_tokolab_log_fast", lambda *_: None)
        return read_uptime(path)


@pytest.mark.parametrize(
    "lines",
    [
        # One monitor, in time order, as the monitor writes it.
        [
            "2026-12-03T14:00:05+07:00,https://kue.example,200,1,231,",
            "2026-12-03T14:01:05+07:00,https://kue.example,,0,,timeout",
        ],
        # Two monitors interleaved, one line written in UTC, spaces
        # around a URL: sorted by monitor then time, times in WIB.
        [
            "2026-12-03T14:00:05+07:00,https://b.example,200,1,100,",
            "2026-12-03T07:00:00+00:00, https://a.example ,503,0,90,"
            "http_status",
            "2026-12-03T13:59:00+07:00,https://a.example,200,1,80,",
        ],
        # A blank line in the middle.
        [
            "2026-12-03T14:00:05+07:00,https://kue.example,200,1,231,",
            "",
            "2026-12-03T14:01:05+07:00,https://kue.example,200,1,0,",
        ],
        # Offsets west of UTC and with minutes; a leap day; New Year.
        [
            "2024-02-29T23:59:59-03:00,https://kue.example,200,1,5,",
            "2024-03-01T08:29:59+05:30,https://kue.example,200,1,6,",
            "2025-12-31T17:00:00+00:00,https://kue.example,200,1,7,",
        ],
    ],
)
def test_tokolab_log_fast_path_reads_as_the_careful_path(
    tmp_path, monkeypatch, lines
):
    path = tmp_path / "log.csv"
    header = "time,url,status,up,response_ms,reason"
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    assert uptime._tokolab_log_fast(path.read_bytes(), path, ZONE) is not None

    fast = read_uptime(path)
    careful = careful_reading(monkeypatch, path)
    pd.testing.assert_frame_equal(fast.checks, careful.checks)
    assert fast.monitors == careful.monitors


def test_monitor_times_from_bytes_by_hand():
    data = (
        b"time,url,status,up,response_ms,reason\n"
        b"2024-02-29T23:59:59-03:00,u,200,1,5,\n"
        b"\n"
        b"2026-12-03T14:00:05+07:00,u,200,1,5,\n"
    )
    times = uptime._monitor_times(data, 2)
    # 23:59:59 at UTC-3 is 02:59:59 UTC on 1 March; 14:00:05 WIB is
    # 07:00:05 UTC.
    assert times.tolist() == [
        pd.Timestamp("2024-03-01 02:59:59", tz="UTC"),
        pd.Timestamp("2026-12-03 07:00:05", tz="UTC"),
    ]


@pytest.mark.parametrize(
    "written",
    [
        "2025-02-29T10:00:00+07:00",  # no 29 February in 2025
        "2026-04-31T10:00:00+07:00",  # April has 30 days
        "2026-12-03T25:00:00+07:00",  # no hour 25
        "2026-12-03T14:00:05Z,u,200",  # Z instead of the offset
        "2026-12-03 14:00:05+07:00",  # a space instead of the T
        "2026-12-03T14:00:05.5+07:00",  # a fraction of a second
        "1969-12-31T23:00:00+07:00",  # before the years a log may hold
    ],
)
def test_monitor_times_leaves_other_layouts_to_pandas(written):
    data = (
        f"time,url,status,up,response_ms,reason\n{written},u,200,1,5,\n"
    ).encode()
    assert uptime._monitor_times(data, 1) is None


def test_monitor_times_needs_one_time_per_row():
    # A quoted newline makes three lines of two rows.
    data = (
        b"time,url,status,up,response_ms,reason\n"
        b'2026-12-03T14:00:05+07:00,u,503,0,5,"a\n'
        b'b"\n'
        b"2026-12-03T14:01:05+07:00,u,200,1,5,\n"
    )
    assert uptime._monitor_times(data, 2) is None


def test_tokolab_log_fast_path_sorts_two_monitors(tmp_path):
    path = tmp_path / "log.csv"
    path.write_text(
        "time,url,status,up,response_ms,reason\n"
        "2026-12-03T14:00:05+07:00,https://b.example,200,1,100,\n"
        "2026-12-03T07:00:00+00:00, https://a.example ,503,0,90,http_status\n"
        "2026-12-03T13:59:00+07:00,https://a.example,200,1,80,\n",
        encoding="utf-8",
    )
    log = read_uptime(path)
    assert log.monitors == ["https://a.example", "https://b.example"]
    assert log.checks["monitor"].tolist() == [
        "https://a.example",
        "https://a.example",
        "https://b.example",
    ]
    # 13:59 WIB comes before 07:00 UTC = 14:00 WIB.
    assert log.checks["time"].tolist() == [
        wib("2026-12-03 13:59"),
        wib("2026-12-03 14:00"),
        wib("2026-12-03 14:00:05"),
    ]


def test_raw_input_not_modified(fixtures):
    path = fixtures / "uptime" / "tokolab_log_torn.csv"
    before = path.read_bytes()
    read_uptime(path)
    assert path.read_bytes() == before


# --- UptimeRobot ------------------------------------------------------------


def test_uptimerobot(fixtures):
    log = read_uptime(fixtures / "uptime" / "uptimerobot.csv")

    assert log.format == "uptimerobot"
    assert log.checks is None
    assert log.monitors == ["Oleh-oleh Pak Budi", "Toko Kue Bu Sri"]
    events = log.events
    assert list(events.columns) == EVENT_COLUMNS
    # Oldest first per monitor; the Started row carries no state.
    expected = pd.DataFrame(
        {
            "monitor": ["Oleh-oleh Pak Budi"] * 2 + ["Toko Kue Bu Sri"] * 3,
            "time": [
                wib("2026-12-02 23:30:00"),  # 11:30 PM
                wib("2026-12-03 00:00:00"),  # 12:00 AM is midnight
                wib("2026-12-02 12:00:00"),  # 12:00 PM is noon
                wib("2026-12-03 19:15:02"),  # 07:15 PM
                wib("2026-12-03 19:15:20"),
            ],
            # Paused: the monitor was off, so nothing is known.
            "state": ["unknown", "up", "up", "down", "up"],
            "reason": ["", "OK", "OK", "Connection Timeout", "OK"],
            # Minutes x 60: 30, 1200, 1875, 0, 44.
            "duration_s": [1800.0, 72000.0, 112500.0, 0.0, 2640.0],
        }
    )
    expected["time"] = expected["time"].dt.as_unit("us")
    pd.testing.assert_frame_equal(events, expected, check_dtype=False)


def test_uptimerobot_in_the_accounts_timezone(fixtures):
    # An account set to UTC: 07:15:02 PM UTC is 02:15:02 WIB the next day,
    # shown here in UTC as written.
    log = read_uptime(fixtures / "uptime" / "uptimerobot.csv", timezone="UTC")
    down = log.events[log.events["state"] == "down"]["time"].iloc[0]
    assert down == pd.Timestamp("2026-12-04 02:15:02", tz="Asia/Jakarta")
    assert log.timezone == "UTC"


def test_uptimerobot_with_problems(fixtures):
    with pytest.raises(InputError) as caught:
        read_uptime(fixtures / "uptime" / "uptimerobot_with_problems.csv")
    error = caught.value
    assert error.key == "uptime.bad_cell"
    assert (error.row, error.column) == (3, "Date-Time")
    assert error.found == "03-12-2026 19:15:02 PM"


def test_uptimerobot_month_first_column(tmp_path):
    # 12/31/2026 only reads month first, so the whole column does.
    path = tmp_path / "logs.csv"
    path.write_text(
        "Event,Monitor,Monitor URL,Date-Time,Reason,Duration,"
        "Duration (in mins.)\n"
        "Up,Toko,https://t.example,12/31/2026 10:00:00 AM,OK,,\n"
        "Down,Toko,https://t.example,12/01/2026 09:00:00 AM,Timeout,,\n"
    )
    events = read_uptime(path).events
    assert events["time"].tolist() == [
        wib("2026-12-01 09:00"),
        wib("2026-12-31 10:00"),
    ]
    assert events["duration_s"].isna().all()


@pytest.mark.parametrize(
    "lines, monitor",
    [
        # No Monitor column: named by its Monitor URL.
        (
            [
                "Event,Monitor URL,Date-Time",
                "Down,https://kue.example,2026-12-03 10:00",
                "Up,https://kue.example,2026-12-03 10:05",
            ],
            "https://kue.example",
        ),
        # Neither: named after the file, as for a generic log.
        (
            ["Event,Date-Time", "Down,2026-12-03 10:00", "Up,2026-12-03 10:05"],
            "toko-kue",
        ),
    ],
)
def test_uptimerobot_without_a_monitor_column(tmp_path, lines, monitor):
    path = tmp_path / "toko-kue.csv"
    path.write_text("\n".join(lines) + "\n")

    log = read_uptime(path)

    assert log.format == "uptimerobot"
    assert log.monitors == [monitor]
    assert log.events["state"].tolist() == ["down", "up"]


def test_uptimerobot_unknown_event(tmp_path):
    path = tmp_path / "logs.csv"
    path.write_text(
        "Event,Monitor,Date-Time\nUp,Toko,2026-12-03 10:00\n"
        "Sideways,Toko,2026-12-03 11:00\n"
    )
    with pytest.raises(InputError) as caught:
        read_uptime(path)
    assert (caught.value.row, caught.value.column) == (3, "Event")


# --- generic checks and events ------------------------------------------------


def test_generic_checks_indonesian(fixtures):
    log = read_uptime(fixtures / "uptime" / "checks.csv")

    assert log.format == "checks"
    # No monitor column: the monitor is named after the file.
    assert log.monitors == ["checks"]
    checks = log.checks
    assert checks["time"].tolist() == [
        wib("2026-12-03 14:00"),
        wib("2026-12-03 14:05"),
        wib("2026-12-03 14:10"),
        wib("2026-12-03 14:15"),
    ]
    # naik, turun, 503 (down), 200 (up).
    assert checks["up"].tolist() == [True, False, False, True]
    assert checks["status"].tolist() == ["naik", "turun", "503", "200"]
    ms = checks["response_ms"].tolist()
    assert ms[0] == 120.5 and math.isnan(ms[1]) and ms[2:] == [900.0, 130.0]
    # 503 with no reason written: the HTTP code is the reason.
    assert checks["reason"].tolist() == ["", "server mati", "http_status", ""]


@pytest.mark.parametrize(
    "lines, reasons",
    [
        # HTTP codes in the status column: 0 and empty mean no answer.
        (
            ["waktu,status", "2026-12-03 14:00,200", "2026-12-03 14:05,0"],
            ["", "no_answer"],
        ),
        (
            [
                "waktu,status,up",
                "2026-12-03 14:00,503,0",
                "2026-12-03 14:05,,0",
            ],
            ["http_status", "no_answer"],
        ),
        # A reason written wins.
        (
            [
                "waktu,status,alasan",
                "2026-12-03 14:00,200,",
                "2026-12-03 14:05,0,DNS",
            ],
            ["", "DNS"],
        ),
        # A status column of 1 and 0 only: 0 is just "down", reason unknown.
        (
            ["waktu,status", "2026-12-03 14:00,1", "2026-12-03 14:05,0"],
            ["", ""],
        ),
    ],
)
def test_generic_checks_no_answer(tmp_path, lines, reasons):
    path = tmp_path / "cek.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    assert read_uptime(path).checks["reason"].tolist() == reasons


def test_generic_checks_with_problems(fixtures):
    with pytest.raises(InputError) as caught:
        read_uptime(fixtures / "uptime" / "checks_with_problems.csv")
    error = caught.value
    assert (error.row, error.column, error.found) == (3, "Status", "lambat")
    set_language("en")
    assert "row 3, column Status" in str(error)


def test_utc_line_at_seven_shows_as_fourteen_wib(fixtures):
    log = read_uptime(fixtures / "uptime" / "checks_utc.csv")
    first = log.checks["time"].iloc[0]
    assert (first.hour, first.minute) == (14, 0)
    assert first == pd.Timestamp("2026-12-03 07:00", tz="UTC")
    assert log.monitors == ["https://kue.example"]


def test_generic_events(fixtures):
    log = read_uptime(fixtures / "uptime" / "events.csv")

    assert log.format == "events"
    assert log.checks is None
    events = log.events
    assert events["time"].tolist() == [
        wib("2026-12-03 00:00:00"),
        wib("2026-12-03 18:44:02"),
        wib("2026-12-03 18:44:20"),
    ]
    assert events["state"].tolist() == ["up", "down", "up"]
    # 18:44:02 - 00:00:00 = 67,442 s; 18:44:20 - 18:44:02 = 18 s.
    assert events["duration_s"].iloc[:2].tolist() == [67442.0, 18.0]
    assert math.isnan(events["duration_s"].iloc[2])


def test_generic_events_with_problems(fixtures):
    with pytest.raises(InputError) as caught:
        read_uptime(fixtures / "uptime" / "events_with_problems.csv")
    assert (caught.value.row, caught.value.column) == (3, "event")


# --- a last line cut off, in every CSV format ---------------------------------

TORN_NOTE = (
    "Berkas {path}, baris {row}: baris terakhir terpotong (berkasnya "
    "berakhir di tengah baris, misalnya karena disalin saat alat pemantau "
    "masih menulis), jadi baris itu tidak dihitung."
)


def test_checks_log_torn_last_line_is_left_out_with_a_note(fixtures):
    # Row 4 is "2023-10-15 09:30" with no newline and no status: it goes;
    # rows 2 (200, up) and 3 (503, down) stay.
    path = fixtures / "uptime" / "checks_torn.csv"
    log = read_uptime(path)

    assert log.format == "checks"
    assert log.checks["time"].tolist() == [
        wib("2023-10-15 09:20"),
        wib("2023-10-15 09:25"),
    ]
    assert log.checks["up"].tolist() == [True, False]
    assert log.notes == [TORN_NOTE.format(path=path, row=4)]

    set_language("en")
    assert read_uptime(path).notes == [
        f"File {path}, row 4: the last line is cut off (the file ends in the "
        "middle of a line, for example because it was copied while the "
        "monitor was still writing), so that line is left out."
    ]


def test_a_bad_line_before_a_torn_last_line_is_still_an_error(fixtures):
    # Row 3 says "lambat" (slow), which is no status: the file is refused,
    # and the error names row 3, not the torn row 4.
    path = fixtures / "uptime" / "checks_torn_with_problems.csv"
    with pytest.raises(InputError) as caught:
        read_uptime(path)
    error = caught.value
    assert error.key == "uptime.bad_cell"
    assert (error.row, error.column, error.found) == (3, "status", "lambat")


def test_events_log_torn_last_line(fixtures):
    # Row 4's event was cut to "u": the two whole events stay.
    path = fixtures / "uptime" / "events_torn.csv"
    log = read_uptime(path)

    assert log.events["state"].tolist() == ["up", "down"]
    # 18:44:02 - 00:00:00 = 67,442 s, as written in the file.
    assert log.events["duration_s"].tolist() == [67442.0, 18.0]
    assert log.notes == [TORN_NOTE.format(path=path, row=4)]


def test_uptimerobot_torn_last_line_inside_a_quote(fixtures):
    # Row 4 stops inside the quoted "0 hrs, 1...": its quote never
    # closes. Rows 2 and 3 stay, oldest first: Down 19:15:02 (0 min),
    # Up 19:15:20 (44 min = 2,640 s).
    path = fixtures / "uptime" / "uptimerobot_torn.csv"
    log = read_uptime(path)

    assert log.format == "uptimerobot"
    assert log.events["time"].tolist() == [
        wib("2026-12-03 19:15:02"),
        wib("2026-12-03 19:15:20"),
    ]
    assert log.events["duration_s"].tolist() == [0.0, 2640.0]
    assert log.notes == [TORN_NOTE.format(path=path, row=4)]


def test_a_torn_last_line_that_reads_is_kept(tmp_path):
    # "2023-10-15 09:30,200" has lost its response time only: a check.
    path = tmp_path / "cek.csv"
    path.write_text(
        "waktu,status,respons_ms\n2023-10-15 09:25,200,287\n"
        "2023-10-15 09:30,200",
        encoding="utf-8",
    )
    log = read_uptime(path)
    assert len(log.checks) == 2 and log.notes == []


def test_a_bad_last_line_with_its_newline_is_an_error(tmp_path):
    # Ending in a newline, the line was written whole: a mistake.
    path = tmp_path / "cek.csv"
    path.write_text(
        "waktu,status\n2023-10-15 09:25,200\n2023-10-15 09:30,\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        read_uptime(path)
    assert (caught.value.row, caught.value.column) == (3, "status")


def test_the_sample_log_cut_at_100_000_bytes(tmp_path):
    # What a participant got by copying part of the sample: the first
    # 100,000 bytes, which end in the middle of a line.
    data = (ROOT / "data" / "contoh" / "uptime" / "pemantauan.csv").read_bytes()
    cut = data[:100_000]
    path = tmp_path / "pemantauan.csv"
    path.write_bytes(cut)

    # Every newline ends a whole line; the first is the header's. The
    # torn line comes after the last newline.
    whole_lines = cut.count(b"\n")
    log = read_uptime(path)

    assert len(log.checks) == whole_lines - 1
    assert log.notes == [TORN_NOTE.format(path=path, row=whole_lines + 1)]


def test_unknown_headers(tmp_path):
    path = tmp_path / "sales.csv"
    path.write_text("produk,harga\nkeripik,15000\n")
    with pytest.raises(InputError) as caught:
        read_uptime(path)
    assert caught.value.key == "uptime.unknown_headers"
    assert caught.value.found == "produk, harga"


@pytest.mark.parametrize(
    "header, mark",
    [
        ("waktu|status", "tanda '|'"),
        ("timestamp/up", "tanda '/'"),
        ("waktu status", "spasi"),
    ],
)
def test_columns_split_by_another_mark(tmp_path, header, mark):
    path = tmp_path / "log.csv"
    row = header.replace("waktu", "2026-12-03 10:00").replace("timestamp", "1")
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")

    with pytest.raises(InputError) as caught:
        read_uptime(path)

    error = caught.value
    assert error.key == "uptime.wrong_separator"
    assert error.found == header
    assert str(error) == (
        f"Berkas {path}: semua judul kolom menempel dalam satu kolom "
        f"('{header}') karena kolomnya dipisah dengan {mark}. Simpan ulang "
        "berkas sebagai CSV, dengan koma (,) atau titik koma (;) di antara "
        "kolom."
    )


def test_one_column_that_is_no_log_gets_no_separator_advice(tmp_path):
    # 'nama|harga' splits, but into nothing the uptime reader knows.
    path = tmp_path / "produk.csv"
    path.write_text("nama|harga\nkripik|15000\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_uptime(path)
    assert caught.value.key == "uptime.unknown_headers"


def test_a_two_digit_year_keeps_the_dates_advice(tmp_path):
    path = tmp_path / "cek.csv"
    path.write_text("waktu,status\n03-12-26 10:00,200\n", encoding="utf-8")

    with pytest.raises(InputError) as caught:
        read_uptime(path)

    error = caught.value
    assert error.key == "uptime.bad_cell_because"
    assert (error.row, error.column, error.found) == (
        2,
        "waktu",
        "03-12-26 10:00",
    )
    assert (
        "'03-12-26': tahun harus ditulis dengan empat angka, misalnya 2024."
        in str(error)
    )
    # The advice follows the language in use when it is shown.
    set_language("en")
    assert "the year must have four digits" in str(error)


def test_duplicate_time_columns(tmp_path):
    path = tmp_path / "checks.csv"
    path.write_text("time,timestamp,status\n2026-12-03 10:00,x,up\n")
    with pytest.raises(InputError) as caught:
        read_uptime(path)
    assert caught.value.key == "uptime.duplicate_column"


def test_unknown_timezone(fixtures):
    with pytest.raises(InputError) as caught:
        read_uptime(fixtures / "uptime" / "events.csv", timezone="Mars/Base")
    assert caught.value.key == "uptime.unknown_timezone"


def test_missing_file(tmp_path):
    with pytest.raises(InputError) as caught:
        read_uptime(tmp_path / "nope.csv")
    assert caught.value.key == "common.file_not_found"


# --- Uptime Kuma ------------------------------------------------------------

KUMA_SCHEMA = """
CREATE TABLE monitor (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(150));
CREATE TABLE heartbeat (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    important BOOLEAN NOT NULL DEFAULT 0,
    monitor_id INTEGER NOT NULL,
    status SMALLINT NOT NULL,
    msg TEXT,
    time DATETIME NOT NULL,
    ping INTEGER,
    duration INTEGER NOT NULL DEFAULT 0,
    down_count INTEGER NOT NULL DEFAULT 0
);
"""

KUMA_BEATS = [
    # monitor_id, status, msg, time (UTC), ping
    (1, 1, "200 - OK", "2026-12-03 07:00:00.000", 120),
    (1, 0, "timeout of 48000ms exceeded", "2026-12-03 07:01:00.000", None),
    (2, 2, "retrying", "2026-12-03 07:00:30", 300),
    (2, 3, "maintenance", "2026-12-03 07:01:30", None),
    (1, 1, "200 - OK", "2026-12-03 07:02:00.500", 95),
]


def make_kuma(path, beats=KUMA_BEATS, wal=False, monitors=True, loose=False):
    """Write a small Uptime Kuma database with Kuma's own columns.

    ``loose`` drops the NOT NULL constraints, for values of any kind.
    """
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    if wal:
        connection.execute("PRAGMA journal_mode=WAL")
    schema = KUMA_SCHEMA.replace("NOT NULL", "") if loose else KUMA_SCHEMA
    connection.executescript(schema)
    if monitors:
        connection.executemany(
            "INSERT INTO monitor (id, name) VALUES (?, ?)",
            [(1, "Toko Kue"), (2, "Oleh-oleh")],
        )
    connection.executemany(
        "INSERT INTO heartbeat (monitor_id, status, msg, time, ping) "
        "VALUES (?, ?, ?, ?, ?)",
        beats,
    )
    connection.commit()
    connection.close()
    return path


def test_kuma_database(tmp_path):
    db = make_kuma(tmp_path / "kuma.db")
    log = read_uptime(db)

    assert log.format == "uptimekuma"
    assert log.monitors == ["Oleh-oleh", "Toko Kue"]
    checks = log.checks
    assert list(checks.columns) == CHECK_COLUMNS
    # UTC + 7 h; the maintenance beat (id 4) is left out.
    assert checks["time"].tolist() == [
        wib("2026-12-03 14:00:30"),
        wib("2026-12-03 14:00:00"),
        wib("2026-12-03 14:01:00"),
        wib("2026-12-03 14:02:00.500"),
    ]
    # Pending (Oleh-oleh's only beat) counts as down, as Kuma counts it
    # (1.x calcUptime: only status 1 and 3 are up time; 2.x flatStatus:
    # PENDING is DOWN).
    assert checks["up"].tolist() == [False, True, False, True]
    assert checks["status"].tolist() == ["pending", "up", "down", "up"]
    ms = checks["response_ms"].tolist()
    assert ms[:2] == [300.0, 120.0] and math.isnan(ms[2]) and ms[3] == 95.0
    assert checks["reason"].iloc[2] == "timeout of 48000ms exceeded"
    assert len(log.notes) == 1 and log.notes[0].startswith("1 cek")


def test_kuma_names_from_backup(tmp_path, fixtures):
    db = make_kuma(tmp_path / "kuma.db", monitors=False)
    without = read_uptime_kuma(db)
    assert without.monitors == ["monitor 1", "monitor 2"]

    log = read_uptime(db, backup=fixtures / "uptime" / "kuma_backup.json")
    assert log.monitors == ["Oleh-oleh Pak Budi", "Toko Kue Bu Sri"]


def test_kuma_backup_with_problems(tmp_path, fixtures):
    db = make_kuma(tmp_path / "kuma.db")
    with pytest.raises(InputError) as caught:
        read_uptime_kuma(
            db, backup=fixtures / "uptime" / "kuma_backup_with_problems.json"
        )
    assert caught.value.key == "uptime.backup_no_monitors"

    broken = tmp_path / "backup.json"
    broken.write_text('{"monitorList": [')
    with pytest.raises(InputError) as caught:
        read_uptime_kuma(db, backup=broken)
    assert caught.value.key == "uptime.backup_not_json"


def test_kuma_opened_read_only(tmp_path):
    # A database in WAL mode, copied without its -wal file: reading it
    # must neither change it nor leave -wal or -shm files beside it.
    db = make_kuma(tmp_path / "kuma.db", wal=True)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    read_uptime(db)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kuma.db"]


def test_kuma_pending_beats_count_as_down(tmp_path):
    # One beat a minute: up, pending, pending, up. Each beat holds until
    # the next; the last for one interval: up 1 + 1 min, down 2 min.
    beats = [
        (1, 1, "OK", "2026-12-03 07:00:00", 100),
        (1, 2, "timeout", "2026-12-03 07:01:00", None),
        (1, 2, "timeout", "2026-12-03 07:02:00", None),
        (1, 1, "OK", "2026-12-03 07:03:00", 100),
    ]
    log = read_uptime(make_kuma(tmp_path / "kuma.db", beats=beats))
    summary = uptime_summary(intervals(log))

    # 2 of 4 minutes up: 50 %; one incident of 2 minutes.
    assert summary["uptime_pct"] == pytest.approx(50)
    assert summary["incidents"] == 1
    assert summary["downtime_minutes"] == pytest.approx(2)


@pytest.mark.parametrize(
    "beats, maintenance",
    [
        # An empty heartbeat table: Kuma was set up but never checked.
        ([], 0),
        # Only maintenance beats: left out, so no check is left.
        ([(1, 3, "maintenance", "2026-12-03 07:00:00", None)] * 2, 2),
    ],
)
def test_kuma_without_a_single_check(tmp_path, beats, maintenance):
    db = make_kuma(tmp_path / "kuma.db", beats=beats)
    log = read_uptime(db)

    assert log.checks.empty and log.monitors == []
    assert len(log.notes) == (1 if maintenance else 0)
    spans = intervals(log)
    assert spans.empty
    assert math.isnan(uptime_summary(spans)["uptime_pct"])


# --- the uptime folder -------------------------------------------------------


def test_find_uptime_log_one_file_or_none(tmp_path, fixtures):
    folder = tmp_path / "uptime"
    assert find_uptime_log(folder) is None
    folder.mkdir()
    (folder / ".DS_Store").write_bytes(b"x")
    assert find_uptime_log(folder) is None

    shutil.copy(fixtures / "uptime" / "checks.csv", folder)
    assert find_uptime_log(folder) == (folder / "checks.csv", None)


def test_find_uptime_log_a_database_with_its_backup(tmp_path, fixtures):
    folder = tmp_path / "uptime"
    folder.mkdir()
    # Names do not matter: the database is told by its first bytes.
    make_kuma(folder / "salinan")
    shutil.copy(fixtures / "uptime" / "kuma_backup.json", folder)
    assert find_uptime_log(folder) == (
        folder / "salinan",
        folder / "kuma_backup.json",
    )


@pytest.mark.parametrize(
    "names",
    [
        # Two CSV logs: which one to report?
        ["a.csv", "b.csv"],
        # A database beside a CSV that is no backup.
        ["kuma.db", "b.csv"],
        # A database and two backups.
        ["kuma.db", "a.json", "b.json"],
    ],
)
def test_find_uptime_log_refuses_several(tmp_path, fixtures, names):
    folder = tmp_path / "uptime"
    folder.mkdir()
    for name in names:
        if name == "kuma.db":
            make_kuma(folder / name)
        else:
            shutil.copy(fixtures / "uptime" / "checks.csv", folder / name)
    with pytest.raises(InputError) as caught:
        find_uptime_log(folder)
    error = caught.value
    assert error.key == "uptime.folder_not_one_log"
    assert error.path == str(folder)
    assert error.found == ", ".join(sorted(names))
    assert str(error).startswith(f"Folder {folder} harus berisi satu log")


def test_kuma_bad_status(tmp_path):
    beats = [*KUMA_BEATS, (1, 7, "?", "2026-12-03 07:03:00", 1)]
    db = make_kuma(tmp_path / "kuma.db", beats=beats)
    with pytest.raises(InputError) as caught:
        read_uptime(db)
    error = caught.value
    assert error.key == "uptime.db_bad_value"
    # The sixth heartbeat inserted has id 6.
    assert (error.row, error.column, error.found) == (6, "status", "7")


def test_kuma_bad_time(tmp_path):
    beats = [(1, 1, "OK", "kemarin", 5)]
    db = make_kuma(tmp_path / "kuma.db", beats=beats)
    with pytest.raises(InputError) as caught:
        read_uptime(db)
    assert (caught.value.row, caught.value.column) == (1, "time")


def test_sqlite_without_heartbeat(tmp_path):
    db = tmp_path / "other.db"
    connection = sqlite3.connect(db)
    connection.execute("CREATE TABLE produk (nama TEXT)")
    connection.commit()
    connection.close()
    with pytest.raises(InputError) as caught:
        read_uptime(db)
    assert caught.value.key == "uptime.db_not_kuma"
    assert caught.value.found == "produk"


def test_db_that_is_not_sqlite(tmp_path):
    db = tmp_path / "kuma.db"
    db.write_text("time,status\n")
    with pytest.raises(InputError) as caught:
        read_uptime(db)
    assert caught.value.key == "uptime.not_sqlite"


def test_damaged_database(tmp_path):
    db = make_kuma(tmp_path / "kuma.db")
    data = db.read_bytes()
    db.write_bytes(data[:100] + b"\xff" * (len(data) - 100))
    with pytest.raises(InputError) as caught:
        read_uptime(db)
    assert caught.value.key == "uptime.db_damaged"


# --- fuzzing: any input gives an UptimeLog or InputError ----------------------

FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def read_or_input_error(path, **options):
    """Read a log and work out its figures; only InputError may stop it."""
    try:
        log = read_uptime(path, **options)
    except InputError:
        return
    assert isinstance(log, UptimeLog)
    summary = uptime_summary(intervals(log))
    assert summary["incidents"] >= 0


@FUZZ
@given(data=st.binary(max_size=400))
def test_any_bytes_as_a_csv(tmp_path, data):
    path = tmp_path / "log.csv"
    path.write_bytes(data)
    read_or_input_error(path)


@FUZZ
@given(data=st.binary(max_size=400), magic=st.booleans())
def test_any_bytes_as_a_db(tmp_path, data, magic):
    path = tmp_path / "kuma.db"
    path.write_bytes((SQLITE_MAGIC if magic else b"") + data)
    read_or_input_error(path)


@FUZZ
@given(data=st.binary(max_size=2000), start=st.integers(0, 8000))
def test_damaged_bytes_inside_a_real_db(tmp_path, data, start):
    path = make_kuma(tmp_path / "kuma.db")
    whole = path.read_bytes()
    path.write_bytes(whole[:start] + data + whole[start + len(data) :])
    read_or_input_error(path)


SQL_VALUES = st.one_of(
    st.none(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.binary(max_size=10),
    st.sampled_from(["2026-12-03 07:00:00", "2026-12-03 07:00:00.123"]),
)


@FUZZ
@given(beats=st.lists(st.tuples(*[SQL_VALUES] * 5), max_size=6))
def test_any_heartbeat_values(tmp_path, beats):
    # Reaches the value checks, which random bytes never do. SQLite
    # keeps any type in any column, so Kuma's tables can hold anything.
    path = make_kuma(tmp_path / "kuma.db", beats=beats, loose=True)
    read_or_input_error(path)


@FUZZ
@given(
    header=st.sampled_from(
        [
            "time,url,status,up,response_ms,reason",
            "Event,Monitor,Monitor URL,Date-Time,Reason,Duration,"
            "Duration (in mins.)",
            "timestamp,status,response_ms,monitor",
            "time,event,duration (s)",
        ]
    ),
    rows=st.lists(st.lists(st.text(max_size=25), max_size=7), max_size=5),
)
def test_any_cells_under_a_known_header(tmp_path, header, rows):
    path = tmp_path / "log.csv"
    body = "\n".join(
        ",".join('"' + cell.replace('"', '""') + '"' for cell in row)
        for row in rows
    )
    path.write_text(header + "\n" + body, encoding="utf-8")
    read_or_input_error(path)


@FUZZ
@given(written=st.text(max_size=40))
def test_parse_time_any_text(written):
    try:
        found = parse_time(written)
    except ValueError:
        return
    assert str(found.tz) == "Asia/Jakarta"


@FUZZ
@given(backup=st.binary(max_size=300))
def test_any_bytes_as_a_backup(tmp_path, backup):
    db = tmp_path / "kuma.db"
    if not db.exists():
        make_kuma(db)
    path = tmp_path / "backup.json"
    path.write_bytes(backup)
    read_or_input_error(db, backup=path)


def test_backup_json_types(tmp_path):
    db = make_kuma(tmp_path / "kuma.db")
    path = tmp_path / "backup.json"
    path.write_text(json.dumps({"monitorList": [1, {"id": "1"}, None]}))
    assert read_uptime(db, backup=path).monitors == ["Oleh-oleh", "Toko Kue"]


def test_the_sample_log_keeps_its_response_times():
    # Counted with the csv module: every row with a respons_ms cell.
    path = ROOT / "data" / "contoh" / "uptime" / "pemantauan.csv"
    with open(path, encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    timed = [float(row["respons_ms"]) for row in rows if row["respons_ms"]]

    log = read_uptime(path)

    assert log.checks["response_ms"].notna().sum() == len(timed)
    assert log.checks["response_ms"].sum() == pytest.approx(sum(timed))
