"""Product photos made square, and the catalog pages.

Pixel positions are worked out by hand from the fixtures described in
tests/fixtures/productcatalog/README.md. Colours are checked with a
tolerance: the JPEG fixtures and outputs are lossy.
"""

import hashlib
import io
import re
import struct
import zlib

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from kitpaths import FIXTURES
from tokolab import InputError, set_language
from tokolab.productcatalog import (
    MAX_BYTES,
    MAX_SIDE,
    MIN_SIDE,
    PAGE_COLOUR,
    PHOTO_LIMITS,
    QUALITY_STEPS,
    PhotoFacts,
    catalog_page,
    fit_square,
    page_height,
    prepare_photos,
    read_photo_facts,
    square_photo,
    written_size,
)

RED = (255, 0, 0)
GREEN = (0, 160, 0)
BLUE = (0, 0, 255)
WHITE = (255, 255, 255)

# The clean photos, whose bytes the fuzz test changes.
GOOD_PHOTOS = [
    (FIXTURES / "productcatalog" / name).read_bytes()
    for name in ("tegak_300x900.jpg", "miring_exif6.jpg", "transparan.png")
]


@pytest.fixture
def photos(fixtures):
    return fixtures / "productcatalog"


def near(pixel, colour, tolerance=12):
    """True when every channel is within ``tolerance`` of ``colour``."""
    return all(
        abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True)
    )


def digest(folder):
    """File name -> SHA-256 of every file in ``folder``."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
        if path.is_file()
    }


def png_chunk(kind, content):
    """One PNG chunk: length, kind, content, CRC."""
    crc = zlib.crc32(kind + content)
    return (
        struct.pack(">I", len(content))
        + kind
        + content
        + (struct.pack(">I", crc))
    )


def png_header(width, height):
    """A PNG that declares its size and holds no pixel data."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", b"")
        + png_chunk(b"IEND", b"")
    )


def products_table(count, photo=None):
    """``count`` products SR-01 ... with a price of 1,000 x their number."""
    return pd.DataFrame(
        {
            "code": [f"SR-{i:02d}" for i in range(1, count + 1)],
            "name": [f"Produk {i}" for i in range(1, count + 1)],
            "price": [1000 * i for i in range(1, count + 1)],
            "photo": [photo] * count,
        }
    )


# --- square_photo: worked examples --------------------------------------------


def test_portrait_is_padded_to_a_square_never_stretched(photos, tmp_path):
    output = tmp_path / "persegi.jpg"

    image, report = square_photo(
        photos / "tegak_300x900.jpg", destination=output
    )

    # The longer side, 900, is between 500 and 1024: the square is
    # 900 x 900. The photo keeps its 300 x 900 and is centred:
    # (900 - 300) / 2 = 300 pixels of white on each side, so columns
    # 300-599 hold it; rows 0-299 red, 300-599 green, 600-899 blue.
    assert image.size == (900, 900)
    assert report.original_size == (300, 900)
    assert report.final_size == (900, 900)
    assert report.scaled == "none"
    assert not report.rotated
    written = Image.open(output)
    assert written.size == (900, 900)
    assert written.format == "JPEG"
    for picture in (image, written.convert("RGB")):
        assert near(picture.getpixel((450, 150)), RED)
        assert near(picture.getpixel((450, 450)), GREEN)
        assert near(picture.getpixel((450, 750)), BLUE)
        # Padding left and right, up to the photo's edges.
        assert near(picture.getpixel((150, 450)), WHITE)
        assert near(picture.getpixel((750, 450)), WHITE)
        assert near(picture.getpixel((290, 450)), WHITE)
        assert near(picture.getpixel((310, 450)), GREEN)
        assert near(picture.getpixel((590, 450)), GREEN)
        assert near(picture.getpixel((610, 450)), WHITE)
    assert report.file_bytes == len(output.read_bytes())
    assert report.output == output


def test_large_photo_is_scaled_down_to_max_side(photos):
    image, report = square_photo(photos / "tegak_300x900.jpg", max_side=600)

    # 900 -> 600 is a scale of 2/3: the photo becomes 200 x 600, centred
    # at columns (600 - 200) / 2 = 200 to 399; the colours change at rows
    # 300 * 2/3 = 200 and 400.
    assert image.size == (600, 600)
    assert report.scaled == "down"
    assert near(image.getpixel((300, 100)), RED)
    assert near(image.getpixel((300, 300)), GREEN)
    assert near(image.getpixel((300, 500)), BLUE)
    assert near(image.getpixel((100, 300)), WHITE)
    assert near(image.getpixel((500, 300)), WHITE)
    assert near(image.getpixel((195, 300)), WHITE)
    assert near(image.getpixel((205, 300)), GREEN)


