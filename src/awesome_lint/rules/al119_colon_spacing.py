from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import entry_at, entry_text_spans, file_habit

# The file writes "Name: Title" (no blank before the colon) this share of the time.
_SHARE = 0.95
_MINIMUM = 20


class ColonSpacing(Rule):
    """
    ## What it does

    Finds a blank before a colon in an entry's text, `Niyama : Breaking the
    Silos`, in a file that writes its colons straight after the word (`Name:
    Title`) at least 19 times in 20 (and at least 20 times). Only a colon
    between two words counts (`Name : Title`, not `10 : 30`); link targets, code spans and
    table cells are not read.

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
    summary = "A blank before a colon in an entry's text ('Name : Title')"
    fix = "unsafe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        spaced = text.count(" : ")
        if not spaced:
            return
        kept = text.count(": ") - spaced
        if not file_habit(kept, spaced, share=_SHARE, minimum=_MINIMUM):
            return
        pos = text.find(" : ")
        while pos >= 0:
            at = pos
            pos = text.find(" : ", pos + 1)
            if not (text[at - 1 : at].isalpha() and text[at + 3 : at + 4].isalpha()):
                continue  # between two words only
            entry = entry_at(document, at)
            if entry is None or entry.kind == "row":
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


def _word(text: str, pos: int, step: int) -> int:
    """The end (step 1) or start (step -1) of the word next to ``pos``."""
    if step > 0:
        while pos < len(text) and (text[pos].isalnum() or text[pos] in "-_'"):
            pos += 1
        return pos
    while pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "-_'"):
        pos -= 1
    return pos
