from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import text_entry_at

# A short function word (in lower case or capitalised) or a year written twice in a
# row, after a blank ("aims to to be", "An An ImageNet", "ICLR 2025 2025"; a literal
# first: one fast scan of a big file). Only words that are never doubled on purpose:
# "that that" and "had had" are English, and a doubled name ("Chen Chen", "Tiny Tiny
# RSS") is a name.
_WORDS = "the|an?|to|of|in|for|on|with|and|or|by|from|at|via|as"
# (The lookahead for the words' first letters lets most blanks fail at once: a third
# less time than trying each word after every blank of the file.)
_INITIALS = "".join(sorted({word[0] for word in _WORDS.split("|")}))
_DOUBLED = lazy_compile(
    f" (?=[{_INITIALS}{_INITIALS.upper()}12])"
    f"({_WORDS}|{_WORDS.title()}|(?:19|20)\\d\\d) \\1(?![\\w'’-])"
)
# The Chinese possessive particle written twice ("赢得比赛的的蛋白质"); "的的确确"
# (indeed, a reduplication of 的确) is a word.
_DOUBLED_DE = lazy_compile(r"的的(?!确)")


class DoubledWord(Rule):
    """
    ## What it does

    Finds a short function word written twice in a row in an entry's text:
    `aims to to be easy to use`, `PASS: An An ImageNet replacement`. The words
    read are articles, prepositions and conjunctions (`the`, `a`, `an`, `to`,
    `of`, `in`, `for`, `on`, `with`, `and`, `or`, `by`, `from`, `at`, `via`,
    `as`), in lower case or capitalised, and a year (`ICLR 2025 2025`); words
    English doubles on purpose (`that that`, `had
    had`) and names (`Chen Chen`, `Tiny Tiny RSS`) are left alone. The Chinese
    particle `的` written twice (`赢得比赛的的蛋白质`) is found too, but not
    `的的确确` (indeed). Table rows are read; link targets and code spans are not.

    In the `[Name](url): subtitle` shape it also finds the link's text written
    again, with its colon, at the start of the subtitle:
    `[SageAttention3](u): SageAttention3: Microscaling FP4 Attention`. A
    description after a dash (`[Dingo](u) - Dingo: A ... Tool`) is left to
    `repeated-name` (AL705), and a subtitle that is the name alone is left alone.

    ## Why

    A doubled word is the commonest slip of an edit made in a hurry; it reads
    badly on the rendered page, and in a title it makes a search for the
    paper's exact title miss.

    ## Example

    ```markdown
    - [Chibisafe](https://chibisafe.app) - File uploader service that aims to to be easy to use.
    ```

    becomes, with `--unsafe-fixes`, `... that aims to be easy to use.`

    ## Fix safety

    Unsafe: the second word and the blank before it are removed (the repeated
    name, its colon and the blanks after it). A title may
    double a word on purpose; a reader decides. Table rows, and entries the
    parser cannot fully read, get no fix.

    ## Options

    None.
    """

    code = "AL120"
    name = "doubled-word"
    summary = "A short word or a year written twice in a row ('aims to to be')"
    fix = "unsafe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        found = [(m.start(1), m.end(), m.end(1)) for m in _DOUBLED.finditer(text)]
        if "的的" in text:
            found += [(m.start(), m.end(), m.start() + 1) for m in _DOUBLED_DE.finditer(text)]
        diagnostics = []
        for start, end, cut in sorted(found):
            entry = text_entry_at(document, start, end)
            if entry is None:
                continue
            fix = self.replace("Remove the second word", cut, end, "", unsafe=True)
            diagnostics.append(
                self.report(
                    f"{text[start:end]!r}: a word written twice",
                    start,
                    end,
                    fix if entry.parsed else None,
                )
            )
        diagnostics += self._name_again(document)
        yield from sorted(diagnostics, key=lambda d: d.start)

    def _name_again(self, document: Document) -> Iterator[Diagnostic]:
        """A title link's text written again at the start of its subtitle, before a
        colon: ``[SageAttention3](u): SageAttention3: Microscaling ...``."""
        text = document.text
        for entry in document.entries():
            link, subtitle = entry.link, entry.subtitle
            separator = entry.title_separator
            if link is None or subtitle is None or separator is None:
                continue
            if ":" not in text[separator[0] : separator[1]]:
                continue  # `[Name](u) - Name: ...`: a description (AL705 reads those)
            name = text[link.text[0] : link.text[1]]
            start = subtitle[0]
            colon = start + len(name)
            if len(name) < 2 or text[colon : colon + 1] != ":" or not text.startswith(name, start):
                continue
            end = colon + 1
            while end < subtitle[1] and text[end] in " \t":
                end += 1
            if end == subtitle[1]:
                continue  # nothing after the name: the subtitle is the name only
            fix = self.replace(f"Remove {text[start:end]!r}", start, end, "", unsafe=True)
            yield self.report(
                f"{name + ':'!r}: the link's text written again at the start of the subtitle",
                start,
                colon + 1,
                fix if entry.parsed else None,
            )
