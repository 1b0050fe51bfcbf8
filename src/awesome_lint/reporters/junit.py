"""``junit``: JUnit XML, a test suite per file and a failing test case per diagnostic.

A file without problems gets one passing test case, an unreadable file one test
case with an ``<error>``. Built with ``xml.etree`` (which escapes ``<&>"``);
characters XML 1.0 cannot carry at all (most C0 controls) become U+FFFD.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import TextIO

from awesome_lint.lazyre import lazy_compile
from awesome_lint.reporters import ReportOptions
from awesome_lint.reporters.common import TOOL_NAME, sorted_diagnostics, sorted_results
from awesome_lint.results import FileResult

_NOT_XML = lazy_compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _element(parent: ET.Element, tag: str, **attributes: str) -> ET.Element:
    return ET.SubElement(parent, tag, {key: _clean(value) for key, value in attributes.items()})


def junit_tree(results: Sequence[FileResult]) -> ET.Element:
    root = ET.Element("testsuites", {"name": TOOL_NAME})
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for result in sorted_results(results):
        name = result.filename
        suite = _element(root, "testsuite", name=name)
        counts = {"tests": 0, "failures": 0, "errors": 0}
        source = result.source
        if result.error is not None:
            case = _element(suite, "testcase", name="read", classname=name, file=name)
            error = _element(case, "error", message=result.error)
            error.text = _clean(f"{name}: {result.error}")
            counts["tests"] += 1
            counts["errors"] += 1
        diagnostics = sorted_diagnostics(result)
        if source is not None:
            for diagnostic in diagnostics:
                line, column = source.position(diagnostic.start)
                case = _element(
                    suite,
                    "testcase",
                    name=f"{diagnostic.code} {diagnostic.name} ({line}:{column})",
                    classname=name,
                    file=name,
                    line=str(line),
                )
                failure = _element(
                    case, "failure", type=diagnostic.code, message=diagnostic.message
                )
                failure.text = _clean(
                    f"{name}:{line}:{column}: {diagnostic.code} {diagnostic.message}"
                )
                counts["tests"] += 1
                counts["failures"] += 1
            if not diagnostics and result.error is None:
                _element(suite, "testcase", name=TOOL_NAME, classname=name, file=name)
                counts["tests"] += 1
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        root.set(key, str(value))
    return root


def write_junit(results: Sequence[FileResult], out: TextIO, options: ReportOptions) -> None:
    root = junit_tree(results)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
