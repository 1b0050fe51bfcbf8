"""apply_fixes picks the same fixes as the plain rule: in order of position, skip a fix
any of whose edits touches an edit already taken (or another of its own edits)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.diagnostics import Edit, Fix
from awesome_lint.fixer import _touches, apply_fixes, splice

TEXT = "abcdefghijklmnopqrstuvwxyz0123456789"


def _reference(text: str, fixes: list[Fix]) -> tuple[str, list[Fix]]:
    ordered = sorted(fixes, key=lambda f: (f.start, f.end))
    applied: list[Fix] = []
    taken: list[Edit] = []
    for fix in ordered:
        edits = sorted(fix.edits)
        if any(_touches(edit, other) for edit in edits for other in taken):
            continue
        if any(_touches(a, b) for i, a in enumerate(edits) for b in edits[i + 1 :]):
            continue
        taken.extend(edits)
        applied.append(fix)
    return splice(text, sorted(taken)), applied


@st.composite
def _edits(draw: st.DrawFn) -> Edit:
    start = draw(st.integers(0, len(TEXT)))
    end = draw(st.integers(start, min(len(TEXT), start + 4)))
    return Edit(start, end, draw(st.sampled_from(["", "X", "YZ"])))


_fixes = st.lists(
    st.builds(lambda edits: Fix("fix", tuple(edits)), st.lists(_edits(), min_size=1, max_size=3)),
    max_size=12,
)


def test_examples() -> None:
    meet = [Fix("a", (Edit(0, 2, "A"),)), Fix("b", (Edit(2, 4, "B"),))]
    assert apply_fixes("abcdef", meet) == ("ABef", meet)  # replacements that meet
    insert = [Fix("a", (Edit(0, 2, "A"),)), Fix("b", (Edit(2, 2, "B"),))]
    assert apply_fixes("abcdef", insert) == ("Acdef", insert[:1])  # an insertion at the end


@given(_fixes)
def test_same_as_reference(fixes: list[Fix]) -> None:
    assert apply_fixes(TEXT, fixes) == _reference(TEXT, fixes)
