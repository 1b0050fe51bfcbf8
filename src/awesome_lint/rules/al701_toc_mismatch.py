from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise

from awesome_lint.diagnostics import Diagnostic, Edit, Fix, Related
from awesome_lint.domain.shapes import SHORTCODE
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.anchors import (
    close_matches,
    explicit_anchors,
    fragment,
    heading_anchors,
    rendered_text,
    slug,
)
from awesome_lint.parser.document import Document, Entry, Link, Section
from awesome_lint.rules.base import Context, Rule

MIN_ITEMS = 3  # a table of contents has at least this many `#anchor` items
TOC_SHARE = 0.8  # ... and they make up this share of the items of its section
RESOLVED_SHARE = 0.5  # ... and at least this share of them point to a heading
TEXT_HABIT = 0.8  # link text = heading text on this share of lines: the ToC's habit


class TocMismatch(Rule):
    """
    ## What it does

    Finds the table of contents (the first section, under any heading or none,
    whose list items are mostly `[Text](#anchor)` links, at least 3 of them,
    most pointing to headings of the file) and compares it with the headings:

    - **missing**: a heading the ToC should list but does not. The ToC's own
      items say what it covers: the heading levels it links to, and under each
      parent heading only the levels it lists there. Headings after the last
      listed one (a `## License` at the end, say) are not expected; neither are
      headings above the ToC, the ToC's own heading, a heading with no entries
      before the first listed one (`## Status` over a badge and a note), a grouping heading
      whose sub-headings the ToC lists at its level, nor a section a ToC leaves
      out by custom (`Legend`, `Contribute`, `Contributing`, `License`, `Code of
      Conduct`, `Footnotes`, `Acknowledgements`, `Credits`). An item that links
      several headings (`- 2018: [CVPR](#2018-cvpr), [ECCV](#2018-eccv)`) lists
      them all, and an item without a link that names a heading (`- Article series`
      over its linked sub-items) lists it.
    - **wrong anchor**: an item whose anchor differs only in case from a
      heading's, where most of the ToC's anchors are written in GitHub's lower
      case (a ToC writing them in the headings' case at least as often,
      `#USENIX-Security`, does so on purpose, and GitHub finds them), or is a
      typo away from the anchor of a heading the ToC does not list yet
      (`#databses` for `## Databases`).
    - **renamed**: an item whose anchor matches no heading while its text names
      a heading the ToC does not list, or starts that heading's name
      (`[Documentation, references and tutorials](#documentation)`, `[Data
      Sets](#data-sets)` for `## Data Sets and Benchmarks`): fixed to that
      heading's anchor (the text is then compared as below).
    - **stale**: any other item whose anchor matches no heading and no HTML
      `id`/`name` (AL702 reports these links too).
    - **twin**: a second item for a heading name the file uses twice, linked to
      the first heading's anchor (`#sport-players` where the second `### Sport
      Players` is `#sport-players-1`): fixed to the second's anchor.
    - An anchor of the heading's own (`## <a name="tools"></a>Tools and
      session management`, or the tag alone on the line above the heading) is
      that heading's as much as GitHub's `#tools-and-session-management`: an item
      that links it lists the heading.
    - **copied anchor**: an item whose text names a heading the ToC does not
      list, linked to another heading's anchor (`[Benchmarks](#standards)` with
      a `## Benchmarks` that no item links): fixed to the named heading's
      anchor, the text left as it is.
    - **order**: a ToC item listed out of the headings' order. A ToC that is an
      A-Z index (its lists of siblings in alphabetical order, 9 neighbours in 10)
      has an order of its own and is not held to the headings'.
    - **text**: an item's link text differs from its heading's text (compared
      as anchors, so case, punctuation, emoji (with their variation selectors,
      `🏎️`) and emoji shortcodes such as
      `:heavy_dollar_sign:` do not count), when at least 80%
      of the ToC's items agree with their headings (so a ToC that habitually
      shortens or decorates its items is left alone). A qualifier in
      parentheses after the heading's text (`[Fuzzing (WASM Binary)](#fuzzing)`,
      set apart from a second Fuzzing section) agrees, and so does the heading's
      text with the parent item's before it (`[Carbon](#ai-carbon)` under
      `[AI](#ai)` for `#### AI Carbon`), and so does the heading's name before
      its tagline (cut at a dash, a colon or a parenthesis) in an item that
      links the heading's own anchor (`[Hacks](#hacks---undocumented-pico-8-features)`
      for `## Hacks - undocumented PICO-8 features`: a short form chosen).
    - **missing `#`**: an item whose target is a bare word that is a heading's
      anchor without its `#` (`[Dynamic Analysis](dynamic-analysis)`, a link to a
      file of that name on GitHub): fixed by linking the anchor.

    Anchors follow GitHub's rules (see AL702).

    ## Why

    Sections get added, renamed and moved; the table of contents is edited by
    hand and lags behind.

    ## Example

    ```markdown
    ## Contents

    - [Web](#web)
    - [Old Name](#old-name)

    ## Web

    ## Testing
    ```

    becomes

    ```markdown
    ## Contents

    - [Web](#web)
    - [Testing](#testing)

    ## Web

    ## Testing
    ```

    ## Fix safety

    Safe. Missing headings get a line in the ToC's own style (indentation,
    marker and spacing of the neighbouring item at that level, link text = the
    heading's text), placed after the item of the heading before them. A
    wrong anchor is replaced by the heading's. Stale lines are removed (only
    lines without nested items). Drifted text is
    replaced by the heading's text. Items out of order are reported only.
    A table used as a table of contents is not checked.

    ## Options

    None.
    """

    code = "AL701"
    name = "toc-mismatch"
    summary = "The table of contents does not match the headings"
    fix = "safe"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        found = find_toc(document)
        if found is None:
            return
        toc_index, items = found
        anchors = heading_anchors(document)
        explicit = explicit_anchors(document)
        sections = document.sections
        text = document.text

        # `## <a name="tools"></a>Tools and session management`, or the tag on the line
        # above the heading: the heading's own anchor as the ToC links it (`#tools`)
        own_anchor: dict[str, int] = {}
        if explicit:
            heading_at = {
                section.heading.line: i
                for i, section in enumerate(sections)
                if section.heading is not None
            }
            source = document.source
            for name, offset in explicit.items():
                at = source.line_index(offset)
                index = heading_at.get(at)
                if index is None:
                    alone = source.line_text(at).strip()  # `<a name="tools"></a>` alone
                    if alone.startswith("<") and alone.endswith(">"):
                        index = heading_at.get(at + 1)
                if index is not None:
                    own_anchor[name] = index

        targets: list[tuple[Entry, Link, int | None]] = []  # item, its link, section index
        for item in items:
            link = _first_link(item)
            assert link is not None
            name = fragment(link.url_value) or ""
            index = anchors.get(name)
            if index is None and own_anchor:
                index = own_anchor.get(name)
            targets.append((item, link, index))
        # A ToC that writes its anchors in the headings' case (`#Pre-trained-Models`) at
        # least as often as GitHub's lower case does so on purpose: GitHub finds a
        # heading's anchor in any case. Only a minority in another case is a slip.
        in_case = [
            position
            for position, (_item, link, index) in enumerate(targets)
            if index is None and (fragment(link.url_value) or "").lower() in anchors
        ]
        if in_case and len(in_case) >= len(targets) - len(in_case):
            for position in in_case:
                item, link, _ = targets[position]
                targets[position] = (item, link, anchors[(fragment(link.url_value) or "").lower()])
        listed = {index for _item, _link, index in targets if index is not None}

        # -- items whose anchor matches no heading -----------------------------------
        # An anchor that differs only in case from a heading, or is a typo away from a
        # heading the ToC does not list, is that heading with a wrong anchor (renamed,
        # mistyped): fix the link. Any other is stale: remove the line.
        unlisted = {
            anchor: index
            for anchor, index in anchors.items()
            if index not in listed and sections[index].anchor == anchor
        }
        for position, (item, link, index) in enumerate(targets):
            name = fragment(link.url_value) or ""
            if index is not None or name in explicit:
                continue
            if not name and _BARE_ANCHOR.fullmatch(link.url_value):
                # `[Dynamic Analysis](dynamic-analysis)`: the `#` left out makes it a link
                # to a file of that name; the heading is the one meant
                bare = slug(link.url_value)
                if bare not in unlisted:
                    close = close_matches(bare, unlisted)
                    bare = close[0] if len(close) == 1 else ""
                if bare in unlisted:
                    target = sections[unlisted[bare]]
                    yield self._claim(
                        targets,
                        position,
                        unlisted.pop(bare),
                        f"Table of contents links '{link.url_value}' without '#': a file of "
                        f"that name, not the heading's anchor '#{target.anchor}'",
                        sections,
                    )
                    continue
            close = close_matches(name, unlisted)
            if len(close) == 1:
                index = unlisted.pop(close[0])
                targets[position] = (item, link, index)
                yield self._retarget(document, link, name, sections[index])
                continue
            by_text = _named_heading(_plain(text[link.text[0] : link.text[1]]), unlisted, sections)
            if by_text is not None:
                # `[Documentation, references and tutorials](#documentation)`: the item's
                # text names a heading the ToC does not list (or starts its name, `[Data
                # Sets](#data-sets)` for `Data Sets and Benchmarks`): its anchor is stale
                anchor, index = by_text
                yield self._claim(
                    targets,
                    position,
                    unlisted.pop(anchor),
                    f"Table of contents anchor '#{name}' is no heading's; the item names "
                    f"the heading {_link_text(sections[index].title)!r}, "
                    f"'#{sections[index].anchor}'",
                    sections,
                )
                continue
            fix = None
            if not item.children and item.end_line == item.line and item.parsed:
                line = document.source.lines[item.line]
                fix = Fix(
                    "Remove the stale line",
                    (Edit(line.start, line.next_start, ""),),
                    removes_entries=1,
                    anchors_only=True,
                )
            yield self.report(
                f"Table of contents lists '#{name}', which is no heading of this file",
                link.start,
                link.end,
                fix,
            )
        # -- a second item for a repeated heading name, linked to the first --------
        # Two headings "Sport Players" have the anchors #sport-players and
        # #sport-players-1; a ToC that lists both but links both to the first has one
        # wrong anchor (not a missing heading and an item out of order).
        seen: set[int] = set()
        taken = {index for _item, _link, index in targets if index is not None}
        for position, (item, link, index) in enumerate(targets):
            if index is None:
                continue
            if index not in seen:
                seen.add(index)
                continue
            title = sections[index].title
            twins = [
                i
                for i, section in enumerate(sections)
                if i != index
                and i not in taken
                and section.heading is not None
                and section.title == title
            ]
            if len(twins) == 1:
                twin = twins[0]
                taken.add(twin)
                targets[position] = (item, link, twin)
                yield self._twin(document, link, sections[index], sections[twin])
        # -- an item whose text names a heading the ToC does not list, linked to another --
        # `[Benchmarks](#standards)` above `[Standards](#standards)`, with a heading
        # "Benchmarks" that nothing lists: the anchor is wrong, not the text.
        by_title: dict[str, list[int]] = {}
        for i, section in enumerate(sections):
            if i not in taken and section.heading is not None:
                by_title.setdefault(_plain(section.title), []).append(i)
        for position, (item, link, index) in enumerate(targets):
            if index is None:
                continue
            name = _plain(text[link.text[0] : link.text[1]])
            if name == _plain(sections[index].title):
                continue
            named = by_title.get(name, [])
            if len(named) == 1 and named[0] not in taken:
                taken.add(named[0])
                targets[position] = (item, link, named[0])
                heading = sections[named[0]].heading
                assert heading is not None
                yield self._relink(
                    link,
                    sections[named[0]],
                    f"Table of contents item {text[link.text[0] : link.text[1]]!r} links "
                    f"'#{fragment(link.url_value) or ''}', the anchor of "
                    f"{sections[index].title!r}: its heading on line {heading.line + 1} "
                    f"is '#{sections[named[0]].anchor}'",
                )
        item_of: dict[int, Entry] = {}
        for item, _link, index in targets:
            if index is not None:
                item_of.setdefault(index, item)

        # -- missing headings --------------------------------------------------------
        depth_votes: dict[int, Counter[int]] = {}
        for index, item in item_of.items():
            depth_votes.setdefault(sections[index].level, Counter())[item.depth] += 1
        covered = {level: votes.most_common(1)[0][0] for level, votes in depth_votes.items()}
        if not covered:
            return
        toc_end = max(item.end_line for item in items)
        own = sections[toc_index].heading
        parents = _parents(sections)
        listed_siblings = {(parents[index], sections[index].level) for index in item_of}
        # the headings an item links after its first link
        # (`- 2018: [CVPR](#2018-cvpr), [ECCV](#2018-eccv), [Others](#2018-others)`)
        also_listed = {
            anchors[later]
            for item in items
            for link in item.links[1:]
            if not link.image and (later := fragment(link.url_value) or "") in anchors
        }
        last_listed = max(item_of.keys() | also_listed)
        first_listed = min(item_of.keys() | also_listed)
        listed_depth_below: dict[int, int] = {}  # heading -> least ToC depth of a descendant
        for index, item in item_of.items():
            ancestor = parents[index]
            while ancestor >= 0:
                depth = listed_depth_below.get(ancestor)
                least = item.depth if depth is None else min(depth, item.depth)
                listed_depth_below[ancestor] = least
                ancestor = parents[ancestor]

        def flattened(index: int) -> bool:
            """The ToC lists this heading's sub-headings at its own depth: a grouping left out."""
            below = listed_depth_below.get(index)
            return below is not None and below <= covered[sections[index].level]

        # "- Article series" over its linked sub-items: a heading named, not linked
        named_plain = {
            _plain(text[e.content[0] : e.content[1]])
            for e in _walk(sections[toc_index].entries)
            if not e.links and e.kind == "item"
        }
        missing: list[int] = []
        for index, section in enumerate(sections):
            heading = section.heading
            if heading is None or heading is own or heading.line <= toc_end:
                continue
            if index in item_of or index in also_listed or section.level not in covered:
                continue
            if (parents[index], section.level) not in listed_siblings:
                continue  # the ToC lists nothing at this level under this parent
            if index > last_listed or flattened(index):
                continue
            if index < first_listed and not section.entries:
                continue  # "## Status" (a badge, a note) between the ToC and its first heading
            if _plain(section.title) in _UNLISTED:
                continue  # "## Contribute", "# Legend": left out by custom
            if named_plain and _plain(section.title) in named_plain:
                continue
            missing.append(index)
        for run in _runs(missing, sections, item_of, covered):
            yield self._missing(document, run, item_of, covered, parents, items)

        # -- order -------------------------------------------------------------------
        # (an index in A-Z order is a ToC's order of its own, not the headings')
        order = [index for _item, _link, index in targets if index is not None]
        in_order = set(range(len(order))) if _alphabetical(text, targets) else None
        if in_order is None:
            in_order = _longest_increasing(order)
        position = 0
        for _item, link, index in targets:
            if index is None:
                continue
            if position not in in_order:
                heading = sections[index].heading
                assert heading is not None
                yield self.report(
                    f"Table of contents lists {heading.title!r} out of the headings' order",
                    link.start,
                    link.end,
                    related=(Related(heading.text[0], heading.text[1], "the heading"),),
                )
            position += 1

        # -- drifted text ------------------------------------------------------------
        resolved = [(item, link, index) for item, link, index in targets if index is not None]
        titles = {index: _shown(sections[index].title, document) for _, _, index in resolved}
        same = [
            _agrees(text[link.text[0] : link.text[1]], titles[index])
            or _under_parent(text, item, link, titles[index])
            or (
                link.url_value == "#" + sections[index].anchor
                and _short_form(text[link.text[0] : link.text[1]], titles[index])
            )
            for item, link, index in resolved
        ]
        if not resolved or sum(same) < TEXT_HABIT * len(resolved):
            return
        for (_item, link, index), equal in zip(resolved, same, strict=True):
            if equal:
                continue
            title = sections[index].title
            wanted = _link_text(title)
            start, end = link.text
            yield self.report(
                f"Table of contents item {text[start:end]!r} differs from its heading {title!r}",
                start,
                max(end, start + 1),
                self.replace(f"Use the heading's text {wanted!r}", start, end, wanted),
            )

    def _claim(
        self,
        targets: list[tuple[Entry, Link, int | None]],
        position: int,
        index: int,
        message: str,
        sections: list[Section],
    ) -> Diagnostic:
        """Item ``position`` of the ToC lists heading ``index`` (an anchor the ToC does
        not list yet): recorded, and reported with a fix that links the heading."""
        item, link, _ = targets[position]
        targets[position] = (item, link, index)
        return self._relink(link, sections[index], message)

    def _retarget(self, document: Document, link: Link, name: str, section: Section) -> Diagnostic:
        how = "differs in case from" if name.lower() == section.anchor else "is a typo of"
        message = f"Table of contents anchor '#{name}' {how} the heading's '#{section.anchor}'"
        return self._relink(link, section, message)

    def _twin(self, document: Document, link: Link, first: Section, twin: Section) -> Diagnostic:
        heading = twin.heading
        assert heading is not None
        return self._relink(
            link,
            twin,
            f"Table of contents links the second heading {twin.title!r} to the first's "
            f"anchor '#{first.anchor}': the heading on line {heading.line + 1} is "
            f"'#{twin.anchor}'",
        )

    def _relink(self, link: Link, section: Section, message: str) -> Diagnostic:
        """A finding on the item's link target, fixed to the section's anchor."""
        heading = section.heading
        assert heading is not None
        start, end = link.url
        return self.report(
            message,
            start,
            end,
            Fix(
                f"Link to '#{section.anchor}'",
                (Edit(start, end, f"#{section.anchor}"),),
                anchors_only=True,
            ),
            (Related(heading.text[0], heading.text[1], "the heading"),),
        )

    def _missing(
        self,
        document: Document,
        run: list[int],
        item_of: dict[int, Entry],
        covered: dict[int, int],
        parents: list[int],
        items: list[Entry],
    ) -> Diagnostic:
        sections = document.sections
        titles = ", ".join(repr(_link_text(sections[i].title)) for i in run)
        first = sections[run[0]]
        assert first.heading is not None
        related = tuple(
            Related(h.text[0], h.text[1], "the heading")
            for i in run
            if (h := sections[i].heading) is not None
        )
        noun = "heading" if len(run) == 1 else f"{len(run)} headings"
        message = f"Table of contents lacks the {noun} {titles}"
        placement = _placement(document, run[0], item_of, covered, parents, items)
        if placement is None:
            anchor_item = items[0]
            line = document.source.lines[anchor_item.line]
            return self.report(message, line.start, line.end, related=related)
        position, style, depth_delta, at = placement
        source = document.source
        eol = _eol(document, style)
        lines = []
        for index in run:
            section = sections[index]
            depth = covered[section.level]
            lines.append(_toc_line(document, style, depth - style.depth + depth_delta, section))
        content = "".join(line + eol for line in lines)
        if position == len(document.text) and source.lines[-1].terminator == "":
            content = eol + content[: -len(eol)]
        fix = Fix(
            "Add " + ("the line" if len(run) == 1 else "the lines"),
            (Edit(position, position, content),),
            adds_entries=len(run),
            anchors_only=True,
        )
        line = source.lines[at.line]
        return self.report(message, line.start, max(line.end, line.start + 1), fix, related)


