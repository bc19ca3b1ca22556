"""Exercise questions: outcomes, feedback sentences, hints, solutions."""

import pytest

import __main__
from tokolab import progress, set_language
from tokolab.exercises import (
    ANSWER,
    ChoiceQuestion,
    Feedback,
    FunctionQuestion,
    Outcome,
    Solution,
    UploadedFile,
    ValueQuestion,
    WrongAnswer,
    written,
)

# Hints and solution of every question here: Bu Sari's takings.
HINTS = ["start.total_hint_1", "start.total_hint_2", "start.total_hint_3"]
HINT_1 = "Uang yang diterima = jumlah bungkus yang laku × harga satu bungkus."
HINT_3 = "Tulis `total = 3 * 12500`, jalankan selnya, lalu periksa lagi."
LAST_HINT = "Ini petunjuk terakhir. Jika masih ragu, lihat jawabannya."
SOLUTION = "start.total_solution"


def value_question(expected, **more):
    question = {"id": "uji.nilai", "variable": "total", "hints": HINTS}
    question.update(solution=SOLUTION, **more)
    return ValueQuestion(expected, **question)


def choice_question():
    return ChoiceQuestion(
        ["start.run_key_a", "start.run_key_b", "start.run_key_c"],
        "b",
        explanations=["start.run_key_why_a", None, "start.run_key_why_c"],
        id="uji.pilihan",
        variable="jawaban",
        hints=["start.run_key_hint_1", "start.run_key_hint_2"],
        solution="start.run_key_solution",
    )


@pytest.fixture(autouse=True)
def no_recording():
    """No test leaves progress recording on for the next."""
    progress.stop_progress()
    yield
    progress.stop_progress()


@pytest.fixture
def notebook(monkeypatch):
    """The variables of a pretend notebook, where check() looks."""
    variables = {}
    monkeypatch.setattr(
        "tokolab.exercises.notebook_namespace", lambda: variables
    )
    return variables


# --- outcomes and feedback ------------------------------------------------


def test_outcome_values_are_the_words_written_to_progress():
    assert [outcome.value for outcome in Outcome] == ["belum", "salah", "benar"]


def test_feedback_is_true_only_when_right_and_reads_as_plain_text():
    right = Feedback(Outcome.RIGHT, "`total` sudah tepat: 37.500.", "uji")
    wrong = Feedback(Outcome.WRONG, "Coba lagi.", "uji")
    empty = Feedback(Outcome.NOT_ATTEMPTED, "Isi dulu.", "uji")

    assert bool(right) and not wrong and not empty
    assert str(right) == "Benar! `total` sudah tepat: 37.500."
    assert str(wrong) == "Belum tepat: Coba lagi."
    assert str(empty) == "Belum dijawab: Isi dulu."


def test_feedback_box_is_coloured_by_outcome_and_shows_code():
    right = Feedback(Outcome.RIGHT, "`total` <b>tepat</b>.", "uji")
    box = right._repr_html_()

    # Green border, the first word in bold, `total` as code, the rest
    # escaped so a participant's text cannot break the page.
    assert "border-left:6px solid #2e7d32" in box
    assert "<strong" in box and "Benar!</strong>" in box
    assert "<code>total</code>" in box
    assert "&lt;b&gt;tepat&lt;/b&gt;" in box

    wrong = Feedback(Outcome.WRONG, "x", "uji")._repr_html_()
    empty = Feedback(Outcome.NOT_ATTEMPTED, "x", "uji")._repr_html_()
    assert "#c62828" in wrong and "Belum tepat:</strong>" in wrong
    assert "#616161" in empty and "Belum dijawab:</strong>" in empty


def test_ipython_shows_feedback_as_its_plain_text():
    from IPython.lib.pretty import pretty

    feedback = Feedback(Outcome.WRONG, "Coba lagi.", "uji")
    assert pretty(feedback) == "Belum tepat: Coba lagi."


# --- not attempted ----------------------------------------------------------


def test_placeholder_is_not_attempted_and_says_to_replace_the_dots():
    feedback = value_question(37500).check(ANSWER)

    assert feedback.outcome is Outcome.NOT_ATTEMPTED
    assert feedback.question == "uji.nilai"
    assert str(feedback) == (
        "Belum dijawab: `total` belum diisi. Ganti titik-titik (...) dengan "
        "jawaban Anda, jalankan selnya, lalu periksa lagi."
    )


