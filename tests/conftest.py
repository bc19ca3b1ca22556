"""Shared fixtures: where the small fixture files and the real exports live."""

import pytest

from kitpaths import FIXTURES, REALDATA
from tokolab import set_language

# Fixture notebooks are run by the tests that name them, not by nbval.
collect_ignore_glob = ["fixtures/*"]


@pytest.fixture
def fixtures():
    """Small hand-made files, each clean one beside a broken variant."""
    return FIXTURES


@pytest.fixture
def realdata():
    """The real exports published by site owners; skip when they are absent."""
    if not REALDATA.is_dir():
        pytest.skip(f"real exports not found at {REALDATA}")
    return REALDATA


@pytest.fixture(autouse=True)
def indonesian():
    """Every test starts in Indonesian, the kit's default language."""
    set_language("id")
    yield
    set_language("id")
