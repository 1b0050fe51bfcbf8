"""The command line runs without automatic garbage collection; the runner frees each
file's document before the next one."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

from awesome_lint.cli import _tune_gc
from awesome_lint.config.resolver import Overrides
from awesome_lint.runner import Runner


def test_the_command_line_turns_automatic_collection_off() -> None:
    try:
        _tune_gc()
        assert not gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()


@pytest.mark.parametrize(("enabled", "collections"), [(False, 2), (True, 0)])
def test_a_collection_between_files_only_without_automatic_collection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, enabled: bool, collections: int
) -> None:
    files = []
    for name in ("a.md", "b.md", "c.md"):
        path = tmp_path / name
        path.write_text("# List\n\n- [A](https://a.org): one | OSDI'22\n", encoding="utf-8")
        files.append(path)
    calls: list[int] = []
    monkeypatch.setattr(gc, "collect", lambda *args: calls.append(1) or 0)
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        results = Runner(Overrides(isolated=True)).run_many(files, fix=False, diff=False)
    finally:
        (gc.enable if was else gc.disable)()
    assert [r.diagnostics for r, _ in results] == [[], [], []]
    assert len(calls) == collections  # before the second and the third file


def test_a_worker_collects_before_each_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from awesome_lint import runner

    path = tmp_path / "a.md"
    path.write_text("# List\n\n- [A](https://a.org): one | OSDI'22\n", encoding="utf-8")
    calls: list[int] = []
    monkeypatch.setattr(gc, "collect", lambda *args: calls.append(1) or 0)
    was = gc.isenabled()
    gc.disable()
    try:
        runner._init_worker(Overrides(isolated=True), None)
        results = [runner._work(path, False, False) for _ in range(3)]
    finally:
        (gc.enable if was else gc.disable)()
    assert [r.diagnostics for r, _ in results] == [[], [], []]
    assert len(calls) == 3


def test_the_command_line_leaves_the_last_document_out_of_the_exit_collections(
    tmp_path: Path,
) -> None:
    # In a process of its own: the check's entries are still there when main() returns
    # (no automatic collection), and none of them is left for a collection to scan.
    path = tmp_path / "a.md"
    path.write_text("# List\n\n- [A](https://a.org): one | OSDI'22\n", encoding="utf-8")
    program = """
import contextlib, gc, io, sys
from awesome_lint.cli import main
from awesome_lint.parser.document import Entry
with contextlib.redirect_stdout(io.StringIO()):
    try:
        main(["check", "--isolated", sys.argv[1]])
    except SystemExit:
        pass
print(sum(type(o) is Entry for o in gc.get_objects()), gc.get_freeze_count() > 0)
"""
    completed = subprocess.run(
        [sys.executable, "-c", program, str(path)], capture_output=True, text=True, check=True
    )
    assert completed.stdout == "0 True\n"
