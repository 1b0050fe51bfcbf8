"""Property tests: any text and any span render in every format without breaking it."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.diagnostics import Diagnostic, Fix
from awesome_lint.reporters import FORMATS, ReportOptions, write_report
from awesome_lint.results import FileResult
from awesome_lint.source import SourceText

texts = st.text(
    st.characters(blacklist_categories=("Cs",)) | st.sampled_from(["\n", "\r", "\t"]),
    max_size=60,
)


@st.composite
def results(draw: st.DrawFn) -> list[FileResult]:
    text = draw(texts)
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    message = draw(st.text(max_size=20))
    fix = Fix.replace(message, start, end, draw(st.text(max_size=5)))
    diagnostic = Diagnostic("AL999", "x", message, start, end, fix)
    return [FileResult(draw(st.text(min_size=1, max_size=10)), SourceText(text), [diagnostic])]


def render(fmt: str, data: list[FileResult]) -> str:
    out = io.StringIO()
    write_report(fmt, data, out, ReportOptions(color=True))
    return out.getvalue()


@given(results())
def test_every_format_renders_any_span(data: list[FileResult]) -> None:
    source = data[0].source
    assert source is not None
    diagnostic = data[0].diagnostics[0]
    line, column = source.position(diagnostic.start)
    for fmt in FORMATS:
        text = render(fmt, data)
        assert text.endswith("\n")
        if fmt in ("json", "sarif", "rdjson", "gitlab"):
            json.loads(text)
        elif fmt == "json-lines":
            [obj] = [json.loads(part) for part in text.splitlines()]
            assert obj["location"] == {"row": line, "column": column}
        elif fmt == "junit":
            ET.fromstring(text)
        elif fmt == "github":
            assert text.count("\n") == 1
            assert f",line={line},col={column}," in text
        elif fmt == "concise":
            assert text.count("\n") == 2  # one line per diagnostic, plus the footer


@given(results())
def test_full_output_has_no_raw_controls_and_a_caret_row_per_source_row(
    data: list[FileResult],
) -> None:
    data[0].filename = "f.md"
    out = io.StringIO()
    write_report("full", data, out, ReportOptions(quiet=True))
    lines = out.getvalue().split("\n")
    assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for line in lines for ch in line)
    numbered = [i for i, line in enumerate(lines) if re.match(r"\d+ +\|( |$)", line.lstrip())]
    assert numbered
    for i in numbered:
        assert re.fullmatch(r" +\| +\^+", lines[i + 1])