def find_toc(document: Document) -> tuple[int, list[Entry]] | None:
    """The first section that holds a table of contents, and its `#anchor` items."""
    anchors: dict[str, int] | None = None
    for index, section in enumerate(document.sections):
        if not section.entries:
            continue
        everything = [e for e in _walk(section.entries) if e.kind == "item"]
        toc = [e for e in everything if e.is_toc and _first_link(e) is not None]
        if len(toc) < MIN_ITEMS or len(toc) < TOC_SHARE * len(everything):
            continue
        if anchors is None:
            anchors = heading_anchors(document)
        resolved = sum(
            1
            for e in toc
            if (link := _first_link(e)) is not None and (fragment(link.url_value) or "") in anchors
        )
        if resolved >= RESOLVED_SHARE * len(toc):
            # with the items whose `#` was left out (`[Dynamic Analysis](dynamic-analysis)`)
            return index, [e for e in everything if e.is_toc or _bare_item(e)]
    return None


def _bare_item(entry: Entry) -> bool:
    link = _first_link(entry)
    return link is not None and _BARE_ANCHOR.fullmatch(link.url_value) is not None


def _walk(entries: list[Entry]) -> Iterator[Entry]:
    for entry in entries:
        yield entry
        yield from _walk(entry.children)


def _first_link(entry: Entry) -> Link | None:
    return next((link for link in entry.links if not link.image), None)


