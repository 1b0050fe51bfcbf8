from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic, Related
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.anchors import rendered_text
from awesome_lint.parser.document import Document
from awesome_lint.rules.al703_entry_separator import (
    DANGLING,
    NONE,
    dash_habit,
    described_entries,
)
from awesome_lint.rules.base import Context, Rule

# The name restated as the sentence's subject (`Django is a ...`, `MLflow: An ...`,
# `Wallabag, formerly Poche, is ...`, `Apprise allows ...`), not a word of a noun
# phrase about something else (`[Redis](u) - Redis client for Node.js`, `[usb](u) - USB
# library`): punctuation after the name, or a verb.
_VERBS = (
    *("is", "are", "was", "were", "has", "had", "does", "can", "could", "will", "would"),
    *("should", "may", "might", "must", "lets", "allows", "offers", "helps", "provides"),
    *("enables", "makes", "aims", "uses", "supports", "gives", "brings", "turns", "runs"),
    *("keeps", "creates", "generates", "implements", "manages", "combines", "takes"),
    *("adds", "exposes", "converts", "acts", "serves", "compiles", "builds", "parses"),
    *("renders", "handles", "wraps", "tracks", "monitors", "stores", "sends", "syncs"),
    *("shows", "finds", "checks", "detects", "simplifies", "automates", "extends"),
    *("integrates", "translates", "transforms", "validates", "analyzes", "analyses"),
    *("visualizes", "visualises", "includes", "contains", "connects", "displays"),
    *("exports", "imports", "deploys", "schedules", "works", "comes", "stands"),
)
_RESTATED = lazy_compile(r"[ \t]*(?:[.,;:!?(\u2013\u2014-]|(?:" + "|".join(_VERBS) + r")\b)")
MINORITY = 0.2  # a file where more entries than this repeat the name does so by habit


def _modifier(text: str, stop: int, end: int) -> bool:
    """Whether the name, spelt out in parentheses, qualifies the word after them
    (`HAR (HTTP Archive) parser`) rather than opening a sentence about itself (`Foo
    (formerly Bar) is ...`, `Foo (Bar).`)."""
    at = stop
    while at < end and text[at] in " \t":
        at += 1
    if not text.startswith("(", at):
        return False
    close = text.find(")", at, end)
    return close > at + 1 and close + 1 < end and _RESTATED.match(text, close + 1) is None


class RepeatedName(Rule):
    """
    ## What it does

    In lists of `[Name](url) - Description` entries, finds a description that
    starts with the item's name: `- [Django](…) - Django is a web framework.`
    The name is the link's text, compared without case; it must be followed by
    punctuation (`MLflow: An ...`, `Wallabag, formerly Poche, is ...`) or by a
    verb that makes it the sentence's subject (`Django is`, `Apprise allows`,
    `DockSTARTer helps`): `[Redis](…) - Redis client for Node.js`, `[usb](…) -
    USB library` and `[Ray](…) - Rays of` use the name as a word of their own,
    and so does a name spelt out in parentheses before the word it qualifies
    (`[HAR](…) - HAR (HTTP Archive) parser`). Star badges and code
    spans between the link and the separator are skipped, as in AL703.

    Only files whose separator habit is a dash (see AL703) are checked, and only
    when such entries are a minority (under 20% of the described entries): a list
    that habitually starts descriptions with the name (two thirds of one corpus
    list do) writes them that way on purpose. So does a section where at least 3
    descriptions, and a third of them, open with the item's name in any way
    (`[Velodyne](u) - Velodyne is a ... manufacturer`, `[Hesai](u) - Hesai
    Technology is ...` in a list of manufacturers).

    ## Why

    The awesome-list guidelines ask for descriptions that say what the item is;
    repeating the name wastes the reader's first words.

    ## Example

    ```markdown
    - [httpx](https://example.org/httpx) - httpx is a next-generation HTTP client.
    ```

    ## Fix safety

    No fix: the description has to be reworded by a person.

    ## Options

    None.
    """

    code = "AL705"
    name = "repeated-name"
    summary = "An entry's description starts with the entry's name"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        found = described_entries(document)
        if dash_habit(found) is None:
            return
        text = document.text
        hits: list[tuple[int, int, str, tuple[int, int], int]] = []
        sections: Counter[int] = Counter()  # described entries per section
        in_section: Counter[int] = Counter()  # of them, those opening with the name
        for entry, (_start, end, form) in found:
            if form in (NONE, DANGLING):
                continue
            sections[id(entry.section)] += 1
            assert entry.link is not None
            name = " ".join(rendered_text(document.span_text(entry.link.text)).split())
            if len(name) < 2:
                continue
            stop = _rendered_end(text, end, entry.content[1], name)
            if stop < 0:
                continue
            in_section[id(entry.section)] += 1  # opens with the name, in any way
            if stop == entry.content[1] or _RESTATED.match(text, stop):
                if _modifier(text, stop, entry.content[1]):
                    continue  # "HAR (HTTP Archive) parser": the name says what it parses
                hits.append((end, stop, name, entry.link.text, id(entry.section)))
        if len(hits) >= MINORITY * len(found):
            return
        for start, end, name, label, section in hits:
            if in_section[section] >= SECTION_MIN and (
                in_section[section] >= SECTION_SHARE * sections[section]
            ):
                continue  # a section whose items habitually open with their names
            yield self.report(
                f"Description repeats the item name {name!r}",
                start,
                end,
                related=(Related(label[0], label[1], "the item name"),),
            )


# A section where this many described entries, and this share of them, open with
# their names writes them so on purpose, even in a file that mostly does not
# (`[Velodyne](u) - Velodyne is a ... manufacturer` among a list of manufacturers).
SECTION_MIN = 3
SECTION_SHARE = 1 / 3


def _rendered_end(text: str, start: int, limit: int, name: str) -> int:
    """Where ``name`` ends when the text at ``start`` opens with it (case aside; a
    backslash escape counts as the character it escapes: `pg\\_back`), or -1."""
    stop = start + len(name)
    if stop <= limit and text[start:stop].lower() == name.lower():
        return stop  # (most descriptions: no escape)
    pos = start
    for char in name.lower():
        if pos < limit and text[pos] == "\\" and pos + 1 < limit and not text[pos + 1].isalnum():
            pos += 1
        if pos >= limit or text[pos].lower() != char:
            return -1
        pos += 1
    return pos
