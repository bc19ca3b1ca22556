"""Analyses of Search Console tables: values worked out by hand."""

import csv
import math

import pandas as pd
import pytest

from kitpaths import ROOT
from tokolab import InputError, set_language
from tokolab.searchconsole import read_search_console
from tokolab.seo import (
    PeriodComparison,
    branded_split,
    compare_periods,
    ctr_curve,
    opportunities,
    weighted_position,
)

SAMPLE = ROOT / "data" / "contoh" / "searchconsole"


def queries(rows):
    """A query table from (query, clicks, impressions, position) tuples."""
    table = pd.DataFrame(
        rows, columns=["query", "clicks", "impressions", "position"]
    )
    table["ctr"] = table["clicks"] / table["impressions"]
    return table


# --- weighted_position ------------------------------------------------------


def test_weighted_position_weighs_by_impressions():
    table = queries([("a", 1, 100, 1.0), ("b", 1, 50, 4.0), ("c", 0, 0, 10.0)])
    # (1 * 100 + 4 * 50 + 10 * 0) / (100 + 50 + 0) = 300 / 150 = 2.0;
    # a plain mean of positions would be 15 / 3 = 5.0.
    assert weighted_position(table) == pytest.approx(2.0)


def test_weighted_position_without_impressions_is_nan():
    table = queries([("a", 0, 0, 3.0)])
    assert math.isnan(weighted_position(table))
    assert math.isnan(weighted_position(table.iloc[0:0]))


def test_weighted_position_leaves_the_table_alone():
    table = queries([("a", 1, 100, 1.0), ("b", 1, 50, 4.0)])
    before = table.copy()
    weighted_position(table)
    pd.testing.assert_frame_equal(table, before)


# --- ctr_curve ---------------------------------------------------------------

CURVE_TABLE = [
    ("a", 30, 100, 1.4),  # rounds to 1
    ("b", 10, 50, 1.5),  # rounds half up to 2
    ("c", 0, 150, 2.4),  # rounds to 2
    ("d", 2, 200, 10.5),  # rounds to 11: group 11-20
    ("e", 1, 1000, 25.0),  # group 21+
]


def test_ctr_curve_sums_clicks_and_impressions_per_group():
    curve = ctr_curve(queries(CURVE_TABLE))

    assert list(curve["group"]) == [str(p) for p in range(1, 11)] + [
        "11-20",
        "21+",
    ]
    by_group = curve.set_index("group")
    # 1: 30 / 100 = 0.3.
    assert by_group.loc["1", "ctr"] == pytest.approx(0.3)
    # 2: (10 + 0) / (50 + 150) = 0.05, not the mean of CTRs
    # (0.2 + 0.0) / 2 = 0.1.
    assert by_group.loc["2", "clicks"] == 10
    assert by_group.loc["2", "impressions"] == 200
    assert by_group.loc["2", "ctr"] == pytest.approx(0.05)
    # 11-20: 2 / 200 = 0.01; 21+: 1 / 1000 = 0.001.
    assert by_group.loc["11-20", "ctr"] == pytest.approx(0.01)
    assert by_group.loc["21+", "ctr"] == pytest.approx(0.001)
    assert math.isnan(by_group.loc["21+", "high"])
    # Groups 3 to 10 have no rows: 0 impressions, CTR unknown.
    assert list(by_group.loc["3":"10", "impressions"]) == [0] * 8
    assert by_group.loc["3":"10", "ctr"].isna().all()


def test_ctr_curve_takes_other_groups():
    curve = ctr_curve(queries(CURVE_TABLE), groups=[(1, 2), (3, None)])

    assert list(curve["group"]) == ["1-2", "3+"]
    # 1-2: (30 + 10 + 0) / (100 + 50 + 150) = 40 / 300.
    # 3+: (2 + 1) / (200 + 1000) = 3 / 1200.
    assert list(curve["clicks"]) == [40, 3]
    assert list(curve["impressions"]) == [300, 1200]
    assert curve["ctr"].tolist() == pytest.approx([40 / 300, 3 / 1200])


# --- opportunities -----------------------------------------------------------

OPPORTUNITY_TABLE = [
    ("q1", 10, 1000, 5.0),  # CTR 0.01
    ("q2", 90, 1000, 5.2),  # CTR 0.09, above the curve
    ("q3", 1, 500, 12.0),  # CTR 0.002
    ("q4", 9, 500, 13.0),  # CTR 0.018, above the curve
    ("q5", 300, 1000, 2.0),  # position outside 4-20
    ("q6", 0, 50, 6.0),  # few impressions
]


