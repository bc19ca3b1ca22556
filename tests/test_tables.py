"""Decoding and splitting of delimited text, shared by every CSV reader."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tokolab import InputError
from tokolab.tables import (
    decode_bytes,
    parse_delimited,
    read_delimited,
    require_columns,
    sniff_delimiter,
)


def test_bom_is_dropped_from_the_first_header(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes("\ufeffNo,Kebutuhan\n1,Snack\n".encode())

    table = read_delimited(path)

    assert list(table.columns) == ["No", "Kebutuhan"]


def test_windows_1252_file_is_read(tmp_path):
    # 0x96 is an en dash in Windows-1252 and invalid as UTF-8.
    path = tmp_path / "excel.csv"
    path.write_bytes(b"Kegiatan;Tanggal\nRapat;1 \x96 2 Januari\n")

    table = read_delimited(path)

    assert table.loc[0, "Tanggal"] == "1 \u2013 2 Januari"


@pytest.mark.parametrize(
    "header, expected",
    [
        ("a,b;c", ","),
        ("a;b;c", ";"),
        ("a\tb", "\t"),
        ('"x;y",b', ","),
        ("a", ","),
    ],
)
def test_delimiter_is_the_most_frequent_outside_quotes(header, expected):
    assert sniff_delimiter(header + "\n") == expected


def test_embedded_newline_and_doubled_quote_stay_one_cell():
    table = parse_delimited('a,b\n"satu\ndua","kata ""asli"""\n', "q.csv")

    assert len(table) == 1
    assert table.loc[0, "a"] == "satu\ndua"
    assert table.loc[0, "b"] == 'kata "asli"'


def test_empty_cells_stay_empty_strings():
    table = parse_delimited("a,b\n1,\n", "e.csv")

    assert table.loc[0, "b"] == ""


def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(InputError, match="tidak-ada.csv"):
        read_delimited(tmp_path / "tidak-ada.csv")


def test_folder_instead_of_file_says_so(tmp_path):
    with pytest.raises(InputError, match="folder"):
        read_delimited(tmp_path)


def test_binary_file_is_not_text():
    with pytest.raises(InputError, match="bukan berkas teks"):
        decode_bytes(b"PK\x03\x04\x00\x00", "foto.xlsx")


def test_missing_columns_are_named_with_those_found():
    table = parse_delimited("No,Harga\n1,2\n", "rab.csv")

    with pytest.raises(InputError) as caught:
        require_columns(table, ["No", "Kebutuhan"], "rab.csv")

    assert caught.value.expected == "Kebutuhan"
    assert caught.value.found == "No, Harga"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_a_table_or_our_own_error(data):
    try:
        text, _ = decode_bytes(data, "acak.csv")
        parse_delimited(text, "acak.csv")
    except InputError:
        pass


def test_row_longer_than_header_is_refused_not_cut():
    # Every data row has three fields under a two-field header: pandas would
    # turn the first column into an index and shift the rest.
    with pytest.raises(InputError, match="baris 2: ada 3 kolom") as caught:
        parse_delimited("a,b\n1,2,3\n4,5,6\n", "geser.csv")

    assert caught.value.expected == 2


def test_one_long_row_in_the_middle_is_named():
    with pytest.raises(InputError, match="baris 3: ada 3 kolom"):
        parse_delimited("a,b\n1,2\n4,5,6\n", "tengah.csv")


def test_index_gives_spreadsheet_rows_across_blank_lines():
    # Header is row 1; "1,2" row 2; the blank line row 3; "4,5" row 4.
    table = parse_delimited("a,b\n1,2\n\n4,5\n", "kosong.csv")

    assert list(table["a"]) == ["1", "4"]
    assert list(table.index + 2) == [2, 4]
