"""No data loss: the report never replaces an input, stdin --fix is byte-exact, an edit
made during a run is never overwritten, hard links and owners survive, a folder walk
does not leave its tree through symlinks (issue 12, items 1-4)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import awesome_lint.fixer as fixer_module
from awesome_lint.config.resolver import Overrides
from awesome_lint.files import FileChangedError, Snapshot, read_snapshot, write_atomic
from awesome_lint.runner import Runner

MESSY = b"# T\n\n- [A](https://example.org/a) : X\n"
FIXED = b"# T\n\n- [A](https://example.org/a): X\n"


def run(
    args: list[str], cwd: Path, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "awesome_lint", "--isolated", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
        check=False,
    )


# -- item 1: -o that is an input, -o into a missing folder ---------------------------


@pytest.mark.slow
@pytest.mark.parametrize("fix", [True, False])
def test_output_file_that_is_the_input_is_refused_before_anything_is_written(
    tmp_path: Path, fix: bool
) -> None:
    (tmp_path / "README.md").write_bytes(MESSY)
    proc = run([*(["--fix"] if fix else []), "README.md", "-o", "README.md"], tmp_path)
    assert proc.returncode == 2
    assert proc.stderr == (
        b"awesome-lint: error: -o README.md: is the input file README.md; "
        b"the report would overwrite it\n"
    )
    assert proc.stdout == b""
    assert (tmp_path / "README.md").read_bytes() == MESSY


@pytest.mark.slow
def test_output_file_reaching_an_input_through_links_is_refused(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "list.md").write_bytes(MESSY)
    (tmp_path / "symlink.txt").symlink_to("docs/list.md")
    os.link(docs / "list.md", tmp_path / "hardlink.txt")
    for out in ("symlink.txt", "hardlink.txt", "docs/../docs/list.md"):
        proc = run(["--fix", "docs", "-o", out], tmp_path)
        assert proc.returncode == 2, out
        assert (
            proc.stderr
            == (
                f"awesome-lint: error: -o {out}: is the input file docs/list.md; "
                "the report would overwrite it\n"
            ).encode()
        )
        assert (docs / "list.md").read_bytes() == MESSY


@pytest.mark.slow
def test_output_file_naming_the_stdin_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_bytes(MESSY)
    proc = run(["-", "--stdin-filename", "README.md", "-o", "README.md"], tmp_path, stdin=MESSY)
    assert proc.returncode == 2
    assert b"is the input file README.md" in proc.stderr
    assert (tmp_path / "README.md").read_bytes() == MESSY


@pytest.mark.slow
def test_output_file_in_a_missing_folder_fixes_nothing(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_bytes(MESSY)
    proc = run(["--fix", "README.md", "-o", "out/report.txt"], tmp_path)
    assert proc.returncode == 2
    assert proc.stderr == b"awesome-lint: error: -o out/report.txt: folder out does not exist\n"
    assert (tmp_path / "README.md").read_bytes() == MESSY
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md"]


@pytest.mark.slow
def test_output_file_written_after_the_fix(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_bytes(MESSY)
    proc = run(["--fix", "--output-format", "concise", "README.md", "-o", "r.txt"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == b""
    assert (tmp_path / "README.md").read_bytes() == FIXED
    assert (tmp_path / "r.txt").read_bytes() == b"Found 1 problem (1 fixed, 0 remaining).\n"


@pytest.mark.slow
def test_unwritable_output_file_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_bytes(FIXED)
    (tmp_path / "r.txt").symlink_to("gone/r.txt")  # a dangling link into a missing folder
    proc = run(["README.md", "-o", "r.txt"], tmp_path)
    assert proc.returncode == 2
    assert proc.stderr == (
        b"awesome-lint: error: -o r.txt: cannot write the report: No such file or directory\n"
    )


# -- item 2: stdin --fix writes UTF-8 bytes, untranslated ----------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    "env",
    [
        {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""},
        {"PYTHONIOENCODING": "ascii"},
        {"PYTHONIOENCODING": "latin-1"},
        {"PYTHONIOENCODING": "utf-16"},
    ],
)
def test_stdin_fix_writes_utf8_bytes_whatever_the_locale(
    tmp_path: Path, env: dict[str, str]
) -> None:
    data = "\ufeff# Ü中\r\n\r\n- [Ü中](https://example.org/a) : X \u2028y\r\n".encode()
    expected = "\ufeff# Ü中\r\n\r\n- [Ü中](https://example.org/a): X \u2028y\r\n".encode()
    proc = run(["-", "--fix", "--stdin-filename", "list.md"], tmp_path, stdin=data, env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == expected


@pytest.mark.slow
def test_diff_is_utf8_bytes_on_an_ascii_console(tmp_path: Path) -> None:
    (tmp_path / "list.md").write_bytes("# T\n\n- [中](https://example.org/a) : X\n".encode())
    proc = run(["--diff", "list.md"], tmp_path, env={"PYTHONIOENCODING": "ascii"})
    assert proc.returncode == 1
    assert "+- [中](https://example.org/a): X\n".encode() in proc.stdout


# -- item 3: lost update, hard links, owner ------------------------------------------


def test_write_refuses_a_file_changed_since_it_was_read(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(MESSY)
    read = read_snapshot(path, 1 << 20)
    assert read is not None
    data, snapshot = read
    assert data == MESSY
    path.write_bytes(MESSY + b"- [B](https://example.org/b): user's edit\n")
    with pytest.raises(FileChangedError):
        write_atomic(path, FIXED, snapshot)
    assert path.read_bytes() == MESSY + b"- [B](https://example.org/b): user's edit\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.md"]


def test_write_refuses_same_size_same_mtime_but_other_content(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(MESSY)
    stat = path.stat()
    snapshot = Snapshot.of(MESSY, stat)
    path.write_bytes(MESSY.replace(b"A", b"Z"))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    with pytest.raises(FileChangedError):
        write_atomic(path, FIXED, snapshot)
    assert path.read_bytes() == MESSY.replace(b"A", b"Z")


def test_unchanged_file_is_written(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(MESSY)
    read = read_snapshot(path, 1 << 20)
    assert read is not None
    write_atomic(path, FIXED, read[1])
    assert path.read_bytes() == FIXED


def test_read_snapshot_over_the_limit_is_none(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(MESSY)
    assert read_snapshot(path, len(MESSY) - 1) is None
    assert read_snapshot(path, len(MESSY)) is not None


def test_edit_during_the_run_is_kept_and_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(MESSY)
    users_text = MESSY + b"- [B](https://example.org/b): typed meanwhile\n"
    real_fix_text = fixer_module.fix_text  # (the runner imports it when it fixes)

    def fix_while_the_user_types(*args: object, **kwargs: object) -> object:
        outcome = real_fix_text(*args, **kwargs)  # type: ignore[arg-type]
        path.write_bytes(users_text)  # the user saves while the fix is computed
        return outcome

    monkeypatch.setattr(fixer_module, "fix_text", fix_while_the_user_types)
    result, _ = Runner(Overrides(isolated=True)).run_file(path, fix=True, diff=False)
    assert result.error == "changed on disk while being fixed; not written"
    assert path.read_bytes() == users_text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.md"]


def test_hard_links_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(MESSY)
    other = tmp_path / "other-name.md"
    os.link(path, other)
    inode = path.stat().st_ino
    result, _ = Runner(Overrides(isolated=True)).run_file(path, fix=True, diff=False)
    assert result.error is None
    assert path.read_bytes() == FIXED
    assert other.read_bytes() == FIXED
    assert path.stat().st_ino == inode
    assert path.stat().st_nlink == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.md", "other-name.md"]


def test_hard_linked_file_changed_meanwhile_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(MESSY)
    os.link(path, tmp_path / "other-name.md")
    read = read_snapshot(path, 1 << 20)
    assert read is not None
    path.write_bytes(MESSY + b"\n")
    with pytest.raises(FileChangedError):
        write_atomic(path, FIXED, read[1])
    assert path.read_bytes() == MESSY + b"\n"


def test_owner_and_group_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(MESSY)
    groups = os.getgroups()
    if os.geteuid() == 0:
        os.chown(path, 1234, 4321)  # root can give the file away; the fix must not take it
    elif len(groups) > 1:
        os.chown(path, -1, groups[-1] if groups[-1] != os.getegid() else groups[0])
    before = path.stat()
    write_atomic(path, FIXED)
    after = path.stat()
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)
    assert path.read_bytes() == FIXED


# -- item 4: folder walk and symlinks ------------------------------------------------


@pytest.mark.slow
def test_folder_walk_skips_symlinks_leaving_the_tree(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.md"
    outside.write_bytes(MESSY)
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "own.md").write_bytes(MESSY)
    (tree / "sub" / "inside-link.md").symlink_to("../own.md")
    (tree / "out-link.md").symlink_to("../elsewhere.md")
    (tree / "abs-link.md").symlink_to(outside)
    proc = run(["--fix", "--output-format", "concise", "tree"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert outside.read_bytes() == MESSY
    assert (tree / "own.md").read_bytes() == FIXED
    # named on the command line, the link is followed
    proc = run(["--fix", "tree/out-link.md"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert outside.read_bytes() == FIXED
    assert (tree / "out-link.md").is_symlink()


def test_walk_lists_inside_links_only(tmp_path: Path) -> None:
    from awesome_lint.files import walk_markdown

    (tmp_path / "tree2").mkdir()
    (tmp_path / "tree2" / "x.md").write_bytes(MESSY)
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "a.md").write_bytes(MESSY)
    (tree / "b.md").symlink_to("a.md")
    (tree / "c.md").symlink_to("../tree2/x.md")  # a sibling whose name extends the tree's
    (tree / "d.md").symlink_to("missing.md")  # dangling: kept, reported as unreadable
    found = [p.name for p in walk_markdown(tree, [], tree)]
    assert found == ["a.md", "b.md", "d.md"]
