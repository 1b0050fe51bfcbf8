"""Long lists (issue 12): nothing the fixer does costs more than linear time or keeps
memory it is done with. Counts and equivalences only, never timings."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.fixer import _line_start, fix_text, verified_fixes
from awesome_lint.linting import lint_document
from awesome_lint.parser.build import parse_document
from awesome_lint.parser.document import Entry
from awesome_lint.settings import Settings
from awesome_lint.source import SourceText

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


def _papers(count: int, *, gap: str = "\n") -> str:
    """A paper list; every seventh entry has a title separator to fix (AL102)."""
    out = ["# Papers\n"]
    for i in range(count):
        if i % 50 == 0:
            out.append(f"\n## Part {i // 50}\n{gap}")
        sep = " : " if i % 7 == 0 else ": "
        out.append(f"- [Paper {i}](https://e.org/{i}){sep}Model {i} | OSDI'22\n")
    return "".join(out)


@contextmanager
def _no_automatic_collection() -> Iterator[None]:
    """As the command line runs (``cli._tune_gc``): only what reference counting frees is
    freed."""
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        if enabled:
            gc.enable()


def _entries_alive() -> int:
    """Entries in memory, garbage in reference cycles included."""
    return sum(1 for obj in gc.get_objects() if type(obj) is Entry)


def test_a_released_document_is_freed_without_the_collector() -> None:
    with _no_automatic_collection():
        document = parse_document(SourceText(_papers(200)))
        lint_document(document, Settings.default(), "x.md")  # fills the shared cache
        assert _entries_alive() >= 200
        document.release()
        del document
        assert _entries_alive() == 0


def test_the_fixer_lets_each_rounds_document_go() -> None:
    # the blank lines after each heading take two rounds: the extra ones go first
    # (AL602), then the spaces of the one left (AL104); three blank lines after half the
    # headings and four after the others, so that no number is the file's habit
    text = _papers(300, gap="\n  \n\n\n")
    for part in (1, 3, 5):
        text = text.replace(f"## Part {part}\n\n  \n\n\n", f"## Part {part}\n\n  \n\n")
    with _no_automatic_collection():
        outcome = fix_text(text, Settings.default(), "x.md")
        assert outcome.fixed == {"AL102": 43, "AL602": 6, "AL104": 6}
        assert len(outcome.rounds) == 2
        # three documents parsed: the first (``outcome.initial`` is checked on it when
        # read) and the last are kept, the middle one is let go
        assert _entries_alive() == 600
        assert outcome.initial
        assert _entries_alive() == 300  # the first, once its list is read (and trial parses)
        assert outcome.diagnostics == []
        assert _entries_alive() == 0  # the last, once its list is read


def test_diff_lets_the_fixed_text_s_document_go_before_the_initial_list() -> None:
    # what --diff does: only the initial list is read
    text = _papers(300).replace("](https://example.org/1): ", "]( https://example.org/1) : ")
    with _no_automatic_collection():
        outcome = fix_text(text, Settings.default(), "x.md")
        assert outcome.rounds and _entries_alive() == 600
        outcome.only_initial()
        assert _entries_alive() == 300
        assert outcome.initial
        assert _entries_alive() == 0
        with pytest.raises(RuntimeError):
            outcome.diagnostics  # noqa: B018  (read after only_initial: an error)


def test_a_trial_parse_is_let_go() -> None:
    # a reference definition means whole-text trial parses (no windows); a marker fix
    # (AL604) is not inert, so it is parsed
    text = _papers(200).replace("- [Paper 1]", "* [Paper 1]") + "\n[r]: https://r.org\n"
    with _no_automatic_collection():
        document = parse_document(SourceText(text))
        found = lint_document(document, Settings.default(), "x.md")
        assert [d.code for d in found if d.fix is not None].count("AL604") == 1
        kept = verified_fixes(document, found)
        assert [d.code for d in kept if d.fix is not None].count("AL604") == 1
        assert _entries_alive() == 200  # the document's own, no trial document's
