"""tokolab: read the files a small online shop really has, and teach with them.

The package backs the course notebooks. Each module covers one domain: a
file format (Search Console, budget tables, the activity journal, class
records) or a job (reports, the command line). Everything a person reads
comes from the message catalog in :mod:`tokolab.messages`.
"""

import logging

from tokolab.errors import InputError, ReportError, TokolabError
from tokolab.messages import get_language, set_language, text

__version__ = "0.1.0"

__all__ = [
    "InputError",
    "ReportError",
    "TokolabError",
    "get_language",
    "set_language",
    "text",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
