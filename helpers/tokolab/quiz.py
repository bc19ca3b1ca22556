"""Quizzes before and after a session: first answers, a score, a hand-in.

Shared by every session. Each session opens and closes with the same few
multiple-choice questions (:class:`tokolab.exercises.ChoiceQuestion`), so
the tutor sees what the session added. The questions live in the
session's module (``tokolab.session1``, ``tokolab.session2`` ...); this
module runs them as a test, scores them and keeps the result::

    kuis = start_quiz(soal, session=2, test="pre")
    kuis.form(1)                  # the choices and "Simpan jawaban"
    ...
    kuis.score()                  # Nilai Anda: 80 dari 100 ..., review
    hand_in(kuis, kode_peserta)   # nilai-P001.csv gains P001,2,pre,80

A quiz is a test, not an exercise
---------------------------------
- The **first** saved answer of each question counts. A form
  (:class:`QuizForm`) saves the chosen option with **Simpan jawaban**
  and says "Jawaban tersimpan" without saying right or wrong; then it
  locks. A change made after saving is put back and the form says it is
  not counted. In code, :meth:`Quiz.save` and :meth:`Quiz.save_answers`
  keep the same rule.
- Right or wrong, with each option's explanation and the right answer
  (the *review*), is shown only once the score is final: when every
  question has an answer and :meth:`Quiz.score` is called, or when the
  score is handed in. From then on no answer can be saved. Before that,
  :meth:`Quiz.score` gives the score so far and says how many questions
  are still unanswered (they count as wrong).
- :func:`start_quiz` gives back the same quiz when its cell runs again
  in the same notebook session, so running the first cell again does
  not wipe the saved answers. A restarted kernel starts an empty quiz;
  the score file still keeps the first score handed in.
- When progress is on (:func:`record_progress`), each question is
  recorded once, when the score becomes final; saving an answer records
  nothing.

An answer is an option's letter (``"b"``) or its text; a form's saved
answer is read through its ``answer()`` method. ``...``, None or blank
is no answer.

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
- One line per session and test, and the first one handed in stays:
  handing in the same quiz again changes nothing and says so, unless the
  tutor allows a retake (``retake=True``), which replaces that line.
  So the file stays readable by
  :func:`tokolab.classrecords.read_quiz_scores`, which refuses a repeated
  code, session and test. Other lines are kept.
- The file is written whole (a temporary file, then moved into place:
  :func:`tokolab.files.write_whole`) or not at all; an existing file
  that is not a score file is left unchanged and the error names its row
  and column.
"""

import logging
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import ipywidgets as widgets

from tokolab.classrecords import SESSIONS, TESTS, read_quiz_scores
from tokolab.errors import InputError
from tokolab.exercises import (
    ANSWER,
    Feedback,
    Outcome,
    Question,
    WrongAnswer,
    sentence_html,
    written,
)
from tokolab.files import write_whole
from tokolab.messages import LaterText, format_number, text
from tokolab.progress import participant_code, start_progress

logger = logging.getLogger(__name__)

HEADER = "kode,sesi,tes,nilai"
"""The header of a score file, as in the class records' ``nilai.csv``."""

FILE_NAME = "nilai-{participant}.csv"
"""A participant's score file, in their folder."""

QUIZ_TESTS = ("pre", "post")
"""``pre``: the quiz before the session (kuis awal); ``post``: after."""

# Colours of the boxes: border, background (as exercise hints and notes).
_BLUE = ("#1565c0", "#e3f2fd")
_GREY = ("#616161", "#f5f5f5")

