"""Search Console Performance exports: the zip, the unzipped folder, one CSV.

The format
----------
Search Console's Performance report (Search results) downloads as a zip of
CSV files, one per tab of the report plus the filters that were on. Each
file is one table with a header row; the table is recognised by its headers,
never by the file name alone, because the names change with the UI language
and with the age of the export.

=================  =====================  ===================================
table              file (English / ID)    first header (English / ID)
=================  =====================  ===================================
chart              Chart.csv, Dates.csv   Date / Tanggal
                   / Bagan.csv
queries            Queries / Kueri        Top queries / Kueri teratas
pages              Pages / Halaman        Top pages / Halaman teratas
countries          Countries / Negara     Country / Negara
devices            Devices / Perangkat    Device / Perangkat
search_appearance  Search appearance /    Search Appearance /
                   Tampilan penelusuran   Tampilan penelusuran
filters            Filters / Filter       Filter, Value / Filter, Nilai
=================  =====================  ===================================

Every table but the filters has four metric columns after the first:
Clicks / Klik, Impressions / Tayangan, CTR, Position / Posisi. Headers are
compared without regard to case, repeated spaces or how accents are encoded;
every accepted spelling is in :data:`COLUMN_ALIASES`, one entry per UI
language listed in :data:`LANGUAGES`, and adding a spelling (or a language)
there is all it takes to read a new variant. The export's language is the
one that writes the most of its headers (``Date``, ``Impressions``,
``Position`` are both English and French: ``Clics`` decides).

Where the spellings come from:

- Indonesian: the file names Bagan, Kueri, Halaman, Negara, Perangkat and
  the headers Tanggal, Kueri teratas, Halaman teratas, Negara, Perangkat,
  Klik, Tayangan, CTR, Posisi are seen in exports that Indonesian site
  owners describe in public repositories; "Tampilan penelusuran" and the
  Filters header "Nilai" are the UI's words, not yet seen in a file.
- French, Spanish, Portuguese, German: the metric names (Clics /
  Impressions; Clics / Impresiones; Cliques / Impressões; Klicks /
  Impressionen / Klickrate) are those of Google's own help pages in each
  language. The dimension headers Requêtes les plus fréquentes, Pages les
  plus populaires, Pays, Appareil, Apparence dans les résultats de
  recherche; Consultas principales, Páginas principales; Consultas
  principais; Häufigste Suchanfragen, Häufigste Seiten, and the position
  spellings Position moyenne, Posición media, Durchschnittliche Position
  are seen in the tests of public projects that read these exports, as are
  the French file names Requêtes, Pages, Pays, Appareils, Graphique, Dates
  and Filtres. Assumed, not verified: the Date header in Spanish (Fecha),
  Portuguese (Data) and German (Datum); Páginas principais; the country
  and device headers in Spanish, Portuguese and German; the search
  appearance header in those three; every Filters header and filter name
  in the four languages; and all their file names but the French ones.
  Each assumption can be replaced by the real spelling in the tables
  below when a real export shows it.

Cells as written, and what they become:

- ``Date``: ``2026-03-01`` (ISO, in both UI languages) -> a pandas date.
- ``Clicks``, ``Impressions``: whole numbers, ``1234``. Grouped thousands are
  accepted in any of the usual styles (``1,234``, ``1.234``, ``1 234``): a
  count is never fractional, so a separator followed by exactly three digits
  can only group thousands. ``12,34`` or ``1.5`` is an error, and so is a
  count above :data:`MAX_COUNT`.
- ``CTR``: a percentage, ``0.93%`` or ``0,93%`` -> 0.0093 [fraction 0-1]. A
  CTR without ``%`` is an error, since ``0.93`` could mean 0.93 % or 93 %.
- ``Position``: ``7.5`` or ``7,5`` -> 7.5. Search Console never groups
  positions or CTRs, so in these columns a lone ``.`` or ``,`` is always the
  decimal mark (``1,234`` is 1.234). With both marks, the last one is the
  decimal mark and the other groups thousands (``1.234,5`` and ``1,234.5``).
- Filters: one row per filter that was on, ``Search type,Web`` and
  ``Date,Last 6 months`` (or a quoted custom range such as
  ``"Mar 1, 2026-Mar 31, 2026"``), kept as written.
"""

import logging
import lzma
import math
import re
import struct
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path, PurePosixPath

import pandas as pd

from tokolab.errors import InputError
from tokolab.messages import text
from tokolab.tables import (
    decode_bytes,
    header_cells,
    parse_delimited,
    require_columns,
    sniff_delimiter,
)

logger = logging.getLogger(__name__)

# Search Console writes at most this many rows into one table of an export.
EXPORT_ROW_LIMIT = 1000

# A real export is a few hundred kilobytes; anything far bigger is not one.
MAX_FILE_BYTES = 50 * 1024 * 1024

