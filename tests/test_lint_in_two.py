"""A long file's check may run its rules in two processes (``lint_in_two``): the
findings must be exactly a whole lint's, whatever happens to the second process."""

from __future__ import annotations

import os
import pickle
import signal
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import cast

import pytest

from awesome_lint import runner as runner_module
from awesome_lint.api import lint_text
from awesome_lint.config.resolver import Overrides
from awesome_lint.diagnostics import Diagnostic
from awesome_lint.linting import (
    _LONGEST_FIRST,
    _SHADOWS,
    _TOGETHER,
    Background,
    Handoff,
    lint_document,
    lint_in_two,
    needs_all_rules,
    split_rules,
)
from awesome_lint.linting import _Units as Units
from awesome_lint.linting import _units as units_of
from awesome_lint.parser.build import parse_document
from awesome_lint.rules import RULES
from awesome_lint.rules.base import Rule
from awesome_lint.runner import Runner
from awesome_lint.settings import Settings
from awesome_lint.source import SourceText

ROOT = Path(__file__).parent
EXAMPLE = ROOT.parent / "examples" / "messy-paper-list.md"
FIXTURES = sorted((ROOT / "fixtures" / "rules").glob("AL[234]*/*.md"))
EVERY = Settings(RULES, {}, unsafe_fixes=True)

# entries a venue rule reports (AL201: a venue's spelling)
VENUE_FINDINGS = (
    "".join(f"- [Paper {n}](https://example.org/{n}) | OSDI'2{n}\n" for n in range(8))
    + "- [Paper 9](https://example.org/9) | Osdi'22\n"
)

# entries whose findings no fix removes, of rules the fix loop does
# not run (AL401: one paper linked twice; AL206: a venue the address contradicts)
UNFIXED_FINDINGS = (
    "- [Paper A](https://arxiv.org/abs/2101.00001) | OSDI'21\n"
    "- [Paper A again](https://arxiv.org/abs/2101.00001) | OSDI'21\n"
    "- [Paper B](https://www.usenix.org/conference/atc21/presentation/b) | OSDI'21\n"
)

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="lint_in_two forks on Linux only")


def _both(text: str, settings: Settings) -> tuple[list[Diagnostic], list[Diagnostic] | None]:
    whole = lint_document(parse_document(SourceText(text)), settings, "list.md")
    split = lint_in_two(parse_document(SourceText(text)), settings, "list.md")
    return whole, split


def _codes(units: list[list[type[Rule]]]) -> list[list[str]]:
    return [[rule.code for rule in unit] for unit in units]


@pytest.mark.parametrize("rules", [Settings.default().rules, RULES], ids=["default", "all"])
def test_the_rules_are_handed_out_in_units_longest_first(rules: list[type[Rule]]) -> None:
    units = _codes(units_of(list(rules)))
    flat = [code for unit in units for code in unit]
    assert sorted(flat) == sorted(rule.code for rule in rules)  # each rule once
    first = next(index for index, unit in enumerate(units) if "AL403" in unit)
    assert first == 0
    assert {"AL101", "AL118", "AL205", "AL401", "AL402", "AL404", "AL714"} <= set(units[0])
    assert units[1] == ["AL209", "AL301"]
    assert set(units[2]) == {"AL109", "AL110", "AL113", "AL115", "AL119", "AL504"}
    assert units[3] == ["AL207"]
    # a rule in no unit, named by no rank, comes after the ranked ones, in the rules' order
    ranked = len(_LONGEST_FIRST)
    unranked = [unit[0] for unit in units[ranked:] if len(unit) == 1]
    assert unranked == sorted(unranked) and "AL104" in unranked
    for codes in _TOGETHER:  # a unit's rules stay in the rules' order
        enabled = [code for code in flat if code in codes]
        assert any(unit == enabled for unit in units) or not enabled


def test_a_finding_and_the_one_it_shadows_are_linted_in_one_process() -> None:
    units = _codes(units_of(list(RULES)))
    for first, second, _how in _SHADOWS:
        assert any(first in unit and second in unit for unit in units), (first, second)


def test_units_of_a_few_rules_keep_their_groups() -> None:
    chosen = [rule for rule in RULES if rule.code in ("AL104", "AL110", "AL113", "AL301")]
    assert _codes(units_of(chosen)) == [["AL301"], ["AL110", "AL113"], ["AL104"]]


