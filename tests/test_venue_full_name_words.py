"""AL212 reads only the entries holding a word of a full name: its word pattern."""

from __future__ import annotations

import re

from awesome_lint.rules.al212_venue_full_name import _SPELLINGS, _WORD


def test_the_grouped_pattern_finds_what_the_plain_alternation_finds() -> None:
    assert not [(a, b) for a in _SPELLINGS for b in _SPELLINGS if a != b and b.startswith(a)]
    plain = re.compile("|".join(map(re.escape, _SPELLINGS)))
    text = (
        "IEEE Transactions on Pattern Analysis, ACM Computing SURVEYS, an e-print, "
        "Robotics: Science and Systems, lettersurveys, conFERENCE, "
        "Proceedings of the Annual Meeting; Special Interest Group, In Europe"
    )
    found = [m.span() for m in _WORD.finditer(text)]
    assert found == [m.span() for m in plain.finditer(text)]
    assert [text[a:b] for a, b in found] == [
        "Transactions",
        "SURVEYS",
        "e-print",
        "Science and Systems",
        "letters",
        "Proceedings",
        "Annual",
        "Meeting",
        "Special Interest",
        "In Europe",
    ]
    # bounded searches (as the rule makes them, one venue place at a time)
    for start in range(0, len(text), 7):
        for end in range(start, len(text) + 1, 11):
            got = _WORD.search(text, start, end)
            want = plain.search(text, start, end)
            assert (got and got.span()) == (want and want.span())


def test_every_long_full_name_holds_a_word() -> None:
    from awesome_lint.rules.al212_venue_full_name import _WORDS
    from awesome_lint.venues.registry import default_registry

    names = [v.full_name for v in default_registry() if v.full_name]
    long = [n for n in names if len(n.split()) >= 3]
    assert len(long) > 100
    assert [n for n in long if not any(w in n.casefold() for w in _WORDS)] == []
    # and as the name is written in a title: "Robotics: Science and Systems"
    assert [n for n in long if _WORD.search(n) is None] == []
