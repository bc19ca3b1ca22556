"""Quizzes, their scores and the score file nilai-<kode>.csv (tokolab.quiz)."""

import errno
import logging
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tokolab import progress, set_language
from tokolab.classrecords import read_quiz_scores
from tokolab.errors import InputError
from tokolab.exercises import ANSWER, ChoiceQuestion, Outcome
from tokolab.forms import choice_form
from tokolab.quiz import (
    HEADER,
    Quiz,
    QuizResult,
    hand_in,
    quiz_score,
    record_progress,
    score_cell,
    score_path,
    start_quiz,
    write_score,
)

HINTS = ["start.total_hint_1", "start.total_hint_2"]


def question(number, correct):
    return ChoiceQuestion(
        ["start.run_key_a", "start.run_key_b", "start.run_key_c"],
        correct,
        id=f"uji.kuis.{number}",
        variable="jawaban",
        hints=HINTS,
        solution="start.run_key_solution",
    )


# Right letters: b, a, c.
QUIZ = [question(1, "b"), question(2, "a"), question(3, "c")]


@pytest.mark.parametrize(
    ("answers", "right", "answered", "score"),
    [
        # All right: 3 / 3 = 100.
        (["b", "a", "c"], 3, 3, 100.0),
        # Two right: 100 * 2 / 3 = 66.67, to one decimal 66.7.
        (["b", "a", "a"], 2, 3, 66.7),
        # One right, one wrong, one empty: 100 / 3 = 33.3.
        (["B", "c", ANSWER], 1, 2, 33.3),
        # The option's text counts like its letter ("Shift+Enter" is b).
        (["Shift+Enter", None, "  "], 1, 1, 33.3),
        # Nothing answered.
        ([None, ANSWER, ""], 0, 0, 0.0),
        # A letter that is no option is wrong, not an error.
        (["z", 42, "b"], 0, 3, 0.0),
    ],
)
def test_quiz_score_counts_right_answers(answers, right, answered, score):
    result = quiz_score(QUIZ, answers, session=2, test="pre")
    assert (result.right, result.answered, result.total) == (
        right,
        answered,
        3,
    )
    assert result.score == score
    assert (result.session, result.test) == (2, "pre")


def test_quiz_score_reads_forms():
    forms = [choice_form(q) for q in QUIZ]
    forms[0].widget.value = "b"
    forms[1].widget.value = "b"
    # forms[2] left empty.
    result = quiz_score(QUIZ, forms, session=1, test="akhir")
    assert (result.right, result.answered) == (1, 2)
    assert result.test == "post"


def test_result_sentences():
    result = quiz_score(QUIZ, ["b", "a", None], session=2, test="post")
    # 100 * 2 / 3 = 66.7, written 66,7 in Indonesian.
    assert str(result) == (
        "Nilai Anda: 66,7 dari 100 (2 dari 3 soal benar). Ada 1 soal yang "
        "belum dijawab; soal itu dihitung salah. Untuk menjawabnya, pilih "
        "jawaban di soal itu, klik Simpan jawaban, lalu jalankan sel ini "
        "lagi. Pembahasan (mana yang benar) muncul sesudah semua soal "
        "dijawab. Kalau memang tidak tahu jawabannya, biarkan kosong dan "
        "serahkan nilai di bawah."
    )
    set_language("en")
    assert str(result).startswith(
        "Your score: 66.7 out of 100 (2 of 3 questions right)."
    )
    assert "66.7" in result._repr_html_()


def test_full_score_has_no_note():
    result = quiz_score(QUIZ, ["b", "a", "c"], session=2, test="pre")
    assert str(result) == "Nilai Anda: 100 dari 100 (3 dari 3 soal benar)."


