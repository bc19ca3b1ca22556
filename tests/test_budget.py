"""Budget tables (RAB): the reader, the audit, and the programme's table."""

import csv
import datetime as dt

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from kitpaths import ROOT
from tokolab import InputError, set_language
from tokolab.budget import (
    COLUMNS,
    FINDING_KINDS,
    BudgetAudit,
    audit_budget,
    parse_quantity,
    read_budget,
)
from tokolab.rupiah import format_rupiah

PROGRAMME_BUDGET = ROOT / "data" / "program" / "anggaran.csv"


@pytest.fixture
def budget_fixtures(fixtures):
    return fixtures / "budget"


# --- the programme's own table ----------------------------------------------


def test_programme_budget_is_transcribed_as_published():
    # The published strings, typos included (DESIGN.md).
    table = read_budget(PROGRAMME_BUDGET)

    assert list(table.columns) == list(COLUMNS)
    assert table["no"].tolist() == [1, 2, 3, 4, 5, 6, 7, 8]
    assert table["item"].tolist() == [
        "Fee Pemateri",
        "Snack Pemateri",
        "Snack Peserta",
        "Snack Panitia",
        "Plakat Pemateri",
        "Sertifikat Pemateri dan Peserta",
        "Transportasi Pemateri",
        "Spanduk 3x1m",
    ]
    assert table["quantity_written"].tolist() == [
        "1 orang",
        "1 orang x 4 hari",
        "75 orang x 4 hari",
        "5 orang x 4 hari",
        "1 buah",
        "76 buah",
        "1 orang x 4 hari",
        "1 buah",
    ]
    assert table["unit_price_written"].tolist() == [
        "Rp 100.00,-",
        "Rp. 15.000,-",
        "Rp. 8.000,-",
        "Rp. 5.000,-",
        "Rp. 50.000,-",
        "Rp. 5.000,-",
        "Rp. 50.000,-",
        "Rp. 240.000,-",
    ]
    assert table["amount_written"].tolist() == [
        "Rp. 300.000,-",
        "Rp. 60.000,-",
        "Rp. 2.400.000,-",
        "Rp. 100.000,-",
        "Rp. 50.000,-",
        "Rp. 380.00,-",
        "Rp. 200.000,-",
        "Rp. 240.000,-",
    ]
    assert table.attrs["total_written"] == "Rp. 3.730.000,-"
    assert table.attrs["total"] == 3_730_000
    assert table.attrs["total_row"] == 10
    assert table.attrs["path"] == str(PROGRAMME_BUDGET)


def test_programme_budget_matches_the_design_document():
    # Every cell of the published table in DESIGN.md, the TOTAL row
    # included, is in anggaran.csv exactly as written there.
    design = ROOT.parent / "shared" / "DESIGN.md"
    if not design.is_file():
        pytest.skip(f"design document not found at {design}")
    text = design.read_text("utf-8").split("Budget table as published")[1]
    published = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in text.split("\n\n")[1].splitlines()
        if not line.startswith("|---")
    ]

    with PROGRAMME_BUDGET.open(encoding="utf-8", newline="") as handle:
        transcribed = list(csv.reader(handle))

    assert transcribed == published


def test_programme_budget_values():
    table = read_budget(PROGRAMME_BUDGET)

    # 1 orang; 1 x 4; 75 x 4; 5 x 4; 1; 76; 1 x 4; 1.
    assert table["quantity"].tolist() == [1, 4, 300, 20, 1, 76, 4, 1]
    assert table["quantity_units"].tolist() == [
        "orang",
        "orang x hari",
        "orang x hari",
        "orang x hari",
        "buah",
        "buah",
        "orang x hari",
        "buah",
    ]
    # Row 1's unit price and row 6's amount are malformed: no value.
    assert table["unit_price"].isna().tolist() == [True] + [False] * 7
    assert table["unit_price"].dropna().tolist() == [
        15_000,
        8_000,
        5_000,
        50_000,
        5_000,
        50_000,
        240_000,
    ]
    assert table["amount"].isna().tolist() == [False] * 5 + [True, False, False]
    assert table["amount"].dropna().tolist() == [
        300_000,
        60_000,
        2_400_000,
        100_000,
        50_000,
        200_000,
        240_000,
    ]


