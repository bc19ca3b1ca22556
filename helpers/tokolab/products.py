"""Product lists (*daftar produk*): what a shop sells, one row per product.

File format
-----------
A CSV file, read through :mod:`tokolab.tables` (UTF-8 with or without a
BOM, Windows-1252 or UTF-16; comma, semicolon or tab; Excel's ``sep=``
line; quoted cells may hold newlines)::

    kode,nama,kategori,harga,berat_gram,deskripsi,foto
    SR-01,Keripik Tempe 250 g,makanan,Rp 25.000,250,"Renyah.",foto/SR-01.jpg

Headers are matched without regard to letter case, surrounding spaces or
``_`` against spaces; other columns are ignored.

==============  ================================================  ========
column          headers read                                      needed
==============  ================================================  ========
``code``        kode, kode produk, kode barang, sku, code          yes
``name``        nama, nama produk, nama barang, judul,            yes
                judul produk, produk, name, title
``category``    kategori, kategori produk, jenis, category        no
``price``       harga, harga (rp), harga rp, harga jual,          yes
                harga satuan, price
``weight_g``    berat_gram, berat (gram), berat (g), berat gram,  no
                berat, weight_g, weight (g), weight
``description`` deskripsi, deskripsi produk, keterangan,          yes
                description
``photo``       foto, foto produk, gambar, nama foto, photo       no
==============  ================================================  ========

Cells:

* ``kode``: the product's own code, such as ``SR-01``; never empty, never
  used twice in one file (codes that differ only in letter case count as
  the same code).
* ``nama``: the product's name, which marketplaces show as its title;
  never empty.
* ``kategori``: ``makanan`` (food), ``minuman`` (drink), ``kerajinan``
  (craft), ``pakaian`` (clothing) or ``lainnya`` (other), in any letter
  case; the English words are read too. May be empty.
* ``harga``: the price in Rupiah as a shop writes it: ``25000``,
  ``Rp 25.000``, ``Rp25.000,-`` (read with
  :func:`tokolab.rupiah.parse_rupiah`); whole Rupiah, more than zero.
* ``berat_gram``: the weight in whole grams: ``250``, ``1.000``,
  ``250 g``, ``250 gram``. May be empty.
* ``deskripsi``: the description; may be empty, may hold line breaks.
* ``foto``: the photo's file name relative to the CSV's folder, such as
  ``foto/SR-01.jpg`` (a Windows ``\\`` reads as ``/``). May be empty. The
  reader does not open the photo: whether it exists is the catalog's
  business.

Notes
-----
* Row numbers count like a spreadsheet: the header is row 1.
* A price written against the Indonesian convention (``Rp 25.00``) is
  refused with the values it most likely meant, never read silently.
"""

import logging
import math
import re
from pathlib import Path

import pandas as pd

from tokolab.errors import InputError
from tokolab.messages import LaterText
from tokolab.rupiah import format_candidates, parse_rupiah
from tokolab.tables import parse_delimited, read_text

logger = logging.getLogger(__name__)

PROJECT = Path(__file__).resolve().parents[2]
SAMPLE_PATH = PROJECT / "data" / "contoh" / "produk" / "produk.csv"

COLUMNS = (
    "code",
    "name",
    "category",
    "price",
    "weight_g",
    "description",
    "photo",
    "row",
)
"""Columns of :func:`read_products`'s table, in this order."""

# Canonical column -> (the documented header, headers read, normalised).
HEADERS = {
    "code": (
        "kode",
        ("kode", "kode produk", "kode barang", "sku", "code"),
    ),
    "name": (
        "nama",
        (
            "nama",
            "nama produk",
            "nama barang",
            "judul",
            "judul produk",
            "produk",
            "name",
            "title",
        ),
    ),
    "category": (
        "kategori",
        ("kategori", "kategori produk", "jenis", "category"),
    ),
    "price": (
        "harga",
        (
            "harga",
            "harga (rp)",
            "harga rp",
            "harga jual",
            "harga satuan",
            "price",
        ),
    ),
    "weight_g": (
        "berat_gram",
        (
            "berat gram",
            "berat (gram)",
            "berat (g)",
            "berat",
            "weight g",
            "weight (g)",
            "weight",
        ),
    ),
    "description": (
        "deskripsi",
        ("deskripsi", "deskripsi produk", "keterangan", "description"),
    ),
    "photo": (
        "foto",
        ("foto", "foto produk", "gambar", "nama foto", "photo"),
    ),
}

