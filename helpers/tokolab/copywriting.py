"""Product titles and descriptions: clear, short, honest and complete.

:func:`check_description` reads one product's title and description the
way a careful buyer would and returns a list of :class:`Finding`, each
with a catalog sentence that says what is wrong, why it matters to a
buyer and what to do. :func:`check_products` does the same for a whole
product list (:mod:`tokolab.products`) and gives a table to take home
(:func:`write_checked_table`).

What is checked (the finding's ``kind``):

=======================  ========  =========================================
kind                     severity  when
=======================  ========  =========================================
``title_too_long``       fix       more characters than the marketplace
                                   allows in a title
``description_too_long`` fix       more characters than it allows in a
                                   description
``description_empty``    fix       nothing but spaces
``exaggeration``         improve   a word of the exaggeration list, one
                                   finding per word (its count inside)
``long_sentence``        improve   a sentence of the description with more
                                   words than the rules allow
``missing_fact``         improve   weight or size, material, expiry date
                                   (food and drink only), price, shipping:
                                   one finding per fact
``term``                 info      a glossary term a buyer may not know
=======================  ========  =========================================

The numbers and word lists live in one file, ``tokolab/marketplace.toml``
(package data; another file can be named with ``rules=``), which records
where each limit comes from and when it was noted. The same file holds
the photo limits of the catalog (:mod:`tokolab.productcatalog`), read
here with the rest. Terms and their explanations live in the course
glossary ``course/glosarium.toml`` (another file with ``glossary=``).

Notes
-----
* Characters are counted as a marketplace form counts them: after Unicode
  NFC normalisation, a Windows line break (CR LF) as one character.
* Words are matched whole and in any letter case: ``terbaik`` finds
  ``Terbaik`` but not ``terbaiknya``. A letter next to a digit is a
  boundary, so the unit ``gr`` is found in ``250gr``. ``*`` in a rule
  stands for one word: ``paling *`` finds ``paling enak``.
* Sentences end at ``.``, ``!``, ``?`` or ``…`` followed by a space, and at
  every line break (a list item is a sentence of its own). A word is
  anything between spaces holding a letter or a digit: ``Rp 25.000`` is
  two words, a lone ``-`` none.
* The expiry date is asked for only when the category says food or drink
  (``makanan``, ``minuman``); with no category it is not asked for.
"""

import dataclasses
import io
import logging
import math
import os
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from tokolab.errors import InputError
from tokolab.files import refuse_inputs, write_whole
from tokolab.messages import LaterText, format_number, get_language, text
from tokolab.products import CATEGORIES, is_food, read_products
from tokolab.products import category_from_text as _category_from_text
from tokolab.tables import read_bytes

logger = logging.getLogger(__name__)

PROJECT = Path(__file__).resolve().parents[2]
DEFAULT_GLOSSARY_PATH = PROJECT / "course" / "glosarium.toml"
RULES_RESOURCE = "marketplace.toml"
"""The rules file inside the package (read with importlib.resources)."""

KINDS = (
    "title_too_long",
    "description_too_long",
    "description_empty",
    "exaggeration",
    "long_sentence",
    "missing_fact",
    "term",
)
"""Kinds of finding, in the order :func:`check_description` reports them."""

SEVERITIES = ("fix", "improve", "info")
"""From the most to the least pressing."""

FACTS = ("weight", "material", "expiry", "price", "shipping")
"""Facts a buyer needs, in the order they are reported."""

# Section names in the rules file -> fact.
FACT_SECTIONS = {
    "berat": "weight",
    "bahan": "material",
    "kedaluwarsa": "expiry",
    "harga": "price",
    "pengiriman": "shipping",
}

LIMIT_STATUSES = ("fakta", "perlu dicek")
"""Of a marketplace's limit. ``fakta``: checked against the marketplace;
``perlu dicek``: a provisional number."""

CHOICE_STATUSES = (*LIMIT_STATUSES, "pilihan kit")
"""Of a number or list the kit chooses itself (sentence length, the
exaggeration words, the photo limits): also ``pilihan kit``, the kit's
own choice, which no marketplace rule backs."""

_SEVERITY_OF = {
    "title_too_long": "fix",
    "description_too_long": "fix",
    "description_empty": "fix",
    "exaggeration": "improve",
    "long_sentence": "improve",
    "missing_fact": "improve",
    "term": "info",
}

# A letter (any script), a letter or digit.
_LETTER = r"[^\W\d_]"
_ALNUM = r"[^\W_]"

# What "*" in a rule stands for: one word, hyphenated parts allowed.
_ANY_WORD = rf"{_ALNUM}+(?:-{_ALNUM}+)*"

# A sentence ends at ., !, ? or … followed by spaces.
_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])\s+")
_HAS_ALNUM = re.compile(_ALNUM)

# How many words of a long sentence its finding quotes.
_QUOTED_WORDS = 6

_TOP_KEYS = ("kalimat", "berlebihan", "fakta", "marketplace", "foto")
_REQUIRED_TOP_KEYS = ("kalimat", "berlebihan", "fakta", "marketplace")
_SOURCE_KEYS = ("status", "sumber", "tanggal")
_SENTENCE_KEYS = ("kata_maks", *_SOURCE_KEYS)
_EXAGGERATION_KEYS = ("kata", *_SOURCE_KEYS)
_PHOTO_KEYS = ("sisi_min", "sisi_maks", "ukuran_maks")
_FACT_KEYS = ("kata", "hanya_makanan")
_MARKETPLACE_KEYS = ("nama", "judul_maks", "deskripsi_maks")
_LIMIT_KEYS = ("nilai", "status", "sumber", "tanggal")
_GLOSSARY_TOP_KEYS = ("istilah",)
_GLOSSARY_KEYS = ("istilah", "penjelasan", "inggris", "cari")


