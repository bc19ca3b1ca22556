"""Progress files: codes not names, lines appended, read back, summed up."""

import errno
import os
from datetime import UTC, datetime, timedelta

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tokolab import InputError, set_language
from tokolab.exercises import Feedback, Outcome
from tokolab.progress import (
    WIB,
    participant_code,
    read_progress,
    record,
    recording,
    solved_share,
    start_progress,
    stop_progress,
)

HEADER = "participant,question,outcome,time\n"

# 1 January 2024, 09:30:05 WIB.
NINE_THIRTY = datetime(2024, 1, 1, 9, 30, 5, tzinfo=WIB)


def feedback(outcome, question="mulai.total_harga"):
    return Feedback(outcome, "", question)


@pytest.fixture(autouse=True)
def no_recording():
    stop_progress()
    yield
    stop_progress()


# --- participant codes ------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "code"),
    [("P001", "P001"), (" p001 ", "P001"), ("AB12", "AB12")],
)
def test_participant_codes_are_read_in_capitals(written, code):
    assert participant_code(written) == code


@pytest.mark.parametrize(
    ("written", "found"),
    [
        ("Budi Santoso", '"Budi Santoso"'),
        ("P 001", '"P 001"'),
        ("P00001", '"P00001"'),
        ("", '""'),
        (1, '"1"'),
        (None, '"None"'),
    ],
)
def test_anything_but_a_code_is_refused(written, found):
    with pytest.raises(InputError) as caught:
        participant_code(written)

    error = caught.value
    assert error.key == "progress.bad_code"
    assert (error.expected, error.found) == ("P001", found)
    assert str(error).startswith(f"Kode peserta {found} tidak bisa dipakai.")
    assert "Jangan menulis nama." in str(error)

    set_language("en")
    assert "Do not write a name." in str(error)


# --- turning recording on and off -------------------------------------------


def test_start_uses_the_working_folder_by_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    path = start_progress("p002")

    assert path == tmp_path / "kemajuan-P002.csv"
    assert recording() == ("P002", tmp_path)
    # Nothing is written before the first check.
    assert not path.exists()
    stop_progress()
    assert recording() is None


def test_start_refuses_a_missing_folder_or_a_file(tmp_path):
    with pytest.raises(InputError) as caught:
        start_progress("P001", tmp_path / "tidak-ada")
    assert caught.value.key == "progress.folder_not_found"
    assert "tidak-ada tidak ditemukan" in str(caught.value)

    (tmp_path / "berkas.txt").write_text("x")
    with pytest.raises(InputError) as caught:
        start_progress("P001", tmp_path / "berkas.txt")
    assert caught.value.key == "progress.not_a_folder"
    assert recording() is None


