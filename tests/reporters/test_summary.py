"""The GitHub job summary (Markdown) and the CI path helpers."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from awesome_lint import ci
from awesome_lint.diagnostics import Diagnostic
from awesome_lint.reporters.summary import write_summary
from awesome_lint.results import FileResult
from awesome_lint.source import SourceText

from .conftest import sample_results

ENV = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r", "GITHUB_SHA": "abc"}


def summary(results: list[FileResult], **kwargs: object) -> str:
    out = io.StringIO()
    write_summary(results, out, env=ENV, **kwargs)  # type: ignore[arg-type]
    return out.getvalue()


def test_summary_exact() -> None:
    link = "https://github.com/o/r/blob/abc"
    assert summary(sample_results(), fix_command="awesome-lint --fix README.md") == (
        "### awesome-lint: 6 problems in 2 files\n"
        "\n"
        "| rule | name | problems | fixable |\n"
        "|---|---|--:|--:|\n"
        "| AL104 | `trailing-whitespace` | 1 | 1 |\n"
        "| AL201 | `venue-format` | 1 | 1 |\n"
        "| AL202 | `venue-alias` | 1 | 0 |\n"
        "| AL401 | `duplicate-link` | 1 | 0 |\n"
        "| AL501 | `insecure-link` | 1 | 1 |\n"
        "| AL605 | `heading-increment` | 1 | 0 |\n"
        "\n"
        "#### Findings\n"
        "\n"
        f"- [README.md:3:16]({link}/README.md#L3) **AL501** Insecure link: use https\n"
        f"- [README.md:3:55]({link}/README.md#L3) **AL202** NIPS'17: old name of NeurIPS,"
        " 100% sure (renamed in 2018)\n"
        f"- [docs/papers.md:3:1]({link}/docs/papers.md#L3) **AL605** Heading level jumps"
        " from &lt;h1&gt; to &lt;h3&gt; &amp; skips &lt;h2&gt;\n"
        f"- [docs/papers.md:5:68]({link}/docs/papers.md#L5) **AL201** Venue `osdi22` should"
        " be written `OSDI'22`\n"
        f"- [docs/papers.md:6:3]({link}/docs/papers.md#L6) **AL401** Duplicate link"
        " `https://example.org/orca` in this section\n"
        f"- [docs/papers.md:6:75]({link}/docs/papers.md#L6) **AL104** Trailing whitespace\n"
        "\n"
        "#### Not checked\n"
        "\n"
        "- `broken.md`: not valid UTF-8 (byte 0xff at offset 3)\n"
        "\n"
        "3 problems can be fixed automatically. Locally:\n"
        "\n"
        "```sh\n"
        "pip install awesome-lint\n"
        "awesome-lint --fix README.md\n"
        "```\n"
        "\n"
    )


def test_summary_counts_unsafe_fixes_when_enabled() -> None:
    text = summary(sample_results(), unsafe_fixes=True)
    assert "| AL202 | `venue-alias` | 1 | 1 |\n" in text
    assert "5 problems can be fixed automatically." in text


def test_summary_lists_the_first_twenty_and_counts_the_rest() -> None:
    source = SourceText("x\n" * 30)
    diagnostics = [
        Diagnostic("AL104", "trailing-whitespace", "T|x", 2 * i, 2 * i + 1) for i in range(25)
    ]
    text = summary([FileResult("a.md", source, diagnostics)])
    assert "#### First 20 findings\n" in text
    assert text.count("**AL104** T\\|x\n") == 20
    assert "- … and 5 more\n" in text
    assert "can be fixed" not in text


def test_summary_without_problems_and_without_links() -> None:
    out = io.StringIO()
    write_summary([FileResult("a.md", SourceText("# A\n"))], out, env={})
    assert out.getvalue() == "### awesome-lint: no problems\n\n1 file checked.\n\n"
    out = io.StringIO()
    write_summary(
        [FileResult("a.md", SourceText("x\n"), [Diagnostic("AL1", "n", "m", 0, 1)])], out, env={}
    )
    assert "- `a.md:1:1` **AL1** m\n" in out.getvalue()


def test_root_relative_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "docs")
    assert ci.root_relative("list.md", tmp_path) == "docs/list.md"
    assert ci.root_relative("../README.md", tmp_path) == "README.md"
    assert ci.root_relative("/elsewhere/x.md", tmp_path) == "/elsewhere/x.md"
    assert ci.root_relative("-", tmp_path) == "-"


def test_repository_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert ci.repository_root({"GITHUB_WORKSPACE": str(tmp_path)}) == tmp_path.resolve()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a" / "b").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "a" / "b")
    assert ci.repository_root({}) == tmp_path.resolve()


def test_fix_command() -> None:
    assert ci.fix_command(["my list.md"], {}) == "awesome-lint --fix 'my list.md'"
    assert ci.fix_command([], {"GITHUB_BASE_REF": "main"}) == (
        "awesome-lint --fix --changed-since origin/main"
    )


def test_github_format_in_a_subfolder_names_files_from_the_root_and_writes_the_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from awesome_lint.cli import cli

    (tmp_path / ".git").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("# A\n\ntext  \n")
    summary_file = tmp_path / "summary.md"
    monkeypatch.chdir(tmp_path / "docs")
    for name in ("GITHUB_WORKSPACE", "GITHUB_SERVER_URL", "GITHUB_BASE_REF"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
    result = CliRunner().invoke(cli, ["check", "--isolated", "--output-format", "github", "a.md"])
    assert result.exit_code == 1
    assert result.stdout == (
        "::error title=awesome-lint (AL104),file=docs/a.md,line=3,col=5,endLine=3,endColumn=7"
        "::Trailing whitespace\n"
    )
    text = summary_file.read_text()
    assert text.startswith("### awesome-lint: 1 problem in 1 file\n")
    assert "- `docs/a.md:3:5` **AL104** Trailing whitespace\n" in text
    assert text.endswith("```sh\npip install awesome-lint\nawesome-lint --fix a.md\n```\n\n")


def test_summary_names_the_changed_lines_scope() -> None:
    out = io.StringIO()
    write_summary([FileResult("a.md", SourceText("# A\n"))], out, env={}, changed_since="main")
    assert out.getvalue() == (
        "### awesome-lint: no problems\n\n"
        "1 file checked. Only lines added or changed since `main` were checked.\n\n"
    )
