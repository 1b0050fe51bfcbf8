"""Resolved settings for one file: the enabled rules, their options, what may be fixed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from awesome_lint.rules.base import Rule


@dataclass
class Settings:
    rules: tuple[type[Rule], ...]
    options: dict[str, dict[str, Any]] = field(default_factory=dict)  # by rule code
    fixable: frozenset[str] | None = None  # None: every rule's fix may run
    unfixable: frozenset[str] = frozenset()
    unsafe_fixes: bool = False
    # What the link checker found (URL as written -> fact); None: links not checked
    link_facts: Mapping[str, Any] | None = None
    severities: dict[str, str] = field(default_factory=dict)  # by rule code; default "error"

    @classmethod
    def default(cls) -> Settings:
        from awesome_lint.rules import RULES

        return cls(tuple(rule for rule in RULES if rule.default))

    def rule_options(self, rule: type[Rule]) -> dict[str, Any]:
        merged = rule.option_defaults()
        own = self.options.get(rule.code, {})
        for key, code in rule.shared_options.items():
            if key not in own and key in self.options.get(code, {}):
                merged[key] = self.options[code][key]
        merged.update(own)
        return merged

    def may_fix(self, code: str) -> bool:
        if code in self.unfixable:
            return False
        return self.fixable is None or code in self.fixable
