"""Run session 1's notebooks under pytest without writing into notebooks/.

The practice notebook writes the calendar and the table a participant
takes home into :func:`tokolab.session1.output_folder`: ``hasil/`` beside
the notebook, or the folder in the environment variable
``TOKOLAB_HASIL``. nbval starts each notebook's kernel from this process,
so the kernel inherits the temporary folder set here.
"""

import os
import shutil
import tempfile

from tokolab.session1 import OUTPUT_VARIABLE

_FOLDER = tempfile.mkdtemp(prefix="tokolab-hasil-")
os.environ.setdefault(OUTPUT_VARIABLE, _FOLDER)


def pytest_unconfigure(config):
    shutil.rmtree(_FOLDER, ignore_errors=True)
