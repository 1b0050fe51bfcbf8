"""The linear-time unified diff: applying it gives the new text back; it matches difflib."""

from __future__ import annotations

import difflib
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_lint.diffing import split_lines, unified_diff

_HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n")


def apply(old: str, diff: str) -> str:
    """A small `patch`: apply a unified diff to ``old``."""
    if not diff:
        return old
    a = split_lines(old)
    out: list[str] = []
    pos = 0
    lines = diff.split("\n")[2:]  # skip the --- / +++ header
    k = 0
    while k < len(lines):
        m = _HUNK.match(lines[k] + "\n")
        k += 1
        if m is None:
            continue
        start = int(m.group(1)) - (0 if m.group(2) != "0" else -1)
        out.extend(a[pos : start - 1])
        pos = start - 1
        while k < len(lines) and lines[k][:1] in (" ", "-", "+", "\\"):
            tag, body = lines[k][:1], lines[k][1:]
            no_eol = k + 1 < len(lines) and lines[k + 1].startswith("\\ No newline")
            text = body if no_eol else body + "\n"
            if tag == " ":
                assert a[pos] == text
                out.append(text)
                pos += 1
            elif tag == "-":
                assert a[pos] == text
                pos += 1
            elif tag == "+":
                out.append(text)
            k += 2 if no_eol else 1
    out.extend(a[pos:])
    return "".join(out)


LINES = ["", "- [a](u): b\n", "- [c](v): d\n", "\n", "## H\n", "text\r\n", "x"]


@st.composite
def edited(draw: st.DrawFn) -> tuple[str, str]:
    old = draw(st.lists(st.sampled_from(LINES[:-1]), max_size=80))
    new = list(old)
    for _ in range(draw(st.integers(0, 6))):
        pos = draw(st.integers(0, len(new)))
        action = draw(st.sampled_from(["insert", "delete", "change"]))
        if action == "insert":
            new.insert(pos, draw(st.sampled_from(LINES[:-1])))
        elif new and pos < len(new):
            if action == "delete":
                del new[pos]
            else:
                new[pos] = draw(st.sampled_from(LINES[:-1])).replace("\n", " changed\n")
    tail_old, tail_new = draw(st.sampled_from(["", "x"])), draw(st.sampled_from(["", "x", "y"]))
    return "".join(old) + tail_old, "".join(new) + tail_new


@settings(max_examples=300)
@given(edited())
def test_applying_the_diff_gives_the_new_text(case: tuple[str, str]) -> None:
    old, new = case
    assert apply(old, unified_diff(old, new, "f")) == new


def test_same_as_difflib_on_a_simple_change() -> None:
    old = "".join(f"line {i}\n" for i in range(20))
    new = old.replace("line 5\n", "line five\n").replace("line 15\n", "")
    ours = unified_diff(old, new, "f")
    theirs = "".join(difflib.unified_diff(split_lines(old), split_lines(new), "f", "f"))
    assert ours == theirs


def test_no_final_newline_and_unicode_line_separators() -> None:
    old = "a\u2028b\nc"
    new = "a\u2028b\nc\n"
    assert unified_diff(old, new, "f") == (
        "--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\u2028b\n-c\n\\ No newline at end of file\n+c\n"
    )
    assert unified_diff(old, old, "f") == ""


def test_unchanged_lines_between_changes_stay_context() -> None:
    old = "a\nkeep 1\nb\nkeep 2\n\nc\nend 1\nend 2\nend 3\nend 4\n"
    new = "A\nkeep 1\nB\nkeep 2\n\nC\nend 1\nend 2\nend 3\nend 4\n"
    assert unified_diff(old, new, "f") == (
        "--- f\n+++ f\n@@ -1,9 +1,9 @@\n"
        "-a\n+A\n keep 1\n-b\n+B\n keep 2\n \n-c\n+C\n end 1\n end 2\n end 3\n"
    )
