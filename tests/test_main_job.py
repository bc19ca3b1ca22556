"""End to end: `tokolab report`, what `make report` runs, on the sample data.

The expected values are counted from the raw files here, with the csv
module, not with tokolab's readers. The job runs from a working folder
outside the project, with relative paths, as a tutor might run it.
"""

import csv
import hashlib
import html
import re
import shutil
from datetime import datetime, timedelta

import pytest

from kitpaths import ROOT
from tokolab.cli import main

DATA = ROOT / "data"
PAGES = ["index", "sesi-1", "sesi-2", "sesi-3", "sesi-4", "program"]


def fingerprint(folder):
    """Every file below ``folder`` with the SHA-256 of its bytes."""
    return {
        path.relative_to(folder): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def page_text(path):
    return html.unescape(path.read_text(encoding="utf-8"))


def table_rows(path):
    """Every table row of a page, as the list of its cells' texts."""
    page = path.read_text(encoding="utf-8")
    return [
        [
            html.unescape(cell)
            for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", page, re.S)
    ]


def present_in_session(folder, session):
    with open(folder / "kelas" / "kehadiran.csv", encoding="utf-8") as f:
        rows = [row for row in csv.DictReader(f) if row["sesi"] == session]
    return sum(row["hadir"] == "1" for row in rows), len(rows)


def quiz_pairs(folder, session):
    """Pre and post scores of the participants who took both quizzes."""
    with open(folder / "kelas" / "nilai.csv", encoding="utf-8") as f:
        rows = [row for row in csv.DictReader(f) if row["sesi"] == session]
    pre = {
        row["kode"]: int(row["nilai"]) for row in rows if row["tes"] == "pre"
    }
    post = {
        row["kode"]: int(row["nilai"]) for row in rows if row["tes"] == "post"
    }
    return [(pre[code], post[code]) for code in sorted(pre.keys() & post)]


@pytest.fixture(scope="module")
def sample_reports(tmp_path_factory):
    """Run the main job once on the sample data; check data/ is untouched.

    It runs from a folder outside the project, writing to a relative path.
    """
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    before = fingerprint(DATA)

    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(elsewhere)
        status = main(["report", "--output", "laporan", "--quiet"])

    assert status == 0
    assert fingerprint(DATA) == before
    return elsewhere / "laporan"


def test_every_page_is_written(sample_reports):
    written = sorted(path.stem for path in sample_reports.iterdir())
    assert written == sorted(PAGES)

    index = page_text(sample_reports / "index.html")
    for page in PAGES[1:]:
        assert f'href="{page}.html"' in index


def test_programme_page_shows_the_budget_audit(sample_reports):
    page = page_text(sample_reports / "program.html")

    # 300.000 + 60.000 + 2.400.000 + 100.000 + 50.000 + 380.000 + 200.000
    # + 240.000 = 3.730.000, written and recomputed alike.
    assert "Total tertulis Rp 3.730.000, hasil hitung ulang Rp 3.730.000" in (
        page
    )
    assert "2 perlu diperiksa (No 1, 6)" in page
    assert "No 1: harga satuan 'Rp 100.00,-' salah tulis" in page
    assert "No 6: jumlah harga 'Rp. 380.00,-' salah tulis" in page

    # The backwards range of the journal is flagged, not swapped.
    assert "'11 November 2023 - 06 November 2023'" in page
    assert "lebih awal dari tanggal mulai" in page


def test_session_page_shows_attendance_counted_by_hand(sample_reports):
    present, enrolled = present_in_session(DATA / "contoh", "3")
    # Counted with awk as well: 57 of 75 came to session 3, 57/75 = 76,0 %.
    assert (present, enrolled) == (57, 75)

    page = page_text(sample_reports / "sesi-3.html")

    assert "Hadir 57 dari 75 peserta (76,0%)." in page


@pytest.mark.parametrize("session", [1, 2, 3, 4])
def test_session_page_shows_its_title_and_minutes(sample_reports, session):
    page = (sample_reports / f"sesi-{session}.html").read_text("utf-8")

    # Every session: 45 of 180 minutes theory (25 %), 135 practice (75 %).
    assert '<html lang="id">' in page
    assert f"<title>Sesi {session}: " in page
    assert (
        "Teori 45 menit (25%), praktik 135 menit (75%), seluruhnya 180 menit."
    ) in page


def test_session_page_shows_quiz_scores_counted_by_hand(sample_reports):
    pairs = quiz_pairs(DATA / "contoh", "3")
    # Counted with awk as well: 50 pairs, pre scores sum to 1375 and post
    # scores to 2525: means 27,5 and 50,5, mean gain 23,0; 46 improved.
    assert len(pairs) == 50
    assert sum(pre for pre, _ in pairs) == 1375
    assert sum(post for _, post in pairs) == 2525
    assert sum(post > pre for pre, post in pairs) == 46

    rows = table_rows(sample_reports / "sesi-3.html")

    assert ["Peserta yang ikut kedua kuis", "50"] in rows
    assert ["Rata-rata kuis awal", "27,5"] in rows
    assert ["Rata-rata kuis akhir", "50,5"] in rows
    assert ["Rata-rata kenaikan nilai", "23,0"] in rows
    assert ["Peserta yang nilainya naik", "46 dari 50"] in rows


def test_session_3_shows_search_console_totals_from_the_chart(sample_reports):
    chart = DATA / "contoh" / "searchconsole" / "Bagan.csv"
    with open(chart, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    clicks = sum(int(row["Klik"]) for row in rows)
    impressions = sum(int(row["Tayangan"]) for row in rows)
    assert (clicks, impressions) == (1852, 53429)

    page = page_text(sample_reports / "sesi-3.html")

    assert "1.852" in page
    assert "53.429" in page
    # 1852 / 53429 = 0.034663...: 3,47 %.
    assert "3,47%" in page
    assert "Search Console" not in page_text(sample_reports / "sesi-1.html")


def uptime_by_hand(path):
    """Uptime [%], coverage [%] and outages of a checks log, by hand.

    Each check speaks for the time until the next one when that comes
    within 3 check intervals (5 minutes here), else for one interval and
    the rest is unknown; the last check speaks for one interval. Up is an
    HTTP code from 200 to 399.
    """
    with open(path, encoding="utf-8") as f:
        rows = sorted(
            (datetime.fromisoformat(row["waktu"]), row["status"])
            for row in csv.DictReader(f)
        )
    every = timedelta(minutes=5)
    up = down = timedelta(0)
    outages, was_up = 0, True
    for (time, status), following in zip(rows, rows[1:] + [None], strict=True):
        gap = every if following is None else following[0] - time
        held = gap if gap <= 3 * every else every
        is_up = 200 <= int(status) < 400
        if is_up:
            up += held
        else:
            down += held
            # A new outage starts at a down check after an up one.
            outages += was_up
        # A gap too long breaks the run: the next down is a new outage.
        was_up = is_up or held < gap
    observed = up + down
    span = rows[-1][0] + every - rows[0][0]
    return 100 * up / observed, 100 * observed / span, outages


def test_session_4_shows_uptime_counted_by_hand(sample_reports):
    log = DATA / "contoh" / "uptime" / "pemantauan.csv"
    uptime, coverage, outages = uptime_by_hand(log)

    rows = table_rows(sample_reports / "sesi-4.html")
    values = {row[0]: row[1] for row in rows if len(row) == 2}
    # Written the Indonesian way: 99,123% and 98,9%.
    written = f"{uptime:.3f}".replace(".", ",") + "%"
    assert values["Uptime"] == written
    assert (
        values["Cakupan pemantauan"]
        == f"{coverage:.1f}".replace(".", ",") + "%"
    )
    assert values["Jumlah gangguan"] == str(outages)


def test_session_1_shows_exercises_solved_counted_by_hand(sample_reports):
    # Question sesi1.kuis_awal.1: who answered it and who got it right,
    # over the 75 participants of peserta.csv.
    tried, solved = set(), set()
    for path in (DATA / "contoh" / "kemajuan").glob("kemajuan-*.csv"):
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row["question"] != "sesi1.kuis_awal.1":
                    continue
                if row["outcome"] in ("salah", "benar"):
                    tried.add(row["participant"])
                if row["outcome"] == "benar":
                    solved.add(row["participant"])
    share = round(100 * len(solved) / 75)

    rows = table_rows(sample_reports / "sesi-1.html")
    assert [
        "kuis_awal.1",
        str(len(tried)),
        str(len(solved)),
        f"{share}%",
    ] in rows
    # Session 3 has no exercise notebooks yet, so no line in the files.
    page = page_text(sample_reports / "sesi-3.html")
    assert "tidak berisi satu pun jawaban latihan sesi ini" in page


def test_another_data_folder_in_english(tmp_path, monkeypatch):
    # A tutor's folder with the same layout but no Search Console export,
    # named relative to where the tutor runs the command.
    data = tmp_path / "kelas-saya"
    shutil.copytree(DATA / "contoh" / "kelas", data / "kelas")
    output = tmp_path / "laporan"
    monkeypatch.chdir(tmp_path)

    status = main(
        ["report", "--data", "kelas-saya", "--output", "laporan", "--quiet"]
        + ["--lang", "en"]
    )

    assert status == 0
    page = page_text(output / "sesi-3.html")
    assert "57 of 75 participants attended (76.0%)." in page
    assert f"There is no Search Console export in {data}" in page
    # The message names the folder the export belongs in.
    assert f"export in {data / 'searchconsole'}. Put one downloaded" in page
    # Nor a monitor log: session 4 says where one belongs.
    page = page_text(output / "sesi-4.html")
    assert f"There is no monitoring log in {data / 'uptime'}." in page
    # Nor progress files: the page says where they belong.
    folder = data / "kemajuan"
    assert f"There are no exercise progress files in {folder}." in page
