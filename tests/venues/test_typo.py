"""Near misses of venue names: the distance, the near-miss index, and where venue
words sit (venue_words, venue_word_starts)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_lint.venues.parse import venue_word_starts, venue_words
from awesome_lint.venues.registry import default_registry
from awesome_lint.venues.typo import NearIndex, _mask, distance, key, reach


def reference_osa(a: str, b: str) -> int:
    """Optimal string alignment distance, the textbook table without cut-off."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("sigmode", "sigmod", 1),  # one letter added
        ("aistat", "aistats", 1),  # one dropped
        ("aixiv", "arxiv", 1),  # one changed
        ("osid", "osdi", 1),  # two neighbours swapped
        ("neurlips", "neurips", 1),
        ("neruips", "neurips", 1),
        ("ca", "abc", 3),  # OSA never edits a swapped pair again
        ("kitten", "sitting", 3),
        ("", "abc", 3),
        ("same", "same", 0),
    ],
)
def test_distance(a: str, b: str, expected: int) -> None:
    assert distance(a, b, 5) == expected
    assert distance(b, a, 5) == expected


def test_distance_stops_at_the_limit() -> None:
    assert distance("kitten", "sitting", 1) == 2
    assert distance("kitten", "sitting", 2) == 3
    assert distance("abcdefgh", "ab", 2) == 3  # lengths alone exceed the limit
    assert distance("abcd", "wxyz", 1) == 2


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="abcde", max_size=8),
    st.text(alphabet="abcde", max_size=8),
    st.integers(min_value=0, max_value=3),
)
def test_distance_agrees_with_the_reference(a: str, b: str, limit: int) -> None:
    assert distance(a, b, limit) == min(reference_osa(a, b), limit + 1)


def test_key_and_reach() -> None:
    assert key("Euro-MLSys") == "euromlsys"
    assert key("S&P") == "sp"
    assert key("Straße 2") == "strasse2"  # case-folded, then letters and digits kept
    assert key("-") == ""
    assert [reach(k) for k in ("atc", "osdi", "sigmod", "aistats", "euromlsys")] == [0, 1, 1, 2, 2]


def test_near_finds_the_examples() -> None:
    index: NearIndex[str] = NearIndex(
        (n, n) for n in ("SIGMOD", "arXiv", "AISTATS", "EuroSys", "EuroS&P", "OSDI", "ATC")
    )
    assert index.near("SIGMODE") == [(1, "sigmod", ["SIGMOD"])]
    assert index.near("aiXiv") == [(1, "arxiv", ["arXiv"])]
    assert index.near("AISTAT") == [(1, "aistats", ["AISTATS"])]
    assert index.near("OSID") == [(1, "osdi", ["OSDI"])]
    # two names at one distance, nearest first then by key
    assert index.near("Eurosy") == [(1, "eurosp", ["EuroS&P"]), (1, "eurosys", ["EuroSys"])]
    assert index.near("AISTA") == [(2, "aistats", ["AISTATS"])]
    assert index.near("SIGMOD") == []  # the name itself is no near miss
    assert index.near("Osdi") == []  # nor is a case variant
    assert index.near("ATCC") == []  # three-letter names are never compared
    assert index.near("SIGMODEE") == []  # two edits from a six-letter name


def test_dropped_finds_names_one_character_longer() -> None:
    index: NearIndex[str] = NearIndex(
        (n, n) for n in ("ECCV", "ICCV", "ACCV", "ICML", "SIGMOD", "OSDI")
    )
    assert index.dropped("ECV") == [("eccv", ["ECCV"])]
    assert index.dropped("IML") == [("icml", ["ICML"])]
    assert sorted(index.dropped("CCV")) == [
        ("accv", ["ACCV"]),
        ("eccv", ["ECCV"]),
        ("iccv", ["ICCV"]),
    ]
    assert index.dropped("ECCV") == []  # the name itself
    assert index.dropped("OSD") == [("osdi", ["OSDI"])]
    assert index.dropped("SIGMD") == [("sigmod", ["SIGMOD"])]
    assert index.dropped("SIMD") == []  # two characters dropped
    assert index.dropped("EVC") == []  # a swap, not a dropped letter


def test_values_of_one_key_are_kept_together() -> None:
    index: NearIndex[str] = NearIndex([("EuroSys", "a"), ("Eurosys", "b"), ("EuroSys", "a")])
    assert len(index) == 1
    assert index.near("EuroSy") == [(1, "eurosys", ["a", "b"])]


def test_a_name_given_twice_is_found_once() -> None:
    index: NearIndex[str] = NearIndex([("ECCV", "a"), ("ECCV", "a"), ("SIGMOD", "s")] * 2)
    assert index.near("ECVV") == [(1, "eccv", ["a"])]
    assert index.dropped("ECV") == [("eccv", ["a"])]
    assert index.near("SIGMD") == [(1, "sigmod", ["s"])]


def test_near_compares_digits_and_other_scripts() -> None:
    # characters are compared as written, whatever their place in the masks
    index: NearIndex[str] = NearIndex((n, n) for n in ("ICML", "Euro-Par", "3DV2", "Génie"))
    assert index.near("ICM0") == [(1, "icml", ["ICML"])]
    assert index.near("Europ0r") == [(1, "europar", ["Euro-Par"])]
    assert index.near("3DVp") == [(1, "3dv2", ["3DV2"])]
    assert index.near("3DV") == []  # too short
    assert index.near("Genie") == [(1, "génie", ["Génie"])]
    assert index.near("ICMLpp") == []  # two letters added to a four-letter name


