"""Offsets into a text ↔ LSP positions (0-based line, character in code units).

The protocol counts characters in UTF-16 code units unless client and server agree on
another encoding (``utf-8`` or ``utf-32``). Python strings index code points, so a
character outside the Basic Multilingual Plane (most emoji) is one offset but two UTF-16
units; combining marks are code points of their own in every encoding. Lines end at
``\\r\\n``, ``\\r`` or ``\\n``, as in the protocol and in :class:`~awesome_lint.source.SourceText`.
"""

from __future__ import annotations

import re
from bisect import bisect_right

EOL = re.compile(r"\r\n|\r|\n")

UTF8 = "utf-8"
UTF16 = "utf-16"
UTF32 = "utf-32"


def _width(char: str, encoding: str) -> int:
    """Code units of one code point."""
    code = ord(char)
    if encoding == UTF16:
        return 2 if code > 0xFFFF else 1
    if encoding == UTF8:
        return 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
    return 1


def units(text: str, encoding: str = UTF16) -> int:
    """The length of ``text`` in code units of ``encoding``."""
    if text.isascii() or encoding == UTF32:
        return len(text)
    return sum(_width(char, encoding) for char in text)


class PositionMap:
    """Converts between offsets into ``text`` and LSP positions for one encoding."""

    __slots__ = ("_ends", "_starts", "encoding", "text")

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        if encoding not in (UTF8, UTF16, UTF32):
            raise ValueError(f"unknown position encoding {encoding!r}")
        self.text = text
        self.encoding = encoding
        starts = [0]
        ends: list[int] = []
        for match in EOL.finditer(text):
            ends.append(match.start())
            starts.append(match.end())
        ends.append(len(text))
        self._starts = starts
        self._ends = ends  # where each line's body ends (before its terminator)

    def position(self, offset: int) -> tuple[int, int]:
        """(line, character) of ``offset``; an offset inside ``\\r\\n`` counts as its start."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self._starts, offset) - 1
        start = self._starts[line]
        end = min(offset, self._ends[line])
        return line, units(self.text[start:end], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The offset of a position. A line past the end is the end of the text; a
        character past the end of its line is the line's end (as the protocol says); a
        character inside a code point (half a surrogate pair) rounds down to its start."""
        if line < 0:
            return 0
        if line >= len(self._starts):
            return len(self.text)
        start = self._starts[line]
        end = self._ends[line]
        if character <= 0:
            return start
        body = self.text[start:end]
        if self.encoding == UTF32 or body.isascii():
            return start + min(character, len(body))
        count = 0
        for index, char in enumerate(body):
            count += _width(char, self.encoding)
            if count > character:
                return start + index
            if count == character:
                return start + index + 1
        return end
