"""Regular expressions compiled on first use, not at import, and kept between runs.

Compiling a pattern runs Python code (``re._parser``): about 0.1-1 ms each, and a small
list never touches most of the package's patterns (year-bucket headings, badges, licence
sections...). ``lazy_compile(r"...")`` stands for ``re.compile(r"...")``: the first
attribute read (``.match``, ``.sub``, ``.pattern``...) compiles the pattern and keeps that
attribute on the object, so later reads are one dictionary lookup, as cheap as on the
compiled pattern itself. Pass the object only where its methods are called: ``re.sub(X,
...)`` and ``isinstance(X, re.Pattern)`` want a real pattern (use ``X.sub(...)``).

A small list still uses most of the patterns it does touch once, so compiling them was a
third of a small list's run above the cost of importing click and markdown-it-py. The
command line therefore keeps what compiling produced, the matcher's program (a list of
integers), in a file of the user cache folder (:func:`use_program_cache`); the next run
hands each program straight to the matcher (``_sre.compile``, which checks a program
before taking it) and skips the parser. A program is stored only after the pattern it
gives compares equal (same flags, same program) to ``re.compile``'s, and the file is
tied to the interpreter's exact version and the matcher's format: another Python, a
damaged file or an entry the matcher refuses only means compiling as usual.
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any, cast

from awesome_lint.codecache import cache_folder, read_cache_file, write_cache_file

# A program: (flags, code, groups, groupindex, indexgroup), the arguments after the
# pattern of ``_sre.compile``.
Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
# Beyond this many programs the file starts over with those of the current run (a
# pattern built from configured words changes when the words do).
_MAX_PROGRAMS = 2000


class _LazyPattern:
    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # copy/pickle probes and the like: not a pattern's
            raise AttributeError(name)
        value = getattr(_compile(*self._source), name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"lazy_compile({self._source[0]!r}, {self._source[1]!r})"


def lazy_compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done when the pattern is first used."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, int(flags)))


class ProgramCache:
    """The matcher's programs of the patterns compiled so far, read from and written to
    one file; see the module's docstring."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.known: dict[tuple[str, int], Program] = {}
        self.added: dict[tuple[str, int], Program] = {}
        # the matcher, the parser and the compiler ``re`` itself imported
        self._sre: Any = sys.modules.get("_sre")
        self._parser: Any = sys.modules.get("re._parser") or sys.modules.get("sre_parse")
        self._compiler: Any = sys.modules.get("re._compiler") or sys.modules.get("sre_compile")
        self.header = " ".join(
            (
                sys.implementation.cache_tag or "",
                sys.version,
                *(str(getattr(self._sre, name, "")) for name in ("MAGIC", "CODESIZE", "MAXGROUPS")),
            )
        )
        if self._sre is None or self._parser is None or self._compiler is None:
            self._sre = None  # nothing is read, stored or written
            return
        self.known = self._read()

    def _read(self) -> dict[tuple[str, int], Program]:
        """The programs of the file (none when it is missing, damaged or another
        interpreter's)."""
        return read_cache_file(self.path, self.header)

    def compile(self, pattern: str, flags: int) -> re.Pattern[str]:
        flags = int(flags)  # a RegexFlag is no value marshal writes
        key = (pattern, flags)
        program = self.known.get(key)
        if program is not None:
            try:
                return cast("re.Pattern[str]", self._sre.compile(pattern, *program))
            except Exception:  # a program the matcher refuses (a damaged file)
                del self.known[key]
        compiled = re.compile(pattern, flags)
        program = self._program(pattern, flags)
        if program is not None:
            try:
                again = self._sre.compile(pattern, *program)
            except Exception:
                return compiled
            if (
                again == compiled
                and again.groups == compiled.groups
                and again.groupindex == compiled.groupindex
            ):
                self.added[key] = program
        return compiled

    def _program(self, pattern: str, flags: int) -> Program | None:
        """What ``re.compile`` hands the matcher for this pattern, or None when this
        interpreter's compiler is not the one this function knows."""
        if self._sre is None:
            return None
        try:
            parsed = self._parser.parse(pattern, flags)
            code = [int(op) for op in self._compiler._code(parsed, flags)]
            state = parsed.state
            groupindex = dict(state.groupdict)
            indexgroup: list[str | None] = [None] * state.groups
            for name, index in groupindex.items():
                indexgroup[index] = name
            return (int(flags | state.flags), code, state.groups - 1, groupindex, tuple(indexgroup))
        except Exception:
            return None

    def save(self) -> None:
        """Write the file when this process compiled a pattern it did not hold, with what
        the file holds now (a worker or forked process may have written it meanwhile);
        atomically: another run reads either the old file or the new one. Errors are
        ignored."""
        if not self.added or self._sre is None:
            return
        programs = self._read()
        programs.update(self.known)
        if len(programs) + len(self.added) > _MAX_PROGRAMS:
            programs = {}
        programs.update(self.added)
        self.known.update(self.added)
        self.added = {}
        write_cache_file(self.path, self.header, programs)


_PROGRAMS: ProgramCache | None = None


def _compile(pattern: str, flags: int) -> re.Pattern[str]:
    if _PROGRAMS is None:
        return re.compile(pattern, flags)
    return _PROGRAMS.compile(pattern, flags)


def default_cache_path() -> str | None:
    """The program cache file: one file per interpreter in the command line's cache
    folder (``codecache.cache_folder``: ``$AWESOME_LINT_CACHE_DIR``, empty for no cache,
    else the user cache folder); None without one, or for an interpreter other than
    CPython, whose compiled patterns this module cannot read."""
    if sys.implementation.name != "cpython":
        return None
    folder = cache_folder()
    if folder is None:
        return None
    return os.path.join(folder, f"regex-{sys.implementation.cache_tag}.marshal")


def save_programs() -> None:
    """Save the program cache in use, if any and if it grew: for worker processes, which
    do not return through the command line's ``main``."""
    if _PROGRAMS is not None:
        _PROGRAMS.save()


def use_program_cache(path: str | None) -> ProgramCache | None:
    """Compile patterns through the program cache at ``path`` from now on (None: as
    ``re.compile`` does); the caller saves it (``.save()``) when the run ends."""
    global _PROGRAMS
    _PROGRAMS = None if path is None else ProgramCache(path)
    return _PROGRAMS
