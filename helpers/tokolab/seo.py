"""Analyses of Search Console tables for session 3 (SEO evaluation).

Every function takes the canonical tables of
:func:`tokolab.searchconsole.read_search_console` (``query`` or ``page``,
``clicks`` [count], ``impressions`` [count], ``ctr`` [fraction 0-1],
``position`` [rank, 1 is the top]) and never changes them. A table that
lacks a column, or holds text or numbers below the column's minimum, raises
:class:`tokolab.errors.InputError` naming the column, what was expected and
what was found.

CTRs are always computed as summed clicks over summed impressions, never as
a mean of the rows' CTRs: a query seen 10 times weighs less than one seen
1,000 times, as in Search Console's own totals.
"""

import logging
import math
import re
import unicodedata
from dataclasses import dataclass

import numpy as np
import pandas as pd
from pandas.api.types import is_bool_dtype, is_numeric_dtype

from tokolab.errors import InputError
from tokolab.messages import LaterText
from tokolab.searchconsole import weighted_position as search_console_position

logger = logging.getLogger(__name__)

# Position groups of the CTR curve, (lowest, highest) rounded position with
# None for no upper end: the first page's ten places one by one, then the
# second page, then everything further. An average position goes to the
# place it rounds to, halves up (10.5 is 11). The report's chart uses them.
POSITION_GROUPS = [(p, p) for p in range(1, 11)] + [(11, 20), (21, None)]

# Smallest value each metric column may hold. Search Console's best
# position is 1.
_MINIMUMS = {"clicks": 0, "impressions": 0, "ctr": 0, "position": 1}

# Characters that separate words in a query: anything but letters and digits.
_NOT_WORD = re.compile(r"[\W_]+")


@dataclass
class PeriodComparison:
    """Queries (or pages) of two periods, set side by side.

    Attributes
    ----------
    winners : pandas.DataFrame
        In both periods and gaining clicks; biggest gain first.
    losers : pandas.DataFrame
        In both periods and losing clicks; biggest loss first.
    new : pandas.DataFrame
        Only in the later period; most clicks first.
    lost : pandas.DataFrame
        Only in the earlier period; most clicks first.

    Each has the key column, then ``clicks_before``, ``clicks_after``,
    ``clicks_change``, ``impressions_before``, ``impressions_after`` and
    ``impressions_change`` [count]; a period without the key counts 0.
    """

    winners: pd.DataFrame
    losers: pd.DataFrame
    new: pd.DataFrame
    lost: pd.DataFrame


def weighted_position(table):
    """Average position weighted by impressions, as Search Console averages.

    :func:`tokolab.searchconsole.weighted_position`, after checking that
    the numbers are numbers and not below their least value.

    Parameters
    ----------
    table : pandas.DataFrame
        With ``position`` [rank] and ``impressions`` [count].

    Returns
    -------
    float [rank]
        sum(position * impressions) / sum(impressions); NaN when there are
        no impressions.

    Raises
    ------
    InputError
        When a column is missing or holds text or too small numbers.
    """
    _check_table(table, ("position", "impressions"), "table")
    return search_console_position(table)


def ctr_curve(table, groups=POSITION_GROUPS):
    """The site's own CTR for each group of search positions.

    Parameters
    ----------
    table : pandas.DataFrame
        With ``position`` [rank], ``clicks`` and ``impressions`` [count].
    groups : list of (int, int or None)
        Lowest and highest rounded position of each group; None as highest
        leaves the group open upwards. Default :data:`POSITION_GROUPS`:
        1, 2, ..., 10, 11-20, 21+.

    Returns
    -------
    pandas.DataFrame
        One row per group, in the order given: ``group`` (label such as
        ``"1"``, ``"11-20"``, ``"21+"``), ``low``, ``high`` [rank; NaN when
        open], ``clicks``, ``impressions`` [count] and ``ctr``
        [fraction 0-1] = clicks / impressions summed over the group's rows;
        NaN for a group without impressions.

    Raises
    ------
    InputError
        When a column is missing or holds text or too small numbers.

    Notes
    -----
    A row's position is rounded half up before grouping (4.5 is in group
    5, 10.4 in group 10, 10.5 in 11-20), as the report's chart does.
    """
    _check_table(table, ("position", "clicks", "impressions"), "table")
    rounded = _rounded_positions(table["position"])

    # Sum clicks and impressions of the rows inside each group.
    rows = []
    for low, high in groups:
        inside = _inside(rounded, low, high)
        clicks = int(table.loc[inside, "clicks"].sum())
        impressions = int(table.loc[inside, "impressions"].sum())
        rows.append(
            {
                "group": _group_label(low, high),
                "low": low,
                "high": math.nan if high is None else high,
                "clicks": clicks,
                "impressions": impressions,
                "ctr": clicks / impressions if impressions else math.nan,
            }
        )
    columns = ["group", "low", "high", "clicks", "impressions", "ctr"]
    return pd.DataFrame(rows, columns=columns)


