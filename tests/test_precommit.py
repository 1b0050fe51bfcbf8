"""The pre-commit hook manifest, the project's own pre-commit config, and the hooks end to end."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parents[1]

MESSY = (
    b"# Awesome Serving Papers\n"
    b"\n"
    b"## Serving\n"
    b"\n"
    b"- [Orca](https://www.usenix.org/conference/osdi22/presentation/yu) : "
    b"A Distributed Serving System | OSDI'22   \n"
    b"* [vLLM](https://arxiv.org/abs/2309.06180): Efficient Memory Management | SOSP'23\n"
    b"- [Sarathi](https://arxiv.org/abs/2308.16369): Chunked Prefills \n"
    b"\n"
    b"## Training\n"
    b"\n"
    b"- [ZeRO](https://arxiv.org/abs/1910.02054) : Memory Optimizations | SC'20\n"
    b"- [PipeDream](https://dl.acm.org/doi/10.1145/3341301.3359646): Pipeline Parallelism"
)

FIXED = (
    b"# Awesome Serving Papers\n"
    b"\n"
    b"## Serving\n"
    b"\n"
    b"- [Orca](https://www.usenix.org/conference/osdi22/presentation/yu): "
    b"A Distributed Serving System | OSDI'22\n"
    b"- [vLLM](https://arxiv.org/abs/2309.06180): Efficient Memory Management | SOSP'23\n"
    b"- [Sarathi](https://arxiv.org/abs/2308.16369): Chunked Prefills\n"
    b"\n"
    b"## Training\n"
    b"\n"
    b"- [ZeRO](https://arxiv.org/abs/1910.02054): Memory Optimizations | SC'20\n"
    b"- [PipeDream](https://dl.acm.org/doi/10.1145/3341301.3359646): Pipeline Parallelism\n"
)


def _pre_commit(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_hook_manifest_is_valid() -> None:
    proc = _pre_commit("validate-manifest", ".pre-commit-hooks.yaml", cwd=REPO_ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_own_config_is_valid() -> None:
    proc = _pre_commit("validate-config", ".pre-commit-config.yaml", cwd=REPO_ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_manifest_declares_both_hooks() -> None:
    manifest = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for hook in manifest}
    assert sorted(hooks) == ["awesome-lint", "awesome-lint-fix"]
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["types"] == ["markdown"]
        assert hook["require_serial"] is False
        assert hook["entry"].split()[0] == "awesome-lint"
    assert "--fix" not in hooks["awesome-lint"]["entry"].split()
    assert "--fix" in hooks["awesome-lint-fix"]["entry"].split()


def test_own_config_skips_messy_folders() -> None:
    config = yaml.safe_load((REPO_ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert {"ruff-check", "ruff-format", "awesome-lint"} <= set(hooks)
    exclude = re.compile(hooks["awesome-lint"]["exclude"])
    assert exclude.search("tests/fixtures/rules/AL102/basic.md")
    assert exclude.search("examples/papers.md")
    assert not exclude.search("README.md")
    assert not exclude.search("docs/rules.md")


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the module, so the hook's environment is built only once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def _git_env(pre_commit_home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        PRE_COMMIT_HOME=str(pre_commit_home),
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="test@example.invalid",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="test@example.invalid",
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
    )
    return env


def _messy_repo(tmp_path: Path, env: dict[str, str]) -> Path:
    repo = tmp_path / "list"
    repo.mkdir()
    (repo / "README.md").write_bytes(MESSY)
    for args in (
        ["init", "-q"],
        ["config", "commit.gpgsign", "false"],
        ["add", "README.md"],
        ["commit", "-q", "-m", "A messy list"],
    ):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)
    return repo


@pytest.mark.slow
def test_fix_hook_fixes_then_passes(tmp_path: Path, pre_commit_home: Path) -> None:
    env = _git_env(pre_commit_home)
    repo = _messy_repo(tmp_path, env)
    args = ("try-repo", str(REPO_ROOT), "awesome-lint-fix", "--all-files")

    first = _pre_commit(*args, cwd=repo, env=env)
    output = first.stdout + first.stderr
    assert first.returncode == 1, output
    assert "files were modified by this hook" in output, output
    assert (repo / "README.md").read_bytes() == FIXED

    second = _pre_commit(*args, cwd=repo, env=env)
    assert second.returncode == 0, second.stdout + second.stderr
    assert (repo / "README.md").read_bytes() == FIXED


@pytest.mark.slow
def test_check_hook_fails_without_changing(tmp_path: Path, pre_commit_home: Path) -> None:
    env = _git_env(pre_commit_home)
    repo = _messy_repo(tmp_path, env)

    proc = _pre_commit("try-repo", str(REPO_ROOT), "awesome-lint", "--all-files", cwd=repo, env=env)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    assert "files were modified by this hook" not in output, output
    for code in ("AL102", "AL104", "AL603", "AL604"):
        assert code in output, output
    assert (repo / "README.md").read_bytes() == MESSY
