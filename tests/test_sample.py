"""The synthetic sample data: deterministic, small, realistic, labelled.

The Search Console files are checked here with the csv module alone, not
with tokolab.searchconsole, so that these tests say what the files hold
whatever that reader does.
"""

import csv
import io
import re
from datetime import date, datetime, timedelta

import numpy as np
import pytest
from PIL import Image, ImageOps

from kitpaths import ROOT
from tokolab import InputError
from tokolab.classrecords import (
    attendance_rate,
    quiz_summary,
    read_class_records,
)
from tokolab.products import is_food, read_products
from tokolab.sample import (
    SAMPLE_MARK,
    _written_ctr,
    _written_number,
    click_through_rate,
    sample_files,
    write_sample_data,
)
from tokolab.uptime import read_uptime

COMMITTED = ROOT / "data" / "contoh"


def present_at(sessions, folder=COMMITTED):
    """Codes of the participants present at any of ``sessions``."""
    with open(folder / "kelas" / "kehadiran.csv", encoding="utf-8") as f:
        return {
            row["kode"]
            for row in csv.DictReader(f)
            if row["hadir"] == "1" and int(row["sesi"]) in sessions
        }


# Everyone present at session 1 or 2, the sessions with exercise notebooks,
# has a progress file.
PROGRESS_FILES = [
    f"kemajuan/kemajuan-{code}.csv" for code in present_at({1, 2})
]

EXPECTED_FILES = sorted(
    PROGRESS_FILES
    + [
        "README.md",
        "kelas/kehadiran.csv",
        "kelas/nilai.csv",
        "kelas/peserta.csv",
        "produk/foto/IMG_20231205_091532.jpg",
        "produk/foto/SR-01.jpg",
        "produk/foto/SR-02.jpg",
        "produk/foto/SR-03.jpg",
        "produk/foto/SR-05.jpg",
        "produk/foto/SR-08.jpg",
        "produk/foto/SR-09.jpg",
        "produk/foto/SR-10.jpg",
        "produk/foto/SR-11.jpg",
        "produk/foto/SR-12.jpg",
        "produk/foto/dodol-apel.png",
        "produk/produk.csv",
        "searchconsole/Bagan.csv",
        "searchconsole/Filter.csv",
        "searchconsole/Halaman.csv",
        "searchconsole/Kueri.csv",
        "searchconsole/Negara.csv",
        "searchconsole/Perangkat.csv",
        "uptime/pemantauan.csv",
    ]
)

METRICS = ["Klik", "Tayangan", "CTR", "Posisi"]
HEADERS = {
    "Bagan.csv": ["Tanggal", *METRICS],
    "Kueri.csv": ["Kueri teratas", *METRICS],
    "Halaman.csv": ["Halaman teratas", *METRICS],
    "Negara.csv": ["Negara", *METRICS],
    "Perangkat.csv": ["Perangkat", *METRICS],
    "Filter.csv": ["Filter", "Nilai"],
}


