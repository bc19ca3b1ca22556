"""The parts of the reports: tables and charts in the reader's language.

Every value checked here was worked out by hand on a tiny input built in
the test (the arithmetic is in the comments), or counted from the committed
files with the csv and tomllib modules, not with tokolab's readers.
"""

import csv
import math
import shutil
import tomllib
import zipfile
from datetime import date, datetime

import pandas as pd
import pytest
from matplotlib.dates import num2date
from matplotlib.figure import Figure

from kitpaths import ROOT
from test_uptime import make_kuma
from tokolab import sections, set_language, uptimestats
from tokolab.budget import audit_budget, read_budget
from tokolab.classrecords import ClassRecords, read_class_records
from tokolab.errors import InputError
from tokolab.journal import read_journal
from tokolab.searchconsole import SearchConsoleExport, read_search_console
from tokolab.syllabus import read_syllabus
from tokolab.uptime import read_uptime

SAMPLE = ROOT / "data" / "contoh"
PROGRAM = ROOT / "data" / "program"

PARTICIPANTS_CSV = """kode,peran,usia,pendidikan
P001,anggota,25-34,SMA
P002,pengurus,45-54,S1
P003,anggota,55-65,SMP
"""

# Session 1: P001 and P002 came, P003 did not. Session 2: all three came.
ATTENDANCE_CSV = """kode,sesi,hadir
P001,1,1
P002,1,1
P003,1,0
P001,2,1
P002,2,1
P003,2,1
"""

# Session 1 pairs: P001 40 -> 70 (+30), P002 55 -> 50 (-5). P003 took
# only the pre quiz, so is not compared. Session 2 has no scores.
SCORES_CSV = """kode,sesi,tes,nilai
P001,1,pre,40
P001,1,post,70
P002,1,pre,55
P002,1,post,50
P003,1,pre,30
"""

# Six queries, each with the group its average position rounds to
# (halves up): clicks / impressions by hand.
#   group 1:     1.2 and 1.4   (30 + 10) / (100 + 50) = 40 / 150
#   group 3:     2.5           6 / 60 = 0.1
#   group 11-20: 10.5 and 14.0 (2 + 1) / (40 + 60) = 3 / 100 = 0.03
#   group 21+:   33.3          0 / 25 = 0
QUERIES = pd.DataFrame(
    {
        "query": [
            "sari rasa",
            "toko sari rasa",
            "keripik tempe malang",
            "oleh oleh malang",
            "keripik tempe",
            "oleh oleh",
        ],
        "clicks": [30, 10, 6, 2, 1, 0],
        "impressions": [100, 50, 60, 40, 60, 25],
        "ctr": [0.3, 0.2, 0.1, 0.05, 1 / 60, 0.0],
        "position": [1.2, 1.4, 2.5, 10.5, 14.0, 33.3],
    }
)


@pytest.fixture
def class_records(tmp_path):
    """Three participants, two sessions of attendance, one of quizzes."""
    folder = tmp_path / "kelas"
    folder.mkdir()
    (folder / "peserta.csv").write_text(PARTICIPANTS_CSV, encoding="utf-8")
    (folder / "kehadiran.csv").write_text(ATTENDANCE_CSV, encoding="utf-8")
    (folder / "nilai.csv").write_text(SCORES_CSV, encoding="utf-8")
    return read_class_records(folder)


@pytest.fixture
def syllabus_file():
    """The committed syllabus, read with tomllib alone."""
    with open(ROOT / "course" / "silabus.toml", "rb") as stream:
        return tomllib.load(stream)


def query_export(queries):
    """An export holding only a query table."""
    return SearchConsoleExport(
        source="test", language="id", tables={"queries": queries}
    )


def read_rows(path):
    """The rows of a CSV file as dicts, with the csv module."""
    with open(path, newline="", encoding="utf-8-sig") as stream:
        return list(csv.DictReader(stream))


def bars(figure):
    """The bars drawn on a figure's only axes."""
    (axes,) = figure.axes
    return axes.patches


# Agenda, minutes and schedule --------------------------------------------


def test_agenda_table_lists_session_one_and_totals_180(syllabus_file):
    written = syllabus_file["sesi"][0]["kegiatan"]
    table = sections.agenda_table(read_syllabus().session(1))

    # One row per activity, in the syllabus's order, then the total.
    assert list(table.columns) == ["Waktu", "Kegiatan", "Jenis", "Menit"]
    assert len(table) == len(written) + 1
    assert list(table["Kegiatan"][:-1]) == [a["judul"] for a in written]
    assert list(table["Menit"][:-1]) == [a["menit"] for a in written]
    assert list(table["Jenis"][:-1]) == [a["jenis"] for a in written]

    # The total row: 180 minutes, 09.00-12.00 from end to end.
    assert table.iloc[-1].tolist() == ["", "Jumlah", "", 180]
    assert sum(a["menit"] for a in written) == 180
    assert table["Waktu"].iloc[0].startswith("09.00-")
    assert table["Waktu"].iloc[-2].endswith("-12.00")


def test_agenda_table_times_follow_on_from_each_other():
    table = sections.agenda_table(read_syllabus().session(1))

    # Each activity starts when the one before it ends.
    times = [cell.split("-") for cell in table["Waktu"][:-1]]
    for (_, end), (start, _) in zip(times, times[1:], strict=False):
        assert start == end


def test_agenda_table_in_english():
    set_language("en")
    table = sections.agenda_table(read_syllabus().session(1))

    assert list(table.columns) == ["Time", "Activity", "Kind", "Minutes"]
    assert set(table["Kind"][:-1]) == {"theory", "practice"}
    assert table.iloc[-1].tolist() == ["", "Total", "", 180]


def test_minutes_sentence_gives_the_quarter_of_theory():
    session = read_syllabus().session(2)

    # 45 of 180 minutes are theory (25 %), 135 practice (75 %).
    assert sections.minutes_sentence(session) == (
        "Teori 45 menit (25%), praktik 135 menit (75%), seluruhnya 180 menit."
    )
    set_language("en")
    assert sections.minutes_sentence(session) == (
        "Theory 45 minutes (25%), practice 135 minutes (75%), "
        "180 minutes in all."
    )


