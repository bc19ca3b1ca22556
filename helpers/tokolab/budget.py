"""Budget tables (RAB, *rencana anggaran biaya*): read them and check them.

File format
-----------
A CSV file (comma or semicolon; UTF-8 with or without BOM, or Windows-1252;
read through :mod:`tokolab.tables`) or an Excel workbook (``.xlsx``, first
sheet). One row per budget line, a header row on top, and usually a TOTAL
row at the bottom. The programme's own table (``data/program/anggaran.csv``)::

    No,Kebutuhan,Qty,Satuan,Harga
    3,Snack Peserta,75 orang x 4 hari,"Rp. 8.000,-","Rp. 2.400.000,-"
    ,TOTAL,,,"Rp. 3.730.000,-"

Columns are recognised by their header, in any letter case, with or
without ``(Rp)``, and with these aliases:

=============  ===========================================================
role           headers
=============  ===========================================================
``no``         No, Nomor, No urut (optional: lines are numbered 1, 2, ...
               in order when the column is missing)
``item``       Kebutuhan, Uraian, Item, Rincian, Komponen, Nama barang ...
``quantity``   Qty, Volume, Vol, Kuantitas, Banyaknya, Jumlah (see below)
``unit``       Satuan holding unit names (orang, buah), Unit (optional)
``unit_price`` Harga Satuan, Biaya Satuan, Satuan holding prices, Harga ...
``amount``     Jumlah Harga, Total Harga, Total, Subtotal, Biaya, Harga ...
=============  ===========================================================

Three headers mean different things in different tables, and are decided
by the rest of the table:

* ``Satuan`` is the unit price when at least half of its cells are
  amounts of money (the programme's table), and the unit name otherwise
  (``orang``).
* ``Jumlah`` is the line amount when another column holds the quantity,
  and the quantity otherwise.
* ``Harga`` is the unit price when another column holds the line amount
  (``Volume | Satuan | Harga | Jumlah``), and the line amount otherwise
  (``Qty | Satuan | Harga``, the programme's table).

The header row is looked for in the first :data:`HEADER_SEARCH_ROWS` rows,
so title lines above it ("RENCANA ANGGARAN BIAYA") are skipped.

Quantities are numbers with units, multiplied with ``x``, ``X``, ``×`` or
``*``: ``75 orang x 4 hari`` is 300 with the units ``orang x hari``;
``1 buah`` is 1 ``buah``. Money follows :mod:`tokolab.rupiah`.

Notes
-----
Quirks of the files this reader accepts:

* The TOTAL row has no number and its item (or its first cell) says
  ``TOTAL``, ``Jumlah``, ``Grand total`` ...; its amount is kept in the
  table's ``attrs``. An earlier total-like row is a subtotal: it is kept,
  as written, in ``attrs["subtotals"]`` and is not checked.
* Rows without a line number, quantity, price or amount are section
  headings (``A | Konsumsi``); they are kept in ``attrs["headings"]``. A
  numbered row with nothing filled in is a line, with empty cells.
* Malformed amounts (``Rp 100.00,-``, or ``Rp 150,000`` written the
  English way) are read as ``None`` and checked by :func:`audit_budget`;
  text that is no amount at all is an error.
* A negative amount (``Rp -150.000``) is read as written; the audit flags
  it, since no budget line is below zero.
* In a workbook, numbers typed as numbers are read as numbers; a formula
  is read through the value Excel saved with it. A workbook written by a
  program that saves no values (not Excel or LibreOffice) gives empty
  cells for its formulas.
* Row numbers count as a spreadsheet does, blank lines included; in a
  CSV file the header is row 1, or row 2 below Excel's ``sep=;`` line
  (see :mod:`tokolab.tables`).
"""

import datetime as dt
import logging
import numbers
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from tokolab.errors import InputError
from tokolab.messages import format_number, or_dash, text
from tokolab.rupiah import (
    format_candidates,
    format_rupiah,
    join_alternatives,
    parse_rupiah,
)
from tokolab.tables import read_delimited, read_text

logger = logging.getLogger(__name__)

HEADER_SEARCH_ROWS = 10
"""How many rows from the top may hold the header row."""

