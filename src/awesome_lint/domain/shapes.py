"""The shape of an entry (link first, bracketed prefix, bold title, text then link,
no link) and of a section (the shape most of its entries share, and how sure that is)."""

from __future__ import annotations

from collections import Counter

from awesome_lint.lazyre import lazy_compile
from awesome_lint.links.papers import link_roles
from awesome_lint.links.roles import PAPER_LABELS, LinkRole, clean_label
from awesome_lint.parser.document import Document, Entry, Link, Section

SHAPES = {
    "link": ("starts with a link", "start with a link (`[Title](url)…`)"),
    "prefix": (
        "has a bracketed prefix before its link",
        "have a bracketed prefix before their link",
    ),
    "emphasis": ("has its title in bold or italics", "have their title in bold or italics"),
    "text-link": ("starts with text, not a link", "start with text and link later"),
    "text": ("has no link", "have no link"),
}


def shape_of(document: Document, entry: Entry) -> str | None:
    """The coarse shape of an entry's first line, or None when it is not a paper/resource.

    An entry whose only links are code, project, slides or badge links (see
    ``links.roles``) has no shape: it fits a list of linked papers and a list of
    link-less ones alike (not every paper has code). Links on the
    continuation lines of a multi-line item count too. A parent item without a link
    over nested items with links is a group label, not an entry.
    """
    start, end = entry.content
    if start >= end or entry.kind == "row":
        return None  # a table's rows have the table's shape
    roles = entry.roles  # (kept on the entry by link_roles: read without a call)
    if roles is None:
        roles = link_roles(document, entry)
    if roles and roles[0][1] != "aux" and roles[0][0].start == start:
        # Most entries: the first link opens the entry and is not auxiliary. It is the
        # first of ``links`` in _shape_by_links, where no test before the "link" answer
        # applies then (a differential test holds the two to the same answers).
        return "link"
    if len(roles) == 1 and roles[0][1] != "aux":
        # The next commonest: one paper link after a venue in brackets, `[OSDI'22]
        # [Title](url)`. With one link no test before the "prefix" answer applies in
        # _shape_by_links, and a bracket that ends in a year is no tag (the same
        # differential test holds this answer too).
        text = document.text
        first = roles[0][0].start
        if text[start] == "[" and first > start:
            close = text.find("]", start, first)
            if close > 0 and _year_end(text, start, close):
                return "prefix"
    return _shape_by_links(document, entry, roles)


