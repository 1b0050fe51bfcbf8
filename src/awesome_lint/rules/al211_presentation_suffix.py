from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import dominant
from awesome_lint.rules.venue_common import SHARED, VENUE_OPTIONS, all_tokens, registry_for

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

# A misspelt presentation kind or track right after a venue's year, `NeurIPS'24
# (Splotlight)`: one letter added, dropped, changed or two swapped in one of these (a
# word of six letters or more; `posters`, `finding` are words of their own).
_TAGS = ("spotlight", "highlight", "workshop", "findings", "tutorial", "poster")
_AFTER_YEAR = lazy_compile(r"[ \t]?[(\[]?([A-Za-z]{5,10})(?![^\W_])")
# the characters ``_AFTER_YEAR`` may start with
_AFTER_YEAR_START = frozenset(" \t([abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")

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

    It also finds a presentation kind or track misspelt right after any venue's
    year, in any part of an entry: `[NeurIPS'24 (Splotlight)]`, one letter
    added, dropped, changed or two letters swapped in `Spotlight`, `Highlight`,
    `Workshop`, `Findings`, `Tutorial` or `Poster` (`Posters` and `Finding`
    are words of their own). Unsafe fix writes the word, in the case written.

    ## Why

    Paper lists tag their oral and spotlight papers with one spelling
    (`[[CVPR2019 Oral]]`); a variant reads as a different tag and breaks
    searches for it.

    ## Example

    `[[ICLR2023ORAL]](https://example.org/p)` becomes
    `[[ICLR2023 Oral]](https://example.org/p)` in a file writing `[[CVPR2019 Oral]]`.

    ## Fix safety

    Safe: only the suffix's case, parentheses and the blank before it change.
    Unsafe for a misspelt word (a reader checks it is the tag).

    ## Options

    The venue rules' shared `extra-venues` and `aliases` (see venue-format).
    """

    code = "AL211"
    name = "presentation-suffix"
    summary = "An Oral/Spotlight tag after a venue's year is written against the file's habit"
    fix = "safe"
    options = VENUE_OPTIONS
    shared_options = SHARED

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
        yield from self._misspelt(document, context)
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

    def _misspelt(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        """A presentation kind or track after a venue's year one letter from its
        spelling: `NeurIPS'24 (Splotlight)`."""
        text = document.text
        seen: set[int] = set()
        for found in all_tokens(document, registry_for(context.options)):
            token = found.token
            if token.year_span is None:
                continue
            after = found.offset + token.year_span[1]
            if text[after : after + 1] not in _AFTER_YEAR_START:
                continue  # most years end at a bracket or a separator
            m = _AFTER_YEAR.match(text, after)
            if m is None or m.start(1) in seen:
                continue
            seen.add(m.start(1))
            written = m.group(1)
            tag = _misspelt_tag(written.lower())
            if tag is None:
                continue
            right = tag.upper() if written.isupper() else tag
            if written[0].isupper() and not written.isupper():
                right = tag.capitalize()
            yield self.report(
                f"{written!r} looks like a misspelling of {right!r}",
                m.start(1),
                m.end(1),
                self.replace(f"Write {right!r}", m.start(1), m.end(1), right, unsafe=True),
            )


def _misspelt_tag(word: str) -> str | None:
    """The tag ``word`` is one edit from (not the tag itself, its plural or singular)."""
    for tag in _TAGS:
        if word in (tag, tag + "s", tag[:-1]) or abs(len(word) - len(tag)) > 1:
            continue
        if _one_edit(word, tag):
            return tag
    return None


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter added, dropped or changed, or by two
    neighbours swapped."""
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    return a[i + 1 :] == b[i + 1 :] or (
        i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    )
