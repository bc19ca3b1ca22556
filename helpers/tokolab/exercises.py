"""Exercise questions that check a participant's answer and say what to fix.

One :class:`Question` object per question, used the way Kaggle's learntools
uses ``q1``: the participant writes an answer into a variable and runs
``soal_1.check()``; ``soal_1.hint()`` gives the next hint and
``soal_1.solution()`` the answer. A form (:mod:`tokolab.forms`) calls the
same :meth:`Question.check` with the form's value.

A check gives a :class:`Feedback` with one of three outcomes
(:class:`Outcome`): not attempted (the variable is missing, still the
placeholder ``...``, ``None`` or blank), wrong, or right. Its sentence names
the variable or form field and, for a wrong answer, what was expected and
what was found. A participant's odd answer never shows a traceback: an
answer of the wrong kind, or one that makes a checker fail, is a wrong
answer with a plain sentence.

The ready-made kinds:

- :class:`ValueQuestion`: a number (with a tolerance), a text (compared
  without regard to case or surrounding spaces), a list (in order) or a
  set (in any order).
- :class:`ChoiceQuestion`: multiple choice, answered with the option's
  letter (``"b"``) or its text.
- :class:`FunctionQuestion`: a function of the answer that raises
  :class:`WrongAnswer` to say what is wrong, for checks no value can
  express ("the plan never decreases from one week to the next").

Every sentence (feedback, hints, solutions, options) is a catalog key, so
:func:`tokolab.set_language` switches all of it. The words a question
needs of its own (hints, solution, options, explanations) live in the
catalog of its domain; the framework's own words in ``exercise.toml``.
Each check is recorded when progress is on (:mod:`tokolab.progress`).
"""

import decimal
import enum
import html
import logging
import math
import numbers
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from tokolab import progress
from tokolab.errors import InputError, TokolabError
from tokolab.messages import format_number, load_catalog, text

logger = logging.getLogger(__name__)

ANSWER = ...
"""The placeholder participants replace: ``total = ...``."""

MISSING = object()
"""Passed for ``answer`` when none was given: look the variable up."""

# Colours of the answer boxes: (border and first word, background).
_COLOURS = {
    "benar": ("#2e7d32", "#e8f5e9"),
    "salah": ("#c62828", "#ffebee"),
    "belum": ("#616161", "#f5f5f5"),
    "hint": ("#1565c0", "#e3f2fd"),
    "solution": ("#6a1b9a", "#f3e5f5"),
}

# A block of code or text inside a box: its own lines, long ones wrapped.
_PRE_STYLE = "margin:6px 0 0 0;padding:6px;background:#fff;white-space:pre-wrap"

# `code` in a sentence, after HTML escaping.
_CODE = re.compile(r"`([^`]+)`")

# A text that reads as a number: 25000, 25.000, 12,5, -3.
_NUMBER_TEXT = re.compile(r"\s*[+-]?\d[\d.,]*\s*")

# How much of a long value a sentence shows.
_LONGEST_TEXT = 60
_MOST_ITEMS = 10

# Digits Babel writes in full (Python's decimal precision); a longer
# number is written in scientific notation.
_MOST_DIGITS = 28

# Option letters of a multiple-choice question.
LETTERS = "abcdefghij"


class Outcome(enum.Enum):
    """What a check found; the values are the words written to progress."""

    NOT_ATTEMPTED = "belum"
    WRONG = "salah"
    RIGHT = "benar"


_TITLES = {
    Outcome.RIGHT: "exercise.title_right",
    Outcome.WRONG: "exercise.title_wrong",
    Outcome.NOT_ATTEMPTED: "exercise.title_not_attempted",
}


