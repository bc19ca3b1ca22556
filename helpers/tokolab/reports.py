"""The main job: one HTML report per training session, plus the programme's.

:func:`write_reports` runs the session report notebook once per session in
the syllabus, and the programme notebook once, with papermill, in parallel
across the machine's cores. Each executed notebook becomes an HTML page with
the code hidden; ``index.html`` links them all.

Outputs are written under a temporary name and moved into place, so a page
is either whole or absent. When one notebook fails, the others are still
written; the failed executed notebook is kept beside them
(``sesi-3-gagal.ipynb``, with the error in it) and
:class:`~tokolab.errors.ReportError` names it.

The notebooks find everything through their parameters, which hold absolute
paths, so the job runs the same from any working folder.
"""

import contextlib
import html
import logging
import multiprocessing
import os
import signal
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import papermill
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.manager import KernelManager
from nbconvert import HTMLExporter
from tqdm import tqdm
from traitlets.config import Config

from tokolab.classrecords import PARTICIPANTS_FILE
from tokolab.errors import InputError, ReportError
from tokolab.files import write_whole
from tokolab.messages import get_language, set_language, text
from tokolab.syllabus import read_syllabus
from tokolab.uptime import DEFAULT_TIMEZONE

logger = logging.getLogger(__name__)

# How long a worker asked to stop may take to shut its kernel down [s].
WORKER_GRACE_SECONDS = 10

# The kernels a worker process has running, for leave_worker.
_RUNNING_KERNELS = set()

PROJECT = Path(__file__).resolve().parents[2]
NOTEBOOKS = PROJECT / "notebooks" / "laporan"
SESSION_NOTEBOOK = NOTEBOOKS / "laporan-sesi.ipynb"
PROGRAM_NOTEBOOK = NOTEBOOKS / "laporan-program.ipynb"
DEFAULT_DATA = PROJECT / "data" / "contoh"
DEFAULT_PROGRAM = PROJECT / "data" / "program"
DEFAULT_OUTPUT = PROJECT / "reports"

# What the programme report reads from the programme folder.
PROGRAM_FILES = ("anggaran.csv", "jurnal.csv")


class CurrentPythonKernels(KernelSpecManager):
    """Resolve every kernel name to the Python running this process.

    A report notebook may name any kernel in its metadata; the reports must
    still run with the packages of the environment that runs the job.
    """

    def get_kernel_spec(self, kernel_name):
        return KernelSpec(
            argv=[
                sys.executable,
                "-m",
                "ipykernel_launcher",
                "-f",
                "{connection_file}",
            ],
            display_name=f"Python ({sys.executable})",
            language="python",
        )


@dataclass(frozen=True)
class ReportJob:
    """One notebook to run.

    Attributes
    ----------
    name : str
        The page's file name without ``.html``: ``sesi-1``, ``program``.
    notebook : Path
        The report notebook to run.
    parameters : dict
        Values for the notebook's ``parameters`` cell.
    title : str
        The page's title, in the language of the run.
    """

    name: str
    notebook: Path
    parameters: dict
    title: str


@dataclass
class ReportRun:
    """What a run of :func:`write_reports` wrote, and what failed.

    Attributes
    ----------
    output : Path
        The folder of the pages.
    written : list of Path
        The pages written.
    failed : dict
        Job name to ``{"notebook": kept notebook or None, "reason": str}``.
    """

    output: Path
    written: list = field(default_factory=list)
    failed: dict = field(default_factory=dict)

    @property
    def index(self):
        return self.output / "index.html"


