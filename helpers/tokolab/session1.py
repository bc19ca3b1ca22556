"""Session 1: e-commerce, market opportunities and the upload calendar.

The questions of the notebooks in ``notebooks/sesi-1/``, and the small
pieces the practice notebook shows. Each notebook binds the questions it
uses as ``soal_1``, ``soal_2`` ...

``00-kuis-awal`` and ``05-kuis-akhir``
    :data:`PRE_QUIZ` and :data:`POST_QUIZ`: the same five multiple-choice
    questions (:func:`quiz_questions`), with their own ids so that
    progress tells the quiz before the session from the one after.
    Taken as a test with :func:`tokolab.quiz.start_quiz` (the first
    saved answer counts) and handed in with :func:`tokolab.quiz.hand_in`.
``01-apa-itu-e-commerce``
    :data:`ecommerce_example`, :data:`reach_benefit`.
``02-jenis-dan-ciri-e-commerce``
    :data:`b2b_case`, :data:`not_a_trait`.
``03-peluang-pasar``
    :func:`market_searches` makes a small table of monthly searches for
    four oleh-oleh products, made up (seeded) and labelled as such;
    :func:`market_chart` draws it; :data:`rising_product` and
    :data:`busy_month` ask which product rises and when Bakpia is busiest
    (a month is read in Indonesian or English, full or abbreviated, as
    the chart's axis writes it: ``Des``).
``04-praktik-kalender-unggah`` (practice a)
    :func:`tokolab.files.output_folder` is where the calendar and the
    table are written (``hasil/``, or a temporary folder under the tests);
    :func:`products_for_plan` picks the sample product list or the one a
    participant uploaded; :class:`PlanForm` chooses the plan with widgets
    and makes it with :func:`tokolab.uploadplan.plan_uploads`;
    :func:`plan_table`, :func:`summary_table` and :func:`weekly_chart`
    show it; :data:`growth_check`, :data:`overlap_check` and
    :func:`placed_check` wrap the checks of :mod:`tokolab.uploadplan` as
    questions, each handing the first finding on as the wrong answer's
    sentence; :func:`broken_plan` is Bu Sari's plan with three mistakes,
    which :func:`edit_upload` (or :class:`PlanEditor`, its form) fixes and
    :func:`fixed_plan_check` checks; :func:`plan_problems` lists every
    problem at once.

A plan's rows are numbered as people count them, 1, 2, 3 ... in the
plan's order, as :mod:`tokolab.uploadplan` counts them in its sentences
("baris ke-5"): :func:`plan_table` shows these numbers in its leftmost
column, and :func:`edit_upload`, :class:`PlanEditor` and
:data:`BROKEN_ROWS` use them.

The widgets only call these functions, which the tests call too. Every
sentence is in ``catalog/session1.toml``.
"""

import base64
import datetime as dt
import io
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import ipywidgets as widgets
import numpy as np
import pandas as pd
from babel.dates import get_day_names, get_month_names
from matplotlib.figure import Figure as MatplotlibFigure

from tokolab.dates import format_date, month_names
from tokolab.errors import InputError
from tokolab.exercises import (
    ChoiceQuestion,
    FunctionQuestion,
    ValueQuestion,
    WrongAnswer,
    sentence_html,
)
from tokolab.files import write_whole
from tokolab.forms import uploaded_file
from tokolab.messages import get_language, text
from tokolab.products import read_products
from tokolab.uploadplan import (
    TIMEZONES,
    check_overlaps,
    check_plan,
    check_products_placed,
    check_weekly_growth,
    given_instead_of_table,
    parse_days,
    parse_start,
    parse_timezone,
    plan_uploads,
    product_entries,
    weekly_summary,
)

logger = logging.getLogger(__name__)

# --- the quiz before and after the session -----------------------------------

QUIZ_ANSWERS = ("a", "b", "c", "b", "a")
"""The right letter of each quiz question, in order."""

QUIZ_IDS = {"pre": "sesi1.kuis_awal", "post": "sesi1.kuis_akhir"}


def quiz_questions(test):
    """The session's five quiz questions.

    Parameters
    ----------
    test : str
        ``"pre"`` (kuis awal) or ``"post"`` (kuis akhir): the same
        questions, with ids ``sesi1.kuis_awal.1`` ... or
        ``sesi1.kuis_akhir.1`` ...

    Returns
    -------
    list of ChoiceQuestion
    """
    prefix = QUIZ_IDS[test]
    return [
        ChoiceQuestion.from_catalog(
            f"session1.quiz_{number}",
            correct,
            id=f"{prefix}.{number}",
            variable=f"soal {number}",
        )
        for number, correct in enumerate(QUIZ_ANSWERS, start=1)
    ]


PRE_QUIZ = quiz_questions("pre")
"""Kuis awal: what a participant knows before the session."""

POST_QUIZ = quiz_questions("post")
"""Kuis akhir: the same questions after the session."""


def _choice(name, correct, question_id):
    """A three-option question whose sentences are ``session1.<name>_*``."""
    return ChoiceQuestion.from_catalog(
        f"session1.{name}", correct, id=question_id
    )


