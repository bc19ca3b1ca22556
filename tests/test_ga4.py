"""Google Analytics 4 CSV exports: preamble, tables, numbers, totals."""

import math
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kitpaths import FIXTURES
from tokolab import InputError, set_language
from tokolab.ga4 import looks_like_ga4, parse_metric, read_ga4

GA4 = FIXTURES / "ga4"
REAL = "ga4-en-pages/Pages_and_screens_Page_path_and_screen_class.csv"


# --- the real export (../shared/realdata, see its README) -------------------


@pytest.mark.realdata
def test_real_pages_export_reproduces_the_published_facts(realdata):
    export = read_ga4(realdata / REAL)

    assert export.title == "Pages and screens: Page path and screen class"
    assert export.account == "Plan Your Recovery"
    assert export.property == "Plan Your Recovery - GA4"
    assert export.segment == "All Users"
    assert (export.start, export.end) == (date(2026, 2, 24), date(2026, 3, 23))
    assert export.language == "en"

    # One table of 56 rows and 8 columns.
    assert len(export.tables) == 1
    table = export.tables[0]
    assert table.frame.shape == (56, 8)
    assert list(table.frame.columns) == [
        "page_path",
        "views",
        "active_users",
        "views_per_active_user",
        "average_engagement_time_s",
        "event_count",
        "key_events",
        "total_revenue",
    ]
    assert table.columns[0] == "Page path and screen class"
    assert table.header_row == 10
    assert int(table.frame["views"].sum()) == 779
    assert int(table.frame["active_users"].sum()) == 516

    # Floats unrounded: row "/" writes 1.4350649350649352 (221 / 154).
    first = table.frame.iloc[0]
    assert first["page_path"] == "/"
    assert first["views_per_active_user"] == 1.4350649350649352
    assert first["average_engagement_time_s"] == 12.35064935064935


# --- the small cases of the issue ------------------------------------------


def test_extra_blank_line_before_header_gives_the_same_table():
    plain = read_ga4(GA4 / "promo.csv").tables[0]
    spaced = read_ga4(GA4 / "promo_extra_blank_line.csv").tables[0]
    assert plain.frame.equals(spaced.frame)
    assert (plain.title, plain.start, plain.end) == (
        spaced.title,
        spaced.start,
        spaced.end,
    )
    # The blank line moves the header one line down: line 10 -> 11.
    assert (plain.header_row, spaced.header_row) == (10, 11)


def test_hash_inside_a_value_is_data():
    frame = read_ga4(GA4 / "promo.csv").tables[0].frame
    assert frame["Session campaign"].tolist() == [
        "Promo #1 Ramadan",
        "(organic)",
    ]
    assert frame["sessions"].tolist() == [44, 10]
    assert frame["active_users"].tolist() == [40, 9]


def test_bad_start_date_names_the_line():
    with pytest.raises(InputError) as caught:
        read_ga4(GA4 / "promo_with_problems.csv")
    error = caught.value
    # "# Start date: 20261341" is line 8; month 13 does not exist.
    assert error.key == "ga4.bad_date"
    assert error.row == 8
    assert error.found == "20261341"
    assert "baris 8" in str(error) and "tanggal mulai" in str(error)
    set_language("en")
    assert "row 8" in str(error) and "start date" in str(error)


def test_grand_total_is_checked_then_dropped():
    table = read_ga4(GA4 / "grand_total.csv").tables[0]
    assert table.frame["browser"].tolist() == ["Chrome", "Safari"]
    # 900 + 300 = 1200, the Grand total row's value.
    assert table.frame["views"].tolist() == [900, 300]
    assert int(table.frame["views"].sum()) == 1200


