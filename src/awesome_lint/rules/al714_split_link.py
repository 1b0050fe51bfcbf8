from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from awesome_lint.diagnostics import Applicability, Diagnostic, Edit, Fix
from awesome_lint.lazyre import lazy_compile
from awesome_lint.links.papers import link_roles
from awesome_lint.parser.document import Document
from awesome_lint.parser.inline import code_spans, in_spans
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import file_habit, prose_entries

# "(" and a web address up to its ")": the target a link text was meant to have.
_TARGET = r"\((?:<(?:https?://|www\.)[^<>\n]*>|(?:https?://|www\.)[^\s()<>]*(?:\([^\s()<>]*\)[^\s()<>]*)*)\)"
# "]" and blanks before such a target.
_BLANK = lazy_compile(r"\]([ \t]+)(?=" + _TARGET + ")")
# A label opened by one "[" and closed by two: "[Pytorch]](url)".
# (The look-behind after the "[": a pattern that starts with a literal is searched for
# quickly, one that starts with a look-behind is tried at every character.)
_STRAY = lazy_compile(r"\[(?<![\[\\!]\[)([^\[\]\n`]+)\](\])(?=[ \t]*" + _TARGET + ")")
# "(text)[https://...]": a link written the wrong way round (markdownlint's MD011).
_REVERSED = lazy_compile(r"\(([^()\[\]\n]+)\)\[((?:https?://|www\.)[^\[\]\s()]+)\]")
# "[https://...]" not followed by a target: an address where a label was meant to be.
# A web address in single brackets after a quoted title or a sentence's end is a
# citation (GitHub links the address itself): `'Global Relational Models' [https://...]`.
_CITED = lazy_compile(r"['’\"”.)][ \t]+\Z")
_URL_LABEL = lazy_compile(r"\[((?:https?://|www\.)[^\[\]\s()<>]+)\](?![(\[:])")
_LABELLED = frozenset({"aux", "paper", "venue"})
# The file writes its labels in brackets ([[code]](url)) this often to add the "[".
_SHARE = 0.75
_MINIMUM = 5
_REACH = 500  # characters looked back for the "[" that opens a label


def _opener(text: str, close: int, line_start: int) -> int | None:
    """The "[" that the "]" at ``close`` closes, on the same line, or None."""
    depth = 0
    pos = close
    stop = max(line_start, close - _REACH)
    while pos >= stop:
        char = text[pos]
        if char in "[]" and not (pos > 0 and text[pos - 1] == "\\"):
            depth += 1 if char == "]" else -1
            if depth == 0:
                return pos
        pos -= 1
    return None


# "sveltednd(https://...)": a name (no blank) and its address in parentheses, the
# brackets of a link left out; read where this share of the list's items (and at
# least this many) open with a link.
_BARE_NAME = lazy_compile(r"([^\s\[\]()`<>*_][^\s\[\]()`<>]*)\((https?://[^\s()<>]+)\)")
_BARE_HABIT_SHARE = 0.9
_BARE_HABIT_MIN = 10


# A link text in brackets (no bracket inside) that ends where a blank starts.
_LINK_TEXT_BEFORE = lazy_compile(r"(?<![\]\\!])\[[^\[\]\n]+\]\Z")


