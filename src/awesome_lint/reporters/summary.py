"""The GitHub Actions job summary: Markdown appended to ``$GITHUB_STEP_SUMMARY``.

GitHub shows only the first few annotations of a step, so the summary carries the
whole picture: counts per rule, the first findings with links to their lines, files
that could not be checked, and the command that fixes what can be fixed locally.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TextIO
from urllib.parse import quote

from awesome_lint.reporters.common import is_applicable, iter_diagnostics, plural, rule_url
from awesome_lint.results import FileResult

MAX_LISTED = 20


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell or list item."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("|", "\\|").replace("\n", " ").replace("\r", " ")


def _line_link(filename: str, line: int, column: int, env: Mapping[str, str]) -> str:
    label = f"{filename}:{line}:{column}"
    server, repository = env.get("GITHUB_SERVER_URL"), env.get("GITHUB_REPOSITORY")
    sha = env.get("GITHUB_SHA")
    if not (server and repository and sha):
        return f"`{label}`"
    return f"[{label}]({server}/{repository}/blob/{sha}/{quote(filename)}#L{line})"


def write_summary(
    results: Sequence[FileResult],
    out: TextIO,
    *,
    unsafe_fixes: bool = False,
    fix_command: str = "awesome-lint --fix",
    env: Mapping[str, str] | None = None,
    changed_since: str | None = None,
) -> None:
    """Write the Markdown job summary of ``results`` to ``out``."""
    env = os.environ if env is None else env
    found = list(iter_diagnostics(results))
    errors = [r for r in results if r.error is not None]
    checked = sum(1 for r in results if r.error is None)
    files_with = len({result.filename for result, _source, _d in found})
    scope = (
        f" Only lines added or changed since `{changed_since}` were checked."
        if changed_since
        else ""
    )
    if not found and not errors:
        out.write(f"### awesome-lint: no problems\n\n{plural(checked, 'file')} checked.{scope}\n\n")
        return
    title = f"{plural(len(found), 'problem')} in {plural(files_with, 'file')}"
    out.write(f"### awesome-lint: {title}\n\n")
    if scope:
        out.write(f"{scope.strip()}\n\n")
    if found:
        counts: Counter[str] = Counter()
        fixable: Counter[str] = Counter()
        names: dict[str, str] = {}
        for _result, _source, diagnostic in found:
            counts[diagnostic.code] += 1
            names[diagnostic.code] = diagnostic.name
            if is_applicable(diagnostic.fix, unsafe_fixes=unsafe_fixes):
                fixable[diagnostic.code] += 1
        out.write("| rule | name | problems | fixable |\n|---|---|--:|--:|\n")
        for code in sorted(counts, key=lambda c: (-counts[c], c)):
            url = rule_url(code)
            label = f"[{code}]({url})" if url else code
            out.write(f"| {label} | `{names[code]}` | {counts[code]} | {fixable[code]} |\n")
        out.write("\n")
        shown = found[:MAX_LISTED]
        heading = "Findings" if len(shown) == len(found) else f"First {len(shown)} findings"
        out.write(f"#### {heading}\n\n")
        for result, source, diagnostic in shown:
            line, column = source.position(diagnostic.start)
            link = _line_link(result.filename, line, column, env)
            out.write(f"- {link} **{diagnostic.code}** {_cell(diagnostic.message)}\n")
        if len(found) > len(shown):
            out.write(f"- … and {len(found) - len(shown)} more\n")
        out.write("\n")
    if errors:
        out.write("#### Not checked\n\n")
        for result in errors:
            out.write(f"- `{result.filename}`: {_cell(result.error or '')}\n")
        out.write("\n")
    total_fixable = sum(
        1 for _result, _source, d in found if is_applicable(d.fix, unsafe_fixes=unsafe_fixes)
    )
    if total_fixable:
        out.write(
            f"{plural(total_fixable, 'problem')} can be fixed automatically. Locally:\n\n"
            f"```sh\npip install awesome-lint\n{fix_command}\n```\n\n"
        )