# Largest click or impression count read [count]. Far above any site (all of
# Google answers some 10**10 searches a day), and low enough that a file of
# MAX_FILE_BYTES full of such counts still sums inside a 64-bit integer.
MAX_COUNT = 10**12

# zipfile reports a damaged archive through many exception types: an unknown
# compression is NotImplementedError, an encrypted member RuntimeError, a
# broken stream zlib.error, lzma.LZMAError or EOFError, a broken header
# ValueError or struct.error.
_DAMAGED_ZIP_ERRORS = (
    zipfile.BadZipFile,
    EOFError,
    zlib.error,
    lzma.LZMAError,
    NotImplementedError,
    RuntimeError,
    ValueError,
    struct.error,
)

# UI languages the aliases below cover, in the order that breaks ties when
# the headers fit two languages equally well.
LANGUAGES = ("en", "id", "fr", "es", "pt", "de")

# Every spelling a column header has been seen under, per UI language; each
# language lists every column, its usual spelling first (that one is named
# in error messages). Compared after folding case and collapsing spaces. To
# read a new UI language, add its code to LANGUAGES and one entry per column
# here, in TABLE_FILE_NAMES and, where known, in FILTER_ALIASES.
COLUMN_ALIASES = {
    "date": {
        "en": ("Date",),
        "id": ("Tanggal",),
        "fr": ("Date",),
        "es": ("Fecha",),
        "pt": ("Data",),
        "de": ("Datum",),
    },
    "query": {
        "en": ("Top queries", "Query", "Queries"),
        "id": ("Kueri teratas", "Kueri"),
        "fr": ("Requêtes les plus fréquentes", "Requête", "Requêtes"),
        "es": ("Consultas principales", "Consulta", "Consultas"),
        "pt": ("Consultas principais", "Consulta", "Consultas"),
        "de": ("Häufigste Suchanfragen", "Suchanfrage", "Suchanfragen"),
    },
    "page": {
        "en": ("Top pages", "Page", "Pages"),
        "id": ("Halaman teratas", "Halaman"),
        "fr": ("Pages les plus populaires", "Page", "Pages"),
        "es": ("Páginas principales", "Página", "Páginas"),
        "pt": ("Páginas principais", "Página", "Páginas"),
        "de": ("Häufigste Seiten", "Die häufigsten Seiten", "Seite", "Seiten"),
    },
    "country": {
        "en": ("Country", "Countries"),
        "id": ("Negara",),
        "fr": ("Pays",),
        "es": ("País", "Países"),
        "pt": ("País", "Países"),
        "de": ("Land", "Länder"),
    },
    "device": {
        "en": ("Device", "Devices"),
        "id": ("Perangkat",),
        "fr": ("Appareil", "Appareils"),
        "es": ("Dispositivo", "Dispositivos"),
        "pt": ("Dispositivo", "Dispositivos"),
        "de": ("Gerät", "Geräte"),
    },
    "search_appearance": {
        "en": ("Search Appearance",),
        "id": ("Tampilan penelusuran", "Tampilan di penelusuran"),
        "fr": ("Apparence dans les résultats de recherche",),
        "es": ("Aparición en búsquedas",),
        "pt": ("Aparência na pesquisa",),
        "de": ("Darstellung in der Suche",),
    },
    "clicks": {
        "en": ("Clicks",),
        "id": ("Klik",),
        "fr": ("Clics",),
        "es": ("Clics",),
        "pt": ("Cliques",),
        "de": ("Klicks",),
    },
    "impressions": {
        "en": ("Impressions",),
        "id": ("Tayangan",),
        "fr": ("Impressions",),
        "es": ("Impresiones",),
        "pt": ("Impressões",),
        "de": ("Impressionen",),
    },
    "ctr": {
        "en": ("CTR",),
        "id": ("CTR",),
        "fr": ("CTR",),
        "es": ("CTR",),
        "pt": ("CTR",),
        "de": ("CTR", "Klickrate"),
    },
    "position": {
        "en": ("Position",),
        "id": ("Posisi",),
        "fr": ("Position", "Position moyenne"),
        "es": ("Posición", "Posición media"),
        "pt": ("Posição", "Posição média"),
        "de": ("Position", "Durchschnittliche Position"),
    },
    "filter": {
        "en": ("Filter",),
        "id": ("Filter",),
        "fr": ("Filtre",),
        "es": ("Filtro",),
        "pt": ("Filtro",),
        "de": ("Filter",),
    },
    "value": {
        "en": ("Value",),
        "id": ("Nilai",),
        "fr": ("Valeur",),
        "es": ("Valor",),
        "pt": ("Valor",),
        "de": ("Wert",),
    },
}

METRICS = ("clicks", "impressions", "ctr", "position")

