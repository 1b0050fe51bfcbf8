"""Linting a parsed document: run the enabled rules, apply suppressions, decide once
which fixes may be offered. Below both :mod:`awesome_lint.api` (the entry point) and
:mod:`awesome_lint.fixer` (the fix loop), which both use it.
"""

from __future__ import annotations

import os
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import BinaryIO

from awesome_lint.diagnostics import Diagnostic, Fix, by_position
from awesome_lint.lazyre import save_programs
from awesome_lint.parser.directives import parse_directives
from awesome_lint.parser.document import Document
from awesome_lint.records import replace
from awesome_lint.rules import get_rule
from awesome_lint.rules.base import Context, Rule
from awesome_lint.settings import Settings
from awesome_lint.suppression import apply_suppressions

UNUSED_SUPPRESSION = "AL001"


def _resolve_code(name: str) -> str | None:
    rule = get_rule(name)
    return rule.code if rule else None


def lint_document(
    document: Document,
    settings: Settings,
    filename: str = "-",
    rules: Iterable[type[Rule]] | None = None,
) -> list[Diagnostic]:
    """Run the enabled rules on a parsed document, apply suppressions, sort.

    With ``rules`` (some of the enabled ones, see ``split_rules``) only those run: what
    they report is exactly their part of the whole lint, as long as no unused
    suppression is looked for (``needs_all_rules``).
    """
    diagnostics: list[Diagnostic] = []
    check_unused = False
    for rule_cls in settings.rules if rules is None else rules:
        if rule_cls.code == UNUSED_SUPPRESSION:
            check_unused = True
            continue
        context = Context(settings.rule_options(rule_cls), filename, settings.link_facts)
        diagnostics.extend(rule_cls().check(document, context))
    directives = parse_directives(document)
    kept, unused = apply_suppressions(diagnostics, directives, document.source, _resolve_code)
    if check_unused and unused:
        from awesome_lint.rules.al001_unused_suppression import UnusedSuppression

        enabled = {rule.code for rule in settings.rules}
        kept.extend(UnusedSuppression().report_unused(document, unused, enabled, _resolve_code))
    kept = _without_shadowed(document, kept)
    kept.sort(key=by_position)
    if settings.unfixable or settings.fixable is not None:
        # Decided once, here: a rule that may not fix reports no fix, so the report's
        # `[*]`, the counts, every format and `--fix` agree.
        kept = [
            replace(d, fix=None) if d.fix is not None and not settings.may_fix(d.code) else d
            for d in kept
        ]
    return _without_target_edits(document, kept)


# A finding of the first rule covers one of the second's: the same slip, reported once.
# "span": inside the first's span (a table of contents' link to no heading is AL701's,
# with its fix; AL702 reads every other `#fragment` link); "line": on the same line (a
# link split by a blank, AL714's, leaves its entry without a link: AL101 says so too).
_SHADOWS = (("AL701", "AL702", "span"), ("AL714", "AL101", "line"))


