"""A small uptime monitor of the kit's own: check a URL, log every check.

``tokolab uptime URL --log FILE`` calls :func:`monitor`, which calls
:func:`check_url` every so many seconds and appends one line per check to
the log, the kit's own monitor-log format, which :mod:`tokolab.uptime`
reads back:

    time,url,status,up,response_ms,reason
    2026-12-03T14:00:05+07:00,https://tokoku.id/,200,1,183,
    2026-12-03T14:01:05+07:00,https://tokoku.id/,503,0,41,http_status
    2026-12-03T14:02:05+07:00,https://tokoku.id/,,0,,connection_refused

- CSV, UTF-8 without a byte-order mark, comma between fields, one line
  per check ending in ``\\n``; a URL holding a comma is quoted.
- ``time``: when the check started, ISO 8601 in WIB (Asia/Jakarta) with
  its offset, to the second.
- ``status``: the HTTP status code of the answer, empty when there was no
  answer.
- ``up``: ``1`` (the page answered below 400) or ``0``.
- ``response_ms``: whole milliseconds from sending the request to having
  the whole answer, empty when there was no answer.
- ``reason``: empty when up; otherwise one of :data:`REASONS`, a short
  English code that :func:`describe_reason` turns into a plain sentence.

The header is written only when the file is new or empty. Every line is
written with one call to a file opened for appending only, then flushed to
disk (``os.fsync``), so earlier lines are never rewritten and a monitor
stopped at any moment leaves a log whose every complete line reads back.
"""

import csv
import io
import logging
import os
import re
import ssl
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import requests
import urllib3.exceptions

from tokolab.errors import InputError
from tokolab.messages import format_number, text
from tokolab.tables import decode_bytes, header_cells

logger = logging.getLogger(__name__)

WIB = ZoneInfo("Asia/Jakarta")

COLUMNS = ("time", "url", "status", "up", "response_ms", "reason")

HEADER = ",".join(COLUMNS)

# Why a check is down; each code has a sentence "monitor.reason_<code>".
# The monitor writes all but "no_answer", which the log readers give a
# down check of another tool's log that has neither an answer nor a
# reason (tokolab.uptime).
REASONS = (
    "http_status",
    "no_answer",
    "timeout",
    "connection_refused",
    "dns",
    "tls_certificate",
    "tls_hostname",
    "tls_other",
    "connection_other",
)

# OpenSSL's verify codes that mean "this certificate is for another name":
# X509_V_ERR_HOSTNAME_MISMATCH and X509_V_ERR_IP_ADDRESS_MISMATCH.
_HOSTNAME_MISMATCH = {62, 64}

# Read and append, never truncate; O_BINARY keeps Windows from turning
# "\n" into "\r\n".
_APPEND_FLAGS = (
    os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0)
)

# How the monitor introduces itself to the shop's server.
USER_AGENT = "tokolab-uptime/0.1 (course kit monitor)"


@dataclass(frozen=True)
class Check:
    """One check of one URL.

    Attributes
    ----------
    time : datetime
        When the check started, in WIB, to the second.
    url : str
    up : bool
        True when the server answered with a status below 400.
    status : int or None
        The HTTP status code; None when there was no answer.
    response_ms : int or None [milliseconds]
        From sending the request to having the whole answer; None when
        there was no answer.
    reason : str
        ``""`` when up, else one of :data:`REASONS`.
    """

    time: datetime
    url: str
    up: bool
    status: int | None
    response_ms: int | None
    reason: str


@dataclass(frozen=True)
class MonitorRun:
    """What a run of :func:`monitor` did.

    Attributes
    ----------
    log : Path
    checks : int
        Lines appended to the log in this run.
    stopped : bool
        True when the run was interrupted (Ctrl+C) before its count.
    """

    log: Path
    checks: int
    stopped: bool


def wib_now():
    """The current time in WIB, the monitor's default clock."""
    return datetime.now(WIB)


