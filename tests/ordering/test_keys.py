"""Sort keys of entries: years from venue tokens and arXiv ids, title keys."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.domain.years import Year, arxiv_year, entry_date, entry_year
from awesome_lint.parser.build import parse_document as parse
from awesome_lint.rules.ordering import (
    first_after,
    first_word_keys,
    in_order_bound,
    keep_order,
    stable_order,
    title_key,
    title_text,
)
from awesome_lint.source import SourceText
from awesome_lint.venues.registry import default_registry


def test_arxiv_year_new_and_old_ids() -> None:
    assert arxiv_year("2305.05176") == Year(2023, 5)
    assert arxiv_year("0704.0001") == Year(2007, 4)
    assert arxiv_year("cs/9912017") == Year(1999, 12)
    assert arxiv_year("cs/0112017") == Year(2001, 12)
    assert arxiv_year("2313.00001") is None  # no month 13


def test_entry_year_prefers_the_venue_token() -> None:
    text = (
        "- [A](https://arxiv.org/abs/2305.05176): Sub | OSDI'24\n"
        "- [B](https://arxiv.org/pdf/2104.07857v2): Sub\n"
        "- [C](https://example.org/c): Sub\n"
        "- [D](https://example.org/d): A follow-up to OSDI'20 work\n"
    )
    doc = parse(SourceText(text))
    registry = default_registry()
    years = [entry_year(doc, e, registry) for e in doc.entries()]
    assert years == [Year(2024, None), Year(2021, 4), None, None]


def test_entry_date_reads_a_day_in_a_link_label() -> None:
    text = (
        "- A [[12 Feb 2020]](https://arxiv.org/abs/2002.04869)\n"
        "- B [[arXiv 8 June 2020]](https://arxiv.org/abs/2006.1) [[Code]](https://g.com/b)\n"
        "- C [[CVPR 2020]](https://example.org/c)\n"
        "- D [[32 Feb 2020]](https://example.org/d)\n"
        "- E, 12 Feb 2020 [[Paper]](https://example.org/e)\n"
        "- F [[arXiv on 24 May 2019]](https://arxiv.org/abs/1905.04215)\n"
    )
    doc = parse(SourceText(text))
    dates = [entry_date(doc, e) for e in doc.entries()]
    assert dates == [(2020, 2, 12), (2020, 6, 8), None, None, None, (2019, 5, 24)]


def test_title_key_folds_case_articles_punctuation_and_numbers() -> None:
    assert title_key("The Alpha") == title_key("alpha")
    assert title_key("An Ode") == ((1, 0, "ode"),)
    assert title_key("The Alpha", articles=True) == ((1, 0, "the"), (1, 0, "alpha"))
    assert title_key("GPT-2") < title_key("gpt 10")  # type: ignore[operator]
    assert title_key('"Quoted" Title') == title_key("quoted title")
    assert title_key("Über") == title_key("uber")
    assert title_key("---") is None


def test_title_text_uses_the_link_unless_a_text_prefix_comes_first() -> None:
    text = "- [OSDI'22] [Orca](https://x.org): Serving\n- Orca, a system [[Paper]](https://x.org)\n"
    doc = parse(SourceText(text))
    first, second = doc.entries()
    assert title_text(doc, first) == "Orca"
    assert title_text(doc, second) == "Orca, a system [[Paper]](https://x.org)"


def test_keep_order_is_a_longest_non_decreasing_run() -> None:
    assert keep_order([1, 2, 9, 3, 4]) == {0, 1, 3, 4}
    assert keep_order([1, None, 1, 0, 2]) == {0, 2, 4}
    assert keep_order([]) == set()


def test_keep_order_keeps_every_keyed_item_of_a_list_already_in_order() -> None:
    assert keep_order([1, None, 1, 2, None, 5]) == {0, 2, 3, 5}
    assert keep_order([(0, 3, ""), (1, 0, "a"), (1, 0, "a")]) == {0, 1, 2}


@given(st.lists(st.one_of(st.none(), st.integers(0, 5)), max_size=30))
def test_keep_order_is_in_order_and_as_long_as_any_run(ranks: list[int | None]) -> None:
    kept = sorted(keep_order(ranks))
    values = [ranks[i] for i in kept]
    assert None not in values
    assert values == sorted(values)  # type: ignore[type-var]
    # the longest non-decreasing run, by the quadratic textbook recurrence
    keyed = [r for r in ranks if r is not None]
    longest = [1] * len(keyed)
    for i, rank in enumerate(keyed):
        for j in range(i):
            if keyed[j] <= rank:
                longest[i] = max(longest[i], longest[j] + 1)
    assert len(kept) == max(longest, default=0)


def test_in_order_bound_takes_one_off_per_disjoint_pair_out_of_order() -> None:
    assert in_order_bound([1, 2, 9, 3, 4]) == 4  # 9 > 3
    assert in_order_bound([3, 2, 1]) == 2  # (3, 2) counted; 1 pairs with no free item
    assert in_order_bound([4, 3, None, 2, 1]) == 2  # (4, 3) and (2, 1) across the gap
    assert in_order_bound([None, None]) == 0


@given(st.lists(st.one_of(st.none(), st.integers(0, 5)), max_size=40))
def test_in_order_bound_never_undercuts_the_longest_run(ranks: list[int | None]) -> None:
    assert in_order_bound(ranks) >= len(keep_order(ranks))


def test_stable_order_moves_unkeyed_items_with_the_item_before_them() -> None:
    assert stable_order([3, None, 1, 2, None, 1]) == [2, 5, 3, 4, 0, 1]
    assert stable_order([None, 2, 1, None]) == [0, 2, 3, 1]


def test_stable_order_keeps_ties_in_their_order() -> None:
    assert stable_order([(1, "b"), (0, "z"), (1, "b"), None, (0, "z")]) == [1, 4, 0, 2, 3]


def test_keep_order_on_a_reversed_list_keeps_one_item_per_rank() -> None:
    ranks = list(range(5000, 0, -1))
    assert len(keep_order(ranks)) == 1
    assert stable_order(ranks) == list(range(4999, -1, -1))


def test_first_after_skips_equal_ranks() -> None:
    assert first_after([1, 2, 2, 3], 2) == 3
    assert first_after([1, 2, 2, 3], 0) == 0
    assert first_after([1, 2, 2, 3], 3) == 4


def test_first_word_keys_without_and_with_articles() -> None:
    assert first_word_keys("The 3 Body Problem") == ((0, 3, ""), (1, 0, "the"))
    assert first_word_keys("  ¡Élan!") == ((1, 0, "elan"), (1, 0, "elan"))
    assert first_word_keys("--- ...") == (None, None)


@given(st.text(max_size=30))
def test_first_word_keys_agree_with_title_key(title: str) -> None:
    plain = title_key(title)
    with_articles = title_key(title, articles=True)
    assert first_word_keys(title) == (
        None if plain is None else plain[0],
        None if with_articles is None else with_articles[0],
    )


@given(st.lists(st.sampled_from(["the", "a", "an", "The", " ", "  ", "-", "x", "2", "É", "\t"])))
def test_first_word_keys_agree_with_title_key_around_articles(parts: list[str]) -> None:
    title = "".join(parts)
    plain = title_key(title)
    with_articles = title_key(title, articles=True)
    assert first_word_keys(title) == (
        None if plain is None else plain[0],
        None if with_articles is None else with_articles[0],
    )


def test_entry_year_reads_a_stated_year_before_the_arxiv_id() -> None:
    text = (
        "- Beta Forecasting, Asian Conference on Machine Learning 2021. "
        "[[paper](https://arxiv.org/abs/2206.00002)]\n"
        "- [Joint Detection](https://arxiv.org/abs/1802.10250), WACVW 2019 [[code]](https://g.com/x)\n"
        "- Relational biases, deep learning, and graphs. [[paper](https://arxiv.org/abs/1806.01261)]\n"
    )
    document = parse(SourceText(text))
    years = [entry_year(document, e, default_registry()) for e in document.entries()]
    assert years == [Year(2021), Year(2019), Year(2018, 6)]
