"""``awesome-lint lsp`` driven over stdio by pygls's own language client, as a subprocess.

The document is the messy example plus a line of CJK text with an emoji and a line with a
combining mark and a ZWJ emoji sequence, so that UTF-16 columns differ from code points.
Expected ranges are computed here with Python's UTF-16 codec, not with the server's code.
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types
from pygls.lsp.client import LanguageClient

from awesome_lint.api import fix_text, lint_text
from awesome_lint.rules import get_rule

REPO = Path(__file__).resolve().parents[1]
TIMEOUT = 10.0  # seconds for any one answer (each normally comes in well under one)

CJK_LINE = "- [大模型推理🚀](https://arxiv.org/abs/2312.99999) : 面向边缘设备的高效服务 | NIPS'18\n"
EMOJI_LINE = "- [Café́ 👩‍💻](https://arxiv.org/abs/2312.88888): Emoji in titles|  MLSys'24\n"

pytestmark = pytest.mark.slow


def messy_text() -> str:
    base = (REPO / "examples" / "messy-paper-list.md").read_text(encoding="utf-8")
    return base + "\n" + CJK_LINE + EMOJI_LINE


def utf16_position(text: str, offset: int) -> types.Position:
    before = text[:offset]
    line = before.count("\n")
    column = before[before.rfind("\n") + 1 :]
    return types.Position(line=line, character=len(column.encode("utf-16-le")) // 2)


def utf16_offset(text: str, position: types.Position) -> int:
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: position.line])
    units = lines[position.line].encode("utf-16-le")[: 2 * position.character]
    return start + len(units.decode("utf-16-le"))


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    spans = [
        (utf16_offset(text, e.range.start), utf16_offset(text, e.range.end), e.new_text)
        for e in edits
    ]
    for start, end, content in sorted(spans, reverse=True):
        text = text[:start] + content + text[end:]
    return text


class Session:
    def __init__(self, client: LanguageClient, folder: Path) -> None:
        self.client = client
        self.folder = folder
        self.diagnostics: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()
        self.registrations: list[types.Registration] = []
        self.encoding: types.PositionEncodingKind | str | None = None

    async def next_diagnostics(
        self, uri: str, accept: Callable[[types.PublishDiagnosticsParams], bool] = lambda p: True
    ) -> types.PublishDiagnosticsParams:
        while True:
            params = await asyncio.wait_for(self.diagnostics.get(), TIMEOUT)
            if params.uri == uri and accept(params):
                return params

    async def open(self, path: Path, text: str) -> str:
        path.write_text(text, encoding="utf-8")
        uri = path.as_uri()
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=uri, language_id="markdown", version=1, text=text
                )
            )
        )
        return uri

    async def actions(
        self, uri: str, where: types.Range, only: list[str] | None = None
    ) -> list[types.CodeAction]:
        result = await asyncio.wait_for(
            self.client.text_document_code_action_async(
                types.CodeActionParams(
                    text_document=types.TextDocumentIdentifier(uri=uri),
                    range=where,
                    context=types.CodeActionContext(
                        diagnostics=[],
                        only=list(only) if only else None,
                    ),
                )
            ),
            TIMEOUT,
        )
        assert result is not None
        return [a for a in result if isinstance(a, types.CodeAction)]


@asynccontextmanager
async def session(folder: Path, capabilities: Any = None) -> AsyncIterator[Session]:
    client = LanguageClient("test-client", "1")
    s = Session(client, folder)

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        s.diagnostics.put_nowait(params)

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def on_register(params: types.RegistrationParams) -> None:
        s.registrations.extend(params.registrations)

    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    await client.start_io(sys.executable, "-m", "awesome_lint", "lsp", cwd=folder, env=env)
    result = await asyncio.wait_for(
        client.initialize_async(
            types.InitializeParams(
                capabilities=capabilities or types.ClientCapabilities(),
                root_uri=folder.as_uri(),
            )
        ),
        TIMEOUT,
    )
    s.encoding = result.capabilities.position_encoding
    client.initialized(types.InitializedParams())
    try:
        yield s
    finally:
        await asyncio.wait_for(client.shutdown_async(None), TIMEOUT)
        client.exit(None)
        await asyncio.wait_for(client.stop(), TIMEOUT)  # waits for the server to exit


def run(coroutine: Any) -> Any:
    return asyncio.run(coroutine)


def expected_ranges(text: str) -> list[tuple[str, types.Range]]:
    return [
        (
            d.code,
            types.Range(start=utf16_position(text, d.start), end=utf16_position(text, d.end)),
        )
        for d in lint_text(text)
    ]


def test_diagnostics_quick_fix_fix_all_hover(tmp_path: Path) -> None:
    text = messy_text()

    async def scenario() -> None:
        async with session(tmp_path) as s:
            assert s.encoding == types.PositionEncodingKind.Utf16
            uri = await s.open(tmp_path / "list.md", text)
            published = await s.next_diagnostics(uri)
            assert published.version == 1
            got = [(str(d.code), d.range) for d in published.diagnostics]
            assert got == expected_ranges(text)
            assert {d.source for d in published.diagnostics} == {"awesome-lint"}

            # the CJK line: " : " comes after 6 CJK characters and a rocket (2 units)
            line = text.count("\n", 0, text.index(CJK_LINE))
            prefix = CJK_LINE[: CJK_LINE.index(" : ")]
            assert len(prefix.encode("utf-16-le")) // 2 == len(prefix) + 1
            separator = types.Range(
                start=types.Position(line=line, character=len(prefix) + 1),
                end=types.Position(line=line, character=len(prefix) + 4),
            )
            assert ("AL102", separator) in got
            nips = CJK_LINE.index("NIPS") + 1
            alias = types.Range(
                start=types.Position(line=line, character=nips),
                end=types.Position(line=line, character=nips + 4),
            )
            assert ("AL202", alias) in got
            # the emoji line: "é" is e + a combining mark (2 units), 👩‍💻 is 5 units
            emoji_line = line + 1
            bar = EMOJI_LINE.index("|  ")
            assert (
                "AL103",
                types.Range(
                    start=types.Position(line=emoji_line, character=bar + 2),
                    end=types.Position(line=emoji_line, character=bar + 5),
                ),
            ) in got

            # a quick fix, applied: exactly " : " -> ": " on that line
            actions = await s.actions(uri, separator)
            quick = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
            assert [a.title for a in quick] == ["Fix: Replace with ': ' (AL102)"]
            assert quick[0].is_preferred
            assert quick[0].edit is not None and quick[0].edit.changes is not None
            fixed_line = CJK_LINE.replace(") : ", "): ")
            assert apply_edits(text, quick[0].edit.changes[uri]) == text.replace(
                CJK_LINE, fixed_line
            )

            # the unsafe fix is its own, clearly named action
            actions = await s.actions(uri, alias, only=["quickfix"])
            assert [a.title for a in actions] == ["Unsafe fix: Write 'NeurIPS' (AL202)"]
            assert not actions[0].is_preferred
            assert actions[0].edit is not None and actions[0].edit.changes is not None
            assert apply_edits(text, actions[0].edit.changes[uri]) == text.replace(
                "NIPS'18", "NeurIPS'18"
            )

            # fix all: the same result as `--fix`, and as `--fix --unsafe-fixes`
            everything = types.Range(
                start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)
            )
            (fix_all,) = await s.actions(uri, everything, only=["source.fixAll"])
            assert fix_all.kind == "source.fixAll.awesome-lint"
            assert fix_all.title == "Fix all safe problems (awesome-lint)"
            assert fix_all.edit is not None and fix_all.edit.changes is not None
            after = apply_edits(text, fix_all.edit.changes[uri])
            assert after == fix_text(text).source.text
            assert "NIPS'18" in after and "\n- [Splitwise]" in after and after.endswith("\n")
            assert len(fix_all.edit.changes[uri]) > 1  # one edit per changed run of lines

            actions = await s.actions(uri, everything)
            kinds = [a.kind for a in actions]
            assert kinds == ["source.fixAll.awesome-lint", "source.awesome-lint.fixAllUnsafe"]
            unsafe = actions[1]
            assert unsafe.title == "Fix all problems, including unsafe fixes (awesome-lint)"
            assert unsafe.edit is not None and unsafe.edit.changes is not None
            assert apply_edits(text, unsafe.edit.changes[uri]) == after.replace(
                "NIPS'18", "NeurIPS'18"
            )

            # hover on the diagnostic: the message and the rule's documentation
            hover = await asyncio.wait_for(
                s.client.text_document_hover_async(
                    types.HoverParams(
                        text_document=types.TextDocumentIdentifier(uri=uri),
                        position=types.Position(line=line, character=len(prefix) + 2),
                    )
                ),
                TIMEOUT,
            )
            assert hover is not None and isinstance(hover.contents, types.MarkupContent)
            assert hover.contents.kind == types.MarkupKind.Markdown
            rule = get_rule("AL102")
            assert rule is not None
            assert hover.contents.value.startswith("**AL102** (title-separator): Title separator")
            assert rule.doc() in hover.contents.value
            assert hover.range == separator
            nothing = await asyncio.wait_for(
                s.client.text_document_hover_async(
                    types.HoverParams(
                        text_document=types.TextDocumentIdentifier(uri=uri),
                        position=types.Position(line=0, character=0),
                    )
                ),
                TIMEOUT,
            )
            assert nothing is None

            # an incremental change (in UTF-16 units) fixes the separator by hand
            s.client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
                    content_changes=[
                        types.TextDocumentContentChangePartial(range=separator, text=": ")
                    ],
                )
            )
            published = await s.next_diagnostics(uri, lambda p: p.version == 2)
            changed = text.replace(CJK_LINE, fixed_line)
            got = [(str(d.code), d.range) for d in published.diagnostics]
            assert got == expected_ranges(changed)
            assert ("AL102", separator) not in got
            alias_after = types.Range(
                start=types.Position(line=line, character=nips - 1),
                end=types.Position(line=line, character=nips + 3),
            )
            assert ("AL202", alias_after) in got

    run(scenario())


def test_utf8_positions_when_the_client_prefers_them(tmp_path: Path) -> None:
    capabilities = types.ClientCapabilities(
        general=types.GeneralClientCapabilities(
            position_encodings=[types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16]
        )
    )

    async def scenario() -> None:
        async with session(tmp_path, capabilities) as s:
            assert s.encoding == types.PositionEncodingKind.Utf8
            text = "# Papers\n\n" + CJK_LINE
            uri = await s.open(tmp_path / "list.md", text)
            published = await s.next_diagnostics(uri)
            (separator,) = [d.range for d in published.diagnostics if d.code == "AL102"]
            start = len(CJK_LINE[: CJK_LINE.index(" : ")].encode("utf-8"))
            assert separator == types.Range(
                start=types.Position(line=2, character=start),
                end=types.Position(line=2, character=start + 3),
            )

    run(scenario())


def test_a_bom_and_crlf_line_endings_keep_ranges_and_fixes_exact(tmp_path: Path) -> None:
    # Editors may keep a byte order mark in the text they send; it is no character of the
    # list for the linter, but it is one UTF-16 unit for the editor.
    entry = "- [Orca](https://arxiv.org/abs/2301.00001) : Serving | OSDI'22"
    text = f"\ufeff# Papers 🚀\r\n\r\n{entry}\r\n"

    async def scenario() -> None:
        async with session(tmp_path) as s:
            uri = await s.open(tmp_path / "list.md", text)
            published = await s.next_diagnostics(uri)
            (separator,) = [d.range for d in published.diagnostics if d.code == "AL102"]
            column = text.split("\r\n")[2].index(" : ")
            assert separator == types.Range(
                start=types.Position(line=2, character=column),
                end=types.Position(line=2, character=column + 3),
            )
            (fix_all,) = await s.actions(uri, separator, only=["source.fixAll"])
            assert fix_all.edit is not None and fix_all.edit.changes is not None
            after = apply_edits(text, fix_all.edit.changes[uri])
            assert after == text.replace(") : ", "): ")
            (edit,) = fix_all.edit.changes[uri]
            assert edit.new_text.endswith("\r\n")  # line endings kept

    run(scenario())


def test_settings_follow_the_nearest_config_file_and_its_changes(tmp_path: Path) -> None:
    text = messy_text()
    folder = tmp_path / "papers"
    folder.mkdir()
    config = folder / ".awesome-lint.toml"
    config.write_text(
        'ignore = ["AL103"]\n[rules.trailing-whitespace]\nseverity = "warning"\n',
        encoding="utf-8",
    )
    capabilities = types.ClientCapabilities(
        workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                dynamic_registration=True
            )
        )
    )

    def codes(params: types.PublishDiagnosticsParams) -> set[str]:
        return {str(d.code) for d in params.diagnostics}

    async def scenario() -> None:
        async with session(tmp_path, capabilities) as s:
            uri = await s.open(folder / "list.md", text)
            published = await s.next_diagnostics(uri)
            assert "AL103" not in codes(published) and "AL102" in codes(published)
            severity = {str(d.code): d.severity for d in published.diagnostics}
            assert severity["AL104"] == types.DiagnosticSeverity.Warning
            assert severity["AL102"] == types.DiagnosticSeverity.Error
            assert [r.method for r in s.registrations] == ["workspace/didChangeWatchedFiles"]

            # the editor reports the edited configuration: lint again at once
            config.write_text('ignore = ["AL102"]\n', encoding="utf-8")
            s.client.workspace_did_change_watched_files(
                types.DidChangeWatchedFilesParams(
                    changes=[
                        types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)
                    ]
                )
            )
            published = await s.next_diagnostics(uri)
            assert "AL102" not in codes(published) and "AL103" in codes(published)

            # an edit the editor did not report is noticed by its modification time
            config.write_text('ignore = ["AL601"]\n', encoding="utf-8")
            stat = config.stat()
            os.utime(config, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
            s.client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
                    content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
                )
            )
            published = await s.next_diagnostics(uri, lambda p: p.version == 2)
            assert {"AL102", "AL103"} <= codes(published) and "AL601" not in codes(published)

    run(scenario())


def test_pyproject_and_the_file_it_extends_are_followed(tmp_path: Path) -> None:
    """No watched-files support in the client: the stamps of pyproject.toml and of the
    file its table extends are checked at each lint."""
    text = messy_text()
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[project]\nname = "x"\n\n[tool.awesome-lint]\nextend = "lint/base.toml"\n',
        encoding="utf-8",
    )
    base = tmp_path / "lint" / "base.toml"
    base.parent.mkdir()
    base.write_text('ignore = ["AL103"]\n', encoding="utf-8")

    def codes(params: types.PublishDiagnosticsParams) -> set[str]:
        return {str(d.code) for d in params.diagnostics}

    def rewrite(path: Path, content: str) -> None:
        before = path.stat().st_mtime_ns
        path.write_text(content, encoding="utf-8")
        os.utime(path, ns=(before + 2_000_000_000, before + 2_000_000_000))

    async def scenario() -> None:
        async with session(tmp_path) as s:
            uri = await s.open(tmp_path / "list.md", text)
            version = 1
            published = await s.next_diagnostics(uri)
            assert "AL103" not in codes(published) and "AL102" in codes(published)
            for path, content in (
                (base, 'ignore = ["AL102"]\n'),
                (pyproject, '[tool.awesome-lint]\nextend = "lint/base.toml"\nignore = []\n'),
            ):
                rewrite(path, content)
                version += 1
                s.client.text_document_did_change(
                    types.DidChangeTextDocumentParams(
                        text_document=types.VersionedTextDocumentIdentifier(
                            uri=uri, version=version
                        ),
                        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
                    )
                )
                published = await s.next_diagnostics(uri, lambda p, v=version: p.version == v)
                if path == base:
                    assert "AL102" not in codes(published) and "AL103" in codes(published)
                else:  # the pyproject's own `ignore` replaces the one it extends
                    assert {"AL102", "AL103"} <= codes(published)

    run(scenario())


def test_without_pygls_the_command_says_what_to_install(tmp_path: Path) -> None:
    # a folder that shadows pygls with a package that cannot be imported
    fake = tmp_path / "pygls"
    fake.mkdir()
    (fake / "__init__.py").write_text("raise ImportError('no pygls', name='pygls')\n")
    import subprocess

    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(REPO / "src")])}
    done = subprocess.run(
        [sys.executable, "-m", "awesome_lint", "lsp"],
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUT,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        "awesome-lint: error: the language server needs pygls: pip install 'awesome-lint[lsp]'\n"
    )


def test_the_core_does_not_import_pygls() -> None:
    import subprocess

    code = (
        "import sys; import awesome_lint.cli, awesome_lint.api;"
        "print(sorted(m for m in sys.modules if re.match('pygls|lsprotocol', m)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", "import re;" + code],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=True,
    )
    assert done.stdout == "[]\n"


def test_the_benchmark_prints_its_figure() -> None:
    import subprocess

    done = subprocess.run(
        [
            sys.executable,
            str(REPO / "bench" / "bench_lsp.py"),
            "--file",
            str(REPO / "examples" / "messy-paper-list.md"),
            "--changes",
            "2",
            "--timeout",
            str(TIMEOUT),
        ],
        capture_output=True,
        text=True,
        timeout=3 * TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("file: messy-paper-list.md (") and lines[0].endswith(", 2 changes")
    assert re.fullmatch(
        r"didChange -> publishDiagnostics: median \d+ ms \(min \d+, max \d+\), "
        r"of which debounce 200 ms",
        lines[1],
    )