def test_programme_budget_audit():
    audit = audit_budget(read_budget(PROGRAMME_BUDGET))

    # Recomputed line amounts (quantity x unit price where the price is
    # well formed, else the written amount):
    #   1: price 'Rp 100.00,-' malformed -> written          300.000
    #   2: 4 x 15.000                                          60.000
    #   3: 300 x 8.000                                      2.400.000
    #   4: 20 x 5.000                                         100.000
    #   5: 1 x 50.000                                          50.000
    #   6: 76 x 5.000 (written 'Rp. 380.00,-' malformed)      380.000
    #   7: 4 x 50.000                                         200.000
    #   8: 1 x 240.000                                        240.000
    #   300 + 60 + 2.400 + 100 + 50 + 380 + 200 + 240 = 3.730 thousand.
    assert isinstance(audit, BudgetAudit)
    assert audit.total_recomputed == 3_730_000
    assert audit.total_written == 3_730_000
    # The written amounts, row 6 at the 380.000 its line confirms:
    # the same eight numbers, 3.730.000.
    assert audit.sum_written == 3_730_000
    assert audit.lines["recomputed"].tolist() == [
        300_000,
        60_000,
        2_400_000,
        100_000,
        50_000,
        380_000,
        200_000,
        240_000,
    ]
    assert audit.lines["basis"].tolist() == (
        ["written_amount"] + ["quantity_x_unit_price"] * 7
    )

    assert audit.flagged_rows == [1, 6]
    assert audit.consistent_rows == [2, 3, 4, 5, 7, 8]

    findings = audit.findings
    assert list(findings.columns) == ["no", "column", "kind", "message"]
    assert findings[["no", "column", "kind"]].values.tolist() == [
        [1, "unit_price", "malformed"],
        [1, "amount", "mismatch"],
        [6, "amount", "malformed"],
    ]
    messages = findings["message"].tolist()
    assert messages[0] == (
        "No 1: harga satuan 'Rp 100.00,-' salah tulis, setelah titik harus "
        "ada tepat tiga angka. Mungkin maksudnya Rp 100.000 atau Rp 10.000."
    )
    # 1 x 100.000 = 100.000 and 1 x 10.000 = 10.000; neither is 300.000.
    assert messages[1] == (
        "No 1: 1 × Rp 100.000 = Rp 100.000 atau 1 × Rp 10.000 = Rp 10.000, "
        "tetapi jumlah harga tertulis 'Rp. 300.000,-'."
    )
    assert messages[2] == (
        "No 6: jumlah harga 'Rp. 380.00,-' salah tulis, setelah titik harus "
        "ada tepat tiga angka. Mungkin maksudnya Rp 380.000 atau Rp 38.000. "
        "Hitungannya: 76 × Rp 5.000 = Rp 380.000."
    )


def test_programme_budget_summary():
    audit = audit_budget(read_budget(PROGRAMME_BUDGET))

    assert audit.summary() == (
        "8 baris anggaran; 2 perlu diperiksa (No 1, 6). Total tertulis "
        "Rp 3.730.000, hasil hitung ulang Rp 3.730.000."
    )


def test_programme_budget_audit_in_english():
    set_language("en")
    audit = audit_budget(read_budget(PROGRAMME_BUDGET))

    assert audit.findings["message"].tolist()[1] == (
        "No 1: 1 × Rp 100.000 = Rp 100.000 or 1 × Rp 10.000 = Rp 10.000, "
        "but the line amount is written as 'Rp. 300.000,-'."
    )


def test_programme_budget_with_bom_and_semicolons_reads_the_same(tmp_path):
    # The same table as Excel on Windows saves it: BOM, semicolons, CRLF.
    original = read_budget(PROGRAMME_BUDGET)
    text = PROGRAMME_BUDGET.read_text("utf-8")
    semicolons = pd.read_csv(PROGRAMME_BUDGET, dtype=str, keep_default_na=False)
    copy = tmp_path / "anggaran.csv"
    copy.write_bytes(
        b"\xef\xbb\xbf"
        + semicolons.to_csv(
            sep=";", index=False, lineterminator="\r\n"
        ).encode()
    )

    table = read_budget(copy)

    assert text.count("\n") == 10
    pd.testing.assert_frame_equal(table, original)
    assert table.attrs["total_written"] == "Rp. 3.730.000,-"


def test_programme_budget_as_excel_unicode_text_reads_the_same(tmp_path):
    # Excel's "Unicode Text": UTF-16 LE with a BOM, tabs, CRLF.
    original = read_budget(PROGRAMME_BUDGET)
    cells = pd.read_csv(PROGRAMME_BUDGET, dtype=str, keep_default_na=False)
    copy = tmp_path / "anggaran.txt"
    copy.write_bytes(
        "\ufeff".encode("utf-16-le")
        + cells.to_csv(sep="\t", index=False, lineterminator="\r\n").encode(
            "utf-16-le"
        )
    )

    table = read_budget(copy)

    pd.testing.assert_frame_equal(table, original)
    assert table.attrs["total"] == 3_730_000


def test_rows_below_an_excel_sep_line_keep_their_numbers(tmp_path):
    # sep=; is row 1, the header row 2, Teh row 3, Kopi row 4.
    text = (
        "sep=;\r\n"
        "No;Kebutuhan;Qty;Satuan;Harga\r\n"
        "1;Teh;2;Rp 5.000;Rp 10.000\r\n"
        "2;Kopi;{};Rp 6.000;Rp 12.000\r\n"
    )
    clean = write(tmp_path, text.format("2"), name="rab.csv")
    broken = write(tmp_path, text.format("dua"), name="rab_bad.csv")

    assert read_budget(clean)["source_row"].tolist() == [3, 4]
    with pytest.raises(InputError) as caught:
        read_budget(broken)
    assert (caught.value.key, caught.value.row) == ("budget.bad_quantity", 4)


# --- fixtures: clean beside broken ------------------------------------------


