"""AL110 reads an entry's commas one by one (``comma_counts``), asking for the code spans
only past the first backtick; it must count what a walk over the entry's prose spans
(``entry_text_spans``) counts: the same spaced commas, the same glued ones."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_lint.parser.build import parse_document
from awesome_lint.parser.document import Entry
from awesome_lint.rules.al110_comma_spacing import _LETTERS, comma_counts
from awesome_lint.rules.common import entry_text_spans, prose_entries
from awesome_lint.source import SourceText

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "rules").glob("*/*.md"))


def _by_spans(text: str, entry: Entry) -> tuple[int, list[int]]:
    """The count as a walk over the prose spans makes it (AL110 before ``comma_counts``)."""
    spaced = 0
    glued: list[int] = []
    for start, end in entry_text_spans(text, entry):
        pos = text.find(",", start, end)
        while pos != -1 and pos + 1 < end:
            after = text[pos + 1]
            if after == " ":
                spaced += 1
            elif after in _LETTERS and pos > start and text[pos - 1] not in ", ":
                glued.append(pos)
            pos = text.find(",", pos + 1, end)
    return spaced, glued


def _compare(text: str) -> int:
    """Compare the two on every prose entry of ``text``; the number of commas seen."""
    document = parse_document(SourceText(text))
    seen = 0
    for entry in prose_entries(document):
        glued: list[int] = []
        spaced = comma_counts(text, entry, glued)
        assert (spaced, glued) == _by_spans(text, entry), text[slice(*entry.content)]
        seen += spaced + len(glued)
    return seen


def test_the_same_counts_on_every_corpus_list_and_fixture(corpus_files: list[Path]) -> None:
    seen = sum(_compare(path.read_text(encoding="utf-8")) for path in [*corpus_files, *FIXTURES])
    assert seen > 10_000  # (the corpus writes tens of thousands of commas)


def test_the_same_counts_on_written_cases() -> None:
    text = (
        "- [A,b](https://x.example/a,b) - one,two, three `c,d` four,five\n"
        "- [B](https://x.example) - `x`,y, `p, q`,z ,w\n"
        "- ![i,j](https://x.example/i.png),k - l,m [r](<https://x.example/a, b>),n\n"
        "- [C](https://x.example) - tail,`code`, end,\n"
    )
    assert _compare(text) == 8
    document = parse_document(SourceText(text))
    found = []
    for entry in prose_entries(document):
        glued: list[int] = []
        spaced = comma_counts(text, entry, glued)
        found.append((spaced, [text[pos - 1 : pos + 2] for pos in glued]))
    # link text is prose, its target and images and code spans are not; a comma right
    # after a code span or an image starts its prose span, so it is glued to nothing
    assert found == [
        (1, ["A,b", "e,t", "r,f"]),
        (1, []),
        (0, ["l,m", "),n"]),
        (1, []),
    ]


_PIECES = st.sampled_from(
    [
        *(",", ", ", "a", "B", "1", " ", "`", "``", "(", ")", "\\", "é", "[r]"),
        *("[t](https://x.example/u,v)", "![i](p.png)", "<https://x.example/,>"),
    ]
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.lists(_PIECES, max_size=14), min_size=1, max_size=4))
def test_the_same_counts_on_generated_entries(lines: list[list[str]]) -> None:
    text = "".join(
        f"- [N](https://x.example/{n}) - {''.join(parts)}\n" for n, parts in enumerate(lines)
    )
    _compare(text)
