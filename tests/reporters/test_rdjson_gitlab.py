"""``rdjson`` (UTF-8 byte columns) and ``gitlab`` (Code Quality with stable fingerprints)."""

from __future__ import annotations

import io
import json
from typing import Any

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.reporters import ReportOptions, write_report
from awesome_lint.results import FileResult
from awesome_lint.rules.base import Rule
from awesome_lint.source import SourceText

from .conftest import sample_results


def render(fmt: str, results: list[FileResult]) -> Any:
    out = io.StringIO()
    write_report(fmt, results, out, ReportOptions())
    text = out.getvalue()
    parsed = json.loads(text)
    assert text == json.dumps(parsed, indent=2, ensure_ascii=False) + "\n"
    return parsed


def rng(line: int, column: int, end_line: int, end_column: int) -> dict[str, Any]:
    return {
        "start": {"line": line, "column": column},
        "end": {"line": end_line, "column": end_column},
    }


def test_rdjson_exact_with_byte_columns() -> None:
    result = render("rdjson", sample_results())
    assert result["source"] == {
        "name": "awesome-lint",
        "url": "https://github.com/awesome-lint/awesome-lint",
    }
    assert result["severity"] == "ERROR"
    diagnostics = result["diagnostics"]
    assert len(diagnostics) == 6
    # "- [Paper’s 标题](" is 15 code points but 21 UTF-8 bytes (’ 3 bytes, 标 题 3 each)
    assert diagnostics[0] == {
        "message": "Insecure link: use https",
        "location": {"path": "README.md", "range": rng(3, 22, 3, 52)},
        "severity": "ERROR",
        "code": {"value": "AL501"},
        "suggestions": [{"range": rng(3, 22, 3, 26), "text": "https"}],
    }
    # ...and 大模型 adds 6 more bytes before the venue (code point column 55)
    assert diagnostics[1]["location"]["range"] == rng(3, 67, 3, 74)
    assert diagnostics[1]["message"] == "NIPS'17: old name of NeurIPS, 100% sure\n(renamed in 2018)"
    assert diagnostics[2] == {
        "message": "Heading level jumps from <h1> to <h3> & skips <h2>",
        "location": {"path": "docs/papers.md", "range": rng(3, 1, 3, 12)},
        "severity": "ERROR",
        "code": {"value": "AL605"},
    }
    assert diagnostics[4] == {
        "message": "Duplicate link `https://example.org/orca` in this section",
        "location": {"path": "docs/papers.md", "range": rng(6, 3, 6, 35)},
        "severity": "ERROR",
        "code": {"value": "AL401"},
        "suggestions": [{"range": rng(6, 1, 7, 1), "text": ""}],
        "related_locations": [
            {
                "message": "first copy",
                "location": {"path": "docs/papers.md", "range": rng(5, 3, 5, 35)},
            }
        ],
    }


def test_rdjson_code_url_of_a_registered_rule(registered: type[Rule]) -> None:
    diagnostics = render("rdjson", sample_results())["diagnostics"]
    assert diagnostics[3]["code"] == {"value": "AL201", "url": registered.url()}


def test_rdjson_empty() -> None:
    assert render("rdjson", [])["diagnostics"] == []


def test_gitlab_issues_exact_except_fingerprint() -> None:
    issues = render("gitlab", sample_results())
    fingerprints = [issue.pop("fingerprint") for issue in issues]
    assert all(len(f) == 32 and int(f, 16) >= 0 for f in fingerprints)
    assert len(set(fingerprints)) == len(fingerprints)
    assert issues[0] == {
        "description": "AL501 Insecure link: use https",
        "check_name": "AL501",
        "severity": "major",
        "location": {"path": "README.md", "lines": {"begin": 3, "end": 3}},
    }
    assert [(i["check_name"], i["location"]["path"], i["location"]["lines"]) for i in issues] == [
        ("AL501", "README.md", {"begin": 3, "end": 3}),
        ("AL202", "README.md", {"begin": 3, "end": 3}),
        ("AL605", "docs/papers.md", {"begin": 3, "end": 3}),
        ("AL201", "docs/papers.md", {"begin": 5, "end": 5}),
        ("AL401", "docs/papers.md", {"begin": 6, "end": 6}),
        ("AL104", "docs/papers.md", {"begin": 6, "end": 6}),
    ]


def entries_result(text: str, needle: str) -> list[FileResult]:
    diagnostics = []
    start = text.find(needle)
    while start != -1:
        diagnostics.append(Diagnostic("AL201", "venue-format", "bad venue", start, start + 6))
        start = text.find(needle, start + 1)
    return [FileResult("README.md", SourceText(text), diagnostics)]


def test_gitlab_fingerprints_are_stable_when_lines_move_and_unique_for_copies() -> None:
    text = "- [A](u): x | osdi22\n- [A](u): x | osdi22\n"
    before = [i["fingerprint"] for i in render("gitlab", entries_result(text, "osdi22"))]
    moved = "# New heading\n\n" + text
    after = [i["fingerprint"] for i in render("gitlab", entries_result(moved, "osdi22"))]
    assert before == after
    assert len(set(before)) == 2
    other = [
        i["fingerprint"] for i in render("gitlab", entries_result(text.replace("x", "y"), "osdi22"))
    ]
    assert not set(other) & set(before)


def test_gitlab_end_line_is_inclusive() -> None:
    text = "a\nb\n"
    result = [FileResult("f.md", SourceText(text), [Diagnostic("AL602", "x", "m", 2, 4)])]
    [issue] = render("gitlab", result)
    assert issue["location"]["lines"] == {"begin": 2, "end": 2}