@dataclass(frozen=True)
class Limit:
    """One length limit and where it comes from.

    Attributes
    ----------
    value : int [characters]
    status : str
        ``"fakta"`` (checked) or ``"perlu dicek"`` (provisional).
    source : str
        Where the number comes from, or what is still to be checked.
    noted : datetime.date
        When the number was noted.
    """

    value: int
    status: str
    source: str
    noted: date


@dataclass(frozen=True)
class Provenance:
    """Where a number or list of the rules file comes from.

    Attributes
    ----------
    status : str
        One of :data:`CHOICE_STATUSES`.
    source : str
    noted : datetime.date
    """

    status: str
    source: str
    noted: date


@dataclass(frozen=True)
class PhotoLimits:
    """The catalog's photo limits, each with its source.

    Attributes
    ----------
    min_side, max_side : Limit [pixels]
        Side of the square photo, at least and at most.
    max_bytes : Limit [bytes]
        Largest JPEG file.
    """

    min_side: Limit
    max_side: Limit
    max_bytes: Limit


@dataclass(frozen=True)
class Marketplace:
    """A marketplace's limits; a limit is None when not known.

    Attributes
    ----------
    key : str
        As in the rules file, e.g. ``"tokopedia"``.
    name : str
        As people write it, e.g. ``"Tokopedia"``.
    title_max, description_max : Limit or None
    """

    key: str
    name: str
    title_max: Limit | None
    description_max: Limit | None


@dataclass(frozen=True)
class CopyRules:
    """Everything the checker counts and looks for.

    Attributes
    ----------
    sentence_max_words : int [words]
    exaggerations : tuple of str
        Word patterns (see the module's Notes).
    facts : dict
        Fact (one of :data:`FACTS`) -> ``(patterns, food_only)``.
    marketplaces : dict
        Key -> :class:`Marketplace`.
    path : str
        The file the rules were read from.
    provenance : dict
        ``"kalimat"`` and ``"berlebihan"`` -> :class:`Provenance`, for
        the sections that record theirs.
    photo : PhotoLimits or None
        The ``[foto]`` section, when the file has one.
    """

    sentence_max_words: int
    exaggerations: tuple
    facts: dict
    marketplaces: dict
    path: str
    provenance: dict = dataclasses.field(default_factory=dict)
    photo: PhotoLimits | None = None


@dataclass(frozen=True)
class GlossaryTerm:
    """One glossary entry.

    Attributes
    ----------
    term : str
        As shown, e.g. ``"PO (pre-order)"``.
    explanation : str
        In plain Indonesian.
    english : str or None
        The explanation in English.
    spellings : tuple of str
        How the term is written in descriptions (patterns as in the
        module's Notes).
    """

    term: str
    explanation: str
    english: str | None
    spellings: tuple

    def explain(self, language=None):
        """The explanation in ``language`` (Indonesian when no English)."""
        if (language or get_language()) == "en" and self.english:
            return self.english
        return self.explanation


@dataclass(frozen=True)
class Finding:
    """One thing to improve in a title or description.

    Attributes
    ----------
    kind : str
        One of :data:`KINDS`.
    severity : str
        One of :data:`SEVERITIES`.
    field : str
        ``"title"`` or ``"description"``; a missing fact is reported on
        the description.
    evidence : str
        What was found: the word or term as written (spaces collapsed),
        the whole sentence, the fact (one of :data:`FACTS`), or the
        title or description itself for a length.
    count : int
        Characters (lengths), words (a sentence), times found (a word or
        term); 0 for a missing fact or an empty description.
    limit : int or None
        The limit passed (lengths, sentences), else None.
    message : str
        The catalog sentence, in the language in use when checked.
    """

    kind: str
    severity: str
    field: str
    evidence: str
    count: int
    limit: int | None
    message: str

    def __str__(self):
        return self.message


class CheckedProducts(NamedTuple):
    """The result of :func:`check_products`.

    Attributes
    ----------
    summary : pandas.DataFrame
        One row per product: ``code``, ``name``, ``findings`` (their
        number), one column per kind in :data:`KINDS` (number of findings
        of that kind) and ``summary`` (a short sentence).
    findings : pandas.DataFrame
        One row per finding: ``code``, ``name``, ``kind``, ``severity``,
        ``field``, ``evidence``, ``count``, ``limit`` (NaN when none) and
        ``message``.
    source : str or None
        The product list's file, when known.
    """

    summary: pd.DataFrame
    findings: pd.DataFrame
    source: str | None


# --- the rules file ---------------------------------------------------------


def read_rules(path=None):
    """Read the checker's rules: limits, sentence length, word lists.

    Parameters
    ----------
    path : str or Path, optional
        A TOML file laid out like ``tokolab/marketplace.toml``, which is
        read (as package data) when not given.

    Returns
    -------
    CopyRules

    Raises
    ------
    InputError
        When the file is missing, is not TOML, or a key is unknown,
        missing or holds a value that does not fit; the error names the
        file, the section and the key, what was expected and what was
        found.
    """
    if path is None:
        name = f"tokolab/{RULES_RESOURCE}"
        data = resources.files("tokolab").joinpath(RULES_RESOURCE).read_bytes()
    else:
        name = str(path)
        data = read_bytes(path)
    document = _load_toml(data, name)
    rules = _parse_rules(document, name)
    logger.info("read copywriting rules from %s", name)
    return rules


