"""Run the linter over files: collect them, then read, lint or fix, and write each.

Which settings apply to a file is :mod:`awesome_lint.config.resolver`'s business.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from awesome_lint.config.loader import Config
from awesome_lint.config.resolver import ConfigResolver, Overrides
from awesome_lint.files import (
    FileChangedError,
    Snapshot,
    display_path,
    read_snapshot,
    walk_markdown,
    write_atomic,
)
from awesome_lint.lazyre import save_programs
from awesome_lint.linting import SPLIT_MIN_CHARS, document_notes, lint_document, lint_in_two
from awesome_lint.parser.build import parse_document
from awesome_lint.results import FileResult
from awesome_lint.source import BOM, DecodeError, SourceText

if TYPE_CHECKING:
    from awesome_lint.changes import ChangedRegion, ChangeSet
    from awesome_lint.netcheck.session import LinkSession

# readme.md is the awesome-list convention (sindresorhus/awesome and its family).
DEFAULT_INCLUDE = ("README.md", "readme.md")
MAX_FILE_BYTES = 64 * 1024 * 1024
PARALLEL_MIN_FILES = 8  # at least this many files per worker process before going parallel


class Runner:
    """One run over files: which files, then each read, linted or fixed, and written.

    The settings come from ``resolver`` (made from ``overrides`` when not given);
    ``changes`` (``--changed-since``) limits what is reported to changed lines.
    """

    def __init__(
        self,
        overrides: Overrides | None = None,
        changes: ChangeSet | None = None,
        resolver: ConfigResolver | None = None,
    ) -> None:
        self.resolver = resolver or ConfigResolver(overrides)
        self.overrides = self.resolver.overrides
        self.changes = changes
        self._links: LinkSession | None = None
        self._links_opened = False
        self.warnings: list[str] = []  # printed by the command line
        # whether a long file's check may split its rules over two processes: set by
        # run_many when files are checked one after the other on a machine with cores to
        # spare (never in a worker, nor for the library API, which runs one file here)
        self.split_lint = False

    def collect(self, paths: Sequence[str], force_exclude: bool) -> list[Path | str]:
        """Expand the arguments into files (a str entry is an error message for that path)."""
        out: list[Path | str] = []
        cwd = Path.cwd()
        if not paths:
            config = self.resolver.config_for(cwd)
            include = config.get_list("include") or list(DEFAULT_INCLUDE)
            seen: set[Path] = set()
            for pattern in include:
                for match in sorted(config.root.glob(pattern)):
                    key = match.resolve()
                    if key not in seen:  # README.md and readme.md are one file on macOS
                        seen.add(key)
                        out.append(match)
            return out
        paths = _expand_globs(paths)
        for arg in paths:
            try:
                self._collect_one(arg, force_exclude, out)
            except OSError as exc:  # e.g. a folder on the way that may not be read
                out.append(f"{arg}: {_os_message(exc)}")
        return out

    def _collect_one(self, arg: str, force_exclude: bool, out: list[Path | str]) -> None:
        path = Path(arg)
        if path.is_dir() and not os.access(path, os.R_OK | os.X_OK):
            out.append(f"{arg}: permission denied")
        elif path.is_dir():
            config = self.resolver.config_for(path)
            exclude = self.resolver.exclude_for(config)
            ignored: Callable[[Path, bool], bool] | None = None
            if config.values.get("respect-gitignore", True):
                from awesome_lint.ignore import GitIgnore, work_tree_root

                top = work_tree_root(path)
                if top is not None:
                    ignored = GitIgnore(top)
            found = list(walk_markdown(path, exclude, config.root, ignored))
            if not found:
                if next(iter(walk_markdown(path, [], config.root)), None) is None:
                    out.append(f"{arg}: is a directory with no Markdown files")
                else:
                    self.warnings.append(f"every Markdown file below {arg} is excluded")
            out.extend(found)
        elif path.exists() or path.is_symlink():
            if force_exclude and self.resolver.is_excluded(path):
                return
            out.append(path)
        elif any(char in arg for char in "*?["):
            out.append(f"{arg}: no file matches this pattern")
        else:
            out.append(f"{arg}: no such file or directory")

    def run_file(self, path: Path, *, fix: bool, diff: bool) -> tuple[FileResult, str]:
        """Check or fix one file; return its result and its diff text (if asked)."""
        name = display_path(path)
        try:
            if path.is_dir():
                return FileResult(name, None, error="is a directory"), ""
            read = read_snapshot(path, MAX_FILE_BYTES)
            if read is None:
                return FileResult(name, None, error="file too large (over 64 MiB)"), ""
        except OSError as exc:
            return FileResult(name, None, error=_os_message(exc)), ""
        data, snapshot = read
        config = self.resolver.config_for(path.parent)
        return self.run_bytes(
            data, name, path, config, fix=fix, diff=diff, write=True, snapshot=snapshot
        )

    def run_bytes(
        self,
        data: bytes,
        name: str,
        path: Path | None,
        config: Config,
        *,
        fix: bool,
        diff: bool,
        write: bool,
        snapshot: Snapshot | None = None,
    ) -> tuple[FileResult, str]:
        """Check or fix ``data``; with ``write``, write the fix to ``path``.

        ``snapshot`` is what ``path`` was when ``data`` was read: the fix is written
        only if the file is still exactly that (an edit made meanwhile is never lost).
        """
        try:
            source = SourceText.from_bytes(data)
        except DecodeError as exc:
            return FileResult(name, None, error=str(exc)), ""
        settings = self.resolver.settings_for(path, config)
        region = self._changed_region(path, source)
        session = self.link_session()
        document = None
        if session is not None and session.wanted_by(settings):
            document = parse_document(source)
            settings.link_facts = session.facts_for(document)
        if not fix and not diff:
            if document is None:
                document = parse_document(source)  # what lint_text does, keeping the document
            found = None
            if self.split_lint and session is None and len(source.text) >= SPLIT_MIN_CHARS:
                found = lint_in_two(document, settings, name)
            if found is None:
                found = lint_document(document, settings, name)
            if any(diagnostic.fix is not None for diagnostic in found):
                # the fixer (its module is not imported for a file with nothing to fix)
                from awesome_lint.fixer import verified_fixes

                found = verified_fixes(document, found)
            kept = region.keep(found) if region else found
            return (
                FileResult(
                    name,
                    source,
                    kept,
                    severities=settings.severities,
                    notes=document_notes(document),
                ),
                "",
            )
        from awesome_lint.fixer import fix_text

        parallel = self.split_lint and session is None
        outcome = fix_text(
            source,
            settings,
            name,
            region=region,
            split=diff and parallel,
            parallel=parallel,
            keep_initial=diff,  # (--fix reads only the fixed text's list)
        )
        changed = outcome.source is not source
        # --diff reports against the original text (nothing is written): what
        # lint_text(source, ...) returns; read only the list that is reported
        original = diff and changed
        if original:
            outcome.only_initial()  # (the fixed text's document is let go first)
        result = FileResult(
            name,
            source if original else outcome.source,
            outcome.initial if original else outcome.diagnostics,
            severities=settings.severities,
            notes=outcome.notes,
        )
        result.fixed = 0 if original else sum(outcome.fixed.values())
        result.fixed_codes = dict(outcome.fixed)
        patch = ""
        if changed:
            result.original = source
            if diff:
                patch = unified_diff(source, outcome.source, name)
            elif write and path is not None:
                try:
                    write_atomic(path, outcome.source.encode(), snapshot)
                except FileChangedError:
                    return FileResult(
                        name, source, error="changed on disk while being fixed; not written"
                    ), ""
                except OSError as exc:
                    return FileResult(name, source, error=f"cannot write: {_os_message(exc)}"), ""
        return result, patch

    def _changed_region(self, path: Path | None, source: SourceText) -> ChangedRegion | None:
        changes = self.changes
        if changes is None or path is None:
            return None
        from awesome_lint.changes import ChangedRegion, changed_lines

        return ChangedRegion(source, changed_lines(source, changes.ranges_for(path)))

    def run_many(
        self, items: Sequence[Path | str], *, fix: bool, diff: bool
    ) -> list[tuple[FileResult, str]]:
        """Run every file, in order; many files are spread over the CPU's cores."""
        files = [item for item in items if isinstance(item, Path)]
        jobs = min(usable_cpus(), len(files) // PARALLEL_MIN_FILES)
        session = self.link_session()
        if session is not None:
            # one network run for the links of all files; then lint in this process,
            # which holds what the run found (one file needs no separate first pass)
            jobs = 0
            if len(files) > 1:
                for path in files:
                    if session.wanted_by(self.resolver.settings_for(path)):
                        session.add_file(path)
                session.check_added()
        done: dict[int, tuple[FileResult, str]] = {}
        self.split_lint = jobs <= 1 and session is None and usable_cpus() > 1
        if jobs > 1:
            done = dict(zip(map(id, files), self._parallel(files, fix, diff, jobs), strict=True))
        out: list[tuple[FileResult, str]] = []
        for item in items:
            if isinstance(item, str):
                name, _, message = item.rpartition(": ")
                out.append((FileResult(name, None, error=message), ""))
            elif id(item) in done:
                out.append(done[id(item)])
            else:
                if out and not gc.isenabled():
                    gc.collect()  # the last file's document (the command line runs without
                    # automatic collection: one file's cycles are freed before the next)
                out.append(self.run_file(item, fix=fix, diff=diff))
        return out

    def _parallel(
        self, files: list[Path], fix: bool, diff: bool, jobs: int
    ) -> list[tuple[FileResult, str]]:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        chunk = max(1, len(files) // (jobs * 4))
        with ProcessPoolExecutor(
            jobs,
            mp_context=context,
            initializer=_init_worker,
            initargs=(self.overrides, self.changes),
        ) as pool:
            return list(
                pool.map(_work, files, [fix] * len(files), [diff] * len(files), chunksize=chunk)
            )

    def link_session(self) -> LinkSession | None:
        """The link checker of this run (None without --check-links or `links = true`).

        Its `[links]` settings come from the configuration of the working directory: one
        network run, cache and time budget serve every file.
        """
        if not self._links_opened:
            o = self.overrides
            table = self.resolver.config_for(Path.cwd()).values.get("links", {})
            if o.check_links or table.get("enabled"):
                from awesome_lint.netcheck.session import open_session

                self._links = open_session(table, o.check_links, o.links_timeout, o.link_cache)
            # else no session: the link checker's modules are not even imported
            self._links_opened = True
        return self._links


def usable_cpus() -> int:
    """The CPUs this process may run on: under ``taskset -c 0`` (or a container's CPU
    set) that is fewer than the machine has, and two workers sharing one core are
    slower than one (``os.cpu_count()`` counts the machine's)."""
    getaffinity = getattr(os, "sched_getaffinity", None)
    if getaffinity is not None:
        try:
            return max(1, len(getaffinity(0)))
        except OSError:
            pass
    return os.cpu_count() or 1


_WORKER: Runner | None = None


def _init_worker(overrides: Overrides, changes: ChangeSet | None) -> None:
    global _WORKER
    _WORKER = Runner(overrides, changes)


def _work(path: Path, fix: bool, diff: bool) -> tuple[FileResult, str]:
    assert _WORKER is not None
    if not gc.isenabled():
        gc.collect()  # the previous file's document (cheap when there was none)
    done = _WORKER.run_file(path, fix=fix, diff=diff)
    save_programs()  # patterns this worker compiled first (a forked worker never saves else)
    return done


def unified_diff(before: SourceText, after: SourceText, name: str) -> str:
    """The diff of two texts as they are written (with the BOM, if any)."""
    from awesome_lint.diffing import unified_diff as diff_texts

    # (the text itself, not decoded again from its bytes: a copy of each side, four
    # bytes a character when the file holds an emoji, made the diff the peak of memory)
    return diff_texts(_written(before), _written(after), name)


def _written(source: SourceText) -> str:
    return BOM + source.text if source.bom else source.text


def _expand_globs(paths: Sequence[str]) -> list[str]:
    """A quoted glob (``"papers/*.md"``, ``"**/*.md"``) that names no file is expanded here,
    as a shell would; one that matches nothing stays, and is reported as not found."""
    out: list[str] = []
    for arg in paths:
        if not any(char in arg for char in "*?[") or Path(arg).exists():
            out.append(arg)
            continue
        import glob  # only for a pattern: a plain path list never needs it

        found = sorted(glob.glob(arg, recursive=True))
        out.extend(found or [arg])
    return out


def _os_message(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower() if exc.strerror else str(exc)
