"""Answer forms, tested without a browser: set the value, click, read."""

from datetime import UTC, datetime

import ipywidgets as widgets
import pytest

from tokolab import progress, set_language
from tokolab.exercises import (
    ChoiceQuestion,
    FunctionQuestion,
    Outcome,
    UploadedFile,
    ValueQuestion,
    WrongAnswer,
)
from tokolab.forms import (
    AnswerForm,
    answer_form,
    choice_form,
    dropdown,
    file_upload,
    slider,
    text_area,
    text_box,
    uploaded_file,
)

HINTS = ["start.total_hint_1", "start.total_hint_2", "start.total_hint_3"]


def total_question():
    return ValueQuestion(
        37500,
        id="uji.total",
        variable="total",
        hints=HINTS,
        solution="start.total_solution",
        code="total = 3 * 12500",
    )


def day_question():
    return ValueQuestion(
        "Rabu", id="uji.hari", variable="Hari", hints=HINTS, code="x"
    )


def run_key_question():
    return ChoiceQuestion(
        ["start.run_key_a", "start.run_key_b", "start.run_key_c"],
        "b",
        id="uji.tombol",
        variable="jawaban",
        prompt="start.run_key_prompt",
        hints=["start.run_key_hint_1", "start.run_key_hint_2"],
        solution="start.run_key_solution",
    )


def shown(form):
    """The plain text of what the form's output shows: one thing."""
    assert len(form.output.outputs) == 1
    return form.output.outputs[0]["data"]["text/plain"]


@pytest.fixture(autouse=True)
def no_recording():
    progress.stop_progress()
    yield
    progress.stop_progress()


# --- the form -------------------------------------------------------------


def test_form_holds_label_field_buttons_and_output():
    field = text_box()
    form = answer_form(day_question(), field)

    assert isinstance(form, widgets.VBox)
    label, answer, buttons, output = form.children
    assert label.value == "<b>Hari</b>"
    assert answer is field
    assert [button.description for button in buttons.children] == [
        "Periksa",
        "Petunjuk",
        "Lihat jawaban",
    ]
    assert output is form.output and output.outputs == ()


def test_check_button_shows_not_attempted_wrong_then_right():
    form = answer_form(day_question(), text_box())

    # Nothing written yet. A text box has no label beside it: the
    # feedback calls what is in it "jawaban Anda", never `Hari`.
    form.check_button.click()
    assert form.feedback.outcome is Outcome.NOT_ATTEMPTED
    assert shown(form) == (
        "Belum dijawab: Jawaban Anda masih kosong. Isi atau pilih jawaban "
        "Anda dulu, lalu klik Periksa lagi."
    )

    form.widget.value = "Senin"
    form.check_button.click()
    assert form.feedback.outcome is Outcome.WRONG
    assert shown(form) == (
        'Belum tepat: Jawaban Anda: jawaban yang diharapkan "Rabu", tetapi '
        'yang tertulis "Senin".'
    )

    form.widget.value = " rabu "
    form.check_button.click()
    assert form.feedback.outcome is Outcome.RIGHT
    assert shown(form) == 'Benar! Jawaban Anda sudah tepat: " rabu ".'
    html = form.output.outputs[0]["data"]["text/html"]
    assert "#2e7d32" in html and "Benar!</strong>" in html


def test_check_returns_the_same_feedback_as_question_check():
    question = day_question()
    form = answer_form(question, text_box())
    form.widget.value = "Senin"

    assert form.check() == question.check("Senin", field="jawaban Anda")


def test_a_form_check_is_recorded_like_any_check(tmp_path):
    progress.start_progress("P001", tmp_path)
    form = answer_form(day_question(), text_box())
    form.widget.value = "Rabu"
    form.check_button.click()

    lines = (tmp_path / "kemajuan-P001.csv").read_text().splitlines()
    assert lines[1].startswith("P001,uji.hari,benar,")


def test_hint_button_advances_and_solution_button_shows_the_answer():
    form = answer_form(total_question(), slider(0, 50000, step=500))

    form.hint_button.click()
    assert shown(form) == (
        "Petunjuk 1 dari 3: Uang yang diterima = jumlah bungkus yang laku × "
        "harga satu bungkus."
    )
    form.hint_button.click()
    assert shown(form).startswith("Petunjuk 2 dari 3:")

    form.solution_button.click()
    assert shown(form) == (
        "Jawaban: 3 bungkus × Rp 12.500 = Rp 37.500. Di Python ditulis "
        "seperti ini:\n\n    total = 3 * 12500"
    )


def test_label_is_the_prompt_or_given():
    assert choice_form(run_key_question()).label.value == (
        "<b>Tombol apa yang menjalankan sel yang sedang dipilih?</b>"
    )
    form = answer_form(day_question(), text_box(), label="Hari <unggah>")
    assert form.label.value == "<b>Hari &lt;unggah&gt;</b>"