# Where tomllib says a mistake is: "(at line 3, column 9)".
_TOML_PLACE = re.compile(r"\(at line (?P<row>\d+), column (?P<column>\d+)\)$")


def _load_toml(data, name):
    """Parse TOML bytes, or raise InputError naming the file and line."""
    try:
        written = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("copywriting.not_utf8", path=name) from None
    try:
        return tomllib.loads(written)
    except tomllib.TOMLDecodeError as error:
        # TODO: read error.lineno and error.colno instead of the English
        # message once the kit needs Python 3.14 or later.
        place = _TOML_PLACE.search(str(error))
        if place is None:
            row, column = len(written.splitlines()) or 1, None
            reason = LaterText("copywriting.toml_mistake_at_end", row=row)
        else:
            row, column = int(place["row"]), int(place["column"])
            reason = LaterText(
                "copywriting.toml_mistake_at", row=row, column=column
            )
        raise InputError(
            "copywriting.not_toml",
            path=name,
            row=row,
            column=column,
            reason=reason,
        ) from None


def _where(section=None):
    """Describe a place in the rules file for an error message."""
    if section is None:
        return LaterText("copywriting.where_top")
    return LaterText("copywriting.where_section", section=section)


def _bad_value(path, where, column, expected, found):
    """Raise InputError for one value of the rules or the glossary."""
    raise InputError(
        "copywriting.bad_value",
        path=path,
        where=where,
        column=column,
        expected=expected,
        found=repr(found),
    )


def _check_keys(table, allowed, required, path, where, example):
    """Refuse a non-table, unknown keys and missing required keys."""
    if not isinstance(table, dict):
        _bad_value(
            path,
            where,
            "-",
            LaterText("copywriting.expected_section", example=example),
            table,
        )

    for key in table:
        if key not in allowed:
            raise InputError(
                "copywriting.unknown_key",
                path=path,
                where=where,
                column=key,
                expected=", ".join(allowed),
                found=key,
            )

    for key in required:
        if key not in table:
            raise InputError(
                "copywriting.missing_key",
                path=path,
                where=where,
                column=key,
                expected=f"{key} = ...",
                found="-",
            )


def _whole_number(value, path, where, column, example):
    """Return a whole number above 0."""
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        _bad_value(
            path,
            where,
            column,
            LaterText("copywriting.expected_whole_number", example=example),
            value,
        )
    return value


def _non_empty_text(value, path, where, column):
    """Return text that is not only spaces, stripped."""
    if not isinstance(value, str) or not value.strip():
        _bad_value(
            path, where, column, LaterText("copywriting.expected_text"), value
        )
    return value.strip()


def _text_list(value, path, where, column, example):
    """Return a non-empty tuple of non-empty texts, each stripped."""
    expected = LaterText("copywriting.expected_text_list", example=example)
    if not isinstance(value, list) or not value:
        _bad_value(path, where, column, expected, value)
    if not all(isinstance(item, str) and item.strip() for item in value):
        _bad_value(path, where, column, expected, value)
    return tuple(" ".join(item.split()) for item in value)


def _true_false(value, path, where, column):
    """Return a TOML boolean."""
    if not isinstance(value, bool):
        _bad_value(
            path,
            where,
            column,
            LaterText("copywriting.expected_true_false"),
            value,
        )
    return value


def _noted_date(value, path, where, column):
    """Return a TOML date (not a date and time)."""
    if not isinstance(value, date) or hasattr(value, "hour"):
        _bad_value(
            path,
            where,
            column,
            LaterText("copywriting.expected_date", example="2026-12-03"),
            value,
        )
    return value


def _parse_limit(
    table, path, where, column, statuses=LIMIT_STATUSES, example=2000
):
    """One ``{ nilai, status, sumber, tanggal }`` limit."""
    _check_keys(table, _LIMIT_KEYS, _LIMIT_KEYS, path, where, column)
    provenance = _parse_provenance(table, path, where, statuses)
    return Limit(
        value=_whole_number(table["nilai"], path, where, "nilai", example),
        status=provenance.status,
        source=provenance.source,
        noted=provenance.noted,
    )


def _parse_provenance(table, path, where, statuses):
    """The ``status``, ``sumber`` and ``tanggal`` of a table, checked."""
    status = table["status"]
    if status not in statuses:
        _bad_value(
            path,
            where,
            "status",
            LaterText(
                "copywriting.expected_one_of", choices=", ".join(statuses)
            ),
            status,
        )
    return Provenance(
        status=status,
        source=_non_empty_text(table["sumber"], path, where, "sumber"),
        noted=_noted_date(table["tanggal"], path, where, "tanggal"),
    )


def _section_provenance(table, path, where):
    """A section's provenance, or None when it records none.

    The three keys go together: one of them asks for the other two.
    """
    if not any(key in table for key in _SOURCE_KEYS):
        return None
    for key in _SOURCE_KEYS:
        if key not in table:
            raise InputError(
                "copywriting.missing_key",
                path=path,
                where=where,
                column=key,
                expected=f"{key} = ...",
                found="-",
            )
    return _parse_provenance(table, path, where, CHOICE_STATUSES)


