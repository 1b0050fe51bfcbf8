from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from awesome_lint.diagnostics import Applicability, Diagnostic, Edit, Fix
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import in_link_text, text_entry_at

# "ttps://", "hhttp://", "htps://", "http//x", "https:/x": a slip in http(s)://
_BAD_SCHEME = lazy_compile(r"(?i)h*t+p+s?(?::/{0,3}|/{1,3})(?=[\w.-])")
_GOOD_SCHEME = lazy_compile(r"(?i)https?://(?!/)")
_BOLD = lazy_compile(r"\*\*([^*/\s]+)\*\*")  # "**mees**", not a "**" path glob


# Words that hold a link's place until its target exists.
_PLACEHOLDERS = frozenset({"tbd", "todo", "none", "null", "coming soon"})
# Resources whose label in single brackets with no target after it (`, [code] |`) is a
# link that lost its target: not a link's text (no `(`, `[` or `:` after it, a blank
# between or not: a blank is split-link's), written in one case (`[CoDe]` is a
# method's name). Not after `[`, `]`, `!` or a backslash (_NOT_BEFORE): not in double
# brackets, no image, not escaped.
_RESOURCES = frozenset({"code", "paper", "pdf", "project", "video", "slides"})


@lru_cache(maxsize=16)
def _labels_pattern(labels: tuple[str, ...]) -> re.Pattern[str]:
    forms = "|".join(f for label in labels for f in (label, label.capitalize(), label.upper()))
    # (in double brackets too, `[[code]]` where the file writes `[[code](u)]`; not
    # before a blank and a lone `[`: `[code] [ref]` is split-link's)
    # (the pattern opens with its literal `[`: searched for quickly, not tried at every
    # character)
    return lazy_compile(rf"\[(\[)?({forms})\](?(1)\])(?![ \t]*[(:\]]|[ \t]*\[(?!\[))")


_NOT_BEFORE = frozenset("[]!\\")  # (told apart after the match: a pattern that opens
# with a look-behind is tried at every character of the file)
UNLINKED_HABIT = 3  # links with that label in the file: the bare one lost its target
_LABEL_MAX = 12  # (a label longer than this is no resource's)
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
    into a URL (`https://github.com/**mees**/calvin`). And a resource's label in
    brackets with no target at all (`[paper](url), [code] |` in a table that links
    `[code](url)` 3 times or more): `code`, `paper`, `pdf`, `project`, `video` or
    `slides`, in one case (`[CoDe]` is a method's name), in an entry with a link,
    not in double brackets (`[[code]]`) unless the file links the label in double
    brackets 3 times or more (`[[code](url)]`, `[[code]](url)`). A label followed by
    a blank and a lone `[` is a split reference link (split-link's).

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

    def _unlinked_labels(self, document: Document) -> Iterator[Diagnostic]:
        """`[code]` with no target in an entry of a file that writes `[code](url)` three
        times or more: a link whose address was never filled in."""
        text = document.text
        # the file's links labelled with a resource's name (read first: most files
        # write none three times, and the text is then not searched)
        linked: Counter[str] = Counter()
        doubled: Counter[str] = Counter()  # ... in double brackets, `[[code](u)]`, `[[code]](u)`
        for link in document.links:
            a, b = link.text
            if b - a <= _LABEL_MAX and not link.image:
                label = text[a:b].strip(" []*_`").casefold()
                if label in _RESOURCES:
                    linked[label] += 1
                    if text[a : a + 1] == "[" or text[link.start - 1 : link.start] == "[":
                        doubled[label] += 1
        labels = [label for label, n in linked.items() if n >= UNLINKED_HABIT]
        if not labels:
            return
        pattern = _labels_pattern(tuple(sorted(labels)))
        for m in pattern.finditer(text):
            if text[m.start() - 1 : m.start()] in _NOT_BEFORE:
                continue
            entry = text_entry_at(document, m.start(), m.end())
            if entry is None or not entry.links or in_link_text(document, m.start()):
                continue
            label = m.group(2).casefold()
            if m.group(1) and doubled[label] < UNLINKED_HABIT:
                continue  # `[[code]]` in a file that links `[code](u)`: its own mark
            yield self.report(
                f"{m.group()!r} links nowhere: the file writes it as a link "
                f"({linked[label]} times)",
                m.start(),
                m.end(),
            )

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        yield from self._unlinked_labels(document)
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
