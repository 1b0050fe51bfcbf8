"""The human formats: ``full`` (with source snippets), ``concise`` and ``grouped``.

All three end with the same tail: the ``--show-fixes`` summary after ``--fix``,
then a one-line footer naming the next step (suppressed by ``quiet``).
``--statistics`` replaces the per-diagnostic lines by a count per code.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import TextIO

from awesome_lint.diagnostics import Applicability, Diagnostic
from awesome_lint.reporters import ReportOptions
from awesome_lint.reporters.common import (
    is_applicable,
    iter_diagnostics,
    plural,
    rule_name,
    sorted_diagnostics,
    sorted_results,
)
from awesome_lint.results import FileResult
from awesome_lint.source import SourceText

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_RED = "\x1b[1;31m"
_BLUE = "\x1b[1;34m"
_CYAN = "\x1b[36m"
_CYAN_BOLD = "\x1b[1;36m"

FIX_MARK = "[*]"
# A snippet longer than this many lines shows its first and last lines only.
_MAX_ROWS = 6
_HEAD_ROWS = 3
_TAIL_ROWS = 2
_TAB = "    "


class _Style:
    """ANSI colouring that is a no-op when colour is off."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if self.enabled and text else text


def _control_picture(code: int) -> str:
    """A visible stand-in for a control character (never send raw escapes to a terminal)."""
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"  # C1 controls


_CONTROLS = {code: _control_picture(code) for code in (*range(0x20), *range(0x7F, 0xA0))}
_MESSAGE_CONTROLS = {**_CONTROLS, ord("\t"): " "}


