"""Dates as Indonesian (and English) documents write them, and back.

Forms read, with or without a weekday in front (``Selasa, 07 November
2023``; the comma is optional)::

    07 November 2023      7 Nov 2023      7 Nop. 2023      07-Nov-2023
    November 7, 2023      Nov 7 2023      2023-11-07       07/11/2023

Month and weekday names, full and abbreviated, in Indonesian and English,
come from Babel's locale data (CLDR), in any letter case, with or without a
dot after an abbreviation. Babel lacks a few spellings that are common in
Indonesian writing; :data:`SUPPLEMENT_MONTHS` and :data:`SUPPLEMENT_DAYS`
add them. Numeric dates with slashes or dots are read day first, the
Indonesian order (``07/11/2023`` is 7 November); ISO dates are year first.
A year must have four digits.

Ranges join two dates with a dash (``-``, en dash or em dash) or with
``s.d.``, ``s/d``, ``sampai``, ``sampai dengan`` or ``hingga``. The first
date may leave out what it shares with the second: ``1-4 Januari 2024``,
``30 Nov - 2 Des 2023``. A range that runs backwards is returned as
written; the caller decides what to say about it (:mod:`tokolab.journal`
flags it).

A weekday that contradicts the date (``Rabu, 07 November 2023``; the 7th
was a Tuesday) means either the day or the weekday is wrong, and nothing
tells which. :func:`parse_date` and :func:`parse_date_range` therefore
raise ValueError; a reader that must keep the entry uses
:func:`parse_written_range` and reports the contradiction as a finding.
"""

import datetime as dt
import logging
import re
from dataclasses import dataclass
from functools import cache

from babel.dates import format_date as babel_format_date
from babel.dates import get_day_names, get_month_names

from tokolab.errors import TokolabError
from tokolab.messages import get_language, text

logger = logging.getLogger(__name__)

NAME_LOCALES = ("id", "en")
"""Locales whose month and weekday names are read."""

SUPPLEMENT_MONTHS = {
    # Spellings from before the 1972 spelling reform, still common.
    "pebruari": 2,
    "peb": 2,
    "nopember": 11,
    "nop": 11,
    # Abbreviations of Agustus other than Babel's "Agu".
    "ags": 8,
    "agt": 8,
    # "Sept", common in both languages; Babel has "Sep".
    "sept": 9,
}
"""Month spellings Babel lacks, lower case, mapped to the month number."""

SUPPLEMENT_DAYS = {
    # "Jum'at" with an apostrophe, and "Ahad" for Sunday.
    "jum'at": 4,
    "ahad": 6,
}
"""Weekday spellings Babel lacks, lower case, mapped to Monday = 0."""

DATE_PATTERN = "EEEE, d MMMM y"
"""Babel pattern of :func:`format_date` in both languages."""

# A range separator: a spaced hyphen, any en or em dash, or the words.
_RANGE_SEPARATOR = re.compile(
    r"\s+-\s+|\s*[\u2013\u2014]\s*"
    r"|\s+(?:s\.?\s?d\.?|s/d|sampai dengan|sampai|hingga)\s+",
    re.IGNORECASE,
)

_WORD = r"[^\W\d_]+(?:'[^\W\d_]+)?"
_DAY_MONTH_YEAR = re.compile(
    rf"(?P<day>[0-9]{{1,2}})\.?[\s/-]*(?P<month>{_WORD})\.?"
    r"(?:[\s/,-]*(?P<year>[0-9]+))?"
)
_MONTH_DAY_YEAR = re.compile(
    rf"(?P<month>{_WORD})\.?\s*(?P<day>[0-9]{{1,2}})"
    r"(?:(?:,\s*|\s+)(?P<year>[0-9]+))?"
)
_ISO = re.compile(
    r"(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})"
)
_NUMERIC = re.compile(
    r"(?P<day>[0-9]{1,2})(?P<sep>[/.-])(?P<month>[0-9]{1,2})(?P=sep)"
    r"(?P<year>[0-9]+)"
)
_DAY_ONLY = re.compile(r"(?P<day>[0-9]{1,2})\.?")


class DateFormatError(TokolabError, ValueError):
    """Raised when a written date cannot be read (a ValueError).

    Carries the catalog key and its fields, like :class:`tokolab.InputError`,
    so its text is written in the language in use when it is shown.
    """

    def __str__(self):
        if self.key == "dates.weekday_mismatch":
            return weekday_mismatch_text(**self.fields)
        return super().__str__()


