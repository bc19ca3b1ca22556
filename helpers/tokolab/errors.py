"""The errors the kit raises on purpose.

Each error carries a catalog key and the fields that fill it, so its text is
written in the reader's language at the moment it is shown, and a program can
still read the structured fields (``path``, ``row``, ``column``, ``expected``,
``found``) without parsing the sentence.
"""

from tokolab.messages import text


class TokolabError(Exception):
    """Base of every error the kit raises on purpose.

    Parameters
    ----------
    key : str
        Catalog key of the sentence that explains the error.
    **fields
        Values for the sentence's placeholders; also kept as attributes.
    """

    def __init__(self, key, **fields):
        super().__init__(key)
        self.key = key
        self.fields = fields

    def __getattr__(self, name):
        try:
            return self.__dict__["fields"][name]
        except KeyError:
            raise AttributeError(name) from None

    def __str__(self):
        return text(self.key, **self.fields)

    def _render_traceback_(self):
        """What IPython shows instead of a traceback: one sentence.

        The kit raises these errors on purpose, and their sentence says
        what to fix; a long red traceback through the kit's own code
        would only hide it. IPython calls this method when a notebook
        cell raises.

        Returns
        -------
        list of str
            One line: the error's class name and its sentence, in the
            language in use.
        """
        return [f"{type(self).__name__}: {self}"]


class InputError(TokolabError):
    """Raised when an input file cannot be read as the kit expects.

    The fields name the file (``path``) and, where known, the ``row`` and
    ``column``, what was ``expected`` and what was ``found``.
    """


class ReportError(TokolabError):
    """Raised when one or more reports could not be written."""
