"""The report job: papermill per notebook, HTML pages, index, failures."""

import ast
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from kitpaths import ROOT
from tokolab import InputError, ReportError, reports, set_language
from tokolab.reports import (
    ReportJob,
    notebook_to_html,
    plan_reports,
    run_notebook,
    write_atomically,
    write_reports,
)

NOTEBOOKS = Path(__file__).parent / "fixtures" / "notebooks"
REPORT_NOTEBOOKS = [
    ROOT / "notebooks" / "laporan" / "laporan-sesi.ipynb",
    ROOT / "notebooks" / "laporan" / "laporan-program.ipynb",
]


def outputs_text(path):
    """Every stream output of an executed notebook, joined."""
    notebook = nbformat.read(path, as_version=4)
    return "".join(
        output.get("text", "")
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
    )


def test_one_job_per_session_then_the_programme(tmp_path):
    jobs = plan_reports(tmp_path / "kelas", tmp_path / "program", "id")

    assert [job.name for job in jobs] == [
        "sesi-1",
        "sesi-2",
        "sesi-3",
        "sesi-4",
        "program",
    ]
    assert jobs[2].parameters == {
        "session": 3,
        "data_folder": str(tmp_path / "kelas"),
        "language": "id",
        "timezone": "Asia/Jakarta",
    }
    assert jobs[4].parameters == {
        "program_folder": str(tmp_path / "program"),
        "language": "id",
    }
    assert jobs[2].title.startswith("Sesi 3: ")


def parameter_names(notebook):
    """The names assigned in the notebook's only ``parameters`` cell."""
    (cell,) = [
        cell
        for cell in notebook.cells
        if "parameters" in cell.metadata.get("tags", [])
    ]
    return {
        target.id
        for statement in ast.parse(cell.source).body
        for target in statement.targets
    }


@pytest.mark.parametrize("path", REPORT_NOTEBOOKS, ids=lambda p: p.name)
def test_report_notebook_has_one_parameters_cell_and_no_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)

    # One parameters cell, naming exactly what the job passes to it.
    job = next(
        job for job in plan_reports("d", "p", "id") if job.notebook == path
    )
    assert parameter_names(notebook) == set(job.parameters)

    # Committed without outputs or execution counts.
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert [cell.outputs for cell in code] == [[]] * len(code)
    assert {cell.execution_count for cell in code} == {None}


def test_parameters_reach_the_notebook(tmp_path):
    executed = tmp_path / "out.ipynb"

    run_notebook(NOTEBOOKS / "prints-session.ipynb", executed, {"session": 4})

    assert "sesi nomor 4" in outputs_text(executed)


def test_kernel_is_this_python_whatever_the_notebook_names(tmp_path):
    # The fixture asks for a "julia-1.9" kernel that does not exist here.
    executed = tmp_path / "out.ipynb"

    run_notebook(NOTEBOOKS / "kernel-named-elsewhere.ipynb", executed, {})

    assert outputs_text(executed).strip() == sys.executable


def test_html_hides_code_and_the_editors_note(tmp_path):
    executed = tmp_path / "out.ipynb"
    run_notebook(NOTEBOOKS / "prints-session.ipynb", executed, {"session": 2})

    # A note for whoever edits the notebook, tagged to stay out of pages.
    notebook = nbformat.read(executed, as_version=4)
    note = nbformat.v4.new_markdown_cell("Catatan untuk penyunting")
    note.metadata["tags"] = ["remove-cell"]
    notebook.cells.insert(0, note)
    nbformat.write(notebook, executed)

    page = notebook_to_html(executed)

    assert "sesi nomor 2" in page
    assert "print(f" not in page
    assert "Catatan untuk penyunting" not in page


def test_html_page_has_the_report_title_and_language(tmp_path):
    executed = tmp_path / "out.ipynb"
    run_notebook(NOTEBOOKS / "prints-session.ipynb", executed, {"session": 2})

    page = notebook_to_html(executed, "Sesi 2: Deskripsi produk")
    assert '<html lang="id">' in page
    assert "<title>Sesi 2: Deskripsi produk</title>" in page

    set_language("en")
    assert '<html lang="en">' in notebook_to_html(executed, "Session 2")


