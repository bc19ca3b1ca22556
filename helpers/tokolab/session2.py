"""Session 2, product descriptions and a catalog with photos: its questions.

Every question object of the session's notebooks (``notebooks/sesi-2/``),
and the forms its practice notebooks show. A notebook binds the questions
it needs as ``soal_1``, ``soal_2`` ... and shows them with
:func:`tokolab.forms.choice_form` or :func:`tokolab.forms.answer_form`.

========================================  ===================================
notebook                                  questions and forms
========================================  ===================================
``00-kuis-awal``, ``05-kuis-akhir``       :data:`QUIZ_BEFORE`,
                                          :data:`QUIZ_AFTER`: the same five
                                          questions (:func:`quiz_questions`)
``01-menulis-deskripsi-produk``           :data:`fact_not_praise`,
                                          :data:`most_important_first`
``02-foto-produk``                        :data:`photo_background`,
                                          :data:`extra_photo`
``03-praktik-deskripsi-produk``           :data:`rewrite_description`,
                                          :data:`most_findings`,
                                          :data:`no_findings`;
                                          :func:`description_form`,
                                          :func:`product_list_form`
``04-praktik-katalog-produk``             :data:`turned_upright`,
                                          :data:`portrait_side`,
                                          :data:`enlarged_photo`,
                                          :data:`catalog_file`;
                                          :func:`photo_table`,
                                          :func:`photo_form`,
                                          :func:`catalog_form`
========================================  ===================================

What participants take home is written into
:func:`tokolab.files.output_folder`, ``hasil/`` beside the notebook, or
the folder named by the environment variable ``TOKOLAB_HASIL`` (tests
and nbval set it, so that running the notebooks writes nothing into
``notebooks/``).
"""

import base64
import html
import io
import logging
import os
import re
from pathlib import Path

import ipywidgets as widgets
import pandas as pd
from PIL import Image, ImageOps

from tokolab.copywriting import (
    FACTS,
    check_description,
    check_products,
    explain,
    findings_table,
    read_rules,
    summary_table,
    write_checked_table,
)
from tokolab.errors import InputError
from tokolab.exercises import (
    ChoiceQuestion,
    FunctionQuestion,
    ValueQuestion,
    WrongAnswer,
    written,
)
from tokolab.files import output_folder_path, write_whole
from tokolab.forms import (
    AnswerForm,
    dropdown,
    file_upload,
    text_area,
    text_box,
)
from tokolab.messages import format_number, text
from tokolab.productcatalog import catalog_page, prepare_photos, square_photo
from tokolab.products import CATEGORIES
from tokolab.rupiah import format_rupiah, parse_rupiah
from tokolab.tables import read_bytes

logger = logging.getLogger(__name__)

SESSION = 2


# --- the quiz before and after the session ----------------------------------

# (id part, correct letter, option keys' stem): each question's catalog
# keys are session2.quiz_<stem>_prompt, _a, _b, _c, _why_<letter>,
# _hint_1, _hint_2 and _solution.
_QUIZ = (
    ("jujur", "b", "honest"),
    ("kedaluwarsa", "b", "expiry"),
    ("untuk_siapa", "a", "who_for"),
    ("cahaya", "c", "light"),
    ("persegi", "b", "square"),
)


def quiz_questions(test):
    """The five quiz questions of session 2, for the quiz ``test``.

    Parameters
    ----------
    test : str
        ``"pre"`` (kuis awal) or ``"post"`` (kuis akhir): the questions
        are the same, their ids differ (``sesi2.kuis_awal.jujur``,
        ``sesi2.kuis_akhir.jujur``) so progress tells them apart.

    Returns
    -------
    list of ChoiceQuestion
    """
    part = {"pre": "kuis_awal", "post": "kuis_akhir"}[test]
    return [
        ChoiceQuestion.from_catalog(
            f"session2.quiz_{stem}", correct, id=f"sesi2.{part}.{name}"
        )
        for name, correct, stem in _QUIZ
    ]


QUIZ_BEFORE = quiz_questions("pre")
"""The quiz at the start of the session (``00-kuis-awal``)."""

QUIZ_AFTER = quiz_questions("post")
"""The same questions at the end (``05-kuis-akhir``)."""


# --- theory: writing a product description ---------------------------------

fact_not_praise = ChoiceQuestion.from_catalog(
    "session2.fact_not_praise", "b", id="sesi2.teori_deskripsi.fakta"
)
"""Which sentence states a fact a buyer can check, not praise?"""