@linux_only
def test_each_unit_goes_to_one_process() -> None:
    """Two processes take units from one ``_Units`` as they go: no unit goes to both,
    none is lost, and what this process did not take (``left``) is the other's."""
    rules = list(RULES)
    units = Units([[rule] for rule in rules])
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover (the child)
        status = 1
        try:
            os.close(read)
            taken = [rule.code for rule in units.take()]
            os.write(write, " ".join(taken).encode())
            status = 0
        finally:
            os._exit(status)
    os.close(write)
    mine = []
    for rule in units.take():
        mine.append(rule.code)
        time.sleep(0.001)  # (so that the child takes some)
    with os.fdopen(read, "rb") as pipe:
        theirs = pipe.read().decode().split()
    assert os.waitpid(child, 0)[1] == 0
    assert not set(mine) & set(theirs)
    assert sorted(mine + theirs) == sorted(rule.code for rule in rules)
    assert [rule.code for rule in units.left()] == [
        rule.code for rule in rules if rule.code in theirs
    ]
    assert list(units.take()) == []  # (taken out: the pipe is closed)


def test_at_most_255_units() -> None:
    with pytest.raises(ValueError, match="255"):
        Units([[] for _ in range(256)])


@linux_only
@pytest.mark.parametrize("case", [EXAMPLE, *FIXTURES], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_same_findings_as_a_whole_lint(case: Path) -> None:
    text = case.read_text(encoding="utf-8")
    for settings in (Settings.default(), EVERY):
        whole, split = _both(text, settings)
        if split is None:  # suppression comments, with AL001 on: only a whole lint
            assert needs_all_rules(parse_document(SourceText(text)), settings)
        else:
            assert split == whole


@linux_only
@pytest.mark.parametrize("unsafe", [False, True])
def test_the_fixing_rules_alone_split_as_a_later_round_of_the_fix_loop_does(unsafe: bool) -> None:
    """``lint_in_two`` with ``rules`` (the fixing rules) finds what ``lint_document``
    finds with them."""
    settings = Settings(Settings.default().rules, {}, unsafe_fixes=unsafe)
    fixing, _ = split_rules(settings)
    text = EXAMPLE.read_text(encoding="utf-8") + VENUE_FINDINGS
    whole = lint_document(parse_document(SourceText(text)), settings, "list.md", fixing)
    split = lint_in_two(parse_document(SourceText(text)), settings, "list.md", fixing)
    assert split == whole
    assert {"AL201", "AL104"} <= {found.code for found in whole}


@linux_only
def test_same_findings_on_every_corpus_list(corpus_files: list[Path]) -> None:
    for path in corpus_files:
        whole, split = _both(path.read_text(encoding="utf-8"), Settings.default())
        assert split == whole, path.name


@pytest.fixture(autouse=True)
def _no_hang() -> Iterator[None]:
    """A wait for another process that never ends (two processes waiting for each
    other) fails the test with a TimeoutError instead of hanging the suite."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError("waited 120 s: two processes wait for each other")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(120)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def broken_pickling(monkeypatch: pytest.MonkeyPatch) -> None:
    """A child cannot send what it found: pickling fails (in every process: the fix
    loop's handoff to its child fails too)."""

    def broken(*args: object, **kwargs: object) -> bytes:
        raise RuntimeError("no pickling in the child")

    monkeypatch.setattr(pickle, "dumps", broken)


@linux_only
@pytest.mark.usefixtures("broken_pickling")
def test_a_failing_second_process_has_its_part_run_here() -> None:
    """The child cannot send its part: this process runs it."""
    text = EXAMPLE.read_text(encoding="utf-8") + VENUE_FINDINGS
    whole, split = _both(text, Settings.default())
    codes = {found.code for found in whole}
    assert {"AL201", "AL104"} <= codes  # findings of several units
    assert split == whole


@linux_only
def test_with_no_process_to_spare_every_unit_is_run_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fork fails: this process takes every unit, and none is run twice."""
    from awesome_lint import linting

    ran: list[str] = []

    def no_fork() -> int:
        raise OSError("no process to spare")

    def recorded(rules: Iterable[type[Rule]]) -> Iterator[type[Rule]]:
        for rule in rules:
            ran.append(rule.code)
            yield rule

    def lint_spy(*args: object) -> list[Diagnostic]:
        document, settings, filename, rules = args
        return lint_document(document, settings, filename, recorded(rules))  # type: ignore[arg-type]

    monkeypatch.setattr(os, "fork", no_fork)
    text = EXAMPLE.read_text(encoding="utf-8") + VENUE_FINDINGS
    whole = lint_document(parse_document(SourceText(text)), Settings.default(), "list.md")
    monkeypatch.setattr(linting, "lint_document", lint_spy)
    split = lint_in_two(parse_document(SourceText(text)), Settings.default(), "list.md")
    assert split == whole
    assert sorted(ran) == sorted(rule.code for rule in Settings.default().rules)


def test_not_split_where_it_cannot_be(monkeypatch: pytest.MonkeyPatch) -> None:
    # suppression comments with AL001 enabled: only a whole lint tells which are unused
    suppressed = (
        "# List\n\n<!-- awesome-lint-disable-next-line AL104 -->\n- [A](https://a.example) \n"
    )
    with_unused = Settings(RULES, {})
    assert lint_in_two(parse_document(SourceText(suppressed)), with_unused) is None
    # not Linux: no fork
    monkeypatch.setattr(sys, "platform", "darwin")
    text = EXAMPLE.read_text(encoding="utf-8")
    assert lint_in_two(parse_document(SourceText(text)), Settings.default()) is None


@linux_only
def test_runner_splits_a_long_file_only_with_a_core_to_spare(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "README.md"
    path.write_bytes(EXAMPLE.read_bytes())
    calls: list[int] = []
    real = lint_in_two

    def spy(*args: object, **kwargs: object) -> list[Diagnostic] | None:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(runner_module, "lint_in_two", spy)
    monkeypatch.setattr(runner_module, "SPLIT_MIN_CHARS", 1000)  # (the example: 2.8 kB)
    serial = Runner(Overrides(isolated=True))
    expected = serial.run_file(path, fix=False, diff=False)[0].diagnostics
    assert not calls  # the API's way (run_file alone) never forks

    monkeypatch.setattr(runner_module, "usable_cpus", lambda: 2)
    runner = Runner(Overrides(isolated=True))
    [(result, _)] = runner.run_many([path], fix=False, diff=False)
    assert calls == [1]
    assert result.diagnostics == expected and expected

    calls.clear()
    monkeypatch.setattr(runner_module, "usable_cpus", lambda: 1)
    [(result, _)] = Runner(Overrides(isolated=True)).run_many([path], fix=False, diff=False)
    assert not calls and result.diagnostics == expected


@linux_only
@pytest.mark.parametrize("unsafe", [False, True])
def test_fix_finds_the_initial_list_in_a_second_process(
    monkeypatch: pytest.MonkeyPatch, unsafe: bool
) -> None:
    """``fix_text(split=True)`` (the command line's --diff): the same outcome."""
    from awesome_lint import fixer
    from awesome_lint.fixer import fix_text

    monkeypatch.setattr(fixer, "SPLIT_MIN_CHARS", 1000)
    events: list[str] = []
    real = Background
    real_lint = lint_document
    real_in_two = lint_in_two

    def spy(*args: object) -> object:
        events.append("fork")
        return real(*args)  # type: ignore[arg-type]

    def lint_spy(*args: object) -> object:
        events.append("lint" if len(args) > 3 else "whole lint")
        return real_lint(*args)  # type: ignore[arg-type]

    def in_two_spy(*args: object, **kwargs: object) -> object:
        events.append("lint in two")
        return real_in_two(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fixer, "Background", spy)
    monkeypatch.setattr(fixer, "lint_document", lint_spy)
    monkeypatch.setattr(fixer, "lint_in_two", in_two_spy)
    text = EXAMPLE.read_text(encoding="utf-8") + VENUE_FINDINGS
    settings = Settings(Settings.default().rules, {}, unsafe_fixes=unsafe)
    alone = fix_text(text, settings, "list.md")
    assert "fork" not in events and "lint in two" not in events
    events.clear()
    split = fix_text(text, settings, "list.md", split=True)
    # the child that completes the initial list is forked before the first round's
    # lint (it lints the rest meanwhile); every later round runs in two processes
    assert events[:2] == ["fork", "lint"]
    assert events[2:] == ["lint in two"] * len(split.rounds)
    assert split.rounds == alone.rounds and len(alone.rounds) >= 1
    assert split.source.text == alone.source.text != text
    assert split.fixed == alone.fixed
    assert split.initial == alone.initial
    assert split.diagnostics == alone.diagnostics
    assert {"AL201", "AL104"} <= {found.code for found in split.initial}


@linux_only
@pytest.mark.parametrize("changed", [None, {3, 5, 11, 40}])
def test_fix_with_a_core_to_spare_lints_each_round_in_two_processes(
    monkeypatch: pytest.MonkeyPatch, changed: set[int] | None
) -> None:
    """``fix_text(parallel=True)`` (the command line's --fix, with a core to spare): each
    round's fixing rules, then the rest on the fixed text, in two processes; the same
    outcome, in a changed region (``--changed-since``) too."""
    from awesome_lint import fixer
    from awesome_lint.changes import ChangedRegion
    from awesome_lint.fixer import fix_text

    monkeypatch.setattr(fixer, "SPLIT_MIN_CHARS", 1000)
    calls: list[str] = []
    real_in_two = lint_in_two

    fixing = {rule.code for rule in split_rules(Settings.default())[0]}

    def in_two_spy(*args: object, **kwargs: object) -> object:
        rules = cast("list[type[Rule]]", args[3])
        calls.append("fixing" if {rule.code for rule in rules} == fixing else "rest")
        return real_in_two(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fixer, "lint_in_two", in_two_spy)
    text = EXAMPLE.read_text(encoding="utf-8") + VENUE_FINDINGS + UNFIXED_FINDINGS
    source = SourceText(text)

    def region() -> ChangedRegion | None:
        return None if changed is None else ChangedRegion(source, changed)

    alone = fix_text(source, Settings.default(), "list.md", region=region())
    assert not calls
    if changed is None:  # (what remains: findings of rules the loop does not run)
        assert {"AL206", "AL401"} <= {found.code for found in alone.diagnostics}
    both = fix_text(source, Settings.default(), "list.md", region=region(), parallel=True)
    assert calls == ["fixing"] * (len(both.rounds) + 1)  # (the last round fixes nothing)
    assert both.diagnostics == alone.diagnostics
    assert calls[-1] == "rest"  # (read when the list is)
    assert both.rounds == alone.rounds and both.rounds
    assert both.source.text == alone.source.text != text
    assert both.fixed == alone.fixed
    assert both.initial == alone.initial


def test_the_runner_fixes_in_two_processes_only_with_a_core_to_spare(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from awesome_lint import fixer

    seen: list[tuple[bool, bool, bool]] = []
    real = fixer.fix_text

    def spy(
        *args: object,
        split: bool = False,
        parallel: bool = False,
        keep_initial: bool = True,
        **kwargs: object,
    ) -> object:
        seen.append((split, parallel, keep_initial))
        return real(*args, split=split, parallel=parallel, keep_initial=keep_initial, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fixer, "fix_text", spy)
    path = tmp_path / "README.md"
    for cpus, diff, expected in (
        (2, False, (False, True, False)),  # (--fix reads only the fixed text's list)
        (2, True, (True, True, True)),
        (1, False, (False, False, False)),
        (1, True, (False, False, True)),
    ):
        path.write_bytes(EXAMPLE.read_bytes())
        monkeypatch.setattr(runner_module, "usable_cpus", lambda cpus=cpus: cpus)
        Runner(Overrides(isolated=True)).run_many([path], fix=True, diff=diff)
        assert seen.pop() == expected


@linux_only
@pytest.mark.usefixtures("broken_pickling")
@pytest.mark.parametrize("changed", [None, {3, 5, 11}])
def test_a_failing_child_of_the_fix_loop_has_the_initial_list_made_here(
    monkeypatch: pytest.MonkeyPatch, changed: set[int] | None
) -> None:
    """The child that completes and checks ``fix_text(split=True)``'s initial list fails
    after this process let the original text's document go (the first round fixed
    something): the list is made here again from the original text, the same list, in
    the same changed region (``--changed-since``) as the loop started with."""
    from awesome_lint import fixer
    from awesome_lint.changes import ChangedRegion
    from awesome_lint.fixer import fix_text

    monkeypatch.setattr(fixer, "SPLIT_MIN_CHARS", 1000)
    text = EXAMPLE.read_text(encoding="utf-8") + VENUE_FINDINGS
    source = SourceText(text)

    def region() -> ChangedRegion | None:
        return None if changed is None else ChangedRegion(source, changed)

    alone = fix_text(source, Settings.default(), "list.md", region=region())
    split = fix_text(source, Settings.default(), "list.md", region=region(), split=True)
    assert alone.rounds  # (the first round fixed something: its document was let go)
    assert split.source.text == alone.source.text != text
    assert split.initial == alone.initial
    assert split.initial == (alone.initial if changed else lint_text(text, Settings.default()))
    lines = {source.position(d.start)[0] for d in split.initial}
    assert lines <= changed if changed else len(lines) > 10


@linux_only
def test_a_handoff_reaches_the_child_without_waiting_for_it(tmp_path: Path) -> None:
    """The value put after the fork is what the child's work reads, and putting it does
    not wait for the child: here the child reads only once ``put`` has returned, and
    the value is far beyond a pipe's buffer."""
    found = lint_document(
        parse_document(SourceText(EXAMPLE.read_text(encoding="utf-8"))), Settings.default()
    )
    value = found * 500  # (a few MB pickled)
    marker = tmp_path / "put-returned"

    def work() -> list[object]:
        deadline = time.monotonic() + 20
        while not marker.exists():  # (a put that waited for this child would never return)
            if time.monotonic() > deadline:
                return ["put did not return", os.getpid()]
            time.sleep(0.01)
        return [len(cast("list[Diagnostic]", handoff.get())), os.getpid()]

    handoff = Handoff()
    background = Background(work)  # type: ignore[arg-type]
    handoff.put(value)
    marker.touch()
    assert handoff.get() is value  # here: the value itself
    count, pid = cast("list[object]", background.result())
    assert count == len(value) and pid != os.getpid()  # read and counted by the child


@linux_only
@pytest.mark.parametrize("how", ["closed", "unpicklable"])
def test_a_child_without_its_handoff_fails_and_its_work_is_done_here(how: str) -> None:
    """Nothing is handed over (this process gave up, or the value cannot be pickled):
    the child gets an EOFError instead of waiting for ever, and fails like any child."""
    handoff = Handoff()
    background = Background(lambda: [type(handoff.get()).__name__, os.getpid()])  # type: ignore[list-item]
    if how == "closed":
        handoff.close()
    else:
        handoff.put(lambda: None)  # (a value pickle refuses)
    kind, pid = cast("list[object]", background.result())
    assert pid == os.getpid()  # done here
    assert kind == ("NoneType" if how == "closed" else "function")


@linux_only
@pytest.mark.usefixtures("broken_pickling")
def test_a_failing_background_process_has_its_work_done_here() -> None:
    found = lint_document(
        parse_document(SourceText(EXAMPLE.read_text(encoding="utf-8"))), Settings.default()
    )
    assert found
    assert Background(lambda: found).result() == found
    Background(lambda: found).abandon()  # waited for, unread


def test_no_process_to_spare_means_the_work_is_done_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """fork fails (too many processes): no error, the same findings, found here."""
    import os

    def no_fork() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    monkeypatch.setattr(sys, "platform", "linux")
    text = EXAMPLE.read_text(encoding="utf-8") + VENUE_FINDINGS
    whole, split = _both(text, Settings.default())
    assert whole and split == whole
    calls: list[int] = []

    def work() -> list[Diagnostic]:
        calls.append(1)
        return whole

    background = Background(work)
    assert background.result() == whole and background.result() == whole
    assert calls == [1]  # worked out once, when first asked for


@linux_only
def test_a_result_is_read_once_and_kept() -> None:
    found = lint_document(
        parse_document(SourceText(EXAMPLE.read_text(encoding="utf-8"))), Settings.default()
    )
    background = Background(lambda: found)
    assert background.result() == found
    assert background.result() == found  # (the child is not waited for twice)
