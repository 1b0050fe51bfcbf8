"""``shape_of`` answers "link" at once for an entry opened by a non-auxiliary link, and
"prefix" for one paper link after a bracket that ends in a year: held here to the same
answers as the full reading (``_shape_by_links``)."""

from __future__ import annotations

from pathlib import Path

from awesome_lint.domain.shapes import _shape_by_links, shape_of
from awesome_lint.links.papers import link_roles
from awesome_lint.parser.build import parse_document
from awesome_lint.parser.document import Document
from awesome_lint.source import SourceText

# Each entry stresses a test of the full reading: an auxiliary or badge link first,
# two venue labels, a venue label opening the entry, links only on a later line,
# a placeholder, a group label, emphasis, a prefix, text before the link.
SHAPES = """\
# Papers

- [Orca](https://example.org/orca) - A serving system.
- [Code](https://github.com/a/b) [Paper](https://example.org/p)
- [[code]](https://github.com/a/b) Title of a paper [[paper]](https://example.org/p2)
- [![badge](https://img.shields.io/x.svg)](https://example.org/b) [Title](https://example.org/t)
- [CVPR 2019](https://example.org/c19), [ICCV 2019](https://example.org/i19)
- Visual Recognition [Spring 2016](https://example.org/s), [Fall 2016](https://example.org/f)
- [[CVPR2019]](https://example.org/v) A title after its venue
- [paper](https://example.org/generic) of some title
- **Bold Title** [paper](https://example.org/bold)
- [OSDI'22] [Prefixed Title](https://example.org/prefixed)
- Text first, then [the link](https://example.org/late)
- A title without any link
- A title with no link yet \\[N/A\\]
- Linux
  - [Kernel](https://example.org/kernel)
- A title on its own line
  [paper](https://example.org/later-line)
- [code](https://github.com/only/code)
- <https://example.org/autolink> an autolink first
- [CVPR 2019] [Spaced Venue Prefix](https://example.org/cvpr)
- [DAgger] [Tagged Title](https://example.org/tagged)
- [13] [Cited Title](https://example.org/cited)
- [ICLR23] [Glued Venue Prefix](https://example.org/iclr)
- [In 2023] (https://example.org/not-a-link)
- [OSDI'22] [Prefixed Title](https://example.org/p3) [[code]](https://github.com/a/c)
"""


def _pairs(document: Document) -> list[tuple[str | None, str | None]]:
    out = []
    for entry in document.entries():
        start, end = entry.content
        if start >= end or entry.kind == "row":
            continue  # (shape_of answers None before either reading)
        full = _shape_by_links(document, entry, link_roles(document, entry))
        out.append((shape_of(document, entry), full))
    return out


def test_the_quick_answer_is_the_full_readings_on_adversarial_entries() -> None:
    document = parse_document(SourceText(SHAPES))
    pairs = _pairs(document)
    assert [quick for quick, _ in pairs] == [
        "link",
        "link",
        "link",  # a leading [[code]] names the item: never auxiliary
        "prefix",  # a badge first: auxiliary, read in full
        "link",
        None,
        "link",
        "link",
        "emphasis",
        "prefix",
        "text-link",
        "text",
        None,
        None,
        "link",
        "text-link",
        "link",
        "link",
        "prefix",
        "link",  # a tag, not a venue: read in full
        "link",  # a citation key of two digits
        "prefix",
        "text",
        "prefix",  # two roles (a code link): read in full
    ]
    assert [quick for quick, _ in pairs] == [full for _, full in pairs]


def test_the_quick_answer_is_the_full_readings_on_real_lists(corpus_files: list[Path]) -> None:
    mismatches = []
    read = 0
    for path in corpus_files:
        document = parse_document(SourceText(path.read_text(encoding="utf-8")))
        for pair in _pairs(document):
            read += 1
            if pair[0] != pair[1]:
                mismatches.append((path.name, pair))
    assert read > 10_000
    assert mismatches == []
