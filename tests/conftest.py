from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture
def corpus_files() -> list[Path]:
    """Every real list in ../shared/corpus (the test is skipped when the folder is absent)."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    files = sorted(p for p in CORPUS.rglob("*.md") if p.name != "SOURCES.md")
    assert files
    return files
