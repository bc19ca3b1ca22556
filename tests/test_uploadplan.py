"""Upload calendar: plans worked out by hand, the files, and the checks."""

import datetime as dt
from itertools import pairwise
from zoneinfo import ZoneInfo

import icalendar
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tokolab import InputError, set_language
from tokolab.products import read_products
from tokolab.uploadplan import (
    PLAN_COLUMNS,
    SUMMARY_COLUMNS,
    check_overlaps,
    check_plan,
    check_products_placed,
    check_weekly_growth,
    parse_days,
    parse_growth,
    parse_start,
    parse_times,
    plan_to_csv,
    plan_to_ics,
    plan_uploads,
    upload_uid,
    weekly_summary,
    weekly_targets,
    write_ics,
    write_plan_csv,
)

WIB = ZoneInfo("Asia/Jakarta")
UTC = dt.UTC


def wib(month, day, hour, minute=0):
    """A moment of 2024 in WIB, as the plan holds it."""
    return pd.Timestamp(dt.datetime(2024, month, day, hour, minute, tzinfo=WIB))


def codes(count):
    """A product list P01, P02 ... named Produk 1, Produk 2 ..."""
    return pd.DataFrame(
        {
            "code": [f"P{number:02d}" for number in range(1, count + 1)],
            "name": [f"Produk {number}" for number in range(1, count + 1)],
        }
    )


@pytest.fixture
def products(fixtures):
    """Seven products of a souvenir shop, SR-01 ... SR-07."""
    return read_products(fixtures / "uploadplan" / "produk.csv")


@pytest.fixture
def monday_thursday(products):
    """The worked example: 1 upload in week 1, +1, Monday and Thursday."""
    return plan_uploads(
        products,
        "2024-01-01",
        first_week=1,
        growth="+1",
        days="Senin, Kamis",
        times="09:00",
    )


# Worked example 1. Start Monday 1 January 2024; days Senin and Kamis at
# 09:00: 2 slots a week. Weeks are 1-7, 8-14, 15-21, 22-28 January.
# Targets 1, 2, 3, 4 (+1 a week); uploads min(target, 2 slots, products
# left): 1, 2, 2 (3 capped at 2), 2 (7 - 5 = 2 left) = 7 products.
# Week 1: one upload takes the first slot, Monday 1 January.
# Weeks 2-4: two uploads in two slots take slots 0 and 1*2//2 = 1.
MONDAY_THURSDAY = [
    (1, "Senin", wib(1, 1, 9), wib(1, 1, 9, 30), "SR-01", "Keripik Tempe"),
    (
        2,
        "Senin",
        wib(1, 8, 9),
        wib(1, 8, 9, 30),
        "SR-02",
        "Bakpia Kacang Hijau",
    ),
    (2, "Kamis", wib(1, 11, 9), wib(1, 11, 9, 30), "SR-03", "Dodol Garut"),
    (3, "Senin", wib(1, 15, 9), wib(1, 15, 9, 30), "SR-04", "Kopi Gayo 200 g"),
    (
        3,
        "Kamis",
        wib(1, 18, 9),
        wib(1, 18, 9, 30),
        "SR-05",
        "Saputangan Batik Tulis",
    ),
    (4, "Senin", wib(1, 22, 9), wib(1, 22, 9, 30), "SR-06", "Rengginang Udang"),
    (
        4,
        "Kamis",
        wib(1, 25, 9),
        wib(1, 25, 9, 30),
        "SR-07",
        "Gantungan Kunci Wayang",
    ),
]


def test_worked_example_monday_and_thursday(monday_thursday):
    plan = monday_thursday

    assert list(plan.columns) == list(PLAN_COLUMNS)
    assert list(plan.itertuples(index=False, name=None)) == MONDAY_THURSDAY
    assert str(plan["start"].dtype.tz) == "Asia/Jakarta"
    assert plan.attrs["slots_per_week"] == 2
    assert plan.attrs["targets"] == [1, 2, 3, 4]
    assert plan.attrs["growth"] == "+1"
    assert plan.attrs["days"] == [0, 3]
    assert plan.attrs["times"] == ["09:00"]


def test_summary_shows_the_cap_by_the_week_s_slots(monday_thursday):
    summary = weekly_summary(monday_thursday)

    assert list(summary.columns) == list(SUMMARY_COLUMNS)
    # Uploads 1, 2, 2, 2; change from the week before -, +1, 0, 0;
    # targets 1, 2, 3, 4: weeks 3 and 4 are capped at 2 slots.
    assert summary["week"].tolist() == [1, 2, 3, 4]
    assert summary["uploads"].tolist() == [1, 2, 2, 2]
    assert summary["change"].tolist() == [pd.NA, 1, 0, 0]
    assert summary["target"].tolist() == [1, 2, 3, 4]
    assert summary["first_upload"].tolist() == [
        wib(1, 1, 9),
        wib(1, 8, 9),
        wib(1, 15, 9),
        wib(1, 22, 9),
    ]
    assert summary["last_upload"].tolist() == [
        wib(1, 1, 9),
        wib(1, 11, 9),
        wib(1, 18, 9),
        wib(1, 25, 9),
    ]


# Worked example 2. Start Wednesday 3 January 2024, so weeks run from
# Wednesday to Tuesday: 3-9, 10-16, 17-23, 24-30 January. Days Senin,
# Rabu, Jumat at 09:00 and 19:00: 6 slots a week, in time order
# Wed 09, Wed 19, Fri 09, Fri 19, Mon 09, Mon 19.
# Targets x1.5: 2; 3; 4.5 -> 5 (half up); 6.75 -> 7.
# Week 1: 2 uploads take slots 0 and 1*6//2 = 3: Wed 3 09:00, Fri 5 19:00.
# Week 2: 3 uploads take 0, 2, 4: Wed 10 09:00, Fri 12 09:00, Mon 15 09:00.
# Week 3: 5 uploads take 0, 6//5 = 1, 12//5 = 2, 18//5 = 3, 24//5 = 4:
# Wed 17 09:00 and 19:00, Fri 19 09:00 and 19:00, Mon 22 09:00.
# 2 + 3 + 5 = 10; an 11th product is all week 4 holds: Wed 24 09:00.
GROWING = [
    (1, "Rabu", wib(1, 3, 9), "P01"),
    (1, "Jumat", wib(1, 5, 19), "P02"),
    (2, "Rabu", wib(1, 10, 9), "P03"),
    (2, "Jumat", wib(1, 12, 9), "P04"),
    (2, "Senin", wib(1, 15, 9), "P05"),
    (3, "Rabu", wib(1, 17, 9), "P06"),
    (3, "Rabu", wib(1, 17, 19), "P07"),
    (3, "Jumat", wib(1, 19, 9), "P08"),
    (3, "Jumat", wib(1, 19, 19), "P09"),
    (3, "Senin", wib(1, 22, 9), "P10"),
    (4, "Rabu", wib(1, 24, 9), "P11"),
]