def test_small_photo_is_scaled_up_to_min_side():
    small = Image.new("RGB", (200, 100), (240, 200, 0))

    image, report = square_photo(small)

    # 200 -> 500 is a scale of 2.5: 500 x 250, centred at rows
    # (500 - 250) / 2 = 125 to 374.
    assert image.size == (500, 500)
    assert report.original_size == (200, 100)
    assert report.scaled == "up"
    assert near(image.getpixel((250, 60)), WHITE, 2)
    assert near(image.getpixel((250, 250)), (240, 200, 0), 2)
    assert near(image.getpixel((250, 440)), WHITE, 2)
    assert "diperbesar sampai 500 piksel" in report.describe()


def test_photo_with_exif_orientation_6_comes_out_upright(photos):
    image, report = square_photo(photos / "miring_exif6.jpg")

    # Stored 90 x 60, shown 60 x 90 with the red third on top. 90 -> 500
    # is a scale of 500 / 90 = 5.56: the photo becomes 333 x 500, from
    # column (500 - 333) // 2 = 83; red on rows 0-166.
    assert report.rotated
    assert report.original_size == (90, 60)
    assert image.size == (500, 500)
    assert near(image.getpixel((250, 60)), RED)
    assert near(image.getpixel((250, 400)), BLUE)
    assert near(image.getpixel((40, 250)), WHITE)
    assert near(image.getpixel((460, 250)), WHITE)
    assert "diputar supaya tegak" in report.describe()


def test_unreadable_orientation_leaves_the_photo_as_stored(photos):
    # The EXIF block of this copy points outside itself: no tag, no turn.
    image, report = square_photo(photos / "miring_exif6_with_problems.jpg")

    # As stored: 90 x 60 -> 500 x 333, from row 83; the red third is on
    # the left, columns 0-166.
    assert not report.rotated
    assert near(image.getpixel((60, 250)), RED)
    assert near(image.getpixel((400, 250)), BLUE)
    assert near(image.getpixel((250, 40)), WHITE)


def test_transparent_png_lies_on_white(photos, tmp_path):
    output = tmp_path / "a.jpg"

    image, report = square_photo(photos / "transparan.png", destination=output)

    # 40 -> 500 is a scale of 12.5. Input (20, 20), red and opaque, is at
    # (250, 250). Input (20, 4.8), blue at alpha 128 over white, is at
    # (250, 60): 255 * (255 - 128) / 255 = 127 for red and green, 255
    # for blue. Input (4.8, 35.2), transparent (green underneath), is at
    # (60, 440): white, never green.
    assert report.transparent
    assert near(image.getpixel((250, 250)), RED, 2)
    assert near(image.getpixel((250, 60)), (127, 127, 255), 2)
    assert near(image.getpixel((60, 440)), WHITE, 2)
    assert Image.open(output).mode == "RGB"
    written = Image.open(output).convert("RGB")
    assert near(written.getpixel((60, 440)), WHITE)
    assert near(written.getpixel((250, 60)), (127, 127, 255))


def test_transparent_png_on_another_background(photos):
    image, _ = square_photo(photos / "transparan.png", background=(0, 0, 0))

    # Blue at alpha 128 over black: 255 * 128 / 255 = 128 blue.
    assert near(image.getpixel((250, 60)), (0, 0, 128), 2)
    assert near(image.getpixel((60, 440)), (0, 0, 0), 2)
    assert near(image.getpixel((5, 5)), (0, 0, 128), 2)


def test_sixteen_bit_grey_is_scaled_not_cut():
    # 40,000 of 65,535 is 155.6 of 255: rounds to 156.
    grey = Image.new("I;16", (600, 600), 40_000)

    image, _ = square_photo(grey)

    assert image.getpixel((300, 300)) == (156, 156, 156)


@pytest.fixture
def noise_png():
    """600 x 600 random pixels: JPEG cannot make them small."""
    rng = np.random.default_rng(7)
    pixels = rng.integers(0, 256, (600, 600, 3), dtype=np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, "PNG")
    return buffer.getvalue()


def test_byte_limit_lowers_quality_step_by_step(noise_png, tmp_path):
    # Measured once with the kit's Pillow: this noise takes 298,868 bytes
    # at quality 90, 258,339 at 85, 230,019 at 80, 207,565 at 75 and
    # 190,562 at 70. The first step under 200,000 bytes is 70.
    output = tmp_path / "noise.jpg"

    _, report = square_photo(noise_png, max_bytes=200_000, destination=output)

    assert report.quality == 70
    assert QUALITY_STEPS.index(70) == 4
    assert report.file_bytes <= 200_000
    assert len(output.read_bytes()) == report.file_bytes


