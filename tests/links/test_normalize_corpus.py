"""Every link URL of the shared corpus normalises, to a fixed point."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from awesome_lint.links.normalize import normalize_url, strip_tracking, tracking_params

CORPUS = Path(__file__).parents[2] / ".." / "shared" / "corpus"
# inline link destinations and autolinks: good enough to collect URLs without the parser
_URL = re.compile(r"\]\(\s*<?([^)\s>]+)|<(https?://[^>\s]+)>")


def _files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(CORPUS.rglob("*.md"))


def test_corpus_urls_normalise() -> None:
    files = [f for f in _files() if f.name != "SOURCES.md"]
    if not files:
        pytest.skip("../shared/corpus is absent")
    count = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        for match in _URL.finditer(text):
            url = match[1] or match[2]
            key = normalize_url(url)
            assert normalize_url(key) == key, (path.name, url)
            for start, end in tracking_params(url):
                assert 0 <= start < end <= len(url)
            assert normalize_url(strip_tracking(url)) == key, (path.name, url)
            count += 1
    assert count > 1000
