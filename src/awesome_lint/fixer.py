"""The fixer: apply fixes without overlaps, loop until nothing applies, check invariants.

The model is ruff's: take the applicable fixes, apply each only if none of its edits
overlaps or touches one already applied, copy untouched text verbatim, re-parse and
re-lint, and repeat (at most ``MAX_ROUNDS`` rounds). After each round the number of
entries and every URL must be unchanged, except where a fix declares that it removes
entries or rewrites URLs; a fix that breaks them is dropped.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

from awesome_lint.diagnostics import Applicability, Diagnostic, Edit, Fix
from awesome_lint.errors import AwesomeLintError
from awesome_lint.parser.build import parse_document
from awesome_lint.parser.document import Document
from awesome_lint.settings import Settings
from awesome_lint.source import SourceText

if TYPE_CHECKING:
    from awesome_lint.changes import ChangedRegion

MAX_ROUNDS = 10


class ConvergenceError(AwesomeLintError):
    """The fix loop kept changing the text."""


@dataclass
class FixOutcome:
    source: SourceText  # the fixed text (the original object when nothing changed)
    diagnostics: list[Diagnostic]  # what remains, with offsets into ``source``
    fixed: Counter[str] = field(default_factory=Counter)  # fixes applied, by code
    # The fixes applied in each round; each round's edits are offsets into the text
    # that round started from (the previous round's result).
    rounds: list[tuple[Fix, ...]] = field(default_factory=list)
    # The diagnostics of the text as given (before any fix): what ``lint_text`` returns
    # for it, kept so that ``--diff`` can report on the original without linting it again.
    initial: list[Diagnostic] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return sum(self.fixed.values()) > 0


def _applicable(diagnostic: Diagnostic, settings: Settings) -> Fix | None:
    fix = diagnostic.fix
    if fix is None or not fix.edits or not settings.may_fix(diagnostic.code):
        return None
    if fix.applicability is Applicability.UNSAFE and not settings.unsafe_fixes:
        return None
    return fix


def apply_fixes(text: str, fixes: list[Fix]) -> tuple[str, list[Fix]]:
    """Apply fixes in order of position, skipping any that overlaps or touches one applied."""
    ordered = sorted(fixes, key=lambda f: (f.start, f.end))
    applied: list[Fix] = []
    taken: list[Edit] = []  # disjoint, kept sorted
    for fix in ordered:
        edits = sorted(fix.edits)
        if any(_conflicts(edit, taken) for edit in edits):
            continue
        if any(_touches(a, b) for a, b in pairwise(edits)):
            continue
        for edit in edits:
            insort(taken, edit)
        applied.append(fix)
    return splice(text, taken), applied


def splice(text: str, edits: list[Edit]) -> str:
    """``text`` with the sorted, disjoint ``edits`` applied; everything else copied verbatim."""
    parts: list[str] = []
    pos = 0
    for edit in edits:
        parts.append(text[pos : edit.start])
        parts.append(edit.content)
        pos = edit.end
    parts.append(text[pos:])
    return "".join(parts)


def _conflicts(edit: Edit, taken: list[Edit]) -> bool:
    """Whether ``edit`` conflicts with any of the sorted, disjoint ``taken`` edits.

    Only the neighbours around its place in the order can conflict, so this is a
    binary search rather than a scan (a file can have tens of thousands of fixes).
    """
    index = bisect_left(taken, edit)
    return any(_touches(edit, other) for other in taken[max(0, index - 2) : index + 2])


def _touches(a: Edit, b: Edit) -> bool:
    """Whether two edits conflict: they overlap, or an insertion sits on or in the other.

    Two replacements that merely meet (one ends where the other starts) do not
    conflict: applying both is well defined (e.g. deleting two adjacent duplicate lines).
    """
    if a.start < b.end and b.start < a.end:
        return True
    if a.start == a.end and b.start <= a.start <= b.end:
        return True
    return b.start == b.end and a.start <= b.start <= a.end


@dataclass(frozen=True)
class _Shape:
    entries: int
    urls: tuple[str, ...]

    @classmethod
    def of(cls, document: Document) -> _Shape:
        return cls(len(document.entries()), tuple(link.url_value for link in document.links))


def _keeps_invariants(before: _Shape, after: _Shape, fixes: list[Fix]) -> bool:
    removed = sum(fix.removes_entries for fix in fixes)
    added = sum(fix.adds_entries for fix in fixes)
    rewrites = any(fix.rewrites_urls for fix in fixes)
    if after.entries != before.entries - removed + added:
        return False
    urls_before, urls_after = before.urls, after.urls
    if any(fix.anchors_only for fix in fixes):
        urls_before = tuple(url for url in urls_before if not url.startswith("#"))
        urls_after = tuple(url for url in urls_after if not url.startswith("#"))
    if removed:
        return len(urls_after) <= len(urls_before)
    if rewrites:
        return len(urls_after) == len(urls_before)
    return urls_after == urls_before


def _fix_key(text: str, fix: Fix, code: str) -> tuple[str, str, tuple[str, ...]]:
    return (code, text[fix.start : fix.end], tuple(edit.content for edit in fix.edits))


def fix_text(
    text: str | SourceText,
    settings: Settings | None = None,
    filename: str = "-",
    *,
    region: ChangedRegion | None = None,
) -> FixOutcome:
    """Lint and fix until nothing applies; check the invariants after every round.

    With ``region`` (``--changed-since``) only findings on its lines are reported and
    fixed; the region follows the text through each round's edits.
    """
    from awesome_lint.api import lint_document

    source = text if isinstance(text, SourceText) else SourceText(text)
    settings = settings or Settings.default()
    document = parse_document(source)
    diagnostics = lint_document(document, settings, filename)
    if region is not None:
        diagnostics = region.keep(diagnostics)
    initial = diagnostics
    fixed: Counter[str] = Counter()
    rounds: list[tuple[Fix, ...]] = []
    refused: set[tuple[str, str, tuple[str, ...]]] = set()
    for _round in range(MAX_ROUNDS):
        current = source.text
        candidates: list[Fix] = []
        code_of: dict[int, str] = {}
        for diagnostic in diagnostics:
            fix = _applicable(diagnostic, settings)
            if fix is None or _fix_key(current, fix, diagnostic.code) in refused:
                continue
            candidates.append(fix)
            code_of[id(fix)] = diagnostic.code
        if not candidates:
            return FixOutcome(source, diagnostics, fixed, rounds, initial)
        before = _Shape.of(document)
        new_text, applied = apply_fixes(current, candidates)
        new_source = SourceText(new_text, bom=source.bom)
        new_document = parse_document(new_source)
        if not _keeps_invariants(before, _Shape.of(new_document), applied):
            # Find the culprits one by one; keep the fixes that are safe on their own.
            good: list[Fix] = []
            for fix in applied:
                trial, _ = apply_fixes(current, [*good, fix])
                trial_doc = parse_document(SourceText(trial, bom=source.bom))
                if _keeps_invariants(before, _Shape.of(trial_doc), [*good, fix]):
                    good.append(fix)
                else:
                    refused.add(_fix_key(current, fix, code_of[id(fix)]))
            if not good:
                continue
            new_text, applied = apply_fixes(current, good)
            new_source = SourceText(new_text, bom=source.bom)
            new_document = parse_document(new_source)
        if new_text == current:  # the fixes changed nothing: count none of them
            return FixOutcome(source, diagnostics, fixed, rounds, initial)
        for fix in applied:
            fixed[code_of[id(fix)]] += 1
        rounds.append(tuple(applied))
        source, document = new_source, new_document
        diagnostics = lint_document(document, settings, filename)
        if region is not None:
            region.advance(sorted(edit for fix in applied for edit in fix.edits))
            diagnostics = region.keep(diagnostics)
    leftover = [
        d
        for d in diagnostics
        if (fix := _applicable(d, settings)) is not None
        and _fix_key(source.text, fix, d.code) not in refused
    ]
    if leftover:
        raise ConvergenceError(f"fixes did not converge after {MAX_ROUNDS} rounds")
    return FixOutcome(source, diagnostics, fixed, rounds, initial)
