"""The parts of a report: tables and charts in the reader's language.

The report notebooks in ``notebooks/laporan/`` call these functions, one per
cell, so each notebook stays a short list of what a report shows. Tables come
back with their numbers already written the reader's way (``85,3%``,
``Rp 3.730.000``) and their headers from the catalog; charts come back as
matplotlib figures that are not registered with pyplot, so a notebook shows
each one exactly once.
"""

from pathlib import Path

import numpy as np
import pandas as pd
from babel.dates import format_date as babel_format_date
from matplotlib.dates import num2date
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, PercentFormatter

from tokolab import uptimestats
from tokolab.classrecords import attendance_rate, quiz_summary
from tokolab.dates import format_date, format_date_range
from tokolab.errors import InputError
from tokolab.messages import (
    format_number,
    format_percent,
    get_language,
    or_dash,
    text,
)
from tokolab.monitor import describe_reason
from tokolab.progress import read_progress, solved_share
from tokolab.rupiah import format_rupiah
from tokolab.sample import SAMPLE_MARK
from tokolab.searchconsole import read_search_console
from tokolab.seo import ctr_curve
from tokolab.uptime import DEFAULT_TIMEZONE, find_uptime_log, read_uptime

# Short dates for table cells and chart axes: ``3 Okt 2023``.
SHORT_DATE = "d MMM y"

# A moment in an uptime table: ``3 Des 2026 18.44.02`` (WIB or the log's
# own zone).
MOMENT_TIME = "%H.%M.%S"

# How many incidents (and unwatched stretches) the report lists, the
# longest first.
INCIDENT_COUNT = 10

# Where a tutor collects the participants' kemajuan-*.csv files.
PROGRESS_FOLDER = "kemajuan"

# Indonesia's three time zones by their IANA names.
INDONESIAN_ZONES = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}

# Below this coverage [percent 0-100] the SLA table gets a warning: a
# score from a small part of the time says little about a month.
SLA_MIN_COVERAGE_PCT = 90

# Unwatched stretches at least this long are shaded on the daily uptime
# chart [minutes]; shorter ones would not show at a day's width anyway.
CHART_GAP_MINUTES = 60


def label(name):
    """A column or axis label from the catalog's ``report.label_*`` entries."""
    return text(f"report.label_{name}")


def show(table):
    """A table ready to display: no row numbers, words aligned left.

    Parameters
    ----------
    table : pandas.DataFrame

    Returns
    -------
    pandas.io.formats.style.Styler
    """
    words = [
        column
        for column in table.columns
        if table[column].map(lambda cell: isinstance(cell, str)).all()
        and not table[column].str.match(r"^[\d.,%Rp -]+$").all()
    ]
    styler = table.style.hide(axis="index")
    return styler.set_properties(subset=words, **{"text-align": "left"})


def data_source_sentence(data):
    """Which folder the class data came from, and whether it is the sample.

    The sample folder says so on the first line of its ``README.md``
    (:data:`tokolab.sample.SAMPLE_MARK`).
    """
    readme = Path(data) / "README.md"
    synthetic = readme.is_file() and readme.read_text(
        encoding="utf-8", errors="replace"
    ).startswith(SAMPLE_MARK)
    key = "report.data_source_sample" if synthetic else "report.data_source"
    return text(key, folder=data)


def session_heading(session):
    """The session's title line and when it ran, as Markdown.

    Parameters
    ----------
    session : tokolab.syllabus.Session
    """
    when = format_date(session.date)
    title = text(
        "report.session_title", number=session.number, title=session.title
    )
    return "\n\n".join(
        [
            f"# {title}",
            text(
                "report.session_when",
                date=when,
                start=session.start.strftime("%H.%M"),
                end=session.end.strftime("%H.%M"),
            ),
            "\n".join(f"- {objective}" for objective in session.objectives),
        ]
    )


def agenda_table(session):
    """The session's activities with their times, kind and minutes.

    Returns
    -------
    pandas.DataFrame
        One row per activity, then a row with the total minutes.
    """
    rows = [
        {
            label("time"): f"{activity.start:%H.%M}-{activity.end:%H.%M}",
            label("activity"): activity.title,
            label("kind"): text(f"report.kind_{activity.kind}"),
            label("minutes"): activity.minutes,
        }
        for activity in session.activities
    ]
    rows.append(
        {
            label("time"): "",
            label("activity"): label("total"),
            label("kind"): "",
            label("minutes"): session.minutes(),
        }
    )
    return pd.DataFrame(rows)


