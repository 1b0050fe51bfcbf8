"""Output formats: one module per family, imported only when its format is used.

``write_report(fmt, results, out, options)`` is the one entry point. The text
formats (``full``, ``concise``, ``grouped``) never import ``json``, ``xml`` or
``hashlib``: a pre-commit hook runs the default format on every commit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import import_module
from typing import TYPE_CHECKING, TextIO, cast

from awesome_lint.records import FrozenRecord

if TYPE_CHECKING:
    from awesome_lint.results import FileResult


class ReportOptions(FrozenRecord):
    """What the command line asked for, as far as reporters care."""

    color: bool
    show_fixes: bool  # with fix_mode: list what was fixed, per file and code
    statistics: bool  # text formats: a count per code instead of each diagnostic
    unsafe_fixes: bool  # whether unsafe fixes are enabled (for `[*]` and the footer)
    fix_mode: bool  # whether --fix ran (results carry `fixed` counts)
    quiet: bool  # text formats: no footer
    root: str | None  # the repository root the paths are relative to (sarif: %SRCROOT%)

    _fields = ("color", "show_fixes", "statistics", "unsafe_fixes", "fix_mode", "quiet", "root")
    __slots__ = _fields

    def __init__(
        self,
        color: bool = False,
        show_fixes: bool = False,
        statistics: bool = False,
        unsafe_fixes: bool = False,
        fix_mode: bool = False,
        quiet: bool = False,
        root: str | None = None,
    ) -> None:
        set_ = object.__setattr__
        set_(self, "color", color)
        set_(self, "show_fixes", show_fixes)
        set_(self, "statistics", statistics)
        set_(self, "unsafe_fixes", unsafe_fixes)
        set_(self, "fix_mode", fix_mode)
        set_(self, "quiet", quiet)
        set_(self, "root", root)


Writer = Callable[[Sequence["FileResult"], TextIO, ReportOptions], None]

# format name -> (module below this package, function name)
_WRITERS: dict[str, tuple[str, str]] = {
    "full": ("text", "write_full"),
    "concise": ("text", "write_concise"),
    "grouped": ("text", "write_grouped"),
    "json": ("json_output", "write_json"),
    "json-lines": ("json_output", "write_json_lines"),
    "github": ("github", "write_github"),
    "sarif": ("sarif", "write_sarif"),
    "junit": ("junit", "write_junit"),
    "rdjson": ("rdjson", "write_rdjson"),
    "gitlab": ("gitlab", "write_gitlab"),
}

FORMATS: tuple[str, ...] = tuple(_WRITERS)
DEFAULT_FORMAT = "full"
TEXT_FORMATS: frozenset[str] = frozenset({"full", "concise", "grouped"})


def write_report(
    fmt: str, results: Sequence[FileResult], out: TextIO, options: ReportOptions
) -> None:
    """Write ``results`` to ``out`` in format ``fmt`` (one of :data:`FORMATS`)."""
    try:
        module_name, function_name = _WRITERS[fmt]
    except KeyError:
        raise ValueError(
            f"unknown output format {fmt!r} (choose from {', '.join(FORMATS)})"
        ) from None
    module = import_module(f"{__name__}.{module_name}")
    writer = cast(Writer, getattr(module, function_name))
    writer(results, out, options)