def files_under(folder):
    """Relative path -> bytes of every file under ``folder``."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("contoh")
    write_sample_data(folder)
    return folder


@pytest.fixture(scope="module")
def tables(generated):
    """Each Search Console file as (header, rows of str)."""
    result = {}
    for name in HEADERS:
        text = (generated / "searchconsole" / name).read_text("utf-8")
        rows = list(csv.reader(io.StringIO(text)))
        result[name] = (rows[0], rows[1:])
    return result


def metric_rows(tables, name):
    """(name, clicks, impressions, ctr written, position) per row."""
    _, rows = tables[name]
    return [(r[0], int(r[1]), int(r[2]), r[3], float(r[4])) for r in rows]


# --- deterministic, small, committed -----------------------------------------


def test_same_seed_same_bytes(tmp_path):
    write_sample_data(tmp_path / "a", seed=2024)
    write_sample_data(tmp_path / "b", seed=2024)

    first = files_under(tmp_path / "a")
    second = files_under(tmp_path / "b")

    assert sorted(first) == EXPECTED_FILES
    assert first == second


def test_another_seed_other_data():
    first = sample_files(2024)
    other = sample_files(7)

    assert first["searchconsole/Kueri.csv"] != other["searchconsole/Kueri.csv"]
    assert first["kelas/nilai.csv"] != other["kelas/nilai.csv"]
    # The product list is fixed; the seed moves things about on the photos.
    assert first["produk/produk.csv"] == other["produk/produk.csv"]
    assert first["produk/foto/SR-03.jpg"] != other["produk/foto/SR-03.jpg"]


def test_committed_sample_is_what_the_command_writes():
    # If this fails after a change to sample.py, run `tokolab sample-data`.
    committed = files_under(COMMITTED)
    written = sample_files(2024)

    assert sorted(committed) == sorted(written)
    for name, content in written.items():
        if name.startswith("produk/foto/"):
            # Another Pillow (zlib, libjpeg) may encode the same pixels
            # in other bytes: the pictures must still be the same.
            assert same_picture(committed[name], content), name
        else:
            assert committed[name] == content, name


def same_picture(first, second):
    """True when two encoded images hold (nearly) the same pixels."""
    if first == second:
        return True
    one, other = Image.open(io.BytesIO(first)), Image.open(io.BytesIO(second))
    if (one.size, one.mode) != (other.size, other.mode):
        return False
    difference = np.abs(
        np.asarray(one, dtype=np.int16) - np.asarray(other, dtype=np.int16)
    )
    return difference.mean() < 1.0


def test_sample_is_well_under_2_mb(generated):
    total = sum(len(content) for content in files_under(generated).values())
    committed = sum(len(content) for content in files_under(COMMITTED).values())
    photos = sum(
        len(path.read_bytes())
        for path in (generated / "produk" / "foto").iterdir()
    )

    # Well under 2 MB. The uptime log is most of it (25,632 rows of about
    # 28 bytes, some 720 kB); the photos some 310 kB (the 3000 x 3000 one
    # 130 kB: a JPEG spends bits on every 16 x 16 block, even a flat one);
    # progress some 250 kB (75 files of about 60 lines of 55 bytes); the
    # rest is 30 kB.
    assert total < 1_400_000
    assert committed < 1_400_000
    assert photos < 350_000
    assert len((generated / "uptime" / "pemantauan.csv").read_bytes()) < (
        800_000
    )


def test_writing_again_into_the_sample_folder_is_allowed(tmp_path):
    write_sample_data(tmp_path)
    write_sample_data(tmp_path)

    # No temporary files left behind.
    assert sorted(files_under(tmp_path)) == EXPECTED_FILES


def test_real_records_are_never_overwritten(tmp_path):
    real = tmp_path / "kelas" / "peserta.csv"
    real.parent.mkdir()
    real.write_text("kode,peran,usia,pendidikan\nK001,anggota,35-44,SMA\n")

    with pytest.raises(InputError) as caught:
        write_sample_data(tmp_path)

    assert caught.value.key == "sample.not_a_sample_folder"
    assert caught.value.found == "kelas/peserta.csv"
    assert real.read_text().startswith("kode,peran,usia,pendidikan\nK001")
    assert sorted(files_under(tmp_path)) == ["kelas/peserta.csv"]


def test_a_file_in_place_of_the_folder_is_refused(tmp_path):
    path = tmp_path / "contoh"
    path.write_text("catatan tutor\n")

    with pytest.raises(InputError) as caught:
        write_sample_data(path)

    assert caught.value.key == "sample.not_a_folder"
    assert path.read_text() == "catatan tutor\n"


def test_a_folder_that_cannot_be_written_is_named(tmp_path):
    # A file named "kelas" where the sample's kelas/ folder must go, in
    # a folder already labelled as sample: writing kelas/ fails.
    write_sample_data(tmp_path)
    (tmp_path / "kelas" / "peserta.csv").unlink()
    (tmp_path / "kelas" / "kehadiran.csv").unlink()
    (tmp_path / "kelas" / "nilai.csv").unlink()
    (tmp_path / "kelas").rmdir()
    (tmp_path / "kelas").write_text("")

    with pytest.raises(InputError) as caught:
        write_sample_data(tmp_path)

    assert caught.value.key == "sample.cannot_write"
    assert "kelas" in caught.value.path
    # The reason in plain words, not the system's English.
    assert str(caught.value) == (
        f"Data contoh tidak bisa ditulis ke {caught.value.path}: salah satu "
        "nama folder di depannya ternyata sebuah berkas, bukan folder. "
        "Periksa nama foldernya."
    )


# --- labelled as synthetic ---------------------------------------------------


def test_sample_folder_says_it_is_synthetic(generated):
    readme = (generated / "README.md").read_text("utf-8")

    assert readme.splitlines()[0] == SAMPLE_MARK
    assert "data sintetis" in readme
    assert "synthetic data" in readme
    assert "seed 2024" in readme
    assert "`produk/produk.csv`: daftar 12 produk rekaan" in readme
    assert "bertulisan CONTOH" in readme
    assert "labelled CONTOH (sample)" in readme


def test_data_readme_says_the_sample_is_synthetic():
    readme = (ROOT / "data" / "README.md").read_text("utf-8")

    assert "**Everything in `contoh/` is synthetic.**" in readme
    assert "data sintetis" in readme


# --- Search Console export: format -------------------------------------------


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_files_are_written_like_google_writes_them(generated, name):
    data = (generated / "searchconsole" / name).read_bytes()

    assert not data.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in data
    assert not data.endswith(b"\n")
    assert (
        next(csv.reader(io.StringIO(data.decode("utf-8")))) == (HEADERS[name])
    )


def test_ctr_and_position_are_written_like_google(tables):
    ctr_written = re.compile(r"(0|[1-9][0-9]*)(\.[0-9]{0,1}[1-9])?%")
    for name in HEADERS:
        if name == "Filter.csv":
            continue
        decimals = 1 if name == "Bagan.csv" else 2
        position_written = re.compile(
            rf"[1-9][0-9]*(\.[0-9]{{0,{decimals - 1}}}[1-9])?"
        )
        for row in tables[name][1]:
            assert ctr_written.fullmatch(row[3]), (name, row)
            assert position_written.fullmatch(row[4]), (name, row)


def test_written_numbers_by_hand():
    # 3 / 97 = 0.030928 -> 3.09 %; 1 / 8 = 12.5 %; 0 / 5 -> 0 %.
    assert _written_ctr(3, 97) == "3.09%"
    assert _written_ctr(1, 8) == "12.5%"
    assert _written_ctr(0, 5) == "0%"
    assert _written_number(7.5, 1) == "7.5"
    assert _written_number(20.0, 2) == "20"
    assert _written_number(4.04, 2) == "4.04"
    assert _written_number(10.0, 1) == "10"


def test_click_through_rate_by_hand():
    # 0.30 * 1 ** -1.25 = 0.30; 0.30 * 10 ** -1.25 = 0.30 * 0.0562341
    # = 0.0168702; at the top with a brand multiplier of 3 it is capped.
    assert click_through_rate(1.0) == pytest.approx(0.30)
    assert click_through_rate(10.0) == pytest.approx(0.0168702, rel=1e-5)
    assert click_through_rate(1.0, 3.0) == 0.70


def test_chart_covers_90_days_before_the_sessions(tables):
    days = [row[0] for row in tables["Bagan.csv"][1]]

    # 2023-10-03 + 89 days = 2023-12-31: 29 + 30 + 31 = 90 days.
    expected = [
        (date(2023, 10, 3) + timedelta(days=i)).isoformat() for i in range(90)
    ]
    assert days == expected


def test_filters_give_search_type_and_the_range_as_written(tables):
    assert tables["Filter.csv"][1] == [
        ["Jenis penelusuran", "Web"],
        ["Tanggal", "3 Okt 2023 - 31 Des 2023"],
    ]


# --- Search Console export: realistic ----------------------------------------


def test_clicks_never_exceed_impressions_and_ctr_matches(tables):
    for name in HEADERS:
        if name == "Filter.csv":
            continue
        for label, clicks, impressions, ctr, position in metric_rows(
            tables, name
        ):
            assert 0 <= clicks <= impressions, (name, label)
            assert impressions > 0, (name, label)
            assert position >= 1.0, (name, label)
            # The written CTR is clicks / impressions, rounded to 0.01 %.
            assert float(ctr.rstrip("%")) == pytest.approx(
                100 * clicks / impressions, abs=0.005
            ), (name, label)


def test_ctr_falls_with_position(tables):
    rows = metric_rows(tables, "Kueri.csv")

    def ctr_between(low, high):
        inside = [r for r in rows if low <= r[4] < high]
        assert len(inside) >= 3, (low, high)
        return sum(r[1] for r in inside) / sum(r[2] for r in inside)

    top = ctr_between(1, 3)
    first_page = ctr_between(3, 10)
    further = ctr_between(10, 100)
    assert top > first_page > further


def test_chart_totals_exceed_the_query_table(tables):
    chart = metric_rows(tables, "Bagan.csv")
    queries = metric_rows(tables, "Kueri.csv")

    chart_clicks = sum(r[1] for r in chart)
    chart_impressions = sum(r[2] for r in chart)
    assert sum(r[1] for r in queries) < chart_clicks
    assert sum(r[2] for r in queries) < chart_impressions


@pytest.mark.parametrize("name", ["Negara.csv", "Perangkat.csv"])
def test_countries_and_devices_add_up_to_the_chart(tables, name):
    chart = metric_rows(tables, "Bagan.csv")
    table = metric_rows(tables, name)

    assert sum(r[1] for r in table) == sum(r[1] for r in chart)
    assert sum(r[2] for r in table) == sum(r[2] for r in chart)


def test_pages_count_per_page(tables):
    chart = metric_rows(tables, "Bagan.csv")
    pages = metric_rows(tables, "Halaman.csv")

    # Sitelinks add impressions, never clicks.
    assert sum(r[2] for r in pages) > sum(r[2] for r in chart)
    assert sum(r[1] for r in pages) == sum(r[1] for r in chart)
    assert all(r[0].startswith("https://sarirasa.example/") for r in pages)


def test_tables_are_sorted_by_clicks_then_impressions(tables):
    for name in ["Kueri.csv", "Halaman.csv", "Negara.csv", "Perangkat.csv"]:
        keys = [(-r[1], -r[2]) for r in metric_rows(tables, name)]
        assert keys == sorted(keys), name


def test_indonesian_queries_some_with_negative_words(tables):
    queries = [r[0] for r in metric_rows(tables, "Kueri.csv")]
    negative = [
        q for q in queries if re.search(r"\b(penipuan|tipu|kecewa)\b", q)
    ]

    assert "keripik tempe malang" in queries
    assert any(q.startswith("oleh oleh khas") for q in queries)
    assert len(negative) >= 3
    assert '"keripik tempe" malang' in queries


def test_indonesia_and_phones_lead(tables):
    assert metric_rows(tables, "Negara.csv")[0][0] == "Indonesia"
    assert [r[0] for r in metric_rows(tables, "Perangkat.csv")] == [
        "Seluler",
        "Desktop",
        "Tablet",
    ]


# --- class records -----------------------------------------------------------


@pytest.fixture(scope="module")
def records(generated):
    return read_class_records(generated / "kelas")


def test_75_participants_8_of_them_managers(records):
    participants = records.participants

    assert participants["code"].tolist() == [f"P{n:03d}" for n in range(1, 76)]
    assert (participants["role"] == "manager").sum() == 8
    assert set(participants["age_band"].astype(str)) <= {
        "25-34",
        "35-44",
        "45-54",
        "55-65",
    }
    assert set(participants["schooling"].astype(str)) == {"SMP", "SMA", "S1"}


def test_every_participant_has_a_row_in_every_session(records):
    # 75 participants x 4 sessions = 300 rows.
    assert len(records.attendance) == 300


def test_attendance_is_high_but_not_perfect(records):
    for session in (1, 2, 3, 4):
        rate = attendance_rate(records.attendance, session)
        assert 0.6 < rate < 1.0, session


def test_only_participants_present_have_scores(records):
    present = set(
        records.attendance.loc[
            records.attendance["present"], ["code", "session"]
        ].itertuples(index=False, name=None)
    )
    scored = set(
        records.scores[["code", "session"]].itertuples(index=False, name=None)
    )

    assert scored <= present


def test_scores_are_whole_quiz_points(records):
    # 20 questions, 5 points each.
    assert (records.scores["score"] % 5 == 0).all()


def test_post_quiz_is_generally_better(records):
    for session in (1, 2, 3, 4):
        summary = quiz_summary(records.scores, session)
        assert summary["n"] >= 40, session
        assert summary["post_mean"] > summary["pre_mean"], session
        assert summary["n_improved"] > summary["n"] / 2, session


# --- uptime log ---------------------------------------------------------------


@pytest.fixture(scope="module")
def uptime_rows(generated):
    """The uptime log's header and rows, with the csv module."""
    path = generated / "uptime" / "pemantauan.csv"
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8"))))
    return rows[0], rows[1:]


