"""Path discovery and safe file writing."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

MARKDOWN_SUFFIXES = (".md", ".markdown")


def display_path(path: Path) -> str:
    """The path relative to the working directory when below it, with ``/``."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        rel = str(path)
    if rel.startswith(".."):
        rel = str(path)
    return rel.replace(os.sep, "/")


def matches(relative: str, patterns: Iterable[str]) -> bool:
    """gitignore-like matching of a ``/``-separated relative path against glob patterns."""
    import fnmatch

    name = relative.rsplit("/", 1)[-1]
    for pattern in patterns:
        pat = pattern.rstrip("/")
        if "/" in pat:
            if fnmatch.fnmatch(relative, pat.lstrip("/")) or fnmatch.fnmatch(
                relative, pat.lstrip("/") + "/*"
            ):
                return True
        elif fnmatch.fnmatch(name, pat) or any(
            fnmatch.fnmatch(part, pat) for part in relative.split("/")[:-1]
        ):
            return True
    return False


def walk_markdown(
    directory: Path,
    exclude: Iterable[str],
    root: Path,
    ignored: Callable[[Path, bool], bool] | None = None,
) -> Iterator[Path]:
    """Every Markdown file below ``directory``, skipping hidden folders and exclusions.

    ``ignored(path, is_dir)`` skips more (git-ignored files and folders).
    """
    exclude = list(exclude)
    for folder, dirs, files in os.walk(directory):
        base = Path(folder)
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and not _excluded(base / d, exclude, root)
            and not (ignored is not None and ignored(base / d, True))
        )
        for name in sorted(files):
            if name.lower().endswith(MARKDOWN_SUFFIXES):
                path = base / name
                if not _excluded(path, exclude, root) and not (
                    ignored is not None and ignored(path, False)
                ):
                    yield path


def _excluded(path: Path, exclude: list[str], root: Path) -> bool:
    if not exclude:
        return False
    try:
        relative = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        relative = path.as_posix()
    return matches(relative, exclude)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path``'s content with ``data`` via a temporary file in the same folder.

    A symlink is followed: its target is replaced and the link itself kept. The
    file's permission bits are kept. On any error the original file is untouched.
    """
    import contextlib
    import tempfile

    target = Path(os.path.realpath(path))
    mode = target.stat().st_mode & 0o7777
    # A file without write bits is left alone even by root, who could write it anyway.
    if not mode & 0o222 or not os.access(target, os.W_OK):
        raise PermissionError(13, "file is read-only")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
