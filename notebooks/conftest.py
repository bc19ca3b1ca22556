"""Run the notebooks under pytest without writing into notebooks/.

The practice notebooks keep what a participant takes home in
:func:`tokolab.files.output_folder`: ``hasil/`` beside the notebook, or
the folder in the environment variable ``TOKOLAB_HASIL``. nbval starts
each notebook's kernel from this process, so every kernel inherits the
one temporary folder set here, which is removed at the end.
"""

import os
import shutil
import tempfile

from tokolab.files import OUTPUT_VARIABLE

_FOLDER = tempfile.mkdtemp(prefix="tokolab-hasil-")
os.environ.setdefault(OUTPUT_VARIABLE, _FOLDER)


def pytest_unconfigure(config):
    shutil.rmtree(_FOLDER, ignore_errors=True)
