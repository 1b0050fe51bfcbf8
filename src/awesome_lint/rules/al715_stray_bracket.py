from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from re import MULTILINE

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Link
from awesome_lint.parser.inline import code_spans
from awesome_lint.rules.base import Context, Rule

# A line that starts a block of its own: a list item, a heading, a table row. (The lines
# of a quote go on its paragraph: "> (see" then "> [x](u))".)
_BLOCK_START = lazy_compile(r"[ \t]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|#|\|)")
_TAG = lazy_compile(r"<[A-Za-z/!][^<>\n]*>")
_PAIRS = {")": "(", "]": "["}
_KINDS = {")": lazy_compile(r"[()]"), "]": lazy_compile(r"[\[\]]")}
_NAMES = {")": "parenthesis", "]": "bracket"}
_BACK = 8  # links looked back for one that holds a link
_PLAIN_GAP = lazy_compile(r"[^()\[\]`<>\\\n]*")
_AFTER_CLOSE = lazy_compile(r"\)(?=[)\]])")
# The rest of an address glued after a link, closed by its ")" (the link's own target
# cut short by a paste): "[RWKV](https://huggingface.co/RWKV)minicpm-2b-65d48bf958302b)".
_RESIDUE = lazy_compile(r"\)(?P<rest>[A-Za-z0-9][\w.~%/=?&-]{5,}\))(?=[ \t]*$)", MULTILINE)


