"""Product lists: read as written, every bad cell named by row and column."""

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tokolab import InputError, set_language
from tokolab.products import (
    COLUMNS,
    find_column,
    is_food,
    normalise_header,
    read_products,
)
from tokolab.rupiah import format_rupiah

HEADER = "kode,nama,kategori,harga,berat_gram,deskripsi,foto"


def write(tmp_path, content, name="produk.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(content.encode(encoding))
    return path


def test_clean_list_is_read_in_file_order(fixtures):
    path = fixtures / "products" / "produk.csv"
    products = read_products(path)

    assert list(products.columns) == list(COLUMNS)
    assert list(products["code"]) == ["SR-01", "SR-02", "SR-03", "SR-04"]
    # Header is row 1; the first product's description spans four lines
    # inside quotes but is one row of the table, so rows are 2, 3, 4, 5.
    assert list(products["row"]) == [2, 3, 4, 5]
    assert products.attrs["path"] == str(path)


def test_prices_are_whole_rupiah_as_written_by_shops(fixtures):
    products = read_products(fixtures / "products" / "produk.csv")

    # "Rp 25.000", "Rp30.000,-", "85000", "Rp 60.000,-".
    assert list(products["price"]) == [25000, 30000, 85000, 60000]
    assert str(products["price"].dtype) == "int64"


def test_weights_are_grams_or_nan(fixtures):
    products = read_products(fixtures / "products" / "produk.csv")
    weights = list(products["weight_g"])

    # "250", empty, empty, "1.500" (a dot groups thousands: 1500 g).
    assert weights[0] == 250.0
    assert math.isnan(weights[1]) and math.isnan(weights[2])
    assert weights[3] == 1500.0


def test_categories_are_read_in_lower_case(fixtures):
    products = read_products(fixtures / "products" / "produk.csv")

    # SR-04 writes "Minuman" with a capital.
    assert list(products["category"]) == [
        "makanan",
        "makanan",
        "kerajinan",
        "minuman",
    ]
    assert [is_food(c) for c in products["category"]] == [
        True,
        True,
        False,
        True,
    ]


def test_description_keeps_its_line_breaks(fixtures):
    products = read_products(fixtures / "products" / "produk.csv")

    first = products["description"][0]
    assert first.count("\n") == 3
    assert first.startswith("Keripik tempe buatan rumah dari Malang.\nBahan:")

    # SR-04 has no description: an empty text, not NaN.
    assert products["description"][3] == ""


def test_photos_resolve_against_the_csv_folder(fixtures):
    folder = (fixtures / "products").resolve()
    products = read_products(fixtures / "products" / "produk.csv")

    assert products["photo"][0] == folder / "foto" / "SR-01.jpg"
    assert products["photo"][1] is None
    # SR-03 writes "foto\SR-03.jpg" the Windows way.
    assert products["photo"][2] == folder / "foto" / "SR-03.jpg"
    assert products["photo"][3] is None


def test_empty_optional_cells_and_columns(tmp_path):
    # Only the four needed columns; no category, weight or photo at all.
    path = write(tmp_path, "kode,nama,harga,deskripsi\nA1,Dodol,15000,\n")
    products = read_products(path)

    assert products["category"][0] is None
    assert math.isnan(products["weight_g"][0])
    assert products["photo"][0] is None
    assert products["description"][0] == ""


def test_headers_are_matched_by_alias_case_and_spacing(tmp_path):
    content = (
        "sep=;\n"
        "Kode Produk;Nama Produk;Kategori;Harga (Rp);Berat (gram);"
        " Deskripsi ;Foto Produk;Catatan\n"
        "KT-1;Kopi  Dampit;MINUMAN;Rp 45.000;200 gram;Kopi bubuk.;;x\n"
    )
    path = write(tmp_path, content, encoding="cp1252")
    products = read_products(path)

    # "sep=;" is row 1, the header row 2, the product row 3.
    assert products["row"][0] == 3
    assert products["code"][0] == "KT-1"
    # Inner double space collapsed in the name.
    assert products["name"][0] == "Kopi Dampit"
    assert products["category"][0] == "minuman"
    assert products["price"][0] == 45000
    assert products["weight_g"][0] == 200.0


@pytest.mark.parametrize(
    ("written", "grams"),
    [("250", 250.0), ("1.000", 1000.0), ("250 g", 250.0), ("75gr", 75.0)],
)
def test_weights_as_shops_write_them(tmp_path, written, grams):
    path = write(
        tmp_path,
        f"kode,nama,harga,berat_gram,deskripsi\nA1,Dodol,15000,{written},\n",
    )
    assert read_products(path)["weight_g"][0] == grams


def test_malformed_price_is_refused_with_its_likely_values(fixtures):
    path = fixtures / "products" / "produk_with_problems.csv"
    with pytest.raises(InputError) as caught:
        read_products(path)

    error = caught.value
    assert error.key == "products.malformed_price"
    assert error.row == 3
    assert error.column == "harga"
    assert error.found == "Rp 30.00"
    # A two-digit group most likely lost a 0: 30.000; else 3.000.
    assert error.expected == "Rp 30.000 atau Rp 3.000"
    message = str(error)
    assert "produk_with_problems.csv, baris 3, kolom harga" in message

    set_language("en")
    message = str(error)
    assert "produk_with_problems.csv, row 3, column harga" in message
    # The reason follows the language at the time the error is shown.
    assert "a dot must be followed by exactly three digits" in message


def test_duplicate_code_names_both_rows(fixtures):
    path = fixtures / "products" / "produk_duplicate_code.csv"
    with pytest.raises(InputError) as caught:
        read_products(path)

    # "sr-01" in row 4 is "SR-01" of row 2 in other letter case.
    error = caught.value
    assert error.key == "products.duplicate_code"
    assert (error.row, error.first_row) == (4, 2)
    assert error.found == "sr-01"
    assert "baris 4" in str(error) and "baris 2" in str(error)

    set_language("en")
    message = str(error)
    assert "row 4" in message and "row 2" in message
    assert "Every product needs a different code" in message


@pytest.mark.parametrize(
    ("row", "key", "column", "found"),
    [
        (",Dodol,15000,250,x", "products.empty_code", "kode", ""),
        ("A1,,15000,250,x", "products.empty_name", "nama", ""),
        ("A1,Dodol,gratis,250,x", "products.bad_price", "harga", "gratis"),
        ("A1,Dodol,0,250,x", "products.price_not_positive", "harga", "0"),
        (
            'A1,Dodol,"Rp 15.000,50",250,x',
            "products.price_not_whole",
            "harga",
            "Rp 15.000,50",
        ),
        ('A1,Dodol,15000,"0,5",x', "products.bad_weight", "berat_gram", "0,5"),
        ("A1,Dodol,15000,0,x", "products.bad_weight", "berat_gram", "0"),
    ],
)
def test_bad_cells_name_row_column_and_what_was_found(
    tmp_path, row, key, column, found
):
    path = write(tmp_path, f"kode,nama,harga,berat_gram,deskripsi\n{row}\n")
    with pytest.raises(InputError) as caught:
        read_products(path)

    error = caught.value
    assert error.key == key
    assert (error.row, error.column, error.found) == (2, column, found)
    assert error.path == str(path)
    assert f"baris 2, kolom {column}" in str(error)


def test_unknown_category_lists_the_known_ones(tmp_path):
    path = write(
        tmp_path,
        "kode,nama,kategori,harga,deskripsi\nA1,Dodol,jajanan,15000,\n",
    )
    with pytest.raises(InputError) as caught:
        read_products(path)

    error = caught.value
    assert error.key == "products.bad_category"
    assert error.found == "jajanan"
    assert error.expected == ("makanan, minuman, kerajinan, pakaian, lainnya")


def test_missing_column_is_named(tmp_path):
    path = write(tmp_path, "kode,nama,deskripsi\nA1,Dodol,x\n")
    with pytest.raises(InputError) as caught:
        read_products(path)

    error = caught.value
    assert error.key == "common.missing_columns"
    assert error.expected == "harga"
    assert error.found == "kode, nama, deskripsi"


def test_two_columns_for_one_role_are_refused(tmp_path):
    path = write(
        tmp_path,
        "kode,nama,nama produk,harga,deskripsi\nA1,Dodol,Dodol Apel,15000,x\n",
    )
    with pytest.raises(InputError) as caught:
        read_products(path)

    assert caught.value.key == "products.duplicate_column"
    assert caught.value.found == "nama, nama produk"


def test_header_without_products_is_refused(tmp_path):
    path = write(tmp_path, HEADER + "\n")
    with pytest.raises(InputError) as caught:
        read_products(path)
    assert caught.value.key == "products.no_products"


def test_input_file_is_not_changed(fixtures):
    path = fixtures / "products" / "produk.csv"
    before = path.read_bytes()
    read_products(path)
    assert path.read_bytes() == before


# --- fuzzing ------------------------------------------------------------------


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(content=st.binary(max_size=400))
def test_any_bytes_give_products_or_input_error(tmp_path, content):
    path = tmp_path / "produk.csv"
    path.write_bytes(content)
    try:
        read_products(path)
    except InputError:
        pass


PRODUCT_CELLS = {
    "kode": st.sampled_from(["SR-01", "SR-02", "sr-01", "", "A 1"]),
    "nama": st.one_of(st.sampled_from(["Dodol", ""]), st.text(max_size=12)),
    "kategori": st.sampled_from(["makanan", "Minuman", "", "food", "x"]),
    "harga": st.one_of(
        st.integers(min_value=-5, max_value=10**9).map(format_rupiah),
        st.sampled_from(["Rp 25.00", "IDR 15,000", "", "Rp -", "25000"]),
        st.text(alphabet="Rp.,-0123456789 ", max_size=12),
    ),
    "berat_gram": st.one_of(
        st.sampled_from(["", "250", "1.000", "250 g", "0,5", "-1"]),
        st.text(alphabet="0123456789.,g ", max_size=8),
    ),
    "deskripsi": st.text(max_size=40),
    "foto": st.sampled_from(["", "foto/a.jpg", "foto\\b.png", "/x.jpg"]),
}


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    header=st.permutations(list(PRODUCT_CELLS)),
    body=st.lists(st.fixed_dictionaries(PRODUCT_CELLS), max_size=4),
    delimiter=st.sampled_from([",", ";"]),
)
def test_product_shaped_text_gives_products_or_input_error(
    tmp_path, header, body, delimiter
):
    lines = [delimiter.join(header)]
    for row in body:
        cells = (row[name].replace('"', '""') for name in header)
        lines.append(delimiter.join(f'"{cell}"' for cell in cells))
    path = write(tmp_path, "\n".join(lines) + "\n")
    try:
        products = read_products(path)
    except InputError:
        return
    assert list(products.columns) == list(COLUMNS)
    assert (products["price"] > 0).all()
    assert products["code"].str.casefold().is_unique


@pytest.mark.parametrize(
    ("headers", "column", "found"),
    [
        (["Kode_Produk ", "Nama"], "code", "Kode_Produk "),
        (["nama", "SKU"], "code", "SKU"),
        (["code", "name"], "name", "name"),
        (["Judul  Produk", "harga"], "name", "Judul  Produk"),
        (["harga", "foto"], "code", None),
    ],
)
def test_find_column_reads_the_documented_headers(headers, column, found):
    assert find_column(headers, column) == found


def test_normalise_header():
    # Lower case, "_" as a space, spaces collapsed and stripped.
    assert normalise_header("  Berat_Gram ") == "berat gram"
    assert normalise_header("Harga  (Rp)") == "harga (rp)"