def test_volume_satuan_layout(budget_fixtures):
    # Volume | Satuan (unit names) | Harga Satuan (Rp) | Jumlah (Rp).
    table = read_budget(budget_fixtures / "rab_volume_satuan.csv")

    assert table["quantity"].tolist() == [4, 8, 3, 8]
    assert table["quantity_units"].tolist() == [
        "hari",
        "dus x hari",
        "rim",
        "orang x hari",
    ]
    assert table["unit_price"].tolist() == [150_000, 45_000, 52_500, 125_000]
    assert table["amount"].tolist() == [600_000, 360_000, 157_500, 1_000_000]
    assert table.attrs["total"] == 2_117_500

    audit = audit_budget(table)

    # 4 x 150.000 = 600.000; 8 x 45.000 = 360.000; 3 x 52.500 = 157.500;
    # 8 x 125.000 = 1.000.000; sum 2.117.500, as written.
    assert audit.findings.empty
    assert audit.total_recomputed == 2_117_500
    assert audit.flagged_rows == []
    assert audit.consistent_rows == [1, 2, 3, 4]
    assert audit.summary() == (
        "4 baris anggaran; semua baris cocok. Total tertulis Rp 2.117.500, "
        "hasil hitung ulang Rp 2.117.500."
    )


def test_volume_satuan_with_problems(budget_fixtures):
    audit = audit_budget(
        read_budget(budget_fixtures / "rab_volume_satuan_with_problems.csv")
    )

    # 1: 40 x 10.000 = 400.000, as written.
    # 2: 4 x 45.000 = 180.000, written 108.000: mismatch.
    # 3: price 'Rp 1.50,-' malformed (1.500 or 150); 500 x 1.500 = 750.000
    #    as written, so only the price is flagged; counted at 750.000.
    # 4: amount 'Rp 120.00' malformed (120.000 or 12.000); 2 x 60.000 =
    #    120.000 confirms the first.
    # Written sum: 400.000 + 108.000 + 750.000 + 120.000 = 1.378.000.
    # Recomputed:  400.000 + 180.000 + 750.000 + 120.000 = 1.450.000.
    # TOTAL 1.500.000 matches neither.
    assert audit.findings[["no", "column", "kind"]].astype(object).where(
        audit.findings[["no", "column", "kind"]].notna(), None
    ).values.tolist() == [
        [2, "amount", "mismatch"],
        [3, "unit_price", "malformed"],
        [4, "amount", "malformed"],
        [None, "total", "total_vs_written"],
        [None, "total", "total_vs_recomputed"],
    ]
    assert audit.sum_written == 1_378_000
    assert audit.total_recomputed == 1_450_000
    assert audit.total_written == 1_500_000
    assert audit.flagged_rows == [2, 3, 4]
    assert audit.consistent_rows == [1]

    messages = audit.findings["message"].tolist()
    assert messages[0] == (
        "No 2: 4 × Rp 45.000 = Rp 180.000, tetapi jumlah harga tertulis "
        "'Rp 108.000'."
    )
    assert messages[1].endswith(
        "Mungkin maksudnya Rp 1.500 atau Rp 150. Dengan harga Rp 1.500, "
        "hitungannya cocok dengan jumlah harga."
    )
    assert messages[3] == (
        "Baris TOTAL tertulis Rp 1.500.000, tetapi jumlah harga yang "
        "tertulis berjumlah Rp 1.378.000."
    )
    assert messages[4] == (
        "Baris TOTAL tertulis Rp 1.500.000, tetapi hasil hitung ulang "
        "Rp 1.450.000."
    )


def test_semicolon_cp1252_with_title_row(budget_fixtures):
    # Windows-1252, semicolons, a title line, "Rp" + no-break space, "×",
    # and "Jumlah" meaning the quantity beside "Total Harga".
    table = read_budget(budget_fixtures / "rab_titik_koma_cp1252.csv")

    assert table["quantity_written"].tolist()[0] == "10 orang \u00d7 4 hari"
    assert table["quantity"].tolist() == [40, 10, 1]
    assert table["amount"].tolist() == [1_000_000, 175_000, 150_000]
    assert table["source_row"].tolist() == [3, 4, 5]

    audit = audit_budget(table)

    # 40 x 25.000 = 1.000.000; 10 x 17.500 = 175.000; 1 x 150.000;
    # sum 1.325.000, as written.
    assert audit.findings.empty
    assert audit.total_written == 1_325_000


def test_semicolon_cp1252_wrong_total(budget_fixtures):
    audit = audit_budget(
        read_budget(budget_fixtures / "rab_titik_koma_cp1252_wrong_total.csv")
    )

    # Written and recomputed sums agree (1.325.000), the TOTAL says
    # 1.235.000: one finding, no line flagged.
    assert audit.findings["kind"].tolist() == ["total_mismatch"]
    assert audit.findings["message"].tolist() == [
        "Baris TOTAL tertulis Rp 1.235.000, tetapi jumlah semua baris "
        "Rp 1.325.000."
    ]
    assert audit.flagged_rows == []


def test_unreadable_quantity_names_file_row_and_column(budget_fixtures):
    path = budget_fixtures / "rab_bad_quantity.csv"
    with pytest.raises(InputError) as caught:
        read_budget(path)

    error = caught.value
    assert error.key == "budget.bad_quantity"
    assert (error.path, error.row, error.column) == (str(path), 3, "Qty")
    assert (error.expected, error.found) == ("75 orang x 4 hari", "empat dus")
    assert str(error) == (
        f"Berkas {path}, baris 3, kolom Qty: banyaknya 'empat dus' tidak "
        "terbaca. Contoh yang benar: 75 orang x 4 hari."
    )


