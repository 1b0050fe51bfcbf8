"""The fixer's check of a fix that joins a link text to its target (AL714)."""

from __future__ import annotations

from awesome_lint.diagnostics import Edit, Fix
from awesome_lint.fixer import _keeps_invariants, _Shape, fix_text
from awesome_lint.parser.build import parse_document
from awesome_lint.source import SourceText


def _shape(text: str) -> _Shape:
    return _Shape.of(parse_document(SourceText(text)))


BEFORE = "- Title [[paper]](https://example.org/p) [[code]] (https://example.org/c)\n"
JOINED = "- Title [[paper]](https://example.org/p) [[code]](https://example.org/c)\n"
FIX = Fix("Remove the blank", (Edit(49, 50),), adds_links=1)


def test_a_joined_link_is_accepted() -> None:
    assert _keeps_invariants(_shape(BEFORE), _shape(JOINED), [FIX])


def test_without_the_declaration_the_new_link_is_refused() -> None:
    plain = Fix("Remove the blank", (Edit(49, 50),))
    assert not _keeps_invariants(_shape(BEFORE), _shape(JOINED), [plain])


def test_a_changed_url_is_refused_even_with_a_joined_link() -> None:
    changed = JOINED.replace("example.org/p", "example.org/q")
    assert not _keeps_invariants(_shape(BEFORE), _shape(changed), [FIX])


def test_a_declared_link_that_does_not_join_is_refused() -> None:
    assert not _keeps_invariants(_shape(BEFORE), _shape(BEFORE), [FIX])


TOC_AND_REVERSED = (
    "# List\n\n## Contents\n\n"
    "- [Tools](#tools)\n- [Papers](#papers)\n- [Stale](#stale)\n\n"
    "## Tools\n\n- [A](https://example.org/a) | Stanford\n\n"
    "## Papers\n\n- [B](https://example.org/b) | Umich\n"
    "- Course | (GT)[https://example.org/c]\n"
)


def test_a_removed_toc_line_and_a_swapped_link_are_kept_in_one_round() -> None:
    # A stale table-of-contents line (AL701, removes an entry and an anchor link) and a
    # reversed link (AL714, adds a link) in one round: the round keeps both, instead of
    # refusing the swap and trying every fix of the round alone (which cost AmberLJC's
    # list, 98 fixes, 98 extra parses).
    outcome = fix_text(TOC_AND_REVERSED)
    assert outcome.source.text == (
        "# List\n\n## Contents\n\n"
        "- [Tools](#tools)\n- [Papers](#papers)\n\n"
        "## Tools\n\n- [A](https://example.org/a) | Stanford\n\n"
        "## Papers\n\n- [B](https://example.org/b) | Umich\n"
        "- Course | [GT](https://example.org/c)\n"
    )
    assert [sorted(fix.message for fix in fixes) for fixes in outcome.rounds] == [
        ["Remove the stale line", "Swap the brackets"]
    ]
