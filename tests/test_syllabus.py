"""The syllabus as data: course/silabus.toml and its reader."""

import copy
import tempfile
import tomllib
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kitpaths import ROOT
from tokolab import InputError, set_language
from tokolab.syllabus import parse_syllabus, read_syllabus

SYLLABUS = ROOT / "course" / "silabus.toml"


@pytest.fixture(scope="module")
def syllabus():
    return read_syllabus()


@pytest.fixture(scope="module")
def raw():
    """The file as plain TOML, to check the reader against."""
    return tomllib.loads(SYLLABUS.read_text("utf-8"))


def broken_copy(tmp_path, old, new, count=1):
    """Write the syllabus with ``old`` replaced by ``new`` ``count`` times."""
    source = SYLLABUS.read_text("utf-8")
    assert source.count(old) >= count, old
    path = tmp_path / "silabus.toml"
    path.write_text(source.replace(old, new, count), "utf-8")
    return path


# --- the programme's syllabus ------------------------------------------------


def test_default_path_is_the_course_syllabus(syllabus):
    assert Path(syllabus.path) == SYLLABUS
    assert syllabus.timezone == "Asia/Jakarta"


def test_four_sessions_on_1_to_4_january_2024(syllabus):
    assert [s.number for s in syllabus.sessions] == [1, 2, 3, 4]
    assert [s.date for s in syllabus.sessions] == [
        date(2024, 1, 1),
        date(2024, 1, 2),
        date(2024, 1, 3),
        date(2024, 1, 4),
    ]


def test_every_session_is_180_minutes_45_theory_135_practice(syllabus, raw):
    # Straight from the TOML, without the reader: 09:00-12:00 is 180 min,
    # 25 % of 180 = 45 theory and 75 % = 135 practice.
    for session in raw["sesi"]:
        minutes = [a["menit"] for a in session["kegiatan"]]
        theory = [
            a["menit"] for a in session["kegiatan"] if a["jenis"] == "teori"
        ]
        assert sum(minutes) == 180, session["nomor"]
        assert sum(theory) == 45, session["nomor"]

    # And the reader agrees.
    for session in syllabus.sessions:
        assert session.minutes() == 180
        assert session.minutes("teori") == 45
        assert session.minutes("praktik") == 135


def test_programme_is_a_quarter_theory(syllabus):
    # 4 sessions x 45 = 180 theory of 4 x 180 = 720 minutes: 25 %.
    assert syllabus.minutes("teori") == 180
    assert syllabus.minutes() == 720
    assert syllabus.minutes("teori") / syllabus.minutes() == 0.25


def test_every_practice_letter_appears_exactly_once(raw):
    codes = [
        activity["kode"]
        for session in raw["sesi"]
        for activity in session["kegiatan"]
        if "kode" in activity
    ]

    assert sorted(codes) == list("abcdefg")


def test_practice_letters_are_in_the_sessions_the_programme_gives(syllabus):
    assert [s.practice_codes for s in syllabus.sessions] == [
        ["a"],
        ["b", "c"],
        ["d", "f"],
        ["e", "g"],
    ]
    # A letter marks practice, never theory.
    for session in syllabus.sessions:
        for activity in session.activities:
            if activity.code:
                assert activity.kind == "praktik"


def test_activities_fill_09_00_to_12_00_one_after_another(syllabus):
    for session in syllabus.sessions:
        assert (session.start, session.end) == (time(9), time(12))
        activities = session.activities
        assert activities[0].start == time(9)
        assert activities[-1].end == time(12)
        for before, after in zip(activities, activities[1:], strict=False):
            assert before.end == after.start


def test_times_are_wib(syllabus):
    first = syllabus.session(1)

    assert first.starts_at.isoformat() == "2024-01-01T09:00:00+07:00"
    assert first.ends_at.isoformat() == "2024-01-01T12:00:00+07:00"


def test_practice_activity_times_by_hand(syllabus):
    # Session 1: quiz 10 + theory 20 + 15 + 10 = 55 min after 09:00 -> 09:55;
    # practice (a) 95 min -> 11:30.
    practice = next(a for a in syllabus.session(1).activities if a.code == "a")
    assert (practice.start, practice.end) == (time(9, 55), time(11, 30))


def test_notebooks_sit_in_their_session_folder(syllabus):
    for session in syllabus.sessions:
        for activity in session.activities:
            if activity.notebook is not None:
                assert activity.notebook.startswith(
                    f"notebooks/sesi-{session.number}/"
                )
                assert activity.notebook.endswith(".ipynb")


