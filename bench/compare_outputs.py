"""Record or compare the output of awesome-lint on every corpus list (behaviour check).

Run from the repository root with the project's interpreter:

    python bench/compare_outputs.py record DIR    # write one output file per list into DIR
    python bench/compare_outputs.py compare DIR   # exit 1 if any output differs from DIR

For every list in ``../shared/corpus`` (and ``papers/``) and ``examples/`` it records
``check --isolated FILE`` (default rules, full format),
``check --isolated --select ALL --output-format concise FILE`` and
``check --isolated --select ALL --fix --diff FILE`` (stdout, stderr and exit code).
Standard library only.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
CORPUS = REPO_ROOT / ".." / "shared" / "corpus"

COMMANDS = {
    "default": ["check", "--isolated"],
    "concise": ["check", "--isolated", "--select", "ALL", "--output-format", "concise"],
    "fixdiff": ["check", "--isolated", "--select", "ALL", "--fix", "--diff"],
}


def lists() -> list[Path]:
    found = sorted(CORPUS.glob("*.md")) + sorted(CORPUS.glob("papers/*.md"))
    found = [p for p in found if p.name != "SOURCES.md"]
    return found + sorted((REPO_ROOT / "examples").glob("*.md"))


def run(args: list[str], path: Path) -> bytes:
    proc = subprocess.run(
        [sys.executable, "-m", "awesome_lint", *args, str(path)],
        capture_output=True,
        cwd=REPO_ROOT,
        check=False,
    )
    tail = f"\n--- exit {proc.returncode}\n".encode()
    return proc.stdout + b"\n--- stderr ---\n" + proc.stderr + tail


def main() -> int:
    if len(sys.argv) != 3 or sys.argv[1] not in ("record", "compare"):
        print("usage: python bench/compare_outputs.py record|compare DIR", file=sys.stderr)
        return 2
    mode, folder = sys.argv[1], Path(sys.argv[2])
    folder.mkdir(parents=True, exist_ok=True)
    differ = 0
    for path in lists():
        for kind, args in COMMANDS.items():
            out = run(args, path)
            target = folder / f"{path.parent.name}__{path.stem}.{kind}.txt"
            if mode == "record":
                target.write_bytes(out)
            elif target.read_bytes() != out:
                differ += 1
                print(f"DIFFERS: {path.name} ({kind})")
    print(f"{len(lists())} lists, {differ} outputs differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
