"""Quiz scores and the score file nilai-<kode>.csv (tokolab.quiz)."""

import errno
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tokolab import set_language
from tokolab.classrecords import read_quiz_scores
from tokolab.errors import InputError
from tokolab.exercises import ANSWER, ChoiceQuestion
from tokolab.forms import choice_form
from tokolab.quiz import (
    HEADER,
    QuizResult,
    hand_in,
    quiz_score,
    score_cell,
    score_path,
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
        "belum dijawab; soal itu dihitung salah. Pilih jawabannya di atas, "
        "lalu jalankan sel ini lagi."
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
    ("questions", "answers", "session", "test"),
    [
        (QUIZ, ["b"], 2, "pre"),
        ([], [], 2, "pre"),
        (QUIZ, ["b", "a", "c"], 5, "pre"),
        (QUIZ, ["b", "a", "c"], True, "pre"),
        (QUIZ, ["b", "a", "c"], 2, "tengah"),
    ],
)
def test_mistakes_in_the_notebook_raise(questions, answers, session, test):
    with pytest.raises(ValueError):
        quiz_score(questions, answers, session=session, test=test)


def test_line_and_cells():
    result = QuizResult(2, "pre", 4, 5, 5, 80.0)
    assert result.line(" p001 ") == "P001,2,pre,80"
    assert score_cell(66.7) == "66.7"
    assert score_cell(100.0) == "100"
    assert score_cell(0) == "0"
    with pytest.raises(InputError) as error:
        result.line("Budi Santoso")
    assert error.value.key == "progress.bad_code"


def test_write_score_adds_replaces_and_sorts(tmp_path):
    path = write_score(QuizResult(2, "post", 4, 5, 5, 80.0), "P001", tmp_path)
    assert path == tmp_path / "nilai-P001.csv"
    assert path.read_text("utf-8") == f"{HEADER}\nP001,2,post,80\n"

    # Another quiz: the quiz before comes first.
    write_score(QuizResult(2, "pre", 2, 5, 5, 40.0), "P001", tmp_path)
    assert path.read_text("utf-8") == (
        f"{HEADER}\nP001,2,pre,40\nP001,2,post,80\n"
    )

    # The same quiz again replaces its line; session 1 goes first.
    write_score(QuizResult(2, "pre", 3, 5, 5, 60.0), "P001", tmp_path)
    write_score(QuizResult(1, "post", 2, 3, 3, 66.7), "p001", tmp_path)
    assert path.read_text("utf-8") == (
        f"{HEADER}\nP001,1,post,66.7\nP001,2,pre,60\nP001,2,post,80\n"
    )

    # The class records read it back.
    scores = read_quiz_scores(path)
    assert list(scores["score"]) == [66.7, 60.0, 80.0]
    assert not list(tmp_path.glob(".*"))


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