def _shape_by_links(
    document: Document, entry: Entry, roles: list[tuple[Link, LinkRole]]
) -> str | None:
    """``shape_of`` of an entry with text (not a table's row) whose links have these
    roles, read in full."""
    text = document.text
    start, end = entry.content
    links = []
    venues = 0
    for link, role in roles:  # one loop: this runs for every entry of the file
        if role != "aux":
            links.append(link)
            if role == "venue":
                venues += 1
    if venues >= 2 and links[0].start != start:
        return None  # "Visual Recognition [Spring 2016](u), [Fall 2016](u)": editions
    if len(links) >= 2 and links[0].start != start and _parts(text, links):
        return None  # "Collecting Garbage: [1](u) [2](u) [3](u)": a series in parts
    if (
        len(links) >= 3
        and text[start].isalpha()  # (before the test: most entries open with a bracket)
        and _link_row(text, start, end, entry.links)
    ):
        return None  # "Social - [Discord] [Instagram] [Mastodon]": a label over links
    if (
        roles
        and roles[0][0].start != start
        and (len(roles) >= 2 or text[start] in "*_")
        and _bracketed(text, start, end, roles[0][0].start, roles[-1][0].end)
    ):
        # "**R6RS** (2007; [errata-corrected version](u); [errata](u))": a name and
        # its documents, no one page of its own; "**SQLite** (web: [sqlite.org](u))"
        return None
    if roles and not links:
        return None  # only code, project or badge links: fits both link-less and linked lists
    if not links and entry.more_links:
        links = [link for link in entry.more_links if not link.image]
    if not links and _PLACEHOLDER.search(text, start, end):
        return None  # "\\[N/A\\]": the list says on purpose that there is no link
    if not links and text.find("://", start, end) >= 0 and _BARE_URL.search(text, start, end):
        return None  # "* more on https://githooks.com/": an address GitHub links as it is
    if not links and _TO_COME.search(text, start, min(end, start + 40)):
        return None  # "- Continuing soon ...", "- **YOU** - Please add ...": no entry yet
    if not links and any(child.links for child in entry.children):
        return None  # a group label ("Linux", "**Post-Training**") over linked items
    if links and text[start] in "ao" and _CONTINUES.fullmatch(text, start, links[0].start):
        return None  # "* and [others](url)": the list before it goes on elsewhere
    if text[start] == "!" and text.startswith("![", start):
        # "![image](mark.png)[KDD 2022] Title": an image that flags the entry (the
        # maintainers' own papers) stands before its shape, as an emoji does
        for link in entry.links:
            if link.image and link.start == start:
                start = link.end
                while start < end and text[start] in " \t":
                    start += 1
                break
        if start == end:
            return None
    first = text[start]
    if first == "~" and text.startswith("~~", start) and start + 2 < end:
        # "~~[Speaker] [Title](url)~~ Unable to connect": a struck-out entry (a dead link
        # the list keeps) has the shape of what the marks hold
        start += 2
        first = text[start]
    if first == "#" and _HEADING.match(text, start, end):
        return None  # "- ### Prompt Learning/Tuning:": a heading in an item labels a group
    if first == "`":
        return None  # "* `:%!jq '.'` is a Vim command that ...": a command, a tip
    if first == ":" and (code := SHORTCODE.match(text, start, end)) is not None:
        # ":open_file_folder: [Title](url)": an emoji written as GitHub's short code
        # flags the entry, as the emoji itself would (below)
        start = code.end()
        while start < end and text[start] in " \t":
            start += 1
        if start == end:
            return "text"
        first = text[start]
    if not first.isascii() and not first.isalnum():
        # an emoji or a mark before the title flags the entry ("🌟 **[CLIP]** Title"):
        # the shape is what follows it
        while start < end and (
            text[start] in " \t" or (not text[start].isascii() and not text[start].isalnum())
        ):
            start += 1
        if start == end:
            return "text"
        first = text[start]
    if links and links[0].start == start:
        return "link"
    if first == "<" and links and not text[start : links[0].start].strip("<"):
        return "link"  # `<[Title](url)> by Authors, 2017`: the link in angle brackets
    if first == "[" and links:
        close = text.find("]", start, links[0].start)
        if (
            (text[close - 1].isalnum() or text[close - 1] == ")")
            and not _year_end(text, start, close)
            and _TAGS.fullmatch(text, start, links[0].start)
            and not _venue(text[start + 1 : close])
        ):
            return "link"  # `[DAgger] <[Title](url)>`, `[13] : [Title](url)`: a tag or a key
    if first == "(" and links:
        tag = _PAREN_TAG.fullmatch(text, start, links[0].start)
        if (
            tag is not None
            and not _DIGIT.search(tag["tag"])
            and not _venue(tag["tag"])
            and _names(text, roles, links[0])
        ):
            # `(NCLT) [University of Michigan North Campus ... Dataset](url)`: the
            # method's or dataset's short name in parentheses tags a title link
            return "link"
    if (
        links
        and first.isalpha()  # (before the pattern: most heads open with a bracket)
        and _NAME_TAG.fullmatch(text, start, links[0].start)
        and _names(text, roles, links[0])
    ):
        # `Gemini: [Generalizable Embeddings from Gemini](url)`, `NovaSearch [Jasper and
        # Stella: ...](url)`: the model's or the maker's name tags a title link
        return "link"
    if (
        roles
        and links
        and first.isupper()
        and _POSSESSIVE.fullmatch(text, start, roles[0][0].start)
    ):
        # "Sascha Willems's [samples](url) and [...](url)": the maker's name, possessive,
        # before the items' links (the first may be a resource's: `[samples]` on GitHub)
        return "link"
    if first in "*_":
        tag = _EMPHASIZED_TAG.match(text, start, links[0].start) if links else None
        if (
            tag is not None
            and _WORDS.search(text, tag.end(), links[0].start)
            and not _venue(tag["tag"])
        ):
            # `**[OCFusion]** Learning Instance Occlusion ... [[paper]](url)`: a name tag
            # set in bold before a title in plain text and a link: text, then a link
            return "text-link"
        if links and not text[start : links[0].start].strip("*_"):
            return "link"  # `**[doobie](url)** - ...`: a link set in bold to stand out
        if (
            links
            and _BOLD_LABEL.fullmatch(text, start, links[0].start)
            and _names(text, roles, links[0])
        ):
            # `**FGSM :** [Explaining and harnessing adversarial examples](url)`: the
            # method's name in bold labels a title link, as `Gemini: [Title](url)` does
            return "link"
        if links and _bold_tag(text, start, links[0].start):
            return "link"  # `**[SoftAC]** <[Title](url)>`: a topic tag set in bold
        inner = start
        while inner < end and text[inner] in "*_":
            inner += 1
        if links and text.startswith("[", inner):
            close = text.find("]", inner, links[0].start)
            if close > 0 and (
                _year_end(text, inner, close) or _DATE_TAG.fullmatch(text, inner, close + 1)
            ):
                # `**[IJCAI 2024] A Comprehensive Survey ...** [[pdf]](url)`: a venue
                # prefix, the whole entry set in bold to stand out
                return "prefix"
        return "emphasis"
    if first == "[" and links:
        return "prefix"
    if links:
        return "text-link"
    return "text"