def opportunities(table, min_impressions=100, positions=(4, 20), curve=None):
    """Queries that could win clicks: seen often, ranked 4-20, CTR too low.

    Parameters
    ----------
    table : pandas.DataFrame
        Query (or page) table with ``clicks``, ``impressions`` [count] and
        ``position`` [rank].
    min_impressions : int [count]
        Keep rows with at least this many impressions.
    positions : (float, float) [rank]
        Keep rows whose position lies in this range, ends included.
    curve : pandas.DataFrame, optional
        A CTR curve as :func:`ctr_curve` returns (``low``, ``high``,
        ``ctr``). Default: the curve of ``table`` itself.

    Returns
    -------
    pandas.DataFrame
        The rows kept, with every column of ``table`` plus ``group`` (the
        position group), ``curve_ctr`` [fraction 0-1] (the curve's CTR at
        that group) and ``extra_clicks`` [clicks] = impressions *
        curve_ctr - clicks, the clicks the row would gain at the curve's
        CTR. Only rows whose own CTR (clicks / impressions) is below
        ``curve_ctr``; most extra clicks first, ties in table order.

    Raises
    ------
    InputError
        When a column is missing or holds text or too small numbers.
    """
    _check_table(table, ("position", "clicks", "impressions"), "table")
    if curve is None:
        curve = ctr_curve(table)
    _check_curve(curve)

    # Rows seen often enough and ranked inside the range.
    low, high = positions
    kept = table[
        (table["impressions"] >= min_impressions)
        & (table["position"] >= low)
        & (table["position"] <= high)
    ].copy()

    # The curve's group and CTR at each row's rounded position.
    rounded = _rounded_positions(kept["position"])
    kept["group"] = None
    kept["curve_ctr"] = math.nan
    for _, group in curve.iterrows():
        top = None if pd.isna(group["high"]) else group["high"]
        inside = _inside(rounded, group["low"], top)
        kept.loc[inside, "group"] = group["group"]
        kept.loc[inside, "curve_ctr"] = group["ctr"]

    # Rows below the curve, ranked by the clicks they would gain.
    own_ctr = kept["clicks"] / kept["impressions"]
    kept = kept[own_ctr < kept["curve_ctr"]].copy()
    kept["extra_clicks"] = kept["impressions"] * kept["curve_ctr"] - kept[
        "clicks"
    ].astype(float)
    kept = kept.sort_values("extra_clicks", ascending=False, kind="stable")
    logger.info("%d opportunities among %d rows", len(kept), len(table))
    return kept.reset_index(drop=True)


def compare_periods(before, after, key="query"):
    """Winners, losers, new and lost queries between two periods.

    Parameters
    ----------
    before, after : pandas.DataFrame
        Tables of the earlier and the later period, each with ``key``,
        ``clicks`` and ``impressions`` [count]. Rows with the same key in
        one table are added up.
    key : str
        The column naming a row: ``"query"`` or ``"page"``.

    Returns
    -------
    PeriodComparison
        Four tables; a key in both periods with the same clicks is in none
        of them.

    Raises
    ------
    InputError
        When a column is missing or holds text or too small numbers.
    """
    _check_table(before, (key, "clicks", "impressions"), "before")
    _check_table(after, (key, "clicks", "impressions"), "after")

    # One row per key and period, side by side; a missing period counts 0.
    metrics = ["clicks", "impressions"]
    both = pd.merge(
        before.groupby(key, sort=False)[metrics].sum(),
        after.groupby(key, sort=False)[metrics].sum(),
        how="outer",
        left_index=True,
        right_index=True,
        suffixes=("_before", "_after"),
        indicator=True,
    ).reset_index()
    for metric in metrics:
        for period in ("before", "after"):
            column = f"{metric}_{period}"
            both[column] = both[column].fillna(0).astype("int64")
        both[f"{metric}_change"] = (
            both[f"{metric}_after"] - both[f"{metric}_before"]
        )
    columns = [key, *_ordered(metrics)]

    # Split by where each key appears, and rank each part.
    in_both = both[both["_merge"] == "both"]
    winners = in_both[in_both["clicks_change"] > 0]
    losers = in_both[in_both["clicks_change"] < 0]
    new = both[both["_merge"] == "right_only"]
    lost = both[both["_merge"] == "left_only"]
    return PeriodComparison(
        winners=_ranked(winners, columns, "clicks_change", False, key),
        losers=_ranked(losers, columns, "clicks_change", True, key),
        new=_ranked(new, columns, "clicks_after", False, key),
        lost=_ranked(lost, columns, "clicks_before", False, key),
    )


