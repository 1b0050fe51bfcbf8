"""The headings and bold lines that name a kind of venue (kind-heading, AL303)."""

from __future__ import annotations

from awesome_lint.parser.build import parse_document
from awesome_lint.rules.al303_kind_heading import _lines_holding, _marks
from awesome_lint.source import SourceText


def test_lines_holding() -> None:
    text = "**a** **b**\nplain\n  __c__\nlast **"
    assert _lines_holding(text, ("**", "__")) == [0, 18, 26]
    assert _lines_holding("no marks\n", ("**", "__")) == []


def test_bold_lines_anywhere_in_the_text() -> None:
    text = (
        "**Conference**\r\n- Paper [CVPR 2021](https://example.org/a)\r\n\r\n"
        "  __Journal Papers:__ \r\n- Paper [TPAMI 2021](https://example.org/b)\r\n\r\n"
        "A line with **Arxiv** in it\r\n\r\n**Preprints**"
    )
    document = parse_document(SourceText(text))
    conference = text.index("Conference")
    journal = text.index("Journal")
    preprints = text.index("Preprints")
    assert _marks(document) == [
        (conference, conference + len("Conference"), "conference"),
        (journal, journal + len("Journal"), "journal"),
        (preprints, preprints + len("Preprints"), "preprint"),
    ]
