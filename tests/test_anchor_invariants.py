"""The fixer's invariants for fixes that edit a table of contents (``anchors_only``)."""

from __future__ import annotations

from awesome_lint.diagnostics import Edit, Fix
from awesome_lint.fixer import _keeps_invariants, _Shape


def shape(entries: int, *urls: str) -> _Shape:
    return _Shape(entries, tuple(urls))


def toc_fix(added: int = 0, removed: int = 0) -> Fix:
    return Fix(
        "toc", (Edit(0, 0, "x"),), adds_entries=added, removes_entries=removed, anchors_only=True
    )


def test_added_toc_line_may_add_an_anchor_link() -> None:
    before = shape(2, "#a", "https://example.org/x")
    after = shape(3, "#a", "#b", "https://example.org/x")
    assert _keeps_invariants(before, after, [toc_fix(added=1)])


def test_an_entry_count_other_than_declared_is_refused() -> None:
    before = shape(2, "#a", "https://example.org/x")
    after = shape(4, "#a", "#b", "#c", "https://example.org/x")
    assert not _keeps_invariants(before, after, [toc_fix(added=1)])


def test_other_urls_must_stay_exactly() -> None:
    before = shape(2, "#a", "https://example.org/x")
    after = shape(3, "#a", "#b", "https://example.org/y")
    assert not _keeps_invariants(before, after, [toc_fix(added=1)])


def test_without_anchors_only_an_added_anchor_link_is_refused() -> None:
    before = shape(2, "#a", "https://example.org/x")
    after = shape(3, "#a", "#b", "https://example.org/x")
    plain = Fix("plain", (Edit(0, 0, "x"),), adds_entries=1)
    assert not _keeps_invariants(before, after, [plain])


def test_retargeted_anchor() -> None:
    before = shape(1, "#finanse", "https://example.org/x")
    after = shape(1, "#finance", "https://example.org/x")
    assert _keeps_invariants(before, after, [toc_fix()])
    assert not _keeps_invariants(before, after, [Fix("plain", (Edit(0, 0, "x"),))])
