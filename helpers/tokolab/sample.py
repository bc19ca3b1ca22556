"""Synthetic sample data for the course: one made-up shop and one class.

:func:`write_sample_data` writes the folder ``data/contoh/`` the notebooks
and reports run on when a tutor has no files of their own:

- ``searchconsole/``: a Search Console Performance export, unzipped, in the
  Indonesian UI layout, for the fictional "Toko Oleh-Oleh Sari Rasa" in
  Malang (``https://sarirasa.example/``), 90 days from 3 October to
  31 December 2023: ``Bagan.csv``, ``Kueri.csv``, ``Halaman.csv``,
  ``Negara.csv``, ``Perangkat.csv`` and ``Filter.csv``;
- ``kelas/``: class records of 75 made-up participants (P001-P075, of whom
  8 are managers) in the format of :mod:`tokolab.classrecords`;
- ``uptime/pemantauan.csv``: a generic checks log of the same shop's site
  (:mod:`tokolab.uptime`), one check every 5 minutes over the same 90 days,
  with a few outages and one day when the monitor itself was off;
- ``README.md``: says, in Indonesian and English, that all of it is
  synthetic.

Everything comes from one seed through NumPy's ``default_rng``, so the same
seed gives the same bytes on every run. How the numbers are made:

- every query has a mean number of daily impressions and a mean position;
  each day its impressions are Poisson (weekends, a rising trend and the
  year-end holidays raise them), its position wobbles around the mean, and
  its clicks are binomial with a click-through rate that falls with the
  position (brand queries are clicked more);
- some 600 rare queries are never listed, as Search Console anonymises them,
  so the chart's totals are larger than the sums of the query table;
- pages count per page: a brand search also shows a second page of the
  shop (a sitelink), so the page table adds up to more impressions than the
  chart;
- countries and devices split each query's impressions at random and its
  clicks among them without replacement, so clicks never exceed
  impressions and each table adds up to the chart's totals;
- each participant has an attendance habit and a skill; quizzes have 20
  questions (5 points each) and the post quiz is usually better;
- the site answers each check with HTTP 200 in a log-normal time (slower
  in the evening and in the year-end holidays), except during the fixed
  outages of :data:`OUTAGES` (HTTP 503 after a short wait, or no answer,
  written as status ``0`` with no response time) and the stretch
  :data:`MONITOR_OFF`, which has no rows at all.

The files copy what Google's exports look like: UTF-8 without BOM, LF line
ends, no newline after the last row, CTR written ``0.93%``, positions with at
most one (chart) or two (other tables) decimals and no trailing zeros.
"""

import csv
import io
import logging
import os
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
from babel.dates import format_date

from tokolab.errors import InputError
from tokolab.messages import text

logger = logging.getLogger(__name__)

SHOP_NAME = "Toko Oleh-Oleh Sari Rasa"
SITE = "https://sarirasa.example"

LAST_DAY = date(2023, 12, 31)
DAYS = 90

# A line the writer looks for before it overwrites anything in a folder.
SAMPLE_MARK = "<!-- tokolab:sample-data -->"

SEARCH_CONSOLE_FOLDER = "searchconsole"
CLASS_FOLDER = "kelas"
UPTIME_FOLDER = "uptime"
UPTIME_FILE = "pemantauan.csv"

# The monitor checks the site every 5 minutes.
CHECK_EVERY = timedelta(minutes=5)

# Outages: (first failed check, WIB; failed checks in a row; status
# written, "503" for an error page, "0" for no answer at all).
OUTAGES = (
    (datetime(2023, 10, 17, 2, 10), 3, "503"),
    (datetime(2023, 11, 2, 13, 35), 2, "0"),
    (datetime(2023, 11, 28, 20, 0), 6, "503"),
    (datetime(2023, 12, 8, 4, 15), 1, "0"),
    (datetime(2023, 12, 23, 19, 40), 4, "0"),
)

