from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic, Edit, Fix
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Entry
from awesome_lint.parser.inline import code_spans
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import dominant, link_first

STANDARD = ": "

# A colon between a name and what follows, in Latin text: "ReAct: Synergizing", and
# the same with a full-width colon ("ARMOR：Egocentric"), blanks around it included.
_BEFORE = r"(?<=[A-Za-z0-9)\]*_])"
_AFTER = r"(?=[A-Za-z0-9(\[\"'*_])"
_ASCII_COLON = lazy_compile(_BEFORE + r":[ \t]+" + _AFTER)
_WIDE_COLON = lazy_compile(_BEFORE + r"[ \t]*：[ \t]*" + _AFTER)
# An emoji shortcode at the end of a link's text (`Quay.io :heavy_dollar_sign:`).
_SHORTCODE_END = lazy_compile(r":[a-z0-9_+-]+:\Z")
#: The file writes its colons in ASCII when it has at least this many between Latin
#: words, and at least this share of such colons.
ASCII_MIN_COUNT = 5
ASCII_MIN_SHARE = 0.8


def _cjk_phrase(text: str, start: int, end: int, m: re.Match[str]) -> bool:
    """Whether the colon's phrase (its link text, or its part of the entry between
    brackets) holds CJK writing: `[Node之父ry：Node中的设计错误](url)` is Chinese with a
    name in Latin letters on each side, and takes the full-width colon."""
    left = max(text.rfind("[", start, m.start()), text.rfind("]", start, m.start()), start)
    right = min(
        (k for k in (text.find("]", m.end(), end), text.find("[", m.end(), end)) if k >= 0),
        default=end,
    )
    return any("\u2e80" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" for c in text[left:right])


class TitleSeparator(Rule):
    """
    ## What it does

    Checks the separator between an entry's link and its subtitle in the
    `[Title](url): subtitle` convention: `[T](u) : s`, `[T](u):s`,
    `[T](u)  :  s` and a colon caught inside the link text (`[T:](u) s`)
    all become `[T](u): s`.

    A colon of an emoji shortcode after the link (`[T](u) :movie_camera: - s`)
    or at the end of its text (`[Quay.io :heavy_dollar_sign:](u) - s`) is no
    separator.

    ## Why

    Paper lists are edited by many hands and the separator drifts. One form
    keeps the list easy to read and to process.

    ## Example

    ```markdown
    - [Orca](https://example.org/orca) : A Distributed Serving System
    - [Alpa:](https://example.org/alpa) Automating Parallelism
    ```

    becomes

    ```markdown
    - [Orca](https://example.org/orca): A Distributed Serving System
    - [Alpa](https://example.org/alpa): Automating Parallelism
    ```

    ## Fix safety

    Safe: only the separator's characters change (and, for `[T:](u) s`, the
    colon moves out of the link text).

    ## Options

    None. If at least 80% of a file's colon separators share another form
    (say ` : `), that form is the file's convention and is used instead.
    Dash separators (`[Name](url) - description`, the awesome-list style) are
    a different convention and are left alone. A colon that joins the link to another
    link (`[Phansible](url) : [Github](url) - ...`, a site and its code) is no
    title separator.

    A full-width colon between Latin words of an entry, `[ARMOR：Egocentric
    Perception](url)` or `[T](u)：subtitle`, becomes `: ` where the file writes
    such colons in ASCII (at least 5 times, and 80% of them): it is the
    title's name–subtitle separator typed with a CJK keyboard. A full-width
    colon next to CJK text (`之一：[AlexNet](url)`) or in a phrase written in CJK
    (`[Node之父ry：Node中的设计错误](url)`: Latin names on both sides), in a URL
    or in code is left alone.
    """

    code = "AL102"
    name = "title-separator"
    summary = "The separator between link and subtitle is not `): `"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        yield from self._seed_separators(document)
        if "：" in document.text:
            yield from self._wide_colons(document)

    def _wide_colons(self, document: Document) -> Iterator[Diagnostic]:
        """Full-width colons between Latin words, where the file's colons are ASCII."""
        text = document.text
        wide: list[tuple[Entry, re.Match[str]]] = []
        ascii_count = 0
        for entry in document.entries():
            if entry.kind == "row" or entry.is_toc:
                continue
            start, end = entry.content
            ascii_count += len(_outside(entry, _ASCII_COLON.finditer(text, start, end), text))
            if "：" in text[start:end]:
                wide.extend(
                    (entry, m)
                    for m in _outside(entry, _WIDE_COLON.finditer(text, start, end), text)
                    if not _cjk_phrase(text, start, end, m)
                )
        if ascii_count < ASCII_MIN_COUNT or ascii_count < ASCII_MIN_SHARE * (
            ascii_count + len(wide)
        ):
            return
        for entry, m in wide:
            fix = self.replace(f"Replace with {STANDARD!r}", m.start(), m.end(), STANDARD)
            yield self.report(
                f"Full-width colon {m.group()!r} in Latin text: write {STANDARD!r}",
                m.start(),
                m.end(),
                fix if entry.parsed else None,
            )

    def _seed_separators(self, document: Document) -> Iterator[Diagnostic]:
        text = document.text
        entries = list(link_first(document))
        colon_forms = [
            document.span_text(e.title_separator)
            for e in entries
            if e.title_separator and ":" in document.span_text(e.title_separator) and e.subtitle
        ]
        target = dominant(colon_forms, share=0.8, minimum=5) or STANDARD
        for entry in entries:
            assert entry.link is not None
            sep = entry.title_separator
            if sep is not None and entry.subtitle is not None:
                written = text[sep[0] : sep[1]]
                if text.startswith(("http://", "https://"), entry.subtitle[0]):
                    continue  # "[Session](u) : https://… : https://…": addresses listed
                if _joins_links(entry, entry.subtitle[0]):
                    continue  # "[Phansible](u) : [Github](u) - ...": it joins two links
                if ":" in written and written != target:
                    yield self.report(
                        f"Title separator {written!r} should be {target!r}",
                        sep[0],
                        sep[1],
                        self.replace(f"Replace with {target!r}", sep[0], sep[1], target),
                    )
                continue
            if sep is not None:
                continue
            # "[Title:](url) subtitle": the colon was typed inside the link text
            label_start, label_end = entry.link.text
            label = text[label_start:label_end]
            stripped = label.rstrip(" \t")
            tail_start = entry.link.end
            body_end = entry.venue_separator[0] if entry.venue_separator else entry.content[1]
            tail = text[tail_start:body_end]
            if not stripped.endswith(":") or stripped.endswith("::") or not tail.strip():
                continue
            if _SHORTCODE_END.search(stripped):
                continue  # "[Quay.io :heavy_dollar_sign:](url)": an emoji shortcode's colon
            if tail[0] not in " \t":
                continue
            colon = label_start + len(stripped) - 1
            cut = colon
            while cut > label_start and text[cut - 1] in " \t":
                cut -= 1
            gap_end = tail_start
            while gap_end < body_end and text[gap_end] in " \t":
                gap_end += 1
            fix = Fix(
                f"Move the colon out of the link text: {target!r}",
                (Edit(cut, label_end, ""), Edit(tail_start, gap_end, target)),
            )
            yield self.report("Title separator is inside the link text", colon, colon + 1, fix)


def _outside(entry: Entry, matches: Iterator[re.Match[str]], text: str) -> list[re.Match[str]]:
    """The matches outside link destinations and code spans of the entry's first line."""
    found = list(matches)
    if not found:
        return found
    start, end = entry.content
    blocked = [link.url for link in entry.links]
    if "`" in text[start:end]:
        blocked.extend(code_spans(text, start, end))
    return [m for m in found if not any(a < m.end() and m.start() < b for a, b in blocked)]


def _joins_links(entry: Entry, after: int) -> bool:
    """Whether another link of the entry starts right after a separator ending at
    ``after``: `[Phansible](url) : [Github](url) - ...` joins a site's link to its code."""
    return any(link.start == after for link in entry.links)
