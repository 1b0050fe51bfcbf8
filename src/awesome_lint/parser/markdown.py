"""The one place that talks to markdown-it-py.

Everything else sees plain values: block tokens with line maps, link
reference definitions, and the link-destination/title helpers. The parse is
block-level only (the inline rule is disabled): entries are re-scanned from
the source text anyway, and skipping inline parsing makes the parse several
times faster on large lists.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import accumulate, repeat
from operator import add, sub
from typing import Any, Final

from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkDestination, parseLinkTitle
from markdown_it.parser_block import ParserBlock
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore, normalize
from markdown_it.token import Token
from markdown_it.utils import EnvType

from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.fastlist import compact_list

__all__ = [
    "BlockParse",
    "Token",
    "inline_text",
    "link_destination",
    "link_title",
    "parse_blocks",
]


class BlockParse:
    # A plain class, not a dataclass: creating a dataclass costs about 1 ms at start-up.
    __slots__ = ("cut_line", "references", "tokens")

    def __init__(
        self, tokens: list[Token], references: dict[str, str], cut_line: int | None = None
    ) -> None:
        self.tokens: Final = tokens
        self.references: Final = references  # normalised label -> href
        # 0-based line where markdown-it-py's nesting limit stopped parsing a container
        # (its content, the lines below it in that container, has no tokens), or None
        self.cut_line: Final = cut_line


def line_state(src: str, md: MarkdownIt, env: EnvType, tokens: list[Token]) -> StateBlock:
    """``StateBlock(src, md, env, tokens)``, its line table made by whole-text string
    operations instead of a Python loop over the lines (a fifth of the block parse of a
    long list). ``tests/test_line_state.py`` compares the two.

    The table: for each line, where it begins and ends (before its ``\\n``), and its
    indent (``tShift``: leading blanks; ``sCount``: the same in columns, tabs expanded;
    ``bsCount``: 0), then one entry for the end of the text. A last line without a
    ``\\n`` that is blank (or empty) has none. A text with a tab is left to
    markdown-it-py (a tab's columns depend on where it stands)."""
    if "\t" in src:
        return StateBlock(src, md, env, tokens)
    state = StateBlock("", md, env, tokens)  # every other field, and no line
    lines = src.split("\n")
    if not lines[-1].strip(" "):
        lines.pop()
    lengths = list(map(len, lines))
    begins = list(accumulate(map(add, lengths, repeat(1)), initial=0))
    begins[-1] = len(src)  # (the end-of-text entry)
    ends = list(map(add, begins, lengths))
    ends.append(len(src))
    # the indent: what ``lstrip`` takes off the line (only spaces: there is no tab)
    indents = list(map(sub, lengths, map(len, map(str.lstrip, lines, repeat(" ")))))
    indents.append(0)
    state.src = src
    state.bMarks = begins
    state.eMarks = ends
    state.tShift = indents
    state.sCount = indents.copy()
    state.bsCount = [0] * len(begins)
    state.lineMax = len(lines)
    return state


class _BlockParser(ParserBlock):
    """markdown-it-py's block parser, its state made by ``line_state``."""

    def parse(
        self, src: str, md: MarkdownIt, env: EnvType, outTokens: list[Token]
    ) -> list[Token] | None:
        if not src:
            return None
        state = line_state(src, md, env, outTokens)
        self.tokenize(state, state.line, state.lineMax)
        return state.tokens


def _normalize(state: StateCore) -> None:
    """markdown-it-py's "normalize" core rule, without its copy of a text that has
    nothing to normalise: the rule rewrites every line break (its pattern matches each
    ``\n`` and puts one back), which rebuilt a long list's whole text for nothing, about
    a tenth of the block parse. A text with a carriage return or a NUL goes to the rule
    itself."""
    src = state.src
    if "\r" in src or "\0" in src:
        normalize(state)


# Front matter: a YAML (`---`) or TOML (`+++`) block that opens the file, read by the
# site generators that publish lists as web pages (Jekyll, Hugo). Its lines are
# settings, `key: value`, list items, indented values or `#` comments.
FRONT_MATTER_FENCES = ("---", "+++")
_FRONT_MATTER_LINES = 100
_SETTING = lazy_compile(r"(?:#.*|-(?:[ \t].*)?|[\w.\-\[\]\"']+[ \t]*[:=].*|[ \t]+\S.*|[ \t]*)\Z")


def front_matter(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Block rule: the front matter that opens a file, kept whole as an HTML block (its
    `# title:` is no heading, its closing `---` no underline of one)."""
    if start != 0 or state.sCount[0] != 0:
        return False
    src = state.src
    fence = src[state.bMarks[0] : state.eMarks[0]].rstrip(" \t")
    if fence not in FRONT_MATTER_FENCES:
        return False
    closers = (fence, "...") if fence == "---" else (fence,)
    for line in range(1, min(end, _FRONT_MATTER_LINES)):
        text = src[state.bMarks[line] : state.eMarks[line]]
        if text.rstrip(" \t") in closers:
            break
        if _SETTING.match(text) is None:
            return False
    else:
        return False
    if silent:
        return True
    token = state.push("html_block", "", 0)
    token.map = [0, line + 1]
    token.content = src[state.bMarks[0] : state.eMarks[line]]
    state.line = line + 1
    return True


@lru_cache(maxsize=2)
def _parser(compact: bool) -> MarkdownIt:
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.core.ruler.at("normalize", _normalize)
    # no inline parse, so no inline children for "text_join" to join (it would walk
    # every token for nothing)
    md.disable(["inline", "text_join"])
    md.block.ruler.before("table", "front_matter", front_matter)
    if compact:
        md.block.ruler.before("list", "compact_list", compact_list)
    block = _BlockParser()
    block.ruler = md.block.ruler  # (its rules, as enabled above)
    md.block = block
    return md


def parse_blocks(text: str, *, compact: bool = True) -> BlockParse:
    """Block tokens of ``text`` (which must not start with a BOM).

    The simplest lists come as one ``simple_list`` token each (see
    ``parser.fastlist.compact_list``); ``compact=False`` leaves every list to
    markdown-it-py's own rule (the differential tests build documents both ways)."""
    env: dict[str, Any] = {}
    parser = _parser(compact)
    tokens = parser.parse(text, env)
    refs = {label: str(ref.get("href", "")) for label, ref in env.get("references", {}).items()}
    # A container opened at the last level markdown-it-py allows gets no content.
    limit = int(parser.options.get("maxNesting", 20)) - 1
    cut = next((t for t in tokens if t.level >= limit and t.nesting == 1 and t.map), None)
    return BlockParse(tokens, refs, cut.map[0] if cut is not None and cut.map else None)


def silence_debug_logging() -> None:
    """Turn off markdown-it-py's debug loggers (for the command line, which never shows them).

    Every block rule logs a debug line each time it is tried, several per source line;
    even when the level drops them, the calls cost about a fifth of a block parse.
    A disabled logger returns at once (``Logger.disabled``).
    """
    import logging

    for name, logger in list(logging.Logger.manager.loggerDict.items()):
        if (name == "markdown_it" or name.startswith("markdown_it.")) and isinstance(
            logger, logging.Logger
        ):
            logger.disabled = True


def normalize_label(label: str) -> str:
    """CommonMark's reference label normalisation (as markdown-it-py applies it)."""
    from markdown_it.common.utils import normalizeReference

    return normalizeReference(label)


def link_destination(text: str, pos: int, maximum: int) -> tuple[int, str] | None:
    """Parse a link destination at ``pos``; return (end position, destination)."""
    result = parseLinkDestination(text, pos, maximum)
    if not result.ok:
        return None
    return result.pos, result.str


def link_title(text: str, pos: int, maximum: int) -> int | None:
    """Parse a link title at ``pos``; return its end position."""
    result = parseLinkTitle(text, pos, maximum)
    if not result.ok or result.can_continue:
        return None
    return result.pos


@lru_cache(maxsize=1)
def _inline_parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["strikethrough"])


_ENV_REFERENCES: list[tuple[dict[str, str], dict[str, dict[str, str]]]] = []


def _env_references(references: dict[str, str]) -> dict[str, dict[str, str]]:
    """The references as markdown-it-py's environment holds them, made once for a
    document's dict (a list's headings are read one by one)."""
    if _ENV_REFERENCES and _ENV_REFERENCES[0][0] is references:
        return _ENV_REFERENCES[0][1]
    made = {label: {"href": href, "title": ""} for label, href in references.items()}
    _ENV_REFERENCES[:] = [(references, made)]
    return made


def inline_text(markdown: str, references: dict[str, str] | None = None) -> str:
    """The plain text that inline ``markdown`` renders to (a heading's text, say).

    Text and code count; link and emphasis markup, images and HTML tags add nothing;
    entities and escapes are decoded; a line break is a space. ``references`` (the
    document's link reference definitions, normalised label -> href) make
    ``![badge][label]`` an image, as it renders, not text.
    """
    parts: list[str] = []
    env: dict[str, Any] = {}
    if references:
        env["references"] = _env_references(references)
    for block in _inline_parser().parseInline(markdown, env):
        stack = list(reversed(block.children or []))
        while stack:
            tok = stack.pop()
            if tok.type in ("text", "code_inline"):
                parts.append(tok.content)
            elif tok.type in ("softbreak", "hardbreak"):
                parts.append(" ")
    return "".join(parts)
