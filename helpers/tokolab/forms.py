"""Answer forms for participants who do not write code (ipywidgets).

A form is an answer field (a dropdown, slider, text area, file upload or
radio buttons), three buttons and a place for the result::

    form = answer_form(soal_3, dropdown(["Senin", "Rabu", "Jumat"]))
    form                      # the cell's result: the form itself

- **Periksa** (check) calls the question's own
  :meth:`~tokolab.exercises.Question.check` with the field's value, the
  same call a test or a code cell makes, and shows its feedback.
- **Petunjuk** (hint) shows the next hint, **Lihat jawaban** (show
  solution) the answer.

The buttons only call :meth:`AnswerForm.check`, :meth:`AnswerForm.hint`
and :meth:`AnswerForm.solution`, which return what they show, so a form
works and is tested without a browser: set ``form.widget.value``, call
``form.check_button.click()``, then read ``form.feedback`` or
``form.output.outputs``.

The builders give fields that start empty where they can (nothing chosen,
nothing written, no file), so a form checked before it is filled says
"Belum dijawab" rather than judging a default.

People who use a form do not see the code behind it, so its feedback
names the form's field in plain words (the label beside the field, else
"pilihan Anda" or "jawaban Anda"), never the code variable; and the
answer to a text question is shown as the text itself, line breaks and
all, rather than as the Python line that assigns it.
"""

import ast
import dataclasses
import logging

import ipywidgets as widgets

from tokolab.exercises import Question, UploadedFile, sentence_html
from tokolab.messages import text

logger = logging.getLogger(__name__)


class AnswerForm(widgets.VBox):
    """An answer field with the buttons Periksa, Petunjuk, Lihat jawaban.

    Parameters
    ----------
    question : tokolab.exercises.Question
    widget : ipywidgets.ValueWidget
        The answer field.
    label : str, optional
        Shown above the field; default the question's prompt, else its
        variable.
    read : callable, optional
        Turns the field into the answer; default its ``value``, or
        :func:`uploaded_file` for a file upload.
    field : str, optional
        What the feedback calls the answer (keyword only). Default the
        label shown beside the field (its ``description``), else "pilihan
        Anda" (your choice) for radio buttons, a dropdown or a list to
        pick from, else "jawaban Anda" (your answer), in the language in
        use.

    Attributes
    ----------
    feedback : Feedback or None
        The result of the last check.
    output : ipywidgets.Output
        Shows the last feedback, hint or solution.
    field : str
        What the feedback calls the answer.
    """

    def __init__(self, question, widget, label=None, read=None, *, field=None):
        self.question = question
        self.widget = widget
        self.read = read or _reader(widget)
        self._field = field
        self.feedback = None

        # What is asked, the field, the buttons, the place for results.
        label = label or question.prompt_text() or question.variable
        self.label = widgets.HTML(value=f"<b>{sentence_html(label)}</b>")
        self.check_button = widgets.Button(
            description=text("exercise.button_check"),
            button_style="primary",
        )
        self.hint_button = widgets.Button(
            description=text("exercise.button_hint")
        )
        self.solution_button = widgets.Button(
            description=text("exercise.button_solution")
        )
        self.output = widgets.Output()

        self.check_button.on_click(lambda _: self.check())
        self.hint_button.on_click(lambda _: self.hint())
        self.solution_button.on_click(lambda _: self.solution())
        buttons = widgets.HBox(
            [self.check_button, self.hint_button, self.solution_button]
        )
        super().__init__(children=[self.label, widget, buttons, self.output])

    @property
    def field(self):
        """What the feedback calls the answer, in the language in use."""
        return self._field or _field_name(self.widget)

    def answer(self):
        """The answer the field holds now."""
        return self.read(self.widget)

    def check(self):
        """Check the field's answer, show the feedback and return it.

        The feedback names :attr:`field`, not the code variable.
        """
        if isinstance(self.question, Question):
            self.feedback = self.question.check(self.answer(), field=self.field)
        else:
            # Any object with a check(answer) method of its own.
            self.feedback = self.question.check(self.answer())
        self._show(self.feedback)
        return self.feedback

    def hint(self):
        """Show the question's next hint and return it."""
        hint = self.question.hint()
        self._show(hint)
        return hint

    def solution(self):
        """Show the question's solution and return it.

        For a field people write text in, a solution whose code only
        assigns a text (``deskripsi_baru = "Bakpia ..."``) shows that
        text itself, with its line breaks, instead of the code.
        """
        solution = self.question.solution()
        written = _assigned_text(getattr(solution, "code", ""))
        if written is not None and isinstance(self.widget, _TEXT_FIELDS):
            solution = dataclasses.replace(
                solution, code="", answer_text=written
            )
        self._show(solution)
        return solution

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


def answer_form(question, widget, label=None, *, field=None):
    """A form that checks ``widget``'s value with ``question``.

    Parameters
    ----------
    question : tokolab.exercises.Question
    widget : ipywidgets.ValueWidget
        From one of the builders here, or any ipywidgets field.
    label : str, optional
        Shown above the field; default the question's prompt, else its
        variable.
    field : str, optional
        What the feedback calls the answer (keyword only); see
        :class:`AnswerForm`.

    Returns
    -------
    AnswerForm
        An ``ipywidgets.VBox``; make it a cell's result to show it.
    """
    return AnswerForm(question, widget, label=label, field=field)


