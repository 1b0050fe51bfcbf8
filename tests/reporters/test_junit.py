"""``junit``: well-formed JUnit XML with escaping."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.reporters import ReportOptions, write_report
from awesome_lint.results import FileResult
from awesome_lint.source import SourceText

from .conftest import sample_results


def render(results: list[FileResult]) -> str:
    out = io.StringIO()
    write_report("junit", results, out, ReportOptions())
    return out.getvalue()


def test_junit_exact_output() -> None:
    def case(file: str, code: str, name: str, line: int, col: int, message: str) -> str:
        return (
            f'    <testcase name="{code} {name} ({line}:{col})" classname="{file}" '
            f'file="{file}" line="{line}">\n'
            f'      <failure type="{code}" message="{message}">'
            f"{file}:{line}:{col}: {code} {message}</failure>\n"
            "    </testcase>\n"
        )

    escaped = "Heading level jumps from &lt;h1&gt; to &lt;h3&gt; &amp; skips &lt;h2&gt;"
    assert render(sample_results()) == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<testsuites name="awesome-lint" tests="8" failures="6" errors="1">\n'
        '  <testsuite name="README.md" tests="2" failures="2" errors="0">\n'
        + case("README.md", "AL501", "insecure-link", 3, 16, "Insecure link: use https")
        + '    <testcase name="AL202 venue-alias (3:55)" classname="README.md" '
        'file="README.md" line="3">\n'
        '      <failure type="AL202" '
        'message="NIPS\'17: old name of NeurIPS, 100% sure&#10;(renamed in 2018)">'
        "README.md:3:55: AL202 NIPS'17: old name of NeurIPS, 100% sure\n"
        "(renamed in 2018)</failure>\n"
        "    </testcase>\n"
        "  </testsuite>\n"
        '  <testsuite name="broken.md" tests="1" failures="0" errors="1">\n'
        '    <testcase name="read" classname="broken.md" file="broken.md">\n'
        '      <error message="not valid UTF-8 (byte 0xff at offset 3)">'
        "broken.md: not valid UTF-8 (byte 0xff at offset 3)</error>\n"
        "    </testcase>\n"
        "  </testsuite>\n"
        '  <testsuite name="clean.md" tests="1" failures="0" errors="0">\n'
        '    <testcase name="awesome-lint" classname="clean.md" file="clean.md" />\n'
        "  </testsuite>\n"
        '  <testsuite name="docs/papers.md" tests="4" failures="4" errors="0">\n'
        + case("docs/papers.md", "AL605", "heading-increment", 3, 1, escaped)
        + case(
            "docs/papers.md",
            "AL201",
            "venue-format",
            5,
            68,
            "Venue `osdi22` should be written `OSDI'22`",
        )
        + case(
            "docs/papers.md",
            "AL401",
            "duplicate-link",
            6,
            3,
            "Duplicate link `https://example.org/orca` in this section",
        )
        + case("docs/papers.md", "AL104", "trailing-whitespace", 6, 75, "Trailing whitespace")
        + "  </testsuite>\n"
        "</testsuites>\n"
    )


def test_junit_parses_back_to_the_original_text() -> None:
    root = ET.fromstring(render(sample_results()))
    failures = root.findall("./testsuite/testcase/failure")
    assert [f.get("type") for f in failures] == [
        "AL501",
        "AL202",
        "AL605",
        "AL201",
        "AL401",
        "AL104",
    ]
    assert failures[2].get("message") == "Heading level jumps from <h1> to <h3> & skips <h2>"
    assert (
        failures[1].get("message") == "NIPS'17: old name of NeurIPS, 100% sure\n(renamed in 2018)"
    )


def test_junit_replaces_characters_xml_cannot_carry() -> None:
    message = 'bad \x1b[31m escape "quoted" \x00 and \ud800'
    results = [FileResult("a\x07.md", SourceText("x\n"), [Diagnostic("AL999", "x", message, 0, 1)])]
    root = ET.fromstring(render(results))  # would raise on an invalid character
    failure = root.find("./testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == 'bad \ufffd[31m escape "quoted" \ufffd and \ufffd'
    suite = root.find("./testsuite")
    assert suite is not None
    assert suite.get("name") == "a\ufffd.md"


def test_junit_without_files() -> None:
    assert render([]) == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<testsuites name="awesome-lint" tests="0" failures="0" errors="0" />\n'
    )