def test_uptime_log_is_a_generic_checks_csv(generated, uptime_rows):
    header, rows = uptime_rows
    data = (generated / "uptime" / "pemantauan.csv").read_bytes()

    assert header == ["waktu", "status", "respons_ms"]
    assert b"\r" not in data
    assert data.endswith(b"\n")
    assert all(
        re.fullmatch(r"2023-\d\d-\d\d \d\d:\d\d:00", row[0]) for row in rows
    )
    assert {row[1] for row in rows} == {"200", "503", "0"}


def test_uptime_log_checks_every_5_minutes_but_one_day(uptime_rows):
    _, rows = uptime_rows
    times = [datetime.fromisoformat(row[0]) for row in rows]

    # 90 days x 24 h x 12 checks = 25,920 slots; the monitor was off from
    # 14 Nov 09:00 to 15 Nov 09:00, 24 x 12 = 288 slots: 25,632 rows.
    assert len(rows) == 25_632
    assert times[0] == datetime(2023, 10, 3, 0, 0)
    assert times[-1] == datetime(2023, 12, 31, 23, 55)
    steps = [
        later - earlier
        for earlier, later in zip(times[:-1], times[1:], strict=True)
    ]
    gaps = [
        (times[i], times[i + 1])
        for i, step in enumerate(steps)
        if step != timedelta(minutes=5)
    ]
    # The one gap: the last check before it and the first after it.
    assert gaps == [
        (datetime(2023, 11, 14, 8, 55), datetime(2023, 11, 15, 9, 0))
    ]