def _parents(sections: list[Section]) -> list[int]:
    """For each section, the index of the nearest earlier section of a lower level (-1)."""
    parents: list[int] = []
    stack: list[int] = []
    for index, section in enumerate(sections):
        while stack and sections[stack[-1]].level >= section.level:
            stack.pop()
        parents.append(stack[-1] if stack else -1)
        stack.append(index)
    return parents


def _runs(
    missing: list[int], sections: list[Section], item_of: dict[int, Entry], covered: dict[int, int]
) -> Iterator[list[int]]:
    """Group missing headings that follow each other with no listed heading between."""
    run: list[int] = []
    for index in missing:
        if run and (
            sections[index].level != sections[run[-1]].level
            or any(i in item_of and sections[i].level in covered for i in range(run[-1] + 1, index))
        ):
            yield run
            run = []
        run.append(index)
    if run:
        yield run


def _placement(
    document: Document,
    index: int,
    item_of: dict[int, Entry],
    covered: dict[int, int],
    parents: list[int],
    items: list[Entry],
) -> tuple[int, Entry, int, Entry] | None:
    """Where a missing heading's line goes: (offset, style item, depth delta, reported item).

    The line is inserted after the item of the nearest earlier listed heading: as its
    first child if that heading is the missing one's parent, else after the item (and
    its nested items) of the same depth. The style item gives indentation and marker;
    the depth delta is 1 when the new line nests one level below it.
    """
    sections = document.sections
    source = document.source
    level = sections[index].level
    depth = covered[level]
    before = [i for i in item_of if i < index]
    if not before:
        first = next((item for item in items if item.depth == depth), None)
        if first is None:
            return None
        return source.lines[first.line].start, first, 0, first
    previous = max(before)
    item = item_of[previous]
    if sections[previous].level < level:
        # the parent heading: the new line becomes its first nested item
        if parents[index] != previous or (item.end_line != item.line and not item.children):
            return None
        position = source.lines[item.line].next_start
        if item.children:
            return position, item.children[0], 0, item
        return position, item, 1, item
    style: Entry | None = item
    while style is not None and style.depth > depth:
        style = style.parent
    if style is None or style.depth != depth:
        return None
    return source.lines[style.end_line].next_start, style, 0, item


