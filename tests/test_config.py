"""Configuration discovery, validation and precedence; suppression comments."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from awesome_lint.api import lint_text
from awesome_lint.settings import Settings

MESSY = b"# T\n\n- [A](https://example.org/a) : X  y\n"


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "awesome_lint", "--output-format", "concise", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )


def codes(proc: subprocess.CompletedProcess[str]) -> list[str]:
    return [line.split()[1] for line in proc.stdout.splitlines() if ": AL" in line]


@pytest.mark.slow
def test_nearest_config_wins_without_merging(tmp_path: Path) -> None:
    (tmp_path / ".awesome-lint.toml").write_text('ignore = ["AL102"]\n')
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "awesome-lint.toml").write_text('ignore = ["AL105"]\n')
    (tmp_path / "a.md").write_bytes(MESSY)
    (sub / "b.md").write_bytes(MESSY)
    assert codes(run(["a.md"], tmp_path)) == ["AL105"]
    assert codes(run(["sub/b.md"], tmp_path)) == ["AL102"]
    assert codes(run(["--isolated", "a.md"], tmp_path)) == ["AL102", "AL105"]


@pytest.mark.slow
def test_pyproject_table_and_skip_without_it(tmp_path: Path) -> None:
    (tmp_path / "awesome-lint.toml").write_text('select = ["AL105"]\n')
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (sub / "b.md").write_bytes(MESSY)
    # sub/pyproject.toml has no [tool.awesome-lint]: skipped, the parent's file applies
    assert codes(run(["sub/b.md"], tmp_path)) == ["AL105"]
    (sub / "pyproject.toml").write_text('[tool.awesome-lint]\nselect = ["AL102"]\n')
    assert codes(run(["sub/b.md"], tmp_path)) == ["AL102"]


@pytest.mark.slow
def test_extend_and_precedence(tmp_path: Path) -> None:
    (tmp_path / "base.toml").write_text('select = ["AL102", "AL105"]\n')
    (tmp_path / ".awesome-lint.toml").write_text('extend = "base.toml"\nignore = ["AL105"]\n')
    (tmp_path / "a.md").write_bytes(MESSY)
    assert codes(run(["a.md"], tmp_path)) == ["AL102"]
    assert codes(run(["--config", 'ignore = ["AL102"]', "a.md"], tmp_path)) == ["AL105"]
    assert codes(run(["--select", "AL105", "a.md"], tmp_path)) == ["AL105"]


@pytest.mark.slow
def test_unknown_key_and_bad_option_value_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes(MESSY)
    (tmp_path / ".awesome-lint.toml").write_text('selct = ["AL1"]\n')
    proc = run(["a.md"], tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.endswith(".awesome-lint.toml: unknown configuration key 'selct'\n")
    (tmp_path / ".awesome-lint.toml").write_text('[rules.subtitle-period]\nperiod = "sometimes"\n')
    proc = run(["a.md"], tmp_path)
    assert proc.returncode == 2
    assert "rules.subtitle-period.period = 'sometimes' is not one of" in proc.stderr
    (tmp_path / ".awesome-lint.toml").write_text("not toml = = \n")
    proc = run(["a.md"], tmp_path)
    assert proc.returncode == 2
    assert "invalid TOML" in proc.stderr


@pytest.mark.slow
def test_per_file_ignores_include_exclude(tmp_path: Path) -> None:
    (tmp_path / ".awesome-lint.toml").write_text(
        'include = ["lists/*.md"]\nexclude = ["drafts/"]\n'
        '[per-file-ignores]\n"lists/b.md" = ["AL1"]\n'
    )
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "a.md").write_bytes(MESSY)
    (tmp_path / "lists" / "b.md").write_bytes(MESSY)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "c.md").write_bytes(MESSY)
    proc = run([], tmp_path)
    assert [line.split(":")[0] for line in proc.stdout.splitlines() if ": AL" in line] == [
        "lists/a.md",
        "lists/a.md",
    ]
    proc = run(["."], tmp_path)
    files = {line.split(":")[0] for line in proc.stdout.splitlines() if ": AL" in line}
    assert files == {"lists/a.md"}
    proc = run(["--force-exclude", "drafts/c.md"], tmp_path)
    assert proc.returncode == 0


@pytest.mark.slow
def test_unfixable_and_unsafe_config(tmp_path: Path) -> None:
    (tmp_path / ".awesome-lint.toml").write_text('unfixable = ["AL105"]\n')
    path = tmp_path / "a.md"
    path.write_bytes(MESSY)
    proc = run(["--fix", "a.md"], tmp_path)
    assert proc.returncode == 1
    assert path.read_bytes() == b"# T\n\n- [A](https://example.org/a): X  y\n"


@pytest.mark.slow
def test_unfixable_rule_reports_no_fix_anywhere(tmp_path: Path) -> None:
    (tmp_path / ".awesome-lint.toml").write_text('unfixable = ["AL105"]\n')
    (tmp_path / "a.md").write_bytes(MESSY)
    proc = run(["a.md"], tmp_path)
    assert proc.stdout == (
        "a.md:3:29: AL102 [*] Title separator ' : ' should be ': '\n"
        "a.md:3:33: AL105 2 spaces in a row\n"
        "Found 2 problems. 1 fixable with --fix.\n"
    )
    proc = run(["--output-format", "json", "a.md"], tmp_path)
    fixes = {item["code"]: item["fix"] for item in json.loads(proc.stdout)}
    assert fixes["AL105"] is None and fixes["AL102"]["applicability"] == "safe"


def test_suppression_ranges() -> None:
    text = (
        "# T\n\n"
        "<!-- awesome-lint-disable AL102 -->\n"
        "- [A](https://example.org/a) : X\n"
        "- [B](https://example.org/b) : X\n"
        "<!-- awesome-lint-enable AL102 -->\n"
        "- [C](https://example.org/c) : X\n"
        "- [D](https://example.org/d) : X <!-- awesome-lint-disable-line -->\n"
        "<!-- awesome-lint-disable-next-line title-separator, AL105 -- reason here -->\n"
        "- [E](https://example.org/e) : X\n"
        "```\n<!-- awesome-lint-disable-file -->\n```\n"
        + "".join(f"- [{n}](https://example.org/{n}): Right\n" for n in "FGHIJK")
    )
    found = lint_text(text, Settings.default())
    assert [(d.code, text.count("\n", 0, d.start) + 1) for d in found] == [("AL102", 7)]
    whole = "<!-- awesome-lint-disable-file AL102 -->\n" + text
    # every directive suppressed something (overlapping ranges all count as used)
    assert [d.code for d in lint_text(whole, Settings.default())] == []


@pytest.mark.slow
def test_isolated_keeps_inline_settings_and_refuses_a_config_file(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes(MESSY)
    (tmp_path / "mine.toml").write_text('ignore = ["AL102"]\n')
    inline = run(["--isolated", "--config", 'ignore = ["AL105"]', "a.md"], tmp_path)
    assert codes(inline) == ["AL102"]
    proc = run(["--isolated", "--config", "mine.toml", "a.md"], tmp_path)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr == (
        "awesome-lint: error: --config mine.toml: --isolated ignores all configuration files;"
        ' pass settings as --config "key = value" instead\n'
    )


def test_a_pyproject_that_never_names_awesome_lint_is_not_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from awesome_lint.config import loader

    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\n\n[tool.ruff]\nline-length = 100\n')
    parsed: list[str] = []
    real_loads = loader._loads
    monkeypatch.setattr(loader, "_loads", lambda text: parsed.append(text) or real_loads(text))
    assert loader.find_config_file(tmp_path) is None
    assert parsed == []
    # a quoted key may spell the name with an escape: such a file is parsed, and found
    escaped = '[tool."awesome\\u002dlint"]\nselect = ["AL102"]\n'
    pyproject.write_text(escaped)
    assert loader.find_config_file(tmp_path) == pyproject
    assert loader.load_file(pyproject).values == {"select": ["AL102"]}
    assert parsed == [escaped, escaped]
    pyproject.write_text('[tool.awesome-lint]\nselect = ["AL105"]\n')
    assert loader.find_config_file(tmp_path) == pyproject
    assert parsed[2:] == ['[tool.awesome-lint]\nselect = ["AL105"]\n']


def test_a_broken_pyproject_is_skipped_or_reported_as_before(tmp_path: Path) -> None:
    from awesome_lint.config import loader

    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text("[project\n")
    assert loader.find_config_file(tmp_path) is None
    pyproject.write_text("[tool.awesome-lint\n")
    with pytest.raises(loader.ConfigError, match="invalid TOML"):
        loader.find_config_file(tmp_path)
