"""Helpers shared by the reporters: ordering, positions, fix applicability, rule links.

Kept free of heavy imports (no json, xml, hashlib): the text formats use it too.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache

from awesome_lint.diagnostics import Applicability, Diagnostic, Fix, by_position
from awesome_lint.results import FileResult
from awesome_lint.source import SourceText

TOOL_NAME = "awesome-lint"

Position = tuple[int, int]


def sorted_results(results: Sequence[FileResult]) -> list[FileResult]:
    """Results in file-name order (stable for equal names)."""
    return sorted(results, key=lambda result: result.filename)


def sorted_diagnostics(result: FileResult) -> list[Diagnostic]:
    """A file's diagnostics by start, end, code; empty when the file has no source."""
    if result.source is None:
        return []
    return sorted(result.diagnostics, key=by_position)


def iter_diagnostics(
    results: Sequence[FileResult],
) -> Iterator[tuple[FileResult, SourceText, Diagnostic]]:
    """Every reportable diagnostic, sorted by file, then position, then code."""
    for result in sorted_results(results):
        source = result.source
        if source is None:
            continue
        for diagnostic in sorted_diagnostics(result):
            yield result, source, diagnostic


def span_positions(source: SourceText, start: int, end: int) -> tuple[Position, Position]:
    """1-based (line, column) of a span's start and (exclusive) end, in code points."""
    return source.position(start), source.position(end)


def is_applicable(fix: Fix | None, *, unsafe_fixes: bool) -> bool:
    """Whether ``fix`` would run under the current options (`[*]` in text output)."""
    if fix is None:
        return False
    return fix.applicability is Applicability.SAFE or unsafe_fixes


@cache
def rule_url(code: str) -> str | None:
    """The documentation link of a registered rule, or None for an unknown code."""
    from awesome_lint.rules import get_rule

    rule = get_rule(code)
    if rule is None or rule.code != code:
        return None
    return rule.url()


def rule_name(code: str, fallback: str = "") -> str:
    """The registered rule's name, or ``fallback`` for an unknown code."""
    from awesome_lint.rules import get_rule

    rule = get_rule(code)
    if rule is None or rule.code != code:
        return fallback
    return rule.name


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