def _toc_line(document: Document, style: Entry, delta: int, section: Section) -> str:
    """A ToC line for ``section`` in the style of the item ``style`` (``delta`` deeper)."""
    text = document.text
    indent = text[style.indent[0] : style.indent[1]]
    marker = text[style.marker[0] : style.marker[1]]
    gap = text[style.marker[1] : style.content[0]] or " "
    if delta > 0:
        indent += " " * (style.content[0] - style.indent[1])
    link = f"[{_link_text(section.title)}](#{section.anchor})"
    return indent + marker + gap + link


def _eol(document: Document, style: Entry) -> str:
    terminator = document.source.lines[style.line].terminator
    return terminator or document.source.dominant_terminator


_LINKISH = lazy_compile(r"!?\[|\]\(|<[A-Za-z/]")


def _shown(title: str, document: Document) -> str:
    """A heading's text to compare a ToC item with: without a reference-style badge
    (`Markdown Tools [![Awesome List][awesome-list Icon]](url)`), an image that adds
    nothing to its text or anchor, where the document defines the label."""
    if "![" in title and document.references:
        return rendered_text(title, document.references).strip()
    return title


def _link_text(title: str) -> str:
    """Heading text fit for a link's text (a heading that is itself a link gives its text,
    one that holds an HTML anchor, `<a name="tools"></a>Tools`, the text around it)."""
    return rendered_text(title).strip() if _LINKISH.search(title) else title