def test_session_heading_names_the_day_in_indonesian(syllabus_file):
    heading = sections.session_heading(read_syllabus().session(1))

    # 1 January 2024 was a Monday (Senin).
    title = syllabus_file["sesi"][0]["judul"]
    assert heading.startswith(f"# Sesi 1: {title}\n\n")
    assert "Senin, 1 Januari 2024, pukul 09.00-12.00 WIB." in heading
    for objective in syllabus_file["sesi"][0]["tujuan"]:
        assert f"- {objective}" in heading


def test_session_heading_in_english():
    set_language("en")
    heading = sections.session_heading(read_syllabus().session(4))

    # 4 January 2024 was a Thursday.
    assert heading.startswith("# Session 4: ")
    assert "Thursday, 4 January 2024, 09.00-12.00 WIB" in heading


def test_schedule_table_has_four_mornings():
    table = sections.schedule_table(read_syllabus())

    # 1-4 January 2024: Monday to Thursday; 45 + 135 minutes each.
    assert list(table["Sesi"]) == [1, 2, 3, 4]
    assert list(table["Tanggal"]) == [
        "Senin, 1 Januari 2024",
        "Selasa, 2 Januari 2024",
        "Rabu, 3 Januari 2024",
        "Kamis, 4 Januari 2024",
    ]
    assert set(table["Waktu"]) == {"09.00-12.00"}
    assert list(table["Teori (menit)"]) == [45] * 4
    assert list(table["Praktik (menit)"]) == [135] * 4


# Attendance and quizzes ---------------------------------------------------


def test_attendance_sentence_counts_by_hand(class_records):
    # Session 1: 2 of 3 came, 2 / 3 = 66.67 % -> 66,7%.
    assert sections.attendance_sentence(class_records, 1) == (
        "Hadir 2 dari 3 peserta (66,7%)."
    )
    # Session 2: 3 of 3.
    assert sections.attendance_sentence(class_records, 2) == (
        "Hadir 3 dari 3 peserta (100,0%)."
    )


def test_attendance_sentence_in_english(class_records):
    set_language("en")
    assert sections.attendance_sentence(class_records, 1) == (
        "2 of 3 participants attended (66.7%)."
    )


def test_attendance_sentence_for_a_session_not_recorded(class_records):
    assert sections.attendance_sentence(class_records, 3) == (
        "Belum ada catatan kehadiran untuk sesi 3."
    )


def test_attendance_sentence_writes_a_decimal_comma():
    # 6 of 7 present: 85.714... % -> 85,7%.
    attendance = pd.DataFrame(
        {
            "code": [f"P00{i}" for i in range(1, 8)],
            "session": [1] * 7,
            "present": [True] * 6 + [False],
        }
    )
    records = ClassRecords(
        participants=pd.DataFrame({"code": attendance["code"]}),
        attendance=attendance,
        scores=pd.DataFrame(columns=["code", "session", "test", "score"]),
        folder="test",
    )
    assert sections.attendance_sentence(records, 1) == (
        "Hadir 6 dari 7 peserta (85,7%)."
    )


def test_quiz_table_compares_pairs_only(class_records):
    table = sections.quiz_table(class_records, 1)

    # Pairs P001 (40 -> 70) and P002 (55 -> 50); P003's lone pre quiz is
    # left out. Pre mean (40 + 55) / 2 = 47.5; post mean (70 + 50) / 2 =
    # 60; gain (30 - 5) / 2 = 12.5; one of the two improved.
    assert list(table.columns) == ["Ukuran", "Nilai"]
    assert dict(zip(table["Ukuran"], table["Nilai"], strict=True)) == {
        "Peserta yang ikut kedua kuis": "2",
        "Rata-rata kuis awal": "47,5",
        "Rata-rata kuis akhir": "60,0",
        "Rata-rata kenaikan nilai": "12,5",
        "Peserta yang nilainya naik": "1 dari 2",
    }


def test_quiz_table_in_english(class_records):
    set_language("en")
    table = sections.quiz_table(class_records, 1)

    assert dict(zip(table["Measure"], table["Value"], strict=True)) == {
        "Participants who took both quizzes": "2",
        "Mean pre-quiz score": "47.5",
        "Mean post-quiz score": "60.0",
        "Mean gain": "12.5",
        "Participants who improved": "1 of 2",
    }


def test_quiz_table_is_empty_without_scores(class_records):
    assert sections.quiz_table(class_records, 2).empty


def test_quiz_chart_draws_a_line_per_pair_and_the_mean(class_records):
    figure = sections.quiz_chart(class_records, 1)

    # Two pairs, plus the mean line from 47.5 to 60.
    assert isinstance(figure, Figure)
    (axes,) = figure.axes
    assert len(axes.lines) == 3
    mean = axes.lines[-1]
    assert list(mean.get_ydata()) == [47.5, 60.0]
    assert axes.get_title() == "Nilai kuis sesi 1: sebelum dan sesudah"


def test_quiz_chart_is_none_without_pairs(class_records):
    assert sections.quiz_chart(class_records, 2) is None

    # Only pre quizzes in a session: still nothing to compare.
    only_pre = class_records.scores[class_records.scores["test"] == "pre"]
    class_records.scores = only_pre
    assert sections.quiz_chart(class_records, 1) is None


# Search Console -------------------------------------------------------------


def test_ctr_by_position_groups_by_hand():
    curve = sections.ctr_by_position(QUERIES)

    assert list(curve["group"]) == ["1", "3", "11-20", "21+"]
    assert list(curve["clicks"]) == [40, 6, 3, 0]
    assert list(curve["impressions"]) == [150, 60, 100, 25]
    assert list(curve["ctr"]) == pytest.approx([40 / 150, 0.1, 0.03, 0.0])