@pytest.mark.parametrize("answer", [None, "", "   \n"])
def test_nothing_written_is_not_attempted(answer):
    feedback = value_question(37500).check(answer)

    assert feedback.outcome is Outcome.NOT_ATTEMPTED
    assert feedback.message == (
        "`total` masih kosong. Isi jawaban Anda, lalu periksa lagi."
    )


def test_a_variable_not_yet_run_is_not_attempted(notebook):
    feedback = value_question(37500).check()

    assert feedback.outcome is Outcome.NOT_ATTEMPTED
    assert feedback.message.startswith(
        "Variabel `total` belum ada. Jalankan dulu sel tempat `total` diisi"
    )


def test_check_reads_the_variable_from_the_notebook(notebook):
    question = value_question(37500)

    notebook["total"] = ...
    assert question.check().outcome is Outcome.NOT_ATTEMPTED
    notebook["total"] = 37000
    assert question.check().outcome is Outcome.WRONG
    notebook["total"] = 37500
    assert question.check().outcome is Outcome.RIGHT


def test_the_notebook_is_ipython_s_namespace_when_there_is_one(monkeypatch):
    class Shell:
        user_ns = {"total": 37500}

    monkeypatch.setattr("IPython.get_ipython", lambda: Shell())
    assert value_question(37500).check().outcome is Outcome.RIGHT


def test_without_ipython_the_notebook_is_main(monkeypatch):
    monkeypatch.setattr("IPython.get_ipython", lambda: None)
    monkeypatch.setattr(__main__, "total", 37000, raising=False)

    assert value_question(37500).check().outcome is Outcome.WRONG


# --- ValueQuestion ----------------------------------------------------------


def test_number_right_and_wrong_with_expected_and_found():
    question = value_question(37500)

    right = question.check(37500)
    assert right.outcome is Outcome.RIGHT
    assert right.message == "`total` sudah tepat: 37.500."
    # 37500.0 is the same number.
    assert question.check(37500.0)

    wrong = question.check(37000)
    assert wrong.outcome is Outcome.WRONG
    assert wrong.message == (
        "`total`: jawaban yang diharapkan 37.500, tetapi yang tertulis 37.000."
    )


def test_number_within_tolerance():
    # A share of 0.25 with 0.01 either way: 0.255 is in, 0.3 is out.
    question = value_question(0.25, tolerance=0.01)

    assert question.check(0.255).outcome is Outcome.RIGHT
    assert question.check(0.3).message == (
        "`total`: jawaban yang diharapkan 0,25 (boleh selisih 0,01), tetapi "
        "yang tertulis 0,3."
    )
    assert question.check(float("nan")).outcome is Outcome.WRONG


def test_number_written_as_text_says_remove_the_quotes():
    feedback = value_question(37500).check("37.500")

    assert feedback.outcome is Outcome.WRONG
    assert feedback.message.startswith(
        '`total` tertulis sebagai teks "37.500", di antara tanda kutip. '
        "Hapus tanda kutipnya"
    )


@pytest.mark.parametrize(
    ("answer", "found"),
    [("tiga puluh", '"tiga puluh"'), (True, "True"), ([37500], "[37.500]")],
)
def test_not_a_number_says_a_number_is_expected(answer, found):
    feedback = value_question(37500).check(answer)

    assert feedback.outcome is Outcome.WRONG
    assert feedback.message == (
        "`total` harus berupa angka, misalnya 25000: tanpa titik ribuan dan "
        f"tanpa tanda kutip. Yang tertulis: {found}."
    )


def test_known_mistake_has_its_own_sentence():
    question = value_question(
        37500, mistakes=[(37.5, "start.total_thousands_dot")]
    )

    feedback = question.check(3 * 12.500)
    assert feedback.outcome is Outcome.WRONG
    assert feedback.message.startswith(
        "`total` bernilai 37,5. Sepertinya 12.500 ditulis dengan titik."
    )


def test_right_sentence_follows_a_right_answer():
    question = value_question(37500, right="start.total_right")
    assert question.check(37500).message == (
        "`total` sudah tepat: 37.500. Bu Sari menerima Rp 37.500."
    )