@pytest.mark.parametrize(
    ("questions", "answers", "session", "test", "key", "fields"),
    [
        (QUIZ, ["b"], 2, "pre", "quiz.answer_count", (3, "1")),
        (QUIZ, ["b", "a", "c", "a"], 2, "pre", "quiz.answer_count", (3, "4")),
        (QUIZ, None, 2, "pre", "quiz.answers_not_a_list", (3, "kosong (None)")),
        (QUIZ, "bac", 2, "pre", "quiz.answers_not_a_list", (3, '"bac"')),
        ([], [], 2, "pre", "quiz.no_questions", (None, "[]")),
        (None, [], 2, "pre", "quiz.no_questions", (None, "kosong (None)")),
        (
            QUIZ,
            ["b", "a", "c"],
            5,
            "pre",
            "quiz.bad_session",
            ("1, 2, 3, 4", "5"),
        ),
        (
            QUIZ,
            ["b", "a", "c"],
            True,
            "pre",
            "quiz.bad_session",
            ("1, 2, 3, 4", "True"),
        ),
        (
            QUIZ,
            ["b", "a", "c"],
            2,
            "tengah",
            "quiz.bad_test",
            ("pre, post", '"tengah"'),
        ),
    ],
)
def test_mistakes_in_the_notebook_are_input_errors(
    questions, answers, session, test, key, fields
):
    with pytest.raises(InputError) as caught:
        quiz_score(questions, answers, session=session, test=test)
    error = caught.value
    assert error.key == key
    expected, found = fields
    assert error.fields.get("expected") == expected
    assert str(error.fields["found"]) == found


def test_answer_count_says_it_in_plain_words():
    # 5 questions, 4 answers: the sentence names both numbers.
    five = [question(n, "a") for n in range(1, 6)]
    with pytest.raises(InputError) as caught:
        quiz_score(five, ["a", "b", "c", "a"], session=1, test="pre")
    assert str(caught.value) == (
        "Kuis ini punya 5 soal, tetapi jawabannya ada 4. Tulis satu jawaban "
        "untuk setiap soal, berurutan; tulis None untuk soal yang belum "
        "dijawab."
    )
    set_language("en")
    assert str(caught.value) == (
        "This quiz has 5 questions, but 4 answers were given. Write one "
        "answer per question, in order; write None for a question not "
        "answered."
    )


def test_answers_none_says_it_in_plain_words():
    with pytest.raises(InputError) as caught:
        quiz_score(QUIZ, None, session=1, test="pre")
    assert str(caught.value) == (
        "Jawaban kuis harus berupa daftar dengan 3 jawaban, satu untuk "
        'setiap soal, di dalam kurung siku, misalnya ["a", "c", None, ...] '
        "(None untuk soal yang belum dijawab). Yang diberikan: kosong "
        "(None)."
    )
    assert "NoneType" not in str(caught.value)
    set_language("en")
    assert str(caught.value).endswith("What was given: nothing (None).")


def test_line_and_cells():
    result = QuizResult(2, "pre", 4, 5, 5, 80.0)
    assert result.line(" p001 ") == "P001,2,pre,80"
    assert score_cell(66.7) == "66.7"
    assert score_cell(100.0) == "100"
    assert score_cell(0) == "0"
    with pytest.raises(InputError) as error:
        result.line("Budi Santoso")
    assert error.value.key == "progress.bad_code"


def test_write_score_adds_sorts_and_keeps_the_first(tmp_path):
    path = write_score(QuizResult(2, "post", 4, 5, 5, 80.0), "P001", tmp_path)
    assert path == tmp_path / "nilai-P001.csv"
    assert path.read_text("utf-8") == f"{HEADER}\nP001,2,post,80\n"

    # Another quiz: the quiz before comes first; session 1 goes first.
    write_score(QuizResult(2, "pre", 2, 5, 5, 40.0), "P001", tmp_path)
    write_score(QuizResult(1, "post", 2, 3, 3, 66.7), "p001", tmp_path)
    assert path.read_text("utf-8") == (
        f"{HEADER}\nP001,1,post,66.7\nP001,2,pre,40\nP001,2,post,80\n"
    )

    # The same quiz again is refused: the first score stays.
    with pytest.raises(InputError) as caught:
        write_score(QuizResult(2, "pre", 3, 5, 5, 60.0), "P001", tmp_path)
    assert caught.value.key == "quiz.already_handed_in"
    assert caught.value.found == "P001,2,pre,40"
    assert "P001,2,pre,40\n" in path.read_text("utf-8")

    # A retake the tutor allows replaces it.
    write_score(
        QuizResult(2, "pre", 3, 5, 5, 60.0), "P001", tmp_path, retake=True
    )
    assert path.read_text("utf-8") == (
        f"{HEADER}\nP001,1,post,66.7\nP001,2,pre,60\nP001,2,post,80\n"
    )

    # The class records read it back.
    scores = read_quiz_scores(path)
    assert list(scores["score"]) == [66.7, 60.0, 80.0]
    assert not list(tmp_path.glob(".*"))


