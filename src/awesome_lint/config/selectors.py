"""Rule selectors: codes (``AL102``), prefixes (``AL1``), names (``title-separator``), ``ALL``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from awesome_lint.errors import AwesomeLintError
from awesome_lint.rules import RULE_TABLE, find, load

if TYPE_CHECKING:
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
        return {rule.code for rule in RULE_TABLE}
    exact = find(selector)
    if exact is not None:
        return {exact.code}
    if upper.startswith("AL") and upper[2:].isdigit() and len(upper) < 5:
        matched = [rule for rule in RULE_TABLE if rule.code.startswith(upper)]
        if matched:
            return {r.code for r in matched if for_ignore or r.default}
    raise AwesomeLintError(f"unknown rule selector {selector!r}")


_LOOKALIKE = str.maketrans("OIL", "011")


def unknown_message(values: Iterable[str]) -> str:
    """``unknown rule code or name: X (did you mean Y?)``, for one or more unknown selectors."""
    import difflib

    unknown = sorted(set(values))
    known = [*(rule.code for rule in RULE_TABLE), *(rule.name for rule in RULE_TABLE)]
    hints = []
    codes = [k for k in known if k[:2] == "AL"]
    for value in unknown:
        # a letter for a digit (AL2O1 → AL201, not AL211, as near by the letters)
        upper = value.upper()
        lookalike = upper[:2] + upper[2:].translate(_LOOKALIKE)
        # a code one digit off (AL10 → AL101, AL1O1 → AL101), not any code (AL999 → AL709)
        close = [lookalike] if upper[:2] == "AL" and lookalike in codes else []
        close = close or difflib.get_close_matches(upper, codes, 1, cutoff=0.8)
        close = close or difflib.get_close_matches(value.lower(), known, 1, cutoff=0.7)
        if close:
            hints.append(f"{value} → {close[0]}" if len(unknown) > 1 else close[0])
    hint = f"did you mean {', '.join(hints)}?" if hints else "see `awesome-lint rules`"
    return f"unknown rule code or name: {', '.join(unknown)} ({hint})"


def check_known(values: Iterable[str]) -> None:
    """Raise AwesomeLintError naming every unknown selector, with a suggestion."""
    unknown = []
    for value in split_selectors(values):
        try:
            expand(value)
        except AwesomeLintError:
            unknown.append(value)
    if unknown:
        raise AwesomeLintError(unknown_message(unknown))


def resolve(
    select: Iterable[str] | None,
    extend_select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> tuple[type[Rule], ...]:
    """The enabled rules for these selectors (None: the default set); only their modules
    are imported."""
    unknown: list[str] = []

    def codes(values: Iterable[str], for_ignore: bool = False) -> set[str]:
        result: set[str] = set()
        for value in split_selectors(values):
            try:
                result |= expand(value, for_ignore=for_ignore)
            except AwesomeLintError:
                unknown.append(value)
        return result

    enabled = {r.code for r in RULE_TABLE if r.default} if select is None else codes(select)
    enabled |= codes(extend_select)
    enabled -= codes(ignore, for_ignore=True)
    if unknown:
        raise AwesomeLintError(unknown_message(unknown))
    return load(rule for rule in RULE_TABLE if rule.code in enabled)
