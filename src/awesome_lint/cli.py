"""The command line: click options in, text out. ``check`` is wiring over
:func:`awesome_lint.check.run_check`: options → request → outcome → output and exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from awesome_lint import __version__
from awesome_lint.errors import AwesomeLintError
from awesome_lint.reporters import FORMATS

if TYPE_CHECKING:
    from awesome_lint.check import CheckOutcome

OUTPUT_FORMATS = FORMATS


class DefaultGroup(click.Group):
    """A group whose default command is ``check``: ``awesome-lint --fix README.md`` works."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (
            args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")
        ):
            args = ["check", *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__, "--version", prog_name="awesome-lint", message="%(prog)s %(version)s"
)
def cli() -> None:
    """Lint and fix awesome lists and paper lists written in Markdown.

    Without a command, `check` runs: `awesome-lint --fix README.md`.
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(readable=False))
@click.option("--fix/--no-fix", default=False, help="Apply safe fixes and write the files.")
@click.option(
    "--fix-only", is_flag=True, help="Apply fixes and report only what was fixed (implies --fix)."
)
@click.option("--show-files", is_flag=True, help="List the files that would be checked; exit.")
@click.option(
    "--show-settings", is_flag=True, help="Print the settings resolved for the first file; exit."
)
@click.option("--unsafe-fixes", is_flag=True, default=None, help="Also apply unsafe fixes.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option("--show-fixes", is_flag=True, help="List the fixes applied per file.")
@click.option("--select", multiple=True, help="Rules to enable (codes, prefixes, names, ALL).")
@click.option("--extend-select", multiple=True, help="Rules to enable in addition.")
@click.option("--ignore", multiple=True, help="Rules to disable.")
@click.option(
    "--output-format",
    type=click.Choice(OUTPUT_FORMATS),
    default=None,
    help="How to print diagnostics (default: full).",
)
@click.option("-o", "--output-file", type=click.Path(dir_okay=False), help="Write the report here.")
@click.option(
    "--statistics", is_flag=True, help="Count diagnostics per rule instead of listing them."
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even if problems remain.")
@click.option(
    "--strict", is_flag=True, help="Exit 1 on warnings and infos too, not only on errors."
)
@click.option("--exit-non-zero-on-fix", is_flag=True, help="Exit 1 if any file was changed.")
@click.option("--stdin-filename", help="The name of the file read from stdin (path '-').")
@click.option("--config", multiple=True, help='A config file, or a "key = value" override.')
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--force-exclude", is_flag=True, help="Apply `exclude` to files named explicitly.")
@click.option(
    "--exclude", "exclude", multiple=True, help="Patterns to exclude (replaces the config's)."
)
@click.option("--extend-exclude", multiple=True, help="Patterns to exclude in addition.")
@click.option(
    "--changed-since",
    metavar="REF",
    help="Check only lines added or changed since the merge base of REF and HEAD (git).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print diagnostics only, no summary.")
@click.option("-v", "--verbose", is_flag=True, help="Show tracebacks of internal errors.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto")
@click.option("--check-links", is_flag=True, help="Check links over the network (AL801-AL803).")
@click.option(
    "--links-timeout",
    type=click.FloatRange(min=0, min_open=True),
    help="Seconds for the whole link check (default 300).",
)
@click.option("--link-cache", type=click.Path(dir_okay=False), help="The link cache file.")
def check(color: str, verbose: bool, **options: Any) -> None:
    """Check Markdown files (default: README.md) and optionally fix them."""
    # --color is the terminal's business, -v is read by main(); the rest is the request
    from awesome_lint.check import CheckRequest, run_check
    from awesome_lint.parser.markdown import silence_debug_logging

    silence_debug_logging()
    outcome = run_check(CheckRequest(**options))
    for message in outcome.messages:
        click.echo(message, err=True)
    for line in outcome.listing:
        click.echo(line)
    if outcome.content:
        _write_bytes(outcome.content)
    if outcome.report_format is not None:
        _write_report(outcome, color, options["output_file"])
    sys.exit(outcome.exit_code)


def _write_report(outcome: CheckOutcome, color: str, output_file: str | None) -> None:
    """The report, to ``-o``'s file or the stream the outcome names, colored as ``--color``,
    the terminal and ``NO_COLOR``/``FORCE_COLOR`` say."""
    stream: TextIO = sys.stderr if outcome.report_to_stderr else sys.stdout
    use_color = color == "always" or (
        color == "auto"
        and not output_file
        and (stream.isatty() or bool(os.environ.get("FORCE_COLOR")))
        and not os.environ.get("NO_COLOR")
    )
    report = outcome.render(color=use_color)
    if not output_file:
        stream.write(report)
        return
    # the file is created only now that every fix is written
    try:
        Path(output_file).write_bytes(report.encode("utf-8"))
    except OSError as exc:
        raise AwesomeLintError(
            f"-o {output_file}: cannot write the report: {exc.strerror or exc}"
        ) from None


def _write_bytes(data: bytes) -> None:
    """File content (the fixed stdin text, a patch) goes out as UTF-8 bytes, whatever the
    locale or PYTHONIOENCODING say, and without newline translation."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (some embedding hosts): the best we can do
        sys.stdout.write(data.decode("utf-8"))
    else:
        buffer.write(data)
        buffer.flush()


