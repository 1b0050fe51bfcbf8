"""The venue parser over the real paper lists in ../shared/corpus/papers (skipped when absent).

Prints the share of entry lines with a recognised venue per list (run with -s).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from awesome_lint.venues.parse import find_venues, parse_slot

PAPERS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "papers"
ENTRY = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\S|^\|.*\]\(")
LINK_DEST = re.compile(r"\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)")

# The share recognised per list must not fall below these (the figures at the
# time of writing, rounded down): a drop means the parser lost a venue form.
MINIMUM = {
    "byungsoo-oh__ml-systems-papers.md": 0.95,
    "AmberLJC__LLMSys-PaperList.md": 0.35,
    "AmadeusChan__Awesome-LLM-System-Papers.md": 0.8,
    "merrymercy__awesome-tensor-compilers.md": 0.75,
    "Shenggan__awesome-distributed-ml.md": 0.75,
    "zenrran4nlp__Awesome-LLM-Inference-Serving.md": 0.9,
    "HuangOwen__Awesome-LLM-Compression.md": 0.85,
    "October2001__Awesome-KV-Cache-Compression.md": 0.8,
    "SSK015__awesome-system-paper-list.md": 0.6,
}


def corpus_files() -> list[Path]:
    if not PAPERS.is_dir():
        return []
    return sorted(p for p in PAPERS.glob("*.md") if p.name != "SOURCES.md")


def entry_lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        if not ENTRY.match(line):
            continue
        dests = re.findall(r"\]\(([^)]*)\)", line)
        if dests and all(d.startswith("#") for d in dests):
            continue  # a table of contents
        out.append(line)
    return out


def recognised(line: str) -> bool:
    text = LINK_DEST.sub("]()", line)
    in_table = text.lstrip().startswith("|")
    if " | " in text and not in_table and parse_slot(text.rsplit(" | ", 1)[1]).is_venue:
        return True
    return any(t.known for t in find_venues(text))


def test_corpus_is_present_or_skipped() -> None:
    if not corpus_files():
        pytest.skip("../shared/corpus/papers is not present")
    assert len(corpus_files()) >= 12


@pytest.mark.parametrize("name", sorted(MINIMUM))
def test_share_recognised(name: str) -> None:
    path = PAPERS / name
    if not path.is_file():
        pytest.skip("../shared/corpus/papers is not present")
    lines = entry_lines(path)
    hits = sum(recognised(line) for line in lines)
    share = hits / len(lines)
    print(f"{name}: {hits}/{len(lines)} = {share:.1%}")
    assert share >= MINIMUM[name]


def test_every_entry_line_parses() -> None:
    files = corpus_files()
    if not files:
        pytest.skip("../shared/corpus/papers is not present")
    for path in files:
        for line in entry_lines(path):
            for token in find_venues(line):
                start, end = token.span
                assert 0 <= start < end <= len(line)
                assert line[slice(*token.name_span)] == token.name
                if token.year_span is not None:
                    assert line[slice(*token.year_span)] == token.year_text
                    assert token.year is not None and 1960 <= token.year <= 2049
