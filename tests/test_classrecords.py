"""Class records: participant list, attendance, quiz scores and summaries.

The tiny class in tests/fixtures/classrecords has four participants:

    P001 pengurus 45-54 S1    P003 anggota 55-65 SMP
    P002 anggota  25-34 SMA   P004 anggota 35-44 (no schooling given)

Session 1: P001, P002, P004 present, P003 absent.
Session 2: P001, P004 present, P002, P003 absent.
Quiz scores (pre -> post): session 1 P001 40 -> 70, P002 60 -> (left
before the post quiz), P004 70 -> 65,5; session 2 P001 50 -> 90,
P004 55 -> 85.
"""

import math
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tokolab import InputError, set_language
from tokolab.classrecords import (
    ClassRecords,
    attendance_rate,
    quiz_summary,
    read_attendance,
    read_class_records,
    read_participants,
    read_quiz_scores,
)


@pytest.fixture
def folder(fixtures):
    return fixtures / "classrecords"


@pytest.fixture
def participants(folder):
    return read_participants(folder / "peserta.csv")


# --- clean files ---------------------------------------------------------


def test_participants_are_read_with_canonical_values(participants):
    expected = pd.DataFrame(
        {
            "code": ["P001", "P002", "P003", "P004"],
            "role": ["manager", "member", "member", "member"],
            "age_band": ["45-54", "25-34", "55-65", "35-44"],
            "schooling": ["S1", "SMA", "SMP", None],
        }
    )

    assert list(participants.columns) == list(expected.columns)
    assert participants["code"].tolist() == expected["code"].tolist()
    assert participants["role"].tolist() == expected["role"].tolist()
    assert participants["age_band"].astype(str).tolist() == (
        expected["age_band"].tolist()
    )
    assert participants["schooling"].iloc[:3].tolist() == ["S1", "SMA", "SMP"]
    assert pd.isna(participants["schooling"].iloc[3])


def test_profile_columns_are_ordered_for_tables(participants):
    assert participants["age_band"].cat.ordered
    assert participants["schooling"].cat.categories[:3].tolist() == [
        "SD",
        "SMP",
        "SMA",
    ]
    assert participants["schooling"].min() == "SMP"


def test_attendance_is_read_sorted_by_session_then_code(folder, participants):
    attendance = read_attendance(folder / "kehadiran.csv", participants)

    assert list(attendance.columns) == ["code", "session", "present"]
    assert len(attendance) == 8
    assert attendance["session"].tolist() == [1, 1, 1, 1, 2, 2, 2, 2]
    assert attendance["present"].tolist() == [
        True, True, False, True, True, False, False, True,
    ]  # fmt: skip
    assert attendance.attrs["path"].endswith("kehadiran.csv")


def test_scores_are_read_with_decimal_comma(folder, participants):
    scores = read_quiz_scores(folder / "nilai.csv", participants)

    assert list(scores.columns) == ["code", "session", "test", "score"]
    assert len(scores) == 9
    # Sorted by session, pre before post, then code.
    assert scores.iloc[:5][["code", "test"]].values.tolist() == [
        ["P001", "pre"],
        ["P002", "pre"],
        ["P004", "pre"],
        ["P001", "post"],
        ["P004", "post"],
    ]
    # "65,5" is sixty-five and a half.
    assert scores.loc[4, "score"] == 65.5


def test_read_class_records_reads_the_folder(folder):
    records = read_class_records(folder)

    assert isinstance(records, ClassRecords)
    assert len(records.participants) == 4
    assert len(records.attendance) == 8
    assert len(records.scores) == 9


def test_semicolons_bom_english_headers_and_lower_case_codes(tmp_path):
    path = tmp_path / "attendance.csv"
    path.write_bytes(
        "\ufeffCode;Session;Present;catatan\np001;1;1;datang telat\n".encode()
    )

    attendance = read_attendance(path)

    assert attendance.to_dict("records") == [
        {"code": "P001", "session": 1, "present": True}
    ]