# The quizzes started in this notebook session, by session, test and ids.
_QUIZZES = {}


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
    final : bool
        True when the quiz is closed: no answer can be added any more.
    review : tuple of Feedback
        One box per question, right or wrong with its explanation and,
        for a wrong or missing answer, the right one; empty until the
        score is final.
    quiz : Quiz or None
        The quiz the result comes from, when it comes from one.

    Shown in a notebook as the score's sentence, then the review;
    ``str()`` gives the same text.
    """

    session: int
    test: str
    right: int
    answered: int
    total: int
    score: float
    final: bool = False
    review: tuple = field(default=(), compare=False, repr=False)
    quiz: object = field(default=None, compare=False, repr=False)

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
            key = "quiz.unanswered_final" if self.final else "quiz.unanswered"
            message += " " + text(key, count=self.unanswered)
        return message

    def __str__(self):
        return _with_review(self.message(), self.review)

    def _repr_pretty_(self, printer, cycle):
        printer.text(str(self))

    def _repr_html_(self):
        return _box(self.message(), _BLUE) + _review_html(self.review)


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
    review : tuple of Feedback
        The quiz's review, when handing in closed the quiz (so it was
        not shown before).

    ``bool(hand_in)`` is True only when the file was written.
    """

    message: str
    line: str | None = None
    path: Path | None = None
    review: tuple = field(default=(), compare=False, repr=False)

    def __bool__(self):
        return self.path is not None

    def __str__(self):
        return _with_review(self.message, self.review)

    def _repr_pretty_(self, printer, cycle):
        printer.text(str(self))

    def _repr_html_(self):
        return _box(self.message, _BLUE) + _review_html(self.review)


@dataclass(frozen=True)
class Note:
    """A sentence for the participant, shown as a grey box."""

    message: str

    def __str__(self):
        return self.message

    def _repr_pretty_(self, printer, cycle):
        printer.text(self.message)

    def _repr_html_(self):
        return _box(self.message, _GREY)


class Quiz:
    """A quiz being taken: the first saved answer of each question counts.

    Parameters
    ----------
    questions : list of tokolab.exercises.ChoiceQuestion
        The quiz, in order; question 1 is the first.
    session : int
        1 to 4.
    test : str
        ``"pre"`` or ``"post"`` (``awal``/``akhir`` are read too).

    Attributes
    ----------
    answers : list
        The saved answer (a letter) of each question, None where none is
        saved yet.
    closed : bool
        True once the score is final; nothing can be saved any more.

    Raises
    ------
    InputError
        ``quiz.no_questions``, ``quiz.bad_session`` or ``quiz.bad_test``
        when the notebook's first cell was changed by mistake.

    Notes
    -----
    Use :func:`start_quiz` in a notebook, so that running its cell again
    keeps the answers.
    """

    def __init__(self, questions, session, test):
        self.questions = _question_list(questions, choices=True)
        self.session = _session(session)
        self.test = _test(test)
        self.answers = [None] * len(self.questions)
        self.closed = False
        self._result = None
        self._forms = []

    def __repr__(self):
        saved = sum(answer is not None for answer in self.answers)
        return (
            f"Quiz(session={self.session}, test={self.test!r}, "
            f"saved={saved}/{len(self.questions)}, closed={self.closed})"
        )

    def form(self, number):
        """The form of question ``number`` (1 = the first).

        Returns
        -------
        QuizForm
            Showing the saved answer, locked, when there is one.

        Raises
        ------
        InputError
            ``quiz.no_such_question`` for a number the quiz lacks.
        """
        index = self._index(number)
        form = QuizForm(self, index + 1)
        self._forms.append(form)
        return form

    def save(self, number, answer):
        """Save the answer of question ``number``, if it has none yet.

        Parameters
        ----------
        number : int
            1 = the first question.
        answer : str
            An option's letter (``"b"``, ``"B"``, ``"(b)"``) or its text.

        Returns
        -------
        Note
            ``Jawaban tersimpan`` and the letter; or why nothing was
            saved: no choice, not an option, an answer already saved
            (the first one counts), or the quiz already closed. Never
            says whether the answer is right.

        Raises
        ------
        InputError
            ``quiz.no_such_question`` for a number the quiz lacks.
        """
        index = self._index(number)
        number = index + 1
        saved = self.answers[index]
        if self.closed:
            return Note(text("quiz.closed", number=number))
        if saved is not None:
            if _is_empty(answer) or self._letter(index, answer) == saved:
                return Note(
                    text("quiz.saved_before", number=number, letter=saved)
                )
            return Note(
                text(
                    "quiz.change_ignored",
                    number=number,
                    letter=saved,
                    found=written(answer),
                )
            )
        if _is_empty(answer):
            return Note(text("quiz.choose_first", number=number))
        letter = self._letter(index, answer)
        if letter is None:
            letters = ", ".join(self._letters(index))
            return Note(
                text(
                    "quiz.not_an_option",
                    number=number,
                    found=written(answer),
                    letters=letters,
                )
            )
        self.answers[index] = letter
        for form in self._forms:
            if form.number == number:
                form.refresh()
        return Note(text("quiz.saved", number=number, letter=letter))

    def save_answers(self, answers):
        """Save several answers at once, in the questions' order.

        Parameters
        ----------
        answers : list
            One entry per question; ``...``, None or blank skips one.

        Returns
        -------
        Note
            One line per answer given, as :meth:`save` says it.

        Raises
        ------
        InputError
            ``quiz.answers_not_a_list`` or ``quiz.answer_count``.
        """
        answers = _answer_list(answers, len(self.questions))
        lines = [
            str(self.save(number, answer))
            for number, answer in enumerate(answers, start=1)
            if not _is_empty(answer)
        ]
        if not lines:
            return Note(text("quiz.nothing_saved"))
        return Note("\n".join(lines))

    def score(self):
        """The score; final, with the review, once every answer is saved.

        Returns
        -------
        QuizResult
            Final (and the quiz closed) when every question has a saved
            answer or the quiz was closed before; else the score so far,
            unanswered questions counted wrong, without the review.
        """
        if self.closed or all(a is not None for a in self.answers):
            return self.close()
        result = quiz_score(
            self.questions, self.answers, self.session, self.test
        )
        return _with(result, quiz=self)

    def close(self):
        """End the quiz: the score is final and the review is made.

        Each question is checked once (recorded when progress is on);
        every form locks and shows its question's review. Calling it
        again gives the same result.

        Returns
        -------
        QuizResult
            Final, with the review.
        """
        if self._result is not None:
            return self._result
        self.closed = True
        result = quiz_score(
            self.questions, self.answers, self.session, self.test
        )
        review = tuple(
            _reviewed(number, question, answer)
            for number, (question, answer) in enumerate(
                zip(self.questions, self.answers, strict=True), start=1
            )
        )
        self._result = _with(result, final=True, review=review, quiz=self)
        for form in self._forms:
            form.refresh()
        logger.info("quiz of session %d (%s) closed", self.session, self.test)
        return self._result

    def _index(self, number):
        """The list index of question ``number``, or InputError."""
        total = len(self.questions)
        if (
            isinstance(number, bool)
            or not isinstance(number, int)
            or not 1 <= number <= total
        ):
            raise InputError(
                "quiz.no_such_question", found=written(number), expected=total
            )
        return number - 1

    def _letters(self, index):
        return [letter for letter, _ in self.questions[index].choices()]

    def _letter(self, index, answer):
        """The option letter ``answer`` names, or None."""
        if not isinstance(answer, str):
            return None
        choices = self.questions[index].choices()
        letter = answer.strip().strip("().").strip().casefold()
        if letter in dict(choices):
            return letter
        wanted = " ".join(answer.split()).casefold()
        for known, option in choices:
            if " ".join(option.split()).casefold() == wanted:
                return known
        return None