@dataclass
class Feedback:
    """The result of one check, shown as a coloured box in a notebook.

    Attributes
    ----------
    outcome : Outcome
    message : str
        Full sentence(s), in the language in use when the check ran.
    question : str
        The question's id, for example ``"mulai.total_harga"``.
    title : str
        The first word shown: ``Benar!``, ``Belum tepat`` or ``Belum
        dijawab``; made with the message, in the same language.

    ``bool(feedback)`` is True only when the answer is right; ``str()``
    gives plain text, and a notebook shows an HTML box (green right, red
    wrong, grey not attempted).
    """

    outcome: Outcome
    message: str
    question: str
    title: str = field(default="", repr=False)

    def __post_init__(self):
        if not self.title:
            self.title = text(_TITLES[self.outcome])

    def __bool__(self):
        return self.outcome is Outcome.RIGHT

    def __str__(self):
        return _joined(self.title, self.message)

    def _repr_pretty_(self, printer, cycle):
        printer.text(str(self))

    def _repr_html_(self):
        return _box(self.outcome.value, self.title, self.message)


@dataclass
class Hint:
    """One hint of a question, shown as a blue box.

    Attributes
    ----------
    question : str
        The question's id.
    level : int
        1 for the gentlest hint, up to ``total``.
    total : int
        How many hints the question has.
    message : str
        The hint, with a closing note on the last one.
    """

    question: str
    level: int
    total: int
    message: str

    @property
    def heading(self):
        return text("exercise.hint_heading", level=self.level, total=self.total)

    def __str__(self):
        return _joined(self.heading, self.message)

    def _repr_pretty_(self, printer, cycle):
        printer.text(str(self))

    def _repr_html_(self):
        return _box("hint", self.heading, self.message)


@dataclass
class Solution:
    """The answer to a question: a sentence, code, or both.

    Attributes
    ----------
    question : str
        The question's id.
    message : str
        The explaining sentence(s); may be empty.
    code : str
        Code that gives the answer; may be empty.
    answer_text : str
        The answer itself when it is a text to write in a form (a
        description), shown as written, line breaks and all; may be empty.
    """

    question: str
    message: str
    code: str
    answer_text: str = ""

    @property
    def heading(self):
        return text("exercise.solution_heading")

    def __str__(self):
        parts = [_joined(self.heading, self.message).rstrip()]
        if self.code:
            parts.append(_indented(self.code))
        if self.answer_text:
            parts.append(self.answer_text)
        return "\n\n".join(parts)

    def _repr_pretty_(self, printer, cycle):
        printer.text(str(self))

    def _repr_html_(self):
        # Code and text keep their lines; a long line wraps in the box.
        shown = ""
        if self.code:
            shown += (
                f'<pre style="{_PRE_STYLE}">'
                f"<code>{html.escape(self.code)}</code></pre>"
            )
        if self.answer_text:
            shown += (
                f'<pre style="{_PRE_STYLE};font-family:inherit">'
                f"{html.escape(self.answer_text)}</pre>"
            )
        return _box("solution", self.heading, self.message, shown)


class UploadedFile(NamedTuple):
    """A file a participant uploaded in a form: its name and its bytes."""

    name: str
    content: bytes


class WrongAnswer(TokolabError):
    """Raised by a checker to say what is wrong with an answer.

    Parameters
    ----------
    key : str
        Catalog key of the sentence. It may use ``{variable}``, which the
        question fills with its variable's name.
    **fields
        Values for the sentence's other placeholders.
    """


