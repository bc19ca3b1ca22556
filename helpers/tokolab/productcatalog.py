"""Product photos made ready for a marketplace, and a printable catalog.

Practice activity (c) of session 2: a product catalog made attractive with
photos. Three jobs:

- :func:`square_photo` turns one photo, as a phone or camera saved it, into
  the square JPEG marketplaces ask for: turned upright, padded to a square
  (never stretched, never cropped), scaled to a side between ``min_side``
  and ``max_side`` and saved under a byte limit;
- :func:`prepare_photos` does that for a whole product list and says, per
  product, what was done or what is wrong, without stopping at the first
  problem;
- :func:`catalog_page` lays the products out as cards (photo, name, price
  in Rupiah) on PNG pages and, if asked, one PDF.

Photos
------
Read from a file, from the bytes of an upload, or from a Pillow image.
Formats read: :data:`PHOTO_FORMATS` (JPEG, PNG, WebP, GIF, BMP, TIFF).

Notes
-----
* Phones store many photos lying on their side and write a tag (EXIF
  Orientation, values 1-8) that tells viewers how to turn them. The photo
  is turned as the tag says, and the tag is not written again, so no viewer
  turns it twice.
* Nothing else from the original's metadata is kept either: the JPEG
  written carries no EXIF, so a phone's GPS position does not travel with
  the photo.
* Transparent parts (PNG, WebP, GIF) are laid onto ``background``.
* 16-bit greyscale images (some scanners) are scaled to 8 bits, not cut.
* A photo of more than :data:`MAX_PIXELS` pixels is refused before it is
  decoded, so a damaged or hostile header cannot fill the memory. So is a
  full-size shot of a 108 or 200 MP phone camera; the message asks for a
  smaller copy (Pillow itself refuses anything above about 89 MP).
* A large JPEG is decoded at a reduced scale (1/2, 1/4 or 1/8) when that
  still gives ``max_side`` pixels: faster, and lighter on memory.
* The originals are never changed: no output is written over a product
  photo or the product list. Every file is written whole, under a
  temporary name first, then moved into place
  (:func:`tokolab.files.write_whole`).
* The photo limits (500 to 1024 pixels, 300 kB) are the kit's own choice,
  kept with their source and date in ``tokolab/marketplace.toml``
  (section ``[foto]``, read by :func:`tokolab.copywriting.read_rules`).
"""

import io
import logging
import math
import re
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from PIL import (
    ExifTags,
    Image,
    ImageDraw,
    ImageFont,
    ImageOps,
    UnidentifiedImageError,
)

from tokolab.copywriting import read_rules
from tokolab.errors import InputError
from tokolab.files import refuse_inputs, write_whole
from tokolab.messages import LaterText, format_number, text
from tokolab.products import HEADERS
from tokolab.rupiah import format_rupiah
from tokolab.sample import _sample_font
from tokolab.tables import read_bytes

logger = logging.getLogger(__name__)

PHOTO_FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "BMP", "TIFF")
"""Pillow formats read as photos (JPEG includes MPO, from some cameras)."""

MAX_PIXELS = 80_000_000
"""Largest photo read [pixels]: above the 12-64 MP phones usually save."""

QUALITY_STEPS = (90, 85, 80, 75, 70, 65, 60, 55, 50, 45, 40, 35, 30)
"""JPEG qualities tried in turn until the file fits the byte limit."""

PHOTO_LIMITS = read_rules().photo
"""The ``[foto]`` limits of ``tokolab/marketplace.toml``, each with its
status (``pilihan kit``), source and date
(:class:`tokolab.copywriting.PhotoLimits`)."""

MIN_SIDE = PHOTO_LIMITS.min_side.value
"""Smallest side of a square photo [pixels]: 500."""

MAX_SIDE = PHOTO_LIMITS.max_side.value
"""Largest side of a square photo [pixels]: 1024."""

MAX_BYTES = PHOTO_LIMITS.max_bytes.value
"""Largest JPEG of a square photo [bytes]: 300 000."""

# EXIF Orientation values that mean "turn or mirror before showing".
_TURNED = (2, 3, 4, 5, 6, 7, 8)

# --- catalog layout [pixels] -------------------------------------------------

PAGE_WIDTH = 1200
MARGIN = 45
GAP = 30
COLUMNS = 3
ROWS_PER_PAGE = 3
PRODUCTS_PER_PAGE = COLUMNS * ROWS_PER_PAGE

# (1200 - 2 * 45 - 2 * 30) / 3 = 350.
CARD_WIDTH = (PAGE_WIDTH - 2 * MARGIN - (COLUMNS - 1) * GAP) // COLUMNS
CARD_PADDING = 15
CARD_PHOTO = CARD_WIDTH - 2 * CARD_PADDING
NAME_SIZE = 24
NAME_LINES = 2
NAME_LINE_HEIGHT = 30
PRICE_SIZE = 28
PRICE_HEIGHT = 36
TEXT_GAP = 12
PRICE_GAP = 8

# 15 + 320 + 12 + 2 * 30 + 8 + 36 + 15 = 466.
CARD_HEIGHT = (
    CARD_PADDING
    + CARD_PHOTO
    + TEXT_GAP
    + NAME_LINES * NAME_LINE_HEIGHT
    + PRICE_GAP
    + PRICE_HEIGHT
    + CARD_PADDING
)
HEADER_HEIGHT = 100
TITLE_SIZE = 40
PAGE_NUMBER_SIZE = 20
PDF_RESOLUTION = 150.0
"""Dots per inch of the PDF: a 1200-pixel page is 8 inches wide."""