@cli.command("rules")
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text")
def rules_command(output_format: str) -> None:
    """List every rule: code, name, fix availability, default, summary."""
    from awesome_lint.rules import all_rules

    rules = all_rules()
    if output_format == "json":
        import json

        rows: list[dict[str, Any]] = [
            {
                "code": r.code,
                "name": r.name,
                "fix": r.fix,
                "default": r.default,
                "summary": r.summary,
                "options": {k: o.default for k, o in r.options.items()},
            }
            for r in rules
        ]
        click.echo(json.dumps(rows, indent=2))
        return
    width = max(len(r.name) for r in rules)
    for r in rules:
        opt_in = "" if r.default else " (opt-in)"
        click.echo(f"{r.code}  {r.name.ljust(width)}  {r.fix.ljust(6)}  {r.summary}{opt_in}")


@cli.command("rule")
@click.argument("code_or_name")
def rule_command(code_or_name: str) -> None:
    """Show the documentation of one rule (by code or name)."""
    from awesome_lint.rules import get_rule

    rule = get_rule(code_or_name)
    if rule is None:
        raise AwesomeLintError(f"unknown rule {code_or_name!r} (see `awesome-lint rules`)")
    header = f"# {rule.code} {rule.name}\n\n{rule.summary}.\n\nFix: {rule.fix}"
    header += "" if rule.default else "  ·  opt-in (enable with --select or --extend-select)"
    click.echo(f"{header}\n\n{rule.doc()}")


@cli.command("inspect")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text")
def inspect_command(paths: Sequence[str], output_format: str) -> None:
    """Show how the linter reads each file: entry shape per section, counts, venues."""
    import json

    from awesome_lint.inspect import inspect_source, render_text
    from awesome_lint.source import SourceText

    reports = []
    for name in paths:
        try:
            data = Path(name).read_bytes()
        except OSError as exc:
            raise AwesomeLintError(f"{name}: {exc.strerror or exc}") from None
        reports.append(inspect_source(SourceText.from_bytes(data), Path(name).as_posix()))
    if output_format == "json":
        click.echo(json.dumps(reports, indent=2, ensure_ascii=False))
    else:
        click.echo("\n".join(render_text(report) for report in reports), nl=False)


@cli.command("stats")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--output-format",
    type=click.Choice(["table", "json", "markdown", "svg"]),
    default="table",
    help="An aligned table, JSON, Markdown tables, or an SVG bar chart.",
)
@click.option(
    "--by", type=click.Choice(["year", "venue"]), default="year", help="What the SVG chart counts."
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write to this file."
)
def stats_command(paths: Sequence[str], output_format: str, by: str, output: str | None) -> None:
    """Count entries per section, venue, year and link host (default file: README.md)."""
    import json

    from awesome_lint.source import SourceText
    from awesome_lint.stats import render_markdown, render_svg, render_table, stats_source

    reports = []
    for name in paths or ("README.md",):
        try:
            data = Path(name).read_bytes()
        except OSError as exc:
            raise AwesomeLintError(f"{name}: {exc.strerror or exc}") from None
        reports.append(stats_source(SourceText.from_bytes(data), Path(name).as_posix()))
    if output_format == "json":
        text = json.dumps(reports, indent=2, ensure_ascii=False) + "\n"
    elif output_format == "svg":
        text = render_svg(reports, by=by)
    else:
        render = render_markdown if output_format == "markdown" else render_table
        text = "\n".join(render(report) for report in reports)
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        Path(output).write_text(text, encoding="utf-8", newline="\n")
    except OSError as exc:
        raise AwesomeLintError(f"{output}: {exc.strerror or exc}") from None