def test_atomic_write_leaves_the_old_file_when_writing_fails(tmp_path):
    page = tmp_path / "sesi-1.html"
    page.write_text("laporan lama", encoding="utf-8")

    # A lone surrogate cannot be written as UTF-8: the write fails after
    # the hidden file beside the page has been made.
    with pytest.raises(UnicodeEncodeError):
        write_atomically(page, "laporan baru " * 1000 + "\ud800")

    assert page.read_text(encoding="utf-8") == "laporan lama"
    assert [path.name for path in tmp_path.iterdir()] == ["sesi-1.html"]


def test_atomic_write_gives_the_usual_permissions(tmp_path):
    # With umask 022 a new file is rw-r--r--: 0o666 & ~0o022 = 0o644.
    umask = os.umask(0o022)
    try:
        write_atomically(tmp_path / "index.html", "<p>laporan</p>")
    finally:
        os.umask(umask)

    mode = stat.S_IMODE((tmp_path / "index.html").stat().st_mode)
    assert mode == 0o644


@pytest.fixture
def two_jobs_one_failing(monkeypatch):
    """Replace the real plan with one good and one failing notebook."""

    def plan(data, program, language, syllabus=None, timezone=None):
        return [
            ReportJob(
                "sesi-1",
                NOTEBOOKS / "prints-session.ipynb",
                {"session": 1},
                "Sesi 1",
            ),
            ReportJob(
                "sesi-2",
                NOTEBOOKS / "fails-in-cell-3.ipynb",
                {"session": 2},
                "Sesi 2",
            ),
        ]

    monkeypatch.setattr(reports, "plan_reports", plan)


@pytest.mark.usefixtures("two_jobs_one_failing")
def test_one_failure_keeps_the_others_and_says_where(tmp_path):
    # An older page of the failing session must not survive as if current.
    (tmp_path / "sesi-2.html").write_text("lama", encoding="utf-8")

    with pytest.raises(ReportError) as caught:
        write_reports(output=tmp_path, progress=False)

    message = str(caught.value)
    assert "sesi-2" in message
    assert "harga tidak terbaca" in message
    # One line per failed report under the summary line.
    assert message.splitlines()[1].startswith("- sesi-2: gagal di sel [4]")
    # papermill adds its injected-parameters cell after the parameters
    # cell, so the third cell of the fixture runs as [4] in the kept copy,
    # which is the number the tutor sees when opening it.
    assert "sel [4]" in message

    assert (tmp_path / "sesi-1.html").exists()
    assert not (tmp_path / "sesi-2.html").exists()
    kept = tmp_path / "sesi-2-gagal.ipynb"
    assert "harga tidak terbaca" in kept.read_text(encoding="utf-8")

    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<a href="sesi-1.html">' in index
    assert '<a href="sesi-2.html">' not in index
    assert "gagal di sel [4]" in index


@pytest.mark.usefixtures("two_jobs_one_failing")
def test_failure_note_goes_once_the_notebook_is_fixed(tmp_path, monkeypatch):
    with pytest.raises(ReportError):
        write_reports(output=tmp_path, progress=False)

    fixed = ReportJob(
        "sesi-2", NOTEBOOKS / "prints-session.ipynb", {"session": 2}, "Sesi 2"
    )
    monkeypatch.setattr(reports, "plan_reports", lambda *a, **k: [fixed])
    write_reports(output=tmp_path, progress=False)

    assert (tmp_path / "sesi-2.html").exists()
    assert not (tmp_path / "sesi-2-gagal.ipynb").exists()


def test_a_missing_notebook_is_one_failure_not_a_crash(tmp_path, monkeypatch):
    jobs = [
        ReportJob("sesi-1", NOTEBOOKS / "tidak-ada.ipynb", {}, "Sesi 1"),
        ReportJob(
            "sesi-2", NOTEBOOKS / "prints-session.ipynb", {"session": 2}, "2"
        ),
    ]
    monkeypatch.setattr(reports, "plan_reports", lambda *a, **k: jobs)

    with pytest.raises(ReportError) as caught:
        write_reports(output=tmp_path, progress=False)

    # The worker broke before papermill ran a cell; the other page and the
    # index are still written, and the message names the missing file.
    assert "FileNotFoundError" in str(caught.value)
    assert "tidak-ada.ipynb" in str(caught.value)
    assert caught.value.run.failed["sesi-1"]["notebook"] is None
    assert (tmp_path / "sesi-2.html").exists()
    assert "tidak-ada.ipynb" in (tmp_path / "index.html").read_text("utf-8")


