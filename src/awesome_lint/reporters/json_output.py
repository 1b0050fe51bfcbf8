"""``json`` (an array) and ``json-lines`` (one object per line): the documented contract.

Each object: ``code``, ``name``, ``message``, ``filename``, ``location {row, column}``,
``end_location {row, column}``, ``fix`` (null or ``{applicability, message, edits}``),
``url`` (null for an unregistered code) and ``related``. Files that could not be
read are not reported here (the command line prints their errors to stderr).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from awesome_lint.diagnostics import Diagnostic, Fix
from awesome_lint.reporters import ReportOptions
from awesome_lint.reporters.common import iter_diagnostics, rule_url
from awesome_lint.results import FileResult
from awesome_lint.source import SourceText


def _location(source: SourceText, offset: int) -> dict[str, int]:
    row, column = source.position(offset)
    return {"row": row, "column": column}


def _fix(source: SourceText, fix: Fix) -> dict[str, Any]:
    return {
        "applicability": fix.applicability.value,
        "message": fix.message,
        "edits": [
            {
                "content": edit.content,
                "location": _location(source, edit.start),
                "end_location": _location(source, edit.end),
            }
            for edit in sorted(fix.edits)
        ],
    }


def diagnostic_object(
    filename: str, source: SourceText, diagnostic: Diagnostic, severity: str = "error"
) -> dict[str, Any]:
    """The JSON object of one diagnostic (shared by ``json`` and ``json-lines``)."""
    return {
        "code": diagnostic.code,
        "name": diagnostic.name,
        "message": diagnostic.message,
        "filename": filename,
        "location": _location(source, diagnostic.start),
        "end_location": _location(source, diagnostic.end),
        "fix": None if diagnostic.fix is None else _fix(source, diagnostic.fix),
        "url": rule_url(diagnostic.code),
        "related": [
            {
                "filename": filename,
                "location": _location(source, related.start),
                "end_location": _location(source, related.end),
                "message": related.message,
            }
            for related in diagnostic.related
        ],
        "severity": severity,
    }


def _objects(results: Sequence[FileResult]) -> list[dict[str, Any]]:
    return [
        diagnostic_object(result.filename, source, diagnostic, result.severity(diagnostic.code))
        for result, source, diagnostic in iter_diagnostics(results)
    ]


def write_json(results: Sequence[FileResult], out: TextIO, options: ReportOptions) -> None:
    out.write(json.dumps(_objects(results), indent=2, ensure_ascii=False) + "\n")


# Characters that some line splitters (Python's str.splitlines, JavaScript) treat as
# line breaks: escaped so that every object stays on exactly one line.
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def write_json_lines(results: Sequence[FileResult], out: TextIO, options: ReportOptions) -> None:
    for obj in _objects(results):
        line = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
        out.write(line.translate(_LINE_BREAKS) + "\n")
