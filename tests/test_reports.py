"""The report job: papermill per notebook, HTML pages, index, failures."""

import sys
from pathlib import Path

import nbformat
import pytest

from tokolab import ReportError, reports
from tokolab.reports import (
    ReportJob,
    notebook_to_html,
    plan_reports,
    run_notebook,
    write_atomically,
    write_reports,
)

NOTEBOOKS = Path(__file__).parent / "fixtures" / "notebooks"


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
        "program_folder": str(tmp_path / "program"),
        "language": "id",
    }
    assert jobs[2].title.startswith("Sesi 3: ")


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

    page = notebook_to_html(executed)

    assert "sesi nomor 2" in page
    assert "print(f" not in page


def test_atomic_write_leaves_the_old_file_when_writing_fails(tmp_path):
    page = tmp_path / "sesi-1.html"
    page.write_text("laporan lama", encoding="utf-8")

    class Unwritable:
        def __str__(self):
            raise RuntimeError("disk penuh")

    with pytest.raises(TypeError):
        write_atomically(page, Unwritable())

    assert page.read_text(encoding="utf-8") == "laporan lama"
    assert [path.name for path in tmp_path.iterdir()] == ["sesi-1.html"]


@pytest.fixture
def two_jobs_one_failing(monkeypatch):
    """Replace the real plan with one good and one failing notebook."""

    def plan(data, program, language, syllabus=None):
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
