"""The crafted inputs of bench/pathological.py at 1x, 10x and 100x: the same findings and
fixes at every size (their timings are printed by the bench, never asserted here)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from awesome_lint.api import fix_text, lint_text
from awesome_lint.config.selectors import resolve
from awesome_lint.parser.build import parse_document
from awesome_lint.parser.directives import parse_directives
from awesome_lint.settings import Settings
from awesome_lint.source import SourceText
from invariants import check_invariants

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from pathological import CASES

# every rule but the whole-list ones (badges, licence, contributing file, table of contents)
ALL = Settings(
    resolve(["ALL"], (), ["AL709", "AL710", "AL711", "AL712", "AL713"]), unsafe_fixes=True
)
ENTRY_CASES = {"shared-link-entries", "duplicate-entries", "broken-anchors", "link-headings"}

Finding = tuple[str, int, int, int, int]  # code, line, column, end line, end column


def expected(name: str, size: float, text: str) -> tuple[list[Finding], dict[str, int], str]:
    """(diagnostics, fixes applied, fixed text) that ``CASES[name](size)`` must give."""
    width = len(text.split("\n", 1)[0])
    rows = int(100 * size)
    table: dict[str, Callable[[], tuple[list[Finding], dict[str, int], str]]] = {
        "heading-end-spaces": lambda: ([("AL606", 1, 1, 1, width + 1)], {}, text),
        "heading-end-tabs": lambda: ([("AL606", 1, 1, 1, 5)], {}, text),
        "trailing-comment-openers": lambda: ([], {}, text),
        "comment-openers-closed": lambda: ([], {}, text),
        "title-separator-spaces": lambda: (
            [("AL105", 1, 23, 1, width)],
            {"AL105": 1},
            "- [A](https://e.org/a) x\n",
        ),
        "title-separator-tabs": lambda: (
            [("AL102", 1, 23, 1, width)],
            {"AL102": 1},
            "- [A](https://e.org/a): x\n",
        ),
        # (the comment is never closed: it hides the rest of the file, AL717)
        "directive-spaces": lambda: (
            [("AL717", 1, 1, 1, 5), ("AL104", 1, 36, 1, width + 1)],
            {"AL104": 1},
            "<!-- awesome-lint-disable-next-line\n",
        ),
        "remark-directive-spaces": lambda: (
            [("AL717", 1, 1, 1, 5), ("AL104", 1, 36, 1, width + 1)],
            {"AL104": 1},
            "<!--lint disable no-trailing-spaces\n",
        ),
        "directive-spaces-closed": lambda: ([("AL001", 1, 1, 1, width + 1)], {"AL001": 1}, ""),
        "note-parens": lambda: ([], {}, text),
        "note-angles": lambda: ([], {}, text),
        "note-mixed": lambda: ([], {}, text),
        "pipes-in-url": lambda: ([], {}, text),
        "shared-link-entries": lambda: ([("AL402", 4, 8, 4, 26)], {}, text),
        "links-one-entry": lambda: ([], {}, text),
        "venues-one-slot": lambda: ([], {}, text),
        "link-headings": lambda: ([], {}, text),
        "broken-anchors": lambda: (
            [
                (
                    "AL702",
                    3 + i,
                    11 + len(str(i)),
                    3 + i,
                    11 + len(str(i)) + len(f"#missing-part-{i}"),
                )
                for i in range(rows)
            ],
            {},
            text,
        ),
        "stray-parens-links": lambda: (
            _stray_parens(rows),
            {"AL715": rows},
            text.replace(")) ", ") ").replace("))\n", ")\n"),
        ),
        "stray-parens-run": lambda: (
            [("AL715", 1, 47, 1, width + 1)],
            {"AL715": 1},
            "- [A](https://e.org/a): x [b](https://e.org/b)\n",
        ),
        "duplicate-entries": lambda: (
            [("AL401", 3 + row, 10, 3 + row, 28) for row in range(1, rows)],
            {"AL401": rows - 1},
            "# L\n\n- [Same](https://e.org/same): Same title | OSDI'22\n",
        ),
    }
    return table[name]()


def _stray_parens(rows: int) -> list[Finding]:
    """AL715's findings on ``stray-parens-links``: the ")" after each of its links."""
    found: list[Finding] = []
    offset = len("- [A](https://e.org/a): x")
    for i in range(rows):
        offset += len(f" [b](https://e.org/{i})")
        found.append(("AL715", 1, offset + 1, 1, offset + 2))
        offset += 1
    return found


@pytest.mark.parametrize("factor", [1, 10, 100])
@pytest.mark.parametrize("name", sorted(CASES))
def test_same_result_at_every_size(name: str, factor: int) -> None:
    size = factor / 10 if name in ENTRY_CASES else factor  # 10 to 1,000 entries
    text = CASES[name](size)
    source = SourceText(text)
    findings = [
        (d.code, *source.position(d.start), *source.position(d.end)) for d in lint_text(source, ALL)
    ]
    outcome = fix_text(source, ALL)
    assert (findings, dict(outcome.fixed), outcome.source.text) == expected(name, size, text)
    if factor < 100:  # the 100x inputs are checked above; this re-fixes and re-parses
        check_invariants(text.encode())


@pytest.mark.parametrize("factor", [1, 10, 100])
def test_structure_of_the_crafted_lines(factor: int) -> None:
    heading = parse_document(SourceText(CASES["heading-end-tabs"](factor))).headings[0]
    assert (heading.text, heading.title) == ((3, 4), "a")
    closed = CASES["comment-openers-closed"](factor)
    entry = parse_document(SourceText(closed)).entries()[0]
    assert entry.comment == (closed.index("<!--"), len(closed) - 1)
    unclosed = CASES["trailing-comment-openers"](factor)
    entry = parse_document(SourceText(unclosed)).entries()[0]
    assert entry.comment is None
    assert entry.subtitle == (24, len(unclosed) - 1)
    directive = parse_directives(
        parse_document(SourceText(CASES["directive-spaces-closed"](factor)))
    )
    assert [(d.kind, d.names) for d in directive] == [("disable", ("AL102",))]
    url = CASES["pipes-in-url"](factor)
    entry = parse_document(SourceText(url)).entries()[0]
    assert (entry.venue_separator, entry.subtitle) == (None, (24, len(url) - 1))
