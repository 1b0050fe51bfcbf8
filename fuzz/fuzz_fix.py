"""Coverage-guided fuzzing of lint + fix with atheris (libFuzzer for Python).

    pip install -e '.[fuzz]'
    python fuzz/fuzz_fix.py -max_total_time=1800          # 30 minutes
    python fuzz/fuzz_fix.py fuzz/crash-...                # replay one input

Seeds: slices of the real lists in ../shared/corpus/ (40 lines each), written to a
temporary folder at start; libFuzzer mutates them byte-wise. Every input is checked
against the fixer's promises (tests/invariants.py): no exception, idempotent fix,
entries and links kept, BOM and bytes outside the fixes unchanged. A failing input
is saved by libFuzzer as crash-<sha1>; copy it to tests/fuzz_regressions/ so that
tests/test_fuzz_regressions.py keeps checking it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

with atheris.instrument_imports():
    from invariants import check_invariants

SLICE_LINES = 40


def seed_folder() -> str:
    folder = Path(tempfile.mkdtemp(prefix="awesome-lint-fuzz-seeds-"))
    corpus = REPO.parent / "shared" / "corpus"
    files = sorted(p for p in corpus.rglob("*.md") if p.name != "SOURCES.md")
    files += sorted((REPO / "examples").glob("*.md"))
    count = 0
    for path in files:
        lines = path.read_bytes().splitlines(keepends=True)
        for start in range(0, len(lines), SLICE_LINES):
            (folder / f"{path.stem}-{start}.md").write_bytes(
                b"".join(lines[start : start + SLICE_LINES])
            )
            count += 1
    print(f"fuzz: {count} seed slices from {len(files)} lists in {folder}", file=sys.stderr)
    return str(folder)


def test_one(data: bytes) -> None:
    check_invariants(data)


def main() -> None:
    args = list(sys.argv)
    if not any(not a.startswith("-") for a in args[1:]):
        args.append(seed_folder())
    atheris.Setup(args, test_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