most_important_first = ChoiceQuestion.from_catalog(
    "session2.first", "a", id="sesi2.teori_deskripsi.urutan"
)
"""Where does the most important information go? (The first sentences.)"""


# --- theory: product photos -------------------------------------------------

photo_background = ChoiceQuestion.from_catalog(
    "session2.background", "b", id="sesi2.teori_foto.latar"
)
"""Which background suits a photo of a pack of chips? (Plain and light.)"""

extra_photo = ChoiceQuestion.from_catalog(
    "session2.extra_photo", "a", id="sesi2.teori_foto.foto_tambahan"
)
"""Which extra photo helps a buyer most? (The back of the pack.)"""


def compare_photos(photos, height=3.2):
    """Show photos side by side, each under its caption, to compare them.

    Parameters
    ----------
    photos : list of (str, PIL.Image.Image)
        Caption and photo, left to right. Each photo keeps its shape.
    height : float [inches]
        Height of the row.

    Returns
    -------
    matplotlib.figure.Figure
        The cell's result shows it.
    """
    from matplotlib import pyplot

    # Each photo as wide as its shape asks, all of the same height.
    ratios = [photo.width / photo.height for _, photo in photos]
    width = max(height * sum(ratios), 2.0 * len(photos))
    figure, axes = pyplot.subplots(
        1,
        len(photos),
        figsize=(width, height + 0.5),
        gridspec_kw={"width_ratios": ratios},
        squeeze=False,
    )
    for axis, (caption, photo) in zip(axes.flat, photos, strict=True):
        axis.imshow(photo)
        axis.set_title(caption, fontsize=11)
        axis.set_xticks([])
        axis.set_yticks([])
    figure.tight_layout()
    pyplot.close(figure)
    return figure


# --- practice (b): the description checker ---------------------------------

REWRITE_TITLE = "Bakpia Kacang Hijau isi 20"
"""The product whose description the participant rewrites."""

REWRITE_CATEGORY = "makanan"

REWRITE_BEFORE = (
    "Bakpia PALING ENAK se-Jogja!!! Dijamin 100% fresh, pasti ketagihan. "
    "Bakpia kami adalah bakpia terbaik yang pernah ada karena dibuat dengan "
    "resep rahasia turun-temurun dari nenek kami yang sudah terkenal di "
    "seluruh Indonesia sejak dulu kala. Buruan order sebelum kehabisan!"
)
"""The bad description of :data:`REWRITE_TITLE` (an invented example).

The checker finds in it five exaggeration words (``PALING ENAK``,
``Dijamin``, ``100%``, ``pasti``, ``terbaik``), one sentence of 26 words
and all five facts missing; see ``tests/test_session2.py``.
"""

REWRITE_SOLUTION = (
    "Bakpia kacang hijau khas Yogyakarta, dipanggang setiap pagi.\n"
    "Kulitnya tipis dan lembut, isinya kacang hijau yang manis legit.\n"
    "Bahan: tepung terigu, kacang hijau, gula pasir, minyak nabati, garam.\n"
    "Isi 20 buah, berat bersih 400 gram per kotak.\n"
    "Tahan 7 hari di suhu ruang; tanggal kedaluwarsa ada di kotak.\n"
    "Harga Rp 35.000 per kotak.\n"
    "Dikirim dari Yogyakarta setiap Senin, Rabu dan Jumat dengan kurir "
    "kilat."
)
"""One right answer to :data:`rewrite_description`."""

# Kinds of finding the rewritten description must not have.
_REWRITE_KINDS = (
    "description_empty",
    "description_too_long",
    "exaggeration",
    "missing_fact",
    "long_sentence",
)


def check_rewrite(answer):
    """Check a rewritten description of :data:`REWRITE_TITLE`.

    Right when :func:`tokolab.copywriting.check_description` (Tokopedia,
    category ``makanan``, no price or weight column) finds no
    exaggeration word, no missing fact, no sentence too long and no
    length problem; glossary terms are allowed.

    Raises
    ------
    WrongAnswer
        ``session2.rewrite_unchanged`` for the description as given,
        else ``session2.rewrite_problems`` listing every problem.
    """
    if not isinstance(answer, str):
        raise WrongAnswer("exercise.expected_text", found=written(answer))
    if " ".join(answer.split()) == " ".join(REWRITE_BEFORE.split()):
        raise WrongAnswer("session2.rewrite_unchanged")

    findings = check_description(
        REWRITE_TITLE, answer, category=REWRITE_CATEGORY
    )
    problems = []
    words = [f.evidence for f in findings if f.kind == "exaggeration"]
    if words:
        problems.append(
            text(
                "session2.rewrite_words",
                words=", ".join(f'"{word}"' for word in words),
            )
        )
    facts = [f.evidence for f in findings if f.kind == "missing_fact"]
    if facts:
        problems.append(
            text(
                "session2.rewrite_facts",
                facts=", ".join(
                    text(f"copywriting.fact_{fact}")
                    for fact in FACTS
                    if fact in facts
                ),
            )
        )
    long_sentences = [f for f in findings if f.kind == "long_sentence"]
    if long_sentences:
        problems.append(
            text(
                "session2.rewrite_long",
                count=len(long_sentences),
                limit=long_sentences[0].limit,
            )
        )
    if any(f.kind == "description_too_long" for f in findings):
        problems.append(text("session2.rewrite_too_long"))
    if problems:
        raise WrongAnswer(
            "session2.rewrite_problems", problems="; ".join(problems)
        )
    return None


