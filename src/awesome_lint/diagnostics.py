"""What rules report: diagnostics with optional fixes made of text edits."""

from __future__ import annotations

from enum import Enum
from operator import attrgetter

from awesome_lint.records import FrozenRecord


class Applicability(str, Enum):
    """How safe a fix is: safe fixes run with ``--fix``, unsafe ones need ``--unsafe-fixes``."""

    SAFE = "safe"
    UNSAFE = "unsafe"


class Edit(FrozenRecord):
    """Replace ``text[start:end]`` of the original text with ``content``.

    Edits sort by ``(start, end, content)``."""

    _fields = ("start", "end", "content")
    __slots__ = _fields
    start: int
    end: int
    content: str

    def __init__(self, start: int, end: int, content: str = "") -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "content", content)

    def __lt__(self, other: Edit) -> bool:
        if other.__class__ is not Edit:
            return NotImplemented
        return (self.start, self.end, self.content) < (other.start, other.end, other.content)

    def __le__(self, other: Edit) -> bool:
        if other.__class__ is not Edit:
            return NotImplemented
        return (self.start, self.end, self.content) <= (other.start, other.end, other.content)

    def __gt__(self, other: Edit) -> bool:
        if other.__class__ is not Edit:
            return NotImplemented
        return (self.start, self.end, self.content) > (other.start, other.end, other.content)

    def __ge__(self, other: Edit) -> bool:
        if other.__class__ is not Edit:
            return NotImplemented
        return (self.start, self.end, self.content) >= (other.start, other.end, other.content)


class Fix(FrozenRecord):
    """A set of edits applied together or not at all.

    ``removes_entries``, ``adds_entries``, ``rewrites_urls`` and ``anchors_only``
    declare what the fixer's invariants must allow: by default a fix keeps every
    entry and every URL. ``anchors_only``: the fix adds, removes or retargets only
    in-document ``#fragment`` links (a table of contents); every other URL stays.
    ``joins_lines``: the fix joins the lines of one entry, so the entry becomes one the
    scanner fully understands (the only change to the parse it may make).
    ``adds_links``: the fix joins that many link texts to their targets (``[x] (url)``),
    so that many more links parse; every other URL stays, in order.
    ``makes_headings``: the fix turns that many one-line paragraphs into ATX headings
    (``#2 Title`` into ``# 2 Title``); every other block, entry and URL stays.
    """

    _fields = (
        "message",
        "edits",
        "applicability",
        "removes_entries",
        "rewrites_urls",
        "adds_entries",
        "anchors_only",
        "joins_lines",
        "adds_links",
        "makes_headings",
    )
    __slots__ = _fields
    message: str
    edits: tuple[Edit, ...]
    applicability: Applicability
    removes_entries: int
    rewrites_urls: bool
    adds_entries: int
    anchors_only: bool
    joins_lines: bool
    adds_links: int
    makes_headings: int

    def __init__(
        self,
        message: str,
        edits: tuple[Edit, ...],
        applicability: Applicability = Applicability.SAFE,
        removes_entries: int = 0,
        rewrites_urls: bool = False,
        adds_entries: int = 0,
        anchors_only: bool = False,
        joins_lines: bool = False,
        adds_links: int = 0,
        makes_headings: int = 0,
    ) -> None:
        set_ = object.__setattr__
        set_(self, "message", message)
        set_(self, "edits", edits)
        set_(self, "applicability", applicability)
        set_(self, "removes_entries", removes_entries)
        set_(self, "rewrites_urls", rewrites_urls)
        set_(self, "adds_entries", adds_entries)
        set_(self, "anchors_only", anchors_only)
        set_(self, "joins_lines", joins_lines)
        set_(self, "adds_links", adds_links)
        set_(self, "makes_headings", makes_headings)

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


class Related(FrozenRecord):
    """Another place that explains a diagnostic (e.g. the first copy of a duplicate)."""

    _fields = ("start", "end", "message")
    __slots__ = _fields
    start: int
    end: int
    message: str

    def __init__(self, start: int, end: int, message: str) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "message", message)


class Diagnostic(FrozenRecord):
    """One finding: rule code and name, message, character span, optional fix."""

    _fields = (
        "code",
        "name",
        "message",
        "start",
        "end",
        "fix",
        "related",
    )
    __slots__ = _fields
    code: str
    name: str
    message: str
    start: int
    end: int
    fix: Fix | None
    related: tuple[Related, ...]

    def __init__(
        self,
        code: str,
        name: str,
        message: str,
        start: int,
        end: int,
        fix: Fix | None = None,
        related: tuple[Related, ...] = (),
    ) -> None:
        set_ = object.__setattr__
        set_(self, "code", code)
        set_(self, "name", name)
        set_(self, "message", message)
        set_(self, "start", start)
        set_(self, "end", end)
        set_(self, "fix", fix)
        set_(self, "related", related)

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.code)


# ``Diagnostic.sort_key`` as a sort key function, without a Python call per finding
by_position = attrgetter("start", "end", "code")