def test_test_aliases_are_read(tmp_path):
    path = tmp_path / "nilai.csv"
    path.write_text("kode,sesi,tes,nilai\nP001,1,Pretest,10\nP001,1,akhir,20\n")

    scores = read_quiz_scores(path)

    assert scores["test"].tolist() == ["pre", "post"]


# --- attendance rate and quiz summary, worked by hand --------------------


def test_attendance_rate_by_hand(folder):
    attendance = read_attendance(folder / "kehadiran.csv")

    # Session 1: P001, P002, P004 present of 4 rows -> 3 / 4 = 0.75.
    assert attendance_rate(attendance, 1) == 0.75
    # Session 2: P001, P004 present of 4 rows -> 2 / 4 = 0.5.
    assert attendance_rate(attendance, 2) == 0.5
    # Session 3 was not recorded: no rate.
    assert math.isnan(attendance_rate(attendance, 3))


def test_quiz_summary_session_1_by_hand(folder):
    scores = read_quiz_scores(folder / "nilai.csv")

    summary = quiz_summary(scores, 1)

    # Pairs: P001 (40, 70) and P004 (70, 65.5); P002 has no post quiz.
    # pre mean  = (40 + 70) / 2   = 55
    # post mean = (70 + 65.5) / 2 = 67.75
    # gain mean = (30 + -4.5) / 2 = 12.75; one pair improved (P001).
    assert summary == {
        "n": 2,
        "pre_mean": 55.0,
        "post_mean": 67.75,
        "gain_mean": 12.75,
        "n_improved": 1,
        "n_pre": 3,
        "n_post": 2,
    }


def test_quiz_summary_session_2_by_hand(folder):
    scores = read_quiz_scores(folder / "nilai.csv")

    summary = quiz_summary(scores, 2)

    # Pairs: P001 (50, 90), P004 (55, 85).
    # pre mean (50 + 55) / 2 = 52.5; post mean (90 + 85) / 2 = 87.5;
    # gain mean (40 + 30) / 2 = 35; both improved.
    assert summary["n"] == 2
    assert summary["pre_mean"] == 52.5
    assert summary["post_mean"] == 87.5
    assert summary["gain_mean"] == 35.0
    assert summary["n_improved"] == 2


def test_quiz_summary_of_a_session_without_scores(folder):
    scores = read_quiz_scores(folder / "nilai.csv")

    summary = quiz_summary(scores, 4)

    assert summary["n"] == 0
    assert math.isnan(summary["pre_mean"])
    assert summary["n_pre"] == 0


@pytest.mark.parametrize("session", [0, 5, "1"])
def test_summaries_refuse_a_session_that_does_not_exist(folder, session):
    attendance = read_attendance(folder / "kehadiran.csv")
    scores = read_quiz_scores(folder / "nilai.csv")

    with pytest.raises(ValueError, match="Sesi"):
        attendance_rate(attendance, session)
    with pytest.raises(ValueError, match="Sesi"):
        quiz_summary(scores, session)


# --- broken variants ---------------------------------------------------------


@pytest.mark.parametrize(
    "name, key, row, column, expected, found",
    [
        (
            "peserta_duplicate_code.csv",
            "classrecords.duplicate_row",
            4,
            "kode",
            "kode",
            "P002",
        ),
        (
            "peserta_unknown_role.csv",
            "classrecords.bad_role",
            3,
            "peran",
            "anggota, pengurus, member, manager",
            "ketua",
        ),
        (
            "peserta_unknown_age_band.csv",
            "classrecords.bad_age_band",
            4,
            "usia",
            "18-24, 25-34, 35-44, 45-54, 55-65, 66+",
            "20-30",
        ),
        (
            "peserta_unknown_schooling.csv",
            "classrecords.bad_schooling",
            4,
            "pendidikan",
            "SD, SMP, SMA, SMK, D1, D2, D3, D4, S1, S2, S3",
            "SMU",
        ),
        (
            "peserta_name_as_code.csv",
            "classrecords.bad_code",
            3,
            "kode",
            "P001",
            "Siti",
        ),
    ],
)
def test_broken_participant_lists(
    folder, name, key, row, column, expected, found
):
    path = folder / name

    with pytest.raises(InputError) as caught:
        read_participants(path)

    error = caught.value
    assert error.key == key
    assert (error.path, error.row, error.column) == (str(path), row, column)
    assert (error.expected, error.found) == (expected, found)