def test_grand_total_that_disagrees_names_the_row():
    with pytest.raises(InputError) as caught:
        read_ga4(GA4 / "grand_total_with_problems.csv")
    error = caught.value
    # Header on line 10, "Grand total,1300" on line 11; 900 + 300 = 1200.
    assert error.key == "ga4.total_mismatch"
    assert (error.row, error.column) == (11, "Views")
    assert (error.expected, error.found) == ("1200", "1300")
    assert "baris 11" in str(error) and "1300" in str(error)
    set_language("en")
    assert "row 11" in str(error) and "add up to 1200" in str(error)


def test_every_metric_zero_or_missing_is_an_error():
    path = GA4 / "all_zero_with_problems.csv"
    with pytest.raises(InputError) as caught:
        read_ga4(path)
    assert caught.value.key == "ga4.all_zero"
    assert str(path) in str(caught.value)


# --- Indonesian UI, grouping, percents, CRLF, emoji -------------------------


def test_indonesian_export_with_grouping_and_percents():
    export = read_ga4(GA4 / "pages_id.csv")
    assert export.language == "id"
    assert export.account == "Toko Kita"
    assert export.property == "Toko Kita - GA4"
    assert export.segment == "Semua Pengguna"
    assert export.title.endswith("\U0001f6cd\ufe0f")
    assert (export.start, export.end) == (date(2026, 1, 1), date(2026, 1, 31))

    frame = export.tables[0].frame
    assert list(frame.columns) == [
        "page_path",
        "views",
        "active_users",
        "engagement_rate",
    ]
    # "1,234" quoted, "1 234" with a space, "1\u00a0000" with a no-break
    # space: 1234 + 1234 + 1000 = 3468.
    assert frame["views"].tolist() == [1234, 1234, 1000]
    assert int(frame["views"].sum()) == 3468
    # 62.5% -> 0.625; 0.5 is already a fraction; 0% -> 0.
    assert frame["engagement_rate"].tolist() == [0.625, 0.5, 0.0]


def test_bad_metric_cell_names_row_and_column():
    with pytest.raises(InputError) as caught:
        read_ga4(GA4 / "pages_id_with_problems.csv")
    error = caught.value
    # Header on line 10; "/produk/keripik/,12x,..." is line 12.
    assert error.key == "ga4.bad_cell"
    assert (error.row, error.column, error.found) == (12, "Tampilan", "12x")
    assert "baris 12" in str(error) and "kolom Tampilan" in str(error)
    set_language("en")
    assert "row 12, column Tampilan" in str(error)
    assert "such as 1234" in str(error)


def test_several_tables_each_with_title_and_period():
    export = read_ga4(GA4 / "multi_table.csv")
    assert export.title == "Reports snapshot \U0001f4c8"
    assert export.segment == "All Users"
    assert len(export.tables) == 2

    first, second = export.tables
    assert first.title == "Reports snapshot \U0001f4c8"
    assert (first.start, first.end) == (date(2026, 3, 1), date(2026, 3, 7))
    # "Nth day" values stay text, leading zeros kept.
    assert first.frame["nth_day"].tolist() == ["0000", "0001"]
    assert first.frame["active_users"].tolist() == [5, 7]

    assert second.title == "Retensi kohort \U0001f465"
    assert (second.start, second.end) == (date(2026, 2, 1), date(2026, 2, 28))
    assert second.columns == ["Cohort", "Week 0", "Week 1"]
    assert second.frame["Week 0"].tolist() == [10, 8]
    # -1 in a cohort table is "not available".
    week1 = second.frame["Week 1"].tolist()
    assert math.isnan(week1[0]) and week1[1] == 0.25


def test_period_running_backwards_is_an_error():
    with pytest.raises(InputError) as caught:
        read_ga4(GA4 / "multi_table_with_problems.csv")
    error = caught.value
    # Second table: start 20260201 (line 15), end 20260131 (line 16).
    assert error.key == "ga4.period_backwards"
    assert (error.row, error.expected, error.found) == (
        16,
        "2026-02-01",
        "2026-01-31",
    )
    assert "baris 16" in str(error)