def choice_form(question):
    """A form of radio buttons, one per option of a ChoiceQuestion.

    Parameters
    ----------
    question : tokolab.exercises.ChoiceQuestion

    Returns
    -------
    AnswerForm
        Nothing is chosen at first; the answer is the chosen letter.
    """
    radios = widgets.RadioButtons(
        options=[
            (f"{letter}. {option}", letter)
            for letter, option in question.choices()
        ],
        value=None,
        layout=widgets.Layout(width="auto"),
    )
    return AnswerForm(question, radios)


def dropdown(options, value=None):
    """A dropdown list, with nothing chosen at first.

    Parameters
    ----------
    options : list
        The values to choose from, shown as written, or ``(shown, value)``
        pairs (use :func:`tokolab.text` for shown sentences).
    value : optional
        The value chosen at first; default none.

    Returns
    -------
    ipywidgets.Dropdown
        Its ``value`` is the chosen option's value, None before a choice.
    """
    # ipywidgets takes plain values or pairs, not both: make all pairs.
    pairs = [
        option if isinstance(option, tuple) else (str(option), option)
        for option in options
    ]
    return widgets.Dropdown(options=pairs, value=value)


def slider(minimum, maximum, step=1, value=None):
    """A slider for a number from ``minimum`` to ``maximum``.

    Whole numbers give a whole-number slider; any float a decimal one. A
    slider always holds a value: it starts at ``value``, default
    ``minimum``.

    Parameters
    ----------
    minimum, maximum : int or float
        The smallest and the largest number it can show.
    step : int or float
        How much one move changes the number; default 1.
    value : int or float, optional
        Where it starts; default ``minimum``.

    Returns
    -------
    ipywidgets.IntSlider or ipywidgets.FloatSlider
        An ``IntSlider`` when every number given is an ``int``. Its
        value changes when the participant lets go of the handle
        (``continuous_update`` is off), so a check sees the final number.
    """
    numbers = (minimum, maximum, step) + (() if value is None else (value,))
    kind = (
        widgets.IntSlider
        if all(isinstance(n, int) for n in numbers)
        else widgets.FloatSlider
    )
    return kind(
        min=minimum,
        max=maximum,
        step=step,
        value=minimum if value is None else value,
        continuous_update=False,
    )


def text_area(rows=4):
    """A box for a few lines of text, empty at first.

    Parameters
    ----------
    rows : int
        Lines shown at once [lines]; longer text scrolls. Default 4.

    Returns
    -------
    ipywidgets.Textarea
        As wide as the notebook, with "Tulis jawaban Anda di sini" (in the
        language in use) greyed out until something is written; its
        ``value`` is ``""`` until then.
    """
    return widgets.Textarea(
        value="",
        placeholder=text("exercise.write_here"),
        rows=rows,
        layout=widgets.Layout(width="100%"),
    )


def text_box():
    """A box for one line of text, empty at first.

    Returns
    -------
    ipywidgets.Text
        With "Tulis jawaban Anda di sini" (in the language in use)
        greyed out until something is written; its ``value`` is ``""``
        until then.
    """
    return widgets.Text(value="", placeholder=text("exercise.write_here"))


def file_upload(accept=""):
    """A button to upload one file from the participant's computer.

    Parameters
    ----------
    accept : str
        File types the browser offers, such as ``".csv"`` or
        ``"image/*"``; default any.

    Returns
    -------
    ipywidgets.FileUpload
        One file at a time, no file at first.

    Notes
    -----
    Read the file with :func:`uploaded_file`; :func:`answer_form` does.
    """
    return widgets.FileUpload(
        accept=accept,
        multiple=False,
        description=text("exercise.upload_button"),
    )


def uploaded_file(upload):
    """The file in an upload button, or None when there is none.

    Parameters
    ----------
    upload : ipywidgets.FileUpload

    Returns
    -------
    UploadedFile or None
        The last file uploaded: ``name`` (as on the participant's
        computer) and ``content`` (bytes).
    """
    files = upload.value
    if not files:
        return None
    last = files[-1]
    return UploadedFile(name=str(last["name"]), content=bytes(last["content"]))


# Fields people write text in: a solution for them is a text to show.
_TEXT_FIELDS = (widgets.Textarea, widgets.Text)

# Fields people choose in: the feedback calls their answer "pilihan Anda".
_CHOICE_FIELDS = (
    widgets.RadioButtons,
    widgets.Dropdown,
    widgets.Select,
    widgets.SelectMultiple,
    widgets.ToggleButtons,
)


def _field_name(widget):
    """How feedback names a field: its label, or words for its kind."""
    label = str(getattr(widget, "description", "") or "").strip()
    label = label.rstrip(":").strip()
    if label and not isinstance(widget, widgets.FileUpload):
        return label
    if isinstance(widget, _CHOICE_FIELDS):
        return text("exercise.field_choice")
    return text("exercise.field_answer")


def _assigned_text(code):
    """The text ``code`` assigns when it is one ``name = "text"`` line.

    Returns
    -------
    str or None
        None for any other code (or code that does not parse).
    """
    try:
        tree = ast.parse(code or "")
    except (SyntaxError, ValueError):
        return None
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.Assign):
        return None
    value = tree.body[0].value
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        return value.value
    return None


def _reader(widget):
    if isinstance(widget, widgets.FileUpload):
        return uploaded_file
    return lambda field: field.value