def test_a_column_of_names_is_refused(folder):
    path = folder / "peserta_with_names.csv"

    with pytest.raises(InputError) as caught:
        read_participants(path)

    assert caught.value.key == "classrecords.names_present"
    assert caught.value.column == "nama"
    assert "nama orang" in str(caught.value)


@pytest.mark.parametrize(
    "header",
    [
        "nama_lengkap",
        "participant name",
        "Nama Peserta",
        "full_name",
        "NAMA-PESERTA",
        "fullName",
        " Name ",
    ],
)
def test_a_column_of_names_is_refused_whatever_its_header(tmp_path, header):
    path = tmp_path / "peserta.csv"
    path.write_text(
        f"kode,{header},peran,usia,pendidikan\nP001,Contoh,anggota,,\n",
        encoding="utf-8",
    )

    with pytest.raises(InputError) as caught:
        read_participants(path)

    assert caught.value.key == "classrecords.names_present"
    assert caught.value.found == header.strip()


@pytest.mark.parametrize("header", ["rename", "username", "namespace"])
def test_words_that_only_contain_name_are_not_names(tmp_path, header):
    # "catatan" columns are ignored; these hold "name" inside a word only.
    path = tmp_path / "peserta.csv"
    path.write_text(
        f"kode,{header},peran,usia,pendidikan\nP001,x,anggota,,\n",
        encoding="utf-8",
    )

    assert read_participants(path)["code"].tolist() == ["P001"]


@pytest.mark.parametrize(
    "names",
    [["Peserta.csv"], ["peserta.xlsx"], ["peserta.xlsx", "PESERTA.CSV"]],
)
def test_a_participant_list_under_another_name_is_pointed_out(
    tmp_path, folder, names
):
    for name in names:
        (tmp_path / name).write_bytes((folder / "peserta.csv").read_bytes())
    for name in ("kehadiran.csv", "nilai.csv"):
        (tmp_path / name).write_bytes((folder / name).read_bytes())

    with pytest.raises(InputError) as caught:
        read_class_records(tmp_path)

    error = caught.value
    path = tmp_path / "peserta.csv"
    found = ", ".join(sorted(names))
    assert error.key == "classrecords.similar_files"
    assert (error.path, error.expected, error.found) == (
        str(path),
        "peserta.csv",
        found,
    )
    assert str(error) == (
        f"Berkas {path} tidak ditemukan. Di folder yang sama ada {found}. "
        "Simpan berkas itu sebagai CSV dengan nama peserta.csv (huruf kecil "
        "semua, berakhiran .csv), lalu coba lagi."
    )


def test_an_attendance_file_under_another_name_is_pointed_out(tmp_path):
    (tmp_path / "Kehadiran.xls").write_bytes(b"\xd0\xcf\x11\xe0")

    with pytest.raises(InputError) as caught:
        read_attendance(tmp_path / "kehadiran.csv")

    assert caught.value.key == "classrecords.similar_files"
    assert caught.value.found == "Kehadiran.xls"


def test_a_missing_file_without_similar_ones_is_simply_not_found(tmp_path):
    (tmp_path / "peserta_lama.csv").write_text("kode\n", encoding="utf-8")

    with pytest.raises(InputError) as caught:
        read_participants(tmp_path / "peserta.csv")

    assert caught.value.key == "common.file_not_found"


def test_a_missing_column_is_named(folder):
    with pytest.raises(InputError) as caught:
        read_participants(folder / "peserta_missing_column.csv")

    assert caught.value.key == "common.missing_columns"
    assert caught.value.expected == "pendidikan"