def test_opportunities_rank_by_clicks_gained_at_the_curve():
    found = opportunities(queries(OPPORTUNITY_TABLE), min_impressions=100)

    # Curve, group 5: (10 + 90) / (1000 + 1000) = 0.05;
    # group 11-20: (1 + 9) / (500 + 500) = 0.01.
    # q1: 1000 * 0.05 - 10 = 40; q3: 500 * 0.01 - 1 = 4.
    assert list(found["query"]) == ["q1", "q3"]
    assert list(found["group"]) == ["5", "11-20"]
    assert found["curve_ctr"].tolist() == pytest.approx([0.05, 0.01])
    assert found["extra_clicks"].tolist() == pytest.approx([40.0, 4.0])


def test_opportunities_limits():
    table = queries(OPPORTUNITY_TABLE)

    # q6 passes 10 impressions, but its CTR 0 equals its group's 0 / 50.
    found = opportunities(table, min_impressions=10)
    assert list(found["query"]) == ["q1", "q3"]

    # Position 12.0 is outside 4-11.9: only q1 is left.
    found = opportunities(table, min_impressions=100, positions=(4, 11.9))
    assert list(found["query"]) == ["q1"]

    # 1000 impressions at least: q3 (500) is dropped.
    found = opportunities(table, min_impressions=1000)
    assert list(found["query"]) == ["q1"]


def test_opportunities_use_a_given_curve():
    table = queries(OPPORTUNITY_TABLE)
    curve = ctr_curve(table, groups=[(1, 10), (11, None)])

    found = opportunities(table, min_impressions=100, curve=curve)

    # 1-10: (10 + 90 + 300 + 0) / (1000 + 1000 + 1000 + 50) = 400 / 3050.
    # q1: 1000 * 400 / 3050 - 10 = 121.15; q2: 0.09 < 0.131 too:
    # 1000 * 400 / 3050 - 90 = 41.15. 11+: 10 / 1000 -> q3: 4 as before.
    assert list(found["query"]) == ["q1", "q2", "q3"]
    assert found["extra_clicks"].tolist() == pytest.approx(
        [400_000 / 3050 - 10, 400_000 / 3050 - 90, 4.0]
    )


# --- compare_periods ---------------------------------------------------------


def test_compare_periods_sorts_queries_into_four_tables():
    before = queries(
        [
            ("a", 10, 100, 3.0),
            ("b", 5, 50, 3.0),
            ("c", 8, 80, 3.0),
            ("d", 3, 30, 3.0),
            ("f", 20, 200, 3.0),
        ]
    )
    after = queries(
        [
            ("a", 15, 120, 3.0),
            ("b", 2, 60, 3.0),
            ("c", 8, 90, 3.0),
            ("e", 7, 70, 3.0),
            ("f", 10, 100, 3.0),
        ]
    )

    result = compare_periods(before, after)

    assert isinstance(result, PeriodComparison)
    # a: 15 - 10 = +5 clicks, 120 - 100 = +20 impressions.
    assert result.winners.to_dict("records") == [
        {
            "query": "a",
            "clicks_before": 10,
            "clicks_after": 15,
            "clicks_change": 5,
            "impressions_before": 100,
            "impressions_after": 120,
            "impressions_change": 20,
        }
    ]
    # f: 10 - 20 = -10; b: 2 - 5 = -3; the biggest loss first.
    assert list(result.losers["query"]) == ["f", "b"]
    assert list(result.losers["clicks_change"]) == [-10, -3]
    # c keeps 8 clicks: in no table. e is new (0 -> 7), d lost (3 -> 0).
    assert list(result.new["query"]) == ["e"]
    assert list(result.new["clicks_change"]) == [7]
    assert list(result.new["impressions_before"]) == [0]
    assert list(result.lost["query"]) == ["d"]
    assert list(result.lost["clicks_change"]) == [-3]
    assert list(result.lost["impressions_change"]) == [-30]


def test_compare_periods_by_page_adds_up_repeated_keys():
    before = pd.DataFrame(
        {"page": ["/x", "/x"], "clicks": [1, 2], "impressions": [10, 20]}
    )
    after = pd.DataFrame({"page": ["/x"], "clicks": [5], "impressions": [40]})

    result = compare_periods(before, after, key="page")

    # /x before: 1 + 2 = 3 clicks, 10 + 20 = 30 impressions; 5 - 3 = +2.
    assert list(result.winners["clicks_before"]) == [3]
    assert list(result.winners["clicks_change"]) == [2]
    assert list(result.winners["impressions_change"]) == [10]


# --- branded_split -----------------------------------------------------------

BRAND_TABLE = [
    ("Sari Rasa malang", 10, 100, 1.0),  # branded, other case
    ("sarirasa", 5, 20, 1.0),  # branded, name written as one word
    ("toko sari-rasa", 3, 30, 1.0),  # branded, punctuation
    ("SARÍ RASA", 1, 10, 1.0),  # branded, accent
    ("sari apel malang", 7, 70, 5.0),  # one word of the name only
    ("keripik tempe", 2, 200, 9.0),
    ("perasaan", 1, 10, 9.0),  # "rasa" inside another word
]