PAGE_COLOUR = (250, 247, 240)
CARD_COLOUR = (255, 255, 255)
BORDER_COLOUR = (222, 216, 204)
EMPTY_PHOTO_COLOUR = (236, 236, 236)
TEXT_COLOUR = (40, 40, 40)
MUTED_COLOUR = (120, 120, 120)
PRICE_COLOUR = (176, 62, 20)

# Characters kept in an output file name made from a product code.
_UNSAFE_IN_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class PhotoReport:
    """What :func:`square_photo` did to one photo.

    Attributes
    ----------
    source : str
        The photo's file, or a word for an upload or an image (in the
        language in use when it was made; :meth:`describe` writes it in
        the language asked).
    original_size : tuple of int [pixels]
        ``(width, height)`` as stored in the file, before turning.
    final_size : tuple of int [pixels]
        ``(side, side)`` of the square.
    file_bytes : int [bytes]
        Size of the JPEG.
    quality : int [1-95]
        JPEG quality used: the first of :data:`QUALITY_STEPS` that fits.
    rotated : bool
        True when the EXIF Orientation tag asked to turn or mirror it.
    transparent : bool
        True when some pixels were (partly) transparent and now show the
        background colour.
    scaled : str
        ``"up"`` (a small photo enlarged to ``min_side``), ``"down"`` or
        ``"none"``.
    output : Path or None
        The JPEG written, or None when none was asked for.
    kind : str
        ``"file"`` (``source`` is its path), ``"upload"`` (bytes) or
        ``"image"`` (a Pillow image).
    """

    source: str
    original_size: tuple
    final_size: tuple
    file_bytes: int
    quality: int
    rotated: bool
    transparent: bool
    scaled: str
    output: Path | None = None
    kind: str = "file"

    def describe(self, language=None):
        """Say in a few sentences what was done to the photo.

        A photo file is named by its file name alone (``SR-01.jpg``),
        not its whole path.
        """
        width, height = self.original_size
        if self.kind == "file":
            shown = Path(self.source).name
        else:
            shown = text(_SOURCE_WORDS[self.kind], language=language)
        sentences = [
            text(
                "productcatalog.report_done",
                language=language,
                source=shown,
                width=width,
                height=height,
                side=self.final_size[0],
                size=written_size(self.file_bytes, language),
                quality=self.quality,
            )
        ]
        if self.rotated:
            sentences.append(
                text("productcatalog.report_rotated", language=language)
            )
        if self.transparent:
            sentences.append(
                text("productcatalog.report_transparent", language=language)
            )
        if self.scaled == "up":
            sentences.append(
                text(
                    "productcatalog.report_enlarged",
                    language=language,
                    side=self.final_size[0],
                )
            )
        return " ".join(sentences)

    def __str__(self):
        return self.describe()


def square_photo(
    source,
    min_side=MIN_SIDE,
    max_side=MAX_SIDE,
    max_bytes=MAX_BYTES,
    background=(255, 255, 255),
    *,
    destination=None,
):
    """Make a square JPEG of a product photo, ready for a marketplace.

    Parameters
    ----------
    source : str, Path, bytes or PIL.Image.Image
        A photo file, the bytes of an uploaded photo, or an open image.
    min_side, max_side : int [pixels]
        The square's side: the photo's longer side, raised to ``min_side``
        or lowered to ``max_side``; default :data:`MIN_SIDE` (500) and
        :data:`MAX_SIDE` (1024), from ``tokolab/marketplace.toml``.
    max_bytes : int [bytes]
        Largest JPEG allowed; default :data:`MAX_BYTES` (300 000).
    background : tuple of int [RGB 0-255]
        Colour of the padding and of transparent parts.
    destination : str or Path, optional
        Where to write the JPEG (keyword only). Never the original photo
        itself. Without it nothing is written, and the report still says
        how large the JPEG would be.

    Returns
    -------
    image : PIL.Image.Image
        The square photo (RGB), as encoded in the JPEG.
    report : PhotoReport
        Sizes before and after, bytes, quality, whether it was turned.

    Raises
    ------
    InputError
        When the photo cannot be read (missing, not a photo, damaged,
        too many pixels), cannot fit ``max_bytes`` even at the lowest
        quality, when ``destination`` is the original, or cannot be
        written.
    ValueError
        When ``min_side`` is more than ``max_side`` or a limit is not
        positive: a mistake in the calling code.
    """
    if not 0 < min_side <= max_side or max_bytes <= 0:
        raise ValueError(
            "need 0 < min_side <= max_side and max_bytes > 0, got "
            f"{min_side}, {max_side}, {max_bytes}"
        )
    name = _source_name(source)

    # Read and turn upright; decode a large JPEG at a reduced scale.
    photo = _load_photo(source, name, fit=max_side)
    image, transparent = _flatten(photo.image, background)

    # The square's side: the longer side, kept between the limits.
    longest = max(image.size)
    side = min(max(longest, min_side), max_side)
    scaled = "none"
    if side > max(photo.original_size):
        scaled = "up"
    elif side < max(photo.original_size):
        scaled = "down"
    square = fit_square(image, side, background)

    # The first quality that fits the byte limit.
    jpeg, quality = _encode_jpeg(square, max_bytes, name)

    # Write it whole, never over the original.
    output = None
    if destination is not None:
        output = Path(destination)
        originals = [source] if isinstance(source, str | Path) else []
        refuse_inputs(
            output, originals, "productcatalog.would_overwrite_original"
        )
        write_whole(output, jpeg)
        logger.info(
            "wrote %s (%d bytes, quality %d)", output, len(jpeg), quality
        )

    report = PhotoReport(
        source=str(name),
        original_size=photo.original_size,
        final_size=(side, side),
        file_bytes=len(jpeg),
        quality=quality,
        rotated=photo.rotated,
        transparent=transparent,
        scaled=scaled,
        output=output,
        kind=_source_kind(source),
    )
    return square, report


