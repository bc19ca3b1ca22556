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
- ``produk/produk.csv``: the same shop's product list (12 oleh-oleh
  products, in the format of :mod:`tokolab.products`), whose descriptions
  are partly good and partly bad on purpose, one problem each, for the
  copywriting practice;
- ``produk/foto/``: a drawn photo for 11 of the products (one has none),
  flat shapes labelled CONTOH, in the sizes and forms shops upload: a tall
  300 x 900 crop, a wide 1600 x 900 shot, a tiny 200 x 200 picture, a
  large 3000 x 3000 file, a PNG with a transparent background, and a
  phone JPEG stored on its side with EXIF Orientation 6;
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
  :data:`MONITOR_OFF`, which has no rows at all;
- the product list is written out as it stands in :data:`PRODUCTS`; the
  seed only moves the chips, flowers and packs on the photos about.

The Search Console files copy what Google's exports look like: UTF-8
without BOM, LF line ends, no newline after the last row, CTR written
``0.93%``, positions with at most one (chart) or two (other tables)
decimals and no trailing zeros. The photos are JPEG at a moderate quality
(:data:`PHOTO_QUALITY`), the transparent one PNG, all drawn with the
DejaVu Sans font that ships with matplotlib, so the same seed gives the
same bytes wherever the same Pillow runs.
"""

import csv
import io
import logging
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
from babel.dates import format_date
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from tokolab.errors import InputError
from tokolab.files import write_whole
from tokolab.messages import text
from tokolab.progress import FILE_NAME, progress_line
from tokolab.progress import HEADER as PROGRESS_HEADER

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

# Exercise progress, for the sessions whose notebooks have exercises.
PROGRESS_FOLDER = "kemajuan"
SESSION_DATES = {1: date(2024, 1, 1), 2: date(2024, 1, 2)}
MAX_TRIES = 3


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


def session_question_ids(session):
    """Ids of a session's exercise questions, in the order they are met.

    The quiz before, the questions of the theory and practice notebooks
    (as :mod:`tokolab.session1` or ``session2`` defines them), the quiz
    after. Empty for a session whose notebooks are not in the kit yet.
    """
    from tokolab import session1, session2
    from tokolab.exercises import Question

    module = {1: session1, 2: session2}.get(session)
    if module is None:
        return []
    questions = [
        *module.quiz_questions("pre"),
        *(
            value
            for value in vars(module).values()
            if isinstance(value, Question)
        ),
        *module.quiz_questions("post"),
    ]
    return list(dict.fromkeys(question.id for question in questions))


def progress_files(rng, class_files, questions):
    """Make the exercise progress files of the sample class.

    Each participant present at a session checks its questions in order
    during the morning: now and then a check before answering (not
    attempted), then up to :data:`MAX_TRIES` answers until one is right.
    The chance of a right answer grows with the participant's score in
    that session's quiz after (``nilai.csv``), so progress and scores
    tell the same story.

    Parameters
    ----------
    rng : numpy.random.Generator
    class_files : dict of str to str
        What :func:`class_record_files` made.
    questions : dict of int to list of str
        Question ids per session, as :func:`session_question_ids` gives.

    Returns
    -------
    dict of str to str
        ``kemajuan-P001.csv`` ... to their text, for participants with
        at least one check.
    """
    attendance = csv.DictReader(io.StringIO(class_files["kehadiran.csv"]))
    present = {
        (row["kode"], int(row["sesi"]))
        for row in attendance
        if row["hadir"] == "1"
    }
    scores = csv.DictReader(io.StringIO(class_files["nilai.csv"]))
    after = {
        (row["kode"], int(row["sesi"])): int(row["nilai"])
        for row in scores
        if row["tes"] == "post"
    }

    files = {}
    for code in sorted({code for code, _ in present}):
        lines = []
        for session, ids in sorted(questions.items()):
            if (code, session) not in present or not ids:
                continue

            # Checks spread over the morning from 09:00, a few minutes
            # apart; the right chance from the quiz after (50 if none).
            day = SESSION_DATES[session]
            moment = datetime(day.year, day.month, day.day, 9, 0)
            chance = 0.3 + 0.65 * after.get((code, session), 50) / 100
            for question in ids:
                moment += timedelta(minutes=int(rng.integers(1, 5)))
                if rng.random() < 0.1:
                    lines.append(progress_line(code, question, "belum", moment))
                for _ in range(MAX_TRIES):
                    moment += timedelta(seconds=int(rng.integers(20, 180)))
                    right = rng.random() < chance
                    outcome = "benar" if right else "salah"
                    lines.append(progress_line(code, question, outcome, moment))
                    if right:
                        break
        if lines:
            name = FILE_NAME.format(participant=code)
            files[name] = PROGRESS_HEADER + "\n" + "".join(lines)
    return files


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


# --- the product list and its photos -----------------------------------------

# (code, name, category, price as written, weight as written, description,
# photo file or "" for none). Some descriptions are good; others carry one
# problem each for the copywriting practice, named in the comment above
# them (data/README.md lists them too).
PRODUCTS = (
    # Good: what it is, ingredients, weight, expiry, storage, shipping.
    (
        "SR-01",
        "Keripik Tempe Original 250 g",
        "makanan",
        "Rp 25.000",
        "250",
        "Keripik tempe khas Sanan, Malang, diiris tipis lalu digoreng sampai "
        "renyah. Bahan: tempe kedelai, tepung beras, bawang putih, "
        "ketumbar, garam, minyak sawit. Berat bersih 250 gram dalam "
        "kemasan zip yang bisa ditutup lagi. Tahan 3 bulan sejak "
        "diproduksi; tanggal kedaluwarsa tercetak di belakang kemasan. "
        "Simpan di tempat kering dan tertutup. Dikirim dari Malang setiap "
        "Senin sampai Sabtu, dibungkus plastik gelembung dan kardus.",
        "foto/SR-01.jpg",
    ),
    # Exaggeration: terbaik, termurah, 100%, paling enak.
    (
        "SR-02",
        "Keripik Tempe Pedas 250 g",
        "makanan",
        "27000",
        "250",
        "Keripik tempe pedas TERBAIK dan TERMURAH se-Malang!!! Dijamin 100% "
        "paling enak, sekali coba pasti ketagihan. Bahan: tempe kedelai, "
        "cabai, bawang putih, garam, minyak sawit. Berat bersih 250 gram. "
        "Tahan 3 bulan; tanggal kedaluwarsa ada di kemasan. Dikirim dari "
        "Malang setiap hari kerja, dibungkus plastik gelembung.",
        "foto/SR-02.jpg",
    ),
    # Food without an expiry date.
    (
        "SR-03",
        "Keripik Apel 100 g",
        "makanan",
        "Rp30.000,-",
        "100",
        "Keripik apel dari apel manalagi kebun Batu, digoreng dengan mesin "
        "hampa udara sehingga tetap manis dan renyah tanpa gula tambahan. "
        "Bahan: apel manalagi, minyak sawit. Berat bersih 100 gram. Simpan "
        "di tempat kering dan tutup rapat setelah dibuka. Dikirim dari "
        "Malang setiap hari kerja, dalam kardus supaya tidak remuk.",
        "foto/SR-03.jpg",
    ),
    # One sentence of 55 words.
    (
        "SR-04",
        "Sari Apel Malang isi 12 gelas",
        "minuman",
        "Rp 24.000",
        "3.000",
        "Sari apel ini dibuat dari apel manalagi pilihan yang dipetik dari "
        "kebun di lereng Gunung Arjuno lalu diperas dan dimasak bersama "
        "sedikit gula dan air sampai matang kemudian dikemas dalam gelas "
        "plastik 240 ml yang ditutup rapat sehingga rasanya segar dan cocok "
        "diminum dingin bersama keluarga atau dibawa sebagai oleh-oleh untuk "
        "kerabat di kota lain. Isi 12 gelas per dus. Tahan 6 bulan; tanggal "
        "kedaluwarsa ada di tutup gelas. Dikirim dari Malang setiap hari "
        "kerja.",
        "foto/IMG_20231205_091532.jpg",
    ),
    # Good: baked every morning, short shelf life said plainly.
    (
        "SR-05",
        "Bakpia Kacang Hijau isi 20",
        "makanan",
        "Rp 35.000",
        "400",
        "Bakpia lembut isi kacang hijau, dipanggang setiap pagi di dapur "
        "kami di Malang. Bahan: tepung terigu, kacang hijau, gula pasir, "
        "minyak nabati, garam. Isi 20 buah, berat bersih 400 gram. Tahan 7 "
        "hari di suhu ruang; tanggal kedaluwarsa tercetak di kotak. Dikirim "
        "setiap Senin, Rabu, dan Jumat lewat kurir kilat supaya sampai "
        "dalam keadaan segar.",
        "foto/SR-05.jpg",
    ),
    # No weight, neither in the column nor in the text.
    (
        "SR-06",
        "Dodol Apel",
        "makanan",
        "Rp 20.000",
        "",
        "Dodol apel kenyal dengan rasa manis asam apel Malang, dibungkus "
        "satu per satu dengan plastik. Bahan: apel, tepung ketan, gula "
        "merah, santan. Tahan 2 bulan; tanggal kedaluwarsa ada di kemasan. "
        "Simpan di tempat sejuk. Dikirim dari Malang setiap hari kerja, "
        "dibungkus plastik gelembung.",
        "foto/dodol-apel.png",
    ),
    # PO and COD without saying what they mean; no photo at all.
    (
        "SR-07",
        "Strudel Apel",
        "makanan",
        "Rp 45.000",
        "500",
        "Strudel apel renyah dengan isian apel Malang dan kayu manis. Bahan: "
        "tepung terigu, mentega, apel, gula, kayu manis. Berat 500 gram per "
        "kotak. Tahan 4 hari di suhu ruang; tanggal kedaluwarsa ada di "
        "kotak. Sistem PO, bisa COD. Dikirim dari Malang.",
        "",
    ),
    # Good.
    (
        "SR-08",
        "Kopi Dampit Bubuk 250 g",
        "minuman",
        "Rp 40.000",
        "250",
        "Kopi robusta dari petani Dampit, Kabupaten Malang, disangrai "
        "sedang lalu digiling halus. Bahan: biji kopi robusta saja, tanpa "
        "campuran jagung atau gula. Berat bersih 250 gram dalam kemasan "
        "bersegel. Tahan 12 bulan sebelum dibuka; tanggal kedaluwarsa "
        "tercetak di bawah kemasan. Setelah dibuka, simpan di wadah "
        "tertutup. Dikirim dari Malang setiap hari kerja, dibungkus "
        "plastik gelembung.",
        "foto/SR-08.jpg",
    ),
    # Clothing without its material (cotton? polyester?).
    (
        "SR-09",
        "Kaos Sablon Malang Kota Bunga",
        "pakaian",
        "Rp 85.000",
        "200",
        "Kaos sablon bergambar bunga dengan tulisan Malang Kota Bunga, cocok "
        "untuk oleh-oleh keluarga. Ada ukuran S, M, L, dan XL. Warna hijau "
        "tua. Berat 200 gram. Dikirim dari Malang setiap hari kerja, "
        "dilipat rapi dalam plastik.",
        "foto/SR-09.jpg",
    ),
    # No word on shipping.
    (
        "SR-10",
        "Gantungan Kunci Tugu Malang",
        "kerajinan",
        "10000",
        "20",
        "Gantungan kunci berbentuk Tugu Malang, diukir dan dicat tangan oleh "
        "perajin di Kota Malang. Bahan: kayu mahoni dan cincin besi. Ukuran "
        "5 x 3 cm, berat 20 gram. Setiap buah sedikit berbeda karena dibuat "
        "dengan tangan.",
        "foto/SR-10.jpg",
    ),
    # Longer than 2,000 characters: see PACKAGE_DESCRIPTION.
    (
        "SR-11",
        "Paket Oleh-Oleh Malang",
        "lainnya",
        "Rp 150.000",
        "1.500",
        None,
        "foto/SR-11.jpg",
    ),
    # Good, written on several lines (the CSV cell holds line breaks).
    (
        "SR-12",
        "Brownies Tempe",
        "makanan",
        "Rp 38.000",
        "350",
        "Brownies kukus dari tepung tempe, lembut dan tidak terlalu manis.\n"
        "Bahan: tepung tempe, tepung terigu, cokelat bubuk, gula, telur, "
        "mentega.\n"
        "Berat bersih 350 gram per kotak.\n"
        "Tahan 5 hari di suhu ruang atau 10 hari di lemari es; tanggal "
        "kedaluwarsa ada di kotak.\n"
        "Dikirim dari Malang setiap Senin sampai Jumat dengan kurir kilat.",
        "foto/SR-12.jpg",
    ),
)

# The gift package's description: everything the shop could think of, in
# paragraphs, far beyond what a buyer reads (over 2,000 characters).
PACKAGE_DESCRIPTION = "\n\n".join(
    [
        "Paket Oleh-Oleh Malang dari Toko Oleh-Oleh Sari Rasa adalah "
        "pilihan yang pas untuk Anda yang ingin membawa pulang rasa khas "
        "Malang untuk keluarga, teman kantor, tetangga, atau siapa saja "
        "yang Anda sayangi. Toko kami sudah berjualan oleh-oleh sejak "
        "lama, dimulai dari dapur kecil di rumah, lalu pindah ke kios di "
        "dekat pasar, dan sekarang melayani pembeli dari berbagai kota di "
        "Indonesia lewat toko online.",
        "Isi paket: satu bungkus Keripik Tempe Original 250 gram yang "
        "renyah dan gurih, satu bungkus Keripik Apel 100 gram dari apel "
        "manalagi kebun Batu, satu bungkus Dodol Apel yang kenyal, satu "
        "bungkus Kopi Dampit Bubuk 250 gram dari petani Dampit, dan enam "
        "gelas Sari Apel Malang yang segar. Semua produk dibuat oleh "
        "usaha kecil di sekitar Malang yang sudah lama bekerja sama "
        "dengan kami, dan kami memilih sendiri setiap produk yang masuk "
        "ke dalam paket ini supaya rasanya cocok satu sama lain.",
        "Keripik tempe kami dibuat dari tempe kedelai yang diiris tipis, "
        "dibumbui bawang putih dan ketumbar, lalu digoreng sampai renyah. "
        "Keripik apel dibuat dengan mesin hampa udara sehingga tetap "
        "manis tanpa gula tambahan. Dodol apel dimasak lama dengan gula "
        "merah dan santan. Kopi Dampit disangrai sedang supaya rasa "
        "cokelatnya keluar. Sari apel dimasak dengan sedikit gula dan "
        "lebih segar diminum dingin.",
        "Paket ini dikemas dalam kotak kardus bergambar Tugu Malang yang "
        "bisa langsung diberikan sebagai hadiah, dengan kartu ucapan "
        "kecil yang bisa Anda tulisi sendiri. Berat paket sekitar 1,5 "
        "kilogram. Setiap produk di dalamnya punya tanggal kedaluwarsa "
        "sendiri yang tercetak di kemasannya; dodol apel lebih cepat "
        "habis masanya, tahan 2 bulan. Simpan di tempat sejuk dan kering, "
        "jauh dari sinar matahari langsung.",
        "Kami mengirim paket dari Malang setiap hari kerja. Pesanan yang "
        "masuk sebelum pukul 12.00 WIB dikirim pada hari yang sama. Paket "
        "dibungkus plastik gelembung dan kardus tambahan supaya keripik tidak "
        "remuk dan gelas sari apel tidak bocor di jalan. Kalau ada yang "
        "rusak saat sampai, kirimkan foto dan video saat membuka paket, "
        "dan kami akan mengganti produk yang rusak.",
        "Terima kasih sudah memilih Toko Oleh-Oleh Sari Rasa. Kami senang "
        "sekali bisa ikut mengantar rasa Malang ke rumah Anda, dan kami "
        "selalu menunggu cerita, saran, dan ulasan dari Anda supaya kami "
        "bisa terus memperbaiki produk dan pelayanan kami.",
    ]
)

PRODUCT_FOLDER = "produk"
PRODUCT_FILE = "produk.csv"
PRODUCT_HEADER = (
    "kode",
    "nama",
    "kategori",
    "harga",
    "berat_gram",
    "deskripsi",
    "foto",
)

# Photo file -> (size as shown [pixels], drawing, background colour,
# object colour, label). Sizes cover what shops upload: a tall phone
# crop, a wide shot, a tiny picture, a large camera file.
PHOTOS = {
    "foto/SR-01.jpg": ((1600, 900), "pouch", (214, 196, 160), (230, 170, 40),
                       "Keripik Tempe"),
    "foto/SR-02.jpg": ((300, 900), "pouch", (226, 214, 190), (200, 40, 30),
                       "Keripik Pedas"),
    "foto/SR-03.jpg": ((200, 200), "chips", (180, 210, 170), (240, 220, 150),
                       "Keripik Apel"),
    "foto/IMG_20231205_091532.jpg": ((600, 800), "cups", (200, 220, 235),
                                     (250, 240, 200), "Sari Apel"),
    "foto/SR-05.jpg": ((3000, 3000), "box", (235, 225, 205), (230, 200, 150),
                       "Bakpia"),
    "foto/dodol-apel.png": ((600, 600), "wrapped", None, (120, 60, 30),
                            "Dodol Apel"),
    "foto/SR-08.jpg": ((800, 800), "bag", (230, 225, 215), (90, 55, 35),
                       "Kopi Dampit"),
    "foto/SR-09.jpg": ((750, 1000), "shirt", (240, 240, 240), (30, 90, 60),
                       "Kaos"),
    "foto/SR-10.jpg": ((1000, 750), "keychain", (70, 90, 120),
                       (170, 110, 60), "Gantungan Kunci"),
    "foto/SR-11.jpg": ((900, 600), "hamper", (240, 230, 220), (180, 60, 50),
                       "Paket"),
    "foto/SR-12.jpg": ((800, 800), "cake", (245, 240, 230), (70, 40, 25),
                       "Brownies"),
}  # fmt: skip

# The photo a phone stored lying on its side, with EXIF Orientation 6.
TURNED_PHOTO = "foto/IMG_20231205_091532.jpg"

# JPEG quality of the sample photos: moderate, to keep the folder small.
PHOTO_QUALITY = 55

# EXIF tag number of the orientation, and "turn a quarter to the right".
EXIF_ORIENTATION = 0x0112
TURN_RIGHT = 6


def product_files(rng):
    """Make the sample shop's product list and its photos.

    Parameters
    ----------
    rng : numpy.random.Generator

    Returns
    -------
    dict of str to str or bytes
        ``produk.csv`` to its text (header :data:`PRODUCT_HEADER`, LF line
        ends, a final newline, cells with commas or line breaks quoted),
        and each photo's path (``foto/SR-01.jpg`` ...) to its bytes.
    """
    rows = [
        [
            code,
            name,
            category,
            price,
            weight,
            PACKAGE_DESCRIPTION if description is None else description,
            photo,
        ]
        for code, name, category, price, weight, description, photo in (
            PRODUCTS
        )
    ]
    files = {PRODUCT_FILE: _csv_text(list(PRODUCT_HEADER), rows, True)}
    for name, settings in PHOTOS.items():
        files[name] = _photo_bytes(name, _product_picture(rng, *settings))
    return files


def _product_picture(rng, size, drawing, background, colour, label):
    """Draw one made-up product photo, upright, with the CONTOH label.

    Flat colours and simple shapes stand for the product; the picture is
    RGBA with a transparent background when ``background`` is None.
    """
    width, height = size
    if background is None:
        image = Image.new("RGBA", size, (0, 0, 0, 0))
    else:
        image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)

    # A table top across the lower third gives the picture some depth.
    if background is not None:
        table = _shade(background, 0.85)
        draw.rectangle((0, int(height * 0.68), width, height), fill=table)

    # The product in the middle, 10 % margins; softened a little, as a
    # camera would, which also keeps the JPEG small.
    box = (width * 0.1, height * 0.14, width * 0.9, height * 0.86)
    DRAWINGS[drawing](draw, box, colour, rng)
    if background is not None:
        image = image.filter(ImageFilter.GaussianBlur(max(1, height // 400)))
        draw = ImageDraw.Draw(image)

    # The label: CONTOH in a red band at the top left, the name below.
    side = min(width, height)
    big = _sample_font(max(14, side // 9), bold=True)
    small = _sample_font(max(10, side // 16))
    margin = max(4, side // 40)
    left, top, right, bottom = draw.textbbox(
        (2 * margin, 2 * margin), "CONTOH", font=big
    )
    draw.rectangle(
        (left - margin, top - margin, right + margin, bottom + margin),
        fill=(200, 20, 20),
    )
    draw.text((2 * margin, 2 * margin), "CONTOH", font=big, fill="white")
    draw.text(
        (width / 2, height - 2 * margin),
        label,
        font=small,
        fill=(30, 30, 30),
        anchor="ms",
        stroke_width=max(1, side // 200),
        stroke_fill="white",
    )
    return image


def _photo_bytes(name, image):
    """Encode a sample photo: PNG, or JPEG, turned for the EXIF one."""
    buffer = io.BytesIO()
    if name.endswith(".png"):
        image.save(buffer, "PNG", optimize=True)
    elif name == TURNED_PHOTO:
        # Stored as the phone's sensor saw it, lying on its side; the tag
        # tells viewers to turn it a quarter to the right.
        exif = Image.Exif()
        exif[EXIF_ORIENTATION] = TURN_RIGHT
        image.transpose(Image.Transpose.ROTATE_90).save(
            buffer, "JPEG", quality=PHOTO_QUALITY, optimize=True, exif=exif
        )
    else:
        image.save(buffer, "JPEG", quality=PHOTO_QUALITY, optimize=True)
    return buffer.getvalue()


def _sample_font(size, bold=False):
    """DejaVu Sans from matplotlib: the same letters on every machine."""
    import matplotlib

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name
    return ImageFont.truetype(
        str(path), size, layout_engine=ImageFont.Layout.BASIC
    )


def _shade(colour, factor):
    """``colour`` darker (factor below 1) or lighter (above 1)."""
    return tuple(max(0, min(255, round(c * factor))) for c in colour)


def _scaled(box, left, top, right, bottom):
    """The part of ``box`` between fractions of its width and height."""
    x0, y0, x1, y1 = box
    width, height = x1 - x0, y1 - y0
    return (
        x0 + left * width,
        y0 + top * height,
        x0 + right * width,
        y0 + bottom * height,
    )


def _chip(draw, centre, radius, colour, rng):
    """One irregular chip: six points around ``centre``."""
    angles = np.sort(rng.uniform(0, 2 * np.pi, 6))
    reach = radius * rng.uniform(0.6, 1.0, 6)
    points = [
        (centre[0] + r * np.cos(a), centre[1] + r * np.sin(a))
        for a, r in zip(angles, reach, strict=True)
    ]
    draw.polygon(points, fill=colour, outline=_shade(colour, 0.8))


def _draw_pouch(draw, box, colour, rng):
    """A standing snack pouch with a window showing chips."""
    body = _scaled(box, 0.2, 0.0, 0.8, 1.0)
    radius = (body[2] - body[0]) * 0.12
    draw.rounded_rectangle(body, radius=radius, fill=colour)
    draw.rectangle(_scaled(box, 0.2, 0.04, 0.8, 0.1), fill=_shade(colour, 0.7))
    window = _scaled(box, 0.3, 0.35, 0.7, 0.75)
    draw.ellipse(window, fill=(250, 246, 235))
    x0, y0, x1, y1 = window
    size = min(x1 - x0, y1 - y0)
    for _ in range(8):
        centre = (
            rng.uniform(x0 + size * 0.3, x1 - size * 0.3),
            rng.uniform(y0 + size * 0.3, y1 - size * 0.3),
        )
        _chip(draw, centre, size * 0.14, (226, 180, 90), rng)


def _draw_chips(draw, box, colour, rng):
    """A plate of chips seen from above."""
    x0, y0, x1, y1 = box
    side = min(x1 - x0, y1 - y0)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    plate = (cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2)
    draw.ellipse(plate, fill=(250, 250, 250), outline=(210, 210, 210))
    for _ in range(14):
        angle = rng.uniform(0, 2 * np.pi)
        distance = rng.uniform(0, side * 0.3)
        centre = (
            cx + distance * np.cos(angle),
            cy + distance * np.sin(angle),
        )
        _chip(draw, centre, side * 0.12, colour, rng)


def _draw_cups(draw, box, colour, rng):
    """A carton of twelve sealed cups seen from above."""
    carton = _scaled(box, 0.05, 0.0, 0.95, 1.0)
    draw.rectangle(carton, fill=(196, 150, 100), outline=(150, 110, 70))
    x0, y0, x1, y1 = carton
    step_x, step_y = (x1 - x0) / 3, (y1 - y0) / 4
    radius = min(step_x, step_y) * 0.42
    for row in range(4):
        for column in range(3):
            cx = x0 + (column + 0.5) * step_x
            cy = y0 + (row + 0.5) * step_y
            draw.ellipse(
                (cx - radius, cy - radius, cx + radius, cy + radius),
                fill=colour,
                outline=(180, 40, 40),
                width=max(1, int(radius // 8)),
            )
            draw.ellipse(
                (cx - radius / 3, cy - radius / 3, cx + radius / 3,
                 cy + radius / 3),
                fill=(120, 170, 60),
            )  # fmt: skip


def _draw_box(draw, box, colour, rng):
    """An open box of round cakes (bakpia)."""
    x0, y0, x1, y1 = box
    draw.rectangle(box, fill=(250, 250, 245), outline=(190, 170, 140))
    step_x, step_y = (x1 - x0) / 5, (y1 - y0) / 4
    radius = min(step_x, step_y) * 0.42
    for row in range(4):
        for column in range(5):
            cx = x0 + (column + 0.5) * step_x
            cy = y0 + (row + 0.5) * step_y
            draw.ellipse(
                (cx - radius, cy - radius, cx + radius, cy + radius),
                fill=colour,
            )
            draw.ellipse(
                (cx - radius / 4, cy - radius / 4, cx + radius / 4,
                 cy + radius / 4),
                fill=_shade(colour, 0.7),
            )  # fmt: skip


def _draw_wrapped(draw, box, colour, rng):
    """Five wrapped sweets (dodol) with twisted ends, on nothing."""
    x0, y0, x1, y1 = box
    height = (y1 - y0) / 5
    for row in range(5):
        top = y0 + row * height + height * 0.15
        bottom = top + height * 0.7
        left = x0 + (x1 - x0) * (0.2 + 0.05 * (row % 2))
        right = left + (x1 - x0) * 0.55
        middle = (top + bottom) / 2
        wrap = (235, 235, 225, 255)
        draw.polygon(
            [(left, middle), (left - height * 0.5, top),
             (left - height * 0.5, bottom)],
            fill=wrap,
        )  # fmt: skip
        draw.polygon(
            [(right, middle), (right + height * 0.5, top),
             (right + height * 0.5, bottom)],
            fill=wrap,
        )  # fmt: skip
        draw.rounded_rectangle(
            (left, top, right, bottom),
            radius=height * 0.2,
            fill=(*colour, 255),
            outline=wrap,
            width=max(1, int(height // 12)),
        )


def _draw_bag(draw, box, colour, rng):
    """A coffee bag with a folded top and a label with a bean."""
    x0, y0, x1, y1 = _scaled(box, 0.2, 0.0, 0.8, 1.0)
    width = x1 - x0
    draw.polygon(
        [(x0, y0 + width * 0.2), (x1, y0 + width * 0.2), (x1 + width * 0.05,
         y1), (x0 - width * 0.05, y1)],
        fill=colour,
    )  # fmt: skip
    draw.rectangle((x0, y0, x1, y0 + width * 0.2), fill=_shade(colour, 0.7))
    label = _scaled((x0, y0, x1, y1), 0.15, 0.4, 0.85, 0.8)
    draw.rectangle(label, fill=(240, 228, 200))
    lx0, ly0, lx1, ly1 = label
    cx, cy = (lx0 + lx1) / 2, (ly0 + ly1) / 2
    bean = min(lx1 - lx0, ly1 - ly0) * 0.3
    draw.ellipse(
        (cx - bean * 0.7, cy - bean, cx + bean * 0.7, cy + bean),
        fill=(70, 40, 20),
    )
    draw.line((cx, cy - bean, cx, cy + bean), fill=(240, 228, 200), width=3)


def _draw_shirt(draw, box, colour, rng):
    """A T-shirt laid flat with a flower print."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    points = [
        (0.3, 0.0), (0.4, 0.05), (0.6, 0.05), (0.7, 0.0), (1.0, 0.15),
        (0.9, 0.35), (0.78, 0.3), (0.78, 1.0), (0.22, 1.0), (0.22, 0.3),
        (0.1, 0.35), (0.0, 0.15),
    ]  # fmt: skip
    draw.polygon([(x0 + px * w, y0 + py * h) for px, py in points], fill=colour)
    for _ in range(3):
        cx = x0 + w * rng.uniform(0.38, 0.62)
        cy = y0 + h * rng.uniform(0.3, 0.6)
        petal = w * 0.05
        for angle in np.linspace(0, 2 * np.pi, 6, endpoint=False):
            px = cx + petal * np.cos(angle)
            py = cy + petal * np.sin(angle)
            draw.ellipse(
                (px - petal, py - petal, px + petal, py + petal),
                fill=(240, 150, 180),
            )
        draw.ellipse(
            (cx - petal * 0.7, cy - petal * 0.7, cx + petal * 0.7,
             cy + petal * 0.7),
            fill=(250, 220, 80),
        )  # fmt: skip