def test_ctr_by_position_rounds_halves_up():
    # 1.5 -> 2, 2.5 -> 3, 10.5 -> 11 (second page), 20.5 -> 21.
    queries = pd.DataFrame(
        {
            "position": [1.5, 2.5, 10.5, 20.5],
            "clicks": [1, 2, 3, 4],
            "impressions": [10, 10, 10, 10],
        }
    )
    curve = sections.ctr_by_position(queries)
    assert list(curve["group"]) == ["2", "3", "11-20", "21+"]
    assert list(curve["clicks"]) == [1, 2, 3, 4]


def test_ctr_by_position_chart_has_a_bar_per_group():
    figure = sections.ctr_by_position_chart(query_export(QUERIES))

    assert isinstance(figure, Figure)
    heights = [bar.get_height() for bar in bars(figure)]
    assert heights == pytest.approx([40 / 150, 0.1, 0.03, 0.0])


def test_ctr_by_position_chart_is_none_without_queries():
    chart_only = SearchConsoleExport(source="test", language="id", tables={})
    assert sections.ctr_by_position_chart(chart_only) is None
    empty = query_export(QUERIES.iloc[0:0])
    assert sections.ctr_by_position_chart(empty) is None


def test_top_queries_table_orders_by_clicks_then_impressions():
    queries = pd.DataFrame(
        {
            "query": ["a", "b", "c", "d"],
            "clicks": [5, 1200, 5, 0],
            "impressions": [80, 45000, 200, 10],
            "ctr": [5 / 80, 1200 / 45000, 5 / 200, 0.0],
            "position": [4.04, 3.456, 12.0, 50.0],
        }
    )
    table = sections.top_queries_table(query_export(queries), count=3)

    # b (1200 clicks), then c before a (5 clicks each, 200 > 80
    # impressions); d is past the three asked for. CTR 1200 / 45000 =
    # 2.67 % -> 2,7%; 5 / 200 = 2,5%; 5 / 80 = 6.25 % -> 6,2% (half even).
    assert table.values.tolist() == [
        ["b", "1.200", "45.000", "2,7%", "3,5"],
        ["c", "5", "200", "2,5%", "12,0"],
        ["a", "5", "80", "6,2%", "4,0"],
    ]
    assert list(table.columns) == [
        "Kueri (kata yang dicari)",
        "Klik",
        "Tayangan",
        "CTR (klik dibagi tayangan)",
        "Posisi rata-rata",
    ]


def test_top_queries_table_is_empty_without_queries():
    chart_only = SearchConsoleExport(source="test", language="id", tables={})
    assert sections.top_queries_table(chart_only).empty


def test_search_totals_table_on_the_sample_shop():
    export = sections.search_console_export(SAMPLE)
    table = sections.search_totals_table(export)

    # Totals from Bagan.csv with the csv module: every day counts.
    rows = read_rows(SAMPLE / "searchconsole" / "Bagan.csv")
    clicks = sum(int(row["Klik"]) for row in rows)
    impressions = sum(int(row["Tayangan"]) for row in rows)
    position = (
        sum(float(row["Posisi"]) * int(row["Tayangan"]) for row in rows)
        / impressions
    )
    assert (clicks, impressions) == (1852, 53429)

    # 1852 / 53429 = 3.466 % -> 3,47%; the position to one decimal.
    values = dict(zip(table["Ukuran"], table["Nilai"], strict=True))
    assert values == {
        "Periode": "3 Okt 2023 - 31 Des 2023",
        "Klik": "1.852",
        "Tayangan": "53.429",
        "CTR (klik dibagi tayangan)": "3,47%",
        "Posisi rata-rata": f"{position:.1f}".replace(".", ","),
    }


def test_search_totals_table_in_english():
    set_language("en")
    export = sections.search_console_export(SAMPLE)
    values = dict(
        sections.search_totals_table(export)[["Measure", "Value"]].values
    )

    assert values["Period"] == "3 Oct 2023 - 31 Dec 2023"
    assert values["Clicks"] == "1,852"
    assert values["Impressions"] == "53,429"
    assert values["CTR (clicks per impression)"] == "3.47%"


def test_search_totals_table_without_days_or_impressions(tmp_path):
    # A chart with a header only: no period, no totals to show.
    (tmp_path / "Chart.csv").write_text(
        "Date,Clicks,Impressions,CTR,Position", encoding="utf-8"
    )
    export = read_search_console(tmp_path)
    assert sections.search_totals_table(export).empty

    # One day with no impressions: no CTR and no position, not NaN.
    (tmp_path / "Chart.csv").write_text(
        "Date,Clicks,Impressions,CTR,Position\n2024-01-01,0,0,0%,0",
        encoding="utf-8",
    )
    export = read_search_console(tmp_path)
    values = dict(sections.search_totals_table(export).values)
    assert values["CTR (klik dibagi tayangan)"] == "-"
    assert values["Posisi rata-rata"] == "-"
    assert values["Periode"] == "1 Jan 2024 - 1 Jan 2024"


def test_search_console_export_finds_the_folder_or_its_zip(tmp_path):
    # The unzipped sample: Kueri.csv has one row per query.
    export = sections.search_console_export(SAMPLE)
    queries = read_rows(SAMPLE / "searchconsole" / "Kueri.csv")
    assert len(export.tables["queries"]) == len(queries)

    # The same files zipped, alone in data/searchconsole.
    folder = tmp_path / "searchconsole"
    folder.mkdir()
    with zipfile.ZipFile(folder / "unduhan.zip", "w") as archive:
        for path in sorted((SAMPLE / "searchconsole").glob("*.csv")):
            archive.write(path, path.name)
    zipped = sections.search_console_export(tmp_path)
    assert len(zipped.tables["queries"]) == len(queries)
    assert zipped.totals()["clicks"] == 1852

    # Two zips: which one is meant cannot be told, and the tutor is told so.
    (folder / "lain.zip").write_bytes((folder / "unduhan.zip").read_bytes())
    with pytest.raises(InputError) as caught:
        sections.search_console_export(tmp_path)
    assert caught.value.found == "lain.zip, unduhan.zip"


