from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.parser.document import Document, Entry
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import dominant, link_first

_WORD = re.compile(r"[^\s]+")


def _start_case(word: str) -> str | None:
    """'upper' / 'lower' for a plain word, None for words that keep their case."""
    first = word[0]
    if not first.isalpha():
        return None
    if first.isupper():
        return "upper"
    core = word.rstrip(",.:;!?)")
    # vLLM, eBPF, iOS, gRPC, k8s, e.g.: mixed case, digits or dots keep their case
    if not core.isalpha() or any(ch.isupper() for ch in core) or not core.isascii():
        return None
    return "lower"


class SubtitleCase(Rule):
    """
    ## What it does

    Finds subtitles that start with a lower-case word while most of the
    file's subtitles start with a capital letter.

    ## Why

    `[Orca](…): a distributed serving system` next to a hundred
    `[X](…): A Title Like This` looks like a typo, and usually is.

    ## Example

    `- [Orca](https://example.org/orca): a Distributed Serving System`
    becomes `- [Orca](https://example.org/orca): A Distributed Serving System`.

    Words whose case is deliberate are never changed: names with inner
    capitals or digits (`vLLM`, `eBPF`, `iOS`, `gRPC`, `k8s`), abbreviations
    with dots (`e.g.`), and non-ASCII words.

    ## Fix safety

    Safe: one letter is upper-cased.

    ## Options

    None. The rule is silent unless at least 80% of the file's subtitles
    start with a capital.
    """

    code = "AL107"
    name = "subtitle-case"
    summary = "A subtitle starts in lower case while the file's start capitalised"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        found: list[tuple[Entry, str, int]] = []
        for entry in link_first(document):
            if entry.subtitle is None:
                continue
            m = _WORD.match(text, entry.subtitle[0], entry.subtitle[1])
            if m is None:
                continue
            case = _start_case(m.group())
            if case is not None:
                found.append((entry, case, m.start()))
        if dominant((case for _, case, _ in found), share=0.8, minimum=5) != "upper":
            return
        for _entry, case, pos in found:
            if case == "lower":
                yield self.report(
                    "Subtitle starts with a lower-case letter",
                    pos,
                    pos + 1,
                    self.replace("Capitalise the first letter", pos, pos + 1, text[pos].upper()),
                )