class SplitLink(Rule):
    """
    ## What it does

    Finds link text and a web address meant to make one link that do not join,
    so that no link renders:

    - a blank between the text's `]` and the target's `(`:
      `[[ICVGIP'22]] (https://example.org/p)`;
    - a label opened by one `[` and closed by two: `[Pytorch]](https://example.org/c)`
      (or by two and closed by one, before a blank: `[[Pytorch] (https://...)`);
    - a link written the wrong way round, text in parentheses and the address in
      brackets: `(Stanford)[https://example.org/course]` (the rule idea is
      markdownlint's MD011, "reversed link syntax");
    - a name and its address with no brackets at the start of an entry,
      `- sveltednd(https://github.com/thisuxhq/sveltednd) - ...`, in a list whose
      items open with `[Name](url)` (nine in ten, ten at least);
    - a web address written as a label with no target after it:
      `[[https://github.com/example/code]]` where `[[Code]](https://...)` was meant
      (reported only: which label the author meant is a guess). An address in
      single brackets after a quoted title or a sentence's end, `'Global
      Relational Models of Source Code' [https://openreview.net/...]`, is a
      citation that GitHub links by itself.

    It also finds a link text and its reference label split by a blank,
    `[2048-cli] [216]` where `[216]: https://...` is defined: CommonMark joins
    them only when written together (`[2048-cli][216]`), so the page shows the
    text in brackets and a link named `216`.

    Code spans, code blocks, HTML and text inside other links are not read; a
    footnote (`[^1]`), a task box (`[x]`) or a citation number (`[1]`) before a
    parenthesis is not a link text.

    ## Why

    Markdown joins a link's text and target only when `](` are written together
    and the brackets pair up; otherwise the page shows the brackets and the raw
    address, and the entry has no link for readers or for the other rules.

    ## Example

    ```markdown
    - Label Noise in Video Adaptation [[ICVGIP'22]] (https://example.org/p) [Pytorch]](https://example.org/c)
    ```

    becomes, in a file writing `[[label]](url)`,

    ```markdown
    - Label Noise in Video Adaptation [[ICVGIP'22]](https://example.org/p) [[Pytorch]](https://example.org/c)
    ```

    ## Fix safety

    Safe for the blank: it is removed (and replaced by the missing `]` of a
    label opened by `[[` and closed by one `]`, `[[Pytorch] (url)`, in a file
    that writes `[[label]](url)` by habit). Safe for a reversed link: the
    brackets and parentheses swap places (`[Stanford](https://...)`). Safe for
    a reference split by a blank, where the joined link does not open the entry
    (`[Expat] [11]` after the description); where it does, the fixer keeps no
    fix (the entry would parse otherwise) and the finding is reported only.
    Unsafe for the unmatched `]`: a `[` is added before the label when the
    file writes `[[label]](url)` by habit, else the extra `]` is removed;
    which one the author meant is a guess.

    ## Options

    None.
    """

    code = "AL714"
    name = "split-link"
    summary = "Link text and its target do not join, so no link renders"
    fix = "safe"

    def _bare_names(self, document: Document) -> Iterator[Diagnostic]:
        """``- sveltednd(https://...) - ...``: an entry that opens with a name and its
        address in parentheses, the brackets left out, in a list whose entries open
        with ``[Name](url)`` (nine in ten, and ten at least)."""
        text = document.text
        entries = [entry for entry in document.entries() if entry.kind == "item"]
        linked = sum(
            1
            for entry in entries
            if entry.link is not None and entry.link.start == entry.content[0]
        )
        if linked < _BARE_HABIT_MIN or linked < _BARE_HABIT_SHARE * len(entries):
            return
        for entry in entries:
            start, end = entry.content
            if start == end or (entry.link is not None and entry.link.start == start):
                continue
            m = _BARE_NAME.match(text, start, end)
            if m is None:
                continue
            name, url = m.group(1), m.group(2)
            yield self.report(
                f"Name and address without the link's brackets: write '[{name}]({url})'",
                start,
                m.end(),
                Fix(
                    "Add the brackets",
                    (Edit(start, start, "["), Edit(m.end(1), m.end(1), "]")),
                    adds_links=1,
                ),
            )

    def _spaced_references(self, document: Document) -> Iterator[Diagnostic]:
        """``[2048-cli] [216]``: a link text and a reference label with a blank between,
        which CommonMark does not join (the label alone renders, as a link named
        ``216``)."""
        text = document.text
        for entry in document.entries():
            links = [*entry.links, *entry.more_links] if entry.more_links else entry.links
            starts = {link.start for link in links}
            for link in links:
                if not link.reference or link.image or link.end - link.start < 3:
                    continue
                blank = link.start
                while blank > 0 and text[blank - 1] in " \t":
                    blank -= 1
                if blank == link.start or blank < 2 or text[blank - 1] != "]":
                    continue
                m = _LINK_TEXT_BEFORE.search(text, max(0, blank - 200), blank)
                if m is None or m.start() in starts or text[link.end : link.end + 1] in "[(":
                    continue
                yield self.report(
                    f"Link text {m.group()!r} and its reference "
                    f"{text[link.start : link.end]!r} are split by a blank: no link "
                    "renders on the text",
                    blank,
                    link.start,
                    # (the fixer keeps it only where the entry's parse stays as it was:
                    # not where the joined link opens the entry)
                    self.replace("Remove the blank", blank, link.start, ""),
                )

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        if document.references and "] [" in text:
            yield from self._spaced_references(document)
        if ")[" in text:
            yield from self._reversed(document)
        if "[http" in text or "[www." in text:
            yield from self._url_labels(document)
        if "(http" in text:
            yield from self._bare_names(document)
        if "] (" not in text and "]](" not in text and "]\t(" not in text and "]] (" not in text:
            return
        spots: list[tuple[int, str, re.Match[str]]] = []
        for match in _STRAY.finditer(text):
            spots.append((match.start(2), "stray", match))
        for match in _BLANK.finditer(text):
            spots.append((match.start(), "blank", match))
        if not spots:
            return
        spots.sort(key=lambda spot: spot[0])
        covered = _Covered(document)
        # the "]" of each unmatched label: a blank after it is fixed with the bracket
        strays = {spot[0] for spot in spots if spot[1] == "stray"}
        inner: bool | None = None
        for pos, kind, match in spots:
            if kind == "blank" and pos in strays:
                continue
            line = document.source.line_index(pos)
            if line in document.code_lines or line in document.html_lines:
                continue
            line_start = document.source.lines[line].start
            line_end = document.source.lines[line].end
            if kind == "stray":
                opener = match.start()
            else:
                found = _opener(text, pos, line_start)
                if found is None:
                    continue
                opener = found
            label = text[opener + 1 : pos].strip("[] \t")
            if not label or label.startswith("^") or label in ("x", "X") or label.isdigit():
                continue  # a footnote, a task box, a citation number: not link texts
            if opener > 0 and text[opener - 1] == "]":
                continue  # "[a][b] (url)": a reference link's label
            if covered.any(opener, pos + 1) or _in_code_or_tag(
                text, line_start, line_end, opener, pos + 1
            ):
                continue
            if kind == "blank":
                start, end = match.span(1)
                # "(<https://...>)" holds an autolink: joined, it is the same URL's link
                joined = 0 if text.startswith("(<", end) else 1
                if opener > 0 and text[opener - 1] == "[" and not text.startswith("]", pos + 1):
                    if inner is None:
                        inner = _inner_habit(document)
                    if inner:
                        # "[[Pytorch] (url)": the outer "[" is not closed either
                        yield self.report(
                            "Link label is not closed and is split from its target by a "
                            "blank: write ']]('",
                            pos,
                            end + 1,
                            Fix("Close the label", (Edit(start, end, "]"),), adds_links=joined),
                        )
                        continue
                yield self.report(
                    "Link text and target are split by a blank: write ']('",
                    pos,
                    end + 1,
                    Fix("Remove the blank", (Edit(start, end),), adds_links=joined),
                )
                continue
            if inner is None:
                inner = _inner_habit(document)
            word = match.group(1)
            edits: list[Edit] = []
            if inner:
                message = f"Link label has an unmatched ']': write '[[{word}]]'"
                edits.append(Edit(match.start(), match.start(), "["))
                how = "Add the '['"
            else:
                message = f"Link label has an unmatched ']': write '[{word}]'"
                edits.append(Edit(match.start(2), match.end(2)))
                how = "Remove the extra ']'"
            after = match.end()
            blanks = len(text[after:line_end]) - len(text[after:line_end].lstrip(" \t"))
            joined = 0 if text.startswith("(<", after + blanks) else 1
            if blanks:
                edits.append(Edit(after, after + blanks))
            yield self.report(
                message,
                match.start(),
                match.end(),
                Fix(how, tuple(edits), Applicability.UNSAFE, adds_links=joined),
            )

    def _url_labels(self, document: Document) -> Iterator[Diagnostic]:
        text = document.text
        prose = _Prose(document)
        for match in _url_labels(text):
            start, end = match.span()
            if not prose.holds(start, end):
                continue
            written = f"[label]({match.group(1)})"
            if text[start - 1 : start] == "[" and text[end : end + 1] == "]":
                start, end, written = start - 1, end + 1, f"[[label]]({match.group(1)})"
            elif _CITED.search(text, max(0, start - 3), start):
                continue  # `... Source Code' [https://openreview.net/...]`: a citation
            yield self.report(
                f"Link label is a web address with no target after it: write {written!r}",
                start,
                end,
            )

    def _reversed(self, document: Document) -> Iterator[Diagnostic]:
        text = document.text
        prose = _Prose(document)
        for match in _REVERSED.finditer(text):
            start = match.start()
            if start > 0 and text[start - 1] in "]\\":
                continue  # "[a](b)[https://c]": a link's target, then a label
            if not prose.holds(start, match.end()):
                continue
            label, url = match.group(1), match.group(2)
            written = f"[{label}]({url})"
            yield self.report(
                f"Link written the wrong way round: write {written!r}",
                start,
                match.end(),
                Fix("Swap the brackets", (Edit(start, match.end(), written),), adds_links=1),
            )