HEADER_ALIASES = {
    "no": ("no", "nomor", "no urut", "nomor urut", "#"),
    "item": (
        "kebutuhan",
        "uraian",
        "item",
        "rincian",
        "komponen",
        "nama barang",
        "barang",
        "uraian kegiatan",
        "uraian kebutuhan",
        "rincian kebutuhan",
        "keperluan",
        "description",
    ),
    "quantity": (
        "qty",
        "kuantitas",
        "volume",
        "vol",
        "banyaknya",
        "banyak",
        "quantity",
    ),
    "unit": ("unit",),
    "unit_price": (
        "harga satuan",
        "harga per satuan",
        "harga/satuan",
        "biaya satuan",
        "harga unit",
        "unit price",
        "price",
    ),
    "amount": (
        "jumlah harga",
        "total harga",
        "harga total",
        "jumlah biaya",
        "total biaya",
        "total",
        "subtotal",
        "sub total",
        "biaya",
        "nilai",
        "amount",
    ),
}
"""Header names, lower case and without ``(Rp)``, for each column role."""

AMBIGUOUS_HEADERS = ("satuan", "jumlah", "harga")
"""Headers whose role depends on the rest of the table (see module)."""

REQUIRED_ROLES = ("item", "quantity", "unit_price", "amount")

ROLE_EXAMPLES = {
    "no": "No",
    "item": "Kebutuhan/Uraian",
    "unit": "Satuan",
    "quantity": "Qty/Volume",
    "unit_price": "Harga Satuan",
    "amount": "Jumlah Harga",
}
"""Header names suggested in errors when a column is missing."""

TOTAL_WORDS = (
    "total",
    "jumlah",
    "jumlah total",
    "total biaya",
    "jumlah biaya",
    "grand total",
    "total keseluruhan",
    "jumlah keseluruhan",
    "total anggaran",
    "sub total",
    "subtotal",
)
"""What the item cell of a total row says, lower case."""

COLUMNS = (
    "no",
    "item",
    "quantity_written",
    "quantity",
    "quantity_units",
    "unit_price_written",
    "unit_price",
    "amount_written",
    "amount",
    "source_row",
)
"""Columns of :func:`read_budget`'s table."""

LARGEST = 10**15
"""Numbers from this size up (a thousand trillion) are refused: no budget
line is that large, and beyond it amounts stop being exact as floats."""

FINDING_COLUMNS = ("no", "column", "kind", "message")

FINDING_KINDS = (
    "missing",
    "malformed",
    "negative",
    "mismatch",
    "not_counted",
    "total_missing",
    "total_mismatch",
    "total_vs_written",
    "total_vs_recomputed",
    "total_unchecked",
)
"""Kinds of finding :func:`audit_budget` reports."""

# Multiplication signs between the factors of a quantity.
_TIMES = re.compile(
    r"\s+[xX×*]\s+|\s*[×*]\s*|(?<=[0-9])\s*[xX]\s*(?=[0-9])|\s+[xX](?=[0-9])"
)
_QUANTITY_TERM = re.compile(
    r"(?P<number>[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?)"
    r"\s*(?P<unit>[^\W\d_][\w\s/.²³-]*)?"
)
# A multiplication sign with nothing after it: "75 orang x" lost a factor.
_DANGLING_TIMES = re.compile(r"(?:^|\s)[xX×*]$")

# Magic numbers at the start of spreadsheet files.
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"


@dataclass
class BudgetAudit:
    """What :func:`audit_budget` found.

    Attributes
    ----------
    findings : pandas.DataFrame
        One row per finding: ``no`` (the line's No, ``<NA>`` for the
        TOTAL row), ``column`` (``quantity``, ``unit_price``, ``amount``
        or ``total``), ``kind`` (one of :data:`FINDING_KINDS`) and
        ``message`` (a sentence in the language in use).
    total_written : int or float or None [Rupiah]
        The TOTAL row's amount; ``None`` without a readable TOTAL row.
    total_recomputed : int or float [Rupiah]
        Sum of the recomputed line amounts (see :func:`audit_budget`).
    flagged_rows : list of int
        The No of every line with at least one finding.
    consistent_rows : list of int
        The No of every line without a finding.
    sum_written : int or float or None [Rupiah]
        Sum of the written line amounts, ``None`` when one of them cannot
        be read even with the help of its own line.
    lines : pandas.DataFrame
        ``no``, ``recomputed`` [Rupiah] and ``basis`` (how it was found:
        ``quantity_x_unit_price``, ``quantity_x_likely_unit_price``,
        ``written_amount`` or ``none``; see :func:`audit_budget`).
    """

    findings: pd.DataFrame
    total_written: int | float | None
    total_recomputed: int | float
    flagged_rows: list = field(default_factory=list)
    consistent_rows: list = field(default_factory=list)
    sum_written: int | float | None = None
    lines: pd.DataFrame | None = None

    def summary(self, language=None):
        """One sentence on the whole budget, for reports and ``check``."""
        flagged = ", ".join(str(no) for no in self.flagged_rows)
        key = "budget.summary" if flagged else "budget.summary_clean"
        return text(
            key,
            language=language,
            lines=len(self.flagged_rows) + len(self.consistent_rows),
            flagged=len(self.flagged_rows),
            flagged_rows=flagged,
            total_written=_money(self.total_written),
            total_recomputed=format_rupiah(self.total_recomputed),
        )


