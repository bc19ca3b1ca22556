"""Session 1's questions, practice helpers, notebooks and tutor guide.

Every question is checked with a right answer, a known-wrong one (with its
exact sentence) and no answer. The plan used throughout is Bu Sari's
example (:data:`tokolab.session1.EXAMPLE_CHOICES`) on a hand-made list of
12 products; its uploads, worked out by hand from the planner's rules
(weeks from Monday 8 January 2024, 3 days x 2 times = 6 slots a week,
targets 2, 3, 4, 5; the i-th of n uploads takes slot floor(i * 6 / n)):

    row  index  week  when (WIB)        code
    1    0      1     Mon  8 Jan 09:00  T-01   slots 0, 3 of Mon 09, Mon 19,
    2    1      1     Wed 10 Jan 19:00  T-02   Wed 09, Wed 19, Fri 09, Fri 19
    3    2      2     Mon 15 Jan 09:00  T-03   slots 0, 2, 4
    4    3      2     Wed 17 Jan 09:00  T-04
    5    4      2     Fri 19 Jan 09:00  T-05
    6    5      3     Mon 22 Jan 09:00  T-06   slots 0, 1, 3, 4
    7    6      3     Mon 22 Jan 19:00  T-07
    8    7      3     Wed 24 Jan 19:00  T-08
    9    8      3     Fri 26 Jan 09:00  T-09
    10   9      4     Mon 29 Jan 09:00  T-10   target 5, 3 left: slots 0, 2, 4
    11   10     4     Wed 31 Jan 09:00  T-11
    12   11     4     Fri  2 Feb 09:00  T-12

"row" is the number people see (plan_table's first column, edit_upload's
argument), counted from 1; "index" is the plan DataFrame's own index.
"""

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import nbclient
import nbformat
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tokolab import progress, set_language
from tokolab.errors import InputError
from tokolab.exercises import ANSWER, Outcome, UploadedFile
from tokolab.files import OUTPUT_VARIABLE
from tokolab.forms import file_upload
from tokolab.products import read_products
from tokolab.quiz import quiz_score
from tokolab.session1 import (
    BROKEN_ROWS,
    EXAMPLE_CHOICES,
    POST_QUIZ,
    PRE_QUIZ,
    PlanEditor,
    PlanForm,
    b2b_case,
    broken_plan,
    busy_month,
    ecommerce_example,
    edit_upload,
    fixed_plan_check,
    growth_check,
    market_chart,
    market_searches,
    not_a_trait,
    overlap_check,
    placed_check,
    plan_problems,
    plan_table,
    products_for_plan,
    reach_benefit,
    rising_product,
    summary_table,
    weekly_chart,
)
from tokolab.syllabus import read_syllabus
from tokolab.uploadplan import plan_uploads, weekly_summary

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks" / "sesi-1"
GUIDE = ROOT / "course" / "panduan-sesi-1.md"
WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture(autouse=True)
def no_recording():
    progress.stop_progress()
    yield
    progress.stop_progress()


@pytest.fixture
def products(fixtures):
    return read_products(fixtures / "session1" / "produk_toko.csv")


@pytest.fixture
def plan(products):
    return plan_uploads(products, **EXAMPLE_CHOICES)


def at(day, hour, minute=0):
    """A moment of January or February 2024 in WIB."""
    month = 1 if day > 5 else 2
    return pd.Timestamp(dt.datetime(2024, month, day, hour, minute, tzinfo=WIB))


# --- the quiz ----------------------------------------------------------------


def test_quiz_before_and_after_ask_the_same_with_their_own_ids():
    assert [q.id for q in PRE_QUIZ] == [
        f"sesi1.kuis_awal.{n}" for n in range(1, 6)
    ]
    assert [q.id for q in POST_QUIZ] == [
        f"sesi1.kuis_akhir.{n}" for n in range(1, 6)
    ]
    assert [q.choices() for q in PRE_QUIZ] == [q.choices() for q in POST_QUIZ]


@pytest.mark.parametrize("quiz", [PRE_QUIZ, POST_QUIZ])
@pytest.mark.parametrize(
    ("number", "right", "wrong"),
    [(1, "a", "b"), (2, "b", "c"), (3, "c", "a"), (4, "b", "a"), (5, "a", "c")],
)
def test_each_quiz_question_right_wrong_and_empty(quiz, number, right, wrong):
    question = quiz[number - 1]
    assert question.check(right).outcome is Outcome.RIGHT
    assert question.check(wrong).outcome is Outcome.WRONG
    assert question.check(None).outcome is Outcome.NOT_ATTEMPTED
    assert question.check(ANSWER).outcome is Outcome.NOT_ATTEMPTED


def test_quiz_feedback_names_the_option_and_why():
    assert str(PRE_QUIZ[1].check("c")) == (
        "Belum tepat: Pilihan c (C2C (konsumen ke konsumen)) belum tepat. "
        "C2C berarti penjualnya perorangan, bukan usaha, misalnya orang yang "
        "menjual barang bekasnya. Di sini penjualnya toko."
    )
    assert str(POST_QUIZ[2].check("c")) == (
        "Benar! Pilihan c (C2C (konsumen ke konsumen)) tepat. Penjual dan "
        "pembelinya sama-sama perorangan (konsumen): itu C2C. OLX "
        "mempertemukan mereka."
    )
    assert str(PRE_QUIZ[4].check("b")).startswith(
        "Belum tepat: Pilihan b (Berhenti menjual bakpia pada bulan "
        "Desember.) belum tepat. Berhenti tepat ketika"
    )
    assert PRE_QUIZ[0].solution().message == (
        "Jawabannya a: e-commerce adalah jual beli barang atau jasa lewat "
        "internet."
    )