# Each table's columns, its dimension (the column that names it) first.
TABLE_LAYOUTS = {
    "chart": ("date", *METRICS),
    "queries": ("query", *METRICS),
    "pages": ("page", *METRICS),
    "countries": ("country", *METRICS),
    "devices": ("device", *METRICS),
    "search_appearance": ("search_appearance", *METRICS),
    "filters": ("filter", "value"),
}

# File names Search Console gives each table. Used only to name the headers
# a file should have had when its own headers are not recognised.
TABLE_FILE_NAMES = {
    "chart": {
        "en": ("Chart", "Dates"),
        "id": ("Bagan", "Tanggal"),
        "fr": ("Graphique", "Dates"),
        "es": ("Gráfico", "Fechas"),
        "pt": ("Gráfico", "Datas"),
        "de": ("Diagramm", "Daten"),
    },
    "queries": {
        "en": ("Queries",),
        "id": ("Kueri",),
        "fr": ("Requêtes",),
        "es": ("Consultas",),
        "pt": ("Consultas",),
        "de": ("Suchanfragen",),
    },
    "pages": {
        "en": ("Pages",),
        "id": ("Halaman",),
        "fr": ("Pages",),
        "es": ("Páginas",),
        "pt": ("Páginas",),
        "de": ("Seiten",),
    },
    "countries": {
        "en": ("Countries",),
        "id": ("Negara",),
        "fr": ("Pays",),
        "es": ("Países",),
        "pt": ("Países",),
        "de": ("Länder",),
    },
    "devices": {
        "en": ("Devices",),
        "id": ("Perangkat",),
        "fr": ("Appareils",),
        "es": ("Dispositivos",),
        "pt": ("Dispositivos",),
        "de": ("Geräte",),
    },
    "search_appearance": {
        "en": ("Search appearance",),
        "id": ("Tampilan penelusuran",),
        "fr": ("Apparence dans les résultats de recherche",),
        "es": ("Aparición en búsquedas",),
        "pt": ("Aparência na pesquisa",),
        "de": ("Darstellung in der Suche",),
    },
    "filters": {
        "en": ("Filters",),
        "id": ("Filter",),
        "fr": ("Filtres",),
        "es": ("Filtros",),
        "pt": ("Filtros",),
        "de": ("Filter",),
    },
}

# Names of the rows in the Filters table, and the key each becomes. The
# French, Spanish, Portuguese and German names are the UI's words, not yet
# seen in a downloaded file; an unknown name keeps its written form.
FILTER_ALIASES = {
    "search_type": (
        "Search type",
        "Jenis penelusuran",
        "Jenis pencarian",
        "Tipe penelusuran",
        "Type de recherche",
        "Tipo de búsqueda",
        "Tipo de pesquisa",
        "Suchtyp",
    ),
    "date_range": (
        "Date",
        "Tanggal",
        "Rentang tanggal",
        "Fecha",
        "Data",
        "Datum",
    ),
    "query": ("Query", "Kueri", "Requête", "Consulta", "Suchanfrage"),
    "page": ("Page", "Halaman", "Página", "Seite"),
    "country": ("Country", "Negara", "Pays", "País", "Land"),
    "device": ("Device", "Perangkat", "Appareil", "Dispositivo", "Gerät"),
    "search_appearance": ("Search appearance", "Tampilan penelusuran"),
}

FINDING_COLUMNS = ["file", "row", "kind", "message"]

# Numbers in ASCII digits. Thousands are grouped by a comma, dot, space,
# no-break space, narrow no-break space or apostrophe, the same mark
# throughout one number.
_DIGITS = re.compile(r"\d+", re.ASCII)
_GROUPED_COUNT = re.compile(
    r"\d{1,3}(?P<mark>[,. \u00a0\u202f'])\d{3}(?:(?P=mark)\d{3})*",
    re.ASCII,
)
_LONE_DECIMAL = re.compile(r"\d+[.,]\d+", re.ASCII)
_GROUPED_DECIMAL = re.compile(
    r"\d{1,3}(?P<group>[,. \u00a0\u202f'])\d{3}(?:(?P=group)\d{3})*"
    r"(?P<decimal>[.,])\d+",
    re.ASCII,
)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


