"""Year buckets: which headings and <details> blocks stand for years, and which lines
they hold."""

from __future__ import annotations

import pytest

from awesome_lint.domain.buckets import buckets, year_range
from awesome_lint.parser.build import parse_document
from awesome_lint.source import SourceText


def doc(text: str):  # type: ignore[no-untyped-def]
    return parse_document(SourceText(text))


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("2023", (2023, 2023)),
        ("Year 2023", (2023, 2023)),
        ("2023 Papers", (2023, 2023)),
        ("Papers in 2023", (2023, 2023)),
        ("**2024**", (2024, 2024)),
        ("<b>2024</b>", (2024, 2024)),
        ("🔥 2024", (2024, 2024)),
        ("2024.8", (2024, 2024)),
        ("Before 2020", (None, 2019)),
        ("<b>Before 2024</b>", (None, 2023)),
        ("pre-2020", (None, 2019)),
        ("≤ 2019", (None, 2019)),
        ("2019 and earlier", (None, 2019)),
        ("Since 2023", (2023, None)),
        ("After 2023", (2024, None)),
        ("2023+", (2023, None)),
        ("2019-2021", (2019, 2021)),
        ("2019 – 2021 Papers", (2019, 2021)),
        ("NeurIPS 2025", None),
        ("Before the Transformer", None),
        ("Conference Collections", None),
        ("Top 10 of 2023", None),
        ("2021-2019", None),
        ("1066", None),
        ("", None),
    ],
)
def test_year_range(label: str, expected: tuple[int | None, int | None] | None) -> None:
    assert year_range(label) == expected


def test_details_buckets_repeat_under_topics_and_pair_with_their_close() -> None:
    document = doc(
        "### Vision\n"  # 0
        "\n"
        "<details><summary>2024</summary>\n"  # 2
        "\n"
        "- [A](https://a.org), CVPR, 2024\n"  # 4
        " </details>\n"  # 5
        "\n"
        "- [Outside](https://o.org)\n"  # 7
        "\n"
        "### Robotics\n"  # 9
        "\n"
        "<details>\n"  # 11
        "<summary><b>Before 2020</b></summary>\n"  # 12
        "\n"
        "- [B](https://b.org), RSS, 2019\n"  # 14
        "\n"
        "</details>\n"  # 16
    )
    found = buckets(document)
    assert [(b.kind, b.name, b.first, b.last, b.start_line, b.end_line) for b in found.all] == [
        ("details", "2024", 2024, 2024, 3, 4),
        ("details", "Before 2020", None, 2019, 13, 15),
    ]
    assert found.at(4) is found.all[0]
    assert found.at(7) is None
    assert found.at(14) is found.all[1]
    first = found.all[0]
    assert document.text[first.span[0] : first.span[1]] == "2024"
    assert buckets(document) is found  # computed once per document


def test_nested_details_the_innermost_year_bucket_wins() -> None:
    document = doc(
        "<details><summary>2024</summary>\n"  # 0
        "\n"
        "<details><summary>Vision</summary>\n"  # 2
        "\n"
        "- [A](https://a.org)\n"  # 4
        "\n"
        "</details>\n"  # 6
        "<details><summary>2023</summary>\n"  # 7
        "\n"
        "- [B](https://b.org)\n"  # 9
        "\n"
        "</details>\n"  # 11
        "\n"
        "- [C](https://c.org)\n"  # 13
        "\n"
        "</details>\n"  # 15
    )
    found = buckets(document)
    names = {b.name: b for b in found.all}
    assert set(names) == {"2024", "Vision", "2023"}
    assert names["Vision"].years is False
    assert found.at(4) is names["2024"]  # a non-year block inside a year bucket
    assert found.at(9) is names["2023"]
    assert found.at(13) is names["2024"]  # after the inner block closed


