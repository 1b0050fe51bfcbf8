from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic, Edit, Fix
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import file_habit, text_entry_at

# "et al" after a name, in any spelling: "et al.", "et.al.", "et. al.", "etal.", and
# "et al" without its full stop before a comma, a blank or the end of the line.
# (The word's start is tested apart: a pattern that starts with a literal is searched
# for quickly, one that starts with a look behind is tried at every character.)
_ANY = lazy_compile(r"et ?\.? ?al\b\.?")
# The spelling the habit is kept in.
_RIGHT = "et al."
# A file keeps "et al." by habit when it writes it so at least this many times, and
# in this share of all its spellings.
HABIT_MIN = 10
HABIT_SHARE = 0.9


class EtAl(Rule):
    """
    ## What it does

    In a list that writes its authors' `et al.` so by habit (at least 10 times,
    9 times in 10), reports the other spellings of it: `Xinyu Ma et.al.`,
    `K. Cho et. al.`, `etal.`, and `et al` without its full stop
    (`Dakkak, Abdul, et al (Preprint)`). A list that writes `et.al.`
    throughout keeps it: that is its own style.

    In a list that follows its `et al.` with a comma by habit (10 times, 9 in
    10: `Lindell et al., CVPR 2021`), an `et al.` followed by a blank and a
    capital (`Rebain et al. Arxiv 2020`) has lost its comma; the fix puts it
    back.

    ## Why

    The abbreviation is of *et alii*: "al." takes the full stop, "et" none. A
    slip among hundreds of right ones stands out to readers and breaks a
    search for the authors.

    ## Example

    ```markdown
    | [DensePhrases](https://arxiv.org/abs/2012.12624) | Jinhyuk Lee et al. | ACL 2021 |
    | [Contrastive pre-training](https://arxiv.org/abs/2104.08710) | Xinyu Ma et.al. | SIGIR 2021 |
    ```

    The second row's `et.al.` becomes `et al.`.

    ## Fix safety

    Safe: only the spelling of the abbreviation changes.

    ## Options

    None.
    """

    code = "AL126"
    name = "et-al"
    summary = "'et al.' spelt unlike the file's habit"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        found = [
            m
            for m in _ANY.finditer(text)
            if not m.start() or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "._")
        ]
        right = sum(1 for m in found if m.group() == _RIGHT)
        slips = len(found) - right
        yield from self._commas(document, [m for m in found if m.group() == _RIGHT])
        if not slips or not file_habit(right, slips, share=HABIT_SHARE, minimum=HABIT_MIN):
            return
        for m in found:
            written = m.group()
            if written == _RIGHT:
                continue
            start, end = m.span()
            if text_entry_at(document, start, end) is None:
                continue
            yield self.report(
                f"{written!r}: the file writes {_RIGHT!r}",
                start,
                end,
                self.replace(f"Write {_RIGHT!r}", start, end, _RIGHT),
            )

    def _commas(self, document: Document, found: list[re.Match[str]]) -> Iterator[Diagnostic]:
        """`et al. Arxiv 2020` where the file writes `et al., Venue` by habit: the comma
        between the authors and what follows them, lost."""
        text = document.text
        commas = 0
        slips: list[int] = []
        for m in found:
            end = m.end()
            after = text[end : end + 2]
            if after[:1] == ",":
                commas += 1
            elif after[:1] == " " and after[1:2].isupper():
                slips.append(end)
        if not slips or not file_habit(commas, len(slips), share=HABIT_SHARE, minimum=HABIT_MIN):
            return
        for end in slips:
            if text_entry_at(document, end - 1, end) is None:
                continue
            yield self.report(
                "'et al.' without the comma after it: the file writes 'et al., '",
                end - len(_RIGHT),
                end,
                Fix("Insert ','", (Edit(end, end, ","),)),
            )
