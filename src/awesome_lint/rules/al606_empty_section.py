from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import unquote

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Heading
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import item_heading, nav_heading


class EmptySection(Rule):
    """
    ## What it does

    Finds a heading with nothing under it: the next heading is of the same or
    a higher level (or the file ends) and only blank lines or HTML comments
    come between. A heading followed by deeper sub-headings is not empty. A
    table with its header and no rows (`|Year|Conf|Title|` over `|:-:|:-:|:-:|`,
    a section of a paper list waiting for its first paper) is nothing under it
    too.

    A heading the table of contents shows as a part, its item holding nested
    items (`* [Single-Agent](#single-agent)` over `  * [Behavior-Cloning](…)`),
    is a part title whose sections follow at its own level, not an empty section.
    So is a heading with an anchor of its own that a link of the file jumps to
    (`## <span id="jumpawesome">Awesome Papers</span>` and `[…](#jumpawesome)`).
    A heading that opens the file right over its title (`## FedML - The Most
    Popular Federated Learning Library https://fedml.ai` over `# Awesome-Federated-
    Learning`) is a banner, not a section. Headings with no text (`###` alone) are
    reported, unless the file writes 3 or more: then they are its spacers. A
    heading that is a sentence in italics, six words or more (`#### _If you
    know a tool that isn't present here, feel free to open a pull request._`),
    is a note set large, not a section.

    ## Why

    Empty sections are usually placeholders that were never filled or lists
    whose items moved elsewhere; they clutter the table of contents.

    ## Example

    ```markdown
    ## Compilers

    ## Serving
    ```

    ## Fix safety

    No fix: deleting a heading is for a person to decide.

    ## Options

    None. A heading that is a link, or opens with one (`#### [SUN RGB-D](url) - A
    Benchmark`), is an item written as a heading and needs no content; a heading
    followed by such items (` # [SUN RGB-D](url)`, a bullet typed as `#`) is not
    empty, nor is a heading in a list item that opens with a link (`- ###
    [Community](https://...)`), nor a navigation bar set as a heading, an arrow and
    a link (`#### ← [Awesome TypeScript](url)`), nor a closing `# The End` as the
    file's last heading, nor one that says its content is to come (`### Week 8:
    TBD`, `## Datasets (coming soon)`). Nor is a paper written as a heading, its
    authors and year in parentheses at its end (`#### Instance-Level Segmentation
    ... (Z Zhang, S Fidler, R Urtasun, 2016)`), in a file with at least 3 such
    headings at its level.

    A heading inside a list item (`* ### Semantic Parsing` under `### Fundamental
    NLP Tasks`) is content of the section above it, which is not empty.
    """

    code = "AL606"
    name = "empty-section"
    summary = "A heading has no content"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        source = document.source
        headings = document.headings
        last = len(source.lines)
        groups: set[str] | None = None
        # `###` alone, again and again: the file's spacer, no section (SPACER_MIN of them)
        spacers = sum(1 for heading in headings if not heading.title.strip()) >= SPACER_MIN
        for index, heading in enumerate(headings):
            nxt = headings[index + 1] if index + 1 < len(headings) else None
            if nxt is not None and (nxt.level > heading.level or item_heading(document, nxt)):
                continue  # sub-headings, or items written as headings (` # [SUN RGB-D](…)`)
            if nxt is not None and _in_container(source.line_text(nxt.line), nxt):
                continue  # `* ### Semantic Parsing`: the section holds a list of headed parts
            stop = nxt.line if nxt is not None else last
            content = "".join(source.line_text(i) for i in range(heading.end_line + 1, stop))
            stripped = content.strip()
            while stripped.startswith("<!--") and "-->" in stripped:
                stripped = stripped.split("-->", 1)[1].strip()
            empty_table = (
                0 < len(stripped) < _SHORT
                and "|" in stripped
                and _header_only([source.line_text(i) for i in range(heading.end_line + 1, stop)])
            )
            if (
                (not stripped or empty_table)
                and not item_heading(document, heading)
                and not nav_heading(document, heading)
                and _LINK_TITLE.match(heading.title) is None
                and not (nxt is None and heading.title.strip().casefold() in _CLOSERS)
                and _PENDING.search(heading.title) is None
            ):
                if groups is None:
                    groups = _toc_groups(document)
                if _anchor(document, heading) in groups:
                    continue  # the contents nest the next headings under it: a part title
                if _jump_target(document, heading):
                    continue  # `## <span id="part">Papers</span>`, linked: a part title
                if index == 0 and nxt is not None and nxt.level == 1 < heading.level:
                    continue  # `## FedML - ... https://fedml.ai` over `# Awesome-...`: a banner
                if _NOTE_HEADING.fullmatch(heading.title.strip()):
                    continue  # `#### _If you know a tool ..., open a pull request._`: a note
                if _CITATION.search(heading.title) is not None and _citations(document, heading):
                    continue  # `#### Title (A Author, B Author, 2016)`: a paper as a heading
                _start, end = heading.text
                line = source.lines[heading.line]
                what = " (its table has no rows)" if empty_table else ""
                message = f"Section {heading.title!r} is empty{what}"
                if not heading.title.strip():
                    if spacers:
                        continue
                    # `######` alone names no section: a stray heading
                    message = f"Heading with no text, and nothing under it{what}"
                yield self.report(
                    message,
                    line.start,
                    max(end, line.start + 1),
                )


