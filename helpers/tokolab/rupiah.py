"""Rupiah amounts as people write them, and back.

The Indonesian convention: a dot groups thousands, a comma marks the
decimals (sen), and the currency comes first. The forms seen in practice::

    Rp 2.400.000,-      Rp. 15.000,-      Rp15.000      IDR 15.000
    Rp 1.250.000,00     Rp185.500,50      Rp\u00a015.000 (no-break space)
    15.000              15000             Rp -          (Excel's zero)

``,-`` after the number says "no sen" and is ignored. An Excel cell in the
accounting format shows a zero as ``Rp -``; it reads as 0.

Malformed amounts
-----------------
A written amount that cannot be right in this convention is never read
silently: :func:`parse_rupiah` returns it with ``malformed=True``, no
value, and the values it most likely meant (``candidates``), most likely
first. The rule for ``candidates``:

* A dot group after the first must have exactly three digits. When a
  group has two digits (``100.00``) one digit was most likely lost, and in
  Rupiah amounts, which are nearly always round, that digit is a ``0``:
  the first candidate pads every two-digit group with a ``0``
  (``100.00`` -> 100.000). When a group has four digits ending in ``0``
  the first candidate drops that ``0`` (``15.0000`` -> 15.000).
* The second candidate keeps the digits as written and only moves the
  dots (``100.00`` -> 10.000).
* An amount written the English way, with commas grouping thousands
  (``IDR 15,000`` or ``Rp 2,400,000.00``), has that reading as its only
  candidate.
* Three or more digits after the comma, where the English reading does
  not fit either (``15,0000``), are taken for a stray comma: the only
  candidate is the digits read as one number (150.000).
* Anything else made of digits, dots and commas (``1..000``) has no
  candidate.

So ``Rp 100.00,-`` gives 100.000 and 10.000, and ``Rp. 380.00,-`` gives
380.000 and 38.000. Which one was meant only the rest of the budget line
can tell (see :mod:`tokolab.budget`).
"""

import logging
import re
from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import format_currency

from tokolab.messages import text

logger = logging.getLogger(__name__)

# The currency written before (or, rarely, after) the number.
_CURRENCY = r"(?:rp\.?|idr|rupiah)"

# Spaces people and spreadsheets put after "Rp": plain, no-break, narrow.
_SPACES = re.compile(r"[\s\u00a0\u202f\u2007]+")

# "Rp 15.000,-", "Rp 15.000,--", "Rp 15.000.-", "Rp 15.000,—".
_NO_SEN = re.compile(r"[.,]\s*[-\u2013\u2014]+$")

# Only ASCII digits count: "\d" would also accept Arabic or Thai digits.
_WELL_FORMED = re.compile(
    r"(?P<whole>[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,(?P<sen>[0-9]{1,2}))?"
)
_DOT_GROUPED = re.compile(
    r"(?P<whole>[0-9]+(?:\.[0-9]+)+)(?:,(?P<sen>[0-9]{1,2}))?"
)
_ENGLISH = re.compile(
    r"(?P<whole>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.(?P<sen>[0-9]{1,2}))?"
)
_TOO_MANY_SEN = re.compile(r"(?P<whole>[0-9]+),(?P<sen>[0-9]{3,})")
_NUMBER_CHARACTERS = re.compile(r"[0-9][0-9.,]*")

PROBLEMS = ("group_digits", "english", "decimals", "layout")
"""Why an amount is malformed; each has a sentence ``rupiah.problem_*``."""


@dataclass(frozen=True)
class RupiahAmount:
    """One written Rupiah amount and what it says.

    Attributes
    ----------
    written : str
        The amount exactly as written.
    value : int or float or None [Rupiah]
        An ``int`` when there are no sen, else a ``float``; ``None`` when
        the amount is malformed.
    malformed : bool
        True when the amount cannot be right in the Indonesian convention.
    candidates : tuple of int or float [Rupiah]
        The likely intended values of a malformed amount, most likely
        first (see the module's description); empty otherwise.
    problem : str or None
        One of :data:`PROBLEMS` when malformed, else ``None``.
    """

    written: str
    value: int | float | None
    malformed: bool = False
    candidates: tuple = ()
    problem: str | None = None

    def explain(self, language=None):
        """Say in words why the amount is malformed (empty when it is not)."""
        if not self.malformed:
            return ""
        return text(f"rupiah.problem_{self.problem}", language=language)


def parse_rupiah(written):
    """Read a written Rupiah amount.

    Parameters
    ----------
    written : str
        For example ``"Rp. 2.400.000,-"`` or ``"IDR 15.000"``.

    Returns
    -------
    RupiahAmount
        With ``malformed=True`` and likely ``candidates`` when the amount
        is written against the convention (``"Rp 100.00,-"``).

    Raises
    ------
    ValueError
        When the text is not an amount of money at all (empty, words, a
        currency other than Rupiah). The message comes from the catalog.
    """
    if not isinstance(written, str):
        raise TypeError(f"written must be str, not {type(written).__name__}")

    # Drop the currency, the spaces and the "no sen" dash.
    number, negative = _strip_decoration(written)

    # Excel's accounting format shows a zero as "Rp -".
    if number in ("-", "\u2013", "\u2014") and negative is None:
        return RupiahAmount(written, 0)

    if not _NUMBER_CHARACTERS.fullmatch(number):
        raise ValueError(text("rupiah.not_an_amount", found=written.strip()))

    sign = -1 if negative else 1
    match = _WELL_FORMED.fullmatch(number)
    if match:
        return RupiahAmount(written, sign * _value(match, thousands="."))

    candidates, problem = _guess(number)
    return RupiahAmount(
        written,
        None,
        malformed=True,
        candidates=tuple(sign * candidate for candidate in candidates),
        problem=problem,
    )


