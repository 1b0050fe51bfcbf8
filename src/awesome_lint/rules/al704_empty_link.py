from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Applicability, Diagnostic, Edit, Fix
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule

# "ttps://", "hhttp://", "htps://", "http//x", "https:/x": a slip in http(s)://
_BAD_SCHEME = lazy_compile(r"(?i)h*t+p+s?(?::/{0,3}|/{1,3})(?=[\w.-])")
_GOOD_SCHEME = lazy_compile(r"(?i)https?://(?!/)")
_BOLD = lazy_compile(r"\*\*([^*/\s]+)\*\*")  # "**mees**", not a "**" path glob


# Words that hold a link's place until its target exists.
_PLACEHOLDERS = frozenset({"tbd", "todo", "none", "null", "coming soon"})
_PLACEHOLDER_MAX = 12  # characters: a longer target is no placeholder (read first: cheap)


# A line that shows the entries' format: `Example: [Conference'year] [Paper Title]()`,
# `Eg. `ACL-20XX` **Title** [paper]`.
_TEMPLATE = lazy_compile(
    r"(?im)(?:^|[\s>*_(])(?:(?:e\.g\.|examples?|format|template)\b[ \t]*[:：]|eg\.[ \t])"
)
# A link's text that is one image alone, a badge: `[![](…/badge/citation-58-blue)]()`
# shows the image, and its empty link goes nowhere on purpose.
_IMAGE_ONLY = lazy_compile(r"[ \t]*!\[[^\]\n]*\]\([^()\n]*\)[ \t]*")


def _template_line(text: str, at: int) -> bool:
    """Whether the text before ``at`` on its line says it shows a format (`Example:`,
    `Format:`, `Template:`): its empty links are placeholders of the example."""
    start = text.rfind("\n", 0, at) + 1
    return _TEMPLATE.search(text, start, at) is not None


# Badges wrapped in an empty link from which on they are the file's decoration.
BADGE_HABIT = 5


def _empty_badges(document: Document) -> int:
    """How many links of the file have an empty target and one image as their text."""
    text = document.text
    return sum(
        1
        for link in document.links
        if not link.image
        and not link.url_value.strip()
        and _IMAGE_ONLY.fullmatch(text, link.text[0], link.text[1]) is not None
    )


class EmptyLink(Rule):
    """
    ## What it does

    Finds links that go nowhere or show nothing: an empty destination
    (`[Name]()`, `[Name](<>)`), a bare `#` (`[Name](#)`), or empty link text
    (`[](https://example.org)`, only spaces between the brackets). Images are
    not links here: `![](badge.svg)` with an empty alt text is left alone, and
    so is a badge wrapped in an empty link in a file that writes them by habit
    (`[![](…/badge/citation-58-blue)]()` on its entries, five times or more: a
    decoration that goes nowhere on purpose). A
    target that only holds a place is reported too: no letter or digit in it
    (`[Paper](-)`, `[Code](...)`) or `TBD`, `TODO`.
    Also links that cannot work as written: a target that is itself Markdown
    (`[[blog]]([blog](https://example.org))`), a misspelt scheme (`ttps://`,
    `hhttp://`, `http//`), a target wrapped in a second pair of parentheses
    (`[[arXiv 2021]]((https://arxiv.org/abs/2106.00417))`) and bold markers pasted
    into a URL (`https://github.com/**mees**/calvin`).

    ## Why

    These are placeholders that were never filled in, or a link whose text was
    lost in an edit. On GitHub an empty destination links to the page itself and
    empty text leaves nothing to click.

    ## Example

    ```markdown
    - [Orca]() - A serving system.
    - [](https://example.org/alpa) - Automating parallelism.
    ```

    ## Fix safety

    No fix for an empty or misspelt link: the missing URL or text has to come from
    a person. Safe fix for the second pair of parentheses (they are removed); unsafe
    fix for bold markers in a URL (they are removed: a URL may hold `**` on purpose).

    ## Options

    None. An empty link on a line that shows the entries' format (`Example:
    [Conference'year] [Paper Title]() [[Code]()]`, after `Example:`, `Format:`,
    `Template:`, `e.g.:` or `Eg. `) is the example's placeholder, not reported.
    """

    code = "AL704"
    name = "empty-link"
    summary = "A link has an empty URL, a bare `#`, or empty text"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        badges: int | None = None
        for link in document.links:
            if link.image or link.reference:
                continue
            url = link.url_value.strip()
            if not url:
                if _template_line(text, link.start):
                    continue
                if _IMAGE_ONLY.fullmatch(text, link.text[0], link.text[1]):
                    if badges is None:
                        badges = _empty_badges(document)
                    if badges >= BADGE_HABIT:
                        continue  # `[![](…/badge/citation-58-blue)]()` on every entry
                yield self.report("Link has an empty URL", link.start, link.end)
            elif url == "#":
                yield self.report("Link points to '#' alone", link.start, link.end)
            elif len(url) <= _PLACEHOLDER_MAX and (
                not any(c.isalnum() for c in url) or url.lower() in _PLACEHOLDERS
            ):
                yield self.report(f"Link target {url!r} is a placeholder", link.start, link.end)
            elif not text[link.text[0] : link.text[1]].strip():
                yield self.report("Link has no text", link.start, link.end)
            elif url.startswith("[") or "](" in url:
                yield self.report(
                    "Link target is Markdown, not a URL (a link written inside a link)",
                    link.url[0],
                    link.url[1],
                )
            elif url.startswith("(") and url.endswith(")") and _GOOD_SCHEME.match(url[1:]):
                # "[[arXiv 2021]]((https://arxiv.org/pdf/2106.00417.pdf))"
                start, end = link.url
                yield self.report(
                    "Link target is wrapped in a second pair of parentheses",
                    start,
                    end,
                    Fix(
                        "Remove the inner parentheses",
                        edits=(Edit(start, start + 1, ""), Edit(end - 1, end, "")),
                        rewrites_urls=True,
                    ),
                )
            elif "**" in url and _GOOD_SCHEME.match(url) and _BOLD.search(url):
                # "https://github.com/**mees**/calvin": bold markers pasted into a URL
                start, end = link.url
                edits = tuple(
                    edit
                    for m in _BOLD.finditer(text, start, end)
                    for edit in (Edit(m.start(), m.start(1), ""), Edit(m.end(1), m.end(), ""))
                )
                yield self.report(
                    "Link target has bold markers (`**`) in it",
                    start,
                    end,
                    Fix(
                        "Remove the `**` markers",
                        edits=edits,
                        applicability=Applicability.UNSAFE,
                        rewrites_urls=True,
                    ),
                )
            elif not _good_scheme(url) and _BAD_SCHEME.match(url):
                yield self.report(
                    f"Link target starts with a misspelt scheme: {url.split('/', 1)[0]!r}",
                    link.url[0],
                    link.url[1],
                )


def _good_scheme(url: str) -> bool:
    """Whether ``url`` starts with a well-written ``http://`` or ``https://``: a str test
    for the usual lower-case scheme, the pattern for the rest."""
    if url.startswith("https://"):
        return not url.startswith("/", 8)
    if url.startswith("http://"):
        return not url.startswith("/", 7)
    return _GOOD_SCHEME.match(url) is not None