# Topic tags or authors before an entry's link, `[DAgger] `, `[Model based] <`,
# `[Andreas Stuhlmüller, jungofthewon] `, `[OpenO1 Team] `, `[2IWIL] `, `[PESC-TD(0)] `:
# words in brackets that start with a letter (after at most three digits), with no
# number of two or four digits (a venue's year makes a prefix: `[OSDI'22] `,
# `[CVPR 2023] `, `[ICLR23] `); or a citation key, `[13] : ` (one to three digits: four
# are a year).
_TAGS = lazy_compile(
    r"(?:(?:\[(?![^\]\n]*(?<!\d)(?:\d\d|\d{4})(?!\d))\d{0,3}[^\W\d_][^\[\]\n]{0,39}\][ \t]*)+"
    r"|\[\d{1,3}\][ \t]*[:.]?[ \t]*)[<*_]*"
)

_HEADING = lazy_compile(r"#{1,6}[ \t]")
# A bare address, which GitHub shows as a link.
_BARE_URL = lazy_compile(r"(?<![(<\w])https?://[^\s<>()]+\.[^\s<>()]+")
# A date in brackets, its month and day in one digit or two: `[2023.2.8]`, `[2024-9-28]`.
_DATE_TAG = lazy_compile(r"\[(?:19|20)\d\d[./-]\d\d?(?:[./-]\d\d?)?\]")
_WORDS = lazy_compile(r"[^\W\d_]{2}")
# A tag in brackets set in bold or italics, then a blank and more text: `**[OCFusion]** `.
_EMPHASIZED_TAG = lazy_compile(
    r"(?P<mark>\*\*|__|\*|_)\[(?P<tag>[^\W\d_][^\[\]\n]{0,39})\](?P=mark)[ \t]+(?=\S)"
)


def _bold_tag(text: str, start: int, end: int) -> bool:
    """Whether ``start``..``end`` (the text before an entry's link) is a tag in brackets
    set in bold or italics, `**[SoftAC]** <`: the tag's own test, emphasis aside."""
    head = text[start:end].replace("*", "").replace("_", "")
    close = head.find("]")
    return (
        head.startswith("[")
        and close > 1
        and (head[close - 1].isalnum() or head[close - 1] == ")")
        and not _year_end(head, 0, close)
        and _TAGS.fullmatch(head) is not None
        and not _venue(head[1:close])
    )


# A part's number as a link's text: `1`, `#1`, `\\#2`, `Part 3`, `II`.
_PART = lazy_compile(r"(?i)(?:part[ \t]*)?\\?#?(?:\d{1,2}|[ivx]{1,4})")


