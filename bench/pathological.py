"""Pathological lines at growing sizes: every one must take time linear in its length.

    python bench/pathological.py                 # 1x, 10x, 100x of every case
    python bench/pathological.py --sizes 1,10    # fewer sizes

Each case builds one crafted input from a unit size ``n`` (the 1x input is a few
kilobytes); the script lints and fixes it in-process and prints the time of each size
and the growth from one size to the next (10x the input should cost at most about 12x
the time). Found by the adversarial pass of issue 12; tests/test_pathological_growth.py
checks the outputs of the same inputs (never their timings).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Callable, Sequence


def _entries(n: float, line: Callable[[int], str]) -> str:
    return "# L\n\n" + "".join(line(i) for i in range(int(n)))


# name -> builder of the input for unit size n (1x: about 2,000 characters, or 100 entries;
# the entry cases also take fractions)
CASES: dict[str, Callable[[float], str]] = {
    "heading-end-spaces": lambda n: "# a" + " " * (2000 * n) + "b\n",
    "heading-end-tabs": lambda n: "## a" + " \t" * (1000 * n) + "#\n",
    "trailing-comment-openers": lambda n: "- [A](https://e.org/a): x " + "<!--" * (500 * n) + "\n",
    "comment-openers-closed": lambda n: (
        "- [A](https://e.org/a): x " + "<!-- a " * (300 * n) + "-->\n"
    ),
    "title-separator-spaces": lambda n: "- [A](https://e.org/a)" + " " * (2000 * n) + "x\n",
    "title-separator-tabs": lambda n: "- [A](https://e.org/a)" + " \t" * (1000 * n) + ":x\n",
    "directive-spaces": lambda n: "<!-- awesome-lint-disable-next-line" + " " * (2000 * n) + "\n",
    "directive-spaces-closed": lambda n: (
        "<!-- awesome-lint-disable AL102" + " " * (2000 * n) + "-->\n"
    ),
    "remark-directive-spaces": lambda n: (
        "<!--lint disable no-trailing-spaces" + " " * (2000 * n) + "\n"
    ),
    "note-parens": lambda n: "- [A](https://e.org/a): x " + "(" * (2000 * n) + "\n",
    "note-angles": lambda n: "- [A](https://e.org/a): x " + "<" * (2000 * n) + "\n",
    "note-mixed": lambda n: "- [A](https://e.org/a): x " + "(<[" * (700 * n) + "\n",
    "pipes-in-url": lambda n: (
        "- [A](https://e.org/a): see https://g.com/" + "a|" * (1000 * n) + "\n"
    ),
    "shared-link-entries": lambda n: _entries(
        100 * n, lambda i: f"- [P{i}](https://e.org/same): Title {i} | OSDI'22\n"
    ),
    "duplicate-entries": lambda n: _entries(
        100 * n, lambda i: "- [Same](https://e.org/same): Same title | OSDI'22\n"
    ),
    # every link of one line sliced the line up to itself (link roles, AL113's nesting)
    "links-one-entry": lambda n: (
        "# L\n\n- [A](https://e.org/a): x "
        + " ".join(f"[[code]](https://e.org/c{i})" for i in range(300 * n))
        + "\n"
    ),
    # every wrapped name of a venue slot was compared with every venue token of it
    "venues-one-slot": lambda n: (
        "# L\n\n- [A](https://e.org/a): x | "
        + " ".join(f"[CVPR'{i % 30:02d}]" for i in range(300 * n))
        + "\n"
    ),
    # every heading that is a link looked through every link of the file (AL605/AL606)
    "link-headings": lambda n: (
        "# L\n" + "".join(f"\n## [Section {i}](https://e.org/{i})\n" for i in range(int(100 * n)))
    ),
    # every stray ")" after a link counted the brackets of its line up to itself (AL715)
    "stray-parens-links": lambda n: (
        "- [A](https://e.org/a): x"
        + "".join(f" [b](https://e.org/{i}))" for i in range(100 * n))
        + "\n"
    ),
    "stray-parens-run": lambda n: (
        "- [A](https://e.org/a): x [b](https://e.org/b)" + ")" * (2000 * n) + "\n"
    ),
    # every broken anchor was compared with every heading (AL702's typo suggestions)
    "broken-anchors": lambda n: (
        "# L\n\n"
        + "".join(f"- [Part {i}](#missing-part-{i})\n" for i in range(int(100 * n)))
        + "".join(
            f"\n## Section number {i}\n\n- [S{i}](https://e.org/s{i})\n"
            for i in range(int(100 * n))
        )
    ),
}


def run_case(text: str) -> tuple[int, int]:
    """Lint and fix ``text`` with every rule; return (diagnostics, fixes applied)."""
    from awesome_lint.api import fix_text, lint_text
    from awesome_lint.config.selectors import resolve
    from awesome_lint.settings import Settings

    settings = Settings(resolve(["ALL"]), unsafe_fixes=True)
    diagnostics = lint_text(text, settings)
    outcome = fix_text(text, settings)
    return len(diagnostics), sum(outcome.fixed.values())


def measure(text: str) -> float:
    start = time.perf_counter()
    run_case(text)
    return time.perf_counter() - start


def ordinary_list(entries: int) -> str:
    """A paper list of ``entries`` ordinary entries, in sections of 100, a few to fix."""
    out = ["# Papers\n"]
    for i in range(entries):
        if i % 100 == 0:
            out.append(f"\n## Section {i // 100}\n\n")
        sep = " : " if i % 7 == 0 else ": "
        out.append(
            f"- [Paper {i}](https://arxiv.org/abs/23{i % 12 + 1:02d}.{i:05d}){sep}"
            f"A system for serving model {i} | OSDI'{22 - i % 3}\n"
        )
    return "".join(out)


def _run_whole(path: str, args: Sequence[str]) -> tuple[float, float]:
    """Wall seconds and peak MB of ``awesome-lint --isolated ARGS PATH`` as a whole process,
    timed by a minimal wrapper interpreter (whose own small peak is the floor)."""
    import subprocess

    code = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False); "
        "print(time.perf_counter() - t, "
        "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    command = [sys.executable, "-m", "awesome_lint", "--isolated", *args, path]
    done = subprocess.run(
        [sys.executable, "-I", "-S", "-c", code, *command],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, rss = done.stdout.split()
    scale = 1 if sys.platform == "darwin" else 1024
    return float(seconds), int(rss) * scale / 1e6


def entries_section(counts: Sequence[int]) -> None:
    """Whole-process ``check`` and ``--fix`` time and peak memory of ordinary lists, per
    1,000 entries, and their growth from one size to the next.

    The first row (0 entries) is the fixed cost (start-up, imports), which the "net"
    columns take off before dividing.
    """
    import tempfile
    from pathlib import Path

    commands = {"check": ["-q", "--exit-zero"], "fix": ["-q", "--fix", "--exit-zero"]}
    header = ["entries"]
    for name in commands:
        header += [f"{name} s", f"{name} net s/1k", f"{name} MB", f"{name} net MB/1k"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    rows: list[tuple[int, dict[str, tuple[float, float]]]] = []
    with tempfile.TemporaryDirectory() as folder:
        for count in [0, *counts]:
            path = Path(folder) / f"list-{count}.md"
            figures: dict[str, tuple[float, float]] = {}
            for name, args in commands.items():
                runs = []
                for _ in range(3 if count <= 10_000 else 1):
                    path.write_text(ordinary_list(count), encoding="utf-8")  # (--fix writes)
                    runs.append(_run_whole(str(path), args))
                figures[name] = (min(t for t, _ in runs), max(mb for _, mb in runs))
            rows.append((count, figures))
            cells = [str(count)]
            for name in commands:
                seconds, mb = figures[name]
                if count:
                    base_s, base_mb = rows[0][1][name]
                    net = ((seconds - base_s) / count * 1000, (mb - base_mb) / count * 1000)
                    cells += [f"{seconds:.2f}", f"{net[0]:.3f}", f"{mb:.0f}", f"{net[1]:.2f}"]
                else:
                    cells += [f"{seconds:.2f}", "-", f"{mb:.0f}", "-"]
            print("| " + " | ".join(cells) + " |", flush=True)
    print()
    header = ["growth", "entries"]
    for name in commands:
        header += [f"{name} time", f"{name} net time", f"{name} net MB"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    base = rows[0][1]
    for (a, fa), (b, fb) in itertools.pairwise(rows[1:]):
        cells = [f"{a}->{b}", f"{b / a:.0f}x"]
        for name in commands:
            (ta, ma), (tb, mb), (t0, m0) = fa[name], fb[name], base[name]
            cells += [
                f"{tb / ta:.1f}x",
                f"{(tb - t0) / max(ta - t0, 1e-3):.1f}x",
                f"{(mb - m0) / max(ma - m0, 1e-3):.1f}x",
            ]
        print("| " + " | ".join(cells) + " |")
    print(
        "\nLinear: 10x the entries, at most about 12x the net time (whole process less the"
        "\n0-entry run). Best of 3 runs up to 10,000 entries, 1 run above; peak MB the highest."
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,10,100", help="comma-separated multiples of 1x")
    parser.add_argument("--case", action="append", help="only this case (repeatable)")
    parser.add_argument(
        "--entries",
        default="",
        help="also time ordinary lists of these many entries, e.g. 1000,10000,100000",
    )
    args = parser.parse_args(argv)
    if args.entries:
        entries_section([int(n) for n in args.entries.split(",")])
        print()
    sizes = [int(s) for s in args.sizes.split(",")]
    names = args.case or list(CASES)
    run_case("# warm up\n\n- [A](https://e.org/a): b\n")
    header = [
        "case",
        *(f"{s}x (s)" for s in sizes),
        *(f"{a}x->{b}x" for a, b in itertools.pairwise(sizes)),
    ]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    worst = 0.0
    for name in names:
        times = [measure(CASES[name](size)) for size in sizes]
        growth = []
        for (a, ta), (b, tb) in itertools.pairwise(zip(sizes, times, strict=True)):
            ratio = tb / max(ta, 1e-4)
            growth.append(f"{ratio:.1f}x")
            if ta >= 0.01:  # below 10 ms the fixed costs dominate
                worst = max(worst, ratio / (b / a))
        print(
            f"| {name} | "
            + " | ".join(f"{t:.3f}" for t in times)
            + " | "
            + " | ".join(growth)
            + " |"
        )
    print(f"\nworst growth relative to input growth (cases over 10 ms): {worst:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