def test_quiz_score_counts_right_and_unanswered():
    # Right letters a, b, c, b, a: the first three right, the fourth
    # wrong (a), the fifth not answered -> 3 of 5 = 60.
    result = quiz_score(
        PRE_QUIZ, ["a", "b", "c", "a", None], session=1, test="pre"
    )
    assert (result.right, result.answered, result.score) == (3, 4, 60.0)
    assert str(result) == (
        "Nilai Anda: 60 dari 100 (3 dari 5 soal benar). Ada 1 soal yang "
        "belum dijawab; soal itu dihitung salah. Untuk menjawabnya, pilih "
        "jawaban di soal itu, klik Simpan jawaban, lalu jalankan sel ini "
        "lagi. Pembahasan (mana yang benar) muncul sesudah semua soal "
        "dijawab. Kalau memang tidak tahu jawabannya, biarkan kosong dan "
        "serahkan nilai di bawah."
    )
    result = quiz_score(
        POST_QUIZ, ["a", "b", "c", "b", "a"], session=1, test="post"
    )
    assert result.score == 100.0
    assert result.line("p001") == "P001,1,post,100"


# --- notebooks 01 and 02 -----------------------------------------------------


@pytest.mark.parametrize(
    ("question", "right", "wrong", "sentence"),
    [
        (
            ecommerce_example,
            "b",
            "a",
            "Belum tepat: Pilihan a (Bu Rina menjual bakpia di kiosnya di "
            "Malioboro. Pembeli datang dan membayar tunai.) belum tepat. Ini "
            "jual beli biasa: pembeli datang sendiri dan membayar di tempat.",
        ),
        (
            reach_benefit,
            "a",
            "c",
            "Belum tepat: Pilihan c (Ia tidak perlu lagi membalas pertanyaan "
            "pembeli.) belum tepat. Justru sebaliknya: pembeli online sering "
            "bertanya lewat chat dan menunggu jawaban yang cepat.",
        ),
        (
            b2b_case,
            "a",
            "b",
            "Belum tepat: Pilihan b (B2C (bisnis ke konsumen)) belum tepat. "
            "Pembelinya bukan konsumen yang memakai sendiri. Toko di Batu "
            "membeli untuk dijual lagi.",
        ),
        (
            not_a_trait,
            "c",
            "a",
            "Belum tepat: Pilihan a (Toko bisa dikunjungi pembeli kapan saja, "
            "24 jam sehari.) belum tepat. Ini memang ciri e-commerce: toko "
            "online tidak pernah tutup.",
        ),
    ],
)
def test_theory_checks(question, right, wrong, sentence):
    assert question.check(right).outcome is Outcome.RIGHT
    assert str(question.check(wrong)) == sentence
    assert question.check("").outcome is Outcome.NOT_ATTEMPTED
    assert question.hint(2).level == 2


# --- notebook 03: the market table -------------------------------------------


def test_market_searches_are_labelled_made_up_and_keep_their_shape():
    table = market_searches()
    assert table.attrs["title"] == (
        "Pencarian per bulan di toko online (data contoh buatan)"
    )
    assert list(table.columns) == [
        "Keripik Tempe",
        "Bakpia",
        "Sari Apel",
        "Kopi Dampit",
    ]
    assert list(table.index) == [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ]
    # Kopi Dampit: 100 + 40 a month, noise -15..15, so each month is at
    # least 40 - 30 = 10 above the one before: 11 rises in 11 changes.
    assert (table["Kopi Dampit"].diff() > 0).sum() == 11
    assert 85 <= table.loc["Januari", "Kopi Dampit"] <= 115
    assert 525 <= table.loc["Desember", "Kopi Dampit"] <= 555
    # Bakpia: Desember 700 - 15 = 685 at least; any other month at most
    # Juli's 450 + 15 = 465.
    assert table["Bakpia"].idxmax() == "Desember"
    assert table.loc["Desember", "Bakpia"] >= 685
    assert table.drop("Desember")["Bakpia"].max() <= 465
    # Keripik Tempe stays within 420 +- 15.
    assert table["Keripik Tempe"].between(405, 435).all()
    # The same seed, the same table.
    pd.testing.assert_frame_equal(table, market_searches(2023))


def test_market_chart_draws_one_line_per_product():
    figure = market_chart(market_searches())
    (axes,) = figure.axes
    assert len(axes.get_lines()) == 4
    assert "data contoh buatan" in axes.get_title()


def test_rising_product():
    assert str(rising_product.check("Kopi Dampit")) == (
        'Benar! `produk_naik` sudah tepat: "Kopi Dampit". Pencarian Kopi '
        "Dampit naik setiap bulan sepanjang tahun: tanda minat pembeli yang "
        "terus tumbuh. Itu peluang untuk menambah stok dan mengunggah produk "
        "kopi."
    )
    assert rising_product.check(" kopi dampit ").outcome is Outcome.RIGHT
    assert str(rising_product.check("Bakpia")).startswith(
        'Belum tepat: `produk_naik` bernilai "Bakpia". Pencarian Bakpia '
        "memang tinggi, tetapi hanya pada bulan-bulan liburan"
    )
    assert str(rising_product.check("Teh")) == (
        'Belum tepat: `produk_naik`: jawaban yang diharapkan "Kopi Dampit", '
        'tetapi yang tertulis "Teh".'
    )
    assert rising_product.check(ANSWER).outcome is Outcome.NOT_ATTEMPTED
    assert rising_product.prompt_text() == (
        "Produk mana yang pencariannya naik terus dari bulan ke bulan?"
    )


@pytest.mark.parametrize(
    # The chart's axis writes "Des"; Babel's names in both languages.
    "answer",
    ["desember", "Des", "des.", "DES", "December", "Dec", " Desember ", 12],
)
def test_busy_month_reads_any_name_of_december(answer):
    assert str(busy_month.check(answer)) == (
        'Benar! `bulan_ramai` sudah tepat: "Desember". Penjual bakpia '
        "sebaiknya sudah menyiapkan stok dan mengunggah produk pada bulan "
        "November, sebelum pembeli ramai mencari."
    )


def test_busy_month_every_axis_label_is_its_month():
    # The chart's labels are the months' first three letters; each reads
    # back as its month: "Jul" is July (a known mistake), "Mar" another.
    assert str(busy_month.check("Jul")).startswith(
        'Belum tepat: `bulan_ramai` bernilai "Juli". Bulan Juli memang ramai'
    )
    assert str(busy_month.check("june")).startswith(
        'Belum tepat: `bulan_ramai` bernilai "Juni". Bulan Juni mulai ramai'
    )
    assert str(busy_month.check("Mar")) == (
        'Belum tepat: `bulan_ramai`: jawaban yang diharapkan "Desember", '
        'tetapi yang tertulis "Maret".'
    )
    assert str(busy_month.check("Desemberr")) == (
        'Belum tepat: `bulan_ramai`: jawaban yang diharapkan "Desember", '
        'tetapi yang tertulis "Desemberr".'
    )
    labels = [m[:3] for m in market_searches().index]
    assert labels[-1] == "Des"
    assert busy_month.check(labels[-1]).outcome is Outcome.RIGHT


