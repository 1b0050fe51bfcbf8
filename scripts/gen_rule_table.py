"""Write the rule table of src/awesome_lint/rules/__init__.py from the rule classes (run
after adding a rule or changing its code, name, class name, default, severity or profiles).

python scripts/gen_rule_table.py          # rewrite the table
python scripts/gen_rule_table.py --check  # exit 1 if the table is out of date
"""

from __future__ import annotations

import inspect
import pkgutil
import re
import sys
from importlib import import_module
from pathlib import Path

import awesome_lint.rules as rules_pkg
from awesome_lint.rules import RuleInfo
from awesome_lint.rules.base import Rule

TARGET = Path(rules_pkg.__file__)
START = "_ROWS: tuple[tuple[str, str, str, bool, str, str], ...] = (\n"
END = ")\n# rule-table:end\n"


def rule_classes() -> list[type[Rule]]:
    """Every rule class, from the rule modules (``alNNN_name.py``) in file-name order."""
    out: list[type[Rule]] = []
    for module_info in sorted(pkgutil.iter_modules(rules_pkg.__path__), key=lambda m: m.name):
        if not re.fullmatch(r"al\d{3}_\w+", module_info.name):
            continue
        module = import_module(f"{rules_pkg.__name__}.{module_info.name}")
        found = [
            value
            for value in vars(module).values()
            if inspect.isclass(value)
            and issubclass(value, Rule)
            and value.__module__ == module.__name__
            and "code" in vars(value)
        ]
        if len(found) != 1:
            raise SystemExit(f"{module.__name__}: expected one rule class, found {len(found)}")
        out.extend(found)
    return out


def render(text: str) -> str:
    head, start, rest = text.partition(START)
    _, end, tail = rest.partition(END)
    if not start or not end:
        raise SystemExit(f"{TARGET}: the rule-table markers are missing")
    rows = []
    for rule in rule_classes():
        code, name, class_name, default, severity, profiles = RuleInfo.of(rule).row()
        rows.append(
            f'    ("{code}", "{name}", "{class_name}", {default}, "{severity}", "{profiles}"),\n'
        )
    return head + start + "".join(rows) + end + tail


def main(argv: list[str]) -> int:
    text = TARGET.read_text(encoding="utf-8")
    new = render(text)
    if "--check" in argv:
        if new != text:
            print(f"{TARGET.name}: the rule table is out of date; run {sys.argv[0]}")
            return 1
        return 0
    if new != text:
        TARGET.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
