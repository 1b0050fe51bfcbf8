"""Path discovery and safe file writing."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from awesome_lint.records import FrozenRecord

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

    ``ignored(path, is_dir)`` skips more (git-ignored files and folders). A symlink to a
    file outside ``directory`` is skipped: walking a folder must not fix (or report on) a
    file elsewhere on the machine. Symlinked folders are not entered (``os.walk``'s
    default). A file named on the command line is not walked, so a symlink named there is
    still followed.
    """
    exclude = list(exclude)
    tree = os.path.realpath(directory)
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
                if os.path.islink(path) and not _inside(os.path.realpath(path), tree):
                    continue
                if not _excluded(path, exclude, root) and not (
                    ignored is not None and ignored(path, False)
                ):
                    yield path


def _inside(path: str, tree: str) -> bool:
    return path == tree or path.startswith(tree.rstrip(os.sep) + os.sep)


def _excluded(path: Path, exclude: list[str], root: Path) -> bool:
    if not exclude:
        return False
    try:
        relative = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        relative = path.as_posix()
    return matches(relative, exclude)


class FileChangedError(OSError):
    """The file on disk is no longer the text that was read: writing would lose an edit."""


class Snapshot(FrozenRecord):
    """What a file was when it was read: size, modification time and a content digest.

    A snapshot made by :meth:`of` computes the digest when it is first read (only a fix
    that is written needs it): a check that writes nothing never imports ``hashlib``.
    """

    size: int
    mtime_ns: int
    _digest: bytes | None
    _content: bytes | None  # what the digest is computed from, until it is

    _fields = ("size", "mtime_ns", "digest")
    __slots__ = ("_content", "_digest", "mtime_ns", "size")

    def __init__(self, size: int, mtime_ns: int, digest: bytes) -> None:
        object.__setattr__(self, "size", size)
        object.__setattr__(self, "mtime_ns", mtime_ns)
        object.__setattr__(self, "_digest", digest)
        object.__setattr__(self, "_content", None)

    @classmethod
    def of(cls, data: bytes, stat: os.stat_result) -> Snapshot:
        snapshot = cls(stat.st_size, stat.st_mtime_ns, b"")
        object.__setattr__(snapshot, "_digest", None)
        object.__setattr__(snapshot, "_content", data)
        return snapshot

    @property
    def digest(self) -> bytes:
        if self._digest is None:
            assert self._content is not None
            object.__setattr__(self, "_digest", _digest(self._content))
            object.__setattr__(self, "_content", None)
        assert self._digest is not None
        return self._digest


def _digest(data: bytes) -> bytes:
    import hashlib

    return hashlib.blake2b(data, digest_size=32).digest()


def read_snapshot(path: Path, limit: int) -> tuple[bytes, Snapshot] | None:
    """The file's bytes and a snapshot taken *before* reading (None when over ``limit``).

    The stat comes first, so an edit made while the file is being read changes the
    modification time after it and is caught when the fix is written.
    """
    with path.open("rb") as handle:
        stat = os.fstat(handle.fileno())
        if stat.st_size > limit:
            return None
        data = handle.read(limit + 1)
    if len(data) > limit:
        return None
    return data, Snapshot.of(data, stat)


def _check_unchanged(stat: os.stat_result, current: bytes, expected: Snapshot) -> None:
    if (
        stat.st_size != expected.size
        or stat.st_mtime_ns != expected.mtime_ns
        or _digest(current) != expected.digest
    ):
        raise FileChangedError(
            errno.EAGAIN, "file changed on disk while it was being fixed; nothing written"
        )


def write_atomic(path: Path, data: bytes, expected: Snapshot | None = None) -> None:
    """Replace ``path``'s content with ``data`` via a temporary file in the same folder.

    A symlink is followed: its target is replaced and the link itself kept. The
    file's permission bits are kept, and its owner and group where the user may set
    them. A file with several names (hard links) is written in place instead, so
    that every name still shows the same file. With ``expected``, the file must
    still be what was read (size, modification time, content), else
    :class:`FileChangedError` and nothing is written. On any error the original
    file is untouched.
    """
    import contextlib
    import tempfile

    target = Path(os.path.realpath(path))
    stat = target.stat()
    mode = stat.st_mode & 0o7777
    # A file without write bits is left alone even by root, who could write it anyway.
    if not mode & 0o222 or not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, "file is read-only")
    if stat.st_nlink > 1:
        _write_in_place(target, data, expected)
        return
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        if hasattr(os, "chown"):
            with contextlib.suppress(OSError):
                os.chown(tmp, stat.st_uid, stat.st_gid)
            os.chmod(tmp, mode)  # chown may clear set-user/group-id bits
        if expected is not None:
            # The last moment before the rename: the file must still be what was read.
            _check_unchanged(target.stat(), target.read_bytes(), expected)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _write_in_place(target: Path, data: bytes, expected: Snapshot | None) -> None:
    """Overwrite a hard-linked file through its own inode, checking it first."""
    with target.open("r+b") as handle:
        if expected is not None:
            _check_unchanged(os.fstat(handle.fileno()), handle.read(), expected)
            handle.seek(0)
        handle.write(data)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())