def test_byte_limit_that_cannot_be_met_is_a_clear_error(noise_png, tmp_path):
    output = tmp_path / "noise.jpg"

    with pytest.raises(InputError) as caught:
        square_photo(noise_png, max_bytes=50_000, destination=output)

    error = caught.value
    assert error.key == "productcatalog.over_limit"
    assert str(error.expected) == "50 kB"
    assert error.quality == 30
    assert re.fullmatch(r"\d+ kB", str(error.found))
    assert "batas 50 kB" in str(error)
    assert not output.exists()


def test_the_original_is_never_overwritten(photos, tmp_path):
    original = tmp_path / "foto.jpg"
    original.write_bytes((photos / "tegak_300x900.jpg").read_bytes())

    with pytest.raises(InputError) as caught:
        square_photo(original, destination=tmp_path / "." / "foto.jpg")

    assert caught.value.key == "productcatalog.would_overwrite_original"
    assert original.read_bytes() == (photos / "tegak_300x900.jpg").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["foto.jpg"]


def test_limits_that_contradict_each_other_are_a_programming_error():
    with pytest.raises(ValueError):
        square_photo(Image.new("RGB", (10, 10)), min_side=800, max_side=600)


def test_fit_square_pads_the_short_side_evenly():
    # 10 x 4 in a 10 square: (10 - 4) // 2 = 3 rows above, 3 below.
    image = fit_square(Image.new("RGB", (10, 4), RED), 10, BLUE)

    column = [image.getpixel((5, y)) for y in range(10)]
    assert column == [BLUE] * 3 + [RED] * 4 + [BLUE] * 3


# --- square_photo: what it refuses -------------------------------------------


def test_text_file_named_png_is_not_a_photo(photos):
    path = photos / "transparan_with_problems.png"

    with pytest.raises(InputError) as caught:
        square_photo(path)

    error = caught.value
    assert error.key == "productcatalog.not_a_photo"
    assert error.path == str(path)
    assert str(error.found) == "tulisan biasa (teks)"
    assert str(error.expected) == "foto JPG, PNG, WebP, GIF, BMP, atau TIFF"
    assert str(error).startswith(f"Berkas {path} bukan foto")
    # Every part of the sentence follows the language when shown.
    set_language("en")
    assert str(error) == (
        f"The file {path} is not a photo that can be read. It holds: plain "
        "writing (text). Expected: a JPG, PNG, WebP, GIF, BMP or TIFF photo. "
        "Open the photo on a phone or computer, save it again as JPG, and "
        "retry."
    )


def test_jpeg_cut_short_is_damaged(photos):
    path = photos / "tegak_300x900_with_problems.jpg"

    with pytest.raises(InputError) as caught:
        square_photo(path)

    # The fixture is the first 3,139 bytes of the clean photo.
    error = caught.value
    assert error.key == "productcatalog.photo_damaged"
    assert str(error.found) == (
        "berkasnya terpotong, hanya 3.139 bita yang ada"
    )
    assert str(error).startswith(f"Foto {path} rusak")
    # 3,139 with the English thousands mark once shown in English.
    set_language("en")
    assert str(error).startswith(
        f"The photo {path} is damaged: the file is cut short, only 3,139 "
        "bytes are there."
    )


def test_missing_photo_file(photos):
    with pytest.raises(InputError) as caught:
        square_photo(photos / "tidak_ada.jpg")

    assert caught.value.key == "common.file_not_found"
    assert "tidak_ada.jpg" in str(caught.value)


def test_iphone_heic_photo_says_how_to_fix_it():
    # An ISO media file: size, then "ftyp" and the brand "heic".
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64)

    with pytest.raises(InputError) as caught:
        square_photo(heic)

    assert caught.value.key == "productcatalog.heic_photo"
    assert str(caught.value.path) == "yang diunggah"
    assert str(caught.value).startswith("Berkas yang diunggah adalah foto HEIC")
    assert "Paling Kompatibel" in str(caught.value)
    # "The file you uploaded", not "File you uploaded".
    set_language("en")
    assert str(caught.value).startswith("The file you uploaded is a HEIC photo")


@pytest.mark.parametrize(
    ("data", "found"),
    [
        (b"", "tidak ada isinya (0 bita)"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "dokumen PDF"),
        (
            b"PK\x03\x04" + bytes(40),
            "berkas ZIP atau dokumen Office (Word, Excel)",
        ),
        (b"\x13\x80\xfe\x00" * 10, "data yang tidak dikenali"),
    ],
)
def test_what_was_found_instead_of_a_photo(data, found):
    with pytest.raises(InputError) as caught:
        square_photo(data)

    assert caught.value.key == "productcatalog.not_a_photo"
    assert str(caught.value.found) == found


def test_photo_over_80_megapixels_is_refused_before_decoding():
    # 9,000 x 9,000 = 81,000,000 pixels > 80,000,000.
    with pytest.raises(InputError) as caught:
        square_photo(png_header(9000, 9000))

    assert caught.value.key == "productcatalog.photo_too_large"
    assert str(caught.value.found) == "9.000 x 9.000 piksel (81 juta piksel)"
    assert str(caught.value.expected) == "80 juta piksel"
    set_language("en")
    assert str(caught.value).startswith(
        "The photo you uploaded is too large: 9,000 x 9,000 pixels (81 "
        "million pixels). At most 80 million pixels can be read here."
    )