rewrite_description = FunctionQuestion(
    check_rewrite,
    id="sesi2.praktik_b.tulis_ulang",
    variable="deskripsi_baru",
    prompt="session2.rewrite_prompt",
    hints=[
        "session2.rewrite_hint_1",
        "session2.rewrite_hint_2",
        "session2.rewrite_hint_3",
    ],
    solution="session2.rewrite_solution",
    code=f"deskripsi_baru = {REWRITE_SOLUTION!r}",
    right="session2.rewrite_right",
)
"""Rewrite :data:`REWRITE_BEFORE` until the checker is satisfied."""

most_findings = ValueQuestion(
    "SR-11",
    id="sesi2.praktik_b.temuan_terbanyak",
    variable="kode_terbanyak",
    prompt="session2.most_findings_prompt",
    hints=["session2.most_findings_hint_1", "session2.most_findings_hint_2"],
    solution="session2.most_findings_solution",
    right="session2.most_findings_right",
    mistakes=[
        # Six exaggeration words: the second most findings.
        ("SR-02", "session2.most_findings_second"),
        # The name of the right product, not its code.
        ("Paket Oleh-Oleh Malang", "session2.most_findings_name"),
    ],
)
"""Which sample product has the most findings? (SR-11, 8 findings.)"""

no_findings = ValueQuestion(
    {"SR-01", "SR-05", "SR-08", "SR-12"},
    id="sesi2.praktik_b.tanpa_temuan",
    variable="tanpa_temuan",
    prompt="session2.no_findings_prompt",
    hints=["session2.no_findings_hint_1", "session2.no_findings_hint_2"],
    solution="session2.no_findings_solution",
    code='tanpa_temuan = ["SR-01", "SR-05", "SR-08", "SR-12"]',
)
"""Which sample products have no finding at all?"""


def choose_several(question, options):
    """A form where several options are picked at once (Ctrl+click).

    Parameters
    ----------
    question : tokolab.exercises.Question
        Checked with the list of the options picked; nothing picked is
        not answered yet.
    options : list
        The values to pick from, shown as written.

    Returns
    -------
    tokolab.forms.AnswerForm
    """
    field = widgets.SelectMultiple(
        options=[str(option) for option in options],
        value=(),
        rows=min(len(options), 12),
    )
    return AnswerForm(
        question, field, read=lambda widget: list(widget.value) or None
    )


def marketplace_choices(rules=None):
    """``(name, key)`` pairs of the rules' marketplaces, for a dropdown."""
    rules = rules if rules is not None else read_rules()
    return [(shop.name, key) for key, shop in rules.marketplaces.items()]


def category_choices():
    """``(word, category)`` pairs of the product categories."""
    return [
        (text(f"session2.category_{category}"), category)
        for category in CATEGORIES
    ]


