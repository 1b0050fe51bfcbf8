"""CI conveniences: paths relative to the repository root, the GitHub job summary.

Annotations, SARIF and GitLab code quality reports are read by a service that knows the
repository, not the folder the linter ran in, so their paths are relative to
``$GITHUB_WORKSPACE`` (on GitHub Actions) or to the top of the git work tree.
"""

from __future__ import annotations

import os
import re
import shlex
from collections.abc import Mapping, Sequence
from pathlib import Path

from awesome_lint.results import FileResult


def repository_root(env: Mapping[str, str] | None = None) -> Path | None:
    """``$GITHUB_WORKSPACE``, else the nearest folder at or above the working directory
    holding ``.git``, else None."""
    env = os.environ if env is None else env
    workspace = env.get("GITHUB_WORKSPACE")
    if workspace:
        return Path(workspace).resolve()
    cwd = Path.cwd().resolve()
    for folder in (cwd, *cwd.parents):
        if (folder / ".git").exists():
            return folder
    return None


def root_relative(filename: str, root: Path) -> str:
    """``filename`` (relative to the working directory) relative to ``root``, with ``/``;
    unchanged when it lies outside ``root`` or is stdin."""
    if filename == "-":
        return filename
    path = Path(filename)
    absolute = path if path.is_absolute() else Path.cwd() / path
    try:
        relative = Path(os.path.normpath(absolute)).relative_to(root)
    except ValueError:
        try:
            relative = absolute.resolve().relative_to(root)
        except ValueError:
            return filename
    return relative.as_posix()


def rebase(results: Sequence[FileResult], root: Path) -> None:
    for result in results:
        result.filename = root_relative(result.filename, root)


def fix_command(paths: Sequence[str], env: Mapping[str, str] | None = None) -> str:
    """The command a contributor runs locally to fix what the CI run found."""
    env = os.environ if env is None else env
    words = ["awesome-lint", "--fix"]
    base = env.get("GITHUB_BASE_REF")
    if base:
        words += ["--changed-since", f"origin/{base}"]
    words += paths
    return shlex.join(words)


def _short(ref: str | None) -> str | None:
    """A commit id shortened to 12 digits; any other ref as given."""
    if ref is not None and re.fullmatch(r"[0-9a-f]{40}", ref):
        return ref[:12]
    return ref


def append_job_summary(
    results: Sequence[FileResult],
    *,
    unsafe_fixes: bool,
    paths: Sequence[str],
    env: Mapping[str, str] | None = None,
    changed_since: str | None = None,
) -> None:
    """Append the Markdown summary to ``$GITHUB_STEP_SUMMARY`` when the variable is set."""
    env = os.environ if env is None else env
    target = env.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    from awesome_lint.reporters.summary import write_summary

    with open(target, "a", encoding="utf-8", newline="\n") as out:
        write_summary(
            results,
            out,
            unsafe_fixes=unsafe_fixes,
            fix_command=fix_command(paths, env),
            env=env,
            changed_since=_short(changed_since),
        )
