"""Quizzes before and after a session: a score 0-100 and a class-records line.

Shared by every session. Each session opens and closes with the same few
multiple-choice questions (:class:`tokolab.exercises.ChoiceQuestion`), so
the tutor sees what the session added. The questions live in the
session's module (``tokolab.session1``, ``tokolab.session2`` ...); this
module scores them and keeps the result::

    hasil = quiz_score(soal, jawaban, session=2, test="pre")
    hasil                         # Nilai Anda: 80 dari 100 (4 dari 5 ...).
    hand_in(hasil, kode_peserta)  # nilai-P001.csv gains P001,2,pre,80

An answer is what the question's :meth:`~tokolab.exercises.Question.check`
takes (an option's letter such as ``"b"``, or its text), or a form of
:func:`tokolab.forms.choice_form`, whose chosen option is read. An answer
still empty (``...``, None, blank, nothing chosen) scores nothing and is
counted as not answered. Scoring records no progress: each form's
**Periksa** button already does.

:func:`hand_in` is for a notebook cell: a participant code still ``...``
writes nothing and asks for the code (so a notebook run by nbval writes no
file), and a mistake in the code is said in a sentence, never a
traceback. :func:`write_score` is the same without the sentences, and
raises.

Score file
----------
``nilai-<kode>.csv`` in the participant's folder (by default the working
folder, which in JupyterLab is the notebook's folder), in the format of
the class records' ``nilai.csv`` (:mod:`tokolab.classrecords`), so a tutor
can paste its lines under that file's header::

    kode,sesi,tes,nilai
    P001,2,pre,60
    P001,2,post,80

- UTF-8 without a byte-order mark, comma between fields, lines ending in
  ``\\n``; the header is written when the file is new.
- ``tes`` is ``pre`` (the quiz before the session) or ``post`` (after).
- ``nilai`` is 0-100: a whole number when whole, else one decimal with a
  point (``66.7``).
- One line per session and test: taking the same quiz again replaces its
  line, so the file stays readable by
  :func:`tokolab.classrecords.read_quiz_scores`, which refuses a repeated
  code, session and test. Other lines are kept.
- The file is written whole (a temporary file, then moved into place:
  :func:`tokolab.files.write_whole`) or not at all; an existing file
  that is not a score file is left unchanged and the error names its row
  and column.
"""

import logging
import math
from dataclasses import dataclass
from pathlib import Path

from tokolab.classrecords import SESSIONS, TESTS, read_quiz_scores
from tokolab.errors import InputError
from tokolab.exercises import ANSWER, WrongAnswer, sentence_html
from tokolab.files import write_whole
from tokolab.messages import format_number, text
from tokolab.progress import participant_code

logger = logging.getLogger(__name__)

HEADER = "kode,sesi,tes,nilai"
"""The header of a score file, as in the class records' ``nilai.csv``."""

FILE_NAME = "nilai-{participant}.csv"
"""A participant's score file, in their folder."""

QUIZ_TESTS = ("pre", "post")
"""``pre``: the quiz before the session (kuis awal); ``post``: after."""

# Colours of the result box: border, background (as exercise hints).
_BOX = ("#1565c0", "#e3f2fd")