class DescriptionForm(widgets.VBox):
    """A form that checks one title and description and explains.

    Fields: title, description, marketplace, category, and optionally the
    price [Rupiah] and weight [gram] as the marketplace's own fields.
    **Periksa deskripsi** calls :meth:`check`.

    Attributes
    ----------
    findings : list of Finding or None
        Of the last check.
    output : ipywidgets.Output
        Shows the explanation and the table of findings.
    """

    def __init__(self):
        self.title = text_box()
        self.description = text_area(rows=8)
        self.marketplace = dropdown(marketplace_choices(), value="tokopedia")
        self.category = dropdown(category_choices(), value="makanan")
        self.price = widgets.IntText(value=0)
        self.weight = widgets.IntText(value=0)
        self.check_button = widgets.Button(
            description=text("session2.button_check_description"),
            button_style="primary",
        )
        self.output = widgets.Output()
        self.findings = None
        self.check_button.on_click(lambda _: self.check())

        rows = [
            ("session2.field_title", self.title),
            ("session2.field_description", self.description),
            ("session2.field_marketplace", self.marketplace),
            ("session2.field_category", self.category),
            ("session2.field_price", self.price),
            ("session2.field_weight", self.weight),
        ]
        children = []
        for key, field in rows:
            children.append(widgets.HTML(f"<b>{html.escape(text(key))}</b>"))
            children.append(field)
        super().__init__(children=[*children, self.check_button, self.output])

    def check(self):
        """Check the fields, show the findings and return them.

        Returns
        -------
        list of Finding or None
            None when the title and description are both empty.
        """
        title = self.title.value.strip()
        description = self.description.value
        if not title and not description.strip():
            self.findings = None
            _show(self.output, [_message_output(text("session2.form_empty"))])
            return None

        self.findings = check_description(
            title,
            description,
            marketplace=self.marketplace.value,
            category=self.category.value,
            price=self.price.value or None,
            weight_g=self.weight.value or None,
        )
        shown = [_message_output(explain(self.findings))]
        if self.findings:
            shown.append(_table_output(findings_table(self.findings)))
        _show(self.output, shown)
        return self.findings


def description_form():
    """The form of :class:`DescriptionForm`, empty, Tokopedia, makanan."""
    return DescriptionForm()


CHECKED_NAME = "deskripsi-diperiksa"
"""Stem of the take-home files: ``.xlsx`` (two sheets) and ``.csv``."""


class ProductListForm(widgets.VBox):
    """A form that checks a whole product list and saves the table.

    **Periksa semua produk** checks the uploaded CSV file, or the sample
    list when nothing is uploaded; **Simpan hasil** writes
    ``deskripsi-diperiksa.xlsx`` (summary and findings) and
    ``deskripsi-diperiksa.csv`` (findings) into the output folder. An
    uploaded file is first saved there as ``unggahan-<name>``; the
    participant's own file is never changed.

    Parameters
    ----------
    sample : str or Path
        The product list checked when nothing is uploaded.
    folder : str or Path
        Where the files are written.

    Attributes
    ----------
    checked : CheckedProducts or None
        Of the last check.
    saved : list of Path
        The files of the last save.
    """

    def __init__(self, sample, folder):
        self.sample = Path(sample)
        self.folder = Path(folder)
        self.upload = file_upload(accept=".csv")
        self.marketplace = dropdown(marketplace_choices(), value="tokopedia")
        self.check_button = widgets.Button(
            description=text("session2.button_check_list"),
            button_style="primary",
        )
        self.save_button = widgets.Button(
            description=text("session2.button_save")
        )
        self.output = widgets.Output()
        self.checked = None
        self.saved = []
        self.check_button.on_click(lambda _: self.check())
        self.save_button.on_click(lambda _: self.save())
        super().__init__(
            children=[
                widgets.HTML(
                    f"<b>{html.escape(text('session2.field_upload'))}</b>"
                ),
                self.upload,
                widgets.HTML(
                    f"<b>{html.escape(text('session2.field_marketplace'))}</b>"
                ),
                self.marketplace,
                widgets.HBox([self.check_button, self.save_button]),
                self.output,
            ]
        )

    def source(self):
        """The product list to check: the upload saved, or the sample.

        Raises
        ------
        InputError
            When the upload's copy cannot be written
            (:func:`tokolab.files.write_whole`).
        """
        files = self.upload.value
        if not files:
            return self.sample
        last = files[-1]
        name = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(str(last["name"])).name)
        path = self.folder / f"unggahan-{name}"
        return write_whole(path, bytes(last["content"]), inputs=[self.sample])

    def check(self):
        """Check the list, show the summary and return the result.

        Returns
        -------
        CheckedProducts or None
            None when the file could not be read (the reason is shown).
        """
        try:
            self.checked = check_products(self.source(), self.marketplace.value)
        except (InputError, ValueError, OSError) as error:
            self.checked = None
            _show(self.output, [_message_output(str(error), problem=True)])
            return None

        name = Path(self.checked.source).name
        message = text(
            "session2.list_checked",
            name=name,
            products=len(self.checked.summary),
            findings=len(self.checked.findings),
        )
        _show(
            self.output,
            [
                _message_output(message),
                _table_output(summary_table(self.checked.summary)),
            ],
        )
        return self.checked

    def save(self):
        """Write the take-home files (checking first if needed).

        Returns
        -------
        list of Path
            The files written; empty when the list could not be read.
        """
        if self.checked is None and self.check() is None:
            return []
        self.saved = [
            write_checked_table(
                self.checked, self.folder / f"{CHECKED_NAME}.xlsx"
            ),
            write_checked_table(
                self.checked, self.folder / f"{CHECKED_NAME}.csv"
            ),
        ]
        message = text(
            "session2.list_saved",
            names=", ".join(path.name for path in self.saved),
            folder=self.folder.name,
        )
        _show(self.output, [_message_output(message)])
        return self.saved