def test_worked_example_multiplying_and_a_short_last_week():
    plan = plan_uploads(
        codes(11),
        "Rabu, 3 Januari 2024",
        first_week=2,
        growth="x1,5",
        days=["Sen", "rabu", "Friday"],
        times="19.00 dan 09:00",
        duration=45,
    )

    rows = plan[["week", "day", "start", "product_code"]]
    assert list(rows.itertuples(index=False, name=None)) == GROWING
    # 45 minutes after each start.
    assert (plan["end"] - plan["start"]).unique().tolist() == [
        pd.Timedelta(minutes=45)
    ]

    summary = weekly_summary(plan)
    assert summary["uploads"].tolist() == [2, 3, 5, 1]
    assert summary["target"].tolist() == [2, 3, 5, 7]
    # The last week holds the one product left: allowed, unless asked.
    assert check_weekly_growth(plan) == []
    [finding] = check_weekly_growth(plan, allow_short_last_week=False)
    assert finding.fields == {
        "week": 4,
        "uploads": 1,
        "previous_week": 3,
        "previous_uploads": 5,
    }


def test_ten_products_end_with_a_full_third_week():
    plan = plan_uploads(
        codes(10),
        dt.date(2024, 1, 3),
        first_week=2,
        growth="x1.5",
        days="Senin Rabu Jumat",
        times=["09:00", "19:00"],
    )

    # The first ten rows of worked example 2, nothing after them.
    rows = plan[["week", "day", "start", "product_code"]]
    assert list(rows.itertuples(index=False, name=None)) == GROWING[:10]
    assert plan.attrs["targets"] == [2, 3, 5]


@pytest.mark.parametrize(
    ("first", "growth", "weeks", "expected"),
    [
        # 3, 3 + 2 = 5, 7, 9.
        (3, "+2", 4, [3, 5, 7, 9]),
        # Flat: +0 and x1 keep the first number.
        (4, "+0", 3, [4, 4, 4]),
        (4, "x1", 3, [4, 4, 4]),
        # 2, 3, 4.5 -> 5, 6.75 -> 7.
        (2, "x1.5", 4, [2, 3, 5, 7]),
        # 1, 1.5 -> 2, 2.25 -> 2, 3.375 -> 3, 5.0625 -> 5: the exact
        # value grows, the rounded one never goes down.
        (1, "x1.5", 5, [1, 2, 2, 3, 5]),
        # 1, 1.2 -> 1, 1.44 -> 1, 1.728 -> 2, 2.0736 -> 2.
        (1, "x1,2", 5, [1, 1, 1, 2, 2]),
        # 1, 2.5 -> 3 (half up), 6.25 -> 6, 15.625 -> 16.
        (1, "× 2.5", 4, [1, 3, 6, 16]),
        # The whole number 1 adds one, as "+1" does.
        (1, 1, 3, [1, 2, 3]),
    ],
)
def test_weekly_targets(first, growth, weeks, expected):
    assert weekly_targets(first, growth, weeks) == expected


def test_growth_is_written_back_the_way_it_is_read():
    assert str(parse_growth("+ 2")) == "+2"
    assert str(parse_growth("X1,50")) == "x1.5"
    assert str(parse_growth("*2")) == "x2"
    assert str(parse_growth("x10")) == "x10"
    assert str(parse_growth("x1,0000001")) == "x1.0000001"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Senin, Rabu, Jumat", (0, 2, 4)),
        ("Senin dan Kamis", (0, 3)),
        ("mon/thu", (0, 3)),
        (["Jum'at", "Ahad", "SABTU"], (4, 5, 6)),
        # The same day twice, in two languages: once.
        (["Monday", "Senin", "Sen."], (0,)),
        ("Minggu", (6,)),
    ],
)
def test_days_in_indonesian_and_english(written, expected):
    assert parse_days(written) == expected


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ("Senin, 1 Januari 2024", dt.date(2024, 1, 1)),
        ("01/02/2024", dt.date(2024, 2, 1)),
        (np.datetime64("2024-03-04"), dt.date(2024, 3, 4)),
        (dt.datetime(2024, 1, 5, 23, 0), dt.date(2024, 1, 5)),
        # 20:00 UTC is 03:00 WIB on the next day.
        ("2024-01-01T20:00Z", dt.date(2024, 1, 2)),
        (pd.Timestamp("2024-01-01 20:00", tz="UTC"), dt.date(2024, 1, 2)),
    ],
)
def test_start_in_any_form(start, expected):
    assert parse_start(start) == expected


@pytest.mark.parametrize("start", [None, pd.NaT, np.datetime64("NaT"), ""])
def test_start_missing(start):
    with pytest.raises(InputError) as caught:
        parse_start(start)
    assert caught.value.key == "uploadplan.bad_start"


def test_times_with_colon_or_dot():
    # Sorted, each once; 9.00 and 09:00 are the same time.
    assert parse_times("19.30, 9.00; 09:00") == (
        dt.time(9, 0),
        dt.time(19, 30),
    )
    assert parse_times(dt.time(7, 15, 42)) == (dt.time(7, 15),)


