"""``tokolab check``: what a file or folder is, what it holds, its problems.

The values each kind must report are counted here from the files with the
csv module, never with tokolab's own readers.
"""

import csv
import json
import shutil
import zipfile
from collections import defaultdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kitpaths import ROOT
from test_uptime import make_kuma
from tokolab import InputError, set_language
from tokolab.inspection import describe, inspect_path

SAMPLE = ROOT / "data" / "contoh"
SEARCH = SAMPLE / "searchconsole"
UPTIME = ROOT / "tests" / "fixtures" / "uptime"
SAMPLE_UPTIME = SAMPLE / "uptime" / "pemantauan.csv"
CLASS = SAMPLE / "kelas"
PROGRAM = ROOT / "data" / "program"

# The sample's Indonesian file names and the tables they hold.
SEARCH_FILES = {
    "Bagan.csv": "chart",
    "Kueri.csv": "queries",
    "Halaman.csv": "pages",
    "Negara.csv": "countries",
    "Perangkat.csv": "devices",
}


def read_rows(path):
    """The rows of a CSV file as dicts, with the csv module."""
    with open(path, newline="", encoding="utf-8-sig") as stream:
        return list(csv.DictReader(stream))


def as_json(inspection):
    """The inspection through JSON and back, as ``--json`` prints it."""
    return json.loads(json.dumps(inspection, allow_nan=False))


def sample_search_facts():
    """Totals, period and row counts of the sample export, by hand."""
    chart = read_rows(SEARCH / "Bagan.csv")
    clicks = sum(int(row["Klik"]) for row in chart)
    impressions = sum(int(row["Tayangan"]) for row in chart)
    weighted = sum(float(row["Posisi"]) * int(row["Tayangan"]) for row in chart)
    return {
        "tables": {
            table: len(read_rows(SEARCH / name))
            for name, table in SEARCH_FILES.items()
        },
        "clicks": clicks,
        "impressions": impressions,
        "ctr": clicks / impressions,
        "position": weighted / impressions,
        "start": min(row["Tanggal"] for row in chart),
        "end": max(row["Tanggal"] for row in chart),
        "filters": {
            row["Filter"]: row["Nilai"]
            for row in read_rows(SEARCH / "Filter.csv")
        },
    }


def assert_sample_search(inspection):
    """The fields of the sample export, as the issue names them."""
    facts = sample_search_facts()
    assert inspection["kind"] == "searchconsole"
    assert inspection["language"] == "id"
    assert inspection["tables"] == facts["tables"]
    assert inspection["totals"] == {
        "clicks": facts["clicks"],
        "impressions": facts["impressions"],
        "ctr": pytest.approx(facts["ctr"]),
        "position": pytest.approx(facts["position"]),
    }
    assert inspection["truncated"] == []
    assert inspection["period"] == {
        "start": facts["start"],
        "end": facts["end"],
    }
    assert inspection["filters"] == {
        "search_type": facts["filters"]["Jenis penelusuran"],
        "date_range": facts["filters"]["Tanggal"],
    }
    assert inspection["problems"] == []


# Search Console -------------------------------------------------------------


def test_sample_search_console_folder():
    inspection = as_json(inspect_path(SEARCH))

    assert inspection["path"] == str(SEARCH)
    assert_sample_search(inspection)

    # The sums the sample was made with: 1852 clicks of 53429.
    assert inspection["totals"]["clicks"] == 1852
    assert inspection["totals"]["impressions"] == 53429
    assert inspection["period"] == {"start": "2023-10-03", "end": "2023-12-31"}


def test_sample_search_console_zip(tmp_path):
    archive_path = tmp_path / "sarirasa.example-Performance.zip"
    with zipfile.ZipFile(archive_path, "w") as archive:
        for path in sorted(SEARCH.glob("*.csv")):
            archive.write(path, path.name)

    inspection = as_json(inspect_path(archive_path))
    assert inspection["path"] == str(archive_path)
    assert_sample_search(inspection)


def test_sample_search_console_single_file():
    inspection = as_json(inspect_path(SEARCH / "Kueri.csv"))

    # One query table: no chart, so no totals and no period.
    queries = read_rows(SEARCH / "Kueri.csv")
    assert inspection["kind"] == "searchconsole"
    assert inspection["tables"] == {"queries": len(queries)}
    assert inspection["totals"] is None
    assert inspection["period"] is None


def test_real_english_export_zip(realdata):
    path = realdata / "gsc-en-tickets" / "search.zip"
    inspection = as_json(inspect_path(path))

    # Facts from ../shared/realdata/README.md.
    assert inspection["kind"] == "searchconsole"
    assert inspection["language"] == "en"
    assert inspection["totals"]["clicks"] == 36
    assert inspection["totals"]["impressions"] == 7644
    assert inspection["totals"]["ctr"] == pytest.approx(36 / 7644)
    assert inspection["period"] == {"start": "2026-03-15", "end": "2026-07-21"}
    assert inspection["tables"]["queries"] == 196
    assert inspection["tables"]["chart"] == 129
    assert inspection["tables"]["search_appearance"] == 0
    assert inspection["filters"] == {
        "search_type": "Web",
        "date_range": "Last 6 months",
    }
    assert inspection["truncated"] == []


def write_chart(folder, days):
    """A Chart.csv of ``days`` rows, 10 clicks of 100 impressions each."""
    rows = [f"2024-01-{day:02d},10,100,10%,2.5" for day in range(1, days + 1)]
    text = "\n".join(["Date,Clicks,Impressions,CTR,Position", *rows])
    (folder / "Chart.csv").write_text(text, encoding="utf-8")


def write_queries(folder, count):
    """A Queries.csv of ``count`` rows."""
    rows = [f"kueri {i},1,10,10%,3.5" for i in range(count)]
    text = "\n".join(["Top queries,Clicks,Impressions,CTR,Position", *rows])
    (folder / "Queries.csv").write_text(text, encoding="utf-8")


def test_a_query_table_of_1000_rows_is_cut(tmp_path):
    write_chart(tmp_path, 3)
    write_queries(tmp_path, 1000)
    inspection = as_json(inspect_path(tmp_path))

    # 3 days x 10 clicks = 30 of 300 impressions: the chart's totals.
    assert inspection["truncated"] == ["queries"]
    assert inspection["tables"] == {"chart": 3, "queries": 1000}
    assert inspection["totals"]["clicks"] == 30
    assert inspection["totals"]["impressions"] == 300

    # Said once, naming the file.
    assert len(inspection["problems"]) == 1
    assert "Queries.csv" in inspection["problems"][0]
    assert "Ada 1 hal yang perlu diperiksa:" in describe(inspection)


def test_a_query_table_of_999_rows_is_whole(tmp_path):
    write_chart(tmp_path, 3)
    write_queries(tmp_path, 999)
    inspection = inspect_path(tmp_path)

    assert inspection["truncated"] == []
    assert inspection["problems"] == []