def product_list_form(sample, folder):
    """The form of :class:`ProductListForm`."""
    return ProductListForm(sample, folder)


# --- showing results in a form's output -------------------------------------


def _show(output, shown):
    """Replace what ``output`` shows with the display outputs ``shown``."""
    output.outputs = tuple(shown)


def _message_output(message, problem=False):
    """A display output of a sentence, its lines kept."""
    colour = "#c62828" if problem else "#1565c0"
    body = "<br>".join(html.escape(line) for line in message.splitlines())
    return {
        "output_type": "display_data",
        "data": {
            "text/plain": message,
            "text/html": (
                f'<div style="border-left:6px solid {colour};'
                'padding:6px 10px;margin:4px 0">'
                f"{body}</div>"
            ),
        },
        "metadata": {},
    }


def _table_output(table):
    """A display output of a table, without its index."""
    return {
        "output_type": "display_data",
        "data": {
            "text/plain": table.to_string(index=False),
            "text/html": table.to_html(index=False),
        },
        "metadata": {},
    }


# --- practice (c): a catalog with photos -------------------------------------

SQUARE_FOLDER = "foto-persegi"
"""Subfolder of the output folder for the square JPEGs."""

CATALOG_NAME = "katalog"
"""Stem of the catalog's files: ``katalog.png`` (``katalog-2.png`` ...)
and ``katalog.pdf``."""

CATALOG_SUFFIXES = (".pdf", ".png")

# The first bytes of a PDF and of a PNG file.
_FILE_STARTS = {".pdf": b"%PDF-", ".png": b"\x89PNG\r\n\x1a\n"}

_STATUS_WORDS = {
    "ok": "session2.photo_status_ok",
    "no_photo": "session2.photo_status_no_photo",
    "problem": "session2.photo_status_problem",
}


def photo_table(prepared, language=None):
    """The table of :func:`tokolab.productcatalog.prepare_photos` for people.

    Parameters
    ----------
    prepared : pandas.DataFrame
        As ``prepare_photos`` returns it.
    language : str, optional

    Returns
    -------
    pandas.DataFrame
        One row per product: code, name, the size as stored (``800 ×
        600``), the square's size (``800 × 800``), the JPEG's size
        (``56 kB``), whether it was turned upright (ya/tidak), its state
        (ready, no photo, problem) and, for a product without a square
        photo, the reason and what to do (``prepare_photos``'s
        ``message``: the file is text, a HEIC photo, cut off, too large,
        missing ...); empty cells where there is no JPEG, and no reason
        for a photo that is ready.
    """
    rows = []
    for row in prepared.to_dict("records"):
        done = row["status"] == "ok"
        rows.append(
            {
                "code": row["code"],
                "name": row["name"],
                "before": _pixels(
                    row["original_width"], row["original_height"], done
                ),
                "after": _pixels(row["side"], row["side"], done),
                "bytes": (
                    text(
                        "session2.kilobytes",
                        language,
                        size=format_number(row["file_bytes"] / 1000),
                    )
                    if done
                    else ""
                ),
                "rotated": (
                    text(
                        "session2.yes" if row["rotated"] else "session2.no",
                        language,
                    )
                    if done
                    else ""
                ),
                "status": text(_STATUS_WORDS[row["status"]], language),
                "reason": "" if done else str(row["message"] or ""),
            }
        )
    headers = {
        "code": "copywriting.column_code",
        "name": "copywriting.column_name",
        "before": "session2.column_before",
        "after": "session2.column_after",
        "bytes": "session2.column_bytes",
        "rotated": "session2.column_rotated",
        "status": "session2.column_status",
        "reason": "session2.column_reason",
    }
    table = pd.DataFrame(rows, columns=list(headers))
    return table.rename(
        columns={key: text(value, language) for key, value in headers.items()}
    )


def _pixels(width, height, done):
    if not done:
        return ""
    return f"{int(width)} × {int(height)}"


