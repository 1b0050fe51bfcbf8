from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Entry
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import file_habit

# The file writes its authors after "by" (`[Title](url) by Ryan Senanayake et al., ...`)
# when at least this many entries do, and this share of those that name authors.
HABIT_MIN = 20
HABIT_SHARE = 0.9
# After the entry's leading link: "by" and a name, or a name straight away; either way
# the authors end in "et al." (the mark that the text names authors). A name is one to
# four capitalised words (initials, hyphens and particles like "van" allowed).
_AUTHORS = lazy_compile(
    r"[ \t]+(?P<by>by[ \t]+)?(?P<name>[A-Z][\w.'’-]*(?:[ \t\u00a0]+[\w.'’-]+){0,4})"
    r"[ \t\u00a0]+et[ \t]+al\b"
)


def _authors_after_link(document: Document, entry: Entry) -> tuple[bool, int, int] | None:
    """Whether the authors after an entry's leading link follow "by", and the span of
    the names before "et al."; None when the entry names no authors that way."""
    link = entry.link
    if link is None or link.start != entry.content[0] or entry.kind != "item":
        return None
    m = _AUTHORS.match(document.text, link.end, entry.content[1])
    if m is None:
        return None
    return m.group("by") is not None, m.start("name"), m.end("name")


class AuthorLead(Rule):
    """
    ## What it does

    In a list whose entries name their authors after the link with `by`
    (`- [Title](url) by Ryan Senanayake et al., OOPSLA 2020`, at least 20 such
    entries and 9 in 10 of those that name authors so), reports an entry whose
    authors follow the link without it: `- [PiPAD: Pipelined and Parallel
    Dynamic GNN Training on GPUs](url) Chunyang Wang et al., PPoPP 2023`. Only
    authors ending in `et al.` are read (the mark that the words name authors).

    ## Why

    The `by` is what tells the reader where the title ends and the authors
    begin; an entry without it reads as a title that runs on.

    ## Example

    ```markdown
    - [DSP: Efficient GNN Training](https://example.org/dsp) Zhenkun Cai et al., PPoPP 2023
    ```

    becomes `- [DSP: ...](https://example.org/dsp) by Zhenkun Cai et al., PPoPP 2023`
    in a list that writes `by` there.

    ## Fix safety

    Safe: `by ` is inserted before the first author's name. Entries the parser
    cannot fully read get no fix.

    ## Options

    None.
    """

    code = "AL124"
    name = "author-lead"
    summary = "Authors after the link without the 'by' the file writes there"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        if " et al" not in document.text:
            return  # (most lists name no authors so)
        with_by = 0
        without: list[tuple[Entry, int, int]] = []
        for entry in document.entries():
            found = _authors_after_link(document, entry)
            if found is None:
                continue
            by, start, end = found
            if by:
                with_by += 1
            else:
                without.append((entry, start, end))
        if not without or not file_habit(
            with_by, len(without), share=HABIT_SHARE, minimum=HABIT_MIN
        ):
            return
        for entry, start, end in without:
            fix = self.replace("Insert 'by '", start, start, "by ") if entry.parsed else None
            yield self.report(
                f"Authors without 'by' after the link; the file writes 'by' there "
                f"({with_by} times)",
                start,
                end,
                fix,
            )