def test_plan_in_wita(products):
    plan = plan_uploads(
        products.head(1),
        "2024-01-01",
        days="Senin",
        times="08:00",
        timezone="wita",
    )

    # 08:00 WITA is 00:00 UTC.
    assert str(plan["start"].dtype.tz) == "Asia/Makassar"
    assert plan["start"].iloc[0].tz_convert("UTC") == pd.Timestamp(
        "2024-01-01 00:00", tz="UTC"
    )
    assert "DTSTART;TZID=Asia/Makassar:20240101T080000" in plan_to_ics(
        plan, stamp="2024-01-01T00:00:00+00:00"
    ).decode("utf-8")


@pytest.mark.parametrize(
    ("choices", "key", "found"),
    [
        ({"days": "Senen"}, "uploadplan.bad_day", "Senen"),
        ({"days": ["Senin", 3]}, "uploadplan.bad_day", "3"),
        ({"days": ""}, "uploadplan.no_days", ""),
        ({"days": 5}, "uploadplan.bad_day", "5"),
        ({"times": "9:60"}, "uploadplan.bad_time", "9:60"),
        ({"times": "24:00"}, "uploadplan.bad_time", "24:00"),
        ({"times": "09:00 pagi"}, "uploadplan.bad_time", "pagi"),
        ({"times": []}, "uploadplan.no_times", ""),
        ({"growth": "-1"}, "uploadplan.bad_growth", "-1"),
        ({"growth": "x0.5"}, "uploadplan.bad_growth", "x0.5"),
        ({"growth": "+1.5"}, "uploadplan.bad_growth", "+1.5"),
        ({"growth": True}, "uploadplan.bad_growth", "True"),
        ({"first_week": 0}, "uploadplan.bad_first_week", "0"),
        ({"first_week": "dua"}, "uploadplan.bad_first_week", "dua"),
        ({"first_week": 1.5}, "uploadplan.bad_first_week", "1.5"),
        # A digit to Python's str.isdigit, not to int(): found by hypothesis.
        ({"first_week": "²"}, "uploadplan.bad_first_week", "²"),
        (
            {"start": "31 Februari 2024"},
            "uploadplan.bad_start",
            "31 Februari 2024",
        ),
        ({"start": 20240101}, "uploadplan.bad_start", "20240101"),
        ({"duration": 0}, "uploadplan.bad_duration", "0"),
        ({"duration": 1441}, "uploadplan.bad_duration", "1441"),
        ({"timezone": "GMT+7"}, "uploadplan.bad_timezone", "GMT+7"),
    ],
)
def test_bad_choices_name_the_field_expected_and_found(
    products, choices, key, found
):
    arguments = {"start": "2024-01-01", "days": "Senin", "times": "09:00"}
    arguments.update(choices)

    with pytest.raises(InputError) as caught:
        plan_uploads(products, **arguments)

    error = caught.value
    assert error.key == key
    assert error.found == found
    assert error.column == next(iter(choices))
    assert error.expected
    # The sentence quotes what was written and what is expected.
    assert str(error.expected) in str(error)
    assert found in str(error)


def test_bad_day_sentence_in_both_languages(products):
    with pytest.raises(InputError) as caught:
        plan_uploads(products, "2024-01-01", days="Senin, Senen")

    # "senen" is one letter from "senin": it is suggested.
    assert caught.value.suggestion.fields == {"day": "Senin"}
    assert str(caught.value) == (
        "Hari unggah: 'Senen' bukan nama hari. Mungkin maksudnya Senin? "
        "Tulis nama hari seperti Senin, Selasa, Rabu, Kamis, Jumat, Sabtu, "
        "Minggu."
    )
    set_language("en")
    assert str(caught.value) == (
        "Upload days: 'Senen' is not the name of a day. Did you mean Senin? "
        "Write day names such as Monday, Tuesday, Wednesday, Thursday, "
        "Friday, Saturday, Sunday."
    )


def test_a_day_name_close_to_none_gets_no_suggestion(products):
    with pytest.raises(InputError) as caught:
        plan_uploads(products, "2024-01-01", days="Kamis, Libur")

    assert caught.value.suggestion == ""
    assert str(caught.value) == (
        "Hari unggah: 'Libur' bukan nama hari. Tulis nama hari seperti "
        "Senin, Selasa, Rabu, Kamis, Jumat, Sabtu, Minggu."
    )


def test_an_english_day_name_close_to_one_is_suggested(products):
    # "wensday" is closest to "wednesday".
    with pytest.raises(InputError) as caught:
        plan_uploads(products, "2024-01-01", days="Wensday")
    assert "Mungkin maksudnya Wednesday?" in str(caught.value)


def test_times_closer_than_one_upload_are_refused(products):
    # 09:15 - 09:00 = 15 minutes, but an upload takes 30.
    with pytest.raises(InputError) as caught:
        plan_uploads(products, "2024-01-01", times="09:15, 09:00", duration=30)

    error = caught.value
    assert error.key == "uploadplan.times_too_close"
    assert (error.found, error.other, error.gap, error.expected) == (
        "09:00",
        "09:15",
        15,
        30,
    )
    assert "09:00 dan 09:15 hanya berjarak 15 menit" in str(error)

    # 30 minutes apart is enough.
    plan = plan_uploads(
        products, "2024-01-01", times="09:30, 09:00", duration=30
    )
    assert check_overlaps(plan) == []


def test_an_upload_must_end_by_midnight(products):
    # 23:45 + 30 minutes is 00:15 the next day; the latest start is
    # 24:00 - 0:30 = 23:30.
    with pytest.raises(InputError) as caught:
        plan_uploads(products, "2024-01-01", times="23:45", duration=30)

    assert caught.value.key == "uploadplan.ends_after_midnight"
    assert caught.value.expected == "23:30"
    assert "23:30" in str(caught.value)

    plan = plan_uploads(products, "2024-01-01", times="23:30", duration=30)
    assert plan["end"].iloc[0] == pd.Timestamp("2024-01-02 00:00", tz=WIB)