@pytest.mark.parametrize(
    "name, key, row, column, expected, found",
    [
        (
            "kehadiran_unknown_code.csv",
            "classrecords.unknown_code",
            5,
            "kode",
            None,  # the participant list's path, checked below
            "P009",
        ),
        (
            "kehadiran_session_5.csv",
            "classrecords.bad_session",
            4,
            "sesi",
            "1-4",
            "5",
        ),
        (
            "kehadiran_duplicate_row.csv",
            "classrecords.duplicate_row",
            6,
            "kode",
            "kode + sesi",
            "P002 1",
        ),
        (
            "kehadiran_present_not_1_or_0.csv",
            "classrecords.bad_present",
            3,
            "hadir",
            "1, 0",
            "ya",
        ),
    ],
)
def test_broken_attendance(
    folder, participants, name, key, row, column, expected, found
):
    path = folder / name

    with pytest.raises(InputError) as caught:
        read_attendance(path, participants)

    error = caught.value
    assert error.key == key
    assert (error.path, error.row, error.column) == (str(path), row, column)
    assert error.found == found
    assert error.expected == (expected or str(folder / "peserta.csv"))


def test_duplicate_attendance_names_the_first_row(folder):
    with pytest.raises(InputError) as caught:
        read_attendance(folder / "kehadiran_duplicate_row.csv")

    # P002 session 1 is data row 2 (row 3) and again in row 6.
    assert caught.value.first_row == 3
    assert "baris 6" in str(caught.value)
    assert "baris 3" in str(caught.value)


def test_a_participant_without_a_row_in_a_session_is_refused(
    folder, participants
):
    path = folder / "kehadiran_missing_row.csv"

    with pytest.raises(InputError) as caught:
        read_attendance(path, participants)

    error = caught.value
    assert error.key == "classrecords.missing_attendance"
    assert (error.code, error.session) == ("P003", 2)
    assert error.expected == "P003,2,0"


def test_unknown_codes_pass_without_a_participant_list(folder):
    attendance = read_attendance(folder / "kehadiran_unknown_code.csv")

    assert "P009" in set(attendance["code"])


@pytest.mark.parametrize(
    "name, key, row, column, expected, found",
    [
        (
            "nilai_out_of_range.csv",
            "classrecords.score_out_of_range",
            4,
            "nilai",
            "0-100",
            "105",
        ),
        (
            "nilai_not_a_number.csv",
            "classrecords.bad_score",
            3,
            "nilai",
            "0-100",
            "delapan puluh",
        ),
        (
            "nilai_duplicate_row.csv",
            "classrecords.duplicate_row",
            6,
            "kode",
            "kode + sesi + tes",
            "P001 1 pre",
        ),
        (
            "nilai_unknown_code.csv",
            "classrecords.unknown_code",
            3,
            "kode",
            None,
            "P007",
        ),
        (
            "nilai_session_0.csv",
            "classrecords.bad_session",
            3,
            "sesi",
            "1-4",
            "0",
        ),
        (
            "nilai_unknown_test.csv",
            "classrecords.bad_test",
            3,
            "tes",
            "pre, post, pretest, posttest, awal, akhir",
            "tengah",
        ),
    ],
)
def test_broken_scores(
    folder, participants, name, key, row, column, expected, found
):
    path = folder / name

    with pytest.raises(InputError) as caught:
        read_quiz_scores(path, participants)

    error = caught.value
    assert error.key == key
    assert (error.path, error.row, error.column) == (str(path), row, column)
    assert error.found == found
    assert error.expected == (expected or str(folder / "peserta.csv"))


@pytest.mark.parametrize("written", ["-5", "100.5", "1000"])
def test_scores_outside_0_100_are_refused(tmp_path, written):
    path = tmp_path / "nilai.csv"
    path.write_text(f"kode,sesi,tes,nilai\nP001,1,pre,{written}\n")

    with pytest.raises(InputError) as caught:
        read_quiz_scores(path)

    assert caught.value.key == "classrecords.score_out_of_range"


@pytest.mark.parametrize(
    ("written", "score"),
    [("0", 0.0), ("100", 100.0), ("0,0", 0.0), ("100.0", 100.0)],
)
def test_scores_at_the_limits_are_read(tmp_path, written, score):
    path = tmp_path / "nilai.csv"
    path.write_text(f'kode,sesi,tes,nilai\nP001,1,pre,"{written}"\n')

    assert read_quiz_scores(path)["score"].iloc[0] == score


