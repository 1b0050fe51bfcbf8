"""``github``: GitHub Actions workflow commands, one ``::error`` annotation per diagnostic
(``::warning`` for rules whose severity is warning, such as AL803).

Escaping follows GitHub's runner: in the message (data) ``%``, CR and LF are
percent-encoded; in property values ``:`` and ``,`` are encoded as well.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from awesome_lint.reporters import ReportOptions
from awesome_lint.reporters.common import TOOL_NAME, iter_diagnostics
from awesome_lint.results import FileResult

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}  # by severity


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write_github(results: Sequence[FileResult], out: TextIO, options: ReportOptions) -> None:
    for result, source, diagnostic in iter_diagnostics(results):
        line, column = source.position(diagnostic.start)
        end_line, end_column = source.position(diagnostic.end)
        properties = {
            "title": f"{TOOL_NAME} ({diagnostic.code})",
            "file": result.filename,
            "line": str(line),
            "col": str(column),
            "endLine": str(end_line),
            "endColumn": str(end_column),
        }
        joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
        command = COMMANDS[result.severity(diagnostic.code)]
        out.write(f"::{command} {joined}::{escape_data(diagnostic.message)}\n")
