from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import dominant

# A presentation kind after a venue's year: "CVPR2019 Oral", "ICLR 2023 (Spotlight)".
_SUFFIX = lazy_compile(
    r"(?<!\d)(?:19|20)\d\d([ \t]?)(\(?)(oral|spotlight|highlight)(\)?)(?![^\W_])",
    re.IGNORECASE,
)
_WORDS = tuple(
    form
    for word in ("oral", "spotlight", "highlight")
    for form in (word, word.title(), word.upper())
)
# One way of writing the suffix must hold this share of the file's suffixes (and this
# many) before another way is a slip.
_SHARE = 0.75
_MINIMUM = 10

_Form = tuple[str, str, str]  # blank before, "(" ")" or "", case: "Title", "lower", "UPPER"


def _case(word: str) -> str:
    if word.isupper():
        return "UPPER"
    if word.islower():
        return "lower"
    return "Title"


def _write(form: _Form, word: str) -> str:
    blank, parens, case = form
    word = word.upper() if case == "UPPER" else word.lower()
    if case == "Title":
        word = word.capitalize()
    return f"{blank}{parens[:1]}{word}{parens[1:]}" if parens else f"{blank}{word}"


class PresentationSuffix(Rule):
    """
    ## What it does

    Finds a presentation kind after a venue's year (`Oral`, `Spotlight`,
    `Highlight`) written another way than the file writes it: another case
    (`ORAL`, `oral`), with or without parentheses (`(Oral)`), or glued to the
    year (`ICLR2023Oral`). The file's way must hold at least three in four of
    its suffixes (and at least ten). Only link labels are read (`[[CVPR2019
    Oral]](url)`), where paper lists write their venue tags.

    ## Why

    Paper lists tag their oral and spotlight papers with one spelling
    (`[[CVPR2019 Oral]]`); a variant reads as a different tag and breaks
    searches for it.

    ## Example

    `[[ICLR2023ORAL]](https://example.org/p)` becomes
    `[[ICLR2023 Oral]](https://example.org/p)` in a file writing `[[CVPR2019 Oral]]`.

    ## Fix safety

    Safe: only the suffix's case, parentheses and the blank before it change.

    ## Options

    None.
    """

    code = "AL211"
    name = "presentation-suffix"
    summary = "An Oral/Spotlight tag after a venue's year is written against the file's habit"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        found: list[tuple[re.Match[str], _Form]] = []
        for link in document.links:
            if link.image:
                continue
            start, end = link.text
            label = text[start:end].lower()
            if "oral" not in label and "light" not in label:
                continue
            for match in _SUFFIX.finditer(text, start, end):
                blank, opened, word, closed = match.groups()
                if bool(opened) != bool(closed):
                    continue  # "(Oral, 2019)": not a suffix of its own
                found.append((match, (blank, opened + closed, _case(word))))
        if len(found) < _MINIMUM:
            return
        habit = dominant((form for _, form in found), share=_SHARE, minimum=_MINIMUM)
        if habit is None:
            return
        for match, form in found:
            if form == habit:
                continue
            new = _write(habit, match.group(3))
            start = match.start(1)  # after the year
            yield self.report(
                f"Presentation tag {text[start : match.end()].strip()!r}: the file writes "
                f"{new.strip()!r} after the year",
                start,
                match.end(),
                self.replace(f"Write {new.strip()!r}", start, match.end(), new),
            )