def _parse_photo(table, path):
    """The ``[foto]`` section: the catalog's photo limits."""
    where = _where("foto")
    _check_keys(table, _PHOTO_KEYS, _PHOTO_KEYS, path, where, "foto")
    examples = {"sisi_min": 500, "sisi_maks": 1024, "ukuran_maks": 300000}
    limits = {
        column: _parse_limit(
            table[column],
            path,
            where,
            column,
            statuses=CHOICE_STATUSES,
            example=examples[column],
        )
        for column in _PHOTO_KEYS
    }
    if limits["sisi_min"].value > limits["sisi_maks"].value:
        _bad_value(
            path,
            where,
            "sisi_min",
            LaterText(
                "copywriting.expected_at_most",
                limit=limits["sisi_maks"].value,
                other="sisi_maks",
            ),
            limits["sisi_min"].value,
        )
    return PhotoLimits(
        min_side=limits["sisi_min"],
        max_side=limits["sisi_maks"],
        max_bytes=limits["ukuran_maks"],
    )


def _parse_rules(document, path):
    """Check a rules document already loaded from TOML and build it."""
    _check_keys(
        document, _TOP_KEYS, _REQUIRED_TOP_KEYS, path, _where(), "kalimat"
    )
    provenance = {}

    # Sentences: how many words at most, and where that number comes from.
    where = _where("kalimat")
    sentences = document["kalimat"]
    _check_keys(
        sentences, _SENTENCE_KEYS, ("kata_maks",), path, where, "kalimat"
    )
    max_words = _whole_number(
        sentences["kata_maks"], path, where, "kata_maks", 20
    )
    provenance["kalimat"] = _section_provenance(sentences, path, where)

    # Exaggeration words, and where the list comes from.
    where = _where("berlebihan")
    listed = document["berlebihan"]
    _check_keys(
        listed, _EXAGGERATION_KEYS, ("kata",), path, where, "berlebihan"
    )
    exaggerations = _text_list(
        listed["kata"], path, where, "kata", '["terbaik", "paling *"]'
    )
    provenance["berlebihan"] = _section_provenance(listed, path, where)

    # Facts: each section's keywords, and whether only food needs it.
    where = _where("fakta")
    sections = document["fakta"]
    _check_keys(sections, tuple(FACT_SECTIONS), (), path, where, "fakta")
    facts = {}
    for section, fact in FACT_SECTIONS.items():
        if section not in sections:
            continue
        where = _where(f"fakta.{section}")
        table = sections[section]
        _check_keys(table, _FACT_KEYS, ("kata",), path, where, section)
        patterns = _text_list(
            table["kata"], path, where, "kata", '["berat", "gram"]'
        )
        food_only = _true_false(
            table.get("hanya_makanan", False), path, where, "hanya_makanan"
        )
        facts[fact] = (patterns, food_only)

    # Marketplaces and their limits.
    where = _where("marketplace")
    tables = document["marketplace"]
    if not isinstance(tables, dict) or not tables:
        _bad_value(
            path,
            where,
            "marketplace",
            LaterText("copywriting.expected_section", example="marketplace.x"),
            tables,
        )
    marketplaces = {}
    for key, table in tables.items():
        where = _where(f"marketplace.{key}")
        _check_keys(
            table, _MARKETPLACE_KEYS, ("nama",), path, where, "tokopedia"
        )
        limits = {
            column: _parse_limit(table[column], path, where, column)
            for column in ("judul_maks", "deskripsi_maks")
            if column in table
        }
        marketplaces[key.lower()] = Marketplace(
            key=key.lower(),
            name=_non_empty_text(table["nama"], path, where, "nama"),
            title_max=limits.get("judul_maks"),
            description_max=limits.get("deskripsi_maks"),
        )

    # The catalog's photo limits, when the file has them.
    photo = None
    if "foto" in document:
        photo = _parse_photo(document["foto"], path)

    return CopyRules(
        sentence_max_words=max_words,
        exaggerations=exaggerations,
        facts=facts,
        marketplaces=marketplaces,
        path=path,
        provenance={
            section: found
            for section, found in provenance.items()
            if found is not None
        },
        photo=photo,
    )


# --- the glossary -----------------------------------------------------------


def read_glossary(path=None):
    """Read the course glossary.

    The glossary is a TOML file with one ``[[istilah]]`` table per term:
    ``istilah`` (the term as shown), ``penjelasan`` (its meaning in plain
    Indonesian), ``inggris`` (the meaning in English, optional) and
    ``cari`` (how the term is written in descriptions, optional: the
    term itself when left out).

    Parameters
    ----------
    path : str or Path, optional
        ``course/glosarium.toml`` in the project (:data:`DEFAULT_GLOSSARY_
        PATH`) when not given. That folder comes with the project's
        files, not with the package: without it, name a glossary here.

    Returns
    -------
    list of GlossaryTerm
        In file order.

    Raises
    ------
    InputError
        When the file is missing (``copywriting.glossary_missing`` for
        the course's own), is not TOML, or an entry has an unknown or
        missing key or a value that does not fit; the error names the
        file, the entry, the key, what was expected and what was found.
    """
    if path is None and not DEFAULT_GLOSSARY_PATH.is_file():
        # The course folder travels with the project, not the package.
        raise InputError(
            "copywriting.glossary_missing", path=str(DEFAULT_GLOSSARY_PATH)
        )
    path = Path(path) if path is not None else DEFAULT_GLOSSARY_PATH
    name = str(path)
    document = _load_toml(read_bytes(path), name)

    # One list of [[istilah]] tables.
    _check_keys(
        document,
        _GLOSSARY_TOP_KEYS,
        _GLOSSARY_TOP_KEYS,
        name,
        _where(),
        "[istilah]",
    )
    entries = document["istilah"]
    if not isinstance(entries, list) or not entries:
        _bad_value(
            name,
            _where(),
            "istilah",
            LaterText("copywriting.expected_section", example="[istilah]"),
            entries,
        )

    terms = []
    for number, entry in enumerate(entries, start=1):
        where = LaterText("copywriting.where_entry", number=number)
        _check_keys(
            entry,
            _GLOSSARY_KEYS,
            ("istilah", "penjelasan"),
            name,
            where,
            "[istilah]",
        )
        term = _non_empty_text(entry["istilah"], name, where, "istilah")
        english = entry.get("inggris")
        if english is not None:
            english = _non_empty_text(english, name, where, "inggris")
        spellings = (term,)
        if "cari" in entry:
            spellings = _text_list(
                entry["cari"], name, where, "cari", '["PO", "pre-order"]'
            )
        terms.append(
            GlossaryTerm(
                term=term,
                explanation=_non_empty_text(
                    entry["penjelasan"], name, where, "penjelasan"
                ),
                english=english,
                spellings=spellings,
            )
        )

    logger.info("read %d glossary terms from %s", len(terms), name)
    return terms