def test_busy_month():
    assert busy_month.check("desember").outcome is Outcome.RIGHT
    assert str(busy_month.check("Juli")) == (
        'Belum tepat: `bulan_ramai` bernilai "Juli". Bulan Juli memang ramai '
        "(libur sekolah), tetapi ada bulan yang lebih ramai lagi. Lihat "
        "sampai akhir tahun."
    )
    assert busy_month.check(None).outcome is Outcome.NOT_ATTEMPTED
    assert (
        busy_month.solution().code == 'bulan_ramai = tabel["Bakpia"].idxmax()'
    )


# --- notebook 04: the plan as people read it ---------------------------------


def test_plan_table_shows_weeks_days_dates_and_times(plan):
    table = plan_table(plan)
    assert list(table.columns) == [
        "Minggu ke",
        "Hari",
        "Tanggal",
        "Jam",
        "Kode produk",
        "Nama produk",
    ]
    # Rows numbered from 1: row 2 is the second upload.
    assert table.index.tolist() == list(range(1, 13))
    assert table.loc[2].tolist() == [
        1,
        "Rabu",
        "10 Januari 2024",
        "19.00-19.30 WIB",
        "T-02",
        "Keripik Tempe Pedas",
    ]
    assert table.loc[12].tolist() == [
        4,
        "Jumat",
        "2 Februari 2024",
        "09.00-09.30 WIB",
        "T-12",
        "Brownies Tempe",
    ]
    assert table["Minggu ke"].tolist() == [1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4]


def test_summary_table_and_chart(plan):
    summary = weekly_summary(plan)
    table = summary_table(summary)
    assert table.to_dict("list") == {
        "Minggu ke": [1, 2, 3, 4],
        "Unggahan pertama": [
            "8 Januari 2024",
            "15 Januari 2024",
            "22 Januari 2024",
            "29 Januari 2024",
        ],
        "Unggahan terakhir": [
            "10 Januari 2024",
            "19 Januari 2024",
            "26 Januari 2024",
            "2 Februari 2024",
        ],
        "Jumlah unggahan": [2, 3, 4, 3],
        "Naik/turun": ["-", "+1", "+1", "-1"],
        "Target": ["2", "3", "4", "5"],
    }
    (axes,) = weekly_chart(summary).axes
    assert [bar.get_height() for bar in axes.patches] == [2, 3, 4, 3]
    assert axes.get_title() == "Jumlah unggahan per minggu"


# --- notebook 04: the checks as questions ------------------------------------


def test_growth_check_right_and_not_attempted(plan):
    assert str(growth_check.check(plan)) == (
        "Benar! `rencana` sudah memenuhi semua syarat soal ini."
    )
    assert growth_check.check(ANSWER).outcome is Outcome.NOT_ATTEMPTED


def test_growth_check_flat_plan(products):
    # +0 from 2: six weeks of 2 uploads, never more than week 1.
    flat = plan_uploads(products, **{**EXAMPLE_CHOICES, "growth": "+0"})
    assert str(growth_check.check(flat)) == (
        "Belum tepat: Jumlah unggahan di `rencana` tidak pernah naik: minggu "
        "ke-1 punya 2 unggahan, dan tidak ada minggu sesudahnya yang lebih "
        "banyak. Pilih kenaikan yang lebih dari +0, atau kecilkan jumlah "
        "minggu pertama."
    )
    set_language("en")
    assert str(growth_check.check(flat)).startswith(
        "Not quite: The number of uploads in `rencana` never rises: week 1 "
        "has 2 uploads"
    )


def test_growth_check_one_week(products):
    # 7 days x 2 times = 14 slots: all 12 products fit in week 1.
    one_week = plan_uploads(
        products,
        **{
            **EXAMPLE_CHOICES,
            "first_week": 12,
            "days": "Senin, Selasa, Rabu, Kamis, Jumat, Sabtu, Minggu",
        },
    )
    assert str(growth_check.check(one_week)) == (
        "Belum tepat: `rencana` hanya berisi satu minggu (12 unggahan), jadi "
        "jumlahnya tidak bisa naik. Kecilkan jumlah unggahan minggu pertama "
        "supaya rencananya berjalan beberapa minggu."
    )


def test_growth_check_falling_week_and_odd_answers():
    # Weeks 1, 1, 1, 2, 3, 3: week 2 has 1 upload after 3 (week 3 is the
    # last and may be short, but it is not).
    falling = pd.DataFrame(
        {
            "week": [1, 1, 1, 2, 3, 3],
            "start": [
                f"2024-01-{day:02d} 09:00" for day in (8, 9, 10, 15, 22, 23)
            ],
        }
    )
    assert str(growth_check.check(falling)) == (
        "Belum tepat: Minggu ke-2 punya 1 unggahan, lebih sedikit dari "
        "minggu ke-1 (3 unggahan). Jumlah unggahan per minggu tidak boleh "
        "turun: tambah unggahan di minggu ke-2 atau kurangi minggu "
        "sebelumnya."
    )
    # The reason is uploadplan's own sentence, after this question's.
    assert str(growth_check.check("rencana")).startswith(
        "Belum tepat: `rencana` belum bisa diperiksa. Rencana unggah: "
    )


def test_overlap_check(plan):
    assert overlap_check.check(plan).outcome is Outcome.RIGHT
    clash = plan.copy()
    clash.loc[1, ["start", "end"]] = plan.loc[0, ["start", "end"]]
    assert str(overlap_check.check(clash)) == (
        "Belum tepat: Keripik Tempe (T-01) dan Keripik Tempe Pedas (T-02) "
        "dijadwalkan pada waktu yang bersamaan, Senin, 8 Januari 2024 pukul "
        "09.00 WIB. Pindahkan salah satunya ke jam lain."
    )
    assert overlap_check.check(None).outcome is Outcome.NOT_ATTEMPTED