SPACER_MIN = 3  # headings with no text in a file that spaces its parts with them
# A heading that is a sentence in emphasis, six words at least: a note set large.
_NOTE_HEADING = lazy_compile(r"([*_])(?=[^*_\n]*?(?:\s+\S+){5})[^*_\n]+\1")


# An anchor written into a heading by hand: `<span id="x">`, `<a name="x">`.
_OWN_ID = lazy_compile(r"""<[a-z]+[^>]*?\s(?:id|name)\s*=\s*["']?([^"'\s>]+)""")


def _jump_target(document: Document, heading: Heading) -> bool:
    """Whether the heading carries an anchor of its own (`<span id="jumpawesome">`)
    that a link of the file jumps to (`[Papers](#jumpawesome)`): a part title that
    its author named and links, not a section left empty."""
    raw = document.text[heading.text[0] : heading.text[1]]
    if "<" not in raw:
        return False
    ids = _OWN_ID.findall(raw)
    return any(document.text.count("(#" + value + ")") for value in ids)


# A table's header and delimiter rows are shorter than this (a section's content that
# is longer holds more).
_SHORT = 2000


def _header_only(content: list[str]) -> bool:
    """Whether a section's lines are a table's header and delimiter rows alone
    (`|Year|Conf|Title|` over `|:-:|:-:|:-:|`): a table with no rows."""
    lines = [line for line in content if line.strip()]
    if len(lines) != 2 or "|" not in lines[0]:
        return False
    cells = lines[1].strip().strip("|").split("|")
    return all(cell.strip().strip(":").strip("-") == "" and "-" in cell for cell in cells)


# A heading whose text opens with a link, `- ### [Community](https://...)` (in a list
# item, where the link is not among the document's): an item written as a heading.
_LINK_TITLE = lazy_compile(r"[ \t]*\[[^\[\]\n]+\]\([^()\s]+\)")
# A heading that says its content is still to come, `### Week 8: TBD`.
_PENDING = lazy_compile(
    r"(?i)\b(?:tbd|tba|todo|wip|coming soon|to be (?:added|announced|determined|updated))\b"
)
# A closing heading at the end of a list, `# The End`: nothing is meant to follow it.
_CLOSERS = frozenset({"the end", "end", "fin", "the end."})
# A heading that ends in its paper's authors and year, `(Z Zhang, S Fidler, 2016)` or
# `(P Ondruska, I Posner, AAAI2016) :star:`: an entry written as a heading.
_CITATION = lazy_compile(
    r"\([^()\n]*[ ,][^()\n]*(?:19|20)\d\d(?!\d)[^()\n]*\)[ \t]*(?::\w+:[ \t]*)*\Z"
)
#: ... when the file has this many such headings at that level
CITATION_HEADINGS = 3


def _citations(document: Document, heading: Heading) -> bool:
    count = 0
    for other in document.headings:
        if other.level == heading.level and _CITATION.search(other.title) is not None:
            count += 1
            if count >= CITATION_HEADINGS:
                return True
    return False


def _anchor(document: Document, heading: Heading) -> str:
    """The heading's anchor, lower-cased (GitHub finds it in any case)."""
    for section in document.sections:
        if section.heading is heading:
            return unquote(section.anchor).lower()
    return ""


def _toc_groups(document: Document) -> set[str]:
    """The anchors (lower-cased) that items of a table of contents link to while holding
    nested items: `* [Single-Agent](…#Single-Agent)` over `  * [Behavior-Cloning](…)`."""
    out: set[str] = set()
    for entry in document.entries():
        if not entry.children or entry.link is None:
            continue
        url = entry.link.url_value
        if "#" in url and any(
            child.link is not None and "#" in child.link.url_value for child in entry.children
        ):
            out.add(unquote(url.split("#", 1)[1]).lower())
    return out


def _in_container(line: str, heading: Heading) -> bool:
    """Whether an ATX heading sits inside a list item or a quote (`* ### Semantic
    Parsing`): its line opens with the container's marker, not with `#`."""
    return not heading.setext and not line.lstrip(" \t").startswith("#")
