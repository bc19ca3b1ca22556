"""The message catalog: complete in both languages, placeholders in step."""

import string

import pytest

from tokolab import InputError, set_language, text
from tokolab.messages import (
    LANGUAGES,
    LaterText,
    format_number,
    format_percent,
    load_catalog,
    or_dash,
)


def placeholders(sentence):
    return {
        name
        for _, name, _, _ in string.Formatter().parse(sentence)
        if name is not None
    }


@pytest.mark.parametrize("key", sorted(load_catalog()))
def test_every_entry_speaks_both_languages_with_same_fields(key):
    sentences = load_catalog()[key]
    assert set(sentences) == set(LANGUAGES)
    assert placeholders(sentences["id"]) == placeholders(sentences["en"])


def test_indonesian_is_the_default_and_english_can_be_chosen():
    indonesian = text("common.file_empty", path="a.csv")
    assert indonesian.startswith("Berkas a.csv kosong")

    set_language("en")
    assert text("common.file_empty", path="a.csv").startswith(
        "File a.csv is empty"
    )


def test_error_text_follows_the_language_at_the_time_it_is_shown():
    error = InputError("common.file_not_found", path="b.csv")
    assert "tidak ditemukan" in str(error)

    set_language("en")
    assert "was not found" in str(error)
    assert error.path == "b.csv"


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="id, en"):
        set_language("fr")


def test_numbers_are_written_the_reader_s_way():
    # 49,733.33 with a dot for thousands and a comma for decimals.
    assert format_number(49733.333, decimals=2) == "49.733,33"
    assert format_number(49733.333, decimals=2, language="en") == "49,733.33"

    # 64 of 75 is 0.85333...: 85.3 %.
    assert format_percent(64 / 75) == "85,3%"
    assert format_percent(64 / 75, language="en") == "85.3%"


def test_a_missing_value_is_written_as_a_dash():
    # No impressions: no CTR to write, whether None or NaN.
    assert or_dash(None, format_percent) == "-"
    assert or_dash(float("nan"), format_percent, 2) == "-"

    # 3 of 4 is 0.75: 75,00 % with two decimals.
    assert or_dash(3 / 4, format_percent, 2) == "75,00%"
    assert or_dash(0, format_number) == "0"


def test_a_sentence_inside_an_error_follows_the_language_when_shown():
    # Raised in Indonesian, shown in English: the inner sentence too.
    error = InputError(
        "common.missing_columns",
        path="a.csv",
        expected=LaterText("common.file_empty", path="b.csv"),
        found="x",
    )
    assert "Berkas b.csv kosong" in str(error)

    set_language("en")
    assert str(error) == (
        "File a.csv has no column File b.csv is empty. Expected a header "
        "row and data.. Columns found: x."
    )
