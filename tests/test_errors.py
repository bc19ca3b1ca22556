"""The kit's errors: structured fields, a sentence, one line in IPython."""

import os
import subprocess
import sys

import pytest

from tokolab import InputError, ReportError, set_language


def test_fields_are_attributes_and_the_sentence_follows_the_language():
    error = InputError("common.file_not_found", path="produk.csv")

    assert error.key == "common.file_not_found"
    assert error.path == "produk.csv"
    assert str(error) == (
        "Berkas produk.csv tidak ditemukan. Periksa nama berkas dan foldernya."
    )
    set_language("en")
    assert str(error) == (
        "File produk.csv was not found. Check the file name and its folder."
    )
    with pytest.raises(AttributeError):
        error.row  # noqa: B018 - no such field


def test_ipython_shows_one_line_not_a_traceback():
    error = InputError("common.file_empty", path="a.csv")

    assert error._render_traceback_() == [
        "InputError: Berkas a.csv kosong. Diharapkan ada baris judul kolom "
        "dan data."
    ]
    set_language("en")
    assert error._render_traceback_() == [
        "InputError: File a.csv is empty. Expected a header row and data."
    ]


def test_the_class_name_is_the_subclass_s():
    error = ReportError("common.file_empty", path="b.csv")
    assert error._render_traceback_()[0].startswith("ReportError: Berkas b.csv")


def test_a_notebook_cell_that_raises_shows_only_the_sentence():
    # The same call IPython makes for a cell in JupyterLab, in a process
    # of its own: an IPython shell replaces __main__ for good.
    cell = (
        "from tokolab import InputError\n"
        "raise InputError('common.file_not_found', path='c.csv')"
    )
    script = (
        "from IPython.core.interactiveshell import InteractiveShell\n"
        f"InteractiveShell.instance().run_cell({cell!r})\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "TOKOLAB_LANG": "id"},
    ).stdout

    assert shown.strip() == (
        "InputError: Berkas c.csv tidak ditemukan. Periksa nama berkas dan "
        "foldernya."
    )
    assert "Traceback" not in shown
