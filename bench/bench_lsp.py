"""Time from ``didChange`` to ``publishDiagnostics`` of ``awesome-lint lsp`` on one list.

Run from the repository root with the interpreter that has ``awesome-lint[lsp]``:

    python bench/bench_lsp.py                       # the largest corpus list, 9 changes
    python bench/bench_lsp.py --file README.md --changes 5

The server runs as a subprocess driven over stdio by pygls's client, as an editor would.
Each change is one incremental edit (a character typed, then deleted, at the end of a
line in the middle of the file); the figure is the time from sending the change until
the diagnostics for that version arrive, so it includes the server's debounce delay,
printed apart.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

from awesome_lint.lsp.server import DEBOUNCE_SECONDS

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FILE = REPO_ROOT / ".." / "shared" / "corpus" / "awesome-selfhosted.md"


async def measure(path: Path, changes: int, timeout: float) -> list[float]:
    text = path.read_text(encoding="utf-8")
    uri = path.resolve().as_uri()
    client = LanguageClient("bench", "1")
    published: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        published.put_nowait((params, time.perf_counter()))

    async def diagnostics_for(version: int) -> float:
        while True:
            params, when = await asyncio.wait_for(published.get(), timeout)
            if params.uri == uri and params.version == version:
                return when

    await client.start_io(sys.executable, "-m", "awesome_lint", "lsp", cwd=path.parent)
    await client.initialize_async(
        types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=None)
    )
    client.initialized(types.InitializedParams())
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="markdown", version=1, text=text
            )
        )
    )
    await diagnostics_for(1)
    line = text.count("\n") // 2
    column = len(text.split("\n")[line].encode("utf-16-le")) // 2
    times = []
    for version in range(2, changes + 2):
        at = types.Position(line=line, character=column)
        if version % 2 == 0:  # type a character
            change = types.TextDocumentContentChangePartial(
                range=types.Range(start=at, end=at), text="x"
            )
        else:  # delete it again
            after = types.Position(line=line, character=column + 1)
            change = types.TextDocumentContentChangePartial(
                range=types.Range(start=at, end=after), text=""
            )
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[change],
            )
        )
        times.append(await diagnostics_for(version) - sent)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--changes", type=int, default=9)
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args()
    if not args.file.is_file():
        sys.exit(f"bench_lsp: {args.file} not found (pass --file)")
    times = asyncio.run(measure(args.file, args.changes, args.timeout))
    size = args.file.stat().st_size / 1024
    ms = sorted(t * 1000 for t in times)
    print(f"file: {args.file.name} ({size:.0f} KB), {len(ms)} changes")
    print(
        f"didChange -> publishDiagnostics: median {statistics.median(ms):.0f} ms "
        f"(min {ms[0]:.0f}, max {ms[-1]:.0f}), of which debounce {DEBOUNCE_SECONDS * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
