"""The fixer's promises, checked on any input (used by the property tests and fuzz/)."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from awesome_lint.api import FixOutcome, apply_fixes, fix_text, lint_text
from awesome_lint.config.selectors import resolve
from awesome_lint.diagnostics import Diagnostic
from awesome_lint.fixer import _keeps_invariants, _Shape
from awesome_lint.parser.build import parse_document
from awesome_lint.settings import Settings
from awesome_lint.source import SourceText

ALL_UNSAFE = Settings(resolve(["ALL"]), unsafe_fixes=True)


def untouched_intervals(original: str, outcome: FixOutcome) -> list[tuple[int, int, int]]:
    """(start, end, position in output) of every original range no fix touched.

    Follows the edits round by round: each round's edits are offsets into the text
    that round started from. O((edits + intervals) log edits) per round.
    """
    intervals = [(0, len(original), 0)]  # (orig start, orig end, current start)
    for applied in outcome.rounds:
        edits = sorted(edit for fix in applied for edit in fix.edits)
        ends = [edit.end for edit in edits]  # sorted too: the edits are disjoint
        moved = [0]  # moved[i]: total length change of edits[:i]
        for edit in edits:
            moved.append(moved[-1] + len(edit.content) - (edit.end - edit.start))
        new: list[tuple[int, int, int]] = []
        for o_start, o_end, c_start in intervals:
            b = c_start + (o_end - o_start)
            pieces = []
            cur = c_start
            i = bisect_right(ends, c_start)  # the first edit ending after the interval start
            while i < len(edits) and edits[i].start < b:
                edit = edits[i]
                if cur < edit.start:
                    pieces.append((cur, edit.start))
                cur = max(cur, edit.end)
                i += 1
            if cur < b:
                pieces.append((cur, b))
            for p, q in pieces:
                # everything ending at or before p (insertions at p included) moved it
                new_pos = p + moved[bisect_right(ends, p)]
                new.append((o_start + p - c_start, o_start + q - c_start, new_pos))
        intervals = new
    return intervals


def check_invariants(data: bytes, settings: Settings = ALL_UNSAFE) -> None:
    """Raise AssertionError if linting or fixing ``data`` breaks a promise."""
    try:
        source = SourceText.from_bytes(data)
    except ValueError:
        return  # not text: the CLI reports it as an error, nothing to check
    check_exported_fixes(source, lint_text(source, settings))
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
    linked = sum(fix.adds_links for fixes in outcome.rounds for fix in fixes)
    if not removed and not rewrites and not linked:
        assert Counter(link.url_value for link in after.links) == Counter(
            link.url_value for link in before.links
        ), "links changed"
    elif not removed and not rewrites:
        urls_after = Counter(link.url_value for link in after.links)
        assert urls_after >= Counter(link.url_value for link in before.links), "links lost"
        assert len(after.links) == len(before.links) + linked, "links changed"
    elif not removed:
        assert len(after.links) == len(before.links) + linked, "links lost"
    # BOM and bytes outside the fixes are unchanged
    assert fixed.bom == source.bom
    for start, end, pos in untouched_intervals(source.text, outcome):
        assert fixed.text[pos : pos + end - start] == source.text[start:end], (
            f"bytes outside the fixes changed at {start}..{end}"
        )


MAX_CHECKED = 12  # exported fixes checked one by one from each end of the list


def check_exported_fixes(source: SourceText, diagnostics: list[Diagnostic]) -> None:
    """Every fix a report carries is one the fixer applies on its own (editors and
    reviewdog apply exported fixes one by one): it is not skipped, it keeps the entries,
    the URLs and the block structure, and it edits no link target unless it declares a
    URL rewrite."""
    document = parse_document(source)
    before = _Shape.of(document)
    targets = [
        (link.text[1] + 1 if link.text != link.url else link.start, link.end)
        for link in document.links
        if not link.reference
    ]
    with_fixes = [d for d in diagnostics if d.fix is not None]
    # one parse per fix: a sample (the first and last ones) keeps huge inputs fast
    for diagnostic in with_fixes[:MAX_CHECKED] + with_fixes[MAX_CHECKED:][-MAX_CHECKED:]:
        fix = diagnostic.fix
        assert fix is not None
        trial, applied = apply_fixes(source.text, [fix])
        assert applied, f"{diagnostic.code}: exported fix the fixer skips"
        after = _Shape.of(parse_document(SourceText(trial, bom=source.bom)))
        assert _keeps_invariants(before, after, [fix]), (
            f"{diagnostic.code}: exported fix breaks the invariants"
        )
        if not fix.rewrites_urls and not fix.anchors_only:
            for edit in fix.edits:
                for a, b in targets:
                    inside = edit.start < b - 1 and edit.end > a + 1
                    whole = edit.start <= a and edit.end >= b
                    assert not inside or whole, f"{diagnostic.code}: edit inside a link target"
