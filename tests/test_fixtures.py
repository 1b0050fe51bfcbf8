"""Run every rule fixture: tests/fixtures/rules/<CODE>/<case>.md.

Next to each input:
- ``<case>.expected.txt``: the diagnostics, one per line, ``LINE:COL: CODE message``;
- ``<case>.fixed.md``: the bytes after ``--fix`` (absent: the input must not change);
- ``<case>.unsafe.md``: the bytes after ``--fix --unsafe-fixes`` (absent: same as fixed);
- ``<case>.toml``: optional configuration (same keys as a config file).
Only the fixture's own rule runs unless the .toml selects others.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from awesome_lint.api import fix_text, lint_text
from awesome_lint.config.loader import validate
from awesome_lint.config.selectors import resolve
from awesome_lint.settings import Settings
from awesome_lint.source import SourceText

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).parent / "fixtures" / "rules"
SUFFIXES = (".fixed.md", ".unsafe.md")
CASES = sorted(p for p in ROOT.glob("*/*.md") if not p.name.endswith(SUFFIXES))


def settings_for(case: Path, *, unsafe: bool) -> Settings:
    code = case.parent.name
    values: dict[str, object] = {}
    toml = case.with_suffix(".toml")
    if toml.exists():
        values = validate(tomllib.loads(toml.read_text(encoding="utf-8")), str(toml))
    select = values.get("select", [code])
    assert isinstance(select, list)
    rules = resolve(select, values.get("extend-select", []), values.get("ignore", []))  # type: ignore[arg-type]
    options = values.get("rules", {})
    assert isinstance(options, dict)
    return Settings(rules, options, unsafe_fixes=unsafe)


def render(source: SourceText, diagnostics: list) -> str:  # type: ignore[type-arg]
    lines = []
    for d in diagnostics:
        line, col = source.position(d.start)
        lines.append(f"{line}:{col}: {d.code} {d.message}")
    return "".join(f"{line}\n" for line in lines)


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fixture(case: Path) -> None:
    data = case.read_bytes()
    source = SourceText.from_bytes(data)
    expected_txt = case.with_name(case.stem + ".expected.txt")
    assert expected_txt.exists(), f"missing {expected_txt.name}"
    diagnostics = lint_text(source, settings_for(case, unsafe=False))
    assert render(source, diagnostics) == expected_txt.read_text(encoding="utf-8")

    fixed_path = case.with_name(case.stem + ".fixed.md")
    expected_fixed = fixed_path.read_bytes() if fixed_path.exists() else data
    fixed = fix_text(source, settings_for(case, unsafe=False))
    assert fixed.source.encode() == expected_fixed

    unsafe_path = case.with_name(case.stem + ".unsafe.md")
    expected_unsafe = unsafe_path.read_bytes() if unsafe_path.exists() else expected_fixed
    unsafe = fix_text(source, settings_for(case, unsafe=True))
    assert unsafe.source.encode() == expected_unsafe

    # fixing the fixed output changes nothing
    again = fix_text(unsafe.source, settings_for(case, unsafe=True))
    assert not again.changed
    assert again.source.encode() == expected_unsafe


def test_every_rule_has_a_fixture() -> None:
    from awesome_lint.rules import RULES

    covered = {case.parent.name for case in CASES}
    missing = sorted(rule.code for rule in RULES if rule.code not in covered)
    assert missing == []