def check_url(url, timeout=10, verify=True, clock=wib_now):
    """Fetch ``url`` once and say whether the site is up.

    Parameters
    ----------
    url : str
        ``http://`` or ``https://`` address.
    timeout : float [seconds]
        How long to wait for the connection, and then for each part of the
        answer, before the check counts as down (``timeout``).
    verify : bool or str
        As ``requests``: True checks the certificate against the usual
        authorities; a path to a CA bundle trusts that bundle instead.
    clock : callable
        Returns the current time as a timezone-aware datetime.

    Returns
    -------
    Check
        Down with a reason for an answer of 400 or more and for every
        network or TLS failure; network trouble never raises.

    Raises
    ------
    InputError
        When ``url`` is not an http(s) address (``monitor.bad_url``).
    """
    require_url(url)
    started = in_wib(clock())

    # Time the whole exchange, the answer's body included.
    start = time.perf_counter()
    try:
        response = requests.get(
            url,
            timeout=timeout,
            verify=verify,
            headers={"User-Agent": USER_AGENT},
        )
    except (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema):
        raise InputError(
            "monitor.bad_url", found=url, expected="https://tokoku.id/"
        ) from None
    except requests.exceptions.RequestException as error:
        reason = failure_reason(error)
        logger.info("%s is down (%s): %s", url, reason, error)
        return Check(started, url, False, None, None, reason)
    elapsed_ms = round((time.perf_counter() - start) * 1000)

    # An answer below 400 (after redirects) means the shop is open.
    up = response.status_code < 400
    reason = "" if up else "http_status"
    return Check(started, url, up, response.status_code, elapsed_ms, reason)


def require_url(url):
    """Raise ``monitor.bad_url`` unless ``url`` is an http(s) address."""
    parts = urlsplit(str(url))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(
            "monitor.bad_url", found=url, expected="https://tokoku.id/"
        )


def in_wib(moment):
    """``moment`` (timezone-aware) in WIB, to the second."""
    if moment.tzinfo is None:
        raise ValueError("the monitor's clock must give timezone-aware times")
    return moment.astimezone(WIB).replace(microsecond=0)


def failure_reason(error):
    """The reason code of a failed request, one of :data:`REASONS`.

    Parameters
    ----------
    error : requests.exceptions.RequestException

    Notes
    -----
    requests wraps urllib3's error, which wraps the socket's or the ssl
    module's; the code comes from the first error along that chain that
    says what happened (a certificate check, a name lookup, a refusal, a
    timeout), else ``connection_other``. A certificate made out for
    another name is ``tls_hostname``; any other certificate problem
    (unknown or self-signing authority, expired, not yet valid) is
    ``tls_certificate``.
    """
    causes = list(error_chain(error))

    # TLS first: requests reports some of them as plain connection errors.
    for cause in causes:
        if isinstance(cause, ssl.SSLCertVerificationError):
            if cause.verify_code in _HOSTNAME_MISMATCH:
                return "tls_hostname"
            return "tls_certificate"
    if any(isinstance(cause, ssl.SSLError) for cause in causes):
        return "tls_other"
    if isinstance(error, requests.exceptions.SSLError):
        return "tls_other"

    # Then the connection: a name that does not resolve, a closed port, a
    # server too slow to answer.
    for cause in causes:
        if isinstance(cause, urllib3.exceptions.NameResolutionError):
            return "dns"
        if isinstance(cause, ConnectionRefusedError):
            return "connection_refused"
    if isinstance(error, requests.exceptions.Timeout):
        return "timeout"
    # A body that stops coming reaches us as a connection error that
    # wraps urllib3's read timeout.
    timeouts = (TimeoutError, urllib3.exceptions.TimeoutError)
    if any(isinstance(cause, timeouts) for cause in causes):
        return "timeout"
    return "connection_other"


