"""AL108 (split-entry): line endings, paragraph entries, and the fix as the fixer runs it."""

from __future__ import annotations

from awesome_lint.api import fix_text, lint_text
from awesome_lint.fixer import verified_fixes
from awesome_lint.parser.build import parse_document
from awesome_lint.rules import get_rule
from awesome_lint.rules.al108_split_entry import SplitEntry
from awesome_lint.rules.base import Context
from awesome_lint.settings import Settings
from awesome_lint.source import SourceText


def _rules(*codes: str) -> Settings:
    found = [get_rule(code) for code in codes]
    return Settings(tuple(rule for rule in found if rule is not None))


def _singles(n: int, eol: str = "\n") -> str:
    return "".join(f"- Paper {i} [[CVPR2019]](https://example.org/{i}){eol}" for i in range(n))


def test_crlf_line_endings_are_joined_whole() -> None:
    text = _singles(5, "\r\n") + "- A broken\r\ntitle [[ICCV2021]](https://example.org/b)\r\n"
    source = SourceText(text)
    found = lint_text(source, _rules("AL108"))
    assert [(source.position(d.start), d.code) for d in found] == [((6, 11), "AL108")]
    fixed = fix_text(source, _rules("AL108")).source.encode()
    joined = "- A broken title [[ICCV2021]](https://example.org/b)\r\n"
    assert fixed == (_singles(5, "\r\n") + joined).encode()


def test_paragraph_entries_broken_inside_the_link_text() -> None:
    # The shape of pliang279/awesome-multimodal-ml (MIT): paragraph entries.
    entries = "".join(f"[Paper {i}](https://example.org/{i}), ICML 2019\n\n" for i in range(5))
    text = entries + (
        "[Evolving Multimodal Robot Behavior\n](https://arxiv.org/abs/1807.03392), arXiv 2018\n"
    )
    source = SourceText(text)
    found = lint_text(source, _rules("AL108"))
    assert [(source.position(d.start), d.message) for d in found] == [
        (
            (11, 36),
            "Entry runs on to line 12 (the other entries are one line each): join the lines",
        )
    ]
    assert fix_text(source, _rules("AL108")).source.text == entries + (
        "[Evolving Multimodal Robot Behavior](https://arxiv.org/abs/1807.03392), arXiv 2018\n"
    )


def test_the_joined_entry_is_then_fixed_by_the_other_rules() -> None:
    # a multi-line entry gets no fix from other rules; once joined, AL201 fixes its venue
    text = _singles(9) + "- Broken\nTitle [[Cvpr2021]](https://example.org/b)\n"
    fixed = fix_text(SourceText(text), _rules("AL108", "AL201")).source.text
    assert fixed == _singles(9) + "- Broken Title [[CVPR2021]](https://example.org/b)\n"


def test_the_fix_passes_the_fixers_check_of_exported_fixes() -> None:
    text = _singles(5) + "- A broken\ntitle [[ICCV2021]](https://example.org/b)\n"
    document = parse_document(SourceText(text))
    found = list(SplitEntry().check(document, Context()))
    assert len(found) == 1 and found[0].fix is not None
    assert verified_fixes(document, found)[0].fix == found[0].fix


def test_a_join_that_changes_the_blocks_is_refused() -> None:
    # "Title" joined to a "---" line would not do this, but a fix declaring joins_lines
    # may still not change the block structure: the invariant is checked, not trusted.
    from awesome_lint.diagnostics import Edit, Fix
    from awesome_lint.fixer import _keeps_invariants, _Shape

    before = _Shape.of(parse_document(SourceText("- a\nb\n\ntext\n")))
    after = _Shape.of(parse_document(SourceText("- a b\n# text\n")))
    fix = Fix("join", (Edit(3, 4, " "),), joins_lines=True)
    assert not _keeps_invariants(before, after, [fix])
    joined = _Shape.of(parse_document(SourceText("- a b\n\ntext\n")))
    assert _keeps_invariants(before, joined, [fix])
    assert not _keeps_invariants(before, joined, [Fix("join", (Edit(3, 4, " "),))])
    # the same, judged on windows of the document (one structure per window)
    other = _Shape.of(parse_document(SourceText("text\n")))
    windows_before = _Shape.join([before, other])
    assert _keeps_invariants(windows_before, _Shape.join([joined, other]), [fix])
    assert not _keeps_invariants(windows_before, _Shape.join([after, other]), [fix])
    assert not _keeps_invariants(windows_before, _Shape.join([joined]), [fix])
