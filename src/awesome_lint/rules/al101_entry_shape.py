from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.domain.parts import areas, html_heading_title, html_headings
from awesome_lint.domain.shapes import SHAPES, shape_of
from awesome_lint.parser.document import Document, Entry, Section
from awesome_lint.rules.base import Context, Option, OptionError, Rule
from awesome_lint.rules.common import dominant


def _check_sections(value: Any) -> Any:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise OptionError("must be a table of heading = shape")
    for heading, shape in value.items():
        if shape not in SHAPES:
            allowed = ", ".join(repr(name) for name in SHAPES)
            raise OptionError(f"{heading!r}: {shape!r} is not one of {allowed}")
    return value


class EntryShape(Rule):
    """
    ## What it does

    Learns the file's dominant entry shape (link first, bracketed venue prefix, bold
    title, text then link, …) and reports entries that deviate from it, for example
    a paper without a link in a list where every other entry starts with
    `[Title](url)`. A Markdown list of which no item has a link is notes, not
    entries (`- Moby = open source development` above a section's links), and is
    left alone. A link set in bold to stand out (`**[doobie](url)** - ...`, a list
    that bolds its most-starred projects) starts with a link like the others, and an
    emoji that flags an entry (`🌟 **[CLIP]** Learning Transferable ...`, the papers
    to read first, or its short code, `:open_file_folder: [Title](url)`) stands
    before its shape, not in it, and so does an image that
    marks it (`![image](ours.png)[KDD 2022] Title`, the maintainers' own papers; a
    venue prefix inside bold, `**[IJCAI 2024] Title**`, is a prefix); so do topic
    tags, authors or a citation key in brackets (`[DAgger] <[Title](url)>`, `[Nathan
    Lambert] [Title](url)`, `[13] : [Title](url)`, in bold too, `**[SoftAC]**
    <[Title](url)>`, a method's name with digits, `[2IWIL]`, `[PESC-TD(0)]`: words
    with no number of two or four digits, where a venue's year would make a prefix,
    `[OSDI'22]`, `[ICLR23]`, and so does a known venue without its year, `[Arxiv]`),
    and a model's or maker's name before a title link, up to three words and a
    colon or one capitalised word (`Gemini: [Generalizable Embeddings from
    Gemini](url)`, `NovaSearch [Jasper and Stella: ...](url)`; the link's text a
    title of three words or more, not `[web]`), a name in bold with a colon
    (`**FGSM :** [Explaining and harnessing adversarial examples](url)`, the
    same test on the link's text), or possessive before any link
    (`Sascha Willems's [samples](url) and [...](url)`). A struck-out entry
    (`~~[Speaker] [Title](url)~~ Unable to connect`: a dead link the list keeps)
    has the shape of what the marks hold.
    An entry whose link is split by a blank (`[RxJS] (https://...)`) is
    `split-link`'s (AL714) when both run: it is not reported again here as an entry
    without a link.

    ## Why

    Each list has its own convention, and awesome-lint follows it rather than
    imposing one. Entries that break the list's own convention are usually
    mistakes: a missing link, a pasted entry from another list.

    ## Example

    In a file of `- [Title](url): subtitle | Venue` entries,
    `- Enabling Parallelism Hot Switching | SOSP'24` is reported (no link).

    ## Fix safety

    No fix: the missing part has to come from a person.

    ## Options

    - `sections`: where detection is unsure, name a section's shape: a table of
      heading = shape (`link`, `prefix`, `emphasis`, `text-link`, `text`), e.g.
      `sections = { "Surveys" = "text-link" }`. Entries of that section that have
      another shape are reported, whatever the rest of the file does.
      `awesome-lint inspect FILE` shows the shape detected per section.

    Otherwise the rule is silent unless one shape covers at least 80% of the
    file's entries (and at least 10 of them). Table-of-contents items, nested
    items and sections whose own majority shape differs from the file's are
    ignored: a section with its own deliberate convention is not an error. The
    parts of a section under HTML headings (`<h2 id="d">Part D: Conference
    Deadlines</h2>`, which GitHub renders as headings) count as sections of
    their own, and the message names them.
    Nor is an item without a link in the section that introduces the list (the
    part before the first heading, or the title's section, when more follow):
    `* This stream is to identify the clips ...` above `* [review blog](…)`.
    Nor is an item that opens with code, `` * `:%!jq '.'` is a Vim command
    ... ``: a tip or a command, not an entry of the list's shape.
    Links to code, a project page, slides or a badge are not the paper's: an
    entry with only such links fits either shape, and when most entries have no
    link, an entry with one is no mistake; nor is one that says it has none
    (`\\[N/A\\]`, `(TBD)`) or that more is to come (`- Continuing soon ...`, `* many more`),
    or one that closes the list before it (`* and [others](…)`),
    or one that links several editions after its name
    (`Visual Recognition [Spring 2016](…), [Fall 2016](…)`) or the numbered parts
    of one series (`Collecting Garbage: [1](…) [2](…) [3](…)`), or its documents in
    parentheses after its name (`**R6RS** (2007; [errata](…); [official
    version](…))`, `**SQLite** (web: [sqlite.org](…))`), or a short label over a row of
    three links or more (`- Social - [Discord] [Instagram] [Mastodon]`), or an item
    whose link is a bare address (`* more on https://githooks.com/`). A legend's items,
    a bold label without a link in a list none of whose items links (`- **💡
    Motivation**: ...`), are notes beside linked entries. A parent item without a link over
    nested linked items is a group label, and a link on the continuation line of
    a multi-line item counts.
    """

    code = "AL101"
    name = "entry-shape"
    summary = "An entry deviates from the file's dominant entry shape"
    options: ClassVar[Mapping[str, Option]] = {
        "sections": Option(
            {},
            "per-heading shapes where detection is unsure: a table of heading = shape "
            "(link, prefix, emphasis, text-link, text)",
            validate=_check_sections,
        ),
    }

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        named: Mapping[str, str] = context.options.get("sections") or {}
        # per section: its entries with a shape, and how many have each shape
        sections: list[tuple[Section, str, list[tuple[Entry, str]], Counter[str]]] = []
        overall: Counter[str] = Counter()
        area_of = areas(document) if html_headings(document) else None
        for section in document.sections:
            want_here = named.get(section.title)
            # (a section's parts under HTML headings, `<h2>Part D: Deadlines</h2>`, are
            # sections of their own: each may keep its own shape)
            whole: list[tuple[Entry, str]] = []  # (a section without HTML headings)
            parts: dict[int, list[tuple[Entry, str]]] = {0: whole}
            for entry in section.entries:
                if entry.is_toc:
                    continue
                shape = shape_of(document, entry)
                if shape is None:
                    continue
                if want_here is None:
                    if area_of is None:
                        whole.append((entry, shape))
                    else:
                        heading = area_of.get(id(entry), (0, 0, ""))[1]
                        parts.setdefault(heading, []).append((entry, shape))
                elif shape != want_here:  # the section's shape is named in the config
                    yield self._report(entry, shape, want_here, "of this section")
            for shapes in parts.values():
                if not shapes:
                    continue
                counts = Counter(shape for _, shape in shapes)
                overall.update(counts)
                title = html_heading_title(document, shapes[0][0]) or section.title
                sections.append((section, title, shapes, counts))
        # The plurality shape, then its share among the sections that follow it:
        # a section with its own majority shape is a deliberate convention.
        plurality = _most_common(overall)
        if plurality is None:
            return
        following = [
            (section, title, shapes)
            for section, title, shapes, counts in sections
            if _most_common(counts) == plurality
        ]
        want = dominant(
            (shape for _, _, shapes in following for _, shape in shapes), share=0.8, minimum=10
        )
        if want is None or want == "text":
            return  # in a list of link-less entries, an entry with a link is no mistake
        intro = _intro(document)
        for section, title, shapes in following:
            where = f" and of section {title!r}" if title else ""
            # a Markdown list of which no item has a link is notes, not entries
            # (`- Moby = open source development` above the section's links; a legend,
            # `- **💡 Motivation**: How well-motivated ...`, where the entries link)
            linked = {entry.list_id for entry, shape in shapes if shape != "text"}
            with_links: set[int] | None = None
            for entry, shape in shapes:
                if shape != want and (shape != "text" or entry.list_id in linked):
                    if shape == "emphasis" and not _has_link(entry):
                        if with_links is None:
                            with_links = {e.list_id for e, _ in shapes if _has_link(e)}
                        if entry.list_id not in with_links:
                            continue  # "- **💡 Motivation**: ...": a legend, no entry
                    if shape == "text" and section is intro:
                        continue  # "* This stream is to identify ...": the introduction
                    yield self._report(entry, shape, want, f"of this file{where}")

    def _report(self, entry: Entry, shape: str, want: str, whose: str) -> Diagnostic:
        return self.report(
            f"Entry {SHAPES[shape][0]}, while most entries {whose} {SHAPES[want][1]}",
            entry.content[0],
            entry.content[1],
        )


def _has_link(entry: Entry) -> bool:
    return any(not link.image for link in entry.links)


def _intro(document: Document) -> Section | None:
    """The section that introduces the list, when others follow: the part before the
    first heading, or the first heading's section when nothing stands before it."""
    sections = document.sections
    if len(sections) < 2:
        return None
    first = sections[0]
    if first.heading is None and not first.entries:
        return sections[1] if len(sections) > 2 else None
    return first


def _most_common(counts: Counter[str]) -> str | None:
    """The most common shape, None on a tie (``common.dominant`` of counted values)."""
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]
