"""The regex program cache (``lazyre``): what it hands back is what ``re.compile`` gives,
and nothing it reads can make a pattern compile differently."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from awesome_lint import lazyre
from awesome_lint.lazyre import ProgramCache, default_cache_path, lazy_compile, use_program_cache

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "messy-paper-list.md"
PATTERNS = (
    (r"(?P<name>[A-Za-z]+)[ \t]*['’`]?(?P<year>\d\d)(?!\d)", 0),
    (r"[\x2E\u3002\uFF0E\uFF61]", 0),
    (r"(?i)\b(neurips|icml|iclr)\b", 0),
    (r"^(#{1,6})[ \t]+(.*?)[ \t]*$", re.MULTILINE),
    (r"a(?=b)|(c)\1", re.IGNORECASE | re.ASCII),
)
TEXT = "NeurIPS'23, ICML 2024 and iclr 19 — 1。2．3\n## Heading  \nAB cc Cc\n"

needs_cpython = pytest.mark.skipif(
    sys.implementation.name != "cpython", reason="the cache reads CPython's programs only"
)


def _results(pattern: re.Pattern[str]) -> list[object]:
    return [
        pattern.pattern,
        pattern.flags,
        pattern.groups,
        dict(pattern.groupindex),
        [(m.span(), m.groups()) for m in pattern.finditer(TEXT)],
    ]


@needs_cpython
def test_a_second_cache_hands_back_the_patterns_re_compile_gives(tmp_path: Path) -> None:
    path = tmp_path / "programs.marshal"
    first = ProgramCache(str(path))
    for pattern, flags in PATTERNS:
        assert _results(first.compile(pattern, flags)) == _results(re.compile(pattern, flags))
    assert len(first.added) == len(PATTERNS)
    first.save()
    assert path.is_file()
    second = ProgramCache(str(path))
    assert len(second.known) == len(PATTERNS)
    for pattern, flags in PATTERNS:
        compiled = second.compile(pattern, flags)
        assert compiled == re.compile(pattern, flags)
        assert _results(compiled) == _results(re.compile(pattern, flags))
    assert second.added == {}
    modified = path.stat().st_mtime_ns
    second.save()  # nothing new: the file is not written again
    assert path.stat().st_mtime_ns == modified


@needs_cpython
def test_a_damaged_file_is_ignored_and_written_anew(tmp_path: Path) -> None:
    path = tmp_path / "programs.marshal"
    path.write_bytes(b"\x00not a marshal file")
    cache = ProgramCache(str(path))
    assert cache.known == {}
    pattern, flags = PATTERNS[0]
    assert _results(cache.compile(pattern, flags)) == _results(re.compile(pattern, flags))
    cache.save()
    assert list(ProgramCache(str(path)).known) == [(pattern, flags)]


@needs_cpython
def test_a_program_the_matcher_refuses_is_compiled_again(tmp_path: Path) -> None:
    path = tmp_path / "programs.marshal"
    pattern, flags = PATTERNS[0]
    cache = ProgramCache(str(path))
    cache.compile(pattern, flags)
    cache.save()
    header, programs = marshal.loads(path.read_bytes())
    real = programs[(pattern, flags)]
    programs[(pattern, flags)] = (real[0], [999_999, *real[1]], *real[2:])
    path.write_bytes(marshal.dumps((header, programs)))
    damaged = ProgramCache(str(path))
    assert _results(damaged.compile(pattern, flags)) == _results(re.compile(pattern, flags))
    assert damaged.added == {(pattern, flags): real}


@needs_cpython
def test_two_processes_saving_one_file_keep_both_their_programs(tmp_path: Path) -> None:
    # as a forked worker and its parent do: each started from the same file
    path = str(tmp_path / "programs.marshal")
    parent, worker = ProgramCache(path), ProgramCache(path)
    worker.compile(*PATTERNS[0])
    worker.save()
    parent.compile(*PATTERNS[1])
    parent.save()
    assert sorted(ProgramCache(path).known) == sorted(PATTERNS[:2])


@needs_cpython
def test_a_file_of_another_interpreter_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "programs.marshal"
    cache = ProgramCache(str(path))
    pattern, flags = PATTERNS[1]
    cache.compile(pattern, flags)
    cache.save()
    _, programs = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps(("cpython-399 3.99.0", programs)))
    assert ProgramCache(str(path)).known == {}


def test_lazy_patterns_compile_through_the_cache_in_use(tmp_path: Path) -> None:
    pattern = lazy_compile(r"(?P<word>\w+)-(\d)")
    cache = use_program_cache(str(tmp_path / "programs.marshal"))
    try:
        assert pattern.findall("ab-1 cd-2") == [("ab", "1"), ("cd", "2")]
    finally:
        use_program_cache(None)
    assert cache is not None
    if sys.implementation.name == "cpython":
        assert list(cache.added) == [(r"(?P<word>\w+)-(\d)", 0)]
    assert lazyre._PROGRAMS is None


def test_the_cache_folder_is_the_variable_s_or_the_user_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    if sys.implementation.name != "cpython":
        assert default_cache_path() is None
        return
    name = f"regex-{sys.implementation.cache_tag}.marshal"
    monkeypatch.setenv("AWESOME_LINT_CACHE_DIR", str(tmp_path))
    assert default_cache_path() == str(tmp_path / name)
    monkeypatch.setenv("AWESOME_LINT_CACHE_DIR", "")
    assert default_cache_path() is None
    if sys.platform.startswith("linux"):
        monkeypatch.delenv("AWESOME_LINT_CACHE_DIR")
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
        assert default_cache_path() == str(tmp_path / "xdg" / "awesome-lint" / name)
        monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
        monkeypatch.setenv("HOME", str(tmp_path / "home"))
        assert default_cache_path() == str(tmp_path / "home" / ".cache" / "awesome-lint" / name)


def _run_check(folder: str) -> tuple[subprocess.CompletedProcess[str], int]:
    """``check --isolated`` of the example in a fresh interpreter with this cache folder,
    and how many patterns of its own the run compiled with ``re``'s compiler."""
    program = """
import sys
from re import _compiler
import click, markdown_it
calls = []
real = _compiler.compile
_compiler.compile = lambda *args: calls.append(args) or real(*args)
from awesome_lint.cli import main
try:
    main(sys.argv[1:])
finally:
    print(len(calls), file=sys.stderr)
"""
    completed = subprocess.run(
        [sys.executable, "-c", program, "check", "--isolated", "-q", str(EXAMPLE)],
        capture_output=True,
        text=True,
        env={**os.environ, "AWESOME_LINT_CACHE_DIR": folder},
    )
    return completed, int(completed.stderr.strip().splitlines()[-1])


@pytest.mark.skipif(sys.version_info < (3, 11), reason="re._compiler is Python 3.11+")
@needs_cpython
def test_the_command_line_writes_the_cache_once_and_reads_it_after(tmp_path: Path) -> None:
    cold, cold_compiles = _run_check(str(tmp_path))
    files = list(tmp_path.iterdir())
    assert [f.name for f in files] == [f"regex-{sys.implementation.cache_tag}.marshal"]
    modified = files[0].stat().st_mtime_ns
    warm, warm_compiles = _run_check(str(tmp_path))
    assert (warm.returncode, warm.stdout) == (cold.returncode, cold.stdout) == (1, warm.stdout)
    assert warm.stdout.count(" [*] ") > 10
    assert cold_compiles > 50
    # what a warm run still compiles: the patterns of the standard library (gettext's
    # locale) and the odd one written inline, not through lazy_compile
    assert warm_compiles < 5
    assert files[0].stat().st_mtime_ns == modified
    off, off_compiles = _run_check("")
    assert off.stdout == cold.stdout
    assert off_compiles == cold_compiles
