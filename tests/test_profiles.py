"""`profile = "awesome"`: the awesome-list guidelines' rules, and the contributing-file check."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from awesome_lint.cli import cli, main

LIST = b"""# Awesome Serving

- [Orca](https://example.org/orca) - A serving system.

## License

CC0
"""


def check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, list[str]]:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "--output-format", "concise", "-q", *args])
    return result.exit_code, result.output.splitlines()


def test_profile_turns_on_the_guideline_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "readme.md").write_bytes(LIST)
    (tmp_path / ".awesome-lint.toml").write_text('profile = "awesome"\n', encoding="utf-8")
    code, lines = check(tmp_path, monkeypatch)
    assert code == 1
    assert lines == [
        "readme.md:1:1: AL712 No contributing guide (contributing.md) next to this file",
        "readme.md:1:3: AL709 The main heading has no Awesome badge",
        "readme.md:5:4: AL711 Licence section in the list; put the licence in a license file",
    ]


def test_contributing_guide_in_dot_github(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "readme.md").write_bytes(LIST)
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "CONTRIBUTING.md").write_bytes(b"# Contributing\n")
    code, lines = check(tmp_path, monkeypatch, "--select", "AL712", "readme.md")
    assert (code, lines) == (0, [])


def test_without_profile_the_guideline_rules_are_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "readme.md").write_bytes(LIST)
    code, lines = check(tmp_path, monkeypatch, "--isolated", "readme.md")
    assert (code, lines) == (0, [])


def test_select_on_the_command_line_overrides_the_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "readme.md").write_bytes(LIST)
    (tmp_path / ".awesome-lint.toml").write_text('profile = "awesome"\n', encoding="utf-8")
    code, lines = check(tmp_path, monkeypatch, "--select", "AL711", "readme.md")
    assert code == 1
    assert lines == [
        "readme.md:5:4: AL711 Licence section in the list; put the licence in a license file"
    ]


def test_unknown_profile_is_a_config_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "readme.md").write_bytes(LIST)
    (tmp_path / ".awesome-lint.toml").write_text('profile = "papers"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_info:
        main(["check"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err == (
        f"awesome-lint: error: {tmp_path.resolve() / '.awesome-lint.toml'}: "
        "'profile' must be one of 'awesome'\n"
    )