def _parts(text: str, links: list[Link]) -> bool:
    """Whether every link's text is a part's number, `Name: [\\#1](u) & [\\#2](u)`: the
    links after the name are the parts of one series, and the name is the title."""
    return all(
        not link.image and _PART.fullmatch(text, link.text[0], link.text[1]) for link in links
    )


def _link_row(text: str, start: int, end: int, links: list[Link]) -> bool:
    """Whether the entry is a short label (three words at most) and then only its links,
    blanks and separators between and after them (`Social - [Discord] [Instagram]
    [LinkedIn]`): a row of a project's pages, not an entry with a title."""
    label = text[start : links[0].start].strip(" \t-–—:|*_")
    if not label or len(label) > 30 or len(label.split()) > 3:
        return False
    links = [link for link in links if not link.image]
    pos = links[0].end
    for link in links[1:]:
        if text[pos : link.start].strip(_ROW_GAPS):
            return False
        pos = link.end
    return not text[pos:end].strip(_ROW_GAPS)


_ROW_GAPS = " \t,;|/·•-–—"


def _bracketed(text: str, start: int, end: int, first: int, last: int) -> bool:
    """Whether every link after the entry's name (the first starting at ``first``, the
    last ending at ``last``) stands in one pair of parentheses that follows it:
    `**R6RS** (2007; [errata](u); [official version](u))`."""
    opening = text.rfind("(", start, first)
    if opening < 0 or text.find(")", opening, first) >= 0:
        return False
    closing = text.find(")", last, end)
    return closing >= 0 and text.find("[", last, closing) < 0


def _venue(word: str) -> bool:
    """Whether a bracket's text is a known venue without its year (`[Arxiv] [Title](url)`
    among `[EMNLP 2023] [Title](url)`): a prefix, not a tag."""
    from awesome_lint.venues.registry import default_registry

    return default_registry().lookup(word.strip()) is not None


def _year_end(text: str, start: int, close: int) -> bool:
    """Whether the bracket ``[`` at start .. ``]`` at close ends with a number of two or
    four digits after other text (`[OSDI'22]`, `[CVPR 2023]`): a venue's year, no tag
    (a cheap answer for the commonest prefix before the tag pattern is tried)."""
    k = close
    while k > start + 1 and text[k - 1].isdigit():
        k -= 1
    return close - k in (2, 4) and k > start + 1


# "\\[N/A\\]", "(TBD)": only whether one is there counts, so the opening bracket's escape
# is not looked for (a pattern that starts with a bracket is tried at brackets only).
# A short item that says more entries will come: `Continuing soon ...`, `TBD`, `WIP`,
# `**YOU** - Please add your information`.
_TO_COME = lazy_compile(
    r"(?i)\b(?:(?:coming|continu\w*|more|updat\w*) soon|to be (?:continued|added|updated)"
    r"|more to come|tbd|tba|todo|wip|work in progress|stay tuned|please add|add yours"
    r"|(?:and|many) (?:many )?more(?: \w+)?\W*$)\b"
)
# A conjunction (and a word) before an item's only text, its link: `and [others](u)`,
# `or [any other client](u)`: the end of a list of items, no entry of its own.
_CONTINUES = lazy_compile(r"(?:and|or)[ \t]+(?:[a-z]+[ \t]+)?")
_PLACEHOLDER = lazy_compile(r"(?i)[\[(](?:n/?a|tbd|tba|none|coming soon|to appear)\\?[\])]")


class SectionShape:
    """A section's detected entry shape: the shape of most of its entries (None when
    it has no entry with a shape), the share of entries that have it, and the count."""

    __slots__ = ("confidence", "entries", "shape")

    def __init__(self, shape: str | None, confidence: float, entries: int) -> None:
        self.shape = shape
        self.confidence = confidence
        self.entries = entries


