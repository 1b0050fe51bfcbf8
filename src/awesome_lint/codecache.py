"""The command line's own modules, served from one file of code objects.

Python finds and loads each module of the package on its own: it asks each finder on
``sys.meta_path``, looks the name up in the package folder, works out the
``__pycache__`` file's name, opens and reads it, checks its header against the source
and unmarshals the code. A small list's run imports about 130 of the package's modules,
so that machinery was about a quarter of the run's cost above importing click and
markdown-it-py (see ``CHANGELOG.md`` for the figures).

The command line (``__main__``, before it imports anything of the package) installs a
:class:`CodeCache`: one file in the user cache folder, read with one ``read``, holding
each module's compiled code as marshalled bytes beside the size and modification time
(in nanoseconds) of the source it was compiled from. A module is served from it only
when its source file still has exactly that size and time, the check Python makes
before it trusts a ``.pyc`` file (with the time at a finer grain); anything else (a
module that is new, edited, deleted or missing from the file, a damaged file, another
interpreter's or another installation's file) goes to Python's own import machinery as
if the cache were not there, and the file is written anew when the run ends.

Only the code comes from the file. The module is a normal source module: its spec,
``__file__``, ``__path__``, resources, source lines in tracebacks and ``inspect`` are
those of ``importlib.machinery.SourceFileLoader``. Like the regex program cache
(``lazyre``), the file lives in ``$AWESOME_LINT_CACHE_DIR`` (empty: no cache) or the
user cache folder, and nothing is written when Python was asked not to write bytecode
(``PYTHONDONTWRITEBYTECODE``, ``-B``). This module imports only what the interpreter has
loaded before any package code runs.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec, SourceFileLoader
from types import CodeType, ModuleType
from typing import Any

PACKAGE = "awesome_lint"
# Bumped when the layout of the file changes.
_FORMAT = 1
# (source path relative to the package folder, source size, source mtime in ns,
# whether the module is a package, marshalled code)
Entry = tuple[str, int, int, bool, bytes]


def cache_folder() -> str | None:
    """The folder of the command line's caches: ``$AWESOME_LINT_CACHE_DIR`` (empty: no
    cache), else the user cache folder (as the link cache's); None when there is none.
    (Paths as strings: ``pathlib`` would import ``urllib.parse`` for every library user.)"""
    folder = os.environ.get("AWESOME_LINT_CACHE_DIR")
    if folder is not None:
        return folder or None
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return os.path.join(local, "awesome-lint", "Cache") if local else None
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    home = os.path.expanduser("~")
    if sys.platform != "darwin" and os.path.isabs(xdg):
        return os.path.join(xdg, "awesome-lint")
    if home == "~":  # no home folder
        return None
    if sys.platform == "darwin":
        return os.path.join(home, "Library", "Caches", "awesome-lint")
    return os.path.join(home, ".cache", "awesome-lint")


def default_cache_path(package_folder: str) -> str | None:
    """The code cache file of the package installed in ``package_folder``, for this
    interpreter; None without a cache folder or on an interpreter other than CPython
    (whose code objects the file would not hold)."""
    folder = cache_folder()
    if folder is None or sys.implementation.name != "cpython":
        return None
    # one file per installation: two virtual environments do not overwrite each other's
    tag = format(_fnv1a(package_folder), "08x")
    return os.path.join(folder, f"code-{sys.implementation.cache_tag}-{tag}.marshal")


def _fnv1a(text: str) -> int:
    """A 32-bit FNV-1a hash of ``text``: stable between runs, unlike ``hash``, and with
    no module to import (``zlib`` is a shared library on most systems)."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8", "surrogatepass"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def read_cache_file(path: str, header: tuple[Any, ...] | str) -> dict[Any, Any]:
    """The table of a cache file written by :func:`write_cache_file` with this header;
    an empty one when the file is missing, damaged or another interpreter's (or another
    layout's: the header says which)."""
    try:
        with open(path, "rb") as file:
            data = marshal.loads(file.read())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if isinstance(data, tuple) and len(data) == 2 and data[0] == header:
        table = data[1]
        if isinstance(table, dict):
            return table
    return {}


def write_cache_file(path: str, header: tuple[Any, ...] | str, table: dict[Any, Any]) -> None:
    """Write ``(header, table)`` to ``path`` atomically (another run reads the old file
    or the new one), making its folder; errors are ignored (a cache is only a cache)."""
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        with open(temporary, "wb") as file:
            file.write(marshal.dumps((header, table)))
        os.replace(temporary, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.remove(temporary)


class _CachedLoader(SourceFileLoader):
    """A source module's loader whose code comes from the cache file."""

    def __init__(self, fullname: str, path: str, cache: CodeCache, code: bytes) -> None:
        super().__init__(fullname, path)
        self._cache = cache
        self._code = code

    def get_code(self, fullname: str) -> CodeType:
        if fullname == self.name and self._code:
            data, self._code = self._code, b""  # (read once: the bytes are not kept)
            try:
                code = marshal.loads(data)
            except (ValueError, EOFError, TypeError):
                code = None
            if isinstance(code, CodeType):
                return code
            self._cache.missed = True
        return super().get_code(fullname)  # type: ignore[return-value]


class CodeCache:
    """The package's code objects from one file (see the module's docstring); an object
    of ``sys.meta_path`` while installed."""

    def __init__(self, path: str, package_folder: str, package: str = PACKAGE) -> None:
        self.path = path
        self.folder = package_folder
        self.prefix = package + "."  # the modules served: the package's submodules
        self.header = (
            _FORMAT,
            sys.version,
            sys.implementation.cache_tag,
            sys.flags.optimize,
            package_folder,
        )
        self.entries: dict[str, Entry] = self._read()
        # whether a module of the package came from Python's own machinery this run
        # (the file is written anew when the run ends)
        self.missed = not self.entries

    def _read(self) -> dict[str, Entry]:
        return read_cache_file(self.path, self.header)

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if not fullname.startswith(self.prefix):
            return None
        # (taken out: its bytes go with the loader, and are not kept once read)
        entry = self.entries.pop(fullname, None)
        if entry is None:
            self.missed = True
            return None
        relative, size, mtime_ns, is_package, code = entry
        origin = os.path.join(self.folder, relative)
        try:
            stat = os.stat(origin)
        except OSError:
            stat = None
        if stat is None or stat.st_size != size or stat.st_mtime_ns != mtime_ns:
            self.missed = True  # new, edited or gone: Python's own finders decide
            return None
        loader = _CachedLoader(fullname, origin, self, code)
        spec = ModuleSpec(fullname, loader, origin=origin, is_package=is_package)
        spec.has_location = True
        if is_package:
            spec.submodule_search_locations = [os.path.dirname(origin)]
        return spec

    def save(self) -> None:
        """Write the file anew when a module of the package was not served from it: the
        code of every module of the package that is loaded now, and of those the file
        held whose source is unchanged. Atomically (another run reads the old file or
        the new one); errors are ignored, and nothing is written when Python was asked
        not to write bytecode."""
        if not self.missed or sys.dont_write_bytecode:
            return
        entries: dict[str, Entry] = {}
        for name, (relative, size, mtime_ns, is_package, code) in self._read().items():
            stat = _stat(os.path.join(self.folder, relative))
            if stat is not None and stat == (size, mtime_ns):
                entries[name] = (relative, size, mtime_ns, is_package, code)
        for name, module in list(sys.modules.items()):
            if name.startswith(self.prefix) and name not in entries:
                entry = self._entry(name, module)
                if entry is not None:
                    entries[name] = entry
        self.entries = {}
        self.missed = False
        write_cache_file(self.path, self.header, entries)

    def _entry(self, name: str, module: ModuleType) -> Entry | None:
        """The entry of a loaded module of the package's folder, or None (a module
        loaded another way: from a zip file, a namespace, a test's stand-in)."""
        spec = getattr(module, "__spec__", None)
        loader = getattr(spec, "loader", None)
        origin = getattr(spec, "origin", None)
        if not isinstance(loader, SourceFileLoader) or not isinstance(origin, str):
            return None
        relative = os.path.relpath(origin, self.folder)
        if relative.startswith(os.pardir) or not relative.endswith(".py"):
            return None
        # the source's size and time are read before the code, so that an edit made
        # meanwhile leaves the entry older than the source (a miss), never the reverse
        stat = _stat(origin)
        if stat is None:
            return None
        try:
            code = loader.get_code(name)
        except (ImportError, OSError, SyntaxError, ValueError):
            return None
        if code is None:
            return None
        is_package = spec.submodule_search_locations is not None  # type: ignore[union-attr]
        return (relative, stat[0], stat[1], is_package, marshal.dumps(code))


def _stat(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


_INSTALLED: CodeCache | None = None


def install(package_folder: str) -> CodeCache | None:
    """Serve the package's modules from its code cache from now on (the command line
    calls this before it imports anything else of the package); None when there is no
    cache folder."""
    global _INSTALLED
    if _INSTALLED is None:
        path = default_cache_path(package_folder)
        if path is None:
            return None
        _INSTALLED = CodeCache(path, package_folder)
        sys.meta_path.insert(0, _INSTALLED)
    return _INSTALLED


def uninstall() -> None:
    """Stop serving modules from the code cache (nothing is written)."""
    global _INSTALLED
    if _INSTALLED is not None:
        with contextlib.suppress(ValueError):
            sys.meta_path.remove(_INSTALLED)
        _INSTALLED = None


def save_installed() -> None:
    """Write the installed code cache if the run loaded a module it did not hold."""
    if _INSTALLED is not None:
        _INSTALLED.save()