@dataclass(frozen=True)
class WrittenDate:
    """One written date and the weekday written with it.

    Attributes
    ----------
    date : datetime.date
    weekday : int or None
        The weekday written in front (Monday = 0), or ``None``.
    """

    date: dt.date
    weekday: int | None = None

    @property
    def weekday_contradicts(self):
        """True when a weekday is written and the date falls on another."""
        return self.weekday is not None and self.weekday != self.date.weekday()


@cache
def month_names():
    """Every month name read, lower case, mapped to the month number.

    Returns
    -------
    dict
        Babel's wide and abbreviated names in :data:`NAME_LOCALES`, in both
        the format and the stand-alone context, plus
        :data:`SUPPLEMENT_MONTHS`.
    """
    return _babel_names(get_month_names, SUPPLEMENT_MONTHS)


@cache
def day_names():
    """Every weekday name read, lower case, mapped to Monday = 0.

    Returns
    -------
    dict
        Babel's wide and abbreviated names in :data:`NAME_LOCALES`, in both
        contexts, plus :data:`SUPPLEMENT_DAYS`.
    """
    return _babel_names(get_day_names, SUPPLEMENT_DAYS)


def _babel_names(get_names, supplement):
    """Names from one Babel getter in every width, context and locale."""
    names = {}
    for locale in NAME_LOCALES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                found = get_names(width, context=context, locale=locale)
                for number, name in found.items():
                    names[name.lower().rstrip(".")] = number
    names.update(supplement)
    return names


def parse_date(written):
    """Read one written date.

    Parameters
    ----------
    written : str
        For example ``"Selasa, 07 November 2023"`` or ``"7 Nop 2023"``.

    Returns
    -------
    datetime.date

    Raises
    ------
    DateFormatError
        A ValueError with a short reason from the catalog, when the text
        is not a date,
        names an unknown month, gives no year, names a day the month does
        not have, or puts a weekday in front that contradicts the date.
    """
    found = _date_or_weekday_error(parse_written_date(written), written)
    return found.date


def parse_date_range(written):
    """Read a written date range, or a single date as a range of one day.

    Parameters
    ----------
    written : str
        ``"06 Desember 2023 - 25 Desember 2023"``, ``"1-4 Januari 2024"``,
        or one date.

    Returns
    -------
    start, end : datetime.date
        As written: ``start`` is later than ``end`` when the range runs
        backwards.

    Raises
    ------
    ValueError
        As :func:`parse_date`, for either end.
    """
    start, end = parse_written_range(written)
    _date_or_weekday_error(start, written)
    _date_or_weekday_error(end, written)
    return start.date, end.date


def parse_written_date(written):
    """Read one written date, keeping the weekday written with it.

    Unlike :func:`parse_date`, a weekday that contradicts the date is not
    an error here: it comes back in :attr:`WrittenDate.weekday`.

    Returns
    -------
    WrittenDate

    Raises
    ------
    ValueError
        As :func:`parse_date`, except for the weekday.
    """
    clean = _clean(written)

    weekday, rest = _split_weekday(clean)
    day, month, year = _date_parts(rest, written)
    if year is None:
        raise DateFormatError("dates.year_missing", found=written.strip())
    return WrittenDate(_make_date(year, month, day, written), weekday)


def parse_written_range(written):
    """Read a written range, keeping the weekdays written with its ends.

    Returns
    -------
    start, end : WrittenDate
        Equal for a single date; as written when the range runs backwards.

    Raises
    ------
    ValueError
        As :func:`parse_date`, except for the weekday.
    """
    clean = _clean(written)

    # Two dates joined by a spaced dash, an en dash, or "s.d.".
    parts = _RANGE_SEPARATOR.split(clean)
    if len(parts) == 2:
        return _range_from_parts(parts[0], parts[1], written)
    if len(parts) > 2:
        raise DateFormatError("dates.range_parts", found=written.strip())

    # One date; failing that, two joined by a bare hyphen ("1-4 Januari").
    try:
        single = parse_written_date(clean)
    except ValueError as single_error:
        if clean.count("-") != 1:
            raise
        first, second = clean.split("-")
        try:
            return _range_from_parts(first, second, written)
        except ValueError:
            raise single_error from None
    return single, single


