"""``gitlab``: GitLab Code Quality report (a JSON array of Code Climate-style issues).

The fingerprint must stay the same while an issue persists, even when lines
above it move: it hashes the file name, the code, the message and the text of
the line the issue starts on (not its line number), plus an occurrence number
that tells identical issues in the same file apart.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any, TextIO

from awesome_lint.reporters import ReportOptions
from awesome_lint.reporters.common import iter_diagnostics
from awesome_lint.results import FileResult

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}  # by severity


def gitlab_issues(results: Sequence[FileResult]) -> list[dict[str, Any]]:
    issues: list[dict[str, Any]] = []
    seen: dict[tuple[str, ...], int] = {}
    for result, source, diagnostic in iter_diagnostics(results):
        begin, _column = source.position(diagnostic.start)
        # lines.end is inclusive: a span ending just after a line break ends on that line
        last = max(diagnostic.start, diagnostic.end - 1)
        end, _end_column = source.position(last)
        line_text = source.line_text(begin - 1).strip()
        key = (result.filename, diagnostic.code, diagnostic.message, line_text)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        digest = hashlib.sha256("\0".join((*key, str(occurrence))).encode("utf-8"))
        issues.append(
            {
                "description": f"{diagnostic.code} {diagnostic.message}",
                "check_name": diagnostic.code,
                "fingerprint": digest.hexdigest()[:32],
                "severity": SEVERITIES[result.severity(diagnostic.code)],
                "location": {"path": result.filename, "lines": {"begin": begin, "end": end}},
            }
        )
    return issues


def write_gitlab(results: Sequence[FileResult], out: TextIO, options: ReportOptions) -> None:
    out.write(json.dumps(gitlab_issues(results), indent=2, ensure_ascii=False) + "\n")