def test_placed_check(plan, products):
    question = placed_check(products)
    assert question.id == "sesi1.kalender.lengkap"
    assert question.check(plan).outcome is Outcome.RIGHT
    assert str(question.check(plan.drop(index=11))) == (
        "Belum tepat: Produk Brownies Tempe (kode T-12) belum ada di "
        "rencana. Tambahkan satu jadwal unggah untuknya."
    )
    assert question.check(ANSWER).outcome is Outcome.NOT_ATTEMPTED


# --- notebook 04: Bu Sari's broken plan --------------------------------------


def test_broken_plan_has_three_mistakes(plan, products):
    broken = broken_plan(products)
    assert BROKEN_ROWS == {"week": 5, "overlap": 8, "code": 11}
    changed = (broken != plan).any(axis=1).tolist()
    # Rows 5, 8 and 11 as people count them: positions 4, 7 and 10.
    assert [row for row, wrong in enumerate(changed, 1) if wrong] == [
        5,
        8,
        11,
    ]
    assert broken.iloc[4]["week"] == 1
    assert broken.iloc[7]["start"] == at(22, 19)  # the time of row 7
    assert broken.iloc[7]["end"] == at(22, 19, 30)
    # Row 11 is a copy of row 10: code and name agree, as the table shows.
    assert broken.iloc[10][["product_code", "product_name"]].tolist() == [
        "T-10",
        "Gantungan Kunci",
    ]
    assert plan.iloc[4]["week"] == 2  # the plan itself is left alone
    table = plan_table(broken)
    assert table.loc[11, ["Kode produk", "Nama produk"]].tolist() == [
        "T-10",
        "Gantungan Kunci",
    ]
    assert "Paket Oleh-Oleh" not in table["Nama produk"].tolist()

    assert plan_problems(broken, products).sentences == [
        "Minggu ke-2 punya 2 unggahan, lebih sedikit dari minggu ke-1 (3 "
        "unggahan). Jumlah unggahan per minggu tidak boleh turun: tambah "
        "unggahan di minggu ke-2 atau kurangi minggu sebelumnya.",
        "Strudel Apel (T-07) dan Kopi Dampit (T-08) dijadwalkan pada waktu "
        "yang bersamaan, Senin, 22 Januari 2024 pukul 19.00 WIB. Pindahkan "
        "salah satunya ke jam lain.",
        "Produk Paket Oleh-Oleh (kode T-11) belum ada di rencana. Tambahkan "
        "satu jadwal unggah untuknya.",
        "Produk Gantungan Kunci (kode T-10) dijadwalkan 2 kali: Senin, 29 "
        "Januari 2024 pukul 09.00 WIB; Rabu, 31 Januari 2024 pukul 09.00 WIB. "
        "Setiap produk cukup diunggah sekali, jadi hapus 1 jadwal yang lain.",
    ]
    assert str(plan_problems(plan, products)).startswith(
        "Pemeriksa tidak menemukan masalah"
    )


def test_broken_plan_needs_eleven_products(products):
    with pytest.raises(ValueError, match="11 products"):
        broken_plan(products.head(10))


def test_fixed_plan_check_one_problem_at_a_time(products):
    question = fixed_plan_check(products)
    broken = broken_plan(products)
    assert question.check(broken).message.startswith("Minggu ke-2 punya 2")

    fixed = edit_upload(broken, 5, week=2)
    assert question.check(fixed).message.startswith(
        "Strudel Apel (T-07) dan Kopi Dampit (T-08)"
    )
    fixed = edit_upload(fixed, 8, start="Rabu, 24 Januari 2024 19.00")
    assert question.check(fixed).message.startswith(
        "Produk Paket Oleh-Oleh (kode T-11) belum ada"
    )
    fixed = edit_upload(fixed, 11, code="t-11", products=products)
    assert fixed.iloc[10][["product_code", "product_name"]].tolist() == [
        "T-11",
        "Paket Oleh-Oleh",
    ]
    assert str(question.check(fixed)) == (
        "Benar! `rencana_baru` sudah memenuhi semua syarat soal ini."
    )
    assert question.check(ANSWER).outcome is Outcome.NOT_ATTEMPTED


def test_edit_upload_moves_the_end_with_the_start(plan, products):
    # Row 8 is Wednesday 24 January 19:00-19:30.
    moved = edit_upload(plan, 8, start="2024-01-24 21:15")
    assert moved.iloc[7]["start"] == at(24, 21, 15)
    assert moved.iloc[7]["end"] == at(24, 21, 45)
    assert plan.iloc[7]["start"] == at(24, 19)
    assert moved.attrs == plan.attrs

    renamed = edit_upload(plan, 1, code="T-12", products=products)
    assert renamed.iloc[0][["product_code", "product_name"]].tolist() == [
        "T-12",
        "Brownies Tempe",
    ]


@pytest.mark.parametrize(
    ("change", "key", "sentence"),
    [
        (
            {"row": 99},
            "session1.no_such_row",
            "Rencana unggah tidak punya baris 99. Tulis nomor baris dari 1 "
            "sampai 12, seperti di kolom paling kiri tabel rencana.",
        ),
        (
            # Rows are counted from 1: there is no row 0.
            {"row": 0},
            "session1.no_such_row",
            "Rencana unggah tidak punya baris 0. Tulis nomor baris dari 1 "
            "sampai 12, seperti di kolom paling kiri tabel rencana.",
        ),
        (
            {"row": 5, "week": "dua"},
            "session1.bad_week",
            "Baris 5, minggu ke: 'dua' bukan nomor minggu. Tulis bilangan "
            "bulat 1 atau lebih, misalnya 2.",
        ),
        (
            {"row": 4, "start": "besok pagi"},
            "session1.bad_moment",
            "Tanggal dan jam mulai: 'besok pagi' tidak terbaca. Tulis tanggal "
            "lalu jam, misalnya 2024-01-24 19:00.",
        ),
        (
            {"row": 4, "start": "2024-01-24 25:00"},
            "session1.bad_moment",
            "Tanggal dan jam mulai: '2024-01-24 25:00' tidak terbaca. Tulis "
            "tanggal lalu jam, misalnya 2024-01-24 19:00.",
        ),
        (
            {"row": 4, "code": "X-99"},
            "session1.unknown_code",
            "Kode produk X-99 tidak ada di daftar produk. Pilih salah satu "
            "kode ini: T-01, T-02, T-03, T-04, T-05, T-06, T-07, T-08, T-09, "
            "T-10, T-11, T-12.",
        ),
    ],
)
def test_edit_upload_says_what_cannot_be_used(
    plan, products, change, key, sentence
):
    row = change.pop("row")
    with pytest.raises(InputError) as caught:
        edit_upload(plan, row, products=products, **change)
    assert caught.value.key == key
    assert str(caught.value) == sentence


