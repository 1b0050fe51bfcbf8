"""No data loss: the report never replaces an input, stdin --fix is byte-exact (issue 12)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

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
