"""The fix loop runs only the rules that can offer a fix it applies (``split_rules``);
the others' findings are added to a list when it is read. Both lists must stay exactly
what a whole lint of the text reports."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from awesome_lint.api import fix_text, lint_text
from awesome_lint.changes import ChangedRegion
from awesome_lint.diagnostics import Applicability, Diagnostic
from awesome_lint.linting import lint_document, split_rules
from awesome_lint.parser.build import parse_document
from awesome_lint.parser.document import Document
from awesome_lint.rules import RULES
from awesome_lint.rules.al605_heading_increment import HeadingIncrement
from awesome_lint.rules.base import Context
from awesome_lint.settings import Settings
from awesome_lint.source import SourceText

ROOT = Path(__file__).parent
FIXTURES = sorted((ROOT / "fixtures" / "rules").glob("*/*.md"))
EXAMPLE = ROOT.parent / "examples" / "messy-paper-list.md"
EVERY = Settings(RULES, {}, unsafe_fixes=True)


def _offered_beyond_declaration(text: str) -> list[str]:
    """Findings with a fix their rule does not declare ("none": no fix, "unsafe": only
    unsafe ones): the split relies on the declarations."""
    document = parse_document(SourceText(text))
    wrong: list[str] = []
    for rule in RULES:
        for found in rule().check(document, Context(EVERY.rule_options(rule))):
            fix = found.fix
            if fix is None:
                continue
            if rule.fix == "none" or (
                rule.fix == "unsafe" and fix.applicability is not Applicability.UNSAFE
            ):
                wrong.append(f"{rule.code} at {found.start}: {fix.applicability.value} fix")
    return wrong


def test_rules_offer_only_the_fixes_they_declare() -> None:
    for case in [*FIXTURES, EXAMPLE]:
        text = SourceText.from_bytes(case.read_bytes()).text
        assert _offered_beyond_declaration(text) == [], case.name


@pytest.mark.slow  # (every fixture or corpus list, fixed and linted again)
def test_rules_offer_only_the_fixes_they_declare_on_real_lists(corpus_files: list[Path]) -> None:
    for path in corpus_files:
        assert _offered_beyond_declaration(path.read_text(encoding="utf-8")) == [], path.name


def test_split_by_declaration_and_settings() -> None:
    settings = Settings.default()
    fixing, rest = split_rules(settings)
    # AL702 (unsafe) and AL101 (none), which AL701 and AL714 shadow, offer no fix the
    # loop applies: they stay in the rest (shadowed when its findings are added)
    assert {rule.fix for rule in fixing} == {"safe"}
    assert {"AL702", "AL101"} <= {rule.code for rule in rest}
    assert {rule.fix for rule in rest} == {"none", "unsafe"}
    assert sorted(fixing + rest, key=settings.rules.index) == list(settings.rules)
    unsafe = Settings(settings.rules, {}, unsafe_fixes=True, unfixable=frozenset({"AL104"}))
    fixing, rest = split_rules(unsafe)
    assert {rule.fix for rule in fixing} == {"safe", "unsafe"}
    assert "AL702" in {rule.code for rule in fixing}
    assert [rule.code for rule in rest if rule.fix != "none"] == ["AL104"]
    # a shadowing rule runs beside a fixing rule it shadows, even when it may not fix
    no_701 = Settings(settings.rules, {}, unsafe_fixes=True, unfixable=frozenset({"AL701"}))
    fixing, rest = split_rules(no_701)
    assert {"AL701", "AL702"} <= {rule.code for rule in fixing}


def test_rest_is_shadowed_by_the_fixing_part() -> None:
    # AL714 (a link split by a blank, fixing) shadows AL101 (no link, in the rest) on
    # its line: the rest's AL101 there is dropped when the lists are merged, as a whole
    # lint drops it; the AL101 on the next line stays
    text = (ROOT / "fixtures" / "rules" / "AL714" / "shadows_entry_shape.md").read_text()
    settings = Settings.default()
    whole = lint_text(text, settings)
    found = [(d.code, SourceText(text).position(d.start)[0]) for d in whole]
    assert [f for f in found if f[0] in ("AL101", "AL714")] == [("AL714", 17), ("AL101", 18)]
    _, rest = split_rules(settings)
    alone = lint_document(parse_document(SourceText(text)), settings, "-", rest)
    assert [d.code for d in alone if d.code == "AL101"] == ["AL101", "AL101"]
    outcome = fix_text(text, settings)
    assert outcome.initial == whole
    assert outcome.diagnostics == lint_text(outcome.source, settings)


def _both_lists_are_whole_lints(text: str, settings: Settings) -> None:
    outcome = fix_text(text, settings, "list.md")
    assert outcome.initial == lint_text(text, settings, "list.md")
    assert outcome.diagnostics == lint_text(outcome.source, settings, "list.md")


@pytest.mark.slow  # (every fixture or corpus list, fixed and linted again)
@pytest.mark.parametrize("unsafe", [False, True])
def test_lists_are_whole_lints_on_fixtures(unsafe: bool) -> None:
    settings = Settings(RULES, {}, unsafe_fixes=unsafe)
    for case in [*FIXTURES, EXAMPLE]:
        _both_lists_are_whole_lints(SourceText.from_bytes(case.read_bytes()).text, settings)


@pytest.mark.slow  # (every fixture or corpus list, fixed and linted again)
def test_lists_are_whole_lints_on_real_lists(corpus_files: list[Path]) -> None:
    for path in corpus_files:
        text = path.read_text(encoding="utf-8")
        _both_lists_are_whole_lints(text, Settings.default())
        _both_lists_are_whole_lints(text, Settings(RULES, {}, unsafe_fixes=True))


HEADINGS = (
    "# Papers\n\n### Serving\n\n- [Orca](https://example.org/orca): A Serving System | OSDI'22  \n"
)


def test_the_rules_without_fixes_run_once_for_the_list_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    runs: list[int] = []
    real = HeadingIncrement.check

    def counting(
        self: HeadingIncrement, document: Document, context: Context
    ) -> Iterator[Diagnostic]:
        runs.append(1)
        return real(self, document, context)

    monkeypatch.setattr(HeadingIncrement, "check", counting)
    outcome = fix_text(HEADINGS, Settings.default(), "list.md")
    assert outcome.source.text == HEADINGS.replace("'22  ", "'22")
    assert runs == []  # neither list read yet
    assert [d.code for d in outcome.diagnostics] == ["AL605"]
    assert runs == [1]
    assert [d.code for d in outcome.initial] == ["AL605", "AL104"]
    assert runs == [1, 1]


def test_unused_suppressions_need_every_rule() -> None:
    # the first comment hides a finding of a rule that offers no fix: the fix loop runs
    # every rule on a text with suppression comments, or it would remove both
    text = (
        "# Papers\n\n"
        "<!-- awesome-lint-disable-next-line AL605 -->\n"
        "### Serving\n\n"
        "- [Orca](https://example.org/orca): A Serving System | OSDI'22  \n\n"
        "<!-- awesome-lint-disable-next-line AL605 -->\n"
        "### Training\n"
    )
    settings = Settings.default()
    outcome = fix_text(text, settings)
    assert outcome.source.text == (
        "# Papers\n\n"
        "<!-- awesome-lint-disable-next-line AL605 -->\n"
        "### Serving\n\n"
        "- [Orca](https://example.org/orca): A Serving System | OSDI'22\n\n"
        "### Training\n"
    )
    assert outcome.initial == lint_text(text, settings)
    assert [d.code for d in outcome.initial] == ["AL104", "AL001", "AL606"]
    assert [d.code for d in outcome.diagnostics] == ["AL606"]


def test_changed_region_is_kept_per_list() -> None:
    text = HEADINGS.replace(
        "'22  \n", "'22  \n- [Vllm](https://example.org/vllm): Paging | SOSP'23  \n"
    )
    source = SourceText(text)
    outcome = fix_text(source, Settings.default(), region=ChangedRegion(source, {3, 6}))
    # lines 3 and 6 are new: line 6 loses its blanks, line 5 keeps them
    assert outcome.source.text == text.replace("'23  \n", "'23\n")
    found = [(d.code, source.position(d.start)[0]) for d in outcome.initial]
    assert found == [("AL605", 3), ("AL104", 6)]
    assert [(d.code, d.start) for d in outcome.diagnostics] == [("AL605", 10)]
