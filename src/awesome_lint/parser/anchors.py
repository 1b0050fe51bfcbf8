"""Heading anchors as GitHub makes them, and the explicit anchors of a document.

GitHub's rule (html-pipeline's ``TableOfContentsFilter``, which github.com applies to
rendered Markdown): take the heading's rendered text, lower-case it, drop every
character that is not a letter, a mark, a decimal digit, ``_``, ``-`` or a space,
and turn each space into ``-``. The n-th repeat of a slug gets ``-n`` appended
(``foo``, ``foo-1``, ``foo-2``), counted per slug as written, so a third ``Foo``
after a heading ``Foo 1`` collides with it, as on GitHub. Emoji and punctuation
(``&``, ``/``, ``.``, ``?``) simply disappear; CJK and other letters stay, lower-cased
where the script has case. Links, code and emphasis count by their text; images and
HTML tags add nothing (a reference-style image, ``![badge][label]``, is an image when
the document defines the label).

Besides headings, ``<a name="x">`` and any HTML tag with ``id="x"`` make a target
(GitHub keeps them, prefixed with ``user-content-``, and resolves ``#x`` to them).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

from awesome_lint.lazyre import lazy_compile

if TYPE_CHECKING:
    from awesome_lint.parser.document import Document

# Characters that can change a heading's rendered text: anything else is plain text.
_NOT_ANCHOR_ASCII = lazy_compile(r"[^a-z0-9_\- ]")
_MARKUP = lazy_compile(r"[\\`*_\[\]<>&!~]")
_HTML_ID = lazy_compile(
    r"<[A-Za-z][A-Za-z0-9-]*\b[^<>]*?\s(?:id|name)[ \t]*=[ \t]*"
    r"""(?:"([^"]*)"|'([^']*)'|([^\s"'<>=`]+))""",
    re.S,
)
_USER_CONTENT = "user-content-"


def rendered_text(markdown: str, references: dict[str, str] | None = None) -> str:
    """The plain text of a heading's inline Markdown, as GitHub's renderer shows it
    (``references``: the document's link reference definitions, see ``inline_text``)."""
    if _MARKUP.search(markdown) is None:
        return markdown
    from awesome_lint.parser.markdown import inline_text

    return inline_text(markdown, references)


def _keep(ch: str) -> bool:
    if ch == "-" or ch == "_" or ch == " ":
        return True
    category = unicodedata.category(ch)
    return category[0] in "LM" or category == "Nd" or category == "Pc"


def slug(
    markdown: str, *, ascii_case: bool = False, references: dict[str, str] | None = None
) -> str:
    """GitHub's anchor for a heading whose inline Markdown is ``markdown`` (no repeats).

    The rendered text is not stripped: a leading emoji or image leaves a leading ``-``,
    as on GitHub. With ``ascii_case`` only ASCII letters are lower-cased (html-pipeline
    does so; github-slugger, which most ToC generators use, lower-cases all letters).
    """
    text = rendered_text(markdown, references)
    if text.isascii():
        return _NOT_ANCHOR_ASCII.sub("", text.lower()).replace(" ", "-")
    if ascii_case:
        text = "".join(ch.lower() if ch.isascii() else ch for ch in text)
    else:
        text = text.lower()
    return "".join("-" if ch == " " else ch for ch in text if _keep(ch))


class Slugger:
    """Hands out unique anchors in document order (``foo``, ``foo-1``, ``foo-2``)."""

    __slots__ = ("_ascii_case", "_references", "_seen")

    def __init__(
        self, *, ascii_case: bool = False, references: dict[str, str] | None = None
    ) -> None:
        self._seen: dict[str, int] = {}
        self._ascii_case = ascii_case
        self._references = references  # the document's: `![badge][label]` is an image

    def __call__(self, markdown: str) -> str:
        base = slug(markdown, ascii_case=self._ascii_case, references=self._references)
        count = self._seen.get(base, 0)
        self._seen[base] = count + 1
        return base if count == 0 else f"{base}-{count}"


