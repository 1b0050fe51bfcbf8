"""The exact text of one file: decoding, line table, offsets and positions.

Offsets are indices into :attr:`SourceText.text`, which is the decoded file
*without* its UTF-8 byte order mark (the BOM is remembered in :attr:`bom` and
written back by :meth:`SourceText.encode`). Line endings are kept as they are:
``\\r\\n``, ``\\r`` and ``\\n`` each end a line, as in CommonMark, and nothing
else does (not ``str.splitlines``'s form feeds or line separators).
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate, repeat
from operator import add
from typing import NamedTuple

from awesome_lint.lazyre import lazy_compile

BOM = "\ufeff"
_EOL = lazy_compile(r"\r\n|\r|\n")


class DecodeError(ValueError):
    """The bytes are not valid UTF-8 text (or look binary)."""


class Line(NamedTuple):
    """One line: ``start``..``end`` is its body, ``terminator`` what follows it.
    (A named tuple: a big file has tens of thousands, made four times faster so.)"""

    number: int  # 1-based
    start: int
    end: int
    terminator: str  # "\r\n", "\r", "\n" or "" (last line without one)

    @property
    def next_start(self) -> int:
        return self.end + len(self.terminator)


class SourceText:
    """Decoded text plus everything needed to map offsets to lines and columns."""

    __slots__ = ("_starts", "bom", "lines", "text")

    def __init__(self, text: str, *, bom: bool | None = None) -> None:
        """``bom=None``: one leading BOM is taken off ``text`` and remembered. ``bom`` given:
        ``text`` is the body as is (a fixed text keeps a second U+FEFF, which is content)."""
        if bom is None:
            bom = text.startswith(BOM)
            if bom:
                text = text[1:]
        self.text = text
        self.bom = bom
        if "\r" in text:
            lines: list[Line] = []
            pos = 0
            number = 1
            for match in _EOL.finditer(text):
                lines.append(Line(number, pos, match.start(), match.group()))
                pos = match.end()
                number += 1
            lines.append(Line(number, pos, len(text), ""))
            starts = [line.start for line in lines]
        else:
            # the common case, only "\n" ends a line: the table is made by str.split and
            # C-level loops, each line a tuple made as ``Line._make`` makes it
            lengths = list(map(len, text.split("\n")))
            starts = list(accumulate(map(add, lengths, repeat(1)), initial=0))
            starts.pop()  # (the offset after the text)
            terminators = ["\n"] * len(lengths)
            terminators[-1] = ""
            rows = zip(
                range(1, len(lengths) + 1),
                starts,
                map(add, starts, lengths),
                terminators,
                strict=True,
            )
            lines = list(map(tuple.__new__, repeat(Line), rows))
        self.lines = lines
        self._starts = starts

    @classmethod
    def from_bytes(cls, data: bytes) -> SourceText:
        """Decode strictly as UTF-8; raise :class:`DecodeError` with a clear reason."""
        if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
            raise DecodeError("UTF-32 is not supported, convert the file to UTF-8")
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise DecodeError("UTF-16 is not supported, convert the file to UTF-8")
        if b"\x00" in data:  # the whole file: a NUL late in a text file is still binary
            raise DecodeError("binary file (contains NUL bytes)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DecodeError(
                f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
            ) from None
        return cls(text)

    def encode(self, text: str | None = None) -> bytes:
        """Bytes to write for ``text`` (default: this text), with the BOM restored."""
        body = self.text if text is None else text
        return ((BOM if self.bom else "") + body).encode("utf-8")

    # -- positions -----------------------------------------------------------------

    def line_index(self, offset: int) -> int:
        """0-based index of the line containing ``offset``."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def line_at(self, offset: int) -> Line:
        return self.lines[self.line_index(offset)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``; columns count code points."""
        line = self.lines[self.line_index(offset)]
        return line.number, offset - line.start + 1

    def byte_column(self, offset: int) -> int:
        """1-based column of ``offset`` counted in UTF-8 bytes (for rdjson)."""
        line = self.lines[self.line_index(offset)]
        return len(self.text[line.start : offset].encode("utf-8")) + 1

    def line_text(self, index: int) -> str:
        line = self.lines[index]
        return self.text[line.start : line.end]

    def offset(self, line: int, column: int) -> int:
        """Inverse of :meth:`position` (1-based line and column)."""
        return self.lines[line - 1].start + column - 1

    @property
    def dominant_terminator(self) -> str:
        """The most common line ending in the file (``\\n`` when there is none)."""
        counts: dict[str, int] = {}
        for line in self.lines:
            if line.terminator:
                counts[line.terminator] = counts.get(line.terminator, 0) + 1
        if not counts:
            return "\n"
        return max(counts, key=lambda t: (counts[t], t == "\n"))
