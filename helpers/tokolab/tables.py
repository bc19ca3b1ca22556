"""Delimited text tables as spreadsheet programs and web tools write them.

Every CSV reader in the kit starts here, so they all accept the same things:
UTF-8 with or without a byte-order mark, or Windows-1252 (what Excel on an
Indonesian Windows laptop saves), or UTF-16 with a byte-order mark (Excel's
"Unicode Text", usually tab-separated); comma, semicolon or tab between
fields; quoted fields with embedded newlines and doubled quotes. Cells come
back as text, exactly as written; each reader decides what a cell means.

A first line ``sep=,`` or ``sep=;`` (Excel writes it to name the delimiter)
sets the delimiter and is no part of the table.

Row numbers in errors count the lines of the file the way a spreadsheet
does: the header is row 1, the first data row is row 2. Blank lines count
as rows there too, and so do the lines above the header that are no part
of the table (blank lines and a ``sep=`` line), so a parsed table drops
them but keeps the others' positions in its index: the spreadsheet number
of a row is always its index + 2, and the header's is in
``table.attrs["header_row"]``. After a ``sep=;`` line the header is row 2
and the first data row is row 3: the numbers are the file's lines, as a
text editor shows them. Excel uses the ``sep=`` line rather than showing
it, so there every row may show one number lower.
"""

import codecs
import csv
import io
import logging
import re
import warnings
from pathlib import Path

import pandas as pd

from tokolab.errors import InputError

logger = logging.getLogger(__name__)

# Tried in this order; cp1252 decodes almost any byte, so it comes last.
ENCODINGS = ("utf-8-sig", "cp1252")

DELIMITERS = (",", ";", "\t")

# Byte-order marks of UTF-16 text, little- and big-endian.
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

# Excel's first line naming the delimiter: "sep=;". One ASCII mark, tab
# or space (pandas splits on one byte only), never a quote.
_SEP_LINE = re.compile(
    r'"?sep=(?P<delimiter>[\t !#-/:-@\[-`{-~])"?[ \t]*(?:\r\n|\r|\n|$)',
    re.IGNORECASE,
)

# A line of nothing but spaces, delimiters and quotes: a row of empty cells.
# Searching the text for one first spares large files the cell-by-cell test.
_MAYBE_BLANK_ROW = re.compile(r'\n[ \t,;"]*\r?\n|\n[ \t,;"]+\Z')

# Blank lines at the start of a text.
_BLANK_LINES = re.compile(r"[\r\n]*")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def decode_bytes(data, path):
    """Turn the bytes of a text file into a string.

    Parameters
    ----------
    data : bytes
    path : str or Path
        Named in the error when no encoding fits.

    Returns
    -------
    text : str
    encoding : str
        ``"utf-16"`` (the bytes start with a UTF-16 BOM, either byte
        order), ``"utf-8-sig"`` (with or without a BOM) or ``"cp1252"``.

    Raises
    ------
    InputError
        When the bytes are neither UTF-16 with a BOM, UTF-8 nor
        Windows-1252 text.
    """
    # UTF-16 is half NUL bytes, so it is recognised by its BOM first.
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError("common.not_text", path=str(path)) from None
        if "\x00" in text[:4096]:
            raise InputError("common.not_text", path=str(path))
        return text, "utf-16"

    if b"\x00" in data[:4096]:
        raise InputError("common.not_text", path=str(path))

    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise InputError("common.not_text", path=str(path))


