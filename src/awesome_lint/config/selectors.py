"""Rule selectors: codes (``AL102``), prefixes (``AL1``), names (``title-separator``), ``ALL``."""

from __future__ import annotations

from collections.abc import Iterable

from awesome_lint.errors import AwesomeLintError
from awesome_lint.rules import RULES
from awesome_lint.rules.base import Rule


def split_selectors(values: Iterable[str]) -> list[str]:
    """Flatten repeated and comma-separated selector values."""
    out: list[str] = []
    for value in values:
        out.extend(part.strip() for part in value.split(",") if part.strip())
    return out


def expand(selector: str, *, for_ignore: bool = False) -> set[str]:
    """The rule codes a selector stands for; unknown selectors raise AwesomeLintError.

    A prefix selects the group's default rules; opt-in rules are selected only by
    their exact code or name, or by ``ALL`` (an ignore by prefix covers them too).
    """
    upper = selector.upper()
    if upper == "ALL":
        return {rule.code for rule in RULES}
    for rule in RULES:
        if rule.code == upper or rule.name == selector.lower():
            return {rule.code}
    if upper.startswith("AL") and upper[2:].isdigit() and len(upper) < 5:
        matched = [rule for rule in RULES if rule.code.startswith(upper)]
        if matched:
            return {r.code for r in matched if for_ignore or r.default}
    raise AwesomeLintError(f"unknown rule selector {selector!r}")


def resolve(
    select: Iterable[str] | None,
    extend_select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> tuple[type[Rule], ...]:
    """The enabled rules for these selectors (None: the default set)."""
    unknown: list[str] = []

    def codes(values: Iterable[str], for_ignore: bool = False) -> set[str]:
        result: set[str] = set()
        for value in split_selectors(values):
            try:
                result |= expand(value, for_ignore=for_ignore)
            except AwesomeLintError:
                unknown.append(value)
        return result

    enabled = {r.code for r in RULES if r.default} if select is None else codes(select)
    enabled |= codes(extend_select)
    enabled -= codes(ignore, for_ignore=True)
    if unknown:
        names = ", ".join(sorted(set(unknown)))
        raise AwesomeLintError(f"unknown rule code or name: {names} (see `awesome-lint rules`)")
    return tuple(rule for rule in RULES if rule.code in enabled)
