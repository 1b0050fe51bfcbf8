"""Long lists (issue 12): nothing the fixer does costs more than linear time or keeps
memory it is done with. Counts and equivalences only, never timings."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.fixer import _line_start

_TEXTS = st.text(alphabet="a #-\t\r\n", max_size=40)


@given(_TEXTS)
def test_line_start_is_after_the_last_line_ending_before_the_offset(text: str) -> None:
    # what two searches back to the start of the text gave
    for offset in range(len(text) + 1):
        expected = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
        assert _line_start(text, offset) == expected, offset


def test_line_start_between_cr_and_lf() -> None:
    text = "ab\r\ncd\rx\n"
    assert [_line_start(text, offset) for offset in range(10)] == [0, 0, 0, 3, 4, 4, 4, 7, 7, 9]
