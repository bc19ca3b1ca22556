"""Benchmark: a year of 1-minute uptime checks, from CSV to the statistics.

Writes one year of checks every minute (525,600 rows, synthetic and seeded)
in the kit's own monitor-log format to a temporary folder, then times, in
the same run:

(a) plain ``pandas.read_csv`` of the file, and
(b) reading it with :func:`tokolab.uptime.read_uptime` into a checks
    frame and computing every statistic of :mod:`tokolab.uptimestats`
    (intervals, summary, incidents, uptime per day, week and month,
    response times overall and per day, SLA table).

(b) is also shown in its two parts, reading and statistics, timed apart.
(c), for information only, times the same checks written as a generic
checks CSV (``waktu,status,respons_ms``, as the sample data), which the
reader reads the careful way, cell by cell.

(a) and (b) run in turn, ``REPEATS`` pairs; the ratio is the median of
the pairs' ratios, so a slow spell of a shared machine hits both sides.
Times shown are the fastest of each. Target (issue 4,
section 5): (b) at most 2 x (a), and under one second. The script exits
with status 1 when the target is missed. Run with ``make bench``.
"""

import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from tokolab import uptimestats
from tokolab.uptime import read_uptime

ROWS = 365 * 24 * 60
REPEATS = 5
SEED = 4
MAX_RATIO = 2.0
MAX_SECONDS = 1.0
URL = "https://toko-contoh.example/"


def write_monitor_log(path, rows=ROWS, seed=SEED):
    """Write a synthetic year of 1-minute checks as the kit's monitor log.

    Header ``time,url,status,up,response_ms,reason``; times ISO 8601 in WIB
    with ``+07:00``. About one check in 10,000 starts an outage of 1-30
    minutes: HTTP 503 or a timeout (no status, no response time).
    """
    rng = np.random.default_rng(seed)

    # Minutes of 2025 in WIB, written as local time with the offset.
    local = np.datetime64("2025-01-01T00:00:00") + np.arange(rows).astype(
        "timedelta64[m]"
    )
    written = np.char.add(np.datetime_as_string(local, unit="s"), "+07:00")

    # Outages: a start now and then, each lasting a few minutes.
    down = np.zeros(rows, dtype=bool)
    for start in np.flatnonzero(rng.random(rows) < 0.0001):
        down[start : start + rng.integers(1, 31)] = True
    timeout = down & (rng.random(rows) < 0.3)

    # Response times: a few hundred milliseconds, slower now and then.
    response = rng.lognormal(np.log(250), 0.4, rows).round().astype(int)
    table = pd.DataFrame(
        {
            "time": written,
            "url": URL,
            "status": np.where(timeout, "", np.where(down, "503", "200")),
            "up": (~down).astype(int),
            "response_ms": np.where(timeout, "", response.astype(str)),
            "reason": np.where(
                timeout, "timeout", np.where(down, "http_status", "")
            ),
        }
    )
    table.to_csv(path, index=False)


def write_generic_checks(monitor_log, path):
    """The same checks as a generic checks CSV, as the sample data has it.

    Header ``waktu,status,respons_ms``; times without offset (WIB), the
    HTTP status (``0`` without an answer).
    """
    table = pd.read_csv(monitor_log, dtype=str, keep_default_na=False)
    generic = pd.DataFrame(
        {
            "waktu": table["time"].str[:19].str.replace("T", " "),
            "status": table["status"].replace("", "0"),
            "respons_ms": table["response_ms"],
        }
    )
    generic.to_csv(path, index=False)


def full_statistics(checks):
    """Every statistic of the uptime model, as a report would ask for it."""
    table = uptimestats.intervals(checks)
    summary = uptimestats.uptime_summary(table)
    sla = uptimestats.sla_table(summary)
    return {
        "intervals": table,
        "summary": summary,
        "incidents": uptimestats.incidents(table),
        "days": uptimestats.uptime_by_period(table, "D"),
        "weeks": uptimestats.uptime_by_period(table, "W"),
        "months": uptimestats.uptime_by_period(table, "M"),
        "response": uptimestats.response_times(checks),
        "response_days": uptimestats.response_times_by_day(checks),
        "sla": sla,
        "verdict": uptimestats.sla_verdict(sla),
    }


def timed(job):
    """Run ``job`` once after a garbage collection; seconds and result."""
    gc.collect()
    began = time.perf_counter()
    result = job()
    return time.perf_counter() - began, result


def paired(baseline, job, repeats=REPEATS):
    """Time ``baseline`` and ``job`` in turn, ``repeats`` times each.

    Running them in pairs lets a slow spell of the machine hit both, so
    the median of the per-pair ratios is steadier than a ratio of two
    separate bests. Returns the best time of each, that median ratio and
    the job's last result.
    """
    baseline_times, job_times, result = [], [], None
    for _ in range(repeats):
        baseline_times.append(timed(baseline)[0])
        seconds, result = timed(job)
        job_times.append(seconds)
    ratios = [b / a for a, b in zip(baseline_times, job_times, strict=True)]
    return (
        min(baseline_times),
        min(job_times),
        statistics.median(ratios),
        result,
    )


def fastest(job, repeats=REPEATS):
    """Best time [s] of ``repeats`` runs of ``job``, and its last result."""
    runs = [timed(job) for _ in range(repeats)]
    return min(seconds for seconds, _ in runs), runs[-1][1]


def main():
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "monitor-log.csv"
        write_monitor_log(path)
        size = path.stat().st_size

        # (a) plain pandas, (b) the kit from the same file to statistics.
        plain, kit, ratio, stats = paired(
            lambda: pd.read_csv(path),
            lambda: full_statistics(read_uptime(path).checks),
        )
        reading, log = fastest(lambda: read_uptime(path))
        computing, _ = fastest(lambda: full_statistics(log.checks))

        # (c) for information: the same checks as a generic checks CSV,
        # which takes the careful reading (no target for it).
        generic = Path(folder) / "checks.csv"
        write_generic_checks(path, generic)
        _, careful, careful_ratio, _ = paired(
            lambda: pd.read_csv(generic),
            lambda: full_statistics(read_uptime(generic).checks),
            repeats=2,
        )

    summary = stats["summary"]
    met = ratio <= MAX_RATIO and kit < MAX_SECONDS
    print(f"rows: {ROWS:,}  file: {size / 1e6:.1f} MB  runs: {REPEATS}")
    print(f"(a) pandas.read_csv:             {plain:.3f} s")
    print(f"(b) read_uptime + full stats:    {kit:.3f} s")
    print(f"    of which read_uptime:        {reading:.3f} s")
    print(f"    of which statistics:         {computing:.3f} s")
    print(
        f"ratio (b)/(a), median of {REPEATS} pairs: {ratio:.2f} "
        f"(target <= {MAX_RATIO:g})"
    )
    print(
        f"(c) generic checks CSV, read carefully + stats: {careful:.3f} s, "
        f"{careful_ratio:.2f} x its read_csv (information, no target)"
    )
    print(
        f"uptime {summary['uptime_pct']:.3f} %, coverage "
        f"{summary['coverage_pct']:.1f} %, incidents {summary['incidents']}"
    )
    print("target met" if met else "TARGET MISSED")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