def test_search_console_export_in_a_folder_made_by_extract_all(tmp_path):
    # Windows' "Extract All" puts the CSV files one folder further down.
    extracted = tmp_path / "searchconsole" / "https___sarirasa-Performance"
    shutil.copytree(SAMPLE / "searchconsole", extracted)

    export = sections.search_console_export(tmp_path)

    assert export.totals()["clicks"] == 1852


def test_a_zip_left_in_the_data_folder_is_pointed_at(tmp_path):
    (tmp_path / "searchconsole").mkdir()
    (tmp_path / "unduhan.zip").write_bytes(b"PK")

    with pytest.raises(InputError, match="Pindahkan zip") as caught:
        sections.search_console_export(tmp_path)

    assert caught.value.found == "unduhan.zip"


def test_something_else_in_the_searchconsole_folder_is_named(tmp_path):
    (tmp_path / "searchconsole").mkdir()
    (tmp_path / "searchconsole" / "catatan.txt").write_text("-")

    with pytest.raises(InputError, match="catatan.txt"):
        sections.search_console_export(tmp_path)


def test_data_source_says_when_the_data_is_synthetic(tmp_path):
    # data/contoh/README.md starts with the sample mark; tmp_path has none.
    assert "sintetis" in sections.data_source_sentence(SAMPLE)
    assert sections.data_source_sentence(tmp_path) == (
        f"Data kelas dari folder `{tmp_path}`."
    )


def test_search_console_export_is_none_without_the_folder(tmp_path):
    assert sections.search_console_export(tmp_path) is None


# Budget and journal ---------------------------------------------------------


def write_budget(tmp_path, lines, total):
    """A budget CSV in the programme's layout."""
    path = tmp_path / "anggaran.csv"
    rows = ["No,Kebutuhan,Qty,Satuan,Harga", *lines, f',TOTAL,,,"{total}"']
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return read_budget(path)


TWO_LINES = [
    '1,Snack Peserta,75 orang x 4 hari,"Rp. 8.000,-","Rp. 2.400.000,-"',
    '2,Sertifikat,76 buah,"Rp. 5.000,-","Rp. 380.00,-"',
]


def test_budget_table_recomputes_each_line(tmp_path):
    budget = write_budget(tmp_path, TWO_LINES, "Rp. 2.780.000,-")
    table = sections.budget_table(budget, audit_budget(budget))

    # Line 1: 75 x 4 = 300 x 8.000 = 2.400.000, as written.
    # Line 2: 76 x 5.000 = 380.000; the written 'Rp. 380.00,-' is
    # malformed, so the line needs a look.
    # TOTAL: 2.400.000 + 380.000 = 2.780.000, as written.
    assert list(table.columns) == [
        "No",
        "Kebutuhan",
        "Banyaknya (tertulis)",
        "Harga satuan (tertulis)",
        "Jumlah harga (tertulis)",
        "Hitung ulang",
        "Periksa",
    ]
    assert table.values.tolist() == [
        [
            "1",
            "Snack Peserta",
            "75 orang x 4 hari",
            "Rp. 8.000,-",
            "Rp. 2.400.000,-",
            "Rp 2.400.000",
            "sesuai",
        ],
        [
            "2",
            "Sertifikat",
            "76 buah",
            "Rp. 5.000,-",
            "Rp. 380.00,-",
            "Rp 380.000",
            "perlu diperiksa",
        ],
        ["", "Jumlah", "", "", "Rp. 2.780.000,-", "Rp 2.780.000", "sesuai"],
    ]


def test_budget_table_marks_a_wrong_total(tmp_path):
    # 2.400.000 + 380.000 = 2.780.000, not the written 2.790.000.
    budget = write_budget(tmp_path, TWO_LINES, "Rp. 2.790.000,-")
    table = sections.budget_table(budget, audit_budget(budget))

    assert table.iloc[-1].tolist() == [
        "",
        "Jumlah",
        "",
        "",
        "Rp. 2.790.000,-",
        "Rp 2.780.000",
        "perlu diperiksa",
    ]


def test_budget_table_keeps_sen(tmp_path):
    # 3 x Rp 185.500,50 = Rp 556.501,50: the sen are not rounded away.
    lines = ['1,Kopi,3 bungkus,"Rp185.500,50","Rp 556.501,50"']
    budget = write_budget(tmp_path, lines, "Rp 556.501,50")
    table = sections.budget_table(budget, audit_budget(budget))

    assert list(table["Hitung ulang"]) == ["Rp 556.501,50"] * 2
    assert list(table["Periksa"]) == ["sesuai", "sesuai"]


def test_budget_table_in_english(tmp_path):
    set_language("en")
    budget = write_budget(tmp_path, TWO_LINES, "Rp. 2.780.000,-")
    table = sections.budget_table(budget, audit_budget(budget))

    # Rupiah are written the Indonesian way in both languages.
    assert list(table["Check"]) == ["OK", "needs a look", "OK"]
    assert list(table["Recomputed"]) == [
        "Rp 2.400.000",
        "Rp 380.000",
        "Rp 2.780.000",
    ]
    assert table["Item"].iloc[-1] == "Total"


def test_budget_table_of_the_programme():
    budget = read_budget(PROGRAM / "anggaran.csv")
    table = sections.budget_table(budget, audit_budget(budget))

    # Eight lines and the TOTAL; lines 1 and 6 need a look (issue 2, 3).
    assert len(table) == 9
    looked_at = table.loc[table["Periksa"] == "perlu diperiksa", "No"]
    assert list(looked_at) == ["1", "6"]
    assert table.iloc[-1]["Hitung ulang"] == "Rp 3.730.000"
    assert table.iloc[-1]["Periksa"] == "sesuai"