def minutes_sentence(session):
    """One sentence: minutes of theory and of practice, and their shares."""
    total = session.minutes()
    theory = session.minutes("teori")
    practice = session.minutes("praktik")
    return text(
        "report.minutes",
        theory=theory,
        practice=practice,
        total=total,
        theory_share=format_percent(theory / total, decimals=0),
        practice_share=format_percent(practice / total, decimals=0),
    )


def attendance_sentence(records, number):
    """How many participants came to session ``number``, as a sentence.

    Parameters
    ----------
    records : tokolab.classrecords.ClassRecords
    number : int
        Session number.
    """
    rows = records.attendance[records.attendance["session"] == number]
    if rows.empty:
        return text("report.attendance_missing", number=number)

    return text(
        "report.attendance",
        present=int(rows["present"].sum()),
        enrolled=len(rows),
        rate=format_percent(attendance_rate(records.attendance, number)),
    )


def quiz_table(records, number):
    """Pre- and post-quiz scores of session ``number`` side by side.

    Only participants with both scores are compared, so the two columns
    describe the same people.

    Returns
    -------
    pandas.DataFrame
        One row each for: participants compared, mean before, mean after,
        mean gain, participants who improved; the value written the
        reader's way beside each.
    """
    summary = quiz_summary(records.scores, number)
    if summary["n"] == 0:
        return pd.DataFrame()

    values = {
        label("quiz_pairs"): str(summary["n"]),
        label("quiz_pre_mean"): format_number(summary["pre_mean"], 1),
        label("quiz_post_mean"): format_number(summary["post_mean"], 1),
        label("quiz_gain_mean"): format_number(summary["gain_mean"], 1),
        label("quiz_improved"): text(
            "report.count_of",
            count=summary["n_improved"],
            total=summary["n"],
        ),
    }
    return pd.DataFrame(
        {label("measure"): list(values), label("value"): list(values.values())}
    )


def quiz_chart(records, number):
    """Each participant's pre and post score joined by a line.

    Returns
    -------
    matplotlib.figure.Figure or None
        None when the session has no pair of scores.
    """
    scores = records.scores[records.scores["session"] == number]
    paired = scores.pivot_table(
        index="code", columns="test", values="score"
    ).dropna()
    if paired.empty or not {"pre", "post"} <= set(paired.columns):
        return None

    figure = Figure(figsize=(5, 4), layout="constrained")
    axes = figure.subplots()
    for _, row in paired.iterrows():
        axes.plot([0, 1], [row["pre"], row["post"]], color="0.7", lw=0.8)
    axes.plot(
        [0, 1],
        [paired["pre"].mean(), paired["post"].mean()],
        color="C3",
        lw=3,
        marker="o",
        label=label("mean"),
    )
    axes.set_xticks([0, 1], [label("quiz_pre"), label("quiz_post")])
    axes.set_ylim(0, 100)
    axes.set_ylabel(label("score"))
    axes.set_title(text("report.quiz_chart_title", number=number))
    axes.legend(loc="lower right")
    return figure


def exercise_progress(data):
    """Read the exercise progress files kept in ``data/kemajuan``.

    Parameters
    ----------
    data : str or Path
        The class's data folder (laid out like ``data/contoh``).

    Returns
    -------
    pandas.DataFrame or None
        As :func:`tokolab.progress.read_progress` gives it; None when the
        folder is missing or holds no progress file.

    Raises
    ------
    InputError
        When the folder cannot be read.
    """
    folder = Path(data) / PROGRESS_FOLDER
    if not folder.is_dir():
        return None
    progress = read_progress(folder)
    if not progress.attrs["paths"]:
        return None
    return progress


