"""A fix is checked by parsing only the units around its edits (``fixer._windows``):
the verdict must be the one a parse of the whole text gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesome_lint.diagnostics import Edit, Fix
from awesome_lint.fixer import (
    _inert,
    _keeps_invariants,
    _Shape,
    _units,
    _windows,
    _windows_keep,
    apply_fixes,
    verified_fixes,
)
from awesome_lint.linting import lint_document
from awesome_lint.parser.build import parse_document
from awesome_lint.parser.document import Document
from awesome_lint.settings import Settings
from awesome_lint.source import SourceText
from conftest import corpus_lists

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _full_verdict(document: Document, fixes: list[Fix]) -> bool:
    trial, _ = apply_fixes(document.source.text, fixes)
    after = parse_document(SourceText(trial, bom=document.source.bom))
    return _keeps_invariants(_Shape.of(document), _Shape.of(after), fixes)


def _sections(count: int) -> str:
    return "".join(
        f"## Part {n}\n\n"
        f"- [Alpha {n}](https://a.org/{n}): one | OSDI'22\n"
        f"- [Beta {n}](https://b.org/{n}): two | SOSP'21\n"
        f"- [Gamma {n}](https://c.org/{n}): three | ATC'20\n"
        f"- [Delta {n}](https://d.org/{n}): four | NSDI'19\n\n"
        for n in range(count)
    )


def test_a_fix_that_breaks_an_item_is_refused_on_its_window() -> None:
    text = "# List\n\n" + _sections(6)
    document = parse_document(SourceText(text))
    at = text.index("- [Gamma 3]")
    # without its marker the item is a lazy continuation line of the one before: one
    # entry fewer
    breaking = Fix("unmark", edits=(Edit(at, at + 2, ""),))
    harmless = Fix("spaces", edits=(Edit(at + 1, at + 2, "  "),))
    for fix, verdict in ((breaking, False), (harmless, True)):
        windows = _windows(document, [fix])
        # two items before Gamma 3 (Alpha 3) to two units after Delta 3 (Part 4 and its
        # first item): lines 26-33 of 44, not the whole file
        assert windows == [(25, 32)]
        assert _windows_keep(document, windows, [fix]) is verdict
        assert _full_verdict(document, [fix]) is verdict


def test_a_window_too_large_falls_back_to_the_whole_text() -> None:
    text = "# List\n\n" + _sections(2)
    document = parse_document(SourceText(text))
    assert _windows(document, [Fix("x", edits=(Edit(20, 21, "y"),))]) is None  # 7 blocks


def test_reference_definitions_mean_a_whole_parse() -> None:
    text = "# List\n\n" + _sections(6) + "[ref]: https://r.org\n"
    document = parse_document(SourceText(text))
    assert _windows(document, [Fix("x", edits=(Edit(20, 21, "y"),))]) is None


def test_a_duplicate_entry_is_still_offered_for_removal() -> None:
    # the removal of a whole item is checked on its window, and kept
    copy = "- [Alpha 3](https://a.org/3): one | OSDI'22\n"
    text = "# List\n\n" + _sections(6).replace(copy, copy + copy)
    document = parse_document(SourceText(text))
    found = lint_document(document, Settings.default(), "x.md")
    (fix,) = [d.fix for d in found if d.code == "AL401" and d.fix is not None]
    assert not _inert(document, fix)
    assert _windows(document, [fix]) == [(23, 32)]  # Part 3 to Part 4's first item
    kept = verified_fixes(document, found)
    assert [(d.code, *document.source.position(d.start), d.fix is not None) for d in kept] == [
        ("AL401", 27, 13, True),  # at the copy's link
        ("AL603", 45, 1, True),  # the blank line at the end
    ]


def test_a_window_never_opens_with_a_front_matter_fence() -> None:
    """Lines `---` / `---` in the middle of a file are thematic breaks; a window cut
    right above them would parse them as front matter (an opaque block) and judge a fix
    otherwise than the whole text does (found by the differential test below)."""
    code = "[Title](https://p.org/1), CVPR 2020 [[code]](https://g.com/x)\n"
    text = code + "\n---\n---\n## Heading\nSome paragraph text.\n" + "## Heading\n" * 6 + code * 2
    document = parse_document(SourceText(text))
    heading = text.index("## Heading")
    verdicts = []
    for at in (heading - 1, heading, heading + 1):
        fixes = [Fix("x", edits=(Edit(at, at, "\n"),))]
        windows = _windows(document, fixes)
        assert windows is not None
        for first, _last in windows:  # (the window does not open on a fence)
            assert document.source.line_text(first).strip() not in ("---", "+++")
        verdict = _windows_keep(document, windows, fixes)
        assert verdict == _full_verdict(document, fixes)
        verdicts.append(verdict)
    assert verdicts == [True, True, False]  # the last splits "## Heading" in two


# -- differential: windows against whole parses ------------------------------------------

_BLOCKS = st.sampled_from(
    [
        "## Heading\n",
        "Some paragraph text.\n",
        "[Title](https://p.org/1), CVPR 2020 [[code]](https://g.com/x)\n",
        "- [A](https://a.org): x | OSDI'22\n",
        "- [B](https://b.org)\n  - [C](https://c.org)\n",
        "1. **Title.** Venue 2020. [[pdf](https://p.org/2)]\n",
        "* item one\n* item two\n",
        "<!-- a comment -->\n",
        "```\ncode\n```\n",
        "> quoted [q](https://q.org)\n",
        "| a | b |\n|---|---|\n| [r](https://r.org) | 1 |\n",
        "\n",
        "\n",
        "---\n",
        "Setext\n===\n",
    ]
)
_INSERTS = st.sampled_from(["\n", " ", "    ", "-", "- ", "```", "<!--", "-->", "[", "]", "("])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_BLOCKS, min_size=10, max_size=30),
    st.lists(st.tuples(st.floats(0, 1), st.integers(0, 3), _INSERTS), min_size=1, max_size=3),
)
def test_windows_agree_with_whole_parses(
    blocks: list[str], edits: list[tuple[float, int, str]]
) -> None:
    text = "".join(blocks)
    document = parse_document(SourceText(text))
    fixes = []
    taken: set[int] = set()
    for where, length, content in edits:
        start = int(where * len(text))
        end = min(len(text), start + length)
        if taken.intersection(range(start - 1, end + 2)):
            continue
        taken.update(range(start, end + 1))
        fixes.append(Fix("x", edits=(Edit(start, end, content),)))
    windows = _windows(document, fixes)
    if windows is not None:
        assert _windows_keep(document, windows, fixes) == _full_verdict(document, fixes)


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
@pytest.mark.parametrize("path", corpus_lists(), ids=lambda p: p.stem)
def test_windows_agree_on_every_corpus_fix(path: Path) -> None:
    document = parse_document(SourceText(path.read_text(encoding="utf-8")))
    everything = Settings.default()
    everything.unsafe_fixes = True
    found = lint_document(document, everything, path.name)
    for diagnostic in found:
        fix = diagnostic.fix
        if fix is None or not fix.edits or _inert(document, fix):
            continue
        windows = _windows(document, [fix])
        if windows is not None:
            assert _windows_keep(document, windows, [fix]) == _full_verdict(document, [fix]), (
                diagnostic.code,
                diagnostic.line,
            )
    # an empty edit anywhere: every window's shape from the document is its own parse's
    for line in range(0, len(document.source.lines), 7):
        at = document.source.lines[line].start
        fix = Fix("none", edits=(Edit(at, at, ""),))
        windows = _windows(document, [fix])
        if windows is not None:
            assert _windows_keep(document, windows, [fix]), line


def _units_by_scan(document: Document) -> list[tuple[int, str]]:
    """``_units`` by its definition: every top-level block's first line, and in a list
    every top-level item that starts on a later line than the unit before it."""
    units: list[tuple[int, str]] = []
    entries = document.entries()
    for block in document.blocks:
        units.append((block.start_line, block.kind))
        if block.kind != "list":
            continue
        for entry in entries:
            inside = block.start_line < entry.line <= block.end_line
            if inside and entry.depth == 0 and entry.kind == "item" and units[-1][0] < entry.line:
                units.append((entry.line, "item"))
    return units


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
@pytest.mark.parametrize("path", corpus_lists(), ids=lambda p: p.stem)
def test_units_on_every_corpus_list(path: Path) -> None:
    document = parse_document(SourceText(path.read_text(encoding="utf-8")))
    assert _units(document) == _units_by_scan(document)


def test_units_of_nested_lists_and_blocks() -> None:
    text = "# T\n\n- a\n  - a1\n- b\n\npara\n\n1. one\n2. two\n\n> - quoted\n"
    document = parse_document(SourceText(text))
    expected = [
        (0, "heading"),
        (2, "list"),
        (4, "item"),
        (6, "paragraph"),
        (8, "list"),
        (9, "item"),
        (11, "blockquote"),
    ]
    assert _units(document) == expected == _units_by_scan(document)