# The monitor itself was off (a laptop shut down): no checks from the
# first moment up to, not including, the second.
MONITOR_OFF = (datetime(2023, 11, 14, 9, 0), datetime(2023, 11, 15, 9, 0))

# Query groups: (mean daily impressions range, mean position range,
# click-through multiplier).
QUERY_GROUPS = {
    "brand": ((1.0, 6.0), (1.0, 1.8), 1.6),
    "generic": ((12.0, 40.0), (18.0, 42.0), 1.0),
    "product": ((2.0, 12.0), (4.0, 16.0), 1.0),
    "question": ((0.3, 2.0), (3.0, 18.0), 1.0),
    "negative": ((0.2, 1.0), (1.5, 5.0), 1.2),
}

# (query as typed, group, page path). Brand pages also show a sitelink.
QUERIES = [
    ("sari rasa", "brand", "/"),
    ("sari rasa malang", "brand", "/"),
    ("toko sari rasa", "brand", "/"),
    ("toko oleh oleh sari rasa", "brand", "/"),
    ("sarirasa", "brand", "/"),
    ("sari rasa oleh oleh malang", "brand", "/"),
    ("sari rasa keripik tempe", "brand", "/produk/keripik-tempe-original"),
    ("alamat toko sari rasa malang", "brand", "/kontak"),
    ("sari rasa malang jam buka", "brand", "/kontak"),
    ("oleh oleh khas malang", "generic", "/blog/oleh-oleh-khas-malang"),
    ("oleh oleh malang", "generic", "/blog/oleh-oleh-khas-malang"),
    ("keripik tempe", "generic", "/produk/keripik-tempe-original"),
    ("keripik apel", "generic", "/produk/keripik-apel"),
    ("kopi dampit", "generic", "/produk/kopi-dampit"),
    ("oleh oleh", "generic", "/"),
    ("keripik tempe malang", "product", "/produk/keripik-tempe-original"),
    ("keripik tempe sanan", "product", "/produk/keripik-tempe-original"),
    ("keripik tempe pedas", "product", "/produk/keripik-tempe-pedas"),
    ("keripik tempe pedas manis", "product", "/produk/keripik-tempe-pedas"),
    ("harga keripik tempe malang", "product", "/produk/keripik-tempe-original"),
    ("keripik tempe 1 kg", "product", "/produk/keripik-tempe-original"),
    ("grosir keripik tempe malang", "product", "/cara-pesan"),
    ('"keripik tempe" malang', "product", "/produk/keripik-tempe-original"),
    ("keripik apel malang", "product", "/produk/keripik-apel"),
    ("keripik apel batu", "product", "/produk/keripik-apel"),
    ("keripik nangka malang", "product", "/produk/keripik-nangka"),
    ("keripik buah malang", "product", "/produk/keripik-apel"),
    ("sari apel malang", "product", "/produk/sari-apel"),
    ("sari apel batu", "product", "/produk/sari-apel"),
    ("dodol apel malang", "product", "/produk/dodol-apel"),
    ("strudel apel malang", "product", "/produk/strudel-apel"),
    ("brownies tempe", "product", "/produk/brownies-tempe"),
    ("kopi dampit asli", "product", "/produk/kopi-dampit"),
    ("kopi dampit bubuk 250 gram", "product", "/produk/kopi-dampit"),
    ("paket oleh oleh malang", "product", "/paket/paket-oleh-oleh-malang"),
    ("oleh oleh malang murah", "product", "/paket/paket-oleh-oleh-malang"),
    ("oleh oleh khas malang kekinian", "product",
     "/blog/oleh-oleh-khas-malang"),
    ("oleh oleh khas batu malang", "product", "/blog/oleh-oleh-khas-malang"),
    ("toko oleh oleh di malang", "product", "/"),
    ("toko oleh oleh dekat stasiun malang", "product", "/kontak"),
    ("oleh oleh malang online", "product", "/cara-pesan"),
    ("kirim oleh oleh malang ke jakarta", "product", "/cara-pesan"),
    ("oleh oleh khas malang yang tahan lama", "question",
     "/blog/oleh-oleh-khas-malang"),
    ("oleh oleh malang yang wajib dibeli", "question",
     "/blog/oleh-oleh-khas-malang"),
    ("makanan khas malang untuk oleh oleh", "question",
     "/blog/oleh-oleh-khas-malang"),
    ("cara menyimpan keripik agar tetap renyah", "question",
     "/blog/cara-menyimpan-keripik-agar-renyah"),
    ("keripik tempe tahan berapa lama", "question",
     "/blog/cara-menyimpan-keripik-agar-renyah"),
    ("keripik tempe malang berasal dari mana", "question",
     "/blog/keripik-tempe-malang-dari-mana"),
    ("kenapa keripik tempe malang terkenal", "question",
     "/blog/keripik-tempe-malang-dari-mana"),
    ("apakah sari apel pakai pengawet", "question", "/produk/sari-apel"),
    ("kopi dampit rasanya seperti apa", "question", "/produk/kopi-dampit"),
    ("sari rasa penipuan", "negative", "/ulasan"),
    ("toko sari rasa tipu", "negative", "/ulasan"),
    ("keripik tempe sari rasa kecewa", "negative", "/ulasan"),
    ("sari rasa malang komplain", "negative", "/ulasan"),
]  # fmt: skip