class Question:
    """One exercise question, with its check, hints and solution.

    Parameters
    ----------
    id : str
        Stable id written to progress, for example ``"sesi1.kalender.urutan"``.
    variable : str
        The variable the participant fills (``total``), or the label of
        the form field; named in feedback.
    hints : list of str
        Catalog keys, at least two, from gentle to almost the answer.
    solution : str, optional
        Catalog key of the sentence :meth:`solution` shows.
    code : str, optional
        Code :meth:`solution` shows; at least one of ``solution`` and
        ``code`` is needed.
    prompt : str, optional
        Catalog key of the question itself; a form shows it above the
        answer field.
    right : str, optional
        Catalog key of a sentence added to the feedback of a right
        answer, such as why it is right.
    fields : dict, optional
        Values for placeholders in ``hints``, ``solution``, ``prompt`` and
        ``right``.

    Raises
    ------
    ValueError
        When the question is built wrongly: fewer than two hints, no
        solution, or a key missing from the catalog (mistakes in the
        kit, found when the module loads).

    Notes
    -----
    Subclasses implement :meth:`evaluate`; this class turns missing
    answers, placeholders, :class:`WrongAnswer` and any other failure into
    feedback, and records progress.
    """

    def __init__(
        self,
        *,
        id,
        variable,
        hints,
        solution=None,
        code=None,
        prompt=None,
        right=None,
        fields=None,
    ):
        if not isinstance(id, str) or not id.strip():
            raise ValueError("a question needs an id")
        if not isinstance(variable, str) or not variable.strip():
            raise ValueError(f"question {id}: variable must be a name")
        hints = list(hints)
        if len(hints) < 2:
            raise ValueError(f"question {id}: give at least two hints")
        if solution is None and not code:
            raise ValueError(f"question {id}: give a solution or code")
        _require_keys(id, [*hints, solution, prompt, right])

        self.id = id
        self.variable = variable
        self.hints = hints
        self.solution_key = solution
        self.code = code or ""
        self.prompt = prompt
        self.right = right
        self.fields = dict(fields or {})
        self._hint_level = 0

    def __repr__(self):
        return f"{type(self).__name__}(id={self.id!r})"

    # --- what participants call ------------------------------------------

    def check(self, answer=MISSING, *, field=None):
        """Check an answer and say what to fix.

        Parameters
        ----------
        answer : object, optional
            The answer; when omitted, the value of :attr:`variable` in the
            notebook (IPython's namespace, else ``__main__``).
        field : str, optional
            What to call the answer in the feedback instead of the code
            variable, for a form: its field's label, or words such as
            "pilihan Anda" (keyword only). The feedback then names it in
            plain words, not as code, and an empty answer is told to
            fill in the form and click Periksa again.

        Returns
        -------
        Feedback
            Shown as a coloured box when it is a cell's result. Recorded
            to the participant's progress file when progress is on.
        """
        feedback = self._judge(answer, field)
        try:
            progress.record(feedback)
        except InputError as error:
            feedback.message += " " + text(
                "exercise.progress_not_saved", reason=str(error)
            )
        return feedback

    def hint(self, level=None):
        """Give the next hint, or hint number ``level``.

        Parameters
        ----------
        level : int, optional
            1 to the number of hints; values outside are brought to the
            nearest. Without it, each call gives the next hint and the
            last one stays.

        Returns
        -------
        Hint
        """
        total = len(self.hints)
        if level is None:
            level = self._hint_level + 1
        level = min(max(int(level), 1), total)
        self._hint_level = level

        message = text(self.hints[level - 1], **self.fields)
        if level == total:
            message += " " + text("exercise.hint_last")
        return Hint(question=self.id, level=level, total=total, message=message)

    def solution(self):
        """Show the answer: the solution sentence and/or its code.

        Returns
        -------
        Solution
        """
        message = ""
        if self.solution_key:
            message = text(self.solution_key, **self.fields)
        return Solution(question=self.id, message=message, code=self.code)

    def prompt_text(self):
        """The question itself in the language in use, or ``""``."""
        if self.prompt is None:
            return ""
        return text(self.prompt, **self.fields)

    # --- what subclasses implement and use ---------------------------------

    def evaluate(self, answer):
        """Judge an answer that is neither missing nor blank.

        Returns a :class:`Feedback` (:meth:`right_feedback`) or raises
        :class:`WrongAnswer`; any other exception becomes a plain WRONG.
        """
        raise NotImplementedError

    def right_feedback(self, key, **fields):
        """A RIGHT feedback: sentence ``key``, then the ``right`` sentence."""
        message = self._sentence(key, fields)
        if self.right is not None:
            message += " " + text(self.right, **self.fields)
        return Feedback(Outcome.RIGHT, message, self.id)

    def wrong_feedback(self, key, **fields):
        """A WRONG feedback with sentence ``key``."""
        return Feedback(Outcome.WRONG, self._sentence(key, fields), self.id)

    # --- the steps of a check ---------------------------------------------

    def _judge(self, answer, field=None):
        """The feedback on ``answer``, whatever it is, naming ``field``."""
        feedback = self._judged(answer, field)
        if field:
            feedback.message = self._named(feedback.message, field)
        return feedback

    def _judged(self, answer, field):
        """The feedback on ``answer``, naming the variable as code."""
        # No answer given: the variable in the notebook.
        if answer is MISSING:
            namespace = notebook_namespace()
            if self.variable not in namespace:
                return self._not_attempted("exercise.not_defined")
            answer = namespace[self.variable]

        # The placeholder, or nothing written yet.
        if answer is ANSWER:
            return self._not_attempted("exercise.placeholder")
        if answer is None or (isinstance(answer, str) and not answer.strip()):
            if field:
                message = text(
                    "exercise.empty_field",
                    field=field,
                    button=text("exercise.button_check"),
                )
                message = message[:1].upper() + message[1:]
                return Feedback(Outcome.NOT_ATTEMPTED, message, self.id)
            return self._not_attempted("exercise.empty")

        # The checker; an odd answer must never show a traceback, nor
        # may a checker's own slip (a sentence it cannot fill).
        try:
            try:
                feedback = self.evaluate(answer)
            except WrongAnswer as wrong:
                feedback = self.wrong_feedback(wrong.key, **wrong.fields)
            if not isinstance(feedback, Feedback):
                raise TypeError(f"evaluate gave {type(feedback).__name__}")
        except Exception:
            logger.debug("question %s: checker failed", self.id, exc_info=True)
            return self.wrong_feedback(
                "exercise.cannot_check", found=written(answer)
            )
        feedback.question = self.id
        return feedback

    def _named(self, message, field):
        """``message`` with the code `variable` replaced by ``field``.

        Every sentence names the variable between backticks; a form's
        field is named in plain words, capitalised when it opens the
        message.
        """
        code = f"`{self.variable}`"
        named = message.replace(code, field)
        if message.startswith(code):
            named = named[:1].upper() + named[1:]
        return named

    def _not_attempted(self, key):
        message = text(key, variable=self.variable)
        return Feedback(Outcome.NOT_ATTEMPTED, message, self.id)

    def _sentence(self, key, fields):
        return text(key, **{**self.fields, "variable": self.variable, **fields})


