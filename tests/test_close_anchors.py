"""AL702/AL701's typo search: the banded edit distance and the anchor index give what
the plain definitions give, and the index keeps to its budget."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.parser.anchors import AnchorIndex, _within, close_matches


def _distance(a: str, b: str) -> int:
    """Levenshtein distance, the full table (obviously right)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _reference(target: str, anchors: list[str]) -> list[str]:
    lowered = target.lower()
    same_case = sorted({a for a in anchors if a.lower() == lowered})
    if same_case:
        return same_case
    limit = min(2, len(lowered) // 4)
    if limit == 0:
        return []
    return sorted({a for a in anchors if _distance(lowered, a.lower()) <= limit})


WORDS = st.text(alphabet="abcAB-1", max_size=12)


@given(WORDS, WORDS, st.integers(min_value=0, max_value=3))
def test_banded_distance_matches_the_full_table(a: str, b: str, limit: int) -> None:
    assert _within(a, b, limit) == (_distance(a, b) <= limit)


@given(WORDS, st.lists(WORDS, max_size=12))
def test_index_matches_the_plain_search(target: str, anchors: list[str]) -> None:
    assert close_matches(target, anchors) == _reference(target, anchors)


def test_examples() -> None:
    anchors = ["contents", "co-learning", "pre-training", "Databases"]
    assert close_matches("content", anchors) == ["contents"]
    assert close_matches("colearning", anchors) == ["co-learning"]
    assert close_matches("post-training", anchors) == []
    assert close_matches("databases", anchors) == ["Databases"]


def test_budget_stops_the_typo_search_not_the_case_match() -> None:
    anchors = [f"section-number-{i:05d}" for i in range(AnchorIndex.BUDGET // 100)]
    index = AnchorIndex(anchors)
    for i in range(200):  # each target compared with every anchor of its length
        index.close(f"missing-part-{i:06d}")
    assert index.close("section-number-0007") == []  # past the budget: no typo search
    assert index.close("SECTION-NUMBER-00007") == ["section-number-00007"]
    fresh = AnchorIndex(anchors)
    assert "section-number-00007" in fresh.close("section-number-0007")  # within budget