def test_bad_product_lists(products):
    with pytest.raises(InputError) as caught:
        plan_uploads(["Keripik Tempe"], "2024-01-01")
    assert caught.value.key == "uploadplan.products_not_a_table"
    # No code names in the sentence: plain words for what was given.
    assert str(caught.value) == (
        "Daftar produk: diharapkan sebuah tabel dengan kolom kode dan nama, "
        "tetapi yang diberikan daftar biasa, bukan tabel. Baca dulu berkas "
        "daftar produk (CSV) menjadi tabel, seperti di contoh notebook, lalu "
        "coba lagi."
    )
    with pytest.raises(InputError) as caught:
        plan_uploads("produk.csv", "2024-01-01")
    assert 'yang diberikan tulisan "produk.csv".' in str(caught.value)

    with pytest.raises(InputError) as caught:
        plan_uploads(products[["code", "price"]], "2024-01-01")
    assert caught.value.key == "uploadplan.products_missing_columns"
    assert caught.value.column == "name"
    assert str(caught.value) == (
        "Daftar produk tidak punya kolom nama produk. Judul kolom yang bisa "
        "dibaca: name, nama, nama produk, nama barang, judul, judul produk, "
        "produk, title. Kolom yang ada: code, price."
    )
    set_language("en")
    assert str(caught.value).startswith(
        "The product list has no column for the product name."
    )
    set_language("id")

    with pytest.raises(InputError) as caught:
        plan_uploads(products.head(0), "2024-01-01")
    assert caught.value.key == "uploadplan.no_products"

    # Read from a file: the spreadsheet's rows, SR-01 in row 2, SR-02 in 3.
    path = products.attrs["path"]
    twice = products.head(2).assign(code=["SR-01", "sr-01"])
    with pytest.raises(InputError) as caught:
        plan_uploads(twice, "2024-01-01")
    assert caught.value.key == "uploadplan.product_code_twice"
    assert (caught.value.row, caught.value.other_row) == (2, 3)
    assert str(caught.value) == (
        "Daftar produk: kode sr-01 dipakai dua kali, di baris 2 dan baris 3 "
        f"berkas {path}. Beri setiap produk kode sendiri."
    )

    # Made in a notebook: counted from 1, " " is the 2nd row.
    empty = pd.DataFrame({"kode": ["A", " "], "nama": ["Satu", "Dua"]})
    with pytest.raises(InputError) as caught:
        plan_uploads(empty, "2024-01-01")
    assert caught.value.key == "uploadplan.product_code_empty"
    assert caught.value.row == 2
    assert str(caught.value) == (
        "Daftar produk, baris ke-2 tabel: kode produk kosong. Setiap produk "
        "butuh kode, misalnya SR-01."
    )


def test_indonesian_column_names_are_read():
    products = pd.DataFrame({"Kode": ["A-1"], "Nama": ["Dodol"]})

    plan = plan_uploads(products, "2024-01-01", days="Senin")

    assert plan[["product_code", "product_name"]].values.tolist() == [
        ["A-1", "Dodol"]
    ]


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("Kode Produk", "Nama Produk"),
        ("SKU", "Judul"),
        ("kode_barang", "produk"),
    ],
)
def test_the_product_list_s_headers_are_read(code, name):
    # The headers tokolab.products reads, in any letter case.
    products = pd.DataFrame({code: ["A-1", "A-2"], name: ["Dodol", "Kopi"]})

    plan = plan_uploads(products, "2024-01-01", days="Senin")

    assert list(plan["product_code"]) == ["A-1", "A-2"]
    assert list(plan["product_name"]) == ["Dodol", "Kopi"]


# --- Notes on a plan.


def test_weeks_capped_by_their_slots_are_said(monday_thursday):
    # Targets 1, 2, 3, 4 but 2 slots a week (2 days x 1 time): weeks 3
    # and 4 are full with 2 uploads; week 4 holds the last 2 products,
    # which is also its capacity.
    assert monday_thursday.attrs["capped_weeks"] == [3, 4]
    note = (
        "Mulai minggu ke-3, kenaikan meminta 3 unggahan, padahal seminggu "
        "hanya punya 2 waktu unggah (2 hari x 1 jam). Jadi 2 minggu diisi "
        "penuh dengan 2 unggahan saja. Tambah hari atau jam unggah kalau "
        "jumlahnya ingin terus naik."
    )
    assert monday_thursday.attrs["notes"] == [note]
    assert weekly_summary(monday_thursday).attrs["notes"] == [note]


def test_a_plan_within_its_slots_has_no_note(products):
    # 1, 2, 3, then 1 left: 6 slots a week (3 days x 2 times) are enough.
    plan = plan_uploads(
        products, "2024-01-01", days="Senin, Rabu, Jumat", times="9.00, 19.00"
    )
    assert plan.attrs["capped_weeks"] == []
    assert plan.attrs["notes"] == []


@pytest.mark.parametrize(("growth", "written"), [("+0", "+0"), ("x1", "x1")])
def test_a_growth_that_never_rises_is_planned_with_a_note(
    products, growth, written
):
    # 2 a week, flat: 2, 2, 2, then the last 1 of 7.
    plan = plan_uploads(
        products, "2024-01-01", first_week=2, growth=growth, days="Senin, Kamis"
    )

    assert list(weekly_summary(plan)["uploads"]) == [2, 2, 2, 1]
    note = (
        f"Kenaikan {written} membuat jumlah unggahan sama saja setiap "
        "minggu. Latihan ini tentang jumlah unggahan yang naik dari minggu "
        "ke minggu: coba misalnya +1 atau x1,5."
    )
    assert plan.attrs["notes"] == [note]
    assert weekly_summary(plan).attrs["notes"] == [note]


def test_notes_are_written_in_the_language_in_use(products):
    set_language("en")
    plan = plan_uploads(products, "2024-01-01", growth="+0", days="Senin")

    assert plan.attrs["notes"] == [
        "A growth of +0 keeps the number of uploads the same every week. "
        "This activity is about a number of uploads that rises week by "
        "week: try +1 or x1.5, for example."
    ]


# --- The calendar file.

STAMP = dt.datetime(2023, 12, 30, 7, 0, tzinfo=WIB)
# 07:00 WIB is 00:00 UTC.
DTSTAMP = dt.datetime(2023, 12, 30, 0, 0, tzinfo=UTC)
# 09:00 WIB is 02:00 UTC, the time in every UID.
UIDS = [
    "20240101T020000Z-SR-01@tokolab.invalid",
    "20240108T020000Z-SR-02@tokolab.invalid",
    "20240111T020000Z-SR-03@tokolab.invalid",
    "20240115T020000Z-SR-04@tokolab.invalid",
    "20240118T020000Z-SR-05@tokolab.invalid",
    "20240122T020000Z-SR-06@tokolab.invalid",
    "20240125T020000Z-SR-07@tokolab.invalid",
]


