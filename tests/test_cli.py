"""The ``tokolab`` command: check and sample-data (report has its own tests).

Each test calls :func:`tokolab.cli.main` with a list of arguments, as the
console script does, and reads what it printed with capsys.
"""

import json
import logging

import pytest

import tokolab.inspection
from kitpaths import ROOT
from test_sample import EXPECTED_FILES
from tokolab.cli import main

PROGRAM = ROOT / "data" / "program"

# What `tokolab sample-data` writes, as tests/test_sample.py lists it.
SAMPLE_FILES = EXPECTED_FILES


def files_under(folder):
    """Relative paths of the files under ``folder``."""
    return sorted(
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file()
    )


# check ----------------------------------------------------------------------


def test_check_json_prints_the_inspection(capsys):
    status = main(["check", str(PROGRAM / "anggaran.csv"), "--json"])
    printed = capsys.readouterr()

    # Eight lines, Rp 3.730.000 both ways, lines 1 and 6 flagged.
    assert status == 0
    assert printed.err == ""
    inspection = json.loads(printed.out)
    assert inspection["kind"] == "budget"
    assert inspection["rows"] == 8
    assert inspection["total_written"] == 3730000
    assert inspection["total_recomputed"] == 3730000
    assert inspection["flagged_rows"] == [1, 6]


def test_check_json_keeps_indonesian_letters_readable(capsys):
    main(["check", str(PROGRAM / "jurnal.csv"), "--json"])
    out = capsys.readouterr().out

    # The problem sentence's en dash is printed as it is, not as \u2013.
    assert json.loads(out)["kind"] == "journal"
    assert "\u2013" in out
    assert "\\u2013" not in out


def test_check_describes_in_indonesian_by_default(capsys):
    path = PROGRAM / "anggaran.csv"
    status = main(["check", str(path)])
    lines = capsys.readouterr().out.splitlines()

    assert status == 0
    assert lines[0] == f"{path}: tabel anggaran (RAB)."
    assert lines[1] == (
        "8 baris anggaran. Total tertulis Rp 3.730.000, "
        "total hitung ulang Rp 3.730.000."
    )
    assert lines[2] == "Ada 3 hal yang perlu diperiksa:"


@pytest.mark.parametrize(
    "arguments",
    [
        ["--lang", "en", "check", "{path}"],
        ["check", "{path}", "--lang", "en"],
        ["check", "--lang=en", "{path}"],
    ],
    ids=["before", "after", "equals"],
)
def test_lang_en_before_or_after_the_subcommand(capsys, arguments):
    path = PROGRAM / "anggaran.csv"
    status = main([a.format(path=path) for a in arguments])
    lines = capsys.readouterr().out.splitlines()

    assert status == 0
    assert lines[0] == f"{path}: a budget table (RAB)."
    assert lines[2] == "Things to look at (3):"


def test_check_a_missing_file_exits_1_without_traceback(capsys, tmp_path):
    path = tmp_path / "tidak-ada.csv"
    status = main(["check", str(path)])
    printed = capsys.readouterr()

    assert status == 1
    assert printed.out == ""
    assert printed.err == (
        f"Berkas {path} tidak ditemukan. Periksa nama berkas dan foldernya.\n"
    )
    assert "Traceback" not in printed.err


def test_check_a_missing_file_in_english(capsys, tmp_path):
    path = tmp_path / "missing.csv"
    status = main(["check", str(path), "--lang", "en"])
    printed = capsys.readouterr()

    assert status == 1
    assert printed.out == ""
    assert printed.err == (
        f"File {path} was not found. Check the file name and its folder.\n"
    )


def test_check_json_reports_an_error_on_standard_output(capsys, tmp_path):
    # A program reading --json gets the error where it reads the answer.
    path = tmp_path / "missing.csv"
    status = main(["check", str(path), "--json", "--lang", "en"])
    printed = capsys.readouterr()

    assert status == 1
    assert printed.err == ""
    assert json.loads(printed.out) == {
        "path": str(path),
        "error": f"File {path} was not found. Check the file name and its "
        "folder.",
    }


def test_check_an_unrecognised_file_exits_1(capsys, tmp_path):
    path = tmp_path / "foto.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    status = main(["check", str(path)])
    printed = capsys.readouterr()

    assert status == 1
    assert printed.out == ""
    assert str(path) in printed.err
    assert "Traceback" not in printed.err


def test_check_the_sample_product_list(capsys):
    path = ROOT / "data" / "contoh" / "produk" / "produk.csv"
    status = main(["check", str(path)])
    lines = capsys.readouterr().out.splitlines()

    # 12 products, SR-07 without a photo (see test_inspection.py).
    assert status == 0
    assert lines[:2] == [
        f"{path}: daftar produk.",
        "12 produk: 11 sudah punya foto, 1 belum punya foto.",
    ]


def test_check_a_photo_as_json(capsys):
    path = ROOT / "tests" / "fixtures" / "productcatalog" / "miring_exif6.jpg"
    status = main(["check", str(path), "--json"])
    inspection = json.loads(capsys.readouterr().out)

    # Stored 90 x 60, 1,015 bytes, EXIF Orientation 6 (fixtures README).
    assert status == 0
    assert inspection["kind"] == "photo"
    assert (inspection["width"], inspection["height"]) == (90, 60)
    assert (inspection["bytes"], inspection["orientation"]) == (1015, 6)