def test_write_score_logs_the_write_once(tmp_path, caplog):
    with caplog.at_level(logging.DEBUG, logger="tokolab"):
        path = write_score(
            QuizResult(2, "pre", 4, 5, 5, 80.0), "P001", tmp_path
        )
    writes = [r for r in caplog.records if str(path) in r.getMessage()]
    assert len(writes) == 1


def test_write_score_leaves_a_foreign_file_alone(tmp_path):
    path = tmp_path / "nilai-P001.csv"
    path.write_text("nama,nilai\nBudi,80\n", encoding="utf-8")
    with pytest.raises(InputError):
        write_score(QuizResult(2, "pre", 4, 5, 5, 80.0), "P001", tmp_path)
    assert path.read_text("utf-8") == "nama,nilai\nBudi,80\n"


def test_write_score_names_a_bad_row(tmp_path):
    path = tmp_path / "nilai-P001.csv"
    path.write_text(f"{HEADER}\nP001,2,pre,seratus\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        write_score(QuizResult(2, "post", 4, 5, 5, 80.0), "P001", tmp_path)
    assert error.value.key == "classrecords.bad_score"
    # Header = row 1, so the first line below it is row 2.
    assert error.value.row == 2
    assert "baris 2" in str(error.value)


def test_write_score_needs_the_folder(tmp_path):
    missing = tmp_path / "tidak-ada"
    with pytest.raises(InputError) as error:
        write_score(QuizResult(2, "pre", 4, 5, 5, 80.0), "P001", missing)
    assert error.value.key == "quiz.folder_not_found"
    assert str(error.value) == (
        f"Folder {missing} tidak ditemukan. Periksa nama foldernya."
    )
    set_language("en")
    assert str(error.value) == (
        f"Folder {missing} was not found. Check the folder's name."
    )


def refuse_writing_in(monkeypatch, folder):
    """Refuse every file opened for writing in ``folder``.

    As a folder without write permission would: the tests may run as
    root, who may write anywhere.
    """
    real_open = os.open

    def refused(path, flags, *arguments, **keywords):
        if Path(path).parent == folder and flags & os.O_WRONLY:
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_open(path, flags, *arguments, **keywords)

    monkeypatch.setattr(os, "open", refused)


def test_write_score_in_a_blocked_folder_says_why_plainly(
    tmp_path, monkeypatch
):
    path = tmp_path / "nilai-P001.csv"
    path.write_text(f"{HEADER}\nP001,2,pre,40\n", encoding="utf-8")
    refuse_writing_in(monkeypatch, tmp_path)

    with pytest.raises(InputError) as caught:
        write_score(QuizResult(2, "post", 4, 5, 5, 80.0), "P001", tmp_path)
    monkeypatch.undo()

    error = caught.value
    assert error.key == "common.cannot_write"
    assert error.path == str(path)
    assert str(error) == (
        f"Berkas {path} tidak bisa ditulis: Anda tidak punya izin menulis di "
        "situ. Pilih folder Anda sendiri, misalnya folder notebook ini."
    )
    assert "Permission denied" not in str(error)
    set_language("en")
    assert str(error) == (
        f"File {path} cannot be written: you have no permission to write "
        "there. Choose a folder of your own, for example this notebook's "
        "folder."
    )
    # The old file is as it was, and no temporary file is left.
    assert path.read_text("utf-8") == f"{HEADER}\nP001,2,pre,40\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nilai-P001.csv"]


def test_hand_in_in_a_blocked_folder_says_why_plainly(tmp_path, monkeypatch):
    refuse_writing_in(monkeypatch, tmp_path)
    handed = hand_in(QuizResult(2, "pre", 4, 5, 5, 80.0), "P001", tmp_path)
    monkeypatch.undo()

    assert not handed and handed.path is None
    assert str(handed) == (
        f"Nilai belum disimpan. Berkas {tmp_path / 'nilai-P001.csv'} tidak "
        "bisa ditulis: Anda tidak punya izin menulis di situ. Pilih folder "
        "Anda sendiri, misalnya folder notebook ini."
    )
    assert list(tmp_path.iterdir()) == []


