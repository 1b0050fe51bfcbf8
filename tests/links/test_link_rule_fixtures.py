"""Fixture cases of the link rules (AL4xx, AL5xx) under ``tests/fixtures/rules``.

Layout per case: ``<case>.md`` input, ``<case>.expected.txt`` the diagnostics
(``<case>.md:row:col: CODE message``, related locations indented below),
``<case>.fixed.md`` after safe fixes and ``<case>.unsafe.md`` after unsafe ones
(absent: no change), ``<case>.options.json`` the rule's options (optional).
Only the rule named by the folder runs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from awesome_lint.api import fix_text, lint_text
from awesome_lint.rules import get_rule
from awesome_lint.settings import Settings
from awesome_lint.source import SourceText

FIXTURES = Path(__file__).parents[1] / "fixtures" / "rules"
CODES = ("AL401", "AL402", "AL403", "AL501", "AL502", "AL503")


def _cases() -> list[Path]:
    out: list[Path] = []
    for code in CODES:
        out.extend(
            path
            for path in sorted((FIXTURES / code).glob("*.md"))
            if not path.name.endswith((".fixed.md", ".unsafe.md"))
        )
    return out


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def _settings(case: Path, unsafe: bool = False) -> Settings:
    rule = get_rule(case.parent.name)
    assert rule is not None
    options_file = case.with_suffix(".options.json")
    options = json.loads(_read(options_file)) if options_file.exists() else {}
    return Settings((rule,), {rule.code: options}, unsafe_fixes=unsafe)


def render(case: Path, text: str, settings: Settings) -> str:
    source = SourceText(text)
    lines: list[str] = []
    for diagnostic in lint_text(source, settings, case.name):
        row, col = source.position(diagnostic.start)
        lines.append(f"{case.name}:{row}:{col}: {diagnostic.code} {diagnostic.message}")
        for related in diagnostic.related:
            r_row, r_col = source.position(related.start)
            lines.append(f"    {case.name}:{r_row}:{r_col}: {related.message}")
    return "".join(line + "\n" for line in lines)


@pytest.mark.parametrize("case", _cases(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fixture(case: Path) -> None:
    text = _read(case)
    expected = case.with_suffix(".expected.txt")
    assert render(case, text, _settings(case)) == _read(expected)
    for suffix, unsafe in ((".fixed.md", False), (".unsafe.md", True)):
        settings = _settings(case, unsafe)
        want_path = case.with_name(case.stem + suffix)
        if unsafe and not want_path.exists():
            want_path = case.with_name(case.stem + ".fixed.md")
        want = _read(want_path) if want_path.exists() else text
        got = fix_text(text, settings, case.name).source.text
        assert got == want, suffix
        # fixing the fixed output changes nothing
        assert fix_text(got, settings, case.name).source.text == got


def test_every_link_rule_has_fixtures() -> None:
    for code in CODES:
        assert any((FIXTURES / code).glob("*.expected.txt")), code