def test_text_in_a_price_column_names_the_cell(budget_fixtures):
    path = budget_fixtures / "rab_bad_money.csv"
    with pytest.raises(InputError) as caught:
        read_budget(path)

    error = caught.value
    assert error.key == "budget.bad_money"
    assert (error.row, error.column, error.found) == (3, "Satuan", "gratis")


def test_missing_amount_column(budget_fixtures):
    path = budget_fixtures / "rab_missing_columns.csv"
    with pytest.raises(InputError) as caught:
        read_budget(path)

    error = caught.value
    assert error.key == "common.missing_columns"
    assert error.expected == "Jumlah Harga"
    assert error.found == "No, Kebutuhan, Qty, Harga Satuan"


# --- smaller cases, written in the test -------------------------------------


def write(tmp_path, text, name="rab.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_row_numbers_count_blank_lines(tmp_path):
    path = write(
        tmp_path,
        "No,Kebutuhan,Qty,Satuan,Harga\n"
        "1,Teh,2,Rp 5.000,Rp 10.000\n"
        "\n"
        "2,Kopi,dua,Rp 6.000,Rp 12.000\n",
    )
    with pytest.raises(InputError) as caught:
        read_budget(path)

    # Header 1, Teh 2, blank 3, Kopi 4.
    assert caught.value.row == 4


def test_no_header_row(tmp_path):
    path = write(tmp_path, "a,b,c\n1,2,3\n")
    with pytest.raises(InputError) as caught:
        read_budget(path)

    assert caught.value.key == "budget.no_header"
    assert caught.value.found == "a, b, c"


def test_two_columns_for_the_unit_price(tmp_path):
    path = write(
        tmp_path,
        "No,Item,Qty,Satuan,Harga,Jumlah\n"
        "1,Teh,2,Rp 5.000,Rp 5.000,Rp 10.000\n",
    )
    with pytest.raises(InputError) as caught:
        read_budget(path)

    assert caught.value.key == "budget.duplicate_role"
    assert caught.value.found == "Satuan, Harga"
    assert caught.value.expected == "Harga Satuan"


def test_duplicate_line_numbers(tmp_path):
    path = write(
        tmp_path,
        "No,Item,Qty,Harga Satuan,Jumlah Harga\n"
        "1,Teh,2,Rp 5.000,Rp 10.000\n"
        "1,Kopi,2,Rp 6.000,Rp 12.000\n",
    )
    with pytest.raises(InputError) as caught:
        read_budget(path)

    assert caught.value.key == "budget.duplicate_no"
    assert (caught.value.row, caught.value.first_row) == (3, 2)
    assert (caught.value.found, caught.value.expected) == (1, 2)


def test_a_line_number_must_be_a_number(tmp_path):
    path = write(
        tmp_path,
        "No,Item,Qty,Harga Satuan,Jumlah Harga\n"
        "satu,Teh,2,Rp 5.000,Rp 10.000\n",
    )
    with pytest.raises(InputError) as caught:
        read_budget(path)

    assert (caught.value.key, caught.value.row) == ("budget.bad_no", 2)
    assert caught.value.found == "satu"


def test_no_lines(tmp_path):
    path = write(
        tmp_path, "No,Item,Qty,Harga Satuan,Jumlah Harga\n,TOTAL,,,Rp 0\n"
    )
    with pytest.raises(InputError) as caught:
        read_budget(path)

    assert caught.value.key == "budget.no_lines"


@pytest.mark.parametrize(
    ("content", "key"),
    [
        (b"", "common.file_empty"),
        (b"\x00\x01\x02", "common.not_text"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
            "budget.old_excel",
        ),
        (b"PK\x03\x04 not really a workbook", "budget.not_a_workbook"),
    ],
)
def test_files_that_are_no_table(tmp_path, content, key):
    path = tmp_path / "rab.xlsx"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_budget(path)

    assert caught.value.key == key


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError) as caught:
        read_budget(tmp_path / "tidak-ada.csv")
    assert caught.value.key == "common.file_not_found"

    with pytest.raises(InputError) as caught:
        read_budget(tmp_path)
    assert caught.value.key == "common.is_folder"


def test_without_number_column_lines_count_from_one(tmp_path):
    path = write(
        tmp_path,
        "Uraian,Volume,Harga Satuan,Jumlah\n"
        "Teh,2,Rp 5.000,Rp 10.000\n"
        "Kopi,3,Rp 6.000,Rp 18.000\n",
    )

    table = read_budget(path)

    assert table["no"].tolist() == [1, 2]
    assert table.attrs["total_written"] is None
    audit = audit_budget(table)
    # 10.000 + 18.000 = 28.000 recomputed; no TOTAL row to compare.
    assert audit.findings["kind"].tolist() == ["total_missing"]
    assert audit.findings["message"].tolist() == [
        "Tidak ada baris TOTAL. Jumlah hasil hitung ulang: Rp 28.000."
    ]
    assert audit.total_written is None
    assert audit.total_recomputed == 28_000


