"""The text reporter's fast path for plain ASCII lines renders what the general loop renders."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.reporters.text import _render_row, _render_row_chars


def test_plain_ascii_row() -> None:
    assert _render_row("- [A](u) | OSDI'22", 11, 18) == ("- [A](u) | OSDI'22", " " * 11 + "^" * 7)
    # a span running into the line terminator gets one more caret
    assert _render_row("abc", 1, 4) == ("abc", " " + "^" * 3)
    # an empty span still gets one caret
    assert _render_row("abc", 3, 3) == ("abc", "   ^")


@given(
    st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=30) | st.text(max_size=30),
    st.integers(0, 31),
    st.integers(0, 31),
)
def test_fast_path_matches_general_loop(text: str, a: int, b: int) -> None:
    start, end = min(a, b), max(a, b)
    end = min(end, len(text) + 1)
    start = min(start, end)
    assert _render_row(text, start, end) == _render_row_chars(text, start, end)