class QuizForm(widgets.VBox):
    """One quiz question: its options and a **Simpan jawaban** button.

    Parameters
    ----------
    quiz : Quiz
    number : int
        1 = the quiz's first question.

    Attributes
    ----------
    widget : ipywidgets.RadioButtons
        The options; nothing is chosen at first.
    save_button : ipywidgets.Button
    output : ipywidgets.Output
        Says what :meth:`save` did; once the quiz is closed, the
        question's review.

    Notes
    -----
    The button calls :meth:`save`, which returns what it shows, so a
    form works and is tested without a browser. Once an answer is saved
    the options and the button are locked; a change made anyway (in
    code) is put back and the form says it does not count.
    """

    def __init__(self, quiz, number):
        self.quiz = quiz
        self.number = number
        question = quiz.questions[number - 1]
        label = question.prompt_text() or question.variable
        self.label = widgets.HTML(value=f"<b>{sentence_html(label)}</b>")
        self.widget = widgets.RadioButtons(
            options=[
                (f"{letter}. {option}", letter)
                for letter, option in question.choices()
            ],
            value=None,
            layout=widgets.Layout(width="auto"),
        )
        self.save_button = widgets.Button(
            description=text("quiz.button_save"), button_style="primary"
        )
        self.output = widgets.Output()
        self.save_button.on_click(lambda _: self.save())
        self.widget.observe(self._changed, names="value")
        super().__init__(
            children=[self.label, self.widget, self.save_button, self.output]
        )
        self.refresh()

    def answer(self):
        """The saved answer (the one that counts), or None."""
        return self.quiz.answers[self.number - 1]

    def save(self):
        """Save the chosen option; show and return what happened.

        Returns
        -------
        Note
        """
        note = self.quiz.save(self.number, self.widget.value)
        self._show(note)
        return note

    def refresh(self):
        """Show the saved answer, locked; after the end, the review."""
        saved = self.answer()
        if saved is not None and self.widget.value != saved:
            self.widget.value = saved
        locked = saved is not None or self.quiz.closed
        self.widget.disabled = locked
        self.save_button.disabled = locked
        if self.quiz.closed:
            self._show(self.quiz.close().review[self.number - 1])
        elif saved is not None:
            self._show(
                Note(text("quiz.saved", number=self.number, letter=saved))
            )

    def _changed(self, change):
        """Put a saved answer back when the choice changes after saving."""
        saved = self.answer()
        if saved is None or change["new"] == saved:
            return
        self.widget.value = saved
        self._show(
            Note(
                text(
                    "quiz.change_ignored",
                    number=self.number,
                    letter=saved,
                    found=written(change["new"]),
                )
            )
        )

    def _show(self, shown):
        """Replace what the output shows with ``shown`` (plain and HTML)."""
        self.output.outputs = (
            {
                "output_type": "display_data",
                "data": {
                    "text/plain": str(shown),
                    "text/html": shown._repr_html_(),
                },
                "metadata": {},
            },
        )