def _named_heading(
    plain: str, unlisted: dict[str, int], sections: list[Section]
) -> tuple[str, int] | None:
    """The one unlisted heading (anchor, index) whose text is the item's (as anchors),
    else the one whose text starts with it as whole words, else None."""
    if len(plain) < 3:
        return None
    exact = [(a, i) for a, i in unlisted.items() if _plain(sections[i].title) == plain]
    if len(exact) == 1:
        return exact[0]
    if exact:
        return None
    # "Design (Dealing with ...)", "Design(Dealing with ...)": the item's text, a
    # qualifier in parentheses after it (glued to it or not), or more words after it
    start = [
        (a, i)
        for a, i in unlisted.items()
        if _plain(sections[i].title).startswith(plain + "-")
        or _plain(_QUALIFIER.sub("", sections[i].title)) == plain
    ]
    return start[0] if len(start) == 1 else None


def _under_parent(text: str, item: Entry, link: Link, title: str) -> bool:
    """Whether the item's text is its heading's without the parent item's text before
    it (`[Carbon](#ai-carbon)` under `[AI](#ai)` for `#### AI Carbon`: the heading
    names its parent to keep its anchor apart from a later `Carbon`)."""
    parent = item.parent
    if parent is None or not parent.links:
        return False
    head = parent.links[0]
    named = text[head.text[0] : head.text[1]] + " " + text[link.text[0] : link.text[1]]
    return _plain(named) == _plain(title)