def test_a_chart_without_rows_has_no_totals_to_describe(tmp_path):
    write_chart(tmp_path, 0)
    inspection = as_json(inspect_path(tmp_path))

    # No days: nothing clicked, nothing to divide by, no period.
    assert inspection["tables"] == {"chart": 0}
    assert inspection["totals"] == {
        "clicks": 0,
        "impressions": 0,
        "ctr": None,
        "position": None,
    }
    assert inspection["period"] is None
    assert describe(inspection).splitlines()[2] == (
        "Tidak ada tabel harian (Bagan/Chart) yang berisi, jadi jumlah klik "
        "dan tayangan seluruh situs tidak bisa dihitung."
    )


def test_a_day_without_impressions_gives_no_ctr(tmp_path):
    (tmp_path / "Chart.csv").write_text(
        "Date,Clicks,Impressions,CTR,Position\n2024-01-01,0,0,0%,0",
        encoding="utf-8",
    )
    inspection = as_json(inspect_path(tmp_path))

    assert inspection["totals"]["ctr"] is None
    assert inspection["totals"]["position"] is None
    assert describe(inspection).splitlines()[2] == (
        "Dari 1 Januari 2024 sampai 1 Januari 2024: 0 klik, 0 tayangan, "
        "CTR -, posisi rata-rata -."
    )


def test_describe_search_console_in_indonesian_and_english():
    facts = sample_search_facts()
    lines = describe(inspect_path(SEARCH)).splitlines()

    # 1852 / 53429 = 3.466 % -> 3,47%.
    position = f"{facts['position']:.1f}"
    assert lines[0] == f"{SEARCH}: ekspor Search Console (laporan Performa)."
    assert lines[2] == (
        "Dari 3 Oktober 2023 sampai 31 Desember 2023: 1.852 klik, "
        "53.429 tayangan, CTR 3,47%, posisi rata-rata "
        f"{position.replace('.', ',')}."
    )
    assert lines[-1] == "Tidak ada masalah yang ditemukan."

    set_language("en")
    lines = describe(inspect_path(SEARCH)).splitlines()
    assert lines[2] == (
        "From 3 October 2023 to 31 December 2023: 1,852 clicks, "
        f"53,429 impressions, CTR 3.47%, average position {position}."
    )
    assert lines[-1] == "No problems found."


# Budget and journal ---------------------------------------------------------


def test_programme_budget():
    path = PROGRAM / "anggaran.csv"
    inspection = as_json(inspect_path(path))

    # Lines are the rows with a number in No; the TOTAL row has none.
    lines = [row for row in read_rows(path) if row["No"].strip()]
    assert len(lines) == 8

    # Rp 3.730.000 written; 300.000 + 60.000 + 2.400.000 + 100.000 +
    # 50.000 + 380.000 + 200.000 + 240.000 = 3.730.000 recomputed (line 1
    # at its written amount, line 6 at 76 x 5.000). Lines 1 and 6 are
    # flagged (issue 2, section 3).
    assert inspection["kind"] == "budget"
    assert inspection["rows"] == 8
    assert inspection["total_written"] == 3730000
    assert inspection["total_recomputed"] == 3730000
    assert type(inspection["total_written"]) is int
    assert type(inspection["total_recomputed"]) is int
    assert inspection["flagged_rows"] == [1, 6]

    # Line 1 twice (malformed price, 1 x 100.000 is not 300.000), line 6
    # once (malformed amount).
    starts = [problem.split(":")[0] for problem in inspection["problems"]]
    assert starts == ["No 1", "No 1", "No 6"]


def test_describe_budget():
    inspection = inspect_path(PROGRAM / "anggaran.csv")

    assert describe(inspection).splitlines()[1] == (
        "8 baris anggaran. Total tertulis Rp 3.730.000, "
        "total hitung ulang Rp 3.730.000."
    )
    set_language("en")
    assert describe(inspection).splitlines()[1] == (
        "8 budget lines. Written total Rp 3.730.000, "
        "recomputed total Rp 3.730.000."
    )


def test_budget_without_a_total_row(tmp_path):
    path = tmp_path / "rab.csv"
    path.write_text(
        "No,Uraian,Volume,Harga Satuan,Jumlah Harga\n"
        "1,Sewa proyektor,2 hari,Rp 150.000,Rp 300.000\n",
        encoding="utf-8",
    )
    inspection = as_json(inspect_path(path))

    # 2 x 150.000 = 300.000; no TOTAL written.
    assert inspection["kind"] == "budget"
    assert inspection["total_written"] is None
    assert inspection["total_recomputed"] == 300000
    assert "Total tertulis -," in describe(inspection)


def test_programme_journal():
    path = PROGRAM / "jurnal.csv"
    inspection = as_json(inspect_path(path))

    # Six entries; the earliest date written is 06 November 2023 (the end
    # of the backwards range), the latest 04 Januari 2024.
    assert len(read_rows(path)) == 6
    assert inspection["kind"] == "journal"
    assert inspection["entries"] == 6
    assert inspection["first"] == "2023-11-06"
    assert inspection["last"] == "2024-01-04"
    assert inspection["flagged"] == ["11 November 2023 - 06 November 2023"]
    assert len(inspection["problems"]) == 1

    assert describe(inspection).splitlines()[1] == (
        "6 kegiatan, dari 6 November 2023 sampai 4 Januari 2024."
    )


def test_journal_entry_with_two_problems_is_flagged_once(tmp_path):
    # 8 November 2023 was a Wednesday, not a Tuesday, and the range runs
    # backwards: two problems, one entry.
    path = tmp_path / "jurnal.csv"
    path.write_text(
        "Tanggal,Kegiatan\nSelasa 08 November 2023 - 01 November 2023,Rapat\n",
        encoding="utf-8",
    )
    inspection = inspect_path(path)

    assert len(inspection["problems"]) == 2
    assert inspection["flagged"] == [
        "Selasa 08 November 2023 - 01 November 2023"
    ]


def test_journal_workbook_is_recognised(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["No", "Tanggal", "Kegiatan"])
    sheet.append([1, "Selasa, 07 November 2023", "Menghubungi komunitas"])
    sheet.append([2, "Rabu, 08 November 2023", "Rapat penentuan jadwal"])
    path = tmp_path / "jurnal.xlsx"
    workbook.save(path)

    inspection = inspect_path(path)
    assert inspection["kind"] == "journal"
    assert inspection["entries"] == 2
    assert (inspection["first"], inspection["last"]) == (
        "2023-11-07",
        "2023-11-08",
    )


# Class records --------------------------------------------------------------


def sample_class_facts():
    """Participants, attendance and quiz pairs per session, by hand."""
    attendance = defaultdict(list)
    for row in read_rows(CLASS / "kehadiran.csv"):
        attendance[int(row["sesi"])].append(row["hadir"] == "1")

    scores = defaultdict(dict)
    for row in read_rows(CLASS / "nilai.csv"):
        key = (int(row["sesi"]), row["kode"])
        scores[key][row["tes"]] = float(row["nilai"])

    sessions = {}
    for number, present in sorted(attendance.items()):
        pairs = [
            both
            for (session, _), both in scores.items()
            if session == number and {"pre", "post"} <= set(both)
        ]
        sessions[str(number)] = {
            "present": sum(present),
            "enrolled": len(present),
            "attendance_rate": pytest.approx(sum(present) / len(present)),
            "pairs": len(pairs),
            "pre_mean": pytest.approx(
                sum(p["pre"] for p in pairs) / len(pairs)
            ),
            "post_mean": pytest.approx(
                sum(p["post"] for p in pairs) / len(pairs)
            ),
        }
    return len(read_rows(CLASS / "peserta.csv")), sessions