def branded_split(table, shop_names, key="query"):
    """Clicks and impressions of queries naming the shop, and of the rest.

    Parameters
    ----------
    table : pandas.DataFrame
        Query table with ``key``, ``clicks`` and ``impressions`` [count].
    shop_names : str or list of str
        The shop's name as people search it, for example
        ``["sari rasa", "sarirasa"]``.
    key : str
        The column holding the query text.

    Returns
    -------
    pandas.DataFrame
        Two rows, ``group`` ``"branded"`` then ``"non_branded"``, with
        ``queries`` [count of rows], ``clicks``, ``impressions`` [count]
        and ``ctr`` [fraction 0-1] = clicks / impressions (NaN without
        impressions).

    Raises
    ------
    InputError
        When a column is missing or holds too small numbers, or when no
        shop name has a letter or digit.

    Notes
    -----
    A query is branded when it holds one of the names as whole words.
    Case, accents and punctuation do not count: ``Sari-Rasa`` and
    ``sari rasa`` are the same. A name also matches written as one word,
    so ``"sari rasa"`` finds ``sarirasa`` too. Single words of a name do
    not match alone: ``"sari rasa"`` does not find ``sari apel``.
    """
    _check_table(table, (key, "clicks", "impressions"), "table")
    if isinstance(shop_names, str):
        shop_names = [shop_names]
    names = [_plain_words(name) for name in shop_names]
    names = [name for name in names if name]
    if not names:
        raise InputError(
            "seo.no_shop_name",
            column="shop_names",
            expected="sari rasa",
            found=repr(list(shop_names)),
        )

    # Each name as words, and as one word without its spaces.
    phrases = set(names) | {name.replace(" ", "") for name in names}
    pattern = re.compile(
        r"(?:^| )(?:"
        + "|".join(re.escape(p) for p in sorted(phrases))
        + r")(?: |$)"
    )
    branded = table[key].map(
        lambda query: bool(pattern.search(_plain_words(str(query))))
    )

    # Totals of each group.
    rows = []
    for group, inside in (("branded", branded), ("non_branded", ~branded)):
        clicks = int(table.loc[inside, "clicks"].sum())
        impressions = int(table.loc[inside, "impressions"].sum())
        rows.append(
            {
                "group": group,
                "queries": int(inside.sum()),
                "clicks": clicks,
                "impressions": impressions,
                "ctr": clicks / impressions if impressions else math.nan,
            }
        )
    return pd.DataFrame(
        rows, columns=["group", "queries", "clicks", "impressions", "ctr"]
    )


def _check_table(table, columns, name):
    """Raise InputError unless ``table`` has ``columns``, metrics valid."""
    found = ", ".join(str(column) for column in table.columns) or "-"
    for column in columns:
        if column not in table.columns:
            raise InputError(
                "seo.missing_column",
                table=name,
                column=column,
                expected=", ".join(columns),
                found=found,
            )

    # Metric columns hold numbers, none below the column's minimum.
    for column in columns:
        if column not in _MINIMUMS or table.empty:
            continue
        values = table[column]
        minimum = _MINIMUMS[column]
        expected = LaterText("seo.at_least", minimum=minimum)
        numbers = is_numeric_dtype(values) and not is_bool_dtype(values)
        if not numbers or values.isna().any():
            raise InputError(
                "seo.not_numbers",
                table=name,
                column=column,
                expected=expected,
                found=_first_not_number(values),
            )
        too_small = values < minimum
        if too_small.any():
            raise InputError(
                "seo.too_small",
                table=name,
                column=column,
                expected=expected,
                found=values[too_small].iloc[0],
            )


def _first_not_number(values):
    """The first cell of ``values`` that is not a number, as written."""
    for cell in values:
        is_number = isinstance(cell, (int, float, np.number)) and not (
            isinstance(cell, (bool, np.bool_))
        )
        if not is_number or pd.isna(cell):
            return cell
    return "-"


def _check_curve(curve):
    """Raise InputError unless ``curve`` looks like ctr_curve's result."""
    columns = ("group", "low", "high", "ctr")
    for column in columns:
        if column not in curve.columns:
            raise InputError(
                "seo.missing_column",
                table="curve",
                column=column,
                expected=", ".join(columns),
                found=", ".join(str(c) for c in curve.columns) or "-",
            )


def _rounded_positions(positions):
    """Positions rounded half up (pandas' round() sends 2.5 to 2)."""
    return np.floor(positions.astype(float) + 0.5)


def _inside(rounded, low, high):
    """Which rounded positions lie from ``low`` to ``high`` (None: open)."""
    inside = rounded >= low
    if high is not None:
        inside &= rounded <= high
    return inside


def _group_label(low, high):
    """``"3"``, ``"11-20"`` or ``"21+"``."""
    if high is None:
        return f"{low}+"
    return str(low) if low == high else f"{low}-{high}"


def _ordered(metrics):
    """Column names: each metric before, after and its change."""
    return [
        f"{metric}_{period}"
        for metric in metrics
        for period in ("before", "after", "change")
    ]


def _ranked(rows, columns, by, ascending, key):
    """``rows`` sorted by ``by`` then ``key``, with a fresh index."""
    ranked = rows.sort_values([by, key], ascending=[ascending, True])
    return ranked[columns].reset_index(drop=True)


def _plain_words(written):
    """Lower case, accents dropped, words separated by one space."""
    folded = unicodedata.normalize("NFKD", written.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _NOT_WORD.sub(" ", folded).strip()
