"""The composite action (``action.yml``): its steps run as a script on scratch repositories."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from action_harness import load_action, run_check_step, step

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

BASE = (
    "# Papers\n"
    "\n"
    "## Serving\n"
    "\n"
    "- [Orca](https://example.org/orca): A Distributed Serving System | OSDI'22\n"
    "- [Old](https://example.org/old): An old entry |SOSP'21\n"
)


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, check=True
    ).stdout.strip()


@pytest.fixture
def pull_request(tmp_path: Path) -> tuple[Path, str]:
    """A repository whose branch `feature` adds two entries under `lists/`; the base sha."""
    repo = tmp_path / "repo"
    (repo / "lists").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "test@example.org")
    git(repo, "config", "user.name", "Test")
    (repo / "lists" / "papers.md").write_text(BASE)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    base = git(repo, "rev-parse", "HEAD")
    git(repo, "checkout", "-q", "-b", "feature")
    with (repo / "lists" / "papers.md").open("a") as handle:
        handle.write("- [New](http://arxiv.org/abs/2301.00001) : A new entry | NSDI'23\n")
        handle.write("- [Clean](https://example.org/clean): A clean one | ATC'23\n")
    git(repo, "commit", "-q", "-am", "add two papers")
    return repo, base


def test_action_declares_its_interface() -> None:
    action = load_action()
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) == {
        "version",
        "paths",
        "args",
        "changed-only",
        "base",
        "sarif",
        "python",
    }
    assert action["inputs"]["changed-only"]["default"] == "auto"
    for step_id in ("install", "check"):
        script = step(action, step_id)
        assert script["shell"] == "bash"
        syntax = subprocess.run(["bash", "-n"], input=script["run"], text=True, check=False)
        assert syntax.returncode == 0


@pytest.mark.slow
def test_pull_request_gets_annotations_and_a_summary_for_new_lines_only(
    pull_request: tuple[Path, str], tmp_path: Path
) -> None:
    repo, base = pull_request
    run = run_check_step(repo, tmp_path / "runner", {"paths": "lists"}, base_sha=base)
    assert run.returncode == 1, run.stderr
    assert run.annotations == (
        "::error title=awesome-lint (AL501),file=lists/papers.md,line=7,col=9,endLine=7,"
        "endColumn=40::Use https for arxiv.org\n"
        "::error title=awesome-lint (AL102),file=lists/papers.md,line=7,col=41,endLine=7,"
        "endColumn=44::Title separator ' : ' should be ': '\n"
    )
    assert run.outputs == "exit-code=1\n"
    docs = "https://github.com/awesome-lint/awesome-lint/blob/main/docs/rules.md"
    blob = "https://github.com/owner/list/blob/0123abc/lists/papers.md#L7"
    assert run.summary == (
        "### awesome-lint: 2 problems in 1 file\n"
        "\n"
        f"Only lines added or changed since `{base[:12]}` were checked.\n"
        "\n"
        "| rule | name | problems | fixable |\n"
        "|---|---|--:|--:|\n"
        f"| [AL102]({docs}#al102-title-separator) | `title-separator` | 1 | 1 |\n"
        f"| [AL501]({docs}#al501-insecure-link) | `insecure-link` | 1 | 1 |\n"
        "\n"
        "#### Findings\n"
        "\n"
        f"- [lists/papers.md:7:9]({blob}) **AL501** Use https for arxiv.org\n"
        f"- [lists/papers.md:7:41]({blob}) **AL102** Title separator ' : ' should be ': '\n"
        "\n"
        "2 problems can be fixed automatically. Locally:\n"
        "\n"
        "```sh\n"
        "pip install awesome-lint\n"
        "awesome-lint --fix --changed-since origin/main lists\n"
        "```\n"
        "\n"
    )


@pytest.mark.slow
def test_push_checks_whole_files_and_writes_sarif(
    pull_request: tuple[Path, str], tmp_path: Path
) -> None:
    repo, _base = pull_request
    (repo / "docs").mkdir()
    run = run_check_step(
        repo,
        tmp_path / "runner",
        {"paths": "lists", "sarif": "results.sarif", "args": "--select AL1"},
    )
    assert run.returncode == 1, run.stderr
    assert [line.split("::")[1].split(",")[0] for line in run.annotations.splitlines()] == [
        "error title=awesome-lint (AL103)",
        "error title=awesome-lint (AL102)",
    ]
    log = json.loads((repo / "results.sarif").read_text())
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["AL103", "AL102"]
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "lists/papers.md", "uriBaseId": "%SRCROOT%"}


@pytest.mark.slow
def test_bad_input_fails_the_step_with_an_error(
    pull_request: tuple[Path, str], tmp_path: Path
) -> None:
    repo, _base = pull_request
    run = run_check_step(repo, tmp_path / "runner", {"changed-only": "maybe"})
    assert (run.returncode, run.annotations) == (
        2,
        "::error title=awesome-lint::changed-only must be auto, true or false\n",
    )
    run = run_check_step(repo, tmp_path / "runner2", {"changed-only": "true", "base": "nope"})
    assert run.returncode == 2
    assert run.stderr.endswith(
        "awesome-lint: error: --changed-since: unknown git revision 'nope'\n"
    )
    assert run.outputs == "exit-code=2\n"
