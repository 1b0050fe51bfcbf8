"""The benchmark script runs end to end on a tiny corpus (no timings are asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "bench.py"

LIST = (
    "# Papers\n"
    "\n"
    "## Serving\n"
    "\n"
    "- [Orca](https://www.usenix.org/conference/osdi22/presentation/yu) : A Serving System\n"
)


@pytest.mark.slow
def test_quick_run_prints_a_row_per_file(tmp_path: Path) -> None:
    (tmp_path / "papers").mkdir()
    (tmp_path / "small.md").write_text(LIST * 3, encoding="utf-8")
    (tmp_path / "papers" / "tiny.md").write_text(LIST * 2, encoding="utf-8")
    (tmp_path / "SOURCES.md").write_text("# Sources\n", encoding="utf-8")

    proc = subprocess.run(
        [sys.executable, str(BENCH), "--quick", "--imports", "--corpus", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "warning" not in proc.stderr
    rows = [line for line in proc.stdout.splitlines() if line.startswith("| ")]
    header = [cell.strip() for cell in rows[0].strip("|").split("|")]
    assert header == [
        "file",
        "size KB",
        "parse s",
        "check s",
        "check/parse",
        "fix-diff s",
        "fix-diff/parse",
        "parse MB",
        "check MB",
        "fix-diff MB",
    ]
    labels = [row.strip("|").split("|")[0].strip() for row in rows[1:]]
    corpus_labels = [label for label in labels if not label.startswith("examples/")]
    # SOURCES.md is skipped; the largest list and the largest paper list are repeated
    # x10 (only x10 with --quick).
    assert corpus_labels == ["small.md", "papers/tiny.md", "small.md x10", "tiny.md x10"]

    many = proc.stdout.split("Many files, best of 1 run(s):\n", 1)[1].splitlines()
    assert many[0].startswith("  check docs/ (200 files, ")
    assert " on 1 CPU " in many[1]
    assert all("wall" in line and "CPU/wall" in line for line in many[:2])
    assert many[2].startswith("  speed-up from the extra CPUs: ")

    links = proc.stdout.split("Links: 2000 links over 20 local hosts", 1)[1].splitlines()
    assert links[1].startswith("  first run ")
    assert links[2].startswith("  cached re-run ")
    assert links[3].startswith("  no --check-links ")
    first_requests = int(links[1].split("requests")[0].split()[-1])
    assert first_requests >= 2000  # every link was asked for, on the first run only
    assert " 0 requests  exit 1" in links[2]

    _, _, imports = proc.stdout.partition("-X importtime")
    lines = imports.splitlines()
    assert lines[1].split() == ["cumulative", "ms", "self", "ms", "module"]
    assert len(lines) == 12
    cumulative = [float(line.split()[0]) for line in lines[2:]]
    assert cumulative == sorted(cumulative, reverse=True)
    assert any(line.split()[2].startswith("awesome_lint") for line in lines[2:])


@pytest.mark.slow
def test_absent_corpus_is_skipped_with_a_message(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(BENCH), "--quick", "--no-links", "--corpus", str(tmp_path / "absent")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert f"note: no corpus at {tmp_path / 'absent'}" in proc.stdout


@pytest.mark.slow
def test_entries_section_prints_per_thousand_figures_and_growth() -> None:
    proc = subprocess.run(
        [sys.executable, str(BENCH), "--entries", "10,100"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    rows = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in proc.stdout.splitlines()
        if line.startswith("| ")
    ]
    assert rows[0] == [
        "entries",
        *("check s", "check net s/1k", "check MB", "check net MB/1k"),
        *("fix s", "fix net s/1k", "fix MB", "fix net MB/1k"),
    ]
    assert [row[0] for row in rows[1:4]] == ["0", "10", "100"]
    assert rows[1][2] == "-" and rows[2][2] != "-"  # nothing per 1,000 for the empty list
    assert rows[4][:2] == ["growth", "entries"]
    assert rows[5][:2] == ["10->100", "10x"]
    assert all(cell.endswith("x") for cell in rows[5][2:]) and len(rows[5]) == 8