def read_budget(path):
    """Read a budget table (RAB) from a CSV file or an Excel workbook.

    Parameters
    ----------
    path : str or Path
        A ``.csv`` file or an ``.xlsx`` workbook (see the module's
        description for what is accepted).

    Returns
    -------
    pandas.DataFrame
        One row per budget line, columns :data:`COLUMNS`: ``no`` (int),
        ``item`` (str), ``quantity_written`` (str), ``quantity``
        (number or ``<NA>`` when empty), ``quantity_units`` (str, for
        example ``orang x hari``), ``unit_price_written`` (str),
        ``unit_price`` [Rupiah] (``<NA>`` when empty or malformed),
        ``amount_written`` (str), ``amount`` [Rupiah] (likewise) and
        ``source_row`` (the row in the file, header = 1 in a CSV file).
        ``attrs`` holds ``path``, ``total_written`` (str or ``None``),
        ``total`` (number or ``None`` when missing or malformed),
        ``total_row``, ``subtotals`` and ``headings``.

    Raises
    ------
    InputError
        When the file cannot be read as a table, has no header row with
        the columns needed, or a cell holds something that is not a
        number of the right kind; the error names the file, the row,
        the column, what was expected and what was found.
    """
    path = Path(path)
    logger.info("reading budget %s", path)
    rows = read_rows(path)

    # Find the header row and what each column holds.
    header_index = _find_header(rows, path)
    header = rows[header_index][1]
    body = rows[header_index + 1 :]
    roles = _column_roles(header, body, path)

    # Sort the rows into lines, total rows and section headings.
    lines, totals, headings = [], [], []
    for row_number, cells in body:
        cell = _cell_getter(cells, roles)
        if not any(value.strip() for value in cells):
            continue
        if _is_total_row(cell):
            totals.append((row_number, cell("amount")))
        elif _is_heading_row(cell):
            headings.append((row_number, cell("item") or cell("no")))
        else:
            lines.append(
                _read_line(row_number, cell, roles, header, path, len(lines))
            )

    if not lines:
        raise InputError("budget.no_lines", path=str(path))
    _check_unique_numbers(lines, path, header, roles)

    # Build the table; the last total row is the TOTAL.
    table = pd.DataFrame(lines, columns=list(COLUMNS))
    for name in ("quantity", "unit_price", "amount"):
        table[name] = _number_array(table[name])
    table["no"] = table["no"].astype("int64")
    table["source_row"] = table["source_row"].astype("int64")

    total_row, total_written = totals[-1] if totals else (None, None)
    total_column = header[roles["amount"]]
    table.attrs.update(
        path=str(path),
        total_written=total_written,
        total=_money_cell(total_written, path, total_row, total_column),
        total_row=total_row,
        subtotals=totals[:-1],
        headings=headings,
    )
    logger.info("read %d budget lines from %s", len(table), path)
    return table


