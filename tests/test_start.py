"""The start-here notebook's two exercises, and what the notebook shows."""

from pathlib import Path

import nbclient
import nbformat
import pytest

from tokolab import progress
from tokolab.exercises import ANSWER, Outcome
from tokolab.start import run_key, total_price

NOTEBOOK = (
    Path(__file__).resolve().parent.parent
    / "notebooks"
    / "00-mulai-di-sini.ipynb"
)


@pytest.fixture(autouse=True)
def no_recording():
    progress.stop_progress()
    yield
    progress.stop_progress()


@pytest.mark.parametrize("answer", [37500, 3 * 12500, 37500.0])
def test_total_right(answer):
    feedback = total_price.check(answer)
    assert feedback.outcome is Outcome.RIGHT
    assert feedback.message == (
        "`total` sudah tepat: 37.500. Bu Sari menerima Rp 37.500."
    )


@pytest.mark.parametrize(
    ("answer", "start"),
    [
        # 3 * 12.500 is 37.5 in Python.
        (3 * 12.500, "`total` bernilai 37,5. Sepertinya 12.500 ditulis"),
        (12500, "`total` bernilai 12.500: itu harga satu bungkus saja."),
        # 2 * 12500 = 25000: no sentence of its own.
        (
            25000,
            "`total`: jawaban yang diharapkan 37.500, tetapi yang "
            "tertulis 25.000.",
        ),
        ("37.500", '`total` tertulis sebagai teks "37.500"'),
    ],
)
def test_total_wrong_says_what_to_fix(answer, start):
    feedback = total_price.check(answer)
    assert feedback.outcome is Outcome.WRONG
    assert feedback.message.startswith(start)


def test_total_not_attempted():
    assert total_price.check(ANSWER).outcome is Outcome.NOT_ATTEMPTED


def test_total_hints_and_solution():
    assert total_price.hint(1).message.startswith("Uang yang diterima")
    assert total_price.hint().message.startswith("Di Python, tanda kali")
    assert total_price.hint().message.startswith("Tulis `total = 3 * 12500`")
    assert total_price.solution().code == "total = 3 * 12500\ntotal"


def test_run_key_right_wrong_and_empty():
    assert str(run_key.check("b")) == (
        "Benar! Pilihan b (Shift+Enter) tepat. Shift+Enter menjalankan sel, "
        "lalu pindah ke sel berikutnya. Tombol ▶ di bilah atas melakukan hal "
        "yang sama."
    )
    assert str(run_key.check("c")) == (
        "Belum tepat: Pilihan c (Esc) belum tepat. Esc hanya keluar dari mode "
        "menulis di dalam sel. Selnya tidak dijalankan."
    )
    assert run_key.check(None).outcome is Outcome.NOT_ATTEMPTED
    assert run_key.hint(2).level == 2
    assert run_key.solution().message.startswith("Jawabannya b, Shift+Enter")


def test_notebook_shows_not_answered_hint_and_solution(tmp_path):
    # The notebook is committed without outputs, so nbval compares none:
    # run it here and read the outputs that matter.
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(
        notebook,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    ).execute()
    results = {
        cell.source.splitlines()[-1]: cell.outputs
        for cell in notebook.cells
        if cell.cell_type == "code"
    }

    def plain(line):
        (output,) = results[line]
        return output["data"]["text/plain"]

    # 1 + 1 = 2; 3 * 12500 = 37500; 12500 * 4 = 50000.
    assert plain("1 + 1") == "2"
    assert plain("3 * 12500") == "37500"
    assert plain("harga_keripik * jumlah_bungkus") == "50000"
    assert results['int("dua belas ribu")'][0]["ename"] == "ValueError"
    assert plain("tokolab.get_language()") == "'id'"
    assert plain("soal_1.check()") == (
        "Belum dijawab: `total` belum diisi. Ganti titik-titik (...) dengan "
        "jawaban Anda, jalankan selnya, lalu periksa lagi."
    )
    assert plain("soal_1.hint()").startswith("Petunjuk 1 dari 3:")
    # The solution stays hidden on Run All: its line is commented out.
    assert results["# soal_1.solution()"] == []
    (form,) = results["choice_form(soal_2)"]
    assert "application/vnd.jupyter.widget-view+json" in form["data"]

    # Recording is shown, commented out: nothing is recorded on Run All.
    assert results['# start_progress("P001")'] == []
    assert not list(NOTEBOOK.parent.glob("kemajuan-*.csv"))

    # A name instead of a code: the kit's error, in Indonesian, as one
    # line with its class name instead of a long red traceback.
    (error,) = results['start_progress("Bu Sari")']
    assert error["ename"] == "InputError"
    assert error["traceback"] == [
        'InputError: Kode peserta "Bu Sari" tidak bisa dipakai. Tulis kode '
        'peserta Anda, misalnya "P001": 1 sampai 3 huruf lalu 1 sampai 4 '
        "angka, tanpa spasi. Jangan menulis nama."
    ]


def test_notebook_says_which_messages_are_in_which_language():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    prose = "\n".join(
        cell.source for cell in notebook.cells if cell.cell_type == "markdown"
    )

    assert "Pesan kesalahan selalu berbahasa Inggris" not in prose
    assert "Pesan kesalahan dari Python sendiri berbahasa Inggris." in prose
    assert "Pesan dari tokolab (alat bantu kursus ini) berbahasa Indonesia" in (
        prose
    )


def test_notebook_is_committed_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