def test_text_ignores_case_and_extra_spaces():
    question = value_question("Keripik Singkong")

    assert question.check("  keripik   SINGKONG ").outcome is Outcome.RIGHT
    assert question.check("keripik").message == (
        '`total`: jawaban yang diharapkan "Keripik Singkong", tetapi yang '
        'tertulis "keripik".'
    )
    assert question.check(5).message == (
        "`total` harus berupa teks, ditulis di antara tanda kutip, misalnya "
        '"keripik". Yang tertulis: 5.'
    )


def test_yes_no_answer():
    question = value_question(True)

    assert question.check(True).outcome is Outcome.RIGHT
    assert question.check(False).message == (
        "`total`: jawaban yang diharapkan True, tetapi yang tertulis False."
    )
    # 1 is not True here: the answer must be a yes/no value.
    assert question.check(1).message.startswith(
        "`total` harus True (ya) atau False (tidak)"
    )


def test_list_item_by_item_in_order():
    question = value_question(["senin", 2.5, 3], tolerance=0.1)

    # A tuple is a list; texts ignore case; 2.55 is within 0.1 of 2.5.
    assert question.check(("Senin", 2.55, 3)).outcome is Outcome.RIGHT
    assert question.check(["senin", 2.5]).message == (
        "`total`: diharapkan 3 isian, tetapi yang tertulis 2 isian."
    )
    assert question.check(["senin", 2.7, 3]).message == (
        "`total`, isian ke-2: yang diharapkan 2,5 (boleh selisih 0,1), "
        "tetapi yang tertulis 2,7."
    )
    # True is not the number 3.
    assert question.check(["senin", 2.5, True]).outcome is Outcome.WRONG
    assert question.check("senin").message.startswith(
        "`total` harus berupa daftar, ditulis di antara kurung siku"
    )


def test_list_from_pandas_is_a_list():
    pandas = pytest.importorskip("pandas")
    question = value_question([1, 2, 3])
    assert question.check(pandas.Series([1, 2, 3])).outcome is Outcome.RIGHT


def test_set_in_any_order_with_what_is_missing_and_extra():
    question = value_question({"senin", "rabu"})

    assert question.check(["Rabu", "senin"]).outcome is Outcome.RIGHT
    assert question.check(["rabu", "senin", "rabu"]).outcome is Outcome.RIGHT
    assert question.check(["senin"]).message == '`total`: masih kurang "rabu".'
    assert question.check(["senin", "rabu", "jumat"]).message == (
        '`total`: "jumat" tidak termasuk jawaban.'
    )
    assert question.check({"senin", "jumat"}).message == (
        '`total`: masih kurang "rabu", dan "jumat" tidak termasuk jawaban.'
    )


# --- odd answers never show a traceback ---------------------------------------


def test_an_answer_that_breaks_the_checker_is_wrong_in_plain_words():
    def check_plan(answer):
        return answer["minggu_1"] <= answer["minggu_2"]

    question = FunctionQuestion(
        check_plan, id="uji.fungsi", variable="rencana", hints=HINTS, code="x"
    )
    feedback = question.check([3, 4])

    assert feedback.outcome is Outcome.WRONG
    assert feedback.message == (
        "`rencana` tidak bisa diperiksa: yang tertulis ([3, 4]) bukan bentuk "
        "jawaban yang diminta. Baca lagi soalnya, atau minta petunjuk."
    )


def test_a_checker_s_own_slip_is_still_no_traceback():
    def unknown_sentence(answer):
        raise WrongAnswer("exercise.no_such_sentence")

    def sentence_without_its_field(answer):
        # wrong_item needs position, expected and found.
        raise WrongAnswer("exercise.wrong_item")

    for check_answer in (unknown_sentence, sentence_without_its_field):
        question = FunctionQuestion(
            check_answer, id="uji", variable="x", hints=HINTS, code="x"
        )
        feedback = question.check(1)
        assert feedback.outcome is Outcome.WRONG
        assert feedback.message.startswith("`x` tidak bisa diperiksa")


def test_an_answer_that_cannot_even_be_written_is_still_wrong():
    class Odd:
        def __repr__(self):
            raise RuntimeError("no")

    assert written(Odd()) == "(Odd)"
    assert (
        value_question(37500)
        .check(Odd())
        .message.endswith("Yang tertulis: (Odd).")
    )


def test_long_answers_are_cut_short():
    # 60 characters at most: 59 of the text and "…", inside quotes.
    assert written("a" * 100) == '"' + "a" * 59 + '…"'
    # Ten items at most.
    assert written(list(range(12))) == "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, …]"
    assert written(UploadedFile("toko.csv", b"")) == "berkas toko.csv"