class StrayBracket(Rule):
    """
    ## What it does

    Finds a `)` right after a link's closing `)` that closes nothing:

    `[OSDI 2022] [paper](https://www.usenix.org/conference/osdi22/presentation/yu))`

    and, the same way, a `]` right after a link that closes no `[`:
    `[paper](https://example.org/p)]`. The parentheses (or brackets) of the
    link's paragraph before the link are counted, outside links, code spans and
    HTML tags: a link inside parentheses opened before it (`(see [x](u))`,
    `([code](u))`) or inside brackets (`[[Paper](u)]`, and `\\[[Paper](u)]`,
    which shows `[Paper]` too: escaped brackets count) is not reported. A
    parenthesis inside the address that the link keeps
    (`[w](https://en.wikipedia.org/wiki/A_(b))`) is part of the link; code
    blocks, code spans and reference links are not read.

    Text glued after a link that runs to the end of the line and ends with a `)`
    closing nothing, `[RWKV](https://huggingface.co/RWKV)minicpm-2b-65d48bf958302b)`,
    is the rest of an address left by a paste; it is reported without a fix
    (which address was meant is the writer's call).

    ## Why

    The stray character shows on the page after the link, and usually marks a
    slip: a bracket left over from an edit, or a link pasted twice over.

    ## Example

    ```markdown
    - **Orca** [OSDI 2022] [paper](https://example.org/orca))
    ```

    becomes

    ```markdown
    - **Orca** [OSDI 2022] [paper](https://example.org/orca)
    ```

    ## Fix safety

    Safe, and offered only where the other parentheses (or brackets) of the
    paragraph, up to the end of the line of its last stray one, pair up once the
    stray ones are left out: the stray characters are deleted. Where
    others are unbalanced too (`Foo) [x](u))`), which one is wrong is a guess:
    reported without a fix. In a file that writes links between brackets (`[[pdf](u)]`,
    10 times or more), one stray `]` after a link is a lost `[`: the fix writes the
    `[` before the link instead (`[pdf](u)]` becomes `[[pdf](u)]`).

    ## Options

    None.
    """

    code = "AL715"
    name = "stray-bracket"
    summary = "A ')' or ']' right after a link closes nothing"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        yield from self._residue(document)
        text = document.text
        # where a ")" is followed by ")" or "]": a link may end there
        ends = [match.end() for match in _AFTER_CLOSE.finditer(text)]
        if not ends:
            return
        links = document.links  # sorted by start (the parser's order)
        starts: list[int] | None = document.cache.get("link-starts")
        if starts is None:
            starts = document.cache["link-starts"] = [link.start for link in links]
        source = document.source
        found: list[tuple[Link, int, int]] = []  # a link, its line, the end of the run
        for at in ends:
            index = _ending_at(links, bisect_left(starts, at), at)
            if index < 0:
                continue
            link = links[index]
            close = text[at]
            if _opened_just_before(text, links, index, _PAIRS[close]):
                continue  # "([code](u))", "([Demo](u), [Source Code](u))": the usual case
            number = source.line_index(link.start)
            if number in document.code_lines or number in document.html_lines:
                continue
            if _nested(links, index, link.start):
                continue  # an image inside a link's text: the outer link is read
            run_end = at
            while text[run_end : run_end + 1] == close:
                run_end += 1
            found.append((link, number, run_end))
        if not found:
            return
        # the candidates of each paragraph and kind, read in one pass over the paragraph
        groups: dict[tuple[int, str], list[tuple[Link, int, int]]] = {}
        firsts = _paragraph_starts(document, [number for _, number, _ in found])
        for (link, number, run_end), first in zip(found, firsts, strict=True):
            groups.setdefault((first, text[link.end]), []).append((link, number, run_end))
        for (first, close), group in groups.items():
            start, end = source.lines[first].start, source.lines[group[-1][1]].end
            skips = _skips(text, start, end, links, starts)
            strays, balanced = _strays(text, start, end, skips, close, group)
            for link, run_end in strays:
                count = run_end - link.end
                kind = "an image" if link.image else "a link"
                if count == 1:
                    message = f"Stray '{close}' after {kind} closes nothing"
                else:
                    message = f"{count} stray '{close}' after {kind} close nothing"
                fix = None
                wrapped = _wrapped(document) if close == "]" and count == 1 else 0
                if wrapped >= WRAPPED_MIN and text[link.start - 1 : link.start] != "[":
                    # `[pdf](u)]` where the file writes `[[pdf](u)]`: the "[" is missing
                    message += f"; the file writes '[' and ']' around a link {wrapped} times"
                    if balanced:
                        fix = self.replace("Add the missing '['", link.start, link.start, "[")
                elif balanced:
                    how = f"Remove the stray {_NAMES[close]}"
                    fix = self.replace(how, link.end, run_end, "")
                yield self.report(message, link.end, run_end, fix)

    def _residue(self, document: Document) -> Iterator[Diagnostic]:
        """Text glued after a link up to a ``)`` that ends its line and closes nothing:
        the rest of an address (``[RWKV](https://huggingface.co/RWKV)minicpm-2b-65d4)``)."""
        text = document.text
        links = document.links
        starts = [link.start for link in links]
        source = document.source
        for m in _RESIDUE.finditer(text):
            at = m.start() + 1
            index = _ending_at(links, bisect_left(starts, at), at)
            if index < 0:
                continue
            number = source.line_index(at)
            if number in document.code_lines or number in document.html_lines:
                continue
            # the line's parentheses outside links: one opened before keeps it quiet
            line = source.lines[number]
            depth = 0
            pos = line.start
            for link in links[bisect_left(starts, line.start) : index + 1]:
                depth += text.count("(", pos, link.start) - text.count(")", pos, link.start)
                pos = max(pos, link.end)
            depth += text.count("(", pos, m.end()) - text.count(")", pos, m.end() - 1)
            if depth > 0:
                continue
            rest = m.group("rest")
            yield self.report(
                f"{rest!r} glued after a link ends with a ')' that closes nothing: "
                "the rest of an address?",
                m.start("rest"),
                m.end("rest"),
            )


def _ending_at(links: list[Link], index: int, at: int) -> int:
    """The index of the inline link (not a reference link) that ends at ``at``, among
    the few before ``links[index]``, or -1."""
    for before in range(index - 1, max(index - _BACK, 0) - 1, -1):
        link = links[before]
        if link.end == at:
            return -1 if link.reference else before
    return -1


def _opened_just_before(text: str, links: list[Link], index: int, opener: str) -> bool:
    """Whether ``opener`` is written right before ``links[index]``, or before a run of
    links it follows with only plain text between them (a quick answer for the usual
    case; the count below gives the same one)."""
    link = links[index]
    for before in range(index - 1, max(index - _BACK, 0) - 1, -1):
        if text[link.start - 1 : link.start] == opener:
            return True
        previous = links[before]
        if (
            previous.end > link.start
            or _PLAIN_GAP.fullmatch(text, previous.end, link.start) is None
        ):
            return False
        link = previous
    return text[link.start - 1 : link.start] == opener


