"""Rupiah amounts: every written form, malformed amounts, formatting back."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tokolab import set_language
from tokolab.rupiah import (
    RupiahAmount,
    format_candidates,
    format_rupiah,
    parse_rupiah,
)


@pytest.mark.parametrize(
    ("written", "value"),
    [
        # The forms listed in the issue.
        ("Rp 2.400.000,-", 2_400_000),
        ("Rp. 15.000,-", 15_000),
        ("Rp15.000", 15_000),
        ("IDR 15.000", 15_000),
        ("Rp 1.250.000,00", 1_250_000),
        ("Rp185.500,50", 185_500.5),
        ("Rp\u00a015.000", 15_000),
        # Other spellings seen in spreadsheets.
        ("Rp\u202f15.000", 15_000),
        ("rp 15.000", 15_000),
        ("RP. 15.000,--", 15_000),
        ("Rp 15.000.-", 15_000),
        ("  Rp 15.000  ", 15_000),
        ("15.000", 15_000),
        ("15000", 15_000),
        ("15.000 IDR", 15_000),
        ("Rp 2,5", 2.5),
        ("Rp 0", 0),
        ("Rp 999", 999),
        ("Rp 1.000.000.000", 1_000_000_000),
        # Excel's accounting format writes zero as a dash.
        ("Rp -", 0),
        ("-", 0),
        # Negative amounts, minus before or after the currency.
        ("-Rp 15.000", -15_000),
        ("Rp -15.000", -15_000),
    ],
)
def test_written_forms(written, value):
    amount = parse_rupiah(written)

    assert amount == RupiahAmount(written, value)
    assert type(amount.value) is type(value)


@pytest.mark.parametrize(
    ("written", "candidates", "problem"),
    [
        # The programme's own typos: a two-digit group lost a zero
        # (100.00 -> 100.000), or the dot moved (100.00 -> 10.000).
        ("Rp 100.00,-", (100_000, 10_000), "group_digits"),
        ("Rp. 380.00,-", (380_000, 38_000), "group_digits"),
        # A four-digit group ending in 0 has one zero too many
        # (15.0000 -> 15.000), or the dot moved (150.000).
        ("Rp 15.0000", (15_000, 150_000), "group_digits"),
        # A one-digit group: only moving the dot makes sense (1.0 -> 10).
        ("Rp 1.0", (10,), "group_digits"),
        # Sen are kept with both candidates: 1.50,5 -> 1.500,5 or 150,5.
        ("Rp 1.50,5", (1_500.5, 150.5), "group_digits"),
        # Two malformed groups: 1.00.00 -> 1.000.000 or 10.000.
        ("Rp 1.00.00", (1_000_000, 10_000), "group_digits"),
        # A first group longer than three digits: only regrouping.
        ("Rp 1000.000", (1_000_000,), "group_digits"),
        # The English convention: commas group thousands.
        ("IDR 15,000.00", (15_000,), "english"),
        ("Rp 2,400,000", (2_400_000,), "english"),
        ("Rp 1,500", (1_500,), "english"),
        # Four digits after a comma: 15,0000 read as one number, 150.000.
        ("Rp 15,0000", (150_000,), "decimals"),
        # No sensible reading.
        ("Rp 1..000", (), "layout"),
        ("Rp 1,5.000", (), "layout"),
    ],
)
def test_malformed_amounts_come_back_with_candidates(
    written, candidates, problem
):
    amount = parse_rupiah(written)

    assert amount.malformed
    assert amount.value is None
    assert amount.candidates == candidates
    assert amount.problem == problem


def test_minus_carries_to_the_candidates():
    # -Rp 100.00 -> -100.000 or -10.000.
    assert parse_rupiah("-Rp 100.00").candidates == (-100_000, -10_000)


def test_candidates_are_written_in_words():
    amount = parse_rupiah("Rp 100.00,-")

    assert format_candidates(amount) == "Rp 100.000 atau Rp 10.000"
    assert amount.explain() == "setelah titik harus ada tepat tiga angka"
    set_language("en")
    assert format_candidates(amount) == "Rp 100.000 or Rp 10.000"
    assert amount.explain() == "a dot must be followed by exactly three digits"


def test_a_well_formed_amount_explains_nothing():
    assert parse_rupiah("Rp 15.000").explain() == ""


@pytest.mark.parametrize(
    "written",
    [
        "",
        "   ",
        "Rp",
        "IDR",
        "gratis",
        "lima ribu",
        "USD 15",
        "$15",
        "Rp 15.000 per orang",
        "15%",
        "Rp ١٥",
        "--5",
        "Rp abc",
    ],
)
def test_text_that_is_no_amount_raises_value_error(written):
    with pytest.raises(ValueError, match="bukan jumlah uang"):
        parse_rupiah(written)


def test_the_error_speaks_english_when_chosen():
    set_language("en")
    with pytest.raises(ValueError, match="is not an amount of money"):
        parse_rupiah("gratis")


def test_only_text_is_read():
    with pytest.raises(TypeError):
        parse_rupiah(15000)


@pytest.mark.parametrize(
    ("value", "decimals", "written"),
    [
        (3_730_000, 0, "Rp 3.730.000"),
        (15_000, 0, "Rp 15.000"),
        (0, 0, "Rp 0"),
        (999, 0, "Rp 999"),
        (1_000, 0, "Rp 1.000"),
        (185_500.5, 2, "Rp 185.500,50"),
        (1_250_000, 2, "Rp 1.250.000,00"),
        (-15_000, 0, "-Rp 15.000"),
        # Rounded half to even without sen: 0,5 -> 0 and 1,5 -> 2.
        (0.5, 0, "Rp 0"),
        (1.5, 0, "Rp 2"),
    ],
)
def test_format_rupiah(value, decimals, written):
    assert format_rupiah(value, decimals) == written


@pytest.mark.parametrize(
    ("value", "written"),
    [
        # Whole amounts, int or float: no sen written.
        (3_730_000, "Rp 3.730.000"),
        (3_730_000.0, "Rp 3.730.000"),
        (0, "Rp 0"),
        (-150_000, "-Rp 150.000"),
        # Sen when there are any: 185.500,5 -> two digits.
        (185_500.5, "Rp 185.500,50"),
        (37_501.25, "Rp 37.501,25"),
        # 12,004 is 12 once rounded to the sen: no ",00".
        (12.004, "Rp 12"),
    ],
)
def test_format_rupiah_writes_sen_only_when_there_are_any(value, written):
    assert format_rupiah(value, decimals=None) == written


def test_candidates_with_sen_keep_them():
    # "Rp 100.00,50": the two-digit group padded (100.000) or kept
    # (10.000), each with its 50 sen.
    amount = parse_rupiah("Rp 100.00,50")

    assert amount.candidates == (100_000.5, 10_000.5)
    assert format_candidates(amount) == "Rp 100.000,50 atau Rp 10.000,50"


def test_format_is_the_same_in_english():
    set_language("en")
    assert format_rupiah(3_730_000) == "Rp 3.730.000"


@settings(max_examples=200)
@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_whole_amounts_round_trip(value):
    assert parse_rupiah(format_rupiah(value)).value == value


@settings(max_examples=200)
@given(st.integers(min_value=0, max_value=10**13))
def test_amounts_with_sen_round_trip(cents):
    # 12345 sen -> Rp 123,45: two decimals written, read back to the sen.
    written = format_rupiah(cents / 100, decimals=2)

    assert round(parse_rupiah(written).value * 100) == cents


@settings(max_examples=200)
@given(
    value=st.integers(min_value=0, max_value=10**12),
    prefix=st.sampled_from(["Rp", "Rp.", "Rp ", "Rp. ", "IDR ", "Rp\u00a0"]),
    suffix=st.sampled_from(["", ",-", ",00", ",--"]),
)
def test_every_prefix_and_suffix_reads_the_same(value, prefix, suffix):
    # format_rupiah groups with dots; swap its "Rp " for another prefix.
    number = format_rupiah(value).removeprefix("Rp ")

    assert parse_rupiah(prefix + number + suffix).value == value


@settings(max_examples=200)
@given(st.integers(min_value=100, max_value=10**12))
def test_a_lost_last_zero_is_the_first_candidate(tens):
    # A round amount (a multiple of 10, at least 1.000) written with its
    # last zero lost: "Rp 100.000" -> "Rp 100.00". The first candidate
    # gives it back; the second is the same digits regrouped, a tenth.
    value = tens * 10
    written = format_rupiah(value)[:-1]

    amount = parse_rupiah(written)

    assert amount.malformed
    assert amount.candidates == (value, value // 10)


@settings(max_examples=200)
@given(st.text(max_size=30))
def test_any_text_gives_an_amount_or_value_error(written):
    try:
        amount = parse_rupiah(written)
    except ValueError:
        return
    assert amount.malformed == (amount.value is None)
    assert amount.written == written


@settings(max_examples=200)
@given(st.text(alphabet="Rp. ,-0123456789IDR\u00a0x", max_size=20))
def test_money_like_text_gives_an_amount_or_value_error(written):
    try:
        amount = parse_rupiah(written)
    except ValueError:
        return
    if amount.malformed:
        assert all(isinstance(c, int | float) for c in amount.candidates)
    else:
        assert isinstance(amount.value, int | float)