def test_a_108_megapixel_photo_says_how_big_it_is_and_what_to_do(tmp_path):
    # 12,000 x 9,000 = 108,000,000 pixels: above Pillow's own warning
    # limit (about 89.5 million), which once hid the size.
    path = tmp_path / "IMG_108MP.png"
    path.write_bytes(png_header(12_000, 9_000))
    with pytest.raises(InputError) as caught:
        square_photo(path)

    assert caught.value.key == "productcatalog.photo_too_large"
    assert str(caught.value.found) == (
        "12.000 x 9.000 piksel (108 juta piksel)"
    )
    message = str(caught.value)
    assert message.startswith(
        f"Foto {path} terlalu besar: 12.000 x 9.000 piksel (108 juta "
        "piksel). Yang bisa dibaca di sini paling banyak 80 juta piksel."
    )
    # What to do: smaller on the phone, or through WhatsApp.
    assert "ubah ukurannya" in message
    assert "lewat WhatsApp, yang otomatis mengecilkan foto" in message


def test_photo_beyond_pillow_s_own_limit_is_refused_too():
    # 20,000 x 20,000 = 400 million pixels: Pillow itself refuses it.
    with pytest.raises(InputError) as caught:
        square_photo(png_header(20_000, 20_000))

    assert caught.value.key == "productcatalog.photo_too_large"
    assert str(caught.value.found) == (
        "20.000 x 20.000 piksel (400 juta piksel)"
    )


# --- read_photo_facts --------------------------------------------------------


def test_photo_facts_of_the_clean_fixtures(photos):
    # Sizes and byte counts from the fixtures' README and `ls -l`.
    assert read_photo_facts(photos / "tegak_300x900.jpg") == PhotoFacts(
        format="JPEG", width=300, height=900, file_bytes=6278, orientation=None
    )
    turned = read_photo_facts(photos / "miring_exif6.jpg")
    assert turned == PhotoFacts(
        format="JPEG", width=90, height=60, file_bytes=1015, orientation=6
    )
    # Orientation 6: stored on its side, upright it is 60 wide, 90 tall.
    assert turned.upright_size == (60, 90)
    assert read_photo_facts(photos / "transparan.png") == PhotoFacts(
        format="PNG", width=40, height=40, file_bytes=151, orientation=None
    )


def test_photo_facts_of_the_broken_fixtures(photos):
    # The EXIF offset points nowhere: no orientation, the size still reads.
    facts = read_photo_facts(photos / "miring_exif6_with_problems.jpg")
    assert (facts.width, facts.height, facts.orientation) == (90, 60, None)
    assert facts.upright_size == (90, 60)

    # Cut after 3,139 bytes: the header is whole, the pixels are not.
    cut = read_photo_facts(photos / "tegak_300x900_with_problems.jpg")
    assert (cut.width, cut.height, cut.file_bytes) == (300, 900, 3139)

    # A line of text named .png.
    with pytest.raises(InputError) as caught:
        read_photo_facts(photos / "transparan_with_problems.png")
    assert caught.value.key == "productcatalog.not_a_photo"
    assert "transparan_with_problems.png" in str(caught.value)

    with pytest.raises(InputError) as caught:
        read_photo_facts(png_header(12_000, 9_000))
    assert caught.value.key == "productcatalog.photo_too_large"

    with pytest.raises(InputError) as caught:
        read_photo_facts(photos / "tidak_ada.jpg")
    assert caught.value.key == "common.file_not_found"


def test_written_size_in_both_languages():
    # 29,206 / 1,000 = 29.206, written whole: 29 kB.
    assert written_size(29_206) == "29 kB"
    assert written_size(300_000) == "300 kB"
    assert written_size(900) == "900 bita"
    assert written_size(900, language="en") == "900 bytes"


