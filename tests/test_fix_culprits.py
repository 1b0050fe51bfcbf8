"""The fixer's search for the fixes of a round that break an invariant together."""

from __future__ import annotations

import pytest

import awesome_lint.fixer as fixer
from awesome_lint.diagnostics import Edit, Fix
from awesome_lint.fixer import _safe_part, _Shape
from awesome_lint.parser.build import parse_document
from awesome_lint.source import SourceText

LINES = [f"- [Paper {n}](https://example.org/{n:02}) x \n" for n in range(16)]
TEXT = "".join(LINES)


def _trailing_blank(line: int) -> Fix:
    """Remove the blank at the end of ``line`` (keeps every invariant)."""
    end = sum(len(one) for one in LINES[: line + 1]) - 1
    return Fix("Remove trailing whitespace", (Edit(end - 1, end),))


def _drop_url(line: int) -> Fix:
    """Empty the URL of ``line``'s link without saying so (breaks the URL invariant)."""
    start = sum(len(one) for one in LINES[:line]) + LINES[line].index("https")
    return Fix("Drop the URL", (Edit(start, start + len("https://example.org/00")),))


def _before() -> _Shape:
    return _Shape.of(parse_document(SourceText(TEXT)))


def test_the_culprit_is_refused_and_every_other_fix_kept() -> None:
    fixes = [_trailing_blank(n) for n in range(16)]
    culprit = _drop_url(9)
    fixes.insert(10, culprit)
    good, bad = _safe_part(TEXT, False, _before(), fixes)
    assert bad == [culprit]
    assert good == [fix for fix in fixes if fix is not culprit]


def test_two_culprits_are_both_found_in_their_order() -> None:
    fixes = [_trailing_blank(n) for n in range(16)]
    first, second = _drop_url(2), _drop_url(13)
    fixes[3:3] = [first]
    fixes[14:14] = [second]
    good, bad = _safe_part(TEXT, False, _before(), fixes)
    assert bad == [first, second]
    assert len(good) == 16


def test_one_culprit_among_seventeen_costs_far_fewer_parses_than_seventeen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[int] = []
    real = fixer._parsed_shape

    def counted(source: SourceText) -> _Shape:
        calls.append(1)
        return real(source)

    monkeypatch.setattr(fixer, "_parsed_shape", counted)
    fixes = [_trailing_blank(n) for n in range(16)]
    fixes.insert(5, _drop_url(4))
    _safe_part(TEXT, False, _before(), fixes)
    # [0:8] fails, [0:4] kept, [4:8] fails, [4:6] fails, [4] kept, [5] refused,
    # [6:8] kept, [8:17] kept: 8 trial parses where one by one took 17
    assert len(calls) == 8
