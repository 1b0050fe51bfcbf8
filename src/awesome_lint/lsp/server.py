"""``awesome-lint lsp``: the Language Server Protocol over stdio, with pygls.

What it offers: diagnostics on open and (debounced) on change, with the settings the
command line would use for the document's path; a quick fix per diagnostic that has
one (unsafe ones named so); "Fix all safe problems" as ``source.fixAll.awesome-lint``
(the same fix loop as ``--fix``) and, apart from it, a fix-all that includes unsafe
fixes; hover on a diagnostic shows the rule's documentation.

All linting runs on one worker thread, so requests keep being read while a long list
is linted, and the configuration resolver is never touched by two threads at once. The
resolver lives as long as the server and checks at every lint that the configuration
files it read are unchanged (an edit the editor does not report is seen too).
"""

from __future__ import annotations

import asyncio
import difflib
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from awesome_lint import __version__
from awesome_lint.api import fix_text, lint_text
from awesome_lint.config.loader import CONFIG_NAMES
from awesome_lint.config.resolver import ConfigResolver
from awesome_lint.diagnostics import Applicability, Diagnostic, Edit
from awesome_lint.errors import AwesomeLintError
from awesome_lint.files import display_path
from awesome_lint.lsp.positions import EOL, UTF16, PositionMap
from awesome_lint.records import replace
from awesome_lint.rules import get_rule
from awesome_lint.settings import Settings
from awesome_lint.source import SourceText

log = logging.getLogger(__name__)

SOURCE = "awesome-lint"
DEBOUNCE_SECONDS = 0.2
FIX_ALL_KIND = "source.fixAll.awesome-lint"
# Not below source.fixAll: an editor that runs source.fixAll on save must not pick it.
FIX_ALL_UNSAFE_KIND = "source.awesome-lint.fixAllUnsafe"
SEVERITIES = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
CONFIG_GLOBS = [f"**/{name}" for name in (*CONFIG_NAMES, "pyproject.toml")]


@dataclass
class Linted:
    """One version of a document, linted: what code actions and hover work from."""

    version: int | None
    text: str  # exactly as the editor has it (a BOM, if any, included)
    source: SourceText
    positions: PositionMap
    settings: Settings | None  # None: the configuration could not be read
    filename: str
    diagnostics: list[Diagnostic]
    published: list[types.Diagnostic]

    @property
    def shift(self) -> int:
        """Offsets into ``source`` are this much behind offsets into ``text``."""
        return 1 if self.source.bom else 0

    def range(self, start: int, end: int) -> types.Range:
        """The range of ``source`` offsets."""
        return self.text_range(start + self.shift, end + self.shift)

    def text_range(self, start: int, end: int) -> types.Range:
        """The range of ``text`` offsets."""
        return types.Range(
            start=_position(self.positions.position(start)),
            end=_position(self.positions.position(end)),
        )


def _position(pair: tuple[int, int]) -> types.Position:
    return types.Position(line=pair[0], character=pair[1])


class AwesomeLintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("awesome-lint", __version__)
        self.resolver = ConfigResolver(revalidate=True)
        self.root = Path.cwd()  # the folder whose configuration applies to untitled documents
        self.linted: dict[str, Linted] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="awesome-lint")
        self.debounce = DEBOUNCE_SECONDS

    # -- linting -------------------------------------------------------------------

    def _lint_now(self, uri: str, text: str, version: int | None) -> Linted:
        """Lint one text (on the worker thread)."""
        encoding = _value(self.workspace.position_encoding or UTF16)
        positions = PositionMap(text, encoding)
        source = SourceText(text)
        fs_path = to_fs_path(uri) if uri.startswith("file:") else None
        path = Path(fs_path) if fs_path else None
        filename = display_path(path) if path is not None else uri
        try:
            config = self.resolver.config_for(path.parent if path is not None else self.root)
            settings: Settings | None = self.resolver.settings_for(path, config)
        except AwesomeLintError as exc:
            message = f"awesome-lint: configuration error: {exc}"
            problem = types.Diagnostic(
                range=types.Range(
                    start=types.Position(line=0, character=0),
                    end=types.Position(line=0, character=0),
                ),
                message=message,
                severity=types.DiagnosticSeverity.Error,
                source=SOURCE,
            )
            return Linted(version, text, source, positions, None, filename, [], [problem])
        assert settings is not None
        found = lint_text(source, settings, filename)
        linted = Linted(version, text, source, positions, settings, filename, found, [])
        linted.published = [self._to_lsp(linted, uri, d) for d in found]
        return linted

    def _to_lsp(self, linted: Linted, uri: str, diagnostic: Diagnostic) -> types.Diagnostic:
        assert linted.settings is not None
        rule = get_rule(diagnostic.code)
        severity = linted.settings.severities.get(diagnostic.code, "error")
        related = [
            types.DiagnosticRelatedInformation(
                location=types.Location(uri=uri, range=linted.range(r.start, r.end)),
                message=r.message,
            )
            for r in diagnostic.related
        ]
        return types.Diagnostic(
            range=linted.range(diagnostic.start, diagnostic.end),
            message=diagnostic.message,
            severity=SEVERITIES.get(severity, types.DiagnosticSeverity.Error),
            code=diagnostic.code,
            code_description=types.CodeDescription(href=rule.url()) if rule else None,
            source=SOURCE,
            related_information=related or None,
        )

    async def lint(self, uri: str) -> Linted | None:
        """The current version of the document, linted (from the cache when up to date)."""
        document = self.workspace.get_text_document(uri)
        text, version = document.source, document.version
        cached = self.linted.get(uri)
        if cached is not None and cached.version == version and cached.text == text:
            return cached
        loop = asyncio.get_running_loop()
        linted = await loop.run_in_executor(self.executor, self._lint_now, uri, text, version)
        current = self.workspace.get_text_document(uri)
        if current.version != version or current.source != text:
            return None  # changed meanwhile: a newer lint is on its way
        self.linted[uri] = linted
        return linted

    async def publish(self, uri: str, delay: float = 0.0) -> None:
        if delay:
            await asyncio.sleep(delay)
        linted = await self.lint(uri)
        if linted is None:
            return
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, diagnostics=linted.published, version=linted.version
            )
        )

    def schedule(self, uri: str, delay: float) -> None:
        """Lint after ``delay`` seconds, replacing a lint scheduled earlier and not begun."""
        earlier = self.pending.pop(uri, None)
        if earlier is not None:
            earlier.cancel()
        task = asyncio.ensure_future(self.publish(uri, delay))
        self.pending[uri] = task
        task.add_done_callback(lambda done: self._forget(uri, done))

    def _forget(self, uri: str, task: asyncio.Task[None]) -> None:
        if self.pending.get(uri) is task:
            del self.pending[uri]
        if not task.cancelled() and task.exception() is not None:
            log.error("linting %s failed", uri, exc_info=task.exception())

    # -- code actions ----------------------------------------------------------------

    def _text_edits(self, linted: Linted, edits: tuple[Edit, ...]) -> list[types.TextEdit]:
        return [
            types.TextEdit(range=linted.range(e.start, e.end), new_text=e.content)
            for e in sorted(edits)
        ]

    def quick_fixes(self, uri: str, linted: Linted, wanted: types.Range) -> list[types.CodeAction]:
        first = linted.positions.offset(wanted.start.line, wanted.start.character)
        last = linted.positions.offset(wanted.end.line, wanted.end.character)
        actions = []
        for diagnostic, published in zip(linted.diagnostics, linted.published, strict=True):
            fix = diagnostic.fix
            start, end = diagnostic.start + linted.shift, diagnostic.end + linted.shift
            if fix is None or not fix.edits or start > last or end < first:
                continue
            unsafe = fix.applicability is Applicability.UNSAFE
            title = f"{fix.message} ({diagnostic.code})"
            actions.append(
                types.CodeAction(
                    title=f"Unsafe fix: {title}" if unsafe else f"Fix: {title}",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[published],
                    is_preferred=not unsafe,
                    edit=types.WorkspaceEdit(changes={uri: self._text_edits(linted, fix.edits)}),
                )
            )
        return actions

    def _fix_all_now(self, linted: Linted, unsafe: bool) -> str | None:
        """The text after the fix loop (``--fix``, or ``--fix --unsafe-fixes``)."""
        assert linted.settings is not None
        settings = replace(linted.settings, unsafe_fixes=True) if unsafe else linted.settings
        try:
            outcome = fix_text(linted.source, settings, linted.filename)
        except AwesomeLintError as exc:
            log.warning("fix all: %s", exc)
            return None
        if outcome.source is linted.source:
            return None
        return ("\ufeff" if linted.source.bom else "") + outcome.source.text

    async def fix_all(self, uri: str, linted: Linted, unsafe: bool) -> types.CodeAction | None:
        if linted.settings is None:
            return None
        has_fix = (
            d.fix is not None and (unsafe or d.fix.applicability is Applicability.SAFE)
            for d in linted.diagnostics
        )
        if not any(has_fix):
            return None
        loop = asyncio.get_running_loop()
        fixed = await loop.run_in_executor(self.executor, self._fix_all_now, linted, unsafe)
        if fixed is None:
            return None
        edits = [
            types.TextEdit(range=linted.text_range(e.start, e.end), new_text=e.content)
            for e in line_edits(linted.text, fixed)
        ]
        if unsafe:
            title, kind = "Fix all problems, including unsafe fixes", FIX_ALL_UNSAFE_KIND
        else:
            title, kind = "Fix all safe problems", FIX_ALL_KIND
        return types.CodeAction(
            title=f"{title} (awesome-lint)",
            kind=kind,
            edit=types.WorkspaceEdit(changes={uri: edits}),
        )


