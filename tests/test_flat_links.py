"""The one-pass link scan of a plain line (no reference defined) finds what the
bracket-pair scan finds."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_lint.parser import inline
from awesome_lint.parser.inline import _DEST_CHAR, flat_links, plain, plain_lines, scan_links

# A definition no generated label can use ("z" is not in the alphabet): with it,
# scan_links takes the bracket-pair path, and finds the same links as without one.
_UNUSED = {"zz": "https://unused.org"}
_PIECES = st.sampled_from(
    ["[", "]", "(", ")", "!", "a", "b c", " ", '"t"', "https://x.org/a", "[t](u)", "|", ":"]
)


def _both(text: str) -> tuple[object, object]:
    return scan_links(text, 0, len(text)), scan_links(text, 0, len(text), _UNUSED)


@settings(max_examples=3000, deadline=None)
@given(st.lists(_PIECES, max_size=16))
def test_same_links_as_the_pair_scan(pieces: list[str]) -> None:
    text = "".join(pieces)
    fast, general = _both(text)
    assert fast == general


def test_examples() -> None:
    line = "[OSDI'20] [HiveD: GPU](https://h.org/a) [code](https://g.com/x) ![b](i.png)"
    fast = flat_links(line, 0, len(line))
    assert fast is not None
    assert [(link.start, link.end, link.url_value, link.image) for link in fast] == [
        (10, 39, "https://h.org/a", False),
        (40, 63, "https://g.com/x", False),
        (64, 75, "i.png", True),
    ]
    assert _both(line)[0] == _both(line)[1] == fast
    # a bracket inside a destination, nested brackets: left to the pair scan
    for text in ("[a](https://x.org/[1]) [b](u)", "[[a](u)] x"):
        assert flat_links(text, 0, len(text)) is None
        assert _both(text)[0] == _both(text)[1] != []
    # no "](": no link, however the brackets pair up (a venue tag, nested, stray)
    for text in ("[OSDI'22] Title", "[[a] b", "a ] [b] (c)", "[a]\t(u)"):
        assert flat_links(text, 0, len(text)) == []
        assert _both(text)[0] == _both(text)[1] == []
    # a destination with a title: found by the general destination parser
    text = '[a](u "t") [b]( v )'
    assert [link.url_value for link in _both(text)[0]] == ["u", "v"]


def test_destination_characters_as_the_negated_set() -> None:
    # ``_DEST_CHAR`` spells out ``[^\s()<>\\\x00-\x1f\x7f]`` as ranges: the same
    # characters, every code point compared
    negated = re.compile(r"[^\s()<>\\\x00-\x1f\x7f]")
    ranges = re.compile(_DEST_CHAR)
    assert [
        code
        for code in range(sys.maxunicode + 1)
        if (negated.match(chr(code)) is None) != (ranges.match(chr(code)) is None)
    ] == []


def test_a_label_holding_a_bracket_is_no_flat_pair() -> None:
    # the label is read up to the first "]": a "[" inside makes the pairs fewer than
    # the "[", so the line goes to the pair scan, whatever follows the brackets
    for text in ("[a [b](u) c](v)", "[a [b] c](u)", "[x] [a [b](u)", "[a [b]](u) [c](v)"):
        assert flat_links(text, 0, len(text)) is None
        assert _both(text)[0] == _both(text)[1]


@settings(max_examples=2000, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(["`", "\\", "\n", "<", "a", "[", "]", " ", "é", "🙂"])),
    st.integers(0, 12),
    st.integers(0, 12),
)
def test_plain_as_the_set_patterns(text: str, start: int, end: int) -> None:
    # plain and plain_lines look for each character with str.find; they answer as a
    # search of the characters' set does
    assert plain(text, start, end) == (re.compile(r"[`\\\n<]").search(text, start, end) is None)
    assert plain_lines(text, start, end) == (re.compile(r"[`\\<]").search(text, start, end) is None)


# Code spans after a line's last "]" (an awesome list's "`MIT` `Go`" tail) close no
# pair: the line is scanned as a plain one, with the links the general scan finds.
_TICKED = st.sampled_from(
    ["[", "]", "(", ")", "a", " ", "`", "``", "`x`", "`[`", "[t](u)", "(u`v)", "https://x.org/a"]
)


def _general(text: str, references: dict[str, str] | None) -> list[object]:
    saved = inline._code_after_brackets
    inline._code_after_brackets = lambda text, start, end: False
    try:
        return list(scan_links(text, 0, len(text), references))
    finally:
        inline._code_after_brackets = saved


@settings(max_examples=3000, deadline=None)
@given(st.lists(_TICKED, max_size=14), st.booleans())
def test_code_after_the_brackets_same_links_as_the_general_scan(
    pieces: list[str], references: bool
) -> None:
    text = "".join(pieces)
    refs = _UNUSED if references else None
    assert scan_links(text, 0, len(text), refs) == _general(text, refs)


def test_code_after_the_brackets_examples() -> None:
    line = "[Name](https://n.org/a) - Text. ([Demo](https://d.org)) `MIT` `Go`"
    assert inline._code_after_brackets(line, 0, len(line))
    links = scan_links(line, 0, len(line))
    assert [(link.start, link.end, link.url_value) for link in links] == [
        (0, 23, "https://n.org/a"),
        (33, 54, "https://d.org"),
    ]
    assert links == _general(line, None)
    # a bracket inside or after a code span, an escape or a line break: the general scan
    for text in ("`[a](u)` [b](v)", "[a](u) `x` [b](v)", "[a](u) `x]`", "[a](u)\\` `x`"):
        assert not inline._code_after_brackets(text, 0, len(text))
    # a "[" in the code span has no "]" to close it: still the plain scan
    text = "[a](u) `[x` [b"
    assert inline._code_after_brackets(text, 0, len(text))
    assert scan_links(text, 0, len(text)) == _general(text, None) != []
    assert not inline._code_after_brackets("[a](u)\n`x`", 0, 10)
    assert not inline._code_after_brackets("[a](u) <x> `x`", 0, 14)
