"""``--changed-since``: real git repositories made in tmp_path (no remotes, no network)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from awesome_lint.changes import ChangedRegion, _map, changed_lines, parse_diff
from awesome_lint.cli import cli
from awesome_lint.diagnostics import Diagnostic, Edit, Related
from awesome_lint.source import SourceText

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

CLEAN = (
    "# Papers\n"
    "\n"
    "- [Alpha](https://example.org/a): First paper | OSDI'22\n"
    "- [Beta](https://example.org/b): Second paper | SOSP'21\n"
    "- [Gamma](https://example.org/c): Third paper | NSDI'20\n"
)


def git(repo: Path, *args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    return proc.stdout


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository on `main` with one clean list, and a branch `feature` checked out."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", "test@example.org")
    git(root, "config", "user.name", "Test")
    git(root, "config", "core.autocrlf", "false")
    (root / "README.md").write_bytes(CLEAN.encode())
    commit_all(root, "base")
    git(root, "checkout", "-q", "-b", "feature")
    monkeypatch.chdir(root)
    monkeypatch.setenv("NO_COLOR", "1")
    return root


def check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["check", "--isolated", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def concise(*args: str) -> tuple[int, list[str]]:
    code, out, _ = check("--output-format", "concise", "-q", *args)
    return code, out.splitlines()


# -- the diff parser and the line mapping ------------------------------------------


def test_parse_diff_reads_added_ranges_renames_and_deletions() -> None:
    output = (
        b"diff --git a/old.md b/new.md\n"
        b"similarity index 90%\n"
        b"rename from old.md\n"
        b"rename to new.md\n"
        b"--- a/old.md\n"
        b"+++ b/new.md\n"
        b"@@ -3 +3 @@\n"
        b"-x\n"
        b"+y\n"
        b"@@ -8,2 +7,0 @@\n"
        b"diff --git a/gone.md b/gone.md\n"
        b"--- a/gone.md\n"
        b"+++ /dev/null\n"
        b"@@ -1,2 +0,0 @@\n"
        b"diff --git a/sp ace.md b/sp ace.md\n"
        b"--- a/sp ace.md\n"
        b'+++ "b/caf\\303\\251\\tx.md"\n'
        b"@@ -0,0 +1,4 @@\n"
    )
    assert parse_diff(output) == {"new.md": ((3, 1),), "café\tx.md": ((1, 4),)}


def test_changed_lines_follow_lone_carriage_returns() -> None:
    # git sees "a\rb\n" as one line; this project sees two
    source = SourceText("a\rb\nc\nd\r\ne\n")
    assert changed_lines(source, ((1, 1),)) == {1, 2}
    assert changed_lines(source, ((2, 2),)) == {3, 4}
    assert changed_lines(source, ((3, 1),)) == {4}
    assert changed_lines(source, None) == {1, 2, 3, 4, 5, 6}
    assert changed_lines(source, ()) == frozenset()


def test_region_keeps_findings_on_new_lines_or_related_to_them() -> None:
    source = SourceText("one\ntwo\nthree\n")
    region = ChangedRegion(source, {2})
    old = Diagnostic("AL104", "x", "m", 0, 3)
    new = Diagnostic("AL104", "x", "m", 5, 6)
    linked = Diagnostic("AL401", "x", "m", 8, 13, related=(Related(4, 7, "first"),))
    assert region.keep([old, new, linked]) == [new, linked]


def test_region_follows_edits() -> None:
    edits = [Edit(1, 1, "XX"), Edit(4, 6, ""), Edit(8, 9, "abc")]
    assert _map(0, edits, left=True) == 0
    assert _map(1, edits, left=True) == 1  # an insertion at a left edge joins the span
    assert _map(1, edits, left=False) == 3
    assert _map(5, edits, left=True) == 6 and _map(5, edits, left=False) == 6
    assert _map(7, edits, left=True) == 7
    assert _map(10, edits, left=True) == 12


# -- end to end on real repositories -------------------------------------------------


def test_reports_only_findings_on_added_lines(repo: Path) -> None:
    text = CLEAN.replace("Third paper | NSDI'20\n", "Third paper | NSDI'20  \n")
    text += "- [Delta](https://example.org/d) : Fourth paper |  ATC'19  \n"
    (repo / "README.md").write_text(text)
    commit_all(repo, "old problem on an existing line")  # still counts: the branch added it
    code, lines = concise("--changed-since", "main")
    assert code == 1
    assert lines == [
        "README.md:5:56: AL104 [*] Trailing whitespace",
        "README.md:6:33: AL102 [*] Title separator ' : ' should be ': '",
        "README.md:6:48: AL103 [*] Venue separator ' |  ' should be ' | '",
        "README.md:6:58: AL104 [*] Trailing whitespace",
    ]


def test_old_problems_are_not_reported(repo: Path) -> None:
    (repo / "README.md").write_text(CLEAN.replace("First paper | OSDI'22", "First paper |OSDI'22"))
    commit_all(repo, "an old problem on main")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "feature")
    git(repo, "checkout", "-q", "-b", "second")
    with (repo / "README.md").open("a") as handle:
        handle.write("- [Delta](https://example.org/d): Fourth paper | ATC'19\n")
    commit_all(repo, "clean addition")
    assert concise("README.md")[0] == 1  # the old problem is there
    assert concise("--changed-since", "main") == (0, [])
    code, out, err = check("--changed-since", "main")
    assert (code, out, err) == (0, "All checks passed!\n", "")


def test_uses_the_merge_base_not_the_tip_of_ref(repo: Path) -> None:
    with (repo / "README.md").open("a") as handle:
        handle.write("- [Delta](https://example.org/d): Fourth paper |ATC'19\n")
    commit_all(repo, "feature work")
    git(repo, "checkout", "-q", "main")
    (repo / "other.md").write_text("# Other\n\ntext  \n")
    commit_all(repo, "main moves on")
    git(repo, "checkout", "-q", "feature")
    code, lines = concise("--changed-since", "main", ".")
    assert code == 1
    assert lines == ["README.md:6:47: AL103 [*] Venue separator ' |' should be ' | '"]


def test_finding_involving_an_old_and_a_new_entry_is_reported(repo: Path) -> None:
    # the new copy comes first, so the finding sits on the old line and points to the new one
    text = CLEAN.replace(
        "- [Alpha]", "- [Alpha](https://example.org/a): First paper | OSDI'22\n- [Alpha]"
    )
    (repo / "README.md").write_text(text)
    commit_all(repo, "a duplicate")
    code, lines = concise("--changed-since", "main")
    assert code == 1
    assert lines == ["README.md:4:11: AL401 Duplicate link: this paper is already listed on line 3"]


def test_renamed_file_reports_only_its_changed_lines(repo: Path) -> None:
    git(repo, "checkout", "-q", "main")
    text = CLEAN + "- [Old](https://example.org/o): Old problem |  ATC'19\n"
    (repo / "README.md").write_text(text)
    commit_all(repo, "old problem")
    git(repo, "checkout", "-q", "-B", "feature")
    (repo / "papers").mkdir()
    git(repo, "mv", "README.md", "papers/list.md")
    text += "- [New](https://example.org/n): New problem |ATC'19\n"
    (repo / "papers" / "list.md").write_text(text)
    commit_all(repo, "rename and add")
    code, lines = concise("--changed-since", "main", ".")
    assert code == 1
    assert lines == ["papers/list.md:7:44: AL103 [*] Venue separator ' |' should be ' | '"]


def test_deleted_file_is_not_checked(repo: Path) -> None:
    (repo / "gone.md").write_text("# Gone\n\ntrailing  \n")
    commit_all(repo, "extra file")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "feature")
    git(repo, "checkout", "-q", "-b", "cleanup")
    git(repo, "rm", "-q", "gone.md")
    commit_all(repo, "delete")
    code, out, err = check("--changed-since", "main", ".")
    assert (code, out) == (0, "All checks passed!\n")
    assert err == "awesome-lint: no changed Markdown files since main\n"


def test_crlf_file(repo: Path) -> None:
    crlf = CLEAN.replace("\n", "\r\n")
    (repo / "crlf.md").write_bytes(crlf.encode())
    commit_all(repo, "crlf list")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "feature")
    git(repo, "checkout", "-q", "-b", "crlf-edit")
    added = crlf.replace(
        "- [Beta]", "- [Beta2](https://example.org/b2) : Inserted | SOSP'21\r\n- [Beta]"
    )
    (repo / "crlf.md").write_bytes(added.encode())
    commit_all(repo, "insert in the middle")
    code, lines = concise("--changed-since", "main", "crlf.md")
    assert code == 1
    assert lines == ["crlf.md:4:34: AL102 [*] Title separator ' : ' should be ': '"]
    code, _, _ = check("--changed-since", "main", "--fix", "crlf.md")
    assert code == 0
    assert (repo / "crlf.md").read_bytes() == added.replace(") : ", "): ").encode()


def test_fix_touches_only_new_findings(repo: Path) -> None:
    git(repo, "checkout", "-q", "main")
    old = CLEAN.replace("Second paper | SOSP'21", "Second paper |SOSP'21")
    (repo / "README.md").write_text(old)
    commit_all(repo, "old problem")
    git(repo, "checkout", "-q", "-B", "feature")
    new = old + "- [Delta](https://example.org/d) : Fourth  paper |ATC'19   \n"
    (repo / "README.md").write_text(new)  # uncommitted edits count as changes too
    code, out, _ = check("--changed-since", "main", "--fix", "--output-format", "concise")
    assert code == 0
    assert (repo / "README.md").read_text() == old + (
        "- [Delta](https://example.org/d): Fourth paper | ATC'19\n"
    )
    assert out == "Found 4 problems (4 fixed, 0 remaining).\n"


def test_untracked_markdown_file_is_wholly_new(repo: Path) -> None:
    (repo / "new.md").write_text("# New\n\nline  \n")
    (repo / ".gitignore").write_text("ignored.md\n")
    (repo / "ignored.md").write_text("# Ignored\n\nline  \n")
    code, lines = concise("--changed-since", "main", ".")
    assert code == 1
    assert lines == ["new.md:3:5: AL104 [*] Trailing whitespace"]


def test_json_output_with_changed_since(repo: Path) -> None:
    with (repo / "README.md").open("a") as handle:
        handle.write("- [Delta](https://example.org/d): Fourth paper |ATC'19\n")
    code, out, _ = check("--changed-since", "HEAD", "--output-format", "json")
    data: list[dict[str, Any]] = json.loads(out)
    assert code == 1
    assert [(d["code"], d["location"]) for d in data] == [("AL103", {"row": 6, "column": 47})]


def test_errors_are_one_line(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from awesome_lint.cli import main

    for args, message in [
        (["--changed-since", "nope"], "--changed-since: unknown git revision 'nope'"),
        (["--changed-since", "main", "-"], "--changed-since cannot be used with stdin"),
    ]:
        with pytest.raises(SystemExit) as exit_info:
            main(["--isolated", *args])
        assert exit_info.value.code == 2
        assert capsys.readouterr().err == f"awesome-lint: error: {message}\n"


def test_outside_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    from awesome_lint.cli import main

    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "README.md").write_text(CLEAN)
    monkeypatch.chdir(folder)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    with pytest.raises(SystemExit) as exit_info:
        main(["--changed-since", "main"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err == (
        f"awesome-lint: error: --changed-since: {folder} is not inside a git repository\n"
    )


@pytest.mark.slow
def test_many_files_in_worker_processes(repo: Path) -> None:
    old = "# L\n\n- [A](https://example.org/a): Old  one | OSDI'22\n"
    for i in range(24):
        (repo / f"f{i:02}.md").write_text(old)
    commit_all(repo, "many lists")
    for i in range(24):
        with (repo / f"f{i:02}.md").open("a") as handle:
            handle.write(f"- [B](https://example.org/b{i}) : New | SOSP'23\n")
    code, lines = concise("--changed-since", "HEAD", ".")
    assert code == 1
    assert lines == [
        f"f{i:02}.md:4:{29 + len(str(i))}: AL102 [*] Title separator ' : ' should be ': '"
        for i in range(24)
    ]
    code, out, _ = check("--changed-since", "HEAD", "--fix", ".")
    assert (code, out) == (0, "Found 24 problems (24 fixed, 0 remaining).\n")
    assert (repo / "f07.md").read_text() == old + "- [B](https://example.org/b7): New | SOSP'23\n"
