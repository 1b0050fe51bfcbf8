from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.links.papers import paper_links
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule

# A title in capitals: at least this many words of letters, this many of them of three
# letters or more ("BERT", "LLM-QAT" and "GPT-4 IN PRACTICE" are names or short).
WORDS_MIN = 4
LONG_WORDS_MIN = 3
# The file's titles are not written in capitals: at least this many titles, and at
# most this share of them in capitals.
TITLES_MIN = 20
CAPITALS_MAX_SHARE = 0.05

_WORD = lazy_compile(r"[A-Za-z]+")
# A run of words in capitals, with the punctuation titles hold between them.
_CAPITALS_RUN = lazy_compile(r"[A-Z][A-Z0-9]*(?:[-:,.&'’ \t]+[A-Z0-9][A-Z0-9]*)+")


class TitleCapitals(Rule):
    """
    ## What it does

    Reports a paper's title written all in capitals, as a PDF's first page
    prints it, in a list whose titles are not: `PUSHING GRADIENT TOWARDS ZERO:
    A NOVEL PRUNING METHOD FOR LARGE LANGUAGE MODELS` among titles in title
    case. A title counts when it has at least 4 words of letters, 3 of them of
    three letters or more, and no lower-case letter; the list must have at
    least 20 titles, at most 5% of them in capitals.

    ## Why

    A title in capitals is hard to read, stands out of the list for no reason,
    and hides its acronyms (`LORAPRUNE` for `LoRAPrune`).

    ## Example

    ```markdown
    - LORAPRUNE: PRUNING MEETS LOW-RANK PARAMETER-EFFICIENT FINE-TUNING <br> ACL 2024 [[Paper]](https://arxiv.org/abs/2305.18403)
    ```

    is reported; write `LoRAPrune: Pruning Meets Low-Rank Parameter-Efficient
    Fine-Tuning`.

    ## Fix safety

    No fix: which letters are capitals in a name or an acronym (`LoRAPrune`,
    `FlashAttention`) takes knowing the paper.

    ## Options

    None.
    """

    code = "AL123"
    name = "title-capitals"
    summary = "A paper's title is written all in capitals, unlike the file's other titles"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        links = paper_links(document)
        capitals = [(entry, title) for entry, _, title, _ in links if title and _in_capitals(title)]
        if not capitals:
            return
        titled = sum(1 for _, _, title, _ in links if title)
        if titled < TITLES_MIN or len(capitals) > CAPITALS_MAX_SHARE * titled:
            return
        text = document.text
        for entry, title in capitals:
            start, end = entry.content
            runs = list(_CAPITALS_RUN.finditer(text, start, end))
            if not runs:
                continue
            run = max(runs, key=lambda m: len(m.group()))  # the title, not a venue
            yield self.report(
                f"Title {title!r} is written in capitals; the file's titles are not",
                run.start(),
                run.end(),
                None,
            )


def _in_capitals(title: str) -> bool:
    if not title.isupper():  # (one C-level pass: most titles have a lower-case letter)
        return False
    words = _WORD.findall(title)
    if len(words) < WORDS_MIN or sum(len(w) >= 3 for w in words) < LONG_WORDS_MIN:
        return False
    return all(w.isupper() for w in words)