def test_sample_class_folder():
    inspection = as_json(inspect_path(CLASS))
    participants, sessions = sample_class_facts()

    assert inspection["kind"] == "class"
    assert inspection["participants"] == participants == 75
    assert inspection["sessions"] == sessions
    assert inspection["problems"] == []


def test_one_class_file_is_read_with_its_folder():
    inspection = as_json(inspect_path(CLASS / "nilai.csv"))
    participants, sessions = sample_class_facts()

    assert inspection["path"] == str(CLASS / "nilai.csv")
    assert inspection["kind"] == "class"
    assert inspection["participants"] == participants
    assert inspection["sessions"] == sessions


def test_describe_class(tmp_path):
    # Two participants, one came: 1 / 2 = 50,0%.
    (tmp_path / "peserta.csv").write_text(
        "kode,peran,usia,pendidikan\nP001,anggota,,\nP002,anggota,,\n",
        encoding="utf-8",
    )
    (tmp_path / "kehadiran.csv").write_text(
        "kode,sesi,hadir\nP001,1,1\nP002,1,0\n", encoding="utf-8"
    )
    (tmp_path / "nilai.csv").write_text(
        "kode,sesi,tes,nilai\n", encoding="utf-8"
    )
    inspection = as_json(inspect_path(tmp_path))

    assert inspection["sessions"]["1"]["pre_mean"] is None
    assert describe(inspection).splitlines()[1:3] == [
        "2 peserta.",
        "Sesi 1: hadir 1 dari 2 (50,0%).",
    ]


def test_a_class_folder_missing_a_file(tmp_path):
    (tmp_path / "peserta.csv").write_text(
        "kode,peran,usia,pendidikan\nP001,anggota,,\n", encoding="utf-8"
    )
    with pytest.raises(InputError) as caught:
        inspect_path(tmp_path)
    assert caught.value.key == "common.file_not_found"
    assert "kehadiran.csv" in str(caught.value)


# What is not recognised -----------------------------------------------------


def test_a_missing_path(tmp_path):
    with pytest.raises(InputError) as caught:
        inspect_path(tmp_path / "tidak-ada.csv")
    assert caught.value.key == "common.file_not_found"
    assert "tidak-ada.csv tidak ditemukan" in str(caught.value)


def test_a_text_file(tmp_path):
    path = tmp_path / "catatan.txt"
    path.write_text("Belanja bahan besok pagi.\nJangan lupa.\n", "utf-8")
    with pytest.raises(InputError) as caught:
        inspect_path(path)
    assert caught.value.key == "check.unknown_kind"
    assert str(path) in str(caught.value)


def test_a_csv_of_something_else(tmp_path):
    path = tmp_path / "stok.csv"
    path.write_text("produk,stok\nkeripik tempe,40\n", "utf-8")
    with pytest.raises(InputError) as caught:
        inspect_path(path)
    assert caught.value.key == "check.unknown_kind"

    # What was found is named beside what can be checked.
    assert caught.value.found == "produk, stok"
    assert "Judul kolom yang ditemukan: produk, stok." in str(caught.value)


def test_a_png(tmp_path):
    path = tmp_path / "foto-produk.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    with pytest.raises(InputError) as caught:
        inspect_path(path)
    assert str(path) in str(caught.value)


def test_an_empty_folder(tmp_path):
    with pytest.raises(InputError) as caught:
        inspect_path(tmp_path)
    assert caught.value.key == "check.empty_folder"
    assert str(caught.value) == (
        f"Folder {tmp_path} kosong, tidak ada berkas di dalamnya. Salin "
        "berkas yang mau diperiksa ke folder itu, atau tulis langsung lokasi "
        "berkasnya."
    )
    assert "Isi folder: -" not in str(caught.value)


def test_a_folder_with_only_hidden_entries_is_empty(tmp_path):
    (tmp_path / ".ipynb_checkpoints").mkdir()
    (tmp_path / ".DS_Store").write_bytes(b"\x00")

    with pytest.raises(InputError) as caught:
        inspect_path(tmp_path)
    assert caught.value.key == "check.empty_folder"


def test_an_export_of_filters_only_says_it_has_no_tables(tmp_path):
    (tmp_path / "Filters.csv").write_text(
        "Filter,Value\nSearch type,Web\nDate,Last 3 months\n",
        encoding="utf-8",
    )
    inspection = as_json(inspect_path(tmp_path))

    # No data table: nothing to count, and that is the one problem.
    assert inspection["kind"] == "searchconsole"
    assert inspection["tables"] == {}
    assert inspection["filters"] == {
        "search_type": "Web",
        "date_range": "Last 3 months",
    }
    assert describe(inspection).splitlines() == [
        f"{tmp_path}: ekspor Search Console (laporan Performa).",
        "Tidak ada tabel data (Kueri, Halaman, Bagan ...) yang ditemukan.",
        "Ada 1 hal yang perlu diperiksa:",
        "- Ekspor ini hanya berisi pengaturan filter, tanpa tabel data. "
        "Unduh ulang laporan Performa dan pilih 'Unduh CSV', lalu simpan "
        "semua berkas CSV di dalamnya.",
    ]

    set_language("en")
    lines = describe(inspect_path(tmp_path / "Filters.csv")).splitlines()
    assert lines[1:3] == [
        "No data tables (Queries, Pages, Chart ...) were found.",
        "Things to look at (1):",
    ]


def test_the_problem_count_reads_right_for_one_and_for_more(tmp_path):
    write_chart(tmp_path, 3)
    write_queries(tmp_path, 1000)
    inspection = inspect_path(tmp_path)
    set_language("en")

    # One problem (Queries.csv cut at 1,000 rows), then three.
    assert "Things to look at (1):" in describe(inspection).splitlines()
    inspection["problems"] = ["a", "b", "c"]
    assert "Things to look at (3):" in describe(inspection).splitlines()


def test_an_old_excel_budget_gets_the_budget_advice(tmp_path):
    path = tmp_path / "anggaran.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))

    with pytest.raises(InputError) as caught:
        inspect_path(path)

    assert caught.value.key == "budget.old_excel"
    assert "Simpan ulang sebagai .xlsx atau CSV" in str(caught.value)
    assert "Search Console" not in str(caught.value)


@pytest.mark.parametrize(
    "participants", ["Peserta.csv", "peserta.xlsx", "PESERTA.CSV"]
)
def test_a_class_folder_with_a_misnamed_participant_list(
    tmp_path, participants
):
    (tmp_path / participants).write_bytes((CLASS / "peserta.csv").read_bytes())

    with pytest.raises(InputError) as caught:
        inspect_path(tmp_path)

    assert caught.value.key == "classrecords.similar_files"
    assert caught.value.found == participants
    assert "peserta.csv" in str(caught.value)