def prepare_photos(
    products,
    folder_out,
    min_side=MIN_SIDE,
    max_side=MAX_SIDE,
    max_bytes=MAX_BYTES,
    background=(255, 255, 255),
):
    """Make a square JPEG for every product that has a photo.

    Parameters
    ----------
    products : pandas.DataFrame or str or Path
        A table with the columns of :func:`tokolab.products.read_products`
        (``code``, ``name`` and ``photo`` are used), or the product list's
        CSV file, read with that function.
    folder_out : str or Path
        Where the JPEGs go, one per product, named after its code
        (``SR-01.jpg``). Created when missing. A JPEG that would replace
        any product's photo (or the product list) is not written: that
        product's row says so.
    min_side, max_side, max_bytes, background
        As in :func:`square_photo`.

    Returns
    -------
    pandas.DataFrame
        One row per product, in the list's order: ``code``, ``name``,
        ``photo`` (the original, or None), ``output`` (the JPEG written,
        or None), ``status`` (``"ok"``, ``"no_photo"`` or ``"problem"``),
        ``problem`` (the catalog key of the problem, ``""`` when none),
        ``message`` (what was done or what is wrong, in the language in
        use), ``original_width``, ``original_height``, ``side`` [pixels],
        ``file_bytes`` [bytes], ``quality`` (nullable integers) and
        ``rotated`` (nullable bool).

    Raises
    ------
    InputError
        When the product list cannot be read or lacks a column, or
        ``folder_out`` is a file. A problem with one photo never stops
        the others: it is a row of the table.
    """
    products = _product_table(products, ("code", "name"))
    folder = Path(folder_out)
    if folder.exists() and not folder.is_dir():
        raise InputError("productcatalog.not_a_folder", path=str(folder))

    # Every product's photo, and the list itself, stay as they are.
    inputs = _input_files(products)

    rows = []
    used_names = set()
    for product in products.to_dict("records"):
        code = str(product["code"])
        photo = _photo_path(product.get("photo"))
        row = {
            "code": code,
            "name": product["name"],
            "photo": photo,
            "output": None,
            "status": "ok",
            "problem": "",
            "message": "",
        }

        # No photo named for this product: say so, go on.
        if photo is None:
            row["status"] = "no_photo"
            row["problem"] = "productcatalog.no_photo"
            row["message"] = text(
                "productcatalog.no_photo", code=code, name=product["name"]
            )
            rows.append(row)
            continue

        # One JPEG per product; two codes never share a file.
        output = folder / _output_name(code, used_names)
        try:
            refuse_inputs(
                output, inputs, "productcatalog.would_overwrite_original"
            )
            _, report = square_photo(
                photo,
                min_side=min_side,
                max_side=max_side,
                max_bytes=max_bytes,
                background=background,
                destination=output,
            )
        except InputError as error:
            logger.warning("photo of %s: %s", code, error.key)
            row["status"] = "problem"
            row["problem"] = error.key
            row["message"] = str(error)
            rows.append(row)
            continue

        row.update(
            output=output,
            message=report.describe(),
            original_width=report.original_size[0],
            original_height=report.original_size[1],
            side=report.final_size[0],
            file_bytes=report.file_bytes,
            quality=report.quality,
            rotated=report.rotated,
        )
        rows.append(row)

    columns = [
        "code",
        "name",
        "photo",
        "output",
        "status",
        "problem",
        "message",
        "original_width",
        "original_height",
        "side",
        "file_bytes",
        "quality",
        "rotated",
    ]
    table = pd.DataFrame(rows, columns=columns)
    for column in columns[7:12]:
        table[column] = table[column].astype("Int64")
    table["rotated"] = table["rotated"].astype("boolean")
    table["photo"] = table["photo"].astype(object)
    table["output"] = table["output"].astype(object)
    return table