def test_every_session_has_objectives_and_titles(syllabus):
    for session in syllabus.sessions:
        assert session.title
        assert len(session.objectives) >= 3
        assert all(a.title for a in session.activities)


def test_closing_evaluation_ends_the_programme(syllabus):
    last = syllabus.session(4).activities[-1]

    assert "Evaluasi penutup" in last.title
    assert last.end == time(12)


def test_unknown_session_and_kind():
    syllabus = read_syllabus()

    with pytest.raises(InputError):
        syllabus.session(5)
    with pytest.raises(ValueError, match="Jenis kegiatan"):
        syllabus.session(1).minutes("istirahat")


def test_unknown_session_names_the_file_and_the_sessions_there(raw):
    # The programme's syllabus has the four sessions 1, 2, 3, 4.
    assert [session["nomor"] for session in raw["sesi"]] == [1, 2, 3, 4]

    with pytest.raises(InputError) as caught:
        read_syllabus().session(9)

    error = caught.value
    assert error.key == "syllabus.no_such_session"
    assert (error.path, error.found, error.expected) == (
        str(SYLLABUS),
        9,
        "1, 2, 3, 4",
    )
    assert str(error) == (
        f"Sesi 9 tidak ada di silabus {SYLLABUS}. Sesi yang ada: 1, 2, 3, 4."
    )
    set_language("en")
    assert str(error) == (
        f"Session 9 is not in the syllabus {SYLLABUS}. "
        "The sessions are: 1, 2, 3, 4."
    )


def test_reading_leaves_the_file_alone():
    before = SYLLABUS.read_bytes()

    read_syllabus(SYLLABUS)

    assert SYLLABUS.read_bytes() == before


# --- values written the other accepted ways ----------------------------------


def test_times_and_minutes_written_as_text(tmp_path):
    path = broken_copy(tmp_path, 'mulai = "09:00"', 'mulai = "09.00 WIB"')
    path.write_text(
        path.read_text("utf-8").replace("menit = 95", 'menit = "95 menit"'),
        "utf-8",
    )

    session = read_syllabus(path).session(1)

    assert session.start == time(9)
    assert session.minutes() == 180


def test_native_toml_times_and_text_dates(tmp_path):
    path = broken_copy(tmp_path, 'mulai = "09:00"', "mulai = 09:00:00")
    path.write_text(
        path.read_text("utf-8").replace(
            "tanggal = 2024-01-01", 'tanggal = "2024-01-01"'
        ),
        "utf-8",
    )

    session = read_syllabus(path).session(1)

    assert (session.date, session.start) == (date(2024, 1, 1), time(9))


def test_a_shorter_plan_fits(tmp_path):
    # Discussion of 20 minutes cut to 5: 165 minutes in 180 still fit.
    path = broken_copy(
        tmp_path,
        'menit = 20\njenis = "praktik"',
        'menit = 5\njenis = "praktik"',
    )

    session = read_syllabus(path).session(1)

    assert session.minutes() == 165
    assert session.activities[-1].end == time(11, 45)


# --- broken variants ---------------------------------------------------------


@pytest.mark.parametrize(
    "old, new, key, column, found",
    [
        ("menit = 95", 'menit = "sembilan puluh"', "syllabus.bad_minutes",
         "menit", "'sembilan puluh'"),
        ("menit = 95", "menit = 0", "syllabus.bad_minutes", "menit", "0"),
        ("menit = 95", "menit = 9.5", "syllabus.bad_minutes", "menit", "9.5"),
        ("menit = 95", "menit = true", "syllabus.bad_minutes", "menit",
         "True"),
        ("menit = 95", "menit = 100", "syllabus.does_not_fit", "menit", 185),
        ('mulai = "09:00"', 'mulai = "jam sembilan"', "syllabus.bad_time",
         "mulai", "'jam sembilan'"),
        ('selesai = "12:00"', 'selesai = "25:00"', "syllabus.bad_time",
         "selesai", "'25:00'"),
        ('selesai = "12:00"', 'selesai = "08:00"',
         "syllabus.end_before_start", "selesai", "08:00"),
        ("tanggal = 2024-01-01", 'tanggal = "1 Januari 2024"',
         "syllabus.bad_date", "tanggal", "'1 Januari 2024'"),
        ("tanggal = 2024-01-01", 'tanggal = "2024-02-30"',
         "syllabus.bad_date", "tanggal", "'2024-02-30'"),
        ('jenis = "teori"', 'jenis = "ceramah"', "syllabus.bad_kind",
         "jenis", "'ceramah'"),
        ('kode = "a"', 'kode = "h"', "syllabus.bad_code", "kode", "'h'"),
        ('kode = "b"', 'kode = "a"', "syllabus.duplicate_code", "kode",
         "a"),
        ("menit = 95", "meint = 95", "syllabus.unknown_key", "meint",
         "meint"),
        ('notebook = "notebooks/sesi-1/01-apa-itu-e-commerce.ipynb"',
         'notebook = "/home/tutor/01.ipynb"', "syllabus.bad_notebook",
         "notebook", "'/home/tutor/01.ipynb'"),
        ('notebook = "notebooks/sesi-1/01-apa-itu-e-commerce.ipynb"',
         'notebook = "notebooks/sesi-1/01.pdf"', "syllabus.bad_notebook",
         "notebook", "'notebooks/sesi-1/01.pdf'"),
        ("nomor = 2", "nomor = 3", "syllabus.bad_number", "nomor", "3"),
        ('zona_waktu = "Asia/Jakarta"', 'zona_waktu = "WIB"',
         "syllabus.bad_timezone", "zona_waktu", "'WIB'"),
        ('judul = "Kuis akhir"', 'judul = ""', "syllabus.bad_text", "judul",
         "''"),
    ],
)  # fmt: skip
def test_broken_syllabus(tmp_path, old, new, key, column, found):
    path = broken_copy(tmp_path, old, new)

    with pytest.raises(InputError) as caught:
        read_syllabus(path)

    error = caught.value
    assert error.key == key
    assert error.path == str(path)
    assert error.column == column
    assert error.found == found