# --- notebook 01 and 02: check questions -------------------------------------

ecommerce_example = _choice("example", "b", "sesi1.e_commerce.contoh")
"""Which of three shops sells by e-commerce? (orders on WhatsApp)"""

reach_benefit = _choice("reach", "a", "sesi1.e_commerce.manfaat")
"""The biggest benefit of an online shop for Bu Sari in Malang."""

b2b_case = _choice("b2b", "a", "sesi1.jenis.b2b")
"""A chips maker sells 200 packs to an oleh-oleh shop: B2B."""

not_a_trait = _choice("trait", "c", "sesi1.jenis.bukan_ciri")
"""Which is not a trait of e-commerce? (buyers must come to the shop)"""


# --- notebook 03: a market opportunity in made-up searches -------------------

MARKET_SEED = 2023
"""Seed of the sample searches: the same table at every run."""

MARKET_PRODUCTS = ("Keripik Tempe", "Bakpia", "Sari Apel", "Kopi Dampit")
"""The products of the sample searches, as the table's columns."""

# Shape of each product's year before noise, January first. Keripik Tempe
# is steady, Bakpia busy in the school holidays and at the year's end,
# Sari Apel slowly falls and Kopi Dampit rises 40 a month.
_MARKET_SHAPES = {
    "Keripik Tempe": [420] * 12,
    "Bakpia": [250, 240, 250, 260, 280, 420, 450, 300, 260, 270, 330, 700],
    "Sari Apel": [380 - 8 * month for month in range(12)],
    "Kopi Dampit": [100 + 40 * month for month in range(12)],
}

# Noise is a whole number from -15 to 15: smaller than half of Kopi
# Dampit's monthly step, so it rises every month whatever the seed.
_MARKET_NOISE = 15


def market_searches(seed=MARKET_SEED):
    """Monthly searches for four oleh-oleh products: made-up sample data.

    Parameters
    ----------
    seed : int
        Seed of the noise added to each month.

    Returns
    -------
    pandas.DataFrame
        Twelve rows, indexed by the Indonesian month names ``Januari`` ...
        ``Desember``, one column of whole numbers per product of
        :data:`MARKET_PRODUCTS`. ``attrs["title"]`` says the data is made
        up. By construction Kopi Dampit rises every month and Bakpia is
        highest in Desember.
    """
    noise = np.random.default_rng(seed).integers(
        -_MARKET_NOISE, _MARKET_NOISE + 1, size=(12, len(MARKET_PRODUCTS))
    )
    months = get_month_names("wide", locale="id")
    table = pd.DataFrame(
        {
            product: np.array(_MARKET_SHAPES[product]) + noise[:, column]
            for column, product in enumerate(MARKET_PRODUCTS)
        },
        index=pd.Index(
            [months[number].capitalize() for number in range(1, 13)],
            name=text("session1.market_month"),
        ),
    )
    table.attrs["title"] = text("session1.market_title")
    return table


def market_chart(table):
    """A line per product over the months, titled as made-up data.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`market_searches`.

    Returns
    -------
    matplotlib.figure.Figure
    """
    figure, axes = _new_figure((8, 4))
    for product in table.columns:
        axes.plot(range(len(table)), table[product], marker="o", label=product)
    axes.set_xticks(range(len(table)))
    axes.set_xticklabels([month[:3] for month in table.index])
    axes.set_title(table.attrs.get("title", text("session1.market_title")))
    axes.set_xlabel(text("session1.market_month"))
    axes.set_ylabel(text("session1.market_searches"))
    axes.set_ylim(bottom=0)
    axes.grid(alpha=0.3)
    axes.legend()
    return figure


rising_product = ValueQuestion(
    "Kopi Dampit",
    id="sesi1.peluang.produk_naik",
    variable="produk_naik",
    prompt="session1.rising_prompt",
    hints=[
        "session1.rising_hint_1",
        "session1.rising_hint_2",
        "session1.rising_hint_3",
    ],
    solution="session1.rising_solution",
    code='produk_naik = "Kopi Dampit"',
    right="session1.rising_right",
    mistakes=[
        ("Bakpia", "session1.rising_bakpia"),
        ("Keripik Tempe", "session1.rising_tempe"),
        ("Sari Apel", "session1.rising_sari_apel"),
    ],
)
"""Which product's searches rise every month? (Kopi Dampit)"""


class MonthQuestion(ValueQuestion):
    """A question answered with a month, in any of the month's names.

    ``Des``, ``des.``, ``Desember``, ``December``, ``Dec`` and ``12`` are
    all December: a name is read with :func:`tokolab.dates.month_names`
    (Indonesian and English, full and abbreviated, any letter case) and
    compared as the Indonesian month's full name (``Desember``), which
    ``expected`` and the ``mistakes`` are written in. An answer that is
    no month is compared as written.
    """

    def evaluate(self, answer):
        return super().evaluate(_month_name(answer))