def test_check_a_cut_photo_exits_1_with_the_catalogs_sentence(capsys):
    path = (
        ROOT
        / "tests"
        / "fixtures"
        / "productcatalog"
        / "tegak_300x900_with_problems.jpg"
    )
    status = main(["check", str(path)])
    printed = capsys.readouterr()

    assert status == 1
    assert printed.err == (
        f"Foto {path} rusak: berkasnya terpotong, hanya 3.139 bita yang ada. "
        "Yang diharapkan: foto yang utuh. Salin ulang foto itu dari HP atau "
        "kamera, lalu coba lagi.\n"
    )


def test_a_bug_is_one_sentence_too(capsys, monkeypatch):
    def broken(path, timezone):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(tokolab.inspection, "inspect_path", broken)
    status = main(["check", str(PROGRAM / "anggaran.csv")])
    printed = capsys.readouterr()

    assert status == 1
    assert "Traceback" not in printed.err
    assert printed.err.startswith(
        "Maaf, tokolab mengalami kesalahan yang tidak terduga "
        "(ZeroDivisionError: division by zero)."
    )


def test_a_bug_with_v_logs_its_traceback(capsys, caplog, monkeypatch):
    def broken(path, timezone):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(tokolab.inspection, "inspect_path", broken)
    with caplog.at_level(logging.INFO, logger="tokolab"):
        status = main(["check", "-v", str(PROGRAM / "anggaran.csv")])

    assert status == 1
    (record,) = [r for r in caplog.records if r.exc_info]
    assert record.exc_info[0] is ZeroDivisionError


def test_an_unknown_language_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--lang", "fr", "check", str(PROGRAM / "anggaran.csv")])
    assert stopped.value.code == 2
    assert "fr" in capsys.readouterr().err


@pytest.mark.parametrize("jobs", ["0", "-2", "dua"])
def test_report_jobs_must_be_one_or_more(capsys, jobs):
    with pytest.raises(SystemExit) as stopped:
        main(["report", "--jobs", jobs])
    assert stopped.value.code == 2
    assert f"harus bilangan bulat 1 atau lebih, bukan '{jobs}'" in (
        capsys.readouterr().err
    )


def test_a_subcommand_is_required(capsys):
    with pytest.raises(SystemExit) as stopped:
        main([])
    assert stopped.value.code == 2


def test_help_follows_the_language(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--lang", "en", "--help"])
    assert stopped.value.code == 0
    out = capsys.readouterr().out
    assert "Online shop training kit" in out
    assert "check one file or folder" in out


# sample-data ----------------------------------------------------------------


def test_sample_data_writes_the_sample_folder(capsys, tmp_path):
    folder = tmp_path / "contoh"
    status = main(["sample-data", "--folder", str(folder)])
    printed = capsys.readouterr()

    assert status == 0
    assert files_under(folder) == SAMPLE_FILES
    assert printed.out == f"Data contoh sintetis sudah ditulis ke {folder}.\n"

    # The folder it wrote is its own: writing again is allowed.
    assert main(["sample-data", "--folder", str(folder), "--lang", "en"]) == 0
    assert capsys.readouterr().out == (
        f"Synthetic sample data written to {folder}.\n"
    )


def test_sample_data_with_the_same_seed_gives_the_same_bytes(tmp_path):
    first, second = tmp_path / "satu", tmp_path / "dua"
    main(["sample-data", "--folder", str(first), "--seed", "7"])
    main(["sample-data", "--folder", str(second), "--seed", "7"])

    for name in SAMPLE_FILES:
        assert (first / name).read_bytes() == (second / name).read_bytes()


def test_sample_data_refuses_a_folder_of_real_files(capsys, tmp_path):
    # A tutor's own attendance file, where the sample would write one.
    folder = tmp_path / "kelas-saya"
    (folder / "kelas").mkdir(parents=True)
    real = folder / "kelas" / "kehadiran.csv"
    real.write_text("kode,sesi,hadir\nA01,1,1\n", encoding="utf-8")

    status = main(["sample-data", "--folder", str(folder)])
    printed = capsys.readouterr()

    # Refused in one sentence; nothing written, nothing overwritten.
    assert status == 1
    assert printed.out == ""
    assert printed.err.startswith(f"Folder {folder} sudah berisi ")
    assert "Traceback" not in printed.err
    assert real.read_text(encoding="utf-8") == "kode,sesi,hadir\nA01,1,1\n"
    assert files_under(folder) == ["kelas/kehadiran.csv"]


# --timezone (uptime logs) -----------------------------------------------------

UPTIME = ROOT / "tests" / "fixtures" / "uptime"


def test_check_reads_an_uptime_log_in_the_zone_given(capsys):
    status = main(
        [
            "check",
            str(UPTIME / "events.csv"),
            "--json",
            "--timezone",
            "Asia/Makassar",
        ]
    )
    printed = json.loads(capsys.readouterr().out)

    # Written 00:00:00 without a zone, read as WITA: +08:00.
    assert status == 0
    assert printed["start"] == "2026-12-03T00:00:00+08:00"


def test_check_refuses_an_unknown_timezone(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["check", str(UPTIME / "events.csv"), "--timezone", "WIB+1"])
    printed = capsys.readouterr()

    assert stopped.value.code == 2
    assert "Zona waktu 'WIB+1' tidak dikenal." in printed.err
    assert "Traceback" not in printed.err


def test_report_passes_the_timezone_on(capsys, monkeypatch, tmp_path):
    import tokolab.reports

    given = {}

    def write_reports(**options):
        given.update(options)
        return tokolab.reports.ReportRun(output=tmp_path)

    monkeypatch.setattr(tokolab.reports, "write_reports", write_reports)
    status = main(["report", "--quiet", "--timezone", "Asia/Jayapura"])

    assert status == 0
    assert given["timezone"] == "Asia/Jayapura"