@pytest.mark.parametrize(
    ("number", "shown"),
    [
        # 10**28 has 29 digits, one more than Babel writes in full.
        (10**28, "1E28"),
        # 28 digits: still written in full, with thousands dots.
        (10**27 + 1, "1.000.000.000.000.000.000.000.000.001"),
        (1e300, "1E300"),
        (-1.5e300, "-1,5E300"),
        # 2**100 = 1267650600228229401496703205376 (31 digits): the
        # mantissa 1.267650600... rounded to six decimals, 1.267651.
        (2**100, "1,267651E30"),
        # Six decimals would show 0: 1e-10 is not nothing.
        (1e-10, "1E-10"),
        (-0.000000125, "-1,25E-7"),
        # 9.9999999 rounds up to 10: 1E41, not 10E40.
        (9.9999999e40, "1E41"),
    ],
)
def test_very_large_and_very_small_numbers_keep_their_value(number, shown):
    assert written(number) == shown


def test_feedback_on_a_huge_answer_names_it():
    assert value_question(37500).check(10**28).message == (
        "`total`: jawaban yang diharapkan 37.500, tetapi yang tertulis 1E28."
    )
    set_language("en")
    assert written(-1.5e300) == "-1.5E300"
    assert value_question(37500).check(1e300).message == (
        "`total`: the expected answer is 37,500, but what is written is 1E300."
    )


# --- feedback for a form field ------------------------------------------------


def test_a_form_field_is_named_in_plain_words_not_as_code():
    question = value_question("Rabu")

    empty = question.check("", field="pilihan Anda")
    assert empty.outcome is Outcome.NOT_ATTEMPTED
    assert empty.message == (
        "Pilihan Anda masih kosong. Isi atau pilih jawaban Anda dulu, lalu "
        "klik Periksa lagi."
    )
    assert "<code>" not in empty._repr_html_()

    wrong = question.check("Senin", field="pilihan Anda")
    assert wrong.message == (
        'Pilihan Anda: jawaban yang diharapkan "Rabu", tetapi yang tertulis '
        '"Senin".'
    )
    right = question.check(" rabu", field="Hari pengiriman")
    assert right.message == 'Hari pengiriman sudah tepat: " rabu".'

    # Without a field, the variable stays code.
    assert question.check("").message == (
        "`total` masih kosong. Isi jawaban Anda, lalu periksa lagi."
    )


def test_a_form_field_in_english():
    set_language("en")
    feedback = value_question(37500).check(None, field="your answer")
    assert feedback.message == (
        "Your answer is still empty. Fill in or choose your answer first, "
        "then click Check again."
    )


def test_a_checkers_own_sentence_names_the_field_too():
    question = FunctionQuestion(
        rising, id="uji", variable="rencana", hints=HINTS, code="x"
    )
    feedback = question.check([1, 3, 2], field="jawaban Anda")
    # start.total_one_pack: "`{variable}` bernilai {found}: ..."
    assert feedback.message.startswith("Jawaban Anda bernilai minggu 3")


# --- FunctionQuestion ---------------------------------------------------------


def rising(plan):
    """Right when the plan never decreases; WrongAnswer names the week."""
    for week in range(1, len(plan)):
        if plan[week] < plan[week - 1]:
            raise WrongAnswer(
                "start.total_one_pack", found=f"minggu {week + 1}"
            )


def test_function_right_wrong_and_its_own_sentence():
    question = FunctionQuestion(
        rising, id="uji.fungsi", variable="rencana", hints=HINTS, code="x"
    )

    right = question.check([1, 2, 2, 4])
    assert right.outcome is Outcome.RIGHT
    assert right.message == ("`rencana` sudah memenuhi semua syarat soal ini.")

    # The WrongAnswer's sentence, with the variable filled in.
    wrong = question.check([1, 3, 2])
    assert wrong.outcome is Outcome.WRONG
    assert wrong.message.startswith("`rencana` bernilai minggu 3:")