def error_chain(error):
    """``error`` and every error it wraps, outermost first, each once."""
    seen = set()
    waiting = [error]
    while waiting:
        current = waiting.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current

        # urllib3 keeps the cause in .reason, requests in .args, Python in
        # __cause__ and __context__.
        wrapped = [
            getattr(current, "reason", None),
            current.__cause__,
            current.__context__,
            *current.args,
        ]
        waiting.extend(w for w in wrapped if isinstance(w, BaseException))


def format_line(check):
    """The log line of ``check``, ending in ``\\n``."""
    row = [
        check.time.isoformat(),
        check.url,
        "" if check.status is None else str(check.status),
        "1" if check.up else "0",
        "" if check.response_ms is None else str(check.response_ms),
        check.reason,
    ]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(row)
    return buffer.getvalue()


def open_log(path):
    """Open the monitor log for appending; start it when new or empty.

    Parameters
    ----------
    path : str or Path

    Returns
    -------
    int
        A file descriptor opened for appending only; the caller closes it.

    Raises
    ------
    InputError
        When the file cannot be opened or created, or when it holds
        something other than a monitor log (``monitor.not_our_log``); that
        file is left exactly as it was.
    """
    path = Path(path)
    try:
        descriptor = os.open(path, _APPEND_FLAGS, 0o666)
    except FileNotFoundError:
        raise InputError(
            "common.cannot_open",
            path=str(path),
            reason=text("monitor.no_such_folder", folder=path.parent),
        ) from None
    except IsADirectoryError:
        raise InputError("common.is_folder", path=str(path)) from None
    except OSError as error:
        raise InputError(
            "common.cannot_open", path=str(path), reason=error.strerror
        ) from None

    try:
        size = os.fstat(descriptor).st_size

        # A new or empty file gets the header; any other must start with it.
        if size == 0:
            write_line(descriptor, HEADER + "\n")
            logger.info("started the monitor log %s", path)
        else:
            require_our_header(descriptor, path)
            # A last line cut short (power loss) stays as it is; the next
            # check starts on a line of its own.
            if read_at(descriptor, size - 1, 1) != b"\n":
                write_line(descriptor, "\n")
            logger.info("appending to the monitor log %s", path)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def require_our_header(descriptor, path):
    """Raise ``monitor.not_our_log`` unless the file starts with HEADER."""
    start = read_at(descriptor, 0, 4096)
    first_line = start.split(b"\n", 1)[0].rstrip(b"\r")
    if first_line == HEADER.encode("ascii"):
        return

    # Say what the file's first line holds, in its own words.
    try:
        found = ", ".join(header_cells(decode_bytes(first_line, path)[0]))
    except InputError:
        found = text("monitor.not_text")
    raise InputError(
        "monitor.not_our_log",
        path=str(path),
        row=1,
        expected=HEADER,
        found=found or text("monitor.blank_line"),
    )


def write_line(descriptor, line):
    """Append ``line`` in one write, then flush it to the disk."""
    os.write(descriptor, line.encode("utf-8"))
    os.fsync(descriptor)


