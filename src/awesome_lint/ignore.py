"""``.gitignore`` rules for folder walks (inside a git work tree only).

Every ``.gitignore`` from the top of the work tree down to a path's folder applies,
each to paths relative to its own folder; a deeper file's matching pattern (including a
``!negation``) wins over a shallower one, as in git. Patterns are matched by pathspec's
``GitIgnoreSpec``. Global excludes and ``.git/info/exclude`` are not read.
"""

from __future__ import annotations

import os
from pathlib import Path

from pathspec import GitIgnoreSpec


def work_tree_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` that holds ``.git``."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def _spec(folder: Path) -> GitIgnoreSpec | None:
    try:
        lines = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return GitIgnoreSpec.from_lines(lines.splitlines())


class GitIgnore:
    """Answers whether a path below ``root`` (a work tree's top) is git-ignored."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._specs: dict[Path, GitIgnoreSpec | None] = {}  # per walk: edits show next run

    def _spec(self, folder: Path) -> GitIgnoreSpec | None:
        if folder not in self._specs:
            self._specs[folder] = _spec(folder)
        return self._specs[folder]

    def __call__(self, path: Path, is_dir: bool) -> bool:
        """Whether git ignores ``path`` (a folder when ``is_dir``)."""
        absolute = Path(os.path.abspath(path))
        try:
            relative = absolute.relative_to(self.root)
        except ValueError:
            try:
                relative = absolute.resolve().relative_to(self.root)
            except ValueError:
                return False
        parts = relative.parts
        verdict = False
        folder = self.root
        for depth in range(len(parts)):
            spec = self._spec(folder)
            if spec is not None:
                rest = "/".join(parts[depth:]) + ("/" if is_dir else "")
                result = spec.check_file(rest)
                if result.include is not None:
                    verdict = result.include
            folder = folder / parts[depth]
        return verdict