def test_budget_findings_table_has_one_sentence_per_finding(tmp_path):
    budget = write_budget(tmp_path, TWO_LINES, "Rp. 2.780.000,-")
    findings = sections.budget_findings_table(audit_budget(budget))

    # Only line 2's malformed amount.
    assert list(findings.columns) == ["Temuan"]
    assert len(findings) == 1
    assert findings["Temuan"].iloc[0].startswith("No 2: ")


def test_journal_table_orders_the_programme_journal():
    journal = read_journal(PROGRAM / "jurnal.csv")
    table = sections.journal_table(journal)

    # Six entries; the backwards range (6 November at its earlier end)
    # comes first and is written as read, start first.
    written = [row["Tanggal"] for row in read_rows(PROGRAM / "jurnal.csv")]
    assert sorted(table["Tanggal (tertulis)"]) == sorted(written)
    assert table.iloc[0].tolist() == [
        "11 November 2023 - 06 November 2023",
        "11 November 2023 \u2013 6 November 2023",
        "Penyusunan instrumen observasi dan wawancara",
    ]
    assert table["Tanggal (terbaca)"].iloc[1] == "7 November 2023"


def test_journal_timeline_chart_has_a_bar_per_entry():
    journal = read_journal(PROGRAM / "jurnal.csv")
    figure = sections.journal_timeline_chart(journal)

    # Six bars; only the backwards range in the warning colour (C3), and
    # it spans 6-11 November: 6 days.
    assert isinstance(figure, Figure)
    drawn = bars(figure)
    assert len(drawn) == 6
    colours = [bar.get_facecolor() for bar in drawn]
    assert colours.count(colours[0]) == 1
    assert drawn[0].get_width() == 6
    assert drawn[0].get_x() == pytest.approx(
        (date(2023, 11, 6) - date(1970, 1, 1)).days
    )


def test_journal_timeline_dates_are_written_the_reader_s_way():
    journal = read_journal(PROGRAM / "jurnal.csv")
    # Days since 1970-01-01, as matplotlib counts them: 1 December 2023.
    december = (date(2023, 12, 1) - date(1970, 1, 1)).days

    (axes,) = sections.journal_timeline_chart(journal).axes
    assert axes.xaxis.get_major_formatter()(december) == "1 Des 2023"

    set_language("en")
    (axes,) = sections.journal_timeline_chart(journal).axes
    assert axes.xaxis.get_major_formatter()(december) == "1 Dec 2023"


def test_show_aligns_words_left():
    table = pd.DataFrame(
        {"Kegiatan": ["Praktik", "Diskusi"], "Nilai": ["85,3%", "1.852"]}
    )
    html = sections.show(table).to_html()

    # Words go left, numbers keep their default alignment; no row numbers.
    assert html.count("text-align: left") == 1
    assert "row_heading" not in html


# --- session 4: uptime --------------------------------------------------------

UPTIME = ROOT / "tests" / "fixtures" / "uptime"


def events_day():
    """The events fixture with its last up held until midnight (WIB).

    Up 00:00-18:44:02, down 18:44:02-18:44:20 (18 s), up until 24:00.
    """
    log = read_uptime(UPTIME / "events.csv")
    midnight = pd.Timestamp("2026-12-04 00:00", tz="Asia/Jakarta")
    return log, uptimestats.intervals(log, until=midnight)


def test_uptime_log_is_none_without_the_folder_or_a_file(tmp_path):
    assert sections.uptime_log(tmp_path) is None
    (tmp_path / "uptime").mkdir()
    (tmp_path / "uptime" / ".DS_Store").write_text("x")
    assert sections.uptime_log(tmp_path) is None


def test_uptime_log_reads_the_one_file(tmp_path):
    (tmp_path / "uptime").mkdir()
    shutil.copy(UPTIME / "tokolab_log.csv", tmp_path / "uptime")
    log = sections.uptime_log(tmp_path)
    assert log.format == "tokolab"
    # Four data lines in the fixture.
    assert len(log.checks) == 4


def test_uptime_log_names_several_files(tmp_path):
    folder = tmp_path / "uptime"
    folder.mkdir()
    shutil.copy(UPTIME / "events.csv", folder)
    shutil.copy(UPTIME / "checks.csv", folder)
    with pytest.raises(InputError) as raised:
        sections.uptime_log(tmp_path)
    assert raised.value.key == "uptime.folder_not_one_log"
    assert raised.value.path == str(folder)
    assert "checks.csv, events.csv" in str(raised.value)


def test_uptime_log_reads_a_kuma_database_with_its_backup(tmp_path):
    folder = tmp_path / "uptime"
    folder.mkdir()
    make_kuma(folder / "kuma.db", monitors=False)
    shutil.copy(UPTIME / "kuma_backup.json", folder)

    log = sections.uptime_log(tmp_path)

    # The names come from the backup, not "monitor 1" and "monitor 2".
    assert log.format == "uptimekuma"
    assert log.monitors == ["Oleh-oleh Pak Budi", "Toko Kue Bu Sri"]


def test_uptime_totals_table_of_one_day_with_18_seconds_down():
    set_language("id")
    _, spans = events_day()
    table = sections.uptime_totals_table(uptimestats.uptime_summary(spans))
    values = dict(zip(table["Ukuran"], table["Nilai"], strict=True))
    # 1 - 18 / 86,400 = 0.99979166... -> 99,979 %; the day is all watched.
    # One incident of 18 s = 0.3 min, so downtime and MTTR are 0,3. MTBF:
    # up 86,400 - 18 = 86,382 s = 1,439.7 min over 1 incident.
    assert values == {
        # Ends at midnight: written as the day's 24.00, not 4 Dec 00.00.
        "Periode": "3 Des 2026 00.00 - 3 Des 2026 24.00",
        "Uptime": "99,979%",
        "Cakupan pemantauan": "100,0%",
        "Jumlah gangguan": "1",
        "Lama mati (menit)": "0,3",
        "Rata-rata lama pulih (menit)": "0,3",
        "Rata-rata lama tanpa gangguan (menit)": "1.439,7",
    }