def test_function_may_answer_true_false_or_feedback():
    def says(result):
        return FunctionQuestion(
            lambda answer: result,
            id="uji.fungsi",
            variable="x",
            hints=HINTS,
            code="x",
        )

    assert says(True).check(1).outcome is Outcome.RIGHT
    assert says(False).check(1).message == (
        "`x` belum memenuhi syarat soal ini. Baca lagi soalnya, atau minta "
        "petunjuk."
    )
    own = says(Feedback(Outcome.WRONG, "Kurang satu.", "lain")).check(1)
    assert own.message == "Kurang satu."
    # The feedback is about this question, whatever the function said.
    assert own.question == "uji.fungsi"
    # Anything else is the checker's mistake, still no traceback.
    assert says("ya").check(1).outcome is Outcome.WRONG


# --- ChoiceQuestion -----------------------------------------------------------


@pytest.mark.parametrize(
    "answer", ["b", "B", " b) ", "(b)", "shift+enter", "Shift+Enter"]
)
def test_choice_by_letter_or_text(answer):
    feedback = choice_question().check(answer)

    assert feedback.outcome is Outcome.RIGHT
    assert feedback.message == "Pilihan b (Shift+Enter) tepat."


def test_wrong_choice_explains_that_option_and_hides_the_right_one():
    feedback = choice_question().check("a")

    assert feedback.outcome is Outcome.WRONG
    assert feedback.message == (
        "Pilihan a (Ctrl+S) belum tepat. Ctrl+S menyimpan notebook, tetapi "
        "tidak menjalankan sel."
    )
    assert "b" not in feedback.message.split()


def test_choice_that_is_no_option():
    expected = (
        "`jawaban`: {} bukan salah satu pilihan. Tulis huruf pilihan Anda "
        '(a, b, c) di antara tanda kutip, misalnya "a".'
    )
    assert choice_question().check("d").message == expected.format('"d"')
    assert choice_question().check(2).message == expected.format("2")


def test_choices_are_lettered_in_the_language_in_use():
    question = ChoiceQuestion(
        ["exercise.button_check", "exercise.button_hint"],
        "a",
        id="uji.pilihan",
        variable="jawaban",
        hints=HINTS,
        code="x",
    )
    assert question.choices() == [("a", "Periksa"), ("b", "Petunjuk")]

    # Either language's text is an answer.
    assert question.check("check").outcome is Outcome.RIGHT
    set_language("en")
    assert question.choices() == [("a", "Check"), ("b", "Hint")]
    assert question.check("periksa").outcome is Outcome.RIGHT


# --- hints and solutions ----------------------------------------------------


def test_hints_advance_level_by_level_and_stop_at_the_last():
    question = value_question(37500)

    first = question.hint()
    assert (first.level, first.total) == (1, 3)
    assert str(first) == f"Petunjuk 1 dari 3: {HINT_1}"

    assert question.hint().level == 2
    last = question.hint()
    assert last.level == 3
    assert last.message == f"{HINT_3} {LAST_HINT}"
    # Past the last, the last again.
    assert question.hint().level == 3

    # A level asked for, then the next from there; out of range is clamped.
    assert question.hint(1).level == 1
    assert question.hint().level == 2
    assert question.hint(9).level == 3
    assert question.hint(0).level == 1


def test_hint_box_is_blue_with_its_heading():
    box = value_question(37500).hint()._repr_html_()
    assert "#1565c0" in box and "Petunjuk 1 dari 3:</strong>" in box


def test_solution_shows_sentence_and_code():
    question = value_question(37500, code="total = 3 * 12500\ntotal")
    solution = question.solution()

    assert solution.message == (
        "3 bungkus × Rp 12.500 = Rp 37.500. Di Python ditulis seperti ini:"
    )
    assert str(solution) == (
        "Jawaban: 3 bungkus × Rp 12.500 = Rp 37.500. Di Python ditulis "
        "seperti ini:\n\n    total = 3 * 12500\n    total"
    )
    box = solution._repr_html_()
    assert "<pre" in box and "total = 3 * 12500\ntotal" in box


def test_a_solution_text_keeps_its_line_breaks():
    solution = Solution(
        question="uji",
        message="Contohnya:",
        code="",
        answer_text="Bakpia kacang hijau.\nIsi 20 buah.",
    )
    assert str(solution) == (
        "Jawaban: Contohnya:\n\nBakpia kacang hijau.\nIsi 20 buah."
    )
    box = solution._repr_html_()
    # The text itself, in a block that keeps and wraps its lines.
    assert "white-space:pre-wrap" in box
    assert ">Bakpia kacang hijau.\nIsi 20 buah.</pre>" in box
    assert "\\n" not in box and "<code>" not in box


