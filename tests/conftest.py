from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"


def corpus_lists() -> list[Path]:
    """Every real list in ../shared/corpus; none when the folder is absent (for
    parametrising tests that are skipped then)."""
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.rglob("*.md") if p.name != "SOURCES.md")


@pytest.fixture(autouse=True, scope="session")
def _program_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The command line's regex program cache (``lazyre``) in a folder of the test
    session's, not the user's: the suite runs with it, cold for the first run, warm
    after, and tests of the cache itself set the variable they need."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AWESOME_LINT_CACHE_DIR", str(tmp_path_factory.mktemp("program-cache")))
        yield


@pytest.fixture
def corpus_files() -> list[Path]:
    """Every real list in ../shared/corpus (the test is skipped when the folder is absent)."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    files = corpus_lists()
    assert files
    return files


# Whole modules that are slow by nature: runs over the whole corpus and property tests
# with hundreds of examples. `pytest -m "not slow"` skips them; CI runs everything.
SLOW_MODULES = frozenset(
    {
        "tests/ordering/test_corpus.py",
        "tests/links/test_normalize_properties.py",
        "tests/test_properties.py",
        "tests/test_pathological.py",
    }
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.relative_to(REPO).as_posix() in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)