def test_score_path_defaults_to_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert score_path("P007") == Path.cwd() / "nilai-P007.csv"


def test_hand_in_without_code_writes_nothing(tmp_path):
    result = QuizResult(2, "pre", 4, 5, 5, 80.0)
    for code in (ANSWER, None, "  "):
        handed = hand_in(result, code, tmp_path)
        assert not handed and handed.path is None
        assert str(handed) == (
            "Nilai belum disimpan. Tulis kode peserta Anda di antara tanda "
            'kutip, misalnya kode_peserta = "P001", lalu jalankan sel ini '
            "lagi. Jangan menulis nama."
        )
    assert list(tmp_path.iterdir()) == []


def test_hand_in_with_a_name_says_so(tmp_path):
    handed = hand_in(QuizResult(2, "pre", 4, 5, 5, 80.0), "Budi", tmp_path)
    assert not handed
    assert str(handed).startswith(
        'Nilai belum disimpan. Kode peserta "Budi" tidak bisa dipakai.'
    )
    assert list(tmp_path.iterdir()) == []


def test_hand_in_writes_and_gives_the_line(tmp_path):
    handed = hand_in(QuizResult(2, "post", 5, 5, 5, 100.0), "P012", tmp_path)
    assert handed and handed.line == "P012,2,post,100"
    assert handed.path == tmp_path / "nilai-P012.csv"
    assert str(handed) == (
        "Nilai sudah disimpan di berkas nilai-P012.csv, di folder notebook "
        "ini. Baris untuk pemateri: P012,2,post,100"
    )


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(content=st.binary(max_size=200))
def test_any_existing_file_is_rewritten_or_refused(tmp_path, content):
    path = tmp_path / "nilai-P001.csv"
    path.write_bytes(content)
    try:
        write_score(QuizResult(2, "pre", 4, 5, 5, 80.0), "P001", tmp_path)
    except InputError:
        assert path.read_bytes() == content
    else:
        assert "P001,2,pre,80\n" in path.read_text("utf-8")
    finally:
        path.unlink(missing_ok=True)


# --- a quiz taken in a notebook: the first answer counts --------------------


def explained(number, correct):
    """A question of QUIZ's kind whose options explain themselves."""
    return ChoiceQuestion(
        ["start.run_key_a", "start.run_key_b", "start.run_key_c"],
        correct,
        explanations=[
            "start.run_key_why_a",
            "start.run_key_why_b",
            "start.run_key_why_c",
        ],
        id=f"uji.kuis_dijelaskan.{number}",
        variable="jawaban",
        prompt="start.run_key_prompt",
        hints=HINTS,
        solution="start.run_key_solution",
    )


@pytest.fixture
def quiz():
    # Three questions, all answered right with b (Shift+Enter).
    return Quiz([explained(n, "b") for n in (1, 2, 3)], session=1, test="pre")


@pytest.fixture(autouse=True)
def no_recording():
    progress.stop_progress()
    yield
    progress.stop_progress()


def test_a_saved_answer_is_not_judged_and_cannot_change(quiz):
    form = quiz.form(1)
    assert form.widget.value is None and not form.widget.disabled

    # Saving says it is saved, not whether it is right.
    form.widget.value = "a"
    note = form.save_button.click() or form.output.outputs[0]
    said = note["data"]["text/plain"]
    assert said == (
        "Jawaban soal 1 tersimpan: a. Jawaban ini yang dihitung dan tidak "
        "bisa diubah lagi. Benar atau salahnya Anda lihat di akhir kuis, "
        "sesudah nilai dihitung."
    )
    assert "Benar!" not in said and "Belum tepat" not in said
    assert form.widget.disabled and form.save_button.disabled

    # A change made anyway is put back, and the form says so.
    form.widget.value = "b"
    assert form.widget.value == "a"
    assert form.output.outputs[0]["data"]["text/plain"] == (
        "Soal 1 sudah punya jawaban tersimpan: a. Di kuis, jawaban pertama "
        'yang dihitung, jadi "b" tidak dipakai.'
    )
    # In code too: the first answer stays.
    assert str(quiz.save(1, "b")).startswith(
        "Soal 1 sudah punya jawaban tersimpan: a."
    )
    assert quiz.answers == ["a", None, None]
    assert form.answer() == "a"


