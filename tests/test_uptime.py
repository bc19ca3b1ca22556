"""Tests of the uptime log readers (tokolab.uptime)."""

import csv
import hashlib
import json
import math
import sqlite3
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from tokolab import InputError, set_language, uptime
from tokolab.uptime import (
    CHECK_COLUMNS,
    EVENT_COLUMNS,
    SQLITE_MAGIC,
    UptimeLog,
    parse_status,
    parse_time,
    read_uptime,
    read_uptime_kuma,
)

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
    log = read_uptime(fixtures / "uptime" / "tokolab_log_torn.csv")
    assert log.checks["response_ms"].tolist() == [231.0, 245.0]
    assert len(log.notes) == 1 and "baris 4" in log.notes[0]


def test_tokolab_log_header_only(tmp_path):
    path = tmp_path / "log.csv"
    path.write_text("time,url,status,up,response_ms,reason\n")
    log = read_uptime(path)
    assert log.checks.empty and list(log.checks.columns) == CHECK_COLUMNS
    assert log.monitors == []


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


def test_unknown_headers(tmp_path):
    path = tmp_path / "sales.csv"
    path.write_text("produk,harga\nkeripik,15000\n")
    with pytest.raises(InputError) as caught:
        read_uptime(path)
    assert caught.value.key == "uptime.unknown_headers"
    assert caught.value.found == "produk, harga"


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
    # Pending counts as up, as Kuma counts it.
    assert checks["up"].tolist() == [True, True, False, True]
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


def test_catalog_has_both_languages():
    from tokolab.messages import load_catalog

    entries = {k: v for k, v in load_catalog().items() if k.startswith("up")}
    assert entries
    for sentences in entries.values():
        assert sentences["id"] and sentences["en"]


# --- fuzzing: any input gives an UptimeLog or InputError ----------------------

FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def read_or_input_error(path, **options):
    try:
        assert isinstance(read_uptime(path, **options), UptimeLog)
    except InputError:
        pass


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
