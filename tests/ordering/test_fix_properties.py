"""Property tests of the AL301 fix on generated sections: the fix keeps the
multiset of lines, leaves a sorted list and is idempotent."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_lint.api import fix_text, lint_text
from awesome_lint.config.loader import validate
from awesome_lint.config.selectors import resolve
from awesome_lint.settings import Settings
from awesome_lint.source import SourceText

VENUES = ("OSDI", "NSDI", "SOSP", "EuroSys")
EOLS = ("\n", "\r\n")


def _settings(order: str) -> Settings:
    values = validate({"rules": {"unsorted-entries": {"order": order}}}, "test")
    options = values["rules"]
    assert isinstance(options, dict)
    return Settings(resolve(["AL301"], [], []), options, unsafe_fixes=True)


@st.composite
def entry(draw: st.DrawFn, n: int) -> list[str]:
    title = draw(st.sampled_from(["Alpa", "the Orca", "GPT-2", "gpt-10", "Zeta", "Beta", "Ray"]))
    year = draw(st.one_of(st.none(), st.integers(15, 25)))
    venue = "" if year is None else f" | {draw(st.sampled_from(VENUES))}'{year}"
    lines = [f"- [{title}](https://example.org/{n}): Entry {n}{venue}"]
    if draw(st.booleans()):
        lines.append(f"  - [Code](https://example.org/code/{n})")
    if draw(st.booleans()):
        lines.append("  continued")
    return lines


@st.composite
def document(draw: st.DrawFn) -> str:
    count = draw(st.integers(2, 8))
    out = ["# List", "", "## Papers", ""]
    for n in range(count):
        out.extend(draw(entry(n)))
    out.extend(["", "## After", "", "- [Last](https://example.org/last): Last | OSDI'10"])
    eols = draw(st.lists(st.sampled_from(EOLS), min_size=len(out), max_size=len(out)))
    return "".join(line + eol for line, eol in zip(out, eols, strict=True))


@settings(max_examples=60, deadline=None)
@given(document(), st.sampled_from(["year-desc", "year-asc", "alphabetical"]))
def test_fix_keeps_lines_sorts_and_is_idempotent(text: str, order: str) -> None:
    config = _settings(order)
    source = SourceText(text)
    fixed = fix_text(source, config)
    before = Counter(text.splitlines(keepends=True))
    after = Counter(fixed.source.text.splitlines(keepends=True))
    assert after == before
    assert lint_text(fixed.source, config) == []
    again = fix_text(fixed.source, config)
    assert not again.changed
    assert again.source.text == fixed.source.text