# Pages a brand search may show as a sitelink under the home page.
SITELINKS = ("/cara-pesan", "/produk/keripik-tempe-original", "/kontak")

# Pages the anonymised rare queries land on.
TAIL_PAGES = (
    "/",
    "/produk/keripik-tempe-original",
    "/produk/keripik-tempe-pedas",
    "/produk/keripik-apel",
    "/produk/keripik-nangka",
    "/produk/sari-apel",
    "/produk/dodol-apel",
    "/produk/strudel-apel",
    "/produk/brownies-tempe",
    "/produk/kopi-dampit",
    "/paket/paket-oleh-oleh-malang",
    "/blog/oleh-oleh-khas-malang",
    "/blog/cara-menyimpan-keripik-agar-renyah",
    "/blog/keripik-tempe-malang-dari-mana",
    "/tentang-kami",
)
TAIL_QUERIES = 600

# Country as the Indonesian UI names it, share of impressions, and how many
# places lower the shop ranks there.
COUNTRIES = (
    ("Indonesia", 0.955, 0.0),
    ("Malaysia", 0.012, 1.5),
    ("Singapura", 0.008, 1.5),
    ("Belanda", 0.005, 3.0),
    ("Amerika Serikat", 0.005, 4.0),
    ("Australia", 0.004, 3.5),
    ("Jepang", 0.003, 4.0),
    ("Arab Saudi", 0.003, 3.0),
    ("Taiwan", 0.002, 3.0),
    ("Hong Kong", 0.002, 3.0),
    ("Korea Selatan", 0.001, 4.5),
)
DEVICES = (
    ("Seluler", 0.78, 0.0),
    ("Desktop", 0.20, -0.4),
    ("Tablet", 0.02, 0.6),
)

PARTICIPANTS = 75
MANAGERS = 8
SESSIONS = (1, 2, 3, 4)
AGE_BANDS = ("25-34", "35-44", "45-54", "55-65")
AGE_SHARES = (0.22, 0.33, 0.30, 0.15)
SCHOOLING = ("SMP", "SMA", "S1")
# Share of each schooling level within each age band (rows follow
# AGE_BANDS): younger members went to school longer.
SCHOOLING_SHARES = (
    (0.15, 0.55, 0.30),
    (0.25, 0.55, 0.20),
    (0.35, 0.50, 0.15),
    (0.50, 0.40, 0.10),
)
SCHOOLING_SKILL = {"SMP": -0.4, "SMA": 0.0, "S1": 0.4}
# Attendance falls mid-week and recovers for the closing session.
SESSION_TURNOUT = (1.0, 0.97, 0.90, 0.98)
# Harder sessions give lower scores (session 3, search, is the hardest).
SESSION_EASE = (0.2, 0.3, -0.4, -0.1)
QUIZ_QUESTIONS = 20


