"""``rdjson``: reviewdog's Diagnostic Format (``DiagnosticResult`` as JSON).

Columns are 1-based **UTF-8 byte** columns, as reviewdog's format requires; the
end position is exclusive. Fixes become ``suggestions`` (one per edit) and
related spans ``related_locations``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from awesome_lint import HOMEPAGE
from awesome_lint.diagnostics import Diagnostic
from awesome_lint.reporters import ReportOptions
from awesome_lint.reporters.common import TOOL_NAME, iter_diagnostics, rule_url
from awesome_lint.results import FileResult
from awesome_lint.source import SourceText


def _position(source: SourceText, offset: int) -> dict[str, int]:
    line, _column = source.position(offset)
    return {"line": line, "column": source.byte_column(offset)}


def _range(source: SourceText, start: int, end: int) -> dict[str, Any]:
    return {"start": _position(source, start), "end": _position(source, end)}


def _diagnostic(
    filename: str, source: SourceText, diagnostic: Diagnostic, severity: str = "error"
) -> dict[str, Any]:
    code: dict[str, str] = {"value": diagnostic.code}
    url = rule_url(diagnostic.code)
    if url is not None:
        code["url"] = url
    obj: dict[str, Any] = {
        "message": diagnostic.message,
        "location": {
            "path": filename,
            "range": _range(source, diagnostic.start, diagnostic.end),
        },
        "severity": severity.upper(),
        "code": code,
    }
    if diagnostic.fix is not None:
        obj["suggestions"] = [
            {"range": _range(source, edit.start, edit.end), "text": edit.content}
            for edit in sorted(diagnostic.fix.edits)
        ]
    if diagnostic.related:
        obj["related_locations"] = [
            {
                "message": related.message,
                "location": {
                    "path": filename,
                    "range": _range(source, related.start, related.end),
                },
            }
            for related in diagnostic.related
        ]
    return obj


def rdjson_result(results: Sequence[FileResult]) -> dict[str, Any]:
    return {
        "source": {"name": TOOL_NAME, "url": HOMEPAGE},
        "severity": "ERROR",
        "diagnostics": [
            _diagnostic(result.filename, source, diagnostic, result.severity(diagnostic.code))
            for result, source, diagnostic in iter_diagnostics(results)
        ],
    }


def write_rdjson(results: Sequence[FileResult], out: TextIO, options: ReportOptions) -> None:
    out.write(json.dumps(rdjson_result(results), indent=2, ensure_ascii=False) + "\n")