@dataclass
class SearchConsoleExport:
    """One Search Console Performance export, read and checked.

    Attributes
    ----------
    source : str
        The zip, folder or CSV file that was read.
    language : str
        UI language of the export, one of :data:`LANGUAGES` (``"en"``,
        ``"id"``, ``"fr"``, ``"es"``, ``"pt"``, ``"de"``), from its headers.
    tables : dict of str to pandas.DataFrame
        The tables present, under the keys ``chart``, ``queries``,
        ``pages``, ``countries``, ``devices``, ``search_appearance``. The
        chart has ``date, clicks, impressions, ctr, position``, sorted by
        date; the others their dimension (``query``, ``page``, ``country``,
        ``device``, ``search_appearance``) then ``clicks, impressions, ctr,
        position``. ``clicks`` and ``impressions`` are int [count], ``ctr``
        a float [fraction 0-1], ``position`` a float [rank, 1 = top]. Each
        table's ``attrs["path"]`` names its file.
    filters : dict of str to str
        The Filters table: ``search_type``, ``date_range`` (as written, for
        example ``"Last 6 months"``), ``query``, ``page`` ... for the filters
        that were on; a filter the kit does not know keeps its written name.
    truncated : list of str
        Tables with exactly 1,000 rows, Search Console's export limit: rows
        past the limit were cut.
    findings : pandas.DataFrame
        Things worth a look that do not stop the reading: ``file, row, kind,
        message`` (``row`` counted with the header as row 1, empty for a
        whole file; ``message`` in the language in use when read). Kinds:
        ``clicks_over_impressions``, ``truncated``.
    files : dict of str to str
        The file each table (and ``filters``) was read from.
    """

    source: str
    language: str
    tables: dict = field(default_factory=dict, repr=False)
    filters: dict = field(default_factory=dict)
    truncated: list = field(default_factory=list)
    findings: pd.DataFrame = field(
        default_factory=lambda: _findings_frame([]), repr=False
    )
    files: dict = field(default_factory=dict, repr=False)

    def totals(self):
        """Site totals over the whole period, from the chart table.

        The chart counts every click and impression. The queries and pages
        tables cannot give site totals: queries leave out anonymised
        searches, and pages count one search once per page shown.

        Returns
        -------
        dict or None
            ``clicks`` (int [count]), ``impressions`` (int [count]), ``ctr``
            (float [fraction 0-1], clicks / impressions) and ``position``
            (float [rank], impression-weighted mean of the daily positions);
            ``ctr`` and ``position`` are NaN when there were no impressions.
            None when the export has no chart table.
        """
        chart = self.tables.get("chart")
        if chart is None:
            return None

        clicks = int(chart["clicks"].sum())
        impressions = int(chart["impressions"].sum())
        return {
            "clicks": clicks,
            "impressions": impressions,
            "ctr": clicks / impressions if impressions else math.nan,
            "position": weighted_position(chart),
        }

    @property
    def period(self):
        """First and last day in the chart.

        Returns
        -------
        tuple of datetime.date or None
            ``(first day, last day)``; None when there is no chart table or
            it has no rows.
        """
        chart = self.tables.get("chart")
        if chart is None or chart.empty:
            return None
        return chart["date"].min().date(), chart["date"].max().date()


def read_search_console(path):
    """Read a Search Console Performance export.

    Parameters
    ----------
    path : str or Path
        The zip as downloaded, the folder it was unzipped into, or a single
        CSV file from it. A folder with no CSV file and one zip is read as
        that zip.

    Returns
    -------
    SearchConsoleExport

    Raises
    ------
    InputError
        When the input is missing, is not a zip, folder or CSV, holds a
        file whose headers are not a Search Console table, a cell that does
        not read as the number or date its column holds, or two files for
        the same table. The error names the file, and the row (header =
        row 1), column, expected and found where they apply.

    Notes
    -----
    Quirks of the files, all handled here:

    - Older exports call the chart ``Dates.csv`` and list it newest day
      first; the chart is always returned oldest day first.
    - The Indonesian UI names files and headers in Indonesian (``Bagan.csv``,
      ``Kueri teratas``, ``Klik``, ``Tayangan``, ``Posisi``) and may write
      decimal commas (``0,93%``); so do the French, Spanish, Portuguese and
      German UIs in their own words, French with a no-break space before
      ``%`` and between thousands (``1 200``), German perhaps with
      semicolons between fields.
    - A table with no rows (often Search appearance) is a header alone, with
      no newline at its end; it gives an empty table with its columns.
    - Queries are quoted when they hold commas, quotes or newlines; such a
      query stays one row. ``#`` inside a query is data, not a comment.
    - Files saved again in Excel may start with a byte-order mark, use
      semicolons between fields, be in Windows-1252, hold empty rows, or
      end every line with a stray delimiter (a column with neither header
      nor values). Empty rows and such columns are left out; row numbers
      in messages still count them, as the spreadsheet does.
    - Anonymised queries are left out of the queries table, so its clicks
      add up to less than the site's: totals come from the chart.
    - A table of exactly 1,000 rows was cut by the export limit and is named
      in ``truncated``.
    - Clicks above impressions in a row is kept, logged and listed in
      ``findings``, not refused: Search Console counts clicks and
      impressions by separate rules, so a row of its own export can show
      it, but it is rare enough to be worth a look.
    - Positions are rounded in the files (to one or two decimals), so the
      impression-weighted position is close to, not exactly, the one the
      Search Console screen shows.
    """
    path = Path(path)
    files = _collect_files(path)

    # Parse each file and recognise its table by its headers.
    tables, filters, sources, votes, findings = {}, {}, {}, [], []
    for file_path, data in files:
        name, table, languages, row_findings = _read_table(data, file_path)
        if name in sources:
            raise InputError(
                "searchconsole.duplicate_table",
                path=file_path,
                other=sources[name],
            )
        sources[name] = file_path
        votes.extend(languages)
        findings.extend(row_findings)
        if name == "filters":
            filters = _filters_from_table(table)
        else:
            tables[name] = table

    # Tables of exactly the export limit were cut short.
    truncated = [
        name for name, table in tables.items() if len(table) == EXPORT_ROW_LIMIT
    ]
    for name in truncated:
        logger.warning("%s has %d rows: cut", sources[name], EXPORT_ROW_LIMIT)
        message = text(
            "searchconsole.truncated",
            path=sources[name],
            limit=EXPORT_ROW_LIMIT,
        )
        findings.append(_finding(sources[name], None, "truncated", message))

    # The export's language is the one most of its headers are written in.
    return SearchConsoleExport(
        source=str(path),
        language=_export_language(votes),
        tables=tables,
        filters=filters,
        truncated=truncated,
        findings=_findings_frame(findings),
        files=sources,
    )


