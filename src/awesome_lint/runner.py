"""Run the linter over files: settings per file, read, lint or fix, write, collect results."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from awesome_lint.api import document_notes, fix_text, lint_document, verified_fixes
from awesome_lint.config import selectors
from awesome_lint.config.loader import (
    Config,
    ConfigError,
    discover,
    load_file,
    parse_config_text,
    validate,
)
from awesome_lint.files import (
    FileChangedError,
    Snapshot,
    display_path,
    matches,
    read_snapshot,
    walk_markdown,
    write_atomic,
)
from awesome_lint.parser.build import parse_document
from awesome_lint.results import FileResult
from awesome_lint.settings import Settings
from awesome_lint.source import DecodeError, SourceText

if TYPE_CHECKING:
    from awesome_lint.changes import ChangedRegion, ChangeSet
    from awesome_lint.netcheck.session import LinkSession

# readme.md is the awesome-list convention (sindresorhus/awesome and its family).
DEFAULT_INCLUDE = ("README.md", "readme.md")
MAX_FILE_BYTES = 64 * 1024 * 1024
PARALLEL_MIN_FILES = 8  # at least this many files per worker process before going parallel


@dataclass
class Overrides:
    """What the command line says; None means 'not given'."""

    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    unsafe_fixes: bool | None = None
    config_file: Path | None = None
    config_values: dict[str, Any] = field(default_factory=dict)
    isolated: bool = False
    check_links: bool = False  # --check-links
    links_timeout: float | None = None  # --links-timeout (seconds for the whole check)
    link_cache: Path | None = None  # --link-cache
    changes: ChangeSet | None = None  # --changed-since: report only on these lines
    exclude: list[str] | None = None  # --exclude: replaces the configuration's
    extend_exclude: list[str] = field(default_factory=list)  # --extend-exclude


def parse_config_options(values: Sequence[str], overrides: Overrides) -> None:
    """``--config PATH`` selects a file; ``--config "key = value"`` overrides one key."""
    for value in values:
        path = Path(value)
        is_file = _is_file(path)
        if value.endswith(".toml") and not is_file:
            raise ConfigError(f"--config {value}: file not found")
        if is_file:
            if overrides.isolated:
                raise ConfigError(
                    f"--config {value}: --isolated ignores all configuration files; "
                    'pass settings as --config "key = value" instead'
                )
            overrides.config_file = path
        else:
            snippet = validate(parse_config_text(value, value), f"--config {value!r}")
            known = overrides.config_values
            for key, item in snippet.items():
                if key == "links" and key in known:  # several links.* overrides add up
                    item = {**known[key], **item}
                known[key] = item


def _is_file(path: Path) -> bool:
    """``Path.is_file`` that says no instead of raising (a long inline ``--config`` value
    is not a file name: ``OSError: File name too long``)."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


