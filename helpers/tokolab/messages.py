"""The message catalog: every sentence a participant, tutor or researcher reads.

Sentences live in TOML files under ``tokolab/catalog/``, one file per domain
(``budget.toml``, ``searchconsole.toml`` ...). A key is the file's stem and
the entry's name joined by a dot, so ``budget.malformed_amount`` is the entry
``[malformed_amount]`` in ``budget.toml``. Each entry holds the same sentence
in every language the kit speaks::

    [malformed_amount]
    id = "Baris {row}: jumlah '{found}' tidak bisa dibaca sebagai Rupiah."
    en = "Row {row}: the amount '{found}' cannot be read as Rupiah."

Indonesian (``id``) is the default. English (``en``) is chosen with
:func:`set_language`, the ``TOKOLAB_LANG`` environment variable, or the
command line's ``--lang en``. Later work adds entries here rather than
writing strings of its own.
"""

import math
import os
import tomllib
from functools import cache
from importlib import resources

from babel.numbers import format_decimal
from babel.numbers import format_percent as babel_format_percent

LANGUAGES = ("id", "en")

# Babel locale for each language; numbers follow the reader's language.
_LOCALES = {"id": "id_ID", "en": "en_US"}

_language = os.environ.get("TOKOLAB_LANG", "id")
if _language not in LANGUAGES:
    _language = "id"


@cache
def load_catalog():
    """Read every catalog file into one dictionary.

    Returns
    -------
    dict
        Maps ``"domain.name"`` to ``{"id": ..., "en": ...}``.
    """
    catalog = {}
    folder = resources.files("tokolab") / "catalog"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        domain = entry.name.removesuffix(".toml")
        for name, sentences in tomllib.loads(entry.read_text("utf-8")).items():
            catalog[f"{domain}.{name}"] = sentences
    return catalog


def set_language(language):
    """Choose the language of everything the kit writes from now on.

    Parameters
    ----------
    language : str
        ``"id"`` (Bahasa Indonesia, the default) or ``"en"``.
    """
    global _language
    if language not in LANGUAGES:
        raise ValueError(
            f"language must be one of {', '.join(LANGUAGES)}, not {language!r}"
        )
    _language = language


def get_language():
    """Return the language in use, ``"id"`` or ``"en"``."""
    return _language


def text(key, language=None, **fields):
    """Return the catalog sentence ``key`` with ``fields`` filled in.

    Parameters
    ----------
    key : str
        ``"domain.name"``, for example ``"budget.malformed_amount"``.
    language : str, optional
        Overrides the language in use for this one sentence.
    **fields
        Values for the sentence's ``{placeholders}``.

    Raises
    ------
    KeyError
        When the catalog has no such entry: a mistake in the kit's own code.
    """
    sentences = load_catalog()[key]
    sentence = sentences[language or _language]
    return sentence.format(**fields)


class LaterText:
    """A catalog sentence written each time it is shown, in that moment's
    language.

    An error fills its fields into its sentence when it is shown, not when
    it is raised. A field that is itself a sentence (what was expected,
    where in the file) is given as a ``LaterText`` so that it, too,
    follows a language chosen after the error was raised.

    Parameters
    ----------
    key : str
        Catalog key, as for :func:`text`.
    **fields
        Values for the sentence's placeholders.
    """

    def __init__(self, key, **fields):
        self.key = key
        self.fields = fields

    def __str__(self):
        return text(self.key, **self.fields)

    def __repr__(self):
        return str(self)

    def __format__(self, spec):
        return format(str(self), spec)


def format_number(value, decimals=0, language=None):
    """Write a number the reader's way: ``12.345,6`` in Indonesian.

    Parameters
    ----------
    value : float
    decimals : int
        Digits after the decimal mark, always shown.
    language : str, optional
        Overrides the language in use.
    """
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    locale = _LOCALES[language or _language]
    return format_decimal(value, format=pattern, locale=locale)


def format_percent(fraction, decimals=1, language=None):
    """Write a fraction as a percentage the reader's way: ``85,3%``.

    Parameters
    ----------
    fraction : float [fraction 0-1]
    decimals : int
        Digits after the decimal mark, always shown.
    language : str, optional
        Overrides the language in use.
    """
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "%"
    locale = _LOCALES[language or _language]
    return babel_format_percent(fraction, format=pattern, locale=locale)


def or_dash(value, write, *arguments):
    """Write ``value`` with ``write(value, *arguments)``, or ``-`` if missing.

    Tables and sentences show ``-`` where there is nothing to write, such
    as a CTR without impressions, rather than ``nan`` or ``None``.

    Parameters
    ----------
    value : float or None
        None and NaN count as missing.
    write : callable
        For example :func:`format_percent`.
    *arguments
        Passed on to ``write`` after the value.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return write(value, *arguments)
