"""Exact output of the text formats: full, concise, grouped, footer, statistics, fixes."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from awesome_lint.diagnostics import Applicability, Diagnostic, Fix
from awesome_lint.reporters import ReportOptions, write_report
from awesome_lint.results import FileResult
from awesome_lint.rules.base import Rule
from awesome_lint.source import SourceText

from .conftest import PAPERS, readme_result, sample_results

FOOTER = (
    "Found 6 problems. 3 fixable with --fix (2 more with --unsafe-fixes). "
    "1 file could not be checked."
)


def render(fmt: str, results: Sequence[FileResult], **options: bool) -> str:
    out = io.StringIO()
    write_report(fmt, results, out, ReportOptions(**options))
    return out.getvalue()


# -- concise / grouped ---------------------------------------------------------------


def test_concise_sorted_by_file_then_position_with_fix_marks() -> None:
    assert render("concise", sample_results()) == (
        "README.md:3:16: AL501 [*] Insecure link: use https\n"
        "README.md:3:55: AL202 NIPS'17: old name of NeurIPS, 100% sure (renamed in 2018)\n"
        "docs/papers.md:3:1: AL605 Heading level jumps from <h1> to <h3> & skips <h2>\n"
        "docs/papers.md:5:68: AL201 [*] Venue `osdi22` should be written `OSDI'22`\n"
        "docs/papers.md:6:3: AL401 Duplicate link `https://example.org/orca` in this section\n"
        "docs/papers.md:6:75: AL104 [*] Trailing whitespace\n"
        f"{FOOTER}\n"
    )


def test_concise_with_unsafe_fixes_marks_unsafe_fixes_too() -> None:
    text = render("concise", sample_results(), unsafe_fixes=True)
    assert "README.md:3:55: AL202 [*] NIPS'17" in text
    assert "docs/papers.md:6:3: AL401 [*] Duplicate link" in text
    assert "docs/papers.md:3:1: AL605 Heading" in text
    assert text.endswith("Found 6 problems. 5 fixable with --fix. 1 file could not be checked.\n")


def test_grouped_names_each_file_once_with_aligned_positions() -> None:
    assert render("grouped", sample_results()) == (
        "README.md:\n"
        "  3:16 AL501 [*] Insecure link: use https\n"
        "  3:55 AL202 NIPS'17: old name of NeurIPS, 100% sure (renamed in 2018)\n"
        "\n"
        "docs/papers.md:\n"
        "  3:1  AL605 Heading level jumps from <h1> to <h3> & skips <h2>\n"
        "  5:68 AL201 [*] Venue `osdi22` should be written `OSDI'22`\n"
        "  6:3  AL401 Duplicate link `https://example.org/orca` in this section\n"
        "  6:75 AL104 [*] Trailing whitespace\n"
        "\n"
        f"{FOOTER}\n"
    )


# -- full ----------------------------------------------------------------------------


def test_full_shows_snippets_carets_help_and_notes() -> None:
    line3 = "- [Paper’s 标题](http://arxiv.org/abs/1234.5678): 大模型 | NIPS'17"
    line5 = PAPERS.splitlines()[4]
    line6 = PAPERS.splitlines()[5]
    assert line6.endswith("OSDI'22  ")
    # Carets count display columns: 标题 and 大模型 are two columns wide each.
    assert render("full", sample_results()) == (
        "README.md:3:16: AL501 [*] Insecure link: use https\n"
        "  |\n"
        f"3 | {line3}\n"
        f"  | {' ' * 17}{'^' * 30}\n"
        "  |\n"
        "help: Use `https://`\n"
        "\n"
        "README.md:3:55: AL202 NIPS'17: old name of NeurIPS, 100% sure (renamed in 2018)\n"
        "  |\n"
        f"3 | {line3}\n"
        f"  | {' ' * (54 + 2 + 3)}^^^^^^^\n"
        "  |\n"
        "help: Rename to `NeurIPS'17` (unsafe fix: enable with --unsafe-fixes)\n"
        "\n"
        "docs/papers.md:3:1: AL605 Heading level jumps from <h1> to <h3> & skips <h2>\n"
        "  |\n"
        "3 | ### Serving\n"
        "  | ^^^^^^^^^^^\n"
        "  |\n"
        "\n"
        "docs/papers.md:5:68: AL201 [*] Venue `osdi22` should be written `OSDI'22`\n"
        "  |\n"
        f"5 | {line5}\n"
        f"  | {' ' * 67}^^^^^^\n"
        "  |\n"
        "help: Write `OSDI'22`\n"
        "\n"
        "docs/papers.md:6:3: AL401 Duplicate link `https://example.org/orca` in this section\n"
        "  |\n"
        f"6 | {line6}\n"
        f"  |   {'^' * 32}\n"
        "  |\n"
        "help: Remove the duplicate entry (unsafe fix: enable with --unsafe-fixes)\n"
        "note: first copy at 5:3\n"
        "\n"
        "docs/papers.md:6:75: AL104 [*] Trailing whitespace\n"
        "  |\n"
        f"6 | {line6}\n"
        f"  | {' ' * 74}^^\n"
        "  |\n"
        "help: Remove trailing whitespace\n"
        "\n"
        f"{FOOTER}\n"
    )


def test_full_with_color_adds_ansi_codes_and_nothing_else() -> None:
    plain = render("full", sample_results())
    colored = render("full", sample_results(), color=True)
    assert "\x1b[1;31mAL501\x1b[0m" in colored
    assert "\x1b[36m[*]\x1b[0m" in colored
    assert re.sub(r"\x1b\[[0-9;]*m", "", colored) == plain
    assert "\x1b" not in plain


def test_concise_and_grouped_color_strip_to_plain() -> None:
    for fmt in ("concise", "grouped"):
        colored = render(fmt, sample_results(), color=True)
        assert "\x1b[1mREADME.md\x1b[0m" in colored
        assert re.sub(r"\x1b\[[0-9;]*m", "", colored) == render(fmt, sample_results())


def one(text: str, start: int, end: int, message: str = "m") -> list[FileResult]:
    return [FileResult("f.md", SourceText(text), [Diagnostic("AL999", "x", message, start, end)])]


def snippet(text: str, start: int, end: int) -> str:
    """The snippet part of a full report (between the header and the footer)."""
    lines = render("full", one(text, start, end), quiet=True).splitlines()
    return "\n".join(lines[1:-1])


def test_full_multi_line_span_underlines_each_line() -> None:
    text = "ab\ncdef\ngh\n"
    assert snippet(text, 1, 9) == "\n".join(
        ["  |", "1 | ab", "  |  ^", "2 | cdef", "  | ^^^^", "3 | gh", "  | ^", "  |"]
    )


def test_full_span_ending_with_line_break_marks_the_break() -> None:
    text = "a\n\n\nb\n"  # the two blank lines 2 and 3 (a multiple-blank-lines span)
    assert snippet(text, 2, 4) == "\n".join(["  |", "2 |", "  | ^", "3 |", "  | ^", "  |"])


def test_full_empty_span_at_end_of_file_gets_one_caret() -> None:
    text = "# T\n- x"
    assert snippet(text, 7, 7) == "\n".join(["  |", "2 | - x", "  |    ^", "  |"])


def test_full_tabs_and_control_characters_are_shown_safely() -> None:
    text = "\tx\x1by z\n"  # a tab is shown as 4 spaces, ESC as the control picture U+241B
    assert snippet(text, 5, 6) == "\n".join(["  |", "1 |     x\u241by z", f"  | {' ' * 8}^", "  |"])


def test_full_long_span_is_elided_in_the_middle() -> None:
    text = "".join(f"line {n}\n" for n in range(1, 13))
    assert snippet(text, 0, text.index("line 12") + 7) == "\n".join(
        [
            "   |",
            " 1 | line 1",
            "   | ^^^^^^",
            " 2 | line 2",
            "   | ^^^^^^",
            " 3 | line 3",
            "   | ^^^^^^",
            ".. |",
            "11 | line 11",
            "   | ^^^^^^^",
            "12 | line 12",
            "   | ^^^^^^^",
            "   |",
        ]
    )


def test_messages_stay_on_one_line_in_text_formats() -> None:
    results = one("x\n", 0, 1, "first\nsecond\r\nthird")
    assert render("concise", results, quiet=True) == "f.md:1:1: AL999 first second third\n"


def test_control_characters_never_reach_the_terminal() -> None:
    results = one("x\n", 0, 1, "evil \x1b[2J\ttab \x9b end")
    results[0].filename = "a\x07.md"
    assert render("grouped", results, quiet=True) == (
        "a\u2407.md:\n  1:1 AL999 evil \u241b[2J tab \ufffd end\n\n"
    )


def test_a_lone_carriage_return_and_delete_are_made_safe() -> None:
    results = one("x\n", 0, 1, "a\x7fb\rc")
    assert render("concise", results, quiet=True) == "f.md:1:1: AL999 a\u2421b c\n"


# -- footer ---------------------------------------------------------------------------


def fixable(code: str, applicability: Applicability | None) -> Diagnostic:
    fix = None if applicability is None else Fix.replace("f", 0, 1, "y", applicability)
    return Diagnostic(code, "name", "m", 0, 1, fix)


def with_diagnostics(*diagnostics: Diagnostic, fixed: int = 0) -> list[FileResult]:
    return [FileResult("f.md", SourceText("x\n"), list(diagnostics), fixed=fixed)]


def last_line(results: Sequence[FileResult], **options: bool) -> str:
    return render("concise", results, **options).splitlines()[-1]


def test_footer_all_checks_passed() -> None:
    assert render("concise", with_diagnostics()) == "All checks passed!\n"
    assert render("full", with_diagnostics()) == "All checks passed!\n"
    assert render("grouped", []) == "All checks passed!\n"


def test_footer_singular_and_no_fixable_clause() -> None:
    assert last_line(with_diagnostics(fixable("AL605", None))) == "Found 1 problem."


def test_footer_counts_safe_and_hidden_unsafe_fixes() -> None:
    results = with_diagnostics(
        *(fixable("AL201", Applicability.SAFE) for _ in range(5)),
        fixable("AL202", Applicability.UNSAFE),
        fixable("AL605", None),
    )
    assert (
        last_line(results) == "Found 7 problems. 5 fixable with --fix (1 more with --unsafe-fixes)."
    )
    assert last_line(results, unsafe_fixes=True) == "Found 7 problems. 6 fixable with --fix."


def test_footer_only_unsafe_fixes_names_both_flags() -> None:
    results = with_diagnostics(fixable("AL202", Applicability.UNSAFE))
    assert last_line(results) == "Found 1 problem. 1 fixable with --fix --unsafe-fixes."


def test_footer_in_fix_mode() -> None:
    results = with_diagnostics(fixable("AL605", None), fixable("AL605", None), fixed=7)
    assert last_line(results, fix_mode=True) == "Found 9 problems (7 fixed, 2 remaining)."
    assert last_line(with_diagnostics(fixed=3), fix_mode=True) == (
        "Found 3 problems (3 fixed, 0 remaining)."
    )
    assert last_line(with_diagnostics(fixed=0), fix_mode=True) == "All checks passed!"
    unsafe_left = with_diagnostics(fixable("AL202", Applicability.UNSAFE), fixed=1)
    assert last_line(unsafe_left, fix_mode=True) == (
        "Found 2 problems (1 fixed, 1 remaining). 1 fixable with --unsafe-fixes."
    )


def test_footer_mentions_unreadable_files() -> None:
    results = [FileResult("bad.md", None, error="binary file (contains NUL bytes)")]
    assert render("concise", results) == "No problems found, but 1 file could not be checked.\n"


def test_quiet_prints_diagnostics_but_no_footer() -> None:
    assert render("concise", [readme_result()], quiet=True) == (
        "README.md:3:16: AL501 [*] Insecure link: use https\n"
        "README.md:3:55: AL202 NIPS'17: old name of NeurIPS, 100% sure (renamed in 2018)\n"
    )
    assert render("full", with_diagnostics(), quiet=True) == ""


# -- statistics and --show-fixes -----------------------------------------------------


def test_statistics_table_sorted_by_count() -> None:
    results = [
        *sample_results(),
        FileResult(
            "z.md",
            SourceText("x y\n"),
            [fixable("AL605", None), fixable("AL605", None), fixable("AL104", Applicability.SAFE)],
        ),
    ]
    expected = (
        "3  AL605       heading-increment\n"
        "2  AL104  [*]  trailing-whitespace\n"
        "1  AL201  [*]  venue-format\n"
        "1  AL202       venue-alias\n"
        "1  AL401       duplicate-link\n"
        "1  AL501  [*]  insecure-link\n"
        "Found 9 problems. 4 fixable with --fix (2 more with --unsafe-fixes). "
        "1 file could not be checked.\n"
    )
    for fmt in ("full", "concise", "grouped"):
        assert render(fmt, results, statistics=True) == expected


def test_show_fixes_lists_fixes_per_file_and_code_in_fix_mode() -> None:
    fixed = FileResult(
        "README.md",
        SourceText("x\n"),
        fixed=7,
        fixed_codes={"AL104": 2, "AL201": 5},
    )
    uncounted = FileResult("a.md", SourceText("x\n"), fixed=1)
    untouched = FileResult("b.md", SourceText("x\n"))
    results = [fixed, uncounted, untouched]
    assert render("concise", results, fix_mode=True, show_fixes=True) == (
        "Fixed 8 problems:\n"
        "- README.md:\n"
        "    5 × AL201\n"
        "    2 × AL104\n"
        "- a.md:\n"
        "    1 fix\n"
        "\n"
        "Found 8 problems (8 fixed, 0 remaining).\n"
    )
    # without --fix there is nothing to list
    assert render("concise", results, show_fixes=True) == "All checks passed!\n"


def test_show_fixes_follows_remaining_diagnostics_after_a_blank_line() -> None:
    result = readme_result()
    result.fixed = 1
    result.fixed_codes = {"AL201": 1}
    text = render("concise", [result], fix_mode=True, show_fixes=True)
    assert text.endswith(
        "(renamed in 2018)\n"
        "\n"
        "Fixed 1 problem:\n"
        "- README.md:\n"
        "    1 × AL201\n"
        "\n"
        "Found 3 problems (1 fixed, 2 remaining). 1 fixable with --unsafe-fixes.\n"
    )


def test_show_fixes_names_registered_rules(registered: type[Rule]) -> None:
    result = FileResult("README.md", SourceText("x\n"), fixed=3, fixed_codes={"AL201": 3})
    assert render("concise", [result], fix_mode=True, show_fixes=True, quiet=True) == (
        "Fixed 3 problems:\n- README.md:\n    3 × AL201 (venue-format)\n\n"
    )