def _url_labels(text: str) -> Iterator[re.Match[str]]:
    """Each ``[https://...]`` (or ``[www....]``) with no target after it, not after a
    ``]``, ``)``, ``\\`` or ``!``: found with ``str.find`` (a regex scan of the whole
    text stops at every ``[`` of every link)."""
    for opener in ("[http", "[www."):
        at = text.find(opener)
        while at >= 0:
            if at == 0 or text[at - 1] not in "])\\!":
                match = _URL_LABEL.match(text, at)
                if match is not None:
                    yield match
            at = text.find(opener, at + 1)


class _Prose:
    """Whether a span is prose a link could be written in: not on a code or HTML line,
    not inside a parsed link, a code span or a tag (the links are indexed on first
    need)."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.covered: _Covered | None = None

    def holds(self, start: int, end: int) -> bool:
        document = self.document
        line = document.source.line_index(start)
        if line in document.code_lines or line in document.html_lines:
            return False
        if self.covered is None:
            self.covered = _Covered(document)
        bounds = document.source.lines[line]
        return not (
            self.covered.any(start, end)
            or _in_code_or_tag(document.text, bounds.start, bounds.end, start, end)
        )


class _Covered:
    """Whether a span overlaps a parsed link (its text or its target)."""

    def __init__(self, document: Document) -> None:
        links = sorted(document.links, key=lambda link: link.start)
        self.starts = [link.start for link in links]
        self.reach: list[int] = []
        furthest = -1
        for link in links:
            furthest = max(furthest, link.end)
            self.reach.append(furthest)

    def any(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.reach[i] > start


def _in_code_or_tag(text: str, line_start: int, line_end: int, start: int, end: int) -> bool:
    """Whether the span touches a code span or an HTML tag of its line."""
    if "`" in text[line_start:line_end]:
        spans = code_spans(text, line_start, line_end)
        if any(a < end and start < b for a, b in spans) or in_spans(start, spans):
            return True
    open_tag = text.rfind("<", line_start, start)
    if open_tag >= 0 and text.find(">", open_tag, start) < 0:
        return True  # inside a tag
    before = text[line_start:start].lower()
    opened = max(before.rfind("<a "), before.rfind("<a>"))
    return opened > before.rfind("</a>")  # inside an HTML link: its text is the link's


def _inner_habit(document: Document) -> bool:
    """Whether the file writes its resource labels in brackets: ``[[code]](url)``."""
    text = document.text
    inner = bare = 0
    for entry in prose_entries(document):
        if len(entry.links) < 2 and entry.link is not None:
            continue
        for link, role in link_roles(document, entry):
            if role not in _LABELLED:
                continue
            label = text[link.text[0] : link.text[1]]
            if label.startswith(("[", "\\[")) and label.endswith("]"):
                inner += 1
            else:
                bare += 1
    return file_habit(inner, bare, share=_SHARE, minimum=_MINIMUM)
