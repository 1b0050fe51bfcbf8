"""``sarif``: one SARIF 2.1.0 log with one run (columns in Unicode code points).

The driver lists a reporting descriptor for every code that occurs; each result
points to it by ``ruleId`` and ``ruleIndex``. Fixes become SARIF ``fixes`` with
the applicability in the fix's property bag. Files that could not be read become
tool execution notifications of the run's invocation.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from awesome_lint import HOMEPAGE, __version__
from awesome_lint.diagnostics import Diagnostic, Fix
from awesome_lint.reporters import ReportOptions
from awesome_lint.reporters.common import (
    TOOL_NAME,
    iter_diagnostics,
    rule_url,
    sorted_results,
)
from awesome_lint.results import FileResult
from awesome_lint.source import SourceText

SRCROOT = "%SRCROOT%"
SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)


def artifact_uri(filename: str) -> str:
    """A URI reference for a path: relative stays relative (with ``/``), absolute is file:."""
    path = Path(filename)
    if path.is_absolute():
        return path.as_uri()
    return quote(filename.replace("\\", "/"), safe="/")


def _region(source: SourceText, start: int, end: int) -> dict[str, int]:
    start_line, start_column = source.position(start)
    end_line, end_column = source.position(end)
    return {
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
    }


def _physical(uri: str, region: dict[str, int]) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}


def _rule_descriptor(code: str, name: str) -> dict[str, Any]:
    from awesome_lint.rules import get_rule

    rule = get_rule(code)
    if rule is None or rule.code != code:
        return {"id": code, "name": name, "shortDescription": {"text": name}}
    doc = rule.doc()
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": _what_it_does(doc) or rule.summary},
        "help": {"text": f"{rule.summary}.", "markdown": doc},
    }
    url = rule_url(code)
    if url is not None:
        descriptor["helpUri"] = url
    return descriptor


def _what_it_does(doc: str) -> str:
    """The plain text of a rule doc's "What it does" section, joined into one paragraph."""
    lines: list[str] = []
    inside = False
    for line in doc.splitlines():
        if line.startswith("## "):
            if inside:
                break
            inside = line.strip() == "## What it does"
        elif inside and line.strip():
            lines.append(line.strip())
    return " ".join(lines)


def _add_base_ids(node: Any) -> None:
    """Give every relative artifact location the ``%SRCROOT%`` base."""
    if isinstance(node, dict):
        location = node.get("artifactLocation")
        if isinstance(location, dict) and ":" not in location.get("uri", ":"):
            location["uriBaseId"] = SRCROOT
        for value in node.values():
            _add_base_ids(value)
    elif isinstance(node, list):
        for value in node:
            _add_base_ids(value)


def _fix(uri: str, source: SourceText, fix: Fix) -> dict[str, Any]:
    return {
        "description": {"text": fix.message},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": uri},
                "replacements": [
                    {
                        "deletedRegion": _region(source, edit.start, edit.end),
                        "insertedContent": {"text": edit.content},
                    }
                    for edit in sorted(fix.edits)
                ],
            }
        ],
        "properties": {"applicability": fix.applicability.value},
    }


LEVELS = {"error": "error", "warning": "warning", "info": "note"}  # by severity


def _result(
    uri: str, source: SourceText, diagnostic: Diagnostic, rule_index: int, severity: str = "error"
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "ruleIndex": rule_index,
        "level": LEVELS[severity],
        "message": {"text": diagnostic.message},
        "locations": [_physical(uri, _region(source, diagnostic.start, diagnostic.end))],
    }
    if diagnostic.related:
        result["relatedLocations"] = [
            {
                "id": number,
                "message": {"text": related.message},
                **_physical(uri, _region(source, related.start, related.end)),
            }
            for number, related in enumerate(diagnostic.related, start=1)
        ]
    if diagnostic.fix is not None:
        result["fixes"] = [_fix(uri, source, diagnostic.fix)]
    return result


def sarif_log(results: Sequence[FileResult], root: str | None = None) -> dict[str, Any]:
    """The SARIF log as plain JSON-ready data.

    With ``root`` (the repository root the relative paths start from), relative
    locations carry ``uriBaseId: %SRCROOT%`` and the run says where that is.
    """
    found = list(iter_diagnostics(results))
    names: dict[str, str] = {}
    for _file, _source, diagnostic in found:
        names.setdefault(diagnostic.code, diagnostic.name)
    codes = sorted(names)
    index = {code: position for position, code in enumerate(codes)}
    sarif_results = [
        _result(
            artifact_uri(result.filename),
            source,
            diagnostic,
            index[diagnostic.code],
            result.severity(diagnostic.code),
        )
        for result, source, diagnostic in found
    ]
    notifications = [
        {
            "level": "error",
            "message": {"text": result.error},
            "locations": [
                {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(result.filename)}}}
            ],
        }
        for result in sorted_results(results)
        if result.error is not None
    ]
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    log: dict[str, Any] = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": TOOL_NAME,
                        "version": __version__,
                        "informationUri": HOMEPAGE,
                        "rules": [_rule_descriptor(code, names[code]) for code in codes],
                    }
                },
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }
    if root is not None:
        _add_base_ids(log["runs"])
        log["runs"][0]["originalUriBaseIds"] = {SRCROOT: {"uri": Path(root).as_uri() + "/"}}
    return log


def write_sarif(results: Sequence[FileResult], out: TextIO, options: ReportOptions) -> None:
    out.write(json.dumps(sarif_log(results, options.root), indent=2, ensure_ascii=False) + "\n")
