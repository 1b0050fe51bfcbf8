"""The fixer: apply fixes without overlaps, loop until nothing applies, check invariants.

The model is ruff's: take the applicable fixes, apply each only if none of its edits
overlaps or touches one already applied, copy untouched text verbatim, re-parse and
re-lint, and repeat (at most ``MAX_ROUNDS`` rounds). After each round the number of
entries and every URL must be unchanged, except where a fix declares that it removes
entries or rewrites URLs; a fix that breaks them is dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, cast

from awesome_lint.diagnostics import Applicability, Diagnostic, Edit, Fix
from awesome_lint.errors import AwesomeLintError
from awesome_lint.lazyre import lazy_compile
from awesome_lint.linting import (
    SPLIT_MIN_CHARS,
    Background,
    Handoff,
    can_fork,
    document_notes,
    link_targets,
    lint_document,
    lint_in_two,
    merge,
    needs_all_rules,
    split_rules,
    without_shadowed_by,
)
from awesome_lint.parser.build import parse_document
from awesome_lint.parser.document import Block, Document, Entry, Heading, Link
from awesome_lint.parser.markdown import FRONT_MATTER_FENCES
from awesome_lint.records import FrozenRecord, replace
from awesome_lint.settings import Settings
from awesome_lint.source import SourceText

if TYPE_CHECKING:
    from awesome_lint.changes import ChangedRegion
    from awesome_lint.rules.base import Rule

MAX_ROUNDS = 10


class ConvergenceError(AwesomeLintError):
    """The fix loop kept changing the text."""


# ``FixOutcome.diagnostics`` after ``only_initial`` (compared by identity)
_NOT_READ: list[Diagnostic] = []


class FixOutcome:
    """What ``fix_text`` did: the fixed text, what remains, the fixes applied.

    ``diagnostics`` (what remains, offsets into ``source``) and ``initial`` (the text as
    given, before any fix: what ``lint_text`` returns for it, kept so that ``--diff``
    can report on the original without linting it again) carry only fixes the fixer
    would apply. Checking that costs trial parses, and ``--fix`` reads only the first
    list, ``--diff`` only the second: each is checked when it is first read.

    The fix loop runs only the rules that can offer a fix it applies; the findings of
    the others are needed only in a list that is read, so they are added to it then.
    """

    __slots__ = (
        "_diagnostics",
        "_done",
        "_initial",
        "_owed",
        "_pending",
        "fixed",
        "notes",
        "rounds",
        "source",
    )

    def __init__(
        self,
        source: SourceText,
        diagnostics: list[Diagnostic],
        fixed: Counter[str] | None = None,
        rounds: list[tuple[Fix, ...]] | None = None,
        initial: list[Diagnostic] | None = None,
        notes: list[str] | None = None,
    ) -> None:
        self.source = source  # the fixed text (the original object when nothing changed)
        self._diagnostics = diagnostics
        self.fixed: Counter[str] = fixed if fixed is not None else Counter()  # by code
        # The fixes applied in each round; each round's edits are offsets into the text
        # that round started from (the previous round's result).
        self.rounds: list[tuple[Fix, ...]] = rounds if rounds is not None else []
        self._initial = initial if initial is not None else []
        self.notes: list[str] = notes if notes is not None else []  # see ``document_notes``
        # the lists not checked yet, with the document each belongs to
        self._pending: dict[str, Document] = {}
        # the lists that lack the findings of the rules the fix loop did not run: what
        # finds them
        self._owed: dict[str, Callable[[], list[Diagnostic]]] = {}
        # a list completed and checked elsewhere (``initial``, by a forked child): what
        # hands it over
        self._done: dict[str, Callable[[], list[Diagnostic]]] = {}

    @property
    def diagnostics(self) -> list[Diagnostic]:
        if self._diagnostics is _NOT_READ:
            raise RuntimeError("FixOutcome.diagnostics read after only_initial()")
        self._settle("diagnostics")
        return self._diagnostics

    @property
    def initial(self) -> list[Diagnostic]:
        if self._initial is _NOT_READ:
            raise RuntimeError("FixOutcome.initial read after fix_text(keep_initial=False)")
        self._settle("initial")
        return self._initial

    def _settle(self, which: str) -> None:
        same = self._initial is self._diagnostics
        done = self._done.pop("initial" if same else which, None)
        if done is not None:  # completed and checked elsewhere
            found = done()
            if same:  # nothing was fixed: the one list
                for held in {id(d): d for d in self._pending.values()}.values():
                    held.release()
                self._pending.clear()
                self._owed.clear()
                self._initial = self._diagnostics = found
            else:
                self._initial = found
            return
        document = self._pending.pop(which, None)
        if document is None:
            return
        found = self._diagnostics if which == "diagnostics" else self._initial
        owed = self._owed.pop(which, None)
        if owed is not None:
            found = merge(found, owed())
        found = verified_fixes(document, found)
        if which == "diagnostics":
            self._diagnostics = found
        else:
            self._initial = found
        if same:  # nothing was fixed: one list, completed and checked once
            self._pending.clear()
            self._owed.clear()
            self._initial = self._diagnostics = found
        if not any(held is document for held in self._pending.values()):
            document.release()  # done with it (its cycles: see ``only_initial``)

    def only_initial(self) -> None:
        """Say that only ``initial`` will be read (``--diff``): the fixed text's document
        and the work owed to complete its list are let go now, before ``initial`` is
        checked, rather than held to the end of the run (on a long list, the largest
        share of ``--fix --diff``'s peak memory). ``diagnostics`` then reads as
        ``initial``'s list would be read unchecked: not at all, it is an error."""
        if self._initial is self._diagnostics:
            return  # nothing was fixed: one list (and reading either completes it)
        document = self._pending.pop("diagnostics", None)
        self._owed.pop("diagnostics", None)
        self._diagnostics = _NOT_READ
        # (by identity: a document's ``==`` compares its whole contents)
        if document is not None and not any(held is document for held in self._pending.values()):
            document.release()  # (its cycles: the command line runs without the collector)

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
    applied, taken = _choose(text, fixes)
    return splice(text, taken), applied


def _choose(text: str, fixes: list[Fix]) -> tuple[list[Fix], list[Edit]]:
    """The fixes ``apply_fixes`` applies, and their edits in order, without applying them."""
    ordered = sorted(fixes, key=lambda f: (f.start, f.end))
    applied: list[Fix] = []
    taken: list[Edit] = []  # disjoint, kept sorted
    for fix in ordered:
        edits = sorted(fix.edits)
        if any(_conflicts(edit, taken) for edit in edits):
            continue
        if any(_joins_cr_lf(text, edit) for edit in edits):
            continue
        if any(_touches(a, b) for a, b in pairwise(edits)):
            continue
        for edit in edits:
            insort(taken, edit)
        applied.append(fix)
    return applied, taken


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


MAX_VERIFY_PARSES = 64


def verified_fixes(document: Document, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """``diagnostics`` without the fixes the fixer would refuse (exported fixes are applied
    by editors and reviewdog as they are, so each must keep the invariants on its own).

    The fixes are applied as the fixer does, in batches of non-overlapping ones; a batch
    that keeps the invariants is accepted whole (usually one parse for the whole file),
    one that does not is halved until the culprits are found. After
    ``MAX_VERIFY_PARSES`` parses, fixes not yet checked are dropped (never offered
    unchecked).
    """
    text = document.source.text
    owners: dict[int, list[int]] = {}
    for index, diagnostic in enumerate(diagnostics):
        fix = diagnostic.fix
        if fix is not None and fix.edits and not _inert(document, fix):
            owners.setdefault(id(fix), []).append(index)
    if not owners:
        return diagnostics
    bom = document.source.bom
    before: _Shape | None = None  # the whole text's shape: needed only for a whole parse
    by_id = {id(d.fix): d.fix for d in diagnostics if d.fix is not None and id(d.fix) in owners}
    refused: set[int] = set()
    parses = 0
    # A fix that only puts a list's items in another order is judged on the shape its
    # text would parse to, known without a parse (``_permuted_shape``), and alone.
    for key, fix in list(by_id.items()):
        if not fix.rewrites_urls or not _choose(text, [fix])[0]:
            continue
        shapes = _permuted_shapes(document, fix)
        if shapes is not None:
            del by_id[key]
            if not _keeps_invariants(*shapes, [fix]):
                refused.add(key)

    def keeps(group: list[Fix]) -> bool:
        nonlocal parses, before
        parses += 1
        applied, taken = _choose(text, group)
        if len(applied) != len(group):
            return False
        windows = _windows(document, group)
        if windows is not None:
            return _windows_keep(document, windows, group)
        if before is None:
            before = _Shape.of(document)
        after = _parsed_shape(SourceText(splice(text, taken), bom=bom))
        return _keeps_invariants(before, after, group)

    def settle(group: list[Fix]) -> None:
        moving = [fix for fix in group if _moves(fix)]
        if moving and len(moving) < len(group):
            # A fix that removes or adds entries is judged by entry counts alone, one that
            # makes a heading by that change alone: checked with it, another fix would
            # escape the structure check it must pass alone.
            settle(moving)
            settle([fix for fix in group if not _moves(fix)])
            return
        if parses >= MAX_VERIFY_PARSES:
            refused.update(id(fix) for fix in group)
        elif not keeps(group):
            if len(group) == 1:
                refused.add(id(group[0]))
            else:
                half = len(group) // 2
                settle(group[:half])
                settle(group[half:])

    pending = list(by_id.values())
    while pending:
        batch, _ = _choose(text, pending)
        taken = {id(fix) for fix in batch}
        rest = [fix for fix in pending if id(fix) not in taken]
        # a fix the fixer skips even when alone (say, one joining "\r" and "\n") is refused
        for fix in rest:
            if not _choose(text, [fix])[0]:
                refused.add(id(fix))
        settle(batch)
        pending = [fix for fix in rest if id(fix) not in refused]
    if not refused:
        return diagnostics
    out = list(diagnostics)
    for key in refused:
        for index in owners[key]:
            out[index] = replace(out[index], fix=None)
    return out


# A trial parse of only the regions around a batch's edits pays while they cover less
# than this share of the text; beyond it one parse of the whole text is as cheap.
_WINDOW_SHARE = 0.8


def _units(document: Document) -> list[tuple[int, str]]:
    """Where the text can be cut for a trial parse: (first line, kind) of every top-level
    block, and of every top-level item of a top-level list (a new item closes the one
    before it, so a run of whole items parses alone as a list of its own)."""
    cached: list[tuple[int, str]] | None = document.cache.get("fixer-units")
    if cached is not None:
        return cached
    # the first lines of the top-level items, in order (entries are in line order)
    items = [
        entry.line for entry in document.entries() if entry.depth == 0 and entry.kind == "item"
    ]
    units: list[tuple[int, str]] = []
    for block in document.blocks:
        units.append((block.start_line, block.kind))
        if block.kind != "list":
            continue
        # the items after the list's first line, up to its last
        lo = bisect_right(items, block.start_line)
        for line in items[lo : bisect_right(items, block.end_line)]:
            if units[-1][0] < line:
                units.append((line, "item"))
    document.cache["fixer-units"] = units
    return units


def _windows(document: Document, fixes: list[Fix]) -> list[tuple[int, int]] | None:
    """The line ranges (first, last inclusive, 0-based) around the edits of ``fixes``
    that can be parsed on their own, or None when one parse of the whole text is needed
    (or as cheap).

    A top-level block starts with nothing open (every block before it is closed), and a
    top-level list item closes the item before it, so a run of such units parses alone
    as it does in the whole text. The edits' units get two more units on each side (an
    item can turn into a lazy continuation of the paragraph before it, or swallow the
    blank line after it), and a paragraph at a window's edge its neighbours (paragraph
    entries come in runs). Link reference definitions live anywhere in the file, so a
    file that has any is parsed whole.
    """
    if document.references or document.nesting_cut is not None or len(document.blocks) < 8:
        return None
    units = _units(document)
    source = document.source
    firsts: list[int] | None = document.cache.get("fixer-unit-firsts")
    if firsts is None:
        firsts = document.cache["fixer-unit-firsts"] = [first for first, _ in units]
    final = len(units) - 1
    ranges: list[tuple[int, int]] = []
    for fix in fixes:
        for edit in fix.edits:
            # from two units before the one holding the edit's first line to two units
            # after the first one starting after its last line
            a = max(0, bisect_right(firsts, source.line_index(edit.start)) - 3)
            b = min(final, bisect_right(firsts, source.line_index(edit.end)) + 2)
            while a > 0 and (units[a][1] == "paragraph" or _fence(source, units[a][0])):
                a -= 1  # (a window opening with "---" would parse it as front matter)
            while b < final and units[b][1] == "paragraph":
                b += 1
            first = 0 if a == 0 else units[a][0]
            last = len(source.lines) - 1 if b == final else units[b + 1][0] - 1
            ranges.append((first, last))
    ranges.sort()
    merged: list[tuple[int, int]] = []
    for first, last in ranges:
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    lines = source.lines
    covered = sum(lines[last].next_start - lines[first].start for first, last in merged)
    if covered > _WINDOW_SHARE * len(source.text):
        return None
    return merged


def _fence(source: SourceText, line: int) -> bool:
    """Whether the line could open front matter (`---`, `+++`): a window of the text
    that starts with it would read the lines up to the next such line as one opaque
    block, where the whole text has thematic breaks or a setext underline."""
    return source.line_text(line).rstrip(" \t\r\n") in FRONT_MATTER_FENCES


def _windows_keep(document: Document, windows: list[tuple[int, int]], fixes: list[Fix]) -> bool:
    """Whether ``fixes`` keep the invariants, judged on ``windows`` alone: the shape of
    each window in the parsed document against a parse of the window's text after the
    fixes' edits (outside the windows nothing changes)."""
    source = document.source
    text = source.text
    edits = sorted(edit for fix in fixes for edit in fix.edits)
    entries = document.entries()
    entry_lines = _entry_lines(document)
    link_starts = _link_starts(document)
    before_parts: list[_Shape] = []
    after_parts: list[_Shape] = []
    edit_starts = [edit.start for edit in edits]
    for first, last in windows:
        start = source.lines[first].start
        end = source.lines[last].next_start
        inside = edits[bisect_left(edit_starts, start) : bisect_right(edit_starts, end)]
        inside = [e for e in inside if e.end <= end]
        shifted = [Edit(e.start - start, e.end - start, e.content) for e in inside]
        window_text = splice(text[start:end], shifted)
        after_parts.append(_parsed_shape(SourceText(window_text, bom=False)))
        lo, hi = bisect_left(entry_lines, first), bisect_right(entry_lines, last)
        los, his = bisect_left(link_starts, start), bisect_left(link_starts, end)
        before_parts.append(
            _Shape.of_parts(
                entries[lo:hi],
                document.links[los:his],
                _blocks_within(document, first, last),
                _headings_within(document, first, last),
            )
        )
    return _keeps_invariants(_Shape.join(before_parts), _Shape.join(after_parts), fixes)


def _entry_lines(document: Document) -> list[int]:
    """The first line of every entry, in ``document.entries()``'s order (sorted)."""
    lines: list[int] | None = document.cache.get("fixer-entry-lines")
    if lines is None:
        lines = document.cache["fixer-entry-lines"] = [entry.line for entry in document.entries()]
    return lines


def _link_starts(document: Document) -> list[int]:
    """Where every link of ``document.links`` starts (sorted)."""
    starts: list[int] | None = document.cache.get("fixer-link-starts")
    if starts is None:
        starts = document.cache["fixer-link-starts"] = [link.start for link in document.links]
    return starts


def _blocks_within(document: Document, first: int, last: int) -> list[Block]:
    """The blocks that reach into lines ``first``..``last`` (what a scan of every block
    finds, in order): by bisection, as a batch has many windows and a file many blocks."""
    cached: tuple[list[int], list[int]] | None = document.cache.get("fixer-block-reach")
    if cached is None:
        starts = [block.start_line for block in document.blocks]
        reach: list[int] = []  # the furthest end line of the blocks up to each
        for block in document.blocks:
            reach.append(max(reach[-1], block.end_line) if reach else block.end_line)
        cached = document.cache["fixer-block-reach"] = (starts, reach)
    starts, reach = cached
    hi = bisect_right(starts, last)  # blocks[:hi] start on or before the last line
    lo = bisect_left(starts, first)  # blocks[lo:hi] start inside: all reach in
    while lo > 0 and reach[lo - 1] >= first:  # a block before may reach in
        lo -= 1
    return [b for b in document.blocks[lo:hi] if b.end_line >= first]


def _headings_within(document: Document, first: int, last: int) -> list[Heading]:
    """The headings on lines ``first``..``last`` (headings are in line order)."""
    lines: list[int] | None = document.cache.get("fixer-heading-lines")
    if lines is None:
        lines = document.cache["fixer-heading-lines"] = [h.line for h in document.headings]
    return document.headings[bisect_left(lines, first) : bisect_right(lines, last)]


# The first line of a bullet item: its indentation, its bullet, and the one to four
# spaces before content that is not blank (five or more would start indented code in
# the item, and a tab counts in columns: both left to a parse).
_BULLET_LINE = lazy_compile(r"( *)([-*+])( {1,4})(?=\S)")
# Content that can make an item's line read as something else to a rule that looks at
# it from the line before or at the line alone (a thematic break ``- - -``, a setext
# underline, a table's delimiter row) is made of these characters only.
_RULE_CHARACTERS = " -*_+=|:"


def _blank_or_tab_line(source: SourceText, first: int, last: int) -> bool:
    """Whether a line of ``first``..``last`` is blank (spaces and tabs only) or indented
    with a tab: after its leading spaces, nothing is left or a tab comes first.

    (A loop on the line table: a regular expression that looked for a line start
    before every character took 25 ms on 330 KB of sorted items.)"""
    text, lines = source.text, source.lines
    for index in range(first, last + 1):
        line = lines[index]
        rest = text[line.start : line.end].lstrip(" ")
        if not rest or rest[0] == "\t":
            return True
    return False


def _permuted_shapes(document: Document, fix: Fix) -> tuple[_Shape, _Shape] | None:
    """The shape of the lines ``fix`` replaces, before and after it, when ``fix`` only
    puts the items of one tight bullet list in another order and that provably changes
    nothing else (AL301's sort); None when that is not shown (then a parse decides).
    Outside those lines the shape of the whole text stays as it is, so the two judge
    the fix as the shapes of the whole text would.

    The fix must have one edit, replacing whole lines ``first``..``last`` (the last with
    its line break) by the same lines cut into blocks and put in another order, where
    the blocks are the document's sibling items in that range (one list, one depth,
    each from its line through its ``end_line``, one after the other). Then, when

    1. every block's first line is ``indent bullet spacing content`` with the same
       indentation, bullet and spacing (1-4 spaces): so the same content column ``c``;
       and its content holds a character outside ``_RULE_CHARACTERS``;
    2. no line in the range is blank, is indented with a tab, or lies in a code block,
       an HTML block or a heading; the document has no link reference definition (their
       order decides which of two wins) and no nesting cut;
    3. the line after the range is absent, or blank and followed by nothing or by a
       line indented less than ``c``;

    markdown-it-py reads the new text as the old one with the items' token runs in the
    new order. Proof, line by line:

    - The text before ``first`` is unchanged, so the parser reaches ``first`` in the
      same state. Every first line is alike to every block rule: a bullet item that is
      not empty (so it may interrupt a paragraph, in the list or before it), at the
      same indentation, with the same content column; by (1) it is no thematic break
      and, seen from the line before, no setext underline or table delimiter row; by
      (2) no fence, HTML block or definition is open across it. So wherever a block
      stands, its first line opens an item of the list just as it did.
    - A first line after another block closes that block's item whatever is open in
      it: its indentation is below ``c`` (the item's content column, the same for every
      item), which ends every container and block inside the item except a paragraph,
      and a paragraph it ends as a non-empty bullet item (a paragraph terminator).
    - The other lines of a block belong to its item: indented to ``c`` or more they
      are its content; indented less they were, in the old parse, lazy continuation
      lines of a paragraph opened by the block's own earlier lines, and whether a line
      continues a paragraph depends only on that paragraph and on the line (checked
      against the list's indentation and the item's column, the same everywhere). The
      item's content is parsed from its own lines, so the same tokens come out.
    - After the range the last item (another block now) ends as the old one did: at the
      end of the text, or at a blank line followed by a line indented less than ``c``
      (which no item keeps), where the list goes on or ends by that line alone. (A
      line right after the range that is not blank could be a lazy continuation line
      of the new last item where it was none of the old one's: left to a parse. The
      old parse already shows the line after the blank is indented less than ``c``, or
      the old last item would hold it; it is checked again as it costs nothing.)

    Nothing else moves: the list is one block as before, no heading is in it, every
    entry stays in its section and list and keeps its own links and facts (the entry
    scanner reads an item's own lines). So the entries, headings, blocks and the count
    of entries understood are the old ones, and the URLs are the old ones with each
    block's run of them in the block's new place. (``tests/test_sort_shortcut.py``
    compares this shape with a parse on every corpus list and on generated lists.)
    """
    if len(fix.edits) != 1 or _moves(fix) or fix.adds_links:
        return None
    if fix.joins_lines:
        return None
    if document.references or document.nesting_cut is not None:
        return None
    edit = fix.edits[0]
    source = document.source
    text = source.text
    lines = source.lines
    first = source.line_index(edit.start)
    last = source.line_index(edit.end - 1) if edit.end > edit.start else -1
    if last < first or lines[first].start != edit.start or lines[last].next_start != edit.end:
        return None
    if not lines[last].terminator:
        return None
    # the items in the range: siblings that tile it (deeper entries lie inside them)
    entries = document.entries()
    entry_lines = _entry_lines(document)
    inside = entries[bisect_left(entry_lines, first) : bisect_right(entry_lines, last)]
    if not inside or inside[0].line != first:
        return None
    depth, list_id = inside[0].depth, inside[0].list_id
    blocks: list[Entry] = []
    for entry in inside:
        if entry.kind != "item" or entry.ordered or entry.depth < depth:
            return None
        if entry.depth == depth:
            if entry.list_id != list_id:
                return None
            if blocks and entry.line != blocks[-1].end_line + 1:
                return None
            blocks.append(entry)
    if blocks[-1].end_line != last or len(blocks) < 2:
        return None
    # (2): the lines of the range
    if _headings_within(document, first, last):
        return None
    numbers = range(first, last + 1)
    if not document.html_lines.isdisjoint(numbers) or not document.code_lines.isdisjoint(numbers):
        return None
    if _blank_or_tab_line(source, first, last):
        return None
    # (1): the first lines
    starts: set[tuple[int, str, int]] = set()
    for block in blocks:
        body = source.line_text(block.line)
        m = _BULLET_LINE.match(body)
        if m is None or not body[m.end() :].strip(_RULE_CHARACTERS):
            return None
        starts.add((len(m.group(1)), m.group(2), len(m.group(3))))
    if len(starts) != 1:
        return None
    indent, _, spacing = starts.pop()
    column = indent + 1 + spacing
    # (3): after the range
    if last + 1 < len(lines):
        if source.line_text(last + 1).strip(" \t"):
            return None
        after = last + 2
        while after < len(lines) and not source.line_text(after).strip(" \t"):
            after += 1
        if after < len(lines):
            body = source.line_text(after)
            if len(body) - len(body.lstrip(" ")) >= column or body.lstrip(" ")[:1] == "\t":
                return None
    # the new content: the blocks, each once, in some order
    spans = [(lines[b.line].start, lines[b.end_line].next_start) for b in blocks]
    order = _block_order(text, spans, edit.content)
    if order is None:
        return None
    link_starts = _link_starts(document)
    links = document.links
    runs = [
        [
            link.url_value
            for link in links[bisect_left(link_starts, a) : bisect_left(link_starts, b)]
        ]
        for a, b in spans
    ]
    old = tuple(url for run in runs for url in run)
    new = tuple(url for index in order for url in runs[index])
    return _Shape(len(inside), old), _Shape(len(inside), new)


def _block_order(text: str, spans: list[tuple[int, int]], content: str) -> list[int] | None:
    """The order in which ``content`` puts the blocks ``text[start:end]`` of ``spans``,
    each used once; None when it is not such an order, or when two different blocks
    could both come next (one a prefix of the other)."""
    by_text: dict[str, list[int]] = {}  # a block's text: the blocks with it
    for index, (start, end) in enumerate(spans):
        by_text.setdefault(text[start:end], []).append(index)
    by_first_line: dict[str, list[str]] = {}  # a first line: the blocks' texts with it
    for block in by_text:
        by_first_line.setdefault(block[: _line_end(block, 0)], []).append(block)
    order: list[int] = []
    pos = 0
    while pos < len(content):
        line = content[pos : _line_end(content, pos)]
        fitting = [
            block
            for block in by_first_line.get(line, [])
            if by_text[block] and content.startswith(block, pos)
        ]
        if len(fitting) != 1:
            return None
        order.append(by_text[fitting[0]].pop())
        pos += len(fitting[0])
    return order if len(order) == len(spans) else None


def _line_end(text: str, pos: int) -> int:
    """Where the line from ``pos`` ends, after its line break (``\r\n``, ``\r`` or
    ``\n``) or at the end of ``text``."""
    newline = text.find("\n", pos)
    ret = text.find("\r", pos, len(text) if newline < 0 else newline)
    if ret >= 0:
        return ret + 2 if text.startswith("\n", ret + 1) else ret + 1
    return len(text) if newline < 0 else newline + 1


_LINE_START = lazy_compile(r"[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*[ \t>]*")
_PLAIN = frozenset(" \t'\u2019.,/-")


def _inert(document: Document, fix: Fix) -> bool:
    """Whether ``fix`` cannot change how the document parses, so needs no trial parse.

    True when every edit stays inside one line, after the line's first real content
    (never in indentation or list and quote markers, where block structure is decided),
    outside link targets (checked before), and either changes only spaces and tabs
    (``) : `` → ``): ``, trailing or repeated spaces) or writes and removes only letters,
    digits, spaces and ``'’.,/-`` (venue names); or rewrites part of a URL with URL
    characters (``http`` → ``https``, a tracking parameter dropped); or edits blank
    lines where CommonMark reads them the same, or inserts a blank line next to an ATX
    heading (which interrupts a paragraph anyway). Everything else is checked by a parse.
    """
    text = document.source.text
    for edit in fix.edits:
        old = text[edit.start : edit.end]
        new = edit.content
        if _joins_cr_lf(text, edit):
            return False
        if _blank_lines_only(text, edit.start, edit.end, old, new):
            continue
        if _blank_line_by_atx_heading(text, edit.start, old, new):
            continue
        if "\n" in old or "\r" in old or "\n" in new or "\r" in new:
            return False  # (a line break is no URL character either: ``_URL_UNSAFE``)
        if _url_characters_only(document, edit, old, new):
            continue
        line_start = _line_start(text, edit.start)
        if _LINE_START.fullmatch(text, line_start, edit.start) is not None:
            return False
        if old.replace(" ", "").replace("\t", "") == new.replace(" ", "").replace("\t", ""):
            continue
        if not all(c.isalnum() or c in _PLAIN for c in old + new):
            return False
    return True


_ATX = lazy_compile(r" {0,3}#{1,6}(?:[ \t]|$)", re.MULTILINE)
_URL_UNSAFE = frozenset(" \t\r\n()<>[]\\`\"'")


def _blank_line_by_atx_heading(text: str, start: int, old: str, new: str) -> bool:
    """An inserted line break at a line start, before or after an ATX heading line."""
    if old or not new or new.strip("\r\n") or start == 0 or text[start - 1] not in "\r\n":
        return False
    if _ATX.match(text, start) is not None:
        return True  # the heading follows
    before = _line_start(text, start - 1)
    if text[start - 1] == "\n" and start >= 2 and text[start - 2] == "\r":
        before = _line_start(text, start - 2)
    return _ATX.match(text, before) is not None  # the heading precedes


def _url_characters_only(document: Document, edit: Edit, old: str, new: str) -> bool:
    """An edit inside one inline link's destination, with characters that keep it one
    destination (no blanks, brackets, quotes or backslashes), leaving it non-empty."""
    if _URL_UNSAFE.intersection(old) or _URL_UNSAFE.intersection(new):
        return False
    starts, targets = link_targets(document)
    index = bisect_right(starts, edit.start) - 1
    if index < 0:
        return False
    inner_start, inner_end, _, _ = targets[index]
    if not (inner_start <= edit.start and edit.end <= inner_end):  # (inner_end: at ")")
        return False
    return (inner_end - inner_start) - len(old) + len(new) > 0


def _blank_lines_only(text: str, start: int, end: int, old: str, new: str) -> bool:
    """Edits of blank lines that CommonMark reads the same: spaces taken off a blank line,
    extra blank lines removed where one stays, blank lines or a final newline at the end
    of the file added or removed."""
    if old.strip(" \t\r\n") or new.strip("\r\n"):
        return False
    at_line_start = start == 0 or text[start - 1] in "\r\n"
    if (end == len(text) and at_line_start) or (start == end == len(text)):
        return True  # the end of the file
    if new or not at_line_start:
        return False
    if "\n" not in old and "\r" not in old:  # spaces of a blank line, up to its end
        return text[end : end + 1] in ("\r", "\n")
    if text[end - 1] not in "\r\n":
        return False
    before = _line_start(text, start - 1)
    return start > 0 and not text[before:start].strip(" \t\r\n")  # one blank line stays


def _line_start(text: str, pos: int) -> int:
    """Where the line holding ``pos`` starts: after the last ``\n`` or ``\r`` before it.

    (``max(text.rfind("\n", 0, pos), text.rfind("\r", 0, pos)) + 1``, but searched
    back in growing steps: in a file without ``\r`` (or without ``\n``) the plain
    searches read back to the start of the text, for every fix.)"""
    low, step = pos, 256
    while True:  # back from pos in growing steps: the line's length, not the text's
        low = max(0, low - step)
        newline = max(text.rfind("\n", low, pos), text.rfind("\r", low, pos))
        if newline >= 0 or low == 0:
            return newline + 1
        step *= 2


def _joins_cr_lf(text: str, edit: Edit) -> bool:
    """Whether ``edit`` brings a ``\r`` and a ``\n`` together that were apart.

    ``x\r \n``: deleting the space makes two line endings one ``\r\n``: a line
    disappears (a loose list turns tight, a paragraph joins the next). No fix may do that.
    """
    start, end, content = edit.start, edit.end, edit.content
    left = text[start - 1 : start] if start > 0 else ""
    right = text[end : end + 1]
    if not content:
        # deleting text[start:end] makes left and right neighbours
        return start < end and left == "\r" and right == "\n" and text[start] != "\n"
    return (left == "\r" and content[0] == "\n" and text[start : start + 1] != "\n") or (
        content[-1] == "\r" and right == "\n" and (end == 0 or text[end - 1] != "\r")
    )


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


class _Shape(FrozenRecord):
    _fields = ("entries", "urls", "structure")
    __slots__ = _fields
    entries: int
    urls: tuple[str, ...]
    # How the text parses, HTML blocks aside (AL001 removes comments): the top-level
    # block kinds, the heading levels, and how many entries the scanner understood.
    # A fix that changes these (a removed comment that made a setext heading or let a
    # paragraph join a list item) is refused. Adjacent lists count as one: joining
    # them is what AL604 does on purpose, and it keeps every item where it was.
    structure: tuple[object, ...]

    def __init__(
        self, entries: int, urls: tuple[str, ...], structure: tuple[object, ...] = ()
    ) -> None:
        object.__setattr__(self, "entries", entries)
        object.__setattr__(self, "urls", urls)
        object.__setattr__(self, "structure", structure)

    @classmethod
    def of(cls, document: Document) -> _Shape:
        return cls.of_parts(document.entries(), document.links, document.blocks, document.headings)

    @classmethod
    def of_parts(
        cls,
        entries: Sequence[Entry],
        links: Sequence[Link],
        blocks: Sequence[Block],
        headings: Sequence[Heading],
    ) -> _Shape:
        kinds: list[str] = []
        for block in blocks:
            if block.kind != "html" and not (block.kind == "list" and kinds[-1:] == ["list"]):
                kinds.append(block.kind)
        structure = (
            tuple(kinds),
            tuple(heading.level for heading in headings),
            sum(1 for entry in entries if entry.parsed),
        )
        return cls(len(entries), tuple(link.url_value for link in links), structure)

    @classmethod
    def join(cls, parts: list[_Shape]) -> _Shape:
        """The shapes of several windows, as one (each window's structure kept apart)."""
        return cls(
            sum(part.entries for part in parts),
            tuple(url for part in parts for url in part.urls),
            tuple(part.structure for part in parts),
        )


def _parsed_shape(source: SourceText) -> _Shape:
    """The shape of a trial parse of ``source`` (its document let go at once)."""
    document = parse_document(source)
    shape = _Shape.of(document)
    document.release()
    return shape


def _only_joined(before: tuple[object, ...], after: tuple[object, ...], joined: int) -> bool:
    """Whether two structures (one, or one per window) differ only in up to ``joined``
    more entries the scanner understands: the blocks and headings are the same."""
    windows_before = [before] if before and isinstance(before[-1], int) else list(before)
    windows_after = [after] if after and isinstance(after[-1], int) else list(after)
    if len(windows_before) != len(windows_after):
        return False
    more = 0
    for one, two in zip(windows_before, windows_after, strict=True):
        assert isinstance(one, tuple) and isinstance(two, tuple)
        if one[:-1] != two[:-1] or not isinstance(one[-1], int) or not isinstance(two[-1], int):
            return False
        if two[-1] < one[-1]:
            return False
        more += two[-1] - one[-1]
    return more <= joined


def _keeps_invariants(before: _Shape, after: _Shape, fixes: list[Fix]) -> bool:
    removed = sum(fix.removes_entries for fix in fixes)
    added = sum(fix.adds_entries for fix in fixes)
    rewrites = any(fix.rewrites_urls for fix in fixes)
    if after.entries != before.entries - removed + added:
        return False
    urls_before, urls_after = before.urls, after.urls
    if any(fix.anchors_only for fix in fixes):
        # (a target that can only be an anchor whose `#` was left out, `dynamic-analysis`,
        # is one too: AL701 puts the `#` back)
        urls_before = tuple(url for url in urls_before if not _anchor_like(url))
        urls_after = tuple(url for url in urls_after if not _anchor_like(url))
    linked = sum(fix.adds_links for fix in fixes)
    if removed:
        return len(urls_after) <= len(urls_before) + linked
    headed = sum(fix.makes_headings for fix in fixes)
    if headed and after.structure != before.structure:
        if not _only_headed(before.structure, after.structure, headed):
            return False
    elif not added and after.structure != before.structure:
        # an entry whose lines are joined, or whose link is joined, may become one the
        # scanner understands
        joined = sum(fix.joins_lines for fix in fixes) + linked
        if not joined or not _only_joined(before.structure, after.structure, joined):
            return False
    if linked:
        return len(urls_after) == len(urls_before) + linked and (
            rewrites or _subsequence(urls_before, urls_after)
        )
    if rewrites:
        return len(urls_after) == len(urls_before)
    return urls_after == urls_before


def _anchor_like(url: str) -> bool:
    """An in-page anchor, or a bare word that can only be one with its `#` left out."""
    return url.startswith("#") or (
        bool(url) and not any(c in url for c in " \t/.:?=") and "#" not in url
    )


def _moves(fix: Fix) -> bool:
    """A fix whose change to the parse is checked apart from the other fixes."""
    return bool(fix.removes_entries or fix.adds_entries or fix.makes_headings)


def _only_headed(before: tuple[object, ...], after: tuple[object, ...], made: int) -> bool:
    """Whether the whole text's structure ``after`` is ``before`` with ``made`` paragraphs
    turned into headings: the same blocks otherwise, ``made`` more heading levels, the
    same entries understood."""
    if len(before) != 3 or len(after) != 3 or before[2] != after[2]:
        return False
    kinds_before, kinds_after = before[0], after[0]
    levels_before, levels_after = before[1], after[1]
    assert isinstance(kinds_before, tuple) and isinstance(kinds_after, tuple)
    assert isinstance(levels_before, tuple) and isinstance(levels_after, tuple)
    if len(kinds_before) != len(kinds_after) or len(levels_after) != len(levels_before) + made:
        return False
    changed = 0
    for one, two in zip(kinds_before, kinds_after, strict=True):
        if one != two:
            if (one, two) != ("paragraph", "heading"):
                return False
            changed += 1
    return changed == made and _subsequence(levels_before, levels_after)


def _subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether ``short`` is ``long`` with some items left out (in the same order)."""
    rest = iter(long)
    return all(any(item == other for other in rest) for item in short)


def _safe_part(
    text: str, bom: bool, before: _Shape, fixes: list[Fix]
) -> tuple[list[Fix], list[Fix]]:
    """Split a round's ``fixes``, which break an invariant together, into the ones kept
    (safe together) and the culprits, by halving: a group that keeps the invariants with
    the fixes kept so far is kept whole, a group that does not is halved, down to single
    fixes. ``k`` culprits among ``n`` fixes cost about ``2k log n`` trial parses, not
    ``n`` (98 on a real list of 98 fixes with one culprit pair)."""
    good: list[Fix] = []
    bad: list[Fix] = []

    def keeps(group: list[Fix]) -> bool:
        trial, _ = apply_fixes(text, [*good, *group])
        return _keeps_invariants(before, _parsed_shape(SourceText(trial, bom=bom)), [*good, *group])

    pending = [fixes[len(fixes) // 2 :], fixes[: len(fixes) // 2]]  # the whole failed
    while pending:
        group = pending.pop()
        if not group:
            continue
        if keeps(group):
            good.extend(group)
        elif len(group) == 1:
            bad.extend(group)
        else:
            half = len(group) // 2
            pending += [group[half:], group[:half]]
    return good, bad


def _fix_key(text: str, fix: Fix, code: str) -> tuple[str, str, tuple[str, ...]]:
    return (code, text[fix.start : fix.end], tuple(edit.content for edit in fix.edits))


def _initial_handoff(
    source: SourceText, settings: Settings, document: Document, others: Sequence[type[Rule]]
) -> Handoff | None:
    """A handoff for the child that completes ``fix_text``'s initial list (see there), or
    None where the list is made here: a short text, rules the loop does not run that
    are none or need the whole lint, no ``fork`` or no anonymous files."""
    if not others or len(source.text) < SPLIT_MIN_CHARS or not can_fork():
        return None
    if needs_all_rules(document, settings):
        return None
    try:
        return Handoff()
    except OSError:
        return None


def fix_text(
    text: str | SourceText,
    settings: Settings | None = None,
    filename: str = "-",
    *,
    region: ChangedRegion | None = None,
    split: bool = False,
    parallel: bool = False,
    keep_initial: bool = True,
) -> FixOutcome:
    """Lint and fix until nothing applies; check the invariants after every round.

    With ``region`` (``--changed-since``) only findings on its lines are reported and
    fixed; the region follows the text through each round's edits. With ``parallel``
    (the command line, with a core to spare) a long text is linted by two processes at
    once (``lint_in_two``): each round's fixing rules, and the rest on the fixed text
    when its list is read. With ``split`` (``--diff``, with a core to spare, which reads
    the outcome's initial list; it implies ``parallel``), the findings of the rules the
    loop does not run are found on the original text by a second process while the loop
    runs (``Background``), and the rest of the fixed text is not linted. With
    ``keep_initial=False`` (``--fix``, which reads only the fixed text's list) the
    original text's document is let go after the first round that changes the text, and
    the outcome's ``initial`` may not be read then.
    """

    source = text if isinstance(text, SourceText) else SourceText(text)
    settings = settings or Settings.default()
    fixing, others = split_rules(settings)

    def lint(document: Document) -> tuple[list[Diagnostic], Callable[[], list[Diagnostic]] | None]:
        """The findings of the rules that can offer a fix (of every rule when they
        depend on each other), and what finds the others' (None: nothing is owed)."""
        if not others or needs_all_rules(document, settings):
            found = lint_document(document, settings, filename)
            return (found if region is None else region.keep(found)), None
        in_two = (split or parallel) and len(document.text) >= SPLIT_MIN_CHARS
        # (with ``split``, a round after the first: the initial list's child may still
        # run then, the three processes sharing two cores; splitting only once it is done
        # measured no faster, 0.995 and 1.07 on the x10 files)
        halves = lint_in_two(document, settings, filename, fixing) if in_two else None
        found = lint_document(document, settings, filename, fixing) if halves is None else halves

        def rest() -> list[Diagnostic]:
            part = lint_in_two(document, settings, filename, others) if in_two else None
            if part is None:
                part = lint_document(document, settings, filename, others)
            return without_shadowed_by(document, found, part)

        if region is None:
            return found, rest
        now = region.snapshot()  # (the region moves on with the text)
        return region.keep(found), lambda: now.keep(rest())

    document = start = parse_document(source)
    # the initial list as a forked child completes and checks it (None: done here)
    settled_initial: Callable[[], list[Diagnostic]] | None = None
    start_released = False
    handoff = _initial_handoff(source, settings, start, others) if split else None
    if handoff is None:
        diagnostics, owed = lint(document)
    else:
        # The initial list (the one read: ``split``) is completed with the findings of
        # the rules the loop does not run, and its fixes checked, by a second process on
        # the original text while the loop runs. It is forked before the first round's
        # lint, and lints the rest while this process lints the fixing rules; their
        # findings are handed over when found. This process is then done with that
        # text's document, and lets it go after the first round.
        original = source  # (``source`` moves on)
        kept = region.snapshot() if region is not None else None

        def settle_initial() -> list[Diagnostic]:
            if not start_released:  # (the child, or here before the first round ended)
                rest = lint_document(start, settings, filename, others)
                found = cast("list[Diagnostic]", handoff.get())
                rest = without_shadowed_by(start, found, rest)
                if kept is not None:
                    found, rest = kept.keep(found), kept.keep(rest)
                return verified_fixes(start, merge(found, rest))
            # here, the child having failed after the first document was let go: the
            # whole lint of the original text (what the two parts make up)
            again = parse_document(original)
            found = lint_document(again, settings, filename)
            return verified_fixes(again, found if kept is None else kept.keep(found))

        settled_initial = Background(settle_initial).result
        try:
            found = lint_document(document, settings, filename, fixing)
        except BaseException:
            handoff.close()  # (the child waits for it: it fails now, and is waited for)
            raise
        handoff.put(found)
        diagnostics, owed = (found if region is None else region.keep(found)), None
    initial, owed_initial = diagnostics, owed

    def finish() -> FixOutcome:
        """The outcome; its lists are completed and checked when read (``FixOutcome``)."""
        notes = document_notes(document)
        outcome = FixOutcome(source, diagnostics, fixed, rounds, initial, notes)
        outcome._pending["diagnostics"] = document
        if owed is not None:
            outcome._owed["diagnostics"] = owed
        if settled_initial is not None:
            outcome._done["initial"] = settled_initial
        elif start_released:  # (``keep_initial=False``): the list is not kept
            outcome._initial = _NOT_READ
        else:
            outcome._pending["initial"] = start
            if owed_initial is not None:
                outcome._owed["initial"] = owed_initial
        return outcome

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
            return finish()
        before = _Shape.of(document)
        if document is not start or owed_initial is None or not keep_initial:
            # (else the rules owed the initial list read it)
            document.cache.clear()  # what the rules shared (half its memory): not needed again
        new_text, applied = apply_fixes(current, candidates)
        new_source = SourceText(new_text, bom=source.bom)
        new_document = parse_document(new_source)
        if not _keeps_invariants(before, _Shape.of(new_document), applied):
            new_document.release()
            good, bad = _safe_part(current, source.bom, before, applied)
            for fix in bad:
                refused.add(_fix_key(current, fix, code_of[id(fix)]))
            if not good:
                continue
            new_text, applied = apply_fixes(current, good)
            new_source = SourceText(new_text, bom=source.bom)
            new_document = parse_document(new_source)
        if new_text == current:  # the fixes changed nothing: count none of them
            return finish()
        for fix in applied:
            fixed[code_of[id(fix)]] += 1
        rounds.append(tuple(applied))
        if document is not start:  # (the first is kept: ``FixOutcome.initial`` reads it)
            document.release()  # it holds cycles: freed now, not at the next collection
        elif settled_initial is not None or not keep_initial:
            # (unless a forked child checks that list, or it is never read)
            start_released = True
            document.release()
        source, document = new_source, new_document
        refused.clear()  # the text changed: a fix refused before may keep the promises now
        if region is not None:
            region.advance(sorted(edit for fix in applied for edit in fix.edits))
        diagnostics, owed = lint(document)
    leftover = [
        d
        for d in diagnostics
        if (fix := _applicable(d, settings)) is not None
        and _fix_key(source.text, fix, d.code) not in refused
    ]
    if leftover:
        raise ConvergenceError(f"fixes did not converge after {MAX_ROUNDS} rounds")
    return finish()
