"""Resolved settings for one file: the enabled rules, their options, what may be fixed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from awesome_lint.records import Record
from awesome_lint.rules.base import Rule


class Settings(Record):
    rules: tuple[type[Rule], ...]
    options: dict[str, dict[str, Any]]  # by rule code
    fixable: frozenset[str] | None  # None: every rule's fix may run
    unfixable: frozenset[str]
    unsafe_fixes: bool
    # What the link checker found (URL as written -> fact); None: links not checked
    link_facts: Mapping[str, Any] | None
    severities: dict[str, str]  # by rule code; default "error"

    _fields = (
        "rules",
        "options",
        "fixable",
        "unfixable",
        "unsafe_fixes",
        "link_facts",
        "severities",
    )
    __slots__ = _fields

    def __init__(
        self,
        rules: tuple[type[Rule], ...],
        options: dict[str, dict[str, Any]] | None = None,
        fixable: frozenset[str] | None = None,
        unfixable: frozenset[str] = frozenset(),
        unsafe_fixes: bool = False,
        link_facts: Mapping[str, Any] | None = None,
        severities: dict[str, str] | None = None,
    ) -> None:
        self.rules = rules
        self.options = {} if options is None else options
        self.fixable = fixable
        self.unfixable = unfixable
        self.unsafe_fixes = unsafe_fixes
        self.link_facts = link_facts
        self.severities = {} if severities is None else severities

    @classmethod
    def default(cls) -> Settings:
        from awesome_lint.rules import RULE_TABLE, load

        return cls(load(rule for rule in RULE_TABLE if rule.default))

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