def mutated(base, positions, values, cut):
    """``base`` with some bytes changed, cut after ``cut`` bytes."""
    data = bytearray(base)
    for position, value in zip(positions, values, strict=False):
        data[position % len(data)] = value
    return bytes(data[: max(1, cut % (len(data) + 1))])


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    data=st.one_of(
        st.binary(max_size=600),
        st.builds(
            mutated,
            st.sampled_from(GOOD_PHOTOS),
            st.lists(st.integers(0, 10_000), max_size=6),
            st.lists(st.integers(0, 255), max_size=6),
            st.integers(0, 10_000),
        ),
    )
)
def test_any_bytes_give_a_photo_or_an_input_error(data):
    try:
        image, report = square_photo(data)
    except InputError as error:
        assert error.key.startswith(("productcatalog.", "common."))
        assert str(error)
        return
    assert image.size == report.final_size
    assert 500 <= report.final_size[0] <= 1024


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    data=st.one_of(
        st.binary(max_size=600),
        st.builds(
            mutated,
            st.sampled_from(GOOD_PHOTOS),
            st.lists(st.integers(0, 10_000), max_size=6),
            st.lists(st.integers(0, 255), max_size=6),
            st.integers(0, 10_000),
        ),
    )
)
def test_any_bytes_give_photo_facts_or_an_input_error(data):
    try:
        facts = read_photo_facts(data)
    except InputError as error:
        assert error.key.startswith(("productcatalog.", "common."))
        assert str(error)
        return
    assert facts.width >= 1 and facts.height >= 1
    assert facts.width * facts.height <= 80_000_000
    assert facts.file_bytes == len(data)
    assert facts.orientation in (None, 1, 2, 3, 4, 5, 6, 7, 8)


# --- prepare_photos ----------------------------------------------------------


def test_prepare_photos_of_a_product_list(photos, tmp_path):
    before = digest(photos)
    out = tmp_path / "siap"

    table = prepare_photos(photos / "produk.csv", out)

    # T-01: 300 x 900 -> 900; T-02: 90 x 60 turned -> 500; T-03: 40 x 40
    # -> 500; T-04 has no photo.
    assert table["code"].tolist() == ["T-01", "T-02", "T-03", "T-04"]
    assert table["status"].tolist() == ["ok", "ok", "ok", "no_photo"]
    assert table["side"].tolist() == [900, 500, 500, pd.NA]
    assert table["original_width"].tolist() == [300, 90, 40, pd.NA]
    assert table["original_height"].tolist() == [900, 60, 40, pd.NA]
    assert table["rotated"].tolist() == [False, True, False, pd.NA]
    assert table["output"].tolist()[:3] == [
        out / "T-01.jpg",
        out / "T-02.jpg",
        out / "T-03.jpg",
    ]
    assert table["output"].tolist()[3] is None
    assert sorted(p.name for p in out.iterdir()) == [
        "T-01.jpg",
        "T-02.jpg",
        "T-03.jpg",
    ]
    assert Image.open(out / "T-02.jpg").size == (500, 500)
    assert table["message"][3] == (
        "Produk T-04 (Kaos Uji) belum punya foto: kolom foto kosong. Isi "
        "dengan nama berkas fotonya, misalnya foto/T-04.jpg."
    )
    # The report names the photo by its file name, not its whole path.
    assert table["message"][0].startswith(
        "Foto tegak_300x900.jpg (300 x 900 piksel) sekarang persegi 900 x "
        "900 piksel"
    )
    # The originals are untouched.
    assert digest(photos) == before


def test_one_bad_photo_never_stops_the_others(photos, tmp_path):
    before = digest(photos)
    out = tmp_path / "siap"

    table = prepare_photos(photos / "produk_with_problems.csv", out)

    assert table["status"].tolist() == [
        "ok",
        "problem",
        "problem",
        "problem",
        "no_photo",
    ]
    assert table["problem"].tolist() == [
        "",
        "common.file_not_found",
        "productcatalog.not_a_photo",
        "productcatalog.photo_damaged",
        "productcatalog.no_photo",
    ]
    messages = table["message"].tolist()
    assert "tidak_ada.jpg tidak ditemukan" in messages[1]
    assert "transparan_with_problems.png bukan foto" in messages[2]
    assert "tegak_300x900_with_problems.jpg rusak" in messages[3]
    assert table["side"].isna().tolist() == [False, True, True, True, True]
    assert [p.name for p in out.iterdir()] == ["T-01.jpg"]
    assert digest(photos) == before


def test_prepare_photos_from_a_table_never_overwrites_originals(
    photos, tmp_path
):
    # Output names follow the codes: code "foto" would write foto.jpg
    # over the original in the same folder.
    original = tmp_path / "foto.jpg"
    original.write_bytes((photos / "tegak_300x900.jpg").read_bytes())
    table = pd.DataFrame(
        {"code": ["foto"], "name": ["Keripik"], "photo": [original]}
    )

    result = prepare_photos(table, tmp_path)

    assert result["problem"].tolist() == [
        "productcatalog.would_overwrite_original"
    ]
    assert original.read_bytes() == (photos / "tegak_300x900.jpg").read_bytes()


def test_codes_that_make_the_same_file_name_get_two_files(photos, tmp_path):
    # "A/1" and "A 1" both become "A_1": the second is "A_1-2.jpg".
    photo = photos / "transparan.png"
    table = pd.DataFrame(
        {"code": ["A/1", "A 1"], "name": ["x", "y"], "photo": [photo, photo]}
    )

    result = prepare_photos(table, tmp_path / "out")

    assert [p.name for p in result["output"]] == ["A_1.jpg", "A_1-2.jpg"]