def test_uptime_totals_table_in_english_with_a_gap(tmp_path):
    set_language("en")
    try:
        # Checks every minute 10:00-10:05 and 12:00-12:05, all up: 12 of
        # 126 minutes watched (10:00-12:06) = 9.52... -> 9.5 %, no outage.
        rows = [
            f"2026-12-03T{h}:0{m}:00+07:00,1"
            for h in (10, 12)
            for m in range(6)
        ]
        path = tmp_path / "gap.csv"
        path.write_text("time,up\n" + "\n".join(rows) + "\n", encoding="utf-8")
        spans = uptimestats.intervals(read_uptime(path))
        table = sections.uptime_totals_table(uptimestats.uptime_summary(spans))
        values = dict(zip(table["Measure"], table["Value"], strict=True))
    finally:
        set_language("id")
    assert values["Uptime"] == "100.000%"
    assert values["Monitoring coverage"] == "9.5%"
    assert values["Outages"] == "0"
    assert values["Downtime (minutes)"] == "0.0"
    assert values["Mean time to recover (minutes)"] == "-"
    assert values["Mean time between failures (minutes)"] == "-"


def test_gaps_table_lists_the_longest_unwatched_first(tmp_path):
    set_language("id")
    # Checks every minute; the monitor is off 10:03-10:10 (a gap of 7 min
    # after the 10:03 check speaks for 10:03-10:04: 10:04-10:10 is 6 min
    # unknown) and 10:12-10:14 is within 3 intervals, so it counts. Then
    # off again after 10:15: 10:16-10:30 unknown (14 min).
    minutes = [0, 1, 2, 3, 10, 11, 12, 14, 15, 30, 31]
    rows = [f"2026-12-03T10:{m:02d}:00+07:00,1" for m in minutes]
    path = tmp_path / "gaps.csv"
    path.write_text("time,up\n" + "\n".join(rows) + "\n", encoding="utf-8")
    spans = uptimestats.intervals(read_uptime(path))

    table = sections.gaps_table(spans)

    assert table.to_dict("list") == {
        "Mulai": ["3 Des 2026 10.16.00", "3 Des 2026 10.04.00"],
        "Selesai": ["3 Des 2026 10.30.00", "3 Des 2026 10.10.00"],
        "Lama (menit)": ["14,0", "6,0"],
    }
    assert sections.gaps_table(spans, count=1)["Lama (menit)"].tolist() == [
        "14,0"
    ]


def test_gaps_table_is_empty_when_the_monitor_always_watched():
    _, spans = events_day()
    assert sections.gaps_table(spans).empty


def test_incidents_table_lists_the_longest_first_at_most_ten(tmp_path):
    set_language("id")
    # Checks every minute from 10:00: minute m is down when m is in DOWN.
    # Outages: 10:01-10:02 (1 min), 10:03-10:06 (3 min), then eleven more
    # of 1 min each at 10:07, 10:09, ..., 10:27 (up at 10:28 and on).
    down = {1, 3, 4, 5} | set(range(7, 28, 2))
    rows = [
        f"2026-12-03T10:{m:02d}:00+07:00,{0 if m in down else 1}"
        for m in range(30)
    ]
    path = tmp_path / "many.csv"
    path.write_text("time,up\n" + "\n".join(rows) + "\n", encoding="utf-8")
    spans = uptimestats.intervals(read_uptime(path))
    table = sections.incidents_table(spans)
    # 13 outages, 10 shown: the 3-minute one, then the 1-minute ones in
    # the order of time (10:01, 10:07, 10:09, ..., 10:21).
    assert len(table) == 10
    assert list(table.columns) == [
        "Mulai",
        "Selesai",
        "Lama (menit)",
        "Penyebab",
    ]
    assert table.iloc[0].tolist() == [
        "3 Des 2026 10.03.00",
        "3 Des 2026 10.06.00",
        "3,0",
        "-",
    ]
    assert list(table["Mulai"].str[-8:-3])[1:4] == ["10.01", "10.07", "10.09"]
    assert set(table["Lama (menit)"][1:]) == {"1,0"}


def test_incidents_table_says_the_reason_in_plain_words():
    set_language("id")
    log = read_uptime(UPTIME / "tokolab_log.csv")
    table = sections.incidents_table(uptimestats.intervals(log))
    # Down 14:01:05 (timeout) and 14:02:05 (503) until up at 14:03:05:
    # one outage of 2 minutes, reason of its first check.
    assert len(table) == 1
    assert table["Lama (menit)"].tolist() == ["2,0"]
    assert table["Penyebab"].tolist() == [
        "situs tidak menjawab dalam batas waktu"
    ]


def test_incidents_table_names_the_http_code_and_no_answer(tmp_path):
    set_language("id")
    # Every 5 minutes: 503 at 10:05 (down until 10:10), no answer (0) at
    # 10:15 and 10:20 (down until 10:25).
    path = tmp_path / "cek.csv"
    path.write_text(
        "waktu,status\n"
        "2026-12-03 10:00,200\n2026-12-03 10:05,503\n2026-12-03 10:10,200\n"
        "2026-12-03 10:15,0\n2026-12-03 10:20,0\n2026-12-03 10:25,200\n",
        encoding="utf-8",
    )
    log = read_uptime(path)
    spans = uptimestats.intervals(log)

    table = sections.incidents_table(spans, checks=log.checks)

    # The longest first: 10 minutes without an answer, then 5 with 503.
    assert table["Lama (menit)"].tolist() == ["10,0", "5,0"]
    assert table["Penyebab"].tolist() == [
        "situs tidak menjawab sama sekali",
        "situs menjawab dengan kode kesalahan (error) 503",
    ]
    # Without the checks the code is not known.
    assert sections.incidents_table(spans)["Penyebab"].tolist()[1] == (
        "situs menjawab dengan kode kesalahan (error)"
    )