def format_rupiah(value, decimals=0):
    """Write an amount the Indonesian way: ``Rp 3.730.000``.

    Parameters
    ----------
    value : int or float [Rupiah]
    decimals : int or None
        Digits of sen after the comma, always shown (``Rp 185.500,50``).
        With 0 the amount is rounded half to even. With None, sen are
        written only when there are any: 0 digits for an amount that is
        whole once rounded to the sen (``Rp 3.730.000``), else 2
        (``Rp 185.500,50``).

    Returns
    -------
    str
        ``Rp``, a space, and the number; a minus comes before ``Rp``. The
        same in both languages, so that :func:`parse_rupiah` reads it back.
    """
    if decimals is None:
        decimals = 0 if float(round(value, 2)).is_integer() else 2

    pattern = "\u00a4 #,##0" + ("." + "0" * decimals if decimals else "")
    written = format_currency(
        value,
        "IDR",
        format=pattern,
        locale="id_ID",
        currency_digits=False,
    )
    return written.replace("\u00a0", " ")


def format_candidates(amount, language=None):
    """Write the candidates of a malformed amount: ``Rp 100.000 atau ...``.

    Parameters
    ----------
    amount : RupiahAmount
    language : str, optional

    Returns
    -------
    str
        Empty when there is no candidate.
    """
    written = [
        format_rupiah(value, decimals=None) for value in amount.candidates
    ]
    return join_alternatives(written, language=language)


def join_alternatives(items, language=None):
    """Join ``["a", "b", "c"]`` as ``"a, b atau c"`` (reader's language)."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    word = text("rupiah.or", language=language)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def _strip_decoration(written):
    """Return the bare number of ``written`` and whether it is negative.

    Removes the currency before or after the number, every kind of space,
    and a trailing ``,-``. ``negative`` is ``None`` when no minus sign was
    found, so that a lone ``-`` (Excel's zero) can be told apart.
    """
    # Spaces of every kind are dropped; "Rp 2 400 000" then reads as one
    # ungrouped number, which is what it is.
    compact = _SPACES.sub("", written.strip()).lower()

    # A minus before the currency: "-Rp15.000".
    negative = None
    if compact.startswith("-") and len(compact) > 1:
        negative, compact = True, compact[1:]

    # The currency itself.
    compact = re.sub(rf"^{_CURRENCY}", "", compact)
    compact = re.sub(rf"{_CURRENCY}$", "", compact)

    # A minus after the currency: "Rp-15.000" (not the lone "Rp -").
    if compact.startswith("-") and len(compact) > 1 and negative is None:
        negative, compact = True, compact[1:]

    # The "no sen" mark.
    compact = _NO_SEN.sub("", compact)
    return compact, negative


def _value(match, thousands):
    """Turn a matched well-formed number into an int or a float."""
    whole = match["whole"].replace(thousands, "")
    sen = match["sen"] or "0"
    return _plain_number(Decimal(f"{whole}.{sen}"))


def _guess(number):
    """Likely intended values of a malformed bare number, and the problem.

    See the module's description for the rule.
    """
    # Commas grouping thousands: the English convention.
    english = _ENGLISH.fullmatch(number)
    if english and "," in english["whole"]:
        return [_value(english, thousands=",")], "english"

    # Three or more digits after the comma: also the English convention
    # ("1,500" meant one thousand five hundred).
    too_many_sen = _TOO_MANY_SEN.fullmatch(number)
    if too_many_sen:
        whole = int(too_many_sen["whole"] + too_many_sen["sen"])
        return [whole], "decimals"

    # Dot groups of the wrong length.
    grouped = _DOT_GROUPED.fullmatch(number)
    if grouped:
        return _regroupings(grouped), "group_digits"

    return [], "layout"


def _regroupings(match):
    """Candidates for dot groups of the wrong length (see module)."""
    first, *groups = match["whole"].split(".")
    sen = Decimal(f"0.{match['sen'] or '0'}")
    candidates = []

    # A lost or an extra zero in each wrong group.
    fixed = []
    for group in groups:
        if len(group) == 2:
            fixed.append(group + "0")
        elif len(group) == 4 and group.endswith("0"):
            fixed.append(group[:-1])
        else:
            fixed.append(group)
    if len(first) <= 3 and all(len(group) == 3 for group in fixed):
        candidates.append(Decimal(first + "".join(fixed)) + sen)

    # The digits as written, with the dots moved.
    candidates.append(Decimal(first + "".join(groups)) + sen)

    unique = []
    for candidate in candidates:
        value = _plain_number(candidate)
        if value not in unique:
            unique.append(value)
    return unique


def _plain_number(number):
    """An ``int`` for a whole Decimal, else a ``float``."""
    if number == number.to_integral_value():
        return int(number)
    return float(number)
