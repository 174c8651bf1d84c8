"""Fixtures for the desktop tests: a data dir with a seeded store, and a place to save screens to look at."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from seed import Seeded, seed

from store.db import open_db

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


@pytest.fixture
def seeded_dir(tmp_path: Path) -> Iterator[tuple[Path, Seeded]]:
    """A data dir whose store holds 120 requests, about half of them open."""
    db = open_db(tmp_path)
    seeded = seed(db, 120, now=datetime.now(UTC), open_share=0.5)
    db.conn.close()
    yield tmp_path, seeded


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