def _without_shadowed(document: Document, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics without those that a finding of a shadowing rule covers."""
    for first, second, how in _SHADOWS:
        spans = [(d.start, d.end) for d in diagnostics if d.code == first]
        if not spans:
            continue
        if how == "line":
            line_index = document.source.line_index
            lines = {line_index(start) for start, _ in spans}
            diagnostics = [
                d for d in diagnostics if d.code != second or line_index(d.start) not in lines
            ]
        else:
            diagnostics = [
                d
                for d in diagnostics
                if d.code != second or not any(a <= d.start and d.end <= b for a, b in spans)
            ]
    return diagnostics


def split_rules(settings: Settings) -> tuple[list[type[Rule]], list[type[Rule]]]:
    """The enabled rules in two parts: those that can offer a fix ``--fix`` applies with
    these settings, and the rest, whose findings only matter when reported.

    A rule declares what it offers (``Rule.fix``): "none" never offers a fix, "unsafe"
    only unsafe ones (checked on every rule fixture and corpus list by the tests).
    """
    fixing: list[type[Rule]] = []
    rest: list[type[Rule]] = []
    for rule in settings.rules:
        offers = rule.fix == "safe" or (rule.fix == "unsafe" and settings.unsafe_fixes)
        (fixing if offers and settings.may_fix(rule.code) else rest).append(rule)
    # A rule whose findings another one shadows (``_without_shadowed``) stays in the
    # rest when it offers no fix the loop applies: the rest's findings are shadowed by
    # the fixing part's when they are added (``without_shadowed_by``), and the loop
    # does not run it for nothing after every round. A shadowing rule runs beside a
    # fixing rule it shadows: a fix the whole lint drops is never applied.
    codes = {rule.code for rule in fixing}
    for first, second, _how in _SHADOWS:
        if second in codes and first not in codes:
            fixing.extend(rule for rule in rest if rule.code == first)
            rest = [rule for rule in rest if rule.code != first]
    return fixing, rest


def without_shadowed_by(
    document: Document, first: list[Diagnostic], second: list[Diagnostic]
) -> list[Diagnostic]:
    """``second`` (the rest's part of a lint, see ``split_rules``) without the findings
    that one of ``first`` (the fixing rules' part, on the same document) shadows."""
    if not second:
        return second
    kept = _without_shadowed(document, [*first, *second])
    if len(kept) == len(first) + len(second):
        return second
    ids = {id(diagnostic) for diagnostic in kept}
    return [diagnostic for diagnostic in second if id(diagnostic) in ids]


def needs_all_rules(document: Document, settings: Settings) -> bool:
    """Whether only a whole lint is right: an unused suppression is looked for (AL001)
    and the document has suppression comments, which every rule's findings may use."""
    return any(rule.code == UNUSED_SUPPRESSION for rule in settings.rules) and bool(
        parse_directives(document)
    )


def merge(parts: list[Diagnostic], rest: list[Diagnostic]) -> list[Diagnostic]:
    """Two parts of one lint (from ``split_rules``' two lists) as the whole lint sorts
    them: the sort is stable and its key holds the code, so findings that tie came from
    one rule, in its own order."""
    return sorted([*parts, *rest], key=by_position)


# A lint shared by two processes (``lint_in_two``) is handed out in units: a rule, or
# rules that read the same costly facts of a document, which the process that runs them
# builds once (the facts built before the fork, ``_prebuilt``, are shared anyway). Each
# process takes the next unit when it is done with one, so the two end close together
# whatever the document is like. The units, as found with ``document.cache`` on the x10
# files: the paper links (``paper_links``), entry parts and link areas; the prose of
# entries; the entries that open with a link; the text of entries by their start; the
# year buckets; the anchors. A rule whose findings shadow another's (``_SHADOWS``) is in
# the other's unit, so one process lints both (AL714 joins AL101).
_TOGETHER = (
    ("AL101", "AL118", "AL123", "AL205", "AL206", "AL213", "AL401", "AL402", "AL403",
     "AL404", "AL714"),
    ("AL109", "AL110", "AL113", "AL115", "AL119", "AL504"),
    ("AL102", "AL106", "AL107", "AL703", "AL705"),
    ("AL120", "AL121", "AL122", "AL503"),
    ("AL209", "AL301"),
    ("AL701", "AL702"),
)  # fmt: skip
# The units that take longest, named by one of their rules, longest first (warm times on
# the x10 files, the paper list and awesome-selfhosted: 0.7-1.0 s, 0.2-0.35 s, 0.1-0.3 s,
# then 0.2 s and less): handed out first, so that the last units handed out are short.
# The others follow in the rules' order.
_LONGEST_FIRST = (
    "AL403", "AL301", "AL110", "AL207", "AL125", "AL705", "AL122", "AL704", "AL604",
    "AL602", "AL715", "AL112",
)  # fmt: skip
# A file this long (characters) checked while a core is idle has work done by a second
# process (``lint_in_two``, ``Background``); below it, the fork costs more than it saves.
SPLIT_MIN_CHARS = 100_000


def lint_in_two(
    document: Document,
    settings: Settings,
    filename: str = "-",
    rules: Sequence[type[Rule]] | None = None,
) -> list[Diagnostic] | None:
    """``lint_document``'s findings, its rules run by two processes at once: a forked
    child runs some of them and sends its part back through a pipe, while this process
    runs the rest; the parts are merged as ``split_rules``' are. The findings are the
    same: each part is exactly its rules' share of the whole lint. With ``rules`` (some
    of the enabled ones, as for ``lint_document``) only those run: the fix loop's rounds
    run the fixing rules.

    The rules are handed out in units (``_TOGETHER``), longest first
    (``_LONGEST_FIRST``): each process takes the next unit when it is done with one
    (``_Units``), so the two end close together. Facts that rules of both processes
    read are built here before the fork (``_prebuilt``), not once in each.

    None where it cannot be done: on a system other than Linux (no ``fork``, or one
    that is unsafe after some system libraries are loaded), and where suppressions need
    the whole lint (``needs_all_rules``). A child that fails in any way has its part
    run here instead.
    """
    if not can_fork() or needs_all_rules(document, settings):
        return None
    chosen = list(settings.rules if rules is None else rules)
    order = _units(chosen)
    if len(order) < 2:
        return None
    _prebuilt(document, settings, chosen)
    units = _Units(order)
    here = os.getpid()

    def their_part() -> list[Diagnostic]:
        # the child: the units it takes; here (the child failed or never started): the
        # units this process did not take
        mine = units.take() if os.getpid() != here else units.left()
        return lint_document(document, settings, filename, mine)

    rest = Background(their_part)
    try:
        found = lint_document(document, settings, filename, units.take())
    except BaseException:
        rest.abandon()
        raise
    finally:
        units.close()
    return merge(found, rest.result())


def _prebuilt(document: Document, settings: Settings, rules: list[type[Rule]]) -> None:
    """Build the facts that rules of both processes of ``lint_in_two`` read: the link
    targets (every fix's check reads them) and the venue tokens (the venue and year
    rules, and the paper-list test of AL118 and AL402)."""
    link_targets(document)
    venue_rule = next((rule for rule in rules if rule.code.startswith("AL2")), None)
    if venue_rule is not None:
        from awesome_lint.rules.venue_common import document_tokens, registry_for

        document_tokens(document, registry_for(settings.rule_options(venue_rule)))


def _units(rules: list[type[Rule]]) -> list[list[type[Rule]]]:
    """``rules`` in the units ``lint_in_two`` hands out, in the order it hands them out."""
    unit_of = {code: index for index, codes in enumerate(_TOGETHER) for code in codes}
    grouped: dict[object, list[type[Rule]]] = {}
    for rule in rules:
        grouped.setdefault(unit_of.get(rule.code, rule.code), []).append(rule)
    units = list(grouped.values())
    rank = {code: index for index, code in enumerate(_LONGEST_FIRST)}
    last = len(rank)
    # (a stable sort: units with no rank keep the rules' order)
    units.sort(key=lambda unit: min(rank.get(rule.code, last) for rule in unit))
    return units


class _Units:
    """Units of rules handed out to two processes, one at a time, to whichever asks
    first: their numbers, one byte each, wait in a pipe that is filled (and its writing
    end closed) before the fork. A read of one byte takes one number, so no unit goes
    to both, and a read at the end finds the pipe empty and closed, so nothing waits."""

    def __init__(self, units: list[list[type[Rule]]]) -> None:
        if len(units) > 255:
            raise ValueError("at most 255 units")
        self._units = units
        self._taken: list[int] = []
        self._read, write = os.pipe()
        try:
            os.write(write, bytes(range(len(units))))  # (a few dozen bytes: never blocks)
        finally:
            os.close(write)

    def take(self) -> Iterator[type[Rule]]:
        """The rules of each unit this process takes, taken as they are asked for."""
        while self._read >= 0:
            got = os.read(self._read, 1)
            if not got:
                self.close()
                return
            self._taken.append(got[0])
            yield from self._units[got[0]]

    def left(self) -> list[type[Rule]]:
        """The rules of the units this process did not take (once it took its last)."""
        taken = set(self._taken)
        return [
            rule for index, unit in enumerate(self._units) if index not in taken for rule in unit
        ]

    def close(self) -> None:
        if self._read >= 0:
            os.close(self._read)
            self._read = -1


def can_fork() -> bool:
    """Whether work may go to a forked child: on Linux (elsewhere there is no ``fork``,
    or it is unsafe once some system libraries are loaded)."""
    return sys.platform == "linux"


class Background:
    """Findings worked out by a forked child while this process goes on (Linux only:
    see ``lint_in_two``). ``result()`` reads them from a pipe, or works them out here
    when the child could not be started or failed in any way; ``abandon()`` lets the
    child go unread. Either waits for the child, and so does dropping one never read."""

    def __init__(self, work: Callable[[], list[Diagnostic]]) -> None:
        import pickle

        self._work = work
        self._found: list[Diagnostic] | None = None
        self._pipe: BinaryIO | None = None
        try:
            read, write = os.pipe()
            self._child = os.fork()
        except OSError:  # (no process to spare: the work is done here when asked for)
            return
        if self._child == 0:  # pragma: no cover (the child: its coverage is not recorded)
            status = 1
            try:
                os.close(read)
                part = pickle.dumps(work())
                with os.fdopen(write, "wb") as out:
                    out.write(part)
                status = 0
                save_programs()  # the patterns of its rules (it ends without cleanup)
            finally:
                os._exit(status)  # no cleanup, no output: the parent owns both
        os.close(write)
        self._pipe = os.fdopen(read, "rb")

    def result(self) -> list[Diagnostic]:
        import pickle

        if self._found is None:
            status = 1
            data = b""
            if self._pipe is not None:
                try:
                    data = self._pipe.read()
                finally:
                    status = self._close()
            self._found = pickle.loads(data) if status == 0 else self._work()
        return self._found

    def abandon(self) -> None:
        if self._pipe is not None:
            self._close()

    def __del__(self) -> None:
        if getattr(self, "_pipe", None) is not None:  # never read: the child is waited for
            self._close()

    def _close(self) -> int:
        assert self._pipe is not None
        self._pipe.close()  # (a child still writing gets a broken pipe and ends)
        self._pipe = None
        _, status = os.waitpid(self._child, 0)
        return status


class Handoff:
    """A value this process works out after forking a ``Background`` child, for the
    child to read when its work needs it (Linux only). The value goes through an
    anonymous file in memory, so handing it over never waits for the child; a pipe
    then carries its length, which the child waits for. Made before the fork;
    ``put()`` (or ``close()``, when there is nothing to hand over) after it, here;
    ``get()`` in either process: here it is the value put. A child whose parent closed
    the handoff unset (or ended) gets an ``EOFError``, and so fails as any child may:
    its work is then done here.

    Raises ``OSError`` when the system has no anonymous files (``os.memfd_create``).
    """

    def __init__(self) -> None:
        self._owner = os.getpid()
        if not hasattr(os, "memfd_create"):
            raise OSError("no anonymous files on this system")
        self._file = os.memfd_create("awesome-lint-handoff", os.MFD_CLOEXEC)
        try:
            self._ready, self._signal = os.pipe()
        except OSError:
            os.close(self._file)
            raise
        self._value: object = None
        self._open = True  # (here: the file and the pipe's ends are not closed yet)

    def put(self, value: object) -> None:
        """Hand ``value`` over (here, after the fork), and close this process's ends. A
        value that cannot be pickled is not handed over: the child then fails."""
        import pickle

        self._value = value
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            view = memoryview(data)
            while view:
                view = view[os.write(self._file, view) :]
            os.write(self._signal, len(data).to_bytes(8, "little"))
        except Exception:  # (a child that gets nothing fails: its work is redone here)
            pass
        self.close()

    def close(self) -> None:
        """Close this process's ends (a child still waiting gets an ``EOFError``)."""
        if self._open and os.getpid() == self._owner:
            self._open = False
            for fd in (self._file, self._ready, self._signal):
                os.close(fd)

    def get(self) -> object:
        """The value put: here, as it was put; in the child, read from the file once
        the parent says it is there (an ``EOFError`` if it never will be)."""
        import pickle

        if os.getpid() == self._owner:
            return self._value
        os.close(self._signal)  # (the child's copy: else it would wait for itself)
        length = int.from_bytes(_read_exactly(self._ready, 8), "little")
        data = bytearray()
        while len(data) < length:
            chunk = os.pread(self._file, length - len(data), len(data))
            if not chunk:
                raise EOFError("the handed-over value is cut short")
            data += chunk
        return pickle.loads(data)


def _read_exactly(fd: int, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = os.read(fd, size - len(data))
        if not chunk:
            raise EOFError("nothing was handed over")
        data += chunk
    return data


def _edits_a_target(fix: Fix, document: Document) -> bool:
    """Whether ``fix`` changes part of a link target (a URL or anchor rewrite is declared
    instead: ``rewrites_urls``, ``anchors_only``).

    An edit that replaces a whole link target (say, a moved or removed entry) is fine.
    """
    starts, targets = link_targets(document)  # disjoint, so their ends are sorted too
    for edit in fix.edits:
        index = bisect_right(starts, edit.end) - 1
        while index >= 0 and targets[index][1] >= edit.start:
            _, _, whole_start, whole_end = targets[index]
            if not (edit.start <= whole_start and edit.end >= whole_end):
                return True
            index -= 1
    return False


def _without_target_edits(document: Document, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Drop every fix that would edit inside a link target (editors apply exported fixes)."""
    out = diagnostics
    for index, diagnostic in enumerate(diagnostics):
        fix = diagnostic.fix
        if fix is None or fix.rewrites_urls or fix.anchors_only or not document.links:
            continue  # (a declared rewrite: the invariants check it)
        if _edits_a_target(fix, document):
            if out is diagnostics:
                out = list(diagnostics)
            out[index] = replace(diagnostic, fix=None)
    return out


def document_notes(document: Document) -> list[str]:
    """What the user should know about a check that is not a problem in the text: parts of
    the document that were not checked. At most one note of each kind per document."""
    out: list[str] = []
    if document.nesting_cut is not None:
        out.append(
            f"line {document.nesting_cut + 1}: lists or quotes nested this deep are beyond "
            "the Markdown parser's nesting limit; the lines inside are not checked"
        )
    return out


def link_targets(document: Document) -> tuple[list[int], list[tuple[int, int, int, int]]]:
    """The protected part of every inline link and autolink, sorted by start.

    Each item is ``(inner_start, inner_end, whole_start, whole_end)``: ``inner`` is what
    lies between ``(`` and ``)`` (or ``<`` and ``>``), ``whole`` includes the brackets.
    """
    cached = document.cache.get("link-targets")
    if cached is None:
        targets: list[tuple[int, int, int, int]] = []
        for link in document.links:
            if link.reference:
                continue
            if link.text == link.url:  # an autolink <url>
                whole = (link.start, link.end)
            else:  # [text](target): the target starts after "]"
                whole = (link.text[1] + 1, link.end)
            targets.append((whole[0] + 1, whole[1] - 1, *whole))
        targets.sort()
        cached = ([t[0] for t in targets], targets)
        document.cache["link-targets"] = cached
    return cached