def exercise_table(progress, session, participants=None):
    """How many of the class solved each exercise question of a session.

    Parameters
    ----------
    progress : pandas.DataFrame
        As :func:`exercise_progress` gives it.
    session : int
        Questions whose id starts ``sesi<session>.`` count.
    participants : int, optional
        The size of the class, such as 75 (see
        :func:`tokolab.progress.solved_share`).

    Returns
    -------
    pandas.DataFrame
        One row per question (its id without the session prefix): tried,
        solved and the share of the class that solved it, written the
        reader's way. Empty when no line is about this session.
    """
    prefix = f"sesi{session}."
    mine = progress[progress["question"].str.startswith(prefix)]
    if mine.empty:
        return pd.DataFrame()

    shares = solved_share(mine, participants)
    return pd.DataFrame(
        {
            label("question"): shares["question"].str.removeprefix(prefix),
            label("tried"): shares["tried"].map(format_number),
            label("solved"): shares["solved"].map(format_number),
            label("share_solved"): shares["share"].map(
                lambda share: or_dash(share, format_percent, 0)
            ),
        }
    )


def search_console_export(data):
    """Read the Search Console export kept in ``data/searchconsole``.

    That folder may hold the CSV files from the downloaded zip, the zip
    itself, or one folder with the CSV files in it (what Windows' "Extract
    All" makes).

    Returns
    -------
    tokolab.searchconsole.SearchConsoleExport or None
        None when the folder is missing or empty and no zip waits in
        ``data`` itself.

    Raises
    ------
    InputError
        When the folder holds several exports or nothing readable, or when
        the zip was left in ``data`` instead of ``data/searchconsole``.
    """
    data = Path(data)
    folder = data / "searchconsole"
    entries = (
        sorted(p for p in folder.iterdir() if not p.name.startswith("."))
        if folder.is_dir()
        else []
    )

    # Nothing there: a zip left one folder up is the likely mistake.
    if not entries:
        misplaced = sorted(p.name for p in data.glob("*.zip"))
        if misplaced:
            raise InputError(
                "report.search_misplaced",
                path=str(folder),
                found=", ".join(misplaced),
            )
        return None

    # The CSV files themselves, or exactly one zip or extracted folder.
    if any(p.suffix.lower() == ".csv" for p in entries):
        return read_search_console(folder)
    exports = [
        p
        for p in entries
        if p.suffix.lower() == ".zip" or (p.is_dir() and any(p.glob("*.csv")))
    ]
    if len(exports) != 1:
        raise InputError(
            "report.search_several" if exports else "report.search_unknown",
            path=str(folder),
            found=", ".join(p.name for p in (exports or entries)),
        )
    return read_search_console(exports[0])


def search_totals_table(export):
    """Site totals of a Search Console export, from its chart table.

    Parameters
    ----------
    export : tokolab.searchconsole.SearchConsoleExport

    Returns
    -------
    pandas.DataFrame
        Period, clicks, impressions, CTR and average position; empty when
        the export has no chart table or its chart has no rows. CTR and
        position are ``-`` when there were no impressions.
    """
    totals = export.totals()
    if totals is None or export.period is None:
        return pd.DataFrame()

    start, end = export.period
    values = {
        label("period"): f"{_short_date(start)} - {_short_date(end)}",
        label("clicks"): format_number(totals["clicks"]),
        label("impressions"): format_number(totals["impressions"]),
        label("ctr"): or_dash(totals["ctr"], format_percent, 2),
        label("position"): or_dash(totals["position"], format_number, 1),
    }
    return pd.DataFrame(
        {label("measure"): list(values), label("value"): list(values.values())}
    )


def top_queries_table(export, count=10):
    """The ``count`` queries with the most clicks, then impressions.

    Returns
    -------
    pandas.DataFrame
        Query, clicks, impressions, CTR and position, written the reader's
        way; empty when the export has no query table.
    """
    queries = export.tables.get("queries")
    if queries is None or queries.empty:
        return pd.DataFrame()

    top = queries.sort_values(["clicks", "impressions"], ascending=False).head(
        count
    )
    return pd.DataFrame(
        {
            label("query"): top["query"],
            label("clicks"): top["clicks"].map(format_number),
            label("impressions"): top["impressions"].map(format_number),
            label("ctr"): top["ctr"].map(format_percent),
            label("position"): top["position"].map(
                lambda p: format_number(p, 1)
            ),
        }
    ).reset_index(drop=True)


