"""Session 2: every question, the practice forms, the notebooks, the guide."""

import html.parser
import os
import re
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import nbclient
import nbformat
import openpyxl
import pandas as pd
import pytest
from PIL import Image

from tokolab import progress, session2, set_language
from tokolab.exercises import ANSWER, Outcome
from tokolab.files import OUTPUT_VARIABLE
from tokolab.productcatalog import prepare_photos
from tokolab.products import read_products
from tokolab.quiz import Quiz
from tokolab.syllabus import read_syllabus

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "notebooks" / "sesi-2"
SAMPLE = ROOT / "data" / "contoh" / "produk" / "produk.csv"
GUIDE = ROOT / "course" / "panduan-sesi-2.md"

NOTEBOOKS = [
    "00-kuis-awal.ipynb",
    "01-menulis-deskripsi-produk.ipynb",
    "02-foto-produk.ipynb",
    "03-praktik-deskripsi-produk.ipynb",
    "04-praktik-katalog-produk.ipynb",
    "05-kuis-akhir.ipynb",
]
THEORY = ["01-menulis-deskripsi-produk.ipynb", "02-foto-produk.ipynb"]


@pytest.fixture(autouse=True)
def no_recording():
    progress.stop_progress()
    yield
    progress.stop_progress()


@pytest.fixture
def output(tmp_path, monkeypatch):
    """A temporary output folder, named by TOKOLAB_HASIL."""
    folder = tmp_path / "hasil"
    folder.mkdir()
    monkeypatch.setenv(OUTPUT_VARIABLE, str(folder))
    return folder


def upload(name, content):
    """The value of an ipywidgets FileUpload holding one file."""
    return (
        {
            "name": name,
            "type": "application/octet-stream",
            "size": len(content),
            "last_modified": datetime(2024, 1, 2, tzinfo=UTC),
            "content": memoryview(content),
        },
    )


def plain(output):
    """The plain text of a display output."""
    return output["data"]["text/plain"]


# --- the quiz ----------------------------------------------------------------

# Right letters of the five questions, in order.
QUIZ_RIGHT = ["b", "b", "a", "c", "b"]


@pytest.mark.parametrize("quiz", [session2.QUIZ_BEFORE, session2.QUIZ_AFTER])
def test_quiz_right_wrong_and_empty(quiz):
    assert len(quiz) == 5
    for question, right in zip(quiz, QUIZ_RIGHT, strict=True):
        assert question.check(right).outcome is Outcome.RIGHT
        wrong = "a" if right != "a" else "b"
        assert question.check(wrong).outcome is Outcome.WRONG
        assert question.check(ANSWER).outcome is Outcome.NOT_ATTEMPTED
        assert question.check(None).outcome is Outcome.NOT_ATTEMPTED
        assert question.hint(2).level == 2
        assert question.solution().message.startswith(f"Jawabannya {right}")


def test_quiz_before_and_after_differ_only_in_ids():
    before = [q.id for q in session2.QUIZ_BEFORE]
    after = [q.id for q in session2.QUIZ_AFTER]
    assert before[0] == "sesi2.kuis_awal.jujur"
    assert after[0] == "sesi2.kuis_akhir.jujur"
    assert [i.split(".")[-1] for i in before] == [
        i.split(".")[-1] for i in after
    ]
    assert [q.choices() for q in session2.QUIZ_BEFORE] == [
        q.choices() for q in session2.QUIZ_AFTER
    ]


@pytest.mark.parametrize(
    ("number", "answer", "sentence"),
    [
        (
            0,
            "a",
            'Belum tepat: Pilihan a ("Keripik tempe TERBAIK se-Malang, '
            'dijamin 100% enak!") belum tepat. "Terbaik", "dijamin" dan '
            '"100%" adalah pujian yang tidak bisa dibuktikan. Pembeli sulit '
            "percaya, dan marketplace bisa menegur.",
        ),
        (
            1,
            "a",
            "Belum tepat: Pilihan a (Warna kemasan) belum tepat. Warna "
            "kemasan boleh disebut, tetapi tidak penting untuk keamanan "
            "pembeli.",
        ),
        (
            2,
            "c",
            "Belum tepat: Pilihan c (Berapa harganya?) belum tepat. Harga "
            'dijawab dengan angka Rupiah, misalnya "Rp 35.000 per kotak".',
        ),
        (
            3,
            "a",
            "Belum tepat: Pilihan a (Di kamar yang gelap, dengan lampu kilat "
            "(flash) HP) belum tepat. Lampu kilat membuat kemasan plastik "
            "berkilau dan bayangan gelap di belakang produk.",
        ),
        (
            4,
            "a",
            "Belum tepat: Pilihan a (Tarik fotonya ke samping sampai "
            "900 × 900) belum tepat. Foto yang ditarik membuat bungkus tampak "
            "lebih gemuk dari aslinya. Pembeli bisa merasa tertipu.",
        ),
    ],
)
def test_quiz_wrong_answers_say_why(number, answer, sentence):
    assert str(session2.QUIZ_BEFORE[number].check(answer)) == sentence


def test_quiz_right_answer_in_english():
    set_language("en")
    assert str(session2.QUIZ_AFTER[3].check("c")) == (
        "Right! Option c (Near a window in the daytime, without flash) is "
        "right. Window light is soft and even, so the product is bright "
        "without hard shadows or glare."
    )