def read_bytes(path):
    """Read a whole file, or say in the kit's words why it cannot be read.

    Raises
    ------
    InputError
        When the file is missing, is a folder, or cannot be opened.
    """
    path = Path(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("common.file_not_found", path=str(path)) from None
    except IsADirectoryError:
        raise InputError("common.is_folder", path=str(path)) from None
    except OSError as error:
        raise InputError(
            "common.cannot_open", path=str(path), reason=error.strerror
        ) from None


def read_text(path):
    """Read a whole text file, whatever its encoding among :data:`ENCODINGS`.

    Returns
    -------
    text : str
    encoding : str
    """
    return decode_bytes(read_bytes(path), path)


def sniff_delimiter(text):
    """Guess the field delimiter from the first non-empty line.

    A ``sep=;`` line names it. Otherwise the delimiter is whichever of
    comma, semicolon and tab occurs most often outside quotes in that
    line; a one-column file gives a comma.
    """
    _, text, named = lines_above_header(text)
    if named:
        return named

    # The text now starts at the header: only its first line matters.
    first_line = text.partition("\n")[0]
    counts = dict.fromkeys(DELIMITERS, 0)
    inside_quotes = False
    for char in first_line:
        if char == '"':
            inside_quotes = not inside_quotes
        elif not inside_quotes and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def lines_above_header(text):
    """Split off the lines above the header that are no part of the table.

    Those are blank lines and one ``sep=`` line (Excel's way of naming
    the delimiter), with blank lines before or after it.

    Parameters
    ----------
    text : str
        The file's content, already decoded.

    Returns
    -------
    skipped : int
        How many lines were split off; the header is row ``skipped + 1``.
    rest : str
        The text from the header on.
    delimiter : str or None
        The delimiter a ``sep=`` line names, None without one.
    """
    blank = _BLANK_LINES.match(text).group()
    skipped = len(_LINE_BREAK.findall(blank))
    rest = text[len(blank) :]

    delimiter = None
    named = _SEP_LINE.match(rest)
    if named:
        delimiter = named["delimiter"]
        rest = rest[named.end() :]
        blank = _BLANK_LINES.match(rest).group()
        skipped += 1 + len(_LINE_BREAK.findall(blank))
        rest = rest[len(blank) :]
    return skipped, rest, delimiter


def parse_delimited(text, path, delimiter=None):
    """Parse delimited text into a table of strings.

    Parameters
    ----------
    text : str
        The file's content, already decoded.
    path : str or Path
        Named in errors.
    delimiter : str, optional
        Named by a ``sep=`` line, else guessed with :func:`sniff_delimiter`,
        when not given.

    Returns
    -------
    pandas.DataFrame
        One column per header cell, every cell a ``str`` (empty cells are
        ``""``), header names stripped of surrounding spaces. Blank lines
        and a ``sep=`` line are dropped; the index + 2 is each row's
        spreadsheet number, and ``attrs["header_row"]`` the header's.

    Raises
    ------
    InputError
        When the text is empty or its rows do not split into a table.
    """
    # Blank lines and a "sep=" line above the header are no part of the
    # table; count them so the index still gives rows.
    skipped, text, named = lines_above_header(text)
    if not text.strip():
        raise InputError("common.file_empty", path=str(path))

    delimiter = delimiter or named or sniff_delimiter(text)
    try:
        # Rows longer than the header would be cut short with only a
        # warning (or shift every column when all are longer): refuse them.
        with warnings.catch_warnings():
            warnings.simplefilter("error", pd.errors.ParserWarning)
            table = pd.read_csv(
                io.StringIO(text),
                sep=delimiter,
                dtype=str,
                keep_default_na=False,
                na_filter=False,
                skip_blank_lines=False,
                quoting=csv.QUOTE_MINIMAL,
                engine="c",
                index_col=False,
            )
    except (pd.errors.ParserWarning, pd.errors.ParserError) as error:
        row, expected, found = first_long_row(text, delimiter)
        if row is not None:
            raise InputError(
                "common.row_too_long",
                path=str(path),
                row=row + skipped,
                expected=expected,
                found=found,
            ) from None
        row = unclosed_quote_row(text, delimiter)
        if row is not None:
            raise InputError(
                "common.unclosed_quote", path=str(path), row=row + skipped
            ) from None
        raise InputError(
            "common.not_a_table", path=str(path), reason=str(error)
        ) from None
    except (pd.errors.EmptyDataError, csv.Error) as error:
        raise InputError(
            "common.not_a_table", path=str(path), reason=str(error)
        ) from None

    # Drop blank lines, keeping each remaining row's position in the index.
    table.columns = [str(name).strip() for name in table.columns]
    table.index = table.index + skipped
    if _MAYBE_BLANK_ROW.search(text):
        blank = (table == "").all(axis=1)
        table = table[~blank]
    table.attrs["header_row"] = skipped + 1
    return table


def header_cells(text, delimiter=None):
    """The header row as written, before pandas names blank or repeated cells.

    :func:`parse_delimited` gets its column names from pandas, which calls a
    blank header ``Unnamed: 2`` and a repeated one ``Clicks.1``; a message
    should show what the file says instead.

    Parameters
    ----------
    text : str
        The file's content, already decoded.
    delimiter : str, optional
        Named by a ``sep=`` line, else guessed with :func:`sniff_delimiter`,
        when not given.

    Returns
    -------
    list of str
        The first non-blank row's cells below any ``sep=`` line, stripped
        of surrounding spaces, in the order of :func:`parse_delimited`'s
        columns; empty when the text holds no row that splits.
    """
    _, text, named = lines_above_header(text)
    delimiter = delimiter or named or sniff_delimiter(text)
    rows = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next((row for row in rows if row), [])
    except csv.Error:
        return []
    return [cell.strip() for cell in header]


def first_long_row(text, delimiter):
    """Find the first row with more fields than the header.

    Returns
    -------
    tuple
        ``(row number, header fields, row fields)``, the header being row 1.
    """
    rows = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = []
    try:
        header = next(rows, [])
        for number, row in enumerate(rows, start=2):
            if len(row) > len(header):
                return number, len(header), len(row)
    except csv.Error:
        pass
    return None, len(header), None


def unclosed_quote_row(text, delimiter):
    """Find the row whose opening quote is never closed.

    Such a quote swallows the rest of the file into one cell, so the
    strict csv reader stops on the file's last line.

    Returns
    -------
    int or None
        The row number, the header being row 1; None when the text does
        not end inside a quote.
    """
    last_line = len(io.StringIO(text).readlines())
    rows = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    complete = 0
    try:
        for _ in rows:
            complete += 1
    except csv.Error:
        if rows.line_num == last_line:
            return complete + 1
    return None


def read_delimited(path, delimiter=None):
    """Read a delimited text file into a table of strings.

    Parameters
    ----------
    path : str or Path
    delimiter : str, optional
        Guessed from the header line when not given.

    Returns
    -------
    pandas.DataFrame
        See :func:`parse_delimited`.
    """
    text, encoding = read_text(path)
    logger.info("reading %s (%s)", path, encoding)
    return parse_delimited(text, path, delimiter)


def require_columns(table, required, path):
    """Check that ``table`` has every column in ``required``.

    Raises
    ------
    InputError
        Naming the file, the missing columns and the columns found.
    """
    missing = [name for name in required if name not in table.columns]
    if missing:
        raise InputError(
            "common.missing_columns",
            path=str(path),
            expected=", ".join(missing),
            found=", ".join(table.columns) or "-",
        )