def ctr_by_position(queries):
    """The site's own CTR for each group of search positions.

    Parameters
    ----------
    queries : pandas.DataFrame
        Canonical query table (``position``, ``clicks``, ``impressions``).

    Returns
    -------
    pandas.DataFrame
        ``group`` (label such as ``"1"`` or ``"11-20"``), ``clicks``,
        ``impressions`` and ``ctr`` [fraction 0-1] (clicks / impressions of
        the queries in the group), for groups that have impressions: the
        curve of :func:`tokolab.seo.ctr_curve`.
    """
    curve = ctr_curve(queries)
    curve = curve[curve["impressions"] > 0]
    return curve[["group", "clicks", "impressions", "ctr"]].reset_index(
        drop=True
    )


def ctr_by_position_chart(export):
    """Bar chart of the site's CTR per position group.

    Returns
    -------
    matplotlib.figure.Figure or None
        One bar per position group with impressions; None when the export
        has no query table or no query has impressions.
    """
    queries = export.tables.get("queries")
    if queries is None or queries.empty:
        return None

    curve = ctr_by_position(queries)
    if curve.empty:
        return None

    figure = Figure(figsize=(6, 3.5), layout="constrained")
    axes = figure.subplots()
    axes.bar(curve["group"], curve["ctr"], color="C0")
    axes.yaxis.set_major_formatter(
        PercentFormatter(1.0, decimals=0, symbol="%")
    )
    axes.set_xlabel(label("position"))
    axes.set_ylabel(label("ctr"))
    axes.set_title(text("report.ctr_chart_title"))
    return figure


def uptime_log(data, timezone=DEFAULT_TIMEZONE):
    """Read the uptime log kept in ``data/uptime``.

    Parameters
    ----------
    data : str or Path
        The class's data folder (laid out like ``data/contoh``); its
        ``uptime`` folder holds one log, found by
        :func:`tokolab.uptime.find_uptime_log`.
    timezone : str
        IANA zone of times the log writes without an offset, and of the
        times shown (default ``Asia/Jakarta``, WIB).

    Returns
    -------
    tokolab.uptime.UptimeLog or None
        None when the folder is missing or empty.

    Raises
    ------
    InputError
        When the folder holds several logs, the log cannot be read, or the
        timezone is unknown.
    """
    found = find_uptime_log(Path(data) / "uptime")
    if found is None:
        return None
    log, backup = found
    return read_uptime(log, timezone=timezone, backup=backup)


def zone_label(timezone):
    """A timezone the way Indonesians name it: ``WIB``, ``WITA``, ``WIT``.

    Parameters
    ----------
    timezone : str or tzinfo
        An IANA zone; one outside Indonesia's three keeps its own name
        (``Asia/Singapore``).
    """
    return INDONESIAN_ZONES.get(str(timezone), str(timezone))


def uptime_totals_table(summary):
    """The uptime score and what lies behind it, one measure per row.

    Parameters
    ----------
    summary : dict
        From :func:`tokolab.uptimestats.uptime_summary`.

    Returns
    -------
    pandas.DataFrame
        Period (its end at midnight written as the day before's 24.00, so
        that no day seems watched that was not), uptime [percent, 3
        decimals, of the observed time],
        coverage [percent, 1 decimal, of the period], incidents [count],
        downtime [minutes, 1 decimal], mean time to repair and mean time
        between failures [minutes, 1 decimal, ``-`` without incidents].
        Uptime is ``-`` when the monitor saw nothing.
    """
    uptime = summary["uptime_pct"]
    coverage = summary["coverage_pct"]
    period = "-"
    if summary["start"] is not None and not pd.isna(summary["start"]):
        start, end = summary["start"], summary["end"]
        period = f"{_moment(start, '%H.%M')} - {_period_end(end)}"
    values = {
        label("period"): period,
        label("uptime"): or_dash(_percent_of_100(uptime), format_percent, 3),
        label("coverage"): or_dash(
            _percent_of_100(coverage), format_percent, 1
        ),
        label("incidents"): format_number(summary["incidents"]),
        label("downtime_minutes"): format_number(
            summary["downtime_minutes"], 1
        ),
        label("mttr_minutes"): or_dash(
            _number(summary["mttr_minutes"]), format_number, 1
        ),
        label("mtbf_minutes"): or_dash(
            _number(summary["mtbf_minutes"]), format_number, 1
        ),
    }
    return pd.DataFrame(
        {label("measure"): list(values), label("value"): list(values.values())}
    )