# --- theory check questions --------------------------------------------------


@pytest.mark.parametrize(
    ("question", "right", "wrong", "sentence"),
    [
        (
            session2.fact_not_praise,
            "b",
            "c",
            'Belum tepat: Pilihan c ("Keripik pisang paling top se-Lampung.")'
            ' belum tepat. "Paling top" adalah pujian. Siapa yang mengukur? '
            "Pembeli tidak bisa mengeceknya.",
        ),
        (
            session2.most_important_first,
            "a",
            "b",
            "Belum tepat: Pilihan b (Di akhir, sesudah cerita tentang toko) "
            "belum tepat. Pembeli yang berhenti membaca di tengah tidak akan "
            "sampai ke akhir.",
        ),
        (
            session2.photo_background,
            "b",
            "a",
            "Belum tepat: Pilihan a (Taplak bermotif bunga yang ramai) belum "
            "tepat. Motif yang ramai menarik mata pembeli menjauh dari "
            "produk.",
        ),
        (
            session2.extra_photo,
            "a",
            "b",
            "Belum tepat: Pilihan b (Foto yang sama, diunggah tiga kali) "
            "belum tepat. Foto yang sama tidak menambah informasi apa pun.",
        ),
    ],
)
def test_theory_checks(question, right, wrong, sentence):
    assert question.check(right).outcome is Outcome.RIGHT
    assert str(question.check(wrong)) == sentence
    assert question.check(ANSWER).outcome is Outcome.NOT_ATTEMPTED


# --- practice (b) ------------------------------------------------------------


def test_the_bad_description_has_every_kind_of_problem():
    findings = session2.check_description(
        session2.REWRITE_TITLE, session2.REWRITE_BEFORE, category="makanan"
    )
    kinds = [f.kind for f in findings]
    # PALING ENAK, Dijamin, 100%, pasti, terbaik: 5 words.
    assert [f.evidence for f in findings if f.kind == "exaggeration"] == [
        "PALING ENAK",
        "Dijamin",
        "100%",
        "pasti",
        "terbaik",
    ]
    # "Bakpia kami adalah ... sejak dulu kala." counted word by word: 26.
    (long_sentence,) = [f for f in findings if f.kind == "long_sentence"]
    assert long_sentence.count == 26
    assert kinds.count("missing_fact") == 5


def test_rewrite_right():
    feedback = session2.rewrite_description.check(session2.REWRITE_SOLUTION)
    assert str(feedback) == (
        "Benar! `deskripsi_baru` sudah memenuhi semua syarat soal ini. "
        "Deskripsi Anda jujur, lengkap dan mudah dibaca."
    )


@pytest.mark.parametrize(
    ("answer", "sentence"),
    [
        (
            session2.REWRITE_BEFORE,
            "Belum tepat: `deskripsi_baru` masih sama dengan deskripsi lama. "
            "Tulis ulang dengan kata-kata Anda sendiri.",
        ),
        (
            # Price and shipping given; weight, material, expiry missing.
            "Bakpia enak. Harga Rp 35.000. Dikirim tiap hari.",
            "Belum tepat: `deskripsi_baru` belum lolos pemeriksa. Yang masih "
            "perlu diperbaiki: fakta yang belum ada: berat atau ukuran, "
            "bahan, kedaluwarsa.",
        ),
        (
            # Every fact, but "terbaik" and one sentence of 21 words.
            "Bakpia terbaik. Bahan: tepung, kacang hijau. Berat 400 gram. "
            "Tahan 7 hari. Harga Rp 35.000. Dikirim dengan JNE dari "
            "Yogyakarta setiap hari Senin Rabu dan Jumat pagi sebelum pukul "
            "sepuluh supaya sampai dalam keadaan segar di rumah Anda.",
            "Belum tepat: `deskripsi_baru` belum lolos pemeriksa. Yang masih "
            'perlu diperbaiki: kata berlebihan "terbaik"; 1 kalimat lebih '
            "dari 20 kata.",
        ),
        (
            42,
            "Belum tepat: `deskripsi_baru` harus berupa teks, ditulis di "
            'antara tanda kutip, misalnya "keripik". Yang tertulis: 42.',
        ),
    ],
)
def test_rewrite_wrong_says_what_to_fix(answer, sentence):
    assert str(session2.rewrite_description.check(answer)) == sentence


def test_rewrite_not_attempted_hints_and_solution():
    question = session2.rewrite_description
    assert question.check(ANSWER).outcome is Outcome.NOT_ATTEMPTED
    assert question.check("   ").outcome is Outcome.NOT_ATTEMPTED
    assert question.hint(1).message.startswith("Hapus semua kata pujian")
    assert question.hint(3).level == 3
    assert "Tahan 7 hari" in question.solution().code


def test_most_findings():
    question = session2.most_findings
    assert question.check("sr-11").outcome is Outcome.RIGHT
    assert str(question.check("SR-02")) == (
        'Belum tepat: `kode_terbanyak` bernilai "SR-02": produk itu punya '
        "banyak kata berlebihan, tetapi ada produk lain yang temuannya "
        "lebih banyak lagi."
    )
    assert str(question.check("Paket Oleh-Oleh Malang")).startswith(
        'Belum tepat: `kode_terbanyak` bernilai "Paket Oleh-Oleh Malang": '
        "itu nama produknya."
    )
    assert question.check(None).outcome is Outcome.NOT_ATTEMPTED


