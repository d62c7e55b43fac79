from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from advisor.catalog import DATA_DIR


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/ for tests that break a file on purpose."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target
