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

A quarter of the mutations are structured (MUTATIONS): the classes of input the
adversarial pass of issue 12 found harmful fixes and slow patterns with (a second BOM,
comments before setext underlines, "\\r \\n", pipes and spaces in link targets, long
runs of blanks, "<!--", "(" and "<", deep nesting). Every exported fix is checked too.
"""

from __future__ import annotations

import random
import sys
import tempfile
from collections.abc import Callable
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


# Structured mutations (issue 12): the classes of input that found harmful fixes and
# super-linear patterns. Each takes the input and a random generator and returns the
# mutated input; libFuzzer's byte-wise mutation does the rest of the time.
def _insert_line(line: bytes) -> Callable[[bytes, random.Random], bytes]:
    def mutate(data: bytes, rnd: random.Random) -> bytes:
        lines = data.split(b"\n")
        lines.insert(rnd.randint(0, len(lines)), line)
        return b"\n".join(lines)

    return mutate


def _in_url(piece: bytes) -> Callable[[bytes, random.Random], bytes]:
    def mutate(data: bytes, rnd: random.Random) -> bytes:
        spots = [i for i in range(len(data) - 1) if data[i : i + 2] == b"]("]
        if not spots:
            return data
        at = rnd.choice(spots) + 2
        close = data.find(b")", at)
        if close < 0:
            return data
        return data[:at] + data[at:close] + piece + data[close:]

    return mutate


def _run(piece: bytes) -> Callable[[bytes, random.Random], bytes]:
    def mutate(data: bytes, rnd: random.Random) -> bytes:
        at = rnd.randint(0, len(data))
        return data[:at] + piece * rnd.choice((2, 50, 2000)) + data[at:]

    return mutate


MUTATIONS: list[Callable[[bytes, random.Random], bytes]] = [
    lambda data, rnd: "\ufeff\ufeff".encode() + data.removeprefix("\ufeff".encode()),
    _insert_line(b"<!-- awesome-lint-disable-next-line AL102 -->"),
    _insert_line(b"---"),
    _insert_line(b"==="),
    _insert_line(b" \r"),  # with the next line's "\n": "\r \n"
    _insert_line(b"continued text"),
    _in_url(b"|b"),
    _in_url(b"  x"),  # inside <...> targets after the next mutation, or breaking the link
    lambda data, rnd: data.replace(b"](http", b"](<http", 1).replace(b")", b">)", 1),
    _run(b" "),
    _run(b"\t"),
    _run(b"<!--"),
    _run(b"("),
    _run(b"<"),
    _run(b"  - "),  # deep nesting
]


def custom_mutator(data: bytes, max_size: int, seed: int) -> bytes:
    rnd = random.Random(seed)
    if rnd.random() < 0.25:
        out = rnd.choice(MUTATIONS)(data, rnd)
        return out[: max(max_size, 1)] if len(out) > max_size else out
    return atheris.Mutate(data, max_size)


def main() -> None:
    args = list(sys.argv)
    if not any(not a.startswith("-") for a in args[1:]):
        args.append(seed_folder())
    atheris.Setup(args, test_one, custom_mutator=custom_mutator)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
