"""Files: read-only, symlinks, concurrent fixers, many files in parallel."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from awesome_lint.config.resolver import Overrides
from awesome_lint.runner import PARALLEL_MIN_FILES, Runner, usable_cpus

MESSY = b"# T\n\n- [A](https://example.org/a) : X\n"
FIXED = b"# T\n\n- [A](https://example.org/a): X\n"


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "awesome_lint", "--isolated", *args],
        capture_output=True,
        cwd=cwd,
        check=False,
    )


@pytest.mark.slow
def test_read_only_file_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(MESSY)
    path.chmod(0o444)
    proc = run(["--fix", "list.md"], tmp_path)
    assert proc.returncode == 2
    assert proc.stderr == b"awesome-lint: error: list.md: cannot write: file is read-only\n"
    assert path.read_bytes() == MESSY


@pytest.mark.slow
def test_symlink_is_followed_and_kept(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_bytes(MESSY)
    link = tmp_path / "README.md"
    link.symlink_to("real.md")
    proc = run(["--fix", "README.md"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink()
    assert os.readlink(link) == "real.md"
    assert target.read_bytes() == FIXED


@pytest.mark.slow
def test_two_fixers_on_one_file_never_leave_a_partial_file(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    body = b"# T\n\n" + b"".join(
        b"- [P%d](https://example.org/%d)%s: Sub %d\n" % (i, i, b" " if i % 3 == 0 else b"", i)
        for i in range(3000)
    )
    fixed = body.replace(b") : ", b"): ")
    for _ in range(3):
        path.write_bytes(body)
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "awesome_lint", "--isolated", "-q", "--fix", str(path)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for _ in range(2)
        ]
        for proc in procs:
            proc.wait()
        assert path.read_bytes() == fixed
        assert sorted(p.name for p in tmp_path.iterdir()) == ["list.md"]  # no temp files left


def test_many_files_in_parallel_match_one_by_one(tmp_path: Path) -> None:
    count = PARALLEL_MIN_FILES * 2 + 3
    paths = []
    for i in range(count):
        path = tmp_path / f"f{i:02d}.md"
        path.write_bytes(MESSY if i % 2 else FIXED)
        paths.append(path)
    runner = Runner(Overrides(isolated=True))
    parallel = runner.run_many(
        [*paths, "gone.md: no such file or directory"], fix=False, diff=False
    )
    single = [runner.run_file(p, fix=False, diff=False) for p in paths]
    assert [r.filename for r, _ in parallel[:-1]] == [r.filename for r, _ in single]
    assert [r.diagnostics for r, _ in parallel[:-1]] == [r.diagnostics for r, _ in single]
    assert parallel[-1][0].error == "no such file or directory"


@pytest.mark.slow
@pytest.mark.skipif(usable_cpus() == 1, reason="needs two cores to go parallel")
def test_many_files_fixed_in_parallel(tmp_path: Path) -> None:
    for i in range(PARALLEL_MIN_FILES * 2):
        (tmp_path / f"f{i:02d}.md").write_bytes(MESSY)
    proc = run(["--fix", "-q", "."], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert all(p.read_bytes() == FIXED for p in tmp_path.glob("*.md"))


def test_workers_follow_the_cpus_this_process_may_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under `taskset -c 0` the machine's core count is no guide: one CPU, no pool."""
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    assert usable_cpus() == 1
    paths = []
    for i in range(PARALLEL_MIN_FILES * 4):
        path = tmp_path / f"f{i:02d}.md"
        path.write_bytes(MESSY)
        paths.append(path)

    def no_pool(*args: object) -> None:
        raise AssertionError("a worker pool on one CPU")

    monkeypatch.setattr(Runner, "_parallel", no_pool)
    results = Runner(Overrides(isolated=True)).run_many(paths, fix=False, diff=False)
    assert len(results) == len(paths)


def test_usable_cpus_without_affinity(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 3)
    assert usable_cpus() == 3
    monkeypatch.setattr(os, "cpu_count", lambda: None)
    assert usable_cpus() == 1
