"""code_spans: its fast paths give what the plain definition gives."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.parser.inline import _bracket_pairs, code_spans


def _reference(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Backtick strings not preceded by an unescaped backslash; each opens a span
    that the next string of the same length closes (quadratic, obviously right)."""
    runs = []
    for m in re.finditer(r"`+", text[:end]):
        pos = max(m.start(), start)
        if m.end() <= start:
            continue
        slashes = len(text[:pos]) - len(text[:pos].rstrip("\\"))
        if slashes % 2 == 0:
            runs.append((pos, m.end() - pos))
    spans = []
    i = 0
    while i < len(runs):
        pos, length = runs[i]
        closer = next((j for j in range(i + 1, len(runs)) if runs[j][1] == length), None)
        if closer is None:
            i += 1
        else:
            spans.append((pos, runs[closer][0] + runs[closer][1]))
            i = closer + 1
    return spans


def test_examples() -> None:
    assert code_spans("a `b` c `d`") == [(2, 5), (8, 11)]
    assert code_spans("`a`` b `c`") == [(0, 8)]  # the single ticks pair across the double
    assert code_spans("\\`a` `b`") == [(3, 6)]  # an escaped tick opens nothing
    assert code_spans("\\\\`a`") == [(2, 5)]  # an escaped backslash escapes nothing
    assert code_spans("`a` `b`", 1) == [(2, 5)]


@given(st.text(alphabet="`\\a \n", max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_matches_reference(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    assert code_spans(text, start, end) == _reference(text, start, end)


def _pairs_reference(text: str, spans: list[tuple[int, int]]) -> dict[int, int]:
    """Brackets outside code spans, not escaped by an odd run of backslashes, paired
    innermost first; a blank line ends every open bracket (character by character)."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    pos = 0
    while pos < len(text):
        c = text[pos]
        if any(a <= pos < b for a, b in spans):
            pos += 1
            continue
        if c == "\\":
            pos += 2  # the escaped character is literal
            continue
        if c == "[":
            stack.append(pos)
        elif c == "]" and stack:
            pairs[stack.pop()] = pos
        elif c == "\n" and re.match(r"\n[ \t]*(\r?\n|\r)", text[pos:]):
            stack.clear()
        pos += 1
    return pairs


@given(st.text(alphabet="[]\\`x \t\n\r", max_size=40))
def test_bracket_pairs_match_the_plain_definition(text: str) -> None:
    spans = code_spans(text)
    assert _bracket_pairs(text, 0, len(text), spans) == _pairs_reference(text, spans)


def test_bracket_pairs_of_a_plain_entry_line() -> None:
    line = "[A [B]](u) [[code](c)] ]["
    assert _bracket_pairs(line, 0, len(line), []) == {0: 6, 3: 5, 11: 21, 12: 17}
