"""Shortcuts taken for speed give the answers of the plain code they stand for: patterns
rewritten to run faster match the same on every real list in ../shared/corpus, on chosen
edge cases and on generated text; a cheap bound that skips an edit distance never exceeds
it."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.domain import stated
from awesome_lint.links import papers
from awesome_lint.parser.document import Link
from awesome_lint.rules import al115_label_typo as al115
from awesome_lint.rules import al205_missing_venue as al205

# What stated._VENUE_WORDS stands for, as first written
VENUE_WORDS_PLAIN = re.compile(
    r"(?i)(?<![\w-])(?:arxiv|preprint|(?:technical|tech\.?) report|thesis|openreview"
    r"|unpublished)(?![\w-])"
)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_venue_words_same_matches_on_the_corpus(corpus_files: list[Path]) -> None:
    found = 0
    for path in corpus_files:
        text = path.read_text(encoding="utf-8")
        expected = _spans(VENUE_WORDS_PLAIN, text)
        assert _spans(stated._VENUE_WORDS, text) == expected, path.name
        found += len(expected)
    assert found > 100  # the corpus does name arXiv, preprints and theses


def test_venue_words_edges() -> None:
    text = (
        "arXiv ARXIV,preprint. Tech report Tech. report technical report Thesis OpenReview"
        " -arxiv xarxiv arxivs arxiv- _thesis (thesis) 'preprint' tech  report technicalreport"
    )
    got = _spans(stated._VENUE_WORDS, text)
    assert got == _spans(VENUE_WORDS_PLAIN, text)
    assert [text[a:b] for a, b in got] == [
        "arXiv",
        "ARXIV",
        "preprint",
        "Tech report",
        "Tech. report",
        "technical report",
        "Thesis",
        "OpenReview",
        "thesis",
        "preprint",
    ]
    # at the very start and end of the text
    assert stated._VENUE_WORDS.search("thesis").span() == (0, 6)  # type: ignore[union-attr]
    assert stated._VENUE_WORDS.search("a-thesis") is None


_PIECES = st.sampled_from(list("arxivpeuntchsoldwARXIVPT .-_é1")) | st.sampled_from(
    [
        "arxiv",
        "preprint",
        "tech",
        "technical",
        " report",
        "thesis",
        "openreview",
        "unpublished",
        ".",
    ]
)


@given(st.lists(_PIECES, max_size=30).map("".join))
def test_venue_words_same_matches_on_generated_text(text: str) -> None:
    assert _spans(stated._VENUE_WORDS, text) == _spans(VENUE_WORDS_PLAIN, text)


@given(st.lists(_PIECES | st.sampled_from(["ſ", "ı", "K", "İ"]), max_size=30).map("".join))
def test_venue_words_quick_test_answers_as_the_pattern(text: str) -> None:
    # an ASCII text without the words' parts is settled without the pattern; any other
    # text (a long s or a dotless i may match a letter, ignoring case) is searched
    assert stated._venue_words_in(text) == (stated._VENUE_WORDS.search(text) is not None)


def test_venue_words_quick_test_on_the_corpus(corpus_files: list[Path]) -> None:
    found = 0
    for path in corpus_files:
        for line in path.read_text(encoding="utf-8").splitlines():
            expected = stated._VENUE_WORDS.search(line) is not None
            assert stated._venue_words_in(line) == expected, (path.name, line)
            found += expected
    assert found > 100
    assert stated._venue_words_in("a theſis") is True  # non-ASCII: the pattern decides


# AL115 compares labels by their letters before it runs the edit distance: the bound
# must never exceed the distance, or a misspelling would be missed.
_WORDS = st.text(alphabet="abcdeps -", max_size=10)


@given(_WORDS, _WORDS, st.booleans())
def test_label_typo_bound_never_exceeds_the_distance(a: str, b: str, change: bool) -> None:
    bound = al115._fewest_slips(a, b, change=change)
    assert bound <= al115._slips(a, b, 99, change=change)


def test_label_typo_bound_examples() -> None:
    # a swap: no letter on either side
    assert al115._fewest_slips("pyotrch", "pytorch", change=False) == 0
    # a changed letter: one on each side, one slip with change, two without
    assert al115._fewest_slips("video", "vidzo", change=True) == 1
    assert al115._fewest_slips("video", "vidzo", change=False) == 2
    # a letter dropped that the word still uses elsewhere: no bound from it
    assert al115._fewest_slips("leadboard", "leaderboard", change=False) == 0
    assert al115._fewest_slips("clients", "code", change=True) == 5  # l, i, n, t, s


# names_venue_or_year blanks the link targets in an entry's text by joining slices: the
# same text as blanking a list of its characters, whatever the targets (overlapping,
# out of the text, empty).
def _blank_by_characters(text: str, start: int, end: int, links: tuple[Link, ...]) -> str:
    chars = list(text[start:end])
    for link in links:
        a, b = max(link.url[0], start), min(link.url[1], end)
        if a < b:
            chars[a - start : b - start] = " " * (b - a)
    return "".join(chars)


def _link(a: int, b: int) -> Link:
    return Link(a, b, (a, a), (a, b), "u", False, False)


_SPANS = st.tuples(st.integers(0, 30), st.integers(0, 30))


@given(st.integers(0, 30), st.integers(0, 30), st.lists(_SPANS, max_size=5))
def test_blank_targets_same_text(start: int, end: int, spans: list[tuple[int, int]]) -> None:
    text = "abcdefghijklmnopqrstuvwxyz0123"
    links = tuple(_link(a, b) for a, b in spans)
    got = stated._blank_targets(text, start, end, links)
    assert got == _blank_by_characters(text, start, end, links)


def test_blank_targets_examples() -> None:
    text = "[a](http://x) and [b](y)"
    links = (_link(4, 12), _link(22, 23))
    assert stated._blank_targets(text, 0, len(text), links) == "[a](        ) and [b]( )"
    # targets overlapping and running past the end
    assert stated._blank_targets(text, 2, 10, (_link(5, 8), _link(3, 20))) == "]       "


# Patterns reordered so that they open with a set (a look-behind first is tried at every
# character), as first written: the same matches.
YEAR_ALONE_PLAIN = re.compile(r"(?<![\[\w])[\[(][ \t]*(?P<year>(?:19|20)\d\d)[ \t]*[\])](?![(\w])")
EMPHASIS_PLAIN = re.compile(r"[*~`]+|(?<!\w)_+|_+(?!\w)")


def _year_spans(pattern: re.Pattern[str], text: str, start: int, end: int) -> object:
    return [(m.span(), m.group("year")) for m in pattern.finditer(text, start, end)]


def test_reordered_patterns_same_matches_on_the_corpus(corpus_files: list[Path]) -> None:
    found = [0, 0]
    for path in corpus_files:
        text = path.read_text(encoding="utf-8")
        expected = _year_spans(YEAR_ALONE_PLAIN, text, 0, len(text))
        assert _year_spans(al205._YEAR_ALONE, text, 0, len(text)) == expected, path.name
        assert papers._EMPHASIS.sub("", text) == EMPHASIS_PLAIN.sub("", text), path.name
        found[0] += len(expected)
        found[1] += len(_spans(EMPHASIS_PLAIN, text))
    assert found[0] > 10 and found[1] > 1000


def test_reordered_patterns_edges() -> None:
    text = "(2020) x(2020) [2020] [[2020]] ( 1999 ) ([2020]) [2020](u) é(2021) _(2022) ((2023))"
    got = _year_spans(al205._YEAR_ALONE, text, 0, len(text))
    assert got == _year_spans(YEAR_ALONE_PLAIN, text, 0, len(text))
    assert [year for _, year in got] == ["2020", "2020", "1999", "2020", "2023"]
    # the character before the search's start is still looked at
    assert al205._YEAR_ALONE.search(text, 8, 14) is None  # "x" before "(2020)"
    assert al205._YEAR_ALONE.search("(2020)", 0).span() == (0, 6)  # type: ignore[union-attr]
    text = "_a_ b_c __d__ e__ *f* ~g~ `h` _ a_*_b"
    assert papers._EMPHASIS.sub("", text) == EMPHASIS_PLAIN.sub("", text) == "a b_c d e f g h  ab"


@given(
    st.lists(st.sampled_from([*"[]()2019 \ta_é\n0x", "2020", "(19"]), max_size=14).map("".join),
    st.integers(0, 20),
    st.integers(0, 20),
)
def test_year_alone_same_matches_on_generated_text(text: str, start: int, end: int) -> None:
    start, end = min(start, len(text)), min(end, len(text))
    got = _year_spans(al205._YEAR_ALONE, text, start, end)
    assert got == _year_spans(YEAR_ALONE_PLAIN, text, start, end)


_MARKS = st.lists(st.sampled_from([*"*~`_ab é\n-1", "__", "a_b"]), max_size=14).map("".join)


@given(_MARKS)
def test_emphasis_same_matches_on_generated_text(text: str) -> None:
    assert _spans(papers._EMPHASIS, text) == _spans(EMPHASIS_PLAIN, text)
    # a text without "_" loses its marks by str.replace, as by the pattern
    assert papers._clean(text) == " ".join(EMPHASIS_PLAIN.sub("", text).split()).strip(" .,;:")


_NOUNS = st.sampled_from(
    [
        *("Transactions", "journal", "LETTERS", "conference", "Proceedings", "workshops"),
        *("symposium", "workshop", " ", "of", "the", "IEEE", "-", "ſ", "\u212a", "Ks", "x"),
    ]
)


@given(st.lists(_NOUNS, max_size=8).map("".join))
def test_venue_tail_quick_test_answers_as_the_pattern(text: str) -> None:
    # an ASCII text without the nouns is settled without the pattern ("ſ" and the
    # Kelvin sign, which match "s" and "k" ignoring case, leave it to the pattern)
    expected = papers._venue_like(text) or papers._VENUE_NOUN.search(text) is not None
    assert papers.venue_tail(text) == expected


def test_venue_tail_quick_test_on_the_corpus(corpus_files: list[Path]) -> None:
    found = 0
    for path in corpus_files:
        for line in path.read_text(encoding="utf-8").splitlines():
            tail = line.rsplit(",", 1)[-1]
            expected = papers._venue_like(tail) or papers._VENUE_NOUN.search(tail) is not None
            assert papers.venue_tail(tail) == expected, (path.name, tail)
            found += expected
    assert found > 100
    assert papers.venue_tail("on ſymposium") is True  # non-ASCII: the pattern decides
