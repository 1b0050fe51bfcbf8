"""The words of a list's paper titles and headings, and the words of the field.

``title_spots`` and ``word_counts`` read a document the way AL118 (title-typo) reads
it. ``field_words`` loads ``title_words.txt``: the long words (7 letters or more) that
at least two lists of the shared corpus write in their paper titles and headings, with
how many lists write each and how often (built by ``scripts/build_title_words.py``).
A word that no other list writes, one letter from a word many lists write, is most
likely a slip.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from awesome_lint.links.papers import paper_links, title_key
from awesome_lint.parser.document import Document, Entry, Heading

DATA_FILE = Path(__file__).with_name("title_words.txt")
MIN_LEN = 7  # shorter words are left out of the field's words


def title_spots(document: Document) -> dict[str, list[Entry | Heading]]:
    """Every folded title and heading of ``document``, with where it is written."""
    titles: dict[str, list[Entry]] = {}
    text = document.text
    for entry, _, title, _ in paper_links(document):
        if title:
            link = entry.link
            if link is not None and ":" in text[link.text[1] - 2 : link.text[1]]:
                rest = _title_rest(document, entry)
                if rest:
                    title = f"{title} {rest}"
            same = titles.get(title)
            if same is None:
                titles[title] = [entry]
            else:
                same.append(entry)
    spots: dict[str, list[Entry | Heading]] = {}
    for title, entries in titles.items():
        spots.setdefault(title_key(title), []).extend(entries)
    for heading in document.headings:
        spots.setdefault(title_key(document.span_text(heading.text)), []).append(heading)
    return spots


def _title_rest(document: Document, entry: Entry) -> str:
    """The rest of a paper's title after its link when the colon of
    ``[Name](url): subtitle`` slipped into the link text
    (``[Alibaba HPN:](url) A Data Center Network``); ``paper_links`` already reads
    a subtitle after a colon outside the link as part of the title."""
    link = entry.link
    if link is None or link.start != entry.content[0] or entry.title_separator is not None:
        return ""
    text = document.text
    if not text[link.text[0] : link.text[1]].rstrip().endswith(":"):
        return ""
    end = entry.venue_separator[0] if entry.venue_separator is not None else entry.content[1]
    return text[link.end : end]


def word_counts(spots: dict[str, list[Entry | Heading]]) -> Counter[str]:
    """How often each folded word is written in the titles and headings."""
    # every title's words once, in one split (the same words in the same order as
    # title by title), then again for the titles written more than once
    words = Counter(" ".join(spots).split())
    for key, where in spots.items():
        if len(where) > 1:
            for word in key.split():
                words[word] += len(where) - 1
    return words


def document_words(document: Document) -> Counter[str]:
    return word_counts(title_spots(document))


class FieldWords:
    """The field's words: ``word in words``, ``words.get(word, default)``,
    ``words[word]`` -> (lists that write it, uses in all). A line is split into its
    counts only when a word is looked up: most runs look up a handful of the 2,000-odd
    words, and splitting them all cost more than the rest of the rule on a small list."""

    __slots__ = ("_raw",)

    def __init__(self, raw: dict[str, str]) -> None:
        self._raw = raw  # word -> "lists<TAB>uses"

    def __contains__(self, word: object) -> bool:
        return word in self._raw

    def __len__(self) -> int:
        return len(self._raw)

    def __getitem__(self, word: str) -> tuple[int, int]:
        lists, uses = self._raw[word].split("\t")
        return int(lists), int(uses)

    def get(self, word: str, default: tuple[int, int] = (0, 0)) -> tuple[int, int]:
        return self[word] if word in self._raw else default

    def items(self) -> Iterator[tuple[str, tuple[int, int]]]:
        # (every word's counts, split here: not one ``self[word]`` call and lookup a word)
        for word, counts in self._raw.items():
            lists, uses = counts.split("\t")
            yield word, (int(lists), int(uses))


_FIELD: FieldWords | None = None


def field_words() -> FieldWords:
    """The field's words, loaded once."""
    global _FIELD
    if _FIELD is None:
        lines = DATA_FILE.read_text(encoding="utf-8").split("\n")
        _FIELD = FieldWords(
            dict(line.split("\t", 1) for line in lines if line and not line.startswith("#"))
        )
    return _FIELD