def test_solution_may_be_code_alone():
    question = FunctionQuestion(
        rising, id="uji", variable="x", hints=HINTS, code="x = [1, 2]"
    )
    assert str(question.solution()) == "Jawaban:\n\n    x = [1, 2]"


# --- English ------------------------------------------------------------------


def test_english_switches_feedback_hints_and_solution():
    question = value_question(37500)
    set_language("en")

    assert str(question.check(37000)) == (
        "Not quite: `total`: the expected answer is 37,500, but what is "
        "written is 37,000."
    )
    assert str(question.check(37500)) == "Right! `total` is correct: 37,500."
    assert str(question.check(ANSWER)).startswith(
        "Not answered yet: `total` is not filled in yet."
    )
    assert str(question.hint()) == (
        "Hint 1 of 3: Money received = packs sold × the price of one pack."
    )
    assert question.solution().message.startswith("3 packs × Rp 12,500")


# --- questions built wrongly (the kit's mistakes) -----------------------------


@pytest.mark.parametrize(
    ("more", "message"),
    [
        ({"hints": ["start.total_hint_1"]}, "at least two hints"),
        ({"hints": ["start.total_hint_1", "no.such"]}, "no.such"),
        ({"solution": None}, "solution or code"),
        ({"right": "no.right"}, "no.right"),
        ({"variable": ""}, "variable"),
    ],
)
def test_a_question_built_wrongly_is_refused(more, message):
    question = {
        "id": "uji",
        "variable": "x",
        "hints": HINTS,
        "solution": SOLUTION,
    }
    question.update(more)
    with pytest.raises(ValueError, match=message):
        ValueQuestion(1, **question)


def test_a_choice_built_wrongly_is_refused():
    keywords = {"id": "uji", "variable": "x", "hints": HINTS, "code": "x"}
    options = ["start.run_key_a", "start.run_key_b"]
    with pytest.raises(ValueError, match="correct"):
        ChoiceQuestion(options, "c", **keywords)
    with pytest.raises(ValueError, match="2 to"):
        ChoiceQuestion(options[:1], "a", **keywords)
    with pytest.raises(ValueError, match="do not exist"):
        ChoiceQuestion(options, "a", explanations={"d": SOLUTION}, **keywords)


# --- progress -----------------------------------------------------------------


def test_each_check_is_recorded_when_progress_is_on(tmp_path):
    question = value_question(37500)
    question.check(37000)
    assert not list(tmp_path.iterdir())

    progress.start_progress("P001", tmp_path)
    question.check(ANSWER)
    question.check(37000)
    question.check(37500)
    progress.stop_progress()
    question.check(1)

    lines = (tmp_path / "kemajuan-P001.csv").read_text().splitlines()
    assert lines[0] == "participant,question,outcome,time"
    # Three checks while on; the time is now, so only its form is checked.
    assert [line.rsplit(",", 1)[0] for line in lines[1:]] == [
        "P001,uji.nilai,belum",
        "P001,uji.nilai,salah",
        "P001,uji.nilai,benar",
    ]
    assert all(line.endswith("+07:00") for line in lines[1:])


def test_a_progress_file_that_cannot_be_written_adds_a_note(tmp_path):
    (tmp_path / "kemajuan-P001.csv").write_text("nama,nilai\nBudi,80\n")
    progress.start_progress("P001", tmp_path)

    feedback = value_question(37500).check(37500)

    # The answer is still judged; the note says why nothing was recorded.
    assert feedback.outcome is Outcome.RIGHT
    assert "Catatan: kemajuan Anda belum tercatat." in feedback.message
    assert "bukan catatan kemajuan" in feedback.message
    assert (tmp_path / "kemajuan-P001.csv").read_text() == (
        "nama,nilai\nBudi,80\n"
    )


def test_choice_question_from_catalog_follows_the_naming():
    # start.toml names the run-key question's sentences this way.
    question = ChoiceQuestion.from_catalog(
        "start.run_key", "b", id="mulai.tombol_jalankan", hints=2
    )
    assert question.options == {
        "a": "start.run_key_a",
        "b": "start.run_key_b",
        "c": "start.run_key_c",
    }
    assert question.explanations["c"] == "start.run_key_why_c"
    assert question.check("b").outcome is Outcome.RIGHT
    assert question.check("a").outcome is Outcome.WRONG