busy_month = MonthQuestion(
    "Desember",
    id="sesi1.peluang.bulan_ramai",
    variable="bulan_ramai",
    prompt="session1.busy_prompt",
    hints=["session1.busy_hint_1", "session1.busy_hint_2"],
    solution="session1.busy_solution",
    code='bulan_ramai = tabel["Bakpia"].idxmax()',
    right="session1.busy_right",
    mistakes=[
        ("Juli", "session1.busy_july"),
        ("Juni", "session1.busy_june"),
    ],
)
"""In which month is Bakpia searched most? (Desember, or ``Des`` ...)"""


# --- notebook 04: the product list -------------------------------------------


@dataclass
class Note:
    """A sentence for the participant, shown as a grey box."""

    message: str

    def __str__(self):
        return self.message

    def _repr_pretty_(self, printer, cycle):
        printer.text(self.message)

    def _repr_html_(self):
        return _box(self.message, "#616161", "#f5f5f5")


def products_for_plan(upload, sample, folder):
    """The product list to plan: the participant's own, or the sample.

    Parameters
    ----------
    upload : ipywidgets.FileUpload, UploadedFile or None
        A CSV file the participant uploaded, in the format of
        :func:`tokolab.products.read_products`; None or an empty upload
        button for none.
    sample : str or Path
        The sample list, used when nothing was uploaded or the upload
        cannot be read.
    folder : str or Path
        Where a copy of the uploaded file is kept (made when missing), so
        that it can be read like any file. The copy keeps the uploaded
        file's name; it is written whole, never over the sample list
        (:func:`tokolab.files.write_whole`).

    Returns
    -------
    products : pandas.DataFrame
        As :func:`tokolab.products.read_products` returns.
    note : Note
        Which list is used and how many products it has; for an upload
        that cannot be read, why, in the reader's words.

    Raises
    ------
    InputError
        When the sample list itself cannot be read.
    """
    if isinstance(upload, widgets.FileUpload):
        upload = uploaded_file(upload)
    if upload is not None:
        # The file's own name, without any folder a browser may send.
        name = re.split(r"[\\/]", upload.name)[-1].strip()
        if name.strip(".") == "":
            name = "produk.csv"
        path = Path(folder) / name
        try:
            write_whole(path, upload.content, inputs=[sample])
            products = read_products(path)
        except InputError as error:
            reason = str(error)
        else:
            count = len(products)
            message = text("session1.products_uploaded", name=name, count=count)
            return products, Note(message)
        sample_products = read_products(sample)
        message = text(
            "session1.products_upload_failed", name=name, reason=reason
        )
        return sample_products, Note(message)

    products = read_products(sample)
    message = text(
        "session1.products_sample", name=Path(sample).name, count=len(products)
    )
    return products, Note(message)


# --- notebook 04: choosing the plan with a form ------------------------------

EXAMPLE_CHOICES = {
    "start": "2024-01-08",
    "first_week": 2,
    "growth": "+1",
    "days": ["Senin", "Rabu", "Jumat"],
    "times": "09:00, 19:00",
    "duration": 30,
    "timezone": "WIB",
}
"""The choices a :class:`PlanForm` starts with, and Bu Sari's plan."""

GROWTH_OPTIONS = (
    ("session1.growth_add_1", "+1"),
    ("session1.growth_add_2", "+2"),
    ("session1.growth_times_1_5", "x1.5"),
    ("session1.growth_times_2", "x2"),
    ("session1.growth_flat", "+0"),
)
"""The growth rules a form offers: catalog key, then the rule."""

DURATIONS = (15, 30, 45, 60)
"""Lengths of one upload a form offers [minutes]."""