def start_quiz(questions, session, test, retake=False):
    """The quiz of a notebook: the same one each time its cell runs.

    Parameters
    ----------
    questions : list of tokolab.exercises.ChoiceQuestion
    session : int
        1 to 4.
    test : str
        ``"pre"`` or ``"post"``.
    retake : bool
        Start an empty quiz even when one was started before in this
        notebook session (a retake the tutor allows).

    Returns
    -------
    Quiz
        The quiz started before in this notebook session for the same
        questions, session and test, with its saved answers; else a new
        one.

    Raises
    ------
    InputError
        As :class:`Quiz`.
    """
    quiz = Quiz(questions, session, test)
    key = (quiz.session, quiz.test, tuple(q.id for q in quiz.questions))
    if retake or key not in _QUIZZES:
        _QUIZZES[key] = quiz
    return _QUIZZES[key]


def quiz_score(questions, answers, session, test):
    """Score a quiz from its questions and the participant's answers.

    Parameters
    ----------
    questions : list of tokolab.exercises.Question
        The quiz, in order.
    answers : list
        One answer per question, in the same order: a value the
        question's ``check`` takes (``"b"``), or a form with an
        ``answer()`` method (:class:`QuizForm`,
        :func:`tokolab.forms.choice_form`). ``...``, None or blank: not
        answered.
    session : int
        1 to 4.
    test : str
        ``"pre"`` (before the session) or ``"post"`` (after it);
        ``awal``/``akhir`` and ``pretest``/``posttest`` are read too.

    Returns
    -------
    QuizResult
        Not final and without review: that is :meth:`Quiz.close`'s.

    Raises
    ------
    InputError
        ``quiz.no_questions`` when ``questions`` is not a list of
        questions; ``quiz.answers_not_a_list`` when ``answers`` is not a
        list; ``quiz.answer_count`` when it has more or fewer entries
        than questions; ``quiz.bad_session`` or ``quiz.bad_test``.
    """
    questions = _question_list(questions)
    answers = _answer_list(answers, len(questions))
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