def audit_budget(budget):
    """Check every line of a budget and its TOTAL row.

    Per line: a written amount or unit price that is malformed or
    negative; quantity × unit price against the written amount (when the
    unit price is malformed, against each of its likely values, and the
    line is flagged when none gives the written amount); an empty cell.
    Then the TOTAL row against the sum of the written amounts and against
    the sum of the recomputed amounts.

    Parameters
    ----------
    budget : pandas.DataFrame
        As returned by :func:`read_budget`.

    Returns
    -------
    BudgetAudit

    Notes
    -----
    The recomputed amount of a line is quantity × unit price when both
    are readable (basis ``quantity_x_unit_price``); else the written
    amount when it is well formed (``written_amount``); else, when unit
    price and amount are both malformed, quantity × the likely unit price
    whose product is a likely value of the amount, if exactly one product
    fits (``quantity_x_likely_unit_price``: ``1 hari | Rp 150,000 |
    Rp 150,000`` counts at 150.000); else nothing (``none``), and the line
    is reported as not counted.

    The sum of the written amounts takes each written amount as written.
    A malformed written amount counts at the one likely value that its own
    line confirms (quantity × a readable unit price); without such a value
    the sum cannot be made and the TOTAL row is not compared with it.

    So in the programme's table line 1 (unit price ``Rp 100.00,-``) counts
    at its written 300.000, and line 6 (amount ``Rp. 380.00,-``) at
    76 × 5.000 = 380.000 in both sums.

    The TOTAL row gets one statement: when both sums can be made and
    agree, the TOTAL against that sum; when they differ, the TOTAL
    against each; when the written amounts cannot be summed, the TOTAL
    against the recomputed sum only, saying which lines' written amounts
    are missing and which lines the recomputed sum leaves out. A negative
    amount (``Rp -150.000``) is flagged but still counted as written: a
    budget line is never negative, and the tutor decides what was meant.
    """
    findings, line_rows = [], []
    sum_written, unsummed, uncounted = 0, [], []

    for line in budget.itertuples(index=False):
        checked = _audit_line(line)
        findings.extend(checked["findings"])
        line_rows.append(
            {
                "no": line.no,
                "recomputed": checked["recomputed"],
                "basis": checked["basis"],
            }
        )
        if checked["written"] is None:
            unsummed.append(int(line.no))
        else:
            sum_written += checked["written"]
        if checked["recomputed"] is None:
            uncounted.append(int(line.no))

    lines = pd.DataFrame(line_rows, columns=["no", "recomputed", "basis"])
    lines["recomputed"] = _number_array(lines["recomputed"])
    total_recomputed = _plain(
        sum(
            row["recomputed"]
            for row in line_rows
            if row["recomputed"] is not None
        )
    )
    sum_written = None if unsummed else _plain(sum_written)

    # The TOTAL row against both sums.
    total_written_text = budget.attrs.get("total_written")
    total, total_findings = _audit_total(
        total_written_text,
        sum_written,
        total_recomputed,
        unsummed=unsummed,
        uncounted=uncounted,
    )
    findings.extend(total_findings)

    table = pd.DataFrame(findings, columns=list(FINDING_COLUMNS))
    table["no"] = table["no"].astype("Int64")
    flagged = sorted({int(no) for no in table["no"].dropna()})
    consistent = [int(no) for no in budget["no"] if int(no) not in flagged]
    return BudgetAudit(
        findings=table,
        total_written=total,
        total_recomputed=total_recomputed,
        flagged_rows=flagged,
        consistent_rows=consistent,
        sum_written=sum_written,
        lines=lines,
    )


def parse_quantity(written):
    """Read a quantity expression: ``75 orang x 4 hari`` -> (300, ...).

    Parameters
    ----------
    written : str
        Numbers with optional units, joined by ``x``, ``X``, ``×`` or
        ``*``. Numbers follow the Indonesian convention (``1.000`` is a
        thousand, ``2,5`` two and a half).

    Returns
    -------
    quantity : int or float
        The product of the numbers.
    units : str
        The units joined by `` x `` (``"orang x hari"``), empty without.

    Raises
    ------
    ValueError
        When a factor is not a number followed by an optional unit, or a
        multiplication sign has nothing after it (``75 orang x``, ``4x``).
    """
    factors = _TIMES.split(" ".join(written.split()))
    quantity, units = 1, []
    for factor in factors:
        match = _QUANTITY_TERM.fullmatch(factor.strip())
        if not match or _DANGLING_TIMES.search(match["unit"] or ""):
            raise ValueError(factor)
        number = match["number"].replace(".", "").replace(",", ".")
        quantity *= float(number) if "." in number else int(number)
        if match["unit"]:
            units.append(" ".join(match["unit"].split()))
    return _plain(quantity), " x ".join(units)


def read_rows(path):
    """Read the rows of a CSV file or the first sheet of a workbook.

    Parameters
    ----------
    path : Path

    Returns
    -------
    list of (int, list of str)
        Each row's number as a spreadsheet shows it (header = 1 in a CSV
        file, 2 below a ``sep=`` line) and its cells as text. Workbook
        numbers are written the Indonesian way without grouping
        (``185500,5``), dates as ISO.

    Raises
    ------
    InputError
        When the file cannot be opened or is neither text nor a workbook.
    """
    start = _first_bytes(path)
    if start.startswith(_OLE_MAGIC):
        raise InputError("budget.old_excel", path=str(path))
    if start.startswith(_ZIP_MAGIC):
        return _read_workbook_rows(path)

    # A CSV file: the header is row 1 (2 below a "sep=;" line), and the
    # index of each data row plus 2 is its row number (tables.py keeps it
    # across blank lines).
    table = read_delimited(path)
    header = ["" if name.startswith("Unnamed: ") else name for name in table]
    rows = [(table.attrs.get("header_row", 1), header)]
    for index, values in zip(
        table.index, table.itertuples(index=False), strict=True
    ):
        cells = ["" if pd.isna(value) else str(value) for value in values]
        rows.append((int(index) + 2, cells))
    return rows