@dataclass(frozen=True)
class QuizResult:
    """A participant's score in one quiz.

    Attributes
    ----------
    session : int
        1 to 4.
    test : str
        ``"pre"`` or ``"post"``.
    right : int
        Questions answered right.
    answered : int
        Questions answered at all, right or wrong.
    total : int
        Questions in the quiz.
    score : float [points 0-100]
        ``100 * right / total``, rounded to one decimal.

    Shown in a notebook as one sentence; ``str()`` gives the same text.
    """

    session: int
    test: str
    right: int
    answered: int
    total: int
    score: float

    @property
    def unanswered(self):
        """Questions not answered."""
        return self.total - self.answered

    def line(self, participant):
        """The class-records line for ``participant``: ``P001,2,pre,80``.

        Raises
        ------
        InputError
            ``progress.bad_code`` when ``participant`` is not a code.
        """
        code = participant_code(participant)
        return f"{code},{self.session},{self.test},{score_cell(self.score)}"

    def message(self):
        """The score as a sentence, with a note on unanswered questions."""
        decimals = 0 if _whole(self.score) else 1
        message = text(
            "quiz.score",
            score=format_number(self.score, decimals),
            right=self.right,
            total=self.total,
        )
        if self.unanswered:
            message += " " + text("quiz.unanswered", count=self.unanswered)
        return message

    def __str__(self):
        return self.message()

    def _repr_pretty_(self, printer, cycle):
        printer.text(str(self))

    def _repr_html_(self):
        return _box(self.message())


@dataclass(frozen=True)
class HandIn:
    """What :func:`hand_in` did, shown in a notebook as its sentence.

    Attributes
    ----------
    message : str
        What was written where, or why nothing was written.
    line : str or None
        The class-records line, when the code is a participant code.
    path : Path or None
        The score file, when it was written.

    ``bool(hand_in)`` is True only when the file was written.
    """

    message: str
    line: str | None = None
    path: Path | None = None

    def __bool__(self):
        return self.path is not None

    def __str__(self):
        return self.message

    def _repr_pretty_(self, printer, cycle):
        printer.text(str(self))

    def _repr_html_(self):
        return _box(self.message)


def quiz_score(questions, answers, session, test):
    """Score a quiz from its questions and the participant's answers.

    Parameters
    ----------
    questions : list of tokolab.exercises.Question
        The quiz, in order.
    answers : list
        One answer per question, in the same order: a value the
        question's ``check`` takes (``"b"``), or a form with an
        ``answer()`` method (:func:`tokolab.forms.choice_form`). ``...``,
        None or blank: not answered.
    session : int
        1 to 4.
    test : str
        ``"pre"`` (before the session) or ``"post"`` (after it);
        ``awal``/``akhir`` and ``pretest``/``posttest`` are read too.

    Returns
    -------
    QuizResult

    Raises
    ------
    ValueError
        When the lists differ in length or are empty, or the session or
        test is unknown (mistakes in the notebook, not in the answers).
    """
    questions = list(questions)
    answers = list(answers)
    if not questions or len(questions) != len(answers):
        raise ValueError(
            f"give one answer per question: {len(questions)} questions, "
            f"{len(answers)} answers"
        )
    session = _session(session)
    test = _test(test)

    # Each answer judged as its question judges it, without recording.
    right = 0
    answered = 0
    for question, answer in zip(questions, answers, strict=True):
        answer = _answer_of(answer)
        if _is_empty(answer):
            continue
        answered += 1
        if _is_right(question, answer):
            right += 1

    score = round(100 * right / len(questions), 1)
    return QuizResult(session, test, right, answered, len(questions), score)


def score_cell(score):
    """A score as the class records write it: ``80``, ``66.7``."""
    rounded = round(float(score), 1)
    if _whole(rounded):
        return str(int(round(rounded)))
    return f"{rounded:.1f}"


def score_path(participant, folder=None):
    """The score file of ``participant`` in ``folder`` (default: here).

    Raises
    ------
    InputError
        ``progress.bad_code`` when ``participant`` is not a code.
    """
    code = participant_code(participant)
    folder = Path.cwd() if folder is None else Path(folder)
    return folder / FILE_NAME.format(participant=code)