def test_calendar_parses_back_with_the_planned_events(monday_thursday):
    content = plan_to_ics(monday_thursday, stamp=STAMP)
    calendar = icalendar.Calendar.from_ical(content)

    # icalendar's own check of the required properties raises if one lacks.
    calendar.validate()
    assert calendar.errors == []
    assert str(calendar["PRODID"]) == "-//tokolab//Rencana Unggah Produk//ID"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["X-WR-CALNAME"]) == "Rencana Unggah Produk"

    # One VTIMEZONE, Asia/Jakarta, always 7 hours ahead of UTC.
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Asia/Jakarta"
    [standard] = zone.walk("STANDARD")
    assert standard["TZOFFSETTO"].td == dt.timedelta(hours=7)
    assert str(standard["TZNAME"]) == "WIB"

    events = calendar.walk("VEVENT")
    assert [str(event["UID"]) for event in events] == UIDS
    for event, row in zip(events, MONDAY_THURSDAY, strict=True):
        week, _, start, end, code, name = row
        assert event["DTSTAMP"].dt == DTSTAMP
        assert event["DTSTAMP"].dt.utcoffset() == dt.timedelta(0)
        assert event["DTSTART"].params["TZID"] == "Asia/Jakarta"
        assert event["DTEND"].params["TZID"] == "Asia/Jakarta"
        assert event["DTSTART"].dt == start
        assert event["DTEND"].dt == end
        assert str(event["SUMMARY"]) == f"Unggah produk: {name}"
        assert f"(kode {code})" in str(event["DESCRIPTION"])
        assert f"minggu ke-{week} " in str(event["DESCRIPTION"])


def test_calendar_text_follows_rfc_5545(monday_thursday):
    content = plan_to_ics(monday_thursday, stamp=STAMP)
    lines = content.split(b"\r\n")

    # Every line ends in CRLF (the last split piece is empty), no bare
    # LF, no line longer than 75 octets.
    assert lines[-1] == b""
    assert b"\n" not in b"".join(lines)
    assert max(len(line) for line in lines) <= 75
    assert lines[0] == b"BEGIN:VCALENDAR"
    assert lines[-2] == b"END:VCALENDAR"
    # The time zone is defined before the first event refers to it.
    assert lines.index(b"TZID:Asia/Jakarta") < lines.index(b"BEGIN:VEVENT")

    assert b"DTSTART;TZID=Asia/Jakarta:20240101T090000" in lines
    assert b"DTEND;TZID=Asia/Jakarta:20240125T093000" in lines
    assert lines.count(b"DTSTAMP:20231230T000000Z") == 7
    assert lines.count(b"BEGIN:VEVENT") == 7
    assert b"SUMMARY:Unggah produk: Keripik Tempe" in lines

    # The same plan and stamp give the same bytes.
    assert plan_to_ics(monday_thursday, stamp=STAMP) == content


def test_stamp_as_iso_text_and_without_zone(monday_thursday):
    content = plan_to_ics(monday_thursday, stamp="2023-12-30T07:00:00+07:00")
    assert b"DTSTAMP:20231230T000000Z" in content

    with pytest.raises(InputError) as caught:
        plan_to_ics(monday_thursday, stamp=dt.datetime(2023, 12, 30))
    assert caught.value.key == "uploadplan.bad_stamp"


def test_uid_keeps_odd_codes_apart():
    start = dt.datetime(2024, 1, 1, 9, tzinfo=WIB)

    plain = upload_uid("SR-01-A", start, domain="tokosaya.id")
    odd = upload_uid("SR 01/A", start, domain="tokosaya.id")

    assert plain == "20240101T020000Z-SR-01-A@tokosaya.id"
    # Space and slash become "-", then 8 hex digits of the code's SHA-1.
    assert odd.startswith("20240101T020000Z-SR-01-A-")
    assert odd.endswith("@tokosaya.id")
    assert len(odd) == len(plain) + 9
    assert odd != plain


def test_write_ics_whole(tmp_path, monday_thursday):
    path = write_ics(
        monday_thursday, tmp_path / "kalender" / "unggah.ics", STAMP
    )

    assert path.read_bytes() == plan_to_ics(monday_thursday, stamp=STAMP)
    # No temporary file is left beside it.
    assert [entry.name for entry in path.parent.iterdir()] == ["unggah.ics"]

    with pytest.raises(InputError) as caught:
        write_ics(monday_thursday, tmp_path, STAMP)
    assert caught.value.key == "common.cannot_write"
    assert str(caught.value).endswith(
        "nama itu sudah dipakai oleh sebuah folder. Pilih nama berkas yang "
        "lain."
    )


def test_export_refuses_a_broken_plan(monday_thursday):
    backwards = monday_thursday.copy()
    backwards.loc[2, "end"] = wib(1, 11, 8)
    with pytest.raises(InputError) as caught:
        plan_to_ics(backwards, stamp=STAMP)
    assert caught.value.key == "uploadplan.plan_end_not_after_start"
    # Index label 2 is the plan's 3rd row.
    assert caught.value.row == 3
    assert str(caught.value) == (
        "Rencana unggah, baris ke-3: jam selesai (2024-01-11 08:00) harus "
        "sesudah jam mulai (2024-01-11 09:00). Perbaiki jam selesai di kolom "
        "end."
    )

    doubled = pd.concat([monday_thursday, monday_thursday.iloc[[0]]])
    doubled.index = range(8)
    with pytest.raises(InputError) as caught:
        plan_to_ics(doubled, stamp=STAMP)
    assert caught.value.key == "uploadplan.plan_same_upload_twice"
    # The 1st and the 8th row.
    assert (caught.value.row, caught.value.other_row) == (1, 8)
    assert str(caught.value).startswith(
        "Rencana unggah, baris ke-1 dan ke-8: produk SR-01 dijadwalkan dua kali"
    )

    with pytest.raises(InputError) as caught:
        plan_to_csv(monday_thursday.head(0))
    assert caught.value.key == "uploadplan.plan_empty"

    with pytest.raises(InputError) as caught:
        plan_to_ics(monday_thursday.drop(columns="end"), stamp=STAMP)
    assert caught.value.key == "uploadplan.plan_missing_columns"
    assert caught.value.expected == "end"


