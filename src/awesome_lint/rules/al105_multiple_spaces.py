from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Entry
from awesome_lint.parser.inline import code_spans
from awesome_lint.rules.base import Context, Rule

_RUN = lazy_compile(r" {2,}")
_WIDE_GAPS = {")": lazy_compile(r"\) {2,}\["), ".": lazy_compile(r"\. {2,}[\[*_]")}
# What follows such a gap: a link, or after a period a field in emphasis (`*ICML 2019*`).
_GAP_NEXT = {")": ("[",), ".": ("[", "*", "_")}
# The file's habit of a wider gap between a link and the next: at least this many
# times, and at least as often as one space.
GAP_HABIT_MIN = 3


def _gap_habit(document: Document, before: str) -> bool:
    """Whether the file writes two spaces or more between a link's `)` (or a period)
    and the next `[` by habit (`[train](u)   [test](u)`, `NAACL 2016.  [paper](u)`, at
    least 3 times and at least as often as one space); after a period, before a field
    in emphasis too (`A. Roth and M. Veloso.  *Arxiv 2019*.  [[paper]](u)`)."""
    key = "AL105-gap-habit" + before
    cached: bool | None = document.cache.get(key)
    if cached is None:
        text = document.text
        wide = sum(1 for _ in _WIDE_GAPS[before].finditer(text))
        single = sum(text.count(before + " " + after) for after in _GAP_NEXT[before])
        cached = document.cache[key] = wide >= GAP_HABIT_MIN and wide >= single
    return cached


# Runs of one width, three spaces or more, in at least half of the file's entries (and
# 10 at least): the fields of a list a script writes (`arXiv:2004.13073   2020   [[Paper]]`).
FIELD_GAP_MIN = 3
FIELD_GAP_ENTRIES = 10


def _field_gaps(document: Document) -> frozenset[int | tuple[int, str]]:
    """The widths of the runs of spaces (three or more) that separate the fields of at
    least half of the file's entries, 10 at least: a generated list's own layout. Also
    the runs of two before one word that so many entries hold (`Geva, Mor  and
    Goldberg, Yoav`, authors joined as a BibTeX export writes them), as (2, word)."""
    text = document.text
    words = _two_words(document)
    widths: Counter[int | tuple[int, str]] = Counter()
    entries = 0
    for entry in document.entries():
        if entry.kind == "row":
            continue
        entries += 1
        start, end = entry.content
        if text.find("  ", start, end) >= 0:
            found: set[int | tuple[int, str]] = set()
            for m in _RUN.finditer(text, start, end):
                a, b = m.span()
                if b - a >= FIELD_GAP_MIN:
                    found.add(b - a)
                else:
                    word = _WORD.match(text, b, end)
                    if word is not None and word.group() in words:
                        found.add((b - a, word.group()))
            widths.update(found)
    return frozenset(w for w, n in widths.items() if n >= FIELD_GAP_ENTRIES and 2 * n >= entries)