class PlanForm(widgets.VBox):
    """Widgets to choose a plan, a button to make it, a place to see it.

    Parameters
    ----------
    products : pandas.DataFrame
        The product list to plan.
    choices : dict, optional
        The choices shown at first; default :data:`EXAMPLE_CHOICES`.

    Notes
    -----
    :meth:`choices` reads the widgets into the keywords of
    :func:`tokolab.uploadplan.plan_uploads`; :meth:`make_plan` makes the
    plan from them; the button calls :meth:`show`, which shows the plan,
    its weekly summary and chart, or what is wrong with a choice.
    """

    def __init__(self, products, choices=None):
        self.products = products
        chosen = {**EXAMPLE_CHOICES, **(choices or {})}
        style = {"description_width": "initial"}

        self.start = widgets.DatePicker(
            value=parse_start(chosen["start"]),
            description=text("session1.form_start"),
            style=style,
        )
        self.first_week = widgets.BoundedIntText(
            value=chosen["first_week"],
            min=1,
            max=50,
            description=text("session1.form_first_week"),
            style=style,
        )
        self.growth = widgets.Dropdown(
            options=[(text(key), rule) for key, rule in GROWTH_OPTIONS],
            value=chosen["growth"],
            description=text("session1.form_growth"),
            style=style,
        )
        wanted = set(parse_days(chosen["days"]))
        self.days = [
            widgets.ToggleButton(
                value=number in wanted,
                description=name,
                layout=widgets.Layout(width="90px"),
            )
            for number, name in enumerate(_day_names())
        ]
        self.times = widgets.Text(
            value=chosen["times"],
            description=text("session1.form_times"),
            style=style,
        )
        self.duration = widgets.Dropdown(
            options=list(DURATIONS),
            value=chosen["duration"],
            description=text("session1.form_duration"),
            style=style,
        )
        self.timezone = widgets.Dropdown(
            options=["WIB", "WITA", "WIT"],
            value=chosen["timezone"],
            description=text("session1.form_timezone"),
            style=style,
        )
        self.button = widgets.Button(
            description=text("session1.form_button"), button_style="primary"
        )
        self.output = widgets.Output()
        self.button.on_click(lambda _: self.show())

        days_label = widgets.Label(text("session1.form_days"))
        super().__init__(
            children=[
                self.start,
                self.first_week,
                self.growth,
                days_label,
                widgets.HBox(self.days),
                self.times,
                self.duration,
                self.timezone,
                self.button,
                self.output,
            ]
        )

    def choices(self):
        """The widgets' values as keywords of ``plan_uploads``.

        Returns
        -------
        dict
            ``start`` (ISO date, or None when no date is picked),
            ``first_week``, ``growth``, ``days`` (names), ``times``,
            ``duration`` and ``timezone``.
        """
        start = self.start.value
        return {
            "start": start.isoformat() if start else None,
            "first_week": self.first_week.value,
            "growth": self.growth.value,
            "days": [day.description for day in self.days if day.value],
            "times": self.times.value,
            "duration": self.duration.value,
            "timezone": self.timezone.value,
        }

    def make_plan(self):
        """The plan for the chosen values.

        Raises
        ------
        InputError
            ``session1.no_start`` when no start date is picked (the
            picker was cleared); otherwise when a choice cannot be used
            (see ``plan_uploads``).
        """
        choices = self.choices()
        if choices["start"] is None:
            raise InputError(
                "session1.no_start",
                column="start",
                expected=EXAMPLE_CHOICES["start"],
                found="",
            )
        return plan_uploads(self.products, **choices)

    def show(self):
        """Make the plan and show it; show the reason when it cannot be.

        Returns
        -------
        pandas.DataFrame or None
            The plan, or None when a choice cannot be used.
        """
        try:
            plan = self.make_plan()
        except InputError as error:
            reason = text("session1.form_not_made", reason=str(error))
            _show(self.output, Note(reason))
            return None
        summary = weekly_summary(plan)
        _show(
            self.output,
            plan_heading(plan),
            plan_table(plan),
            Note(text("session1.form_summary_heading")),
            summary_table(summary),
            weekly_chart(summary),
        )
        return plan


def plan_heading(plan):
    """``Rencana unggah: 12 unggahan dalam 4 minggu`` as a Note."""
    weeks = int(pd.Series(plan["week"]).astype(int).max()) if len(plan) else 0
    return Note(
        text("session1.form_plan_heading", uploads=len(plan), weeks=weeks)
    )


# --- notebook 04: the plan for people ----------------------------------------


def plan_table(plan):
    """A plan as people read it: week, day, date, time, code, name.

    Parameters
    ----------
    plan : pandas.DataFrame
        As :func:`tokolab.uploadplan.plan_uploads` returns, or as edited
        by :func:`edit_upload`.

    Returns
    -------
    pandas.DataFrame
        The plan's rows in its order, indexed by their row numbers 1, 2,
        3 ... (the numbers :func:`edit_upload` takes and the checks of
        :mod:`tokolab.uploadplan` name), headers in the language in use:
        week, day (``Senin``), date (``8 Januari 2024``), time
        (``09.00-09.30 WIB``), product code and product name.
    """
    zone = _zone_of(plan)
    starts = [_moment(value, zone) for value in plan["start"]]
    ends = [_moment(value, zone) for value in plan["end"]]
    day_names = get_day_names("wide", locale=get_language())
    abbreviation = TIMEZONES.get(zone.key, zone.key)
    return pd.DataFrame(
        {
            text("uploadplan.header_week"): list(plan["week"]),
            text("uploadplan.header_day"): [
                day_names[start.weekday()] for start in starts
            ],
            text("uploadplan.header_date"): [
                format_date(start.date(), weekday=False) for start in starts
            ],
            text("session1.header_time"): [
                f"{_clock(start)}-{_clock(end)} {abbreviation}"
                for start, end in zip(starts, ends, strict=True)
            ],
            text("uploadplan.header_code"): list(plan["product_code"]),
            text("uploadplan.header_name"): list(plan["product_name"]),
        },
        index=pd.RangeIndex(1, len(plan) + 1),
    )