def incidents_table(table, count=INCIDENT_COUNT, checks=None):
    """The longest times the shop was down, the longest first.

    Parameters
    ----------
    table : pandas.DataFrame
        Intervals from :func:`tokolab.uptimestats.intervals`.
    count : int
        At most this many incidents are listed.
    checks : pandas.DataFrame, optional
        The log's checks (``UptimeLog.checks``); the HTTP status code of
        the check that began an incident is then named in its reason.

    Returns
    -------
    pandas.DataFrame
        Start and end (date and time with seconds), duration [minutes,
        1 decimal] and the reason in plain words (``-`` when the log gave
        none); a monitor column first when the log has several monitors.
        Equal durations keep the order of time. Empty without incidents.
    """
    found = uptimestats.incidents(table)
    if found.empty:
        return pd.DataFrame()

    # The longest first; a stable sort keeps ties in the order of time.
    longest = found.sort_values(
        "duration_min", ascending=False, kind="stable"
    ).head(count)
    columns = {
        label("start"): longest["start"].map(_moment),
        label("end"): longest["end"].map(_moment),
        label("duration_minutes"): longest["duration_min"].map(
            lambda minutes: format_number(minutes, 1)
        ),
        label("reason"): [
            describe_reason(reason, status) or "-"
            for reason, status in zip(
                longest["reason"],
                _statuses_at(longest, checks),
                strict=True,
            )
        ],
    }
    if table["monitor"].nunique() > 1:
        columns = {label("monitor"): longest["monitor"], **columns}
    return pd.DataFrame(columns).reset_index(drop=True)


def monitors_table(table):
    """One row per monitor, when a log watches several sites.

    An UptimeRobot account exports every monitor in one file; adding
    them together would mix several shops into one score.

    Parameters
    ----------
    table : pandas.DataFrame
        Intervals from :func:`tokolab.uptimestats.intervals`.

    Returns
    -------
    pandas.DataFrame
        Monitor, uptime [percent, 3 decimals], coverage [percent, 1
        decimal, of the whole log's stretch], incidents [count], downtime
        [minutes, 1 decimal] and the highest SLA target the monitor meets
        (``-`` for none, or when it saw nothing).
    """
    found = uptimestats.uptime_per_monitor(table)

    def best_target(uptime):
        if pd.isna(uptime):
            return "-"
        met = [t for t in uptimestats.SLA_TARGETS if uptime >= t]
        return uptimestats.format_target(max(met)) if met else "-"

    return pd.DataFrame(
        {
            label("monitor"): found["monitor"],
            label("uptime"): found["uptime_pct"].map(
                lambda value: or_dash(_percent_of_100(value), format_percent, 3)
            ),
            label("coverage"): found["coverage_pct"].map(
                lambda value: or_dash(_percent_of_100(value), format_percent, 1)
            ),
            label("incidents"): found["incidents"].map(format_number),
            label("downtime_minutes"): found["downtime_minutes"].map(
                lambda minutes: format_number(minutes, 1)
            ),
            label("sla_best"): found["uptime_pct"].map(best_target),
        }
    )


def sla_coverage_note(summary):
    """A warning when too little time was watched to trust the SLA table.

    Parameters
    ----------
    summary : dict
        From :func:`tokolab.uptimestats.uptime_summary`.

    Returns
    -------
    str or None
        A sentence when coverage is below :data:`SLA_MIN_COVERAGE_PCT`
        (and something was watched); None otherwise.
    """
    coverage = summary["coverage_pct"]
    if coverage is None or pd.isna(coverage):
        return None
    if coverage >= SLA_MIN_COVERAGE_PCT:
        return None
    return text(
        "report.sla_low_coverage",
        coverage=format_percent(coverage / 100, 1),
        least=format_percent(SLA_MIN_COVERAGE_PCT / 100, 0),
    )