def test_the_language_asked_for_is_the_language_of_the_pages(
    tmp_path, monkeypatch
):
    # The process speaks Indonesian (conftest); the job is asked for English.
    english = plan_reports(tmp_path, tmp_path, "en")
    assert english[2].title.startswith("Session 3: ")
    assert english[4].title.startswith("Programme summary")

    job = ReportJob(
        "sesi-1", NOTEBOOKS / "prints-session.ipynb", {"session": 1}, "1"
    )
    monkeypatch.setattr(reports, "plan_reports", lambda *a, **k: [job])
    write_reports(output=tmp_path, language="en", progress=False)

    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in index
    assert "<h1>Online shop training reports</h1>" in index
    page = (tmp_path / "sesi-1.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in page


def test_a_wrong_data_folder_stops_before_any_page_is_touched(tmp_path):
    output = tmp_path / "laporan"
    output.mkdir()
    (output / "sesi-1.html").write_text("laporan lama", encoding="utf-8")

    with pytest.raises(InputError, match="tidak ada"):
        write_reports(data=tmp_path / "salah-ketik", output=output)

    assert [p.name for p in output.iterdir()] == ["sesi-1.html"]
    assert (output / "sesi-1.html").read_text(encoding="utf-8") == (
        "laporan lama"
    )


def test_the_class_folder_itself_is_answered_with_its_parent(tmp_path):
    kelas = tmp_path / "kelasku" / "kelas"
    kelas.mkdir(parents=True)
    (kelas / "peserta.csv").write_text("kode\nP001\n", encoding="utf-8")

    with pytest.raises(InputError) as caught:
        write_reports(data=kelas, output=tmp_path / "laporan")

    assert caught.value.parent == str(tmp_path / "kelasku")
    assert not (tmp_path / "laporan").exists()


def test_a_data_folder_without_kelas_says_what_it_holds(tmp_path):
    (tmp_path / "catatan.txt").write_text("-", encoding="utf-8")

    with pytest.raises(InputError) as caught:
        write_reports(data=tmp_path, output=tmp_path / "laporan")

    assert caught.value.found == "catatan.txt"


def test_output_that_is_a_file_is_refused(tmp_path):
    page = tmp_path / "laporan.html"
    page.write_text("isi", encoding="utf-8")

    with pytest.raises(InputError, match="bukan folder"):
        write_reports(output=page)

    assert page.read_text(encoding="utf-8") == "isi"


def test_ctrl_c_stops_every_worker_and_keeps_finished_pages(tmp_path):
    # Started as a tutor would, then interrupted while notebooks run.
    output = tmp_path / "laporan"
    command = [sys.executable, "-m", "tokolab.cli", "report", "--quiet"]
    job = subprocess.Popen(
        command + ["--output", str(output)],
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(4)
    job.send_signal(signal.SIGINT)

    _, errors = job.communicate(timeout=60)

    assert job.returncode == 130
    assert "Dihentikan" in errors
    assert "Traceback" not in errors
    # Whatever is there is whole: no temporary file is left behind.
    assert not [p for p in output.iterdir() if p.name.startswith(".")]


def test_atomic_write_says_plainly_why_it_cannot_write(tmp_path):
    # A folder where the page should go: the kit's sentence, no OSError.
    (tmp_path / "index.html").mkdir()

    with pytest.raises(InputError) as caught:
        write_atomically(tmp_path / "index.html", "<p>laporan</p>")

    assert caught.value.key == "common.cannot_write"
    assert str(caught.value) == (
        f"Berkas {tmp_path / 'index.html'} tidak bisa ditulis: nama itu "
        "sudah dipakai oleh sebuah folder. Pilih nama berkas yang lain."
    )
    assert [path.name for path in tmp_path.iterdir()] == ["index.html"]