class ValueQuestion(Question):
    """A question whose answer is one value: a number, text, list or set.

    Parameters
    ----------
    expected : number, str, bool, list, tuple, set or frozenset
        The right answer. Numbers match within ``tolerance``; texts match
        after trimming spaces, joining runs of spaces and ignoring case;
        a list or tuple matches item by item in order (a tuple and a
        list are the same); a set matches its items in any order, a
        repeated item counting once. Other values must be equal (``==``).
    tolerance : float, optional
        The largest difference a number may have from ``expected`` (and
        each number in a list).
    mistakes : list of (value, str), optional
        Known wrong answers and the catalog key of the sentence that
        explains each, such as ``(37.5, "mulai.total_titik_ribuan")`` for
        ``3 * 12.500``. The sentence may use ``{variable}`` and
        ``{found}``.
    **question
        ``id``, ``variable``, ``hints``, ``solution`` and the other
        keywords of :class:`Question`.
    """

    def __init__(self, expected, tolerance=0, *, mistakes=(), **question):
        super().__init__(**question)
        self.expected = expected
        self.tolerance = tolerance
        self.mistakes = [(value, key) for value, key in mistakes]
        _require_keys(self.id, [key for _, key in self.mistakes])

    def evaluate(self, answer):
        found = _comparable(self.expected, answer)
        if _matches(self.expected, found, self.tolerance):
            return self.right_feedback(
                "exercise.right_value", found=written(answer)
            )

        # A known mistake has a sentence of its own.
        for value, key in self.mistakes:
            if _matches(value, found, self.tolerance):
                raise WrongAnswer(key, found=written(answer))
        raise self._difference(found)

    def _difference(self, found):
        """The WrongAnswer that says how ``found`` differs."""
        expected = self.expected

        # Sets: what is missing and what does not belong.
        if isinstance(expected, (set, frozenset)):
            wanted = {_normalised(item) for item in expected}
            given = {_normalised(item) for item in found}
            missing = sorted(
                (i for i in expected if _normalised(i) not in given),
                key=written,
            )
            extra = sorted(
                (i for i in found if _normalised(i) not in wanted),
                key=written,
            )
            if missing and extra:
                return WrongAnswer(
                    "exercise.set_missing_and_extra",
                    missing=_written_items(missing),
                    extra=_written_items(extra),
                )
            if missing:
                return WrongAnswer(
                    "exercise.set_missing", missing=_written_items(missing)
                )
            return WrongAnswer(
                "exercise.set_extra", extra=_written_items(_unique(extra))
            )

        # Lists: the length, then the first item that differs.
        if isinstance(expected, (list, tuple)):
            if len(found) != len(expected):
                return WrongAnswer(
                    "exercise.wrong_length",
                    expected=format_number(len(expected)),
                    found=format_number(len(found)),
                )
            for position, (want, got) in enumerate(
                zip(expected, found, strict=True)
            ):
                if not _matches(want, got, self.tolerance):
                    return WrongAnswer(
                        "exercise.wrong_item",
                        position=position + 1,
                        expected=self._written_expected(want),
                        found=written(got),
                    )

        return WrongAnswer(
            "exercise.wrong_value",
            expected=self._written_expected(expected),
            found=written(found),
        )

    def _written_expected(self, value):
        if self.tolerance and _is_number(value):
            return text(
                "exercise.within",
                expected=written(value),
                tolerance=written(self.tolerance),
            )
        return written(value)


