"""Fixes the fixer would refuse are never offered; a second BOM is content (issue 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from awesome_lint.api import fix_text, lint_text
from awesome_lint.cli import cli
from awesome_lint.config.selectors import resolve
from awesome_lint.diagnostics import Diagnostic, Fix
from awesome_lint.linting import _without_target_edits
from awesome_lint.parser.build import parse_document
from awesome_lint.settings import Settings
from awesome_lint.source import SourceText
from invariants import check_invariants


def test_second_bom_survives_an_unrelated_fix() -> None:
    data = "\ufeff\ufeff# Not a heading  \n\ntext  \n".encode()
    outcome = fix_text(SourceText.from_bytes(data))
    assert outcome.fixed == {"AL104": 2}
    assert outcome.source.encode() == "\ufeff\ufeff# Not a heading\n\ntext\n".encode()
    assert not fix_text(outcome.source).changed
    check_invariants(data)


def test_explicit_bom_flag_keeps_the_text_as_given() -> None:
    assert SourceText("\ufeffx").text == "x"
    assert SourceText("\ufeffx").bom
    kept = SourceText("\ufeffx", bom=False)
    assert (kept.text, kept.bom, kept.encode()) == ("\ufeffx", False, "\ufeffx".encode())
    both = SourceText("\ufeffx", bom=True)
    assert both.encode() == "\ufeff\ufeffx".encode()


def test_second_bom_is_not_stripped_for_linting() -> None:
    # one BOM is the file's; the second is text: the line is a paragraph, not a heading
    found = [(d.code, d.start) for d in lint_text("\ufeff\ufeff# A\n# B\n")]
    assert found == [("AL601", 5), ("AL606", 5)]  # no empty section "A": no heading


def _fixes(text: str) -> list[tuple[str, int, tuple[tuple[int, int, str], ...] | None]]:
    return [
        (
            d.code,
            d.start,
            None if d.fix is None else tuple((e.start, e.end, e.content) for e in d.fix.edits),
        )
        for d in lint_text(text, ALL)
    ]


# every rule but the whole-list ones (badges, licence, contributing file, table of contents)
ALL = Settings(
    resolve(["ALL"], (), ["AL709", "AL710", "AL711", "AL712", "AL713"]), unsafe_fixes=True
)


@pytest.mark.parametrize(
    "line",
    [
        "- [A](https://x.org/a): see https://g.com/a|b",
        "- [A](https://x.org/a): see <https://g.com/a|b>",
        "- [A](https://x.org/a): see [B](https://g.com/a|b) x",
        "- [A](https://x.org/a) - see [B](https://g.com/a|b)",
        "- [A](https://x.org/a): x ![B](https://g.com/a|b)",
    ],
)
def test_a_pipe_inside_a_url_is_not_the_venue_separator(line: str) -> None:
    text = f"# T\n\n{line}\n"
    assert [code for code, _, _ in _fixes(text)] == []
    entry = parse_document(SourceText(text)).entries()[0]
    assert entry.venue_separator is None


def test_the_pipe_before_a_link_holding_a_pipe_is_the_separator() -> None:
    text = "# T\n\n- [A](https://x.org/a): s|[B](https://g.com/a|b)\n"
    entry = parse_document(SourceText(text)).entries()[0]
    assert entry.venue_separator == (30, 31)
    assert _fixes(text) == [("AL103", 30, ((30, 31, " | "),))]


def test_spaces_inside_an_angle_bracket_target_are_not_reported() -> None:
    text = '# T\n\n- [A  B](<https://g.com/a  b> "t  x"): x\n'
    assert _fixes(text) == [("AL105", 9, ((9, 11, " "),))]  # the link text only


def test_no_exported_edit_inside_a_link_target() -> None:
    document = parse_document(SourceText("- [A](<https://g.com/a  b>): x\n"))
    inside = Diagnostic("AL105", "multiple-spaces", "m", 21, 23, Fix.replace("f", 21, 23, " "))
    around = Diagnostic("AL999", "x", "m", 0, 31, Fix.replace("f", 0, 31, "- gone\n"))
    rewrite = Diagnostic(
        "AL501", "x", "m", 7, 12, Fix.replace("f", 7, 12, "http", rewrites_urls=True)
    )
    kept = _without_target_edits(document, [inside, around, rewrite])
    assert [d.fix is not None for d in kept] == [False, True, True]


def test_al104_never_merges_cr_and_lf() -> None:
    text = "# T\n\n- [A](https://g.com/a): x\r \n\n- [B](https://g.com/b): y\n"
    assert ("AL104", 31, None) in _fixes(text)
    fixed = fix_text(text, ALL).source.text
    assert "\r \n" in fixed  # the blank line (CR, then a space and LF) stays a line
    assert len(parse_document(SourceText(fixed)).entries()) == 2


@pytest.mark.parametrize(
    ("text", "comment_start"),
    [
        # removing the comment would make "---" underline a setext heading
        ("# T\n\nPara text\n<!-- awesome-lint-disable-next-line AL102 -->\n---\n", 15),
        # ... or let the next line continue the list item's paragraph
        (
            "# T\n\n- [A](https://g.com/a): x\n"
            "<!-- awesome-lint-disable-next-line AL102 -->\ncontinued text\n",
            31,
        ),
    ],
)
def test_al001_removal_that_changes_parsing_is_not_offered(text: str, comment_start: int) -> None:
    assert ("AL001", comment_start, None) in _fixes(text)
    outcome = fix_text(text, ALL)
    assert "awesome-lint-disable-next-line" in outcome.source.text
    assert [(d.code, d.fix) for d in outcome.diagnostics if d.code == "AL001"] == [("AL001", None)]


def test_al001_removal_between_two_lists_is_still_offered() -> None:
    # the lists join, as AL604 joins them on purpose: every item stays where it was
    text = (
        "# T\n\n- [A](https://g.com/a): x\n"
        "<!-- awesome-lint-disable-next-line AL102 -->\n- [B](https://g.com/b): y\n"
    )
    assert _fixes(text) == [("AL001", 31, ((31, 77, ""),))]


def test_json_output_carries_only_fixes_the_fixer_applies(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(
        b"# T\n\nPara\n<!-- awesome-lint-disable-next-line AL102 -->\n---\n\n"
        b"- [A](<https://g.com/a  b>): x  y\n"
    )
    result = CliRunner().invoke(
        cli,
        [
            *(
                "check",
                "--isolated",
                "--select",
                "ALL",
                "--ignore",
                "AL709,AL710,AL711,AL712,AL713",
            ),
            *("--output-format", "json", str(path)),
        ],
    )
    items = json.loads(result.output)
    assert [(i["code"], i["location"]["row"], i["fix"] is not None) for i in items] == [
        ("AL001", 4, False),
        ("AL105", 7, True),
    ]
    assert items[1]["fix"]["edits"] == [
        {
            "content": " ",
            "location": {"row": 7, "column": 31},
            "end_location": {"row": 7, "column": 33},
        }
    ]
    before = path.read_bytes()
    CliRunner().invoke(
        cli, ["check", "--isolated", "--select", "ALL", "--ignore", "AL7", "--fix", str(path)]
    )
    assert path.read_bytes() == before.replace(b"x  y", b"x y")


def test_verification_parses_only_for_fixes_that_may_change_the_structure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import awesome_lint.api as api
    import awesome_lint.fixer as fixer

    calls: list[int] = []
    real = fixer.parse_document
    monkeypatch.setattr(fixer, "parse_document", lambda s: calls.append(1) or real(s))
    inert = "# T\n- [A](http://arxiv.org/abs/2301.00001): x\n"  # AL501 and AL601
    document = real(SourceText(inert))
    diagnostics = api.lint_document(document, ALL)
    assert {d.code for d in diagnostics if d.fix} >= {"AL501", "AL601"}
    assert api.verified_fixes(document, diagnostics) == diagnostics
    assert calls == []
    removal = (
        "# T\n\n- [A](https://g.com/a): x\n"
        "<!-- awesome-lint-disable-next-line AL102 -->\n- [B](https://g.com/b): y\n"
    )
    document = real(SourceText(removal))
    diagnostics = api.lint_document(document, ALL)
    assert api.verified_fixes(document, diagnostics) == diagnostics  # AL001 is kept
    assert calls == [1]  # one parse for the batch


def _inert_fix(text: str, start: int, end: int, content: str) -> bool:
    from awesome_lint.fixer import _inert

    return _inert(parse_document(SourceText(text)), Fix.replace("f", start, end, content))


def test_which_fixes_need_no_trial_parse() -> None:
    link = "# T\n\n- [A](http://e.org/a?utm_source=x): y  z\n"
    url = link.index("http")
    close = link.index(")")
    assert _inert_fix(link, url, url + 4, "https")  # http -> https
    assert _inert_fix(link, link.index("?"), close, "")  # a tracking parameter dropped
    assert not _inert_fix(link, url, close, "")  # the destination emptied
    assert not _inert_fix(link, url + 4, url + 5, " ")  # a blank in a destination
    assert not _inert_fix(link, close, close + 1, "")  # the closing parenthesis
    assert _inert_fix(link, link.index("  "), link.index("  ") + 2, " ")  # spaces in text
    assert not _inert_fix(link, 5, 6, "*")  # a list marker
    heading = "# T\ntext\n## U\nmore\n"
    assert _inert_fix(heading, 4, 4, "\n")  # a blank line after an ATX heading
    assert _inert_fix(heading, 9, 9, "\n")  # ... and before one
    assert not _inert_fix("# T\ntext\nmore\n## U\n", 9, 9, "\n")  # would split a paragraph
    setext = "para\nTitle\n===\n"
    assert not _inert_fix(setext, 5, 5, "\n")  # would split a two-line setext heading


def test_a_fix_checked_beside_an_entry_removal_still_gets_the_structure_check() -> None:
    # Found by the property test: removing the comment lets "0" join the list item above
    # (the structure changes), which a batch holding AL401's removal did not look at.
    text = (
        "- [Orca](https://e.org/o) | OSDI'22\n<!-- awesome-lint-disable AL1 -->\n0\n"
        "- [Orca](https://e.org/o) | OSDI'22\n"
    )
    found = [(d.code, d.start, d.fix is not None) for d in lint_text(text)]
    assert found == [("AL001", 36, False), ("AL401", 81, True)]
    check_invariants(text.encode())