def _draw_keychain(draw, box, colour, rng):
    """A key ring, a short chain, and a wooden monument (Tugu)."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    cx = x0 + w / 2
    ring = h * 0.12
    draw.ellipse(
        (cx - ring, y0, cx + ring, y0 + 2 * ring),
        outline=(200, 200, 210),
        width=max(2, int(ring // 5)),
    )
    draw.line(
        (cx, y0 + 2 * ring, cx, y0 + h * 0.35),
        fill=(200, 200, 210),
        width=max(2, int(ring // 6)),
    )
    draw.polygon(
        [(cx, y0 + h * 0.35), (cx + w * 0.05, y0 + h * 0.45),
         (cx + w * 0.05, y0 + h * 0.85), (cx - w * 0.05, y0 + h * 0.85),
         (cx - w * 0.05, y0 + h * 0.45)],
        fill=colour,
    )  # fmt: skip
    draw.rectangle(
        (cx - w * 0.12, y0 + h * 0.85, cx + w * 0.12, y1),
        fill=_shade(colour, 0.8),
    )


def _draw_hamper(draw, box, colour, rng):
    """A gift box holding smaller packs of the shop's products."""
    draw.rectangle(_scaled(box, 0.0, 0.3, 1.0, 1.0), fill=colour)
    draw.rectangle(_scaled(box, 0.45, 0.3, 0.55, 1.0), fill=(240, 210, 90))
    packs = [(230, 170, 40), (240, 220, 150), (120, 60, 30), (90, 55, 35),
             (250, 240, 200)]  # fmt: skip
    for index, pack in enumerate(packs):
        left = 0.05 + index * 0.18
        top = 0.05 + rng.uniform(0.0, 0.1)
        draw.rectangle(_scaled(box, left, top, left + 0.15, 0.3), fill=pack)