def test_a_budget_with_sen_is_described_with_them(tmp_path):
    path = tmp_path / "rab.csv"
    path.write_text(
        "No,Kebutuhan,Qty,Satuan,Harga\n"
        '1,Ongkir,3 paket,"Rp 12.500,50","Rp 37.501,50"\n'
        ',TOTAL,,,"Rp 37.501,50"\n',
        encoding="utf-8",
    )

    # 3 x 12.500,50 = 37.501,50, as written.
    assert describe(inspect_path(path)).splitlines()[1] == (
        "1 baris anggaran. Total tertulis Rp 37.501,50, "
        "total hitung ulang Rp 37.501,50."
    )


def test_a_folder_of_other_tables_says_what_it_holds(tmp_path):
    # data/program is now read part by part (see the folder tests below);
    # a folder of tables the kit does not know still says what it holds.
    for name in ("stok.csv", "resep.csv"):
        (tmp_path / name).write_text("bahan,jumlah\ngula,2\n", "utf-8")
    with pytest.raises(InputError) as caught:
        inspect_path(tmp_path)
    assert caught.value.key == "check.unknown_folder"
    assert "Isi folder: resep.csv, stok.csv." in str(caught.value)


def test_a_broken_zip(tmp_path):
    path = tmp_path / "unduhan.zip"
    path.write_bytes(b"PK\x03\x04 terputus")
    with pytest.raises(InputError) as caught:
        inspect_path(path)
    assert caught.value.key == "searchconsole.not_a_zip"


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.binary(max_size=400))
def test_any_bytes_give_a_result_or_input_error(tmp_path, data):
    path = tmp_path / "unduhan.csv"
    path.write_bytes(data)
    try:
        inspection = inspect_path(path)
    except InputError:
        return
    as_json(inspection)
    describe(inspection)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    data=st.one_of(
        st.binary(max_size=400),
        # Broken photos: the start of a real one, then anything.
        st.binary(max_size=400).map(
            lambda tail: (
                (
                    ROOT
                    / "tests"
                    / "fixtures"
                    / "productcatalog"
                    / "transparan.png"
                ).read_bytes()[:60]
                + tail
            )
        ),
    )
)
def test_any_bytes_named_as_a_photo_give_a_result_or_input_error(
    tmp_path, data
):
    path = tmp_path / "foto.jpg"
    path.write_bytes(data)
    try:
        inspection = inspect_path(path)
    except InputError:
        return
    assert inspection["kind"] == "photo"
    as_json(inspection)
    describe(inspection)


# Cells a person might type into each kind of table.
CELLS = st.sampled_from(
    [
        "",
        "0",
        "7",
        "1.5",
        "0%",
        "12,5%",
        "-3",
        "99999999999999999999",
        "x",
        "TOTAL",
        "2024-01-01",
        "2024-01-02",
        "Rp. 15.000,-",
        "Rp 100.00,-",
        "75 orang x 4 hari",
        "Selasa, 07 November 2023",
        "11 November 2023 - 06 November 2023",
    ]
)
HEADERS = st.sampled_from(
    [
        "Date,Clicks,Impressions,CTR,Position",
        "Top queries,Clicks,Impressions,CTR,Position",
        "No,Kebutuhan,Qty,Satuan,Harga",
        "No,Tanggal,Kegiatan",
        "Filter,Value",
        "kode,nama,harga,deskripsi,foto",
    ]
)


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    header=HEADERS,
    rows=st.lists(
        st.lists(CELLS, min_size=1, max_size=5).map(",".join), max_size=5
    ),
)
def test_known_headers_with_any_cells(tmp_path, header, rows):
    path = tmp_path / "tabel.csv"
    path.write_text("\n".join([header, *rows]), encoding="utf-8")
    try:
        inspection = inspect_path(path)
    except InputError:
        return
    as_json(inspection)
    describe(inspection)