def test_a_form_made_again_shows_the_saved_answer_locked(quiz):
    quiz.save(2, "C")
    again = quiz.form(2)
    assert again.widget.value == "c"
    assert again.widget.disabled
    assert again.output.outputs[0]["data"]["text/plain"].startswith(
        "Jawaban soal 2 tersimpan: c."
    )


def test_saving_nothing_or_no_option_saves_nothing(quiz):
    form = quiz.form(3)
    assert str(form.save()) == (
        "Soal 3: belum ada pilihan. Klik salah satu pilihan, lalu klik "
        "Simpan jawaban."
    )
    assert str(quiz.save(3, "z")) == (
        'Soal 3: "z" bukan salah satu pilihan, jadi belum disimpan. Tulis '
        'huruf pilihan Anda (a, b, c) di antara tanda kutip, misalnya "a".'
    )
    assert quiz.answers == [None, None, None]
    assert not form.widget.disabled
    # The option's text counts like its letter.
    quiz.save(3, "shift+enter")
    assert quiz.answers == [None, None, "b"]


def test_a_question_the_quiz_lacks(quiz):
    with pytest.raises(InputError) as caught:
        quiz.form(4)
    assert caught.value.key == "quiz.no_such_question"
    assert str(caught.value) == (
        "Kuis ini punya soal nomor 1 sampai 3. Soal nomor 4 tidak ada."
    )


def test_score_so_far_has_no_review(quiz):
    # Answers a, b: one right of three, one unanswered: 100 / 3 = 33.3.
    quiz.save_answers(["a", "b", None])
    result = quiz.score()
    assert (result.right, result.answered, result.score) == (1, 2, 33.3)
    assert not result.final and result.review == ()
    assert not quiz.closed
    assert str(result) == (
        "Nilai Anda: 33,3 dari 100 (1 dari 3 soal benar). Ada 1 soal yang "
        "belum dijawab; soal itu dihitung salah. Untuk menjawabnya, pilih "
        "jawaban di soal itu, klik Simpan jawaban, lalu jalankan sel ini "
        "lagi. Pembahasan (mana yang benar) muncul sesudah semua soal "
        "dijawab. Kalau memang tidak tahu jawabannya, biarkan kosong dan "
        "serahkan nilai di bawah."
    )
    # The third can still be saved.
    quiz.save(3, "b")
    assert quiz.answers == ["a", "b", "b"]


def test_the_last_answer_closes_the_quiz_and_shows_the_review(quiz):
    forms = [quiz.form(n) for n in (1, 2, 3)]
    quiz.save_answers(["a", "b", "b"])
    result = quiz.score()

    # Two right of three: 100 * 2 / 3 = 66.7.
    assert (result.right, result.score, result.final) == (2, 66.7, True)
    assert quiz.closed
    assert [f.outcome for f in result.review] == [
        Outcome.WRONG,
        Outcome.RIGHT,
        Outcome.RIGHT,
    ]
    assert str(result) == (
        "Nilai Anda: 66,7 dari 100 (2 dari 3 soal benar).\n"
        "\n"
        "Pembahasan setiap soal:\n"
        "Soal 1. Belum tepat: Pilihan a (Ctrl+S) belum tepat. Ctrl+S "
        "menyimpan notebook, tetapi tidak menjalankan sel. Jawabannya b, "
        "Shift+Enter: tahan tombol Shift, lalu tekan Enter.\n"
        "Soal 2. Benar! Pilihan b (Shift+Enter) tepat. Shift+Enter "
        "menjalankan sel, lalu pindah ke sel berikutnya. Tombol ▶ di bilah "
        "atas melakukan hal yang sama.\n"
        "Soal 3. Benar! Pilihan b (Shift+Enter) tepat. Shift+Enter "
        "menjalankan sel, lalu pindah ke sel berikutnya. Tombol ▶ di bilah "
        "atas melakukan hal yang sama."
    )
    assert "Pembahasan setiap soal" in result._repr_html_()

    # Every form is locked and shows its own question's review.
    for form, review in zip(forms, result.review, strict=True):
        assert form.widget.disabled and form.save_button.disabled
        assert form.output.outputs[0]["data"]["text/plain"] == str(review)

    # Nothing can be saved any more; the score stays the same.
    assert str(quiz.save(1, "b")) == (
        "Kuis ini sudah selesai dinilai, jadi jawaban soal 1 tidak bisa "
        "disimpan lagi."
    )
    assert quiz.score() is result


