"""``--changed-since REF``: which lines of which files a branch added or changed.

The base is the merge base of ``REF`` and ``HEAD`` (what a pull request adds). The
comparison is against the working tree, so uncommitted edits count as changes too,
and untracked Markdown files (not ignored) count as wholly new. ``git diff`` runs
with zero context and follows renames: a renamed file's unchanged lines are not new.

Line numbers from git count ``\\n``-terminated lines; they are converted to this
project's lines (where a lone ``\\r`` also ends a line) through character offsets,
so a finding is new exactly when one of the lines it covers was added or changed.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from awesome_lint.diagnostics import Diagnostic, Edit
from awesome_lint.errors import AwesomeLintError
from awesome_lint.source import SourceText

_HUNK = re.compile(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")

# A path's added line ranges in git's numbering: (first line, count), 1-based.
GitRanges = tuple[tuple[int, int], ...]


class GitError(AwesomeLintError):
    """No git, no repository, or an unknown ref."""


def _git(args: Sequence[str], cwd: Path) -> bytes:
    try:
        proc = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise GitError("--changed-since needs git, which is not installed") from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {args[0]} failed")
    return proc.stdout


def repository_root(cwd: Path) -> Path:
    """The top folder of the work tree containing ``cwd``; a one-line error outside one."""
    try:
        out = _git(["rev-parse", "--show-toplevel"], cwd)
    except GitError:
        raise GitError(f"--changed-since: {cwd} is not inside a git repository") from None
    return Path(os.fsdecode(out.rstrip(b"\n")))


def merge_base(ref: str, root: Path) -> str:
    """The merge base of ``ref`` and ``HEAD``, as a commit id."""
    try:
        _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], root)
    except GitError:
        raise GitError(f"--changed-since: unknown git revision {ref!r}") from None
    try:
        out = _git(["merge-base", "--end-of-options", ref, "HEAD"], root)
    except GitError:
        raise GitError(f"--changed-since: {ref!r} and HEAD have no common history") from None
    return out.decode("ascii").strip()


def _unquote(raw: bytes) -> bytes:
    """A path as git prints it: C-quoted (``"a\\tb"``) when it holds special bytes."""
    if not raw.startswith(b'"'):
        return raw
    body = raw[1:-1]
    out = bytearray()
    i = 0
    simple = {b"n": b"\n", b"t": b"\t", b'"': b'"', b"\\": b"\\", b"a": b"\a", b"b": b"\b"}
    simple.update({b"f": b"\f", b"r": b"\r", b"v": b"\v"})
    while i < len(body):
        char = body[i : i + 1]
        if char != b"\\":
            out += char
            i += 1
            continue
        following = body[i + 1 : i + 2]
        if following in simple:
            out += simple[following]
            i += 2
        else:  # octal escape of one byte: \303
            out.append(int(body[i + 1 : i + 4], 8))
            i += 4
    return bytes(out)


def parse_diff(output: bytes) -> dict[str, GitRanges]:
    """Added line ranges per new path from ``git diff -U0`` output (deleted files omitted)."""
    found: dict[str, list[tuple[int, int]]] = {}
    current: list[tuple[int, int]] | None = None
    for line in output.split(b"\n"):
        if line.startswith(b"+++ "):
            target = line[4:].rstrip(b"\r")
            if target == b"/dev/null":
                current = None
            else:
                name = os.fsdecode(_unquote(target))
                current = found.setdefault(name.removeprefix("b/"), [])
        elif line.startswith(b"diff --git "):
            current = None
        elif current is not None and line.startswith(b"@@"):
            match = _HUNK.match(line)
            if match:
                count = 1 if match.group(2) is None else int(match.group(2))
                if count:
                    current.append((int(match.group(1)), count))
    return {name: tuple(ranges) for name, ranges in found.items()}


@dataclass(frozen=True)
class ChangeSet:
    """What changed since the merge base: files (resolved paths) → added line ranges.

    ``None`` as ranges means the whole file is new (untracked).
    """

    root: Path
    base: str
    files: dict[str, GitRanges | None]

    def ranges_for(self, path: Path) -> GitRanges | None:
        """The file's added ranges: ``None`` if wholly new, empty if unchanged."""
        return self.files.get(str(path.resolve()), ())

    def includes(self, path: Path) -> bool:
        return str(path.resolve()) in self.files


