"""``github``: workflow commands with GitHub's escaping."""

from __future__ import annotations

import io

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.reporters import ReportOptions, write_report
from awesome_lint.reporters.github import escape_data, escape_property
from awesome_lint.results import FileResult
from awesome_lint.source import SourceText

from .conftest import sample_results


def render(results: list[FileResult]) -> str:
    out = io.StringIO()
    write_report("github", results, out, ReportOptions())
    return out.getvalue()


def test_github_exact_output() -> None:
    prefix = "::error title=awesome-lint "
    assert render(sample_results()) == (
        f"{prefix}(AL501),file=README.md,line=3,col=16,endLine=3,endColumn=46"
        "::Insecure link: use https\n"
        f"{prefix}(AL202),file=README.md,line=3,col=55,endLine=3,endColumn=62"
        "::NIPS'17: old name of NeurIPS, 100%25 sure%0A(renamed in 2018)\n"
        f"{prefix}(AL605),file=docs/papers.md,line=3,col=1,endLine=3,endColumn=12"
        "::Heading level jumps from <h1> to <h3> & skips <h2>\n"
        f"{prefix}(AL201),file=docs/papers.md,line=5,col=68,endLine=5,endColumn=74"
        "::Venue `osdi22` should be written `OSDI'22`\n"
        f"{prefix}(AL401),file=docs/papers.md,line=6,col=3,endLine=6,endColumn=35"
        "::Duplicate link `https://example.org/orca` in this section\n"
        f"{prefix}(AL104),file=docs/papers.md,line=6,col=75,endLine=6,endColumn=77"
        "::Trailing whitespace\n"
    )


def test_escaping_rules() -> None:
    assert escape_data("100%: a,b\r\nc") == "100%25: a,b%0D%0Ac"
    assert escape_property("100%: a,b\r\nc") == "100%25%3A a%2Cb%0D%0Ac"
    # "%" first: an encoded sequence in the input is not decoded by the runner
    assert escape_data("%0A") == "%250A"


def test_file_property_is_escaped() -> None:
    results = [
        FileResult("a,b:c%.md", SourceText("x\n"), [Diagnostic("AL999", "x", "m, n: 5%", 0, 1)])
    ]
    assert render(results) == (
        "::error title=awesome-lint (AL999),file=a%2Cb%3Ac%25.md,"
        "line=1,col=1,endLine=1,endColumn=2::m, n: 5%25\n"
    )


def test_github_prints_nothing_without_diagnostics() -> None:
    assert render([FileResult("bad.md", None, error="binary file")]) == ""