def test_a_budget_number_too_large_to_hold(tmp_path):
    # Found by fuzzing check: once an OverflowError from deep in pandas.
    path = tmp_path / "rab.csv"
    path.write_text(
        "No,Kebutuhan,Qty,Satuan,Harga\n1,Kopi,1 buah,Rp 5.000,"
        "Rp 99.999.999.999.999.999.999\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError):
        inspect_path(path)


def test_a_data_folder_is_checked_part_by_part():
    inspection = inspect_path(ROOT / "data" / "contoh")

    assert inspection["kind"] == "folder"
    assert [part["kind"] for part in inspection["parts"]] == [
        "class",
        "searchconsole",
        "uptime",
        "products",
    ]
    assert inspection["parts"][2]["path"] == str(
        SAMPLE / "uptime" / "pemantauan.csv"
    )
    # 1,852 clicks, summed from Bagan.csv in the sample-data tests above.
    assert inspection["parts"][1]["totals"]["clicks"] == 1852


def test_the_programme_folder_gives_its_budget_and_journal():
    inspection = inspect_path(ROOT / "data" / "program")

    assert [part["kind"] for part in inspection["parts"]] == [
        "budget",
        "journal",
    ]
    # Budget: No 1 twice and No 6 once; journal: the backwards range once.
    assert len(inspection["problems"]) == 4


def test_a_broken_part_is_named_and_the_others_still_read(tmp_path):
    (tmp_path / "kelas").mkdir()
    (tmp_path / "kelas" / "peserta.csv").write_text(
        "kode,peran,usia,pendidikan\n"
        "P001,anggota,25-34,SMA\n"
        "P001,anggota,25-34,SMA\n",
        encoding="utf-8",
    )
    shutil.copy(ROOT / "data" / "program" / "jurnal.csv", tmp_path)

    inspection = inspect_path(tmp_path)

    broken, journal = inspection["parts"]
    assert broken["path"] == str(tmp_path / "kelas")
    assert "P001" in broken["error"]
    assert journal["kind"] == "journal"
    assert inspection["problems"][0] == broken["error"]


# Uptime logs ------------------------------------------------------------------


def sample_uptime_facts():
    """Rows, failed checks and runs of failures of the sample log, by hand."""
    rows = read_rows(SAMPLE_UPTIME)
    failed = [row["status"] != "200" for row in rows]
    runs = sum(
        1
        for i, down in enumerate(failed)
        if down and (i == 0 or not failed[i - 1])
    )
    return {"rows": len(rows), "failed": sum(failed), "runs": runs}


def test_the_sample_uptime_log():
    facts = sample_uptime_facts()
    inspection = as_json(inspect_path(SAMPLE_UPTIME))

    # 25,632 checks every 5 minutes, 16 of them failed in 5 runs.
    assert facts == {"rows": 25_632, "failed": 16, "runs": 5}
    assert inspection["kind"] == "uptime"
    assert inspection["source"] == "checks"
    # The last check (31 Dec 23:55) speaks for one interval, to 24:00.
    assert inspection["start"] == "2023-10-03T00:00:00+07:00"
    assert inspection["end"] == "2024-01-01T00:00:00+07:00"
    # Each failed check is down until the next check: 16 x 5 = 80 min.
    # Observed: 25,632 x 5 = 128,160 min; 1 - 80 / 128,160 = 0.9993758.
    # Span: 90 days x 1,440 = 129,600 min; the day the monitor was off
    # (1,440 min) is unknown: 128,160 / 129,600 = 0.9888889.
    assert inspection["downtime_minutes"] == pytest.approx(80)
    assert inspection["uptime_pct"] == pytest.approx(100 * (1 - 80 / 128_160))
    assert inspection["coverage_pct"] == pytest.approx(100 * 128_160 / 129_600)
    assert inspection["incidents"] == 5
    assert inspection["problems"] == []
    # MTTR 80 / 5 = 16 min; MTBF: up 128,160 - 80 = 128,080 min / 5 =
    # 25,616 min. Unknown: 129,600 - 128,160 = 1,440 min, all of it the
    # day the monitor was off, 14 Nov 09:00 to 15 Nov 09:00.
    assert inspection["mttr_minutes"] == pytest.approx(16)
    assert inspection["mtbf_minutes"] == pytest.approx(25_616)
    assert inspection["unknown_minutes"] == pytest.approx(1440)
    assert inspection["gaps"] == [
        {
            "monitor": "pemantauan",
            "start": "2023-11-14T09:00:00+07:00",
            "end": "2023-11-15T09:00:00+07:00",
            "minutes": 1440.0,
        }
    ]


def test_describe_the_sample_uptime_log():
    lines = describe(inspect_path(SAMPLE_UPTIME)).splitlines()

    # 99.93758 % -> 99,938%; 98.8889 % -> 98,9%.
    assert lines == [
        f"{SAMPLE_UPTIME}: catatan pemantauan situs (apakah situs hidup, "
        "yaitu bisa dibuka).",
        # The stretch ends at 1 January 00.00: the end of 31 December.
        "Dari 3 Oktober 2023 pukul 00.00 sampai 31 Desember 2023 pukul "
        "24.00. Alat pemantau benar-benar mengecek situs selama 98,9% dari "
        "waktu itu; sisanya tidak diketahui.",
        "Situs hidup (bisa dibuka) 99,938% dari waktu yang dicek. Situs mati "
        "5 kali, total 80 menit.",
        "Waktu terlama yang tidak terpantau: dari 14 November 2023 pukul "
        "09.00 sampai 15 November 2023 pukul 09.00 (1.440 menit). Saat itu "
        "alat pemantau tidak mengecek, jadi tidak diketahui apakah situs "
        "hidup atau mati.",
        "Tidak ada masalah yang ditemukan.",
    ]

    set_language("en")
    lines = describe(inspect_path(SAMPLE_UPTIME)).splitlines()
    assert lines[1] == (
        "From 3 October 2023 at 00.00 to 31 December 2023 at 24.00. The "
        "monitor actually checked the site for 98.9% of that time; the rest "
        "is unknown."
    )
    assert lines[2] == (
        "The site was up (could be opened) 99.938% of the time checked. It "
        "was down 5 times, 80 minutes in all."
    )


def test_an_events_log_ends_with_its_last_event():
    inspection = as_json(inspect_path(UPTIME / "events.csv"))

    # up 00:00:00, down 18:44:02, up 18:44:20; the last up is a moment:
    # span 18 h 44 min 20 s = 67,460 s, 18 s down:
    # 1 - 18 / 67,460 = 0.9997332 -> 99.973 %; 18 s = 0.3 min.
    assert inspection["source"] == "events"
    assert inspection["start"] == "2026-12-03T00:00:00+07:00"
    assert inspection["end"] == "2026-12-03T18:44:20+07:00"
    assert inspection["uptime_pct"] == pytest.approx(100 * (1 - 18 / 67_460))
    assert inspection["coverage_pct"] == pytest.approx(100)
    assert inspection["incidents"] == 1
    assert inspection["downtime_minutes"] == pytest.approx(0.3)

    lines = describe(inspection).splitlines()
    assert lines[2] == (
        "Situs hidup (bisa dibuka) 99,973% dari waktu yang dicek. Situs mati "
        "1 kali, total 0,3 menit."
    )


def test_an_uptime_log_in_another_timezone():
    # The same events, written without a zone, read as UTC: 00:00 UTC is
    # shown with its offset, +00:00; the figures do not change.
    inspection = as_json(inspect_path(UPTIME / "events.csv", timezone="UTC"))

    assert inspection["start"] == "2026-12-03T00:00:00+00:00"
    assert inspection["end"] == "2026-12-03T18:44:20+00:00"
    assert inspection["uptime_pct"] == pytest.approx(100 * (1 - 18 / 67_460))


def test_an_events_day_closed_at_midnight(tmp_path):
    path = tmp_path / "kejadian.csv"
    text = (UPTIME / "events.csv").read_text("utf-8")
    path.write_text(text + "Toko Kue,2026-12-04 00:00:00,up,,\n", "utf-8")

    inspection = inspect_path(path)

    # The last up at 24:00 closes the day: 18 s down of 86,400 s,
    # 1 - 18 / 86,400 = 0.9997917 -> 99.979 %.
    assert inspection["uptime_pct"] == pytest.approx(100 * (1 - 18 / 86_400))
    assert round(inspection["uptime_pct"], 3) == 99.979
    assert inspection["end"] == "2026-12-04T00:00:00+07:00"


def test_a_checks_log_that_also_looks_like_a_journal():
    # Waktu and Keterangan are journal headers too; Status makes it a log.
    inspection = as_json(inspect_path(UPTIME / "checks.csv"))

    # Checks at 14:00 up, 14:05 down, 14:10 503, 14:15 200, 5 min apart;
    # the last speaks for 5 min: span 14:00-14:20 = 20 min, down
    # 14:05-14:15 = 10 min, 10 / 20 = 50 %.
    assert inspection["kind"] == "uptime"
    assert inspection["source"] == "checks"
    assert inspection["end"] == "2026-12-03T14:20:00+07:00"
    assert inspection["uptime_pct"] == pytest.approx(50)
    assert inspection["coverage_pct"] == pytest.approx(100)
    assert inspection["incidents"] == 1
    assert inspection["downtime_minutes"] == pytest.approx(10)


def test_the_kits_own_log_and_its_torn_last_line():
    inspection = as_json(inspect_path(UPTIME / "tokolab_log.csv"))

    # 14:00:05 up, 14:01:05 no answer, 14:02:05 503, 14:03:05 up, a
    # minute apart: span 14:00:05-14:04:05 = 4 min, 2 min down: 50 %.
    assert inspection["source"] == "tokolab"
    assert inspection["uptime_pct"] == pytest.approx(50)
    assert inspection["downtime_minutes"] == pytest.approx(2)
    assert inspection["incidents"] == 1

    torn = as_json(inspect_path(UPTIME / "tokolab_log_torn.csv"))
    # Two whole lines, both up; the cut third line is a problem, row 4.
    assert torn["uptime_pct"] == pytest.approx(100)
    assert torn["incidents"] == 0
    assert len(torn["problems"]) == 1
    assert "baris 4" in torn["problems"][0]
    assert "Situs tidak pernah tercatat mati." in describe(torn)


def test_an_uptime_log_with_only_its_header():
    path = UPTIME / "tokolab_log_header_only.csv"
    inspection = as_json(inspect_path(path))

    # No check: no stretch, no score, nothing down; null in the JSON.
    assert inspection["start"] is None and inspection["end"] is None
    assert inspection["uptime_pct"] is None
    assert inspection["coverage_pct"] is None
    assert inspection["incidents"] == 0
    assert inspection["problems"] == [
        "Catatan ini tidak berisi satu pun hasil cek, jadi tidak bisa "
        "dihitung berapa lama situs hidup."
    ]
    # The kind, then straight to the problem: no period, no score.
    lines = describe(inspection).splitlines()
    assert lines[1:] == [
        "Ada 1 hal yang perlu diperiksa:",
        f"- {inspection['problems'][0]}",
    ]


def test_an_uptime_log_with_a_single_check(tmp_path):
    path = tmp_path / "pantau.csv"
    path.write_text(
        "time,url,status,up,response_ms,reason\n"
        "2026-12-03T14:00:05+07:00,https://kue.example,200,1,231,\n",
        encoding="utf-8",
    )
    inspection = as_json(inspect_path(path))

    # One check says nothing about how long it holds: no 1 January 1970.
    assert inspection["start"] is None and inspection["end"] is None
    assert inspection["uptime_pct"] is None
    assert inspection["problems"] == [
        "Catatan ini baru berisi satu hasil cek. Dari satu cek saja belum "
        "bisa dihitung berapa lama situs hidup. Biarkan alat pemantau "
        "mengecek beberapa kali lagi."
    ]
    assert "1970" not in describe(inspection)


@pytest.mark.parametrize(
    ("name", "column", "found"),
    [
        ("checks_with_problems.csv", "Status", "lambat"),
        ("events_with_problems.csv", "event", "lambat"),
        ("tokolab_log_with_problems.csv", "up", "ya"),
    ],
)
def test_a_broken_uptime_log_gives_the_readers_error(name, column, found):
    with pytest.raises(InputError) as caught:
        inspect_path(UPTIME / name)

    # Row 3: the header is row 1, the broken check the second line below.
    assert caught.value.key == "uptime.bad_cell"
    assert caught.value.row == 3
    assert caught.value.column == column
    assert caught.value.found == found


def test_an_uptimerobot_export_without_a_monitor_column(tmp_path):
    # Once "not recognised"; now read, the monitor named after the file.
    path = tmp_path / "toko-kue.csv"
    path.write_text(
        "Event,Date-Time\nUp,2026-12-03 10:00\nDown,2026-12-03 10:45\n"
        "Up,2026-12-03 10:50\n",
        encoding="utf-8",
    )

    inspection = inspect_path(path)

    # Up 10:00-10:45, down 10:45-10:50: 45 / 50 = 90 %.
    assert inspection["source"] == "uptimerobot"
    assert inspection["monitors"] == ["toko-kue"]
    assert inspection["uptime_pct"] == pytest.approx(90)


def test_an_uptime_log_of_two_sites_keeps_them_apart():
    inspection = as_json(inspect_path(UPTIME / "uptimerobot.csv"))

    # Worked out in test_sections (monitors_table): Oleh-oleh 100 % over
    # 62.5 % of the 1,920 min; Toko Kue 1 - 0.3 / 1,919.333 = 99.98437 %
    # over 1,919.333 / 1,920 = 99.965 %.
    oleh, kue = inspection["per_monitor"]
    assert oleh["monitor"] == "Oleh-oleh Pak Budi"
    assert oleh["uptime_pct"] == pytest.approx(100)
    assert oleh["coverage_pct"] == pytest.approx(62.5)
    assert kue["uptime_pct"] == pytest.approx(100 * (1 - 0.3 / (1919 + 1 / 3)))
    assert kue["coverage_pct"] == pytest.approx(100 * (1919 + 1 / 3) / 1920)
    assert (oleh["incidents"], kue["incidents"]) == (0, 1)

    lines = describe(inspection).splitlines()
    assert lines[3:6] == [
        "Angka di atas menggabungkan 2 situs. Setiap situs sendiri-sendiri:",
        "- Oleh-oleh Pak Budi: hidup 100,000% dari waktu yang dicek, dicek "
        "62,5% dari waktunya, mati 0 kali.",
        "- Toko Kue Bu Sri: hidup 99,984% dari waktu yang dicek, dicek "
        "100,0% dari waktunya, mati 1 kali.",
    ]


def test_a_journal_stays_a_journal():
    inspection = inspect_path(PROGRAM / "jurnal.csv")

    assert inspection["kind"] == "journal"


def test_an_uptime_folder_must_hold_one_log(tmp_path):
    (tmp_path / "uptime").mkdir()
    shutil.copy(UPTIME / "checks.csv", tmp_path / "uptime" / "a.csv")
    shutil.copy(UPTIME / "events.csv", tmp_path / "uptime" / "b.csv")

    inspection = inspect_path(tmp_path)

    assert inspection["parts"] == [
        {"path": str(tmp_path / "uptime"), "error": inspection["problems"][0]}
    ]
    assert "a.csv, b.csv" in inspection["problems"][0]


def test_an_empty_uptime_folder_is_a_problem(tmp_path):
    (tmp_path / "uptime").mkdir()

    inspection = inspect_path(tmp_path)

    assert inspection["problems"] == [
        f"Folder {tmp_path / 'uptime'} harus berisi satu log pemantauan "
        "saja (atau kuma.db dengan satu berkas cadangan JSON-nya), tetapi "
        "berisi: -. Sisakan satu log saja, yang ingin diperiksa."
    ]


def test_an_uptime_folder_with_a_kuma_database_and_its_backup(tmp_path):
    # The report reads this folder; check must read it the same way.
    folder = tmp_path / "uptime"
    folder.mkdir()
    make_kuma(folder / "kuma.db", monitors=False)
    shutil.copy(UPTIME / "kuma_backup.json", folder)

    inspection = as_json(inspect_path(tmp_path))

    (part,) = inspection["parts"]
    assert part["kind"] == "uptime" and part["source"] == "uptimekuma"
    assert part["path"] == str(folder / "kuma.db")
    assert part["monitors"] == ["Oleh-oleh Pak Budi", "Toko Kue Bu Sri"]
    assert part["problems"] == [
        "1 cek saat pemeliharaan (maintenance) tidak dihitung sebagai hidup "
        "atau mati."
    ]


# Product lists and photos -----------------------------------------------------

PRODUCTS = SAMPLE / "produk" / "produk.csv"
PHOTOS = ROOT / "tests" / "fixtures" / "productcatalog"


def test_the_sample_product_list():
    inspection = as_json(inspect_path(PRODUCTS))
    rows = read_rows(PRODUCTS)

    assert inspection["kind"] == "products"
    assert inspection["source"] == str(PRODUCTS)
    assert inspection["marketplace"] == "tokopedia"
    # 12 rows; only SR-07's photo cell is empty.
    assert inspection["products"] == len(rows) == 12
    assert [row["kode"] for row in rows if not row["foto"]] == ["SR-07"]
    assert (inspection["with_photo"], inspection["without_photo"]) == (11, 1)
    # Every photo named is in data/contoh/produk/foto.
    assert inspection["missing_photos"] == []

    # The description check, product by product (as the session 2
    # notebook's tests count them): SR-02 6 exaggeration words; SR-03,
    # SR-06, SR-09, SR-10 one missing fact each; SR-04 one long sentence;
    # SR-07 two terms (PO, COD); SR-11 too long and 7 long sentences.
    # 6 + 4 + 1 + 2 + 1 + 7 = 21 findings in 8 products.
    assert inspection["findings"] == {
        "title_too_long": 0,
        "description_too_long": 1,
        "description_empty": 0,
        "exaggeration": 6,
        "long_sentence": 8,
        "missing_fact": 4,
        "term": 2,
    }
    assert inspection["products_with_findings"] == 8
    # 8 products with findings, and SR-07 without a photo.
    assert len(inspection["problems"]) == 9
    assert inspection["problems"][0] == (
        "Produk SR-02 (Keripik Tempe Pedas 250 g): Temuan: 6 kata berlebihan."
    )
    assert (
        "Produk SR-07 (Strudel Apel) belum punya foto: kolom foto kosong. "
        "Isi dengan nama berkas fotonya, misalnya foto/SR-07.jpg."
    ) in inspection["problems"]


def test_describe_the_sample_product_list():
    lines = describe(inspect_path(PRODUCTS)).splitlines()

    assert lines[0] == f"{PRODUCTS}: daftar produk."
    assert lines[1] == ("12 produk: 11 sudah punya foto, 1 belum punya foto.")
    assert lines[2] == (
        "Pemeriksaan judul dan deskripsi (dengan batas panjang Tokopedia) "
        "menemukan 21 hal pada 8 produk: 1 deskripsi terlalu panjang, 6 "
        "kata berlebihan, 8 kalimat terlalu panjang, 4 fakta belum ada, 2 "
        "istilah perlu dijelaskan. Rinciannya bisa dilihat di notebook sesi "
        "2, praktik deskripsi produk."
    )
    assert lines[3] == "Ada 9 hal yang perlu diperiksa:"


def test_a_product_list_with_a_missing_photo():
    path = PHOTOS / "produk_with_problems.csv"
    inspection = as_json(inspect_path(path))

    # T-02 names tidak_ada.jpg, which is not in the folder; T-05's cell
    # is empty; the other three photos are there (broken or not).
    assert (inspection["with_photo"], inspection["without_photo"]) == (4, 1)
    assert inspection["missing_photos"] == [
        {"code": "T-02", "photo": "tidak_ada.jpg"}
    ]
    assert (
        "Produk T-02 (Sari Apel Uji): foto tidak_ada.jpg tidak ditemukan. "
        "Periksa nama berkasnya di kolom foto (huruf besar dan kecil "
        "dianggap berbeda), atau salin fotonya ke folder "
        f"{PHOTOS}."
    ) in inspection["problems"]

    # Short descriptions: material and shipping missing in all 5; expiry
    # in the 4 foods and drinks; weight where neither the column nor the
    # text has it (T-02, T-05); the price column is there. 5 + 5 + 4 + 2.
    assert inspection["findings"]["missing_fact"] == 16
    assert "1 foto yang tertulis di daftar tidak ditemukan di foldernya." in (
        describe(inspection)
    )


def test_a_folder_holding_a_product_list_is_read_as_one():
    inspection = inspect_path(SAMPLE / "produk")
    assert inspection["kind"] == "products"
    assert inspection["path"] == str(PRODUCTS)


def test_a_product_list_that_breaks_gives_the_readers_error(tmp_path):
    path = tmp_path / "produk.csv"
    path.write_text(
        "kode,nama,harga,deskripsi\nSR-01,Keripik,Rp 25.00,Renyah.\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        inspect_path(path)
    assert caught.value.key == "products.malformed_price"
    assert "baris 2" in str(caught.value)


def test_the_data_folder_has_a_products_part():
    inspection = inspect_path(SAMPLE)
    products = inspection["parts"][3]
    assert products["kind"] == "products"
    assert products["path"] == str(PRODUCTS)


def test_a_products_part_without_its_list(tmp_path):
    (tmp_path / "produk" / "foto").mkdir(parents=True)
    (tmp_path / "produk" / "daftar.csv").write_text("kode\n", "utf-8")

    (part,) = inspect_path(tmp_path)["parts"]
    assert part["path"] == str(tmp_path / "produk")
    assert part["error"] == (
        f"Folder produk {tmp_path / 'produk'} tidak berisi daftar produk "
        "produk.csv. Isi folder: daftar.csv, foto. Simpan daftar produk di "
        "folder itu dengan nama produk.csv, atau tulis langsung lokasi "
        "berkas daftar produknya."
    )


def test_an_upright_photo_that_is_not_square():
    path = PHOTOS / "tegak_300x900.jpg"
    inspection = as_json(inspect_path(path))

    # 300 x 900 and 6,278 bytes (fixtures README); no EXIF.
    assert inspection["kind"] == "photo"
    assert inspection["source"] == str(path)
    assert (inspection["format"], inspection["width"]) == ("JPEG", 300)
    assert (inspection["height"], inspection["bytes"]) == (900, 6278)
    assert inspection["orientation"] is None
    assert inspection["limits"] == {
        "min_side": 500,
        "max_side": 1024,
        "max_bytes": 300_000,
    }
    # 900 is within 500-1024 and 6,278 bytes within 300,000; not square.
    assert (inspection["square"], inspection["meets_limits"]) == (False, False)
    made = inspection["square_photo"]
    # The longer side, 900, kept; three flat bands fit 300 kB at the
    # first quality tried, 90.
    assert (made["side"], made["scaled"], made["quality"]) == (900, "none", 90)
    assert (made["rotated"], made["transparent"]) == (False, False)
    assert made["bytes"] <= 300_000
    assert inspection["problems"] == [
        "Foto belum persegi: 300 x 900 piksel. Marketplace menampilkan foto "
        "produk sebagai persegi, jadi buat persegi dulu, seperti di notebook "
        "sesi 2."
    ]


def test_a_photo_stored_on_its_side():
    inspection = inspect_path(PHOTOS / "miring_exif6.jpg")

    # Stored 90 x 60 with Orientation 6: upright 60 x 90, longest side 90,
    # so the square is raised to 500.
    assert (inspection["width"], inspection["height"]) == (90, 60)
    assert inspection["orientation"] == 6
    assert inspection["square_photo"]["side"] == 500
    assert inspection["square_photo"]["rotated"] is True
    assert inspection["square_photo"]["scaled"] == "up"
    assert inspection["problems"][0].startswith(
        "Foto belum persegi: 60 x 90 piksel."
    )
    assert inspection["problems"][1] == (
        "Sisi terpanjang foto hanya 90 piksel, kurang dari 500 piksel. Foto "
        "harus diperbesar dan bisa tampak buram. Kalau ada, pakai foto asli "
        "yang lebih besar."
    )
    lines = describe(inspection).splitlines()
    assert lines[1] == "Foto JPEG, 90 x 60 piksel, 1 kB."
    assert lines[2].startswith("Foto ini tersimpan miring.")


def test_a_transparent_png():
    inspection = inspect_path(PHOTOS / "transparan.png")
    # 40 x 40: square, but its side is under 500.
    assert (inspection["format"], inspection["square"]) == ("PNG", True)
    assert inspection["meets_limits"] is False
    assert inspection["square_photo"]["transparent"] is True
    assert len(inspection["problems"]) == 1


def test_a_photo_ready_for_a_marketplace(tmp_path):
    from PIL import Image

    path = tmp_path / "siap.jpg"
    Image.new("RGB", (600, 600), (250, 240, 220)).save(path, quality=90)
    inspection = inspect_path(path)

    # 600 x 600: square, 500 <= 600 <= 1024, one flat colour far under
    # 300 kB.
    assert inspection["meets_limits"] is True
    assert inspection["problems"] == []
    assert inspection["square_photo"]["side"] == 600
    lines = describe(inspection).splitlines()
    assert "Foto ini sudah memenuhi batas itu dan siap diunggah." in lines
    assert lines[-1] == "Tidak ada masalah yang ditemukan."


def test_a_photo_is_recognised_by_its_bytes_without_a_suffix(tmp_path):
    path = tmp_path / "unduhan"
    path.write_bytes((PHOTOS / "tegak_300x900.jpg").read_bytes())
    assert inspect_path(path)["kind"] == "photo"


def test_a_photo_too_busy_for_the_byte_limit_is_a_problem(monkeypatch):
    import tokolab.inspection as inspection_module
    from tokolab.productcatalog import square_photo

    # A limit of 1,000 bytes: no 900 x 900 JPEG fits it.
    monkeypatch.setattr(
        inspection_module,
        "square_photo",
        lambda path: square_photo(path, max_bytes=1000),
    )
    inspection = inspect_path(PHOTOS / "tegak_300x900.jpg")
    assert inspection["square_photo"] is None
    assert inspection["problems"][0].startswith(
        f"Foto {PHOTOS / 'tegak_300x900.jpg'} tetap terlalu besar untuk "
        "batas 1 kB"
    )


@pytest.mark.parametrize(
    ("name", "key", "found"),
    [
        # Cut after 3,139 of 6,278 bytes.
        (
            "tegak_300x900_with_problems.jpg",
            "productcatalog.photo_damaged",
            "berkasnya terpotong, hanya 3.139 bita yang ada",
        ),
        (
            "transparan_with_problems.png",
            "productcatalog.not_a_photo",
            "tulisan biasa (teks)",
        ),
    ],
)
def test_a_broken_photo_gives_the_catalogs_sentence(name, key, found):
    path = PHOTOS / name
    with pytest.raises(InputError) as caught:
        inspect_path(path)
    assert caught.value.key == key
    assert str(caught.value.found) == found
    assert str(path) in str(caught.value)
    # Never the advice to save a photo as CSV.
    assert "CSV" not in str(caught.value)


def test_an_iphone_photo_gets_the_heic_advice(tmp_path):
    path = tmp_path / "IMG_0001.HEIC"
    path.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic")
    with pytest.raises(InputError) as caught:
        inspect_path(path)
    assert caught.value.key == "productcatalog.heic_photo"
    assert "Paling Kompatibel" in str(caught.value)


def test_a_photo_of_108_megapixels_says_its_size(tmp_path):
    from test_productcatalog import png_header

    path = tmp_path / "besar.png"
    path.write_bytes(png_header(12_000, 9_000))
    with pytest.raises(InputError) as caught:
        inspect_path(path)
    assert caught.value.key == "productcatalog.photo_too_large"
    # 12,000 x 9,000 = 108,000,000 pixels.
    assert "12.000 x 9.000 piksel (108 juta piksel)" in str(caught.value)


def test_a_photo_described_in_english():
    set_language("en")
    lines = describe(inspect_path(PHOTOS / "tegak_300x900.jpg")).splitlines()
    assert lines[1] == "A JPEG photo, 300 x 900 pixels, 6 kB."
    assert lines[2] == (
        "The kit's photo limits: square (equal sides), a side of 500 to "
        "1,024 pixels, a file of at most 300 kB."
    )


def test_the_sample_log_cut_mid_line_is_read_with_a_note(tmp_path):
    # The first 100,000 bytes of the sample end inside a line.
    cut = SAMPLE_UPTIME.read_bytes()[:100_000]
    path = tmp_path / "pemantauan.csv"
    path.write_bytes(cut)

    inspection = inspect_path(path)
    assert inspection["kind"] == "uptime"
    # The torn line is the one after the last newline.
    row = cut.count(b"\n") + 1
    assert inspection["problems"] == [
        f"Berkas {path}, baris {row}: baris terakhir terpotong (berkasnya "
        "berakhir di tengah baris, misalnya karena disalin saat alat "
        "pemantau masih menulis), jadi baris itu tidak dihitung."
    ]


# --- Google Analytics 4 -------------------------------------------------------


def test_ga4_export_is_recognised_by_its_preamble(fixtures):
    inspection = inspect_path(fixtures / "ga4" / "grand_total.csv")

    # Grand total 1200 = Chrome 900 + Safari 300: dropped after the check.
    assert inspection["kind"] == "ga4"
    assert inspection["property"] == "Toko Kita - GA4"
    assert inspection["period"] == {"start": "2026-03-01", "end": "2026-03-31"}
    assert [table["rows"] for table in inspection["tables"]] == [2]
    assert inspection["totals"] == {"views": 1200}
    assert describe(inspection).splitlines()[1:3] == [
        "Laporan: Traffic acquisition: Session campaign.",
        "Periode: 1 Maret 2026 sampai 31 Maret 2026.",
    ]


def test_ga4_export_with_a_wrong_total_says_so(fixtures):
    # Grand total 1300, but 900 + 300 = 1200: the reader's own error,
    # not "unknown kind".
    with pytest.raises(InputError) as caught:
        inspect_path(fixtures / "ga4" / "grand_total_with_problems.csv")
    assert caught.value.key.startswith("ga4.")


@pytest.mark.realdata
def test_real_ga4_pages_export(realdata):
    folder = realdata / "ga4-en-pages"
    (path,) = folder.glob("*.csv")
    inspection = inspect_path(path)

    # Facts from ../shared/realdata/README.md.
    assert inspection["kind"] == "ga4"
    assert inspection["segment"] == "All Users"
    assert inspection["period"] == {"start": "2026-02-24", "end": "2026-03-23"}
    (table,) = inspection["tables"]
    assert (table["rows"], len(table["columns"])) == (56, 8)
    assert inspection["totals"] == {"views": 779, "active_users": 516}