def _draw_cake(draw, box, colour, rng):
    """A plate of nine brownie squares."""
    x0, y0, x1, y1 = box
    side = min(x1 - x0, y1 - y0)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    draw.ellipse(
        (cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2),
        fill=(255, 255, 255),
        outline=(215, 215, 215),
    )
    piece = side * 0.18
    for row in (-1, 0, 1):
        for column in (-1, 0, 1):
            px = cx + column * piece * 1.15
            py = cy + row * piece * 1.15
            draw.rectangle(
                (px - piece / 2, py - piece / 2, px + piece / 2,
                 py + piece / 2),
                fill=colour,
                outline=_shade(colour, 1.5),
            )  # fmt: skip


DRAWINGS = {
    "pouch": _draw_pouch,
    "chips": _draw_chips,
    "cups": _draw_cups,
    "box": _draw_box,
    "wrapped": _draw_wrapped,
    "bag": _draw_bag,
    "shirt": _draw_shirt,
    "keychain": _draw_keychain,
    "hamper": _draw_hamper,
    "cake": _draw_cake,
}


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
            text(
                "sample.readme_products",
                language=language,
                file=f"{PRODUCT_FOLDER}/{PRODUCT_FILE}",
                folder=f"{PRODUCT_FOLDER}/foto/",
                products=len(PRODUCTS),
                photos=len(PHOTOS),
            ),
            text(
                "sample.readme_progress",
                language=language,
                folder=f"{PROGRESS_FOLDER}/",
                sessions=", ".join(map(str, sorted(SESSION_DATES))),
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
    # A child keeps its stream when more children are spawned after it.
    streams = np.random.SeedSequence(seed).spawn(5)
    search_seed, class_seed, uptime_seed, product_seed, progress_seed = streams
    files = {
        f"{SEARCH_CONSOLE_FOLDER}/{name}": content
        for name, content in search_console_files(
            np.random.default_rng(search_seed)
        ).items()
    }
    class_files = class_record_files(np.random.default_rng(class_seed))
    files.update(
        {
            f"{CLASS_FOLDER}/{name}": content
            for name, content in class_files.items()
        }
    )
    questions = {session: session_question_ids(session) for session in SESSIONS}
    files.update(
        {
            f"{PROGRESS_FOLDER}/{name}": content
            for name, content in progress_files(
                np.random.default_rng(progress_seed), class_files, questions
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
    files.update(
        {
            f"{PRODUCT_FOLDER}/{name}": content
            for name, content in product_files(
                np.random.default_rng(product_seed)
            ).items()
        }
    )
    files["README.md"] = readme_text(seed)
    return {
        name: content if isinstance(content, bytes) else content.encode()
        for name, content in files.items()
    }


def _is_sample_folder(folder):
    """True when ``folder`` has the README this module writes."""
    readme = folder / "README.md"
    try:
        first_line = readme.read_text("utf-8").splitlines()[:1]
    except (OSError, UnicodeDecodeError):
        return False
    return first_line == [SAMPLE_MARK]


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
            write_whole(path, files[name])
        except InputError as error:
            raise InputError(
                "sample.cannot_write", path=str(path), reason=error.reason
            ) from None
        logger.info("wrote %s", path)
        written.append(path)
    return written