def format_date(day, language=None, weekday=True):
    """Write a date in words: ``Senin, 1 Januari 2024``.

    Parameters
    ----------
    day : datetime.date
    language : str, optional
        ``"id"`` or ``"en"``; the language in use when not given.
    weekday : bool
        Put the weekday in front.

    Returns
    -------
    str
        ``Senin, 1 Januari 2024`` or ``Monday, 1 January 2024``.
    """
    language = language or get_language()
    pattern = DATE_PATTERN
    if not weekday:
        pattern = pattern.removeprefix("EEEE, ")
    return babel_format_date(day, pattern, locale=language)


def format_date_range(start, end, language=None, weekday=False):
    """Write a range of dates in words: ``6 Desember 2023 – 25 Desember 2023``.

    A single day (``start == end``) is written once. A backwards range is
    written as it is, start first.

    Parameters
    ----------
    start, end : datetime.date
    language : str, optional
    weekday : bool
    """
    first = format_date(start, language=language, weekday=weekday)
    if start == end:
        return first
    last = format_date(end, language=language, weekday=weekday)
    return f"{first} \u2013 {last}"


def _date_or_weekday_error(found, written):
    """Return ``found``, or raise ValueError when its weekday contradicts."""
    if found.weekday_contradicts:
        raise DateFormatError(
            "dates.weekday_mismatch", found=found, written=written
        )
    return found


def weekday_mismatch_text(found, written, language=None):
    """The sentence saying that a written weekday contradicts its date.

    Parameters
    ----------
    found : WrittenDate
    written : str
        The date as written, quoted in the sentence.
    language : str, optional
    """
    language = language or get_language()
    names = get_day_names("wide", locale=language)
    return text(
        "dates.weekday_mismatch",
        language=language,
        found=written.strip(),
        date=format_date(found.date, language=language, weekday=False),
        actual=names[found.date.weekday()],
        written=names[found.weekday],
    )


def _clean(written):
    """One plain space between words, plain apostrophes.

    Raises
    ------
    TypeError
        When ``written`` is not text.
    DateFormatError
        When nothing is written.
    """
    if not isinstance(written, str):
        raise TypeError(f"written must be str, not {type(written).__name__}")
    written = written.replace("\u2019", "'").replace("`", "'")
    clean = " ".join(written.split())
    if not clean:
        raise DateFormatError("dates.empty")
    return clean


def _split_weekday(clean):
    """Split a leading weekday name off ``clean``.

    Returns
    -------
    weekday : int or None
    rest : str
    """
    match = re.match(rf"(?P<name>{_WORD})\.?\s*,?\s*(?=[0-9]|{_WORD})", clean)
    if not match:
        return None, clean
    name = match["name"].lower()
    if name not in day_names():
        return None, clean
    return day_names()[name], clean[match.end() :]


def _date_parts(rest, written, partial=False):
    """Find day, month and year in ``rest`` (a date without weekday).

    With ``partial``, the month and the year may be missing (``None``), as
    in the first date of ``1-4 Januari 2024``.
    """
    for pattern in (_ISO, _NUMERIC):
        match = pattern.fullmatch(rest)
        if match:
            return int(match["day"]), int(match["month"]), int(match["year"])

    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        match = pattern.fullmatch(rest)
        if match:
            month = _month_number(match["month"], written)
            year = int(match["year"]) if match["year"] else None
            return int(match["day"]), month, year

    match = _DAY_ONLY.fullmatch(rest)
    if partial and match:
        return int(match["day"]), None, None
    raise DateFormatError("dates.not_a_date", found=written.strip())


def _month_number(name, written):
    """The month number of a month name, or ValueError naming it."""
    number = month_names().get(name.lower())
    if number is None:
        raise DateFormatError(
            "dates.unknown_month", found=written.strip(), month=name
        )
    return number


def _make_date(year, month, day, written):
    """A date, or ValueError when the year or the day cannot be."""
    if not 1000 <= year <= 9999:
        raise DateFormatError("dates.year_digits", found=written.strip())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateFormatError(
            "dates.no_such_day", found=written.strip()
        ) from None


def _range_from_parts(first, second, written):
    """Both ends of a range; the first may borrow month and year."""
    end = parse_written_date(second)

    first = " ".join(first.split())
    weekday, rest = _split_weekday(first)
    day, month, year = _date_parts(rest, written, partial=True)

    # What the first date leaves out it shares with the second; a month
    # later in the year than the end's belongs to the year before
    # ("30 Des - 2 Jan 2024").
    if year is None:
        year = end.date.year
        if month is not None and month > end.date.month:
            year -= 1
    month = month or end.date.month
    start = WrittenDate(_make_date(year, month, day, written), weekday)
    return start, end
