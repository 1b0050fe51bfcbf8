"""The venue tokens of a document, read once and shared by the venue rules."""

from __future__ import annotations

from awesome_lint.domain.venues import document_tokens, entry_tokens, regions
from awesome_lint.parser.build import parse_document
from awesome_lint.rules.venue_common import file_style, implied_venues
from awesome_lint.source import SourceText
from awesome_lint.venues.parse import Style
from awesome_lint.venues.registry import default_registry

LIST = (
    "# Papers\n"
    "\n"
    "- [OSDI'22] [Orca](https://www.usenix.org/conference/osdi22/presentation/yu)\n"
    "- [arxiv'23] [A](https://arxiv.org/abs/2301.00001)\n"
    "- [OSDI'22] [B](https://example.org/b)\n"
    "- [C](https://proceedings.mlsys.org/paper/2023/hash/x): Serving, ICML 2022.\n"
    "- [arxiv'23] [D](https://arxiv.org/abs/2302.00002)\n"
)


def test_each_place_and_token_is_counted_once_in_order_of_first_use() -> None:
    document = parse_document(SourceText(LIST))
    tokens = document_tokens(document, default_registry())
    uses = [(where, token.name, token.year, n) for where, token, n in tokens.uses()]
    assert uses == [
        ("prefix", "OSDI", 2022, 2),
        ("prefix", "arxiv", 2023, 2),
        ("subtitle", "ICML", 2022, 1),
    ]
    # The entries' own lists are the ones the document-wide list is made of.
    entries = document.entries()
    assert [len(found) for _, found in tokens.entries] == [1, 1, 1, 1, 1]
    assert entry_tokens(document, entries[2], default_registry()) is tokens.entries[2][1]
    assert [f.entry for f in tokens.found] == entries
    first, third = tokens.entries[0][1][0], tokens.entries[2][1][0]
    assert first.token is third.token  # one parse of "[OSDI'22] " for both entries
    assert LIST[slice(*first.span)] == "OSDI'22"
    assert LIST[slice(*third.span)] == "OSDI'22"
    assert third.span[0] > first.span[0]


def test_the_year_style_counts_every_use_outside_subtitles() -> None:
    text = LIST + "- [ICML 2021] [E](https://example.org/e)\n"
    document = parse_document(SourceText(text))
    tokens = document_tokens(document, default_registry())
    # 4 of 5 uses are {name}'{yy}: the habit (80%); the subtitle's ICML 2022 is not counted.
    assert file_style(tokens, "consistent") == Style("'", 2)
    text += "- [ICML 2020] [F](https://example.org/f)\n"
    document = parse_document(SourceText(text))
    tokens = document_tokens(document, default_registry())
    assert file_style(tokens, "consistent") is None  # 4 of 6: no habit
    assert file_style(tokens, "consistent", habit=False) == Style("'", 2)


def test_regions_are_read_once_per_entry() -> None:
    document = parse_document(SourceText(LIST))
    entry = document.entries()[3]
    found = regions(document, entry)
    assert [(where, LIST[start:end]) for where, start, end in found] == [
        ("subtitle", "Serving, ICML 2022.")
    ]
    assert regions(document, entry) is found


def test_implied_venues_lists_the_entries_whose_link_implies_one() -> None:
    document = parse_document(SourceText(LIST))
    entries = document.entries()
    assert implied_venues(document) == [
        (entries[0], ("OSDI", 2022)),
        (entries[3], ("MLSys", 2023)),
    ]


def test_implied_venues_reads_a_repeated_url_once_per_entry_that_writes_it() -> None:
    text = (
        "- [A](https://www.usenix.org/conference/osdi22/presentation/a)\n"
        "- [B](https://arxiv.org/abs/2301.00001)\n"
        "- [A again](https://www.usenix.org/conference/osdi22/presentation/a)\n"
        "- [C](https://proceedings.mlsys.org/paper_files/paper/2023/hash/c)\n"
        "- [B again](https://arxiv.org/abs/2301.00001)\n"
        "- [C again](https://proceedings.mlsys.org/paper_files/paper/2023/hash/c)\n"
    )
    document = parse_document(SourceText(text))
    entries = document.entries()
    assert implied_venues(document) == [
        (entries[0], ("OSDI", 2022)),
        (entries[2], ("OSDI", 2022)),
        (entries[3], ("MLSys", 2023)),
        (entries[5], ("MLSys", 2023)),
    ]