turned_upright = ValueQuestion(
    "SR-04",
    id="sesi2.praktik_c.diputar",
    variable="kode_diputar",
    prompt="session2.turned_prompt",
    hints=["session2.turned_hint_1", "session2.turned_hint_2"],
    solution="session2.turned_solution",
    right="session2.turned_right",
    mistakes=[
        # Tall as stored: nothing to turn.
        ("SR-02", "session2.turned_already_tall"),
        ("SR-09", "session2.turned_already_tall"),
    ],
)
"""Which product's photo was turned upright by its EXIF tag? (SR-04.)"""

portrait_side = ValueQuestion(
    900,
    id="sesi2.praktik_c.sisi_persegi",
    variable="sisi_sr02",
    prompt="session2.side_prompt",
    hints=["session2.side_hint_1", "session2.side_hint_2"],
    solution="session2.side_solution",
    right="session2.side_right",
    mistakes=[
        (300, "session2.side_short"),
        (500, "session2.side_minimum"),
        (1024, "session2.side_maximum"),
    ],
)
"""How long is each side of SR-02's square (300 × 900 before)? (900.)"""

enlarged_photo = ValueQuestion(
    "SR-03",
    id="sesi2.praktik_c.diperbesar",
    variable="kode_diperbesar",
    prompt="session2.enlarged_prompt",
    hints=["session2.enlarged_hint_1", "session2.enlarged_hint_2"],
    solution="session2.enlarged_solution",
    right="session2.enlarged_right",
    mistakes=[
        # The largest photo, made smaller.
        ("SR-05", "session2.enlarged_largest"),
    ],
)
"""Which photo was enlarged because it was under 500 pixels? (SR-03.)"""


def check_catalog_file(answer):
    """Check that the catalog page the participant names exists.

    Parameters
    ----------
    answer : str, Path or list of Path
        The file's name (``katalog.pdf``), its path (``hasil/katalog.pdf``)
        or the list :func:`tokolab.productcatalog.catalog_page` returned
        (its last file is checked). A bare name is looked for in the
        output folder (:func:`tokolab.files.output_folder_path`).

    Raises
    ------
    WrongAnswer
        ``session2.catalog_file_not_path``, ``catalog_file_kind``,
        ``catalog_file_missing`` or ``catalog_file_broken``.
    """
    if isinstance(answer, list | tuple) and answer:
        answer = answer[-1]
    if isinstance(answer, str):
        answer = answer.strip().strip("'\"")
    if not isinstance(answer, str | os.PathLike):
        raise WrongAnswer(
            "session2.catalog_file_not_path", found=written(answer)
        )

    # A PDF or PNG page.
    named = Path(answer)
    suffix = named.suffix.lower()
    if suffix not in CATALOG_SUFFIXES:
        raise WrongAnswer("session2.catalog_file_kind", name=named.name)

    # As written, else in the output folder.
    folder = output_folder_path()
    path = next((p for p in (named, folder / named.name) if p.is_file()), None)
    if path is None:
        raise WrongAnswer(
            "session2.catalog_file_missing",
            name=named.name,
            folder=folder.name,
        )

    # Whole: a PDF starts with %PDF-, a PNG with its signature.
    with open(path, "rb") as file:
        start = file.read(len(_FILE_STARTS[suffix]))
    if start != _FILE_STARTS[suffix]:
        raise WrongAnswer("session2.catalog_file_broken", name=path.name)
    return None


catalog_file = FunctionQuestion(
    check_catalog_file,
    id="sesi2.praktik_c.berkas_katalog",
    variable="berkas_katalog",
    prompt="session2.catalog_file_prompt",
    hints=["session2.catalog_file_hint_1", "session2.catalog_file_hint_2"],
    solution="session2.catalog_file_solution",
    code='berkas_katalog = "katalog.pdf"',
    right="session2.catalog_file_right",
)
"""Is the catalog page in the output folder? (``katalog.pdf``.)"""