def _agrees(item: str, title: str) -> bool:
    """Whether an item's text agrees with its heading's: the same anchor, or the
    heading's text with a qualifier in parentheses after it (`Fuzzing (WASM Binary)` for
    `Fuzzing`, set apart from a second `Fuzzing` section)."""
    wanted = _plain(title)
    if _plain(item) == wanted:
        return True
    bare = _QUALIFIER.sub("", item)
    return bare != item and _plain(bare) == wanted


def _short_form(item: str, title: str) -> bool:
    """Whether an item's text is its heading's name before the heading's tagline, cut at
    a dash, a colon or a parenthesis (`Hacks` for `Hacks - undocumented PICO-8
    features`): a short form the author chose, when the item links the heading's own
    anchor."""
    head = _TAGLINE.split(title, maxsplit=1)[0]
    plain = _plain(item)
    return head != title and bool(plain) and _plain(head) == plain


_TAGLINE = lazy_compile(r"[ \t]+[-–—][ \t]+|:[ \t]+|[ \t]+\(")


_QUALIFIER = lazy_compile(r"[ \t]*\([^()]*\)[ \t]*\Z")


def _plain(value: str) -> str:
    """What must agree between an item's text and its heading: the anchor they make
    (an emoji shortcode, `:heavy_dollar_sign:`, is decoration, as an emoji is)."""
    if ":" in value:
        value = SHORTCODE.sub("", value)
    # (an emoji's variation selector or keycap mark stays in a slug, a mark like an
    # accent: `🏎️ Coming Soon` makes `\ufe0f-coming-soon`)
    return slug(value).strip(_EMOJI_MARKS)