def test_tags_in_code_and_comments_are_not_buckets() -> None:
    document = doc(
        "<details><summary>2024</summary>\n"  # 0
        "\n"
        "```html\n"  # 2
        "</details>\n"
        "<details><summary>2019</summary>\n"
        "```\n"
        "\n"
        "<!-- </details><details><summary>2019</summary> -->\n"  # 7
        "\n"
        "- [A](https://a.org)\n"  # 9
        "\n"
        "</details>\n"
    )
    found = buckets(document)
    assert [b.name for b in found.all] == ["2024"]
    assert found.at(9) is found.all[0]


def test_an_unclosed_details_block_ends_at_the_next_heading() -> None:
    document = doc(
        "## Topic\n"  # 0
        "\n"
        "<details><summary>2023</summary>\n"  # 2
        "\n"
        "- [A](https://a.org)\n"  # 4
        "\n"
        "## Next\n"  # 6
        "\n"
        "- [B](https://b.org)\n"  # 8
    )
    found = buckets(document)
    assert [(b.name, b.start_line, b.end_line) for b in found.all] == [("2023", 3, 5)]
    assert found.at(4) is not None
    assert found.at(8) is None


def test_a_year_heading_holds_its_subsections_up_to_the_next_heading_of_its_level() -> None:
    document = doc(
        "# Papers\n"  # 0
        "## 2024\n"  # 1
        "- [A](https://a.org)\n"  # 2
        "### Serving\n"  # 3
        "- [B](https://b.org)\n"  # 4
        "## NeurIPS 2025\n"  # 5
        "- [C](https://c.org)\n"  # 6
        "## Year 2023\n"  # 7
        "- [D](https://d.org)\n"  # 8
    )
    found = buckets(document)
    assert [(b.kind, b.name, b.start_line, b.end_line) for b in found.all] == [
        ("heading", "2024", 2, 4),
        ("heading", "Year 2023", 8, 9),  # to the end: line 9 is the empty last line
    ]
    assert found.at(4) is found.all[0]
    assert found.at(6) is None


def test_a_details_block_inside_a_year_heading_is_the_more_specific_bucket() -> None:
    document = doc(
        "## 2024\n"  # 0
        "\n"
        "<details><summary>Before 2020</summary>\n"  # 2
        "\n"
        "- [A](https://a.org)\n"  # 4
        "\n"
        "</details>\n"  # 6
        "\n"
        "- [B](https://b.org)\n"  # 8
    )
    found = buckets(document)
    assert found.at(4) is not None and found.at(4).name == "Before 2020"  # type: ignore[union-attr]
    assert found.at(8) is not None and found.at(8).name == "2024"  # type: ignore[union-attr]


def test_a_document_without_year_buckets() -> None:
    found = buckets(doc("# List\n\n<details><summary>More</summary>\n\n- [A](https://a.org)\n"))
    assert found.has_years is False
    assert found.at(4) is None
    assert [b.name for b in found.all] == ["More"]


def test_a_bold_year_line_is_a_bucket_for_the_list_right_after_it() -> None:
    document = doc(
        "## Training\n"  # 0
        "\n"
        "**2026**\n"  # 2
        "- [A](https://a.org)\n"  # 3
        "- [B](https://b.org)\n"  # 4
        "\n"
        "Some text.\n"  # 6
        "\n"
        "- [C](https://c.org)\n"  # 8
        "\n"
        "**Note 2026** more words\n"  # 10
        "- [D](https://d.org)\n"  # 11
        "\n"
        "**Conference**\n"  # 13
        "- [E](https://e.org)\n"  # 14
    )
    found = buckets(document)
    assert [(b.kind, b.name, b.first, b.start_line, b.end_line) for b in found.all] == [
        ("bold", "2026", 2026, 3, 4)
    ]
    bucket = found.all[0]
    assert document.text[bucket.span[0] : bucket.span[1]] == "2026"
    assert found.at(3) is bucket and found.at(4) is bucket
    assert found.at(8) is None and found.at(11) is None and found.at(14) is None