def test_prepare_photos_refuses_a_file_as_the_folder(photos, tmp_path):
    path = tmp_path / "siap"
    path.write_text("bukan folder")

    with pytest.raises(InputError) as caught:
        prepare_photos(photos / "produk.csv", path)

    assert caught.value.key == "productcatalog.not_a_folder"
    assert path.read_text() == "bukan folder"


def test_prepare_photos_names_a_missing_column():
    with pytest.raises(InputError) as caught:
        prepare_photos(pd.DataFrame({"kode": ["A"]}), "out")

    assert caught.value.key == "productcatalog.missing_columns"
    assert caught.value.expected == "code, name"
    # The columns named with the headers a product list file uses.
    assert str(caught.value) == (
        "Tabel produk tidak punya kolom code (kode), name (nama). Kolom yang "
        "ada: kode. Baca daftar produk dari berkas CSV-nya, seperti di "
        "contoh notebook, supaya kolom itu terbaca."
    )


# --- catalog_page ------------------------------------------------------------


@pytest.fixture
def drawn(monkeypatch):
    """Every text drawn on a page, in order."""
    texts = []
    original = ImageDraw.ImageDraw.text

    def record(self, xy, text, *arguments, **keywords):
        texts.append(text)
        return original(self, xy, text, *arguments, **keywords)

    monkeypatch.setattr(ImageDraw.ImageDraw, "text", record)
    return texts


def pdf_pages(data):
    """Page objects and the /Count of the page tree, read from the bytes."""
    pages = len(re.findall(rb"/Type\s*/Page(?![a-z])", data))
    count = int(re.search(rb"/Count (\d+)", data)[1])
    return pages, count


def test_one_page_for_five_products(tmp_path):
    paths = catalog_page(
        products_table(5),
        {},
        tmp_path / "katalog.png",
        tmp_path / "katalog.pdf",
        title="Toko Oleh-Oleh Sari Rasa",
    )

    # 5 products, 3 a row: 2 rows. Height 2 * 45 (margins) + 100 (title)
    # + 2 * 466 (cards) + 1 * 30 (gap) = 1152; width 1200.
    assert paths == [tmp_path / "katalog.png", tmp_path / "katalog.pdf"]
    assert Image.open(paths[0]).size == (1200, 1152)
    assert page_height(2) == 1152
    data = paths[1].read_bytes()
    assert data.startswith(b"%PDF")
    assert pdf_pages(data) == (1, 1)
    # At 150 dots per inch: 1200 * 72 / 150 = 576 points wide, 1152 *
    # 72 / 150 = 552.96 tall.
    assert b"/MediaBox [ 0 0 576.0 552.96 ]" in data


def test_ten_products_make_two_pages(tmp_path):
    paths = catalog_page(
        products_table(10), {}, tmp_path / "k.png", tmp_path / "k.pdf"
    )

    # 9 on the first page (3 rows: 90 + 100 + 3 * 466 + 2 * 30 = 1648),
    # 1 on the second (1 row: 90 + 100 + 466 = 656).
    assert paths == [
        tmp_path / "k.png",
        tmp_path / "k-2.png",
        tmp_path / "k.pdf",
    ]
    assert Image.open(paths[0]).size == (1200, 1648)
    assert Image.open(paths[1]).size == (1200, 656)
    assert pdf_pages(paths[2].read_bytes()) == (2, 2)


def test_cards_show_the_photo_or_a_grey_square(tmp_path):
    products = products_table(2)
    red = Image.new("RGB", (50, 80), RED)

    catalog_page(products, {"SR-01": red}, tmp_path / "k.png")

    page = Image.open(tmp_path / "k.png").convert("RGB")
    # Card 1 starts at (45, 45 + 100) = (45, 145); its 320-pixel photo
    # square at (45 + 15, 145 + 15) = (60, 160), centre (220, 320).
    # The 50 x 80 photo becomes 200 x 320: columns 120-319, so (70, 320)
    # is white padding.
    assert page.getpixel((220, 320)) == RED
    assert page.getpixel((70, 320)) == WHITE
    # Card 2 starts at x = 45 + 350 + 30 = 425: no photo, a grey square
    # from (440, 160).
    assert page.getpixel((445, 165)) == (236, 236, 236)
    # Between cards and around them: the page's cream colour.
    assert page.getpixel((10, 10)) == PAGE_COLOUR
    assert page.getpixel((410, 300)) == PAGE_COLOUR


