"""AL301 reads a short list (or one with two slips among ten or more entries) against the
order the file's clear lists follow."""

from __future__ import annotations

from awesome_lint.api import lint_text
from awesome_lint.config.selectors import resolve
from awesome_lint.settings import Settings

AL301 = Settings(resolve(["AL301"]))


def _section(title: str, years: list[int]) -> str:
    items = "".join(
        f"- [{title} paper {i}](https://example.org/{title}/{i}): sub | OSDI'{year % 100:02d}\n"
        for i, year in enumerate(years)
    )
    return f"## {title}\n\n{items}\n"


CLEAR = "".join(
    _section(name, [2024, 2024, 2023, 2023, 2022, 2021, 2020, 2019])
    for name in ("Serving", "Training", "Storage")
)


def _found(text: str) -> list[tuple[str, int, str]]:
    return [(d.code, text.count("\n", 0, d.start) + 1, d.message) for d in lint_text(text, AL301)]


def test_a_short_list_is_read_against_the_files_order() -> None:
    text = "# Papers\n\n" + CLEAR + _section("Retrieval", [2021, 2021, 2019, 2018, 2023])
    assert _found(text) == [
        (
            "AL301",
            42,  # the 2023 paper, last of the section (lines 38-42)
            "Out of newest-first order: should come before `[Retrieval paper 0]` (line 38)",
        )
    ]


def test_without_a_file_order_a_short_list_is_left_alone() -> None:
    # two clear lists are no convention (three are needed)
    text = (
        "# Papers\n\n"
        + CLEAR.split("## Storage")[0]
        + _section("Retrieval", [2021, 2021, 2019, 2018, 2023])
    )
    assert _found(text) == []


def test_a_short_list_in_the_other_direction_is_left_alone() -> None:
    # oldest first, but the file's lists are newest first: no clear direction to read
    text = "# Papers\n\n" + CLEAR + _section("Retrieval", [2018, 2019, 2021, 2023, 2016])
    assert _found(text) == []


def test_two_slips_among_ten_entries_against_the_files_order() -> None:
    years = [2020, 2020, 2019, 2019, 2018, 2018, 2017, 2016, 2015, 2016, 2017]
    text = "# Papers\n\n" + CLEAR + _section("Conference", years)
    # (lines 38-48): the 2015 paper before a 2016 one, and the 2017 paper at the end
    assert [line for _, line, _ in _found(text)] == [46, 48]