def _first_bytes(path):
    """The first bytes of ``path``, with the common errors for a bad path."""
    try:
        with open(path, "rb") as handle:
            return handle.read(8)
    except OSError:
        # read_text raises the right InputError for each case.
        read_text(path)
        raise


def _read_workbook_rows(path):
    """Rows of the first sheet of an ``.xlsx`` workbook, cells as text."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            rows = [
                (number, [_cell_text(value) for value in values])
                for number, values in enumerate(
                    sheet.iter_rows(values_only=True), start=1
                )
            ]
        finally:
            workbook.close()
    # A damaged workbook makes openpyxl raise almost anything (zip, XML,
    # key and type errors); every one means the same to the reader.
    except Exception as error:
        logger.warning("cannot open workbook %s: %r", path, error)
        raise InputError(
            "budget.not_a_workbook",
            path=str(path),
            reason=type(error).__name__,
        ) from None
    return rows


def _cell_text(value):
    """A workbook cell as the text a person would type in it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    # Excel shows 15 significant digits; a formula's binary leftovers
    # (10000.000000000002) are no part of what the cell says.
    if isinstance(value, float):
        shown = float(format(value, ".15g"))
        if shown.is_integer():
            return str(int(shown))
        return repr(shown).replace(".", ",")
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _normalise_header(name):
    """Lower case, no ``(Rp)``, no trailing dot or colon, single spaces."""
    name = " ".join(str(name).lower().split())
    name = re.sub(r"\(\s*(rp|idr)\.?\s*\)|\brp\.?$", "", name).strip()
    return name.rstrip(".:").strip()


def _known_role(name):
    """The role of a normalised header, ``"?"`` if ambiguous, else None."""
    if name in AMBIGUOUS_HEADERS:
        return "?"
    for role, aliases in HEADER_ALIASES.items():
        if name in aliases:
            return role
    return None


