"""The link rules: registry, docs, and fixes that touch nothing but URLs (property tests)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.api import fix_text, lint_text
from awesome_lint.parser.build import parse_document
from awesome_lint.rules import RULES, get_rule
from awesome_lint.settings import Settings
from awesome_lint.source import SourceText

CODES = ("AL401", "AL402", "AL403", "AL501", "AL502", "AL503")


def test_registered_with_docs() -> None:
    for code in CODES:
        rule = get_rule(code)
        assert rule is not None and rule in RULES
        doc = rule.doc()
        for heading in ("## What it does", "## Why", "## Example", "## Fix safety", "## Options"):
            assert heading in doc, (code, heading)
    # AL503 is a default rule: by default it reports links to arXiv mirrors and links
    # against the file's own habit of linking one page
    arxiv_style = get_rule("arxiv-link-style")
    assert arxiv_style is not None and arxiv_style.default
    assert arxiv_style.option_defaults() == {"form": "consistent", "versions": "keep"}
    assert get_rule("duplicate-link").removes_entries  # type: ignore[union-attr]
    assert all(get_rule(c).rewrites_urls for c in ("AL501", "AL502", "AL503"))  # type: ignore[union-attr]


URL = st.sampled_from(
    [
        "http://arxiv.org/pdf/2104.07857v2.pdf",
        "https://www.arxiv.org/abs/2104.07857?utm_source=x",
        "https://arxiv.org/abs/2104.07858",
        "http://github.com/a/b?fbclid=1&tab=readme",
        "http://www.usenix.org/conference/osdi22/presentation/yu",
        "https://example.org/x?gclid=2",
        "http://example.org/plain",
        "https://dl.acm.org/doi/pdf/10.1145/3600006.3613165?casa_token=a:b",
    ]
)
ENTRY = st.tuples(
    st.sampled_from(["Orca", "vLLM: Paged", "Title **bold**"]),
    URL,
    st.sampled_from(["", ": sub | OSDI'22", " [[Code]](http://github.com/x/y?utm_medium=z)"]),
)


def _outside_urls(text: str) -> list[str]:
    document = parse_document(SourceText(text))
    parts, pos = [], 0
    for link in document.links:
        parts.append(text[pos : link.url[0]])
        pos = link.url[1]
    parts.append(text[pos:])
    return parts


@given(st.lists(ENTRY, min_size=1, max_size=6), st.sampled_from(["\n", "\r\n"]))
def test_url_fixes_touch_only_urls(entries: list[tuple[str, str, str]], eol: str) -> None:
    text = "## Papers" + eol + eol + "".join(f"- [{t}]({u}){s}{eol}" for t, u, s in entries)
    rules = tuple(get_rule(c) for c in ("AL501", "AL502", "AL503"))
    settings = Settings(rules, unsafe_fixes=True)  # type: ignore[arg-type]
    outcome = fix_text(text, settings)
    fixed = outcome.source.text
    assert _outside_urls(fixed) == _outside_urls(text)
    assert len(parse_document(outcome.source).links) == len(parse_document(SourceText(text)).links)
    assert fix_text(fixed, settings).source.text == fixed
    assert not [d for d in lint_text(fixed, settings) if d.fix is not None]
    assert not re.search(r"utm_|fbclid|casa_token|http://(?:www\.)?(?:arxiv|github|usenix)", fixed)


@given(st.lists(ENTRY, min_size=1, max_size=6))
def test_duplicate_fix_removes_only_whole_lines(entries: list[tuple[str, str, str]]) -> None:
    text = "## Papers\n\n" + "".join(f"- [{t}]({u}){s}\n" for t, u, s in entries)
    settings = Settings((get_rule("AL401"),), unsafe_fixes=True)  # type: ignore[arg-type]
    fixed = fix_text(text, settings).source.text
    before = text.splitlines(keepends=True)
    after = fixed.splitlines(keepends=True)
    # the fixed text is the original with some lines deleted, in order
    it = iter(before)
    assert all(any(line == candidate for candidate in it) for line in after)
    assert not [d for d in lint_text(fixed, settings) if d.fix is not None]