def plan_reports(
    data, program, language, syllabus=None, timezone=DEFAULT_TIMEZONE
):
    """List the notebooks to run: one per session, then the programme's.

    Parameters
    ----------
    data : Path
        Folder of one class's files (``kelas/``, ``searchconsole/`` ...).
    program : Path
        Folder of the programme's own tables (``anggaran.csv``,
        ``jurnal.csv``).
    language : str
        ``"id"`` or ``"en"``.
    syllabus : Syllabus, optional
        Read from ``course/silabus.toml`` when not given.
    timezone : str
        IANA zone of the uptime log's times written without an offset,
        and of the times the session reports show (default
        ``Asia/Jakarta``, WIB).

    Returns
    -------
    list of ReportJob
    """
    syllabus = syllabus or read_syllabus()

    # Each notebook gets exactly the parameters its parameters cell names.
    jobs = [
        ReportJob(
            name=f"sesi-{session.number}",
            notebook=SESSION_NOTEBOOK,
            parameters={
                "session": session.number,
                "data_folder": str(data),
                "language": language,
                "timezone": str(timezone),
            },
            title=text(
                "report.session_title",
                language=language,
                number=session.number,
                title=session.title,
            ),
        )
        for session in syllabus.sessions
    ]
    jobs.append(
        ReportJob(
            name="program",
            notebook=PROGRAM_NOTEBOOK,
            parameters={"program_folder": str(program), "language": language},
            title=text("report.program_title", language=language),
        )
    )
    return jobs


def run_notebook(notebook, executed, parameters):
    """Execute ``notebook`` with papermill into ``executed``.

    The kernel is always this environment's Python, whatever kernel the
    notebook's metadata names; the working folder is the notebook's own.
    The kernel talks over local sockets in a folder of its own, so several
    notebooks can run at once without taking each other's ports.

    Parameters
    ----------
    notebook : str or Path
        The notebook to run; it is not changed.
    executed : str or Path
        Where the executed copy, outputs included, is written.
    parameters : dict
        Values papermill puts after the notebook's ``parameters`` cell.

    Raises
    ------
    papermill.PapermillExecutionError
        When a cell fails; ``executed`` then holds the notebook with the
        error shown.
    RuntimeError
        When the kernel does not start or dies while running.
    """
    with tempfile.TemporaryDirectory(prefix="tokolab-kernel-") as sockets:
        kernel = KernelManager(
            kernel_spec_manager=CurrentPythonKernels(),
            transport="ipc",
            ip=str(Path(sockets) / "kernel"),
        )
        _RUNNING_KERNELS.add(kernel)
        try:
            papermill.execute_notebook(
                str(notebook),
                str(executed),
                parameters=parameters,
                kernel_name="python3",  # CurrentPythonKernels decides
                language="python",
                km=kernel,
                cwd=str(Path(notebook).parent),
                progress_bar=False,
            )
        finally:
            # nbclient leaves a kernel it was handed running: stop it here.
            if kernel.has_kernel:
                kernel.shutdown_kernel(now=True)
            _RUNNING_KERNELS.discard(kernel)


def notebook_to_html(executed, title=None, hide_code=True):
    """Render an executed notebook as one self-contained HTML page.

    Charts are embedded as images, so the page opens without a network.

    Parameters
    ----------
    executed : str or Path
        A notebook with its outputs.
    title : str, optional
        The page's title, shown on the browser tab; the file name when not
        given.
    hide_code : bool
        Leave out the code cells' input, showing only their output.

    Returns
    -------
    str
        The page, its ``lang`` attribute set to the language in use.
    """
    # Cells tagged "remove-cell" speak to whoever edits the notebook, not
    # to the report's reader.
    config = Config()
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = {"remove-cell"}
    exporter = HTMLExporter(
        config=config,
        template_name="lab",
        exclude_input=hide_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        language_code=get_language(),
    )
    notebook = nbformat.read(executed, as_version=4)
    name = title or Path(executed).stem
    body, _ = exporter.from_notebook_node(
        notebook, resources={"metadata": {"name": name}}
    )
    return body


def write_atomically(path, content):
    """Write ``content`` to ``path`` whole or not at all.

    The text goes to a hidden file in the same folder, which then takes the
    name ``path`` in one step; a reader sees the old file or the new one,
    never half of one (:func:`tokolab.files.write_whole`). The file gets
    the permissions any new file gets here (readable by others under the
    usual umask).

    Parameters
    ----------
    path : str or Path
    content : str
        Written as UTF-8.

    Raises
    ------
    UnicodeEncodeError
        When ``content`` cannot be written as UTF-8; nothing is written.
    InputError
        ``common.cannot_write`` when the file cannot be written, with the
        reason in plain words.
    """
    write_whole(path, content.encode("utf-8"))