class PhotoForm(widgets.VBox):
    """A form that makes one photo square and shows it before and after.

    **Jadikan persegi** squares the uploaded photo, or the sample photo
    chosen when nothing is uploaded, writes the JPEG into the output
    folder's :data:`SQUARE_FOLDER` and shows both photos side by side.

    Parameters
    ----------
    products : pandas.DataFrame
        From :func:`tokolab.products.read_products`: its photos are the
        samples to choose from.
    folder : str or Path
        The output folder.

    Attributes
    ----------
    report : PhotoReport or None
        Of the last photo made square.
    """

    def __init__(self, products, folder):
        self.folder = Path(folder)
        samples = [
            (f"{row['code']} ({row['name']})", row["photo"])
            for row in products.to_dict("records")
            if row["photo"] is not None
        ]
        self.sample = dropdown(samples, value=samples[0][1])
        self.upload = file_upload(accept="image/*")
        self.square_button = widgets.Button(
            description=text("session2.button_square"),
            button_style="primary",
        )
        self.output = widgets.Output()
        self.report = None
        self.square_button.on_click(lambda _: self.square())
        super().__init__(
            children=[
                widgets.HTML(
                    f"<b>{html.escape(text('session2.field_sample_photo'))}</b>"
                ),
                self.sample,
                widgets.HTML(
                    f"<b>{html.escape(text('session2.field_own_photo'))}</b>"
                ),
                self.upload,
                self.square_button,
                self.output,
            ]
        )

    def square(self):
        """Make the photo square, show before and after, return the report.

        Returns
        -------
        PhotoReport or None
            None when the photo could not be read (the reason is shown).
        """
        # The upload, else the sample chosen.
        files = self.upload.value
        if files:
            source = bytes(files[-1]["content"])
            stem = _safe_stem(str(files[-1]["name"]))
        else:
            source = Path(self.sample.value)
            stem = _safe_stem(source.name)
        # write_whole (in square_photo) makes the folder, or says why not.
        destination = self.folder / SQUARE_FOLDER / f"{stem}.jpg"
        try:
            square, self.report = square_photo(source, destination=destination)
        except InputError as error:
            self.report = None
            _show(self.output, [_message_output(str(error), problem=True)])
            return None
        before = _opened_upright(source)

        width, height = self.report.original_size
        side = self.report.final_size[0]
        figure = compare_photos(
            [
                (
                    text("session2.caption_before", size=f"{width} × {height}"),
                    before,
                ),
                (
                    text("session2.caption_after", size=f"{side} × {side}"),
                    square,
                ),
            ]
        )
        saved = text(
            "session2.photo_saved",
            name=f"{SQUARE_FOLDER}/{destination.name}",
            folder=self.folder.name,
        )
        _show(
            self.output,
            [
                _figure_output(figure),
                _message_output(self.report.describe() + "\n" + saved),
            ],
        )
        return self.report


def photo_form(products, folder):
    """The form of :class:`PhotoForm`."""
    return PhotoForm(products, folder)


