"""Project-level checks: registry, README, CI script, rule docs."""

from __future__ import annotations

import pkgutil
import re
from pathlib import Path

from click.testing import CliRunner

import awesome_lint.rules as rules_pkg
from awesome_lint.cli import cli
from awesome_lint.rules import RULES, get_rule

REPO = Path(__file__).resolve().parents[1]


def test_every_rule_module_is_registered_and_unique() -> None:
    modules = {
        m.name
        for m in pkgutil.iter_modules(rules_pkg.__path__)
        if re.fullmatch(r"al\d{3}_\w+", m.name)
    }
    registered = {rule.__module__.rsplit(".", 1)[-1] for rule in RULES}
    assert modules == registered
    codes = [rule.code for rule in RULES]
    names = [rule.name for rule in RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    for rule in RULES:
        assert re.fullmatch(r"AL\d{3}", rule.code)
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
        assert rule.__module__.endswith(f"{rule.code.lower()}_{rule.name.replace('-', '_')}")
        assert rule.fix in ("safe", "unsafe", "none")
        doc = rule.doc()
        for heading in ("## What it does", "## Why", "## Example", "## Fix safety", "## Options"):
            assert heading in doc, (rule.code, heading)
        assert get_rule(rule.code) is rule
        assert get_rule(rule.name) is rule


def test_readme_rule_table_matches_rules_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- rules:start -->")[1].split("<!-- rules:end -->")[0]
    rows = re.findall(r"^\| \[(AL\d{3})\]\([^)]*\) \| `([a-z-]+)` \| (\w+) \|", table, re.M)
    listing = CliRunner().invoke(cli, ["rules"]).output
    listed = [tuple(line.split()[:3]) for line in listing.splitlines()]
    assert rows == listed


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    command = next(
        line for line in readme.splitlines() if "pytest" in line and "pip install" in line
    )
    tail = command.split(". .venv/bin/activate && ", 1)[1]
    assert tail in ci
    example = re.search(r"awesome-lint (examples/\S+\.md)", readme)
    assert example is not None and (REPO / example.group(1)).is_file()


def test_changelog_exists() -> None:
    assert (REPO / "CHANGELOG.md").read_text(encoding="utf-8").startswith("# Changelog")