def gaps_table(table, count=INCIDENT_COUNT):
    """The longest times the monitor did not watch, the longest first.

    Parameters
    ----------
    table : pandas.DataFrame
        Intervals from :func:`tokolab.uptimestats.intervals`.
    count : int
        At most this many stretches are listed.

    Returns
    -------
    pandas.DataFrame
        Start and end (date and time with seconds) and duration
        [minutes, 1 decimal]; a monitor column first when the log has
        several monitors. Equal durations keep the order of time. Empty
        when the monitor watched all the time.
    """
    found = uptimestats.gaps(table)
    if found.empty:
        return pd.DataFrame()
    longest = found.sort_values(
        "duration_min", ascending=False, kind="stable"
    ).head(count)
    columns = {
        label("start"): longest["start"].map(_moment),
        label("end"): longest["end"].map(_moment),
        label("duration_minutes"): longest["duration_min"].map(
            lambda minutes: format_number(minutes, 1)
        ),
    }
    if table["monitor"].nunique() > 1:
        columns = {label("monitor"): longest["monitor"], **columns}
    return pd.DataFrame(columns).reset_index(drop=True)


def daily_uptime_chart(table):
    """Uptime per day, one line per monitor, unwatched time shaded.

    Parameters
    ----------
    table : pandas.DataFrame
        Intervals from :func:`tokolab.uptimestats.intervals`; days begin
        at midnight in the zone of their times (the log's).

    Returns
    -------
    matplotlib.figure.Figure or None
        One point per day with observed time; a day with none breaks the
        line. Every stretch of :data:`CHART_GAP_MINUTES` or more that the
        monitor did not watch is shaded grey. None when nothing was
        observed.
    """
    timezone = _zone_of(table)
    days = uptimestats.uptime_by_period(table, "D", timezone)
    if days["uptime_pct"].isna().all():
        return None

    figure = Figure(figsize=(7, 3.5), layout="constrained")
    axes = figure.subplots()
    several = days["monitor"].nunique() > 1
    for monitor, rows in days.groupby("monitor", sort=True):
        axes.plot(
            rows["period"].dt.tz_localize(None),
            rows["uptime_pct"],
            marker="o",
            markersize=3,
            label=monitor if several else label("uptime"),
        )

    # The monitor's long silences, in grey: nothing is known there.
    found = uptimestats.gaps(table)
    long_gaps = found[found["duration_min"] >= CHART_GAP_MINUTES]
    for number, gap in enumerate(long_gaps.itertuples()):
        axes.axvspan(
            gap.start.tz_localize(None),
            gap.end.tz_localize(None),
            color="0.85",
            label=label("unwatched") if number == 0 else None,
        )

    # Room above 100 % and below the worst day, so no point sits on the
    # frame.
    low = days["uptime_pct"].min()
    margin = max((100 - low) * 0.1, 0.01)
    axes.set_ylim(max(low - margin, 0), 100 + margin)
    axes.yaxis.set_major_formatter(_percent_ticks(axes))
    axes.set_ylabel(label("uptime"))
    axes.set_title(text("report.uptime_chart_title"))
    if several or len(long_gaps):
        axes.legend(loc="lower left")
    observed = days.dropna(subset=["uptime_pct"])
    _date_axis(figure, axes, observed["period"].dt.tz_localize(None).unique())
    return figure


def response_time_chart(checks):
    """Median and 95th percentile response time per day (the log's zone).

    Parameters
    ----------
    checks : pandas.DataFrame or None
        The checks of an uptime log (``UptimeLog.checks``).

    Returns
    -------
    matplotlib.figure.Figure or None
        Solid line for the median, dashed for the 95th percentile, per
        monitor; None for an event log or without up checks that were
        timed.
    """
    if checks is None:
        return None
    days = uptimestats.response_times_by_day(checks, checks["time"].dt.tz)
    if days.empty:
        return None

    several = days["monitor"].nunique() > 1
    figure = Figure(figsize=(7, 3.5), layout="constrained")
    axes = figure.subplots()
    for colour, (monitor, rows) in enumerate(days.groupby("monitor")):
        when = rows["day"].dt.tz_localize(None)
        prefix = f"{monitor}: " if several else ""
        axes.plot(
            when,
            rows["median_ms"],
            color=f"C{colour}",
            marker="o",
            label=prefix + label("median"),
        )
        axes.plot(
            when,
            rows["p95_ms"],
            color=f"C{colour}",
            linestyle="--",
            marker="o",
            label=prefix + label("p95"),
        )
    axes.set_ylim(0, days["p95_ms"].max() * 1.15)
    axes.set_ylabel(label("response_ms"))
    axes.set_title(text("report.response_chart_title"))
    axes.legend(loc="upper left")
    _date_axis(figure, axes, days["day"].dt.tz_localize(None).unique())
    return figure