def click_through_rate(position, multiplier=1.0):
    """Expected share of impressions that become clicks at a position.

    Parameters
    ----------
    position : float or numpy.ndarray [rank, 1 = top]
    multiplier : float
        Above 1 for queries people click more (the shop's own name).

    Returns
    -------
    float or numpy.ndarray [fraction 0-1]
        ``0.30 * position ** -1.25``: 30 % at the top, about 4 % at 5,
        1.7 % at 10 and 0.7 % at 20, capped at 70 %.
    """
    return np.minimum(0.30 * np.power(position, -1.25) * multiplier, 0.70)


def _daily_demand(days):
    """Factor on each day's impressions: weekends, trend and holidays."""
    weekday = np.array([day.weekday() for day in days])
    factor = np.where(weekday >= 5, 1.15, 1.0)

    # Searches grow by about a third over the period.
    factor = factor * np.linspace(1.0, 1.3, len(days))

    # Year-end school holidays: people buy oleh-oleh to take home.
    holidays = np.array([day >= date(2023, 12, 15) for day in days])
    return factor * np.where(holidays, 1.5, 1.0)


def _simulate_queries(rng, days):
    """Daily impressions, clicks and positions of every query.

    Returns
    -------
    dict
        ``queries`` (list of str, listed ones then ``None`` for anonymised
        ones), ``pages`` (str), ``brand`` (bool), ``impressions``,
        ``clicks`` (int arrays, query x day) and ``positions`` (float
        array, query x day).
    """
    demand = _daily_demand(days)

    # Listed queries: rates and positions drawn within their group's range;
    # inside a group, the query listed first is searched most.
    groups = [group for _, group, _ in QUERIES]
    listed = len(QUERIES)
    means = np.zeros(listed + TAIL_QUERIES)
    positions = np.zeros(listed + TAIL_QUERIES)
    multipliers = np.ones(listed + TAIL_QUERIES)
    for group, settings in QUERY_GROUPS.items():
        (low_rate, high_rate), (low_pos, high_pos), multiplier = settings
        members = [i for i, g in enumerate(groups) if g == group]
        rates = rng.uniform(low_rate, high_rate, len(members))
        means[members] = np.sort(rates)[::-1]
        positions[members] = rng.uniform(low_pos, high_pos, len(members))
        multipliers[members] = multiplier

    # Rare queries: a few impressions each over the period, never listed.
    means[listed:] = rng.lognormal(np.log(0.1), 0.8, TAIL_QUERIES)
    positions[listed:] = rng.lognormal(np.log(9.0), 0.6, TAIL_QUERIES) + 1.0
    tail_pages = rng.choice(len(TAIL_PAGES), TAIL_QUERIES)

    # One row per query, one column per day.
    means = means[:, None] * demand[None, :]
    positions = positions[:, None]
    multipliers = multipliers[:, None]

    # Each day: impressions, the day's position, then clicks.
    impressions = rng.poisson(means)
    daily_positions = np.maximum(
        1.0, positions * np.exp(rng.normal(0.0, 0.08, impressions.shape))
    )
    clicks = rng.binomial(
        impressions, click_through_rate(daily_positions, multipliers)
    )

    return {
        "queries": [query for query, _, _ in QUERIES] + [None] * TAIL_QUERIES,
        "pages": [page for _, _, page in QUERIES]
        + [TAIL_PAGES[i] for i in tail_pages],
        "brand": [group == "brand" for _, group, _ in QUERIES]
        + [False] * TAIL_QUERIES,
        "impressions": impressions,
        "clicks": clicks,
        "positions": daily_positions,
    }


def _weighted_position(positions, impressions):
    """Impression-weighted mean position; 0 when there were none."""
    total = impressions.sum()
    if total == 0:
        return 0.0
    return float((positions * impressions).sum() / total)