def explicit_anchors(document: Document) -> dict[str, int]:
    """``id``/``name`` attributes of HTML tags outside code: value -> offset of the tag."""
    cached: dict[str, int] | None = document.cache.get("explicit_anchors")
    if cached is not None:
        return cached
    from awesome_lint.parser.inline import code_spans

    text = document.text
    source = document.source
    found: dict[str, int] = {}
    if "=" in text:
        for m in _HTML_ID.finditer(text):
            index = source.line_index(m.start())
            if index in document.code_lines:
                continue
            line = source.lines[index]
            if any(a <= m.start() < b for a, b in code_spans(text, line.start, line.end)):
                continue
            value = next(group for group in m.groups() if group is not None)
            if value.startswith(_USER_CONTENT):
                value = value[len(_USER_CONTENT) :]
            found.setdefault(value, m.start())
    document.cache["explicit_anchors"] = found
    return found


def heading_anchors(document: Document) -> dict[str, int]:
    """Every heading anchor of the document: anchor -> index into ``document.sections``.

    A heading with non-ASCII letters may be reached by either lower-casing (see
    :func:`slug`); both are targets.
    """
    cached: dict[str, int] | None = document.cache.get("heading_anchors")
    if cached is not None:
        return cached
    found: dict[str, int] = {}
    ascii_slugger = Slugger(ascii_case=True, references=document.references)
    for index, section in enumerate(document.sections):
        if section.heading is not None:
            found.setdefault(section.anchor, index)
            found.setdefault(ascii_slugger(section.heading.title), index)
    document.cache["heading_anchors"] = found
    return found


def fragment(url: str) -> str | None:
    """The target of an in-document link ``#x`` (percent-decoded), or None for other URLs."""
    if not url.startswith("#"):
        return None
    value = url[1:]
    if "%" in value:
        from urllib.parse import unquote

        value = unquote(value)
    if value.startswith(_USER_CONTENT):
        value = value[len(_USER_CONTENT) :]
    return value


def close_matches(target: str, anchors: Iterable[str]) -> list[str]:
    """The anchors close to ``target``: equal but for case, else a typo away.

    A typo away: at most two single-character edits, and at most one per four
    characters (``#content`` → ``#contents``, ``#colearning`` → ``#co-learning``,
    but not ``#post-training`` → ``#pre-training``). Only a single close candidate
    makes a fix; several mean the link is ambiguous.
    """
    return AnchorIndex(anchors).close(target)


class AnchorIndex:
    """``close_matches`` for many targets against one set of anchors: the anchors are
    folded and grouped by length once, and the typo search has a budget of
    comparisons (a file with thousands of broken links and thousands of headings
    would otherwise compare every pair: 400 of each took 11 s). Past the budget only
    the case-insensitive match is offered; the link is still reported."""

    BUDGET = 20_000  # edit-distance comparisons per index (about 0.2 s at most)

    __slots__ = ("_by_length", "_lowered", "_spent")

    def __init__(self, anchors: Iterable[str]) -> None:
        self._lowered: dict[str, set[str]] = {}
        self._by_length: dict[int, list[tuple[str, str]]] = {}
        for anchor in anchors:
            low = anchor.lower()
            self._lowered.setdefault(low, set()).add(anchor)
            self._by_length.setdefault(len(low), []).append((low, anchor))
        self._spent = 0

    def close(self, target: str) -> list[str]:
        lowered = target.lower()
        same_case = self._lowered.get(lowered)
        if same_case:
            return sorted(same_case)
        limit = min(2, len(lowered) // 4)
        if limit == 0:
            return []
        found: set[str] = set()
        for length in range(len(lowered) - limit, len(lowered) + limit + 1):
            group = self._by_length.get(length, ())
            self._spent += len(group)
            if self._spent > self.BUDGET:
                return []
            found.update(anchor for low, anchor in group if _within(lowered, low, limit))
        return sorted(found)


def _within(a: str, b: str, limit: int) -> bool:
    """Whether the edit distance of ``a`` and ``b`` is at most ``limit``.

    Only the cells within ``limit`` of the diagonal can stay within it, so only they
    are computed (the others count as ``limit + 1``), and a row whose cells all
    exceed the limit ends the search."""
    if abs(len(a) - len(b)) > limit:
        return False
    if a == b:
        return True
    over = limit + 1
    width = len(b)
    previous = [j if j <= limit else over for j in range(width + 1)]
    for i, ca in enumerate(a, 1):
        current = [over] * (width + 1)
        current[0] = i if i <= limit else over
        best = current[0]
        for j in range(max(1, i - limit), min(width, i + limit) + 1):
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != b[j - 1]))
            if value > over:
                value = over
            current[j] = value
            if value < best:
                best = value
        if best > limit:
            return False
        previous = current
    return previous[width] <= limit
