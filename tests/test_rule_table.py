"""The rule registry's table: it matches the rule classes, and a run imports only the
rules it enables."""

from __future__ import annotations

import inspect
import pkgutil
import re
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest
from click.testing import CliRunner

import awesome_lint.rules as rules_pkg
from awesome_lint.cli import cli
from awesome_lint.config import selectors
from awesome_lint.rules import RULE_TABLE, RuleInfo, find, get_rule
from awesome_lint.rules.base import Rule

REPO = Path(__file__).resolve().parents[1]


def _rule_classes() -> list[type[Rule]]:
    out: list[type[Rule]] = []
    names = sorted(m.name for m in pkgutil.iter_modules(rules_pkg.__path__))
    for name in names:
        if not re.fullmatch(r"al\d{3}_\w+", name):
            continue
        module = import_module(f"awesome_lint.rules.{name}")
        out.extend(
            value
            for value in vars(module).values()
            if inspect.isclass(value)
            and issubclass(value, Rule)
            and value.__module__ == module.__name__
            and "code" in vars(value)
        )
    return out


def test_the_table_matches_the_rule_classes() -> None:
    classes = _rule_classes()
    assert [info.row() for info in RULE_TABLE] == [RuleInfo.of(rule).row() for rule in classes]
    for info, rule in zip(RULE_TABLE, classes, strict=True):
        assert info.module == rule.__module__
        assert info.load() is rule
        assert get_rule(info.code.lower()) is rule
        assert find(info.name) is info


def test_the_generator_finds_the_table_current() -> None:
    completed = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "gen_rule_table.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert (completed.returncode, completed.stdout) == (0, "")


def test_unknown_codes_and_names_are_not_rules() -> None:
    assert find("AL999") is None
    assert get_rule("no-such-rule") is None
    assert get_rule("") is None


def test_every_rule_class_is_listed_by_rules() -> None:
    from awesome_lint.rules import RULES

    assert tuple(_rule_classes()) == RULES
    listed = CliRunner().invoke(cli, ["rules"]).output.splitlines()
    assert [line.split()[0] for line in listed] == [info.code for info in RULE_TABLE]


def test_selectors_resolve_from_the_table() -> None:
    assert [r.code for r in selectors.resolve(["AL70"])] == [
        "AL701",
        "AL702",
        "AL703",
        "AL704",
        "AL705",
        "AL706",
        "AL708",
    ]
    assert [r.code for r in selectors.resolve(["AL70"], ["awesome-badge"], ["AL702"])] == [
        "AL701",
        "AL703",
        "AL704",
        "AL705",
        "AL706",
        "AL708",
        "AL709",
    ]
    assert len(selectors.resolve(["ALL"])) == len(RULE_TABLE)


def _rule_modules_imported(*args: str) -> list[str]:
    """The rule modules a command line imports, in a fresh interpreter."""
    program = f"""
import sys
from awesome_lint.cli import main
try:
    main({list(args)!r})
except SystemExit:
    pass
print(" ".join(sorted(m.rsplit(".", 1)[1][:5] for m in sys.modules
                      if m.startswith("awesome_lint.rules.al"))), file=sys.stderr)
"""
    completed = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    return completed.stderr.strip().splitlines()[-1].split()


EXAMPLE = str(REPO / "examples" / "messy-paper-list.md")
OPT_IN = ["al203", "al707", "al709", "al710", "al711", "al712", "al713"]


def test_a_default_run_does_not_import_opt_in_rules() -> None:
    imported = _rule_modules_imported("check", "--isolated", EXAMPLE)
    assert len(imported) == len(RULE_TABLE) - len(OPT_IN)
    assert not set(OPT_IN) & set(imported)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--select", "AL60"], ["al601", "al602", "al603", "al604", "al605", "al606", "al607",
                                "al608", "al609"]),
        (["--select", "AL102,awesome-badge"], ["al102", "al709"]),
    ],
)  # fmt: skip
def test_a_selection_imports_only_its_rules(args: list[str], expected: list[str]) -> None:
    assert _rule_modules_imported("check", "--isolated", *args, EXAMPLE) == expected


def test_suppressions_name_rules_the_run_did_not_load(tmp_path: Path) -> None:
    # AL001 tells a rule that is off in this run (never reported) from an unknown one
    page = tmp_path / "a.md"
    page.write_text(
        "# T\n\n<!-- awesome-lint-disable-next-line toc-required -->\n- [a](https://a.io)\n\n"
        "<!-- awesome-lint-disable-next-line AL102 -->\n- [b](https://b.io)\n\n"
        "<!-- awesome-lint-disable-next-line no-such-rule -->\n- [c](https://c.io)\n",
        encoding="utf-8",
    )
    args = ["check", "--isolated", "--output-format", "concise", "--select"]
    result = CliRunner().invoke(cli, [*args, "AL001,AL102", str(page)])
    assert result.output.splitlines()[:2] == [
        f"{page}:6:1: AL001 [*] Unused suppression comment (disable-next-line AL102)",
        f"{page}:9:1: AL001 [*] Suppression comment names unknown rule no-such-rule",
    ]
    result = CliRunner().invoke(cli, [*args, "AL001", str(page)])
    assert result.output.splitlines()[:1] == [
        f"{page}:9:1: AL001 [*] Suppression comment names unknown rule no-such-rule",
    ]
