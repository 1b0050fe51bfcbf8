"""The simple-list block rule emits exactly the tokens markdown-it-py's list rule would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from awesome_lint.parser.build import parse_document
from awesome_lint.parser.fastlist import simple_list
from awesome_lint.source import SourceText
from conftest import corpus_lists

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
# every field of a token (the rule makes its tokens field by field)
_KEYS = (
    *("type", "tag", "nesting", "attrs", "map", "level", "children", "content", "markup"),
    *("info", "meta", "block", "hidden"),
)


def _parser(fast: bool) -> MarkdownIt:
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.disable("inline")
    if fast:
        md.block.ruler.before("list", "simple_list", simple_list)
    return md


SLOW, FAST = _parser(False), _parser(True)
_taken = {"lines": 0}


def _counting(state: Any, start: int, end: int, silent: bool) -> bool:
    done = simple_list(state, start, end, silent)
    if done:
        _taken["lines"] += state.line - start
    return done


COUNTING = _parser(False)
COUNTING.block.ruler.before("list", "simple_list", _counting)


def _tokens(md: MarkdownIt, text: str) -> list[tuple[object, ...]]:
    env: dict[str, Any] = {}
    out = [tuple(getattr(t, key) for key in _KEYS) for t in md.parse(text, env)]
    out.append(("references", tuple(sorted(env.get("references", {})))))
    return out


def _fast_lines(text: str) -> int:
    _taken["lines"] = 0
    COUNTING.parse(text)
    return _taken["lines"]


@pytest.mark.parametrize(
    ("text", "fast"),
    [
        ("- a\n- b\n", 2),
        ("- a\n  - b\n- c\n\n## H\n", 4),  # nested, and the blank line after it
        ("- a\n\n- b\n", 3),  # a loose list
        ("- a\n**Conference**\n- b\n", 3),  # a lazy continuation line
        ("- a\n- b\nplain\n\n", 4),  # ... and at the end
        ("- a\nplain\n  indented\n", 0),  # more of the item: left to markdown-it-py
        ("- a\n    - b\n", 0),  # indented four: left to markdown-it-py
        ("- a\n- # b\n", 0),  # a heading in an item
        ("- a\n- 2023. b\n", 0),  # an ordered list in an item
        ("- [a]: /u\n", 0),  # a link reference definition in an item
        ("- a\n* b\n", 1),  # another marker: another list (only that one is taken)
        ("> - a\n", 0),  # in a quote
        ("".join("  " * i + "- x\n" for i in range(5)), 5),  # nested four deep: taken
        ("".join("  " * i + "- x\n" for i in range(6)), 0),  # five deep: markdown-it-py's
        ("".join("  " * i + "- x\n" for i in range(40)), 0),  # beyond its nesting limit
        ("- a\n\n  text\n", 0),  # a second paragraph in the item
        # after blank lines, the marker not followed by a space opens no item: the list
        # ends there (a rule between sections, a paragraph)
        ("- a\n- b\n\n---\n", 3),
        ("- a\n\n\n--------------------\n\n## H\n", 3),
        ("* a\n\n***\n", 2),
        ("- a\n\n-b\n", 2),
        ("- a\n\n- - -\n", 0),  # a rule, or perhaps an item: left to markdown-it-py
        ("- a\n\n-\n", 0),  # an empty item
        ("- a\n\n-\tb\n", 0),
        # nested one tab a level (a tab reaches the next multiple of four columns: two
        # past the parent's content, as two more spaces are)
        ("- a\n\t- b\n\t\t- c\n\t- d\n- e\n", 5),
        ("- a\n\t- b\n\n\t- c\n", 4),
        ("- a\n\n\t- b\n", 3),
        ("- a\n\t- b\n  - c\n", 0),  # tabs, then spaces: left to markdown-it-py
        ("- a\n  - b\n\t- c\n", 0),  # spaces, then a tab
        ("- a\n \t- b\n", 0),  # a space and a tab
        ("- a\n\t\t- b\n", 0),  # two levels down at once
        ("\t- a\n", 0),  # indented code
        # HTML that interrupts the last item's paragraph ends the list
        ("<details>\n\n- a\n- b\n</details>\n", 2),
        ("- a\n  - b\n </details>\n", 2),
        ("- a\n<!-- end -->\n", 1),
        ("- a\n<span>lazy</span>\n", 0),  # inline HTML: a lazy line, left to markdown-it-py
        ("- a\n  </details>\n", 0),  # indented to the item's content
        # every item indented one to three spaces more (`` * [Name](url)``)
        (" * a\n * b\n\n## H\n", 3),
        ("   - a\n     - b\n       - c\n   - d\n", 4),
        (" - a\n\n - b\n", 3),
        ("    - a\n", 0),  # indented code
        (" - a\n- b\n", 0),  # a sibling indented less: left to markdown-it-py
        (" - a\n  - b\n", 0),  # one space deeper: a sibling, left to markdown-it-py
        (" - a\n\t- b\n", 0),  # a tab under an indented item
        (" - a\nlazy [b](u)\n", 2),
    ],
)
def test_what_the_rule_takes(text: str, fast: int) -> None:
    assert _fast_lines(text) == fast
    assert _tokens(FAST, text) == _tokens(SLOW, text)


_LINES = st.sampled_from(
    [
        "- [Title](https://a.org): sub | OSDI'22",
        "* [T](u) - Description.",
        "+ plain item",
        "- **Bold title** text",
        "- `code` item",
        "- 2023: a year",
        "- 2023. ordered inside",
        "- 1) ordered inside",
        "- # heading inside",
        "- > quote inside",
        "- <div>html</div>",
        "- ```",
        "- ---",
        "- - nested on one line",
        "- * * *",
        "- [ref]: https://r.org",
        "- | a | b |",
        "-",
        "-  two spaces",
        "-\ttab",
        "  - [Child](https://c.org)",
        "  - [Child](https://c.org) <!-- note -->\t",
        "   \t- [Grandchild](https://g.org)  ",
        "[More](https://m.org) on a lazy line",
        "- [[Nested]](https://n.org) a stray ] and [x](https://x.org/a(1))",
        "- [A](https://a.org) `[B](https://b.org)` \\[C](https://c.org)",
        "  * child star",
        "    - [Grandchild](https://g.org)",
        "   - three spaces",
        "\t- tab indented",
        "\t\t- [Two tabs](https://t.org)",
        "\t* tab star",
        " \t- space tab",
        " - one space",
        " * [One space](https://o.org) star",
        "   - three spaces, [x](https://x.org)",
        "     - [Five](https://f.org)",
        "**Conference**",
        "for Adversarial Domain Adaptation [[ICCV2021]](https://x.org)",
        "](https://arxiv.org/abs/2308.08500)",
        "[Link](https://l.org) text",
        "(note)",
        "!image",
        "plain paragraph text",
        "",
        "",
        "",
        "## Heading",
        "#NotHeading",
        "Setext",
        "===",
        "---",
        "--------------------",
        "-not an item",
        "*emphasis*",
        "***",
        "```",
        "~~~",
        "    indented code",
        "> quote",
        "<!-- comment -->",
        "<details>",
        "</details>",
        " </details>",
        "<summary>2023</summary>",
        "<span>inline</span>",
        "| a | b |",
        "|---|---|",
        "1. ordered",
        "2. ordered two",
        "[ref]: https://r.org",
        "  continuation two",
    ]
)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINES, min_size=1, max_size=25), st.sampled_from(["\n", "\r\n"]))
def test_same_tokens_on_generated_markdown(lines: list[str], eol: str) -> None:
    text = eol.join(lines) + eol
    assert _tokens(FAST, text) == _tokens(SLOW, text)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
@pytest.mark.parametrize("path", corpus_lists(), ids=lambda p: p.stem)
def test_same_tokens_on_every_corpus_list(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert _tokens(FAST, text) == _tokens(SLOW, text)


# The linter parses with ``compact_list``: one token a simple list, which
# ``parser.build`` turns into entries itself. The document it builds must be the one
# built from markdown-it-py's own list tokens.


def _document(text: str, compact: bool) -> tuple[object, ...]:
    document = parse_document(SourceText(text), compact=compact)
    entries = document.entries()
    ids: dict[int, int] = {}  # list ids are opaque: numbered in order of first use
    rows = []
    for entry in entries:
        fields = tuple(
            getattr(entry, name)
            for name in entry._fields
            if name not in ("children", "parent", "section", "list_id")
        )
        rows.append(
            (
                fields,
                ids.setdefault(entry.list_id, len(ids)),
                None if entry.parent is None else entry.parent.line,
                [child.line for child in entry.children],
                None if entry.section is None else entry.section.start_line,
            )
        )
    sections = [
        (s.heading, s.start_line, s.end_line, s.anchor, [e.line for e in s.entries])
        for s in document.sections
    ]
    return (
        rows,
        sections,
        document.blocks,
        document.headings,
        document.links,
        document.code_lines,
        document.html_lines,
        document.references,
        document.nesting_cut,
    )


@pytest.mark.parametrize(
    "text",
    [
        "- [A](https://a.org): sub | OSDI'22\n  - [B](https://b.org)\n    - c\n- d\n",
        "- a\n  - b\n- c\n  - d\n  * e\n\n## H\n\n- x\n\n- y\n",  # nested lists, a loose one
        "- a\n**Conference**\n- [b](u) [c](v)\nmore [d](w)\n\n\n",  # lazy lines, blank end
        "- [T](https://t.org)   \n- [x] <!-- note -->\n",  # trailing blanks, a comment
        "- a\n  - b\n   \t- [c](https://c.org)  \n- d\n",  # a tab that takes one column
        "- [A](https://a.org)\n\t- [B](https://b.org) x\n\t\t* c  \n\t- d\n- e\n",  # tabs
        " * [A](https://a.org) x\n   * [B](https://b.org)\n * c \n",  # one space more
        # links on lazy lines; a nested item's comment and blanks; blank lines at the end
        "- [a](https://a.org) x\n[b](https://b.org) more\n  - [c](u) <!-- n -->\t\n\n\n",
    ],
)
def test_same_document_from_compact_lists(text: str) -> None:
    assert _fast_lines(text) > 0
    assert _document(text, compact=True) == _document(text, compact=False)


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINES, min_size=1, max_size=25), st.sampled_from(["\n", "\r\n"]))
def test_same_document_on_generated_markdown(lines: list[str], eol: str) -> None:
    text = eol.join(lines) + eol
    assert _document(text, compact=True) == _document(text, compact=False)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
@pytest.mark.parametrize("path", corpus_lists(), ids=lambda p: p.stem)
def test_same_document_on_every_corpus_list(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert _document(text, compact=True) == _document(text, compact=False)