def summary_table(summary):
    """A weekly summary as people read it.

    Parameters
    ----------
    summary : pandas.DataFrame
        From :func:`tokolab.uploadplan.weekly_summary`.

    Returns
    -------
    pandas.DataFrame
        One row per week: week, first and last upload (dates such as
        ``8 Januari 2024``, ``-`` for a week without uploads), uploads,
        change from the week before (``+1``, ``-1``, ``-`` for week 1)
        and the growth rule's target (``-`` when unknown).
    """

    def day(moment):
        if pd.isna(moment):
            return "-"
        return format_date(moment.date(), weekday=False)

    def signed(value):
        return "-" if pd.isna(value) else f"{int(value):+d}"

    return pd.DataFrame(
        {
            text("uploadplan.header_week"): list(summary["week"]),
            text("session1.header_first_upload"): [
                day(moment) for moment in summary["first_upload"]
            ],
            text("session1.header_last_upload"): [
                day(moment) for moment in summary["last_upload"]
            ],
            text("session1.header_uploads"): list(summary["uploads"]),
            text("session1.header_change"): [
                signed(value) for value in summary["change"]
            ],
            text("session1.header_target"): [
                "-" if pd.isna(value) else str(int(value))
                for value in summary["target"]
            ],
        }
    )


def weekly_chart(summary):
    """A bar of uploads per week, the growth rule's target as a line.

    Parameters
    ----------
    summary : pandas.DataFrame
        From :func:`tokolab.uploadplan.weekly_summary`.

    Returns
    -------
    matplotlib.figure.Figure
        Shown once as a cell's result (see :func:`_new_figure`).
    """
    figure, axes = _new_figure((6, 3.2))
    weeks = list(summary["week"])
    uploads = list(summary["uploads"])
    bars = axes.bar(weeks, uploads, color="#2e7d32")
    axes.bar_label(bars, label_type="center", color="white", weight="bold")

    # The target of each week as a short blue line across its bar.
    known = [
        (week, int(target))
        for week, target in zip(weeks, summary["target"], strict=True)
        if not pd.isna(target)
    ]
    if known:
        axes.plot(
            [week for week, _ in known],
            [target for _, target in known],
            linestyle="none",
            marker="_",
            markersize=40,
            markeredgewidth=3,
            color="#1565c0",
            label=text("session1.chart_target"),
        )
        axes.legend(loc="upper left", markerscale=0.4)
    axes.set_xticks(weeks)
    axes.set_title(text("session1.chart_title"))
    axes.set_xlabel(text("session1.chart_week"))
    axes.set_ylabel(text("session1.chart_uploads"))
    highest = max(uploads + [target for _, target in known] + [1])
    axes.set_ylim(0, highest * 1.3)
    return figure


# --- notebook 04: the plan's checks as questions -----------------------------


def _raise_first(findings):
    """Raise WrongAnswer for the first finding, if there is one."""
    if findings:
        first = findings[0]
        raise WrongAnswer(first.key, **first.written_fields())


def _readable(check, *arguments):
    """Run a check of uploadplan; a plan it cannot read is a wrong answer."""
    try:
        return check(*arguments)
    except InputError as error:
        raise WrongAnswer(
            "session1.plan_unreadable", reason=str(error)
        ) from None


def check_rising(plan):
    """Raise WrongAnswer unless the plan never falls and does rise.

    Never falls: :func:`tokolab.uploadplan.check_weekly_growth` (the last
    week may be short). Rises: the plan has more than one week, and some
    week has more uploads than week 1.
    """
    _raise_first(_readable(check_weekly_growth, plan))
    counts = weekly_summary(plan)["uploads"].tolist()
    if len(counts) < 2:
        raise WrongAnswer("session1.plan_one_week", uploads=sum(counts))
    if max(counts[1:]) <= counts[0]:
        raise WrongAnswer("session1.plan_not_rising", first=counts[0])


def check_no_overlap(plan):
    """Raise WrongAnswer for the first two uploads at the same time."""
    _raise_first(_readable(check_overlaps, plan))


_PLAN_CODE = """rencana = plan_uploads(
    produk,
    start="2024-01-08",
    first_week=2,
    growth="+1",
    days="Senin, Rabu, Jumat",
    times="09:00, 19:00",
)"""

growth_check = FunctionQuestion(
    check_rising,
    id="sesi1.kalender.naik",
    variable="rencana",
    hints=[
        "session1.growth_hint_1",
        "session1.growth_hint_2",
        "session1.growth_hint_3",
    ],
    solution="session1.growth_solution",
    code=_PLAN_CODE,
)
"""The plan's uploads never fall from one week to the next, and rise."""

overlap_check = FunctionQuestion(
    check_no_overlap,
    id="sesi1.kalender.bentrok",
    variable="rencana",
    hints=["session1.overlap_hint_1", "session1.overlap_hint_2"],
    solution="session1.overlap_solution",
    code=_PLAN_CODE,
)
"""No two uploads of the plan at the same time."""


def placed_check(products):
    """The question: every product of ``products`` placed exactly once.

    Parameters
    ----------
    products : pandas.DataFrame
        The product list the participant planned.

    Returns
    -------
    FunctionQuestion
        Answered with the plan (``rencana``).
    """

    def check_placed(plan):
        _raise_first(_readable(check_products_placed, plan, products))

    return FunctionQuestion(
        check_placed,
        id="sesi1.kalender.lengkap",
        variable="rencana",
        hints=["session1.placed_hint_1", "session1.placed_hint_2"],
        solution="session1.placed_solution",
        code=_PLAN_CODE,
    )


