"""Per-file results handed from the API to the reporters."""

from __future__ import annotations

from dataclasses import dataclass, field

from awesome_lint.diagnostics import Applicability, Diagnostic
from awesome_lint.source import SourceText


@dataclass
class FileResult:
    """The outcome of checking (and maybe fixing) one file.

    ``source`` is the text the diagnostics' offsets refer to: after ``--fix`` it is
    the fixed text, so remaining diagnostics point into what is now on disk.
    ``error`` is set (and ``source`` may be None) when the file could not be checked.
    """

    filename: str
    source: SourceText | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fixed: int = 0  # number of fixes applied
    original: SourceText | None = None  # the text before fixing, when it changed
    error: str | None = None
    fixed_codes: dict[str, int] = field(default_factory=dict)  # fixes applied, per rule code
    notes: list[str] = field(default_factory=list)  # e.g. a part too deeply nested to check
    severities: dict[str, str] = field(default_factory=dict)  # by rule code; default "error"

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