def test_monitors_table_keeps_two_shops_apart():
    set_language("id")
    log = read_uptime(UPTIME / "uptimerobot.csv")
    spans = uptimestats.intervals(log)

    table = sections.monitors_table(spans)

    # The log runs 2 Dec 12:00 (Toko Kue's first event) to 3 Dec 20:00
    # (Oleh-oleh up at 00:00 for 1,200 min): 32 h = 1,920 min.
    # Oleh-oleh: paused 23:30-00:00 (unknown), up 00:00-20:00 = 1,200
    # min watched, all up: 100 %; 1,200 / 1,920 = 62.5 % coverage.
    # Toko Kue: up 2 Dec 12:00 to 3 Dec 19:15:02, down 18 s, up 19:15:20
    # for 44 min to 19:59:20: 1,919 min 20 s watched of 1,920 min =
    # 99.965 %; uptime 1 - 0.3 / 1,919.333 = 99.98437 %.
    assert table.to_dict("list") == {
        "Yang dipantau": ["Oleh-oleh Pak Budi", "Toko Kue Bu Sri"],
        "Uptime": ["100,000%", "99,984%"],
        "Cakupan pemantauan": ["62,5%", "100,0%"],
        "Jumlah gangguan": ["0", "1"],
        "Lama mati (menit)": ["0,0", "0,3"],
        "Target tertinggi yang tercapai": ["99,9%", "99,9%"],
    }


def test_sla_coverage_note_below_90_percent(tmp_path):
    set_language("id")
    # Checks every minute 10:00-10:05 and 12:00-12:05, all up: 12 of 126
    # minutes watched = 9.52 % -> 9,5 %.
    rows = [
        f"2026-12-03T{h}:0{m}:00+07:00,1" for h in (10, 12) for m in range(6)
    ]
    path = tmp_path / "gap.csv"
    path.write_text("time,up\n" + "\n".join(rows) + "\n", encoding="utf-8")
    summary = uptimestats.uptime_summary(
        uptimestats.intervals(read_uptime(path))
    )

    assert sections.sla_coverage_note(summary) == (
        "Hati-hati: alat pemantau hanya mengecek 9,5% dari waktunya, kurang "
        "dari 90%. Skor ini belum tentu sama dengan keadaan toko sebulan "
        "penuh. Biarkan alat pemantau terus menyala supaya perbandingan "
        "dengan target bisa dipercaya."
    )


def test_sla_coverage_note_is_none_when_well_watched():
    # The events day is watched all the time (100 %).
    _, spans = events_day()
    summary = uptimestats.uptime_summary(spans)
    assert sections.sla_coverage_note(summary) is None
    # Nothing watched at all: the SLA table says so itself.
    empty = uptimestats.uptime_summary(spans.iloc[0:0])
    assert sections.sla_coverage_note(empty) is None


@pytest.mark.parametrize(
    "timezone, label",
    [
        ("Asia/Jakarta", "WIB"),
        ("Asia/Pontianak", "WIB"),
        ("Asia/Makassar", "WITA"),
        ("Asia/Jayapura", "WIT"),
        ("UTC", "UTC"),
    ],
)
def test_zone_label(timezone, label):
    assert sections.zone_label(timezone) == label


def test_incidents_table_names_monitors_and_is_empty_without_outages():
    set_language("en")
    try:
        log = read_uptime(UPTIME / "uptimerobot.csv")
        table = sections.incidents_table(uptimestats.intervals(log))
        _, spans = events_day()
        up_only = spans[spans["state"] == "up"]
        empty = sections.incidents_table(up_only)
    finally:
        set_language("id")
    # One outage: Toko Kue Bu Sri, 07:15:02 PM to 07:15:20 PM, 18 s.
    assert table.iloc[0].tolist() == [
        "Toko Kue Bu Sri",
        "3 Dec 2026 19.15.02",
        "3 Dec 2026 19.15.20",
        "0.3",
        "Connection Timeout",
    ]
    assert empty.empty


def test_daily_uptime_chart_has_a_point_per_day():
    _, spans = events_day()
    figure = sections.daily_uptime_chart(spans)
    assert isinstance(figure, Figure)
    (line,) = figure.axes[0].get_lines()
    # One day, 99.979166... %.
    assert line.get_ydata() == pytest.approx([100 * (1 - 18 / 86400)])
    assert figure.axes[0].get_title() == "Uptime per hari"


def test_daily_uptime_chart_leaves_a_day_without_checks_empty():
    # Hourly checks, all up, on 1 and 3 March; none on 2 March. The
    # 23:00 check of 1 March speaks for one hour, to midnight; then
    # nothing until 3 March 00:00: 2 March is unknown (1,440 min).
    times = [
        pd.Timestamp(f"2026-03-{day:02d} {hour:02d}:00", tz="Asia/Jakarta")
        for day in (1, 3)
        for hour in range(24)
    ]
    checks = pd.DataFrame(
        {
            "monitor": "toko",
            "time": times,
            "up": True,
            "status": "200",
            "response_ms": 100.0,
            "reason": "",
        }
    )
    spans = uptimestats.intervals(checks)

    figure = sections.daily_uptime_chart(spans)

    (axes,) = figure.axes
    (line,) = axes.get_lines()
    # 100 %, nothing, 100 %: the line breaks on 2 March.
    ydata = list(line.get_ydata())
    assert ydata[0] == ydata[2] == 100 and math.isnan(ydata[1])
    # One grey band over the whole of 2 March, named in the legend.
    (band,) = axes.patches
    left, right = band.get_x(), band.get_x() + band.get_width()
    assert num2date(left).replace(tzinfo=None) == datetime(2026, 3, 2)
    assert num2date(right).replace(tzinfo=None) == datetime(2026, 3, 3)
    labels = [text.get_text() for text in axes.get_legend().get_texts()]
    assert labels == ["Uptime", "tidak terpantau"]