def test_edit_upload_a_code_without_the_product_list(plan):
    with pytest.raises(InputError) as caught:
        edit_upload(plan, 5, code="T-05")

    error = caught.value
    assert error.key == "uploadplan.products_not_a_table"
    assert str(error) == (
        "Daftar produk: diharapkan sebuah tabel dengan kolom kode dan nama, "
        "tetapi yang diberikan kosong (belum ada apa-apa). Baca dulu berkas "
        "daftar produk (CSV) menjadi tabel, seperti di contoh notebook, lalu "
        "coba lagi."
    )
    set_language("en")
    assert str(error) == (
        "Product list: expected a table with the columns code and name, but "
        "what was given is nothing yet. First read the product list file "
        "(CSV) into a table, as in the notebook's example, then try again."
    )


@pytest.mark.parametrize(
    ("given", "key", "sentence"),
    [
        (
            ["T-01", "T-02"],
            "uploadplan.products_not_a_table",
            "Daftar produk: diharapkan sebuah tabel dengan kolom kode dan "
            "nama, tetapi yang diberikan daftar biasa, bukan tabel. Baca dulu "
            "berkas daftar produk (CSV) menjadi tabel, seperti di contoh "
            "notebook, lalu coba lagi.",
        ),
        (
            "produk.csv",
            "uploadplan.products_not_a_table",
            "Daftar produk: diharapkan sebuah tabel dengan kolom kode dan "
            'nama, tetapi yang diberikan tulisan "produk.csv". Baca dulu '
            "berkas daftar produk (CSV) menjadi tabel, seperti di contoh "
            "notebook, lalu coba lagi.",
        ),
        (
            pd.DataFrame({"kode": ["T-05"], "harga": [35000]}),
            "uploadplan.products_missing_columns",
            "Daftar produk tidak punya kolom nama produk. Judul kolom yang "
            "bisa dibaca: name, nama, nama produk, nama barang, judul, judul "
            "produk, produk, title. Kolom yang ada: kode, harga.",
        ),
    ],
)
def test_edit_upload_with_a_product_list_it_cannot_use(
    plan, given, key, sentence
):
    with pytest.raises(InputError) as caught:
        edit_upload(plan, 5, code="T-05", products=given)
    assert caught.value.key == key
    assert str(caught.value) == sentence


def test_edit_upload_reads_the_list_s_own_headers(plan):
    # "Kode Produk" and "Nama_Barang" are headers product lists use.
    own = pd.DataFrame(
        {"Kode Produk": ["X-1"], "Nama_Barang": ["Kue Lumpur"], "harga": [1]}
    )
    edited = edit_upload(plan, 5, code="x-1", products=own)
    assert edited.iloc[4][["product_code", "product_name"]].tolist() == [
        "X-1",
        "Kue Lumpur",
    ]


