from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Entry
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import entry_at, entry_text_spans

# A hyphen and a blank before a letter (the character before is checked apart: a
# pattern that starts with a literal is found fast).
_GAP = lazy_compile(r"- [A-Za-z]")
# The word after the gap that makes "Inter- and intra-" a suspended hyphen.
_SUSPENDED = lazy_compile(r"(?:and|or|nor|to|vs|versus|&|as)\b", re.IGNORECASE)
# The word before the gap, back to a blank or bracket.
_WORD_BEFORE = lazy_compile(r"[\w.+'’-]*\Z")


class DanglingHyphen(Rule):
    """
    ## What it does

    Finds a hyphen glued to a word and followed by a blank in an entry's text:

    - before the title's first word, `SimAug- Learning Robust
      Representations`, where a colon was meant (`SimAug: Learning ...`);
    - inside a word, `provi- sion`, `con- figurations`: a line break's
      hyphenation copied from a PDF;
    - anywhere else, `the Destination- Endpoint Conditioned`, a slip for a
      colon or a dash (so is a hyphen before a word that stands alone, `the
      Neighborhood- a Multifaceted`: no line break cut `a`).

    A suspended hyphen (`Inter- and Intra-Node`, `pre- or post-training`) is
    left alone, and so are a word set between hyphens (`Luke Wagner -on-
    WebAssembly`, a video's own styling), link targets and code spans.

    ## Why

    A hyphen without its second half reads as a typo, and a search for the
    word (`provision`, `SimAug:`) misses the entry.

    ## Example

    ```markdown
    - SimAug- Learning Robust Representations from Simulation, ECCV 2020.
    ```

    becomes, with `--unsafe-fixes`,

    ```markdown
    - SimAug: Learning Robust Representations from Simulation, ECCV 2020.
    ```

    ## Fix safety

    Unsafe, and only for a name before the title (the hyphen and blank become
    `: `). A word broken in two or a hyphen in the middle of a title gets no
    fix: only a reader knows whether `self- supervised` meant `self-supervised`.

    ## Options

    None.
    """

    code = "AL116"
    name = "dangling-hyphen"
    summary = "A hyphen glued to a word and followed by a blank ('SimAug- Learning')"
    fix = "unsafe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        for m in _GAP.finditer(text):
            pos = m.start()
            if not text[pos - 1 : pos].isalnum():
                continue
            after = pos + 2
            if _SUSPENDED.match(text, after):
                continue
            entry = entry_at(document, pos)
            if entry is None or entry.kind == "row":
                continue
            if not any(a < pos and after < b for a, b in entry_text_spans(text, entry)):
                continue  # a link target or a code span
            word = _WORD_BEFORE.search(text, max(0, pos - 60), pos)
            assert word is not None  # matches the empty string
            start = word.start()
            if text[start] == "-" and text[start - 1 : start] in (" ", "\t"):
                continue  # "Luke Wagner -on- WebAssembly": a word set between hyphens
            after_word = re.match(r"[A-Za-z]\w*", text[after : after + 60])
            end = after + (after_word.end() if after_word else 1)
            written = text[start:end]
            if _title_head(text, entry, start) and text[after].isupper():
                fix = self.replace("Write ': '", pos, after, ": ", unsafe=True)
                yield self.report(
                    f"{written!r}: a hyphen and a blank after the name that opens the title: "
                    f"write {text[start:pos] + ': ' + text[after:end]!r}",
                    start,
                    end,
                    fix if entry.parsed else None,
                )
            elif (
                text[pos - 1].islower()
                and text[after].islower()
                and not (text[after:end] in _SHORT_WORDS and text[end : end + 1] in " \t")
            ):
                yield self.report(
                    f"{written!r}: a word broken by a hyphen and a blank "
                    "(a line break copied from a PDF?)",
                    start,
                    end,
                )
            else:
                yield self.report(
                    f"{written!r}: a hyphen glued to a word and followed by a blank",
                    start,
                    end,
                )


# Words that stand alone after a hyphen's blank (`Neighborhood- a Multifaceted`): a
# slip for a colon or a dash, not a word a line break cut.
_SHORT_WORDS = frozenset({"a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "with"})


def _title_head(text: str, entry: Entry, start: int) -> bool:
    """The word at start opens the entry's text, maybe inside a link or bold."""
    return text[entry.content[0] : start].strip("[*_ \t") == ""
