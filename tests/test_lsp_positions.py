"""Offsets ↔ LSP positions: UTF-16 code units (and UTF-8 / UTF-32 when negotiated)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.lsp.positions import UTF8, UTF16, UTF32, PositionMap, units


def utf16_len(text: str) -> int:
    """The reference: what an editor written in JavaScript would count."""
    return len(text.encode("utf-16-le")) // 2


def test_ascii_line_and_column() -> None:
    pm = PositionMap("ab\ncd\n")
    assert pm.position(0) == (0, 0)
    assert pm.position(2) == (0, 2)  # the end of line 0, before its "\n"
    assert pm.position(3) == (1, 0)
    assert pm.position(6) == (2, 0)  # after the final newline: an empty last line
    assert pm.offset(1, 1) == 4


def test_emoji_is_two_utf16_units() -> None:
    text = "- [🚀x](u)"
    pm = PositionMap(text)
    x = text.index("x")
    assert x == 4  # code points
    assert pm.position(x) == (0, 5)  # UTF-16 units: the rocket is a surrogate pair
    assert pm.offset(0, 5) == x
    assert pm.position(len(text)) == (0, utf16_len(text))


def test_half_a_surrogate_pair_rounds_down() -> None:
    pm = PositionMap("a🚀b")
    assert pm.offset(0, 2) == 1  # inside the rocket: its start
    assert pm.offset(0, 3) == 2
    assert pm.offset(0, 4) == 3


def test_cjk_is_one_utf16_unit_three_utf8_bytes() -> None:
    text = "大模型 : x"
    colon = text.index(":")
    assert PositionMap(text).position(colon) == (0, 4)
    assert PositionMap(text, UTF8).position(colon) == (0, 10)
    assert PositionMap(text, UTF32).position(colon) == (0, 4)
    assert PositionMap(text, UTF8).offset(0, 10) == colon


def test_combining_marks_count_as_their_own_code_points() -> None:
    text = "Cafe\u0301 | X"  # e + combining acute accent
    pm = PositionMap(text)
    bar = text.index("|")
    assert bar == 6
    assert pm.position(bar) == (0, 6)
    assert pm.offset(0, 6) == bar
    # a ZWJ sequence: woman, ZWJ, laptop = 2 + 1 + 2 units
    family = "👩\u200d💻|"
    assert PositionMap(family).position(family.index("|")) == (0, 5)


def test_crlf_and_lone_cr_end_lines() -> None:
    text = "a🚀\r\nb\rc\n"
    pm = PositionMap(text)
    assert pm.position(text.index("b")) == (1, 0)
    assert pm.position(text.index("c")) == (2, 0)
    # the end of line 0 is before "\r\n"; an offset between "\r" and "\n" is that end too
    assert pm.position(2) == (0, 3)
    assert pm.position(3) == (0, 3)
    assert pm.offset(0, 99) == 2  # past the end of the line: the line's end
    assert pm.offset(1, 0) == 4


def test_positions_past_the_end_clamp() -> None:
    pm = PositionMap("ab\ncd")
    assert pm.offset(7, 0) == 5
    assert pm.offset(-1, 3) == 0
    assert pm.offset(1, -1) == 3
    assert pm.position(99) == (1, 2)


def test_unknown_encoding_is_refused() -> None:
    with pytest.raises(ValueError, match="utf-7"):
        PositionMap("x", "utf-7")


@pytest.mark.parametrize(
    ("text", "utf8", "utf16", "utf32"),
    [("abc", 3, 3, 3), ("é", 2, 1, 1), ("中文", 6, 2, 2), ("😀", 4, 2, 1), ("e\u0301", 3, 2, 2)],
)
def test_units(text: str, utf8: int, utf16: int, utf32: int) -> None:
    assert (units(text, UTF8), units(text, UTF16), units(text, UTF32)) == (utf8, utf16, utf32)


@given(st.text(alphabet=st.sampled_from(["a", "\n", "\r", "中", "🚀", "\u0301", " "]), max_size=40))
def test_round_trip_against_the_utf16_encoder(text: str) -> None:
    pm = PositionMap(text, UTF16)
    for offset in range(len(text) + 1):
        line, character = pm.position(offset)
        # the reference: count lines and UTF-16 units with Python's own codec
        before = text[:offset]
        line_start = max(before.rfind("\n"), before.rfind("\r")) + 1
        if offset > 0 and text[offset - 1] == "\r" and offset < len(text) and text[offset] == "\n":
            # between "\r" and "\n": the end of the line that "\r\n" closes
            before = text[: offset - 1]
            line_start = max(before.rfind("\n"), before.rfind("\r")) + 1
            expected_line = before.count("\n") + before.count("\r") - before.count("\r\n")
            assert (line, character) == (expected_line, utf16_len(before[line_start:]))
            continue
        expected_line = before.count("\n") + before.count("\r") - before.count("\r\n")
        assert (line, character) == (expected_line, utf16_len(before[line_start:]))
        assert pm.offset(line, character) == offset