def weighted_position(table):
    """Average position weighted by impressions, as Search Console averages.

    Parameters
    ----------
    table : pandas.DataFrame
        With ``position`` [rank] and ``impressions`` [count] columns, such as
        any table of :class:`SearchConsoleExport`.

    Returns
    -------
    float [rank]
        sum(position * impressions) / sum(impressions); NaN when there are
        no impressions.
    """
    require_columns(
        table, ("position", "impressions"), table.attrs.get("path", "-")
    )
    impressions = table["impressions"].sum()
    if not impressions:
        return math.nan
    return float((table["position"] * table["impressions"]).sum() / impressions)


def parse_count(written):
    """Read a whole count, such as clicks or impressions.

    Parameters
    ----------
    written : str
        ``1234``, or grouped by thousands with one mark used throughout:
        ``1,234``, ``1.234``, ``1 234``, ``1.234.567``.

    Returns
    -------
    int [count]

    Raises
    ------
    ValueError
        When the text is not a whole number (``1.5``, ``12,34``, ``-3``) or
        is above :data:`MAX_COUNT`.
    """
    cell = written.strip()
    if not (_DIGITS.fullmatch(cell) or _GROUPED_COUNT.fullmatch(cell)):
        raise ValueError(f"not a whole number: {written!r}")

    # Drop the grouping marks; what is left is ASCII digits.
    count = int(re.sub(r"\D", "", cell))
    if count > MAX_COUNT:
        raise ValueError(f"too large for a count: {written!r}")
    return count


def parse_decimal(written):
    """Read a non-negative decimal number, such as a position.

    Parameters
    ----------
    written : str
        ``7``, ``7.5`` or ``7,5`` (a lone mark is the decimal mark), or with
        thousands grouped and the last mark as decimal mark: ``1.234,5``,
        ``1,234.5``.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        When the text is not such a number, or too large for a float.
    """
    number = float(_decimal_text(written.strip(), written))
    return _finite(number, written)


def parse_ctr(written):
    """Read a click-through rate written as a percentage.

    Parameters
    ----------
    written : str
        ``0.93%``, ``0,93%``, ``0%``, ``50 %``.

    Returns
    -------
    float [fraction 0-1]
        ``0.93%`` gives 0.0093.

    Raises
    ------
    ValueError
        When the text is not a number followed by ``%``.
    """
    cell = written.strip()
    if not cell.endswith("%"):
        raise ValueError(f"not a percentage: {written!r}")

    # Divide in decimal, so that 0.93% gives exactly the float 0.0093.
    number = _decimal_text(cell[:-1].strip(), written)
    return _finite(float(Decimal(number) / 100), written)


def _decimal_text(cell, written):
    """Rewrite a decimal number as Python reads it (``1234.5``)."""
    if _DIGITS.fullmatch(cell):
        return cell
    if _LONE_DECIMAL.fullmatch(cell):
        return cell.replace(",", ".")
    match = _GROUPED_DECIMAL.fullmatch(cell)
    if match and match["group"] != match["decimal"]:
        whole = cell[: match.start("decimal")]
        fraction = cell[match.start("decimal") + 1 :]
        return re.sub(r"\D", "", whole) + "." + fraction
    raise ValueError(f"not a decimal number: {written!r}")


def _finite(number, written):
    """The number itself, unless it overflowed to infinity."""
    if not math.isfinite(number):
        raise ValueError(f"too large for a number: {written!r}")
    return number


