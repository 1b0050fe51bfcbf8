"""Filter diagnostics by suppression comments and find the comments that did nothing."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.parser.directives import Directive
from awesome_lint.source import SourceText

ALL = "*"


def apply_suppressions(
    diagnostics: Sequence[Diagnostic],
    directives: Sequence[Directive],
    source: SourceText,
    resolve: Callable[[str], str | None],
) -> tuple[list[Diagnostic], list[Directive]]:
    """Return the diagnostics that survive and the directives that suppressed nothing.

    ``resolve`` maps a code or name as written to a rule code (None if unknown).
    """
    if not directives:
        return list(diagnostics), []
    last_line = len(source.lines) - 1
    # (first line, last line, code or ALL, directive index)
    ranges: list[tuple[int, int, str, int]] = []
    open_ranges: dict[str, tuple[int, int]] = {}  # code -> (start line, directive index)
    for index, directive in enumerate(directives):
        codes = [resolve(name) or f"?{name}" for name in directive.names] or [ALL]
        if directive.kind == "disable":
            for code in codes:
                open_ranges.setdefault(code, (directive.line, index))
        elif directive.kind == "enable":
            for code in codes:
                if code == ALL:
                    for key, (start, opener) in list(open_ranges.items()):
                        ranges.append((start, directive.line, key, opener))
                    open_ranges.clear()
                elif code in open_ranges:
                    start, opener = open_ranges.pop(code)
                    ranges.append((start, directive.line, code, opener))
        elif directive.kind == "disable-line":
            ranges.extend((directive.line, directive.line, code, index) for code in codes)
        elif directive.kind == "disable-next-line":
            target = directive.line + 1
            ranges.extend((target, target, code, index) for code in codes)
        elif directive.kind == "ignore":
            ranges.extend((directive.line + 1, directive.end_line, code, index) for code in codes)
        elif directive.kind == "disable-file":
            ranges.extend((0, last_line, code, index) for code in codes)
    for code, (start, opener) in open_ranges.items():
        ranges.append((start, last_line, code, opener))

    used: set[int] = set()
    kept: list[Diagnostic] = []
    for diagnostic in diagnostics:
        line = source.line_index(diagnostic.start)
        suppressed = False
        for first, last, code, index in ranges:
            if first <= line <= last and (code == ALL or code == diagnostic.code):
                used.add(index)
                suppressed = True
        if not suppressed:
            kept.append(diagnostic)
    unused = [
        directive
        for index, directive in enumerate(directives)
        if directive.kind != "enable" and index not in used and not directive.foreign
    ]
    return kept, unused
