"""Front matter (a site generator's settings block that opens a file) is one opaque
block: its `# title:` is no heading and its closing `---` underlines nothing."""

from __future__ import annotations

import pytest

from awesome_lint.parser.build import parse_document
from awesome_lint.source import SourceText


def _blocks(text: str) -> list[tuple[str, int, int]]:
    document = parse_document(SourceText.from_bytes(text.encode()))
    return [(b.kind, b.start_line, b.end_line) for b in document.blocks]


def _headings(text: str) -> list[str]:
    document = parse_document(SourceText.from_bytes(text.encode()))
    return [h.title for h in document.headings]


JEKYLL = (
    "---\n"
    "layout: archive\n"
    '# title: "The HPC Reading List"\n'
    "permalink: /hpc/\n"
    "tags: [papers, hpc]\n"
    "  nested: value\n"
    "---\n"
    "\n"
    "# The HPC Reading List\n"
)


def test_yaml_front_matter_is_one_html_block() -> None:
    assert _blocks(JEKYLL) == [("html", 0, 6), ("heading", 8, 8)]
    assert _headings(JEKYLL) == ["The HPC Reading List"]


def test_toml_front_matter_and_yaml_end_marker() -> None:
    toml = '+++\ntitle = "Readings"\ndate = 2024-01-01\n+++\n\n## Papers\n'
    assert _blocks(toml) == [("html", 0, 3), ("heading", 5, 5)]
    dots = "---\nlayout: post\n...\n\n## Papers\n"
    assert _blocks(dots) == [("html", 0, 2), ("heading", 4, 4)]


@pytest.mark.parametrize(
    ("text", "blocks"),
    [
        # a rule, prose and a setext underline: no settings between the lines
        (
            "---\nA list of papers\n---\n",
            [("hr", 0, 0), ("heading", 1, 2)],
        ),
        # not at the file's start
        (
            "# T\n\n---\nlayout: post\n---\n",
            [("heading", 0, 0), ("hr", 2, 2), ("heading", 3, 4)],
        ),
        # never closed
        ("---\nlayout: post\n", [("hr", 0, 0), ("paragraph", 1, 1)]),
    ],
)
def test_what_is_no_front_matter(text: str, blocks: list[tuple[str, int, int]]) -> None:
    assert _blocks(text) == blocks
