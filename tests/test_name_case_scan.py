"""AL125's scans of the whole text (camel-case names, their slips) find exactly what its
patterns define: a name is ``_CAMEL``'s match, a slip one of the words looked for with
``_CAMEL``'s ends, never after a word character or a piece of an address."""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from awesome_lint.rules import al125_name_case as name_case

_NOT_BEFORE = re.compile(r"[\w./@#\\-]")


def _names(text: str) -> Counter[str]:
    return name_case._camel_names(text, text.encode("ascii", "replace").translate(name_case._CASES))


def _slips(text: str, common: dict[str, str]) -> list[tuple[int, int, str]]:
    letters = text.encode("ascii", "replace").translate(name_case._LETTERS)
    return name_case._slips(text, letters, common)


def _names_by_pattern(text: str) -> Counter[str]:
    return Counter(m.group() for m in re.finditer(name_case._CAMEL.pattern, text))


def _slips_by_pattern(text: str, common: dict[str, str]) -> list[tuple[int, int, str]]:
    words = "|".join(sorted(map(re.escape, common), key=lambda w: (-len(w), w)))
    return [
        (m.start(), m.end(), m.group())
        for m in re.finditer(f"(?:{words})" + name_case._WORD_END, text)
        if not (m.start() and _NOT_BEFORE.match(text, m.start() - 1))
    ]


def test_names_are_whole_words_of_capitalised_parts() -> None:
    text = (
        "ByteDance x.ByteDance ByteDance.com ByteDance. éByteDance ByteDanceé "
        "🔍ByteDance (ByteDance) ByteDanceAI DataFlow_ GitHub GitHub"
    )
    names = _names(text)
    assert names == Counter({"ByteDance": 4, "GitHub": 2})
    assert list(names) == ["ByteDance", "GitHub"]


def test_slips_are_whole_words_in_text_order() -> None:
    text = "Bytedance, x.Bytedance Bytedance.com 🔍Bytedance Github/ [Github] Bytedancer"
    common = {"Github": "GitHub", "Bytedance": "ByteDance"}
    assert _slips(text, common) == [
        (0, 9, "Bytedance"),
        (38, 47, "Bytedance"),
        (57, 63, "Github"),
    ]


def test_no_slip_written() -> None:
    assert _slips("bytedance BYTEDANCE ByteDance", {"Bytedance": "ByteDance"}) == []


_PIECES = (
    *("Data", "Flow", "flow", "Byte", "Dance", "dance", "Git", "Hub", "hub", "DaTa"),
    *("Ab", "Mo", "Bi", "Com", "com", " ", " ", "\n", ".", ".a", "-", "/", "@", "#"),
    *("\\", "_", "é", "É", "🔍", "2", "x", "(", ")", "[", "]", "|", ",", "\u00a0"),
)


@pytest.mark.parametrize("most", [name_case._MAX_SEARCHED, 0])
def test_scans_agree_with_the_patterns(monkeypatch: pytest.MonkeyPatch, most: int) -> None:
    # ``most`` 0: the slips found by one pattern of them all, as for many slip words
    monkeypatch.setattr(name_case, "_MAX_SEARCHED", most)
    rng = random.Random(125)
    for _ in range(3000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 40)))
        names = _names(text)
        expected = _names_by_pattern(text)
        assert names == expected and list(names) == list(expected), text
        common = {name.capitalize(): name for name in names}
        if common:
            assert _slips(text, common) == _slips_by_pattern(text, common), text