def write_score(result, participant, folder=None, retake=False):
    """Write a quiz result into the participant's score file.

    Parameters
    ----------
    result : QuizResult
        From :meth:`Quiz.close` or :func:`quiz_score`.
    participant : str
        The participant's code, such as ``"P001"``; never a name.
    folder : str or Path, optional
        Where ``nilai-<code>.csv`` is kept; default the working folder.
    retake : bool
        Replace the line of the same session and test, when there is
        one (a retake the tutor allows). Without it, such a line is kept
        and nothing is written.

    Returns
    -------
    Path
        The file written: a new file with the header and the line, or the
        existing file with the line added (or replaced, with
        ``retake``).

    Raises
    ------
    InputError
        When the code is not a participant code; the folder does not
        exist (``quiz.folder_not_found``); this quiz was handed in before
        and ``retake`` is False (``quiz.already_handed_in``, naming the
        line kept); the file cannot be written (``common.cannot_write``,
        the reason in plain words); or the file exists but is not a
        score file or holds a row that does not read (it is left
        unchanged; the error names the file, the row and the column).
    """
    code = participant_code(participant)
    folder = Path.cwd() if folder is None else Path(folder)
    if not folder.is_dir():
        raise InputError("quiz.folder_not_found", path=str(folder))
    path = score_path(code, folder)

    # The lines already there; this quiz's own earlier line stays unless
    # a retake replaces it.
    if not retake:
        _refuse_second_hand_in(path, result.session, result.test)
    quiz_key = (result.session, result.test)
    rows = [row for row in _score_rows(path) if (row[1], row[2]) != quiz_key]
    rows.append((code, result.session, result.test, result.score))

    # Sessions in order, the quiz before the session first.
    rows.sort(key=lambda row: (row[1], QUIZ_TESTS.index(row[2])))
    payload = HEADER + "\n" + "".join(_line(*row) + "\n" for row in rows)

    # The whole file, every line, replaces the old one in one step
    # (write_whole logs the write).
    return write_whole(path, payload.encode("utf-8"))


def hand_in(result, participant=ANSWER, folder=None, retake=False):
    """End the quiz, write the score file and say so, for a notebook cell.

    Like :func:`write_score`, but never raises on what a participant
    types: a code still ``...``, None or blank writes nothing and asks
    for the code; a code that is not a code, a quiz handed in before,
    or a file that cannot be written, gives a sentence.

    Parameters
    ----------
    result : Quiz or QuizResult
        A quiz is closed first (unanswered questions count as wrong), so
        its score is final; a result from a quiz hands in that quiz.
    participant : str, optional
        The participant's code, such as ``"P001"``.
    folder : str or Path, optional
        Default the working folder.
    retake : bool
        Replace the score handed in before for this quiz (only when the
        tutor allows a retake).

    Returns
    -------
    HandIn
        True when the file was written; with the quiz's review when
        handing in closed the quiz.
    """
    if _is_empty(participant):
        return HandIn(text("quiz.no_code"))
    if not isinstance(result, Quiz | QuizResult):
        return HandIn(text("quiz.no_result"))
    quiz = result if isinstance(result, Quiz) else result.quiz
    review = ()
    try:
        code = participant_code(participant)
        session, test = (
            (result.session, result.test)
            if quiz is None
            else (quiz.session, quiz.test)
        )

        # A quiz handed in before stays as it is: nothing closes, and
        # write_score would refuse it too.
        if not retake:
            _refuse_second_hand_in(score_path(code, folder), session, test)

        # The score is final from here on; the review is shown here when
        # the quiz closes now.
        if quiz is not None:
            if not quiz.closed:
                review = quiz.close().review
            result = quiz.close()
        line = result.line(code)
        path = write_score(result, code, folder, retake=retake)
    except InputError as error:
        if error.key == "quiz.already_handed_in":
            return HandIn(str(error))
        reason = text("quiz.not_written", reason=str(error))
        return HandIn(reason, review=review)
    return HandIn(
        text("quiz.written", line=line, name=path.name),
        line=line,
        path=path,
        review=review,
    )


def record_progress(participant=ANSWER, folder=None):
    """Turn progress recording on and say so, for a notebook cell.

    :func:`tokolab.progress.start_progress` with a sentence instead of a
    path, and a sentence instead of an error.

    Parameters
    ----------
    participant : str, optional
        The participant's code, such as ``"P001"``; never a name.
    folder : str or Path, optional
        Where ``kemajuan-<code>.csv`` is kept; default the working
        folder.

    Returns
    -------
    Note
        Which file records the progress, or why recording did not start.
    """
    if _is_empty(participant):
        return Note(text("quiz.progress_no_code"))
    try:
        path = start_progress(participant, folder)
    except InputError as error:
        return Note(text("quiz.progress_not_started", reason=str(error)))
    return Note(text("quiz.progress_started", name=path.name))


# --- the steps of scoring ---------------------------------------------------