def test_cards_write_names_and_prices_the_indonesian_way(tmp_path, drawn):
    products = pd.DataFrame(
        {
            "code": ["SR-01", "SR-02"],
            "name": [
                "Keripik Tempe Original 250 g",
                "Paket Oleh-Oleh Malang Isi Keripik Tempe Keripik Apel "
                "Sari Apel Dodol dan Kopi Dampit",
            ],
            "price": [25000, 1250000],
        }
    )

    catalog_page(products, None, tmp_path / "k.png", title="Sari Rasa")

    assert "Sari Rasa" in drawn
    assert "Rp 25.000" in drawn
    assert "Rp 1.250.000" in drawn
    assert drawn.count("Belum ada foto") == 2
    # A long name wraps on two lines, the second ends in an ellipsis, and
    # the price follows.
    first = next(i for i, line in enumerate(drawn) if line.startswith("Paket"))
    lines = drawn[first : first + 2]
    assert lines[1].endswith("\u2026")
    assert products["name"][1].startswith(
        " ".join(lines).removesuffix("\u2026")
    )
    assert drawn[first + 2] == "Rp 1.250.000"


def test_same_products_same_bytes(photos, tmp_path):
    products = products_table(4, photos / "tegak_300x900.jpg")
    first = catalog_page(
        products, None, tmp_path / "a" / "k.png", tmp_path / "a" / "k.pdf"
    )
    second = catalog_page(
        products, None, tmp_path / "b" / "k.png", tmp_path / "b" / "k.pdf"
    )

    for one, other in zip(first, second, strict=True):
        assert one.read_bytes() == other.read_bytes()


def test_catalog_from_prepared_photos_and_a_csv(photos, tmp_path):
    prepared = prepare_photos(photos / "produk.csv", tmp_path / "siap")

    paths = catalog_page(photos / "produk.csv", prepared, tmp_path / "k.png")

    # 4 products: 2 rows, 1152 pixels tall. T-01's photo is the 900 x 900
    # square, shrunk into the card's 320 square at (60, 160): the photo's
    # column runs from x = 60 + 320 / 3 = 167 to 273; its red third from
    # y = 160 to 160 + 107 = 267, its blue third from 373 to 480.
    page = Image.open(paths[0]).convert("RGB")
    assert page.size == (1200, 1152)
    assert near(page.getpixel((220, 200)), RED)
    assert near(page.getpixel((220, 440)), BLUE)


def test_catalog_in_english_has_an_english_title(tmp_path, drawn):
    set_language("en")

    catalog_page(products_table(10), {}, tmp_path / "k.png")

    assert drawn[0] == "Product Catalog"
    assert "Page 1 of 2" in drawn


def test_catalog_refuses_an_empty_list_or_a_missing_price(tmp_path):
    with pytest.raises(InputError) as caught:
        catalog_page(products_table(0), None, tmp_path / "k.png")
    assert caught.value.key == "productcatalog.no_products"

    with pytest.raises(InputError) as caught:
        catalog_page(
            products_table(2).drop(columns="price"), None, tmp_path / "k.png"
        )
    assert caught.value.key == "productcatalog.missing_columns"
    assert caught.value.expected == "price"
    assert "kolom price (harga)." in str(caught.value)
    assert not (tmp_path / "k.png").exists()


# --- limits from the rules file ----------------------------------------------


def test_photo_limits_come_from_the_rules_file_with_their_source():
    # tokolab/marketplace.toml, [foto]: the kit's own choice.
    assert (MIN_SIDE, MAX_SIDE, MAX_BYTES) == (500, 1024, 300_000)
    assert PHOTO_LIMITS.min_side.status == "pilihan kit"
    assert "500 x 500" in PHOTO_LIMITS.min_side.source


def test_an_upload_is_described_in_the_language_asked(photos):
    _, report = square_photo((photos / "tegak_300x900.jpg").read_bytes())

    assert report.kind == "upload"
    assert report.source == "yang diunggah"
    assert report.describe().startswith(
        "Foto yang diunggah (300 x 900 piksel) sekarang persegi"
    )
    assert report.describe("en").startswith(
        "The photo you uploaded (300 x 900 pixels) is now a 900 x 900 pixel "
        "square"
    )


# --- outputs never replace inputs ---------------------------------------------


def test_a_photo_named_after_another_product_is_never_replaced(
    photos, tmp_path
):
    # SR-01's photo is the file foto/SR-02.jpg; SR-02's photo is
    # foto/lain.jpg. Writing the squares into foto/ would put SR-02's
    # square, SR-02.jpg, over SR-01's original.
    folder = tmp_path / "foto"
    folder.mkdir()
    original = (photos / "tegak_300x900.jpg").read_bytes()
    (folder / "SR-02.jpg").write_bytes(original)
    (folder / "lain.jpg").write_bytes(original)
    table = pd.DataFrame(
        {
            "code": ["SR-01", "SR-02"],
            "name": ["Keripik", "Dodol"],
            "photo": [folder / "SR-02.jpg", folder / "lain.jpg"],
        }
    )

    result = prepare_photos(table, folder)

    assert result["status"].tolist() == ["ok", "problem"]
    assert result["problem"].tolist() == [
        "",
        "productcatalog.would_overwrite_original",
    ]
    assert result["output"].tolist() == [folder / "SR-01.jpg", None]
    assert (folder / "SR-02.jpg").read_bytes() == original
    assert (folder / "lain.jpg").read_bytes() == original
    assert sorted(p.name for p in folder.iterdir()) == [
        "SR-01.jpg",
        "SR-02.jpg",
        "lain.jpg",
    ]


