"""The block state made by ``markdown.line_state`` is markdown-it-py's own: the same
line table (where each line begins and ends, its indent) and the same other fields."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

from awesome_lint.parser.markdown import line_state, parse_blocks
from conftest import CORPUS, corpus_lists

_MD = MarkdownIt("commonmark")
_FIELDS = (
    *("src", "bMarks", "eMarks", "tShift", "sCount", "bsCount", "lineMax", "line"),
    *("level", "blkIndent", "listIndent", "ddIndent", "tight", "parentType", "tokens"),
)


def _state(state: StateBlock) -> tuple[object, ...]:
    return tuple(getattr(state, name) for name in _FIELDS)


def _same_state(text: str) -> None:
    assert _state(line_state(text, _MD, {}, [])) == _state(StateBlock(text, _MD, {}, []))


@pytest.mark.parametrize(
    "text",
    ["a", "a\n", "a\n  ", "  ", "\n", "\n\n  x\n   ", "  - x\n\n   \n    y", " \t- tab\n"],
)
def test_examples(text: str) -> None:
    _same_state(text)


def test_line_table() -> None:
    state = line_state("# T\n\n  - [a](u)\n   ", _MD, {}, [])
    # the blank last line without "\n" has no entry; the end of the text has one
    assert (state.bMarks, state.eMarks, state.tShift, state.sCount, state.lineMax) == (
        [0, 4, 5, 19],
        [3, 4, 15, 19],
        [0, 0, 2, 0],
        [0, 0, 2, 0],
        3,
    )


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(["\n", " ", "  ", "\t", "a", "- ", "#"]), max_size=30))
def test_same_state_on_generated_text(pieces: list[str]) -> None:
    _same_state("".join(pieces))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
@pytest.mark.parametrize("path", corpus_lists(), ids=lambda p: p.stem)
def test_same_state_and_tokens_on_every_corpus_list(path: Path) -> None:
    # the block parser sees the text with its line breaks made "\n" (markdown-it's
    # normalize rule)
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
    _same_state(text)
    stock = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    stock.disable(["inline", "text_join"])
    ours = parse_blocks(text, compact=False).tokens
    assert [tok.as_dict() for tok in ours] == [tok.as_dict() for tok in stock.parse(text)]


def _stock_tokens(text: str) -> list[dict[str, object]]:
    stock = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    stock.disable(["inline", "text_join"])
    return [tok.as_dict() for tok in stock.parse(text)]


@pytest.mark.parametrize(
    "text",
    [
        "# T\n\n- [a](u)\n- b\n",  # nothing to normalise: the text is taken as it is
        "# T\r\n\r\n- [a](u)\r\n- b\r\n",
        "# T\r\r- [a](u)\r- b",
        "# T\n\n- [a](u) \0 x\n",
        "para\r\nnext\0\n\n| a | b |\r\n|---|---|\r\n| 1 | 2 |\n",
    ],
)
def test_tokens_as_stock_with_or_without_line_breaks_to_normalise(text: str) -> None:
    # ``markdown._normalize`` skips markdown-it-py's "normalize" rule on a text with no
    # carriage return and no NUL (where it changes nothing) and runs it on the others
    assert [tok.as_dict() for tok in parse_blocks(text, compact=False).tokens] == (
        _stock_tokens(text)
    )


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(["\n", "\r\n", "\r", "\0", " ", "a", "- ", "# ", "|"]), max_size=25)
)
def test_tokens_as_stock_on_generated_line_breaks(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert [tok.as_dict() for tok in parse_blocks(text, compact=False).tokens] == (
        _stock_tokens(text)
    )