def test_headings_and_subtotals_are_kept_apart(tmp_path):
    path = write(
        tmp_path,
        "No,Uraian,Volume,Harga Satuan,Jumlah\n"
        "A,Konsumsi,,,\n"
        "1,Teh,2,Rp 5.000,Rp 10.000\n"
        ",Subtotal,,,Rp 10.000\n"
        "B,Cetak,,,\n"
        "2,Modul,3,Rp 6.000,Rp 18.000\n"
        ",TOTAL,,,Rp 28.000\n",
    )

    table = read_budget(path)

    assert table["no"].tolist() == [1, 2]
    assert table.attrs["headings"] == [(2, "Konsumsi"), (5, "Cetak")]
    assert table.attrs["subtotals"] == [(4, "Rp 10.000")]
    assert table.attrs["total"] == 28_000
    assert audit_budget(table).findings.empty


def test_empty_cells_and_lines_that_cannot_be_counted(tmp_path):
    path = write(
        tmp_path,
        "No,Kebutuhan,Qty,Satuan,Harga\n"
        "1,Teh,2 gelas,Rp 5.000,\n"
        "2,Kopi,,Rp 6.000,Rp 12.000\n"
        "3,Gula,1 kg,Rp 1.00,Rp 15.00\n"
        "4,Garam,,,\n"
        ",TOTAL,,,Rp 22.000\n",
    )

    audit = audit_budget(read_budget(path))

    # 1: amount empty; 2 x 5.000 = 10.000 recomputed.
    # 2: quantity empty; the written 12.000 counts.
    # 3: price and amount both malformed: 1 x 1.000 or 1 x 100, against
    #    15.000 or 1.500; nothing fits, nothing can be counted.
    # 4: a numbered line with nothing filled in: every cell missing.
    # Recomputed 10.000 + 12.000 = 22.000; the written sum cannot be made
    # (1 and 4 are empty, 3 unreadable), so the TOTAL is checked only against
    # the recomputed sum, and agrees.
    kinds = audit.findings[["no", "column", "kind"]].astype(object)
    assert kinds.where(kinds.notna(), None).values.tolist() == [
        [1, "amount", "missing"],
        [2, "quantity", "missing"],
        [3, "unit_price", "malformed"],
        [3, "amount", "malformed"],
        [3, "amount", "mismatch"],
        [3, "amount", "not_counted"],
        [4, "quantity", "missing"],
        [4, "unit_price", "missing"],
        [4, "amount", "missing"],
        [4, "amount", "not_counted"],
        [None, "total", "total_unchecked"],
    ]
    assert audit.lines["basis"].tolist() == [
        "quantity_x_unit_price",
        "written_amount",
        "none",
        "none",
    ]
    assert audit.total_recomputed == 22_000
    assert audit.sum_written is None
    assert audit.findings["message"].tolist()[0] == "No 1: jumlah harga kosong."
    # The written amounts of 1 (empty), 3 (unreadable) and 4 (empty) are
    # missing from the written sum; 3 and 4 from the recomputed one.
    assert audit.findings["message"].tolist()[-1] == (
        "Baris TOTAL Rp 22.000 sama dengan hasil hitung ulang, tetapi tidak "
        "bisa dicocokkan dengan jumlah harga yang tertulis, karena jumlah "
        "harga No 1, 3, 4 kosong atau tidak terbaca. Hasil hitung ulang itu "
        "belum termasuk No 3, 4, yang tidak bisa dihitung ulang."
    )


def test_a_total_against_unreadable_amounts_gets_one_statement(tmp_path):
    # Found by a new user: the TOTAL was said to be "tidak bisa
    # dibandingkan" and then compared, in the same audit.
    path = write(
        tmp_path,
        "No,Kebutuhan,Qty,Satuan,Harga\n"
        "1,Snack Peserta,75 orang x 4 hari,Rp 8.000,Rp 2.400.000\n"
        "2,Air mineral,1 dus,Rp 15.000,Rp 15..000\n"
        ",TOTAL,,,Rp 2.600.000\n",
    )

    audit = audit_budget(read_budget(path))

    # 1: 300 x 8.000 = 2.400.000, as written.
    # 2: 'Rp 15..000' has no likely value; 1 x 15.000 = 15.000 recomputed.
    # Recomputed 2.400.000 + 15.000 = 2.415.000; the written sum cannot
    # be made. The TOTAL 2.600.000 against the recomputed sum only.
    kinds = audit.findings[["no", "column", "kind"]].astype(object)
    assert kinds.where(kinds.notna(), None).values.tolist() == [
        [2, "amount", "malformed"],
        [None, "total", "total_vs_recomputed"],
    ]
    assert audit.sum_written is None
    assert audit.total_recomputed == 2_415_000
    assert audit.total_written == 2_600_000
    assert audit.findings["message"].tolist()[1] == (
        "Baris TOTAL tertulis Rp 2.600.000, tetapi hasil hitung ulang "
        "Rp 2.415.000. Jumlah harga yang tertulis tidak bisa dijumlahkan, "
        "karena jumlah harga No 2 kosong atau tidak terbaca."
    )
    assert "tidak bisa dibandingkan" not in " ".join(audit.findings["message"])


