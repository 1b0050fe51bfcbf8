"""AL404 groups copies by link and title: the work per entry stays bounded."""

from __future__ import annotations

import pytest

from awesome_lint.parser.build import parse_document
from awesome_lint.rules import al404_conflicting_copies as al404
from awesome_lint.rules.base import Context
from awesome_lint.source import SourceText


def test_a_link_shared_by_many_papers_is_not_compared_with_every_earlier_title(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = 0
    real = al404.same_paper_title

    def counting(a: str, b: str) -> bool:
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(al404, "same_paper_title", counting)
    n = 2000
    text = "".join(
        f"- [Paper {i} on topic {i * 7}](https://conf.org/accepted.html) | OSDI'{i % 20 + 5}\n"
        for i in range(n)
    )
    document = parse_document(SourceText(text))
    found = list(al404.ConflictingCopies().check(document, Context()))
    assert found == []  # different papers on one index page: no copies, no conflicts
    assert calls <= al404.MAX_PAPERS_PER_LINK * n


def test_a_paper_listed_many_times_reports_each_copy_that_disagrees_with_the_first() -> None:
    lines = ["- [Orca: A Distributed Serving System](https://o.org/orca) | OSDI'22\n"] * 50
    lines += ["- [Orca: A Distributed Serving System](https://o.org/orca) | OSDI'21\n"] * 3
    document = parse_document(SourceText("".join(lines)))
    found = list(al404.ConflictingCopies().check(document, Context()))
    rows = [document.source.position(d.start)[0] for d in found]
    assert rows == [51, 52, 53]
    assert {d.message for d in found} == {
        f"This copy (line {r}) says OSDI'21; the copy on line 1 says OSDI'22" for r in rows
    }


@pytest.mark.parametrize(
    ("title", "label"),
    [
        ("CVPR2019 Oral", True),
        ("arXiv 2 Apr 2019", True),
        ("ICML 1999", True),
        ("Attention Is All You Need", False),
        ("Orca 2", False),  # no year
        ("Scaling Laws for Neural Language Models 2020", False),  # more than four words
        ("Model 2120", False),  # no year of 19xx or 20xx
    ],
)
def test_a_few_words_with_a_year_are_a_label(title: str, label: bool) -> None:
    assert al404._is_label(title) is label