# --- notebook 04: Bu Sari's plan, broken and fixed ---------------------------

BROKEN_ROWS = {"week": 5, "overlap": 8, "code": 11}
"""Row numbers (1 = the first, as :func:`plan_table` shows them) of the
three mistakes in :func:`broken_plan`."""


def broken_plan(products):
    """Bu Sari's plan after she edited it by hand: three mistakes.

    The plan of :data:`EXAMPLE_CHOICES` (from Monday 8 January 2024, 2
    uploads in week 1, +1 a week, Monday, Wednesday and Friday at 09:00
    and 19:00 WIB), then, rows counted from 1 (:data:`BROKEN_ROWS`):

    - row 5 (the fifth upload, Friday 19 January) says week 1, so week 1
      has 3 uploads and week 2 only 2;
    - row 8 is moved to the time of row 7, so the two clash;
    - row 11 is a copy of row 10 (its product code and name), so one
      product is planned twice and the product of row 11 is missing.
      What the table shows agrees with what the checker says: the copied
      product twice, the missing one nowhere.

    Parameters
    ----------
    products : pandas.DataFrame
        The sample product list (at least 11 products).

    Returns
    -------
    pandas.DataFrame
        A plan as :func:`tokolab.uploadplan.plan_uploads` returns, with
        its ``attrs``.

    Raises
    ------
    ValueError
        When the list has fewer than 11 products.
    """
    if len(products) < 11:
        raise ValueError("the broken plan needs at least 11 products")
    plan = plan_uploads(products, **EXAMPLE_CHOICES)
    broken = plan.copy()
    broken.attrs = dict(plan.attrs)
    rows = {
        name: plan.index[number - 1] for name, number in BROKEN_ROWS.items()
    }

    # Row 5: a week number typed wrong.
    broken.loc[rows["week"], "week"] = 1

    # Row 8: moved to the time of row 7.
    before = plan.index[BROKEN_ROWS["overlap"] - 2]
    broken.loc[rows["overlap"], ["start", "end"]] = plan.loc[
        before, ["start", "end"]
    ]

    # Row 11: the product of row 10 copied in, code and name.
    before = plan.index[BROKEN_ROWS["code"] - 2]
    columns = ["product_code", "product_name"]
    broken.loc[rows["code"], columns] = plan.loc[before, columns]
    return broken


def fixed_plan_check(products):
    """The question: Bu Sari's plan, fixed, passes every check.

    Parameters
    ----------
    products : pandas.DataFrame
        The product list of the plan (the sample list).

    Returns
    -------
    FunctionQuestion
        Answered with the fixed plan (``rencana_baru``).
    """

    def check_fixed(plan):
        _raise_first(_readable(check_plan, plan, products))

    return FunctionQuestion(
        check_fixed,
        id="sesi1.kalender.perbaiki",
        variable="rencana_baru",
        hints=[
            "session1.fix_hint_1",
            "session1.fix_hint_2",
            "session1.fix_hint_3",
        ],
        solution="session1.fix_solution",
        code=(
            "rencana_baru = session1.edit_upload(rencana_rusak, 5, week=2)\n"
            "rencana_baru = session1.edit_upload(\n"
            '    rencana_baru, 8, start="2024-01-24 19:00"\n'
            ")\n"
            "rencana_baru = session1.edit_upload(\n"
            '    rencana_baru, 11, code="SR-11", products=produk_contoh\n'
            ")"
        ),
    )


@dataclass
class Problems:
    """Every problem the checks found in a plan, shown as a list."""

    sentences: list

    def __str__(self):
        if not self.sentences:
            return text("session1.no_problems")
        lines = [text("session1.problems_heading", count=len(self.sentences))]
        lines += [f"{n}. {s}" for n, s in enumerate(self.sentences, 1)]
        return "\n".join(lines)

    def _repr_pretty_(self, printer, cycle):
        printer.text(str(self))

    def _repr_html_(self):
        if not self.sentences:
            return _box(text("session1.no_problems"), "#2e7d32", "#e8f5e9")
        items = "".join(
            f"<li>{sentence_html(sentence)}</li>" for sentence in self.sentences
        )
        heading = text("session1.problems_heading", count=len(self.sentences))
        return _box(heading, "#c62828", "#ffebee", f"<ol>{items}</ol>")


def plan_problems(plan, products):
    """Every problem of a plan at once, as sentences.

    Parameters
    ----------
    plan, products : pandas.DataFrame
        As :func:`tokolab.uploadplan.check_plan` takes them.

    Returns
    -------
    Problems
        The findings of :func:`tokolab.uploadplan.check_plan`, in its
        order, in the language in use.
    """
    return Problems(
        [finding.message() for finding in check_plan(plan, products)]
    )