class Runner:
    def __init__(self, overrides: Overrides) -> None:
        self.overrides = overrides
        self._configs: dict[Path, Config] = {}
        self._fixed_config: Config | None = None
        self._links: LinkSession | None = None
        self._links_opened = False
        self.warnings: list[str] = []  # printed by the command line
        if overrides.isolated:
            self._fixed_config = Config()
        elif overrides.config_file is not None:
            self._fixed_config = load_file(overrides.config_file)

    def config_for(self, directory: Path) -> Config:
        base = self._fixed_config
        if base is None:
            key = directory.resolve()
            base = self._configs.get(key)
            if base is None:
                base = discover(key)
                self._configs[key] = base
        if not self.overrides.config_values:
            return base
        values = dict(base.values)
        for name, value in self.overrides.config_values.items():
            if name == "links":
                value = {**values.get("links", {}), **value}
            elif name == "rules":
                rules = {code: dict(opts) for code, opts in values.get("rules", {}).items()}
                for code, opts in value.items():
                    rules.setdefault(code, {}).update(opts)
                value = rules
            values[name] = value
        return Config(values, base.path)

    def settings_for(self, path: Path | None, config: Config) -> Settings:
        o = self.overrides
        if o.select is not None:
            # --select starts afresh: the config's own selection does not apply
            select: list[str] | None = o.select
            extend = list(o.extend_select)
            ignore = list(o.ignore)
        else:
            select = config.get_list("select")
            extend = [*(config.get_list("extend-select") or []), *o.extend_select]
            ignore = [*(config.get_list("ignore") or []), *o.ignore]
            profile = config.values.get("profile")
            if profile is not None:
                from awesome_lint.rules import RULES

                extend.extend(rule.code for rule in RULES if profile in rule.profiles)
        if path is not None:
            relative = _relative(path, config.root)
            for pattern, codes in config.values.get("per-file-ignores", {}).items():
                if matches(relative, [pattern]):
                    ignore.extend(codes)
        rules = selectors.resolve(select, extend, ignore)
        fixable_list = config.get_list("fixable")
        fixable = (
            None
            if fixable_list is None
            else frozenset(
                code for sel in fixable_list for code in selectors.expand(sel, for_ignore=True)
            )
        )
        unfixable = frozenset(
            code
            for sel in config.get_list("unfixable") or []
            for code in selectors.expand(sel, for_ignore=True)
        )
        unsafe = o.unsafe_fixes
        if unsafe is None:
            unsafe = bool(config.values.get("unsafe-fixes", False))
        options: dict[str, dict[str, Any]] = {}
        # a rule's own default (AL803 is a warning), then the configuration's
        severities: dict[str, str] = {
            rule.code: rule.severity for rule in rules if rule.severity != "error"
        }
        for code, values in config.values.get("rules", {}).items():
            options[code] = {k: v for k, v in values.items() if k != "severity"}
            if "severity" in values:
                severities[code] = values["severity"]
        return Settings(rules, options, fixable, unfixable, unsafe, severities=severities)

    def collect(self, paths: Sequence[str], force_exclude: bool) -> list[Path | str]:
        """Expand the arguments into files (a str entry is an error message for that path)."""
        out: list[Path | str] = []
        cwd = Path.cwd()
        if not paths:
            config = self.config_for(cwd)
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
            config = self.config_for(path)
            exclude = self.exclude_for(config)
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
            if force_exclude and self.is_excluded(path):
                return
            out.append(path)
        elif any(char in arg for char in "*?["):
            out.append(f"{arg}: no file matches this pattern")
        else:
            out.append(f"{arg}: no such file or directory")

    def exclude_for(self, config: Config) -> list[str]:
        """``exclude`` (or ``--exclude``) plus ``extend-exclude`` and ``--extend-exclude``."""
        o = self.overrides
        base = o.exclude if o.exclude is not None else config.get_list("exclude") or []
        return [*base, *(config.get_list("extend-exclude") or []), *o.extend_exclude]

    def is_excluded(self, path: Path) -> bool:
        """Whether the exclusions name this file (for ``--force-exclude``)."""
        config = self.config_for(path.parent)
        exclude = self.exclude_for(config)
        return bool(exclude) and matches(_relative(path, config.root), exclude)

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
        config = self.config_for(path.parent)
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
        settings = self.settings_for(path, config)
        region = self._changed_region(path, source)
        session = self.link_session()
        document = None
        if session is not None and session.wanted_by(settings):
            document = parse_document(source)
            settings.link_facts = session.facts_for(document)
        if not fix and not diff:
            if document is None:
                document = parse_document(source)  # what lint_text does, keeping the document
            found = verified_fixes(document, lint_document(document, settings, name))
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
        outcome = fix_text(source, settings, name, region=region)
        result = FileResult(
            name,
            outcome.source,
            outcome.diagnostics,
            severities=settings.severities,
            notes=outcome.notes,
        )
        result.fixed = sum(outcome.fixed.values())
        result.fixed_codes = dict(outcome.fixed)
        patch = ""
        if outcome.source is not source:
            result.original = source
            if diff:
                patch = unified_diff(source, outcome.source, name)
                # report against the original text: nothing was written
                result.source = source
                result.diagnostics = outcome.initial  # the same as lint_text(source, ...)
                result.fixed = 0
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
        changes = self.overrides.changes
        if changes is None or path is None:
            return None
        from awesome_lint.changes import ChangedRegion, changed_lines

        return ChangedRegion(source, changed_lines(source, changes.ranges_for(path)))

    def run_many(
        self, items: Sequence[Path | str], *, fix: bool, diff: bool
    ) -> list[tuple[FileResult, str]]:
        """Run every file, in order; many files are spread over the CPU's cores."""
        files = [item for item in items if isinstance(item, Path)]
        jobs = min(os.cpu_count() or 1, len(files) // PARALLEL_MIN_FILES)
        session = self.link_session()
        if session is not None:
            # one network run for the links of all files; then lint in this process,
            # which holds what the run found (one file needs no separate first pass)
            jobs = 0
            if len(files) > 1:
                for path in files:
                    if session.wanted_by(self.settings_for(path, self.config_for(path.parent))):
                        session.add_file(path)
                session.check_added()
        done: dict[int, tuple[FileResult, str]] = {}
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
            jobs, mp_context=context, initializer=_init_worker, initargs=(self.overrides,)
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
            from awesome_lint.netcheck.session import open_session

            o = self.overrides
            table = self.config_for(Path.cwd()).values.get("links", {})
            self._links = open_session(table, o.check_links, o.links_timeout, o.link_cache)
            self._links_opened = True
        return self._links


_WORKER: Runner | None = None


def _init_worker(overrides: Overrides) -> None:
    global _WORKER
    _WORKER = Runner(overrides)


def _work(path: Path, fix: bool, diff: bool) -> tuple[FileResult, str]:
    assert _WORKER is not None
    return _WORKER.run_file(path, fix=fix, diff=diff)


def unified_diff(before: SourceText, after: SourceText, name: str) -> str:
    from awesome_lint.diffing import unified_diff as diff_texts

    return diff_texts(before.encode().decode("utf-8"), after.encode().decode("utf-8"), name)


def _expand_globs(paths: Sequence[str]) -> list[str]:
    """A quoted glob (``"papers/*.md"``, ``"**/*.md"``) that names no file is expanded here,
    as a shell would; one that matches nothing stays, and is reported as not found."""
    import glob

    out: list[str] = []
    for arg in paths:
        if not any(char in arg for char in "*?[") or Path(arg).exists():
            out.append(arg)
            continue
        found = sorted(glob.glob(arg, recursive=True))
        out.extend(found or [arg])
    return out


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _os_message(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower() if exc.strerror else str(exc)


def read_stdin() -> bytes:
    return sys.stdin.buffer.read()


def ensure_known(values: Iterable[str]) -> None:
    """Raise for unknown selectors early (so the message comes before any output)."""
    selectors.check_known(values)