def test_a_total_against_a_line_left_out_says_so(tmp_path):
    path = write(
        tmp_path,
        "No,Kebutuhan,Qty,Satuan,Harga\n"
        "1,Teh,2,Rp 5.000,Rp 10.000\n"
        "2,Gula,1 kg,Rp 1.00,Rp 15.00\n"
        ",TOTAL,,,Rp 25.000\n",
    )

    set_language("en")
    audit = audit_budget(read_budget(path))

    # 2: 1 x 1.000 or 1 x 100 against 15.000 or 1.500: nothing fits, the
    # line is not counted. Recomputed 10.000; TOTAL 25.000.
    assert audit.total_recomputed == 10_000
    assert audit.findings["kind"].tolist()[-1] == "total_vs_recomputed"
    assert audit.findings["kind"].tolist().count("total_vs_recomputed") == 1
    assert audit.findings["message"].tolist()[-1] == (
        "The TOTAL row says Rp 25.000, but the recomputed sum is Rp 10.000. "
        "That recomputed sum leaves out No 2, which cannot be recomputed. "
        "The written line amounts cannot be added up, because the line "
        "amount of No 2 is empty or cannot be read."
    )


def test_english_style_amounts_count_at_the_reading_their_line_confirms(
    tmp_path,
):
    path = write(
        tmp_path,
        "No,Kebutuhan,Qty,Satuan,Harga\n"
        '1,Sewa proyektor,1 hari,"Rp 150,000","Rp 150,000"\n'
        "2,Teh,2,Rp 5.000,Rp 10.000\n"
        ",TOTAL,,,Rp 160.000\n",
    )

    audit = audit_budget(read_budget(path))

    # 1: price and amount both English-style, each read as 150.000 only;
    #    1 x 150.000 = 150.000 is that amount, so the line counts at it.
    # 2: 2 x 5.000 = 10.000.
    # Written and recomputed: 150.000 + 10.000 = 160.000 = TOTAL.
    assert audit.lines["recomputed"].tolist() == [150_000, 10_000]
    assert audit.lines["basis"].tolist() == [
        "quantity_x_likely_unit_price",
        "quantity_x_unit_price",
    ]
    assert audit.total_recomputed == 160_000
    assert audit.sum_written == 160_000
    assert audit.findings[["no", "column", "kind"]].values.tolist() == [
        [1, "unit_price", "malformed"],
        [1, "amount", "malformed"],
    ]
    assert audit.findings["message"].tolist()[1] == (
        "No 1: jumlah harga 'Rp 150,000' salah tulis, ditulis cara Inggris: "
        "koma untuk ribuan, titik untuk sen. Mungkin maksudnya Rp 150.000. "
        "Hitungannya: 1 × Rp 150.000 = Rp 150.000."
    )
    assert audit.flagged_rows == [1]


def test_two_readings_that_both_fit_are_not_guessed(tmp_path):
    path = write(
        tmp_path,
        "No,Kebutuhan,Qty,Satuan,Harga\n1,Teh,1,Rp 100.00,Rp 100.00\n",
    )

    audit = audit_budget(read_budget(path))

    # 1 x 100.000 = 100.000 and 1 x 10.000 = 10.000 are both likely
    # amounts: which one was meant, the line cannot tell.
    assert audit.lines["basis"].tolist() == ["none"]
    assert audit.total_recomputed == 0
    assert "not_counted" in audit.findings["kind"].tolist()


def test_negative_amounts_are_flagged_and_still_read(tmp_path):
    path = write(
        tmp_path,
        "No,Kebutuhan,Qty,Satuan,Harga\n"
        "1,Teh,2,Rp 5.000,Rp 10.000\n"
        "2,Kopi,1 kali,Rp 150.000,Rp -150.000\n"
        "3,Gula,2 kg,-Rp 15.000,-Rp 30.000\n"
        ",TOTAL,,,Rp -170.000\n",
    )

    audit = audit_budget(read_budget(path))

    # 2: the amount is negative; 1 x 150.000 = 150.000 is not -150.000.
    # 3: price and amount negative; 2 x -15.000 = -30.000, as written.
    # Written sum 10.000 - 150.000 - 30.000 = -170.000 = TOTAL (negative
    # too); recomputed 10.000 + 150.000 - 30.000 = 130.000.
    kinds = audit.findings[["no", "column", "kind"]].astype(object)
    assert kinds.where(kinds.notna(), None).values.tolist() == [
        [2, "amount", "negative"],
        [2, "amount", "mismatch"],
        [3, "unit_price", "negative"],
        [3, "amount", "negative"],
        [None, "total", "negative"],
        [None, "total", "total_vs_recomputed"],
    ]
    assert audit.sum_written == -170_000
    assert audit.total_recomputed == 130_000
    assert audit.flagged_rows == [2, 3]
    assert audit.findings["message"].tolist()[0] == (
        "No 2: jumlah harga 'Rp -150.000' bernilai minus, padahal isi "
        "anggaran tidak pernah minus. Periksa tanda '-' di depan angkanya."
    )
    assert audit.findings["message"].tolist()[4] == (
        "Baris TOTAL 'Rp -170.000' bernilai minus, padahal anggaran tidak "
        "pernah minus. Periksa tanda '-' di depan angkanya."
    )


