"""The years an entry states, and what states them (AL302 and AL404 read these)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.domain.stated import (
    _COMMA_YEAR,
    _COMMA_YEAR_HINT,
    _MONTH_YEAR,
    _MONTH_YEAR_HINT,
    entry_years,
    names_venue_or_year,
)
from awesome_lint.parser.build import parse_document
from awesome_lint.source import SourceText
from awesome_lint.venues.registry import default_registry


def years_of(line: str) -> list[tuple[int, int | None, str, str]]:
    document = parse_document(SourceText(line + "\n"))
    (entry,) = document.entries()
    return [
        (y.year, y.month, y.kind, document.text[y.span[0] : y.span[1]])
        for y in entry_years(document, entry, default_registry())
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "- [Orca](https://o.org/x): A Serving System | OSDI'22",
            [(2022, None, "venue", "OSDI'22")],
        ),
        (
            "- [T](https://arxiv.org/pdf/2302.02662), ICML, 2024, Inria | [code](https://g.com/x)",
            [
                (2024, None, "venue", "ICML, 2024"),
                (2023, 2, "arxiv-id", "https://arxiv.org/pdf/2302.02662"),
            ],
        ),
        (
            "- [T](https://x.org/t.pdf), ArXiv, 2024.12. CMU & Apple",
            [(2024, 12, "preprint", "ArXiv, 2024.12")],
        ),
        (
            "- [T](https://x.org/t.pdf), Preprint, 2025.1, DeepSeek",
            [(2025, 1, "other", "Preprint, 2025.1")],
        ),
        (
            "- [T](https://x.org/t.pdf), CoRL Workshop, 2023, Open X",
            [(2023, None, "workshop", "CoRL Workshop, 2023")],
        ),
        (
            "- [T](https://arxiv.org/abs/2501.00656) – AI2 (Dec 2024)",
            [
                (2024, 12, "other", "Dec 2024"),
                (2025, 1, "arxiv-id", "https://arxiv.org/abs/2501.00656"),
            ],
        ),
        (
            "- [T](https://x.org/t), Foundations and Trends©R in Systems and Control, 2019, NEU",
            [(2019, None, "other", "2019")],
        ),
        # a year inside the subtitle (a title's words) is no statement, nor is one in link text
        ("- [T 2023](https://x.org/t): Lessons of December 2021", []),
        (
            "- [NeurIPS'23 Workshop] [T](https://x.org/t)",
            [(2023, None, "workshop", "NeurIPS'23 Workshop")],
        ),
    ],
)
def test_entry_years(line: str, expected: list[tuple[int, int | None, str, str]]) -> None:
    assert years_of(line) == expected


_PIECES = [
    "Mar",
    "march",
    "Dec.",
    "may",
    ",",
    ", ",
    " ",
    "\t",
    ".",
    "2023",
    "1959",
    "2049",
    "5",
    "x",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_year_hints_match_wherever_a_year_pattern_does(pieces: list[str]) -> None:
    # entry_years skips an entry's regions when the hint finds nothing on its lines
    text = "".join(pieces)
    assert _COMMA_YEAR.search(text) is None or _COMMA_YEAR_HINT.search(text) is not None
    assert _MONTH_YEAR.search(text) is None or _MONTH_YEAR_HINT.search(text) is not None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("- [Tool](https://t.org/v2019/x) - A server written in 2019 style.", True),
        ("- [Tool](https://t.org/v2019/x) - A server, version 12 (see https://t.org/1999).", False),
        ("- [Tool](https://t.org/x) - Notes from the IEEE Computer'26 issue.", True),
        ("- [Tool](https://t.org/x) - A report, posted 1949.", False),
        ("- [Tool](https://t.org/x) - Accepted at TMLR.", True),
        ("- [Tool](https://t.org/x) - Accepted at Tmlr.", False),
        ("- [Tool](https://t.org/x) - A technical report.", True),
        ("- [Tool](https://t.org/x) - A server in Go.", False),
    ],
)
def test_what_names_a_venue_or_a_year(line: str, names: bool) -> None:
    # years in link targets and bare URLs are no years; a known name needs two capitals
    document = parse_document(SourceText(line + "\n"))
    (entry,) = document.entries()
    assert entry.link is not None
    assert names_venue_or_year(document, entry, default_registry(), entry.link) is names
