"""Build the package's list of well-spelt paper-title words from the shared corpus.

Usage::

    python scripts/build_title_words.py [CORPUS_DIR] [OUTPUT_TXT]

Defaults: ``../shared/corpus`` beside the repository, and
``src/awesome_lint/domain/title_words.txt``. The output is deterministic, so the
committed file can be checked against a fresh build (tests/test_title_words.py).

A word is counted where AL118 (title-typo) reads words: the titles of a list's paper
links and its headings, folded as ``title_key`` folds them. Only words of letters, 7 or
more long, are kept, and only those that at least two lists write: a slip is
written in one list, a word of the field in several. Each line is
``word<TAB>lists<TAB>uses``: how many lists write it and how often in all. These are
counts of words (facts), not text of the lists.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from awesome_lint.domain.words import MIN_LEN, document_words  # noqa: E402
from awesome_lint.parser.build import parse_document  # noqa: E402
from awesome_lint.source import SourceText  # noqa: E402

DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus"
DEFAULT_OUT = REPO / "src" / "awesome_lint" / "domain" / "title_words.txt"
MIN_LISTS = 2

HEADER = (
    "# Paper-title words written by at least two lists of the shared corpus\n"
    "# (scripts/build_title_words.py): word, lists, uses. Do not edit by hand.\n"
)


def build(corpus: Path) -> str:
    lists: Counter[str] = Counter()
    uses: Counter[str] = Counter()
    for path in sorted(p for p in corpus.rglob("*.md") if p.name != "SOURCES.md"):
        document = parse_document(SourceText(path.read_text(encoding="utf-8")))
        words = Counter(
            {w: n for w, n in document_words(document).items() if len(w) >= MIN_LEN and w.isalpha()}
        )
        lists.update(words.keys())
        uses.update(words)
    rows = [f"{w}\t{lists[w]}\t{uses[w]}\n" for w in sorted(lists) if lists[w] >= MIN_LISTS]
    return HEADER + "".join(rows)


def main(argv: list[str]) -> int:
    corpus = Path(argv[1]) if len(argv) > 1 else DEFAULT_CORPUS
    out = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUT
    out.write_text(build(corpus), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