def sla_section_table(table):
    """The usual uptime promises (SLA): downtime allowed, met or not.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`tokolab.uptimestats.sla_table`, which also gives
        :func:`tokolab.uptimestats.sla_verdict` its sentence.

    Returns
    -------
    pandas.DataFrame
        One row per target (99 %, 99,5 %, 99,9 %): the target, downtime
        allowed in a 30-day month [minutes, 1 decimal] and whether the
        shop's uptime reaches it (``-`` when nothing was observed).
    """

    def verdict(met):
        if pd.isna(met):
            return "-"
        return label("sla_met" if met else "sla_missed")

    return pd.DataFrame(
        {
            label("sla_target"): table["target_pct"].map(
                uptimestats.format_target
            ),
            label("allowed_downtime"): table["allowed_downtime_min"].map(
                lambda minutes: format_number(minutes, 1)
            ),
            label("sla_result"): table["met"].map(verdict, na_action=None),
        }
    )


def budget_table(budget, audit):
    """The budget as written, with each line's recomputed amount.

    Parameters
    ----------
    budget : pandas.DataFrame
        From :func:`tokolab.budget.read_budget`.
    audit : tokolab.budget.BudgetAudit
        From :func:`tokolab.budget.audit_budget` on the same budget.

    Returns
    -------
    pandas.DataFrame
        One row per line: No, item, quantity, unit price and amount as
        written; the recomputed amount (``-`` when it cannot be made); and
        whether the line needs a look. Then the TOTAL row: the total as
        written (empty without one) beside the sum of the recomputed
        amounts, marked when the audit found a problem with it.
    """
    recomputed = audit.lines.set_index("no")["recomputed"]
    flagged = set(audit.flagged_rows)

    # One row per line, as written, beside what the audit computed.
    table = pd.DataFrame(
        {
            label("no"): budget["no"].astype(str),
            label("item"): budget["item"],
            label("quantity"): budget["quantity_written"],
            label("unit_price"): budget["unit_price_written"],
            label("amount"): budget["amount_written"],
            label("recomputed"): budget["no"]
            .map(recomputed)
            .map(lambda value: or_dash(_number(value), _rupiah)),
            label("check"): budget["no"].map(
                lambda no: label("check_look" if no in flagged else "check_ok")
            ),
        }
    )

    # The TOTAL row: findings about it carry no line number.
    total_flagged = audit.findings["no"].isna().any()
    total = {
        label("no"): "",
        label("item"): label("total"),
        label("quantity"): "",
        label("unit_price"): "",
        label("amount"): budget.attrs.get("total_written") or "",
        label("recomputed"): _rupiah(audit.total_recomputed),
        label("check"): label("check_look" if total_flagged else "check_ok"),
    }
    return pd.concat([table, pd.DataFrame([total])], ignore_index=True)


def budget_findings_table(audit):
    """The audit's findings, one sentence per row, in the reader's language."""
    return pd.DataFrame({label("finding"): audit.findings["message"]})


def journal_table(journal):
    """The activity journal in time order, dates as written and as read."""
    return pd.DataFrame(
        {
            label("date_written"): journal["date_written"],
            label("date_read"): [
                format_date_range(start, end)
                for start, end in zip(
                    journal["start"], journal["end"], strict=True
                )
            ],
            label("activity"): journal["activity"],
        }
    )