@settings(
    max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(written=st.text(max_size=30))
def test_edit_upload_start_is_a_moment_or_an_input_error(plan, written):
    try:
        moved = edit_upload(plan, 4, start=written)
    except InputError as error:
        assert error.key == "session1.bad_moment"
    else:
        upload = moved.iloc[3]
        assert upload["end"] - upload["start"] == pd.Timedelta(minutes=30)


# --- notebook 04: the forms --------------------------------------------------


def test_plan_form_starts_with_the_example_and_shows_the_plan(products):
    form = PlanForm(products)
    assert form.choices() == {
        "start": "2024-01-08",
        "first_week": 2,
        "growth": "+1",
        "days": ["Senin", "Rabu", "Jumat"],
        "times": "09:00, 19:00",
        "duration": 30,
        "timezone": "WIB",
    }
    form.button.click()
    # Heading, plan, summary heading, summary, chart.
    outputs = form.output.outputs
    assert len(outputs) == 5
    assert outputs[0]["data"]["text/plain"] == (
        "Rencana unggah: 12 unggahan dalam 4 minggu"
    )
    assert "image/png" in outputs[4]["data"]


def test_plan_form_in_english(products):
    set_language("en")
    form = PlanForm(products)
    assert form.choices()["days"] == ["Monday", "Wednesday", "Friday"]
    assert form.button.description == "Make the plan"
    # The same plan as in Indonesian: 12 uploads over 4 weeks.
    assert form.make_plan()["week"].tolist() == [
        1,
        1,
        2,
        2,
        2,
        3,
        3,
        3,
        3,
        4,
        4,
        4,
    ]


def test_plan_form_choices_change_the_plan(products):
    form = PlanForm(products)
    form.first_week.value = 3
    form.growth.value = "x2"
    for day in form.days:
        day.value = day.description in ("Selasa", "Kamis")
    form.times.value = "08.00"
    plan = form.make_plan()
    # 2 slots a week; targets 3, 6 ... capped at 2: 6 weeks of 2.
    assert plan["week"].value_counts().sort_index().tolist() == [2] * 6
    assert plan.loc[0, "start"] == at(9, 8)  # Tuesday 9 January, 08:00


@pytest.mark.parametrize(
    ("field", "value", "sentence"),
    [
        (
            "times",
            "09:00, 09:15",
            "Rencana belum bisa dibuat. Jam unggah: jam 09:00 dan 09:15 hanya "
            "berjarak 15 menit, padahal satu unggahan butuh 30 menit, jadi "
            "keduanya akan bertabrakan. Beri jarak paling sedikit 30 menit "
            "atau perpendek lama unggahan.",
        ),
        (
            "start",
            None,
            # The date picker cleared.
            "Rencana belum bisa dibuat. Tanggal mulai belum dipilih. Klik "
            "kotak Tanggal mulai, lalu pilih hari pertama minggu ke-1 di "
            "kalender yang muncul, misalnya 2024-01-08.",
        ),
    ],
)
def test_plan_form_says_why_a_plan_cannot_be_made(
    products, field, value, sentence
):
    form = PlanForm(products)
    getattr(form, field).value = value
    assert form.show() is None
    (output,) = form.output.outputs
    assert output["data"]["text/plain"] == sentence


def test_plan_form_without_days(products):
    form = PlanForm(products)
    for day in form.days:
        day.value = False
    assert form.show() is None
    (output,) = form.output.outputs
    assert output["data"]["text/plain"].startswith(
        "Rencana belum bisa dibuat. Hari unggah: belum ada hari yang dipilih."
    )


def test_plan_editor_fixes_the_broken_plan(products):
    broken = broken_plan(products)
    editor = PlanEditor(broken, products)
    question = fixed_plan_check(products)

    # Rows as plan_table numbers them, 1 to 12.
    assert editor.row.options == tuple(range(1, 13))
    editor.row.value = 5
    assert editor.week.value == 1
    editor.week.value = 2
    editor.save_button.click()

    editor.row.value = 8
    assert editor.start.value == "2024-01-22 19:00"
    editor.start.value = "2024-01-24 19:00"
    editor.save_button.click()

    editor.row.value = 11
    assert editor.code.value == "T-10"
    editor.code.value = "T-11"
    editor.save_button.click()

    (said,) = editor.message.outputs
    assert said["data"]["text/plain"] == "Baris 11 sudah diubah."
    assert question.check(editor.plan).outcome is Outcome.RIGHT
    assert broken.iloc[4]["week"] == 1  # the starting plan is unchanged

    editor.reset_button.click()
    assert editor.plan is broken


def test_plan_editor_refuses_an_unreadable_start(products):
    editor = PlanEditor(broken_plan(products), products)
    editor.start.value = "Senin depan"
    assert editor.save() is None
    (said,) = editor.message.outputs
    assert said["data"]["text/plain"].startswith(
        "Tanggal dan jam mulai: 'Senin depan' tidak terbaca."
    )


# --- notebook 04: the product list and the output folder ---------------------


def test_products_for_plan_without_upload(fixtures, tmp_path):
    sample = fixtures / "session1" / "produk_toko.csv"
    products, note = products_for_plan(file_upload(".csv"), sample, tmp_path)
    assert len(products) == 12
    assert str(note) == (
        "Dipakai daftar produk contoh dari berkas produk_toko.csv: 12 produk."
    )
    assert list(tmp_path.iterdir()) == []


def test_products_for_plan_with_an_upload(fixtures, tmp_path):
    sample = fixtures / "session1" / "produk_toko.csv"
    upload = UploadedFile(
        "C:\\Toko\\milik-saya.csv",
        b"kode,nama,harga,deskripsi\nA-1,Kue,5000,\n",
    )
    products, note = products_for_plan(upload, sample, tmp_path / "hasil")
    assert products["code"].tolist() == ["A-1"]
    assert str(note) == (
        "Dipakai daftar produk Anda dari berkas milik-saya.csv: 1 produk."
    )
    assert (
        (tmp_path / "hasil" / "milik-saya.csv")
        .read_bytes()
        .startswith(b"kode,nama")
    )


def test_products_for_plan_falls_back_on_a_bad_upload(fixtures, tmp_path):
    folder = fixtures / "session1"
    bad = (folder / "produk_toko_with_problems.csv").read_bytes()
    upload = UploadedFile("produk_toko_with_problems.csv", bad)
    products, note = products_for_plan(
        upload, folder / "produk_toko.csv", tmp_path
    )
    assert len(products) == 12
    assert str(note).startswith(
        "Berkas produk_toko_with_problems.csv belum bisa dipakai. Berkas "
    )
    assert "baris 4, kolom kode: kode T-02 sudah dipakai di baris 3" in str(
        note
    )
    assert str(note).endswith("Untuk sementara dipakai daftar produk contoh.")


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(content=st.binary(max_size=300))
def test_products_for_plan_any_upload_gives_a_list(fixtures, tmp_path, content):
    sample = fixtures / "session1" / "produk_toko.csv"
    upload = UploadedFile("unggahan.csv", content)
    products, note = products_for_plan(upload, sample, tmp_path)
    assert isinstance(products, pd.DataFrame)
    assert str(note).startswith(("Dipakai daftar produk Anda", "Berkas"))


def test_products_for_plan_says_plainly_why_the_copy_cannot_be_written(
    fixtures, tmp_path
):
    # "hasil" is a file, so no folder can be made there: the sample is used
    # and the note gives the reason in plain words, not the system's.
    (tmp_path / "hasil").write_text("bukan folder")
    upload = UploadedFile("milik-saya.csv", b"kode,nama\nA-1,Kue\n")
    products, note = products_for_plan(
        upload, fixtures / "session1" / "produk_toko.csv", tmp_path / "hasil"
    )

    assert len(products) == 12
    copy = tmp_path / "hasil" / "milik-saya.csv"
    assert str(note) == (
        "Berkas milik-saya.csv belum bisa dipakai. "
        f"Berkas {copy} tidak bisa ditulis: salah satu nama folder di "
        "depannya ternyata sebuah berkas, bukan folder. Periksa nama "
        "foldernya. Untuk sementara dipakai daftar produk contoh."
    )
    assert "File exists" not in str(note)
    assert (tmp_path / "hasil").read_text() == "bukan folder"


def test_products_for_plan_never_writes_over_the_sample(fixtures, tmp_path):
    # An upload with the sample's name, kept in the sample's own folder.
    sample = tmp_path / "produk_toko.csv"
    original = (fixtures / "session1" / "produk_toko.csv").read_bytes()
    sample.write_bytes(original)
    upload = UploadedFile("produk_toko.csv", b"kode,nama\nA-1,Kue\n")

    products, note = products_for_plan(upload, sample, tmp_path)

    assert len(products) == 12
    assert str(note) == (
        "Berkas produk_toko.csv belum bisa dipakai. Berkas hasil tidak "
        f"ditulis ke {sample}, karena berkas itu adalah berkas masukan (yang "
        "sedang dibaca). Berkas masukan tidak pernah ditimpa. Pilih nama "
        "atau folder lain untuk hasilnya. Untuk sementara dipakai daftar "
        "produk contoh."
    )
    assert sample.read_bytes() == original


# --- the notebooks -----------------------------------------------------------


def run_notebook(name, tmp_path, monkeypatch, edits=None):
    """Run a notebook from its own folder, outputs into ``tmp_path``.

    ``edits`` maps a text found in a cell to the cell's new source.
    """
    monkeypatch.setenv(OUTPUT_VARIABLE, str(tmp_path))
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    for cell in notebook.cells:
        for found, source in (edits or {}).items():
            if found in cell.source:
                cell.source = source
    nbclient.NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=600,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    ).execute()
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            assert output["output_type"] != "error", cell.source
    return notebook


