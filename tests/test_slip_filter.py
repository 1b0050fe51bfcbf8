"""title-typo (AL118) reads only a few of its common words for each rare word of the
prose: ``_may_slip``, the quick test before ``_slip``, must pass every pair ``_slip``
accepts, so that the rule finds what it found when it tried every pair."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.rules.al118_title_typo import _may_slip, _slip

WORDS = st.text(alphabet="abcsz", min_size=0, max_size=14)


@st.composite
def one_edit(draw: st.DrawFn) -> tuple[str, str]:
    """A word and the word one edit makes of it (changed, added, dropped or swapped)."""
    word = draw(st.text(alphabet="abcsz", min_size=1, max_size=14))
    at = draw(st.integers(0, len(word) - 1))
    letter = draw(st.sampled_from("abcsz"))
    kind = draw(st.sampled_from(["change", "add", "drop", "swap"]))
    if kind == "change":
        other = word[:at] + letter + word[at + 1 :]
    elif kind == "add":
        other = word[:at] + letter + word[at:]
    elif kind == "drop":
        other = word[:at] + word[at + 1 :]
    else:
        other = word[:at] + word[at + 1 : at + 2] + word[at : at + 1] + word[at + 2 :]
    return word, other


@given(one_edit(), st.booleans())
def test_may_slip_passes_every_slip(pair: tuple[str, str], stray_end: bool) -> None:
    for rare, common in (pair, pair[::-1]):
        if _slip(rare, common, stray_end=stray_end):
            assert _may_slip(rare, common)


@given(WORDS, WORDS, st.booleans())
def test_may_slip_passes_every_slip_of_any_words(a: str, b: str, stray_end: bool) -> None:
    if _slip(a, b, stray_end=stray_end):
        assert _may_slip(a, b)


def test_may_slip_rejects_words_apart_at_both_ends() -> None:
    assert _may_slip("inference", "inferance")  # a changed letter
    assert _may_slip("languge", "language")  # a dropped letter
    assert _may_slip("transformer", "trasnformer")  # two neighbours swapped
    assert not _may_slip("benchmarks", "diffusions")
    assert not _may_slip("bandwidth", "bottleneck")
