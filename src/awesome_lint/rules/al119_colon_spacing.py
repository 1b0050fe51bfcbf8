from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.domain.shapes import SHORTCODE
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Entry
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import entry_at, entry_text_spans, file_habit

# The file writes "Name: Title" (no blank before the colon) this share of the time.
_SHARE = 0.95
_MINIMUM = 20
# A colon glued to the word after it (`Fast and Slow:Optimizing`): a capitalised word
# of three letters after it, or a capital alone before a blank and a word
# (`Compressor:A training-free`, `SOAR:A Learned`, not `Sys:A B`) (the pattern starts
# with the colon: one fast scan), and a word of three letters, digits or hyphens
# before it (``_WORD_BEFORE``).
_GLUED = lazy_compile(r":(?=[A-Z](?:[a-z]{2}|[ \t]+(?:[a-z]|[A-Z][a-z])))")
_WORD_BEFORE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-")


class ColonSpacing(Rule):
    """
    ## What it does

    Finds a blank before a colon in an entry's text, `Niyama : Breaking the
    Silos`, in a file that writes its colons straight after the word (`Name:
    Title`) at least 19 times in 20 (and at least 20 times). Only a colon
    between two words counts (`Name : Title`, not `10 : 30`); link targets, code spans and
    table cells are not read, nor are to-do items without a link (`- [x]
    Choose a format. **Decision:Text**`). In such a file it also finds a colon with no blank
    after it before a capitalised word, `Fast and Slow:Optimizing`, or before a
    capital standing alone, `Compressor:A training-free method`, `SOAR:A
    Learned Join Order Selector` (the word before
    it three characters or more: `re:Director` is a name; the colon closing an
    emoji's short code, `:octocat:Code`, is the emoji's).

    ## Why

    Paper titles are written `Name: Subtitle`; the blank is a typing slip that
    the page shows, and a search for `Niyama:` misses the entry.

    ## Example

    ```markdown
    - [arxiv'25] [Niyama : Breaking the Silos of LLM Inference Serving](https://arxiv.org/abs/2503.22562)
    ```

    becomes, with `--unsafe-fixes`, `[Niyama: Breaking the Silos ...](...)`.

    ## Fix safety

    Unsafe: the blank before the colon is removed. A paper's own title may be
    written with the blank (French typography); a reader decides.

    ## Options

    None.
    """

    code = "AL119"
    name = "colon-spacing"
    summary = "A blank before a colon, or none after it, in an entry's text ('Name : Title')"
    fix = "unsafe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        spaced = text.count(" : ")
        kept = text.count(": ") - spaced
        if spaced and file_habit(kept, spaced, share=_SHARE, minimum=_MINIMUM):
            yield from self._spaced(document, kept)
        if kept >= _MINIMUM:
            yield from self._glued(document, kept)

    def _glued(self, document: Document, kept: int) -> Iterator[Diagnostic]:
        text = document.text
        glued = [
            at
            for m in _GLUED.finditer(text)
            if (at := m.start()) >= 3
            and all(char in _WORD_BEFORE for char in text[at - 3 : at])
            and (entry := entry_at(document, at - 2)) is not None
            and entry.kind != "row"
            and any(a <= at - 2 and at + 1 < b for a, b in entry_text_spans(text, entry))
            and not _task(text, entry)
            and not _shortcode_end(text, at)
        ]
        if not glued or not file_habit(kept, len(glued), share=_SHARE, minimum=_MINIMUM):
            return
        for at in glued:
            entry = entry_at(document, at)
            assert entry is not None
            start, end = _word(text, at, -1), _word(text, at + 1, 1)
            fix = self.replace("Put a blank after the colon", at + 1, at + 1, " ", unsafe=True)
            yield self.report(
                f"{text[start:end]!r}: no blank after the colon; the file writes "
                f"'Name: Title' ({kept} times)",
                at,
                at + 1,
                fix if entry.parsed else None,
            )

    def _spaced(self, document: Document, kept: int) -> Iterator[Diagnostic]:
        text = document.text
        pos = text.find(" : ")
        while pos >= 0:
            at = pos
            pos = text.find(" : ", pos + 1)
            if not (text[at - 1 : at].isalpha() and text[at + 3 : at + 4].isalpha()):
                continue  # between two words only
            entry = entry_at(document, at)
            if entry is None or entry.kind == "row" or _task(text, entry):
                continue
            if not any(a <= at and at + 3 <= b for a, b in entry_text_spans(text, entry)):
                continue  # a link target or a code span
            start, end = _word(text, at, -1), _word(text, at + 3, 1)
            written = text[start:end]
            fix = self.replace("Remove the blank", at, at + 1, "", unsafe=True)
            yield self.report(
                f"{written!r}: a blank before the colon; the file writes 'Name: Title' "
                f"({kept} times)",
                at,
                at + 2,
                fix if entry.parsed else None,
            )


def _task(text: str, entry: Entry) -> bool:
    """Whether the entry is a to-do without a link, `- [x] 1.Choose a record format
    ... **Decision:Text!!!**`: the list's own notes, not a title."""
    return not entry.links and text[entry.content[0] : entry.content[0] + 4] in _TASK_MARKS


_TASK_MARKS = frozenset({"[ ] ", "[x] ", "[X] "})


def _shortcode_end(text: str, at: int) -> bool:
    """Whether the colon at ``at`` closes an emoji's short code, `:octocat:Code`."""
    start = _word(text, at, -1)
    return (
        start > 0
        and text[start - 1] == ":"
        and SHORTCODE.fullmatch(text, start - 1, at + 1) is not None
    )


def _word(text: str, pos: int, step: int) -> int:
    """The end (step 1) or start (step -1) of the word next to ``pos``."""
    if step > 0:
        while pos < len(text) and (text[pos].isalnum() or text[pos] in "-_'"):
            pos += 1
        return pos
    while pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "-_'"):
        pos -= 1
    return pos