def result(notebook, last_line):
    """The text/plain result of the code cell ending in ``last_line``."""
    (cell,) = [
        cell
        for cell in notebook.cells
        if cell.cell_type == "code"
        and cell.source.splitlines()[-1] == last_line
    ]
    (output,) = [
        o for o in cell.outputs if o["output_type"] == "execute_result"
    ]
    return output["data"]


@pytest.mark.parametrize(
    ("name", "test"),
    [("00-kuis-awal.ipynb", "pre"), ("05-kuis-akhir.ipynb", "post")],
)
def test_quiz_notebooks_score_nothing_until_answered(
    name, test, tmp_path, monkeypatch
):
    notebook = run_notebook(name, tmp_path, monkeypatch)
    assert result(notebook, "hasil")["text/plain"] == (
        "Nilai Anda: 0 dari 100 (0 dari 5 soal benar). Ada 5 soal yang belum "
        "dijawab; soal itu dihitung salah. Untuk menjawabnya, pilih jawaban "
        "di soal itu, klik Simpan jawaban, lalu jalankan sel ini lagi. "
        "Pembahasan (mana yang benar) muncul sesudah semua soal dijawab. "
        "Kalau memang tidak tahu jawabannya, biarkan kosong dan serahkan "
        "nilai di bawah."
    )
    assert result(notebook, "hand_in(kuis, kode_peserta)")["text/plain"] == (
        "Nilai belum disimpan. Tulis kode peserta Anda di antara tanda kutip, "
        'misalnya kode_peserta = "P001", lalu jalankan sel ini lagi. Jangan '
        "menulis nama."
    )
    forms = [c for c in notebook.cells if c.source.startswith("kuis.form(")]
    assert len(forms) == 5
    for cell in forms:
        assert (
            "application/vnd.jupyter.widget-view+json"
            in cell.outputs[0]["data"]
        )
    assert f'session=1, test="{test}"' in result_source(notebook, "kuis = ")
    # No form checks an answer or shows the solution before the end.
    sources = "".join(cell.source for cell in notebook.cells)
    assert "choice_form" not in sources and "Periksa" not in sources


def result_source(notebook, start):
    """The source of the one code cell with a line starting ``start``."""
    (cell,) = [
        cell
        for cell in notebook.cells
        if cell.cell_type == "code"
        and any(line.startswith(start) for line in cell.source.splitlines())
    ]
    return cell.source


def test_quiz_notebook_hands_in_the_first_answers_once(tmp_path, monkeypatch):
    # The participant saves a, b, c, a, a, then tries to change the
    # fourth to b: the first answers count. Right letters a, b, c, b, a:
    # four right of five (the fourth is wrong) = 80. Handing in twice
    # keeps the first line.
    folder = repr(str(tmp_path))
    notebook = run_notebook(
        "00-kuis-awal.ipynb",
        tmp_path,
        monkeypatch,
        edits={
            "hasil = kuis.score()": (
                'kuis.save_answers(["a", "b", "c", "a", "a"])\n'
                'kuis.save(4, "b")\n'
                "hasil = kuis.score()\n"
                "hasil"
            ),
            "kode_peserta = ...": (
                'kode_peserta = "p007"\n'
                f"hand_in(kuis, kode_peserta, folder={folder})\n"
                f"hand_in(kuis, kode_peserta, folder={folder})"
            ),
        },
    )
    shown = result(notebook, "hasil")["text/plain"]
    assert shown.startswith(
        "Nilai Anda: 80 dari 100 (4 dari 5 soal benar).\n\n"
        "Pembahasan setiap soal:\n"
        "Soal 1. Benar! Pilihan a (Jual beli barang atau jasa lewat "
        "internet.) tepat."
    )
    assert (
        "Soal 4. Belum tepat: Pilihan a (Semua produk diunggah pada hari "
        "pertama.) belum tepat." in shown
    )
    assert "Jawabannya b: mulai sedikit, naik setiap minggu" in shown
    second = result(notebook, f"hand_in(kuis, kode_peserta, folder={folder})")
    assert second["text/plain"].startswith(
        "Nilai kuis ini sudah pernah diserahkan: P007,1,pre,80 (di berkas "
        "nilai-P007.csv). Nilai yang pertama itu tetap dipakai"
    )
    assert (tmp_path / "nilai-P007.csv").read_text(encoding="utf-8") == (
        "kode,sesi,tes,nilai\nP007,1,pre,80\n"
    )


@pytest.mark.parametrize(
    "name",
    ["01-apa-itu-e-commerce.ipynb", "02-jenis-dan-ciri-e-commerce.ipynb"],
)
def test_theory_notebooks_show_their_forms(name, tmp_path, monkeypatch):
    notebook = run_notebook(name, tmp_path, monkeypatch)
    for line in ("choice_form(soal_1)", "choice_form(soal_2)"):
        assert "application/vnd.jupyter.widget-view+json" in result(
            notebook, line
        )


def test_market_notebook(tmp_path, monkeypatch):
    notebook = run_notebook("03-peluang-pasar.ipynb", tmp_path, monkeypatch)
    rises = result(notebook, "(tabel.diff() > 0).sum()")["text/plain"]
    # Kopi Dampit rises in all 11 changes of month (see the table test).
    assert re.search(r"Kopi Dampit\s+11\n", rises)
    assert "image/png" in result(notebook, "session1.market_chart(tabel)")
    assert result(notebook, "soal_1.check()")["text/plain"] == (
        "Belum dijawab: `produk_naik` belum diisi. Ganti titik-titik (...) "
        "dengan jawaban Anda, jalankan selnya, lalu periksa lagi."
    )
    assert result(notebook, "soal_2.check()")["text/plain"].startswith(
        "Belum dijawab: `bulan_ramai` belum diisi."
    )