def test_daily_uptime_chart_ticks_have_few_decimals():
    set_language("id")
    _, spans = events_day()
    figure = sections.daily_uptime_chart(spans)
    figure.canvas.draw()
    ticks = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    # The one day is at 99.979 %: the axis runs from 99.979 - 0.01 to
    # 100.01 (margin 10 % of the 0.021 below 100, at least 0.01). 100 is
    # written "100%", not "100,000%"; 99.97 needs two decimals; nothing
    # above 100 % is written.
    written = [tick for tick in ticks if tick]
    assert "100%" in written and "99,97%" in written
    assert not any(tick.endswith("0%") and "," in tick for tick in written)
    assert len(set(written)) == len(written)
    values = [float(t.replace(",", ".")[:-1]) for t in written]
    assert max(values) == 100


def test_uptime_log_in_another_timezone(tmp_path):
    folder = tmp_path / "uptime"
    folder.mkdir()
    shutil.copy(UPTIME / "uptimerobot.csv", folder)

    log = sections.uptime_log(tmp_path, timezone="Asia/Makassar")

    # The account writes WITA (UTC+8): 07:15:02 PM stays 19:15:02 WITA,
    # which is 18:15:02 WIB.
    assert log.timezone == "Asia/Makassar"
    down = log.events.loc[log.events["state"] == "down", "time"].iloc[0]
    assert down == pd.Timestamp("2026-12-03 19:15:02", tz="Asia/Makassar")
    assert down == pd.Timestamp("2026-12-03 18:15:02", tz="Asia/Jakarta")


def test_daily_uptime_chart_counts_days_in_the_logs_zone():
    # The events day read as UTC and closed at midnight UTC: one whole
    # UTC day, 1 - 18 / 86,400 -> one point. Counted in WIB it would
    # straddle two days (UTC midnight is 07:00 WIB).
    log = read_uptime(UPTIME / "events.csv", timezone="UTC")
    midnight = pd.Timestamp("2026-12-04 00:00", tz="UTC")
    spans = uptimestats.intervals(log, until=midnight)

    (line,) = sections.daily_uptime_chart(spans).axes[0].get_lines()

    assert list(line.get_ydata()) == pytest.approx([100 * (1 - 18 / 86400)])


def test_daily_uptime_chart_is_none_when_nothing_was_watched():
    _, spans = events_day()
    assert sections.daily_uptime_chart(spans.iloc[0:0]) is None


def test_response_time_chart_draws_median_and_p95():
    set_language("en")
    try:
        log = read_uptime(UPTIME / "tokolab_log.csv")
        figure = sections.response_time_chart(log.checks)
    finally:
        set_language("id")
    median, p95 = figure.axes[0].get_lines()
    # Up checks with a time: 231 and 240 ms. Median (231 + 240) / 2 =
    # 235.5; p95 231 + 0.95 x 9 = 239.55.
    assert median.get_ydata() == pytest.approx([235.5])
    assert p95.get_ydata() == pytest.approx([239.55])
    assert [line.get_label() for line in (median, p95)] == ["Median", "p95"]


def test_response_time_chart_is_none_without_timed_checks():
    # An event log has no checks; checks_utc.csv has no response times.
    assert sections.response_time_chart(None) is None
    log = read_uptime(UPTIME / "checks_utc.csv")
    assert sections.response_time_chart(log.checks) is None


def test_sla_section_table_for_one_day_with_18_seconds_down():
    set_language("id")
    _, spans = events_day()
    sla = uptimestats.sla_table(uptimestats.uptime_summary(spans))
    table = sections.sla_section_table(sla)
    # Allowed per 30-day month, 43,200 minutes: 1 % = 432, 0.5 % = 216,
    # 0.1 % = 43.2. 99.979 % reaches all three.
    assert table.to_dict("list") == {
        "Target uptime": ["99%", "99,5%", "99,9%"],
        "Boleh mati per bulan (menit)": ["432,0", "216,0", "43,2"],
        "Tercapai?": ["ya", "ya", "ya"],
    }


def test_sla_section_table_in_english_when_missed():
    set_language("en")
    try:
        log = read_uptime(UPTIME / "checks.csv")
        summary = uptimestats.uptime_summary(uptimestats.intervals(log))
        table = sections.sla_section_table(uptimestats.sla_table(summary))
    finally:
        set_language("id")
    # Up 14:00-14:05 and 14:15-14:20, down 14:05-14:15: 50 %, none met.
    assert table.to_dict("list") == {
        "Uptime target": ["99%", "99.5%", "99.9%"],
        "Downtime allowed per month (minutes)": ["432.0", "216.0", "43.2"],
        "Met?": ["no", "no", "no"],
    }


# --- exercise progress --------------------------------------------------------


def write_progress(folder, code, lines):
    """A progress file as tokolab.progress writes it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"kemajuan-{code}.csv").write_text(
        "participant,question,outcome,time\n"
        + "".join(
            f"{code},{line},2024-01-01T09:30:00+07:00\n" for line in lines
        ),
        encoding="utf-8",
    )


def test_exercise_table_counts_the_class_not_only_who_tried(tmp_path):
    folder = tmp_path / "kemajuan"
    write_progress(folder, "P001", ["sesi1.a,salah", "sesi1.a,benar"])
    write_progress(folder, "P002", ["sesi1.a,salah", "sesi1.b,belum"])
    write_progress(folder, "P003", ["sesi2.c,benar"])

    progress = sections.exercise_progress(tmp_path)
    table = sections.exercise_table(progress, 1, participants=4)

    # sesi1.a: P001 and P002 answered, P001 right: 1 of a class of 4.
    # sesi1.b: P002 only looked (belum): nobody tried, nobody solved.
    assert table.to_dict("list") == {
        "Soal": ["a", "b"],
        "Mencoba": ["2", "0"],
        "Berhasil": ["1", "0"],
        "Bagian kelas yang berhasil": ["25%", "0%"],
    }
    # Session 3 has no line at all.
    assert sections.exercise_table(progress, 3).empty


def test_exercise_progress_missing_folder_or_empty(tmp_path):
    assert sections.exercise_progress(tmp_path) is None
    (tmp_path / "kemajuan").mkdir()
    assert sections.exercise_progress(tmp_path) is None
