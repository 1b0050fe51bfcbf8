"""Benchmark awesome-lint against a bare markdown-it-py parse, as whole processes.

Run from the repository root with the interpreter that has awesome-lint installed:

    python bench/bench.py            # best of 5 runs per measurement
    python bench/bench.py --quick    # 1 run, no x100 file
    python bench/bench.py --imports  # also the 10 most expensive imports (-X importtime)
    python bench/bench.py --pathological  # crafted lines at 1x/10x/100x: growth must be linear
    python bench/bench.py --entries  # 1,000/10,000/100,000 ordinary entries: per 1,000, growth

Standard library only. See bench/README.md for what the columns mean.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = REPO_ROOT / ".." / "shared" / "corpus"
EXAMPLES = REPO_ROOT / "examples"

PARSE_SNIPPET = (
    "import sys, markdown_it; "
    "markdown_it.MarkdownIt('commonmark').enable(['table','strikethrough'])"
    ".parse(open(sys.argv[1], encoding='utf-8').read())"
)

# ru_maxrss is in kilobytes on Linux and in bytes on macOS.
_RSS_UNIT = 1 if sys.platform == "darwin" else 1024


@dataclass
class Measurement:
    seconds: float  # best wall-clock time over the runs
    peak_mb: float  # highest peak resident set size over the runs
    exit_codes: set[int]


@dataclass
class Row:
    label: str
    size_kb: float
    parse: Measurement
    check: Measurement
    fix_diff: Measurement


# A fresh, minimal interpreter (-I -S: about 8 MB) starts the measured command, times
# it and reports its peak RSS from getrusage(RUSAGE_CHILDREN). A fresh parent matters:
# on Linux a child's ru_maxrss also counts the memory of the parent it was spawned from
# (vfork shares the parent's address space until exec), so spawning from this script,
# which holds the synthetic files, would inflate every small measurement.
_WRAPPER = """\
import os, resource, sys, time
if os.environ.get("AWESOME_LINT_BENCH_ONE_CPU") and hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # children inherit it
devnull = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)]
start = time.perf_counter()
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ, file_actions=devnull)
status = os.waitpid(pid, 0)[1]
elapsed = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime)
"""


def run_once(argv: Sequence[str], *, one_cpu: bool = False) -> tuple[float, float, int, float]:
    """Run one process in a fresh wrapper.

    Returns (wall seconds, peak RSS in MB, exit code, CPU seconds of it and its children).
    ``one_cpu`` pins the command to one CPU (Linux), to compare with a parallel run.
    """
    env = dict(os.environ)
    env.pop("AWESOME_LINT_BENCH_ONE_CPU", None)
    if one_cpu:
        env["AWESOME_LINT_BENCH_ONE_CPU"] = "1"
    proc = subprocess.run(
        [sys.executable, "-I", "-S", "-c", _WRAPPER, *argv],
        capture_output=True,
        check=False,
        env=env,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark wrapper failed: {proc.stderr.decode('utf-8', 'replace')}")
    seconds, peak, code, cpu = proc.stdout.split()
    if int(code) not in (0, 1):
        sys.stderr.write(f"warning: exit {int(code)} from {' '.join(argv)}\n")
        sys.stderr.write(proc.stderr.decode("utf-8", "replace")[-2000:])
    return float(seconds), int(peak) * _RSS_UNIT / 2**20, int(code), float(cpu)


def measure(argv: Sequence[str], runs: int) -> Measurement:
    results = [run_once(argv) for _ in range(runs)]
    return Measurement(
        seconds=min(r[0] for r in results),
        peak_mb=max(r[1] for r in results),
        exit_codes={r[2] for r in results},
    )


def ensure_bytecode() -> None:
    """Compile awesome-lint's modules to ``__pycache__`` first, as an install does.

    Without cached bytecode (a fresh checkout run with PYTHONDONTWRITEBYTECODE=1, or a
    read-only tree) every run would compile the package from source, which costs more
    than linting a small list and is not what users see.
    """
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "import awesome_lint, os; print(os.path.dirname(awesome_lint.__file__))",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    package = proc.stdout.strip()
    if proc.returncode == 0 and package:
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", package], capture_output=True, check=False
        )
    # The command line's code cache (``codecache``), which its first run writes unless
    # PYTHONDONTWRITEBYTECODE is set: written here as a first run would (a --diff of
    # the example loads every default rule, the fixer and the diff), so that every
    # timed run reads it, as every run after a user's first does.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    example = EXAMPLES / "messy-paper-list.md"
    first_run = (
        ["check", "--isolated", "--diff", str(example)] if example.is_file() else ["--version"]
    )
    subprocess.run([*lint_command(), *first_run], capture_output=True, check=False, env=env)


def lint_command() -> list[str]:
    """The awesome-lint of the interpreter running this script."""
    return [sys.executable, "-m", "awesome_lint"]


def bench_file(path: Path, label: str, runs: int) -> Row:
    lint = lint_command()
    name = str(path)
    return Row(
        label=label,
        size_kb=path.stat().st_size / 1024,
        parse=measure([sys.executable, "-c", PARSE_SNIPPET, name], runs),
        check=measure([*lint, "check", "--isolated", name], runs),
        fix_diff=measure([*lint, "check", "--isolated", "--fix", "--diff", name], runs),
    )


def lists_in(folder: Path) -> list[Path]:
    """The Markdown lists directly in ``folder`` (SOURCES.md is provenance, not a list)."""
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if p.suffix in (".md", ".markdown") and p.name != "SOURCES.md"
    )


def concatenation(source: Path, times: int, folder: Path) -> Path:
    text = source.read_bytes()
    if not text.endswith(b"\n"):
        text += b"\n"
    target = folder / f"{source.stem}.x{times}.md"
    target.write_bytes(b"\n".join([text] * times))
    return target


def _ratio(a: Measurement, b: Measurement) -> str:
    return f"{a.seconds / b.seconds:.2f}" if b.seconds > 0 else "-"


def _mark(m: Measurement) -> str:
    # Exit 0/1 are ordinary lint outcomes; anything else (2: error) is flagged.
    return "" if m.exit_codes <= {0, 1} else f" (exit {','.join(map(str, sorted(m.exit_codes)))})"


def format_table(rows: Sequence[Row]) -> str:
    header = [
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
    body = [
        [
            row.label,
            f"{row.size_kb:.0f}",
            f"{row.parse.seconds:.3f}{_mark(row.parse)}",
            f"{row.check.seconds:.3f}{_mark(row.check)}",
            _ratio(row.check, row.parse),
            f"{row.fix_diff.seconds:.3f}{_mark(row.fix_diff)}",
            _ratio(row.fix_diff, row.parse),
            f"{row.parse.peak_mb:.0f}",
            f"{row.check.peak_mb:.0f}",
            f"{row.fix_diff.peak_mb:.0f}",
        ]
        for row in rows
    ]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]

    def fmt(cells: Sequence[str]) -> str:
        padded = [
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "| " + " | ".join(padded) + " |"

    rule = (
        "|"
        + "|".join("-" * (w + 2) if i == 0 else "-" * (w + 1) + ":" for i, w in enumerate(widths))
        + "|"
    )
    return "\n".join([fmt(header), rule, *(fmt(line) for line in body)])


def import_times(target: Path, top: int = 10) -> str:
    """The ``top`` imports with the highest cumulative time for one ``check`` run."""
    proc = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "awesome_lint",
            "check",
            "--isolated",
            str(target),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    entries: list[tuple[int, int, str]] = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        self_us, cumulative_us, name = line[len("import time:") :].split("|", 2)
        entries.append((int(cumulative_us), int(self_us), name.strip()))
    entries.sort(reverse=True)
    lines = [f"-X importtime for `check --isolated {target.name}` (top {top} by cumulative time):"]
    lines.append(f"{'cumulative ms':>14} {'self ms':>8}  module")
    lines.extend(f"{c / 1000:14.1f} {s / 1000:8.1f}  {n}" for c, s, n in entries[:top])
    return "\n".join(lines)


# --- Start-up: our overhead above the floor (issue 6) -----------------------------------
# A small list is checked in about the time the interpreter needs to import click and
# markdown-it-py (the floor, which no change of ours can lower); "overhead" is the rest.
FLOOR_SNIPPET = "import click, markdown_it"
STARTUP_RUNS = 30


def startup_section(example: Path, runs: int) -> str:
    """Floor and ``check`` of one small file, interleaved, minimum and median of ``runs``."""
    commands = {
        "floor (import click, markdown_it)": [sys.executable, "-c", FLOOR_SNIPPET],
        f"check --isolated {example.name}": [
            *lint_command(),
            "check",
            "--isolated",
            str(example),
        ],
    }
    times: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(runs):  # interleaved, so a slow moment of the machine hits both
        for label, argv in commands.items():
            times[label].append(run_once(argv)[0])
    floor, check = (min(t) for t in times.values())
    lines = [f"Start-up ({runs} interleaved runs each):"]
    width = max(len(label) for label in commands)
    for label, values in times.items():
        lines.append(
            f"  {label.ljust(width)}  min {min(values) * 1000:6.1f} ms"
            f"  median {statistics.median(values) * 1000:6.1f} ms"
        )
    lines.append(
        f"  {'overhead above the floor'.ljust(width)}  min {(check - floor) * 1000:6.1f} ms"
    )
    return "\n".join(lines)


# --- Many files: both cores (issue 6) ---------------------------------------------------
MANY_FILES = 200


def many_files_section(lists: Sequence[Path], folder: Path, runs: int) -> str:
    """``check docs/`` on MANY_FILES copies of the corpus lists, on all CPUs and on one.

    CPU/wall above 1 means more than one core was busy; the speed-up is the one-CPU
    wall time over the all-CPUs wall time.
    """
    docs = folder / "docs"
    docs.mkdir()
    total = 0
    for index in range(MANY_FILES):
        data = lists[index % len(lists)].read_bytes()
        (docs / f"list-{index:03d}.md").write_bytes(data)
        total += len(data)
    argv = [*lint_command(), "check", "--isolated", "--quiet", str(docs)]
    label = f"check docs/ ({MANY_FILES} files, {total / 2**20:.1f} MB)"
    lines = [f"Many files, best of {runs} run(s):"]
    walls = {}
    for one_cpu in (False, True):
        results = [run_once(argv, one_cpu=one_cpu) for _ in range(runs)]
        wall, _, _, cpu = min(results)
        walls[one_cpu] = wall
        where = "1 CPU" if one_cpu else f"{os.cpu_count()} CPUs"
        lines.append(
            f"  {label} on {where:7}  wall {wall:6.2f} s  CPU {cpu:6.2f} s  "
            f"CPU/wall {cpu / wall:4.2f}"
        )
    lines.append(f"  speed-up from the extra CPUs: {walls[True] / walls[False]:.2f}x")
    return "\n".join(lines)


# --- Links: --check-links on local servers (issue 13) -------------------------------------
def links(folder: Path) -> str:
    """The links section (see bench_links.py); the folder is removed afterwards."""
    import shutil

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_links import links_section

    try:
        return links_section(folder, lint_command(), run_once)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (best is kept)")
    parser.add_argument("--quick", action="store_true", help="one run each and no x100 file")
    parser.add_argument("--imports", action="store_true", help="also report the costliest imports")
    parser.add_argument(
        "--no-many", action="store_true", help="skip the many-files (both cores) section"
    )
    parser.add_argument(
        "--startup-only", action="store_true", help="only the start-up section (floor vs check)"
    )
    parser.add_argument("--no-links", action="store_true", help="skip the --check-links section")
    parser.add_argument("--links-only", action="store_true", help="only the --check-links section")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=SHARED_CORPUS,
        help="folder of lists (default ../shared/corpus)",
    )
    parser.add_argument(
        "--pathological",
        action="store_true",
        help="only the pathological section: crafted lines at 1x/10x/100x and their growth",
    )
    parser.add_argument(
        "--entries",
        nargs="?",
        const="1000,10000,100000",
        default="",
        metavar="COUNTS",
        help="only the entries section: check and --fix on ordinary paper lists of these many "
        "entries (default 1000,10000,100000; 1000,10000 with --quick), time and memory per "
        "1,000 entries and their growth",
    )
    args = parser.parse_args(argv)
    if args.entries:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import pathological

        counts = args.entries
        if args.quick and counts == "1000,10000,100000":
            counts = "1000,10000"
        print("## Ordinary entries (whole process)\n")
        pathological.entries_section([int(n) for n in counts.split(",")])
        return 0
    if args.pathological:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import pathological

        print("## Pathological inputs (in-process lint + fix with every rule, seconds)\n")
        return pathological.main(["--sizes", "1,10" if args.quick else "1,10,100"])
    runs = 1 if args.quick else max(1, args.runs)
    factors = (10,) if args.quick else (10, 100)

    corpus: Path = args.corpus
    files: list[tuple[str, Path]] = []
    corpus_files = lists_in(corpus) + lists_in(corpus / "papers")
    if corpus_files:
        files += [(str(p.relative_to(corpus)), p) for p in corpus_files]
    else:
        print(f"note: no corpus at {corpus}; skipping the corpus lists and the synthetic files")
    example_files = lists_in(EXAMPLES)
    if example_files:
        files += [(f"examples/{p.name}", p) for p in example_files]
    else:
        print("note: no examples/ folder with lists; skipping it")
    if not files:
        print("nothing to benchmark")
        return 0

    print(
        f"python {platform.python_version()} on {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs; best of {runs} run(s) per measurement"
    )
    ensure_bytecode()
    if args.links_only:
        print(links(Path(tempfile.mkdtemp(prefix="awesome-lint-bench-"))))
        return 0
    small = EXAMPLES / "messy-paper-list.md"
    if small.is_file():
        print(startup_section(small, 5 if args.quick else STARTUP_RUNS))
        if args.startup_only:
            return 0
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="awesome-lint-bench-") as tmp:
        if corpus_files:
            largest = max(corpus_files, key=lambda p: p.stat().st_size)
            for times in factors:
                synthetic = concatenation(largest, times, Path(tmp))
                files.append((f"{largest.name} x{times}", synthetic))
            papers = lists_in(corpus / "papers")
            paper = max(papers, key=lambda p: p.stat().st_size) if papers else largest
            if paper != largest:  # the largest paper list too: entries the rules look into
                files.append((f"{paper.name} x10", concatenation(paper, 10, Path(tmp))))
        for label, path in files:
            print(f"  {label} ...", end="", file=sys.stderr, flush=True)
            row = bench_file(path, label, runs)
            rows.append(row)
            print(
                f" parse {row.parse.seconds:.3f} s, check {row.check.seconds:.3f} s, "
                f"fix-diff {row.fix_diff.seconds:.3f} s",
                file=sys.stderr,
                flush=True,
            )
    print(format_table(rows))
    if corpus_files and not args.no_many and hasattr(os, "sched_setaffinity"):
        with tempfile.TemporaryDirectory(prefix="awesome-lint-bench-") as tmp:
            print()
            print(many_files_section(corpus_files, Path(tmp), runs if runs < 3 else 3))

    if not args.no_links:
        print()
        print(links(Path(tempfile.mkdtemp(prefix="awesome-lint-bench-"))))

    if args.imports:
        candidates = example_files or sorted(corpus_files, key=lambda p: p.stat().st_size)
        print()
        print(import_times(candidates[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
