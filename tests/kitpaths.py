"""Where the project, the small fixture files and the real exports live.

Test modules import these from here, not from ``conftest``: pytest loads
more than one ``conftest.py`` (``notebooks/`` has its own), and a plain
``import conftest`` gets whichever was loaded last.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
REALDATA = ROOT.parent / "shared" / "realdata"