def _nested(links: list[Link], index: int, start: int) -> bool:
    """Whether a link before ``links[index]`` (which starts at ``start``) holds it: an
    image in a link's text. (Links do not overlap otherwise: the few before are read.)"""
    for before in range(index - 1, max(index - _BACK, 0) - 1, -1):
        if links[before].end > start:
            return True
    return False


def _paragraph_starts(document: Document, numbers: list[int]) -> list[int]:
    """The first line of the paragraph each line of ``numbers`` (ascending) belongs to:
    back to a blank line or a line that starts a block. Each line is read once: a walk
    stops at the line read before."""
    source = document.source
    firsts: list[int] = []
    last = last_first = -1
    for number in numbers:
        first = number
        while first > 0 and first != last:
            if _BLOCK_START.match(source.line_text(first)):
                break
            above = first - 1
            if above == last:
                first = last_first
                break
            if not source.line_text(above).strip():
                break
            if above in document.code_lines or above in document.html_lines:
                break
            first = above
        if first == last:
            first = last_first
        firsts.append(first)
        last, last_first = number, first
    return firsts


def _skips(
    text: str, start: int, end: int, links: list[Link], starts: list[int]
) -> list[tuple[int, int]]:
    """The spans of ``text[start:end]`` whose brackets count for nothing: links, code
    spans and HTML tags, sorted."""
    spans = code_spans(text, start, end)
    index = bisect_left(starts, start)
    while index < len(links) and links[index].start < end:
        spans.append((links[index].start, links[index].end))
        index += 1
    if "<" in text[start:end]:
        spans.extend(m.span() for m in _TAG.finditer(text, start, end))
    spans.sort()
    return spans


def _strays(
    text: str,
    start: int,
    end: int,
    skips: list[tuple[int, int]],
    close: str,
    group: list[tuple[Link, int, int]],
) -> tuple[list[tuple[Link, int]], bool]:
    """Which links of ``group`` (in order, each with its line and the end of the run of
    ``close`` after it) have no bracket open before them in ``text[start:end]``: their
    runs are stray. And whether the other brackets of that kind pair up, the stray
    runs left out. Brackets in ``skips`` (links, code spans, tags) count for nothing;
    a closing one with none open counts for nothing either."""
    opener = _PAIRS[close]
    strays: list[tuple[Link, int]] = []
    depth = 0
    balanced = True
    skip = 0
    next_link = 0
    for match in _KINDS[close].finditer(text, start, end):
        pos = match.start()
        while next_link < len(group) and group[next_link][0].start <= pos:
            if depth == 0:
                link, _, run_end = group[next_link]
                strays.append((link, run_end))
            next_link += 1
        while skip < len(skips) and skips[skip][1] <= pos:
            skip += 1
        if skip < len(skips) and skips[skip][0] <= pos:
            continue  # in a link, a code span or a tag
        if strays and strays[-1][0].end <= pos < strays[-1][1]:
            continue  # (escaped ones count: `\[[paper](u)]` shows "[paper]")
        if match.group() == opener:
            depth += 1
        elif depth:
            depth -= 1
        else:
            balanced = False
    if depth == 0:
        strays.extend((link, run_end) for link, _, run_end in group[next_link:])
    return strays, balanced and depth == 0


# A file that writes a link between brackets this often (`[[pdf](u)]`) lost the "["
# of a link followed by a stray "]", rather than gained the "]".
WRAPPED_MIN = 10


def _wrapped(document: Document) -> int:
    """How many links the file writes between "[" and "]" (`[[pdf](u)]`)."""
    cached: int | None = document.cache.get("stray-bracket-wrapped")
    if cached is None:
        text = document.text
        cached = sum(
            1
            for link in document.links
            if text[link.start - 1 : link.start] == "[" and text[link.end : link.end + 1] == "]"
        )
        document.cache["stray-bracket-wrapped"] = cached
    return cached
