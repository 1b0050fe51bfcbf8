"""unsorted-entries (AL301) stops reading a group's titles or dates once an order can no
longer pass: the plans it makes must be the ones reading every entry gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_lint.parser.build import parse_document
from awesome_lint.rules import al301_unsorted_entries as al301
from awesome_lint.source import SourceText
from awesome_lint.venues.registry import default_registry

_MONTHS = ("Jan", "Feb", "Mar")


def _ranks(lines: list[str]) -> al301._Ranks:
    document = parse_document(SourceText("".join(f"- {line}\n" for line in lines)))
    return al301._Ranks(document, list(document.entries()), default_registry())


def _full_plan(lines: list[str], monkeypatch: pytest.MonkeyPatch) -> al301._Plan | None:
    with monkeypatch.context() as patched:
        patched.setattr(al301._Ranks, "initials_unordered", lambda self: False)
        return al301._plan(_ranks(lines), "auto")


def _same(a: al301._Plan | None, b: al301._Plan | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a.order, a.ranks, a.kept) == (b.order, b.ranks, b.kept)


# titles from a few initials (sorted, shuffled or nearly sorted lists all come up)
_TITLES = st.lists(st.sampled_from("ABCDEFGH"), min_size=8, max_size=40).flatmap(
    lambda initials: st.sampled_from([initials, sorted(initials), sorted(initials)[::-1]])
)


@settings(max_examples=150, deadline=None)
@given(_TITLES)
def test_giving_up_on_initials_changes_no_plan(initials: list[str]) -> None:
    lines = [f"[{c}{i} paper](https://example.org/{i})" for i, c in enumerate(initials)]
    with pytest.MonkeyPatch.context() as monkeypatch:
        full = _full_plan(lines, monkeypatch)
    assert _same(al301._plan(_ranks(lines), "auto"), full)


def test_initials_out_of_order_are_given_up_early() -> None:
    lines = [f"[{c} paper](https://example.org/{i})" for i, c in enumerate("DADBDCDADBDC" * 3)]
    ranks = _ranks(lines)
    assert ranks.initials_unordered()
    assert al301._plan(ranks, "auto") is None


def test_initials_in_order_are_all_read() -> None:
    lines = [f"[{c}x paper](https://example.org/{i})" for i, c in enumerate("ABCDEFGHIJ")]
    ranks = _ranks(lines)
    assert not ranks.initials_unordered()
    plan = al301._plan(ranks, "auto")
    assert plan is not None and plan.order == "initial"
    assert len(plan.kept) == 10


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.integers(1, 28), st.integers(0, 2)), min_size=8))
def test_refined_reads_dates_as_the_full_rule(dated: list[tuple[bool, int, int]]) -> None:
    lines = []
    for i, (has_date, day, month) in enumerate(dated):
        label = f"[[{day} {_MONTHS[month]} 2020]]" if has_date else "[[code]]"
        lines.append(f"Paper {i} {label}(https://example.org/{i}) | OSDI'{24 - i // 4}")
    ranks = _ranks(lines)
    plan = al301._plan(ranks, "year-desc")
    assert plan is not None
    full = [ranks.date(i) for i in range(len(lines))]
    keyed = [d for d, r in zip(full, plan.ranks, strict=True) if r is not None]
    enough = sum(d is not None for d in keyed) >= al301.DATED_MIN_SHARE * plan.keyed
    refined = al301._refined(_ranks(lines), plan)
    if not enough:
        assert refined is None
    if refined is not None:
        assert refined.order == "date-desc"