# --- The spreadsheet file.

MONDAY_THURSDAY_CSV = """\
Minggu ke,Hari,Tanggal,Jam mulai,Jam selesai,Zona waktu,Kode produk,Nama produk
1,Senin,2024-01-01,09:00,09:30,WIB,SR-01,Keripik Tempe
2,Senin,2024-01-08,09:00,09:30,WIB,SR-02,Bakpia Kacang Hijau
2,Kamis,2024-01-11,09:00,09:30,WIB,SR-03,Dodol Garut
3,Senin,2024-01-15,09:00,09:30,WIB,SR-04,Kopi Gayo 200 g
3,Kamis,2024-01-18,09:00,09:30,WIB,SR-05,Saputangan Batik Tulis
4,Senin,2024-01-22,09:00,09:30,WIB,SR-06,Rengginang Udang
4,Kamis,2024-01-25,09:00,09:30,WIB,SR-07,Gantungan Kunci Wayang
"""


def test_csv_with_indonesian_headers(tmp_path, monday_thursday):
    assert plan_to_csv(monday_thursday) == MONDAY_THURSDAY_CSV

    path = write_plan_csv(monday_thursday, tmp_path / "rencana.csv")
    # A byte-order mark first, so Excel reads the text as UTF-8.
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert path.read_text("utf-8-sig") == MONDAY_THURSDAY_CSV
    assert [entry.name for entry in tmp_path.iterdir()] == ["rencana.csv"]


def test_csv_with_semicolons_quotes_what_needs_it():
    products = pd.DataFrame(
        {"code": ["B-1"], "name": ['Bakpia "Pathok"; isi 20']}
    )
    plan = plan_uploads(products, "2024-01-02", days="Selasa", times="19.00")

    assert plan_to_csv(plan, separator=";").splitlines() == [
        "Minggu ke;Hari;Tanggal;Jam mulai;Jam selesai;Zona waktu;"
        "Kode produk;Nama produk",
        '1;Selasa;2024-01-02;19:00;19:30;WIB;B-1;"Bakpia ""Pathok""; isi 20"',
    ]


# --- The checks, on a right plan and on a plan broken on purpose.


@pytest.fixture
def broken(monday_thursday):
    """The worked example with four mistakes.

    SR-04 is gone, so week 3 has 1 upload after week 2's 2; SR-07 moves to
    SR-06's time (Monday 22 January 09:00); SR-02 is planned a second
    time, on Thursday 25 January 09:00 (week 4).
    """
    plan = monday_thursday.drop(index=3)
    plan.loc[6, ["start", "end"]] = [wib(1, 22, 9), wib(1, 22, 9, 30)]
    again = monday_thursday.loc[[1]].assign(
        week=4, day="Kamis", start=wib(1, 25, 9), end=wib(1, 25, 9, 30)
    )
    again.index = [7]
    return pd.concat([plan, again])


def test_a_right_plan_has_no_findings(monday_thursday, products):
    assert check_weekly_growth(monday_thursday) == []
    assert check_overlaps(monday_thursday) == []
    assert check_products_placed(monday_thursday, products) == []
    assert check_plan(monday_thursday, products) == []


def test_decreasing_week_is_found(broken):
    # Weeks 1, 2, 3, 4 hold 1, 2, 1, 3 uploads: week 3 goes down.
    [finding] = check_weekly_growth(broken)

    assert finding.key == "uploadplan.growth_decreases"
    assert finding.kind == "growth_decreases"
    assert finding.fields == {
        "week": 3,
        "uploads": 1,
        "previous_week": 2,
        "previous_uploads": 2,
    }
    assert str(finding).startswith(
        "Minggu ke-3 punya 1 unggahan, lebih sedikit dari minggu ke-2 "
        "(2 unggahan)."
    )


def test_two_uploads_at_once_are_found(broken):
    [finding] = check_overlaps(broken)

    assert finding.key == "uploadplan.overlap"
    assert finding.fields == {
        "first_code": "SR-06",
        "first_name": "Rengginang Udang",
        "second_code": "SR-07",
        "second_name": "Gantungan Kunci Wayang",
        "time": wib(1, 22, 9),
    }
    # 22 January 2024 was a Monday.
    assert str(finding) == (
        "Rengginang Udang (SR-06) dan Gantungan Kunci Wayang (SR-07) "
        "dijadwalkan pada waktu yang bersamaan, Senin, 22 Januari 2024 "
        "pukul 09.00 WIB. Pindahkan salah satunya ke jam lain."
    )


def test_missing_and_doubled_products_are_found(broken, products):
    missing, twice = check_products_placed(broken, products)

    assert missing.key == "uploadplan.product_missing"
    assert missing.fields == {"code": "SR-04", "name": "Kopi Gayo 200 g"}
    assert str(missing) == (
        "Produk Kopi Gayo 200 g (kode SR-04) belum ada di rencana. "
        "Tambahkan satu jadwal unggah untuknya."
    )

    assert twice.key == "uploadplan.product_twice"
    assert twice.fields == {
        "code": "SR-02",
        "name": "Bakpia Kacang Hijau",
        "count": 2,
        "extra": 1,
        "times": [wib(1, 8, 9), wib(1, 25, 9)],
    }
    # 8 January 2024 was a Monday, 25 January a Thursday.
    assert str(twice) == (
        "Produk Bakpia Kacang Hijau (kode SR-02) dijadwalkan 2 kali: "
        "Senin, 8 Januari 2024 pukul 09.00 WIB; Kamis, 25 Januari 2024 "
        "pukul 09.00 WIB. Setiap produk cukup diunggah sekali, jadi hapus "
        "1 jadwal yang lain."
    )


