"""The fixer's promises, checked on any input (used by the property tests and fuzz/)."""

from __future__ import annotations

from collections import Counter

from awesome_lint.api import FixOutcome, fix_text, lint_text
from awesome_lint.config.selectors import resolve
from awesome_lint.parser.build import parse_document
from awesome_lint.settings import Settings
from awesome_lint.source import SourceText

ALL_UNSAFE = Settings(resolve(["ALL"]), unsafe_fixes=True)


def untouched_intervals(original: str, outcome: FixOutcome) -> list[tuple[int, int, int]]:
    """(start, end, position in output) of every original range no fix touched.

    Follows the edits round by round: each round's edits are offsets into the text
    that round started from.
    """
    intervals = [(0, len(original), 0)]  # (orig start, orig end, current start)
    for applied in outcome.rounds:
        edits = sorted(edit for fix in applied for edit in fix.edits)
        new: list[tuple[int, int, int]] = []
        for o_start, o_end, c_start in intervals:
            c_end = c_start + (o_end - o_start)
            pieces = [(c_start, c_end)]
            for edit in edits:
                nxt = []
                for a, b in pieces:
                    # an edit wholly before or after the piece (an insertion at either
                    # end included) leaves it whole; anything else cuts it
                    if edit.end <= a or edit.start >= b:
                        nxt.append((a, b))
                    else:
                        if a < edit.start:
                            nxt.append((a, edit.start))
                        if edit.end < b:
                            nxt.append((max(edit.end, a), b))
                pieces = [(a, b) for a, b in nxt if a < b]
            for a, b in pieces:
                shift = sum(len(e.content) - (e.end - e.start) for e in edits if e.end <= a)
                new.append((o_start + (a - c_start), o_start + (b - c_start), a + shift))
        intervals = new
    return intervals


def check_invariants(data: bytes, settings: Settings = ALL_UNSAFE) -> None:
    """Raise AssertionError if linting or fixing ``data`` breaks a promise."""
    try:
        source = SourceText.from_bytes(data)
    except ValueError:
        return  # not text: the CLI reports it as an error, nothing to check
    lint_text(source, settings)
    outcome = fix_text(source, settings)
    fixed = outcome.source
    # idempotent
    again = fix_text(fixed, settings)
    assert not again.changed, "a second fix changed the text"
    # entries and links survive, except what a rule declares it removes
    before = parse_document(source)
    after = parse_document(fixed)
    removed = outcome.fixed.get("AL401", 0)
    assert len(after.entries()) == len(before.entries()) - removed, "entries lost"
    rewrites = any(fix.rewrites_urls for fixes in outcome.rounds for fix in fixes)
    if not removed and not rewrites:
        assert Counter(link.url_value for link in after.links) == Counter(
            link.url_value for link in before.links
        ), "links changed"
    elif not removed:
        assert len(after.links) == len(before.links), "links lost"
    # BOM and bytes outside the fixes are unchanged
    assert fixed.bom == source.bom
    for start, end, pos in untouched_intervals(source.text, outcome):
        assert fixed.text[pos : pos + end - start] == source.text[start:end], (
            f"bytes outside the fixes changed at {start}..{end}"
        )
