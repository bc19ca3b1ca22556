"""The uptime monitor against local servers on 127.0.0.1 only.

A plain HTTP server runs in a thread and answers 200, or 503, or is
stopped and started again on the same port, on cue from the test's fake
``sleep``. TLS servers use certificates from trustme. No test reaches any
other address; the DNS failure is made by replacing ``getaddrinfo``.
"""

import csv
import math
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import trustme
from hypothesis import given, settings
from hypothesis import strategies as st

from kitpaths import ROOT
from tokolab.cli import main
from tokolab.errors import InputError
from tokolab.monitor import (
    HEADER,
    WIB,
    Check,
    check_url,
    describe_check,
    describe_reason,
    format_line,
    monitor,
    open_log,
    write_line,
)
from tokolab.uptime import read_uptime
from tokolab.uptimestats import intervals, uptime_summary

# One line of the log as the format allows it (tokolab.monitor's docstring).
LOG_LINE = re.compile(
    r"20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00,"
    r"http://127\.0\.0\.1:\d+/,"
    r"(?:[1-5]\d\d,1,\d+,|[1-5]\d\d,0,\d+,http_status|,0,,[a-z_]+)"
)


class Site:
    """A local HTTP server that answers ``status`` and can go away.

    ``stop()`` closes the listening socket, so a connection is refused;
    ``start()`` listens on the same port again.
    """

    def __init__(self, tls_context=None):
        self.status = 200
        self.delay = 0.0
        self.stall_body = False
        self.tls_context = tls_context
        self.port = 0
        self.server = None
        self.start()

    @property
    def url(self):
        scheme = "https" if self.tls_context else "http"
        return f"{scheme}://127.0.0.1:{self.port}/"

    def start(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                time.sleep(site.delay)
                body = b"toko contoh\n"
                self.send_response(site.status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if site.stall_body:
                    # Half the body, then nothing for a second.
                    self.wfile.write(body[:5])
                    self.wfile.flush()
                    time.sleep(1)
                self.wfile.write(body)

            def log_message(self, *arguments):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.server.daemon_threads = True
        if self.tls_context is not None:
            self.server.socket = self.tls_context.wrap_socket(
                self.server.socket, server_side=True
            )
        self.port = self.server.server_address[1]
        # A short poll keeps stop() quick.
        threading.Thread(
            target=self.server.serve_forever, args=(0.02,), daemon=True
        ).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site():
    running = Site()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def authority():
    """A certificate authority of the tests' own, unknown to anyone else."""
    return trustme.CA()


@pytest.fixture(scope="module")
def authority_bundle(authority, tmp_path_factory):
    """The authority's certificate as a file, for ``verify=``."""
    path = tmp_path_factory.mktemp("ca") / "ca.pem"
    authority.cert_pem.write_to_path(str(path))
    return str(path)


def tls_site(certificate):
    """A Site speaking HTTPS with the trustme ``certificate``."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    certificate.configure_cert(context)
    return Site(tls_context=context)


def free_port():
    """A port on 127.0.0.1 where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class FakeTime:
    """A clock that moves only when the monitor sleeps.

    Starts at 2026-12-03 07:00:00 UTC, which is 14:00:00 WIB (UTC+7).
    ``cues`` maps the number of sleeps done so far to a function run just
    after that sleep: the site goes down or comes back on cue.
    """

    def __init__(self, cues=None):
        self.now = datetime(2026, 12, 3, 7, 0, 0, tzinfo=UTC)
        self.sleeps = []
        self.cues = cues or {}

    def clock(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += timedelta(seconds=seconds)
        cue = self.cues.get(len(self.sleeps))
        if cue is not None:
            cue()


def log_rows(path):
    """The log's rows as dictionaries, read with the csv module."""
    with open(path, newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def copy_fixture(fixtures, name, tmp_path):
    """A copy of a monitor fixture to append to; the original stays."""
    return Path(shutil.copy(fixtures / "monitor" / name, tmp_path / name))


# check_url ------------------------------------------------------------------


def test_check_url_up(site):
    clock = FakeTime().clock
    check = check_url(site.url, timeout=5, clock=clock)

    assert check.up is True
    assert check.status == 200
    assert check.reason == ""
    assert isinstance(check.response_ms, int)
    assert 0 <= check.response_ms < 5000
    # 07:00:00 UTC is 14:00:00 WIB.
    assert check.time.isoformat() == "2026-12-03T14:00:00+07:00"


def test_check_url_times_the_whole_answer(site):
    site.delay = 0.3
    check = check_url(site.url, timeout=5)

    # The server waits 300 ms before answering.
    assert check.up is True
    assert 300 <= check.response_ms < 3000


@pytest.mark.parametrize("status", [400, 404, 500, 503])
def test_check_url_error_status_is_down(site, status):
    site.status = status
    check = check_url(site.url, timeout=5)

    assert check.up is False
    assert check.status == status
    assert check.reason == "http_status"
    assert check.response_ms is not None


def test_check_url_below_400_is_up(site):
    # 204 No Content and 304 Not Modified are answers of a working site.
    for status in (204, 304):
        site.status = status
        assert check_url(site.url, timeout=5).up is True


def test_check_url_refused():
    url = f"http://127.0.0.1:{free_port()}/"
    check = check_url(url, timeout=5)

    assert check == Check(
        check.time, url, False, None, None, "connection_refused"
    )


def test_check_url_timeout():
    # A socket that listens but never answers: the kernel completes the
    # connection, then nothing is ever sent back.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(5)
        port = silent.getsockname()[1]
        started = time.perf_counter()
        check = check_url(f"http://127.0.0.1:{port}/", timeout=0.3)
        waited = time.perf_counter() - started

    assert (check.up, check.status, check.reason) == (False, None, "timeout")
    assert check.response_ms is None
    assert waited < 5


def test_check_url_timeout_in_the_body(site):
    # The status line and headers come at once, the body stops half way.
    site.stall_body = True
    check = check_url(site.url, timeout=0.3)

    assert (check.up, check.status, check.reason) == (False, None, "timeout")


def test_check_url_dns(monkeypatch):
    # The name does not resolve; no resolver is asked.
    def no_such_name(*arguments, **keywords):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_name)
    check = check_url("http://toko-yang-tidak-ada.invalid/", timeout=5)

    assert (check.up, check.status, check.reason) == (False, None, "dns")


@pytest.mark.parametrize("url", ["tokoku.id", "ftp://tokoku.id/", "https://"])
def test_check_url_refuses_what_is_not_a_web_address(url):
    with pytest.raises(InputError) as raised:
        check_url(url)

    assert raised.value.key == "monitor.bad_url"
    assert str(raised.value) == (
        f"Alamat '{url}' tidak bisa diperiksa. Tulis alamat lengkap dengan "
        "http:// atau https://, misalnya https://tokoku.id/"
    )


# TLS ------------------------------------------------------------------------


def test_tls_valid_certificate_is_up(authority, authority_bundle):
    server = tls_site(authority.issue_cert("127.0.0.1"))
    try:
        check = check_url(server.url, timeout=5, verify=authority_bundle)
    finally:
        server.stop()

    assert (check.up, check.status, check.reason) == (True, 200, "")


def test_tls_unknown_authority_is_down(authority):
    # verify=True trusts only the usual authorities, not the tests' own,
    # which is what a self-made certificate looks like to a visitor.
    server = tls_site(authority.issue_cert("127.0.0.1"))
    try:
        check = check_url(server.url, timeout=5)
    finally:
        server.stop()

    assert (check.up, check.status) == (False, None)
    assert check.reason == "tls_certificate"


def test_tls_self_signed_is_down(tmp_path):
    # A certificate that vouches for itself: a fresh authority's own.
    own = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    pem = tmp_path / "self-signed.pem"
    pem.write_bytes(own.private_key_pem.bytes() + own.cert_pem.bytes())
    context.load_cert_chain(str(pem))
    server = Site(tls_context=context)
    try:
        check = check_url(server.url, timeout=5)
    finally:
        server.stop()

    assert (check.up, check.reason) == (False, "tls_certificate")


def test_tls_wrong_hostname_is_down(authority, authority_bundle):
    # A valid certificate, made out for another site.
    server = tls_site(authority.issue_cert("tokoku.example"))
    try:
        check = check_url(server.url, timeout=5, verify=authority_bundle)
    finally:
        server.stop()

    assert (check.up, check.status) == (False, None)
    assert check.reason == "tls_hostname"


def test_tls_expired_is_down(authority, authority_bundle):
    # Valid through 2021 only.
    expired = authority.issue_cert(
        "127.0.0.1",
        not_before=datetime(2020, 1, 1, tzinfo=UTC),
        not_after=datetime(2021, 1, 1, tzinfo=UTC),
    )
    server = tls_site(expired)
    try:
        check = check_url(server.url, timeout=5, verify=authority_bundle)
    finally:
        server.stop()

    assert (check.up, check.status) == (False, None)
    assert check.reason == "tls_certificate"


def test_tls_to_a_plain_http_server_is_tls_other(site):
    # https:// to a server that speaks only plain HTTP: no handshake.
    check = check_url(site.url.replace("http:", "https:"), timeout=5)

    assert (check.up, check.status, check.reason) == (False, None, "tls_other")


# monitor --------------------------------------------------------------------


def test_monitor_follows_the_site_down_and_back(site, tmp_path):
    log = tmp_path / "uptime.csv"
    # After the 1st sleep the site answers 503; after the 2nd it is
    # stopped; after the 3rd it is back, answering 200.
    back = {"status": 200}

    def down_503():
        site.status = 503

    def stopped():
        site.stop()

    def restarted():
        site.status = back["status"]
        site.start()

    fake = FakeTime({1: down_503, 2: stopped, 3: restarted})
    seen = []
    run = monitor(
        site.url,
        log,
        every=60,
        count=4,
        sleep=fake.sleep,
        clock=fake.clock,
        on_check=seen.append,
    )

    # Four checks, a minute apart from 14:00:00 WIB; no sleep after the
    # last one.
    assert run.checks == 4 and run.stopped is False
    assert fake.sleeps == [60, 60, 60]
    rows = log_rows(log)
    assert [row["time"] for row in rows] == [
        "2026-12-03T14:00:00+07:00",
        "2026-12-03T14:01:00+07:00",
        "2026-12-03T14:02:00+07:00",
        "2026-12-03T14:03:00+07:00",
    ]
    assert [(row["status"], row["up"], row["reason"]) for row in rows] == [
        ("200", "1", ""),
        ("503", "0", "http_status"),
        ("", "0", "connection_refused"),
        ("200", "1", ""),
    ]
    assert rows[2]["response_ms"] == ""
    assert all(row["response_ms"].isdigit() for row in rows[:2] + rows[3:])
    assert [check.up for check in seen] == [True, False, False, True]


def test_monitor_writes_the_header_once_and_nothing_else(site, tmp_path):
    log = tmp_path / "uptime.csv"
    fake = FakeTime()
    monitor(site.url, log, count=2, sleep=fake.sleep, clock=fake.clock)

    lines = log.read_text("utf-8").split("\n")

    # Header, two checks, and the final line end.
    assert lines[0] == "time,url,status,up,response_ms,reason"
    assert len(lines) == 4 and lines[3] == ""
    assert all(LOG_LINE.fullmatch(line) for line in lines[1:3])


def test_monitor_starts_an_empty_file_with_the_header(site, tmp_path):
    log = tmp_path / "uptime.csv"
    log.write_bytes(b"")
    fake = FakeTime()
    monitor(site.url, log, count=1, sleep=fake.sleep, clock=fake.clock)

    assert log.read_text("utf-8").startswith(HEADER + "\n2026-12-03T14:00:00")


def test_monitor_leaves_earlier_lines_byte_for_byte(site, tmp_path, fixtures):
    log = copy_fixture(fixtures, "monitor_log.csv", tmp_path)
    before = log.read_bytes()
    fake = FakeTime()
    monitor(site.url, log, count=3, sleep=fake.sleep, clock=fake.clock)
    after = log.read_bytes()

    # The fixture's header and three lines, then three new lines: no
    # second header.
    assert after.startswith(before)
    added = after[len(before) :].decode("utf-8").splitlines()
    assert len(added) == 3
    assert all(LOG_LINE.fullmatch(line) for line in added)
    assert after.count(HEADER.encode()) == 1


def test_monitor_starts_a_new_line_after_one_cut_short(
    site, tmp_path, fixtures
):
    log = copy_fixture(fixtures, "monitor_log_cut_short.csv", tmp_path)
    before = log.read_bytes()
    fake = FakeTime()
    monitor(site.url, log, count=1, sleep=fake.sleep, clock=fake.clock)
    after = log.read_bytes()

    # The cut line stays as it was; the check gets a line of its own.
    assert after.startswith(before)
    lines = after.decode("utf-8").splitlines()
    assert lines[2] == "2026-12-03T14:01:00+07:00,https://tokoku.exa"
    assert lines[3].startswith("2026-12-03T14:00:00+07:00,http://127.0.0.1:")


def test_monitor_refuses_a_foreign_csv_untouched(site, tmp_path, fixtures):
    name = "monitor_log_foreign_uptimerobot.csv"
    log = copy_fixture(fixtures, name, tmp_path)
    before = log.read_bytes()
    checked = []

    with pytest.raises(InputError) as raised:
        monitor(site.url, log, count=1, on_check=checked.append)

    assert log.read_bytes() == before
    assert checked == []
    assert raised.value.key == "monitor.not_our_log"
    assert raised.value.row == 1
    assert str(raised.value) == (
        f"Berkas {log} bukan catatan pemantauan tokolab, jadi tidak ditambah "
        "apa pun. Baris 1 seharusnya berisi judul kolom "
        "time,url,status,up,response_ms,reason, tetapi berisi: Event, "
        "Monitor, Monitor URL, Date-Time, Reason, Duration, Duration (in "
        "mins.). Pilih nama berkas baru untuk --log."
    )


def test_monitor_refuses_a_folder(site, tmp_path):
    with pytest.raises(InputError) as raised:
        monitor(site.url, tmp_path, count=1)

    assert raised.value.key == "common.is_folder"


def test_monitor_says_when_the_folder_is_missing(site, tmp_path):
    log = tmp_path / "belum-ada" / "uptime.csv"
    with pytest.raises(InputError) as raised:
        monitor(site.url, log, count=1)

    assert str(raised.value) == (
        f"Berkas {log} tidak bisa dibuka (folder {log.parent} tidak ada)."
    )
    assert not log.parent.exists()


@pytest.mark.parametrize(
    "keywords, key",
    [
        ({"every": 0}, "monitor.every_too_small"),
        ({"every": 0.5}, "monitor.every_too_small"),
        ({"count": 0}, "monitor.count_too_small"),
    ],
)
def test_monitor_refuses_bad_settings_before_the_log(
    site, tmp_path, keywords, key
):
    log = tmp_path / "uptime.csv"
    with pytest.raises(InputError) as raised:
        monitor(site.url, log, **keywords)

    assert raised.value.key == key
    assert not log.exists()


def test_monitor_waits_what_is_left_of_the_interval(site, tmp_path):
    # Each check takes 20 s on this clock, so the wait is 60 - 20 = 40 s;
    # a clock that jumps back never makes the wait longer than 60 s.
    fake = FakeTime()
    moves = iter([0, 20, 0, -3600, 0])

    def clock():
        fake.now += timedelta(seconds=next(moves))
        return fake.now

    monitor(
        site.url,
        tmp_path / "uptime.csv",
        every=60,
        count=3,
        sleep=fake.sleep,
        clock=clock,
    )

    assert fake.sleeps == [40, 60]


def test_monitor_stopped_by_ctrl_c_keeps_what_it_wrote(site, tmp_path):
    log = tmp_path / "uptime.csv"
    fake = FakeTime()

    def interrupt():
        raise KeyboardInterrupt

    fake.cues = {2: interrupt}
    run = monitor(site.url, log, sleep=fake.sleep, clock=fake.clock)

    # Interrupted in the second wait: two checks written, then stopped.
    assert (run.checks, run.stopped) == (2, True)
    assert len(log_rows(log)) == 2


# the log read back -----------------------------------------------------------


def test_the_log_reads_back_after_a_stop_mid_write_and_a_restart(
    site, tmp_path
):
    log = tmp_path / "uptime.csv"

    # First run: 14:00:00 and 14:01:00 WIB, both up.
    fake = FakeTime()
    monitor(site.url, log, count=2, sleep=fake.sleep, clock=fake.clock)

    # Power lost mid-write: half a line, no line end.
    with open(log, "ab") as stream:
        stream.write(b"2026-12-03T14:02:00+07:00,http://127.0.0.1:")

    # Second run an hour after the first began, the site answering 503:
    # 15:00:00 and 15:01:00 WIB.
    site.status = 503
    later = FakeTime()
    later.now += timedelta(hours=1)
    monitor(site.url, log, count=2, sleep=later.sleep, clock=later.clock)

    # Header row 1, checks rows 2-3, the cut line row 4, checks rows 5-6.
    read = read_uptime(log)
    assert read.format == "tokolab"
    assert read.checks["time"].dt.strftime("%H:%M:%S").tolist() == [
        "14:00:00",
        "14:01:00",
        "15:00:00",
        "15:01:00",
    ]
    assert read.checks["up"].tolist() == [True, True, False, False]
    assert read.checks["status"].tolist() == ["200", "200", "503", "503"]
    assert read.checks["reason"].tolist() == [
        "",
        "",
        "http_status",
        "http_status",
    ]
    assert len(read.notes) == 1 and f"{log}, baris 4:" in read.notes[0]


def test_a_log_stopped_before_its_first_check_reads_back(site, tmp_path):
    log = tmp_path / "uptime.csv"

    def interrupt():
        raise KeyboardInterrupt

    fake = FakeTime()
    run = monitor(
        site.url, log, sleep=fake.sleep, clock=fake.clock, on_start=interrupt
    )

    # Only the header is on disk: no check, so nothing is known yet.
    assert (run.checks, run.stopped) == (0, True)
    assert log.read_text("utf-8") == HEADER + "\n"
    read = read_uptime(log)
    assert read.checks.empty
    summary = uptime_summary(intervals(read))
    assert math.isnan(summary["uptime_pct"])
    assert summary["incidents"] == 0


# the line on the screen -----------------------------------------------------


# 14:00:00 WIB, the time of a check as check_url gives it.
AT_TWO = datetime(2026, 12, 3, 14, 0, 0, tzinfo=WIB)


@pytest.mark.parametrize(
    "check, line",
    [
        (
            Check(AT_TWO, "u", True, 200, 1234, ""),
            "2026-12-03 14:00:00  hidup  status 200, 1.234 ms",
        ),
        (
            Check(
                AT_TWO,
                "u",
                False,
                503,
                41,
                "http_status",
            ),
            "2026-12-03 14:00:00  MATI   status 503, 41 ms: situs menjawab "
            "dengan kode kesalahan (error)",
        ),
        (
            Check(
                AT_TWO,
                "u",
                False,
                None,
                None,
                "connection_refused",
            ),
            "2026-12-03 14:00:00  MATI   server menolak sambungan; mungkin "
            "servernya mati",
        ),
    ],
)
def test_describe_check(check, line):
    assert describe_check(check) == line


@pytest.mark.parametrize(
    "reason, status, sentence",
    [
        # The code is named when it is one.
        (
            "http_status",
            "503",
            "situs menjawab dengan kode kesalahan (error) 503",
        ),
        (
            "http_status",
            404,
            "situs menjawab dengan kode kesalahan (error) 404",
        ),
        # Without a code, the plain sentence.
        ("http_status", None, "situs menjawab dengan kode kesalahan (error)"),
        ("http_status", "0", "situs menjawab dengan kode kesalahan (error)"),
        ("no_answer", "0", "situs tidak menjawab sama sekali"),
        ("timeout", None, "situs tidak menjawab dalam batas waktu"),
        # Another tool's own words stay as they are; up has no reason.
        ("Connection Timeout", None, "Connection Timeout"),
        ("", None, ""),
    ],
)
def test_describe_reason(reason, status, sentence):
    assert describe_reason(reason, status) == sentence


def test_format_line_quotes_a_url_with_a_comma():
    check = Check(
        AT_TWO,
        "https://tokoku.example/cari?q=kripik,pedas",
        True,
        200,
        90,
        "",
    )
    line = format_line(check)

    assert line == (
        "2026-12-03T14:00:00+07:00,"
        '"https://tokoku.example/cari?q=kripik,pedas",200,1,90,\n'
    )
    assert next(csv.reader([line]))[1] == check.url


# the log, fuzzed ------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    st.binary(max_size=300)
    | st.binary(max_size=100).map(lambda tail: HEADER.encode() + tail)
)
def test_any_existing_file_is_appended_to_or_refused_untouched(content):
    line = "2026-12-03T14:00:00+07:00,http://127.0.0.1:1/,200,1,5,\n"
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "uptime.csv"
        log.write_bytes(content)
        try:
            descriptor = open_log(log)
        except InputError as error:
            assert error.key == "monitor.not_our_log"
            assert log.read_bytes() == content
            return
        try:
            write_line(descriptor, line)
        finally:
            os.close(descriptor)
        after = log.read_bytes()

    # Accepted: what was there stays, the new line is whole on its own.
    assert after.startswith(content)
    assert after.endswith(b"\n" + line.encode())
    assert content == b"" or content.split(b"\n")[0].rstrip(b"\r") == (
        HEADER.encode()
    )


# the command line -----------------------------------------------------------


def test_cli_uptime_prints_one_line_per_check(site, tmp_path, capsys):
    log = tmp_path / "uptime.csv"
    status = main(["uptime", site.url, "--log", str(log), "--count", "1"])
    out = capsys.readouterr().out.splitlines()

    assert status == 0
    assert out[0] == (
        f"Memeriksa {site.url} setiap 60 detik. Catatan ditulis ke {log}. "
        "Tekan Ctrl+C untuk berhenti."
    )
    assert re.fullmatch(
        r"20\d\d-\d\d-\d\d \d\d:\d\d:\d\d  hidup  status 200, [\d.]+ ms", out[1]
    )
    assert out[2] == f"Selesai: 1 pemeriksaan tersimpan di {log}."
    assert len(log_rows(log)) == 1


@pytest.mark.parametrize("flag", ["--every", "--count"])
@pytest.mark.parametrize("value", ["0", "-5", "1.5", "sekali"])
def test_cli_uptime_refuses_a_bad_number(tmp_path, capsys, flag, value):
    log = tmp_path / "uptime.csv"
    with pytest.raises(SystemExit) as exited:
        main(["uptime", "http://127.0.0.1:1/", "--log", str(log), flag, value])

    assert exited.value.code == 2
    assert f"harus bilangan bulat 1 atau lebih, bukan '{value}'" in (
        capsys.readouterr().err
    )
    assert not log.exists()


def test_cli_uptime_foreign_log_is_one_sentence(
    site, tmp_path, capsys, fixtures
):
    log = copy_fixture(
        fixtures, "monitor_log_foreign_uptimerobot.csv", tmp_path
    )
    status = main(["uptime", site.url, "--log", str(log), "--count", "1"])
    printed = capsys.readouterr()

    assert status == 1
    assert printed.out == ""
    assert printed.err.startswith(f"Berkas {log} bukan catatan pemantauan")


def test_cli_uptime_stopped_by_sigint_leaves_a_readable_log(site, tmp_path):
    log = tmp_path / "uptime.csv"
    # Slow answers, so the interrupt may land inside a check as well as in
    # a wait.
    site.delay = 0.2
    command = [
        sys.executable,
        "-m",
        "tokolab.cli",
        "uptime",
        site.url,
        "--log",
        str(log),
        "--every",
        "1",
    ]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TOKOLAB_LANG": "id"},
    )
    try:
        # Wait for three checks on disk, then press Ctrl+C.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if log.exists() and log.read_bytes().count(b"\n") >= 4:
                break
            time.sleep(0.05)
        time.sleep(0.1)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

    assert process.returncode == 130
    content = log.read_text("utf-8")
    lines = content.split("\n")
    assert content.endswith("\n")
    assert lines[0] == HEADER
    assert len(lines) - 2 >= 3
    assert all(LOG_LINE.fullmatch(line) for line in lines[1:-1])
    checks = len(lines) - 2
    assert err.strip() == (
        f"Pemantauan dihentikan. {checks} pemeriksaan sudah tersimpan di "
        f"{log}; catatannya utuh dan bisa dibaca."
    )
    assert "Traceback" not in err
    # Ctrl+C may land between a check's line on disk and on the screen.
    assert out.count(" hidup ") in (checks - 1, checks)
