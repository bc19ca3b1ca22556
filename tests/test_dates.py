"""Indonesian dates: month names, weekdays, ranges, formatting back."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tokolab import set_language
from tokolab.dates import (
    DateFormatError,
    WrittenDate,
    format_date,
    format_date_range,
    parse_date,
    parse_date_range,
    parse_written_date,
    parse_written_range,
)

D = dt.date


@pytest.mark.parametrize(
    ("name", "month"),
    [
        # The spellings the issue lists, written out by hand.
        ("Januari", 1),
        ("Jan", 1),
        ("Februari", 2),
        ("Feb", 2),
        ("Peb", 2),
        ("Pebruari", 2),
        ("Maret", 3),
        ("Mar", 3),
        ("April", 4),
        ("Mei", 5),
        ("Juni", 6),
        ("Juli", 7),
        ("Agustus", 8),
        ("Agu", 8),
        ("Ags", 8),
        ("Agt", 8),
        ("September", 9),
        ("Sep", 9),
        ("Sept", 9),
        ("Oktober", 10),
        ("Okt", 10),
        ("November", 11),
        ("Nov", 11),
        ("Nop", 11),
        ("Nopember", 11),
        ("Desember", 12),
        ("Des", 12),
        # English.
        ("May", 5),
        ("August", 8),
        ("Aug", 8),
        ("October", 10),
        ("Oct", 10),
        ("December", 12),
        ("Dec", 12),
    ],
)
def test_month_names(name, month):
    assert parse_date(f"7 {name} 2023") == D(2023, month, 7)
    assert parse_date(f"7 {name.upper()} 2023") == D(2023, month, 7)
    assert parse_date(f"7 {name.lower()}. 2023") == D(2023, month, 7)


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("07 November 2023", D(2023, 11, 7)),
        ("7 November 2023", D(2023, 11, 7)),
        ("Selasa, 07 November 2023", D(2023, 11, 7)),
        ("Selasa 07 November 2023", D(2023, 11, 7)),
        ("SELASA, 07 NOVEMBER 2023", D(2023, 11, 7)),
        ("Sel, 7 Nov 2023", D(2023, 11, 7)),
        ("Rabu, 08 November 2023", D(2023, 11, 8)),
        ("Selasa, 05 Desember 2023", D(2023, 12, 5)),
        ("Jum'at, 10 November 2023", D(2023, 11, 10)),
        ("Jum\u2019at, 10 November 2023", D(2023, 11, 10)),
        ("Jumat, 10 November 2023", D(2023, 11, 10)),
        ("Ahad, 12 November 2023", D(2023, 11, 12)),
        ("Minggu, 12 November 2023", D(2023, 11, 12)),
        ("Senin, 1 Januari 2024", D(2024, 1, 1)),
        ("Tuesday, 7 November 2023", D(2023, 11, 7)),
        ("Tuesday, November 7, 2023", D(2023, 11, 7)),
        ("Nov 7, 2023", D(2023, 11, 7)),
        ("Mar 1, 2026", D(2026, 3, 1)),
        ("07-Nov-2023", D(2023, 11, 7)),
        ("7. Nov 2023", D(2023, 11, 7)),
        ("7\u00a0November\u00a02023", D(2023, 11, 7)),
        ("  7   November   2023  ", D(2023, 11, 7)),
        ("2023-11-07", D(2023, 11, 7)),
        # Numbers only: day first, the Indonesian order.
        ("07/11/2023", D(2023, 11, 7)),
        ("7.11.2023", D(2023, 11, 7)),
        ("29 Februari 2024", D(2024, 2, 29)),
    ],
)
def test_written_dates(written, date):
    assert parse_date(written) == date


def test_weekday_names_come_from_babel_in_both_languages():
    # 1-7 January 2024 run from Monday to Sunday.
    indonesian = [
        "Senin",
        "Selasa",
        "Rabu",
        "Kamis",
        "Jumat",
        "Sabtu",
        "Minggu",
    ]
    english = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
    for day, (id_name, en_name) in enumerate(
        zip(indonesian, english, strict=True), 1
    ):
        assert parse_date(f"{id_name}, {day} Januari 2024") == D(2024, 1, day)
        assert parse_date(f"{en_name}, {day} January 2024") == D(2024, 1, day)
        assert parse_date(f"{id_name[:3]}, {day} Jan 2024") == D(2024, 1, day)


@pytest.mark.parametrize(
    ("written", "start", "end"),
    [
        (
            "06 Desember 2023 - 25 Desember 2023",
            D(2023, 12, 6),
            D(2023, 12, 25),
        ),
        (
            "06 Desember 2023 \u2013 25 Desember 2023",
            D(2023, 12, 6),
            D(2023, 12, 25),
        ),
        (
            "06 Desember 2023\u201425 Desember 2023",
            D(2023, 12, 6),
            D(2023, 12, 25),
        ),
        ("1-4 Januari 2024", D(2024, 1, 1), D(2024, 1, 4)),
        ("1 - 4 Januari 2024", D(2024, 1, 1), D(2024, 1, 4)),
        ("1 s.d. 4 Januari 2024", D(2024, 1, 1), D(2024, 1, 4)),
        ("1 s/d 4 Januari 2024", D(2024, 1, 1), D(2024, 1, 4)),
        ("1 sampai 4 Januari 2024", D(2024, 1, 1), D(2024, 1, 4)),
        # "s.d." written out: the usual long form in reports.
        ("1 sampai dengan 4 Januari 2024", D(2024, 1, 1), D(2024, 1, 4)),
        ("1 hingga 4 Januari 2024", D(2024, 1, 1), D(2024, 1, 4)),
        ("30 Nov - 2 Des 2023", D(2023, 11, 30), D(2023, 12, 2)),
        # A month after the end's month is in the year before.
        ("30 Des - 2 Jan 2024", D(2023, 12, 30), D(2024, 1, 2)),
        (
            "Senin, 01 Januari 2024 - Kamis, 04 Januari 2024",
            D(2024, 1, 1),
            D(2024, 1, 4),
        ),
        ("Mar 1, 2026-Mar 31, 2026", D(2026, 3, 1), D(2026, 3, 31)),
        ("2024-01-01 - 2024-01-04", D(2024, 1, 1), D(2024, 1, 4)),
        # A single date is a range of one day.
        ("Selasa, 07 November 2023", D(2023, 11, 7), D(2023, 11, 7)),
        ("2023-11-07", D(2023, 11, 7), D(2023, 11, 7)),
        # A backwards range comes back as written.
        (
            "11 November 2023 - 06 November 2023",
            D(2023, 11, 11),
            D(2023, 11, 6),
        ),
    ],
)
def test_date_ranges(written, start, end):
    assert parse_date_range(written) == (start, end)


def test_a_contradicting_weekday_is_an_error():
    # 7 November 2023 was a Tuesday (1 November 2023 was a Wednesday).
    with pytest.raises(ValueError) as caught:
        parse_date("Rabu, 07 November 2023")

    assert str(caught.value) == (
        "'Rabu, 07 November 2023': 7 November 2023 jatuh pada hari Selasa, "
        "bukan Rabu."
    )


def test_reasons_are_date_format_errors_in_the_language_when_shown():
    with pytest.raises(DateFormatError) as caught:
        parse_date("Rabu, 07 November 2023")

    assert isinstance(caught.value, ValueError)
    assert caught.value.key == "dates.weekday_mismatch"
    set_language("en")
    assert str(caught.value) == (
        "'Rabu, 07 November 2023': 7 November 2023 falls on a Tuesday, "
        "not a Wednesday."
    )


def test_a_contradicting_weekday_in_a_range_is_an_error():
    # 4 January 2024 was a Thursday.
    with pytest.raises(ValueError, match="hari Kamis, bukan Jumat"):
        parse_date_range("Senin, 1 Januari 2024 - Jumat, 4 Januari 2024")


def test_the_weekday_written_is_kept_for_readers_that_flag_it():
    found = parse_written_date("Rabu, 07 November 2023")

    assert found == WrittenDate(D(2023, 11, 7), weekday=2)
    assert found.weekday_contradicts

    start, end = parse_written_range("Senin, 1 - Jumat, 4 Januari 2024")
    assert not start.weekday_contradicts
    assert end.weekday_contradicts


def test_no_weekday_contradicts_nothing():
    assert not parse_written_date("07 November 2023").weekday_contradicts


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("", "Tanggal kosong."),
        ("   ", "Tanggal kosong."),
        (
            "kemarin",
            "'kemarin' tidak terbaca sebagai tanggal. Contoh yang benar: "
            "Selasa, 07 November 2023.",
        ),
        (
            "7 Novembr 2023",
            "'7 Novembr 2023': nama bulan 'Novembr' tidak dikenal.",
        ),
        ("7 November", "'7 November': tahunnya tidak tertulis."),
        (
            "7 Nov 23",
            "'7 Nov 23': tahun harus ditulis dengan empat angka, "
            "misalnya 2024.",
        ),
        (
            "31 Februari 2024",
            "'31 Februari 2024': tanggal itu tidak ada di kalender.",
        ),
        (
            "29 Februari 2023",
            "'29 Februari 2023': tanggal itu tidak ada di kalender.",
        ),
        ("13/13/2023", "'13/13/2023': tanggal itu tidak ada di kalender."),
        (
            "Selasa",
            "'Selasa' tidak terbaca sebagai tanggal. Contoh yang benar: "
            "Selasa, 07 November 2023.",
        ),
    ],
)
def test_unreadable_dates_say_why(written, message):
    with pytest.raises(ValueError) as caught:
        parse_date(written)

    assert str(caught.value) == message


def test_a_range_of_three_parts_is_an_error():
    with pytest.raises(ValueError, match="tanggal mulai - tanggal akhir"):
        parse_date_range("1 Jan 2024 - 2 Jan 2024 - 3 Jan 2024")


def test_reasons_speak_english_when_chosen():
    set_language("en")
    with pytest.raises(ValueError, match="the month name 'Novembr' is unknown"):
        parse_date("7 Novembr 2023")


@pytest.mark.parametrize(
    ("language", "weekday", "written"),
    [
        ("id", True, "Senin, 1 Januari 2024"),
        ("id", False, "1 Januari 2024"),
        ("en", True, "Monday, 1 January 2024"),
        ("en", False, "1 January 2024"),
    ],
)
def test_format_date(language, weekday, written):
    assert format_date(D(2024, 1, 1), language, weekday=weekday) == written


def test_format_date_follows_the_language_in_use():
    assert format_date(D(2023, 11, 7)) == "Selasa, 7 November 2023"
    set_language("en")
    assert format_date(D(2023, 11, 7)) == "Tuesday, 7 November 2023"


def test_format_date_range():
    assert (
        format_date_range(D(2023, 12, 6), D(2023, 12, 25))
        == "6 Desember 2023 \u2013 25 Desember 2023"
    )
    assert format_date_range(D(2024, 1, 1), D(2024, 1, 1)) == "1 Januari 2024"


@settings(max_examples=200)
@given(
    date=st.dates(min_value=D(1000, 1, 1), max_value=D(9999, 12, 31)),
    language=st.sampled_from(["id", "en"]),
    weekday=st.booleans(),
)
def test_formatted_dates_read_back(date, language, weekday):
    written = format_date(date, language, weekday=weekday)

    assert parse_date(written) == date


@settings(max_examples=200)
@given(
    start=st.dates(min_value=D(1000, 1, 1), max_value=D(9999, 12, 31)),
    end=st.dates(min_value=D(1000, 1, 1), max_value=D(9999, 12, 31)),
    language=st.sampled_from(["id", "en"]),
)
def test_formatted_ranges_read_back(start, end, language):
    written = format_date_range(start, end, language, weekday=True)

    assert parse_date_range(written) == (start, end)


@settings(max_examples=200)
@given(st.text(max_size=40))
def test_any_text_gives_a_date_or_value_error(written):
    try:
        parse_date(written)
    except ValueError:
        pass
    try:
        start, end = parse_date_range(written)
    except ValueError:
        return
    assert isinstance(start, dt.date) and isinstance(end, dt.date)


@settings(max_examples=200)
@given(
    st.text(
        alphabet="0123456789 -–,./JanuriDesmbNopSlakt'",
        max_size=30,
    )
)
def test_date_like_text_gives_a_range_or_value_error(written):
    try:
        parse_date_range(written)
    except ValueError:
        pass