def start_worker(scratch):
    """Prepare a worker process: temporary files under ``scratch``, and
    Ctrl-C left to the process that planned the work, which stops every
    worker at once (see :func:`write_reports`)."""
    tempfile.tempdir = scratch
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, leave_worker)


def leave_worker(signum, frame):
    """Asked to stop: kill this worker's kernels, then leave at once.

    A kernel runs in a process group of its own, so it would outlive its
    worker and keep the terminal's output open; its group is killed
    first.
    """
    for kernel in list(_RUNNING_KERNELS):
        group = getattr(kernel.provisioner, "pgid", None)
        if group:
            with contextlib.suppress(OSError):
                os.killpg(group, signal.SIGKILL)
    os._exit(128 + signum)


def stop_workers(pool):
    """Stop a pool's workers now, running notebooks and kernels included.

    Each worker is asked to stop (SIGTERM, which shuts its kernel down on
    the way out) and killed if it has not stopped within
    :data:`WORKER_GRACE_SECONDS`.
    """
    processes = list((pool._processes or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=WORKER_GRACE_SECONDS)
        if process.is_alive():
            process.kill()
            process.join()


def check_folders(data, program, output):
    """Refuse folders that cannot give reports, before any page is touched.

    Raises
    ------
    InputError
        Naming the folder, what it should hold and what it holds.
    """
    if output.exists() and not output.is_dir():
        raise InputError("report.output_not_folder", path=str(output))
    if not data.is_dir():
        raise InputError("report.data_not_folder", path=str(data))

    # The class records sit in data/kelas; a tutor may point at kelas itself.
    if not (data / "kelas").is_dir():
        if (data / PARTICIPANTS_FILE).exists():
            raise InputError(
                "report.data_is_class_folder",
                path=str(data),
                parent=str(data.parent),
            )
        found = sorted(p.name for p in data.iterdir())
        raise InputError(
            "report.data_layout", path=str(data), found=", ".join(found) or "-"
        )

    for name in PROGRAM_FILES:
        if not (program / name).is_file():
            raise InputError("report.program_missing", path=str(program / name))


def render_job(job, output, language, log_level):
    """Run one job and write its page, in a worker process.

    The worker starts fresh (see :func:`write_reports`), so it is told the
    language and the log level of the process that planned the work.

    Returns
    -------
    tuple
        ``(page path, None)`` on success, or ``(kept notebook path or None,
        reason)`` when the notebook failed.
    """
    set_language(language)
    logging.getLogger("traitlets").setLevel(log_level)
    page = output / f"{job.name}.html"
    kept = output / f"{job.name}-gagal.ipynb"

    with tempfile.TemporaryDirectory(prefix="tokolab-") as scratch:
        executed = Path(scratch) / f"{job.name}.ipynb"
        try:
            run_notebook(job.notebook, executed, job.parameters)
        except papermill.PapermillExecutionError as error:
            # Keep the failed notebook, with its error shown.
            write_atomically(kept, executed.read_text(encoding="utf-8"))
            reason = text(
                "report.failed_cell",
                cell=error.exec_count,
                error=f"{error.ename}: {error.evalue}",
                notebook=kept,
            )
            return kept, reason
        except RuntimeError as error:
            return None, text("report.failed_kernel", error=error)

        write_atomically(page, notebook_to_html(executed, job.title))
        kept.unlink(missing_ok=True)
        return page, None


def index_page(jobs, run, language):
    """The HTML of ``index.html``: one link per report, failures marked.

    Parameters
    ----------
    jobs : list of ReportJob
        Every report planned, in the order to list them.
    run : ReportRun
        What was written and what failed.
    language : str
        ``"id"`` or ``"en"``.
    """
    items = []
    for job in jobs:
        title = html.escape(job.title)
        if job.name in run.failed:
            note = html.escape(run.failed[job.name]["reason"])
            items.append(f"<li>{title}: <strong>{note}</strong></li>")
        else:
            items.append(f'<li><a href="{job.name}.html">{title}</a></li>')

    heading = html.escape(text("report.index_title", language=language))
    intro = html.escape(text("report.index_intro", language=language))
    return (
        f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n'
        f'<meta charset="utf-8">\n<title>{heading}</title>\n</head>\n'
        f"<body>\n<h1>{heading}</h1>\n<p>{intro}</p>\n<ul>\n"
        + "\n".join(items)
        + "\n</ul>\n</body>\n</html>\n"
    )


def write_reports(
    data=DEFAULT_DATA,
    program=DEFAULT_PROGRAM,
    output=DEFAULT_OUTPUT,
    language=None,
    jobs=None,
    progress=True,
    timezone=DEFAULT_TIMEZONE,
):
    """Write every session report, the programme report and the index.

    Parameters
    ----------
    data : str or Path
        Folder of one class's files, laid out like ``data/contoh``.
    program : str or Path
        Folder of the programme's budget and journal.
    output : str or Path
        Where the pages go; created when missing.
    language : str, optional
        ``"id"`` or ``"en"``; the language in use when not given.
    jobs : int, optional
        Notebooks run at once; the number of cores when not given.
    progress : bool
        Show a progress bar on standard error.
    timezone : str
        Passed to the session reports (see :func:`plan_reports`).

    Returns
    -------
    ReportRun

    Raises
    ------
    ReportError
        After writing everything that could be written, when one or more
        notebooks failed; it names them and where their notebooks are kept.
    """
    data, program = Path(data).resolve(), Path(program).resolve()
    output = Path(output).resolve()
    check_folders(data, program, output)
    output.mkdir(parents=True, exist_ok=True)
    language = language or get_language()

    # Decide the work first, so a broken syllabus stops the job early.
    planned = plan_reports(data, program, language, timezone=timezone)
    run = ReportRun(output=output)
    workers = min(jobs or os.cpu_count() or 1, len(planned))
    logger.info("writing %d reports to %s", len(planned), output)

    # Run the notebooks in parallel; collect what each one wrote. Workers
    # are spawned, not forked: a fork of a process that has already talked
    # to a kernel can inherit its sockets mid-use and hang.
    # On Ctrl-C every worker is stopped at once; pages already written
    # stay, and the workers' temporary files go with the scratch folder.
    spawn = multiprocessing.get_context("spawn")
    log_level = logging.getLogger("traitlets").getEffectiveLevel()
    scratch = tempfile.TemporaryDirectory(prefix="tokolab-run-")
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=spawn,
        initializer=start_worker,
        initargs=(scratch.name,),
    )
    try:
        futures = {
            pool.submit(render_job, job, output, language, log_level): job
            for job in planned
        }
        finished = tqdm(
            as_completed(futures),
            total=len(futures),
            desc=text("report.progress", language=language),
            unit=text("report.progress_unit", language=language),
            disable=not progress,
        )
        for future in finished:
            name = futures[future].name
            try:
                path, reason = future.result()
            except Exception as error:
                # A worker that broke outside its notebook (a missing
                # notebook, a page that would not render): one failure,
                # not the end of the job.
                logger.info("%s broke", name, exc_info=True)
                kind = type(error).__name__
                path = None
                reason = text(
                    "report.failed_other",
                    language=language,
                    error=f"{kind}: {error}",
                )

            if reason is None:
                run.written.append(path)
                logger.info("wrote %s", path)
                continue

            # Drop an older page that would look as if this run had worked.
            (output / f"{name}.html").unlink(missing_ok=True)
            run.failed[name] = {"notebook": path, "reason": reason}
            logger.info("%s failed: %s", name, reason)
    except KeyboardInterrupt:
        stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        scratch.cleanup()

    # The index links whatever was written and marks what failed.
    write_atomically(run.index, index_page(planned, run, language))

    if run.failed:
        raise ReportError(
            "report.failed",
            names=", ".join(sorted(run.failed)),
            index=run.index,
            details="\n".join(
                f"- {name}: {failure['reason']}"
                for name, failure in sorted(run.failed.items())
            ),
            run=run,
        )
    return run
