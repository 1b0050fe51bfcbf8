"""Regular expressions compiled on first use, not at import.

Compiling a pattern runs Python code (``re._parser``): about 0.1-1 ms each, and a small
list never touches most of the package's patterns (year-bucket headings, badges, licence
sections...). ``lazy_compile(r"...")`` stands for ``re.compile(r"...")``: the first
attribute read (``.match``, ``.sub``, ``.pattern``...) compiles the pattern and keeps that
attribute on the object, so later reads are one dictionary lookup, as cheap as on the
compiled pattern itself. Pass the object only where its methods are called: ``re.sub(X,
...)`` and ``isinstance(X, re.Pattern)`` want a real pattern (use ``X.sub(...)``).
"""

from __future__ import annotations

import re
from typing import Any, cast


class _LazyPattern:
    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # copy/pickle probes and the like: not a pattern's
            raise AttributeError(name)
        value = getattr(re.compile(*self._source), name)  # re caches the compiled pattern
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"lazy_compile({self._source[0]!r}, {self._source[1]!r})"


def lazy_compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done when the pattern is first used."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, int(flags)))