_EMOJI_MARKS = "-\ufe0e\ufe0f\u20e3"


# A link target that could only be an anchor with its `#` left out: no scheme, path or
# file ending (`sok,-empirical-study,-and-survey`, `dynamic-analysis`)
_BARE_ANCHOR = lazy_compile(r"[^\s#/.:?=]+")
# Sections a table of contents leaves out by custom: the key to its marks, how to
# contribute, the licence.
_UNLISTED = frozenset(
    {
        *("legend", "contribute", "contributing", "contributors", "contribution"),
        *("contributions", "license", "licence", "code-of-conduct", "footnotes"),
        *("acknowledgements", "acknowledgments", "credits"),
    }
)


# A ToC is an A-Z index when its lists of 3 or more items (siblings under one parent)
# hold this share of its items and 9 in 10 of their neighbours are in A-Z order.
ALPHABETICAL_SHARE = 0.8


def _alphabetical(text: str, targets: list[tuple[Entry, Link, int | None]]) -> bool:
    """Whether the ToC lists its items in alphabetical order, sibling by sibling."""
    groups: dict[tuple[int, int | None], list[str]] = {}
    for item, link, _index in targets:
        parent = id(item.parent) if item.parent is not None else None
        key = (item.depth, parent)
        groups.setdefault(key, []).append(text[link.text[0] : link.text[1]].casefold())
    grouped = pairs = in_order = 0
    for names in groups.values():
        if len(names) >= 3:
            grouped += len(names)
            pairs += len(names) - 1
            in_order += sum(1 for a, b in pairwise(names) if a <= b)
    # (an index with a slip of its own is still an index: 35 of 36 pairs in order)
    return grouped >= ALPHABETICAL_SHARE * len(targets) and in_order >= 0.9 * pairs > 0


def _longest_increasing(values: list[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence of ``values``."""
    tails: list[int] = []  # smallest tail value of an increasing run of each length
    tail_pos: list[int] = []
    previous: list[int] = []
    for pos, value in enumerate(values):
        at = bisect_left(tails, value)
        if at == len(tails):
            tails.append(value)
            tail_pos.append(pos)
        else:
            tails[at] = value
            tail_pos[at] = pos
        previous.append(tail_pos[at - 1] if at else -1)
    keep: set[int] = set()
    pos = tail_pos[-1] if tail_pos else -1
    while pos >= 0:
        keep.add(pos)
        pos = previous[pos]
    return keep