def _parse_iso_date(written):
    """Read a ``YYYY-MM-DD`` date, the only form Search Console writes."""
    cell = written.strip()
    if not _ISO_DATE.fullmatch(cell):
        raise ValueError(f"not a YYYY-MM-DD date: {written!r}")
    return date.fromisoformat(cell)


# How each column's cells are read, and what the error says it expected.
_CONVERTERS = {
    "date": (_parse_iso_date, "searchconsole.expected_date"),
    "clicks": (parse_count, "searchconsole.expected_count"),
    "impressions": (parse_count, "searchconsole.expected_count"),
    "ctr": (parse_ctr, "searchconsole.expected_percent"),
    "position": (parse_decimal, "searchconsole.expected_decimal"),
}


def _collect_files(path):
    """List the CSV files of an export as ``(name for messages, bytes)``."""
    if path.is_dir():
        return _folder_files(path)
    if not path.exists():
        raise InputError("common.file_not_found", path=str(path))

    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xls", ".ods"):
        raise InputError("searchconsole.spreadsheet_not_csv", path=str(path))
    if suffix == ".zip" or (suffix != ".csv" and zipfile.is_zipfile(path)):
        return _zip_files(path)
    return [(str(path), _read_bytes(path))]


def _folder_files(folder):
    """The CSV files directly inside an unzipped export's folder."""
    try:
        entries = sorted(folder.iterdir())
    except OSError as error:
        raise InputError(
            "common.cannot_open", path=str(folder), reason=error.strerror
        ) from None

    # Keep the CSV files; skip subfolders and hidden files.
    visible = [
        entry
        for entry in entries
        if entry.is_file() and not entry.name.startswith(".")
    ]
    files = [entry for entry in visible if entry.suffix.lower() == ".csv"]

    # A folder that holds only the downloaded zip is read as that zip.
    zips = [entry for entry in visible if entry.suffix.lower() == ".zip"]
    if not files and len(zips) == 1:
        return _zip_files(zips[0])

    if not files:
        found = ", ".join(entry.name for entry in entries) or "-"
        raise InputError(
            "searchconsole.no_tables", path=str(folder), found=found
        )

    logger.info("reading folder %s (%d files)", folder, len(files))
    return [(str(entry), _read_bytes(entry)) for entry in files]


def _read_bytes(path):
    """Read one file whole, refusing what is far too big to be an export."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _too_large(path, size)
        return path.read_bytes()
    except OSError as error:
        raise InputError(
            "common.cannot_open", path=str(path), reason=error.strerror
        ) from None


def _too_large(path, size):
    """The error for a file of ``size`` bytes, too big to be an export."""
    return InputError(
        "searchconsole.too_large",
        path=str(path),
        found=size,
        expected=MAX_FILE_BYTES,
    )


def _zip_files(path):
    """The CSV members of a downloaded export zip, read into memory.

    Nothing is extracted to disk. A member whose name climbs out of the zip
    (``../x.csv``, ``/etc/x.csv``, ``C:\\x.csv``) means the zip is not a
    Search Console download: it is refused whole.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.infolist() if not m.is_dir()]

            # Refuse names that would land outside the folder if unzipped.
            for member in members:
                if _is_unsafe_member_name(member.filename):
                    raise InputError(
                        "searchconsole.unsafe_zip_member",
                        path=str(path),
                        found=member.filename,
                    )

            # Keep the CSV files; skip folders and macOS resource forks.
            tables = [m for m in members if _is_table_member(m.filename)]
            if not tables:
                found = ", ".join(m.filename for m in members) or "-"
                raise InputError(
                    "searchconsole.no_tables", path=str(path), found=found
                )

            logger.info("reading zip %s (%d files)", path, len(tables))
            return [
                (f"{path}/{m.filename}", _read_member(archive, m, path))
                for m in tables
            ]
    except InputError:
        raise
    except OSError as error:
        if not path.is_file():
            raise InputError(
                "common.cannot_open", path=str(path), reason=error.strerror
            ) from None
        raise _damaged_zip(path, error) from None
    except _DAMAGED_ZIP_ERRORS as error:
        raise _damaged_zip(path, error) from None


def _damaged_zip(path, error):
    """The error for a zip that does not open; the cause goes to the log."""
    reason = f"{type(error).__name__}: {error}"
    logger.info("%s does not open as a zip: %s", path, reason)
    return InputError("searchconsole.not_a_zip", path=str(path), reason=reason)


def _is_unsafe_member_name(name):
    """Whether a zip member's name points outside the zip's own folder."""
    parts = name.replace("\\", "/").split("/")
    absolute = name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name)
    return bool(absolute) or ".." in parts


def _is_table_member(name):
    """Whether a zip member is one of the export's CSV tables."""
    member = PurePosixPath(name.replace("\\", "/"))
    return (
        member.suffix.lower() == ".csv"
        and not member.name.startswith(".")
        and "__MACOSX" not in member.parts
    )