@pytest.mark.parametrize("written", ["", " ", "nan", "inf", "1e2", "80%"])
def test_an_empty_or_odd_score_is_not_a_number(tmp_path, written):
    path = tmp_path / "nilai.csv"
    path.write_text(f'kode,sesi,tes,nilai\nP001,1,pre,"{written}"\n')

    with pytest.raises(InputError) as caught:
        read_quiz_scores(path)

    assert caught.value.key == "classrecords.bad_score"


def test_error_is_in_english_when_chosen(folder):
    set_language("en")

    with pytest.raises(InputError) as caught:
        read_quiz_scores(folder / "nilai_out_of_range.csv")

    message = str(caught.value)
    assert "row 4, column nilai" in message
    assert "between 0-100" in message


def test_every_message_names_file_row_and_column(folder, participants):
    with pytest.raises(InputError) as caught:
        read_attendance(folder / "kehadiran_session_5.csv", participants)

    message = str(caught.value)
    assert "kehadiran_session_5.csv" in message
    assert "baris 4" in message
    assert "kolom sesi" in message
    assert "'5'" in message


def test_row_numbers_count_blank_lines(tmp_path):
    # Header row 1, P001 row 2, a blank line row 3, P002 row 4.
    path = tmp_path / "peserta.csv"
    path.write_text(
        "kode,peran,usia,pendidikan\n"
        "P001,anggota,25-34,SMA\n"
        "\n"
        "P002,guru,25-34,SMA\n"
    )

    with pytest.raises(InputError) as caught:
        read_participants(path)

    assert (caught.value.row, caught.value.found) == (4, "guru")


def test_row_numbers_below_an_excel_sep_line(tmp_path):
    # sep=; row 1, header row 2, P001 row 3, "Budi" row 4.
    path = tmp_path / "peserta.csv"
    path.write_text(
        "sep=;\nkode;peran;usia;pendidikan\nP001;anggota;;\nBudi;anggota;;\n",
        encoding="utf-8",
    )

    with pytest.raises(InputError) as caught:
        read_participants(path)

    assert (caught.value.key, caught.value.row) == ("classrecords.bad_code", 4)


def test_raw_files_are_not_modified(folder):
    path = folder / "nilai.csv"
    before = path.read_bytes()

    read_class_records(folder)

    assert path.read_bytes() == before


# --- fuzz --------------------------------------------------------------------

READERS = [read_participants, read_attendance, read_quiz_scores]

HEADERS = [
    "kode,peran,usia,pendidikan",
    "kode,sesi,hadir",
    "kode,sesi,tes,nilai",
]

# Cells that are sometimes right, sometimes wrong, sometimes odd.
CELLS = st.sampled_from(
    [
        "P001", "p002", "P1", "Budi", "", " ", "1", "0", "4", "5", "-1",
        "pre", "post", "awal", "anggota", "pengurus", "25-34", "66+", "SMP",
        "S1", "99,5", "100", "101", "1e3", "nan", '"', "\u00a0", ";", "é",
    ]
)  # fmt: skip


def _read_bytes(reader, data):
    """Write ``data`` to a temporary file and read it with ``reader``."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.csv"
        path.write_bytes(data)
        try:
            reader(path)
        except InputError:
            pass


@pytest.mark.parametrize("reader", READERS)
@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=400))
def test_any_bytes_give_a_table_or_input_error(reader, data):
    _read_bytes(reader, data)


@pytest.mark.parametrize(
    "reader, header", list(zip(READERS, HEADERS, strict=True))
)
@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    rows=st.lists(
        st.lists(CELLS, min_size=0, max_size=5), min_size=0, max_size=8
    ),
    separator=st.sampled_from([",", ";"]),
)
def test_right_header_with_any_cells_gives_table_or_input_error(
    reader, header, rows, separator
):
    lines = [header.replace(",", separator)]
    lines += [separator.join(row) for row in rows]
    _read_bytes(reader, "\n".join(lines).encode("utf-8"))
