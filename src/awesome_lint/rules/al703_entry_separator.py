from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Entry
from awesome_lint.parser.inline import code_spans
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import dominant, link_first

_NBSP = "\u00a0"
_SEPARATOR = lazy_compile(r"[ \t\u00a0]*(?:--|[-–—:])[ \t\u00a0]*")
_GAP = lazy_compile(r"[ \t\u00a0]+")
NONE = ""  # the form of an entry with a description but no separator
DANGLING = "\x00"  # the form of a dash with nothing after it: `[Name](url) -`


def separator(document: Document, entry: Entry) -> tuple[int, int, str] | None:
    """The separator between an entry's leading link and its description.

    Returns ``(start, end, form)``; ``form`` is the separator as written, or
    ``NONE`` when a description follows without one (the span is then the gap of
    spaces). None when there is no description, or the tail is not a description
    (``[A](u), [B](v)``). Images and code spans right after the link (star badges,
    `` `⚠` `` markers) are skipped: the separator comes after them.
    """
    assert entry.link is not None
    text = document.text
    end = entry.content[1]
    pos = entry.link.end
    spans: list[tuple[int, int]] | None = None
    links = iter(entry.links[1:])
    following = next(links, None)
    while True:
        gap = _GAP.match(text, pos, end)
        at = gap.end() if gap else pos
        if following is not None and following.image and following.start == at:
            pos = following.end
            following = next(links, None)
            continue
        if at < end and text[at] == "`":
            if spans is None:
                spans = code_spans(text, entry.link.end, end)
            span = next((s for s in spans if s[0] == at), None)
            if span is not None:
                pos = span[1]
                continue
        break
    if not text[pos:end].strip():
        return None
    m = _SEPARATOR.match(text, pos, end)
    if m is not None:
        if m.end() >= end:
            # a dash and nothing after it (a colon may introduce nested items)
            dash = m.group().strip() in ("-", "–", "—", "--") and not entry.children
            return (m.start(), m.end(), DANGLING) if dash else None
        return m.start(), m.end(), m.group()
    gap = _GAP.match(text, pos, end)
    if gap is not None and text[gap.end()].isalnum():
        return gap.start(), gap.end(), NONE
    return None


def described_entries(document: Document) -> list[tuple[Entry, tuple[int, int, str]]]:
    """Link-first list items with a description, and their separators (computed once).

    Paragraph entries and table rows are left out: a paragraph that opens with a link
    (a section's introduction) has no separator to speak of.
    """
    cached: list[tuple[Entry, tuple[int, int, str]]] | None = document.cache.get(
        "described_entries"
    )
    if cached is None:
        cached = [
            (entry, sep)
            for entry in link_first(document)
            if entry.kind == "item" and (sep := separator(document, entry)) is not None
        ]
        document.cache["described_entries"] = cached
    return cached


def dash_habit(found: list[tuple[Entry, tuple[int, int, str]]]) -> str | None:
    """The file's separator when it is a dash used by at least 80% (and 5) of the entries."""
    habit = dominant((sep[2] for _, sep in found if sep[2] != DANGLING), share=0.8, minimum=5)
    if habit is None or habit.strip() != "-":
        return None
    return habit


# A description that goes on the link's sentence in lower case (`[DevDocs](url) is an
# ...`, `[docs](url) and [issues](url)`), not one that lost its separator.
_PROSE = lazy_compile(r"[ \t]*[a-z]")


def _restates(document: Document, entry: Entry, at: int) -> bool:
    """Whether the text at ``at`` starts with the entry's name (`[pgvector](url) pgvector
    helps ...`: a description that lost its separator, not the link's sentence)."""
    if entry.link is None:
        return False
    name = document.span_text(entry.link.text).strip().lower()
    return bool(name) and document.text[at : at + len(name) + 8].lstrip().lower().startswith(name)


class EntrySeparator(Rule):
    """
    ## What it does

    In lists of `[Name](url) - Description` entries (the awesome-list style),
    finds a separator between the link and its description that differs from
    the file's habit: an en dash `–`, an em dash `—`, `--`, a colon, a
    non-breaking space, two spaces, no spaces (`[Name](url)- Description`), or
    no separator at all (`[Name](url) Description`; but not a sentence that
    goes on from the link in lower case, `[DevDocs](url) is an ...`, unless it
    starts with the name again). Star badges and code
    spans right after the link (`[Name](url) ![](stars.svg) - …`) are skipped.
    A dash with nothing after it (`[Name](url) -`) is reported too, without a
    fix.

    The habit is the separator of at least 80% of the file's entries with a
    description (and at least 5 of them), and it must be a dash: files whose
    habit is `[Title](url): subtitle` (paper lists) are left to AL102.

    ## Why

    Mixed separators make a list look unkempt, and tools that read the list
    (awesome-list aggregators, site generators) split entries on the habit.

    ## Example

    ```markdown
    - [httpx](https://example.org/httpx) - A next-generation HTTP client.
    - [requests](https://example.org/requests) – HTTP for humans.
    - [urllib3](https://example.org/urllib3) HTTP client with pooling.
    ```

    becomes

    ```markdown
    - [httpx](https://example.org/httpx) - A next-generation HTTP client.
    - [requests](https://example.org/requests) - HTTP for humans.
    - [urllib3](https://example.org/urllib3) - HTTP client with pooling.
    ```

    ## Fix safety

    Safe: only the separator (or the gap of spaces) changes.

    ## Options

    None. A separator followed by another link (`[Phansible](url) :
    [Github](url) - ...`, a site and its code joined) is not the description's.
    """

    code = "AL703"
    name = "entry-separator"
    summary = "The separator between an entry's link and description is not the file's habit"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        found = described_entries(document)
        habit = dash_habit(found)
        if habit is None:
            return
        for entry, (start, end, form) in found:
            if form == habit:
                continue
            if any(link.start == end for link in entry.links):
                continue  # `[Phansible](url) : [Github](url) - ...`: it joins two links
            if form == DANGLING:
                yield self.report("Separator with no description after it", start, end)
                continue
            if form == NONE:
                if _PROSE.match(document.text, end) and not _restates(document, entry, end):
                    continue  # `[DevDocs](url) is an ...`: the link is the sentence's subject
                message = "No separator between the link and the description"
            elif _NBSP in form:
                message = f"Separator {form!r} has a non-breaking space; the file uses {habit!r}"
            else:
                message = f"Separator {form!r} should be {habit!r} (the file's habit)"
            fix = self.replace(f"Replace with {habit!r}", start, end, habit)
            yield self.report(message, start, max(end, start + 1), fix)