def changes_since(ref: str, cwd: Path) -> ChangeSet:
    root = repository_root(cwd)
    base = merge_base(ref, root)
    diff = _git(
        [
            "diff",
            "--no-color",
            "--no-ext-diff",
            "--no-textconv",
            "-U0",
            "-M",
            "--src-prefix=a/",
            "--dst-prefix=b/",
            base,
            "--",
        ],
        root,
    )
    files: dict[str, GitRanges | None] = {
        str((root / name).resolve()): ranges for name, ranges in parse_diff(diff).items() if ranges
    }
    untracked = _git(["ls-files", "-z", "--others", "--exclude-standard"], root)
    for raw in untracked.split(b"\0"):
        if raw:
            files[str((root / os.fsdecode(raw)).resolve())] = None
    return ChangeSet(root, base, files)


def changed_lines(source: SourceText, ranges: GitRanges | None) -> frozenset[int]:
    """The file's own line numbers (1-based) covered by git's added ranges."""
    if ranges is None:
        return frozenset(line.number for line in source.lines)
    text = source.text
    # start offset of each "\n"-terminated line, git's notion of a line
    starts = [0]
    starts.extend(match.end() for match in re.finditer("\n", text))
    out: set[int] = set()
    for first, count in ranges:
        if first > len(starts):
            continue
        begin = starts[first - 1]
        last = min(first + count - 1, len(starts))
        end = starts[last] - 1 if last < len(starts) else len(text)
        first_line = source.position(begin)[0]
        last_line = source.position(max(begin, end))[0]
        out.update(range(first_line, last_line + 1))
    return frozenset(out)


class ChangedRegion:
    """Character spans of a text that are new; followed through the fixer's edits."""

    def __init__(self, source: SourceText, lines: Iterable[int]) -> None:
        spans: list[tuple[int, int]] = []
        for number in sorted(lines):
            line = source.lines[number - 1]
            start, end = line.start, line.next_start
            if spans and spans[-1][1] >= start:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
        self.spans = spans

    def _touches(self, start: int, end: int) -> bool:
        return any(s <= start < e or start <= s < max(end, start + 1) for s, e in self.spans)

    def is_new(self, diagnostic: Diagnostic) -> bool:
        """A finding counts when it, or any place it relates to, lies on a new line."""
        if self._touches(diagnostic.start, diagnostic.end):
            return True
        return any(self._touches(r.start, r.end) for r in diagnostic.related)

    def keep(self, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        return [d for d in diagnostics if self.is_new(d)]

    def snapshot(self) -> ChangedRegion:
        """The region as it is now (``advance`` moves this one on, not the snapshot)."""
        copy = ChangedRegion.__new__(ChangedRegion)
        copy.spans = list(self.spans)
        return copy

    def advance(self, edits: Sequence[Edit]) -> None:
        """Map the spans through sorted, disjoint ``edits`` applied to the text."""
        if not edits:
            return
        out: list[tuple[int, int]] = []
        for start, end in self.spans:
            out.append((_map(start, edits, left=True), _map(end, edits, left=False)))
        self.spans = out


def _map(offset: int, edits: Sequence[Edit], *, left: bool) -> int:
    """Where ``offset`` lands after the edits (text inserted at a span's edge joins the span).

    An offset inside a replaced stretch moves to that edge of the replacement which
    keeps the span as wide as possible.
    """
    shift = 0
    for edit in edits:
        if edit.start == edit.end == offset:
            if left:
                break
            shift += len(edit.content)
        elif edit.end <= offset:
            shift += len(edit.content) - (edit.end - edit.start)
        elif edit.start < offset:
            new_start = edit.start + shift
            return new_start if left else new_start + len(edit.content)
        else:
            break
    return offset + shift