def test_the_catalog_is_never_written_over_the_product_list(photos, tmp_path):
    source = tmp_path / "produk.csv"
    source.write_bytes((photos / "produk.csv").read_bytes())
    before = source.read_bytes()

    # Named .csv: refused for its suffix, before anything is drawn.
    with pytest.raises(InputError) as caught:
        catalog_page(source, {}, source)
    error = caught.value
    assert (error.key, error.expected, error.found) == (
        "productcatalog.bad_output",
        ".png",
        ".csv",
    )
    assert str(error) == (
        f"Berkas katalog {source} harus berakhiran .png, bukan .csv. Ganti "
        "akhiran nama berkasnya, misalnya katalog.png."
    )
    assert source.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["produk.csv"]

    with pytest.raises(InputError) as caught:
        catalog_page(source, {}, tmp_path / "k.png", path_pdf=tmp_path / "k")
    assert (caught.value.key, caught.value.found) == (
        "productcatalog.bad_output",
        "-",
    )


def test_no_page_is_written_over_a_photo(photos, tmp_path):
    # The 10 products' photo is a PNG; the second page's name, k-2.png,
    # is that photo's name: nothing at all is written.
    photo = tmp_path / "k-2.png"
    photo.write_bytes((photos / "transparan.png").read_bytes())
    before = photo.read_bytes()

    with pytest.raises(InputError) as caught:
        catalog_page(products_table(10, photo), None, tmp_path / "k.png")

    assert caught.value.key == "common.would_overwrite_input"
    assert caught.value.path == str(tmp_path / "k-2.png")
    assert photo.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k-2.png"]


def test_no_page_is_written_over_a_photo_of_the_squares_table(photos, tmp_path):
    # The squares were made from k.png; the table prepare_photos returns
    # names it in its photo column, so k.png is an input of the page.
    original = tmp_path / "k.png"
    original.write_bytes((photos / "transparan.png").read_bytes())
    before = original.read_bytes()
    squares = prepare_photos(products_table(1, original), tmp_path / "siap")

    with pytest.raises(InputError) as caught:
        catalog_page(products_table(1), squares, original)

    assert caught.value.key == "common.would_overwrite_input"
    assert original.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k.png", "siap"]


# --- what is not a product table ---------------------------------------------


@pytest.mark.parametrize(
    ("products", "found"),
    [
        ([1, 2], "daftar biasa, bukan tabel"),
        (None, "kosong (belum ada apa-apa)"),
        (12, "sesuatu yang lain (int)"),
    ],
)
def test_a_list_is_no_product_table(tmp_path, products, found):
    with pytest.raises(InputError) as caught:
        catalog_page(products, None, tmp_path / "k.png")

    assert caught.value.key == "productcatalog.products_not_a_table"
    assert str(caught.value) == (
        "Katalog butuh tabel produk atau nama berkas CSV daftar produk, "
        f"tetapi yang diberikan {found}. Baca dulu daftar produknya, seperti "
        "di contoh notebook, lalu coba lagi."
    )
    assert list(tmp_path.iterdir()) == []


def test_photos_that_are_not_per_code_are_said_plainly(tmp_path):
    with pytest.raises(InputError) as caught:
        catalog_page(products_table(1), ["a.jpg"], tmp_path / "k.png")

    assert caught.value.key == "productcatalog.photos_not_a_mapping"
    assert "daftar biasa, bukan tabel" in str(caught.value)


# --- files that cannot be written --------------------------------------------


def test_a_file_in_the_way_of_the_folder_is_said_plainly(photos, tmp_path):
    (tmp_path / "hasil").write_text("catatan")
    output = tmp_path / "hasil" / "persegi.jpg"

    # No NotADirectoryError from deep inside: an InputError that says why.
    with pytest.raises(InputError) as caught:
        square_photo(photos / "transparan.png", destination=output)

    assert caught.value.key == "common.cannot_write"
    assert str(caught.value) == (
        f"Berkas {output} tidak bisa ditulis: salah satu nama folder di "
        "depannya ternyata sebuah berkas, bukan folder. Periksa nama "
        "foldernya."
    )
    assert (tmp_path / "hasil").read_text() == "catatan"

    with pytest.raises(InputError) as caught:
        catalog_page(products_table(1), None, tmp_path / "hasil" / "k.png")
    assert caught.value.key == "common.cannot_write"
