"""AL301 in a list kept in the order its papers appeared, preprints (dated by their arXiv
id) mixed with papers that state a venue year and link no arXiv id: a venue's paper
appears as a preprint up to a year before the venue."""

from __future__ import annotations

from awesome_lint.api import lint_text
from awesome_lint.config.selectors import resolve
from awesome_lint.settings import Settings

AL301 = Settings(resolve(["AL301"]))


def _preprint(n: int, arxiv: str) -> str:
    return (
        f"**Preprint paper {n}**. *A. Author*. Preprint. [[pdf](https://arxiv.org/pdf/{arxiv}.pdf)]"
    )


def _venue(n: int, venue: str) -> str:
    return f"**Venue paper {n}**. *B. Author*. {venue}. [[pdf](https://example.org/venue/{n})]"


def _list(middle: list[str]) -> str:
    entries = [
        _preprint(1, "1901.00001"),
        _venue(2, "NAACL 2019"),
        _preprint(3, "1903.00003"),
        _venue(4, "ACL 2019"),
        _preprint(5, "1906.00005"),
        _preprint(6, "1908.00006"),
        *middle,
        _venue(10, "ICLR 2020"),
        _venue(11, "ACL 2020"),
        _venue(12, "NeurIPS 2020"),
    ]
    items = "".join(f"{i}. {entry}\n" for i, entry in enumerate(entries, 1))
    return f"# Papers\n\n## Compression\n\n{items}"


_AFTER_12 = (
    "Out of oldest-first order: should come after `Venue paper 12. *B. Author*. NeurIPS 20…` "
    "(line 16)"
)


def _found(text: str) -> list[tuple[int, int, str]]:
    out = []
    for d in lint_text(text, AL301):
        line = text.count("\n", 0, d.start) + 1
        column = d.start - text.rfind("\n", 0, d.start)
        out.append((line, column, d.message))
    return out


def test_a_venue_paper_among_the_preprints_of_the_year_before_fits() -> None:
    # ICLR 2020 (an OpenReview link) between two 2019 preprints: it appeared in 2019
    middle = [_venue(7, "ICLR 2020"), _preprint(8, "1909.00008"), _preprint(9, "1910.00009")]
    assert _found(_list(middle)) == []


def test_two_years_later_is_still_out_of_order() -> None:
    middle = [_venue(7, "ICLR 2021"), _preprint(8, "1909.00008"), _preprint(9, "1910.00009")]
    assert _found(_list(middle)) == [(11, 4, _AFTER_12)]


def test_against_papers_that_state_their_year_it_is_out_of_order() -> None:
    # the neighbours state 2019 themselves: a 2020 paper before them is a slip
    middle = [_venue(7, "ICLR 2020"), _venue(8, "EMNLP 2019"), _venue(9, "CoNLL 2019")]
    assert _found(_list(middle)) == [(11, 4, _AFTER_12)]


def test_a_venue_paper_with_its_own_arxiv_id_is_read_by_it() -> None:
    # its link is an arXiv id of 2020: its preprint came after the 2019 ones
    venue = (
        "**Venue paper 7**. *B. Author*. ICLR 2020. [[pdf](https://arxiv.org/pdf/2001.00007.pdf)]"
    )
    middle = [venue, _preprint(8, "1909.00008"), _preprint(9, "1910.00009")]
    assert [line for line, _, _ in _found(_list(middle))] == [11]