class ChoiceQuestion(Question):
    """A multiple-choice question.

    Parameters
    ----------
    options : list of str
        Catalog keys of the options' texts, lettered a, b, c ... in order.
    correct : str
        The letter of the right option.
    explanations : dict or list, optional
        Catalog keys of sentences explaining options: a dict by letter,
        or a list in the options' order (None where there is none). A
        wrong answer shows its option's explanation; a right answer the
        right option's.
    **question
        ``id``, ``variable``, ``hints``, ``solution`` and the other
        keywords of :class:`Question`.

    Notes
    -----
    An answer is the option's letter (``"b"``, ``"B"``, ``"b)"``,
    ``"(b)"``) or its text in either language. A wrong answer is not told
    the right letter; :meth:`solution` gives it.
    """

    def __init__(self, options, correct, explanations=None, **question):
        super().__init__(**question)
        options = list(options)
        if not 2 <= len(options) <= len(LETTERS):
            raise ValueError(
                f"question {self.id}: give 2 to {len(LETTERS)} options"
            )
        self.options = dict(zip(LETTERS, options, strict=False))
        if correct not in self.options:
            raise ValueError(
                f"question {self.id}: correct must be one of "
                f"{', '.join(self.options)}, not {correct!r}"
            )
        self.correct = correct

        if explanations is None:
            explanations = {}
        elif not isinstance(explanations, dict):
            explanations = dict(zip(LETTERS, explanations, strict=False))
        self.explanations = {
            letter: key for letter, key in explanations.items() if key
        }
        unknown = set(self.explanations) - set(self.options)
        if unknown:
            raise ValueError(
                f"question {self.id}: explanations for options "
                f"{', '.join(sorted(unknown))} that do not exist"
            )
        _require_keys(self.id, [*options, *self.explanations.values()])

    @classmethod
    def from_catalog(
        cls, key, correct, *, id, variable="jawaban", letters="abc", hints=2
    ):
        """A question whose sentences follow the catalog's naming.

        The options are ``<key>_a``, ``<key>_b`` ..., their explanations
        ``<key>_why_a`` ..., then ``<key>_prompt``, ``<key>_hint_1`` ...
        and ``<key>_solution``.

        Parameters
        ----------
        key : str
            The catalog key the names start with, such as
            ``"session1.quiz_1"``.
        correct : str
            The letter of the right option.
        id, variable : str
            As for :class:`Question`.
        letters : str
            The options' letters, in order.
        hints : int
            How many hint levels the catalog holds.
        """
        return cls(
            [f"{key}_{letter}" for letter in letters],
            correct,
            explanations={letter: f"{key}_why_{letter}" for letter in letters},
            id=id,
            variable=variable,
            prompt=f"{key}_prompt",
            hints=[f"{key}_hint_{level}" for level in range(1, hints + 1)],
            solution=f"{key}_solution",
        )

    def choices(self):
        """The options as ``(letter, text)`` pairs in the language in use."""
        return [
            (letter, text(key, **self.fields))
            for letter, key in self.options.items()
        ]

    def evaluate(self, answer):
        letter = self._letter(answer)
        option = text(self.options[letter], **self.fields)
        if letter == self.correct:
            feedback = self.right_feedback(
                "exercise.right_choice", letter=letter, option=option
            )
        else:
            feedback = self.wrong_feedback(
                "exercise.wrong_choice", letter=letter, option=option
            )
        if letter in self.explanations:
            feedback.message += " " + text(
                self.explanations[letter], **self.fields
            )
        return feedback

    def _letter(self, answer):
        """The letter ``answer`` names, or raise WrongAnswer."""
        if isinstance(answer, str):
            # A letter, alone or as "b)", "(b)" or "b.".
            letter = answer.strip().strip("().").strip().casefold()
            if letter in self.options:
                return letter

            # The option's text, in either language.
            wanted = _normalised(answer)
            catalog = load_catalog()
            for letter, key in self.options.items():
                for sentence in catalog[key].values():
                    if _normalised(sentence.format(**self.fields)) == wanted:
                        return letter
        raise WrongAnswer(
            "exercise.unknown_choice",
            found=written(answer),
            letters=", ".join(self.options),
        )