def test_every_check_together(broken, products):
    kinds = [finding.kind for finding in check_plan(broken, products)]

    assert kinds == [
        "growth_decreases",
        "overlap",
        "product_missing",
        "product_twice",
    ]


def test_plan_checked_against_a_changed_product_list(fixtures, monday_thursday):
    # The list lost SR-07 and gained SR-08; "sr-03" is SR-03 in lower case.
    changed = read_products(
        fixtures / "uploadplan" / "produk_with_problems.csv"
    )

    findings = check_products_placed(monday_thursday, changed)

    assert [(f.kind, f.fields["code"]) for f in findings] == [
        ("product_missing", "SR-08"),
        ("product_unknown", "SR-07"),
    ]
    assert str(findings[1]) == (
        "Kode produk SR-07 (Gantungan Kunci Wayang) ada di rencana tetapi "
        "tidak ada di daftar produk. Periksa penulisan kodenya."
    )


def test_a_plan_typed_by_hand():
    # Times as text without a zone are WIB; "02:15Z" is 09:15 WIB.
    plan = pd.DataFrame(
        {
            "week": ["1", 1.0, 2],
            "start": [
                "2024-01-01 09:00",
                "2024-01-01T02:15Z",
                "2024-01-08 9:00",
            ],
            "end": ["2024-01-01 09:30", "2024-01-01 09:45", "2024-01-08 9:30"],
            "product_code": ["A", "b", "C"],
        }
    )
    products = pd.DataFrame({"code": ["A", "B", "C"], "name": ["X", "Y", "Z"]})

    # 09:15 begins before 09:30, when A's upload ends.
    [overlap] = check_overlaps(plan)
    assert overlap.fields["time"] == wib(1, 1, 9, 15)
    # No product_name column: the codes stand in for the names.
    assert overlap.fields["first_name"] == "A"
    # Weeks 1 and 2 hold 2 and 1; week 2 is the last, so it may be short.
    assert check_weekly_growth(plan) == []
    # "b" is B in lower case.
    assert check_products_placed(plan, products) == []

    # Without an end, only equal starts overlap.
    assert check_overlaps(plan.drop(columns="end")) == []


@pytest.mark.parametrize(
    ("column", "value", "key"),
    [
        ("week", "dua", "uploadplan.plan_bad_week"),
        ("week", 0, "uploadplan.plan_bad_week"),
        ("start", "besok pagi", "uploadplan.plan_bad_time"),
        ("start", None, "uploadplan.plan_bad_time"),
        ("start", 12, "uploadplan.plan_bad_time"),
        ("product_code", " ", "uploadplan.plan_bad_code"),
    ],
)
def test_bad_cells_in_an_edited_plan(
    monday_thursday, products, column, value, key
):
    plan = monday_thursday.astype({column: object})
    plan.loc[4, column] = value

    with pytest.raises(InputError) as caught:
        check_plan(plan, products)

    assert caught.value.key == key
    # Index label 4 is the plan's 5th row.
    assert caught.value.row == 5
    assert caught.value.column == column
    assert str(caught.value).startswith("Rencana unggah, baris ke-5: ")
    assert f"kolom {column}" in str(caught.value)
    set_language("en")
    assert str(caught.value).startswith(
        f"Upload plan, row 5, column {column}: "
    )


def test_checks_name_a_missing_column(monday_thursday, products):
    with pytest.raises(InputError) as caught:
        check_weekly_growth(monday_thursday.drop(columns="week"))
    assert caught.value.key == "uploadplan.plan_missing_columns"
    assert caught.value.expected == "week"

    with pytest.raises(InputError) as caught:
        check_products_placed("rencana", products)
    assert caught.value.key == "uploadplan.plan_not_a_table"


def test_english(products, broken):
    set_language("en")

    plan = plan_uploads(
        products.head(2), "2024-01-01", days="Mon", times="9.00"
    )
    assert plan["day"].tolist() == ["Monday", "Monday"]

    calendar = icalendar.Calendar.from_ical(plan_to_ics(plan, stamp=STAMP))
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == [
        "Upload product: Keripik Tempe",
        "Upload product: Bakpia Kacang Hijau",
    ]
    assert plan_to_csv(plan).splitlines()[0] == (
        "Week,Day,Date,Start time,End time,Time zone,Product code,Product name"
    )

    [overlap] = check_overlaps(broken)
    assert str(overlap) == (
        "Rengginang Udang (SR-06) and Gantungan Kunci Wayang (SR-07) are "
        "scheduled at the same time, Monday, 22 January 2024 at 09:00 WIB. "
        "Move one of them to another time."
    )
    # A finding made in one language can be written in the other.
    assert overlap.message("id").startswith("Rengginang Udang (SR-06) dan")
    assert overlap.written_fields("id")["time"] == (
        "Senin, 22 Januari 2024 pukul 09.00 WIB"
    )
    assert overlap.written_fields()["first_code"] == "SR-06"

    with pytest.raises(InputError) as caught:
        plan_uploads(products, "2024-01-01", growth="-1")
    assert str(caught.value).startswith("Growth per week: '-1' cannot be used.")


# --- Every plan, whatever the choices.

# Day words and the weekday each names (Monday = 0), written out here.
DAY_WORDS = {
    "Senin": 0,
    "mon": 0,
    "Selasa": 1,
    "Tuesday": 1,
    "rabu": 2,
    "Kamis": 3,
    "THU": 3,
    "Jumat": 4,
    "Jum'at": 4,
    "Sabtu": 5,
    "Minggu": 6,
    "Ahad": 6,
    "Sun": 6,
}