def test_buttons_speak_english_when_chosen():
    set_language("en")
    form = choice_form(run_key_question())

    buttons = form.children[2].children
    assert [b.description for b in buttons] == [
        "Check",
        "Hint",
        "Show solution",
    ]
    form.check_button.click()
    assert shown(form) == (
        "Not answered yet: Your choice is still empty. Fill in or choose "
        "your answer first, then click Check again."
    )


# --- choice form --------------------------------------------------------------


def test_choice_form_offers_lettered_options_with_none_chosen():
    form = choice_form(run_key_question())

    assert isinstance(form.widget, widgets.RadioButtons)
    assert form.widget.options == (
        ("a. Ctrl+S", "a"),
        ("b. Shift+Enter", "b"),
        ("c. Esc", "c"),
    )
    assert form.widget.value is None

    form.widget.value = "a"
    assert form.check().outcome is Outcome.WRONG
    form.widget.value = "b"
    form.check_button.click()
    assert shown(form) == "Benar! Pilihan b (Shift+Enter) tepat."


def test_a_choice_checked_with_nothing_chosen_says_so_in_plain_words():
    form = choice_form(run_key_question())
    form.check_button.click()

    assert form.feedback.outcome is Outcome.NOT_ATTEMPTED
    assert shown(form) == (
        "Belum dijawab: Pilihan Anda masih kosong. Isi atau pilih jawaban "
        "Anda dulu, lalu klik Periksa lagi."
    )
    # No variable shown as code: neither `jawaban` nor any other.
    html = form.output.outputs[0]["data"]["text/html"]
    assert "<code>" not in html and "jawaban`" not in shown(form)


# --- what the feedback calls the field ----------------------------------------


def test_a_dropdown_is_called_your_choice():
    question = ValueQuestion(
        900, id="uji.sisi", variable="sisi_sr02", hints=HINTS, code="x"
    )
    form = answer_form(question, dropdown([300, 500, 900, 1024]))

    assert form.field == "pilihan Anda"
    assert form.check().message == (
        "Pilihan Anda masih kosong. Isi atau pilih jawaban Anda dulu, lalu "
        "klik Periksa lagi."
    )
    form.widget.value = 500
    assert form.check().message == (
        "Pilihan Anda: jawaban yang diharapkan 900, tetapi yang tertulis 500."
    )
    set_language("en")
    assert form.field == "your choice"


def test_the_label_beside_a_field_names_it():
    field = text_box()
    field.description = "Hari kirim:"
    form = answer_form(day_question(), field)

    # The label as shown, without its colon.
    assert form.field == "Hari kirim"
    field.value = "Senin"
    assert form.check().message.startswith("Hari kirim: jawaban yang")


def test_a_field_name_can_be_given():
    form = answer_form(day_question(), text_box(), field="hari pilihan Anda")
    assert form.check().message.startswith("Hari pilihan Anda masih kosong.")


def test_the_fields_by_kind():
    # Fields to choose in, and fields to write or upload in.
    assert answer_form(day_question(), dropdown(["a"])).field == (
        "pilihan Anda"
    )
    several = widgets.SelectMultiple(options=["a", "b"])
    assert answer_form(day_question(), several).field == "pilihan Anda"
    assert answer_form(day_question(), text_area()).field == "jawaban Anda"
    assert answer_form(day_question(), slider(0, 5)).field == "jawaban Anda"
    # An upload button's own words are no label.
    assert answer_form(day_question(), file_upload()).field == ("jawaban Anda")


# --- the solution of a text answer --------------------------------------------

DESCRIPTION = "Bakpia kacang hijau.\nIsi 20 buah, 400 gram."


def description_question():
    return FunctionQuestion(
        lambda answer: True,
        id="uji.deskripsi",
        variable="deskripsi_baru",
        hints=HINTS,
        solution="start.total_solution",
        code=f"deskripsi_baru = {DESCRIPTION!r}",
    )


def test_a_text_answer_shows_the_text_itself_with_its_line_breaks():
    form = answer_form(description_question(), text_area(rows=8))
    form.solution_button.click()

    assert shown(form) == (
        "Jawaban: 3 bungkus × Rp 12.500 = Rp 37.500. Di Python ditulis "
        "seperti ini:\n\nBakpia kacang hijau.\nIsi 20 buah, 400 gram."
    )
    html = form.output.outputs[0]["data"]["text/html"]
    assert "Bakpia kacang hijau.\nIsi 20 buah, 400 gram.</pre>" in html
    assert "white-space:pre-wrap" in html
    # Neither the Python line nor a written-out \n.
    assert "deskripsi_baru =" not in html and "\\n" not in html


