"""A small fabricated result set shared by the reporter tests.

The rule registry is not consulted to build these diagnostics: codes, names and
spans are made up, but realistic. ``README.md`` has ``’`` and CJK characters
before its problems (code points vs UTF-8 bytes), ``docs/papers.md`` a duplicate
with a related location, ``broken.md`` an unreadable file, ``clean.md`` no problem.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from awesome_lint.diagnostics import Applicability, Diagnostic, Edit, Fix, Related
from awesome_lint.reporters import ReportOptions
from awesome_lint.results import FileResult
from awesome_lint.rules.base import Rule
from awesome_lint.source import SourceText

README = "# 论文列表\n\n- [Paper’s 标题](http://arxiv.org/abs/1234.5678): 大模型 | NIPS'17\n"
PAPERS = (
    "# Papers\n"
    "\n"
    "### Serving\n"
    "\n"
    "- [Orca](https://example.org/orca): A Distributed Serving System | osdi22\n"
    "- [Orca](https://example.org/orca): A Distributed Serving System | OSDI'22  \n"
)
GITHUB_MESSAGE = "NIPS'17: old name of NeurIPS, 100% sure\n(renamed in 2018)"
XML_MESSAGE = "Heading level jumps from <h1> to <h3> & skips <h2>"


def span(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def readme_result() -> FileResult:
    source = SourceText(README)
    url_start, url_end = span(README, "http://arxiv.org/abs/1234.5678")
    venue_start, venue_end = span(README, "NIPS'17")
    return FileResult(
        "README.md",
        source,
        [
            Diagnostic(
                "AL202",
                "venue-alias",
                GITHUB_MESSAGE,
                venue_start,
                venue_end,
                Fix.replace(
                    "Rename to `NeurIPS'17`",
                    venue_start,
                    venue_end,
                    "NeurIPS'17",
                    Applicability.UNSAFE,
                ),
            ),
            Diagnostic(
                "AL501",
                "insecure-link",
                "Insecure link: use https",
                url_start,
                url_end,
                Fix.replace(
                    "Use `https://`", url_start, url_start + 4, "https", rewrites_urls=True
                ),
            ),
        ],
    )


def papers_result() -> FileResult:
    source = SourceText(PAPERS)
    heading = span(PAPERS, "### Serving")
    first_link = span(PAPERS, "[Orca](https://example.org/orca)")
    second_link = span(PAPERS, "[Orca](https://example.org/orca)", 1)
    venue = span(PAPERS, "osdi22")
    spaces = span(PAPERS, "  \n")
    line6 = source.lines[5]
    return FileResult(
        "docs/papers.md",
        source,
        [
            Diagnostic(
                "AL104",
                "trailing-whitespace",
                "Trailing whitespace",
                spaces[0],
                spaces[0] + 2,
                Fix.replace("Remove trailing whitespace", spaces[0], spaces[0] + 2, ""),
            ),
            Diagnostic(
                "AL401",
                "duplicate-link",
                "Duplicate link `https://example.org/orca` in this section",
                *second_link,
                fix=Fix(
                    "Remove the duplicate entry",
                    (Edit(line6.start, line6.next_start, ""),),
                    Applicability.UNSAFE,
                    removes_entries=1,
                ),
                related=(Related(*first_link, "first copy"),),
            ),
            Diagnostic(
                "AL201",
                "venue-format",
                "Venue `osdi22` should be written `OSDI'22`",
                *venue,
                fix=Fix.replace("Write `OSDI'22`", *venue, "OSDI'22"),
            ),
            Diagnostic("AL605", "heading-increment", XML_MESSAGE, *heading),
        ],
    )


def sample_results() -> list[FileResult]:
    """Deliberately out of order: reporters sort by file name."""
    return [
        papers_result(),
        FileResult("clean.md", SourceText("# Clean\n")),
        FileResult("broken.md", None, error="not valid UTF-8 (byte 0xff at offset 3)"),
        readme_result(),
    ]


@pytest.fixture
def results() -> list[FileResult]:
    return sample_results()


@pytest.fixture
def options() -> ReportOptions:
    return ReportOptions()


class FakeVenueFormat(Rule):
    """Fake documentation."""

    code = "AL201"
    name = "venue-format"
    summary = "Venue names are spelled as in the registry"
    fix = "safe"


@pytest.fixture(autouse=True)
def no_registered_rules(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Reporter tests see an empty rule registry unless they ask for ``registered``.

    The fabricated diagnostics use real codes; whether those rules exist yet must
    not change the expected output (``url`` is null for an unregistered code).
    """
    import awesome_lint.rules as registry
    from awesome_lint.reporters.common import rule_url

    monkeypatch.setattr(registry, "_BY_CODE", {})
    monkeypatch.setattr(registry, "_BY_NAME", {})
    rule_url.cache_clear()
    yield
    rule_url.cache_clear()


@pytest.fixture
def registered(monkeypatch: pytest.MonkeyPatch) -> type[Rule]:
    """Register a fake AL201 (and nothing else) for the duration of a test."""
    import awesome_lint.rules as registry
    from awesome_lint.reporters.common import rule_url

    info = registry.RuleInfo.of(FakeVenueFormat)
    monkeypatch.setitem(registry._BY_CODE, "AL201", info)
    monkeypatch.setitem(registry._BY_NAME, "venue-format", info)
    rule_url.cache_clear()
    return FakeVenueFormat
