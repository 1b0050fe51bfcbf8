"""Folder walks respect .gitignore; --exclude / --extend-exclude; all excluded is a warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_lint.cli import main
from awesome_lint.ignore import GitIgnore

MESSY = "# A\n\ntext  \n"


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()  # a work tree: .gitignore files apply
    for name in (
        "node_modules/pkg/README.md",
        "build/b.md",
        "docs/a.md",
        "docs/keep.md",
        "docs/sub/deep.md",
        "docs/sub/skip.md",
        "lists/papers.md",
    ):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(MESSY)
    (tmp_path / ".gitignore").write_text("node_modules/\nbuild\ndocs/*.md\n!docs/keep.md\n")
    (tmp_path / "docs" / "sub" / ".gitignore").write_text("skip.md\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def files(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], str]:
    with pytest.raises(SystemExit) as exit_info:
        main(["--output-format", "concise", "-q", *args])
    out, err = capsys.readouterr()
    return exit_info.value.code, [line.split(":")[0] for line in out.splitlines()], err  # type: ignore[return-value]


def test_gitignore_rules_nested_and_negated(tree: Path) -> None:
    ignore = GitIgnore(tree)
    assert ignore(tree / "node_modules", True)
    assert ignore(tree / "build", True)
    assert ignore(tree / "docs" / "a.md", False)
    assert not ignore(tree / "docs" / "keep.md", False)
    assert not ignore(tree / "docs" / "sub" / "deep.md", False)  # docs/*.md is one level
    assert ignore(tree / "docs" / "sub" / "skip.md", False)  # the deeper .gitignore
    assert not ignore(tree / "lists" / "papers.md", False)


def test_walk_skips_git_ignored_files(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert files(["--isolated", "."], capsys) == (
        1,
        ["docs/keep.md", "docs/sub/deep.md", "lists/papers.md"],
        "",
    )
    # a file named explicitly is checked even when git ignores it
    assert files(["--isolated", "build/b.md"], capsys)[1] == ["build/b.md"]


def test_respect_gitignore_false(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / ".awesome-lint.toml").write_text("respect-gitignore = false\n")
    assert files(["--extend-exclude", "node_modules", "."], capsys)[1] == [
        "build/b.md",
        "docs/a.md",
        "docs/keep.md",
        "docs/sub/deep.md",
        "docs/sub/skip.md",
        "lists/papers.md",
    ]


def test_exclude_options(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / ".awesome-lint.toml").write_text('exclude = ["lists/"]\nextend-exclude = ["deep.md"]\n')
    assert files(["."], capsys)[1] == ["docs/keep.md"]
    assert files(["--exclude", "keep.md", "."], capsys)[1] == ["lists/papers.md"]
    assert files(["--extend-exclude", "keep.md", "."], capsys) == (
        0,
        [],
        ("awesome-lint: warning: every Markdown file below . is excluded\n"),
    )
