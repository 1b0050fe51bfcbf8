"""Property tests: any list-like Markdown is checked without error and fixed safely."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesome_lint.api import FixOutcome, apply_fixes
from awesome_lint.diagnostics import Edit, Fix
from awesome_lint.source import SourceText
from invariants import check_invariants, untouched_intervals

TITLES = [
    "Orca",
    "vLLM",
    "Alpa:",
    "A | B",
    "模型 服务",
    "Café",
    "e\u0301t\u0301e",
    "[nested]",
    "`code|x`",
]
URLS = [
    "https://arxiv.org/abs/2309.06180",
    "http://arxiv.org/pdf/2309.06180v2.pdf",
    "https://www.usenix.org/conference/osdi22/presentation/yu",
    "https://example.org/a?utm_source=x&b=1",
    "<https://example.org/with space>",
    "https://example.org/a(b)c",
    "",
    "#anchor",
    "https://g.com/a|b",  # issue 12: a pipe in a URL is no venue separator
    "<https://e.org/a  b>",
]
SEPARATORS = [": ", " : ", ":", "  :  ", " - ", "", "\t: "]
VENUES = [
    "OSDI'22",
    "OSDI 22",
    "OSDI' 22",
    "ATC’ 21",
    "Eurosys'23",
    "NIPS 2017",
    "Stanford",
    "SAA'25",
    "arxiv 2024.12",
    "",
]
PIPES = [" | ", "|  ", "| ", " |", "\t|\t", ""]
TAILS = ["", "  ", "\t", " <!-- awesome-lint-disable-line AL102 -->", " <!-- c -->"]
BLOCKS = [
    "# Heading",
    "## Section",
    "### Deep",
    "",
    "",
    "<details>\n<summary>2024</summary>",
    "</details>",
    "```\ncode [x](y) \n```",
    "| a | b |\n|---|---|\n| [x](https://e.org) | y |",
    "> - [Q](https://q.org): quoted",
    "<!-- awesome-lint-disable AL1 -->",
    "<!-- awesome-lint-enable -->",
    "    indented code",
    "Text paragraph with [link](https://example.org/p).",
    "[ref]: https://example.org/ref",
    "- [Ref][ref]: reference entry",
    "***",
    "\x00",
    "- " + "long " * 300,
    "[[[[ ``` unclosed",
    # issue 12: a second BOM, setext underlines and continuations a removed comment could
    # create, blank lines of spaces (with "\r" endings: "\r \n"), a bare URL with pipes
    "\ufeff# Not a heading",
    "---",
    "===",
    "<!-- awesome-lint-disable-next-line AL102 -->",
    " ",
    "continued text",
    "- [X](https://x.org/x): see https://g.com/a|b | OSDI'22",
]


@st.composite
def entry(draw: st.DrawFn) -> str:
    marker = draw(st.sampled_from(["-", "*", "+", "1.", "2)"]))
    indent = draw(st.sampled_from(["", "  ", "    ", "\t"]))
    title = draw(st.sampled_from(TITLES))
    url = draw(st.sampled_from(URLS))
    sep = draw(st.sampled_from(SEPARATORS))
    sub = draw(st.sampled_from(["A system", "a system.", "vLLM serves", "Two  spaces", ""]))
    pipe = draw(st.sampled_from(PIPES))
    venue = draw(st.sampled_from(VENUES)) if pipe else ""
    tail = draw(st.sampled_from(TAILS))
    prefix = draw(st.sampled_from(["", "[OSDI'22] ", "**", "Title "]))
    return f"{indent}{marker} {prefix}[{title}]({url}){sep}{sub}{pipe}{venue}{tail}"


@st.composite
def document(draw: st.DrawFn) -> bytes:
    parts = draw(
        st.lists(st.one_of(entry(), st.sampled_from(BLOCKS), st.text(max_size=20)), max_size=25)
    )
    endings = draw(
        st.lists(
            st.sampled_from(["\n", "\r\n", "\r"]), min_size=len(parts) + 1, max_size=len(parts) + 1
        )
    )
    text = "".join(part + end for part, end in zip(parts, endings, strict=False))
    if draw(st.booleans()):
        text = text.rstrip("\r\n")
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text.encode("utf-8", "surrogatepass")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document())
def test_fixing_keeps_every_promise(data: bytes) -> None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return
    check_invariants(data)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    check_invariants(data)


@st.composite
def text_and_edits(draw: st.DrawFn) -> tuple[str, list[Fix]]:
    text = draw(st.text(max_size=60))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    fixes = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        fixes.append(Fix("f", (Edit(a, b, draw(st.text(max_size=3))),)))
    return text, fixes


@given(text_and_edits())
def test_apply_fixes_copies_untouched_text(case: tuple[str, list[Fix]]) -> None:
    text, fixes = case
    result, applied = apply_fixes(text, fixes)
    # rebuild by hand from the applied edits: everything else is copied verbatim
    edits = sorted(edit for fix in applied for edit in fix.edits)
    for i, a in enumerate(edits):
        for b in edits[i + 1 :]:
            assert a.end <= b.start  # applied edits never overlap
            if a.end == b.start:  # they may meet, but an insertion never sits on another edit
                assert a.start < a.end and b.start < b.end
    pos = 0
    out = []
    for edit in edits:
        out.append(text[pos : edit.start])
        out.append(edit.content)
        pos = edit.end
    out.append(text[pos:])
    assert result == "".join(out)


def test_untouched_intervals_follow_edits_through_rounds() -> None:
    original = "abcdef"
    round1 = (Fix("r", (Edit(1, 2, "XY"),)), Fix("i", (Edit(4, 4, "-"),)))  # aXYcd-ef
    round2 = (Fix("d", (Edit(0, 1, ""),)),)  # XYcd-ef
    outcome = FixOutcome(SourceText("XYcd-ef"), [], rounds=[round1, round2])
    assert untouched_intervals(original, outcome) == [(2, 4, 2), (4, 6, 5)]
    for start, end, pos in untouched_intervals(original, outcome):
        assert "XYcd-ef"[pos : pos + end - start] == original[start:end]