def _written_number(value, decimals):
    """``7.50`` -> ``7.5``, ``20.00`` -> ``20``: as Google writes numbers."""
    written = f"{value:.{decimals}f}"
    if "." in written:
        written = written.rstrip("0").rstrip(".")
    return written


def _written_ctr(clicks, impressions):
    """CTR as Google writes it: ``0.93%``, ``0%``."""
    if impressions == 0:
        return "0%"
    return _written_number(100.0 * clicks / impressions, 2) + "%"


def _metric_row(name, clicks, impressions, position, decimals=2):
    """One table row: name, clicks, impressions, CTR, position."""
    return [
        name,
        str(int(clicks)),
        str(int(impressions)),
        _written_ctr(clicks, impressions),
        _written_number(position, decimals),
    ]


def _sorted_rows(rows):
    """Most clicks first, then most impressions, then by name."""
    return sorted(rows, key=lambda r: (-int(r[1]), -int(r[2]), r[0]))


def _csv_text(header, rows, final_newline):
    """Write rows as CSV text with LF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    written = buffer.getvalue()
    return written if final_newline else written.removesuffix("\n")


def _split_totals(rng, impressions, clicks, shares):
    """Split each query's impressions and clicks into groups.

    Impressions are shared out at random with ``shares``; the clicks are
    then drawn without replacement from those impressions, so no group gets
    more clicks than impressions.

    Returns
    -------
    impressions, clicks : numpy.ndarray
        Query x group.
    """
    split_impressions = rng.multinomial(impressions, shares)
    split_clicks = np.zeros_like(split_impressions)
    for index, (group_impressions, total_clicks) in enumerate(
        zip(split_impressions, clicks, strict=True)
    ):
        if total_clicks:
            split_clicks[index] = rng.multivariate_hypergeometric(
                group_impressions, total_clicks
            )
    return split_impressions, split_clicks


def search_console_files(rng):
    """Make the Search Console export of the sample shop.

    Parameters
    ----------
    rng : numpy.random.Generator

    Returns
    -------
    dict of str to str
        File name (``Bagan.csv`` ...) to its text.
    """
    days = [LAST_DAY - timedelta(days=DAYS - 1 - i) for i in range(DAYS)]
    simulated = _simulate_queries(rng, days)
    impressions = simulated["impressions"]
    clicks = simulated["clicks"]
    positions = simulated["positions"]

    # Totals per query over the period.
    query_impressions = impressions.sum(axis=1)
    query_clicks = clicks.sum(axis=1)
    query_positions = np.array(
        [
            _weighted_position(positions[i], impressions[i])
            for i in range(len(impressions))
        ]
    )

    # Chart: one row per day, every query counted, anonymised or not.
    chart_rows = [
        _metric_row(
            day.isoformat(),
            clicks[:, d].sum(),
            impressions[:, d].sum(),
            _weighted_position(positions[:, d], impressions[:, d]),
            decimals=1,
        )
        for d, day in enumerate(days)
    ]

    # Queries: listed queries that had at least one impression.
    query_rows = _sorted_rows(
        [
            _metric_row(
                query,
                query_clicks[i],
                query_impressions[i],
                query_positions[i],
            )
            for i, query in enumerate(simulated["queries"])
            if query is not None and query_impressions[i] > 0
        ]
    )

    # Pages: each query's page, plus sitelinks under brand searches.
    page_rows = _page_rows(
        rng, simulated, query_impressions, query_clicks, query_positions
    )

    # Countries and devices: each query's totals shared out.
    country_rows = _group_rows(
        rng, COUNTRIES, query_impressions, query_clicks, query_positions
    )
    device_rows = _group_rows(
        rng, DEVICES, query_impressions, query_clicks, query_positions
    )

    # Filters: the search type and the date range as the UI writes them.
    written_range = "{} - {}".format(
        format_date(days[0], "d MMM y", locale="id"),
        format_date(days[-1], "d MMM y", locale="id"),
    )
    filter_rows = [["Jenis penelusuran", "Web"], ["Tanggal", written_range]]

    metrics = ["Klik", "Tayangan", "CTR", "Posisi"]
    return {
        "Bagan.csv": _csv_text(["Tanggal", *metrics], chart_rows, False),
        "Kueri.csv": _csv_text(["Kueri teratas", *metrics], query_rows, False),
        "Halaman.csv": _csv_text(
            ["Halaman teratas", *metrics], page_rows, False
        ),
        "Negara.csv": _csv_text(["Negara", *metrics], country_rows, False),
        "Perangkat.csv": _csv_text(["Perangkat", *metrics], device_rows, False),
        "Filter.csv": _csv_text(["Filter", "Nilai"], filter_rows, False),
    }


def _page_rows(rng, simulated, impressions, clicks, positions):
    """Rows of the pages table, with sitelinks under brand searches."""
    totals = {}

    def add(page, page_impressions, page_clicks, position):
        entry = totals.setdefault(page, [0, 0, 0.0])
        entry[0] += int(page_impressions)
        entry[1] += int(page_clicks)
        entry[2] += float(position) * int(page_impressions)

    for i, page in enumerate(simulated["pages"]):
        add(page, impressions[i], clicks[i], positions[i])
        if not simulated["brand"][i] or impressions[i] == 0:
            continue

        # A brand search often shows a second page too; some of the clicks
        # go there instead of to the first page.
        candidates = [link for link in SITELINKS if link != page]
        sitelink = candidates[i % len(candidates)]
        shown = rng.binomial(impressions[i], 0.6)
        moved = min(rng.binomial(clicks[i], 0.25), shown)
        add(sitelink, shown, moved, positions[i] + 1.0)
        totals[page][1] -= int(moved)

    return _sorted_rows(
        [
            _metric_row(
                SITE + page,
                page_clicks,
                page_impressions,
                weighted / page_impressions,
            )
            for page, (page_impressions, page_clicks, weighted) in (
                totals.items()
            )
            if page_impressions > 0
        ]
    )


def _group_rows(rng, groups, impressions, clicks, positions):
    """Rows of the countries or devices table."""
    names = [name for name, _, _ in groups]
    shares = [share for _, share, _ in groups]
    offsets = np.array([offset for _, _, offset in groups])

    split_impressions, split_clicks = _split_totals(
        rng, impressions, clicks, shares
    )
    group_positions = np.maximum(1.0, positions[:, None] + offsets[None, :])

    rows = []
    for g, name in enumerate(names):
        group_impressions = split_impressions[:, g]
        if group_impressions.sum() == 0:
            continue
        rows.append(
            _metric_row(
                name,
                split_clicks[:, g].sum(),
                group_impressions.sum(),
                _weighted_position(group_positions[:, g], group_impressions),
            )
        )
    return _sorted_rows(rows)


def class_record_files(rng):
    """Make the class records of the sample class.

    Parameters
    ----------
    rng : numpy.random.Generator

    Returns
    -------
    dict of str to str
        ``peserta.csv``, ``kehadiran.csv`` and ``nilai.csv`` to their text.
    """
    codes = [f"P{number:03d}" for number in range(1, PARTICIPANTS + 1)]

    # Profile: who manages, age band, and schooling given the age band.
    managers = set(rng.choice(PARTICIPANTS, MANAGERS, replace=False))
    ages = rng.choice(len(AGE_BANDS), PARTICIPANTS, p=AGE_SHARES)
    schooling = [
        SCHOOLING[rng.choice(len(SCHOOLING), p=SCHOOLING_SHARES[age])]
        for age in ages
    ]
    participant_rows = [
        [
            code,
            "pengurus" if i in managers else "anggota",
            AGE_BANDS[ages[i]],
            schooling[i],
        ]
        for i, code in enumerate(codes)
    ]

    # Attendance: a habit per person (managers come more), times the
    # session's turnout.
    habit = np.where(
        [i in managers for i in range(PARTICIPANTS)],
        rng.beta(30, 1, PARTICIPANTS),
        rng.beta(12, 1.3, PARTICIPANTS),
    )
    present = rng.random((PARTICIPANTS, len(SESSIONS))) < (
        habit[:, None] * np.array(SESSION_TURNOUT)[None, :]
    )
    attendance_rows = [
        [code, str(session), "1" if present[i, s] else "0"]
        for s, session in enumerate(SESSIONS)
        for i, code in enumerate(codes)
    ]

    # Quizzes: a skill per person; the post quiz adds what was learnt.
    skill = rng.normal(0.0, 0.8, PARTICIPANTS) + np.array(
        [SCHOOLING_SKILL[level] for level in schooling]
    )
    learnt = rng.normal(1.0, 0.5, (PARTICIPANTS, len(SESSIONS)))
    took_pre = present & (rng.random(present.shape) < 0.96)
    took_post = present & (rng.random(present.shape) < 0.95)
    ease = np.array(SESSION_EASE)[None, :]
    pre = _quiz_points(rng, skill[:, None] + ease - 0.5)
    post = _quiz_points(rng, skill[:, None] + ease - 0.5 + learnt)

    score_rows = []
    for s, session in enumerate(SESSIONS):
        for test, took, points in (
            ("pre", took_pre, pre),
            ("post", took_post, post),
        ):
            score_rows += [
                [code, str(session), test, str(points[i, s])]
                for i, code in enumerate(codes)
                if took[i, s]
            ]

    return {
        "peserta.csv": _csv_text(
            ["kode", "peran", "usia", "pendidikan"], participant_rows, True
        ),
        "kehadiran.csv": _csv_text(
            ["kode", "sesi", "hadir"], attendance_rows, True
        ),
        "nilai.csv": _csv_text(
            ["kode", "sesi", "tes", "nilai"], score_rows, True
        ),
    }


def _quiz_points(rng, logit):
    """Scores [points 0-100] of a 20-question quiz, 5 points a question."""
    chance = 1.0 / (1.0 + np.exp(-logit))
    right = rng.binomial(QUIZ_QUESTIONS, chance)
    return right * (100 // QUIZ_QUESTIONS)


def uptime_files(rng):
    """Make the sample shop's uptime log: a generic checks CSV.

    Parameters
    ----------
    rng : numpy.random.Generator

    Returns
    -------
    dict of str to str
        ``pemantauan.csv`` to its text: header ``waktu,status,respons_ms``,
        one row per check, naive WIB times (``2023-10-03 00:00:00``), the
        HTTP status code (``0``: no answer) and whole milliseconds (empty
        without an answer), LF line ends.
    """
    first = datetime.combine(
        LAST_DAY - timedelta(days=DAYS - 1), datetime.min.time()
    )
    slots = DAYS * 24 * 60 // 5
    times = [first + i * CHECK_EVERY for i in range(slots)]

    # Response times: log-normal around 320 ms, slower in the evening
    # (19:00-22:59) and in the year-end holidays, when the shop is busy.
    evening = np.array([19 <= t.hour < 23 for t in times])
    holidays = np.array([t.date() >= date(2023, 12, 15) for t in times])
    median_ms = (
        320.0 * np.where(evening, 1.4, 1.0) * np.where(holidays, 1.2, 1.0)
    )
    response = np.rint(rng.lognormal(np.log(median_ms), 0.25)).astype(int)

    # An error page comes back quickly; no answer has no response time.
    failed = {}
    for start, checks, status in OUTAGES:
        for i in range(checks):
            failed[start + i * CHECK_EVERY] = status
    error_ms = np.rint(rng.uniform(40, 160, len(failed))).astype(int)
    error_ms = dict(zip(sorted(failed), error_ms, strict=True))

    # One row per check, except while the monitor was off.
    rows = []
    off_from, off_until = MONITOR_OFF
    for time, ms in zip(times, response, strict=True):
        if off_from <= time < off_until:
            continue
        status = failed.get(time, "200")
        written_ms = {"200": ms, "503": error_ms.get(time), "0": ""}[status]
        rows.append(f"{time:%Y-%m-%d %H:%M:%S},{status},{written_ms}")
    return {UPTIME_FILE: "waktu,status,respons_ms\n" + "\n".join(rows) + "\n"}


def readme_text(seed):
    """The README that labels the folder as synthetic, in both languages."""
    lines = [SAMPLE_MARK]
    for language in ("id", "en"):
        lines += [
            text("sample.readme_title", language=language),
            "",
            text("sample.readme_synthetic", language=language, seed=seed),
            "",
            text(
                "sample.readme_searchconsole",
                language=language,
                folder=SEARCH_CONSOLE_FOLDER,
                shop=SHOP_NAME,
                site=SITE + "/",
            ),
            text(
                "sample.readme_class",
                language=language,
                folder=CLASS_FOLDER,
                participants=PARTICIPANTS,
                managers=MANAGERS,
            ),
            text(
                "sample.readme_uptime",
                language=language,
                file=f"{UPTIME_FOLDER}/{UPTIME_FILE}",
                site=SITE + "/",
            ),
            "",
            text("sample.readme_schemas", language=language),
            "",
        ]
    return "\n".join(lines)


def sample_files(seed=2024):
    """Every file of the sample folder, made in memory.

    Parameters
    ----------
    seed : int

    Returns
    -------
    dict of str to bytes
        Path relative to the folder (``searchconsole/Bagan.csv`` ...) to the
        file's bytes.
    """
    # One independent stream per part, so changing one leaves the other.
    # Children 0 and 1 are the same whatever the number spawned.
    search_seed, class_seed, uptime_seed = np.random.SeedSequence(seed).spawn(3)
    files = {
        f"{SEARCH_CONSOLE_FOLDER}/{name}": content
        for name, content in search_console_files(
            np.random.default_rng(search_seed)
        ).items()
    }
    files.update(
        {
            f"{CLASS_FOLDER}/{name}": content
            for name, content in class_record_files(
                np.random.default_rng(class_seed)
            ).items()
        }
    )
    files.update(
        {
            f"{UPTIME_FOLDER}/{name}": content
            for name, content in uptime_files(
                np.random.default_rng(uptime_seed)
            ).items()
        }
    )
    files["README.md"] = readme_text(seed)
    return {name: content.encode("utf-8") for name, content in files.items()}


def _is_sample_folder(folder):
    """True when ``folder`` has the README this module writes."""
    readme = folder / "README.md"
    try:
        first_line = readme.read_text("utf-8").splitlines()[:1]
    except (OSError, UnicodeDecodeError):
        return False
    return first_line == [SAMPLE_MARK]


def _write_whole(path, content):
    """Write ``content`` under a temporary name, then move it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(content)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_sample_data(folder, seed=2024):
    """Write the synthetic sample shop and class into ``folder``.

    Parameters
    ----------
    folder : str or Path
        Created when missing; ``data/contoh`` in the project.
    seed : int
        The same seed gives the same bytes.

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    InputError
        When ``folder`` already holds one of the files to write but is not
        a sample folder (no README written by this function): real files
        are never overwritten. Also when ``folder`` is a file, or a file
        cannot be written (no permission, disk full).
    """
    folder = Path(folder)
    files = sample_files(seed)

    # The sample needs a folder, not a file of that name.
    if folder.exists() and not folder.is_dir():
        raise InputError("sample.not_a_folder", path=str(folder))

    # Never overwrite a tutor's own files with made-up ones.
    existing = [name for name in files if (folder / name).exists()]
    if existing and not _is_sample_folder(folder):
        raise InputError(
            "sample.not_a_sample_folder",
            path=str(folder),
            found=existing[0],
            expected="README.md",
        )

    # Each file whole or not at all; the README, the label, first.
    written = []
    for name in sorted(files, key=lambda n: n != "README.md"):
        path = folder / name
        try:
            _write_whole(path, files[name])
        except OSError as error:
            raise InputError(
                "sample.cannot_write", path=str(path), reason=error.strerror
            ) from None
        logger.info("wrote %s", path)
        written.append(path)
    return written