def test_practice_notebook(tmp_path, monkeypatch):
    notebook = run_notebook(
        "04-praktik-kalender-unggah.ipynb", tmp_path, monkeypatch
    )

    # The sample list: 12 products SR-01 ... SR-12 (data/contoh/produk).
    assert result(notebook, "catatan")["text/plain"] == (
        "Dipakai daftar produk contoh dari berkas produk.csv: 12 produk."
    )
    assert result(notebook, "pilihan")["text/plain"] == (
        "{'start': '2024-01-08',\n 'first_week': 2,\n 'growth': '+1',\n"
        " 'days': ['Senin', 'Rabu', 'Jumat'],\n 'times': '09:00, 19:00',\n"
        " 'duration': 30,\n 'timezone': 'WIB'}"
    )
    table = result(notebook, "plan_table(rencana)")["text/plain"]
    assert re.search(
        r"\n1\s+1\s+Senin\s+8 Januari 2024\s+09\.00-09\.30 WIB\s+SR-01", table
    )
    assert re.search(
        r"\n12\s+4\s+Jumat\s+2 Februari 2024\s+09\.00-09\.30 WIB\s+SR-12",
        table,
    )
    summary = result(notebook, "summary_table(ringkasan)")["text/plain"]
    assert re.search(
        r"3\s+4\s+29 Januari 2024\s+2 Februari 2024\s+3\s+-1", summary
    )
    assert "image/png" in result(notebook, "weekly_chart(ringkasan)")

    # The calendar file parses back with the 12 planned uploads.
    calendar = icalendar.Calendar.from_ical(
        (tmp_path / "kalender-unggah.ics").read_bytes()
    )
    events = calendar.walk("VEVENT")
    assert len(events) == 12
    assert events[0].decoded("dtstart") == dt.datetime(
        2024, 1, 8, 9, 0, tzinfo=WIB
    )
    assert str(events[0]["summary"]) == (
        "Unggah produk: Keripik Tempe Original 250 g"
    )
    assert events[11].decoded("dtstart") == dt.datetime(
        2024, 2, 2, 9, 0, tzinfo=WIB
    )
    assert all(
        event["dtstart"].params["TZID"] == "Asia/Jakarta" for event in events
    )
    lines = (
        (tmp_path / "kalender-unggah.csv").read_text("utf-8-sig").splitlines()
    )
    assert len(lines) == 13  # header + 12 uploads
    assert lines[1] == (
        "1,Senin,2024-01-08,09:00,09:30,WIB,SR-01,Keripik Tempe Original 250 g"
    )

    # The checks on the participant's own plan.
    for line in ("soal_1.check()", "soal_2.check()", "soal_3.check()"):
        assert result(notebook, line)["text/plain"] == (
            "Benar! `rencana` sudah memenuhi semua syarat soal ini."
        )
    assert (
        result(notebook, "len(produk), len(rencana)")["text/plain"]
        == "(12, 12)"
    )

    # Bu Sari's broken plan: four problems from three mistakes.
    problems = result(
        notebook, "session1.plan_problems(rencana_rusak, produk_contoh)"
    )["text/plain"]
    assert problems.startswith("Pemeriksa menemukan 4 masalah:\n1. Minggu ke-2")
    assert result(notebook, "soal_4.check()")["text/plain"] == (
        "Belum tepat: Minggu ke-2 punya 2 unggahan, lebih sedikit dari minggu "
        "ke-1 (3 unggahan). Jumlah unggahan per minggu tidak boleh turun: "
        "tambah unggahan di minggu ke-2 atau kurangi minggu sebelumnya."
    )
    editor = result(notebook, "pengubah")
    assert "application/vnd.jupyter.widget-view+json" in editor

    # Where it teaches edit_upload(..., code=...), it shows products=.
    taught = [
        line
        for cell in notebook.cells
        if cell.cell_type == "markdown"
        for line in cell.source.splitlines()
        if "edit_upload(" in line and "code=" in line
    ]
    assert taught and all("products=produk_contoh" in t for t in taught)
    # The plan's table numbers rows from 1, as the editor does.
    broken = result(notebook, "plan_table(rencana_rusak)")["text/plain"]
    assert re.search(r"\n11\s+4\s+Rabu\s+31 Januari 2024.*SR-10", broken)


@pytest.mark.parametrize(
    "path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.name
)
def test_notebooks_committed_without_outputs_with_slides(path):
    notebook = nbformat.read(path, as_version=4)
    titles = [
        line
        for cell in notebook.cells
        if cell.cell_type == "markdown"
        for line in cell.source.splitlines()
        if line.startswith("# ")
    ]
    assert len(titles) == 1
    for cell in notebook.cells:
        assert cell.metadata["slideshow"]["slide_type"] in (
            "slide",
            "subslide",
            "fragment",
            "skip",
            "-",
        )
        if cell.cell_type == "markdown" and cell.source.startswith("## "):
            assert cell.metadata["slideshow"]["slide_type"] == "slide"
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_notebook_paths_are_the_syllabus_s():
    (session,) = [s for s in read_syllabus().sessions if s.number == 1]
    planned = {a.notebook for a in session.activities if a.notebook}
    found = {
        f"notebooks/sesi-1/{path.name}" for path in NOTEBOOKS.glob("*.ipynb")
    }
    assert found == planned


# --- the tutor guide ---------------------------------------------------------


def test_tutor_guide_minutes_match_the_syllabus():
    (session,) = [s for s in read_syllabus().sessions if s.number == 1]
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in GUIDE.read_text(encoding="utf-8").splitlines()
        if re.match(r"\|\s*\d+\s*\|", line)
    ]
    assert [(row[1], int(row[2]), row[3]) for row in rows] == [
        (activity.title, activity.minutes, activity.kind)
        for activity in session.activities
    ]
    # 10 + 20 + 15 + 10 + 95 + 20 + 10 = 180 minutes: 45 theory, 135
    # practice.
    assert sum(int(row[2]) for row in rows) == 180
