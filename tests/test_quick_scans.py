"""Whole-text scans written to be searched quickly find exactly what the plain forms of
their patterns find: AL112's BibTeX braces (the brace first, the character before it
tested after it), AL504's code labels (a lookahead for the labels' first letters) and
odd arXiv addresses (one search, not a match per address)."""

from __future__ import annotations

import random
import re

import pytest

from awesome_lint.rules import al112_copy_artefact as artefact
from awesome_lint.rules import al504_broken_paper_link as paper_link

# The patterns as first written: the character before the brace tested first.
_BRACED = re.compile(r"(?<![\w$\\{^_])\{[A-Z][A-Za-z0-9-]+\}(?:\{[A-Z][A-Za-z0-9-]+\})*(?![\w}])")
_BRACED_CAPITAL = re.compile(r"(?<![\w$\\{^_])\{(?P<letter>[A-Z])\}(?=[a-z]{2})")
_PAIRS = [(artefact._BRACED, _BRACED), (artefact._BRACED_CAPITAL, _BRACED_CAPITAL)]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_braces_at_the_start_and_after_each_kind_of_character() -> None:
    text = "{USENIX} x{ATC} {{TVM}} ${NN} \\{GAN} ^{K} _{AB} é{AB} ({Ab}) {B}ayesian a{B}c"
    assert _spans(artefact._BRACED, text) == [(0, 8), (55, 59)]
    assert _spans(artefact._BRACED_CAPITAL, text) == [(61, 64)]
    for new, old in _PAIRS:
        assert _spans(new, text) == _spans(old, text)


def test_a_run_of_braces_after_a_refused_one() -> None:
    # "x{ABC}" is refused (a letter before it); "{DEF}" after it is a match of its own
    for new, old in _PAIRS:
        for text in ("x{ABC}{DEF}", "{ABC}{DEF}", "_{ABC}{DEF} {G}hi", "{A}{Bcd}ef"):
            assert _spans(new, text) == _spans(old, text)


@pytest.mark.parametrize("seed", range(20))
def test_generated_text(seed: int) -> None:
    rng = random.Random(seed)
    pieces = [
        "{",
        "}",
        "A",
        "Bc",
        "de",
        "x",
        "1",
        "-",
        "$",
        "\\",
        "^",
        "_",
        " ",
        "é",
        "{Ab}",
        "{C}",
    ]
    text = "".join(rng.choice(pieces) for _ in range(400))
    for new, old in _PAIRS:
        assert _spans(new, text) == _spans(old, text)


# AL504's label pattern without the lookahead, and its arXiv test as a loop.
_CODE_TO_PAPER = re.compile(paper_link._CODE_TO_PAPER.pattern.replace("(?=[cgijkmoprst])", "", 1))
_ARXIV_PATH = re.compile(r"arxiv\.org/")
# a good id, then what may end an address in Markdown (a query, a fragment, the link's
# ")", a blank, a quote, a cell's "|") or the text's end
_GOOD_IN_TEXT = re.compile(paper_link._GOOD_ID + r"(?:[?#)\s>\]\"'<|,;]|$)")
_OTHER_WORD_ID = re.compile(r"[\w-]{2,4}/\d{4}\.")


def _odd_arxiv_by_loop(text: str) -> bool:
    for m in _ARXIV_PATH.finditer(text):
        at = m.end()
        if text.startswith(("abs/", "pdf/"), at):
            if _GOOD_IN_TEXT.match(text, at + 4) is None:
                return True
        elif _OTHER_WORD_ID.match(text, at):
            return True  # `arxiv.org/1df/2509.07789`: another path word before an id
    return False


def test_code_labels_in_any_case() -> None:
    text = (
        "[Code](https://arxiv.org/abs/2401.00001) [[PyTorch]](http://arxiv.org/pdf/2401.00001) "
        "[\u212aeras](https://openreview.net/forum?id=x) "
        "[\u017fource code](https://dl.acm.org/doi/1) "
        "[Paper](https://arxiv.org/abs/2401.00001) [*official code*](https://aclanthology.org/x) "
        "[github](https://github.com/a/b) [ Repo ](https://link.springer.com/x)"
    )
    spans = _spans(paper_link._CODE_TO_PAPER, text)
    assert len(spans) == 6
    assert spans == _spans(_CODE_TO_PAPER, text)


@pytest.mark.parametrize("seed", range(20))
def test_generated_code_labels(seed: int) -> None:
    rng = random.Random(seed)
    pieces = [
        "[",
        "]",
        "(",
        ")",
        " ",
        "*",
        "_",
        "code",
        "Codes",
        "TF",
        "jax",
        "x",
        "official code",
        "https://",
        "arxiv.org/abs/",
        "dl.acm.org/doi/",
        "github.com/",
        "K",
        "\u212a",
        "eras",
    ]
    text = "".join(rng.choice(pieces) for _ in range(300))
    assert _spans(paper_link._CODE_TO_PAPER, text) == _spans(_CODE_TO_PAPER, text)


@pytest.mark.parametrize(
    ("text", "odd"),
    [
        ("", False),
        ("https://arxiv.org/abs/2401.12345 and arxiv.org/pdf/1412.1234v2.pdf", False),
        ("https://arxiv.org/abs/2401.1234", True),  # four digits after 2015
        ("https://arxiv.org/abs/2401.12345x", True),
        ("arxiv.org/abs/2401.12345. arxiv.org/pdf/2401.12345/", True),  # a period after it
        ("arxiv.org/abs/cs/0601001", True),  # an old id: read closely
        ("arxiv.org/abs/2401.12345v3)", False),
        ("arxiv.org/abs/2210.01776.pdf%3C/p%3E", True),  # an escape after it
        ("arxiv.org/pdf/1112.6209.pdf&embed", True),
        ("arxiv.org/abs/2401.12345?context=cs", False),
        ("arxiv.org/1df/2509.07789", True),  # another path word
        ("arxiv.org/list/2301.00003 arxiv.org/abs/2401.12345", True),
    ],
)
def test_odd_arxiv_addresses(text: str, odd: bool) -> None:
    assert _odd_arxiv_by_loop(text) is odd
    assert (paper_link._ODD_ARXIV_PATH.search(text) is not None) is odd


@pytest.mark.parametrize("seed", range(20))
def test_generated_arxiv_addresses(seed: int) -> None:
    rng = random.Random(seed)
    pieces = ["arxiv.org/abs/", "arxiv.org/pdf/", "2401", "1412", "0704", ".", "12345", "1234"]
    pieces += ["v2", ".pdf", "/", " ", "x", ")", "_", "%", "?a", "#b", "arxiv.org/", "1df/"]
    for _ in range(20):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12)))
        assert (paper_link._ODD_ARXIV_PATH.search(text) is not None) is _odd_arxiv_by_loop(text)


def test_artefact_characters() -> None:
    # the quick test for AL112's characters is the pattern's own set
    assert set(artefact._START_CHARS) == {
        c for c in map(chr, range(0x10000)) if artefact._START.match(c)
    }
