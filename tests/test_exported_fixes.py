"""Fixes the fixer would refuse are never offered; a second BOM is content (issue 12)."""

from __future__ import annotations

from awesome_lint.api import fix_text, lint_text
from awesome_lint.source import SourceText
from invariants import check_invariants


def test_second_bom_survives_an_unrelated_fix() -> None:
    data = "\ufeff\ufeff# Not a heading  \n\ntext  \n".encode()
    outcome = fix_text(SourceText.from_bytes(data))
    assert outcome.fixed == {"AL104": 2}
    assert outcome.source.encode() == "\ufeff\ufeff# Not a heading\n\ntext\n".encode()
    assert not fix_text(outcome.source).changed
    check_invariants(data)


def test_explicit_bom_flag_keeps_the_text_as_given() -> None:
    assert SourceText("\ufeffx").text == "x"
    assert SourceText("\ufeffx").bom
    kept = SourceText("\ufeffx", bom=False)
    assert (kept.text, kept.bom, kept.encode()) == ("\ufeffx", False, "\ufeffx".encode())
    both = SourceText("\ufeffx", bom=True)
    assert both.encode() == "\ufeff\ufeffx".encode()


def test_second_bom_is_not_stripped_for_linting() -> None:
    # one BOM is the file's; the second is text: the line is a paragraph, not a heading
    found = [(d.code, d.start) for d in lint_text("\ufeff\ufeff# A\n# B\n")]
    assert found == [("AL601", 5), ("AL606", 5)]  # no empty section "A": no heading
