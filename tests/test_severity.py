"""Per-rule `severity` (error, warning, info): every format and the exit code honour it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from awesome_lint.cli import cli

TEXT = "# T\n\n- [A](https://example.org/a) : X  \n"
CONFIG = '[rules.trailing-whitespace]\nseverity = "warning"\n[rules.AL102]\nseverity = "info"\n'


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.md").write_text(TEXT)
    (tmp_path / ".awesome-lint.toml").write_text(CONFIG)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    for name in ("GITHUB_WORKSPACE", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def check(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["check", *args])
    return result.exit_code, result.stdout


def test_warnings_and_infos_alone_exit_zero_unless_strict(folder: Path) -> None:
    assert check("--output-format", "concise", "a.md") == (
        0,
        "a.md:3:29: AL102 [*] Title separator ' : ' should be ': ' (info)\n"
        "a.md:3:33: AL104 [*] Trailing whitespace (warning)\n"
        "Found 2 problems. 2 fixable with --fix.\n",
    )
    assert check("--strict", "--output-format", "concise", "-q", "a.md")[0] == 1
    (folder / ".awesome-lint.toml").write_text('[rules.AL102]\nseverity = "info"\n')
    assert check("--output-format", "concise", "a.md") == (
        1,
        "a.md:3:29: AL102 [*] Title separator ' : ' should be ': ' (info)\n"
        "a.md:3:33: AL104 [*] Trailing whitespace\n"
        "Found 2 problems. 2 fixable with --fix.\n",
    )


def test_ci_formats_carry_the_severity(folder: Path) -> None:
    code, out = check("--output-format", "github", "a.md")
    assert code == 0
    assert [line.split(" ", 1)[0] for line in out.splitlines()] == ["::notice", "::warning"]
    sarif = json.loads(check("--output-format", "sarif", "a.md")[1])
    assert [r["level"] for r in sarif["runs"][0]["results"]] == ["note", "warning"]
    gitlab = json.loads(check("--output-format", "gitlab", "a.md")[1])
    assert [issue["severity"] for issue in gitlab] == ["info", "minor"]
    rdjson = json.loads(check("--output-format", "rdjson", "a.md")[1])
    assert [d["severity"] for d in rdjson["diagnostics"]] == ["INFO", "WARNING"]
    objects = json.loads(check("--output-format", "json", "a.md")[1])
    assert [o["severity"] for o in objects] == ["info", "warning"]
    assert check("--output-format", "grouped", "-q", "a.md")[1] == (
        "a.md:\n"
        "  3:29 AL102 [*] Title separator ' : ' should be ': ' (info)\n"
        "  3:33 AL104 [*] Trailing whitespace (warning)\n"
        "\n"
    )


def test_bad_severity_is_a_configuration_error(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from awesome_lint.cli import main

    (folder / ".awesome-lint.toml").write_text('[rules.AL104]\nseverity = "fatal"\n')
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "a.md"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err == (
        f"awesome-lint: error: {(folder / '.awesome-lint.toml').resolve()}: "
        "rules.trailing-whitespace.severity must be one of 'error', 'warning', 'info'\n"
    )


def test_a_rules_own_default_severity_and_its_override() -> None:
    from awesome_lint.config.loader import Config
    from awesome_lint.config.resolver import ConfigResolver, Overrides

    resolver = ConfigResolver(Overrides(isolated=True))
    assert resolver.settings_for(None, Config()).severities == {"AL803": "warning"}
    config = Config({"rules": {"AL803": {"severity": "error"}, "AL104": {"severity": "info"}}})
    assert resolver.settings_for(None, config).severities == {"AL803": "error", "AL104": "info"}