def test_the_review_of_an_unanswered_question(quiz):
    quiz.save(1, "b")
    result = quiz.close()
    # One right of three = 33.3; two not answered.
    assert (result.right, result.answered, result.score) == (1, 1, 33.3)
    assert str(result.review[1]) == (
        "Soal 2. Belum dijawab: Soal ini tidak dijawab, jadi dihitung salah. "
        "Jawabannya b, Shift+Enter: tahan tombol Shift, lalu tekan Enter."
    )
    assert result.message() == (
        "Nilai Anda: 33,3 dari 100 (1 dari 3 soal benar). Ada 2 soal yang "
        "tidak dijawab; soal itu dihitung salah."
    )
    set_language("en")
    assert result.message().endswith(
        "2 question(s) were not answered; they count as wrong."
    )


def test_closing_records_each_question_once(quiz, tmp_path):
    progress.start_progress("P003", tmp_path)
    quiz.save_answers(["b", "a", None])
    quiz.score()  # not final: nothing recorded
    assert not (tmp_path / "kemajuan-P003.csv").exists()
    quiz.close()
    quiz.close()
    lines = (tmp_path / "kemajuan-P003.csv").read_text("utf-8").splitlines()
    # Header, then one line per question: right, wrong, not answered.
    assert [line.split(",")[1:3] for line in lines[1:]] == [
        ["uji.kuis_dijelaskan.1", "benar"],
        ["uji.kuis_dijelaskan.2", "salah"],
        ["uji.kuis_dijelaskan.3", "belum"],
    ]


def test_quiz_score_reads_quiz_forms(quiz):
    forms = [quiz.form(n) for n in (1, 2, 3)]
    forms[0].widget.value = "b"
    forms[0].save()
    forms[1].widget.value = "b"  # chosen, never saved: does not count
    result = quiz_score(quiz.questions, forms, session=1, test="pre")
    assert (result.right, result.answered) == (1, 1)


def test_start_quiz_keeps_the_answers_when_its_cell_runs_again():
    questions = [explained(n, "b") for n in (7, 8)]
    first = start_quiz(questions, session=3, test="awal")
    first.save(1, "a")
    again = start_quiz(questions, session=3, test="pre")
    assert again is first and again.answers == ["a", None]
    fresh = start_quiz(questions, session=3, test="pre", retake=True)
    assert fresh is not first and fresh.answers == [None, None]
    assert start_quiz(questions, session=3, test="pre") is fresh


def test_quiz_refuses_questions_without_options():
    with pytest.raises(InputError) as caught:
        Quiz(["a", "b"], session=1, test="pre")
    assert caught.value.key == "quiz.no_questions"


# --- handing a quiz in -------------------------------------------------------


def test_hand_in_a_quiz_closes_it_and_shows_the_review(quiz, tmp_path):
    quiz.save(1, "b")
    handed = hand_in(quiz, "P004", tmp_path)
    # One right of three: 33.3.
    assert handed.line == "P004,1,pre,33.3"
    assert quiz.closed
    assert [f.outcome for f in handed.review] == [
        Outcome.RIGHT,
        Outcome.NOT_ATTEMPTED,
        Outcome.NOT_ATTEMPTED,
    ]
    assert str(handed).startswith(
        "Nilai sudah disimpan di berkas nilai-P004.csv, di folder notebook "
        "ini. Baris untuk pemateri: P004,1,pre,33.3\n\nPembahasan setiap "
        "soal:\nSoal 1. Benar!"
    )
    assert (tmp_path / "nilai-P004.csv").read_text("utf-8") == (
        f"{HEADER}\nP004,1,pre,33.3\n"
    )


