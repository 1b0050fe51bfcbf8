"""A fix that only puts a list's items in another order (AL301's sort) is judged
without a parse when ``fixer._permuted_shapes`` can show the parse would be the old one
with the items reordered: whenever it answers, a parse of the fixed text must agree."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesome_lint.diagnostics import Edit, Fix
from awesome_lint.fixer import (
    _blank_or_tab_line,
    _keeps_invariants,
    _permuted_shapes,
    _Shape,
    splice,
    verified_fixes,
)
from awesome_lint.linting import lint_document
from awesome_lint.parser.build import parse_document
from awesome_lint.parser.document import Document, Entry
from awesome_lint.settings import Settings
from awesome_lint.source import SourceText
from conftest import corpus_lists

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _runs(document: Document) -> list[list[Entry]]:
    """Every run of two or more sibling items, each starting on the line after the one
    before ends (what AL301 sorts), at every depth."""
    runs: list[list[Entry]] = []
    current: list[Entry] = []

    def close() -> None:
        if len(current) >= 2:
            runs.append(list(current))
        current.clear()

    def walk(items: list[Entry]) -> None:
        for entry in items:
            if entry.kind != "item" or entry.ordered:
                close()
            elif current and (
                entry.list_id != current[-1].list_id or entry.line != current[-1].end_line + 1
            ):
                close()
                current.append(entry)
            else:
                current.append(entry)
        close()
        for entry in items:
            walk(entry.children)

    for section in document.sections:
        walk(section.entries)
    return runs


def _reorder(document: Document, run: list[Entry], order: list[int]) -> Fix:
    """The fix that puts the items of ``run`` in ``order`` (their blocks of lines)."""
    source = document.source
    lines = source.lines

    def block(entry: Entry) -> str:
        return source.text[lines[entry.line].start : lines[entry.end_line].next_start]

    start = lines[run[0].line].start
    end = lines[run[-1].end_line].next_start
    content = "".join(block(run[i]) for i in order)
    return Fix("Sort the list", edits=(Edit(start, end, content),), rewrites_urls=True)


def _facts(document: Document) -> Counter[tuple[object, ...]]:
    """The entries up to order: each one's first line, size, depth and what the scanner
    made of it."""
    source = document.source
    return Counter(
        (
            source.line_text(e.line),
            e.end_line - e.line,
            e.depth,
            e.parsed,
            e.toc,
            e.kind,
            tuple(link.url_value for link in e.links),
        )
        for e in document.entries()
    )


def _check(document: Document, fix: Fix) -> bool:
    """Whether the shortcut answered for ``fix``; when it did, that a parse agrees: the
    whole text's shape is the old one with the range's URLs replaced, and the entries
    are the old ones up to order."""
    shapes = _permuted_shapes(document, fix)
    if shapes is None:
        return False
    old_part, new_part = shapes
    source = document.source
    edit = fix.edits[0]
    before = _Shape.of(document)
    after_document = parse_document(SourceText(splice(source.text, list(fix.edits)), bom=False))
    after = _Shape.of(after_document)
    head = sum(1 for link in document.links if link.start < edit.start)
    tail = sum(1 for link in document.links if link.start >= edit.end)
    assert before.urls[head : len(before.urls) - tail] == old_part.urls
    assert after.urls == before.urls[:head] + new_part.urls + before.urls[len(before.urls) - tail :]
    assert after.entries == before.entries
    assert old_part.entries == new_part.entries
    assert after.structure == before.structure
    assert _facts(after_document) == _facts(document)
    assert _keeps_invariants(old_part, new_part, [fix]) == _keeps_invariants(before, after, [fix])
    return True


def _orders(count: int) -> list[list[int]]:
    """Reversed, and rotated by one."""
    return [list(reversed(range(count))), [*range(1, count), 0]]


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
def test_the_shortcut_agrees_with_a_parse_on_every_corpus_list() -> None:
    answered = asked = 0
    for path in corpus_lists():
        document = parse_document(SourceText(path.read_text(encoding="utf-8")))
        fixes = [d.fix for d in lint_document(document, Settings.default(), str(path))]
        sorts = [fix for fix in fixes if fix is not None and fix.message == "Sort the list"]
        # and a sample of the file's lists reordered (each check parses the whole file)
        runs = _runs(document)
        sample = runs[:: max(1, len(runs) // 8)]
        sorts += [_reorder(document, run, _orders(len(run))[i % 2]) for i, run in enumerate(sample)]
        for fix in sorts:
            asked += 1
            answered += _check(document, fix)
    # it answers for most, and not for all (lists with reference definitions, loose lists,
    # nested lists followed by their parent's next item)
    assert asked > 150
    assert asked / 2 < answered < asked


def test_a_tight_list_is_judged_without_a_parse() -> None:
    text = (
        "# List\n\n"
        "- [B](https://b.org) two\n"
        "  more about B\n"
        "  - [B1](https://b1.org)\n"
        "- [A](https://a.org) one\n"
        "lazy [line](https://l.org)\n"
        "- [C](https://c.org) three\n"
        "\n"
        "After.\n"
    )
    document = parse_document(SourceText(text))
    (run,) = _runs(document)
    fix = _reorder(document, run, [1, 0, 2])
    shapes = _permuted_shapes(document, fix)
    assert shapes == (
        _Shape(
            4,
            ("https://b.org", "https://b1.org", "https://a.org", "https://l.org", "https://c.org"),
        ),
        _Shape(
            4,
            ("https://a.org", "https://l.org", "https://b.org", "https://b1.org", "https://c.org"),
        ),
    )
    assert _check(document, fix)
    # one parse fewer, the same answer: the fix is kept
    found = [d for d in lint_document(document, Settings.default(), "x") if d.fix is not None]
    assert verified_fixes(document, found) == found


def _variant(text: str) -> bool:
    """Whether the shortcut answers for reversing the top-level items of ``text``
    (lines of one list or not)."""
    document = parse_document(SourceText(text))
    items = [entry for entry in document.entries() if entry.depth == 0]
    return _check(document, _reorder(document, items, _orders(len(items))[0]))


_PLAIN = "- [A](https://a.org)\n- [B](https://b.org)\n- [C](https://c.org)\n"


@pytest.mark.parametrize(
    ("text", "answers"),
    [
        (_PLAIN, True),
        (_PLAIN + "\n", True),
        (_PLAIN + "\nNext.\n", True),
        (_PLAIN.replace("\n", "\r\n") + "\r\n## Next\r\n", True),
        (_PLAIN.replace("\n", "\r"), True),
        # a lazy continuation line moves with its item
        (_PLAIN + "tail\n", True),
        # a line right after the list is left to a parse (it could be one of the new
        # last item)
        (_PLAIN + "> tail\n", False),
        # as here: after the thematic break in B no paragraph is open, so "tail" is none
        # of B's; after A it would be a lazy continuation line
        ("- [A](https://a.org)\n- [B](https://b.org)\n  - - -\ntail\n", False),
        # after a blank line, a line indented to the items' content continues the last
        (_PLAIN + "\n  more\n", False),
        (_PLAIN.replace("- [B]", "* [B]"), False),  # another bullet: another list
        (_PLAIN.replace("- [B]", "-  [B]"), False),  # another content column
        (_PLAIN.replace("- [B]", "-\t[B]"), False),  # a tab
        (_PLAIN.replace("- [B](https://b.org)", "- [B](https://b.org)\n\tx"), False),
        (_PLAIN + "\n[r]: https://r.org\n", False),  # reference definitions
        (_PLAIN.replace("- [B](https://b.org)\n", "- [B]\n  <div>\n"), False),  # HTML
        (_PLAIN.replace("- [B](https://b.org)\n", "- [B]\n  ```\n  x\n  ```\n"), False),
        (_PLAIN.replace("- [A](https://a.org)\n", "- ==\n"), False),  # rule characters
        (_PLAIN.replace("- [A](https://a.org)\n", "- [A](https://a.org)\n  # H\n"), False),
        ("1. [A](https://a.org)\n2. [B](https://b.org)\n", False),  # numbered
    ],
)
def test_when_the_shortcut_answers(text: str, answers: bool) -> None:
    assert _variant(text) is answers


_FIRST = st.tuples(
    st.sampled_from(["", "", "", " ", "  "]),
    st.sampled_from(["-", "-", "-", "*", "+"]),
    st.sampled_from([" "] * 6 + ["  ", "     ", "\t"]),
)
# Content that keeps a list simple, and content that makes it anything but (all of
# this drawn a third as often as all the simple)
_SIMPLE = [
    "[A](https://a.org/1) one",
    "[B](https://b.org/2)",
    "more [D](https://d.org/4)",
    "**C** [c](https://c.org)",
    "text",
    "- [S](https://s.org)",
    "`code`",
]
_ODD = [
    "[ref][r] x",
    "- - -",
    "---",
    "===",
    "# h",
    "> q [q](https://q.org)",
    "```",
    "<div>",
    "<!-- c -->",
    "[r]: https://r.org",
    "| a | b |",
    "|---|---|",
    "1. n",
    "",
]
_CONTENT = st.sampled_from(_SIMPLE * (3 * len(_ODD) // len(_SIMPLE)) + _ODD)
_INDENT = st.sampled_from(["  "] * 6 + ["", "", " ", "   ", "    ", "      ", "\t"])
_BLOCK = st.tuples(_FIRST, _CONTENT, st.lists(st.tuples(_INDENT, _CONTENT), max_size=2))
# mostly blocks that make a tight list, some a loose one
_BLANK_AFTER = st.sampled_from([False, False, False, False, False, True])
_AROUND = st.sampled_from(
    ["", "\n", "# Title\n\n", "Some text\n", "\nNext.\n", "\n## H\n"] * 2
    + [
        "",
        "\n",
        "# Title\n\n",
        "Some text\n",
        "| a | b |\n",
        "> quote\n",
        "```\n",
        "<div>\n",
        "[r]: https://r.org\n\n",
        "- [P](https://p.org)\n",
        "\n  indented\n",
        "\n    code\n",
        "\nNext.\n",
        "tail\n",
        "## H\n",
    ]
)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    _AROUND,
    st.lists(st.tuples(_BLOCK, _BLANK_AFTER), min_size=2, max_size=6),
    _AROUND,
    st.sampled_from(["\n", "\n", "\r\n", "\r"]),
    st.sampled_from([True, True, True, False]),  # every first line alike
    st.data(),
)
def test_the_shortcut_agrees_with_a_parse_on_generated_lists(
    before: str,
    blocks: list[tuple[tuple[tuple[str, str, str], str, list[tuple[str, str]]], bool]],
    after: str,
    newline: str,
    alike: bool,
    data: st.DataObject,
) -> None:
    lines: list[str] = []
    first_line: Callable[[tuple[str, str, str]], tuple[str, str, str]]
    first_line = (lambda _: blocks[0][0][0]) if alike else (lambda own: own)
    for (first, content, more), blank_after in blocks:
        indent, bullet, spacing = first_line(first)
        lines.append(f"{indent}{bullet}{spacing}{content}")
        lines += [f"{pad}{text}" for pad, text in more]
        if blank_after:
            lines.append("")
    text = (before + "\n".join(lines) + "\n" + after).replace("\n", newline)
    document = parse_document(SourceText(text))
    for run in _runs(document):
        order = data.draw(st.permutations(range(len(run))))
        _check(document, _reorder(document, run, order))


# What ``_blank_or_tab_line`` stands for, written as a search of the text of whole lines:
# a line starts at the start of the text or after a line break ("\n", or "\r" not
# followed by "\n"), then spaces, then a tab, or spaces and tabs up to a line break or
# the end of the text searched.
_BLANK_OR_TAB = re.compile(r"(?:\A|(?<=\n)|(?<=\r)(?!\n)) *(?:\t|[ \t]*(?:[\r\n]|\Z))")


@pytest.mark.parametrize(
    ("text", "first", "last", "found"),
    [
        ("- a\n- b\n", 0, 1, False),
        ("- a\n\n- b\n", 0, 2, True),
        ("- a\n \t \n- b\n", 0, 2, True),  # spaces and tabs only
        ("- a\n  \tx\n- b", 0, 2, True),  # indented with a tab
        ("- a\n  x\t\n- b", 0, 2, False),  # a tab later on the line
        ("- a\r\n\r\n- b", 1, 2, True),
        ("- a\r\n\r\n- b", 2, 2, False),
        ("\f\n\u00a0\n", 0, 1, False),  # other white space is content
    ],
)
def test_blank_or_tab_lines(text: str, first: int, last: int, found: bool) -> None:
    assert _blank_or_tab_line(SourceText(text), first, last) is found


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\r\nx-", max_size=40), st.data())
def test_blank_or_tab_lines_as_a_search_of_the_lines(text: str, data: st.DataObject) -> None:
    source = SourceText(text, bom=False)
    last = data.draw(st.integers(0, len(source.lines) - 1))
    first = data.draw(st.integers(0, last))
    lines = source.lines
    searched = _BLANK_OR_TAB.search(text, lines[first].start, lines[last].end) is not None
    assert _blank_or_tab_line(source, first, last) is searched
