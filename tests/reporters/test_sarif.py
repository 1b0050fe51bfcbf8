"""``sarif``: validated against the official SARIF 2.1.0 schema, and exact values."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from awesome_lint import __version__
from awesome_lint.diagnostics import Diagnostic
from awesome_lint.reporters import ReportOptions, write_report
from awesome_lint.reporters.sarif import artifact_uri
from awesome_lint.results import FileResult
from awesome_lint.rules.base import Rule
from awesome_lint.source import SourceText

from .conftest import sample_results

SCHEMA_PATH = Path(__file__).parents[1] / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def render(results: list[FileResult]) -> dict[str, Any]:
    out = io.StringIO()
    write_report("sarif", results, out, ReportOptions())
    text = out.getvalue()
    assert text.endswith("}\n")
    log: dict[str, Any] = json.loads(text)
    return log


def region(start_line: int, start_column: int, end_line: int, end_column: int) -> dict[str, int]:
    return {
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
    }


def test_schema_is_the_official_draft4_schema(validator: Any) -> None:
    assert isinstance(validator, jsonschema.Draft4Validator)
    assert validator.schema["id"].endswith("/errata01/os/schemas/sarif-schema-2.1.0.json")


def test_sarif_validates(validator: Any) -> None:
    log = render(sample_results())
    validator.validate(log)
    empty = render([])
    validator.validate(empty)
    assert empty["runs"][0]["results"] == []
    assert empty["runs"][0]["invocations"] == [{"executionSuccessful": True}]


def test_validation_would_catch_a_broken_log(validator: Any) -> None:
    log = render(sample_results())
    log["runs"][0]["columnKind"] = "utf8Bytes"
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(log)
    log = render(sample_results())
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(log)


def test_sarif_run_and_driver() -> None:
    [run] = render(sample_results())["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "awesome-lint"
    assert driver["version"] == __version__
    assert driver["informationUri"] == "https://github.com/awesome-lint/awesome-lint"
    assert [(rule["id"], rule["name"]) for rule in driver["rules"]] == [
        ("AL104", "trailing-whitespace"),
        ("AL201", "venue-format"),
        ("AL202", "venue-alias"),
        ("AL401", "duplicate-link"),
        ("AL501", "insecure-link"),
        ("AL605", "heading-increment"),
    ]
    # every result points at its own rule
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    assert run["invocations"] == [
        {
            "executionSuccessful": False,
            "toolExecutionNotifications": [
                {
                    "level": "error",
                    "message": {"text": "not valid UTF-8 (byte 0xff at offset 3)"},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": "broken.md"}}}],
                }
            ],
        }
    ]


def test_sarif_results_exact() -> None:
    results = render(sample_results())["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["AL501", "AL202", "AL605", "AL201", "AL401", "AL104"]
    # code-point columns, not bytes: ’ and 标题 come before the URL
    assert results[0] == {
        "ruleId": "AL501",
        "ruleIndex": 4,
        "level": "error",
        "message": {"text": "Insecure link: use https"},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": "README.md"},
                    "region": region(3, 16, 3, 46),
                }
            }
        ],
        "fixes": [
            {
                "description": {"text": "Use `https://`"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": "README.md"},
                        "replacements": [
                            {
                                "deletedRegion": region(3, 16, 3, 20),
                                "insertedContent": {"text": "https"},
                            }
                        ],
                    }
                ],
                "properties": {"applicability": "safe"},
            }
        ],
    }
    assert "fixes" not in results[2]
    assert results[4]["relatedLocations"] == [
        {
            "id": 1,
            "message": {"text": "first copy"},
            "physicalLocation": {
                "artifactLocation": {"uri": "docs/papers.md"},
                "region": region(5, 3, 5, 35),
            },
        }
    ]
    deleted = results[4]["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"]
    assert deleted == region(6, 1, 7, 1)


def test_sarif_rule_descriptor_of_a_registered_rule(registered: type[Rule], validator: Any) -> None:
    log = render(sample_results())
    validator.validate(log)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules[1] == {
        "id": "AL201",
        "name": "venue-format",
        "shortDescription": {"text": "Venue names are spelled as in the registry"},
        "fullDescription": {"text": "Venue names are spelled as in the registry"},
        "help": {
            "text": "Venue names are spelled as in the registry.",
            "markdown": "Fake documentation.",
        },
        "helpUri": registered.url(),
    }
    assert "helpUri" not in rules[0]


def test_sarif_descriptor_of_a_real_rule_carries_its_documentation(
    validator: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import awesome_lint.rules as registry
    from awesome_lint.rules.al102_title_separator import TitleSeparator as rule

    monkeypatch.setitem(registry._BY_CODE, "AL102", registry.RuleInfo.of(rule))
    log = render(
        [FileResult("a.md", SourceText("x\n"), [Diagnostic("AL102", rule.name, "m", 0, 1)])]
    )
    validator.validate(log)
    [descriptor] = log["runs"][0]["tool"]["driver"]["rules"]
    assert descriptor["fullDescription"]["text"] == (
        "Checks the separator between an entry's link and its subtitle in the "
        "`[Title](url): subtitle` convention: `[T](u) : s`, `[T](u):s`, "
        "`[T](u)  :  s` and a colon caught inside the link text (`[T:](u) s`) "
        "all become `[T](u): s`. A colon of an emoji shortcode after the link "
        "(`[T](u) :movie_camera: - s`) or at the end of its text "
        "(`[Quay.io :heavy_dollar_sign:](u) - s`) is no separator."
    )
    assert descriptor["help"] == {"text": f"{rule.summary}.", "markdown": rule.doc()}


def test_sarif_relative_paths_get_the_source_root_base(validator: Any) -> None:
    out = io.StringIO()
    write_report("sarif", sample_results(), out, ReportOptions(root="/srv/repo"))
    log = json.loads(out.getvalue())
    validator.validate(log)
    run = log["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": "file:///srv/repo/"}}
    locations = [
        loc["physicalLocation"]["artifactLocation"]
        for result in run["results"]
        for loc in result["locations"]
    ]
    assert locations[0] == {"uri": "README.md", "uriBaseId": "%SRCROOT%"}
    assert all(loc["uriBaseId"] == "%SRCROOT%" for loc in locations)
    notification = run["invocations"][0]["toolExecutionNotifications"][0]
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "broken.md",
        "uriBaseId": "%SRCROOT%",
    }


def test_artifact_uris() -> None:
    assert artifact_uri("docs/papers.md") == "docs/papers.md"
    assert artifact_uri("docs\\my list.md") == "docs/my%20list.md"
    assert artifact_uri("论文.md") == "%E8%AE%BA%E6%96%87.md"
    assert artifact_uri("/tmp/a b.md") == "file:///tmp/a%20b.md"


def test_sarif_with_odd_file_names_validates(validator: Any) -> None:
    diagnostic = Diagnostic("AL999", "x", "m", 0, 0)
    log = render([FileResult("my list #1.md", SourceText(""), [diagnostic])])
    validator.validate(log)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location == {
        "artifactLocation": {"uri": "my%20list%20%231.md"},
        "region": region(1, 1, 1, 1),
    }