def edit_upload(plan, row, *, week=None, start=None, code=None, products=None):
    """A copy of a plan with one upload changed.

    Parameters
    ----------
    plan : pandas.DataFrame
        A plan as :func:`tokolab.uploadplan.plan_uploads` returns.
    row : int
        The upload's row number, counted from 1 in the plan's order: the
        leftmost column of :func:`plan_table`.
    week : int, optional
        The new week number (1 or more).
    start : str, datetime.datetime, optional
        The new start, a date then a time of day: ``2024-01-24 19:00``,
        ``24 Januari 2024 19.00``, ``Rabu, 24 Januari 2024 19:00``. The
        end moves with it: the upload keeps its length.
    code : str, optional
        The new product code; the name is taken from ``products``.
    products : pandas.DataFrame, optional
        The product list; needed with ``code``: write
        ``products=produk_contoh``.

    Returns
    -------
    pandas.DataFrame
        The changed copy, with the plan's ``attrs``; the plan itself is
        left as it was.

    Raises
    ------
    InputError
        ``session1.no_such_row``, ``session1.bad_week``,
        ``session1.bad_moment`` or ``session1.unknown_code``, naming
        what was written and what is expected;
        ``uploadplan.plan_not_a_table`` for a plan that is no table;
        ``uploadplan.products_not_a_table`` or
        ``uploadplan.products_missing_columns`` for a ``code`` without a
        usable product list.
    """
    if not isinstance(plan, pd.DataFrame):
        raise InputError(
            "uploadplan.plan_not_a_table", found=given_instead_of_table(plan)
        )
    label = plan.index[_row_position(plan, row)]
    edited = plan.copy()
    edited.attrs = dict(plan.attrs)

    # The week: a whole number, 1 or more.
    if week is not None:
        number = _whole_number(week)
        if number is None or number < 1:
            raise InputError(
                "session1.bad_week", row=row, expected="2", found=week
            )
        edited.loc[label, "week"] = number

    # The start, and the end that keeps the upload's length.
    if start is not None:
        zone = _zone_of(plan)
        moment = _written_moment(start, zone)
        length = _moment(plan.loc[label, "end"], zone) - _moment(
            plan.loc[label, "start"], zone
        )
        edited.loc[label, ["start", "end"]] = [
            pd.Timestamp(moment),
            pd.Timestamp(moment + length),
        ]

    # The code, and the name the product list gives it.
    if code is not None:
        names = product_entries(products)
        wanted = str(code).strip().casefold()
        matches = [known for known in names if known.casefold() == wanted]
        if not matches:
            raise InputError(
                "session1.unknown_code",
                found=code,
                expected=", ".join(names),
            )
        edited.loc[label, "product_code"] = matches[0]
        edited.loc[label, "product_name"] = names[matches[0]]
    return edited


def _row_position(plan, row):
    """The position of row number ``row`` (1 = the first), or InputError."""
    number = _whole_number(row)
    if number is None or not 1 <= number <= len(plan):
        raise InputError(
            "session1.no_such_row", found=row, row=row, expected=len(plan)
        )
    return number - 1


class PlanEditor(widgets.VBox):
    """A form to change one upload of a plan at a time.

    Parameters
    ----------
    plan : pandas.DataFrame
        The plan to start from (it is not changed).
    products : pandas.DataFrame
        The product list: the codes offered.

    Attributes
    ----------
    plan : pandas.DataFrame
        The plan with every change saved so far.

    Notes
    -----
    Rows are numbered from 1, as :func:`plan_table` shows them.
    Choosing a row fills the fields with its values; **Simpan
    perubahan** calls :meth:`save` (that is, :func:`edit_upload`) and
    **Mulai dari awal** :meth:`reset`. The table below the buttons shows
    the plan as it is now.
    """

    def __init__(self, plan, products):
        self.original = plan
        self.plan = plan
        self.products = products
        style = {"description_width": "initial"}

        self.row = widgets.Dropdown(
            options=list(range(1, len(plan) + 1)),
            description=text("session1.editor_row"),
            style=style,
        )
        self.week = widgets.BoundedIntText(
            min=1,
            max=52,
            description=text("session1.editor_week"),
            style=style,
        )
        self.start = widgets.Text(
            description=text("session1.editor_start"), style=style
        )
        self.code = widgets.Dropdown(
            options=list(product_entries(products)),
            description=text("session1.editor_code"),
            style=style,
        )
        self.save_button = widgets.Button(
            description=text("session1.editor_save"), button_style="primary"
        )
        self.reset_button = widgets.Button(
            description=text("session1.editor_reset")
        )
        self.message = widgets.Output()
        self.table = widgets.Output()

        self.row.observe(lambda _: self.fill(), names="value")
        self.save_button.on_click(lambda _: self.save())
        self.reset_button.on_click(lambda _: self.reset())
        super().__init__(
            children=[
                self.row,
                self.week,
                self.start,
                self.code,
                widgets.HBox([self.save_button, self.reset_button]),
                self.message,
                self.table,
            ]
        )
        self.fill()
        self._show_table()

    def fill(self):
        """Fill the fields with the chosen row's values."""
        upload = self.plan.iloc[_row_position(self.plan, self.row.value)]
        zone = _zone_of(self.plan)
        self.week.value = int(upload["week"])
        start = _moment(upload["start"], zone)
        self.start.value = start.strftime("%Y-%m-%d %H:%M")
        code = str(upload["product_code"])
        if code in self.code.options:
            self.code.value = code

    def save(self):
        """Apply the fields to the chosen row.

        Returns
        -------
        pandas.DataFrame or None
            The changed plan, or None when a field cannot be used (the
            reason is shown).
        """
        row = self.row.value
        try:
            self.plan = edit_upload(
                self.plan,
                row,
                week=self.week.value,
                start=self.start.value,
                code=self.code.value,
                products=self.products,
            )
        except InputError as error:
            self._say(Note(str(error)))
            return None
        self._say(Note(text("session1.editor_saved", row=row)))
        self._show_table()
        return self.plan

    def reset(self):
        """Go back to the plan the editor started from."""
        self.plan = self.original
        self.fill()
        self._say(Note(text("session1.editor_reset_done")))
        self._show_table()
        return self.plan

    def _say(self, note):
        _show(self.message, note)

    def _show_table(self):
        _show(self.table, plan_table(self.plan))


