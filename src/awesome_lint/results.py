"""Per-file results handed from the API to the reporters."""

from __future__ import annotations

from awesome_lint.diagnostics import Applicability, Diagnostic
from awesome_lint.records import Record
from awesome_lint.source import SourceText


class FileResult(Record):
    """The outcome of checking (and maybe fixing) one file.

    ``source`` is the text the diagnostics' offsets refer to: after ``--fix`` it is
    the fixed text, so remaining diagnostics point into what is now on disk.
    ``error`` is set (and ``source`` may be None) when the file could not be checked.
    """

    filename: str
    source: SourceText | None
    diagnostics: list[Diagnostic]
    fixed: int  # number of fixes applied
    original: SourceText | None  # the text before fixing, when it changed
    error: str | None
    fixed_codes: dict[str, int]  # fixes applied, per rule code
    notes: list[str]  # e.g. a part too deeply nested to check
    severities: dict[str, str]  # by rule code; default "error"

    _fields = (
        "filename",
        "source",
        "diagnostics",
        "fixed",
        "original",
        "error",
        "fixed_codes",
        "notes",
        "severities",
    )
    __slots__ = _fields

    def __init__(
        self,
        filename: str,
        source: SourceText | None,
        diagnostics: list[Diagnostic] | None = None,
        fixed: int = 0,
        original: SourceText | None = None,
        error: str | None = None,
        fixed_codes: dict[str, int] | None = None,
        notes: list[str] | None = None,
        severities: dict[str, str] | None = None,
    ) -> None:
        self.filename = filename
        self.source = source
        self.diagnostics = [] if diagnostics is None else diagnostics
        self.fixed = fixed
        self.original = original
        self.error = error
        self.fixed_codes = {} if fixed_codes is None else fixed_codes
        self.notes = [] if notes is None else notes
        self.severities = {} if severities is None else severities

    def severity(self, code: str) -> str:
        """``error``, ``warning`` or ``info``, as resolved for the file (the configured
        ``severity``, else the rule's own default, e.g. AL803 is a warning)."""
        return self.severities.get(code, "error")

    def failing(self, *, strict: bool) -> bool:
        """Whether the remaining findings fail the run (warnings and infos only with strict)."""
        if strict:
            return bool(self.diagnostics)
        return any(self.severity(d.code) == "error" for d in self.diagnostics)

    @property
    def changed(self) -> bool:
        return self.original is not None

    def fixable(self, *, unsafe: bool) -> int:
        """How many remaining diagnostics a fix run would fix."""
        allowed = {Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE}
        return sum(
            1 for d in self.diagnostics if d.fix is not None and d.fix.applicability in allowed
        )