@cache
def _default_rules():
    return read_rules()


@cache
def _default_glossary():
    return tuple(read_glossary())


def _as_rules(rules):
    """Rules as given: None (the package's), a path, or CopyRules."""
    if rules is None:
        return _default_rules()
    if isinstance(rules, CopyRules):
        return rules
    return read_rules(rules)


def _as_glossary(glossary):
    """Glossary as given: None (the course's), a path, or a list."""
    if glossary is None:
        return _default_glossary()
    if isinstance(glossary, str | os.PathLike):
        return tuple(read_glossary(glossary))
    return tuple(glossary)


# --- finding words in text --------------------------------------------------


def _edge(char, ahead):
    """A look-around that keeps a match from starting or ending mid-word.

    A letter must not touch another letter, a digit another digit; a
    letter may touch a digit (``250gr``). Other marks need no guard.
    """
    if char == "*":
        guard = _ALNUM
    elif re.fullmatch(_LETTER, char):
        guard = _LETTER
    elif char.isdigit():
        guard = r"\d"
    else:
        return ""
    return f"(?!{guard})" if ahead else f"(?<!{guard})"


@cache
def word_pattern(rule):
    """Compile one word rule of the rules file or the glossary.

    Parameters
    ----------
    rule : str
        Words separated by spaces; ``*`` stands for one word.

    Returns
    -------
    re.Pattern
        Case-insensitive; any run of spaces between the words.
    """
    tokens = rule.split()
    body = r"\s+".join(
        _ANY_WORD if token == "*" else re.escape(token) for token in tokens
    )
    before = _edge("*" if tokens[0] == "*" else tokens[0][0], ahead=False)
    after = _edge("*" if tokens[-1] == "*" else tokens[-1][-1], ahead=True)
    return re.compile(before + body + after, re.IGNORECASE)


def _matches(written, rules):
    """Every match of ``rules`` in ``written``, overlaps removed.

    Parameters
    ----------
    written : str
    rules : sequence of (tag, rule)

    Returns
    -------
    list of (start, matched text, tag)
        In text order. Where two matches overlap, the one that starts
        first wins, and of two that start together the longer one.
    """
    found = []
    for tag, rule in rules:
        for match in word_pattern(rule).finditer(written):
            found.append((match.start(), match.end(), match.group(), tag))
    found.sort(key=lambda item: (item[0], item[0] - item[1]))

    kept = []
    end = -1
    for start, stop, matched, tag in found:
        if start >= end:
            kept.append((start, " ".join(matched.split()), tag))
            end = stop
    return kept


def split_sentences(description):
    """Split a description into sentences (see the module's Notes).

    Parameters
    ----------
    description : str

    Returns
    -------
    list of str
        Each stripped, as written; pieces without a word are left out.
    """
    sentences = []
    for line in re.split(r"\r\n|\r|\n", description):
        for piece in _SENTENCE_END.split(line):
            piece = piece.strip()
            if count_words(piece):
                sentences.append(piece)
    return sentences


def count_words(sentence):
    """Count the words of a sentence (see the module's Notes) [words]."""
    return sum(1 for token in sentence.split() if _HAS_ALNUM.search(token))


def count_characters(written):
    """Count characters as a marketplace form does (see the module's Notes).

    Returns
    -------
    int [characters]
    """
    written = written.replace("\r\n", "\n")
    return len(unicodedata.normalize("NFC", written))


# --- checking one product ---------------------------------------------------