def line_edits(old: str, new: str) -> list[Edit]:
    """Edits (offsets into ``old``) that turn ``old`` into ``new``, one per changed run of
    lines, so that an editor keeps its cursor and folds elsewhere."""
    a, b = _lines(old), _lines(new)
    starts = [0]
    for line in a:
        starts.append(starts[-1] + len(line))
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [
        Edit(starts[i1], starts[i2], "".join(b[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def _lines(text: str) -> list[str]:
    """Lines with their terminators (``\\r\\n``, ``\\r``, ``\\n`` only)."""
    out = []
    pos = 0
    for match in EOL.finditer(text):
        out.append(text[pos : match.end()])
        pos = match.end()
    if pos < len(text):
        out.append(text[pos:])
    return out


def _value(kind: Enum | str) -> str:
    """An enumeration's string (``str()`` of a ``str`` enum is its qualified name)."""
    return str(kind.value) if isinstance(kind, Enum) else kind


def _in_kinds(kind: str, only: list[str] | None) -> bool:
    return only is None or any(kind == o or kind.startswith(o + ".") for o in only)


def hover_text(linted: Linted, offset: int) -> tuple[str, types.Range] | None:
    """Markdown for the diagnostics at ``offset``: message and the rule's documentation."""
    parts: list[str] = []
    where: types.Range | None = None
    seen: set[str] = set()
    for diagnostic in linted.diagnostics:
        start, end = diagnostic.start + linted.shift, diagnostic.end + linted.shift
        if not (start <= offset < end or start == end == offset):
            continue
        if where is None:
            where = linted.range(diagnostic.start, diagnostic.end)
        parts.append(f"**{diagnostic.code}** ({diagnostic.name}): {diagnostic.message}")
        rule = get_rule(diagnostic.code)
        if rule is not None and rule.code not in seen:
            seen.add(rule.code)
            parts.append(f"## {rule.code} {rule.name}\n\n{rule.summary}.\n\n{rule.doc()}")
    if where is None:
        return None
    return "\n\n---\n\n".join(parts), where


def create_server() -> AwesomeLintServer:
    server = AwesomeLintServer()

    @server.feature(types.INITIALIZED)
    async def initialized(ls: AwesomeLintServer, params: types.InitializedParams) -> None:
        root = ls.workspace.root_path
        if root:
            ls.root = Path(root)
        watched = ls.client_capabilities.workspace
        dynamic = (
            watched is not None
            and watched.did_change_watched_files is not None
            and watched.did_change_watched_files.dynamic_registration
        )
        if dynamic:
            watchers = [types.FileSystemWatcher(glob_pattern=glob) for glob in CONFIG_GLOBS]
            await ls.client_register_capability_async(
                types.RegistrationParams(
                    registrations=[
                        types.Registration(
                            id="awesome-lint-config",
                            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            register_options=types.DidChangeWatchedFilesRegistrationOptions(
                                watchers=watchers
                            ),
                        )
                    ]
                )
            )

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: AwesomeLintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: AwesomeLintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: AwesomeLintServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: AwesomeLintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.linted.pop(uri, None)
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files(ls: AwesomeLintServer, params: types.DidChangeWatchedFilesParams) -> None:
        names = {*CONFIG_NAMES, "pyproject.toml"}
        if any(change.uri.rsplit("/", 1)[-1] in names for change in params.changes):
            ls.executor.submit(ls.resolver.invalidate)
            ls.linted.clear()
            for uri in list(ls.workspace.text_documents):
                ls.schedule(uri, 0.0)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[
                types.CodeActionKind.QuickFix,
                FIX_ALL_KIND,
                FIX_ALL_UNSAFE_KIND,
            ]
        ),
    )
    async def code_action(
        ls: AwesomeLintServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        linted = await ls.lint(uri)
        if linted is None:
            return None
        only = [_value(kind) for kind in params.context.only] if params.context.only else None
        actions: list[types.CodeAction] = []
        if _in_kinds(types.CodeActionKind.QuickFix.value, only):
            actions.extend(ls.quick_fixes(uri, linted, params.range))
        for unsafe, kind in ((False, FIX_ALL_KIND), (True, FIX_ALL_UNSAFE_KIND)):
            if _in_kinds(kind, only):
                action = await ls.fix_all(uri, linted, unsafe)
                if action is not None:
                    actions.append(action)
        return actions

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: AwesomeLintServer, params: types.HoverParams) -> types.Hover | None:
        linted = await ls.lint(params.text_document.uri)
        if linted is None:
            return None
        offset = linted.positions.offset(params.position.line, params.position.character)
        found = hover_text(linted, offset)
        if found is None:
            return None
        text, where = found
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
            range=where,
        )

    return server


def serve() -> None:
    """Run the server on stdin/stdout until the client says exit."""
    create_server().start_io()