def monitor(
    url,
    log,
    every=60,
    count=None,
    timeout=10,
    verify=True,
    sleep=time.sleep,
    clock=wib_now,
    on_start=None,
    on_check=None,
):
    """Check ``url`` every ``every`` seconds, one log line per check.

    Parameters
    ----------
    url : str
    log : str or Path
        The monitor log (format at the top of this module); created when
        missing, appended to when it is one already.
    every : float [seconds]
        Time from the start of one check to the start of the next; 1 or
        more. A check that takes longer delays the next one, never skips it.
    count : int, optional
        Stop after this many checks; without it, run until interrupted.
    timeout : float [seconds]
        Passed to :func:`check_url`.
    verify : bool or str
        Passed to :func:`check_url`.
    sleep : callable
        ``sleep(seconds)``; tests pass one that does not wait.
    clock : callable
        Returns the current time as a timezone-aware datetime.
    on_start : callable, optional
        Called with no arguments once the log is open, before the first
        check; the command line says there what it is doing.
    on_check : callable, optional
        Called with each :class:`Check` after its line is on disk; the
        command line prints :func:`describe_check` there.

    Returns
    -------
    MonitorRun
        ``stopped`` is True when Ctrl+C (KeyboardInterrupt) ended the run;
        the log then holds every check finished before it.

    Raises
    ------
    InputError
        For a URL that is not http(s), ``every`` below 1, ``count`` below 1,
        or a log that cannot be opened or is not a monitor log.
    """
    # Check everything the caller gave before touching the log.
    require_url(url)
    if not every >= 1:
        raise InputError("monitor.every_too_small", expected=1, found=every)
    if count is not None and not count >= 1:
        raise InputError("monitor.count_too_small", expected=1, found=count)
    log = Path(log)
    descriptor = open_log(log)
    logger.info("checking %s every %s s into %s", url, every, log)

    # Each check starts `every` seconds after the one before; the wait is
    # what is left of that after the check itself, never negative and
    # never longer than `every` even if the clock jumps.
    written = 0
    start = os.fstat(descriptor).st_size
    try:
        if on_start is not None:
            on_start()
        while count is None or written < count:
            check = check_url(url, timeout=timeout, verify=verify, clock=clock)
            write_line(descriptor, format_line(check))
            written += 1
            if on_check is not None:
                on_check(check)
            if count is not None and written >= count:
                break
            spent = (in_wib(clock()) - check.time).total_seconds()
            sleep(min(every, max(0.0, every - spent)))
    except KeyboardInterrupt:
        # Ctrl+C may land between a line's write and the count, so the
        # lines this run put on disk are counted there.
        written = lines_since(descriptor, start)
        logger.info("stopped after %d checks", written)
        return MonitorRun(log, written, stopped=True)
    finally:
        os.close(descriptor)
    return MonitorRun(log, written, stopped=False)


def lines_since(descriptor, offset):
    """How many lines the file holds after byte ``offset``."""
    size = os.fstat(descriptor).st_size
    return read_at(descriptor, offset, size - offset).count(b"\n")


def read_at(descriptor, offset, size):
    """Up to ``size`` bytes from byte ``offset`` (os.pread is Unix only).

    Moving the position is safe: the file is opened for appending, so
    every write goes to its end whatever the position.
    """
    os.lseek(descriptor, offset, os.SEEK_SET)
    chunks = []
    while size > 0:
        chunk = os.read(descriptor, size)
        if not chunk:
            break
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def describe_reason(reason, status=None):
    """The plain sentence for a reason code, in the language in use.

    Parameters
    ----------
    reason : str
        One of :data:`REASONS`; ``""`` (up) gives ``""``; any other text
        (another tool's own words) comes back as it is.
    status : str or int, optional
        The HTTP status code of the check, named in the sentence for
        ``http_status`` when it is one.
    """
    if not reason:
        return ""
    if reason not in REASONS:
        return reason
    code = str(status or "").strip()
    if reason == "http_status" and re.fullmatch(r"[1-5]\d\d", code):
        return text("monitor.reason_http_status_code", status=code)
    return text(f"monitor.reason_{reason}")


def describe_check(check):
    """One short line about ``check`` for the screen.

    Gives the time in WIB, ``hidup`` or ``MATI`` (up or down), the
    status and the response time, and for a check that is down, why.
    """
    fields = {
        "time": check.time.strftime("%Y-%m-%d %H:%M:%S"),
        "status": check.status,
        "ms": or_blank(check.response_ms),
        "reason": describe_reason(check.reason),
    }
    if check.up:
        return text("monitor.line_up", **fields)
    if check.status is not None:
        return text("monitor.line_down_status", **fields)
    return text("monitor.line_down", **fields)


def or_blank(milliseconds):
    """Milliseconds the reader's way, ``""`` when there are none."""
    if milliseconds is None:
        return ""
    return format_number(milliseconds)
