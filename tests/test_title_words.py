"""The field's title words (``domain/title_words.txt``) and AL118's use of them."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from awesome_lint.domain.words import DATA_FILE, field_words
from awesome_lint.rules.al118_title_typo import _doubled

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / ".." / "shared" / "corpus"


def test_the_committed_words_are_a_fresh_build_of_the_corpus() -> None:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    spec = importlib.util.spec_from_file_location(
        "build_title_words", REPO / "scripts" / "build_title_words.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_title_words"] = module
    spec.loader.exec_module(module)
    assert module.build(CORPUS) == DATA_FILE.read_text(encoding="utf-8")


def test_the_words_hold_the_field_and_not_its_slips() -> None:
    words = field_words()
    assert words["interpretable"] == (5, 13)
    assert words["transformer"][0] >= 10
    # written by one list only: a slip, not a word of the field
    for slip in ("intepretable", "languagze", "reperesentation", "eficient"):
        assert slip not in words
    assert all(len(w) >= 7 and w.isalpha() and lists >= 2 for w, (lists, _) in words.items())


@pytest.mark.parametrize(
    ("rare", "common", "doubled"),
    [
        ("modelling", "modeling", True),
        ("transferrable", "transferable", True),
        ("labeled", "labelled", True),
        ("plattform", "platform", False),  # a doubled t is a slip
        ("natrural", "natural", False),
        ("evaulation", "evaluation", False),
    ],
)
def test_a_doubled_l_or_r_is_a_spelling_of_its_own(rare: str, common: str, doubled: bool) -> None:
    assert _doubled(rare, common) is doubled