def test_branded_split_matches_the_name_as_whole_words():
    split = branded_split(queries(BRAND_TABLE), ["sari rasa"])

    assert list(split["group"]) == ["branded", "non_branded"]
    # Branded: 10 + 5 + 3 + 1 = 19 clicks, 100 + 20 + 30 + 10 = 160.
    # Rest: 7 + 2 + 1 = 10 clicks, 70 + 200 + 10 = 280.
    assert list(split["queries"]) == [4, 3]
    assert list(split["clicks"]) == [19, 10]
    assert list(split["impressions"]) == [160, 280]
    assert split["ctr"].tolist() == pytest.approx([19 / 160, 10 / 280])


def test_branded_split_takes_one_name_as_text():
    table = queries(BRAND_TABLE)
    pd.testing.assert_frame_equal(
        branded_split(table, "Sari Rasa"),
        branded_split(table, ["sari rasa", "sarirasa"]),
    )


def test_branded_split_needs_a_name():
    with pytest.raises(InputError) as caught:
        branded_split(queries(BRAND_TABLE), [" ", "--"])
    assert caught.value.key == "seo.no_shop_name"
    assert "sari rasa" in str(caught.value)


# --- bad input ---------------------------------------------------------------


def test_missing_column_names_it_in_both_languages():
    table = pd.DataFrame({"position": [1.0]})

    with pytest.raises(InputError) as caught:
        weighted_position(table)

    error = caught.value
    assert error.key == "seo.missing_column"
    assert error.column == "impressions"
    assert error.found == "position"
    assert "impressions" in str(error)
    assert "position" in str(error)
    set_language("en")
    assert "has no column impressions" in str(error)


def test_compare_periods_names_the_table_without_the_key():
    before = queries([("a", 1, 10, 1.0)])
    after = before.rename(columns={"query": "Kueri"})

    with pytest.raises(InputError) as caught:
        compare_periods(before, after)

    assert caught.value.table == "after"
    assert caught.value.column == "query"
    assert "'after'" in str(caught.value)


@pytest.mark.parametrize(
    ("column", "value", "minimum"),
    [("clicks", -1, 0), ("impressions", -5, 0), ("position", 0.0, 1)],
)
def test_too_small_numbers_are_errors(column, value, minimum):
    table = queries([("a", 1, 10, 2.0), ("b", 2, 20, 3.0)])
    table.loc[1, column] = value

    with pytest.raises(InputError) as caught:
        ctr_curve(table)

    error = caught.value
    assert error.key == "seo.too_small"
    assert error.column == column
    assert error.found == value
    assert f"angka {minimum} atau lebih" in str(error)
    set_language("en")
    assert f"a number of {minimum} or more" in str(error)


def test_text_in_a_number_column_is_an_error():
    table = queries([("a", 1, 10, 2.0)])
    table["impressions"] = ["10"]

    with pytest.raises(InputError) as caught:
        opportunities(table)

    assert caught.value.key == "seo.not_numbers"
    assert caught.value.column == "impressions"
    assert caught.value.found == "10"
    assert "'10'" in str(caught.value)


# --- the sample data ---------------------------------------------------------


def sample_rows():
    """Kueri.csv read with the csv module: (query, clicks, impressions)."""
    with open(SAMPLE / "Kueri.csv", encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))[1:]
    return [(row[0], int(row[1]), int(row[2])) for row in rows]


def test_sample_data_adds_up():
    table = read_search_console(SAMPLE).tables["queries"]
    rows = sample_rows()
    total_clicks = sum(clicks for _, clicks, _ in rows)
    total_impressions = sum(impressions for _, _, impressions in rows)
    branded_clicks = sum(
        clicks
        for query, clicks, _ in rows
        if "sari rasa" in query or "sarirasa" in query
    )

    # Every query falls into one position group and one brand group.
    curve = ctr_curve(table)
    assert curve["clicks"].sum() == total_clicks
    assert curve["impressions"].sum() == total_impressions
    split = branded_split(table, ["sari rasa"])
    assert split["clicks"].sum() == total_clicks
    assert split["impressions"].sum() == total_impressions
    # No query of the sample spells the name with punctuation or accents.
    assert split["clicks"].iloc[0] == branded_clicks

    # The average lies between the best and the worst position.
    average = weighted_position(table)
    assert table["position"].min() <= average <= table["position"].max()

    # Opportunities keep to their limits, best first.
    found = opportunities(table, min_impressions=100)
    assert len(found) > 0
    assert found["position"].between(4, 20).all()
    assert (found["impressions"] >= 100).all()
    assert (found["extra_clicks"] > 0).all()
    assert found["extra_clicks"].is_monotonic_decreasing

    # A period against itself: nothing won, lost, new or gone.
    same = compare_periods(table, table)
    for part in (same.winners, same.losers, same.new, same.lost):
        assert part.empty