def _find_header(rows, path):
    """Index in ``rows`` of the header row: three or more known headers."""
    for index, (_, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        known = [c for c in cells if _known_role(_normalise_header(c))]
        if len(known) >= 3:
            return index
    first = rows[0][1] if rows else []
    raise InputError(
        "budget.no_header",
        path=str(path),
        rows=HEADER_SEARCH_ROWS,
        expected="No, Kebutuhan, Qty, Satuan, Harga",
        found=", ".join(c for c in first if c.strip()) or "-",
    )


def _column_roles(header, body, path):
    """Map each role to the index of its column (see the module)."""
    roles, ambiguous = {}, {}
    for index, cell in enumerate(header):
        name = _normalise_header(cell)
        role = _known_role(name)
        if role == "?":
            ambiguous[name] = index
        elif role:
            _assign(roles, role, index, header, path)

    # "Satuan": prices or unit names, by what its cells hold.
    if "satuan" in ambiguous:
        index = ambiguous["satuan"]
        cells = [cells[index] for _, cells in body if index < len(cells)]
        role = "unit_price" if _holds_money(cells) else "unit"
        _assign(roles, role, index, header, path)

    # "Jumlah": the amount beside a quantity column, else the quantity.
    if "jumlah" in ambiguous:
        role = "amount" if "quantity" in roles else "quantity"
        _assign(roles, role, ambiguous["jumlah"], header, path)

    # "Harga": the unit price beside an amount column, else the amount.
    if "harga" in ambiguous:
        role = "unit_price" if "amount" in roles else "amount"
        _assign(roles, role, ambiguous["harga"], header, path)

    missing = [role for role in REQUIRED_ROLES if role not in roles]
    if missing:
        raise InputError(
            "common.missing_columns",
            path=str(path),
            expected=", ".join(ROLE_EXAMPLES[role] for role in missing),
            found=", ".join(c for c in header if c.strip()) or "-",
        )
    logger.debug("budget columns: %s", roles)
    return roles


def _assign(roles, role, index, header, path):
    """Give ``role`` to column ``index``, or refuse a second column."""
    if role in roles:
        raise InputError(
            "budget.duplicate_role",
            path=str(path),
            found=f"{header[roles[role]]}, {header[index]}",
            expected=ROLE_EXAMPLES.get(role, role),
        )
    roles[role] = index


def _holds_money(cells):
    """True when at least half of the non-empty cells read as money.

    Half, not all, so that one miswritten price (``gratis``) is reported
    in its cell instead of turning the column into unit names.
    """
    filled = [cell for cell in cells if cell.strip()]
    money = 0
    for cell in filled:
        try:
            parse_rupiah(cell)
        except ValueError:
            continue
        money += 1
    return bool(filled) and 2 * money >= len(filled)


def _cell_getter(cells, roles):
    """A function giving the stripped text of a row's cell for a role."""

    def cell(role):
        index = roles.get(role)
        if index is None or index >= len(cells):
            return ""
        return cells[index].strip()

    return cell


def _is_total_row(cell):
    """True for a TOTAL (or subtotal) row: no number, no quantity."""
    words = {_normalise_header(cell("item")), _normalise_header(cell("no"))}
    return (
        not cell("quantity")
        and not cell("no").rstrip(".").isdigit()
        and bool(words & set(TOTAL_WORDS))
    )


def _is_heading_row(cell):
    """True for a section heading: no line number, quantity or money."""
    numbered = cell("no").rstrip(".").isdigit()
    filled = cell("quantity") or cell("unit_price") or cell("amount")
    return not numbered and not filled


def _read_line(row_number, cell, roles, header, path, lines_before):
    """One budget line as a dict of :data:`COLUMNS`."""

    def error(key, role, expected):
        return InputError(
            key,
            path=str(path),
            row=row_number,
            column=header[roles[role]],
            expected=expected,
            found=cell(role),
        )

    # The line's number; lines count 1, 2, ... without a No column.
    if "no" in roles:
        written_no = cell("no").rstrip(".")
        if not written_no.isascii() or not written_no.isdigit():
            raise error("budget.bad_no", "no", "1, 2, 3 ...")
        no = int(written_no)
        if no >= LARGEST:
            raise error("budget.too_large", "no", LARGEST)
    else:
        no = lines_before + 1

    # The quantity and its units; a separate unit column fills in.
    quantity, units = None, ""
    if cell("quantity"):
        try:
            quantity, units = parse_quantity(cell("quantity"))
        except ValueError:
            raise error(
                "budget.bad_quantity", "quantity", "75 orang x 4 hari"
            ) from None
        if quantity >= LARGEST:
            raise error("budget.too_large", "quantity", LARGEST)
    if not units:
        units = cell("unit")

    # The unit price and the amount, as Rupiah (None when malformed).
    money = {
        role: _money_cell(cell(role), path, row_number, header[roles[role]])
        for role in ("unit_price", "amount")
    }

    return {
        "no": no,
        "item": cell("item"),
        "quantity_written": cell("quantity"),
        "quantity": quantity,
        "quantity_units": units,
        "unit_price_written": cell("unit_price"),
        "unit_price": money["unit_price"],
        "amount_written": cell("amount"),
        "amount": money["amount"],
        "source_row": row_number,
    }


def _money_cell(written, path, row, column):
    """The value of a money cell; None when empty or malformed.

    Raises
    ------
    InputError
        When the cell is no amount of money, or an amount (or one of its
        likely values) of :data:`LARGEST` or more.
    """
    if not written:
        return None
    fields = dict(path=str(path), row=row, column=column, found=written)
    try:
        amount = parse_rupiah(written)
    except ValueError:
        raise InputError(
            "budget.bad_money", expected="Rp 15.000", **fields
        ) from None
    if any(abs(value) >= LARGEST for value in _options(amount)):
        raise InputError("budget.too_large", expected=LARGEST, **fields)
    return amount.value


def _check_unique_numbers(lines, path, header, roles):
    """Refuse two lines with the same No: findings name lines by it."""
    seen = {}
    for line in lines:
        if line["no"] in seen:
            raise InputError(
                "budget.duplicate_no",
                path=str(path),
                row=line["source_row"],
                column=header[roles["no"]] if "no" in roles else "No",
                expected=max(seen) + 1,
                found=line["no"],
                first_row=seen[line["no"]],
            )
        seen[line["no"]] = line["source_row"]


def _number_array(values):
    """A nullable integer column, or a nullable float one with sen.

    Products of two numbers below :data:`LARGEST` can pass the int64
    range; such a column is a float one.
    """
    values = [None if pd.isna(v) else v for v in values]
    if all(
        v is None or (float(v).is_integer() and abs(v) < 2**63) for v in values
    ):
        return pd.array(
            [None if v is None else int(v) for v in values], dtype="Int64"
        )
    return pd.array(values, dtype="Float64")


def _plain(value):
    """A whole number as ``int``, anything else as ``float``; None stays."""
    if pd.isna(value):
        return None
    if isinstance(value, numbers.Integral):
        return int(value)
    value = round(float(value), 2)
    return int(value) if value.is_integer() else value


def _money(value):
    """Rupiah the Indonesian way, sen only when any; ``-`` for None."""
    return or_dash(value, format_rupiah, None)


def _quantity_text(quantity):
    """A quantity in the reader's language: ``300`` or ``2,5``."""
    decimals = 0 if float(quantity).is_integer() else 2
    return format_number(quantity, decimals=decimals)


def _finding(no, column, kind, *sentences):
    """A finding row; ``sentences`` are catalog texts joined by spaces."""
    return {
        "no": no,
        "column": column,
        "kind": kind,
        "message": " ".join(sentences),
    }


def _column_name(column):
    """The name of a budget column inside a sentence."""
    return text(f"budget.column_{column}")


def _audit_line(line):
    """Findings, recomputed amount and countable written amount of a line.

    Returns
    -------
    dict
        ``findings`` (list), ``recomputed`` and ``written`` (numbers or
        None) and ``basis`` (str).
    """
    no = int(line.no)
    quantity = _plain(line.quantity)
    price = _parse_written(line.unit_price_written)
    amount = _parse_written(line.amount_written)
    findings = []

    # Empty cells.
    for column in ("quantity", "unit_price", "amount"):
        if not getattr(line, f"{column}_written"):
            sentence = text(
                "budget.missing_value", no=no, column=_column_name(column)
            )
            findings.append(_finding(no, column, "missing", sentence))

    # Quantity × each likely unit price, against each likely amount.
    products = []
    if quantity is not None:
        products = [(p, _plain(quantity * p)) for p in _options(price)]
    fits = [
        (p, product)
        for p, product in products
        if any(product == _plain(a) for a in _options(amount))
    ]

    # A malformed unit price, with the value that fits, if one does.
    if price is not None and price.malformed:
        sentences = [_malformed_sentence(no, "unit_price", price)]
        if len(fits) == 1:
            fitting_price = _money(fits[0][0])
            sentences.append(text("budget.price_fits", price=fitting_price))
        findings.append(_finding(no, "unit_price", "malformed", *sentences))

    # The recomputed amount: quantity × a readable unit price, else the
    # written amount, else the one product both malformed cells agree on.
    recomputed, basis, used_price = None, "none", None
    if quantity is not None and price is not None and not price.malformed:
        used_price = price.value
        recomputed = _plain(quantity * used_price)
        basis = "quantity_x_unit_price"
    elif amount is not None and not amount.malformed:
        recomputed, basis = amount.value, "written_amount"
    elif len({product for _, product in fits}) == 1:
        used_price, recomputed = fits[0]
        basis = "quantity_x_likely_unit_price"

    # A malformed written amount, beside what the line computes.
    if amount is not None and amount.malformed:
        sentences = [_malformed_sentence(no, "amount", amount)]
        if used_price is not None:
            sentences.append(
                text(
                    "budget.recomputed",
                    quantity=_quantity_text(quantity),
                    price=_money(used_price),
                    recomputed=_money(recomputed),
                )
            )
        findings.append(_finding(no, "amount", "malformed", *sentences))

    # A negative unit price or amount: no budget line is below zero.
    for column, written in (("unit_price", price), ("amount", amount)):
        if any(value < 0 for value in _options(written)):
            sentence = text(
                "budget.negative",
                no=no,
                column=_column_name(column),
                written=written.written.strip(),
            )
            findings.append(_finding(no, column, "negative", sentence))

    # Quantity × unit price against the written amount.
    if products and _options(amount) and not fits:
        written_products = [
            text(
                "budget.product",
                quantity=_quantity_text(quantity),
                price=_money(p),
                product=_money(product),
            )
            for p, product in products
        ]
        sentence = text(
            "budget.mismatch",
            no=no,
            products=join_alternatives(written_products),
            written=line.amount_written,
        )
        findings.append(_finding(no, "amount", "mismatch", sentence))

    # A line that adds nothing to the recomputed total.
    if recomputed is None:
        sentence = text("budget.not_counted", no=no)
        findings.append(_finding(no, "amount", "not_counted", sentence))

    # What the line adds to the sum of the written amounts: a malformed
    # amount counts at the likely value its own line confirms.
    written = None
    if amount is not None and not amount.malformed:
        written = amount.value
    elif amount is not None and used_price is not None:
        written = recomputed if recomputed in amount.candidates else None

    return {
        "findings": findings,
        "recomputed": recomputed,
        "written": written,
        "basis": basis,
    }


def _parse_written(written):
    """A money cell read with :func:`parse_rupiah`; None when empty."""
    return parse_rupiah(written) if written else None


def _options(amount):
    """The value of a readable amount, or the likely values of a malformed."""
    if amount is None:
        return []
    if amount.malformed:
        return list(amount.candidates)
    return [amount.value]


def _malformed_sentence(no, column, amount):
    """'No 1: the unit price ... is malformed (why). Maybe ... .'"""
    sentence = text(
        "budget.malformed",
        no=no,
        column=_column_name(column),
        written=amount.written.strip(),
        problem=amount.explain(),
    )
    if amount.candidates:
        guess = text("budget.maybe", candidates=format_candidates(amount))
        sentence = f"{sentence} {guess}"
    return sentence


def _audit_total(
    written, sum_written, total_recomputed, unsummed=(), uncounted=()
):
    """The TOTAL row's value and its findings against both sums.

    ``unsummed`` are the No of the lines whose written amount is missing
    from the written sum (which is then None), ``uncounted`` those left
    out of the recomputed sum; the findings name them.
    """
    recomputed = _money(total_recomputed)
    leaves_out = []
    if uncounted:
        rows = _numbers_text(uncounted)
        leaves_out = [text("budget.recomputed_leaves_out", rows=rows)]

    # No TOTAL row: nothing to compare.
    if not written:
        sentence = text("budget.total_missing", recomputed=recomputed)
        return None, [
            _finding(None, "total", "total_missing", sentence, *leaves_out)
        ]

    # A malformed TOTAL: say so, and give the recomputed sum.
    total = parse_rupiah(written)
    if total.malformed:
        sentences = [
            text(
                "budget.total_malformed",
                written=written,
                problem=total.explain(),
            )
        ]
        if total.candidates:
            candidates = format_candidates(total)
            sentences.append(text("budget.maybe", candidates=candidates))
        sentences.append(text("budget.total_recomputed", recomputed=recomputed))
        sentences.extend(leaves_out)
        return None, [_finding(None, "total", "malformed", *sentences)]

    value = _plain(total.value)
    findings = []
    if value < 0:
        sentence = text("budget.total_negative", total=written.strip())
        findings.append(_finding(None, "total", "negative", sentence))

    # The written amounts cannot be summed: one statement, against the
    # recomputed sum only, saying why.
    if sum_written is None:
        rows = _numbers_text(unsummed)
        if value == total_recomputed:
            sentence = text(
                "budget.total_unchecked", total=_money(value), rows=rows
            )
            findings.append(
                _finding(
                    None, "total", "total_unchecked", sentence, *leaves_out
                )
            )
        else:
            sentences = [
                text(
                    "budget.total_vs_recomputed",
                    total=_money(value),
                    recomputed=recomputed,
                ),
                *leaves_out,
                text("budget.written_sum_unavailable", rows=rows),
            ]
            findings.append(
                _finding(None, "total", "total_vs_recomputed", *sentences)
            )
        return value, findings

    # Both sums agree: one comparison says it all.
    if sum_written == total_recomputed:
        if value != sum_written:
            sentence = text(
                "budget.total_mismatch",
                total=_money(value),
                sum=_money(sum_written),
            )
            findings.append(_finding(None, "total", "total_mismatch", sentence))
        return value, findings

    # The TOTAL against each sum in turn.
    if value != sum_written:
        sentence = text(
            "budget.total_vs_written",
            total=_money(value),
            sum=_money(sum_written),
        )
        findings.append(_finding(None, "total", "total_vs_written", sentence))
    if value != total_recomputed:
        sentence = text(
            "budget.total_vs_recomputed",
            total=_money(value),
            recomputed=recomputed,
        )
        findings.append(
            _finding(None, "total", "total_vs_recomputed", sentence)
        )
    return value, findings


def _numbers_text(numbers):
    """Line numbers for a sentence: ``1, 3, 4``."""
    return ", ".join(str(no) for no in numbers)