def test_hand_in_after_the_review_does_not_repeat_it(quiz, tmp_path):
    quiz.save_answers(["b", "b", "b"])
    quiz.score()
    handed = hand_in(quiz, "P004", tmp_path)
    assert handed.line == "P004,1,pre,100" and handed.review == ()


def test_a_second_hand_in_keeps_the_first(quiz, tmp_path):
    quiz.save_answers(["a", "a", "b"])
    assert hand_in(quiz, "P005", tmp_path).line == "P005,1,pre,33.3"

    # A new quiz, all right (a kernel restarted, say): refused.
    retaken = Quiz(quiz.questions, session=1, test="pre")
    retaken.save_answers(["b", "b", "b"])
    handed = hand_in(retaken, "P005", tmp_path)
    assert not handed
    assert str(handed) == (
        "Nilai kuis ini sudah pernah diserahkan: P005,1,pre,33.3 (di berkas "
        "nilai-P005.csv). Nilai yang pertama itu tetap dipakai, dan "
        "berkasnya tidak diubah. Kalau pemateri mengizinkan Anda mengulang "
        "kuis, tulis retake=True di sel pertama kuis (di dalam start_quiz) "
        "dan di sel ini (di dalam hand_in), lalu jalankan lagi semua sel "
        "dari atas dan jawab lagi soal-soalnya."
    )
    assert (tmp_path / "nilai-P005.csv").read_text("utf-8") == (
        f"{HEADER}\nP005,1,pre,33.3\n"
    )
    # Refused before anything closed.
    assert not retaken.closed

    # A retake the tutor allows replaces the line.
    handed = hand_in(retaken, "P005", tmp_path, retake=True)
    assert handed.line == "P005,1,pre,100"
    assert (tmp_path / "nilai-P005.csv").read_text("utf-8") == (
        f"{HEADER}\nP005,1,pre,100\n"
    )


def test_hand_in_with_a_bad_code_leaves_the_quiz_open(quiz, tmp_path):
    handed = hand_in(quiz, "Budi", tmp_path)
    assert str(handed).startswith('Nilai belum disimpan. Kode peserta "Budi"')
    assert not quiz.closed
    assert list(tmp_path.iterdir()) == []


def test_hand_in_without_a_result():
    assert str(hand_in(None, "P001")) == (
        "Belum ada nilai untuk diserahkan. Jalankan dulu sel pertama "
        "notebook ini (yang menyiapkan kuis), jawab soal-soalnya, lalu "
        "jalankan sel ini lagi."
    )


# --- recording progress ------------------------------------------------------


def test_record_progress_says_so_in_a_sentence(tmp_path):
    note = record_progress("p006", tmp_path)
    assert str(note) == (
        "Kemajuan Anda mulai dicatat di berkas kemajuan-P006.csv, di folder "
        "notebook ini. Setiap kali Anda memeriksa jawaban, satu baris "
        "ditambahkan."
    )
    assert progress.recording() == ("P006", tmp_path)
    assert "PosixPath" not in repr(note)


def test_record_progress_without_or_with_a_bad_code(tmp_path):
    assert str(record_progress()).startswith(
        "Kemajuan belum dicatat. Tulis kode peserta Anda"
    )
    note = record_progress("Bu Sari", tmp_path)
    assert str(note).startswith(
        'Kemajuan belum dicatat. Kode peserta "Bu Sari" tidak bisa dipakai.'
    )
    assert progress.recording() is None


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(content=st.binary(max_size=200))
def test_hand_in_over_any_existing_file_says_what_it_did(tmp_path, content):
    path = tmp_path / "nilai-P001.csv"
    path.write_bytes(content)
    quiz = Quiz([explained(n, "b") for n in (1, 2, 3)], session=1, test="pre")
    try:
        handed = hand_in(quiz, "P001", tmp_path)
        if handed:
            assert "P001,1,pre,0\n" in path.read_text("utf-8")
        else:
            # Refused: the file is as it was, and the sentence says why.
            assert path.read_bytes() == content
            assert str(handed).startswith(
                ("Nilai belum disimpan.", "Nilai kuis ini sudah pernah")
            )
    finally:
        path.unlink(missing_ok=True)
