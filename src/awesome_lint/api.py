"""The one entry point for the CLI, tests and editors: lint and fix text.

Linting lives here; the fix loop (applying fixes, invariants, convergence) lives in
:mod:`awesome_lint.fixer` and is re-exported, so ``from awesome_lint.api import fix_text``
keeps working.
"""

from __future__ import annotations

from dataclasses import replace

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.fixer import (  # the fix loop, re-exported
    MAX_ROUNDS,
    ConvergenceError,
    FixOutcome,
    apply_fixes,
    fix_text,
    splice,
)
from awesome_lint.parser.build import parse_document
from awesome_lint.parser.directives import parse_directives
from awesome_lint.parser.document import Document
from awesome_lint.rules import get_rule
from awesome_lint.rules.base import Context
from awesome_lint.settings import Settings
from awesome_lint.source import SourceText
from awesome_lint.suppression import apply_suppressions

__all__ = [
    "MAX_ROUNDS",
    "ConvergenceError",
    "FixOutcome",
    "apply_fixes",
    "fix_text",
    "lint_document",
    "lint_text",
    "splice",
]

UNUSED_SUPPRESSION = "AL001"


def _resolve_code(name: str) -> str | None:
    rule = get_rule(name)
    return rule.code if rule else None


def lint_document(document: Document, settings: Settings, filename: str = "-") -> list[Diagnostic]:
    """Run the enabled rules on a parsed document, apply suppressions, sort."""
    diagnostics: list[Diagnostic] = []
    check_unused = False
    for rule_cls in settings.rules:
        if rule_cls.code == UNUSED_SUPPRESSION:
            check_unused = True
            continue
        context = Context(settings.rule_options(rule_cls), filename, settings.link_facts)
        diagnostics.extend(rule_cls().check(document, context))
    directives = parse_directives(document)
    kept, unused = apply_suppressions(diagnostics, directives, document.source, _resolve_code)
    if check_unused and unused:
        from awesome_lint.rules.al001_unused_suppression import UnusedSuppression

        enabled = {rule.code for rule in settings.rules}
        kept.extend(UnusedSuppression().report_unused(document, unused, enabled, _resolve_code))
    kept.sort(key=lambda d: d.sort_key)
    if settings.unfixable or settings.fixable is not None:
        # Decided once, here: a rule that may not fix reports no fix, so the report's
        # `[*]`, the counts, every format and `--fix` agree.
        kept = [
            replace(d, fix=None) if d.fix is not None and not settings.may_fix(d.code) else d
            for d in kept
        ]
    return kept


def lint_text(
    text: str | SourceText, settings: Settings | None = None, filename: str = "-"
) -> list[Diagnostic]:
    source = text if isinstance(text, SourceText) else SourceText(text)
    settings = settings or Settings.default()
    return lint_document(parse_document(source), settings, filename)