def test_nothing_is_recorded_while_off(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert record(feedback(Outcome.RIGHT)) is None
    assert not list(tmp_path.iterdir())


# --- appending lines ----------------------------------------------------------


def test_lines_are_appended_exactly(tmp_path):
    start_progress("P001", tmp_path)
    path = tmp_path / "kemajuan-P001.csv"

    record(feedback(Outcome.NOT_ATTEMPTED), time=NINE_THIRTY)
    first = path.read_bytes()
    # 02:31:00 UTC is 09:31:00 WIB; a time without a zone is WIB already.
    record(
        feedback(Outcome.WRONG),
        time=datetime(2024, 1, 1, 2, 31, tzinfo=UTC),
    )
    record(
        feedback(Outcome.RIGHT, "sesi1.kalender, urutan"),
        time=datetime(2024, 1, 1, 9, 32, 10),
    )

    assert path.read_bytes() == (
        b"participant,question,outcome,time\n"
        b"P001,mulai.total_harga,belum,2024-01-01T09:30:05+07:00\n"
        b"P001,mulai.total_harga,salah,2024-01-01T09:31:00+07:00\n"
        b'P001,"sesi1.kalender, urutan",benar,2024-01-01T09:32:10+07:00\n'
    )
    # The first line is still exactly where it was.
    assert path.read_bytes().startswith(first)


def test_record_names_a_participant_and_folder_without_starting(tmp_path):
    path = record(
        feedback(Outcome.RIGHT),
        participant="p003",
        folder=tmp_path,
        time=NINE_THIRTY,
    )
    assert path == tmp_path / "kemajuan-P003.csv"
    assert path.read_text() == (
        HEADER + "P003,mulai.total_harga,benar,2024-01-01T09:30:05+07:00\n"
    )


def test_a_line_cut_short_is_kept_and_the_next_starts_on_its_own(tmp_path):
    path = tmp_path / "kemajuan-P001.csv"
    torn = HEADER + "P001,mulai.total_harga,sal"
    path.write_text(torn)

    record(feedback(Outcome.RIGHT), "P001", tmp_path, time=NINE_THIRTY)

    assert path.read_text() == (
        torn + "\nP001,mulai.total_harga,benar,2024-01-01T09:30:05+07:00\n"
    )


def test_a_file_that_is_not_ours_is_left_alone(tmp_path):
    path = tmp_path / "kemajuan-P001.csv"
    path.write_text("kode,nilai\nP001,80\n")

    with pytest.raises(InputError) as caught:
        record(feedback(Outcome.RIGHT), "P001", tmp_path)

    error = caught.value
    assert error.key == "progress.not_our_file"
    assert (error.row, error.found) == (1, '"kode,nilai"')
    assert str(error).startswith(
        f'Berkas {path} bukan catatan kemajuan: baris 1 berisi "kode,nilai"'
    )
    assert path.read_text() == "kode,nilai\nP001,80\n"


def test_a_progress_file_that_is_a_folder_is_said_plainly(tmp_path):
    (tmp_path / "kemajuan-P001.csv").mkdir()

    with pytest.raises(InputError) as caught:
        record(feedback(Outcome.RIGHT), "P001", tmp_path)

    error = caught.value
    assert error.key == "progress.cannot_write"
    path = tmp_path / "kemajuan-P001.csv"
    assert str(error) == (
        f"Kemajuan tidak bisa dicatat di berkas {path}"
        ": nama itu sudah dipakai oleh sebuah folder. Pilih nama berkas yang "
        "lain."
    )


def test_a_full_disk_says_what_to_do_and_keeps_the_lines(tmp_path, monkeypatch):
    path = record(feedback(Outcome.WRONG), "P001", tmp_path, time=NINE_THIRTY)
    before = path.read_bytes()

    def full(descriptor, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(InputError) as caught:
        record(feedback(Outcome.RIGHT), "P001", tmp_path)
    monkeypatch.undo()

    assert str(caught.value).endswith(
        ": tempat penyimpanan (disk) sudah penuh. Hapus berkas yang tidak "
        "dipakai lagi, lalu coba lagi."
    )
    set_language("en")
    assert str(caught.value).startswith(
        f"Progress cannot be recorded in file {path}: the storage (disk) is "
        "full."
    )
    assert path.read_bytes() == before


def test_a_missing_folder_is_said_plainly(tmp_path):
    with pytest.raises(InputError) as caught:
        record(feedback(Outcome.RIGHT), "P001", tmp_path / "hilang")
    assert caught.value.key == "progress.folder_not_found"


# --- reading ------------------------------------------------------------------


def test_read_a_class_folder_with_subfolders(fixtures):
    progress = read_progress(fixtures / "progress" / "kelas")

    # 4 lines of P001, 4 of P002, 4 of P003 in meja-2/; catatan-pemateri.csv
    # is no progress file and is not read.
    assert len(progress) == 12
    assert list(progress.columns) == [
        "participant",
        "question",
        "outcome",
        "time",
    ]
    assert [path.rsplit("/", 1)[1] for path in progress.attrs["paths"]] == [
        "kemajuan-P001.csv",
        "kemajuan-P002.csv",
        "kemajuan-P003.csv",
    ]
    assert progress.attrs["notes"] == []

    # Sorted by time: P001 at 09:31:05 first, P003's 09:50 last.
    first = progress.iloc[0]
    assert list(first[["participant", "question", "outcome"]]) == [
        "P001",
        "mulai.total_harga",
        "belum",
    ]
    assert first["time"] == pd.Timestamp("2024-01-01 09:31:05", tz=WIB)
    assert str(progress["time"].dt.tz) == "Asia/Jakarta"
    assert progress.iloc[-1]["question"] == "mulai.latihan_3"
    # P003's 09:34 comes between P001's 09:33:12 and P002's 09:35.
    assert list(progress["participant"][2:5]) == ["P001", "P003", "P002"]


def test_solved_share_worked_by_hand(fixtures):
    progress = read_progress(fixtures / "progress" / "kelas")
    share = solved_share(progress)

    # Three participants have a file: P001, P002, P003.
    # mulai.latihan_3: only P003, who left it empty: nobody tried, 0/3 = 0.
    # mulai.tombol_jalankan: P001 right; P002 wrong then right; P003 right
    #   twice: 3 tried, 3 solved, 3/3 = 1.
    # mulai.total_harga: P001 wrong then right; P002 wrong twice; P003
    #   only empty: 2 tried, 1 solved, 1/3 of the class.
    assert progress.attrs["participants"] == ["P001", "P002", "P003"]
    assert list(share.columns) == [
        "question",
        "participants",
        "tried",
        "solved",
        "share",
    ]
    assert list(share["question"]) == [
        "mulai.latihan_3",
        "mulai.tombol_jalankan",
        "mulai.total_harga",
    ]
    assert list(share["participants"]) == [3, 3, 3]
    assert list(share["tried"]) == [0, 3, 2]
    assert list(share["solved"]) == [0, 3, 1]
    assert list(share["share"]) == [0.0, 1.0, 1 / 3]


def test_the_share_is_of_the_whole_class(fixtures):
    # The class has 75 participants; only 3 recorded anything. 3 solved
    # mulai.tombol_jalankan: 3/75 = 0.04, not 3/3.
    progress = read_progress(fixtures / "progress" / "kelas")
    share = solved_share(progress, participants=75)

    assert list(share["participants"]) == [75, 75, 75]
    assert list(share["solved"]) == [0, 3, 1]
    assert list(share["share"]) == [0 / 75, 3 / 75, 1 / 75]
    assert share["share"][1] == pytest.approx(0.04)


def test_two_of_many_solving_is_not_everyone(tmp_path):
    # Two participants tried and solved; two more only opened the
    # exercise (an empty check) and one has a file with a header only.
    for code, outcome in [
        ("P001", "benar"),
        ("P002", "benar"),
        ("P003", "belum"),
        ("P004", "belum"),
    ]:
        (tmp_path / f"kemajuan-{code}.csv").write_text(
            HEADER + f"{code},q,{outcome},2024-01-01T09:00:00+07:00\n"
        )
    (tmp_path / "kemajuan-P005.csv").write_text(HEADER)

    share = solved_share(read_progress(tmp_path))

    # 5 with a file, 2 tried, 2 solved: 2/5 = 0.4, where solved / tried
    # would say 2/2 = 100 %.
    assert list(share[["participants", "tried", "solved"]].iloc[0]) == [
        5,
        2,
        2,
    ]
    assert share["share"][0] == 0.4


@pytest.mark.parametrize("participants", [2, 2.5, "75", True])
def test_a_class_count_that_does_not_fit_is_refused(fixtures, participants):
    progress = read_progress(fixtures / "progress" / "kelas")

    with pytest.raises(InputError) as caught:
        solved_share(progress, participants=participants)

    error = caught.value
    assert error.key == "progress.bad_participant_count"
    # P001, P002 and P003 recorded: at least 3.
    assert (error.expected, error.found) == (3, participants)
    assert str(error).startswith(
        "Jumlah peserta harus bilangan bulat, paling sedikit 3"
    )


def test_a_bad_cell_names_file_row_and_column(fixtures):
    path = fixtures / "progress" / "kelas_with_problems" / "kemajuan-P001.csv"

    # One file named: its error is raised.
    with pytest.raises(InputError) as caught:
        read_progress(path)

    error = caught.value
    assert error.key == "progress.bad_cell"
    # Header row 1, the second line of data is row 3.
    assert (error.row, error.column, error.found) == (3, "outcome", "betul")
    assert str(error) == (
        f"Berkas {path}, baris 3, kolom outcome: diharapkan belum, salah "
        'atau benar, tetapi tertulis "betul". Perbaiki isian itu atau hapus '
        "barisnya."
    )
    # What was expected is written when shown, so it follows the language.
    set_language("en")
    assert str(error) == (
        f"File {path}, row 3, column outcome: expected belum, salah or "
        'benar, but found "betul". Correct that cell or delete the row.'
    )


def test_one_bad_file_does_not_stop_the_class(fixtures):
    folder = fixtures / "progress" / "kelas_with_problems"

    progress = read_progress(folder)

    # P001's file has "betul" in row 3: left out whole, with a note.
    # P002: one line. P003: a line cut short at row 3 (the power went off)
    # between two whole lines: 2 lines kept.
    assert list(progress["participant"]) == ["P003", "P002", "P003"]
    assert list(progress["outcome"]) == ["salah", "benar", "benar"]
    assert progress.attrs["participants"] == ["P001", "P002", "P003"]
    assert progress.attrs["notes"] == [
        f"Berkas {folder / 'kemajuan-P001.csv'}, baris 3, kolom outcome: "
        'diharapkan belum, salah atau benar, tetapi tertulis "betul". '
        "Perbaiki isian itu atau hapus barisnya. Berkas ini tidak dihitung "
        "sampai diperbaiki; berkas lain tetap dihitung.",
        f"Berkas {folder / 'kemajuan-P003.csv'}, baris 3: baris ini "
        "terpotong (buku catatan tertutup atau listrik padam saat sedang "
        "menulis), jadi tidak dihitung.",
    ]

    # P001 counts in the class although its file was left out: 3
    # participants; mulai.total_harga solved by P002 and P003: 2/3.
    share = solved_share(progress)
    assert list(share["participants"]) == [3]
    assert list(share["solved"]) == [2]
    assert list(share["share"]) == [2 / 3]


def test_notes_are_written_in_the_language_in_use(fixtures):
    set_language("en")
    progress = read_progress(fixtures / "progress" / "kelas_with_problems")

    assert progress.attrs["notes"][0].endswith(
        "This file is left out until it is corrected; the other files "
        "still count."
    )
    assert progress.attrs["notes"][1].endswith(
        "row 3: this line is cut short (the notebook closed or the power "
        "went off while writing), so it is left out."
    )


@pytest.mark.parametrize(
    ("torn", "kept"),
    [
        # Cut inside the code, the question, the outcome, the time.
        ("P0", 2),
        ("P001,mulai.tot", 2),
        ("P001,q,sal", 2),
        ("P001,q,benar,", 2),
        ("P001,q,benar,2024-01-01T09:3", 2),
        ("P001,q,benar,2024-01-01T09:30:05+07:", 2),
    ],
)
def test_a_line_cut_short_in_the_middle_is_left_out(tmp_path, torn, kept):
    whole = "P001,q,salah,2024-01-01T09:00:00+07:00\n"
    path = tmp_path / "kemajuan-P001.csv"
    path.write_text(HEADER + whole + torn + "\n" + whole)

    progress = read_progress(path)

    # Rows 2 and 4 are whole; row 3 is the cut one.
    assert len(progress) == kept
    assert progress.attrs["notes"] == [
        f"Berkas {path}, baris 3: baris ini terpotong (buku catatan tertutup "
        "atau listrik padam saat sedang menulis), jadi tidak dihitung."
    ]


@pytest.mark.parametrize(
    "line",
    [
        # Complete but wrong: not the start of a good line.
        "P001,q,betul,2024-01-01T09:00:00+07:00",
        "P001,q,betul",
        "Budi,q",
        "P001,q,benar,kemarin",
        "P001,q,benar,2024-01-01 09:00",
    ],
)
def test_a_wrong_line_in_the_middle_is_an_error_not_a_cut(tmp_path, line):
    whole = "P001,q,salah,2024-01-01T09:00:00+07:00\n"
    path = tmp_path / "kemajuan-P001.csv"
    path.write_text(HEADER + whole + line + "\n" + whole)

    with pytest.raises(InputError) as caught:
        read_progress(path)
    assert (caught.value.key, caught.value.row) == ("progress.bad_cell", 3)


@pytest.mark.parametrize(
    ("line", "column", "found"),
    [
        ("Budi,q,benar,2024-01-01T09:00:00+07:00", "participant", "Budi"),
        ("P001, ,benar,2024-01-01T09:00:00+07:00", "question", " "),
        ("P001,q,benar,2024-01-01 09:00:00", "time", "2024-01-01 09:00:00"),
        ("P001,q,benar,kemarin", "time", "kemarin"),
        (
            "P001,q,benar,0001-01-01T00:00:00+07:00",
            "time",
            "0001-01-01T00:00:00+07:00",
        ),
    ],
)
def test_every_column_is_checked(tmp_path, line, column, found):
    path = tmp_path / "kemajuan-P001.csv"
    path.write_text(HEADER + line + "\n")

    with pytest.raises(InputError) as caught:
        read_progress(path)
    assert (caught.value.row, caught.value.column) == (2, column)
    assert caught.value.found == found

    # Read as part of a folder, the file is left out with the same words.
    progress = read_progress(tmp_path)
    assert progress.empty
    assert progress.attrs["notes"] == [
        str(caught.value) + " Berkas ini tidak dihitung sampai diperbaiki; "
        "berkas lain tetap dihitung."
    ]


def test_a_file_without_the_columns_is_not_a_progress_file(tmp_path):
    path = tmp_path / "kemajuan-P001.csv"
    path.write_text("kode,soal\nP001,q\n")

    with pytest.raises(InputError) as caught:
        read_progress(path)
    assert caught.value.key == "progress.not_our_file"
    assert caught.value.found == '"kode,soal"'


def test_a_torn_last_line_is_left_out_with_a_note(fixtures):
    path = fixtures / "progress" / "terpotong" / "kemajuan-P001.csv"

    progress = read_progress(path.parent)

    assert list(progress["outcome"]) == ["salah"]
    # Header row 1, one whole line at row 2, the torn one at row 3.
    assert progress.attrs["notes"] == [
        f"Berkas {path}, baris 3: baris terakhir terpotong (buku catatan "
        "ditutup saat sedang menulis), jadi tidak dihitung."
    ]


def test_a_whole_last_line_without_newline_is_kept(tmp_path):
    line = "P001,q,benar,2024-01-01T09:00:00+07:00"
    (tmp_path / "kemajuan-P001.csv").write_text(HEADER + line)

    progress = read_progress(tmp_path)
    assert list(progress["outcome"]) == ["benar"]
    assert progress.attrs["notes"] == []


@pytest.mark.parametrize("start", ["", "partici", "participant,question"])
def test_a_file_cut_inside_its_header_is_skipped_with_a_note(tmp_path, start):
    path = tmp_path / "kemajuan-P001.csv"
    path.write_text(start)

    progress = read_progress(tmp_path)
    assert progress.empty
    assert progress.attrs["notes"] == [
        f"Berkas {path} belum berisi satu baris pun yang utuh, jadi dilewati."
    ]


def test_a_spreadsheet_resave_still_reads(fixtures):
    # BOM, semicolons, CRLF, a small-letter code, "Benar", a UTC time.
    progress = read_progress(fixtures / "progress" / "excel")

    assert list(progress.iloc[0][["participant", "outcome"]]) == [
        "P004",
        "benar",
    ]
    # 02:33:12 UTC is 09:33:12 WIB.
    assert progress.iloc[0]["time"] == pd.Timestamp(
        "2024-01-01 09:33:12", tz=WIB
    )


def test_an_empty_folder_gives_an_empty_table(tmp_path):
    progress = read_progress(tmp_path)

    assert progress.empty
    assert list(progress.columns) == [
        "participant",
        "question",
        "outcome",
        "time",
    ]
    share = solved_share(progress)
    assert share.empty
    assert list(share.columns) == [
        "question",
        "participants",
        "tried",
        "solved",
        "share",
    ]


def test_a_missing_folder_cannot_be_read(tmp_path):
    with pytest.raises(InputError) as caught:
        read_progress(tmp_path / "tidak-ada")
    assert caught.value.key == "progress.folder_not_found"


def test_what_is_recorded_reads_back(tmp_path):
    # Written by record, read by read_progress: the same three checks.
    for minutes, outcome in enumerate(Outcome):
        record(
            feedback(outcome),
            "P001",
            tmp_path,
            time=NINE_THIRTY + timedelta(minutes=minutes),
        )
    progress = read_progress(tmp_path)

    assert list(progress["outcome"]) == ["belum", "salah", "benar"]
    assert list(progress["time"].dt.strftime("%H:%M:%S")) == [
        "09:30:05",
        "09:31:05",
        "09:32:05",
    ]


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(content=st.binary(max_size=300))
def test_any_bytes_give_a_table_or_an_input_error(tmp_path, content):
    path = tmp_path / "kemajuan-P001.csv"
    path.write_bytes(content)
    try:
        progress = read_progress(tmp_path)
    except InputError:
        return
    assert list(progress.columns) == [
        "participant",
        "question",
        "outcome",
        "time",
    ]


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    tail=st.text(alphabet="P0123456789,.:-+Tbenarsalhum\n\"'; ", max_size=120)
)
def test_progress_like_text_gives_a_table_or_an_input_error(tmp_path, tail):
    path = tmp_path / "kemajuan-P001.csv"
    path.write_text(HEADER + tail)
    try:
        read_progress(tmp_path)
    except InputError:
        pass