def test_lf_and_crlf_give_the_same_tables(tmp_path):
    crlf = (GA4 / "multi_table.csv").read_bytes()
    assert b"\r\n" in crlf
    lf = tmp_path / "multi_table_lf.csv"
    lf.write_bytes(crlf.replace(b"\r\n", b"\n"))
    for a, b in zip(
        read_ga4(GA4 / "multi_table.csv").tables,
        read_ga4(lf).tables,
        strict=True,
    ):
        assert a.frame.equals(b.frame)
        assert (a.title, a.start, a.end) == (b.title, b.start, b.end)


def test_file_of_only_comments_has_no_table(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("# ----\n# Account: A\n#\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_ga4(path)
    assert caught.value.key == "ga4.no_table"


def test_table_without_a_metric_is_an_error(tmp_path):
    path = tmp_path / "names.csv"
    path.write_text("Page,Note\n/,home\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_ga4(path)
    assert caught.value.key == "ga4.no_metrics"
    assert "Page, Note" in str(caught.value)


def test_missing_file(tmp_path):
    with pytest.raises(InputError) as caught:
        read_ga4(tmp_path / "nothing.csv")
    assert caught.value.key == "common.file_not_found"


def test_looks_like_ga4():
    real_start = "# ---\n# Title\n# Start date: 20260224\nPage,Views\n"
    assert looks_like_ga4(real_start)
    assert looks_like_ga4("#\n# Tanggal akhir: 20260101\n")
    assert not looks_like_ga4("Date,Clicks\n2026-03-01,4\n")
    assert not looks_like_ga4("# just a comment\nPage,Views\n")


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("221", 221.0),
        ("1.4350649350649352", 1.4350649350649352),
        ("1,234", 1234.0),
        ("1 234", 1234.0),
        ("1\u00a0234", 1234.0),
        ("1.234.567", 1234567.0),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("12,5", 12.5),
        ("62.5%", 0.625),
        ("0%", 0.0),
        ("-3", -3.0),
        ("1.5e-05", 1.5e-05),
    ],
)
def test_parse_metric(written, value):
    assert parse_metric(written) == value


@pytest.mark.parametrize(
    "written", ["", "abc", "1,2,3", "1.234,567.8", "1e999"]
)
def test_parse_metric_refuses(written):
    with pytest.raises(ValueError):
        parse_metric(written)


def test_inputs_are_not_modified():
    before = {p.name: p.read_bytes() for p in GA4.iterdir()}
    for path in GA4.iterdir():
        try:
            read_ga4(path)
        except InputError:
            pass
    assert {p.name: p.read_bytes() for p in GA4.iterdir()} == before


# --- fuzzing: any bytes give a result or InputError -------------------------

FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@FUZZ
@given(data=st.binary(max_size=400))
def test_any_bytes(tmp_path, data):
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    try:
        read_ga4(path)
    except InputError:
        pass


@FUZZ
@given(
    preamble=st.lists(
        st.sampled_from(
            [
                "#",
                "# ",
                "",
                "# ----",
                "# All Users",
                "# Start date: 20260101",
                "# End date: 20260102",
                "# Tanggal mulai: 2026",
                "# Grand total",
            ]
        ),
        max_size=6,
    ),
    rows=st.lists(
        st.lists(st.text(max_size=8), min_size=3, max_size=3), max_size=5
    ),
)
def test_any_cells_under_a_preamble(tmp_path, preamble, rows):
    # Reaches the preamble and the cell conversion, which bytes rarely do.
    path = tmp_path / "export.csv"
    body = "\n".join(
        ",".join('"' + cell.replace('"', '""') + '"' for cell in row)
        for row in rows
    )
    path.write_text(
        "\n".join(preamble) + "\nPage,Views,Engagement rate\n" + body,
        encoding="utf-8",
    )
    try:
        export = read_ga4(path)
    except InputError:
        return
    assert export.tables