def test_uptime_log_has_a_few_outages(uptime_rows):
    _, rows = uptime_rows
    down = [row for row in rows if row[1] != "200"]

    # 3 + 2 + 6 + 1 + 4 = 16 failed checks in 5 runs; no answer (status 0)
    # in runs of 2, 1 and 4 = 7 checks, 503 in runs of 3 and 6 = 9.
    assert len(down) == 16
    assert sum(row[1] == "0" for row in down) == 7
    assert sum(row[1] == "503" for row in down) == 9
    starts = [
        rows[i][0]
        for i in range(len(rows))
        if rows[i][1] != "200" and (i == 0 or rows[i - 1][1] == "200")
    ]
    assert starts == [
        "2023-10-17 02:10:00",
        "2023-11-02 13:35:00",
        "2023-11-28 20:00:00",
        "2023-12-08 04:15:00",
        "2023-12-23 19:40:00",
    ]


def test_no_answer_has_no_response_time_and_others_have_one(uptime_rows):
    _, rows = uptime_rows

    assert all(row[2] == "" for row in rows if row[1] == "0")
    answered = [int(row[2]) for row in rows if row[1] != "0"]
    assert len(answered) == 25_632 - 7
    # An error page comes back in 40-160 ms; a page in some hundreds.
    assert all(40 <= int(r[2]) <= 160 for r in rows if r[1] == "503")
    ok = sorted(int(r[2]) for r in rows if r[1] == "200")
    assert 250 < ok[len(ok) // 2] < 450


def test_the_uptime_reader_reads_status_0_as_down(generated):
    log = read_uptime(generated / "uptime" / "pemantauan.csv")
    checks = log.checks

    # 25,632 rows; the 16 failed checks, the 7 unanswered among them.
    assert log.format == "checks"
    assert len(checks) == 25_632
    assert (~checks["up"]).sum() == 16
    assert (~checks.loc[checks["status"] == "0", "up"]).sum() == 7
    assert str(checks["time"].iloc[0]) == "2023-10-03 00:00:00+07:00"


# --- products and their photos ------------------------------------------------


@pytest.fixture(scope="module")
def products(generated):
    return read_products(generated / "produk" / "produk.csv")


def test_twelve_products_of_the_sample_shop(generated, products):
    data = (generated / "produk" / "produk.csv").read_bytes()

    assert data.startswith(b"kode,nama,kategori,harga,berat_gram,deskripsi,")
    assert b"\r" not in data
    assert data.endswith(b"\n")
    assert products["code"].tolist() == [f"SR-{n:02d}" for n in range(1, 13)]
    assert products.loc[0, "name"] == "Keripik Tempe Original 250 g"
    # Prices written three ways: "Rp 25.000", "27000", "Rp30.000,-".
    assert products["price"].tolist()[:3] == [25_000, 27_000, 30_000]
    assert set(products["category"]) == {
        "makanan",
        "minuman",
        "pakaian",
        "kerajinan",
        "lainnya",
    }
    # "3.000" grams for twelve cups of 240 ml; the dodol has no weight.
    assert products.loc[3, "weight_g"] == 3000.0
    assert (
        products["weight_g"].isna().tolist()
        == [False] * 5 + [True] + [False] * 6
    )


def test_descriptions_mix_good_and_bad_on_purpose(products):
    text = dict(zip(products["code"], products["description"], strict=True))

    # Exaggeration.
    assert "TERBAIK" in text["SR-02"] and "100%" in text["SR-02"]
    assert "paling enak" in text["SR-02"]
    # A sentence of 40 words or more: the first of SR-04.
    first_sentence = text["SR-04"].split(". ")[0]
    assert len(first_sentence.split()) >= 40
    # Food without an expiry date; the good food descriptions have one.
    assert is_food(products.loc[2, "category"])
    assert "kedaluwarsa" not in text["SR-03"]
    for code in ("SR-01", "SR-05", "SR-08", "SR-12"):
        assert "kedaluwarsa" in text[code], code
    # No weight; no material; no shipping; PO and COD unexplained.
    assert "gram" not in text["SR-06"]
    assert "bahan" not in text["SR-09"].lower()
    assert "kirim" not in text["SR-10"].lower()
    assert "PO" in text["SR-07"].split() or "PO," in text["SR-07"]
    assert "COD" in text["SR-07"]
    # Over 2,000 characters; one description on several lines.
    assert len(text["SR-11"]) > 2000
    assert "\n" in text["SR-12"]


def test_photos_come_in_the_shapes_shops_upload(generated, products):
    folder = generated / "produk"
    photos = dict(zip(products["code"], products["photo"], strict=True))

    def opened(code):
        return Image.open(folder / photos[code].relative_to(folder))

    assert opened("SR-01").size == (1600, 900)
    assert opened("SR-02").size == (300, 900)
    assert opened("SR-03").size == (200, 200)
    assert opened("SR-05").size == (3000, 3000)
    # Stored lying on its side (800 x 600), shown upright (600 x 800).
    turned = opened("SR-04")
    assert turned.format == "JPEG"
    assert turned.size == (800, 600)
    assert turned.getexif()[0x0112] == 6
    assert ImageOps.exif_transpose(turned).size == (600, 800)
    # A PNG with a see-through background: its corner is transparent.
    dodol = opened("SR-06")
    assert dodol.format == "PNG"
    assert dodol.mode == "RGBA"
    assert dodol.getpixel((0, 0))[3] == 0
    # One product has no photo.
    assert photos["SR-07"] is None
    assert sum(photo is None for photo in photos.values()) == 1


def test_photos_say_contoh(generated):
    photo = Image.open(generated / "produk" / "foto" / "SR-08.jpg")

    # 800 x 800: the margin is 800 // 40 = 20 pixels; CONTOH is written
    # from (40, 40) in letters 800 // 9 = 88 pixels tall, on a red band
    # that starts 20 pixels left of the letters. At x = 30 and half way
    # down the letters (y = 40 + 88 / 2 = 84) is the band; at x = 10 the
    # background.
    red, green, blue = photo.getpixel((30, 84))
    assert red > 150 and green < 80 and blue < 80
    red, green, blue = photo.getpixel((10, 84))
    assert green > 150


# --- exercise progress --------------------------------------------------------


def progress_rows(folder=COMMITTED):
    """Every progress line of the sample, read with the csv module."""
    rows = []
    for path in sorted((folder / "kemajuan").glob("kemajuan-*.csv")):
        with open(path, encoding="utf-8") as f:
            reader = csv.DictReader(f)
            assert reader.fieldnames == [
                "participant",
                "question",
                "outcome",
                "time",
            ]
            rows += [dict(row, file=path.name) for row in reader]
    return rows


def test_progress_only_from_participants_present_that_morning():
    rows = progress_rows()
    assert rows
    for row in rows:
        session = int(row["question"].removeprefix("sesi")[0])
        assert row["participant"] in present_at({session})
        assert row["file"] == f"kemajuan-{row['participant']}.csv"
        # During the morning of that session, 1 or 2 January 2024, WIB.
        moment = datetime.fromisoformat(row["time"])
        assert moment.utcoffset() == timedelta(hours=7)
        assert moment.date() == date(2024, 1, session)
        assert 9 <= moment.hour < 12


def test_progress_stops_at_the_first_right_answer():
    answers = {}
    for row in progress_rows():
        if row["outcome"] != "belum":
            key = (row["participant"], row["question"])
            answers.setdefault(key, []).append(row["outcome"])
    for outcomes in answers.values():
        # At most 3 answers; only the last may be right.
        assert 1 <= len(outcomes) <= 3
        assert "benar" not in outcomes[:-1]
        assert len(outcomes) == 3 or outcomes[-1] == "benar"
