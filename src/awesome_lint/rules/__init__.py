"""The explicit rule registry: every rule module is listed here once."""

from __future__ import annotations

from awesome_lint.rules.base import Rule

RULES: tuple[type[Rule], ...] = ()

_BY_CODE: dict[str, type[Rule]] = {rule.code: rule for rule in RULES}
_BY_NAME: dict[str, type[Rule]] = {rule.name: rule for rule in RULES}


def get_rule(code_or_name: str) -> type[Rule] | None:
    """The rule with this code (case-insensitive) or kebab-case name, or None."""
    return _BY_CODE.get(code_or_name.upper()) or _BY_NAME.get(code_or_name.lower())