class FunctionQuestion(Question):
    """A question checked by a function of the answer.

    Parameters
    ----------
    check_answer : callable
        Called with the answer. It returns None or True when the answer
        is right, False when it is wrong (a general sentence), or a
        :class:`Feedback`; or it raises :class:`WrongAnswer` with the
        catalog key of a sentence that says what is wrong.
    wrong : str, optional
        Catalog key of the sentence for ``False``; default a general
        "does not meet the requirements".
    **question
        ``id``, ``variable``, ``hints``, ``solution`` and the other
        keywords of :class:`Question`.
    """

    def __init__(self, check_answer, *, wrong=None, **question):
        super().__init__(**question)
        if not callable(check_answer):
            raise ValueError(
                f"question {self.id}: check_answer must be callable"
            )
        self.check_answer = check_answer
        self.wrong = wrong or "exercise.wrong_function"
        _require_keys(self.id, [self.wrong])

    def evaluate(self, answer):
        result = self.check_answer(answer)
        if isinstance(result, Feedback):
            return result
        if result is None or result is True:
            return self.right_feedback("exercise.right_function")
        if result is False:
            return self.wrong_feedback(self.wrong, found=written(answer))
        raise TypeError(
            f"question {self.id}: check_answer returned {type(result)}"
        )


def notebook_namespace():
    """The variables of the running notebook, or of ``__main__``.

    Returns
    -------
    dict
        IPython's user namespace inside a notebook or IPython, else the
        ``__main__`` module's variables (a plain Python script).
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipykernel
        shell = None
    else:
        shell = get_ipython()
    if shell is not None:
        return shell.user_ns

    import __main__

    return vars(__main__)


def written(value):
    """Write an answer for a sentence: numbers the reader's way, text quoted.

    Parameters
    ----------
    value : object

    Returns
    -------
    str
        ``37.500`` for 37500 in Indonesian, ``1E28`` for ``10**28`` and
        ``1E-10`` for ``1e-10`` (numbers too long or too small to write
        in full), ``"abc"`` for a text, ``[1, 2]`` for a list, ``berkas
        a.csv`` for an uploaded file; long values are cut short with
        ``…``. Never raises.
    """
    try:
        return _written(value)
    except Exception:
        logger.debug("cannot write %s", type(value), exc_info=True)
        return f"({type(value).__name__})"


# --- comparing answers -------------------------------------------------------


def _comparable(expected, answer):
    """``answer`` in the form ``expected`` compares with, or WrongAnswer.

    A wrong kind of answer (text for a number, a number for a list ...)
    raises WrongAnswer naming the kind expected.
    """
    found = written(answer)

    if isinstance(expected, bool):
        if not _is_bool(answer):
            raise WrongAnswer("exercise.expected_yes_no", found=found)
        return bool(answer)

    if _is_number(expected):
        if isinstance(answer, str) and _NUMBER_TEXT.fullmatch(answer):
            raise WrongAnswer("exercise.number_in_quotes", found=found)
        if not _is_number(answer):
            raise WrongAnswer("exercise.expected_number", found=found)
        return answer

    if isinstance(expected, str):
        if not isinstance(answer, str):
            raise WrongAnswer("exercise.expected_text", found=found)
        return answer

    if isinstance(expected, (list, tuple, set, frozenset)):
        items = _items(answer)
        if items is None or (
            isinstance(expected, (list, tuple))
            and isinstance(answer, (set, frozenset))
        ):
            raise WrongAnswer("exercise.expected_list", found=found)
        return items

    return answer


def _matches(expected, found, tolerance):
    """Whether ``found`` (already comparable) matches ``expected``."""
    if isinstance(expected, bool):
        return _is_bool(found) and bool(found) == expected
    if _is_bool(found):
        return False
    if _is_number(expected):
        if not _is_number(found):
            return False
        difference = abs(float(found) - float(expected))
        return not math.isnan(difference) and difference <= tolerance
    if isinstance(expected, str):
        return isinstance(found, str) and _normalised(found) == _normalised(
            expected
        )
    if isinstance(expected, (set, frozenset)):
        if not isinstance(found, (list, tuple, set, frozenset)):
            return False
        given = {_normalised(item) for item in found}
        return given == {_normalised(item) for item in expected}
    if isinstance(expected, (list, tuple)):
        return (
            isinstance(found, (list, tuple))
            and len(found) == len(expected)
            and all(
                _matches(want, got, tolerance)
                for want, got in zip(expected, found, strict=True)
            )
        )
    try:
        return bool(found == expected)
    except Exception:
        return False


def _normalised(item):
    """Texts without case or extra spaces; numbers as floats; else as is."""
    if isinstance(item, str):
        return " ".join(item.split()).casefold()
    if _is_number(item):
        return float(item)
    return item


def _items(answer):
    """The items of a list-like answer, or None when it is not one."""
    if isinstance(answer, (list, tuple)):
        return list(answer)
    if isinstance(answer, (set, frozenset)):
        return list(answer)
    if hasattr(answer, "tolist") and not _is_number(answer):
        items = answer.tolist()
        return items if isinstance(items, list) else None
    return None


def _unique(items):
    seen = []
    for item in items:
        if _normalised(item) not in [_normalised(i) for i in seen]:
            seen.append(item)
    return seen


def _is_bool(value):
    return isinstance(value, bool) or type(value).__name__ == "bool_"


def _is_number(value):
    return isinstance(value, numbers.Real) and not _is_bool(value)


# --- writing values and boxes -----------------------------------------------


def _written(value):
    if _is_bool(value):
        return str(bool(value))
    if _is_number(value):
        try:
            return _written_number(value)
        except (ArithmeticError, ValueError, TypeError):
            # A kind of number Babel and float() both refuse.
            return _shortened(str(value))
    if isinstance(value, str):
        return '"' + _shortened(value) + '"'
    if isinstance(value, UploadedFile):
        return text("exercise.uploaded_file", name=value.name)
    if isinstance(value, (list, tuple)):
        return "[" + _written_items(value) + "]"
    if isinstance(value, (set, frozenset)):
        return "{" + _written_items(sorted(value, key=str)) + "}"
    return _shortened(repr(value))


def _written_items(items):
    items = list(items)
    shown = ", ".join(written(item) for item in items[:_MOST_ITEMS])
    return shown + (", …" if len(items) > _MOST_ITEMS else "")


def _written_number(value):
    """A number with as many decimals as it needs, at most six.

    A number Babel cannot write in full (more than 28 digits, such as
    ``10**28`` or ``1e300``), or one so close to zero that six decimals
    show nothing (``1e-10``), is written in scientific notation instead:
    ``1E28``, ``1,5E300``, ``1E-10``.
    """
    if isinstance(value, numbers.Integral):
        value = int(value)
        if len(str(abs(value))) > _MOST_DIGITS:
            return _scientific(value)
        return format_number(value)
    value = float(value)
    if math.isnan(value) or math.isinf(value):
        return str(value)
    rounded = round(value, 6)
    if abs(value) >= 10**_MOST_DIGITS or (rounded == 0 and value != 0):
        return _scientific(value)
    decimals = len(f"{abs(rounded):.6f}".rstrip("0").partition(".")[2])
    return format_number(rounded, decimals)


def _scientific(value):
    """``value`` as a mantissa of up to six decimals, ``E`` and exponent.

    The mantissa is written the reader's way (``1,5E300`` in Indonesian,
    ``1.5E300`` in English); exact for any int, however long.
    """
    exact = decimal.Decimal(value)
    exponent = exact.adjusted()
    mantissa = round(float(exact.scaleb(-exponent)), 6)
    if abs(mantissa) >= 10:
        # 9.9999999 rounds up to 10: one more power of ten.
        mantissa, exponent = mantissa / 10, exponent + 1
    decimals = len(f"{abs(mantissa):.6f}".rstrip("0").partition(".")[2])
    return f"{format_number(mantissa, decimals)}E{exponent}"


def _shortened(written_value):
    if len(written_value) <= _LONGEST_TEXT:
        return written_value
    return written_value[: _LONGEST_TEXT - 1] + "…"


def _indented(code):
    return "\n".join("    " + line for line in code.splitlines())


def sentence_html(sentence):
    """A catalog sentence as HTML: escaped, with `words` shown as code."""
    return _CODE.sub(r"<code>\1</code>", html.escape(sentence))


def _joined(title, message):
    """``Benar! message``, ``Belum tepat: message``."""
    return f"{_punctuated(title)} {message}"


def _punctuated(title):
    return title if title.endswith(("!", "?", ".", ":")) else title + ":"


def _box(kind, title, message, extra=""):
    """A coloured box: a bold first word, then the message."""
    border, background = _COLOURS[kind]
    title = _punctuated(title)
    body = sentence_html(message)
    return (
        f'<div style="border-left:6px solid {border};'
        f"background:{background};color:#212121;padding:8px 12px;"
        f'margin:4px 0;border-radius:4px">'
        f'<strong style="color:{border}">{html.escape(title)}</strong> '
        f"{body}{extra}</div>"
    )


def _require_keys(question, keys):
    """Raise ValueError naming any key the catalog does not have."""
    catalog = load_catalog()
    missing = [key for key in keys if key is not None and key not in catalog]
    if missing:
        raise ValueError(
            f"question {question}: not in the catalog: {', '.join(missing)}"
        )