def section_shape(document: Document, section: Section) -> SectionShape:
    """The shape most of a section's top-level entries share (rows are "table"); the
    items under a group label count in its place."""
    counts: Counter[str] = Counter()
    stack = list(reversed(section.entries))
    while stack:
        entry = stack.pop()
        if entry.is_toc:
            continue
        shape = "table" if entry.kind == "row" else shape_of(document, entry)
        if shape is not None:
            counts[shape] += 1
        elif entry.children:  # a group label ("- Agent Skills"): its items have the shape
            stack.extend(reversed(entry.children))
    total = sum(counts.values())
    if not total:
        return SectionShape(None, 0.0, 0)
    shape, count = counts.most_common(1)[0]
    return SectionShape(shape, count / total, total)


# A name that tags a title link: up to three words and a colon (`Gemini key
# technologies: `), or one word alone (`NovaSearch `), maybe with a comma (`CoAtt, `).
_NAME_TAG = lazy_compile(
    r"[A-Za-z][\w.+-]*(?:[ \t]+[\w.+-]+){0,2}[ \t]*:[ \t]+|[A-Z][\w.+-]*,?[ \t]+"
)


# A short name in parentheses before a link: `(NCLT) `, `(Social Force) `; with no
# digit (`(CVPR 2019) ` is a venue prefix).
_PAREN_TAG = lazy_compile(r"\((?P<tag>[A-Za-z][^()\[\]\n]{0,28})\)[ \t]+")
_DIGIT = lazy_compile(r"\d")
# A name in bold and a colon before a link: `**FGSM :** `, `**C&W**: `.
_BOLD_LABEL = lazy_compile(r"(\*\*|__)[^*_\[\]()<>\n]{1,48}?(?::[ \t]*\1|\1[ \t]*:)[ \t]*")
# An emoji's short code, as GitHub writes them (`:open_file_folder:`, `:+1:`).
SHORTCODE = lazy_compile(r":[a-z0-9_+-]+:")
# A maker's name, possessive, before a link: one or two capitalised words and `'s`.
_POSSESSIVE = lazy_compile(r"[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*)?['’]s?[ \t]+")

_TITLE_WORDS_MIN = 3  # words of a link's text that is a title, not a label (`[web]`)


def _names(text: str, roles: list[tuple[Link, LinkRole]], link: Link) -> bool:
    """Whether ``link``'s text is a title (three words or more, `[Generalizable
    Embeddings from Gemini]`), no label (`[web]`, `[PDF]`) and no venue."""
    if any(other is link and role == "venue" for other, role in roles):
        return False
    label = clean_label(text[link.text[0] : link.text[1]])
    return len(label.split()) >= _TITLE_WORDS_MIN and label not in PAPER_LABELS


# A nested item's label at its start: `ExpEnv: [mujoco](u)`, `ExpEnv: chess, go,
# [atari](u)`, `Dataset - [x](u)`.
_NOTE_LABEL = lazy_compile(r"[ \t]*[A-Z][A-Za-z .&/-]{0,24}?[ \t]*(?::|[ \t]-[ \t])")


def labelled_note(text: str, entry: Entry) -> bool:
    """Whether ``entry`` is a labelled note of the paper above it (`  - ExpEnv:
    [mujoco](url)` under `- [Title](url)`): a nested item whose text opens with a
    short label, before its first link. Papers share such resources (an environment, a dataset);
    the note is the paper's, not an entry of the list."""
    parent = entry.parent
    if parent is None or not parent.links or not entry.links:
        return False
    head = text[entry.content[0] : entry.links[0].start]
    return bool(head) and _NOTE_LABEL.match(head) is not None


def wrapped_note(document: Document, entry: Entry) -> bool:
    """Whether the entry is a note nested under an item, with no web link on its first
    line, whose first paragraph runs on over two lines or more: prose wrapped by hand
    (`* Is an open-source toolkit ...` over three lines under a framework's item), not
    an entry split by a slip, and its links are words of a sentence."""
    if not entry.depth or entry.para_end - entry.line < 2:
        return False
    end = document.source.lines[entry.line].end
    return not any(
        link.start < end and not link.image and link.url_value.startswith(("http://", "https://"))
        for link in (*entry.links, *entry.more_links)
    )