def test_no_findings():
    question = session2.no_findings
    answer = ["SR-12", "sr-01", "SR-08", "SR-05"]
    assert question.check(answer).outcome is Outcome.RIGHT
    assert str(question.check(["SR-01", "SR-05", "SR-02"])) == (
        'Belum tepat: `tanpa_temuan`: masih kurang "SR-08", "SR-12", dan '
        '"SR-02" tidak termasuk jawaban.'
    )
    assert question.check(ANSWER).outcome is Outcome.NOT_ATTEMPTED


def test_choose_several_form():
    form = session2.choose_several(session2.no_findings, ["SR-01", "SR-05"])
    assert form.check().outcome is Outcome.NOT_ATTEMPTED
    form.widget.value = ("SR-01", "SR-05")
    # A form's feedback names its field in plain words, not the variable
    # (tokolab.forms: a list to pick from is "pilihan Anda").
    assert str(form.check()) == (
        'Belum tepat: Pilihan Anda: masih kurang "SR-08", "SR-12".'
    )


def test_description_form_explains_findings():
    form = session2.description_form()
    assert form.marketplace.value == "tokopedia"
    assert form.category.value == "makanan"

    # Nothing written yet.
    assert form.check() is None
    assert plain(form.output.outputs[0]) == (
        "Tulis dulu judul dan deskripsi produk, lalu klik Periksa deskripsi."
    )

    # Keripik 250 g: weight in the title; price in its field. Missing:
    # material, expiry, shipping; one exaggeration.
    form.title.value = "Keripik Tempe 250 g"
    form.description.value = "Keripik PALING enak."
    form.price.value = 25000
    form.check_button.click()
    assert [f.kind for f in form.findings] == [
        "exaggeration",
        "missing_fact",
        "missing_fact",
        "missing_fact",
    ]
    explained, table = form.output.outputs
    assert plain(explained).startswith(
        "Ada 4 hal yang perlu diperhatikan, mulai dari yang paling penting:"
    )
    assert "<table" in table["data"]["text/html"]

    # A craft needs no expiry date.
    form.category.value = "kerajinan"
    assert [f.evidence for f in form.check() if f.kind == "missing_fact"] == [
        "material",
        "shipping",
    ]


def test_product_list_form_checks_and_saves_the_sample(output):
    form = session2.product_list_form(SAMPLE, output)
    form.save_button.click()
    assert form.saved == [
        output / "deskripsi-diperiksa.xlsx",
        output / "deskripsi-diperiksa.csv",
    ]
    assert len(form.checked.summary) == 12
    assert plain(form.output.outputs[0]).startswith(
        "Tersimpan di folder hasil: deskripsi-diperiksa.xlsx, "
        "deskripsi-diperiksa.csv."
    )
    assert openpyxl.load_workbook(form.saved[0]).sheetnames == [
        "Ringkasan",
        "Temuan",
    ]


def test_product_list_form_checks_an_upload(output):
    form = session2.product_list_form(SAMPLE, output)
    form.upload.value = upload(
        "toko saya.csv",
        b"kode,nama,harga,deskripsi\nA1,Keripik,15000,Keripik TERBAIK.\n",
    )
    checked = form.check()
    # Saved beside the results, never over the participant's file.
    assert (output / "unggahan-toko_saya.csv").is_file()
    assert list(checked.summary["code"]) == ["A1"]
    message, _ = form.output.outputs
    # No category: no expiry asked. "TERBAIK"; weight, material, shipping
    # missing: 4 findings.
    assert plain(message) == (
        "Berkas unggahan-toko_saya.csv: 1 produk diperiksa, 4 temuan. "
        "Ringkasan per produk:"
    )


def test_product_list_form_says_what_is_wrong_with_an_upload(output):
    form = session2.product_list_form(SAMPLE, output)
    form.upload.value = upload("salah.csv", b"nama,harga\nKeripik,15000\n")
    assert form.check() is None
    assert form.save() == []
    (message,) = form.output.outputs
    assert "unggahan-salah.csv" in plain(message)
    assert "#c62828" in message["data"]["text/html"]


def test_product_list_form_says_plainly_why_an_upload_cannot_be_kept(
    tmp_path,
):
    # The folder for the upload's copy is a file: the reason in plain
    # Indonesian, not the system's "[Errno 17] File exists".
    blocked = tmp_path / "hasil"
    blocked.write_text("bukan folder")
    form = session2.product_list_form(SAMPLE, blocked)
    form.upload.value = upload("toko.csv", b"kode,nama\nA1,Keripik\n")

    assert form.check() is None
    (message,) = form.output.outputs
    assert plain(message) == (
        f"Berkas {blocked / 'unggahan-toko.csv'} tidak bisa ditulis: salah "
        "satu nama folder di depannya ternyata sebuah berkas, bukan folder. "
        "Periksa nama foldernya."
    )
    assert blocked.read_text() == "bukan folder"


# --- practice (c) ------------------------------------------------------------


