"""The dispatcher: format names, errors, and lazy imports of the format modules."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.reporters import FORMATS, ReportOptions, write_report
from awesome_lint.reporters.common import rule_url
from awesome_lint.results import FileResult
from awesome_lint.rules.base import Rule
from awesome_lint.source import SourceText

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


@pytest.fixture
def real_registry(monkeypatch: pytest.MonkeyPatch) -> tuple[type[Rule], ...]:
    """Undo the reporter tests' empty registry: the rules as registered on this branch."""
    import awesome_lint.rules as registry

    monkeypatch.setattr(registry, "_BY_CODE", {info.code: info for info in registry.RULE_TABLE})
    monkeypatch.setattr(registry, "_BY_NAME", {info.name: info for info in registry.RULE_TABLE})
    rule_url.cache_clear()
    return registry.all_rules()


def test_registered_rules_get_their_doc_links(real_registry: tuple[type[Rule], ...]) -> None:
    source = SourceText("x\n")
    results = [
        FileResult("a.md", source, [Diagnostic(rule.code, rule.name, "m", 0, 1)])
        for rule in real_registry
    ]
    out = io.StringIO()
    write_report("json", results, out, ReportOptions())
    urls = {obj["code"]: obj["url"] for obj in json.loads(out.getvalue())}
    assert urls == {rule.code: rule.url() for rule in real_registry}
    out = io.StringIO()
    write_report("sarif", results, out, ReportOptions())
    descriptors = json.loads(out.getvalue())["runs"][0]["tool"]["driver"]["rules"]
    assert {d["id"]: d["shortDescription"]["text"] for d in descriptors} == {
        rule.code: rule.summary for rule in real_registry
    }