def test_other_solutions_keep_their_code_in_a_block():
    # A dropdown's solution, and code that is more than one text.
    form = answer_form(description_question(), dropdown(["a"]))
    assert form.solution().code == f"deskripsi_baru = {DESCRIPTION!r}"

    form = answer_form(total_question(), text_box())
    solution = form.solution()
    assert solution.code == "total = 3 * 12500"
    assert solution.answer_text == ""
    html = form.output.outputs[0]["data"]["text/html"]
    assert "<pre" in html and "<code>total = 3 * 12500</code>" in html


# --- builders -----------------------------------------------------------------


def test_dropdown_starts_with_nothing_chosen():
    field = dropdown(["Senin", "Rabu", ("Hari Jumat", "Jumat")])
    form = answer_form(day_question(), field)

    assert field.value is None
    assert form.check().outcome is Outcome.NOT_ATTEMPTED
    field.value = "Jumat"
    assert form.check().outcome is Outcome.WRONG
    field.value = "Rabu"
    assert form.check().outcome is Outcome.RIGHT


def test_slider_kind_and_start():
    whole = slider(0, 50000, step=500)
    assert isinstance(whole, widgets.IntSlider)
    assert (whole.min, whole.max, whole.step, whole.value) == (0, 50000, 500, 0)

    share = slider(0, 1, step=0.05, value=0.5)
    assert isinstance(share, widgets.FloatSlider)
    assert share.value == 0.5

    form = answer_form(total_question(), whole)
    assert form.check().outcome is Outcome.WRONG
    whole.value = 37500
    assert form.check().outcome is Outcome.RIGHT


def test_text_area_is_empty_with_a_placeholder():
    area = text_area(rows=6)
    assert (area.value, area.rows) == ("", 6)
    assert area.placeholder == "Tulis jawaban Anda di sini"
    assert area.layout.width == "100%"


def test_what_the_docstrings_promise_of_the_fields():
    # A slider reports its number when the handle is let go.
    assert slider(0, 10).continuous_update is False
    # One float among the numbers makes a decimal slider.
    assert isinstance(slider(0, 10, value=2.5), widgets.FloatSlider)
    # A text box starts empty, with the placeholder in the language in use.
    box = text_box()
    assert (box.value, box.placeholder) == ("", "Tulis jawaban Anda di sini")
    set_language("en")
    assert text_box().placeholder == "Write your answer here"
    # A file upload takes one file and starts with none.
    upload = file_upload()
    assert (upload.multiple, upload.value) == (False, ())


def test_file_upload_gives_bytes_and_name():
    upload = file_upload(".csv")
    assert upload.accept == ".csv" and upload.multiple is False
    assert upload.description == "Unggah berkas"
    assert uploaded_file(upload) is None

    upload.value = (
        {
            "name": "produk.csv",
            "type": "text/csv",
            "size": 9,
            "last_modified": datetime(2024, 1, 2, tzinfo=UTC),
            "content": memoryview(b"nama,harga"),
        },
    )
    assert uploaded_file(upload) == UploadedFile("produk.csv", b"nama,harga")


def test_upload_form_checks_the_file():
    def has_price_column(file):
        header = file.content.decode("utf-8").splitlines()[0].split(",")
        if "harga" not in header:
            raise WrongAnswer("start.total_one_pack", found=file.name)

    question = FunctionQuestion(
        has_price_column,
        id="uji.berkas",
        variable="berkas produk",
        hints=HINTS,
        code="x",
    )
    upload = file_upload(".csv")
    form = answer_form(question, upload)

    # No file yet.
    assert form.check().outcome is Outcome.NOT_ATTEMPTED

    def upload_bytes(content):
        upload.value = (
            {
                "name": "produk.csv",
                "type": "text/csv",
                "size": len(content),
                "last_modified": datetime(2024, 1, 2, tzinfo=UTC),
                "content": memoryview(content),
            },
        )

    upload_bytes(b"nama,stok\nkeripik,4\n")
    assert form.check().message.startswith("Jawaban Anda bernilai produk.csv")

    # Bytes that are not UTF-8 break the checker: wrong, in plain words.
    upload_bytes(b"\xff\xfe\x00")
    assert form.check().message.startswith(
        "Jawaban Anda tidak bisa diperiksa: yang tertulis (berkas produk.csv)"
    )

    upload_bytes(b"nama,harga\nkeripik,12500\n")
    assert form.check().outcome is Outcome.RIGHT


def test_a_form_can_read_its_field_another_way():
    field = text_box()
    form = AnswerForm(
        total_question(), field, read=lambda box: int(box.value or 0) or None
    )
    field.value = "37500"
    assert form.answer() == 37500
    assert form.check().outcome is Outcome.RIGHT