REQUIRED = ("code", "name", "price", "description")

CATEGORIES = ("makanan", "minuman", "kerajinan", "pakaian", "lainnya")
"""Categories as the file writes them."""

FOOD_CATEGORIES = ("makanan", "minuman")
"""Categories whose products spoil: their expiry date matters."""

# Written category (lower case) -> category.
_CATEGORY_WORDS = {
    **{category: category for category in CATEGORIES},
    "food": "makanan",
    "drink": "minuman",
    "craft": "kerajinan",
    "clothing": "pakaian",
    "other": "lainnya",
}

# "250", "1.000", "250 g", "250 gr", "250 gram", "250g".
_WEIGHT = re.compile(
    r"(?P<number>[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)\s*(?:g|gr|gram)?",
    re.IGNORECASE,
)


def read_products(path):
    """Read a product list.

    Parameters
    ----------
    path : str or Path
        A CSV file (see the module's description).

    Returns
    -------
    pandas.DataFrame
        One row per product, columns :data:`COLUMNS`: ``code`` (str),
        ``name`` (str), ``category`` (one of :data:`CATEGORIES`, or None
        when empty), ``price`` (int) [Rupiah], ``weight_g`` (float, NaN
        when empty) [gram], ``description`` (str, ``""`` when empty),
        ``photo`` (:class:`pathlib.Path` resolved against the CSV's
        folder, or None) and ``row`` (int, the spreadsheet row, header =
        1). In file order. ``attrs["path"]`` names the file.

    Raises
    ------
    InputError
        When the file cannot be read as a table, lacks a needed column,
        holds no product, or a cell does not fit; the error names the
        file, the row and column, what was expected and what was found.
        Two rows with the same code: the error names both rows.
    """
    path = Path(path)
    logger.info("reading products %s", path)
    written, _ = read_text(path)
    table = parse_delimited(written, path)

    # Which column of the file holds what.
    sources = _find_columns(table, path)
    if table.empty:
        raise InputError("products.no_products", path=str(path))

    # Read each row; codes must be unique.
    folder = path.resolve().parent
    products = []
    first_rows = {}
    for index, cells in table.iterrows():
        row = int(index) + 2

        def cell(column, cells=cells):
            source = sources.get(column)
            return cells[source].strip() if source is not None else ""

        product = {
            "code": _read_code(cell("code"), path, row, sources),
            "name": _read_name(cell("name"), path, row, sources),
            "category": _read_category(cell("category"), path, row, sources),
            "price": _read_price(cell("price"), path, row, sources),
            "weight_g": _read_weight(cell("weight_g"), path, row, sources),
            "description": cell("description"),
            "photo": _read_photo(cell("photo"), folder),
            "row": row,
        }
        key = product["code"].casefold()
        if key in first_rows:
            raise InputError(
                "products.duplicate_code",
                path=str(path),
                row=row,
                first_row=first_rows[key],
                column=sources["code"],
                expected=LaterText("products.expected_unique_code"),
                found=product["code"],
            )
        first_rows[key] = row
        products.append(product)

    result = pd.DataFrame(products, columns=list(COLUMNS))
    result["category"] = result["category"].astype(object)
    result["photo"] = result["photo"].astype(object)
    result["weight_g"] = result["weight_g"].astype(float)
    result["price"] = result["price"].astype("int64")
    result["row"] = result["row"].astype("int64")
    result.attrs["path"] = str(path)
    logger.info("read %d products from %s", len(result), path)
    return result


def is_food(category):
    """True when products of ``category`` spoil (food or drink).

    Parameters
    ----------
    category : str or None
        As in :func:`read_products`'s ``category`` column.
    """
    return isinstance(category, str) and category in FOOD_CATEGORIES


def category_from_text(written):
    """The category a written word names, or None when it names none.

    Parameters
    ----------
    written : str
        ``makanan``, ``Minuman``, ``food`` ... (any letter case, spaces
        around ignored).

    Returns
    -------
    str or None
        One of :data:`CATEGORIES`.
    """
    return _CATEGORY_WORDS.get(str(written).strip().lower())


