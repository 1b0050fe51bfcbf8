"""What rules report: diagnostics with optional fixes made of text edits."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Applicability(str, Enum):
    """How safe a fix is: safe fixes run with ``--fix``, unsafe ones need ``--unsafe-fixes``."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, slots=True, order=True)
class Edit:
    """Replace ``text[start:end]`` of the original text with ``content``."""

    start: int
    end: int
    content: str = ""


@dataclass(frozen=True, slots=True)
class Fix:
    """A set of edits applied together or not at all.

    ``removes_entries``, ``adds_entries``, ``rewrites_urls`` and ``anchors_only``
    declare what the fixer's invariants must allow: by default a fix keeps every
    entry and every URL. ``anchors_only``: the fix adds, removes or retargets only
    in-document ``#fragment`` links (a table of contents); every other URL stays.
    ``joins_lines``: the fix joins the lines of one entry, so the entry becomes one the
    scanner fully understands (the only change to the parse it may make).
    """

    message: str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    removes_entries: int = 0
    rewrites_urls: bool = False
    adds_entries: int = 0
    anchors_only: bool = False
    joins_lines: bool = False

    @property
    def start(self) -> int:
        return min(edit.start for edit in self.edits)

    @property
    def end(self) -> int:
        return max(edit.end for edit in self.edits)

    @classmethod
    def replace(
        cls,
        message: str,
        start: int,
        end: int,
        content: str,
        applicability: Applicability = Applicability.SAFE,
        *,
        removes_entries: int = 0,
        rewrites_urls: bool = False,
    ) -> Fix:
        """A fix made of one edit."""
        return cls(
            message, (Edit(start, end, content),), applicability, removes_entries, rewrites_urls
        )


@dataclass(frozen=True, slots=True)
class Related:
    """Another place that explains a diagnostic (e.g. the first copy of a duplicate)."""

    start: int
    end: int
    message: str


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding: rule code and name, message, character span, optional fix."""

    code: str
    name: str
    message: str
    start: int
    end: int
    fix: Fix | None = None
    related: tuple[Related, ...] = field(default=())

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.code)
