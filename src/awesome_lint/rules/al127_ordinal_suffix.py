from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import text_entry_at

# A number after a blank with an ordinal suffix, standing as a word of its own: " 43rd",
# " 21st". (The blank opens the pattern: a literal is searched for three times as fast
# as a class of digits, which a long paper list writes in every arXiv id; a number
# after a bracket or at a line's start is not read.)
_ORDINAL = lazy_compile(r" ([0-9]{1,4})(st|nd|rd|th|ST|ND|RD|TH)(?![\w-])")


def ordinal_suffix(number: int) -> str:
    """The English ordinal suffix of a number: 1st, 2nd, 3rd, 4th, 11th-13th, 21st, ..."""
    if 10 <= number % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


class OrdinalSuffix(Rule):
    """
    ## What it does

    Finds an ordinal number whose suffix does not go with it: `The 43st
    International ACM SIGIR Conference` (43rd), `21th place` (21st), `2th`,
    `12nd`. Entries' text is read (list items, paragraph entries, table rows);
    link targets and code spans are not text. Only a number after a blank is
    read (not `v1.2th`, `x86th`, nor one after a bracket or at a line's start).

    ## Why

    Citations copied by hand carry the proceedings' number, and a wrong suffix
    in it is a plain typo that a search for the venue's name does not catch.

    ## Example

    ```markdown
    - Liu et al. "[Title](https://example.org/p.pdf)" The 43st International SIGIR Conference.
    ```

    becomes `The 43rd International ACM SIGIR Conference`.

    ## Fix safety

    Safe: only the two letters of the suffix change, in the case they were
    written in.

    ## Options

    None.
    """

    code = "AL127"
    name = "ordinal-suffix"
    summary = "An ordinal number with the wrong suffix ('43st', '21th')"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        for m in _ORDINAL.finditer(text):
            start, end = m.start(1), m.end()
            digits = m.group(1)
            written = text[end - 2 : end]
            right = ordinal_suffix(int(digits))
            if written.lower() == right:
                continue
            if text_entry_at(document, start, end) is None:
                continue
            fixed = right.upper() if written.isupper() else right
            yield self.report(
                f"'{digits}{written}': the ordinal of {digits} is '{digits}{fixed}'",
                start,
                end,
                self.replace(f"Write '{digits}{fixed}'", end - 2, end, fixed),
            )
