"""The dispatcher: format names, errors, and lazy imports of the format modules."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from awesome_lint.reporters import FORMATS, ReportOptions, write_report

from .conftest import sample_results


def test_format_names() -> None:
    assert FORMATS == (
        "full",
        "concise",
        "grouped",
        "json",
        "json-lines",
        "github",
        "sarif",
        "junit",
        "rdjson",
        "gitlab",
    )


def test_unknown_format_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        write_report("xml", [], io.StringIO(), ReportOptions())


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_writes_something_and_ends_with_a_newline(fmt: str) -> None:
    out = io.StringIO()
    write_report(fmt, sample_results(), out, ReportOptions())
    assert out.getvalue().endswith("\n")
    assert out.getvalue().count("\n") >= 6


@pytest.mark.parametrize("fmt", ["full", "concise", "grouped"])
def test_text_formats_import_no_serialisation_modules(fmt: str) -> None:
    program = f"""
import io, sys
from awesome_lint.diagnostics import Diagnostic
from awesome_lint.reporters import ReportOptions, write_report
from awesome_lint.results import FileResult
from awesome_lint.source import SourceText
result = FileResult("a.md", SourceText("x\\n"), [Diagnostic("AL999", "x", "m", 0, 1)])
write_report({fmt!r}, [result], io.StringIO(), ReportOptions(statistics=False))
heavy = ["json", "xml.etree.ElementTree", "hashlib", "urllib.parse"]
mine = [m for m in sys.modules if m.startswith("awesome_lint.reporters.")]
print(sorted(m for m in heavy if m in sys.modules), sorted(mine))
"""
    completed = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    assert completed.stdout.strip() == (
        "[] ['awesome_lint.reporters.common', 'awesome_lint.reporters.text']"
    )
