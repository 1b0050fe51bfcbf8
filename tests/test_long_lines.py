"""One entry line with thousands of links: the per-link work must not rescan the line."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.domain.venues import _masked
from awesome_lint.parser.build import parse_document
from awesome_lint.parser.document import Link
from awesome_lint.rules.al113_label_brackets import _nested
from awesome_lint.rules.al208_year_typo import _in_target
from awesome_lint.source import SourceText
from awesome_lint.venues.parse import _Intervals


def _link(start: int, end: int) -> Link:
    return Link(start, end, (start + 1, start + 2), (start + 3, end - 1), "u")


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 30)), max_size=15))
def test_nested_matches_the_pairwise_definition(spans: list[tuple[int, int]]) -> None:
    links = [_link(start, start + length + 3) for start, length in spans]
    expected = {id(link) for link in links if any(o.start < link.start < o.end for o in links)}
    assert _nested(links) == expected


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 30)), max_size=12))
def test_masked_matches_blanking_link_by_link(spans: list[tuple[int, int]]) -> None:
    text = "- " + "".join(chr(97 + i % 26) for i in range(98))
    document = parse_document(SourceText(text))
    entry = document.entries()[0]
    entry.links = [_link(start, start + length + 3) for start, length in spans]
    for start, end in [(0, 100), (10, 70), (35, 36)]:
        expected = text[start:end]
        for link in entry.links:
            if link.start < end and start < link.end:
                a, b = max(link.start, start), min(link.end, end)
                expected = expected[: a - start] + " " * (b - a) + expected[b - start :]
        assert _masked(document, entry, start, end) == expected


@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)), max_size=12),
    st.integers(0, 100),
)
def test_in_target_matches_the_scan(spans: list[tuple[int, int]], offset: int) -> None:
    document = parse_document(SourceText("- " + "x" * 98))
    entry = document.entries()[0]
    entry.links = [Link(a, a + n + 2, (a, a), (a + 1, a + 1 + n), "u") for a, n in spans]
    expected = any(a <= offset < b for a, b in (link.url for link in entry.links))
    assert _in_target({}, entry, offset) == expected


@given(  # tokens and names are never empty
    st.lists(st.tuples(st.integers(0, 50), st.integers(1, 10)), max_size=10),
    st.lists(st.tuples(st.integers(0, 50), st.integers(1, 10)), max_size=10),
)
def test_intervals_match_the_pairwise_overlap(
    recorded: list[tuple[int, int]], queries: list[tuple[int, int]]
) -> None:
    spans = [(a, a + n) for a, n in recorded]
    intervals = _Intervals(spans[:5])
    for start, end in spans[5:]:
        intervals.add(start, end)
    for a, n in queries:
        s, e = a, a + n
        assert intervals.overlaps(s, e) == any(x < e and s < y for x, y in spans)
