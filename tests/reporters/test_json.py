"""``json`` and ``json-lines``: the documented JSON shape, exact values and types."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from typing import Any

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.reporters import ReportOptions, write_report
from awesome_lint.results import FileResult
from awesome_lint.rules.base import Rule
from awesome_lint.source import SourceText

from .conftest import sample_results


def render(fmt: str, results: Sequence[FileResult]) -> str:
    out = io.StringIO()
    write_report(fmt, results, out, ReportOptions())
    return out.getvalue()


def pos(row: int, column: int) -> dict[str, int]:
    return {"row": row, "column": column}


EXPECTED: list[dict[str, Any]] = [
    {
        "code": "AL501",
        "name": "insecure-link",
        "message": "Insecure link: use https",
        "filename": "README.md",
        "location": pos(3, 16),
        "end_location": pos(3, 46),
        "fix": {
            "applicability": "safe",
            "message": "Use `https://`",
            "edits": [{"content": "https", "location": pos(3, 16), "end_location": pos(3, 20)}],
        },
        "url": None,
        "related": [],
        "severity": "error",
    },
    {
        "code": "AL202",
        "name": "venue-alias",
        "message": "NIPS'17: old name of NeurIPS, 100% sure\n(renamed in 2018)",
        "filename": "README.md",
        "location": pos(3, 55),
        "end_location": pos(3, 62),
        "fix": {
            "applicability": "unsafe",
            "message": "Rename to `NeurIPS'17`",
            "edits": [
                {"content": "NeurIPS'17", "location": pos(3, 55), "end_location": pos(3, 62)}
            ],
        },
        "url": None,
        "related": [],
        "severity": "error",
    },
    {
        "code": "AL605",
        "name": "heading-increment",
        "message": "Heading level jumps from <h1> to <h3> & skips <h2>",
        "filename": "docs/papers.md",
        "location": pos(3, 1),
        "end_location": pos(3, 12),
        "fix": None,
        "url": None,
        "related": [],
        "severity": "error",
    },
    {
        "code": "AL201",
        "name": "venue-format",
        "message": "Venue `osdi22` should be written `OSDI'22`",
        "filename": "docs/papers.md",
        "location": pos(5, 68),
        "end_location": pos(5, 74),
        "fix": {
            "applicability": "safe",
            "message": "Write `OSDI'22`",
            "edits": [{"content": "OSDI'22", "location": pos(5, 68), "end_location": pos(5, 74)}],
        },
        "url": None,
        "related": [],
        "severity": "error",
    },
    {
        "code": "AL401",
        "name": "duplicate-link",
        "message": "Duplicate link `https://example.org/orca` in this section",
        "filename": "docs/papers.md",
        "location": pos(6, 3),
        "end_location": pos(6, 35),
        "fix": {
            "applicability": "unsafe",
            "message": "Remove the duplicate entry",
            # the whole line with its line break: ends at the start of line 7
            "edits": [{"content": "", "location": pos(6, 1), "end_location": pos(7, 1)}],
        },
        "url": None,
        "related": [
            {
                "filename": "docs/papers.md",
                "location": pos(5, 3),
                "end_location": pos(5, 35),
                "message": "first copy",
            }
        ],
        "severity": "error",
    },
    {
        "code": "AL104",
        "name": "trailing-whitespace",
        "message": "Trailing whitespace",
        "filename": "docs/papers.md",
        "location": pos(6, 75),
        "end_location": pos(6, 77),
        "fix": {
            "applicability": "safe",
            "message": "Remove trailing whitespace",
            "edits": [{"content": "", "location": pos(6, 75), "end_location": pos(6, 77)}],
        },
        "url": None,
        "related": [],
        "severity": "error",
    },
]


def test_json_exact_output() -> None:
    text = render("json", sample_results())
    assert text == json.dumps(EXPECTED, indent=2, ensure_ascii=False) + "\n"
    assert json.loads(text) == EXPECTED


def test_json_keys_in_documented_order() -> None:
    [first, *_] = json.loads(render("json", sample_results()))
    assert list(first) == [
        "code",
        "name",
        "message",
        "filename",
        "location",
        "end_location",
        "fix",
        "url",
        "related",
        "severity",
    ]


def test_json_field_types() -> None:
    for obj in json.loads(render("json", sample_results())):
        for key in ("code", "name", "message", "filename"):
            assert isinstance(obj[key], str)
        for key in ("location", "end_location"):
            assert set(obj[key]) == {"row", "column"}
            assert all(type(v) is int and v >= 1 for v in obj[key].values())
        assert obj["url"] is None or isinstance(obj["url"], str)
        assert isinstance(obj["related"], list)
        fix = obj["fix"]
        if fix is not None:
            assert fix["applicability"] in ("safe", "unsafe")
            assert isinstance(fix["message"], str)
            assert all(
                set(edit) == {"content", "location", "end_location"} for edit in fix["edits"]
            )


def test_json_keeps_non_ascii_text_readable() -> None:
    diagnostic = Diagnostic("AL202", "venue-alias", "标题’s venue", 0, 1)
    results = [FileResult("论文.md", SourceText("x\n"), [diagnostic])]
    text = render("json", results)
    assert '"message": "标题’s venue"' in text
    assert '"filename": "论文.md"' in text


def test_json_empty_and_unreadable_files() -> None:
    assert render("json", []) == "[]\n"
    assert render("json", [FileResult("bad.md", None, error="binary file")]) == "[]\n"
    assert render("json-lines", [FileResult("bad.md", None, error="binary file")]) == ""


def test_json_lines_one_compact_object_per_line() -> None:
    text = render("json-lines", sample_results())
    lines = text.split("\n")
    assert lines[-1] == ""
    assert [json.loads(line) for line in lines[:-1]] == EXPECTED
    assert lines[2] == (
        '{"code":"AL605","name":"heading-increment",'
        '"message":"Heading level jumps from <h1> to <h3> & skips <h2>",'
        '"filename":"docs/papers.md","location":{"row":3,"column":1},'
        '"end_location":{"row":3,"column":12},"fix":null,"url":null,"related":[],"severity":"error"}'
    )


def test_url_is_the_registered_rule_doc_link(registered: type[Rule]) -> None:
    objects = json.loads(render("json", sample_results()))
    urls = {obj["code"]: obj["url"] for obj in objects}
    assert urls["AL201"] == (
        "https://github.com/awesome-lint/awesome-lint/blob/main/docs/rules.md#al201-venue-format"
    )
    assert urls["AL605"] is None


def test_json_lines_escapes_unicode_line_separators() -> None:
    diagnostic = Diagnostic("AL999", "x", "a\u2028b\x85c\u2029d", 0, 1)
    text = render("json-lines", [FileResult("f.md", SourceText("x\n"), [diagnostic])])
    assert len(text.splitlines()) == 1
    assert '"message":"a\\u2028b\\u0085c\\u2029d"' in text
    assert json.loads(text)["message"] == "a\u2028b\x85c\u2029d"