def test_turned_upright():
    question = session2.turned_upright
    assert question.check("SR-04").outcome is Outcome.RIGHT
    assert str(question.check("SR-09")) == (
        'Belum tepat: `kode_diputar` bernilai "SR-09": foto itu memang '
        "tegak, dan tersimpan tegak juga, jadi tidak perlu diputar. Cari "
        'foto yang kolom "Diputar"-nya "ya".'
    )
    assert question.check(ANSWER).outcome is Outcome.NOT_ATTEMPTED


def test_portrait_side():
    question = session2.portrait_side
    assert question.check(900).outcome is Outcome.RIGHT
    assert str(question.check(300)).startswith(
        "Belum tepat: `sisi_sr02` bernilai 300: itu sisi yang pendek."
    )
    assert str(question.check(1024)).startswith(
        "Belum tepat: `sisi_sr02` bernilai 1.024: itu ukuran paling besar"
    )
    assert str(question.check(700)) == (
        "Belum tepat: `sisi_sr02`: jawaban yang diharapkan 900, tetapi yang "
        "tertulis 700."
    )
    assert question.check(ANSWER).outcome is Outcome.NOT_ATTEMPTED


def test_enlarged_photo():
    question = session2.enlarged_photo
    assert question.check("sr-03").outcome is Outcome.RIGHT
    assert str(question.check("SR-05")) == (
        'Belum tepat: `kode_diperbesar` bernilai "SR-05": foto itu yang '
        "paling besar (3.000 × 3.000), jadi diperkecil menjadi 1.024 × "
        "1.024, bukan diperbesar."
    )
    assert question.check(None).outcome is Outcome.NOT_ATTEMPTED


