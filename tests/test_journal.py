"""Activity journals: the reader, the timeline, and what gets flagged."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from kitpaths import ROOT
from tokolab import InputError, set_language
from tokolab.journal import COLUMNS, journal_findings, read_journal

PROGRAMME_JOURNAL = ROOT / "data" / "program" / "jurnal.csv"

D = dt.date


@pytest.fixture
def journal_fixtures(fixtures):
    return fixtures / "journal"


def test_programme_journal_timeline():
    journal = read_journal(PROGRAMME_JOURNAL)

    assert list(journal.columns) == list(COLUMNS)
    assert journal.attrs["path"] == str(PROGRAMME_JOURNAL)
    # In time order by the earlier date of each entry: the backwards
    # range (6-11 November) starts the timeline.
    assert journal[["start", "end"]].values.tolist() == [
        [D(2023, 11, 11), D(2023, 11, 6)],
        [D(2023, 11, 7), D(2023, 11, 7)],
        [D(2023, 11, 8), D(2023, 11, 8)],
        [D(2023, 12, 5), D(2023, 12, 5)],
        [D(2023, 12, 6), D(2023, 12, 25)],
        [D(2024, 1, 1), D(2024, 1, 4)],
    ]
    assert journal["date_written"].tolist() == [
        "11 November 2023 - 06 November 2023",
        "Selasa, 07 November 2023",
        "Rabu, 08 November 2023",
        "Selasa, 05 Desember 2023",
        "06 Desember 2023 - 25 Desember 2023",
        "01 Januari 2024 - 04 Januari 2024",
    ]
    assert journal["backwards"].tolist() == [True] + [False] * 5
    assert journal["activity"].tolist()[-1] == "Pelaksanaan pelatihan"


def test_programme_journal_findings():
    findings = journal_findings(read_journal(PROGRAMME_JOURNAL))

    # Only the backwards range; 7 Nov 2023 was a Tuesday (Selasa),
    # 8 Nov a Wednesday (Rabu), 5 Dec a Tuesday: the weekdays agree.
    assert findings.values.tolist() == [
        [
            "11 November 2023 - 06 November 2023",
            "backwards",
            "'11 November 2023 - 06 November 2023': tanggal akhir "
            "(6 November 2023) lebih awal dari tanggal mulai "
            "(11 November 2023). Mungkin maksudnya 6 November 2023 "
            "\u2013 11 November 2023.",
        ]
    ]


def test_programme_journal_findings_in_english():
    set_language("en")
    findings = journal_findings(read_journal(PROGRAMME_JOURNAL))

    assert findings["message"].tolist() == [
        "'11 November 2023 - 06 November 2023': the end date "
        "(6 November 2023) comes before the start date (11 November 2023). "
        "It probably means 6 November 2023 \u2013 11 November 2023."
    ]


def test_clean_journal(journal_fixtures):
    # Semicolons, "Jum'at", a compact range, a range whose first date
    # borrows its year, an ISO date, weekdays on both ends of a range.
    journal = read_journal(journal_fixtures / "jurnal_bersih.csv")

    assert journal[["start", "end", "source_row"]].values.tolist() == [
        [D(2023, 11, 10), D(2023, 11, 10), 2],
        [D(2023, 12, 15), D(2023, 12, 15), 5],
        [D(2023, 12, 18), D(2023, 12, 20), 6],
        [D(2023, 12, 30), D(2023, 12, 31), 4],
        [D(2024, 1, 1), D(2024, 1, 4), 3],
    ]
    assert journal_findings(journal).empty


def test_journal_with_problems(journal_fixtures):
    journal = read_journal(journal_fixtures / "jurnal_with_problems.csv")
    findings = journal_findings(journal)

    # 7 Nov 2023 was a Tuesday, not Rabu; 4 Jan 2024 a Thursday, not
    # Jumat; 11 -> 6 November runs backwards; 5 December has no activity.
    assert findings[["date_written", "kind"]].values.tolist() == [
        ["11 November 2023 - 06 November 2023", "backwards"],
        ["Rabu, 07 November 2023", "weekday_mismatch"],
        ["05 Desember 2023", "activity_missing"],
        ["Senin, 01 Januari 2024 - Jumat, 04 Januari 2024", "weekday_mismatch"],
    ]
    assert findings["message"].tolist()[1] == (
        "'Rabu, 07 November 2023': 7 November 2023 jatuh pada hari Selasa, "
        "bukan Rabu."
    )
    # Entries stay on the timeline, dates as numbered.
    assert len(journal) == 4
    assert journal["start"].tolist()[1] == D(2023, 11, 7)


def test_unreadable_date_names_file_row_and_column(journal_fixtures):
    path = journal_fixtures / "jurnal_bad_date.csv"
    with pytest.raises(InputError) as caught:
        read_journal(path)

    error = caught.value
    assert error.key == "journal.bad_date"
    assert (error.path, error.row, error.column) == (str(path), 3, "Tanggal")
    assert error.found == "31 Nopember 2023"
    # November has 30 days.
    assert str(error) == (
        f"Berkas {path}, baris 3, kolom Tanggal: '31 Nopember 2023': tanggal "
        "itu tidak ada di kalender. Contoh yang benar: Selasa, 07 November "
        "2023."
    )


def test_date_error_follows_the_language_when_shown(journal_fixtures):
    with pytest.raises(InputError) as caught:
        read_journal(journal_fixtures / "jurnal_bad_date.csv")

    set_language("en")
    assert "'31 Nopember 2023': that day does not exist in the calendar." in (
        str(caught.value)
    )


def test_missing_columns(journal_fixtures):
    with pytest.raises(InputError) as caught:
        read_journal(journal_fixtures / "jurnal_missing_columns.csv")

    assert caught.value.key == "common.missing_columns"
    assert caught.value.found == "No, Hari, Acara"


def test_empty_date_cell(tmp_path):
    path = tmp_path / "jurnal.csv"
    path.write_text("Tanggal,Kegiatan\n,Rapat\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_journal(path)

    assert (caught.value.row, caught.value.found) == (2, "")
    assert "Tanggal kosong." in str(caught.value)


def test_header_only(tmp_path):
    path = tmp_path / "jurnal.csv"
    path.write_text("Tanggal,Kegiatan\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_journal(path)

    assert caught.value.key == "journal.no_entries"


def test_workbook_journal_with_real_dates(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["JURNAL KEGIATAN"])
    sheet.append(["No", "Tanggal", "Kegiatan"])
    sheet.append([1, dt.datetime(2023, 11, 8), "Rapat jadwal"])
    sheet.append([2, "Selasa, 07 November 2023", "Menghubungi komunitas"])
    path = tmp_path / "jurnal.xlsx"
    workbook.save(path)

    journal = read_journal(path)

    assert journal["start"].tolist() == [D(2023, 11, 7), D(2023, 11, 8)]
    assert journal["date_written"].tolist() == [
        "Selasa, 07 November 2023",
        "2023-11-08",
    ]
    assert journal["source_row"].tolist() == [4, 3]


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    content=st.binary(max_size=400), suffix=st.sampled_from([".csv", ".xlsx"])
)
def test_any_bytes_give_a_journal_or_input_error(tmp_path, content, suffix):
    path = tmp_path / f"jurnal{suffix}"
    path.write_bytes(content)
    try:
        journal = read_journal(path)
    except InputError:
        return
    journal_findings(journal)


DATE_CELLS = st.one_of(
    st.sampled_from(
        [
            "11 November 2023 - 06 November 2023",
            "Rabu, 07 November 2023",
            "1-4 Januari 2024",
            "31 Februari 2024",
            "",
            "Selasa",
            "30 Des - 2 Jan 2024",
        ]
    ),
    st.text(alphabet="0123456789 -–,/JanuriDesmbNopSlkt'", max_size=25),
)


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    dates=st.lists(DATE_CELLS, max_size=6),
    activity=st.sampled_from(["Rapat", "", "Observasi, wawancara"]),
)
def test_journal_shaped_text_gives_a_journal_or_input_error(
    tmp_path, dates, activity
):
    rows = ["Tanggal;Kegiatan"] + [f'"{d}";{activity}' for d in dates]
    path = tmp_path / "jurnal.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    try:
        journal = read_journal(path)
    except InputError:
        return
    earliest = [
        min(s, e) for s, e in zip(journal["start"], journal["end"], strict=True)
    ]
    assert earliest == sorted(earliest)
    assert journal["backwards"].tolist() == [
        e < s for s, e in zip(journal["start"], journal["end"], strict=True)
    ]
    journal_findings(journal)
