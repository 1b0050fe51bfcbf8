"""FixOutcome.initial: the diagnostics of the text as given, as lint_text reports them."""

from __future__ import annotations

from pathlib import Path

from awesome_lint.api import fix_text, lint_text
from awesome_lint.settings import Settings

EXAMPLE = Path(__file__).parents[1] / "examples" / "messy-paper-list.md"


def test_initial_is_lint_of_the_original() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    settings = Settings.default()
    outcome = fix_text(text, settings, "messy.md")
    assert outcome.changed
    assert outcome.initial == lint_text(text, settings, "messy.md")
    assert outcome.initial != outcome.diagnostics


def test_initial_without_fixes() -> None:
    text = "# Papers\n\n- [Orca](https://example.org/orca): A Serving System | OSDI'22\n"
    outcome = fix_text(text)
    assert not outcome.changed
    assert outcome.initial == outcome.diagnostics == lint_text(text)
