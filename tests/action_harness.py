"""Run the steps of ``action.yml`` as GitHub's runner would, on a local repository.

Only what the runner provides is imitated: the step's ``env`` with its ``${{ … }}``
expressions filled in from the inputs (or their defaults) and a fake event, the
``GITHUB_*`` variables and files, and ``bash --noprofile --norc -eo pipefail``. The
``install`` step is not run (it needs a package index); instead ``awesome-lint`` on the
PATH runs this checkout with the current interpreter.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ACTION = Path(__file__).resolve().parents[1] / "action.yml"
_EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")


def load_action() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    return data


def step(action: Mapping[str, Any], step_id: str) -> dict[str, Any]:
    for item in action["runs"]["steps"]:
        if item.get("id") == step_id:
            return dict(item)
    raise KeyError(step_id)


@dataclass
class ActionRun:
    returncode: int
    annotations: str  # the step's stdout: workflow commands
    stderr: str
    summary: str  # what the step appended to $GITHUB_STEP_SUMMARY
    outputs: str  # what the step appended to $GITHUB_OUTPUT


def run_check_step(
    repo: Path,
    work: Path,
    inputs: Mapping[str, str] | None = None,
    *,
    base_sha: str = "",
    extra_env: Mapping[str, str] | None = None,
) -> ActionRun:
    """Run the ``check`` step in ``repo`` (``work`` holds the runner's files)."""
    action = load_action()
    values = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    for name, value in (inputs or {}).items():
        if name not in values:
            raise KeyError(f"action.yml has no input {name!r}")
        values[name] = value
    context = {f"inputs.{name}": value for name, value in values.items()}
    context["github.event.pull_request.base.sha"] = base_sha

    def evaluate(match: re.Match[str]) -> str:
        return context[match.group(1)]

    check = step(action, "check")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "RUNNER_"))}
    for key, value in check["env"].items():
        env[key] = _EXPRESSION.sub(evaluate, str(value))
    shim = work / "bin"
    shim.mkdir(parents=True, exist_ok=True)
    launcher = shim / "awesome-lint"
    launcher.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m awesome_lint "$@"\n')
    launcher.chmod(0o755)
    summary, outputs = work / "summary.md", work / "output.txt"
    summary.write_text("")
    outputs.write_text("")
    env.update(
        {
            "PATH": f"{shim}{os.pathsep}{env.get('PATH', '')}",
            "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src"),
            "GITHUB_ACTIONS": "true",
            "GITHUB_WORKSPACE": str(repo),
            "GITHUB_STEP_SUMMARY": str(summary),
            "GITHUB_OUTPUT": str(outputs),
            "GITHUB_SERVER_URL": "https://github.com",
            "GITHUB_REPOSITORY": "owner/list",
            "GITHUB_SHA": "0123abc",
            "GITHUB_EVENT_NAME": "pull_request" if base_sha else "push",
            "RUNNER_TEMP": str(work),
            "NO_COLOR": "1",
        }
    )
    if base_sha:
        env["GITHUB_BASE_REF"] = "main"
    env.update(extra_env or {})
    script = work / "check.sh"
    script.write_text(check["run"])
    proc = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return ActionRun(
        proc.returncode, proc.stdout, proc.stderr, summary.read_text(), outputs.read_text()
    )