def normalise_header(header):
    """A header as :data:`HEADERS` lists it: lower case, ``_`` as a space.

    Parameters
    ----------
    header : str
        As written: ``" Kode_Produk "`` gives ``"kode produk"``.

    Returns
    -------
    str
        Lower case, ``_`` read as a space, spaces collapsed and stripped.
    """
    return " ".join(str(header).lower().replace("_", " ").split())


def find_column(headers, column):
    """The header among ``headers`` that holds a canonical ``column``.

    For tables that did not come through :func:`read_products`, such as
    one typed in a notebook: ``Kode``, ``SKU`` and ``code`` all hold the
    code.

    Parameters
    ----------
    headers : iterable
        A table's column names, as written.
    column : str
        A key of :data:`HEADERS`, such as ``"code"``.

    Returns
    -------
    object or None
        The first header, in the order given, that reads as the
        canonical name itself or one of its headers in :data:`HEADERS`;
        None when none does.
    """
    read = {column, *HEADERS[column][1]}
    for header in headers:
        if normalise_header(header) in read:
            return header
    return None


def _find_columns(table, path):
    """Map each canonical column to the file's header that holds it."""
    sources = {}
    for header in table.columns:
        name = normalise_header(header)
        for column, (_, aliases) in HEADERS.items():
            if name not in aliases:
                continue
            if column in sources:
                raise InputError(
                    "products.duplicate_column",
                    path=str(path),
                    column=HEADERS[column][0],
                    expected=HEADERS[column][0],
                    found=f"{sources[column]}, {header}",
                )
            sources[column] = header

    missing = [HEADERS[c][0] for c in REQUIRED if c not in sources]
    if missing:
        raise InputError(
            "common.missing_columns",
            path=str(path),
            expected=", ".join(missing),
            found=", ".join(table.columns) or "-",
        )
    return sources


def _fail(key, path, row, sources, column, expected, found, **more):
    """Raise InputError for one cell."""
    raise InputError(
        key,
        path=str(path),
        row=row,
        column=sources.get(column, HEADERS[column][0]),
        expected=expected,
        found=found,
        **more,
    )


def _read_code(written, path, row, sources):
    """A product code: any non-empty text."""
    if not written:
        _fail("products.empty_code", path, row, sources, "code", "SR-01", "")
    return written


def _read_name(written, path, row, sources):
    """A product name: any non-empty text, inner spaces collapsed."""
    if not written:
        _fail(
            "products.empty_name",
            path,
            row,
            sources,
            "name",
            "Keripik Tempe 250 g",
            "",
        )
    return " ".join(written.split())


def _read_category(written, path, row, sources):
    """One of :data:`CATEGORIES`, or None when empty."""
    if not written:
        return None
    category = category_from_text(written)
    if category is None:
        _fail(
            "products.bad_category",
            path,
            row,
            sources,
            "category",
            ", ".join(CATEGORIES),
            written,
        )
    return category


def _read_price(written, path, row, sources):
    """A price in whole Rupiah, more than zero."""
    example = "Rp 25.000"
    try:
        amount = parse_rupiah(written)
    except ValueError:
        _fail(
            "products.bad_price", path, row, sources, "price", example, written
        )

    if amount.malformed:
        candidates = format_candidates(amount)
        _fail(
            "products.malformed_price",
            path,
            row,
            sources,
            "price",
            candidates or example,
            written,
            problem=LaterText(f"rupiah.problem_{amount.problem}"),
        )

    value = amount.value
    if isinstance(value, float) and not value.is_integer():
        _fail(
            "products.price_not_whole",
            path,
            row,
            sources,
            "price",
            example,
            written,
        )
    if value <= 0:
        _fail(
            "products.price_not_positive",
            path,
            row,
            sources,
            "price",
            example,
            written,
        )
    return int(value)


def _read_weight(written, path, row, sources):
    """Whole grams more than zero, or NaN when empty."""
    if not written:
        return math.nan
    match = _WEIGHT.fullmatch(written)
    grams = int(match["number"].replace(".", "")) if match else 0
    if grams <= 0:
        _fail(
            "products.bad_weight",
            path,
            row,
            sources,
            "weight_g",
            "250",
            written,
        )
    return float(grams)


def _read_photo(written, folder):
    """The photo's path resolved against the CSV's folder, or None."""
    if not written:
        return None
    return folder / written.replace("\\", "/")
