"""Questions asked of a whole file, answered without reading more than the answer needs:
whether a list's paper links point at hosts of papers (AL205: read until half of them
do, or can no longer), whether its links use venues as labels (AL205 and AL207: read
until ``LABEL_VENUES_MIN`` do, once per document), and whether a repository's name is
styled (AL122, asked of every link to a repository)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.links.papers import primary_link
from awesome_lint.parser.build import parse_document
from awesome_lint.rules.al122_repo_name_case import _styled
from awesome_lint.rules.al205_missing_venue import _papers_linked
from awesome_lint.rules.venue_common import LABEL_VENUES_MIN, labels_venues
from awesome_lint.source import SourceText
from awesome_lint.venues.registry import default_registry


def _linked(hosts: str) -> bool:
    """``_papers_linked`` of a list whose entries link a paper host ("p"), a repository
    ("g") or a plain page ("w")."""
    url = {"p": "https://arxiv.org/abs/2101.0000{}", "g": "https://github.com/a/{}",
           "w": "https://example.com/{}"}  # fmt: skip
    text = "".join(f"- [Name {i}]({url[h].format(i)}) text\n" for i, h in enumerate(hosts))
    document = parse_document(SourceText(text))
    entries = document.entries()
    assert all(primary_link(document, e) is not None for e in entries)
    return _papers_linked(entries, lambda e: primary_link(document, e))


@pytest.mark.parametrize(
    ("hosts", "expected"),
    [
        ("", True),  # no paper link: half of none
        ("p", True),
        ("g", False),
        ("pg", True),  # one of two: half
        ("gp", True),
        ("gpg", False),  # one of three: less than half
        ("pgp", True),
        ("ggpp", True),
        ("gggp", False),
        ("pppg", True),
        ("gwgwgwgwgp", False),
        ("gwgwgppppp", True),  # the last five decide
        ("ppppp" + "g" * 6, False),
    ],
)
def test_papers_linked_answers_as_a_count_of_all(hosts: str, expected: bool) -> None:
    assert _linked(hosts) is expected
    assert (2 * hosts.count("p") >= len(hosts)) is expected


def _labels(count: int, other: int = 3) -> str:
    venues = ["OSDI", "NeurIPS", "SIGMOD", "VLDB", "ICML"]
    lines = [f"- [[{venues[i % 5]}](https://x.org/{i})] Title {i}\n" for i in range(count)]
    lines += [f"- [Tool {i}](https://y.org/{i}) - A tool.\n" for i in range(other)]
    return "".join(lines)


@pytest.mark.parametrize(("count", "expected"), [(0, False), (9, False), (10, True), (25, True)])
def test_labels_venues_needs_ten_venue_labels(count: int, expected: bool) -> None:
    assert LABEL_VENUES_MIN == 10
    document = parse_document(SourceText(_labels(count)))
    registry = default_registry()
    assert labels_venues(document, registry) is expected
    # kept for the document: the second question reads no link
    assert document.cache[("labels-venues", id(registry))] is expected
    assert labels_venues(document, registry) is expected


def test_a_long_label_or_an_image_is_no_venue_label() -> None:
    text = "".join(f"- [![OSDI](https://i.org/{i}.png)](https://x.org/{i}) T\n" for i in range(12))
    text += "".join(f"- [OSDI {'x' * 20}](https://x.org/{i}) T\n" for i in range(12))
    document = parse_document(SourceText(text))
    assert labels_venues(document, default_registry()) is False


@given(st.text(min_size=1, max_size=12))
def test_a_styled_repository_name_is_told_as_by_each_character(name: str) -> None:
    """AL122's test of a repository name with a capital after its first letter: told in
    C for an ASCII name, by each character else; the same answer either way."""
    assert _styled(name) is any(char.isupper() for char in name[1:])


@pytest.mark.parametrize(
    ("name", "expected"),
    [("AReaL", True), ("vLLM", True), ("pytorch", False), ("Pytorch", False), ("a", False),
     ("x_Y-z.9", True), ("éA", True), ("Éa", False), ("aǅ", False)],
)  # fmt: skip
def test_styled_names(name: str, expected: bool) -> None:
    assert _styled(name) is expected
