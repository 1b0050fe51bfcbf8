"""``awesome-lint check`` as a function: ``run_check(CheckRequest) -> CheckOutcome``.

The command line turns its options into a :class:`CheckRequest`, calls :func:`run_check`
and prints the :class:`CheckOutcome`; tests and other programs call it the same way,
without a subprocess. ``run_check`` does the work a run does on disk (it writes fixed files,
and the GitHub job summary when ``$GITHUB_STEP_SUMMARY`` asks for one) but prints
nothing: what goes to standard output and standard error is in the outcome. A usage or
configuration error raises :class:`~awesome_lint.errors.AwesomeLintError` before any work.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from awesome_lint.config.resolver import Overrides
from awesome_lint.diagnostics import Diagnostic
from awesome_lint.errors import AwesomeLintError
from awesome_lint.records import FrozenRecord, replace
from awesome_lint.reporters import FORMATS, TEXT_FORMATS, ReportOptions, write_report
from awesome_lint.results import FileResult
from awesome_lint.runner import Runner

# formats read by a service that knows the repository: paths relative to its root
ROOT_RELATIVE_FORMATS = frozenset({"github", "sarif", "gitlab"})


class CheckRequest(FrozenRecord):
    """What ``check`` is asked to do: its options, as plain values (see the README)."""

    paths: tuple[str, ...]  # files, folders, quoted globs; ("-",): standard input
    stdin: bytes | None  # the text read as "-" (None: read standard input)
    stdin_filename: str | None
    fix: bool
    fix_only: bool
    unsafe_fixes: bool | None  # None: as configured
    diff: bool
    show_fixes: bool
    show_files: bool
    show_settings: bool
    select: tuple[str, ...]  # as typed: repeated and/or comma-separated
    extend_select: tuple[str, ...]
    ignore: tuple[str, ...]
    config: tuple[str, ...]  # configuration files and "key = value" overrides
    isolated: bool
    force_exclude: bool
    exclude: tuple[str, ...]
    extend_exclude: tuple[str, ...]
    changed_since: str | None
    output_format: str | None  # None: as configured, else "full"
    # Checked before any work (its folder exists, it is none of the inputs); the caller
    # writes the report there.
    output_file: str | None
    statistics: bool
    quiet: bool
    exit_zero: bool
    strict: bool
    exit_non_zero_on_fix: bool
    check_links: bool
    links_timeout: float | None
    link_cache: str | None

    _fields = (
        "paths",
        "stdin",
        "stdin_filename",
        "fix",
        "fix_only",
        "unsafe_fixes",
        "diff",
        "show_fixes",
        "show_files",
        "show_settings",
        "select",
        "extend_select",
        "ignore",
        "config",
        "isolated",
        "force_exclude",
        "exclude",
        "extend_exclude",
        "changed_since",
        "output_format",
        "output_file",
        "statistics",
        "quiet",
        "exit_zero",
        "strict",
        "exit_non_zero_on_fix",
        "check_links",
        "links_timeout",
        "link_cache",
    )
    __slots__ = _fields

    def __init__(
        self,
        paths: tuple[str, ...] = (),
        stdin: bytes | None = None,
        stdin_filename: str | None = None,
        fix: bool = False,
        fix_only: bool = False,
        unsafe_fixes: bool | None = None,
        diff: bool = False,
        show_fixes: bool = False,
        show_files: bool = False,
        show_settings: bool = False,
        select: tuple[str, ...] = (),
        extend_select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
        config: tuple[str, ...] = (),
        isolated: bool = False,
        force_exclude: bool = False,
        exclude: tuple[str, ...] = (),
        extend_exclude: tuple[str, ...] = (),
        changed_since: str | None = None,
        output_format: str | None = None,
        output_file: str | None = None,
        statistics: bool = False,
        quiet: bool = False,
        exit_zero: bool = False,
        strict: bool = False,
        exit_non_zero_on_fix: bool = False,
        check_links: bool = False,
        links_timeout: float | None = None,
        link_cache: str | None = None,
    ) -> None:
        set_ = object.__setattr__
        set_(self, "paths", paths)
        set_(self, "stdin", stdin)
        set_(self, "stdin_filename", stdin_filename)
        set_(self, "fix", fix)
        set_(self, "fix_only", fix_only)
        set_(self, "unsafe_fixes", unsafe_fixes)
        set_(self, "diff", diff)
        set_(self, "show_fixes", show_fixes)
        set_(self, "show_files", show_files)
        set_(self, "show_settings", show_settings)
        set_(self, "select", select)
        set_(self, "extend_select", extend_select)
        set_(self, "ignore", ignore)
        set_(self, "config", config)
        set_(self, "isolated", isolated)
        set_(self, "force_exclude", force_exclude)
        set_(self, "exclude", exclude)
        set_(self, "extend_exclude", extend_exclude)
        set_(self, "changed_since", changed_since)
        set_(self, "output_format", output_format)
        set_(self, "output_file", output_file)
        set_(self, "statistics", statistics)
        set_(self, "quiet", quiet)
        set_(self, "exit_zero", exit_zero)
        set_(self, "strict", strict)
        set_(self, "exit_non_zero_on_fix", exit_non_zero_on_fix)
        set_(self, "check_links", check_links)
        set_(self, "links_timeout", links_timeout)
        set_(self, "link_cache", link_cache)

    @property
    def reads_stdin(self) -> bool:
        return self.paths == ("-",) or (not self.paths and bool(self.stdin_filename))


class CheckOutcome(FrozenRecord):
    """What a run found and did, and what it has to say.

    Printed in this order: ``messages`` on standard error (one line each: warnings,
    errors for files that could not be checked, notes), ``listing`` (``--show-files``,
    ``--show-settings``) and ``content`` (the fixed text of standard input, or the patch
    of ``--diff``) on standard output, then the report from :meth:`render`, on standard
    error when ``content`` owns standard output.
    """

    exit_code: int
    results: tuple[FileResult, ...]
    messages: tuple[str, ...]
    listing: tuple[str, ...]
    content: bytes  # UTF-8, line endings as in the file
    report_format: str | None  # None: no report (a listing, an excluded stdin file)
    report_options: ReportOptions
    report_to_stderr: bool

    _fields = (
        "exit_code",
        "results",
        "messages",
        "listing",
        "content",
        "report_format",
        "report_options",
        "report_to_stderr",
    )
    __slots__ = _fields

    def __init__(
        self,
        exit_code: int,
        results: tuple[FileResult, ...] = (),
        messages: tuple[str, ...] = (),
        listing: tuple[str, ...] = (),
        content: bytes = b"",
        report_format: str | None = None,
        report_options: ReportOptions | None = None,
        report_to_stderr: bool = False,
    ) -> None:
        set_ = object.__setattr__
        set_(self, "exit_code", exit_code)
        set_(self, "results", results)
        set_(self, "messages", messages)
        set_(self, "listing", listing)
        set_(self, "content", content)
        set_(self, "report_format", report_format)
        set_(self, "report_options", ReportOptions() if report_options is None else report_options)
        set_(self, "report_to_stderr", report_to_stderr)

    @property
    def diagnostics(self) -> dict[str, list[Diagnostic]]:
        """The findings left in each file checked, by file name."""
        return {r.filename: r.diagnostics for r in self.results if r.error is None}

    @property
    def fixed_files(self) -> list[str]:
        """The files whose text the fixes changed (written, unless ``--diff``)."""
        return [r.filename for r in self.results if r.changed]

    @property
    def errors(self) -> dict[str, str]:
        """Why each file that could not be checked or written was not."""
        return {r.filename: r.error for r in self.results if r.error is not None}

    def render(self, *, color: bool = False) -> str:
        """The report in the requested format ("" when there is none)."""
        if self.report_format is None:
            return ""
        buffer = io.StringIO()
        options = replace(self.report_options, color=color)
        write_report(self.report_format, self.results, buffer, options)
        return buffer.getvalue()


def read_stdin() -> bytes:
    return sys.stdin.buffer.read()


def run_check(request: CheckRequest, *, stdin: Callable[[], bytes] = read_stdin) -> CheckOutcome:
    """Check (and with ``fix``, fix) what ``request`` names; ``stdin`` reads the text of
    "-" when the request carries none."""
    r = request
    overrides = Overrides.from_options(
        select=r.select,
        extend_select=r.extend_select,
        ignore=r.ignore,
        config=r.config,
        isolated=r.isolated,
        unsafe_fixes=r.unsafe_fixes,
        exclude=r.exclude,
        extend_exclude=r.extend_exclude,
        check_links=r.check_links,
        links_timeout=r.links_timeout,
        link_cache=r.link_cache,
    )
    changes = None
    if r.changed_since is not None:
        if r.reads_stdin:
            raise AwesomeLintError("--changed-since cannot be used with stdin")
        from awesome_lint.changes import changes_since

        changes = changes_since(r.changed_since, Path.cwd())
    runner = Runner(overrides, changes)
    cwd_config = runner.resolver.config_for(Path.cwd())
    fmt = r.output_format or str(cwd_config.values.get("output-format", "full"))
    if fmt not in FORMATS:
        raise AwesomeLintError(f"unknown output-format {fmt!r} in configuration")
    if r.statistics and fmt not in TEXT_FORMATS:
        raise AwesomeLintError(
            f"--statistics works with the text formats (full, concise, grouped), not {fmt}"
        )
    if r.show_fixes and r.diff:
        raise AwesomeLintError("--show-fixes lists what --fix changed; --diff already shows it")

    fix = r.fix or r.fix_only
    messages: list[str] = []
    results: list[FileResult] = []
    patches: list[str] = []
    stdin_fixed: bytes | None = None
    if r.reads_stdin:
        name = r.stdin_filename or "-"
        path = Path(r.stdin_filename) if r.stdin_filename else None
        data = r.stdin if r.stdin is not None else stdin()
        if r.force_exclude and path is not None and runner.resolver.is_excluded(path):
            # an excluded file is passed through untouched, as pre-commit expects
            return CheckOutcome(0, content=data if fix and not r.diff else b"")
        if r.output_file:
            _check_output_file(r.output_file, [path] if path else [])
        config = runner.resolver.config_for(path.parent if path else Path.cwd())
        result, patch = runner.run_bytes(
            data, name, path, config, fix=fix, diff=r.diff, write=False
        )
        results.append(result)
        if patch:
            patches.append(patch)
        if fix and not r.diff and result.source is not None:
            stdin_fixed = result.source.encode()  # UTF-8, BOM kept, line endings untouched
    else:
        items = runner.collect(r.paths, r.force_exclude)
        messages.extend(f"awesome-lint: warning: {warning}" for warning in runner.warnings)
        if r.show_files or r.show_settings:
            return _show(r, runner, items, messages)
        if r.output_file:
            _check_output_file(r.output_file, [item for item in items if isinstance(item, Path)])
        if changes is not None:
            items = [i for i in items if isinstance(i, str) or changes.includes(i)]
            if not items:
                messages.append(f"awesome-lint: no changed Markdown files since {r.changed_since}")
        elif not items and not runner.warnings:
            messages.append("awesome-lint: warning: no Markdown files to check")
        for result, patch in runner.run_many(items, fix=fix, diff=r.diff):
            results.append(result)
            if patch:
                patches.append(patch)

    for result in results:
        if result.error:
            messages.append(f"awesome-lint: error: {result.filename}: {result.error}")
        elif r.fix_only:
            result.diagnostics = []  # --fix-only reports what was fixed, not what remains
        messages.extend(f"awesome-lint: note: {result.filename}: {n}" for n in result.notes)

    options = ReportOptions(
        show_fixes=r.show_fixes,
        statistics=r.statistics,
        unsafe_fixes=bool(runner.resolver.settings_for(None, cwd_config).unsafe_fixes),
        fix_mode=fix and not r.diff,
        quiet=r.quiet,
    )
    if fmt in ROOT_RELATIVE_FORMATS:
        from awesome_lint import ci

        root = ci.repository_root()
        if root is not None:
            ci.rebase(results, root)
            options = replace(options, root=str(root))
        if fmt == "github":
            ci.append_job_summary(
                results,
                unsafe_fixes=options.unsafe_fixes,
                paths=r.paths,
                changed_since=r.changed_since,
            )
    return CheckOutcome(
        _exit_code(r, results, bool(patches)),
        tuple(results),
        tuple(messages),
        content=stdin_fixed if stdin_fixed is not None else "".join(patches).encode("utf-8"),
        report_format=fmt,
        report_options=options,
        # the fixed text or the patch owns standard output
        report_to_stderr=stdin_fixed is not None or r.diff,
    )


def _exit_code(r: CheckRequest, results: Sequence[FileResult], patched: bool) -> int:
    if any(result.error for result in results):
        return 2
    if patched:
        return 1
    if r.exit_non_zero_on_fix and any(result.changed for result in results):
        return 1
    if not r.exit_zero and any(result.failing(strict=r.strict) for result in results):
        return 1
    return 0


def _show(
    r: CheckRequest, runner: Runner, items: Sequence[Path | str], messages: list[str]
) -> CheckOutcome:
    """``--show-files`` or ``--show-settings`` (for the first file): list, check nothing."""
    from awesome_lint import show

    if r.show_files:
        listing = show.show_files(items)
    else:
        files = [item for item in items if isinstance(item, Path)]
        listing = show.show_settings(runner.resolver, files[0] if files else None)
    errors = [f"awesome-lint: error: {item}" for item in items if isinstance(item, str)]
    return CheckOutcome(2 if errors else 0, messages=(*messages, *errors), listing=tuple(listing))


def _check_output_file(output_file: str, inputs: Sequence[Path]) -> None:
    """Refuse ``-o`` into a missing folder, or onto one of the inputs, before any work.

    The same file is recognised by device and inode, so a symlink or a hard link to an
    input is refused too: the report would replace the list just checked or fixed.
    """
    out = Path(output_file)
    folder = out.parent
    if not folder.is_dir():
        raise AwesomeLintError(f"-o {output_file}: folder {folder.as_posix()} does not exist")
    try:
        out_stat = out.stat()
    except OSError:
        return  # does not exist yet (or a dangling link): cannot be an input
    for path in inputs:
        try:
            stat = path.stat()
        except OSError:
            continue
        if (stat.st_dev, stat.st_ino) == (out_stat.st_dev, out_stat.st_ino):
            raise AwesomeLintError(
                f"-o {output_file}: is the input file {path.as_posix()}; "
                "the report would overwrite it"
            )