def journal_timeline_chart(journal):
    """The journal as a timeline: one bar per activity, oldest at the top.

    A range written backwards is drawn from its earlier to its later date
    in another colour, and its label says so.

    Returns
    -------
    matplotlib.figure.Figure
    """
    figure = Figure(figsize=(8, 0.5 * len(journal) + 1.2), layout="constrained")
    axes = figure.subplots()
    for position, entry in enumerate(journal.itertuples()):
        first, last = sorted([entry.start, entry.end])
        days = (last - first).days + 1
        colour = "C3" if entry.backwards else "C0"
        axes.barh(position, days, left=first, color=colour, height=0.6)
        name = entry.activity
        if entry.backwards:
            name = f"{name} ({label('backwards')})"
        axes.annotate(
            name,
            (last, position),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
        )
    axes.set_yticks([])
    axes.invert_yaxis()
    axes.margins(x=0.45)
    axes.set_title(text("report.journal_chart_title"))

    # Dates under the axis are written the reader's way: 15 Nov 2023.
    axes.xaxis.set_major_formatter(
        FuncFormatter(lambda day, _: _short_date(num2date(day).date()))
    )
    figure.autofmt_xdate()
    return figure


def schedule_table(syllabus):
    """The training sessions: date, time, title, theory and practice minutes."""
    return pd.DataFrame(
        [
            {
                label("session"): session.number,
                label("date"): format_date(session.date),
                label("time"): f"{session.start:%H.%M}-{session.end:%H.%M}",
                label("title"): session.title,
                label("theory_minutes"): session.minutes("teori"),
                label("practice_minutes"): session.minutes("praktik"),
            }
            for session in syllabus.sessions
        ]
    )


def _number(value):
    """A plain number, or None for pandas' missing values."""
    return None if pd.isna(value) else value


def _moment(stamp, clock=MOMENT_TIME):
    """A date and time with seconds: ``3 Des 2026 18.44.02``."""
    return f"{_short_date(stamp.date())} {stamp.strftime(clock)}"


def _period_end(stamp):
    """The end of a period; midnight is the day before's 24.00.

    ``1 Jan 2024 00.00`` would suggest 1 January was watched;
    ``31 Des 2023 24.00`` says the watching ended with 31 December.
    """
    if stamp == stamp.normalize():
        day_before = (stamp - pd.Timedelta(days=1)).date()
        return f"{_short_date(day_before)} 24.00"
    return _moment(stamp, "%H.%M")


def _statuses_at(found, checks):
    """The status of the check at each incident's start, None if unknown."""
    if checks is None or checks.empty:
        return [None] * len(found)
    down = checks[~checks["up"].astype("boolean").fillna(True)]
    status_at = {
        (monitor, time): status
        for monitor, time, status in zip(
            down["monitor"], down["time"], down["status"], strict=True
        )
    }
    return [
        status_at.get((monitor, start))
        for monitor, start in zip(found["monitor"], found["start"], strict=True)
    ]


def _zone_of(table):
    """The timezone of an intervals frame's times."""
    return table["start"].dt.tz


def _percent_ticks(axes):
    """Percent ticks written short: ``100%``, ``99,5%``, ``99,97%``.

    Each tick gets the fewest decimals (at most those of the step between
    ticks, at most three) that write it exactly; a tick above 100 % is
    left blank, since uptime never goes there.
    """

    def write(value, _):
        if value > 100 + 1e-9:
            return ""
        ticks = axes.get_yticks()
        step = abs(float(ticks[1] - ticks[0])) if len(ticks) > 1 else 1.0
        most = max(0, min(3, -int(np.floor(np.log10(step or 1)))))
        decimals = next(
            places
            for places in range(most + 1)
            if places == most or abs(round(value, places) - value) < 1e-9
        )
        return format_percent(value / 100, decimals)

    return FuncFormatter(write)


def _percent_of_100(value):
    """A percentage 0-100 as a fraction 0-1, None when missing."""
    return None if value is None or pd.isna(value) else value / 100


def _date_axis(figure, axes, days):
    """Dates under a chart's axis the reader's way: ``3 Des 2026``.

    Up to two weeks each day gets its own mark, so no date shows twice.
    """
    if len(days) <= 14:
        axes.set_xticks(list(days))
    axes.xaxis.set_major_formatter(
        FuncFormatter(lambda day, _: _short_date(num2date(day).date()))
    )
    figure.autofmt_xdate()


def _short_date(day):
    """A date in the reader's language with a short month: ``3 Okt 2023``."""
    return babel_format_date(day, SHORT_DATE, locale=get_language())


def _rupiah(value):
    """Rupiah the Indonesian way, with sen only when there are any."""
    return format_rupiah(value, decimals=None)
