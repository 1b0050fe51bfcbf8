"""What a new user meets: errors never end in "All checks passed!", clean patches, hints."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_lint.cli import main

MESSY = "# T\n\ntext  \n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("NO_COLOR", "FORCE_COLOR", "GITHUB_STEP_SUMMARY", "GITHUB_WORKSPACE"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "ok.md").write_text("# T\n\ntext\n")
    (tmp_path / "messy.md").write_text(MESSY)
    (tmp_path / "bad.md").write_bytes(b"# \xff\n")
    return tmp_path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(["--isolated", *args])
    out, err = capsys.readouterr()
    code = exit_info.value.code
    assert isinstance(code, int)
    return code, out, err


def test_unreadable_file_is_never_all_checks_passed(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["ok.md", "bad.md"], capsys) == (
        2,
        "No problems found, but 1 file could not be checked.\n",
        "awesome-lint: error: bad.md: not valid UTF-8 (byte 0xff at offset 2)\n",
    )
    code, out, _ = run(["--output-format", "concise", "messy.md", "bad.md"], capsys)
    assert (code, out.splitlines()[-1]) == (
        2,
        "Found 1 problem. 1 fixable with --fix. 1 file could not be checked.",
    )


def test_diff_keeps_stdout_a_clean_patch(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["--diff", "--output-format", "concise", "messy.md"], capsys)
    assert code == 1
    assert out == "--- messy.md\n+++ messy.md\n@@ -1,3 +1,3 @@\n # T\n \n-text  \n+text\n"
    assert (
        err
        == "messy.md:3:5: AL104 [*] Trailing whitespace\nFound 1 problem. 1 fixable with --fix.\n"
    )


@pytest.mark.parametrize("fmt", ["json", "github", "sarif"])
def test_statistics_with_a_machine_format_is_an_error(
    folder: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    assert run(["--statistics", "--output-format", fmt, "messy.md"], capsys) == (
        2,
        "",
        "awesome-lint: error: --statistics works with the text formats (full, concise, grouped),"
        f" not {fmt}\n",
    )


def test_show_fixes_with_diff_is_an_error(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--show-fixes", "--diff", "messy.md"], capsys) == (
        2,
        "",
        "awesome-lint: error: --show-fixes lists what --fix changed; --diff already shows it\n",
    )


def test_quoted_glob_is_expanded(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "papers").mkdir()
    (folder / "papers" / "a.md").write_text(MESSY)
    (folder / "papers" / "b.md").write_text(MESSY)
    code, out, _ = run(["--output-format", "concise", "-q", "papers/*.md"], capsys)
    assert (code, out) == (
        1,
        "papers/a.md:3:5: AL104 [*] Trailing whitespace\n"
        "papers/b.md:3:5: AL104 [*] Trailing whitespace\n",
    )
    code, _, err = run(["nothing/*.md"], capsys)
    assert (code, err) == (2, "awesome-lint: error: nothing/*.md: no file matches this pattern\n")


def test_force_exclude_applies_to_stdin_filename(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    (folder / ".awesome-lint.toml").write_text('exclude = ["drafts/"]\n')

    class Stdin:
        buffer = io.BytesIO(MESSY.encode())

    monkeypatch.setattr("sys.stdin", Stdin)
    with pytest.raises(SystemExit) as exit_info:
        main(["--fix", "--force-exclude", "-", "--stdin-filename", "drafts/x.md"])
    assert exit_info.value.code == 0
    assert capsys.readouterr() == (MESSY, "")


def test_did_you_mean(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--select", "titel-separator", "ok.md"], capsys)[2] == (
        "awesome-lint: error: unknown rule code or name: titel-separator"
        " (did you mean title-separator?)\n"
    )
    assert run(["--ignore", "AL1O4,AL2O1", "ok.md"], capsys)[2] == (
        "awesome-lint: error: unknown rule code or name: AL1O4, AL2O1"
        " (did you mean AL1O4 → AL104, AL2O1 → AL201?)\n"
    )


def test_unknown_rule_in_pyproject_names_the_file(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "pyproject.toml").write_text('[tool.awesome-lint]\nignore = ["AL1O4"]\n')
    with pytest.raises(SystemExit) as exit_info:
        main(["ok.md"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err == (
        f"awesome-lint: error: {(folder / 'pyproject.toml').resolve()}: 'ignore':"
        " unknown rule code or name: AL1O4 (did you mean AL104?)\n"
    )


@pytest.mark.parametrize(
    ("env", "colored"),
    [
        ({"NO_COLOR": "", "FORCE_COLOR": "1"}, True),
        ({"FORCE_COLOR": "1"}, True),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ],
)
def test_color_environment(
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    env: dict[str, str],
    colored: bool,
) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    out = run(["--output-format", "concise", "messy.md"], capsys)[1]
    assert ("\x1b[" in out) is colored


def test_show_files(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "sub").mkdir()
    (folder / "sub" / "x.md").write_text(MESSY)
    assert run(["--show-files", "sub", "ok.md"], capsys) == (0, "sub/x.md\nok.md\n", "")
    assert run(["--show-files", "missing.md"], capsys) == (
        2,
        "",
        "awesome-lint: error: missing.md: no such file or directory\n",
    )


def test_show_settings(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / ".awesome-lint.toml").write_text(
        'select = ["AL104", "AL106"]\nunfixable = ["AL106"]\n'
        '[rules.trailing-whitespace]\nseverity = "warning"\n'
    )
    with pytest.raises(SystemExit) as exit_info:
        main(["--show-settings", "ok.md"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == (
        "# settings for ok.md\n"
        f'config-file = "{(folder / ".awesome-lint.toml").resolve()}"\n'
        'select = ["AL104", "AL106"]\n'
        'fixable = ["ALL"]\n'
        'unfixable = ["AL106"]\n'
        "unsafe-fixes = false\n"
        "exclude = []\n"
        "respect-gitignore = true\n"
        'rules.trailing-whitespace = { severity = "warning" }\n'
        'rules.subtitle-period = { period = "consistent" }\n'
    )


def test_fix_only_and_no_fix(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--fix", "--no-fix", "--output-format", "concise", "messy.md"], capsys)[0] == 1
    assert (folder / "messy.md").read_text() == MESSY
    assert run(["--fix-only", "--output-format", "concise", "messy.md"], capsys) == (
        0,
        "Found 1 problem (1 fixed, 0 remaining).\n",
        "",
    )
    assert (folder / "messy.md").read_text() == "# T\n\ntext\n"


def test_unreadable_paths_are_one_line_errors_and_the_rest_is_checked(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    (folder / "locked").mkdir()
    (folder / "locked" / "x.md").write_text(MESSY)
    real_access, real_exists = os.access, Path.exists

    def access(path: object, mode: int, **kwargs: object) -> bool:
        return Path(str(path)).name != "locked" and real_access(path, mode)  # type: ignore[arg-type]

    def exists(self: Path, **kwargs: object) -> bool:
        if self.name == "y.md":
            raise PermissionError(13, "Permission denied")
        return real_exists(self)

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(Path, "exists", exists)
    assert run(["--output-format", "concise", "locked", "locked/y.md", "messy.md"], capsys) == (
        2,
        "messy.md:3:5: AL104 [*] Trailing whitespace\n"
        "Found 1 problem. 1 fixable with --fix. 2 files could not be checked.\n",
        "awesome-lint: error: locked: permission denied\n"
        "awesome-lint: error: locked/y.md: permission denied\n",
    )