def _two_words(document: Document) -> frozenset[str]:
    """The words written after two spaces often enough to be a habit of the file's
    entries: at least 10 times, and as often as half of its entries (a quick pass over
    the text; ``_field_gaps`` counts the entries that hold them)."""
    key = "AL105-two-words"
    cached: frozenset[str] | None = document.cache.get(key)
    if cached is None:
        least = max(FIELD_GAP_ENTRIES, len(document.entries()) // 2)
        counts = Counter(_TWO_WORD.findall(document.text))
        cached = document.cache[key] = frozenset(w for w, n in counts.items() if n >= least)
    return cached


_WORD = lazy_compile(r"[A-Za-z]+")
_TWO_WORD = lazy_compile(r"  ([A-Za-z]+)")  # (a prescreen: literal first, quick)


class MultipleSpaces(Rule):
    """
    ## What it does

    Finds runs of two or more spaces inside an entry's text (not in code
    spans, not at the start of the line, not in the separators that
    AL102/AL103 handle, not in a link target such as `(<https://e.org/a  b>)`,
    which is a URL and a title rather than text, not in the gap between a link's
    `)` and the next `[` in a file that writes such gaps wide by habit: at least
    3 times, and at least as often as one space, `[train](u)   [test](u)`; the
    same for a period and the next `[`, `NAACL 2016.  [paper](u)`, or the next
    field in emphasis, `M. Veloso.  *Arxiv 2019*.  [[paper]](u)`, on lines this
    rule does not read as well), and not in runs of one width, three spaces or
    more, that at least half of the file's entries hold (10 at least): the
    fields of a list a script writes, `arXiv:2004.13073   2020   [[Paper]](u)`;
    nor in runs of two spaces before one word that as many entries hold: the
    authors a BibTeX export joins, `Geva, Mor  and Goldberg, Yoav`; nor before a
    dash that ends the entry (`[Name](url)  - `, a description left out, which
    AL703 reports).
    Every entry whose first
    paragraph is its first line is read, whatever its shape: `1. **Title**.  *Authors*.`
    as well as `- [Title](url): subtitle`, and paragraph entries without a list
    marker, `**GTR**: Title [[code](u)]  [[paper](u)]` (there, two spaces between
    sentences, `... queries.  The code`, are left alone); table rows are not read
    (their cells are padded by design).

    ## Why

    Double spaces creep in when text is pasted or edited; they render as one
    space but make the source inconsistent and searches fail.

    ## Example

    `- [Orca](https://example.org/orca): A  Distributed Serving System`
    becomes `- [Orca](https://example.org/orca): A Distributed Serving System`.

    ## Fix safety

    Safe: the run becomes one space.

    ## Options

    None.
    """

    code = "AL105"
    name = "multiple-spaces"
    summary = "Two or more spaces in a row inside an entry"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        field_gaps: frozenset[int | tuple[int, str]] | None = None
        # the entries with two spaces in a row; a file's habit (``_field_gaps``) is held
        # by half of its entries at least, so in most files there is none to work out
        candidates: list[Entry] = []
        entries = doubles = 0
        for entry in document.entries():
            if entry.kind == "row":
                continue  # (a table row)
            entries += 1
            start, end = entry.content
            if text.find("  ", start, end) >= 0:
                doubles += 1
                if entry.para_end == entry.line:
                    candidates.append(entry)  # (a paragraph over lines: a code span may run on)
        habits = doubles >= FIELD_GAP_ENTRIES and 2 * doubles >= entries
        for entry in candidates:
            prose = entry.kind == "paragraph"
            start, end = entry.content
            skip = code_spans(text, start, end)
            for span in (entry.title_separator, entry.venue_separator):
                if span is not None:
                    skip.append(span)
            for link in entry.links:  # a link target is not text: `<a  b>` is a URL
                if not link.reference:
                    skip.append((link.start if link.text == link.url else link.text[1], link.end))
            skip.sort()
            index = 0  # runs come in order: walk the sorted spans alongside them
            for m in _RUN.finditer(text, start, end):
                a, b = m.span()
                while index < len(skip) and skip[index][1] <= a:
                    index += 1
                if any(s_start < b for s_start, _ in skip[index : index + 2]):
                    continue
                if text[b : b + 1] == "-" and not text[b + 1 : end].strip():
                    continue  # `[Name](u)  - `: the separator of a description left out
                if (
                    text[a - 1] in ")."
                    and text[b : b + 1] in _GAP_NEXT[text[a - 1]]
                    and _gap_habit(document, text[a - 1])
                ):
                    continue  # the file's own gap before a link or an emphasised field
                if prose and text[a - 1] in ".?!" and text[b : b + 1].isupper():
                    continue  # `... a tracker.  The code`: two spaces between sentences
                if not habits:
                    pass  # (no run is a habit of the file's: report it)
                elif b - a >= FIELD_GAP_MIN:
                    if field_gaps is None:
                        field_gaps = _field_gaps(document)
                    if b - a in field_gaps:
                        continue  # `2004.13073   2020   [[Paper]]`: a generated list's fields
                else:
                    word = _WORD.match(text, b, end)
                    if word is not None and word.group() in _two_words(document):
                        if field_gaps is None:
                            field_gaps = _field_gaps(document)
                        if (b - a, word.group()) in field_gaps:
                            continue  # `Geva, Mor  and Goldberg`: a BibTeX export's habit
                yield self.report(
                    f"{b - a} spaces in a row",
                    a,
                    b,
                    self.replace("Replace with one space", a, b, " "),
                )
