"""What a plain check imports: a pre-commit hook pays for every module on each commit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "messy-paper-list.md"
WATCHED = ("json", "awesome_lint.fixer", "awesome_lint.api", "awesome_lint.venues.data")


def _check(path: Path) -> tuple[str, list[str]]:
    """The text report of ``check --isolated path`` and which watched modules it imported,
    in a fresh interpreter."""
    program = f"""
import sys
from awesome_lint.cli import main
try:
    main(["check", "--isolated", "--output-format", "concise", {str(path)!r}])
except SystemExit:
    pass
print(" ".join(m for m in {WATCHED!r} if m in sys.modules), file=sys.stderr)
"""
    completed = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    return completed.stdout, completed.stderr.strip().splitlines()[-1].split()


def test_a_clean_file_is_checked_without_the_fixer_or_json(tmp_path: Path) -> None:
    page = tmp_path / "README.md"
    page.write_text(
        "# Awesome Things\n\n- [Alpha](https://alpha.example.org) - A tool.\n"
        "- [Beta](https://beta.example.org) - Another tool.\n",
        encoding="utf-8",
    )
    report, imported = _check(page)
    assert report == "All checks passed!\n"
    assert imported == ["awesome_lint.venues.data"]  # the venue rules ran


def test_fixes_offered_by_a_plain_check_are_still_verified() -> None:
    report, imported = _check(EXAMPLE)
    assert imported == ["awesome_lint.fixer", "awesome_lint.venues.data"]
    lines = report.splitlines()
    assert lines[0].endswith("messy-paper-list.md:6:4: AL601 [*] Missing blank line after heading")
    assert sum(" [*] " in line for line in lines) > 10


def test_the_entry_point_turns_garbage_collection_off_before_importing_click() -> None:
    # A finder that notes whether automatic collection was on when click was imported.
    program = """
import gc, sys
seen = []
class Spy:
    def find_spec(self, name, path=None, target=None):
        if name == "click":
            seen.append(gc.isenabled())
        return None
sys.meta_path.insert(0, Spy())
import awesome_lint.__main__ as entry
from awesome_lint import cli
print(seen, gc.isenabled(), entry.main is cli.main)
"""
    completed = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    assert completed.stdout.split("\n")[0] == "[False] False True"


def test_the_console_script_is_the_entry_point_module() -> None:
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"] == {"awesome-lint": "awesome_lint.__main__:main"}