def test_catalog_file(output):
    question = session2.catalog_file
    assert question.check(ANSWER).outcome is Outcome.NOT_ATTEMPTED
    assert str(question.check("katalog.pdf")) == (
        "Belum tepat: `berkas_katalog`: berkas katalog.pdf tidak ada di "
        "folder hasil. Buat dulu katalognya, lalu periksa nama berkasnya di "
        "panel kiri."
    )
    assert str(question.check("katalog.docx")).startswith(
        "Belum tepat: `berkas_katalog`: berkas katalog.docx bukan halaman "
        "katalog."
    )
    assert str(question.check(3)).startswith(
        "Belum tepat: `berkas_katalog` harus berupa nama berkas"
    )

    # A PDF that is not one.
    (output / "katalog.pdf").write_bytes(b"bukan pdf")
    assert str(question.check("katalog.pdf")).startswith(
        "Belum tepat: `berkas_katalog`: berkas katalog.pdf ada, tetapi "
        "isinya bukan katalog yang utuh."
    )

    # A whole one, by name, by path, or the list catalog_page returns.
    (output / "katalog.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    for answer in ("katalog.pdf", "hasil/katalog.pdf", ' "katalog.pdf" '):
        assert question.check(answer).outcome is Outcome.RIGHT
    assert (
        question.check([output / "katalog.png", output / "katalog.pdf"]).outcome
        is Outcome.RIGHT
    )


def test_photo_table_of_the_sample(tmp_path):
    prepared = prepare_photos(SAMPLE, tmp_path)
    table = session2.photo_table(prepared)
    assert list(table.columns) == [
        "Kode",
        "Nama produk",
        "Ukuran asli (piksel)",
        "Sesudah (piksel)",
        "Besar berkas",
        "Diputar",
        "Keadaan",
        "Sebab dan yang perlu dilakukan",
    ]
    rows = table.set_index("Kode")
    # SR-02: 300 x 900, the long side 900 is within 500-1024.
    assert list(
        rows.loc["SR-02", ["Ukuran asli (piksel)", "Sesudah (piksel)"]]
    ) == [
        "300 × 900",
        "900 × 900",
    ]
    # SR-04: stored 800 x 600 with EXIF orientation 6, turned upright.
    assert rows.loc["SR-04", "Diputar"] == "ya"
    assert rows.loc["SR-04", "Sesudah (piksel)"] == "800 × 800"
    # SR-03: 200 x 200, raised to the 500 minimum.
    assert rows.loc["SR-03", "Sesudah (piksel)"] == "500 × 500"
    # SR-05: 3000 x 3000, lowered to the 1024 maximum.
    assert rows.loc["SR-05", "Sesudah (piksel)"] == "1024 × 1024"
    # SR-07 has no photo.
    assert list(rows.loc["SR-07", ["Sesudah (piksel)", "Keadaan"]]) == [
        "",
        "belum ada foto",
    ]
    # ... and says why, with what to do.
    assert rows.loc["SR-07", "Sebab dan yang perlu dilakukan"] == (
        "Produk SR-07 (Strudel Apel) belum punya foto: kolom foto kosong. "
        "Isi dengan nama berkas fotonya, misalnya foto/SR-07.jpg."
    )
    # A photo that is ready needs no reason.
    assert rows.loc["SR-02", "Sebab dan yang perlu dilakukan"] == ""
    assert rows["Besar berkas"].str.fullmatch(r"(\d+ kB)?").all()


def test_photo_table_says_why_each_photo_is_not_ready(fixtures, tmp_path):
    # The broken product list of the catalog's fixtures: a good photo, a
    # missing file, a text file named .png, a JPEG cut in half, no photo;
    # and a HEIC photo of an iPhone, made here.
    folder = fixtures / "productcatalog"
    heic = tmp_path / "iphone.heic"
    heic.write_bytes(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + bytes(40))
    products = read_products(folder / "produk_with_problems.csv")
    products.loc[len(products)] = {
        **products.iloc[0].to_dict(),
        "code": "T-06",
        "name": "Foto iPhone",
        "photo": heic,
    }
    table = session2.photo_table(prepare_photos(products, tmp_path / "out"))
    rows = table.set_index("Kode")
    reasons = rows["Sebab dan yang perlu dilakukan"]
    assert rows["Keadaan"].tolist() == [
        "siap",
        "foto bermasalah",
        "foto bermasalah",
        "foto bermasalah",
        "belum ada foto",
        "foto bermasalah",
    ]
    assert reasons["T-01"] == ""
    assert reasons["T-02"] == (
        f"Berkas {folder / 'tidak_ada.jpg'} tidak ditemukan. Periksa nama "
        "berkas dan foldernya."
    )
    assert reasons["T-03"] == (
        f"Berkas {folder / 'transparan_with_problems.png'} bukan foto yang "
        "bisa dibaca. Isinya: tulisan biasa (teks). Yang diharapkan: foto "
        "JPG, PNG, WebP, GIF, BMP, atau TIFF. Buka fotonya di HP atau "
        "komputer, simpan ulang sebagai JPG, lalu coba lagi."
    )
    # The fixture is the first 3,139 of 6,278 bytes of a JPEG.
    assert reasons["T-04"] == (
        f"Foto {folder / 'tegak_300x900_with_problems.jpg'} rusak: berkasnya "
        "terpotong, hanya 3.139 bita yang ada. Yang diharapkan: foto yang "
        "utuh. Salin ulang foto itu dari HP atau kamera, lalu coba lagi."
    )
    assert reasons["T-05"].startswith("Produk T-05 (Kaos Uji) belum punya foto")
    assert reasons["T-06"].startswith(
        f"Berkas {heic} adalah foto HEIC (format foto iPhone), yang belum "
        "bisa dibaca di sini."
    )
    set_language("en")
    english = session2.photo_table(prepare_photos(products, tmp_path / "en"))
    assert english.columns[-1] == "Reason and what to do"


def test_photo_form_squares_a_sample_and_an_upload(output):
    products = read_products(SAMPLE)
    form = session2.photo_form(products, output)
    form.sample.value = products.loc[1, "photo"]  # SR-02, 300 x 900
    report = form.square()
    assert report.final_size == (900, 900)
    assert (output / "foto-persegi" / "SR-02.jpg").is_file()
    figure, message = form.output.outputs
    assert "image/png" in figure["data"]
    assert plain(message).endswith(
        "Foto persegi tersimpan sebagai foto-persegi/SR-02.jpg di folder hasil."
    )

    # A photo of the participant's, 120 x 40, raised to 500.
    image = Image.new("RGB", (120, 40), (200, 30, 30))
    image.save(output / "kecil.png")
    form.upload.value = upload(
        "foto saya.png", (output / "kecil.png").read_bytes()
    )
    assert form.square().final_size == (500, 500)
    assert (output / "foto-persegi" / "foto_saya.jpg").is_file()

    # Not a photo: said in a sentence.
    form.upload.value = upload("catatan.jpg", b"ini bukan foto")
    assert form.square() is None
    (message,) = form.output.outputs
    assert plain(message).startswith("Berkas yang diunggah bukan foto")


def test_photo_form_where_no_folder_can_be_made(output):
    # A file named like the folder of square photos: the reason in plain
    # words, not the system's.
    (output / "foto-persegi").write_text("bukan folder")
    products = read_products(SAMPLE)
    form = session2.photo_form(products, output)
    form.sample.value = products.loc[1, "photo"]  # SR-02
    assert form.square() is None
    (message,) = form.output.outputs
    assert plain(message) == (
        f"Berkas {output / 'foto-persegi' / 'SR-02.jpg'} tidak bisa ditulis: "
        "salah satu nama folder di depannya ternyata sebuah berkas, bukan "
        "folder. Periksa nama foldernya."
    )
    assert (output / "foto-persegi").read_text() == "bukan folder"


def test_catalog_form_where_no_folder_can_be_made(output):
    (output / "foto-persegi").write_text("bukan folder")
    form = session2.catalog_form(SAMPLE, output)
    form.name.value = "Keripik Singkong"
    form.price.value = "12500"
    image = Image.new("RGB", (300, 200), (240, 200, 60))
    image.save(output / "singkong.jpg")
    form.upload.value = upload(
        "singkong.jpg", (output / "singkong.jpg").read_bytes()
    )
    assert form.add() is True
    assert form.make() == []
    (message,) = form.output.outputs
    assert plain(message) == (
        f"Berkas {output / 'foto-persegi' / 'P01.jpg'} tidak bisa ditulis: "
        "salah satu nama folder di depannya ternyata sebuah berkas, bukan "
        "folder. Periksa nama foldernya."
    )


def test_catalog_form_from_the_sample(output):
    form = session2.catalog_form(SAMPLE, output)
    assert form.catalog_title.value == "Katalog Produk"
    pages = form.make()
    assert [p.name for p in pages] == [
        "katalog.png",
        "katalog-2.png",
        "katalog.pdf",
    ]
    message, first_page = form.output.outputs
    assert plain(message) == (
        "Katalog tersimpan di folder hasil: katalog.png, katalog-2.png, "
        "katalog.pdf. Halaman pertamanya:"
    )
    assert first_page["metadata"] == {"image/png": {"width": 600}}


def test_catalog_form_from_own_products(output):
    form = session2.catalog_form(SAMPLE, output)

    # A longer catalog made before leaves a second page.
    form.make()
    assert (output / "katalog-2.png").is_file()

    # No name, a price that does not read, a photo that is not one.
    assert form.add() is False
    assert plain(form.output.outputs[0]).startswith("Nama produk masih kosong")
    form.name.value = "Keripik Singkong"
    form.price.value = "dua belas ribu"
    assert form.add() is False
    assert plain(form.output.outputs[0]).startswith(
        'Harga "dua belas ribu" tidak bisa dibaca.'
    )
    form.price.value = "Rp 12.500"
    form.upload.value = upload("foto.jpg", b"bukan foto")
    assert form.add() is False
    assert plain(form.output.outputs[0]).endswith(
        "Produk ini belum dimasukkan ke katalog. Pilih foto lain, atau "
        "kosongkan fotonya, lalu klik Tambahkan produk lagi."
    )

    # Two products, one with a photo.
    image = Image.new("RGB", (300, 200), (240, 200, 60))
    image.save(output / "singkong.jpg")
    form.upload.value = upload(
        "singkong.jpg", (output / "singkong.jpg").read_bytes()
    )
    assert form.add() is True
    assert plain(form.output.outputs[0]) == (
        "Keripik Singkong (Rp 12.500) masuk katalog. Sudah ada 1 produk. "
        "Tambahkan produk berikutnya, atau klik Buat katalog."
    )
    assert (form.name.value, form.price.value) == ("", "")
    form.name.value = "Kopi Dampit"
    form.price.value = "40000"
    assert form.add() is True
    assert plain(form.output.outputs[0]).endswith(
        "Produk ini belum punya foto: di katalog tampil kotak abu-abu."
    )

    form.catalog_title.value = "Toko Bu Sari"
    pages = form.make()
    # Two products: one page, and the old second page is gone.
    assert [p.name for p in pages] == ["katalog.png", "katalog.pdf"]
    assert not (output / "katalog-2.png").exists()
    assert (output / "foto-persegi" / "P01.jpg").is_file()
    # One row of cards: 2 * 45 + 100 + 466 = 656 pixels tall.
    with Image.open(pages[0]) as page:
        assert page.size == (1200, 656)


# --- the notebooks -----------------------------------------------------------


@contextmanager
def environment(**variables):
    saved = {name: os.environ.get(name) for name in variables}
    os.environ.update(variables)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


class Run:
    """A notebook run from its own folder, and where it wrote."""

    def __init__(self, name, folder):
        self.folder = folder
        self.notebook = nbformat.read(FOLDER / name, as_version=4)
        before = sorted(p.name for p in FOLDER.iterdir())
        with environment(**{OUTPUT_VARIABLE: str(folder)}):
            nbclient.NotebookClient(
                self.notebook,
                kernel_name="python3",
                timeout=600,
                resources={"metadata": {"path": str(FOLDER)}},
            ).execute()
        self.written_beside = sorted(
            set(p.name for p in FOLDER.iterdir()) - set(before)
        )

    def outputs(self, text):
        """The outputs of the one code cell whose source holds ``text``."""
        (cell,) = [
            cell
            for cell in self.notebook.cells
            if cell.cell_type == "code" and text in cell.source
        ]
        return cell.outputs

    def shown(self, text):
        """The plain text a cell printed or showed, joined."""
        parts = []
        for output in self.outputs(text):
            if output["output_type"] == "stream":
                parts.append(output["text"])
            elif "data" in output:
                parts.append(output["data"]["text/plain"])
        return "".join(parts)

    def errors(self):
        return [
            (cell.source, output["ename"])
            for cell in self.notebook.cells
            if cell.cell_type == "code"
            and "raises-exception" not in cell.metadata.get("tags", [])
            for output in cell.outputs
            if output["output_type"] == "error"
        ]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    cache = {}

    def run(name):
        if name not in cache:
            cache[name] = Run(name, tmp_path_factory.mktemp("hasil"))
        return cache[name]

    return run


class TableRows(html.parser.HTMLParser):
    """The cells of an HTML table's body rows, as text."""

    def __init__(self, markup):
        super().__init__()
        self.rows = []
        self._cell = None
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def table_of(outputs):
    """A pandas table shown by a cell, read back from its HTML."""
    (output,) = outputs
    rows = TableRows(output["data"]["text/html"]).rows
    header, body = rows[0], rows[1:]
    return pd.DataFrame([row[1:] for row in body], columns=header[1:])


@pytest.mark.parametrize(
    ("name", "test"),
    [("00-kuis-awal.ipynb", "pre"), ("05-kuis-akhir.ipynb", "post")],
)
def test_quiz_notebooks(runs, name, test):
    run = runs(name)
    assert run.errors() == []
    assert run.shown("hasil = kuis.score()") == (
        "Nilai Anda: 0 dari 100 (0 dari 5 soal benar). Ada 5 soal yang "
        "belum dijawab; soal itu dihitung salah. Untuk menjawabnya, pilih "
        "jawaban di soal itu, klik Simpan jawaban, lalu jalankan sel ini "
        "lagi. Pembahasan (mana yang benar) muncul sesudah semua soal "
        "dijawab. Kalau memang tidak tahu jawabannya, biarkan kosong dan "
        "serahkan nilai di bawah."
    )
    (cell,) = [
        cell
        for cell in run.notebook.cells
        if cell.cell_type == "code" and "start_quiz(" in cell.source
    ]
    assert f'session=2, test="{test}"' in cell.source
    assert run.shown("hand_in(kuis, kode_peserta)").startswith(
        "Nilai belum disimpan. Tulis kode peserta Anda"
    )
    for number in range(1, 6):
        (form,) = run.outputs(f"kuis.form({number})")
        assert "application/vnd.jupyter.widget-view+json" in form["data"]
    # No form offers a right-or-wrong check or the answer before the end.
    sources = "".join(c.source for c in run.notebook.cells)
    assert "choice_form" not in sources and "Periksa" not in sources
    # With the code still "...", nothing is written beside the notebook.
    assert run.written_beside == []


def test_quiz_taken_as_a_test():
    # Right letters b, b, a, c, b; the fourth answered a: 4 of 5 = 80.
    quiz = Quiz(session2.QUIZ_BEFORE, session=2, test="pre")
    form = quiz.form(4)
    form.widget.value = "a"
    assert "tersimpan: a" in str(form.save())
    form.widget.value = "c"  # too late: the first answer counts
    quiz.save_answers(["b", "b", "a", "c", "b"])
    result = quiz.score()
    assert (result.right, result.score, result.final) == (4, 80.0, True)
    assert str(result.review[3]).startswith(
        "Soal 4. Belum tepat: Pilihan a (Di kamar yang gelap, dengan lampu "
        "kilat (flash) HP) belum tepat."
    )
    assert str(result.review[3]).endswith(quiz.questions[3].solution().message)


def test_description_theory_notebook(runs):
    run = runs("01-menulis-deskripsi-produk.ipynb")
    assert run.errors() == []

    # "KERIPIK TEMPE TERENAK ...": TERENAK, Dijamin, 100%, termurah; the
    # title's "250 g" gives the weight, "harga" the price; material,
    # expiry and shipping missing: 4 + 3 = 7.
    before = run.shown('"KERIPIK TEMPE TERENAK')
    assert before.startswith("Ada 7 hal yang perlu diperhatikan")
    for word in ("TERENAK", "Dijamin", "100%", "termurah"):
        assert f'Kata "{word}"' in before
    assert run.shown("sesudah = ") == (
        "Tidak ada temuan. Judul dan deskripsi sudah jelas, jujur dan "
        "lengkap.\n"
    )

    # Geplak: "pasti"; one sentence of 37 words; price given; weight,
    # material, expiry, shipping missing: 1 + 1 + 4 = 6.
    geplak = run.shown('"Geplak ini dibuat')
    assert geplak.startswith("Ada 6 hal yang perlu diperhatikan")
    assert "punya 37 kata, lebih dari 20 kata" in geplak
    assert "Harga belum disebut" not in geplak

    for question in ("fact_not_praise", "most_important_first"):
        (form,) = run.outputs(f"choice_form(session2.{question})")
        assert "application/vnd.jupyter.widget-view+json" in form["data"]


def test_photo_theory_notebook(runs):
    run = runs("02-foto-produk.ipynb")
    assert run.errors() == []
    for cell_text in (
        '("lampu kuning", kuning)',
        '("diberi latar", diberi_latar)',
    ):
        (figure,) = run.outputs(cell_text)
        assert "image/png" in figure["data"]


def test_description_practice_notebook(runs):
    run = runs("03-praktik-deskripsi-produk.ipynb")
    assert run.errors() == []

    # "Keripik tempe pedas TERBAIK se-Malang!!! Dijamin renyah." with the
    # title "... 250 g": TERBAIK, Dijamin; material, expiry, price and
    # shipping missing: 2 + 4 = 6.
    assert run.shown("print(explain(temuan))").startswith(
        "Ada 6 hal yang perlu diperhatikan"
    )
    # The bakpia: 5 words + 1 sentence + 5 facts = 11 rows.
    assert len(table_of(run.outputs("findings_table(temuan_lama)"))) == 11

    # The sample list, worked out from data/contoh/produk/produk.csv.
    summary = table_of(run.outputs("summary_table(hasil_periksa.summary)"))
    findings = dict(zip(summary["Kode"], summary["Jumlah temuan"], strict=True))
    assert findings == {
        "SR-01": "0",
        "SR-02": "6",  # TERBAIK, TERMURAH, Dijamin, 100%, paling enak, pasti
        "SR-03": "1",  # no expiry date
        "SR-04": "1",  # one sentence of 55 words
        "SR-05": "0",
        "SR-06": "1",  # no weight, in the text or the column
        "SR-07": "2",  # PO, COD
        "SR-08": "0",
        "SR-09": "1",  # no material
        "SR-10": "1",  # no shipping
        "SR-11": "8",  # over 2,000 characters, 7 long sentences
        "SR-12": "0",
    }
    # 0 + 6 + 1 + 1 + 0 + 1 + 2 + 0 + 1 + 1 + 8 + 0 = 21 findings.
    all_findings = table_of(
        run.outputs("findings_table(hasil_periksa.findings)")
    )
    assert len(all_findings) == 21

    for check in ("soal_1.check()", "soal_2.check()", "soal_3.check()"):
        assert run.shown(check).startswith("Belum dijawab: `")
    assert run.shown("soal_1.hint()").startswith(
        "Petunjuk 1 dari 3: Hapus semua kata pujian"
    )

    # The take-home files, in the temporary output folder only.
    assert run.shown("write_checked_table(") == (
        "deskripsi-diperiksa.xlsx\ndeskripsi-diperiksa.csv\n"
    )
    workbook = openpyxl.load_workbook(run.folder / "deskripsi-diperiksa.xlsx")
    assert workbook.sheetnames == ["Ringkasan", "Temuan"]
    # Header + 12 products; header + 21 findings.
    assert workbook["Ringkasan"].max_row == 13
    assert workbook["Temuan"].max_row == 22
    assert run.written_beside == []


def test_catalog_practice_notebook(runs):
    run = runs("04-praktik-katalog-produk.ipynb")
    assert run.errors() == []

    # SR-02 is 300 x 900: the long side 900 is kept.
    assert run.shown("foto.size") == "(900, 900)"

    table = table_of(run.outputs("session2.photo_table(foto_persegi)"))
    rows = table.set_index("Kode")
    assert rows.loc["SR-04", "Diputar"] == "ya"
    assert (rows["Diputar"] == "ya").sum() == 1
    assert rows.loc["SR-03", "Sesudah (piksel)"] == "500 × 500"

    assert run.shown("[berkas.name for berkas in halaman]") == (
        "['katalog.png', 'katalog-2.png', 'katalog.pdf']"
    )
    # Page 1: 3 rows of cards, 2 * 45 + 100 + 3 * 466 + 2 * 30 = 1648;
    # page 2: 1 row, 2 * 45 + 100 + 466 = 656.
    with Image.open(run.folder / "katalog.png") as page:
        assert page.size == (1200, 1648)
    with Image.open(run.folder / "katalog-2.png") as page:
        assert page.size == (1200, 656)
    pdf = (run.folder / "katalog.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 2

    # 11 products have a photo: 11 squares, each 500-1024 and < 300 kB.
    squares = sorted((run.folder / "foto-persegi").glob("*.jpg"))
    assert len(squares) == 11
    for square in squares:
        with Image.open(square) as image:
            assert image.width == image.height
            assert 500 <= image.width <= 1024
        assert square.stat().st_size < 300_000

    for check in ("soal_1.check()", "soal_2.check()", "soal_3.check()"):
        assert run.shown(check).startswith("Belum dijawab: `")
    assert run.shown("soal_4.check()").startswith("Belum dijawab: `berkas")
    assert run.written_beside == []


# --- how the notebooks are committed -----------------------------------------


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_committed_without_outputs(name):
    notebook = nbformat.read(FOLDER / name, as_version=4)
    assert notebook.metadata["kernelspec"]["name"] == "python3"
    headings = [
        cell
        for cell in notebook.cells
        if cell.cell_type == "markdown" and cell.source.startswith("# ")
    ]
    assert len(headings) == 1
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_slides(name):
    notebook = nbformat.read(FOLDER / name, as_version=4)
    for cell in notebook.cells:
        kind = cell.metadata["slideshow"]["slide_type"]
        assert kind in ("slide", "subslide", "fragment", "skip", "-")
        if cell.cell_type == "markdown" and re.match(r"#{1,2} ", cell.source):
            assert kind == "slide", cell.source[:40]
        if cell.cell_type == "code" and "import " in cell.source:
            assert kind == "skip", cell.source[:40]


@pytest.mark.parametrize("name", THEORY)
def test_theory_code_cells_follow_a_sentence_with_a_colon(name):
    cells = nbformat.read(FOLDER / name, as_version=4).cells
    for before, cell in zip(cells, cells[1:], strict=False):
        if cell.cell_type != "code":
            continue
        if cell.metadata["slideshow"]["slide_type"] == "skip":
            continue
        assert before.cell_type == "markdown", cell.source[:40]
        assert before.source.rstrip().endswith(":"), before.source[-60:]


# --- the tutor guide ---------------------------------------------------------


def test_guide_minutes_match_the_syllabus():
    session = read_syllabus().sessions[1]
    written = GUIDE.read_text("utf-8")
    rows = re.findall(
        r"^\| (\d+) \| (.+?) \| (teori|praktik) \| (\d+) \|",
        written,
        re.MULTILINE,
    )
    assert [(title, kind, int(m)) for _, title, kind, m in rows] == [
        (a.title, a.kind, a.minutes) for a in session.activities
    ]
    # 10 + 25 + 20 + 55 + 50 + 10 + 10 = 180 minutes, 45 of them theory.
    assert sum(int(m) for *_, m in rows) == 180
    assert sum(int(m) for _, _, kind, m in rows if kind == "teori") == 45
    for objective in session.objectives:
        assert f"- {objective}" in written


def test_guide_names_every_notebook_of_the_session():
    written = GUIDE.read_text("utf-8")
    for activity in read_syllabus().sessions[1].activities:
        if activity.notebook:
            assert Path(activity.notebook).name in written
            assert (ROOT / activity.notebook).is_file()