def test_error_names_session_and_activity(tmp_path):
    # Practice (a) is the 5th activity of session 1.
    path = broken_copy(tmp_path, "menit = 95", 'menit = "lama"')

    with pytest.raises(InputError) as caught:
        read_syllabus(path)

    message = str(caught.value)
    assert "sesi 1, kegiatan ke-5" in message
    assert "'lama'" in message
    assert "silabus.toml" in message


def test_does_not_fit_says_both_numbers(tmp_path):
    # 180 - 95 + 100 = 185 minutes in a 180-minute session.
    path = broken_copy(tmp_path, "menit = 95", "menit = 100")
    set_language("en")

    with pytest.raises(InputError) as caught:
        read_syllabus(path)

    message = str(caught.value)
    assert "185 minutes" in message
    assert "only 180 minutes" in message


def test_a_missing_key_is_named(tmp_path):
    path = broken_copy(tmp_path, 'judul = "Kuis akhir"\n', "")

    with pytest.raises(InputError) as caught:
        read_syllabus(path)

    assert caught.value.key == "syllabus.missing_key"
    assert caught.value.column == "judul"


def test_toml_syntax_error_gives_the_line(tmp_path):
    path = broken_copy(tmp_path, "menit = 95", "menit = ")

    with pytest.raises(InputError) as caught:
        read_syllabus(path)

    assert caught.value.key == "syllabus.not_toml"
    assert "line" in caught.value.reason


def test_missing_file(tmp_path):
    with pytest.raises(InputError) as caught:
        read_syllabus(tmp_path / "tidak-ada.toml")

    assert caught.value.key == "common.file_not_found"


# --- fuzz --------------------------------------------------------------------

TOML_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-10, 500)
    | st.floats(allow_nan=True)
    | st.text(max_size=12)
    | st.dates()
    | st.times(),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)

DOCUMENT = tomllib.loads(SYLLABUS.read_text("utf-8"))


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=400))
def test_any_bytes_give_a_syllabus_or_input_error(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "silabus.toml"
        path.write_bytes(data)
        try:
            read_syllabus(path)
        except InputError:
            pass


@settings(max_examples=200, deadline=None)
@given(
    session=st.integers(0, 3),
    activity=st.integers(0, 6),
    key=st.sampled_from(
        ["nomor", "tanggal", "mulai", "selesai", "judul", "tujuan",
         "kegiatan", "menit", "jenis", "notebook", "kode", "lain"]
    ),
    value=TOML_VALUES,
)  # fmt: skip
def test_any_value_in_any_place_gives_a_syllabus_or_input_error(
    session, activity, key, value
):
    document = copy.deepcopy(DOCUMENT)
    target = document["sesi"][session]
    if key in ("menit", "jenis", "notebook", "kode", "lain"):
        target = target["kegiatan"][activity]
    target[key] = value

    try:
        parse_syllabus(document)
    except InputError:
        pass


@settings(max_examples=200, deadline=None)
@given(document=st.dictionaries(st.text(max_size=8), TOML_VALUES))
def test_any_document_gives_a_syllabus_or_input_error(document):
    try:
        parse_syllabus(document)
    except InputError:
        pass