def test_repeated_characters_count() -> None:
    # one bit per character, a repeat on the next bit of its kind
    e = 1 << (ord("e") & 63)
    assert _mask("ee") == e | e << 64
    assert _mask("ieeetgrs").bit_count() == len("ieeetgrs")
    index: NearIndex[str] = NearIndex((n, n) for n in ("IEEE TGRS", "Sigmetrics", "Eurosys"))
    # the same letters, but two e more than the word has: three edits, not compared
    assert index.near("frigate") == []
    # repeats added or dropped within reach are found
    assert index.near("Sigmetrriccs") == [(2, "sigmetrics", ["Sigmetrics"])]
    assert index.near("IEEETGRRS") == [(1, "ieeetgrs", ["IEEE TGRS"])]
    assert index.near("Eursys") == [(1, "eurosys", ["Eurosys"])]
    assert index.near("Eurosyss") == [(1, "eurosys", ["Eurosys"])]


NAMES = sorted({key(n) for v in default_registry() for n in v.names() if len(key(n)) >= 4})
INDEX: NearIndex[str] = NearIndex((n, n) for n in NAMES)


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(NAMES),
    st.lists(
        st.tuples(
            st.sampled_from(("insert", "delete", "replace", "swap")),
            st.integers(min_value=0, max_value=40),
            st.sampled_from("aeiostxyz0p2r"),
        ),
        max_size=3,
    ),
)
def test_index_finds_what_a_full_scan_finds(name: str, edits: list[tuple[str, int, str]]) -> None:
    word = name
    for op, at, char in edits:
        i = at % (len(word) + 1)
        if op == "insert":
            word = word[:i] + char + word[i:]
        elif word and op == "delete":
            word = word[: min(i, len(word) - 1)] + word[min(i, len(word) - 1) + 1 :]
        elif word and op == "replace":
            j = min(i, len(word) - 1)
            word = word[:j] + char + word[j + 1 :]
        elif len(word) > 1:
            j = min(i, len(word) - 2)
            word = word[:j] + word[j + 1] + word[j] + word[j + 2 :]
    expected = sorted(
        (d, n)
        for n in NAMES
        if n != word and len(word) >= 4 and abs(len(n) - len(word)) <= 2
        for d in [reference_osa(word, n)]
        if d <= reach(n)
    )
    assert [(d, k) for d, k, _ in INDEX.near(word)] == expected


# -- where venue words sit ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SIGMODE'23", [("SIGMODE", True)]),
        ("Eurosy '22", [("Eurosy", True)]),
        ("Eurosy' 22", [("Eurosy", True)]),
        ("AISTAT2019", [("AISTAT", True)]),
        ("Title, AISTAT 2019.", [("AISTAT", True)]),
        ("aiXiv 2023.12", [("aiXiv", True)]),
        ("Euro-Par-2023", [("Euro-Par", True)]),
        ("Neurip Workshop 2023", [("Neurip", True)]),
        ("[[NeurlPS2019]]", [("NeurlPS", True)]),
        ("(SIGMODE)", [("SIGMODE", False)]),
        ("` Eurosy `", [("Eurosy", False)]),
        ("Title (SIGMOD 2019) [Eurosy]", [("SIGMOD", True), ("Eurosy", False)]),
        # a comma before the year places the word, without vouching for it
        ("AISTAT, 2019", [("AISTAT", False)]),
        ("Title, (**aiXiv, 2024.8**)", [("aiXiv", False)]),
        ("Smith, 19", []),
        # no year, no venue position
        ("OSDI 22", []),  # a bare two-digit number
        ("ResNet-50 and VGG16", []),
        ("Proc.SIGMODE 2019", []),  # not a word of its own
        ("SIGMODE 20231", []),
        ("arXiv:2301.12345", []),
        ("(SIGMODE]", []),
        ("(two words)", []),
        ("published in Eurosy", []),
    ],
)
def test_venue_words(text: str, expected: list[tuple[str, bool]]) -> None:
    assert [(text[a:b], y) for (a, b), y in venue_words(text)] == expected


def test_venue_words_whole() -> None:
    assert venue_words(" Eurosy ", whole=True) == [((1, 7), False)]
    assert venue_words(" Eurosy ") == []
    assert venue_words("Stanford and MIT", whole=True) == []


def test_venue_word_starts() -> None:
    text = "- [A title](https://x.org/p): s | SIGMODE'23\n- (Eurosy) in prose | Mobicomm\n"
    assert venue_word_starts(text) == (
        {"SIGMODE"},
        [(text.index("Eurosy"), "Eurosy"), (text.index("Mobicomm"), "Mobicomm")],
    )


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aBc-'’ 2019()[]`.|,\n")), max_size=40))
def test_venue_word_starts_covers_venue_words(text: str) -> None:
    """The quick pass over a file finds every word the close look finds."""
    before_year, others = venue_word_starts(text)
    for (a, b), year in venue_words(text):
        if year:
            assert text[a:b] in before_year
        else:
            assert (a, text[a:b]) in others


def test_venue_word_starts_reads_each_head_alike() -> None:
    """A name before a year is found whether the year's line head is short (read once
    for all its lines) or long (read in place), and on the first line of the text."""
    long_head = "- " + "word " * 12 + "SIGMODE'23"
    text = (
        "ICLR'22 first line\n- [SOSP'23] a\n- [SOSP'23] b\n"
        f"{long_head}\n- [Eurosy '24] c\n- [Eurosy '24] d\n- 12019 y\n- 12019 z\n"
    )
    assert venue_word_starts(text) == ({"ICLR", "SOSP", "SIGMODE", "Eurosy"}, [])