def catalog_page(
    products, photos=None, path_png="katalog.png", path_pdf=None, title=None
):
    """Lay the products out as a catalog: cards with photo, name and price.

    Cards stand :data:`COLUMNS` to a row, :data:`ROWS_PER_PAGE` rows to a
    page, in the list's order. Every page is :data:`PAGE_WIDTH` pixels
    wide and as tall as its rows need::

        2 * MARGIN + HEADER_HEIGHT + rows * CARD_HEIGHT + (rows - 1) * GAP

    so a full page is 2 * 45 + 100 + 3 * 466 + 2 * 30 = 1648 pixels tall.

    Parameters
    ----------
    products : pandas.DataFrame or str or Path
        A table with ``code``, ``name`` and ``price`` [Rupiah] (and
        ``photo`` when ``photos`` is None), as
        :func:`tokolab.products.read_products` returns, or the product
        list's CSV file.
    photos : mapping or pandas.DataFrame, optional
        Each product's photo: a mapping of code to a file, bytes or a
        Pillow image; or the table :func:`prepare_photos` returned (its
        ``output`` column). When None, the products' ``photo`` column.
        A product without a photo, or whose photo cannot be read, gets a
        grey square saying so (and a warning in the log).
    path_png : str or Path
        The first page, a name ending in ``.png``. Further pages are
        written beside it with ``-2``, ``-3`` ... before the suffix
        (``katalog-2.png``).
    path_pdf : str or Path, optional
        One PDF holding every page, a name ending in ``.pdf``.
    title : str, optional
        Written at the top of each page; "Katalog Produk" (in the
        language in use) when not given.

    Returns
    -------
    list of Path
        The PNG pages in order, then the PDF when asked for.

    Raises
    ------
    InputError
        When the product list cannot be read, is not a table, lacks a
        column or is empty; when a name does not end in ``.png`` or
        ``.pdf`` (``productcatalog.bad_output``); when a page would
        replace the product list or a photo
        (``common.would_overwrite_input``: nothing is written); or when a
        page cannot be written.
    """
    products = _product_table(products, ("code", "name", "price"))
    if products.empty:
        raise InputError(
            "productcatalog.no_products",
            path=products.attrs.get("path", LaterText("productcatalog.table")),
        )
    if title is None:
        title = text("productcatalog.default_title")
    by_code = _photos_by_code(products, photos)

    # Where the pages go: named right, and never over an input.
    path_png = _output_path(path_png, ".png")
    if path_pdf is not None:
        path_pdf = _output_path(path_pdf, ".pdf")
    inputs = _input_files(products, photos)

    # Draw every page in memory first: nothing is written if one fails.
    records = products.to_dict("records")
    pages = [
        records[start : start + PRODUCTS_PER_PAGE]
        for start in range(0, len(records), PRODUCTS_PER_PAGE)
    ]
    fonts = _catalog_fonts()
    images = [
        _draw_page(page, by_code, title, number, len(pages), fonts)
        for number, page in enumerate(pages, start=1)
    ]

    # Every file's name, checked against the inputs before any is written.
    pages_png = [
        path_png
        if number == 1
        else path_png.with_name(f"{path_png.stem}-{number}{path_png.suffix}")
        for number in range(1, len(images) + 1)
    ]
    for path in [*pages_png, path_pdf]:
        if path is not None:
            refuse_inputs(path, inputs)

    # One PNG per page, then the PDF.
    written = []
    for path, image in zip(pages_png, images, strict=True):
        buffer = io.BytesIO()
        image.save(buffer, "PNG")
        write_whole(path, buffer.getvalue(), inputs=inputs)
        written.append(path)
    if path_pdf is not None:
        buffer = io.BytesIO()
        images[0].save(
            buffer,
            "PDF",
            save_all=True,
            append_images=images[1:],
            resolution=PDF_RESOLUTION,
            quality=90,
            title=title,
            creationDate=None,
            modDate=None,
        )
        write_whole(path_pdf, buffer.getvalue(), inputs=inputs)
        written.append(path_pdf)
    logger.info("catalog: %d products on %d pages", len(records), len(pages))
    return written


def page_height(rows):
    """Height of a catalog page holding ``rows`` rows of cards [pixels]."""
    return 2 * MARGIN + HEADER_HEIGHT + rows * CARD_HEIGHT + (rows - 1) * GAP