def _read_member(archive, member, path):
    """Read one zip member, refusing one too large to be an export table."""
    name = f"{path}/{member.filename}"
    if member.file_size > MAX_FILE_BYTES:
        raise _too_large(name, member.file_size)

    # The size in the zip's directory can lie: read one byte past the limit.
    with archive.open(member) as stream:
        data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(name, len(data))
    return data


def _fold(header):
    """Header as compared with the aliases: no case, single spaces.

    Composed and decomposed accents (``é`` as one character or as ``e`` and
    a combining mark, as macOS writes names) compare equal.
    """
    composed = unicodedata.normalize("NFC", str(header))
    return " ".join(composed.split()).casefold()


def _alias_index():
    """Folded spelling -> (canonical column, languages that write it so)."""
    index = {}
    for column, by_language in COLUMN_ALIASES.items():
        for language, spellings in by_language.items():
            for spelling in spellings:
                entry = index.setdefault(_fold(spelling), (column, set()))
                entry[1].add(language)
    return index


_ALIAS_INDEX = _alias_index()

# Dimension column -> the table it names.
_DIMENSION_TABLES = {
    columns[0]: name for name, columns in TABLE_LAYOUTS.items()
}

_FILTER_INDEX = {
    _fold(spelling): key
    for key, spellings in FILTER_ALIASES.items()
    for spelling in spellings
}


def _read_table(data, file_path):
    """Decode, split and recognise one file; convert its cells.

    Returns
    -------
    name : str
        Key of the table in :data:`TABLE_LAYOUTS`.
    table : pandas.DataFrame
        Canonical columns, converted values.
    languages : list of set of str
        For each recognised header, the UI languages that write it so.
    findings : list of dict
        Rows with more clicks than impressions.
    """
    content, encoding = decode_bytes(data, file_path)
    logger.info("reading %s (%s)", file_path, encoding)
    delimiter = sniff_delimiter(content)
    raw = parse_delimited(content, file_path, delimiter)

    # pandas renames blank and repeated headers ("Unnamed: 5", "Clicks.1");
    # recognise and report the headers as the file writes them.
    headers = header_cells(content, delimiter)
    if len(headers) != len(raw.columns):
        headers = list(raw.columns)

    # Leave out columns with neither a header nor a value: a delimiter a
    # spreadsheet left at the end of every line.
    kept = [
        number
        for number, header in enumerate(headers)
        if header or (raw.iloc[:, number] != "").any()
    ]
    raw = raw.iloc[:, kept]
    headers = [headers[number] for number in kept]

    # Name the columns canonically, in the table's own order.
    name, columns, languages = _recognise(headers, file_path)
    table = raw.set_axis(columns, axis="columns")[list(TABLE_LAYOUTS[name])]

    # Convert each date and metric column, naming the first cell that does
    # not read.
    written = dict(zip(columns, headers, strict=True))
    for column in table.columns:
        if column in _CONVERTERS:
            table[column] = _convert_column(
                table[column], column, written[column], file_path
            )

    # Rows worth a look, numbered as in the file before any reordering.
    findings = []
    if name != "filters":
        findings = _clicks_over_impressions(table, file_path)

    if name == "chart":
        table = _tidy_chart(table, file_path)

    table = table.reset_index(drop=True)
    table.attrs["path"] = file_path
    return name, table, languages, findings


def _recognise(headers, file_path):
    """Say which table a header row belongs to.

    Parameters
    ----------
    headers : list of str
        The header row as written.
    file_path : str
        Named in errors.

    Returns
    -------
    name : str
        Key of the table in :data:`TABLE_LAYOUTS`.
    columns : list of str
        The canonical column under each header, in the file's order.
    languages : list of set of str
        For each recognised header, the UI languages that write it so.
    """
    entries = [_ALIAS_INDEX.get(_fold(h), (None, set())) for h in headers]
    columns = [column for column, _ in entries]
    languages = [spoken for _, spoken in entries if spoken]

    # Exactly one dimension column names the table, and every other header
    # must be one of that table's columns.
    dimensions = {column for column in columns if column in _DIMENSION_TABLES}
    name = _DIMENSION_TABLES[min(dimensions)] if len(dimensions) == 1 else None
    if name is None or not set(columns) <= set(TABLE_LAYOUTS[name]):
        raise InputError(
            "searchconsole.unknown_headers",
            path=file_path,
            found=_written_headers(headers),
            expected=_expected_headers(file_path),
        )

    # Two headers for one column ("Clicks" and "Klik", or "Clicks" twice).
    doubled = [
        header
        for header, column in zip(headers, columns, strict=True)
        if columns.count(column) > 1
    ]
    if doubled:
        raise InputError(
            "searchconsole.duplicate_column",
            path=file_path,
            found=", ".join(doubled),
        )

    # Every column of the table must be there.
    missing = [c for c in TABLE_LAYOUTS[name] if c not in columns]
    if missing:
        language = _export_language(languages)
        raise InputError(
            "common.missing_columns",
            path=file_path,
            expected=", ".join(COLUMN_ALIASES[c][language][0] for c in missing),
            found=_written_headers(headers),
        )
    return name, columns, languages


