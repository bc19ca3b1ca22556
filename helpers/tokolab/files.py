"""Output files: written whole or not at all, never over an input.

Every file the kit makes for people to take home (a calendar, a checked
product table, square photos, catalog pages, reports, the sample data)
goes through :func:`write_whole`:

- the folder is made when missing;
- a file the output must not replace (the product list being read, a
  product photo) is refused before anything is written;
- the bytes go to a temporary file beside the target first, which then
  replaces the target in one step (``os.replace``), so a reader never
  sees half a file and a failed write leaves the old file as it was;
- a refusal by the operating system becomes an :class:`InputError` whose
  sentence says in plain words why (no such folder, the name is a
  folder, no permission, disk full) and what to do, never the system's
  English message.

What a participant takes home goes into :func:`output_folder`: ``hasil/``
beside the notebook, or the folder named by the environment variable
``TOKOLAB_HASIL`` (:data:`OUTPUT_VARIABLE`), which the tests and nbval
set so that running the notebooks writes nothing into ``notebooks/``.
"""

import errno
import logging
import os
import secrets
from pathlib import Path

from tokolab.errors import InputError
from tokolab.messages import LaterText

logger = logging.getLogger(__name__)

# Read and write for everyone the umask allows, as open() would create it.
_NEW_FILE_MODE = 0o666

# O_BINARY keeps Windows from turning "\n" into "\r\n".
_CREATE_FLAGS = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
)

# errno -> catalog key of the reason, in plain words with what to do.
_REASONS = {
    errno.ENOENT: "common.reason_no_folder",
    errno.EISDIR: "common.reason_is_folder",
    errno.ENOTDIR: "common.reason_not_a_folder",
    errno.EEXIST: "common.reason_not_a_folder",
    errno.EACCES: "common.reason_no_permission",
    errno.EPERM: "common.reason_no_permission",
    errno.EROFS: "common.reason_no_permission",
    errno.ENOSPC: "common.reason_disk_full",
    errno.ENAMETOOLONG: "common.reason_name_too_long",
}
if hasattr(errno, "EDQUOT"):
    _REASONS[errno.EDQUOT] = "common.reason_disk_full"

OUTPUT_VARIABLE = "TOKOLAB_HASIL"
"""Environment variable naming another folder for :func:`output_folder`
(one setting serves every session's notebooks)."""


def output_folder(default="hasil"):
    """The folder for what a participant takes home, made when missing.

    Parameters
    ----------
    default : str or Path
        Used when the environment variable :data:`OUTPUT_VARIABLE` is not
        set; relative to the working folder, which in JupyterLab is the
        notebook's folder.

    Returns
    -------
    Path

    Raises
    ------
    InputError
        ``common.cannot_write`` when the folder cannot be made, with the
        reason in plain words (:func:`reason_for`).
    """
    folder = output_folder_path(default)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        # The folder's own name taken by a file reads plainer on its own.
        reason = reason_for(error)
        if folder.is_file():
            reason = LaterText("common.folder_is_a_file")
        raise InputError(
            "common.cannot_write", path=str(folder), reason=reason
        ) from None
    logger.info("output folder %s", folder)
    return folder


def output_folder_path(default="hasil"):
    """The folder :func:`output_folder` names, without making it.

    Parameters
    ----------
    default : str or Path
        Used when the environment variable :data:`OUTPUT_VARIABLE` is not
        set or empty.

    Returns
    -------
    Path
    """
    return Path(os.environ.get(OUTPUT_VARIABLE) or default)


def write_whole(path, data, inputs=()):
    """Write ``data`` to ``path`` whole, or not at all.

    Parameters
    ----------
    path : str or Path
        The file to write. Its folder is made when missing; a file
        already there is replaced.
    data : bytes
        The whole content.
    inputs : iterable of str or Path or None
        Files the output must not replace, such as the product list that
        was read; None items are skipped.

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    InputError
        ``common.would_overwrite_input`` when ``path`` is one of
        ``inputs`` (nothing is written); ``common.cannot_write`` when the
        folder cannot be made or the file cannot be written, with the
        reason in plain words (:func:`reason_for`). Nothing is left
        behind: no temporary file, no half-written target.
    """
    path = Path(path)
    refuse_inputs(path, inputs)

    # A folder of that name cannot be replaced by a file.
    if path.is_dir():
        raise InputError(
            "common.cannot_write",
            path=str(path),
            reason=LaterText("common.reason_is_folder"),
        )

    # Make the folder, then write beside the target and move into place.
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = _temporary_beside(path)
        descriptor = os.open(temporary, _CREATE_FLAGS, _NEW_FILE_MODE)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(descriptor, view) :]
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
    except OSError as error:
        if temporary is not None:
            _remove_quietly(temporary)
        raise InputError(
            "common.cannot_write", path=str(path), reason=reason_for(error)
        ) from None
    except BaseException:
        if temporary is not None:
            _remove_quietly(temporary)
        raise
    logger.info("wrote %s (%d bytes)", path, len(data))
    return path


def refuse_inputs(path, inputs, key="common.would_overwrite_input"):
    """Raise when ``path`` names one of the ``inputs``.

    Two names are the same file when they lead to the same file on disk
    (links and ``..`` included) or, for a file not there yet, resolve to
    the same absolute path.

    Parameters
    ----------
    path : str or Path
        The output about to be written.
    inputs : iterable of str or Path or None
        None items are skipped.
    key : str
        Catalog key of the error; its sentence gets ``path``.

    Raises
    ------
    InputError
        ``key`` with ``path``, when ``path`` is one of ``inputs``.
    """
    path = Path(path)
    for source in inputs:
        if source is None:
            continue
        if same_file(path, source):
            raise InputError(key, path=str(path))


def same_file(first, second):
    """True when two names lead to the same file.

    Parameters
    ----------
    first, second : str or Path

    Returns
    -------
    bool
        Compared on disk when both exist, else by absolute path.
    """
    first, second = Path(first), Path(second)
    try:
        if first.exists() and second.exists():
            return os.path.samefile(first, second)
        return first.resolve() == second.resolve()
    except (OSError, RuntimeError, ValueError):
        return False


def reason_for(error):
    """Why the operating system refused, in the reader's words.

    Parameters
    ----------
    error : OSError

    Returns
    -------
    LaterText
        A ``common.reason_*`` sentence that also says what to do; for an
        uncommon refusal, ``common.reason_other`` with the error's
        symbolic code (``EIO``) for the tutor.
    """
    key = _REASONS.get(error.errno)
    if key is not None:
        return LaterText(key)
    code = errno.errorcode.get(error.errno, type(error).__name__)
    return LaterText("common.reason_other", code=code)


def _temporary_beside(path):
    """A name for the temporary file in the target's folder.

    Hidden (a leading dot) and random, so two writers never share one.
    """
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")


def _remove_quietly(temporary):
    """Remove a temporary file; one that is already gone is fine."""
    try:
        os.unlink(temporary)
    except OSError:
        pass