growths = st.one_of(
    st.integers(0, 3).map(lambda step: f"+{step}"),
    st.integers(0, 3),
    st.sampled_from(["x1", "x1.1", "x1,5", "x2", "×3.25"]),
)
clock = st.tuples(st.integers(0, 23), st.integers(0, 59), st.sampled_from(":."))


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    count=st.integers(1, 40),
    first=st.integers(1, 6),
    growth=growths,
    days=st.lists(st.sampled_from(sorted(DAY_WORDS)), min_size=1, max_size=5),
    times=st.lists(clock, min_size=1, max_size=4),
    # Mostly short uploads, so most choices can be planned.
    duration=st.one_of(st.integers(1, 30), st.integers(31, 600)),
    start=st.dates(dt.date(2023, 1, 1), dt.date(2030, 12, 31)),
    as_text=st.booleans(),
)
def test_every_plan_places_each_product_once_and_never_decreases(
    count, first, growth, days, times, duration, start, as_text
):
    products = codes(count)
    written_times = [
        f"{hour:02d}{mark}{minute:02d}" for hour, minute, mark in times
    ]
    chosen_days = " dan ".join(days) if as_text else days
    chosen_times = ", ".join(written_times) if as_text else written_times

    # What must be refused, worked out here from the choices.
    weekdays = {DAY_WORDS[day] for day in days}
    minutes = sorted({hour * 60 + minute for hour, minute, _ in times})
    refused = (
        not weekdays
        or not minutes
        or any(b - a < duration for a, b in pairwise(minutes))
        or minutes[-1] + duration > 24 * 60
    )

    try:
        plan = plan_uploads(
            products,
            start,
            first_week=first,
            growth=growth,
            days=chosen_days,
            times=chosen_times,
            duration=duration,
        )
    except InputError:
        assert refused
        return
    assert not refused

    # Every product once, in the list's order over time.
    assert plan["product_code"].tolist() == products["code"].tolist()
    assert plan["start"].is_monotonic_increasing

    # Each upload on a chosen day at a chosen time, in its own week.
    for row in plan.itertuples():
        assert row.start.weekday() in weekdays
        assert row.start.hour * 60 + row.start.minute in minutes
        assert row.end - row.start == pd.Timedelta(minutes=duration)
        days_in = (row.start.date() - start).days
        assert days_in // 7 + 1 == row.week

    # Never more than the slots, never fewer than the week before
    # (except the last week, which holds what is left), no gap weeks.
    per_week = plan.groupby("week").size()
    assert per_week.index.tolist() == list(range(1, len(per_week) + 1))
    assert per_week.max() <= len(weekdays) * len(minutes)
    counts = per_week.tolist()
    assert all(a <= b for a, b in pairwise(counts[:-1]))

    # No two uploads overlap: each starts at or after the one before ends.
    starts, ends = plan["start"].tolist(), plan["end"].tolist()
    assert all(s >= e for s, e in zip(starts[1:], ends[:-1], strict=True))

    # The checks agree with all of that.
    assert check_plan(plan, products) == []


@settings(max_examples=200, deadline=None)
@given(
    start=st.text(max_size=20),
    growth=st.one_of(st.text(max_size=8), st.integers(-3, 5), st.floats()),
    days=st.text(max_size=20),
    times=st.text(max_size=20),
    first=st.one_of(st.text(max_size=4), st.integers(-2, 5), st.none()),
)
def test_any_written_choice_gives_a_plan_or_an_input_error(
    start, growth, days, times, first
):
    try:
        plan = plan_uploads(
            codes(3),
            start,
            first_week=first,
            growth=growth,
            days=days,
            times=times,
        )
    except InputError as error:
        assert str(error)
        return
    assert plan["product_code"].tolist() == ["P01", "P02", "P03"]


cells = st.one_of(
    st.none(),
    st.integers(-2, 6),
    st.text(max_size=12),
    st.datetimes(dt.datetime(2023, 1, 1), dt.datetime(2025, 1, 1)),
)


@settings(max_examples=200, deadline=None)
@given(
    rows=st.lists(
        st.tuples(cells, cells, cells, st.sampled_from(["A", "B", "Z", ""])),
        max_size=6,
    )
)
def test_checks_on_any_edited_plan_give_findings_or_an_input_error(rows):
    plan = pd.DataFrame(rows, columns=["week", "start", "end", "product_code"])
    products = pd.DataFrame({"code": ["A", "B"], "name": ["Satu", "Dua"]})

    try:
        findings = check_plan(plan, products)
    except InputError as error:
        assert str(error)
        return
    for finding in findings:
        assert finding.message("id") and finding.message("en")


# --- Files are written whole, never over the product list.


@pytest.mark.parametrize("write", [write_ics, write_plan_csv])
def test_the_product_list_is_never_overwritten(tmp_path, fixtures, write):
    source = tmp_path / "produk.csv"
    source.write_bytes((fixtures / "uploadplan" / "produk.csv").read_bytes())
    before = source.read_bytes()
    plan = plan_uploads(read_products(source), "2024-01-01")
    assert plan.attrs["products_path"] == str(source)

    # The same file, also under another spelling.
    for target in (source, tmp_path / "." / "produk.csv"):
        with pytest.raises(InputError) as caught:
            write(plan, target)
        assert caught.value.key == "common.would_overwrite_input"
        assert source.read_bytes() == before
    assert sorted(entry.name for entry in tmp_path.iterdir()) == ["produk.csv"]


@pytest.mark.parametrize("write", [write_ics, write_plan_csv])
def test_a_file_in_the_way_of_the_folder_is_said_plainly(
    tmp_path, monday_thursday, write
):
    (tmp_path / "hasil").write_text("catatan")

    with pytest.raises(InputError) as caught:
        write(monday_thursday, tmp_path / "hasil" / "rencana.ics")

    assert caught.value.key == "common.cannot_write"
    assert str(caught.value) == (
        f"Berkas {tmp_path / 'hasil' / 'rencana.ics'} tidak bisa ditulis: "
        "salah satu nama folder di depannya ternyata sebuah berkas, bukan "
        "folder. Periksa nama foldernya."
    )
    assert (tmp_path / "hasil").read_text() == "catatan"


def test_a_bad_week_names_the_column_in_words(monday_thursday, products):
    plan = monday_thursday.astype({"week": object})
    plan.loc[0, "week"] = "dua"

    with pytest.raises(InputError) as caught:
        check_weekly_growth(plan)

    # The column keeps its name for code; the sentence says what it holds.
    assert (caught.value.row, caught.value.column) == (1, "week")
    assert str(caught.value) == (
        "Rencana unggah, baris ke-1: di kolom week (nomor minggu) tertulis "
        "'dua', padahal nomor minggu harus bilangan bulat 1 atau lebih, "
        "misalnya 1."
    )