def check_description(
    title,
    description,
    marketplace="tokopedia",
    category=None,
    price=None,
    weight_g=None,
    *,
    rules=None,
    glossary=None,
):
    """Check one product's title and description.

    Parameters
    ----------
    title : str
        The product's name as the marketplace shows it.
    description : str
        The description; may be empty. None or NaN count as empty.
    marketplace : str
        A marketplace of the rules file: ``"tokopedia"`` (default),
        ``"shopee"``, ``"bukalapak"``, ``"lazada"``, in any letter case.
    category : str, optional
        ``makanan``, ``minuman``, ``kerajinan``, ``pakaian`` or
        ``lainnya`` (English words too); food and drink need an expiry
        date. None or empty: the expiry date is not asked for.
    price : int, optional [Rupiah]
        The price column; when given, the price counts as stated.
    weight_g : float, optional [gram]
        The weight column; when given (and above 0), the weight counts
        as stated.
    rules : CopyRules or str or Path, optional
        From :func:`read_rules`, or a rules file; the package's when not
        given.
    glossary : list of GlossaryTerm or str or Path, optional
        From :func:`read_glossary`, or a glossary file; the course's when
        not given.

    Returns
    -------
    list of Finding
        In the order of :data:`KINDS`; empty when nothing needs fixing.
        Messages are in the language in use.

    Raises
    ------
    InputError
        ``copywriting.unknown_marketplace`` or
        ``copywriting.unknown_category`` when ``marketplace`` or
        ``category`` is unknown (a choice, not the text). Any title and
        description text is checked without error.
    """
    rules = _as_rules(rules)
    glossary = _as_glossary(glossary)
    shop = _marketplace(rules, marketplace)
    food = is_food(_category(category))
    title = _as_text(title)
    description = _as_text(description)

    findings = []

    # Lengths against the marketplace's limits.
    findings += _length_findings(title, description, shop)

    # Exaggeration words in the title, then in the description.
    for field, written in (("title", title), ("description", description)):
        findings += _exaggeration_findings(written, field, rules)

    # Sentences too long to read easily.
    findings += _sentence_findings(description, rules)

    # Facts a buyer needs.
    stated = {"weight": _given(weight_g), "price": _given(price)}
    findings += _fact_findings(f"{title}\n{description}", food, stated, rules)

    # Terms a buyer may not know.
    findings += _term_findings(title, description, glossary)

    logger.debug("%d findings for %r", len(findings), title[:40])
    return findings


