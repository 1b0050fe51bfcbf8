"""The command line end to end (in-process with click's runner, and as a subprocess)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from awesome_lint.cli import cli, main
from awesome_lint.reporters import FORMATS

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "messy-paper-list.md"
EXAMPLE_FIXED = REPO / "tests" / "fixtures" / "examples" / "messy-paper-list.fixed.md"


def run(
    args: list[str], stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "awesome_lint", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env,
        check=False,
    )


@pytest.fixture
def example(tmp_path: Path) -> Path:
    target = tmp_path / "README.md"
    shutil.copyfile(EXAMPLE, target)
    return target


@pytest.mark.slow
def test_fix_produces_exact_bytes_and_is_idempotent(example: Path) -> None:
    first = run(["--fix", "--isolated", str(example)])
    assert first.returncode == 0, first.stderr
    assert example.read_bytes() == EXAMPLE_FIXED.read_bytes()
    assert b"Found 14 problems (14 fixed, 0 remaining)." in first.stdout
    second = run(["--fix", "--isolated", str(example)])
    assert second.returncode == 0
    assert example.read_bytes() == EXAMPLE_FIXED.read_bytes()
    assert b"All checks passed!" in second.stdout


@pytest.mark.slow
def test_diff_prints_the_change_and_writes_nothing(example: Path, tmp_path: Path) -> None:
    before = example.read_bytes()
    proc = run(["--diff", "--isolated", "README.md"], cwd=tmp_path)
    assert proc.returncode == 1
    assert example.read_bytes() == before
    diff = proc.stdout.decode()
    assert diff.startswith("--- README.md\n+++ README.md\n")
    assert "-* [DistServe](https://arxiv.org/abs/2401.09670)" in diff
    assert "+- [DistServe](https://arxiv.org/abs/2401.09670)" in diff
    # applying the diff gives exactly the --fix output
    if shutil.which("patch"):
        patch = subprocess.run(
            ["patch", "-s", "-o", "-", str(example)],
            input=proc.stdout,
            capture_output=True,
            check=False,
        )
        assert patch.returncode == 0, patch.stderr
        assert patch.stdout == EXAMPLE_FIXED.read_bytes()


@pytest.mark.slow
def test_check_lists_exact_diagnostics() -> None:
    proc = run(
        ["--isolated", "--output-format", "concise", str(EXAMPLE.relative_to(REPO))], cwd=REPO
    )
    assert proc.returncode == 1
    lines = proc.stdout.decode().splitlines()
    assert lines[:3] == [
        "examples/messy-paper-list.md:6:4: AL601 [*] Missing blank line after heading",
        "examples/messy-paper-list.md:7:67: AL102 [*] Title separator ' : ' should be ': '",
        "examples/messy-paper-list.md:8:80: AL102 [*] Title separator ':' should be ': '",
    ]
    assert lines[-1] == "Found 14 problems. 14 fixable with --fix."


@pytest.mark.slow
def test_default_command_and_no_paths_use_readme(example: Path, tmp_path: Path) -> None:
    proc = run(["--output-format", "concise"], cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.decode().startswith("README.md:6:4: AL601")


@pytest.mark.slow
def test_no_paths_find_lower_case_readme(tmp_path: Path) -> None:
    (tmp_path / "readme.md").write_bytes(b"# Awesome\n\n- [A]() - Empty.\n")
    proc = run(["--isolated", "--output-format", "concise"], cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.decode().splitlines()[0] == "readme.md:3:3: AL704 Link has an empty URL"


@pytest.mark.slow
def test_exit_codes(tmp_path: Path) -> None:
    clean = tmp_path / "clean.md"
    clean.write_bytes(b"# Title\n\n- [A](https://example.org/a): Fine | OSDI'22\n")
    assert run(["--isolated", str(clean)]).returncode == 0
    dirty = tmp_path / "dirty.md"
    dirty.write_bytes(b"# Title\n\n- [A](https://example.org/a) : Bad\n")
    assert run(["--isolated", str(dirty)]).returncode == 1
    assert run(["--isolated", "--exit-zero", str(dirty)]).returncode == 0
    proc = run(["--isolated", "--fix", "--exit-non-zero-on-fix", str(dirty)])
    assert proc.returncode == 1
    assert dirty.read_bytes() == b"# Title\n\n- [A](https://example.org/a): Bad\n"
    assert run(["--isolated", "--select", "AL999", str(clean)]).returncode == 2


@pytest.mark.slow
def test_unknown_rule_is_named(tmp_path: Path) -> None:
    proc = run(["--isolated", "--select", "AL102,AL999,nonsense", "x.md"], cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.decode() == (
        "awesome-lint: error: unknown rule code or name: AL999, nonsense"
        " (see `awesome-lint rules`)\n"
    )
    (tmp_path / ".awesome-lint.toml").write_text('ignore = ["AL777"]\n')
    (tmp_path / "x.md").write_text("# T\n")
    proc = run(["x.md"], cwd=tmp_path)
    assert proc.returncode == 2
    assert "AL777" in proc.stderr.decode()
    assert "Traceback" not in proc.stderr.decode()


@pytest.mark.slow
def test_bad_inputs_one_line_each_and_other_files_still_checked(tmp_path: Path) -> None:
    (tmp_path / "latin1.md").write_bytes("# Caf\xe9\n".encode("latin-1"))
    (tmp_path / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "long.md").write_bytes(b"- " + b"word " * 400_000 + b"\n")
    (tmp_path / "dir.md").mkdir()
    good = tmp_path / "good.md"
    good.write_bytes(b"# Title\n\n- [A](https://example.org/a) : Bad\n")
    snapshot = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    proc = run(
        [
            "--isolated",
            "--fix",
            "--output-format",
            "concise",
            "latin1.md",
            "binary.md",
            "empty.md",
            "long.md",
            "dir.md",
            "missing.md",
            "good.md",
        ],
        cwd=tmp_path,
    )
    assert proc.returncode == 2
    errors = proc.stderr.decode().splitlines()
    assert errors == [
        "awesome-lint: error: latin1.md: not valid UTF-8 (byte 0xe9 at offset 5)",
        "awesome-lint: error: binary.md: binary file (contains NUL bytes)",
        "awesome-lint: error: dir.md: is a directory with no Markdown files",
        "awesome-lint: error: missing.md: no such file or directory",
    ]
    for name, data in snapshot.items():
        if name not in ("good.md", "long.md"):
            assert (tmp_path / name).read_bytes() == data, name
    # the 2 MB single line is valid Markdown: checked and fixed like any other
    assert (tmp_path / "long.md").read_bytes() == snapshot["long.md"][:-2] + b"\n"
    assert good.read_bytes() == b"# Title\n\n- [A](https://example.org/a): Bad\n"


@pytest.mark.slow
def test_crlf_bom_tabs_survive(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    original = (
        "\ufeff# Title\r\n\r\n- [A](https://example.org/a)\t: Tab\tinside | X\r\n"
        "- [B](https://example.org/b) : Spaces   after\t\r\n\r\n```\r\n\tcode with tab \r\n```\r\n"
    ).encode()
    path.write_bytes(original)
    proc = run(["--isolated", "--fix", str(path)])
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (
        path.read_bytes()
        == (
            "\ufeff# Title\r\n\r\n- [A](https://example.org/a): Tab\tinside | X\r\n"
            "- [B](https://example.org/b): Spaces after\r\n\r\n```\r\n\tcode with tab \r\n```\r\n"
        ).encode()
    )


def test_diff_of_a_bom_crlf_file_shows_its_lines_as_written(tmp_path: Path) -> None:
    # the BOM belongs to the first line, \r to each line, and a character outside the
    # Basic Multilingual Plane (the diff reads the text itself, not a copy decoded again)
    path = tmp_path / "list.md"
    path.write_bytes(
        "\ufeff# Title \r\n\r\n- [A](https://example.org/a) : X \U0001f680\r\n".encode()
    )
    result = CliRunner().invoke(cli, ["check", "--isolated", "--diff", str(path)])
    assert result.exit_code == 1
    # (the bytes: click's ``stdout`` turns \r\n into \n)
    assert result.stdout_bytes.decode() == (
        f"--- {path}\n+++ {path}\n@@ -1,3 +1,3 @@\n"
        "-\ufeff# Title \r\n+\ufeff# Title\r\n \r\n"
        "-- [A](https://example.org/a) : X \U0001f680\r\n"
        "+- [A](https://example.org/a): X \U0001f680\r\n"
    )


@pytest.mark.slow
def test_missing_final_newline_is_kept_without_al603(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(b"# T\n\n- [A](https://example.org/a) : X")
    assert run(["--isolated", "--fix", "--ignore", "AL603", str(path)]).returncode == 0
    assert path.read_bytes() == b"# T\n\n- [A](https://example.org/a): X"


@pytest.mark.slow
def test_file_mode_is_kept_and_unchanged_files_not_written(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(b"# T\n\n- [A](https://example.org/a) : X\n")
    path.chmod(0o640)
    run(["--isolated", "--fix", str(path)])
    assert path.stat().st_mode & 0o777 == 0o640
    mtime = path.stat().st_mtime_ns
    os.utime(path, ns=(mtime - 10**9, mtime - 10**9))
    run(["--isolated", "--fix", str(path)])
    assert path.stat().st_mtime_ns == mtime - 10**9


@pytest.mark.slow
def test_stdin_check_and_fix() -> None:
    data = b"# T\n\n- [A](https://example.org/a) : X\n"
    proc = run(
        ["-", "--isolated", "--stdin-filename", "docs/list.md", "--output-format", "concise"],
        stdin=data,
    )
    assert proc.returncode == 1
    assert proc.stdout.decode().splitlines()[0] == (
        "docs/list.md:3:29: AL102 [*] Title separator ' : ' should be ': '"
    )
    proc = run(["-", "--isolated", "--fix", "--stdin-filename", "list.md"], stdin=data)
    assert proc.returncode == 0
    assert proc.stdout == b"# T\n\n- [A](https://example.org/a): X\n"
    assert b"1 fixed" in proc.stderr


@pytest.mark.slow
def test_code_point_columns(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text("# T\n\n- [Café ’n 模型](https://example.org/a) : X\n", encoding="utf-8")
    proc = run(["--isolated", "--output-format", "json", str(path)])
    data = json.loads(proc.stdout)
    assert [(d["code"], d["location"], d["end_location"]) for d in data] == [
        ("AL102", {"row": 3, "column": 38}, {"row": 3, "column": 41})
    ]


def test_output_formats_on_the_example(tmp_path: Path) -> None:
    runner = CliRunner()
    for fmt in FORMATS:
        result = runner.invoke(cli, ["check", "--isolated", "--output-format", fmt, str(EXAMPLE)])
        assert result.exit_code == 1, (fmt, result.output)
        assert result.output.strip(), fmt
    result = runner.invoke(cli, ["check", "--isolated", "--output-format", "json", str(EXAMPLE)])
    items = json.loads(result.output)
    assert len(items) == 14
    assert set(items[0]) >= {
        "code",
        "name",
        "message",
        "filename",
        "location",
        "end_location",
        "fix",
        "url",
        "related",
    }
    assert items[0]["fix"]["applicability"] == "safe"
    sarif = json.loads(
        runner.invoke(cli, ["check", "--isolated", "--output-format", "sarif", str(EXAMPLE)]).output
    )
    import jsonschema

    schema = json.loads((REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
    jsonschema.validate(sarif, schema)
    import xml.etree.ElementTree as ET

    ET.fromstring(
        runner.invoke(cli, ["check", "--isolated", "--output-format", "junit", str(EXAMPLE)]).output
    )
    github = runner.invoke(
        cli, ["check", "--isolated", "--output-format", "github", str(EXAMPLE)]
    ).output
    assert github.splitlines()[0].startswith("::error title=awesome-lint (AL601),file=")


@pytest.mark.slow
def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    proc = run(["--isolated", "--output-format", "json", "-o", str(out), str(EXAMPLE)])
    assert proc.returncode == 1
    assert proc.stdout == b""
    assert len(json.loads(out.read_text())) == 14


@pytest.mark.slow
def test_statistics() -> None:
    proc = run(["--isolated", "--statistics", str(EXAMPLE)])
    assert proc.returncode == 1
    assert "AL102" in proc.stdout.decode()


@pytest.mark.slow
def test_rules_and_rule_commands() -> None:
    runner = CliRunner()
    listing = runner.invoke(cli, ["rules"])
    assert listing.exit_code == 0
    assert "AL102  title-separator" in listing.output
    doc = runner.invoke(cli, ["rule", "AL102"])
    assert doc.exit_code == 0
    assert doc.output.startswith("# AL102 title-separator\n")
    assert "## Fix safety" in doc.output
    by_name = runner.invoke(cli, ["rule", "title-separator"])
    assert by_name.output == doc.output
    proc = run(["rule", "AL999"])
    assert proc.returncode == 2
    assert proc.stderr == b"awesome-lint: error: unknown rule 'AL999' (see `awesome-lint rules`)\n"


@pytest.mark.slow
def test_version() -> None:
    from awesome_lint import __version__

    proc = run(["--version"])
    assert proc.returncode == 0
    assert proc.stdout.decode() == f"awesome-lint {__version__}\n"


@pytest.mark.slow
def test_usage_error_exits_2() -> None:
    proc = run(["--output-format", "nope", "x.md"])
    assert proc.returncode == 2


def test_main_reports_internal_errors_without_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import awesome_lint.runner as runner_module

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(runner_module.Runner, "collect", boom)
    with pytest.raises(SystemExit) as exc:
        main(["check", "x.md"])
    assert exc.value.code == 2
    assert (
        capsys.readouterr().err
        == "awesome-lint: internal error: RuntimeError: boom (run with -v for details)\n"
    )


@pytest.mark.slow
def test_ascii_console_gets_escapes_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text("# T\n\n- [模型](https://example.org/a) : X\n", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "awesome_lint", "--isolated", str(path)],
        capture_output=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    assert b"- [\\u6a21\\u578b](https://example.org/a) : X" in proc.stdout


@pytest.mark.slow
def test_no_files_to_check_is_a_warning(tmp_path: Path) -> None:
    proc = run(["--isolated"], cwd=tmp_path)
    assert proc.returncode == 0
    assert proc.stderr == b"awesome-lint: warning: no Markdown files to check\n"


def test_check_turns_off_markdown_it_debug_logging() -> None:
    import logging

    list_logger = logging.getLogger("markdown_it.rules_block.list")
    list_logger.disabled = False
    result = CliRunner().invoke(cli, ["check", "--isolated", "--exit-zero", str(EXAMPLE)])
    assert result.exit_code == 0
    assert list_logger.disabled
    assert not logging.getLogger("awesome_lint").disabled