def fit_square(image, side, background=(255, 255, 255)):
    """Scale ``image`` to fit a ``side`` x ``side`` square and centre it.

    The image keeps its proportions: the longer side becomes ``side``,
    the shorter one is padded equally on both sides with ``background``
    (one pixel more after than before when the padding is odd).

    Parameters
    ----------
    image : PIL.Image.Image
        RGB.
    side : int [pixels]
    background : tuple of int [RGB 0-255]

    Returns
    -------
    PIL.Image.Image
        RGB, ``side`` x ``side``.
    """
    width, height = image.size
    scale = side / max(width, height)
    size = (
        max(1, min(side, round(width * scale))),
        max(1, min(side, round(height * scale))),
    )
    if size != image.size:
        image = image.resize(size, Image.Resampling.LANCZOS)
    square = Image.new("RGB", (side, side), tuple(background))
    square.paste(image, ((side - size[0]) // 2, (side - size[1]) // 2))
    return square


# --- reading photos ----------------------------------------------------------


@dataclass(frozen=True)
class _Photo:
    """A decoded photo turned upright, and what it was like in the file."""

    image: Image.Image
    original_size: tuple
    rotated: bool


# How a photo that is no file is named, by its kind.
_SOURCE_WORDS = {
    "upload": "productcatalog.uploaded_photo",
    "image": "productcatalog.given_image",
}


def _source_kind(source):
    """``"image"``, ``"upload"`` (bytes) or ``"file"``."""
    if isinstance(source, Image.Image):
        return "image"
    if isinstance(source, bytes | bytearray | memoryview):
        return "upload"
    return "file"


def _source_name(source):
    """How errors and reports name the photo.

    A file by its path; an upload or an image in words, written when the
    message is shown (:class:`tokolab.messages.LaterText`).
    """
    kind = _source_kind(source)
    if kind == "file":
        return str(source)
    return LaterText(_SOURCE_WORDS[kind])


class _Shown:
    """A value written in words only when shown, in that moment's language.

    For numbers inside error fields: ``_Shown(format_number, 12345)`` is
    ``12.345`` in Indonesian and ``12,345`` in English.
    """

    def __init__(self, write, *arguments):
        self.write = write
        self.arguments = arguments

    def __str__(self):
        return str(self.write(*self.arguments))

    def __repr__(self):
        return str(self)

    def __format__(self, spec):
        return format(str(self), spec)


@dataclass(frozen=True)
class PhotoFacts:
    """What a photo file's header says, read without decoding its pixels.

    Attributes
    ----------
    format : str
        Pillow's name of the format: ``JPEG``, ``MPO`` (a JPEG of some
        cameras), ``PNG``, ``WEBP``, ``GIF``, ``BMP`` or ``TIFF``.
    width, height : int [pixels]
        As stored in the file, before any turning.
    file_bytes : int [bytes]
        Size of the file.
    orientation : int or None
        The EXIF Orientation tag (1-8), None when the photo has none or
        it cannot be read. 5 to 8 mean the photo is stored lying on its
        side.
    """

    format: str
    width: int
    height: int
    file_bytes: int
    orientation: int | None

    @property
    def upright_size(self):
        """``(width, height)`` once turned as the orientation tag says."""
        if self.orientation in (5, 6, 7, 8):
            return self.height, self.width
        return self.width, self.height


def read_photo_facts(source):
    """Read a photo's format, size and orientation from its header.

    Parameters
    ----------
    source : str, Path or bytes
        A photo file, or the bytes of an uploaded photo.

    Returns
    -------
    PhotoFacts

    Raises
    ------
    InputError
        When the file is missing or empty, is not a photo of
        :data:`PHOTO_FORMATS` (a HEIC photo gets its own advice), its
        header is damaged, or it holds more than :data:`MAX_PIXELS`
        pixels (the error names its width and height). A photo whose
        pixels are damaged further on reads here; :func:`square_photo`
        finds that.
    """
    name = _source_name(source)
    data = _photo_bytes(source, name)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image = _opened(data, name)
        orientation = _orientation(image)
    for warning in caught:
        logger.debug("%s: %s", name, warning.message)
    return PhotoFacts(
        format=str(image.format),
        width=image.size[0],
        height=image.size[1],
        file_bytes=len(data),
        orientation=orientation,
    )


def _orientation(image):
    """The EXIF Orientation tag 1-8 of an open image, or None."""
    try:
        value = image.getexif().get(ExifTags.Base.Orientation)
    except Exception as error:
        logger.debug("EXIF not read: %r", error)
        return None
    if isinstance(value, int) and 1 <= value <= 8:
        return value
    return None


def _photo_bytes(source, name):
    """The bytes of a photo file or upload; an empty one is no photo."""
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
    else:
        data = read_bytes(source)
    if not data:
        raise InputError(
            "productcatalog.not_a_photo",
            path=name,
            expected=LaterText("productcatalog.expected_photo"),
            found=LaterText("productcatalog.kind_empty"),
        )
    return data


def _load_photo(source, name, fit=None):
    """Decode a photo and turn it upright.

    Parameters
    ----------
    source : str, Path, bytes or PIL.Image.Image
    name : str
        Named in errors.
    fit : int, optional [pixels]
        The longest side needed; a larger JPEG is decoded at a reduced
        scale (1/2, 1/4, 1/8), which is faster and uses less memory.
    """
    data = None
    if not isinstance(source, Image.Image):
        data = _photo_bytes(source, name)

    # Pillow warns about damaged metadata it reads around (a broken EXIF
    # block): those warnings go to the log. Beyond its own pixel limit it
    # warns, then refuses: both mean "too large".
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        if data is None:
            photo = _upright(_copied(source, name), source.size)
        else:
            photo = _decode(data, name, fit)
    for warning in caught:
        logger.debug("%s: %s", name, warning.message)
    return photo


def _copied(image, name):
    """A loaded copy of an image someone opened; it may be cut short."""
    try:
        return image.copy()
    except Exception as error:
        logger.debug("cannot copy %s: %r", name, error)
        raise _damaged(name, b"", error) from None


def _opened(data, name):
    """A photo opened from its bytes, header only, its size checked.

    Raises InputError for bytes that are no photo, a damaged header, or
    more pixels than :data:`MAX_PIXELS` (Pillow's own guard, which
    :func:`_load_photo` turns into an error, means the same).
    """
    try:
        image = Image.open(io.BytesIO(data), formats=PHOTO_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_large(name, _header_size(data)) from None
    except UnidentifiedImageError:
        raise _not_a_photo(data, name) from None
    except Exception as error:
        # Pillow's plugins raise many kinds of errors on a damaged header.
        logger.debug("cannot open %s: %r", name, error)
        raise _damaged(name, data, error) from None

    # Refuse absurd sizes before decoding a single pixel.
    if min(image.size) < 1:
        raise _damaged(name, data, None)
    if image.size[0] * image.size[1] > MAX_PIXELS:
        raise _too_large(name, image.size)
    return image


def _header_size(data):
    """``(width, height)`` from a photo's header, or None.

    Only for a photo Pillow refuses to open for its size (above about
    89 million pixels), so that the error can still say how large it is:
    each format's reader in Pillow's registry (``Image.OPEN``) reads the
    header without that guard. No pixel is decoded.
    """
    Image.init()
    for name in PHOTO_FORMATS:
        factory, accept = Image.OPEN.get(name, (None, None))
        if factory is None or (accept is not None and not accept(data[:16])):
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                image = factory(io.BytesIO(data), "")
        except Exception as error:
            logger.debug("header of %s not read: %r", name, error)
            continue
        return tuple(image.size)
    return None


def _decode(data, name, fit):
    """Decode the bytes of a photo; see :func:`_load_photo`."""
    # Open: reads only the header, and refuses absurd sizes.
    image = _opened(data, name)
    original_size = image.size

    # Decode the pixels; a cut-off file fails here.
    try:
        if fit is not None and image.format == "JPEG":
            scale = fit / max(original_size)
            if scale < 1:
                image.draft(
                    image.mode,
                    (
                        math.ceil(original_size[0] * scale),
                        math.ceil(original_size[1] * scale),
                    ),
                )
        image.load()
    except Exception as error:
        logger.debug("cannot decode %s: %r", name, error)
        raise _damaged(name, data, error) from None
    return _upright(image, original_size)


def _upright(image, original_size):
    """Turn an image as its EXIF Orientation tag says.

    A tag that cannot be read is ignored: the pixels are still good.
    """
    try:
        orientation = image.getexif().get(ExifTags.Base.Orientation)
        turned = ImageOps.exif_transpose(image)
    except Exception as error:
        logger.warning("EXIF of a photo ignored: %r", error)
        return _Photo(image, tuple(original_size), False)
    rotated = orientation in _TURNED
    return _Photo(turned, tuple(original_size), rotated)


def _flatten(image, background):
    """RGB pixels, transparent parts laid onto ``background``.

    Returns
    -------
    image : PIL.Image.Image
        RGB.
    transparent : bool
        True when some pixel was not fully opaque.
    """
    background = tuple(background)

    # 16-bit and 32-bit greyscale: scale to 8 bits rather than cut at 255.
    if image.mode.startswith("I") or image.mode == "F":
        values = np.asarray(image, dtype=np.float64)
        top = 65535.0 if values.max(initial=0) > 255 else 255.0
        scaled = np.clip(np.rint(values * 255.0 / top), 0, 255)
        image = Image.fromarray(scaled.astype(np.uint8))

    has_alpha = image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
        "transparency" in image.info
    )
    if not has_alpha:
        return image.convert("RGB"), False

    if image.mode == "La":
        image = image.convert("LA")
    rgba = image.convert("RGBA")
    alpha = rgba.getchannel("A")
    if alpha.getextrema()[0] == 255:
        return rgba.convert("RGB"), False
    flat = Image.new("RGB", rgba.size, background)
    flat.paste(rgba.convert("RGB"), mask=alpha)
    return flat, True


def _not_a_photo(data, name):
    """The error for bytes Pillow does not recognise as a photo."""
    start = data[:64]
    if start[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypheif"):
        return InputError(
            "productcatalog.heic_photo",
            path=name,
            expected=LaterText("productcatalog.expected_photo"),
            found=LaterText("productcatalog.kind_heic"),
        )
    if start[4:12] in (b"ftypavif", b"ftypavis"):
        kind = "kind_avif"
    elif start.startswith(b"%PDF"):
        kind = "kind_pdf"
    elif start.startswith(b"PK\x03\x04"):
        kind = "kind_zip"
    elif b"<svg" in data[:1000].lower():
        kind = "kind_svg"
    elif _looks_like_text(data[:1000]):
        kind = "kind_text"
    else:
        kind = "kind_unknown"
    return InputError(
        "productcatalog.not_a_photo",
        path=name,
        expected=LaterText("productcatalog.expected_photo"),
        found=LaterText(f"productcatalog.{kind}"),
    )


def _looks_like_text(start):
    """True when the bytes decode as UTF-8 without control characters."""
    try:
        decoded = start.decode("utf-8")
    except UnicodeDecodeError:
        # Cut in the middle of a character at the end: try without it.
        try:
            decoded = start[:-3].decode("utf-8")
        except UnicodeDecodeError:
            return False
    return all(c.isprintable() or c in "\t\r\n" for c in decoded)


def _damaged(name, data, error):
    """The error for a photo that opens but cannot be decoded whole."""
    truncated = error is not None and "truncated" in str(error).lower()
    kind = "damage_truncated" if truncated else "damage_broken"
    return InputError(
        "productcatalog.photo_damaged",
        path=name,
        expected=LaterText("productcatalog.expected_whole_photo"),
        found=LaterText(
            f"productcatalog.{kind}", size=_Shown(format_number, len(data))
        ),
    )


def _too_large(name, size):
    """The error for a photo with more pixels than :data:`MAX_PIXELS`."""
    found = (
        LaterText("productcatalog.size_unknown")
        if size is None
        else LaterText(
            "productcatalog.size_pixels",
            width=_Shown(format_number, size[0]),
            height=_Shown(format_number, size[1]),
            megapixels=_Shown(_megapixels, size[0] * size[1]),
        )
    )
    return InputError(
        "productcatalog.photo_too_large",
        path=name,
        expected=LaterText(
            "productcatalog.expected_pixels",
            megapixels=_Shown(format_number, MAX_PIXELS / 1_000_000),
        ),
        found=found,
    )


def _megapixels(pixels):
    """Millions of pixels, whole from 10 on: ``108``, ``9,4``."""
    millions = pixels / 1_000_000
    return format_number(millions, 0 if millions >= 10 else 1)


# --- writing -----------------------------------------------------------------


def _encode_jpeg(image, max_bytes, name):
    """The JPEG bytes at the first quality that fits, and that quality."""
    smallest = None
    for quality in QUALITY_STEPS:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=quality, optimize=True)
        data = buffer.getvalue()
        if len(data) <= max_bytes:
            return data, quality
        smallest = data
    raise InputError(
        "productcatalog.over_limit",
        path=name,
        expected=_Shown(written_size, max_bytes),
        found=_Shown(written_size, len(smallest)),
        quality=QUALITY_STEPS[-1],
    )


def written_size(count, language=None):
    """A file size for people: ``85 kB``, or ``900 bita`` below 1 kB.

    Parameters
    ----------
    count : int [bytes]
    language : str, optional
        Overrides the language in use.

    Returns
    -------
    str
        Whole kilobytes of 1,000 bytes, written the reader's way: 29,206
        bytes are ``29 kB``, 300,000 bytes ``300 kB``.
    """
    if count < 1000:
        return text(
            "productcatalog.bytes",
            language=language,
            count=format_number(count, language=language),
        )
    return text(
        "productcatalog.kilobytes",
        language=language,
        count=format_number(count / 1000, language=language),
    )


def _output_name(code, used):
    """A file name for the code's JPEG, unused so far in this run."""
    stem = _UNSAFE_IN_NAME.sub("_", code).strip("._") or "produk"
    name = f"{stem}.jpg"
    number = 2
    while name.lower() in used:
        name = f"{stem}-{number}.jpg"
        number += 1
    used.add(name.lower())
    return name


# --- product tables ----------------------------------------------------------


def _product_table(products, needed):
    """A product DataFrame with the ``needed`` columns.

    A path is read with :func:`tokolab.products.read_products`.
    """
    if isinstance(products, str | Path):
        from tokolab.products import read_products

        return read_products(products)
    if not isinstance(products, pd.DataFrame):
        raise InputError(
            "productcatalog.products_not_a_table", found=_kind_of(products)
        )

    missing = [column for column in needed if column not in products.columns]
    if missing:
        raise InputError(
            "productcatalog.missing_columns",
            path=products.attrs.get("path", LaterText("productcatalog.table")),
            expected=", ".join(missing),
            found=", ".join(map(str, products.columns)) or "-",
            headers=", ".join(
                f"{column} ({HEADERS[column][0]})" for column in missing
            ),
        )
    return products


def _kind_of(value):
    """What was given instead of a table, in words."""
    if value is None:
        return LaterText("productcatalog.given_nothing")
    if isinstance(value, list | tuple | set | dict):
        return LaterText("productcatalog.given_list")
    return LaterText("productcatalog.given_other", kind=type(value).__name__)


def _output_path(path, suffix):
    """``path`` as a Path, or InputError unless it ends in ``suffix``."""
    path = Path(path)
    if path.suffix.lower() != suffix:
        raise InputError(
            "productcatalog.bad_output",
            path=str(path),
            expected=suffix,
            found=path.suffix or "-",
        )
    return path


def _input_files(products, photos=None):
    """The files no output may replace: the list and every photo named."""
    inputs = [products.attrs.get("path")]
    if "photo" in products.columns:
        inputs += [_photo_path(photo) for photo in products["photo"]]
    if isinstance(photos, pd.DataFrame):
        for column in ("photo", "output"):
            if column in photos.columns:
                inputs += [_photo_path(photo) for photo in photos[column]]
    elif isinstance(photos, Mapping):
        inputs += [
            _photo_path(photo)
            for photo in photos.values()
            if isinstance(photo, str | Path)
        ]
    return [path for path in inputs if path is not None]


def _photo_path(value):
    """A photo cell as a Path, or None when empty."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str) and not value.strip():
        return None
    return Path(value)


def _photos_by_code(products, photos):
    """Each product code to its photo (path, bytes or image) or None."""
    if photos is None:
        if "photo" not in products.columns:
            return {}
        return {
            str(code): _photo_path(photo)
            for code, photo in zip(
                products["code"], products["photo"], strict=True
            )
        }
    if isinstance(photos, pd.DataFrame):
        missing = [c for c in ("code", "output") if c not in photos.columns]
        if missing:
            raise InputError(
                "productcatalog.missing_columns",
                path=LaterText("productcatalog.photo_table"),
                expected=", ".join(missing),
                found=", ".join(map(str, photos.columns)) or "-",
                headers=", ".join(missing),
            )
        return {
            str(code): _photo_path(output)
            for code, output in zip(
                photos["code"], photos["output"], strict=True
            )
        }
    if not isinstance(photos, Mapping):
        raise InputError(
            "productcatalog.photos_not_a_mapping", found=_kind_of(photos)
        )
    return {str(code): photo for code, photo in photos.items()}


# --- drawing the catalog -----------------------------------------------------


@dataclass(frozen=True)
class _Fonts:
    title: ImageFont.FreeTypeFont
    page_number: ImageFont.FreeTypeFont
    name: ImageFont.FreeTypeFont
    price: ImageFont.FreeTypeFont


def _catalog_fonts():
    """DejaVu Sans (with matplotlib, a dependency of the kit), the same
    font as the sample photos': the same page on every machine, every
    Latin letter covered."""
    return _Fonts(
        title=_sample_font(TITLE_SIZE, bold=True),
        page_number=_sample_font(PAGE_NUMBER_SIZE),
        name=_sample_font(NAME_SIZE),
        price=_sample_font(PRICE_SIZE, bold=True),
    )


def _draw_page(products, by_code, title, number, pages, fonts):
    """One catalog page holding up to :data:`PRODUCTS_PER_PAGE` cards."""
    rows = math.ceil(len(products) / COLUMNS)
    page = Image.new("RGB", (PAGE_WIDTH, page_height(rows)), PAGE_COLOUR)
    draw = ImageDraw.Draw(page)

    # Header: the title, and the page number when there are several.
    page_label = ""
    if pages > 1:
        page_label = text(
            "productcatalog.page_number", page=number, pages=pages
        )
    label_width = fonts.page_number.getlength(page_label) if page_label else 0
    title_room = (
        PAGE_WIDTH - 2 * MARGIN - label_width - (GAP if pages > 1 else 0)
    )
    draw.text(
        (MARGIN, MARGIN),
        _shortened(title, fonts.title, title_room),
        font=fonts.title,
        fill=TEXT_COLOUR,
    )
    if page_label:
        draw.text(
            (PAGE_WIDTH - MARGIN - label_width, MARGIN + 14),
            page_label,
            font=fonts.page_number,
            fill=MUTED_COLOUR,
        )

    # Cards, left to right, then top to bottom.
    for index, product in enumerate(products):
        row, column = divmod(index, COLUMNS)
        left = MARGIN + column * (CARD_WIDTH + GAP)
        top = MARGIN + HEADER_HEIGHT + row * (CARD_HEIGHT + GAP)
        _draw_card(page, draw, (left, top), product, by_code, fonts)
    return page


def _draw_card(page, draw, corner, product, by_code, fonts):
    """One card: photo, name on up to two lines, price."""
    left, top = corner
    draw.rounded_rectangle(
        (left, top, left + CARD_WIDTH - 1, top + CARD_HEIGHT - 1),
        radius=12,
        fill=CARD_COLOUR,
        outline=BORDER_COLOUR,
        width=2,
    )

    # Photo, or a grey square saying why there is none.
    photo_corner = (left + CARD_PADDING, top + CARD_PADDING)
    page.paste(_card_photo(product, by_code, fonts), photo_corner)

    # Name, wrapped; then the price in Rupiah.
    y = top + CARD_PADDING + CARD_PHOTO + TEXT_GAP
    for line in _wrapped(str(product["name"]), fonts.name, CARD_PHOTO):
        draw.text(
            (left + CARD_PADDING, y), line, font=fonts.name, fill=TEXT_COLOUR
        )
        y += NAME_LINE_HEIGHT
    y = top + CARD_HEIGHT - CARD_PADDING - PRICE_HEIGHT
    draw.text(
        (left + CARD_PADDING, y),
        _written_price(product["price"]),
        font=fonts.price,
        fill=PRICE_COLOUR,
    )


def _card_photo(product, by_code, fonts):
    """The product's photo as a :data:`CARD_PHOTO` square."""
    code = str(product["code"])
    source = by_code.get(code)
    if source is None:
        return _empty_photo(text("productcatalog.card_no_photo"), fonts)
    try:
        photo = _load_photo(source, _source_name(source), fit=CARD_PHOTO)
    except InputError as error:
        logger.warning("catalog: photo of %s not used: %s", code, error.key)
        return _empty_photo(text("productcatalog.card_bad_photo"), fonts)
    image, _ = _flatten(photo.image, CARD_COLOUR)
    return fit_square(image, CARD_PHOTO, CARD_COLOUR)


def _empty_photo(label, fonts):
    """A grey square with a short label in the middle."""
    square = Image.new("RGB", (CARD_PHOTO, CARD_PHOTO), EMPTY_PHOTO_COLOUR)
    draw = ImageDraw.Draw(square)
    draw.text(
        (CARD_PHOTO / 2, CARD_PHOTO / 2),
        _shortened(label, fonts.name, CARD_PHOTO - 20),
        font=fonts.name,
        fill=MUTED_COLOUR,
        anchor="mm",
    )
    return square


def _written_price(price):
    """``Rp 25.000``, or a word when the price is missing."""
    if price is None or pd.isna(price):
        return text("productcatalog.no_price")
    return format_rupiah(price)


def _wrapped(words, font, width, lines=NAME_LINES):
    """Split ``words`` into at most ``lines`` lines no wider than ``width``.

    A word too long for a line is cut between letters; what does not fit
    on the last line ends in an ellipsis.
    """
    result = []
    current = ""
    pieces = words.split()
    while pieces:
        word = pieces.pop(0)
        candidate = f"{current} {word}" if current else word
        if font.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            result.append(current)
            current = ""
            pieces.insert(0, word)
        else:
            # One word wider than the line: cut it.
            cut = _fitting_prefix(word, font, width)
            result.append(word[:cut])
            pieces.insert(0, word[cut:])
        if len(result) == lines:
            break
    if current and len(result) < lines:
        result.append(current)
        current = ""

    # Words left over: the last line ends in an ellipsis.
    if pieces or current:
        rest = " ".join(p for p in [result[-1], current, *pieces] if p)
        result[-1] = _shortened(rest + "\u2026", font, width)
    return result


def _fitting_prefix(word, font, width):
    """How many letters of ``word`` fit in ``width`` (at least one)."""
    count = 1
    while count < len(word) and font.getlength(word[: count + 1]) <= width:
        count += 1
    return count


def _shortened(line, font, width):
    """``line``, cut and ended with an ellipsis if wider than ``width``."""
    if font.getlength(line) <= width:
        return line
    line = line.removesuffix("\u2026")
    while line and font.getlength(line.rstrip() + "\u2026") > width:
        line = line[:-1]
    return line.rstrip() + "\u2026"
