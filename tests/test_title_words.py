"""The field's title words (``domain/title_words.txt``) and AL118's use of them."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from awesome_lint.domain.words import DATA_FILE, field_words, title_spots, word_counts
from awesome_lint.parser.build import parse_document
from awesome_lint.rules.al118_title_typo import TitleTypo, _deletions, _doubled, _near
from awesome_lint.rules.base import Context
from awesome_lint.source import SourceText

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


def test_word_counts_count_a_title_written_twice_twice_in_first_use_order() -> None:
    text = (
        "# Efficient Systems\n\n"
        "- [Serving Large Models](https://arxiv.org/abs/2401.00001), ICML 2024.\n"
        "- [Large Models Everywhere](https://arxiv.org/abs/2401.00002), ICML 2024.\n"
        "- [Serving Large Models](https://arxiv.org/abs/2401.00003), ICML 2024.\n"
    )
    words = word_counts(title_spots(parse_document(SourceText(text))))
    assert list(words.items()) == [
        ("serving", 2),
        ("large", 3),
        ("models", 3),
        ("everywhere", 1),
        ("efficient", 1),
        ("systems", 1),
    ]


def test_the_neighbours_of_a_word_are_the_words_sharing_a_deletion_with_it() -> None:
    indexed = ["language", "languages", "lnaguage", "quantization", "luggage", "langauge"]
    index = _deletions(indexed)
    for word in ("languge", "langauge", "languagze", "quantisation", "quantizations", "lemon"):
        expected = sorted(
            w
            for w in indexed
            if w != word
            and {w, *(w[:i] + w[i + 1 :] for i in range(len(w)))}
            & {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}
        )
        assert _near(word, index) == expected
    assert _near("languge", index) == ["langauge", "language"]
    assert _near("langauge", index) == ["language"]
    assert _near("lemon", index) == []


def _paragraph_list(note: str) -> str:
    """Sixteen papers written as paragraphs (a line of notes under each title), then
    a paragraph of prose."""
    papers = "".join(
        f"[Efficient Language Models for Task {n}](https://arxiv.org/abs/2401.{n:05d}) ICML 2024\n"
        f"{note}\n\n"
        for n in range(16)
    )
    return f"# Papers\n\n{papers}These are Languge papers.\n"


def test_a_slip_in_the_prose_is_found_and_the_lines_of_paragraph_entries_are_not_prose() -> None:
    expected = [
        (
            "AL118",
            51,
            11,
            "'Languge' looks like a misspelling of 'Language' (16 times in this file's titles"
            " and headings; 20 known lists write it)",
        )
    ]
    # the notes under the titles are the entries' lines, not prose: the slip is
    # written once in the prose (counted with the notes it would be written 17 times,
    # and be no slip), and reported there only
    for note in ("Notes on the work.", "A Languge study."):
        document = parse_document(SourceText(_paragraph_list(note)))
        assert document.entries()[0].kind == "paragraph"
        assert document.entries()[0].end_line == 3
        found = [
            (d.code, *document.source.position(d.start), d.message)
            for d in TitleTypo().check(document, Context())
        ]
        assert found == expected
