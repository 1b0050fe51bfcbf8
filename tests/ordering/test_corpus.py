"""AL301 with order = "auto" over the real lists in ../shared/corpus (skipped when absent).

Every finding is listed here with a judgement; a new finding, or a lost one,
fails the test and must be judged again.
"""

from __future__ import annotations

from pathlib import Path

from awesome_lint.api import fix_text, lint_text
from awesome_lint.config.selectors import resolve
from awesome_lint.settings import Settings
from awesome_lint.source import SourceText

# (file, 1-based line): why a person would agree the entry is out of place
EXPECTED = {
    # "Sendmail" between "OSL-3.0" and "Ruby" in an A-Z licence list
    ("awesome-selfhosted.md", 2323),
    # two 2020/2021 preprints appended after 2023 entries of an oldest-first list
    ("papers/AmadeusChan__Awesome-LLM-System-Papers.md", 144),
    ("papers/AmadeusChan__Awesome-LLM-System-Papers.md", 145),
    # a 2024 paper above 2023 ones, a 2026 paper among 2025 ones (oldest first)
    ("papers/AmberLJC__LLMSys-PaperList.md", 609),
    ("papers/AmberLJC__LLMSys-PaperList.md", 627),
    # numbered oldest-first lists: a 2024 paper among 2023 ones, a 2023 among
    # 2024 ones, a 2025 among 2024 ones
    ("papers/October2001__Awesome-KV-Cache-Compression.md", 45),
    ("papers/October2001__Awesome-KV-Cache-Compression.md", 99),
    ("papers/October2001__Awesome-KV-Cache-Compression.md", 292),
    # newest-first lists: ASPLOS'22 among '23 entries, arxiv'24 among '25 ones,
    # HotNets'22 among '24 ones, an arXiv 2021 paper above 2022 ones
    ("papers/byungsoo-oh__ml-systems-papers.md", 97),
    ("papers/byungsoo-oh__ml-systems-papers.md", 662),
    ("papers/byungsoo-oh__ml-systems-papers.md", 737),
    ("papers/byungsoo-oh__ml-systems-papers.md", 1265),
    ("papers/merrymercy__awesome-tensor-compilers.md", 167),
}


def test_auto_finds_only_judged_entries(corpus_files: list[Path]) -> None:
    corpus = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
    settings = Settings(resolve(["AL301"], [], []), {})
    found = set()
    for path in corpus_files:
        source = SourceText.from_bytes(path.read_bytes())
        for diagnostic in lint_text(source, settings):
            line, _ = source.position(diagnostic.start)
            found.add((path.relative_to(corpus).as_posix(), line))
    assert found == EXPECTED


def test_unsafe_fix_on_the_corpus_keeps_lines_and_is_idempotent(corpus_files: list[Path]) -> None:
    settings = Settings(resolve(["AL301"], [], []), {}, unsafe_fixes=True)
    for path in corpus_files:
        source = SourceText.from_bytes(path.read_bytes())
        fixed = fix_text(source, settings)
        lines = sorted(source.text.splitlines(keepends=True))
        assert sorted(fixed.source.text.splitlines(keepends=True)) == lines, path.name
        assert all(d.fix is None for d in lint_text(fixed.source, settings)), path.name
        assert not fix_text(fixed.source, settings).changed, path.name