def write_score(result, participant, folder=None):
    """Write a quiz result into the participant's score file.

    Parameters
    ----------
    result : QuizResult
        From :func:`quiz_score`.
    participant : str
        The participant's code, such as ``"P001"``; never a name.
    folder : str or Path, optional
        Where ``nilai-<code>.csv`` is kept; default the working folder.

    Returns
    -------
    Path
        The file written: a new file with the header and the line, or the
        existing file with the line added, or with the earlier line of
        the same session and test replaced.

    Raises
    ------
    InputError
        When the code is not a participant code; the folder does not
        exist (``quiz.folder_not_found``); the file cannot be written
        (``common.cannot_write``, the reason in plain words); or the file
        exists but is not a score file or holds a row that does not read
        (it is left unchanged; the error names the file, the row and the
        column).
    """
    code = participant_code(participant)
    folder = Path.cwd() if folder is None else Path(folder)
    if not folder.is_dir():
        raise InputError("quiz.folder_not_found", path=str(folder))
    path = score_path(code, folder)

    # The lines already there, except this quiz's own earlier line.
    rows = []
    if path.exists():
        rows = [
            (row["code"], row["session"], row["test"], row["score"])
            for row in read_quiz_scores(path).to_dict("records")
            if (row["session"], row["test"]) != (result.session, result.test)
        ]
    rows.append((code, result.session, result.test, result.score))

    # Sessions in order, the quiz before the session first.
    rows.sort(key=lambda row: (row[1], QUIZ_TESTS.index(row[2])))
    payload = HEADER + "\n"
    for row_code, session, test, score in rows:
        payload += f"{row_code},{session},{test},{score_cell(score)}\n"

    # The whole file, every line, replaces the old one in one step.
    write_whole(path, payload.encode("utf-8"))
    logger.info("wrote quiz score to %s", path)
    return path


def hand_in(result, participant=ANSWER, folder=None):
    """Write the score file and say so, for a notebook cell.

    Like :func:`write_score`, but never raises on what a participant
    types: a code still ``...``, None or blank writes nothing and asks
    for the code; a code that is not a code, or a file that cannot be
    written, gives the error's sentence.

    Parameters
    ----------
    result : QuizResult
    participant : str, optional
        The participant's code, such as ``"P001"``.
    folder : str or Path, optional
        Default the working folder.

    Returns
    -------
    HandIn
        True when the file was written.
    """
    if _is_empty(participant):
        return HandIn(text("quiz.no_code"))
    try:
        line = result.line(participant)
        path = write_score(result, participant, folder)
    except InputError as error:
        return HandIn(text("quiz.not_written", reason=str(error)))
    return HandIn(
        text("quiz.written", line=line, name=path.name), line=line, path=path
    )


# --- the steps of scoring ---------------------------------------------------


def _answer_of(answer):
    """The value a form holds, or the answer itself."""
    read = getattr(answer, "answer", None)
    if callable(read):
        return read()
    return answer


def _is_empty(answer):
    if answer is ANSWER or answer is None:
        return True
    return isinstance(answer, str) and not answer.strip()


def _is_right(question, answer):
    """Whether the question judges the answer right, without recording."""
    try:
        return bool(question.evaluate(answer))
    except WrongAnswer:
        return False
    except Exception:
        # An answer the checker cannot read is a wrong one.
        logger.debug("question %s: checker failed", question.id, exc_info=True)
        return False


def _session(session):
    if (
        isinstance(session, bool)
        or not isinstance(session, int)
        or session not in SESSIONS
    ):
        raise ValueError(
            f"session must be one of {', '.join(map(str, SESSIONS))}, "
            f"not {session!r}"
        )
    return session


def _test(test):
    canonical = TESTS.get(str(test).strip().lower())
    if canonical not in QUIZ_TESTS:
        raise ValueError(
            f"test must be one of {', '.join(QUIZ_TESTS)}, not {test!r}"
        )
    return canonical


def _whole(score):
    return math.isclose(score, round(score))


def _box(message):
    border, background = _BOX
    return (
        f'<div style="border-left:6px solid {border};'
        f"background:{background};color:#212121;padding:8px 12px;"
        f'margin:4px 0;border-radius:4px">{sentence_html(message)}</div>'
    )