def test_malformed_total(tmp_path):
    path = write(
        tmp_path,
        "No,Kebutuhan,Qty,Satuan,Harga\n1,Teh,2,Rp 5.000,Rp 10.000\n"
        ",TOTAL,,,Rp 10.00\n",
    )

    audit = audit_budget(read_budget(path))

    assert audit.total_written is None
    assert audit.findings["kind"].tolist() == ["malformed"]
    assert audit.findings["message"].tolist() == [
        "Baris TOTAL 'Rp 10.00' salah tulis, setelah titik harus ada tepat "
        "tiga angka. Mungkin maksudnya Rp 10.000 atau Rp 1.000. Jumlah hasil "
        "hitung ulang: Rp 10.000."
    ]


def test_amounts_with_sen(tmp_path):
    path = write(
        tmp_path,
        "No,Kebutuhan,Qty,Satuan,Harga\n"
        '1,Ongkir,3 paket,"Rp 12.500,50","Rp 37.501,50"\n'
        ',TOTAL,,,"Rp 37.501,50"\n',
    )

    table = read_budget(path)
    audit = audit_budget(table)

    # 3 x 12.500,50 = 37.501,50.
    assert table["unit_price"].tolist() == [12_500.5]
    assert audit.findings.empty
    assert audit.total_recomputed == 37_501.5


# --- workbooks --------------------------------------------------------------


def make_workbook(path, rows):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_workbook_with_numbers_and_text(tmp_path):
    path = make_workbook(
        tmp_path / "rab.xlsx",
        [
            ["RENCANA ANGGARAN BIAYA"],
            [],
            ["No", "Uraian", "Volume", "Satuan", "Harga Satuan", "Jumlah"],
            [1, "Snack peserta", "75 orang x 4 hari", None, 8000, 2400000],
            [2, "Spanduk", 1, "buah", "Rp 240.000", "Rp 240.000"],
            [3, "Ongkir", 2, "paket", 12500.5, 25001],
            [None, "TOTAL", None, None, None, 2665001],
        ],
    )

    table = read_budget(path)

    assert table["source_row"].tolist() == [4, 5, 6]
    assert table["quantity"].tolist() == [300, 1, 2]
    assert table["quantity_units"].tolist() == ["orang x hari", "buah", "paket"]
    assert table["unit_price_written"].tolist() == [
        "8000",
        "Rp 240.000",
        "12500,5",
    ]
    audit = audit_budget(table)
    # 300 x 8.000 = 2.400.000; 1 x 240.000; 2 x 12.500,5 = 25.001;
    # 2.400.000 + 240.000 + 25.001 = 2.665.001, as written.
    assert audit.findings.empty
    assert audit.total_recomputed == 2_665_001


def test_workbook_with_a_bad_cell_names_its_row(tmp_path):
    path = make_workbook(
        tmp_path / "rab.xlsx",
        [
            ["No", "Kebutuhan", "Qty", "Satuan", "Harga"],
            [1, "Snack", "dua orang", "Rp 8.000", "Rp 16.000"],
        ],
    )

    with pytest.raises(InputError) as caught:
        read_budget(path)

    assert (caught.value.row, caught.value.column) == (2, "Qty")


def test_workbook_dates_and_truncated_workbook(tmp_path):
    path = make_workbook(
        tmp_path / "rab.xlsx",
        [
            ["No", "Kebutuhan", "Qty", "Satuan", "Harga"],
            [1, dt.datetime(2024, 1, 1), 1, "Rp 8.000", "Rp 8.000"],
        ],
    )
    assert read_budget(path)["item"].tolist() == ["2024-01-01"]

    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(path.read_bytes()[:300])
    with pytest.raises(InputError) as caught:
        read_budget(broken)
    assert caught.value.key == "budget.not_a_workbook"


def test_workbook_formula_leftovers_are_not_read_as_sen(tmp_path):
    # A formula such as =0,1*3*100000 saves 30000.000000000004; Excel
    # shows it as 30.000, and so does the reader.
    price = 0.1 * 3 * 100_000
    assert price != 30_000
    path = make_workbook(
        tmp_path / "rab.xlsx",
        [
            ["No", "Kebutuhan", "Qty", "Harga Satuan", "Jumlah Harga"],
            [1, "Kardus", 2, price, 60000],
        ],
    )

    table = read_budget(path)

    # 2 x 30.000 = 60.000, as written.
    assert table["unit_price_written"].tolist() == ["30000"]
    assert audit_budget(table).findings["kind"].tolist() == ["total_missing"]


# --- numbers too large for any budget ---------------------------------------


@pytest.mark.parametrize(
    ("column", "written"),
    [
        ("No", "9" * 30),
        ("Qty", "9" * 400 + " orang"),
        ("Qty", "1.000.000 orang x 1.000.000.000 hari"),
        ("Satuan", "Rp " + "9" * 400),
        # 10^15 exactly: Rp 1.000.000.000.000.000 is the first refused.
        ("Harga", "Rp 1.000.000.000.000.000"),
        # A malformed amount whose likely value is that large.
        ("Harga", "Rp 1000000000000.000.00"),
    ],
)
def test_numbers_too_large_for_a_budget(tmp_path, column, written):
    cells = {
        "No": "1",
        "Kebutuhan": "Teh",
        "Qty": "2",
        "Satuan": "Rp 5.000",
        "Harga": "Rp 10.000",
    }
    cells[column] = written
    path = write(
        tmp_path,
        ",".join(cells) + "\n" + ",".join(f'"{c}"' for c in cells.values()),
    )

    with pytest.raises(InputError) as caught:
        read_budget(path)

    error = caught.value
    assert error.key == "budget.too_large"
    assert (error.row, error.column, error.found) == (2, column, written)
    assert "terlalu besar" in str(error)


