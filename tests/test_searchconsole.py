"""Search Console Performance exports: zip, folder, single CSV, both UIs."""

import math
import zipfile
from datetime import date

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tokolab import InputError, set_language
from tokolab.searchconsole import (
    COLUMN_ALIASES,
    LANGUAGES,
    TABLE_FILE_NAMES,
    parse_count,
    parse_ctr,
    parse_decimal,
    read_search_console,
    weighted_position,
)

METRICS = ["clicks", "impressions", "ctr", "position"]


@pytest.fixture
def gsc(fixtures):
    return fixtures / "searchconsole"


def zip_folder(folder, target, prefix=""):
    """Zip every file of ``folder`` the way Search Console's download is."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry in sorted(folder.iterdir()):
            archive.write(entry, prefix + entry.name)
    return target


# --- real exports (../shared/realdata, see its README) ----------------------


@pytest.mark.realdata
def test_tickets_zip_reproduces_the_published_facts(realdata):
    export = read_search_console(realdata / "gsc-en-tickets" / "search.zip")
    tables = export.tables

    # 7 members: six tables and the filters.
    assert export.language == "en"
    assert sorted(tables) == sorted(
        ["chart", "queries", "pages", "countries", "devices"]
        + ["search_appearance"]
    )
    assert len(tables["queries"]) == 196
    assert len(tables["chart"]) == 129
    assert export.period == (date(2026, 3, 15), date(2026, 7, 21))
    totals = export.totals()
    assert totals["clicks"] == 36
    assert totals["impressions"] == 7644
    # 36 / 7644, the site CTR.
    assert totals["ctr"] == pytest.approx(36 / 7644)

    # Anonymised queries: the queries table holds only 12 of the 36 clicks.
    assert tables["queries"]["clicks"].sum() == 12

    # Search appearance: a header and no rows.
    appearance = tables["search_appearance"]
    assert appearance.empty
    assert list(appearance.columns) == ["search_appearance", *METRICS]

    assert export.filters == {
        "search_type": "Web",
        "date_range": "Last 6 months",
    }

    # Pages count impressions per page, so they exceed the site's 7,644.
    assert tables["pages"]["impressions"].sum() == 8669
    assert export.truncated == []
    assert export.findings.empty


@pytest.mark.realdata
def test_tickets_queries_keep_quoted_newlines_and_first_row(realdata):
    queries = read_search_console(
        realdata / "gsc-en-tickets" / "search.zip"
    ).tables["queries"]

    # The file's first data row: chobble tickets,8,104,7.69%,17.48
    first = queries.iloc[0]
    assert first["query"] == "chobble tickets"
    assert (first["clicks"], first["impressions"]) == (8, 104)
    assert first["ctr"] == pytest.approx(0.0769)
    assert first["position"] == pytest.approx(17.48)

    # Two queries in the file are quoted over several lines with doubled
    # quotes; the first of them ends "-site:tiktok.com",0,4,0%,3.5.
    multiline = queries[queries["query"].str.contains("\n")]
    assert len(multiline) == 2
    first = multiline.iloc[0]
    assert first["query"].startswith('"cheddar up" -"aged cheddar"')
    assert (first["impressions"], first["position"]) == (4, 3.5)


@pytest.mark.realdata
def test_tickets_average_position_is_weighted_by_impressions(realdata):
    export = read_search_console(realdata / "gsc-en-tickets" / "search.zip")

    # Worked out with the csv module alone over Chart.csv:
    # sum(position * impressions) = 140,630.3 over 7,644 impressions.
    assert export.totals()["position"] == pytest.approx(140630.3 / 7644)


@pytest.mark.realdata
def test_tickets_unzipped_reads_the_same_as_the_zip(realdata, tmp_path):
    source = realdata / "gsc-en-tickets" / "search.zip"
    with zipfile.ZipFile(source) as archive:
        archive.extractall(tmp_path / "search")

    from_zip = read_search_console(source)
    from_folder = read_search_console(tmp_path / "search")

    assert from_folder.totals() == from_zip.totals()
    for name, table in from_zip.tables.items():
        pd.testing.assert_frame_equal(from_folder.tables[name], table)


@pytest.mark.realdata
def test_stupski_folder_reproduces_the_published_facts(realdata):
    export = read_search_console(realdata / "gsc-en-stupski")

    # Queries and Pages were left out of this folder.
    assert sorted(export.tables) == sorted(
        ["chart", "countries", "devices", "search_appearance"]
    )
    assert len(export.tables["chart"]) == 31
    assert export.period == (date(2026, 3, 1), date(2026, 3, 31))
    totals = export.totals()
    assert (totals["clicks"], totals["impressions"]) == (2048, 516114)
    assert len(export.tables["countries"]) == 229
    assert export.filters == {
        "search_type": "Web",
        "date_range": "Mar 1, 2026-Mar 31, 2026",
    }

    # Positions in Chart have one decimal: ten times each is whole.
    positions = export.tables["chart"]["position"]
    assert ((positions * 10).round(6) % 1 == 0).all()
    assert (positions % 1 != 0).any()


@pytest.mark.realdata
def test_stupski_first_chart_row_and_single_csv(realdata):
    chart_file = realdata / "gsc-en-stupski" / "Chart.csv"
    export = read_search_console(chart_file)

    # Only the chart, from one CSV; its first row 2026-03-01,9,12177,0.07%,7.5
    assert list(export.tables) == ["chart"]
    assert export.filters == {}
    first = export.tables["chart"].iloc[0]
    assert first["date"] == pd.Timestamp("2026-03-01")
    assert (first["clicks"], first["impressions"]) == (9, 12177)
    assert first["ctr"] == pytest.approx(0.0007)
    assert first["position"] == pytest.approx(7.5)


# --- Indonesian UI ----------------------------------------------------------


def test_indonesian_folder_is_read_by_its_headers(gsc):
    export = read_search_console(gsc / "id-ui")

    assert export.language == "id"
    assert sorted(export.tables) == sorted(
        ["chart", "queries", "pages", "countries", "devices"]
        + ["search_appearance"]
    )
    assert list(export.tables["chart"].columns) == ["date", *METRICS]
    assert list(export.tables["queries"].columns) == ["query", *METRICS]
    assert list(export.tables["pages"].columns) == ["page", *METRICS]
    assert list(export.tables["countries"].columns) == ["country", *METRICS]
    assert list(export.tables["devices"].columns) == ["device", *METRICS]
    assert export.tables["search_appearance"].empty
    assert export.filters == {
        "search_type": "Web",
        "date_range": "3 bulan terakhir",
    }
    assert export.period == (date(2026, 1, 1), date(2026, 1, 5))


def test_indonesian_totals_come_from_the_chart(gsc):
    export = read_search_console(gsc / "id-ui")
    totals = export.totals()

    # Bagan.csv: clicks 2+0+5+1+3 = 11; impressions 100+50+200+40+110 = 500.
    assert totals["clicks"] == 11
    assert totals["impressions"] == 500
    # 11 / 500 = 0.022
    assert totals["ctr"] == pytest.approx(0.022)
    # (8.5*100 + 12*50 + 6.25*200 + 10*40 + 9.1*110) / 500
    # = (850 + 600 + 1250 + 400 + 1001) / 500 = 4101 / 500 = 8.202
    assert totals["position"] == pytest.approx(8.202)

    # Kueri.csv holds only 4+2+1+0 = 7 of the 11 clicks.
    assert export.tables["queries"]["clicks"].sum() == 7


def test_indonesian_decimal_commas_become_floats(gsc):
    queries = read_search_console(gsc / "id-ui").tables["queries"]

    # keripik pisang,4,120,"3,33%","5,2"
    assert queries.loc[0, "ctr"] == 0.0333
    assert queries.loc[0, "position"] == 5.2
    # oleh-oleh khas,2,80,"2,5%","7,75"
    assert queries.loc[1, "ctr"] == 0.025
    assert queries.loc[1, "position"] == 7.75
    # Data, kept as written: '#' and doubled quotes.
    assert queries.loc[2, "query"] == "bakpia #1 jogja"
    assert queries.loc[3, "query"] == 'kue "lapis" legit'


def test_unknown_indonesian_header_names_file_seen_and_expected(gsc):
    with pytest.raises(InputError) as caught:
        read_search_console(gsc / "id-ui-unknown-header")

    error = caught.value
    assert error.key == "searchconsole.unknown_headers"
    assert error.path.endswith("Kueri.csv")
    assert error.found == "Kata kunci, Klik, Tayangan, CTR, Posisi"
    # The file is named Kueri.csv, so the queries header row is expected.
    assert error.expected == "Kueri teratas,Klik,Tayangan,CTR,Posisi"
    assert "Kata kunci" in str(error)
    assert "Kueri teratas" in str(error)


def test_unknown_header_error_can_be_read_in_english(gsc):
    with pytest.raises(InputError) as caught:
        read_search_console(gsc / "id-ui-unknown-header" / "Kueri.csv")

    set_language("en")
    assert str(caught.value).startswith("File ")
    assert "Expected headers: Kueri teratas" in str(caught.value)


def test_unknown_header_in_a_file_with_any_name_lists_every_table(tmp_path):
    path = tmp_path / "unduhan.csv"
    path.write_text("Produk,Harga\nkeripik,15000\n")

    with pytest.raises(InputError) as caught:
        read_search_console(path)

    assert caught.value.found == "Produk, Harga"
    assert "Date,Clicks,Impressions,CTR,Position" in caught.value.expected
    assert "Tanggal,Klik,Tayangan,CTR,Posisi" in caught.value.expected
    assert "Kueri teratas" in caught.value.expected
    assert caught.value.expected.endswith("Filter")


# --- other UI languages: French, Spanish, Portuguese, German ---------------


def test_french_folder_is_read_by_its_headers(gsc):
    export = read_search_console(gsc / "fr-ui")

    assert export.language == "fr"
    assert sorted(export.tables) == sorted(
        ["chart", "queries", "pages", "countries", "devices"]
    )
    assert export.files["chart"].endswith("Graphique.csv")
    assert export.filters == {
        "search_type": "Web",
        "date_range": "3 derniers mois",
    }
    # Graphique.csv: clicks 3+1 = 4; impressions "1 200" (no-break space)
    # + 800 = 2000; CTR 4 / 2000 = 0.002;
    # position (7.5*1200 + 9*800) / 2000 = (9000 + 7200) / 2000 = 8.1.
    totals = export.totals()
    assert (totals["clicks"], totals["impressions"]) == (4, 2000)
    assert totals["ctr"] == pytest.approx(0.002)
    assert totals["position"] == pytest.approx(8.1)
    # "0,25 %" with a no-break space before the sign is 0.0025.
    assert export.tables["chart"].loc[0, "ctr"] == 0.0025


def test_french_queries_keep_accents_and_quoted_commas(gsc):
    queries = read_search_console(gsc / "fr-ui").tables["queries"]

    assert list(queries.columns) == ["query", *METRICS]
    assert list(queries["query"]) == ["crêpes bretonnes", "galette, saucisse"]
    # "1,33 %" -> 0.0133; "4,2" -> 4.2.
    assert queries.loc[0, "ctr"] == 0.0133
    assert queries.loc[0, "position"] == 4.2


def test_unknown_french_header_names_the_french_header_row(gsc):
    with pytest.raises(InputError) as caught:
        read_search_console(gsc / "fr-ui_with_problems")

    error = caught.value
    assert error.key == "searchconsole.unknown_headers"
    assert error.path.endswith("Requêtes.csv")
    assert error.found == "Mots-clés, Clics, Impressions, CTR, Position"
    # The file is named Requêtes.csv: the French queries header row.
    assert error.expected == (
        "Requêtes les plus fréquentes,Clics,Impressions,CTR,Position"
    )
    assert "Mots-clés" in str(error)
    set_language("en")
    assert "Expected headers: Requêtes les plus fréquentes" in str(error)


def test_spanish_export(gsc):
    export = read_search_console(gsc / "es-ui")

    assert export.language == "es"
    # Gráfico.csv: clicks 2+0 = 2; impressions 100+60 = 160;
    # position (5.5*100 + 11*60) / 160 = (550 + 660) / 160 = 7.5625.
    totals = export.totals()
    assert (totals["clicks"], totals["impressions"]) == (2, 160)
    assert totals["position"] == pytest.approx(7.5625)
    # "Posición media" is the position column too.
    queries = export.tables["queries"]
    assert queries.loc[0, "query"] == "empanadas caseras"
    assert queries.loc[0, "position"] == 4.1


def test_portuguese_export(gsc):
    export = read_search_console(gsc / "pt-ui")

    assert export.language == "pt"
    # Gráfico.csv: "1.250" groups thousands: impressions 1250+250 = 1500;
    # clicks 5+1 = 6; position (6.4*1250 + 10*250) / 1500
    # = (8000 + 2500) / 1500 = 7.0.
    totals = export.totals()
    assert (totals["clicks"], totals["impressions"]) == (6, 1500)
    assert totals["position"] == pytest.approx(7.0)
    assert export.tables["queries"].loc[0, "query"] == "pão de queijo"


def test_german_export_with_semicolons_newest_first(gsc):
    export = read_search_console(gsc / "de-ui")

    assert export.language == "de"
    chart = export.tables["chart"]
    # Written 02-02 then 02-01: sorted oldest first.
    assert list(chart["date"].dt.date) == [date(2026, 2, 1), date(2026, 2, 2)]
    assert list(chart["clicks"]) == [6, 2]
    # "Klickrate" is the CTR column: "0,67 %" -> 0.0067.
    assert list(chart["ctr"]) == [0.0067, 0.0067]
    # clicks 6+2 = 8; impressions 900+300 = 1200;
    # position (5*900 + 7*300) / 1200 = (4500 + 2100) / 1200 = 5.5.
    totals = export.totals()
    assert (totals["clicks"], totals["impressions"]) == (8, 1200)
    assert totals["position"] == pytest.approx(5.5)
    assert export.filters == {
        "search_type": "Web",
        "date_range": "Letzte 2 Tage",
    }


def test_spanish_unknown_header_names_the_spanish_header_row(gsc):
    with pytest.raises(InputError) as caught:
        read_search_console(gsc / "es-ui_with_problems")

    assert caught.value.key == "searchconsole.unknown_headers"
    assert caught.value.found.startswith("Palabras clave, Clics")
    # Consultas.csv is the queries file in Spanish (and Portuguese; Spanish
    # is listed first).
    assert caught.value.expected == (
        "Consultas principales,Clics,Impresiones,CTR,Posición"
    )


def test_portuguese_ctr_without_percent_names_row_and_column(gsc):
    with pytest.raises(InputError) as caught:
        read_search_console(gsc / "pt-ui_with_problems")

    # Header row 1, 2026-02-01 row 2, the "0,4" row 3.
    assert caught.value.key == "searchconsole.bad_cell"
    assert (caught.value.row, caught.value.column) == (3, "CTR")
    assert caught.value.found == "0,4"


def test_german_date_written_twice_is_an_error(gsc):
    with pytest.raises(InputError) as caught:
        read_search_console(gsc / "de-ui_with_problems")

    # 2026-02-02 in row 2 and again in row 3.
    assert caught.value.key == "searchconsole.duplicate_date"
    assert (caught.value.row, caught.value.first_row) == (3, 2)


def test_header_with_decomposed_accents_is_recognised(tmp_path):
    # 'e' + U+0302 and 'e' + U+0301 (combining marks), as macOS may write
    # 'ê' and 'é'.
    path = tmp_path / "Requetes.csv"
    path.write_text(
        "Reque\u0302tes les plus fre\u0301quentes,Clics,Impressions,"
        "CTR,Position\ncrêpe,1,4,25 %,2\n",
        encoding="utf-8",
    )

    export = read_search_console(path)

    assert export.language == "fr"
    assert export.tables["queries"].loc[0, "impressions"] == 4


def test_headers_shared_by_two_languages_go_to_the_one_with_more(tmp_path):
    # Date, Impressions, CTR, Position are English and French; Clics only
    # French (and Spanish): French writes 5 of 5, English 4, Spanish 2.
    path = tmp_path / "Dates.csv"
    path.write_text("Date,Clics,Impressions,CTR,Position\n")

    assert read_search_console(path).language == "fr"


def test_missing_column_is_named_in_the_file_language(tmp_path):
    path = tmp_path / "Diagramm.csv"
    path.write_text("Datum;Klicks;Impressionen;CTR\n")

    with pytest.raises(InputError) as caught:
        read_search_console(path)

    assert caught.value.key == "common.missing_columns"
    assert caught.value.expected == "Position"
    assert caught.value.found == "Datum, Klicks, Impressionen, CTR"


def test_alias_table_is_complete_and_unambiguous():
    seen = {}
    for column, by_language in COLUMN_ALIASES.items():
        # Every language spells every column, so errors can name it.
        assert sorted(by_language) == sorted(LANGUAGES), column
        for spellings in by_language.values():
            for spelling in spellings:
                folded = spelling.casefold()
                assert seen.setdefault(folded, column) == column, spelling
    for name, by_language in TABLE_FILE_NAMES.items():
        assert sorted(by_language) == sorted(LANGUAGES), name


# --- older exports: Dates.csv, newest day first -----------------------------


def test_dates_csv_newest_first_is_the_chart_oldest_first(gsc):
    export = read_search_console(gsc / "dates-newest-first")
    chart = export.tables["chart"]

    assert list(chart["date"].dt.date) == [
        date(2019, 5, 1),
        date(2019, 5, 2),
        date(2019, 5, 3),
    ]
    # The row written last (2019-05-01,0,30,0%,9.2) is now first.
    assert chart.loc[0, "impressions"] == 30
    assert export.period == (date(2019, 5, 1), date(2019, 5, 3))
    # clicks 4+1+0 = 5, impressions 80+40+30 = 150;
    # position (3.5*80 + 6*40 + 9.2*30) / 150 = (280+240+276)/150 = 5.30666...
    totals = export.totals()
    assert (totals["clicks"], totals["impressions"]) == (5, 150)
    assert totals["position"] == pytest.approx(796 / 150)
    # An old 'Query' header is still the queries table.
    assert export.tables["queries"].loc[0, "query"] == "oleh oleh"
    assert export.filters["date_range"] == "Last 3 days"


def test_date_written_twice_is_an_error_naming_the_row(gsc):
    with pytest.raises(InputError) as caught:
        read_search_console(gsc / "dates-newest-first-duplicate-date")

    # 2019-05-03 is in row 2 and again in row 4.
    assert caught.value.key == "searchconsole.duplicate_date"
    assert caught.value.row == 4
    assert caught.value.first_row == 2
    assert caught.value.found == "2019-05-03"
    assert "sudah ada di baris 2" in str(caught.value)


@pytest.mark.parametrize("written", ["2026-02-30", "01/03/2026", "20260301"])
def test_chart_date_that_is_not_iso_is_an_error(tmp_path, written):
    path = tmp_path / "Chart.csv"
    path.write_text(
        "Date,Clicks,Impressions,CTR,Position\n"
        f"2026-03-01,1,2,50%,3\n{written},1,2,50%,3\n"
    )

    with pytest.raises(InputError) as caught:
        read_search_console(path)

    assert caught.value.key == "searchconsole.bad_cell"
    assert (caught.value.row, caught.value.column) == (3, "Date")
    assert caught.value.found == written


# --- header only ------------------------------------------------------------


def test_header_only_file_gives_an_empty_table_with_its_columns(gsc):
    export = read_search_console(gsc / "queries_header_only.csv")
    queries = export.tables["queries"]

    assert queries.empty
    assert list(queries.columns) == ["query", *METRICS]
    assert export.truncated == []
    # No chart: no site totals and no period.
    assert export.totals() is None
    assert export.period is None


def test_header_only_with_a_missing_column_names_it(gsc):
    path = gsc / "queries_header_only_missing_column.csv"
    with pytest.raises(InputError) as caught:
        read_search_console(path)

    assert caught.value.key == "common.missing_columns"
    assert caught.value.expected == "Position"
    assert caught.value.found == "Top queries, Clicks, Impressions, CTR"


def test_empty_chart_gives_zero_totals_and_no_average(tmp_path):
    path = tmp_path / "Chart.csv"
    path.write_text("Date,Clicks,Impressions,CTR,Position")

    export = read_search_console(path)

    totals = export.totals()
    assert (totals["clicks"], totals["impressions"]) == (0, 0)
    assert math.isnan(totals["ctr"])
    assert math.isnan(totals["position"])
    assert export.period is None


# --- quoting ----------------------------------------------------------------


def test_embedded_newline_and_doubled_quotes_stay_one_row(gsc):
    queries = read_search_console(gsc / "queries_quoted.csv").tables["queries"]

    # Three rows, though the file has five lines after the header.
    assert len(queries) == 3
    assert queries.loc[0, "query"] == '"keripik" -pedas\nbalado'
    assert queries.loc[1, "query"] == 'oleh "khas" jogja'
    assert list(queries["clicks"]) == [1, 0, 2]


def test_unclosed_quote_is_an_error_naming_the_file(gsc):
    with pytest.raises(InputError) as caught:
        read_search_console(gsc / "queries_unclosed_quote.csv")

    # The quote opened in row 2 runs to the end of the file.
    assert caught.value.key == "common.unclosed_quote"
    assert caught.value.row == 2
    assert caught.value.path.endswith("queries_unclosed_quote.csv")


def test_row_with_one_field_too_many_is_an_error(tmp_path):
    # An unquoted comma inside the query gives every row six fields.
    path = tmp_path / "Queries.csv"
    path.write_text(
        "Top queries,Clicks,Impressions,CTR,Position\n"
        "keripik, pedas,1,10,10%,2.5\n"
    )

    with pytest.raises(InputError) as caught:
        read_search_console(path)

    # tables.py refuses the long row for every reader, before recognition.
    assert caught.value.key == "common.row_too_long"
    assert (caught.value.row, caught.value.found) == (2, 6)


# --- '#' is data ------------------------------------------------------------


def test_hash_inside_a_query_is_data(gsc):
    queries = read_search_console(gsc / "queries_hash.csv").tables["queries"]

    assert list(queries["query"]) == [
        "#oleholeh",
        "bakpia #1 jogja",
        "# bukan komentar",
    ]
    assert list(queries["impressions"]) == [10, 20, 4]


def test_bad_number_names_file_row_column_expected_found(gsc):
    with pytest.raises(InputError) as caught:
        read_search_console(gsc / "queries_hash_bad_number.csv")

    error = caught.value
    assert error.key == "searchconsole.bad_cell"
    assert error.path.endswith("queries_hash_bad_number.csv")
    # Header row 1, '#oleholeh' row 2, 'bakpia #1 jogja' row 3.
    assert (error.row, error.column, error.found) == (3, "Clicks", "#N/A")
    assert error.expected == "bilangan bulat, misalnya 1234 atau 1.234"
    assert str(error) == (
        f"Berkas {error.path}, baris 3, kolom Clicks: diharapkan bilangan "
        "bulat, misalnya 1234 atau 1.234, tertulis '#N/A'."
    )


# --- byte-order mark --------------------------------------------------------


def test_byte_order_mark_before_the_first_header(gsc):
    chart = read_search_console(gsc / "chart_bom.csv").tables["chart"]

    assert list(chart.columns) == ["date", *METRICS]
    # 0.07% and 0.28% as fractions.
    assert list(chart["ctr"]) == [0.0007, 0.0028]


def test_ctr_without_percent_sign_is_an_error(gsc):
    with pytest.raises(InputError) as caught:
        read_search_console(gsc / "chart_bom_with_problems.csv")

    assert (caught.value.row, caught.value.column) == (3, "CTR")
    assert caught.value.found == "0.28"


# --- semicolons, decimal commas, grouped thousands --------------------------


def test_semicolon_file_with_dot_grouping_and_decimal_comma(gsc):
    export = read_search_console(gsc / "chart_semicolon.csv")
    chart = export.tables["chart"]

    assert export.language == "id"
    # 12.177 and 19.123 impressions, 1.054 clicks: dots group thousands.
    assert list(chart["impressions"]) == [12177, 19123]
    assert list(chart["clicks"]) == [9, 1054]
    # 5,51% and 7,4: commas are decimal marks.
    assert list(chart["ctr"]) == [0.0007, 0.0551]
    assert list(chart["position"]) == [7.5, 7.4]
    # 9 + 1054 = 1063 clicks; 12177 + 19123 = 31300 impressions.
    assert export.totals()["clicks"] == 1063
    assert export.totals()["impressions"] == 31300


def test_fractional_click_count_is_an_error(gsc):
    with pytest.raises(InputError) as caught:
        read_search_console(gsc / "chart_semicolon_with_problems.csv")

    assert (caught.value.row, caught.value.column) == (3, "Klik")
    assert caught.value.found == "1.054,5"


def test_grouped_counts_in_every_style(gsc):
    queries = read_search_console(gsc / "queries_grouped.csv").tables["queries"]

    # "1,234" / "12,345" and 1.234 / "1 234 567".
    assert list(queries["clicks"]) == [1234, 1234]
    assert list(queries["impressions"]) == [12345, 1234567]
    # "1,234.5": comma groups, the last mark (dot) is the decimal mark.
    assert queries.loc[1, "position"] == 1234.5


def test_ambiguous_grouping_is_an_error(gsc):
    with pytest.raises(InputError) as caught:
        read_search_console(gsc / "queries_grouped_with_problems.csv")

    # "12,34" groups two digits: not thousands, and a count is whole.
    assert (caught.value.row, caught.value.column) == (2, "Clicks")
    assert caught.value.found == "12,34"


# --- saved again in a spreadsheet: empty rows, a stray delimiter -----------


def test_empty_row_and_trailing_delimiter_are_left_out(gsc):
    export = read_search_console(gsc / "chart_excel_leftovers.csv")
    chart = export.tables["chart"]

    # Row 3 is ';;;;;' and every line ends in ';': two days, five columns.
    assert list(chart.columns) == ["date", *METRICS]
    assert list(chart["date"].dt.date) == [date(2026, 3, 1), date(2026, 3, 2)]
    # clicks 2+3 = 5; impressions 100+150 = 250;
    # position (8.5*100 + 6*150) / 250 = (850 + 900) / 250 = 7.0.
    totals = export.totals()
    assert (totals["clicks"], totals["impressions"]) == (5, 250)
    assert totals["position"] == pytest.approx(7.0)


def test_row_numbers_count_the_empty_row(gsc):
    with pytest.raises(InputError) as caught:
        read_search_console(gsc / "chart_excel_leftovers_with_problems.csv")

    # Header row 1, 2026-03-01 row 2, ';;;;;' row 3, the bad count row 4.
    assert (caught.value.row, caught.value.column) == (4, "Klik")
    assert caught.value.found == "1,5"


def test_blank_line_keeps_its_place_in_the_row_count(tmp_path):
    path = tmp_path / "Chart.csv"
    path.write_text(
        "Date,Clicks,Impressions,CTR,Position\n"
        "2026-03-01,1,2,50%,3\n\n2026-03-02,x,2,50%,3\n"
    )

    with pytest.raises(InputError) as caught:
        read_search_console(path)

    # Header 1, first day 2, blank line 3, the 'x' row 4.
    assert caught.value.row == 4


def test_blank_lines_above_the_header_are_skipped_and_counted(tmp_path):
    path = tmp_path / "Chart.csv"
    path.write_text(
        "\n\nDate,Clicks,Impressions,CTR,Position\n"
        "2026-03-01,1,2,50%,3\n2026-03-02,x,2,50%,3\n"
    )

    with pytest.raises(InputError) as caught:
        read_search_console(path)

    # Blank rows 1 and 2, header row 3, first day row 4, the 'x' row 5.
    assert (caught.value.row, caught.value.column) == (5, "Clicks")


@pytest.mark.parametrize(
    "written, expected",
    [
        ("0", 0),
        ("1234", 1234),
        ("1,234", 1234),
        ("1.234", 1234),
        ("1 234", 1234),
        ("1\u00a0234", 1234),
        ("1.234.567", 1234567),
        (" 12 ", 12),
    ],
)
def test_parse_count_accepts(written, expected):
    assert parse_count(written) == expected


@pytest.mark.parametrize(
    "written",
    # '\u0663' is an Arabic-Indic three: only ASCII digits are counts.
    ["", "1.5", "12,34", "1,234.5", "1.234,567", "-3", "1e3", "\u0663"],
)
def test_parse_count_refuses(written):
    with pytest.raises(ValueError):
        parse_count(written)


def test_parse_count_stops_at_a_trillion():
    # MAX_COUNT is 10**12: 1,000,000,000,000 reads, one more does not.
    assert parse_count("1000000000000") == 10**12
    with pytest.raises(ValueError):
        parse_count("1000000000001")


def test_count_too_large_for_a_table_is_a_cell_error(tmp_path):
    # 20 nines do not fit a 64-bit integer; pandas would raise OverflowError.
    path = tmp_path / "Chart.csv"
    path.write_text(
        "Date,Clicks,Impressions,CTR,Position\n"
        "2026-03-01," + "9" * 20 + ",2,50%,3\n"
    )

    with pytest.raises(InputError) as caught:
        read_search_console(path)

    assert (caught.value.row, caught.value.column) == (2, "Clicks")


@pytest.mark.parametrize(
    "written, expected",
    [
        ("7", 7.0),
        ("7.5", 7.5),
        ("7,5", 7.5),
        # A lone mark is the decimal mark: positions are never grouped.
        ("1,234", 1.234),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("97", 97.0),
    ],
)
def test_parse_decimal_accepts(written, expected):
    assert parse_decimal(written) == expected


@pytest.mark.parametrize(
    "written", ["", "-1", ".5", "7.", "1.234.5", "1,23,4", "nan", "inf"]
)
def test_parse_decimal_refuses(written):
    with pytest.raises(ValueError):
        parse_decimal(written)


def test_numbers_past_the_float_range_are_refused():
    # 400 digits is about 1e400, past the largest float (about 1.8e308).
    with pytest.raises(ValueError):
        parse_decimal("9" * 400)
    with pytest.raises(ValueError):
        parse_ctr("9" * 400 + "%")


@pytest.mark.parametrize(
    "written, expected",
    [
        ("0.93%", 0.0093),
        ("0,93%", 0.0093),
        ("0%", 0.0),
        ("50%", 0.5),
        ("7.69%", 0.0769),
        ("2,5 %", 0.025),
        ("100%", 1.0),
    ],
)
def test_parse_ctr_accepts(written, expected):
    assert parse_ctr(written) == expected


@pytest.mark.parametrize("written", ["0.93", "", "%", "abc%", "-1%"])
def test_parse_ctr_refuses(written):
    with pytest.raises(ValueError):
        parse_ctr(written)


def test_windows_1252_query_is_decoded(tmp_path):
    # 0xE9 is 'é' in Windows-1252 and not valid UTF-8 on its own.
    path = tmp_path / "Queries.csv"
    path.write_bytes(
        b"Top queries,Clicks,Impressions,CTR,Position\ncaf\xe9,1,2,50%,3\n"
    )

    queries = read_search_console(path).tables["queries"]

    assert queries.loc[0, "query"] == "caf\u00e9"


# --- filters ----------------------------------------------------------------


def test_filters_become_metadata(gsc):
    export = read_search_console(gsc / "filters_custom_range.csv")

    assert export.tables == {}
    assert export.filters == {
        "search_type": "Web",
        "date_range": "Mar 1, 2026-Mar 31, 2026",
        "query": "+keripik",
    }
    assert export.files["filters"].endswith("filters_custom_range.csv")


def test_filters_with_an_extra_column_are_refused(gsc):
    with pytest.raises(InputError) as caught:
        read_search_console(gsc / "filters_with_problems.csv")

    assert caught.value.key == "searchconsole.unknown_headers"
    assert caught.value.found == "Filter, Value, Note"


def test_unknown_filter_keeps_its_written_name(tmp_path):
    path = tmp_path / "Filters.csv"
    path.write_text("Filter,Value\nSearch type,Image\nNew filter,abc\n")

    assert read_search_console(path).filters == {
        "search_type": "Image",
        "New filter": "abc",
    }


# --- site totals, truncation, clicks above impressions ----------------------


def write_queries(path, rows):
    """A queries table of ``rows`` rows, each 1 click in 10 impressions."""
    lines = ["Top queries,Clicks,Impressions,CTR,Position"]
    lines += [f"kueri {n},1,10,10%,{1 + n % 20}" for n in range(rows)]
    path.write_text("\n".join(lines))
    return path


def test_table_of_exactly_1000_rows_is_flagged_as_cut(tmp_path):
    export = read_search_console(write_queries(tmp_path / "Queries.csv", 1000))

    assert len(export.tables["queries"]) == 1000
    assert export.truncated == ["queries"]
    assert list(export.findings["kind"]) == ["truncated"]
    assert "1000 baris" in export.findings.loc[0, "message"]


@pytest.mark.parametrize("rows", [999, 1001])
def test_table_of_other_lengths_is_not_flagged(tmp_path, rows):
    export = read_search_console(write_queries(tmp_path / "Queries.csv", rows))

    assert len(export.tables["queries"]) == rows
    assert export.truncated == []
    assert export.findings.empty


def test_clicks_above_impressions_is_a_finding_not_an_error(gsc, caplog):
    export = read_search_console(gsc / "queries_clicks_over_impressions.csv")

    # keripik,3,2: row 2 has 3 clicks for 2 impressions; bakpia is fine.
    findings = export.findings
    assert list(findings["kind"]) == ["clicks_over_impressions"]
    assert list(findings["row"]) == [2]
    message = findings.loc[0, "message"]
    assert "klik (3) lebih banyak dari tayangan (2)" in message
    assert "clicks above impressions" in caplog.text
    # The row is kept as written.
    assert export.tables["queries"].loc[0, "ctr"] == 1.5


def test_clicks_above_impressions_in_chart_keeps_the_file_row(tmp_path):
    # Newest first: the bad row is row 2 in the file, last after sorting.
    path = tmp_path / "Dates.csv"
    path.write_text(
        "Date,Clicks,Impressions,CTR,Position\n"
        "2026-03-02,5,4,125%,1\n2026-03-01,1,4,25%,2\n"
    )

    findings = read_search_console(path).findings

    assert list(findings["row"]) == [2]


def test_weighted_position_weights_by_impressions():
    table = pd.DataFrame({"impressions": [90, 10], "position": [2.0, 12.0]})

    # (2*90 + 12*10) / 100 = 300 / 100 = 3.0, not the plain mean 7.0.
    assert weighted_position(table) == pytest.approx(3.0)


def test_weighted_position_needs_its_columns():
    with pytest.raises(InputError) as caught:
        weighted_position(pd.DataFrame({"position": [1.0]}))

    assert caught.value.expected == "impressions"


# --- zip, folder, single CSV ------------------------------------------------


def test_zip_folder_and_csv_give_the_same_chart(gsc, tmp_path):
    archive = zip_folder(gsc / "en-ui", tmp_path / "search.zip")

    from_zip = read_search_console(archive)
    from_folder = read_search_console(gsc / "en-ui")
    from_csv = read_search_console(gsc / "en-ui" / "Chart.csv")

    # Chart: 3+1 = 4 clicks, 150+50 = 200 impressions;
    # position (4.2*150 + 7*50) / 200 = (630 + 350) / 200 = 4.9.
    expected = {"clicks": 4, "impressions": 200, "ctr": 0.02, "position": 4.9}
    for export in (from_zip, from_folder, from_csv):
        assert export.totals() == pytest.approx(expected)
    assert len(from_zip.tables) == 6
    assert from_zip.filters["date_range"] == "Mar 1, 2026-Mar 2, 2026"
    assert from_zip.files["chart"] == f"{archive}/Chart.csv"
    assert from_zip.source == str(archive)
    # A comma inside a quoted query.
    assert from_zip.tables["queries"].loc[1, "query"] == "batik, cap"


def test_zip_with_a_folder_inside_and_macos_leftovers(gsc, tmp_path):
    archive = zip_folder(gsc / "en-ui", tmp_path / "search.zip", "search/")
    with zipfile.ZipFile(archive, "a") as extra:
        extra.writestr("__MACOSX/search/._Chart.csv", b"\x00\x05\x16\x07")
        extra.writestr("search/.DS_Store", b"\x00\x00\x00\x01Bud1")
        extra.writestr("search/notes.txt", "not a table")

    export = read_search_console(archive)

    assert len(export.tables) == 6
    assert export.totals()["clicks"] == 4


@pytest.mark.parametrize(
    "member", ["../Chart.csv", "/etc/Chart.csv", "a/../../Chart.csv"]
)
def test_zip_slip_member_is_refused(tmp_path, member):
    archive = tmp_path / "search.zip"
    with zipfile.ZipFile(archive, "w") as target:
        target.writestr("Queries.csv", "Top queries,Clicks,CTR")
        info = zipfile.ZipInfo("placeholder")
        info.filename = member
        target.writestr(info, "Date,Clicks,Impressions,CTR,Position")

    with pytest.raises(InputError) as caught:
        read_search_console(archive)

    assert caught.value.key == "searchconsole.unsafe_zip_member"
    assert caught.value.found == member


def test_file_named_zip_that_is_not_a_zip(tmp_path):
    path = tmp_path / "search.zip"
    path.write_text("Date,Clicks,Impressions,CTR,Position\n")

    with pytest.raises(InputError) as caught:
        read_search_console(path)

    assert caught.value.key == "searchconsole.not_a_zip"
    assert caught.value.path == str(path)
    assert "BadZipFile" in caught.value.reason
    assert "BadZipFile" not in str(caught.value)
    assert "unduhannya terputus" in str(caught.value)


def test_truncated_zip_is_refused(gsc, tmp_path):
    whole = zip_folder(gsc / "en-ui", tmp_path / "whole.zip").read_bytes()
    cut = tmp_path / "cut.zip"
    cut.write_bytes(whole[: len(whole) // 2])

    with pytest.raises(InputError) as caught:
        read_search_console(cut)

    assert caught.value.key == "searchconsole.not_a_zip"


def test_zip_without_csv_files(tmp_path):
    archive = tmp_path / "search.zip"
    with zipfile.ZipFile(archive, "w") as target:
        target.writestr("readme.txt", "hello")

    with pytest.raises(InputError) as caught:
        read_search_console(archive)

    assert caught.value.key == "searchconsole.no_tables"
    assert caught.value.found == "readme.txt"


def test_folder_holding_only_the_downloaded_zip(gsc, tmp_path):
    folder = tmp_path / "searchconsole"
    folder.mkdir()
    archive = zip_folder(gsc / "id-ui", folder / "search.zip")

    export = read_search_console(folder)

    # Bagan.csv inside: 11 clicks, 500 impressions (see the id-ui tests).
    assert export.language == "id"
    assert export.totals()["clicks"] == 11
    assert export.totals()["impressions"] == 500
    assert export.files["chart"] == f"{archive}/Bagan.csv"


def test_folder_with_two_zips_is_not_guessed(gsc, tmp_path):
    zip_folder(gsc / "id-ui", tmp_path / "lama.zip")
    zip_folder(gsc / "en-ui", tmp_path / "baru.zip")

    with pytest.raises(InputError) as caught:
        read_search_console(tmp_path)

    assert caught.value.key == "searchconsole.no_tables"
    assert caught.value.found == "baru.zip, lama.zip"


def test_folder_without_csv_files(tmp_path):
    (tmp_path / "foto.jpg").write_bytes(b"\xff\xd8")

    with pytest.raises(InputError) as caught:
        read_search_console(tmp_path)

    assert caught.value.key == "searchconsole.no_tables"
    assert caught.value.found == "foto.jpg"


def test_two_files_for_one_table_are_refused(gsc):
    with pytest.raises(InputError) as caught:
        read_search_console(gsc / "en-ui-two-charts")

    # Files are read in name order: Chart.csv, then Dates.csv.
    assert caught.value.key == "searchconsole.duplicate_table"
    assert caught.value.path.endswith("Dates.csv")
    assert caught.value.other.endswith("Chart.csv")


def test_missing_path(tmp_path):
    with pytest.raises(InputError) as caught:
        read_search_console(tmp_path / "tidak-ada.zip")

    assert caught.value.key == "common.file_not_found"


def test_excel_download_is_named_as_such(tmp_path):
    path = tmp_path / "search.xlsx"
    path.write_bytes(b"PK\x03\x04")

    with pytest.raises(InputError) as caught:
        read_search_console(path)

    assert caught.value.key == "searchconsole.spreadsheet_not_csv"


def test_headers_of_two_tables_in_one_file(tmp_path):
    path = tmp_path / "Chart.csv"
    path.write_text("Date,Top queries,Clicks,Impressions,CTR,Position\n")

    with pytest.raises(InputError) as caught:
        read_search_console(path)

    assert caught.value.key == "searchconsole.unknown_headers"


def test_column_of_another_table_is_not_dropped_silently(tmp_path):
    # 'Value' belongs to the Filters table, not the chart.
    path = tmp_path / "Chart.csv"
    path.write_text("Date,Clicks,Impressions,CTR,Position,Value\n")

    with pytest.raises(InputError) as caught:
        read_search_console(path)

    assert caught.value.key == "searchconsole.unknown_headers"
    assert (
        caught.value.found == "Date, Clicks, Impressions, CTR, Position, Value"
    )


def test_same_header_twice_is_named_as_written(tmp_path):
    # pandas would call the second one 'Clicks.1'.
    path = tmp_path / "Chart.csv"
    path.write_text("Date,Clicks,Clicks,Impressions,CTR,Position\n")

    with pytest.raises(InputError) as caught:
        read_search_console(path)

    assert caught.value.key == "searchconsole.duplicate_column"
    assert caught.value.found == "Clicks, Clicks"


def test_blank_header_over_values_is_shown_as_blank(tmp_path):
    # pandas would call it 'Unnamed: 0', which the file never says.
    path = tmp_path / "Queries.csv"
    path.write_text(",Clicks,Impressions,CTR,Position\nbatik,1,2,50%,3\n")

    with pytest.raises(InputError) as caught:
        read_search_console(path)

    assert caught.value.key == "searchconsole.unknown_headers"
    assert caught.value.found == "(kosong), Clicks, Impressions, CTR, Position"


def test_same_column_twice_in_two_languages(tmp_path):
    path = tmp_path / "Chart.csv"
    path.write_text("Date,Clicks,Klik,Impressions,CTR,Position\n")

    with pytest.raises(InputError) as caught:
        read_search_console(path)

    assert caught.value.key == "searchconsole.duplicate_column"
    assert caught.value.found == "Clicks, Klik"


def test_raw_inputs_are_not_modified(gsc):
    folder = gsc / "id-ui"
    before = {p.name: p.read_bytes() for p in folder.iterdir()}

    read_search_console(folder)

    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


# --- fuzzing: any bytes give a result or InputError -------------------------

FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@FUZZ
@given(data=st.binary(max_size=400))
def test_any_bytes_as_a_csv(tmp_path, data):
    path = tmp_path / "Queries.csv"
    path.write_bytes(data)
    try:
        read_search_console(path)
    except InputError:
        pass


@FUZZ
@given(data=st.binary(max_size=400))
def test_any_bytes_as_a_zip_member(tmp_path, data):
    archive = tmp_path / "search.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as target:
        target.writestr("Chart.csv", data)
    try:
        read_search_console(archive)
    except InputError:
        pass


@FUZZ
@given(data=st.binary(max_size=400))
def test_any_bytes_as_a_zip_file(tmp_path, data):
    archive = tmp_path / "search.zip"
    archive.write_bytes(b"PK\x03\x04" + data)
    try:
        read_search_console(archive)
    except InputError:
        pass


@FUZZ
@given(
    rows=st.lists(
        st.lists(st.text(max_size=12), min_size=5, max_size=5), max_size=5
    )
)
def test_any_cells_under_a_real_header(tmp_path, rows):
    # Reaches the cell conversion, which random bytes rarely do.
    path = tmp_path / "Chart.csv"
    body = "\n".join(
        ",".join('"' + cell.replace('"', '""') + '"' for cell in row)
        for row in rows
    )
    path.write_text(
        "Date,Clicks,Impressions,CTR,Position\n" + body, encoding="utf-8"
    )
    try:
        export = read_search_console(path)
    except InputError:
        return
    # A row of empty cells is a blank row: left out, as a spreadsheet's.
    written = [row for row in rows if any(row)]
    assert len(export.tables["chart"]) == len(written)