def _question_list(questions, choices=False):
    """The questions as a list, or InputError ``quiz.no_questions``."""
    found = _given(questions)
    if isinstance(questions, str) or not isinstance(questions, Iterable):
        raise InputError("quiz.no_questions", found=found)
    questions = list(questions)
    if not questions or not all(isinstance(q, Question) for q in questions):
        raise InputError("quiz.no_questions", found=found)
    if choices and not all(hasattr(q, "choices") for q in questions):
        raise InputError("quiz.no_questions", found=found)
    return questions


def _answer_list(answers, count):
    """The answers as a list of ``count``, or InputError."""
    if (
        isinstance(answers, str | bytes)
        or not isinstance(answers, Iterable)
        or isinstance(answers, dict)
    ):
        raise InputError(
            "quiz.answers_not_a_list", expected=count, found=_given(answers)
        )
    answers = list(answers)
    if len(answers) != count:
        raise InputError(
            "quiz.answer_count", expected=count, found=len(answers)
        )
    return answers


def _given(value):
    """What was given, in words: ``kosong (None)``, ``"abc"``, ``5``."""
    if value is None:
        return LaterText("quiz.given_none")
    if value is ANSWER:
        return LaterText("quiz.given_placeholder")
    return written(value)


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


def _reviewed(number, question, answer):
    """The review of one question: right or wrong, why, the right answer.

    The question's own check judges it, so progress records it once.
    """
    feedback = question.check(None if answer is None else answer)
    solution = question.solution().message
    if feedback.outcome is Outcome.NOT_ATTEMPTED:
        message = text("quiz.review_unanswered", solution=solution)
    elif feedback.outcome is Outcome.WRONG:
        message = f"{feedback.message} {solution}"
    else:
        message = feedback.message
    title = text("quiz.review_title", number=number, title=feedback.title)
    return Feedback(feedback.outcome, message, question.id, title=title)


def _with(result, **changes):
    """A copy of a frozen QuizResult with some fields changed."""
    fields = {
        name: getattr(result, name)
        for name in (
            "session",
            "test",
            "right",
            "answered",
            "total",
            "score",
            "final",
            "review",
            "quiz",
        )
    }
    return QuizResult(**{**fields, **changes})


def _score_rows(path):
    """The (code, session, test, score) rows of a score file, if any."""
    if not path.exists():
        return []
    return [
        (row["code"], row["session"], row["test"], row["score"])
        for row in read_quiz_scores(path).to_dict("records")
    ]


def _refuse_second_hand_in(path, session, test):
    """InputError ``quiz.already_handed_in`` when the file has this quiz."""
    for row in _score_rows(path):
        if (row[1], row[2]) == (session, test):
            raise InputError(
                "quiz.already_handed_in",
                path=str(path),
                name=path.name,
                found=_line(*row),
            )


def _line(code, session, test, score):
    """One class-records line, without its line end."""
    return f"{code},{session},{test},{score_cell(score)}"


def _session(session):
    if (
        isinstance(session, bool)
        or not isinstance(session, int)
        or session not in SESSIONS
    ):
        raise InputError(
            "quiz.bad_session",
            expected=", ".join(map(str, SESSIONS)),
            found=_given(session),
        )
    return session


def _test(test):
    canonical = TESTS.get(str(test).strip().lower())
    if canonical not in QUIZ_TESTS:
        raise InputError(
            "quiz.bad_test", expected=", ".join(QUIZ_TESTS), found=_given(test)
        )
    return canonical


def _whole(score):
    return math.isclose(score, round(score))


def _with_review(message, review):
    """A sentence, then the review's boxes as plain text."""
    if not review:
        return message
    lines = [message, "", text("quiz.review_heading")]
    lines += [str(feedback) for feedback in review]
    return "\n".join(lines)


def _review_html(review):
    if not review:
        return ""
    heading = f"<p><b>{sentence_html(text('quiz.review_heading'))}</b></p>"
    return heading + "".join(feedback._repr_html_() for feedback in review)


def _box(message, colours):
    border, background = colours
    return (
        f'<div style="border-left:6px solid {border};'
        f"background:{background};color:#212121;padding:8px 12px;"
        f'margin:4px 0;border-radius:4px">{sentence_html(message)}</div>'
    )