def _as_text(value):
    """Text as given; None and NaN as empty."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return value if isinstance(value, str) else str(value)


def _given(value):
    """True when a structured value (price, weight) is filled in."""
    if value is None or isinstance(value, bool):
        return False
    try:
        number = float(value)
    except (TypeError, ValueError):
        return False
    return not math.isnan(number) and number > 0


def _marketplace(rules, key):
    """The marketplace named ``key``, or InputError naming the known ones."""
    shop = rules.marketplaces.get(str(key).strip().lower())
    if shop is None:
        raise InputError(
            "copywriting.unknown_marketplace",
            path=rules.path,
            found=key,
            expected=", ".join(rules.marketplaces),
        )
    return shop


def _category(category):
    """A category of :data:`tokolab.products.CATEGORIES`, or None."""
    written = _as_text(category).strip()
    if not written:
        return None
    known = _category_from_text(written)
    if known is None:
        raise InputError(
            "copywriting.unknown_category",
            found=written,
            expected=", ".join(CATEGORIES),
        )
    return known


def _finding(kind, field, evidence, count, limit, message):
    return Finding(
        kind=kind,
        severity=_SEVERITY_OF[kind],
        field=field,
        evidence=evidence,
        count=count,
        limit=limit,
        message=message,
    )


def _note(limit, shop):
    """The sentence that flags a provisional limit, else nothing."""
    if limit.status == "fakta":
        return ""
    return text(
        "copywriting.unchecked_limit",
        limit=format_number(limit.value),
        marketplace=shop.name,
    )


def _length_findings(title, description, shop):
    """Title and description longer than the marketplace allows; empty."""
    findings = []
    checks = [
        ("title_too_long", "title", title, shop.title_max),
        (
            "description_too_long",
            "description",
            description,
            shop.description_max,
        ),
    ]
    for kind, field, written, limit in checks:
        count = count_characters(written)
        if limit is not None and count > limit.value:
            message = text(
                f"copywriting.{kind}",
                count=format_number(count),
                limit=format_number(limit.value),
                marketplace=shop.name,
                note=_note(limit, shop),
            )
            findings.append(
                _finding(kind, field, written, count, limit.value, message)
            )

    if not description.strip():
        message = text("copywriting.description_empty")
        findings.append(
            _finding("description_empty", "description", "", 0, None, message)
        )
    return findings


def _exaggeration_findings(written, field, rules):
    """One finding per exaggeration word found, with its count."""
    found = _matches(written, [(None, rule) for rule in rules.exaggerations])

    # Group by the words as found, in any letter case.
    groups = {}
    for _, matched, _ in found:
        first, count = groups.get(matched.casefold(), (matched, 0))
        groups[matched.casefold()] = (first, count + 1)

    where = text(f"copywriting.where_{field}")
    return [
        _finding(
            "exaggeration",
            field,
            word,
            count,
            None,
            text(
                "copywriting.exaggeration",
                word=word,
                where=where,
                times=_times(count),
            ),
        )
        for word, count in groups.values()
    ]


def _times(count):
    """How often, in words: "1 kali", "once", "3 times"."""
    if count == 1:
        return text("copywriting.times_once")
    return text("copywriting.times_many", count=count)


def _sentence_findings(description, rules):
    """One finding per sentence with too many words."""
    limit = rules.sentence_max_words
    findings = []
    for sentence in split_sentences(description):
        count = count_words(sentence)
        if count <= limit:
            continue
        words = sentence.split()
        start = " ".join(words[:_QUOTED_WORDS])
        if len(words) > _QUOTED_WORDS:
            start += " ..."
        message = text(
            "copywriting.long_sentence", start=start, count=count, limit=limit
        )
        findings.append(
            _finding(
                "long_sentence", "description", sentence, count, limit, message
            )
        )
    return findings


def _fact_findings(written, food, stated, rules):
    """One finding per fact a buyer needs that is not stated."""
    findings = []
    for fact in FACTS:
        if fact not in rules.facts:
            continue
        patterns, food_only = rules.facts[fact]
        if food_only and not food:
            continue
        if stated.get(fact):
            continue
        if any(word_pattern(rule).search(written) for rule in patterns):
            continue
        message = text(f"copywriting.missing_{fact}")
        findings.append(
            _finding("missing_fact", "description", fact, 0, None, message)
        )
    return findings


def _term_findings(title, description, glossary):
    """One finding per glossary term found, title first."""
    rules = [
        (index, spelling)
        for index, term in enumerate(glossary)
        for spelling in term.spellings
    ]

    # Each term once, where it is first found; counts over both fields.
    groups = {}
    for field, written in (("title", title), ("description", description)):
        for _, matched, index in _matches(written, rules):
            if index in groups:
                groups[index][2] += 1
            else:
                groups[index] = [field, matched, 1]

    findings = []
    for index, (field, word, count) in groups.items():
        term = glossary[index]
        message = text(
            "copywriting.term",
            term=term.term,
            explanation=term.explain(),
        )
        findings.append(_finding("term", field, word, count, None, message))
    return findings


# --- checking a product list ------------------------------------------------


def check_products(
    products_or_path, marketplace="tokopedia", *, rules=None, glossary=None
):
    """Check every product of a product list.

    Parameters
    ----------
    products_or_path : pandas.DataFrame or str or Path
        A table from :func:`tokolab.products.read_products` (at least
        ``code``, ``name`` and ``description``; ``category``, ``price``
        and ``weight_g`` are used when present), or the CSV file to read
        with it.
    marketplace : str
        As in :func:`check_description`.
    rules, glossary : optional
        As in :func:`check_description`; read once for the whole list.

    Returns
    -------
    CheckedProducts
        ``(summary, findings)`` tables, see :class:`CheckedProducts`.

    Raises
    ------
    InputError
        When the file cannot be read (see ``read_products``), the table
        lacks a needed column, or the marketplace or a category is
        unknown.
    """
    if isinstance(products_or_path, pd.DataFrame):
        products = products_or_path
        source = products.attrs.get("path")
    else:
        products = read_products(products_or_path)
        source = str(products_or_path)

    # The columns the checker needs.
    needed = ("code", "name", "description")
    missing = [column for column in needed if column not in products.columns]
    if missing:
        raise InputError(
            "copywriting.products_missing_columns",
            path=source or LaterText("copywriting.product_table"),
            expected=", ".join(missing),
            found=", ".join(map(str, products.columns)) or "-",
        )

    # Read the rules and the glossary once.
    rules = _as_rules(rules)
    glossary = _as_glossary(glossary)
    _marketplace(rules, marketplace)

    # Check each product.
    summaries = []
    rows = []
    for product in products.to_dict("records"):
        findings = check_description(
            product["name"],
            product["description"],
            marketplace=marketplace,
            category=product.get("category"),
            price=product.get("price"),
            weight_g=product.get("weight_g"),
            rules=rules,
            glossary=glossary,
        )
        summary = {"code": product["code"], "name": product["name"]}
        summary["findings"] = len(findings)
        for kind in KINDS:
            summary[kind] = sum(1 for f in findings if f.kind == kind)
        summary["summary"] = summarise(findings)
        summaries.append(summary)
        for finding in findings:
            rows.append(
                {
                    "code": product["code"],
                    "name": product["name"],
                    "kind": finding.kind,
                    "severity": finding.severity,
                    "field": finding.field,
                    "evidence": finding.evidence,
                    "count": finding.count,
                    "limit": finding.limit,
                    "message": finding.message,
                }
            )

    summary_columns = ["code", "name", "findings", *KINDS, "summary"]
    finding_columns = [
        "code",
        "name",
        "kind",
        "severity",
        "field",
        "evidence",
        "count",
        "limit",
        "message",
    ]
    summary = pd.DataFrame(summaries, columns=summary_columns)
    findings = pd.DataFrame(rows, columns=finding_columns)
    findings["limit"] = findings["limit"].astype(float)
    logger.info("checked %d products: %d findings", len(summary), len(findings))
    return CheckedProducts(summary, findings, source)


def summarise(findings, language=None):
    """A short sentence naming what one product needs.

    Parameters
    ----------
    findings : list of Finding
    language : str, optional

    Returns
    -------
    str
        For example ``"Temuan: 2 kata berlebihan, belum ada bahan,
        pengiriman."``
    """
    if not findings:
        return text("copywriting.summary_none", language=language)

    parts = []
    for kind in KINDS:
        of_kind = [f for f in findings if f.kind == kind]
        if not of_kind:
            continue
        if kind == "missing_fact":
            facts = ", ".join(
                text(f"copywriting.fact_{f.evidence}", language=language)
                for f in of_kind
            )
            parts.append(
                text(
                    "copywriting.part_missing_fact",
                    language=language,
                    facts=facts,
                )
            )
        else:
            parts.append(
                text(
                    f"copywriting.part_{kind}",
                    language=language,
                    count=len(of_kind),
                )
            )
    return text(
        "copywriting.summary_some", language=language, parts="; ".join(parts)
    )


# --- for people: notebooks and take-home tables -----------------------------


def explain(findings, language=None):
    """Turn findings into a short numbered text for a notebook.

    Parameters
    ----------
    findings : list of Finding
        From :func:`check_description`.
    language : str, optional
        Of the lines around the messages; the messages keep the language
        they were made in.

    Returns
    -------
    str
        One line of introduction, then one numbered line per finding,
        the most pressing first (``fix``, then ``improve``, then
        ``info``; the check's order within each).
    """
    if not findings:
        return text("copywriting.explain_none", language=language)

    ordered = sorted(findings, key=lambda f: SEVERITIES.index(f.severity))
    lines = [
        text("copywriting.explain_intro", language=language, count=len(ordered))
    ]
    for number, finding in enumerate(ordered, start=1):
        lines.append(
            text(
                "copywriting.explain_line",
                language=language,
                number=number,
                severity=text(
                    f"copywriting.severity_{finding.severity}",
                    language=language,
                ),
                message=finding.message,
            )
        )
    return "\n".join(lines)


def findings_table(findings, language=None):
    """Findings as a table with headers and words people read.

    Parameters
    ----------
    findings : list of Finding or pandas.DataFrame
        From :func:`check_description`, or the ``findings`` table of
        :func:`check_products` (whose ``code`` and ``name`` are kept).
    language : str, optional

    Returns
    -------
    pandas.DataFrame
        Columns (in the reader's language) kind, severity, part, what was
        found, count, limit and advice; kinds, severities and parts in
        words, a missing fact by its name. The limit is a whole number,
        or ``-`` for a finding that has none.
    """
    if isinstance(findings, pd.DataFrame):
        table = findings.copy()
    else:
        table = pd.DataFrame(
            [vars(finding) for finding in findings],
            columns=[
                "kind",
                "severity",
                "field",
                "evidence",
                "count",
                "limit",
                "message",
            ],
        )

    def words(prefix):
        return lambda value: text(f"copywriting.{prefix}_{value}", language)

    # Words for the codes.
    is_fact = table["kind"] == "missing_fact"
    table.loc[is_fact, "evidence"] = table.loc[is_fact, "evidence"].map(
        words("fact")
    )
    table["kind"] = table["kind"].map(words("kind"))
    table["severity"] = table["severity"].map(words("severity"))
    table["field"] = table["field"].map(words("where"))
    # A whole number where there is a limit, "-" where there is none
    # (a missing fact has no limit; pandas would show <NA>).
    table["limit"] = [
        "-" if pd.isna(limit) else int(limit) for limit in table["limit"]
    ]

    # Headers.
    headers = {
        "code": "column_code",
        "name": "column_name",
        "kind": "column_kind",
        "severity": "column_severity",
        "field": "column_field",
        "evidence": "column_evidence",
        "count": "column_count",
        "limit": "column_limit",
        "message": "column_message",
    }
    columns = [c for c in headers if c in table.columns]
    return table[columns].rename(
        columns={
            c: text(f"copywriting.{headers[c]}", language) for c in columns
        }
    )


def summary_table(summary, language=None):
    """The per-product summary with headers people read.

    Parameters
    ----------
    summary : pandas.DataFrame
        The ``summary`` table of :func:`check_products`.
    language : str, optional

    Returns
    -------
    pandas.DataFrame
    """
    headers = {
        "code": text("copywriting.column_code", language),
        "name": text("copywriting.column_name", language),
        "findings": text("copywriting.column_findings", language),
        **{
            kind: text(f"copywriting.kind_{kind}", language).capitalize()
            for kind in KINDS
        },
        "summary": text("copywriting.column_summary", language),
    }
    return summary[list(headers)].rename(columns=headers)


TABLES = ("findings", "summary")
"""What :func:`write_checked_table` can write to a CSV file."""


def write_checked_table(checked, path, table="findings", language=None):
    """Write the checked product list for participants to take home.

    Parameters
    ----------
    checked : CheckedProducts
        From :func:`check_products`.
    path : str or Path
        ``.xlsx``: a workbook with two sheets, the summary and the
        findings. ``.csv``: one table (UTF-8 with a byte-order mark so
        that Excel shows accents, comma-separated).
    table : str
        For a CSV file: ``"findings"`` (one row per finding, the default)
        or ``"summary"`` (one row per product).
    language : str, optional
        Of headers and words; the messages keep the language they were
        made in.

    Returns
    -------
    Path
        The file written. It is written whole or not at all; its folder
        is made when missing.

    Raises
    ------
    InputError
        ``copywriting.bad_output`` when the name does not end in ``.csv``
        or ``.xlsx``; ``copywriting.bad_table_choice`` when ``table`` is
        unknown; ``copywriting.would_overwrite_input`` when the file is
        the product list that was checked (it is left unchanged);
        ``common.cannot_write`` when the file cannot be written.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InputError(
            "copywriting.bad_output",
            path=str(path),
            expected=".csv, .xlsx",
            found=path.suffix or "-",
        )
    if table not in TABLES:
        raise InputError(
            "copywriting.bad_table_choice",
            found=table,
            expected=", ".join(TABLES),
        )
    refuse_inputs(path, [checked.source], "copywriting.would_overwrite_input")

    # Tables in the reader's words.
    summary = summary_table(checked.summary, language)
    findings = findings_table(checked.findings, language)

    # Made in memory, then written whole.
    content = io.BytesIO()
    if suffix == ".csv":
        chosen = findings if table == "findings" else summary
        content.write(chosen.to_csv(index=False).encode("utf-8-sig"))
    else:
        with pd.ExcelWriter(content, engine="openpyxl") as workbook:
            summary.to_excel(
                workbook,
                sheet_name=text("copywriting.sheet_summary", language),
                index=False,
            )
            findings.to_excel(
                workbook,
                sheet_name=text("copywriting.sheet_findings", language),
                index=False,
            )
    write_whole(path, content.getvalue(), inputs=[checked.source])
    logger.info("wrote checked products to %s", path)
    return path
