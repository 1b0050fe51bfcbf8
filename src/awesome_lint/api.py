"""The one entry point for the CLI, tests and editors: lint and fix text.

Linting a parsed document lives in :mod:`awesome_lint.linting`, the fix loop (applying
fixes, invariants, convergence) in :mod:`awesome_lint.fixer`; both are re-exported, so
``from awesome_lint.api import fix_text, lint_document`` keeps working.
"""

from __future__ import annotations

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.fixer import (  # the fix loop, re-exported
    MAX_ROUNDS,
    ConvergenceError,
    FixOutcome,
    apply_fixes,
    fix_text,
    splice,
    verified_fixes,
)
from awesome_lint.linting import (  # linting a parsed document, re-exported
    document_notes,
    lint_document,
)
from awesome_lint.parser.build import parse_document
from awesome_lint.settings import Settings
from awesome_lint.source import SourceText

__all__ = [
    "MAX_ROUNDS",
    "ConvergenceError",
    "FixOutcome",
    "apply_fixes",
    "document_notes",
    "fix_text",
    "lint_document",
    "lint_text",
    "splice",
    "verified_fixes",
]


def lint_text(
    text: str | SourceText, settings: Settings | None = None, filename: str = "-"
) -> list[Diagnostic]:
    """The diagnostics of ``text``; each fix they carry is one the fixer would apply."""
    source = text if isinstance(text, SourceText) else SourceText(text)
    settings = settings or Settings.default()
    document = parse_document(source)
    return verified_fixes(document, lint_document(document, settings, filename))