def _one_line(message: str) -> str:
    """A message, file name or fix title made safe for one terminal line."""
    if message.isprintable():
        return message  # (most messages: no line break, tab or control character)
    if "\n" in message or "\r" in message:
        message = " ".join(message.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return message.translate(_MESSAGE_CONTROLS)


def _fix_mark(diagnostic: Diagnostic, options: ReportOptions, style: _Style) -> str:
    if is_applicable(diagnostic.fix, unsafe_fixes=options.unsafe_fixes):
        return style(_CYAN, FIX_MARK) + " "
    return ""


def _severity_mark(severity: str) -> str:
    """Errors are the default and carry no mark; ``(warning)`` and ``(info)`` do."""
    return "" if severity == "error" else f" ({severity})"


# -- snippets ------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _char_display(char: str) -> tuple[str, int]:
    """How one character is shown in a snippet, and how many columns it takes."""
    if char == "\t":
        return _TAB, len(_TAB)
    code = ord(char)
    if code in _CONTROLS:
        return _CONTROLS[code], 1
    if unicodedata.combining(char) or unicodedata.category(char) in ("Me", "Cf"):
        return char, 0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return char, 2
    return char, 1


def _render_row(text: str, start: int, end: int) -> tuple[str, str]:
    """The shown line and its caret underline for code points ``start:end`` of ``text``.

    ``end`` may exceed ``len(text)`` by one: the span includes the line terminator.
    """
    if text.isascii() and text.isprintable():
        # The common case: every character is shown as itself, one column wide.
        before = min(start, len(text))
        under = max(0, min(end, len(text)) - start) + max(0, end - len(text))
        return text, " " * before + "^" * max(1, under)
    return _render_row_chars(text, start, end)


def _render_row_chars(text: str, start: int, end: int) -> tuple[str, str]:
    """``_render_row`` character by character (any text)."""
    shown: list[str] = []
    before = under = 0
    for index, char in enumerate(text):
        display, width = _char_display(char)
        shown.append(display)
        if index < start:
            before += width
        elif index < end:
            under += width
    under += max(0, end - len(text))
    return "".join(shown), " " * before + "^" * max(1, under)


def _snippet_rows(
    source: SourceText, start: int, end: int, first: int = -1
) -> list[tuple[int, str, str]]:
    """(line number, shown text, carets) for each line of a span; ``first`` is the index
    of the line holding ``start`` when the caller knows it."""
    if first < 0:
        first = source.line_index(start)
    last = source.line_index(end)
    ends_with_terminator = end > start and last > first and source.lines[last].start == end
    if ends_with_terminator:
        last -= 1
    rows: list[tuple[int, str, str]] = []
    for index in range(first, last + 1):
        line = source.lines[index]
        text = source.line_text(index)
        a = start - line.start if index == first else 0
        if index < last:
            b = max(len(text), a + 1)
        elif ends_with_terminator or end > line.end:
            b = len(text) + 1
        else:
            b = end - line.start
        shown, carets = _render_row(text, a, b)
        rows.append((line.number, shown, carets))
    return rows


class _Pieces:
    """What the lines of every diagnostic in one report share, styled once: a report of
    thousands of diagnostics spends most of its time on these small strings."""

    __slots__ = ("colon", "color", "help", "mark", "note", "style", "unsafe_fixes")

    def __init__(self, options: ReportOptions, style: _Style) -> None:
        self.style = style
        self.color = style.enabled
        self.unsafe_fixes = options.unsafe_fixes
        self.colon = style(_CYAN, ":")
        self.mark = style(_CYAN, FIX_MARK) + " "  # (``_fix_mark``)
        self.help = style(_CYAN_BOLD, "help")
        self.note = style(_BOLD, "note")

    def header(
        self, name: str, line: int, column: int, diagnostic: Diagnostic, severity: str
    ) -> str:
        """``path:line:col: CODE [*] message``, the line that starts a diagnostic in the
        concise and full formats (``name``: the file name, already styled)."""
        colon = self.colon
        fix = diagnostic.fix
        applicable = fix is not None and (
            fix.applicability is Applicability.SAFE or self.unsafe_fixes
        )
        code = self.style(_RED, diagnostic.code) if self.color else diagnostic.code
        return (
            f"{name}{colon}{line}{colon}{column}{colon} {code} {self.mark if applicable else ''}"
            f"{_one_line(diagnostic.message)}{_severity_mark(severity)}"
        )

    def full_block(
        self, out: list[str], name: str, source: SourceText, diagnostic: Diagnostic, severity: str
    ) -> None:
        """Append the full format's lines for ``diagnostic`` to ``out``: the header, the
        source lines with carets, the fix title and notes."""
        style, color = self.style, self.color
        start, end = diagnostic.start, diagnostic.end
        first = source.line_index(start)
        line = source.lines[first]
        text = source.text[line.start : line.end]
        if start <= end <= line.end and text.isascii() and text.isprintable():
            # the common case, a span on one plain line: ``_snippet_rows``' one row, as
            # ``_render_row`` shows it
            rows = [(line.number, text, " " * (start - line.start) + "^" * max(1, end - start))]
        else:
            rows = _snippet_rows(source, start, end, first)
        elided = len(rows) > _MAX_ROWS
        if elided:
            rows = rows[:_HEAD_ROWS] + rows[-_TAIL_ROWS:]
        width = len(str(rows[-1][0]))
        gutter = style(_BLUE, " " * width + " |")
        out.append(self.header(name, line.number, start - line.start + 1, diagnostic, severity))
        out.append(gutter)
        for position, (number, shown, carets) in enumerate(rows):
            if elided and position == _HEAD_ROWS:
                out.append(style(_BLUE, "." * width + " |"))
            numbered = f"{number:>{width}} |"
            if color:
                numbered = style(_BLUE, numbered)
                carets = style(_RED, carets)
            out.append(f"{numbered} {shown}" if shown else numbered)
            out.append(f"{gutter} {carets}")
        out.append(gutter)
        fix = diagnostic.fix
        if fix is not None:
            note = ""
            if fix.applicability is Applicability.UNSAFE and not self.unsafe_fixes:
                note = " (unsafe fix: enable with --unsafe-fixes)"
            out.append(f"{self.help}: {_one_line(fix.message)}{note}")
        for related in diagnostic.related:
            at, column = source.position(related.start)
            out.append(f"{self.note}: {_one_line(related.message)} at {at}:{column}")


# -- statistics, fix summary, footer -------------------------------------------------------


def _statistics(results: Sequence[FileResult], options: ReportOptions) -> list[str]:
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    fixable: set[str] = set()
    for _result, _source, diagnostic in iter_diagnostics(results):
        counts[diagnostic.code] = counts.get(diagnostic.code, 0) + 1
        names.setdefault(diagnostic.code, diagnostic.name)
        if is_applicable(diagnostic.fix, unsafe_fixes=options.unsafe_fixes):
            fixable.add(diagnostic.code)
    if not counts:
        return []
    order = sorted(counts, key=lambda code: (-counts[code], code))
    count_width = max(len(str(count)) for count in counts.values())
    code_width = max(len(code) for code in counts)
    mark_width = len(FIX_MARK) if fixable else 0
    lines = []
    for code in order:
        mark = FIX_MARK if code in fixable else ""
        cells = [f"{counts[code]:>{count_width}}", f"{code:<{code_width}}"]
        if mark_width:
            cells.append(f"{mark:<{mark_width}}")
        cells.append(names[code])
        lines.append("  ".join(cells).rstrip())
    return lines


def _fix_summary(results: Sequence[FileResult]) -> list[str]:
    fixed_files = [result for result in sorted_results(results) if result.fixed]
    if not fixed_files:
        return []
    total = sum(result.fixed for result in fixed_files)
    lines = [f"Fixed {plural(total, 'problem')}:"]
    for result in fixed_files:
        lines.append(f"- {_one_line(result.filename)}:")
        codes = result.fixed_codes
        if not codes:
            lines.append(f"    {plural(result.fixed, 'fix')}")
            continue
        width = max(len(str(count)) for count in codes.values())
        for code in sorted(codes, key=lambda c: (-codes[c], c)):
            name = rule_name(code)
            label = f"{code} ({name})" if name else code
            lines.append(f"    {codes[code]:>{width}} × {label}")
    return lines


def footer(results: Sequence[FileResult], options: ReportOptions) -> str:
    """The closing line: how many problems, and what ``--fix`` would do about them."""
    remaining = [d for result in results for d in sorted_diagnostics(result)]
    errors = sum(1 for result in results if result.error is not None)
    unsafe_available = sum(
        1 for d in remaining if d.fix is not None and d.fix.applicability is Applicability.UNSAFE
    )
    hidden = 0 if options.unsafe_fixes else unsafe_available
    count = len(remaining)
    if options.fix_mode:
        fixed = sum(result.fixed for result in results)
        total = fixed + count
        if total == 0:
            text = ""
        elif fixed:
            text = f"Found {plural(total, 'problem')} ({fixed} fixed, {count} remaining)."
        else:
            text = f"Found {plural(total, 'problem')}."
        if hidden:
            text += f" {hidden} fixable with --unsafe-fixes."
    else:
        applicable = sum(
            1 for d in remaining if is_applicable(d.fix, unsafe_fixes=options.unsafe_fixes)
        )
        text = f"Found {plural(count, 'problem')}." if count else ""
        if applicable and hidden:
            text += f" {applicable} fixable with --fix ({hidden} more with --unsafe-fixes)."
        elif applicable:
            text += f" {applicable} fixable with --fix."
        elif hidden:
            text += f" {hidden} fixable with --fix --unsafe-fixes."
    if errors:
        could_not = f"{plural(errors, 'file')} could not be checked."
        return f"{text} {could_not}" if text else f"No problems found, but {could_not}"
    return text or "All checks passed!"


def _write_tail(
    body: list[str], results: Sequence[FileResult], out: TextIO, options: ReportOptions
) -> None:
    """Write ``body`` lines, then the fix summary and the footer, blank-line separated."""
    lines = list(body)
    if options.fix_mode and options.show_fixes:
        summary = _fix_summary(results)
        if summary:
            if lines and lines[-1]:
                lines.append("")
            lines.extend([*summary, ""])
    if not options.quiet:
        lines.append(footer(results, options))
    if lines:
        out.write("\n".join(lines) + "\n")


# -- the three formats ---------------------------------------------------------------


def write_concise(results: Sequence[FileResult], out: TextIO, options: ReportOptions) -> None:
    """``path:line:col: CODE [*] message``, one line per diagnostic."""
    style = _Style(options.color)
    if options.statistics:
        body = _statistics(results, options)
    else:
        body = []
        pieces = _Pieces(options, style)
        for name, source, diagnostic, severity in _each(results, style):
            line, column = source.position(diagnostic.start)
            body.append(pieces.header(name, line, column, diagnostic, severity))
    _write_tail(body, results, out, options)


def write_full(results: Sequence[FileResult], out: TextIO, options: ReportOptions) -> None:
    """The concise header, then the source lines with carets, the fix title and notes."""
    style = _Style(options.color)
    if options.statistics:
        body = _statistics(results, options)
    else:
        body = []
        pieces = _Pieces(options, style)
        for name, source, diagnostic, severity in _each(results, style):
            pieces.full_block(body, name, source, diagnostic, severity)
            body.append("")
    _write_tail(body, results, out, options)


def _each(
    results: Sequence[FileResult], style: _Style
) -> Iterator[tuple[str, SourceText, Diagnostic, str]]:
    """Each diagnostic to report, in order (``iter_diagnostics``), with its file's styled
    name, its source and its severity."""
    for result in sorted_results(results):
        source = result.source
        if source is None:
            continue
        name = style(_BOLD, _one_line(result.filename))
        severity = result.severity
        for diagnostic in sorted_diagnostics(result):
            yield name, source, diagnostic, severity(diagnostic.code)


def write_grouped(results: Sequence[FileResult], out: TextIO, options: ReportOptions) -> None:
    """The file name once, then ``line:col CODE [*] message`` lines under it."""
    style = _Style(options.color)
    if options.statistics:
        _write_tail(_statistics(results, options), results, out, options)
        return
    body: list[str] = []
    for result in sorted_results(results):
        source = result.source
        diagnostics = sorted_diagnostics(result)
        if source is None or not diagnostics:
            continue
        positions = ["{}:{}".format(*source.position(d.start)) for d in diagnostics]
        width = max(len(position) for position in positions)
        body.append(f"{style(_BOLD, _one_line(result.filename))}:")
        for position, diagnostic in zip(positions, diagnostics, strict=True):
            body.append(
                f"  {position:<{width}} {style(_RED, diagnostic.code)} "
                f"{_fix_mark(diagnostic, options, style)}{_one_line(diagnostic.message)}"
                f"{_severity_mark(result.severity(diagnostic.code))}"
            )
        body.append("")
    _write_tail(body, results, out, options)