# --- small pieces ------------------------------------------------------------


_MOMENT = re.compile(
    r"^(?P<date>.+?)[\sT,]+(?P<hour>\d{1,2})[:.](?P<minute>\d{2})$"
)


def _written_moment(written, zone):
    """A tz-aware datetime from ``2024-01-24 19:00`` and the like."""
    if isinstance(written, dt.datetime):
        moment = pd.Timestamp(written)
        if moment.tzinfo is None:
            return moment.tz_localize(zone).to_pydatetime()
        return moment.tz_convert(zone).to_pydatetime()

    match = _MOMENT.match(str(written).strip())
    if match:
        hour, minute = int(match["hour"]), int(match["minute"])
        try:
            day = parse_start(match["date"].strip(" ,"), zone)
        except InputError:
            day = None
        if day is not None and hour < 24 and minute < 60:
            return dt.datetime.combine(day, dt.time(hour, minute), zone)
    raise InputError(
        "session1.bad_moment", found=written, expected="2024-01-24 19:00"
    )


def _month_name(answer):
    """The Indonesian full name of the month ``answer`` names, else it."""
    number = None
    if isinstance(answer, str):
        number = month_names().get(answer.strip().rstrip(".").lower())
    elif isinstance(answer, int | np.integer) and not isinstance(answer, bool):
        number = int(answer) if 1 <= answer <= 12 else None
    if number is None:
        return answer
    return get_month_names("wide", locale="id")[number].capitalize()


def _zone_of(plan):
    """The plan's time zone: its attrs, else WIB."""
    return parse_timezone(plan.attrs.get("timezone", "WIB"))


def _moment(value, zone):
    """A cell of a start or end column as a Timestamp in ``zone``."""
    moment = pd.Timestamp(value)
    if moment.tzinfo is None:
        return moment.tz_localize(zone)
    return moment.tz_convert(zone)


def _clock(moment):
    """``09.00`` in Indonesian, ``09:00`` in English."""
    separator = "." if get_language() == "id" else ":"
    return f"{moment:%H}{separator}{moment:%M}"


def _day_names():
    """Monday to Sunday in the language in use."""
    names = get_day_names("wide", locale=get_language())
    return [names[number] for number in range(7)]


def _whole_number(value):
    """A whole number from an int or digits, or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"[0-9]+", value.strip()):
        return int(value.strip())
    return None


def _show(output, *shown):
    """Make an Output widget show ``shown``, replacing what it showed.

    The outputs are set directly rather than captured with ``with
    output:``, which needs a running kernel: so a form shows the same in
    a notebook and in a test.
    """
    output.outputs = tuple(
        {"output_type": "display_data", "data": _bundle(item), "metadata": {}}
        for item in shown
    )


def _bundle(item):
    """The MIME bundle of a Note, Problems, table or figure."""
    if isinstance(item, MatplotlibFigure):
        buffer = io.BytesIO()
        item.savefig(buffer, format="png")
        return {
            "text/plain": repr(item),
            "image/png": base64.b64encode(buffer.getvalue()).decode("ascii"),
        }
    if isinstance(item, pd.DataFrame):
        return {"text/plain": repr(item), "text/html": item.to_html()}
    return {"text/plain": str(item), "text/html": item._repr_html_()}


def _new_figure(size):
    """A figure and its axes, shown only when it is a cell's result.

    Made with pyplot, so that a notebook's inline backend knows how to
    show a figure, then closed, so that pyplot does not show it a second
    time at the end of the cell.
    """
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=size, layout="constrained")
    pyplot.close(figure)
    return figure, axes


def _box(message, border, background, extra=""):
    """A coloured box holding a sentence (and more HTML)."""
    return (
        f'<div style="border-left:6px solid {border};'
        f"background:{background};color:#212121;padding:8px 12px;"
        f'margin:4px 0;border-radius:4px">{sentence_html(message)}'
        f"{extra}</div>"
    )