class CatalogForm(widgets.VBox):
    """A form that lays out a catalog page, from the sample or own photos.

    A participant adds products one by one (name, price, photo) with
    **Tambahkan produk**; **Buat katalog** squares their photos and lays
    them out as ``katalog.png`` and ``katalog.pdf`` in the output folder.
    With no product added, the sample product list is laid out.

    Parameters
    ----------
    sample : str or Path
        The sample product list (CSV).
    folder : str or Path
        The output folder.

    Attributes
    ----------
    products : list of dict
        The products added: ``code`` (``P01`` ...), ``name``, ``price``
        [Rupiah] and ``photo`` (bytes or None).
    pages : list of Path
        The files of the last catalog made.
    """

    def __init__(self, sample, folder):
        self.sample = Path(sample)
        self.folder = Path(folder)
        self.catalog_title = text_box()
        self.catalog_title.value = text("productcatalog.default_title")
        self.name = text_box()
        self.price = text_box()
        self.upload = file_upload(accept="image/*")
        self.add_button = widgets.Button(
            description=text("session2.button_add_product")
        )
        self.make_button = widgets.Button(
            description=text("session2.button_make_catalog"),
            button_style="primary",
        )
        self.output = widgets.Output()
        self.products = []
        self.pages = []
        self.add_button.on_click(lambda _: self.add())
        self.make_button.on_click(lambda _: self.make())

        rows = [
            ("session2.field_catalog_title", self.catalog_title),
            ("session2.field_product_name", self.name),
            ("session2.field_product_price", self.price),
            ("session2.field_product_photo", self.upload),
        ]
        children = []
        for key, field in rows:
            children.append(widgets.HTML(f"<b>{html.escape(text(key))}</b>"))
            children.append(field)
        super().__init__(
            children=[
                *children,
                widgets.HBox([self.add_button, self.make_button]),
                self.output,
            ]
        )

    def add(self):
        """Add the product in the fields; say what is missing if anything.

        Returns
        -------
        bool
            True when the product was added.
        """
        name = " ".join(self.name.value.split())
        if not name:
            _show(
                self.output,
                [_message_output(text("session2.need_name"), problem=True)],
            )
            return False
        try:
            amount = parse_rupiah(self.price.value)
        except ValueError:
            amount = None
        if amount is None or amount.malformed or not amount.value:
            _show(
                self.output,
                [
                    _message_output(
                        text("session2.need_price", found=self.price.value),
                        problem=True,
                    )
                ],
            )
            return False

        # A photo that cannot be used is refused now, not at the end.
        files = self.upload.value
        photo = bytes(files[-1]["content"]) if files else None
        if photo is not None:
            try:
                square_photo(photo)
            except InputError as error:
                message = str(error) + " " + text("session2.product_not_added")
                _show(self.output, [_message_output(message, problem=True)])
                return False

        code = f"P{len(self.products) + 1:02d}"
        self.products.append(
            {"code": code, "name": name, "price": amount.value, "photo": photo}
        )

        # Empty the fields for the next product.
        self.name.value = ""
        self.price.value = ""
        self.upload.value = ()
        message = text(
            "session2.product_added",
            name=name,
            price=format_rupiah(amount.value),
            count=len(self.products),
        )
        if photo is None:
            message += " " + text("session2.product_without_photo")
        _show(self.output, [_message_output(message)])
        return True

    def make(self):
        """Square the photos and lay out the catalog; show its first page.

        Returns
        -------
        list of Path
            The PNG pages, then the PDF; empty when it failed (the
            reason is shown).
        """
        squares = self.folder / SQUARE_FOLDER
        try:
            if self.products:
                products = pd.DataFrame(
                    [
                        {k: p[k] for k in ("code", "name", "price")}
                        for p in self.products
                    ]
                )
                photos = self._own_squares(squares)
            else:
                products = self.sample
                photos = prepare_photos(self.sample, squares)
            self.pages = catalog_page(
                products,
                photos,
                path_png=self.folder / f"{CATALOG_NAME}.png",
                path_pdf=self.folder / f"{CATALOG_NAME}.pdf",
                title=self.catalog_title.value.strip() or None,
            )
        except InputError as error:
            self.pages = []
            _show(self.output, [_message_output(str(error), problem=True)])
            return []

        # Pages left from a longer catalog made before would mislead.
        for stale in self.folder.glob(f"{CATALOG_NAME}-*.png"):
            numbered = re.fullmatch(rf"{CATALOG_NAME}-\d+\.png", stale.name)
            if numbered and stale not in self.pages:
                try:
                    stale.unlink()
                except OSError:
                    # Left in place; the message names the pages made.
                    logger.warning("old catalog page %s stays", stale)

        message = text(
            "session2.catalog_made",
            names=", ".join(path.name for path in self.pages),
            folder=self.folder.name,
        )
        _show(
            self.output,
            [_message_output(message), _png_output(self.pages[0], 600)],
        )
        return self.pages

    def _own_squares(self, squares):
        """Each added product's code to its square JPEG (or None).

        The folder is made by :func:`tokolab.files.write_whole` (inside
        ``square_photo``), whose InputError says why when it cannot be.
        """
        photos = {}
        for product in self.products:
            photos[product["code"]] = None
            if product["photo"] is None:
                continue
            output = squares / f"{product['code']}.jpg"
            square_photo(product["photo"], destination=output)
            photos[product["code"]] = output
        return photos


def catalog_form(sample, folder):
    """The form of :class:`CatalogForm`."""
    return CatalogForm(sample, folder)


def _safe_stem(name):
    """A file name's stem with only letters, digits, ``.``, ``_``, ``-``."""
    stem = Path(name).stem
    return re.sub(r"[^A-Za-z0-9._-]+", "_", stem) or "foto"


def _opened_upright(source):
    """The photo as people see it: turned as its EXIF tag says.

    Only called once :func:`~tokolab.productcatalog.square_photo` has read
    the same photo, so it opens.
    """
    data = source if isinstance(source, bytes) else read_bytes(source)
    with Image.open(io.BytesIO(data)) as image:
        upright = ImageOps.exif_transpose(image)
        if upright.mode not in ("RGB", "RGBA"):
            upright = upright.convert("RGBA")
        upright.load()
        return upright


def _figure_output(figure):
    """A display output of a matplotlib figure, as a PNG."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight")
    return {
        "output_type": "display_data",
        "data": {
            "text/plain": "<Figure>",
            "image/png": base64.b64encode(buffer.getvalue()).decode("ascii"),
        },
        "metadata": {},
    }


def _png_output(path, width):
    """A display output of a PNG file, shown ``width`` pixels wide."""
    content = Path(path).read_bytes()
    return {
        "output_type": "display_data",
        "data": {
            "text/plain": Path(path).name,
            "image/png": base64.b64encode(content).decode("ascii"),
        },
        "metadata": {"image/png": {"width": width}},
    }