@cli.command("venues")
@click.argument("query", required=False, default="")
def venues_command(query: str) -> None:
    """List the venue registry, or search it (names, aliases, full names)."""
    from awesome_lint.venues.registry import default_registry

    hits = default_registry().search(query)
    if not hits:
        raise AwesomeLintError(f"no venue matches {query!r}")
    for venue in hits:
        others = [*venue.aliases, *(r.name for r in venue.renames)]
        extra = f"  (also: {', '.join(others)})" if others else ""
        click.echo(f"{venue.canonical}\t{venue.kind}\t{venue.full_name}{extra}")


@cli.command("lsp")
@click.option("--stdio", is_flag=True, help="Talk over stdin and stdout (the only transport).")
def lsp_command(stdio: bool) -> None:
    """Run the language server over stdio (needs the extra: awesome-lint[lsp])."""
    try:
        from awesome_lint.lsp.server import serve
    except ImportError as exc:
        if exc.name is not None and exc.name.split(".")[0] in ("pygls", "lsprotocol"):
            raise AwesomeLintError(
                "the language server needs pygls: pip install 'awesome-lint[lsp]'"
            ) from None
        raise
    serve()


def _tune_gc() -> None:
    """No automatic garbage collection: the runner collects between files.

    A lint allocates millions of small objects that live until the end (tokens,
    entries, links), so CPython's default thresholds (700, 10, 10) rescan the growing
    document model again and again: 16% of the run time on awesome-selfhosted x10
    (3 MB), and `--fix --diff` on x100 went from 180 s to 49 s with thresholds of
    (50000, 20, 10); with none at all, `check` on the paper list x10 takes 0.93x the
    time of those thresholds. What exists after start-up is frozen out of collection.
    Only the command line does this; the library API leaves the caller's settings alone.
    """
    import gc

    gc.freeze()
    gc.disable()


def _freeze_leftovers() -> None:
    """Leave what the run built out of the collections of the interpreter's exit.

    Without automatic collection the last file's document (its cycles: entries and
    their sections) is still there at the end, and the interpreter's exit collects two
    or three times over everything that is not frozen: 3% of `check` on the paper list
    x10. Frozen, it is left to the process's end, as the rest of start-up is.
    """
    import gc

    gc.freeze()


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point: one-line errors with exit code 2, never a traceback.

    Patterns are compiled through the program cache meanwhile (``lazyre``: a third of a
    small list's run was compiling them); it is written at the end, when the run
    compiled a pattern it did not hold."""
    args = list(sys.argv[1:] if argv is None else argv)
    _tune_gc()
    from awesome_lint.codecache import save_installed
    from awesome_lint.lazyre import default_cache_path, use_program_cache

    programs = use_program_cache(default_cache_path())
    try:
        _main(args)
    finally:
        use_program_cache(None)  # a caller of main() in its own process is left as it was
        if programs is not None:
            programs.save()
        save_installed()  # the code cache, when ``__main__`` installed it and it missed
        _freeze_leftovers()


def _main(args: list[str]) -> None:
    verbose = "-v" in args or "--verbose" in args
    for stream in (sys.stdout, sys.stderr):
        # A console that cannot show every character (cp1252, ASCII) gets escapes, not a crash.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower().replace("-", "") != "utf8":
            reconfigure(errors="backslashreplace")
    try:
        cli.main(args=args, prog_name="awesome-lint", standalone_mode=False)
    except AwesomeLintError as exc:
        click.echo(f"awesome-lint: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("awesome-lint: aborted", err=True)
        sys.exit(2)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)
    except Exception as exc:
        if verbose:
            raise
        click.echo(
            f"awesome-lint: internal error: {type(exc).__name__}: {exc} (run with -v for details)",
            err=True,
        )
        sys.exit(2)