def test_the_largest_amounts_still_read(tmp_path):
    # 999.999.999.999.999 is one Rupiah under the limit; 1 x that.
    path = write(
        tmp_path,
        "No,Kebutuhan,Qty,Satuan,Harga\n"
        '1,Gedung,1,"Rp 999.999.999.999.999","Rp 999.999.999.999.999"\n',
    )

    audit = audit_budget(read_budget(path))

    assert audit.total_recomputed == 999_999_999_999_999
    assert audit.flagged_rows == []


# --- quantities -------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "quantity", "units"),
    [
        ("75 orang x 4 hari", 300, "orang x hari"),
        ("1 orang x 4 hari", 4, "orang x hari"),
        ("1 buah", 1, "buah"),
        ("76 buah", 76, "buah"),
        ("76", 76, ""),
        ("75 orang × 4 hari", 300, "orang x hari"),
        ("75 orang X 4 hari", 300, "orang x hari"),
        ("75 orang * 4 hari", 300, "orang x hari"),
        ("75orang x4hari", 300, "orang x hari"),
        ("3x4", 12, ""),
        ("2 box x 3 pax", 6, "box x pax"),
        ("10 pax", 10, "pax"),
        ("1.000 lembar", 1_000, "lembar"),
        ("2,5 m2", 2.5, "m2"),
        ("2 orang x 2 kali x 3 hari", 12, "orang x kali x hari"),
        ("0 buah", 0, "buah"),
    ],
)
def test_parse_quantity(written, quantity, units):
    assert parse_quantity(written) == (quantity, units)


@pytest.mark.parametrize(
    "written",
    [
        "dua orang",
        "orang",
        "x 4",
        "4 x",
        "4x",
        "75 orang x",
        "1..0 buah",
        "-3 buah",
    ],
)
def test_unreadable_quantities(written):
    with pytest.raises(ValueError):
        parse_quantity(written)


# --- fuzzing ------------------------------------------------------------------


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    content=st.binary(max_size=400), suffix=st.sampled_from([".csv", ".xlsx"])
)
def test_any_bytes_give_a_budget_or_input_error(tmp_path, content, suffix):
    path = tmp_path / f"rab{suffix}"
    path.write_bytes(content)
    try:
        table = read_budget(path)
    except InputError:
        return
    audit_budget(table)


# Cells for each column of the programme's layout: mostly well-formed
# ones (nine draws in ten), else typos and noise, so that most drawn
# tables get through to the audit and some stop with an error.
def mostly(good, bad):
    return st.one_of(*[good] * 9, bad)


MONEY_CELLS = mostly(
    st.one_of(
        st.integers(min_value=0, max_value=10**9).map(format_rupiah),
        st.sampled_from(["Rp 100.00,-", "Rp. 380.00,-", "IDR 15,000", ""]),
    ),
    st.one_of(
        st.sampled_from(["Rp 1..000", "Rp -", "gratis", "Rp185.500,50"]),
        st.text(alphabet="Rp.,-0123456789 ", max_size=12),
    ),
)
BUDGET_CELLS = {
    "No": mostly(
        st.integers(min_value=1, max_value=99).map(str),
        st.sampled_from(["", "A", "1.", "satu"]),
    ),
    "Kebutuhan": st.sampled_from(["Snack", "TOTAL", "Jumlah", "", '"x"']),
    "Qty": mostly(
        st.builds(
            "{} orang x {} hari".format,
            st.integers(min_value=0, max_value=99),
            st.integers(min_value=1, max_value=9),
        ),
        st.one_of(
            st.sampled_from(["", "dua", "4 x", "1,5 m"]),
            st.text(alphabet="0123456789.,xX× orang", max_size=12),
        ),
    ),
    "Satuan": MONEY_CELLS,
    "Harga": MONEY_CELLS,
}


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    header=st.permutations(list(BUDGET_CELLS)),
    body=st.lists(st.fixed_dictionaries(BUDGET_CELLS), max_size=5),
    delimiter=st.sampled_from([",", ";"]),
)
def test_budget_shaped_text_gives_a_budget_or_input_error(
    tmp_path, header, body, delimiter
):
    # Rows that look like a budget, with cells drawn from real and broken
    # budget cells, reach the audit or stop with the kit's own error.
    lines = [delimiter.join(header)]
    for row in body:
        lines.append(delimiter.join(f'"{row[name]}"' for name in header))
    path = write(tmp_path, "\n".join(lines) + "\n")
    try:
        table = read_budget(path)
    except InputError:
        return
    audit = audit_budget(table)
    assert set(audit.flagged_rows) | set(audit.consistent_rows) == set(
        table["no"]
    )
    assert set(audit.findings["kind"]) <= set(FINDING_KINDS)
