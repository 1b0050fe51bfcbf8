"""FixOutcome.initial: the diagnostics of the text as given, as lint_text reports them."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_lint import fixer
from awesome_lint.api import fix_text, lint_text
from awesome_lint.diagnostics import Diagnostic
from awesome_lint.parser.document import Document
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


def test_each_list_is_checked_only_when_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """--fix reads only what remains, --diff only the original's findings: the other
    list's trial parses are never paid for."""
    text = EXAMPLE.read_text(encoding="utf-8")
    checked: list[int] = []
    real = fixer.verified_fixes

    def counting(document: Document, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        checked.append(len(diagnostics))
        return real(document, diagnostics)

    monkeypatch.setattr(fixer, "verified_fixes", counting)
    outcome = fix_text(text, Settings.default(), "messy.md")
    assert checked == []
    remaining = outcome.diagnostics
    assert checked == [len(remaining)]
    assert outcome.diagnostics is remaining  # checked once
    initial = outcome.initial
    assert len(checked) == 2
    monkeypatch.undo()
    assert initial == lint_text(text, Settings.default(), "messy.md")


def test_one_check_when_nothing_was_fixed(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "# Papers\n\n- [Orca](https://example.org/orca): A Serving System | OSDI'22\n"
    checked: list[int] = []
    real = fixer.verified_fixes
    monkeypatch.setattr(fixer, "verified_fixes", lambda d, ds: checked.append(1) or real(d, ds))
    outcome = fix_text(text)
    assert outcome.initial is outcome.diagnostics
    assert checked == [1]


def test_without_keeping_the_initial_list_the_original_document_is_let_go(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``keep_initial=False`` (--fix): the original text's document is released after
    the first round that changes the text; what remains and the fixed text are the
    same, and ``initial`` may no longer be read."""
    text = EXAMPLE.read_text(encoding="utf-8")
    released: list[Document] = []
    real = Document.release

    def spy(self: Document) -> None:
        released.append(self)
        real(self)

    monkeypatch.setattr(Document, "release", spy)
    kept = fixer.fix_text(text, Settings.default(), "messy.md")
    assert kept.rounds
    first_round = len(released)
    released.clear()
    let_go = fixer.fix_text(text, Settings.default(), "messy.md", keep_initial=False)
    assert let_go.source.text == kept.source.text != text
    assert let_go.fixed == kept.fixed and let_go.rounds == kept.rounds
    # one document more is released during the loop: the original one
    assert len(released) == first_round + 1
    assert released[0].source.text == text
    assert let_go.diagnostics == kept.diagnostics
    with pytest.raises(RuntimeError, match="keep_initial"):
        _ = let_go.initial


def test_without_keeping_the_initial_list_nothing_fixed_is_one_list() -> None:
    text = "# Papers\n\n- [Orca](https://example.org/orca): A Serving System | OSDI'22\n"
    outcome = fixer.fix_text(text, keep_initial=False)
    assert not outcome.rounds
    assert outcome.initial == outcome.diagnostics == lint_text(text)
