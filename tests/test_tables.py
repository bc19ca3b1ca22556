"""Decoding and splitting of delimited text, shared by every CSV reader."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tokolab import InputError
from tokolab.tables import (
    decode_bytes,
    header_cells,
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


# --- Excel's "Unicode Text" and its "sep=" line ------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_read(tmp_path, codec):
    # What Excel's "Unicode Text" saves: a BOM, UTF-16, tabs, CRLF.
    path = tmp_path / "peserta.txt"
    path.write_bytes(
        "\ufeffkode\tnilai\r\nP001\t87,5\r\nP002\tSiti \u2013 A\r\n".encode(
            codec
        )
    )

    table = read_delimited(path)

    assert list(table.columns) == ["kode", "nilai"]
    assert table["nilai"].tolist() == ["87,5", "Siti \u2013 A"]
    assert list(table.index + 2) == [2, 3]
    assert decode_bytes(path.read_bytes(), path)[1] == "utf-16"


@pytest.mark.parametrize(
    "data",
    [
        # An odd number of bytes after the BOM: no whole UTF-16 character.
        b"\xff\xfek\x00o",
        # A lone high surrogate.
        b"\xff\xfe\x00\xd8a\x00",
        # UTF-16 text holding NUL characters is no table either.
        b"\xff\xfe\x00\x00\x00\x00",
    ],
)
def test_broken_utf16_is_not_text(data):
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "rusak.txt")

    assert caught.value.key == "common.not_text"


@pytest.mark.parametrize(
    "sep_line", ["sep=;\n", "sep=;\r\n", "SEP=;\n", '"sep=;"\n', "\nsep=;\n"]
)
def test_a_sep_line_names_the_delimiter_and_is_skipped(sep_line):
    # By counting, the header "a,b;c,d" would split at its two commas;
    # the sep line says semicolon.
    text = sep_line + "a,b;c,d\n1,2;3,4\n"

    table = parse_delimited(text, "sep.csv")

    # Lines above the header: the sep line, and one blank line before it
    # in the last case; the header is the next line.
    above = sep_line.count("\n")
    assert list(table.columns) == ["a,b", "c,d"]
    assert table.loc[above, "c,d"] == "3,4"
    assert table.attrs["header_row"] == above + 1
    assert list(table.index + 2) == [above + 2]
    assert sniff_delimiter(text) == ";"
    assert header_cells(text) == ["a,b", "c,d"]


def test_below_a_sep_line_the_header_is_row_2():
    # sep=, is row 1, the header row 2, "1,2" row 3, blank row 4,
    # "4,5" row 5.
    table = parse_delimited("sep=,\na,b\n1,2\n\n4,5\n", "sep.csv")

    assert table.attrs["header_row"] == 2
    assert list(table["a"]) == ["1", "4"]
    assert list(table.index + 2) == [3, 5]


def test_errors_below_a_sep_line_name_the_spreadsheet_row():
    # sep 1, header 2, "1,2" 3, "4,5,6" 4.
    with pytest.raises(InputError) as caught:
        parse_delimited("sep=,\na,b\n1,2\n4,5,6\n", "panjang.csv")
    assert (caught.value.key, caught.value.row) == ("common.row_too_long", 4)

    # sep 1, header 2, '1;"x' opens a quote on row 3.
    with pytest.raises(InputError) as caught:
        parse_delimited('sep=;\na;b\n1;"x\n2;y\n', "kutip.csv")
    assert (caught.value.key, caught.value.row) == ("common.unclosed_quote", 3)


def test_a_file_with_only_a_sep_line_is_empty():
    with pytest.raises(InputError) as caught:
        parse_delimited("sep=;\r\n\r\n", "kosong.csv")

    assert caught.value.key == "common.file_empty"


def test_without_a_sep_line_the_header_is_row_1():
    assert parse_delimited("a,b\n1,2\n", "a.csv").attrs["header_row"] == 1


@settings(max_examples=200, deadline=None)
@given(
    prefix=st.sampled_from([b"\xff\xfe", b"\xfe\xff", b"sep=;\n", b"sep="]),
    data=st.binary(max_size=300),
)
def test_bom_or_sep_line_and_any_bytes_give_a_table_or_our_own_error(
    prefix, data
):
    try:
        text, _ = decode_bytes(prefix + data, "acak.csv")
        parse_delimited(text, "acak.csv")
        header_cells(text)
    except InputError:
        pass