def _export_language(spoken):
    """The UI language that writes the most of the headers read.

    ``spoken`` holds, per header, the languages that write it so. A header
    such as ``CTR`` counts for every language; on a tie the language listed
    first in :data:`LANGUAGES` wins, so English when nothing tells them
    apart.
    """
    counts = {
        language: sum(language in languages for languages in spoken)
        for language in LANGUAGES
    }
    return max(LANGUAGES, key=lambda language: counts[language])


def _written_headers(headers):
    """A header row for a message, a blank header shown as such."""
    blank = text("searchconsole.blank_header")
    return ", ".join(header or blank for header in headers) or "-"


def _expected_headers(file_path):
    """The header row the file could have had, for an error message.

    When the file name is one Search Console uses, that table's header row
    in the file name's language; otherwise the chart's header row and the
    first header of every other table.
    """
    stem = _fold(PurePosixPath(file_path.replace("\\", "/")).stem)
    for name, by_language in TABLE_FILE_NAMES.items():
        for language, stems in by_language.items():
            if stem in (_fold(s) for s in stems):
                return _header_row(name, language)

    first_headers = [
        COLUMN_ALIASES[columns[0]][language][0]
        for name, columns in TABLE_LAYOUTS.items()
        if name != "chart"
        for language in ("en", "id")
    ]
    return text(
        "searchconsole.expected_any_table",
        chart_en=_header_row("chart", "en"),
        chart_id=_header_row("chart", "id"),
        first_headers=", ".join(dict.fromkeys(first_headers)),
    )


def _header_row(name, language):
    """A table's header row as Search Console writes it in ``language``."""
    return ",".join(
        COLUMN_ALIASES[column][language][0] for column in TABLE_LAYOUTS[name]
    )


def _convert_column(cells, column, written_name, file_path):
    """Convert one column's cells; the first that fails raises InputError.

    ``cells`` keeps the parsed table's index, which is the file's row number
    less 2 (header = row 1), blank rows counted.
    """
    convert, expected_key = _CONVERTERS[column]
    values = []
    for index, cell in cells.items():
        try:
            values.append(convert(cell))
        except ValueError:
            raise InputError(
                "searchconsole.bad_cell",
                path=file_path,
                row=int(index) + 2,
                column=written_name,
                expected=text(expected_key),
                found=cell,
            ) from None

    if column == "date":
        return pd.Series(pd.to_datetime(values), index=cells.index)
    dtype = "int64" if column in ("clicks", "impressions") else "float64"
    return pd.Series(values, index=cells.index, dtype=dtype)


def _tidy_chart(chart, file_path):
    """Order the chart oldest day first; refuse a day written twice."""
    doubled = chart["date"].duplicated(keep="first")
    if doubled.any():
        index = doubled.idxmax()
        day = chart.at[index, "date"]
        first_index = (chart["date"] == day).idxmax()
        raise InputError(
            "searchconsole.duplicate_date",
            path=file_path,
            row=int(index) + 2,
            first_row=int(first_index) + 2,
            found=day.date().isoformat(),
        )
    return chart.sort_values("date", kind="stable")


def _filters_from_table(table):
    """Turn the Filters table into a dictionary of metadata."""
    filters = {}
    for name, value in zip(table["filter"], table["value"], strict=True):
        key = _FILTER_INDEX.get(_fold(name), name.strip())
        value = value.strip()

        # Two rows for one filter: keep both values.
        if key in filters:
            value = f"{filters[key]}; {value}"
        filters[key] = value
    return filters


def _clicks_over_impressions(table, file_path):
    """Findings for the rows with more clicks than impressions."""
    findings = []
    over = table.index[table["clicks"] > table["impressions"]]
    for index in over:
        row = int(index) + 2
        message = text(
            "searchconsole.clicks_over_impressions",
            path=file_path,
            row=row,
            clicks=int(table.at[index, "clicks"]),
            impressions=int(table.at[index, "impressions"]),
        )
        logger.warning("%s row %d: clicks above impressions", file_path, row)
        findings.append(
            _finding(file_path, row, "clicks_over_impressions", message)
        )
    return findings


def _finding(file_path, row, kind, message):
    """One row of :attr:`SearchConsoleExport.findings`."""
    return {"file": file_path, "row": row, "kind": kind, "message": message}


def _findings_frame(findings):
    """The findings as a table, ``row`` an integer column that may be empty."""
    return pd.DataFrame(findings, columns=FINDING_COLUMNS).astype(
        {"row": "Int64"}
    )
