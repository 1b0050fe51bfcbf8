from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import ClassVar

from awesome_lint.diagnostics import Diagnostic, Related
from awesome_lint.domain.buckets import is_year_item
from awesome_lint.domain.parts import WHOLE_FILE, Area, areas
from awesome_lint.domain.shapes import labelled_note
from awesome_lint.lazyre import lazy_compile
from awesome_lint.links.normalize import normalize_url
from awesome_lint.links.papers import (
    is_web,
    link_roles,
    nested,
    paper_links,
    reference_section,
    same_paper_title,
    title_key,
)
from awesome_lint.parser.document import Document, Entry, Link
from awesome_lint.rules.base import Context, Option, Rule

FUZZY_LIMIT = 16  # distinct papers per link compared by fuzzy title (see check)
# A tool entry ``Name: description [[Code]](https://github.com/owner/repo)``: its name
# (before a colon this close to the start) and its repository.
_NAME_MAX = 60
_REPO = lazy_compile(r"https?://(?:www\.)?github\.com/([\w.-]+/[\w.-]+?)(?:\.git)?/?(?:[#?].*)?$")


class DuplicateLink(Rule):
    """
    ## What it does

    Finds a paper listed twice: two entries whose paper link (the first web link
    of the entry) is the same after URL normalisation, within one section (or,
    with `scope = "file"`, anywhere in the file). Entries with one link but
    clearly different titles are left to `shared-link` (AL402). The later copy is reported; the
    first copy is shown as a related location.

    Normalisation folds `http`/`https`, `www.`, host case, default ports, a
    trailing slash, the fragment (not one that names an item of a page of many,
    `schedule.html#react-native`, a talk, or `packages/#cat:Compression`, a
    category: two such links are two items; `#readme`,
    `#abstract`, `#page=3` are parts of any page) and tracking parameters, and the many spellings
    of one paper: arXiv `abs`/`pdf`/`.pdf`/`vN`/`export.` links and old ids,
    OpenReview `forum`/`pdf`, ACM DL `doi/…` pages and doi.org, IEEE Xplore
    document pages, NeurIPS abstract/PDF pages and USENIX presentation/PDF pages.

    An entry with no paper link (only a blog, code or other resource link) written
    twice in one section word for word and link for link is reported too
    (`- Deploying a Model as a REST API [[Blog]](url)` twice): a resource link
    alone never makes two papers one, but the whole entry repeated is one item
    listed twice.

    ## Why

    A repeated paper inside one section is almost always a copy-paste mistake.
    Papers deliberately cross-listed in a second section are common in paper
    lists, so the default scope is the section.

    ## Example

    ```markdown
    ## Serving

    - [Orca](https://www.usenix.org/conference/osdi22/presentation/yu): Serving | OSDI'22
    - [vLLM](https://arxiv.org/abs/2309.06180): PagedAttention | SOSP'23
    - [Orca](https://www.usenix.org/system/files/osdi22-yu.pdf): Serving | OSDI'22
    ```

    The third entry is reported as a duplicate of the first.

    ## Fix safety

    Unsafe, and offered only when the two entries are identical apart from
    whitespace and the spelling of their URLs (and the later one is a plain
    one-line bullet item without nested items): the fix deletes the later
    entry's line. Deleting a line is a real change of content, hence unsafe.

    ## Options

    - `scope` (`"section"` default, or `"file"`): where to look for copies.

    A tool listed twice is reported too: two entries without a paper link that
    give one name before a colon and link one GitHub repository
    (`- LLamaSharp: ... [[Code]](https://github.com/SciSharp/LLamaSharp)`). A
    code link alone never makes two entries one (two papers may share a
    repository, two tools a monorepo), nor does an image that links somewhere,
    a badge or a logo (`[<img src="logo.svg">](https://ziglang.org)` above the
    introduction's `[Zig](https://ziglang.org/)`), nor a nested item that links
    its parent's page (`[ShapeNetSem](https://shapenet.org/)` under `[ShapeNet]`,
    a part of it), nor two items of a section of datasets or metrics that cite
    one paper under a generic label (`Text Descriptions: [[Paper](url)]` for two
    datasets that paper made), nor a nested note that cites a paper in its
    sentence (`* Is an open-source toolkit ...` over lines, `... explored (2.4
    [[paper]](url)).`, under another tool's entry). No fix. A nested item that
    opens with a short label (`  - ExpEnv: [mujoco](url)` under each paper) is a
    note of the paper above it: papers share environments and datasets, so such
    notes are never copies of each other.

    Within one entry, a paper link and a code link with one URL
    (`[[Paper]](https://arxiv.org/abs/2410.03765) [[Code]](https://arxiv.org/abs/2410.03765)`,
    `[SMoA: ...](https://github.com/a/SMoA), ArXiv, 2024 | [code](https://github.com/a/SMoA)`)
    are reported: one of them points to the wrong place. The code link's label
    names code (`code`, `GitHub`, `Pytorch`, `repo`, ...); a title link counts as the
    paper's only where a year follows it in the text (a tool's name may link its
    repository, `[Tool](repo) - ... ([Source Code](repo))`; a year inside another
    link's address between them is none). No fix.

    Two copies nested under two different group labels of one section (`* ZSH`
    and `* Bash`, items without a link over their tools) are cross-listed, as in
    two sections (not under two year buckets, `- 2022` and `- 2023`). So are two
    copies in two parts of a section that a list marks without a Markdown heading:
    under two HTML headings (`<h3 id="2.1">2.1 Network Stack</h3>`, which GitHub
    renders as headings), or under two bold group labels (`**Long-term Memory**`
    and `**Short-term Memory**`: a one-line paragraph of six words at most, all in
    bold, over a list of two items or more; year labels such as `**2023**` and
    kind labels such as `**Conference**` and `**Arxiv**` part nothing).

    Two copies that each end in a different name after the link (`- (AAAI 2020)
    [Title](u) NCDM` and `- (AAAI 2020) [Title](u) KaNCD`) list one paper for
    each of the two models it proposes, in a list of models: not reported.

    A link that papers of three titles or more share (a placeholder such as
    `arxiv.org/abs/xxxxxxx` in a table's empty cells, which shared-link reports)
    makes duplicates of entries with equal titles only: `Lora` and `QLora`
    behind it are two papers.

    Within one entry, two resource links with one URL under different labels
    (`[[Pytorch(official)]](u) [[Pytorch(third party)]](u)`) are reported too: one
    of them points to the wrong place. No fix. But a code repository (or a
    `github.io` project page) linked as `[code]` and as `[dataset]` holds both:
    `WikiSQL [[code](github.com/salesforce/WikiSQL)] [[dataset](same)]` is right
    (a `[Website]` on the repository is still reported).
    """

    code = "AL401"
    name = "duplicate-link"
    summary = "The same paper link appears twice"
    fix = "unsafe"
    removes_entries = True
    options: ClassVar[Mapping[str, Option]] = {
        "scope": Option(
            "section",
            "Where copies count as duplicates: one section, or the whole file",
            choices=("section", "file"),
        )
    }

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        scope = context.options.get("scope", "section")
        part = areas(document) if scope == "section" else None
        seen: dict[tuple[Area, str], list[tuple[Entry, Link, str | None]]] = {}
        # (area, link key, title key) -> the first entry with that exact title
        exact: dict[tuple[Area, str, str], tuple[Entry, Link]] = {}
        placeholders: set[str] | None = None  # worked out when first needed
        for entry, link, title, key in paper_links(document):
            area = WHOLE_FILE if part is None else id(entry.section)
            if part:
                area = part.get(id(entry), area)
            title_id = (area, key, title_key(title) if title is not None else "")
            earlier = seen.get((area, key))
            if earlier is None:
                seen[(area, key)] = [(entry, link, title)]
                exact[title_id] = (entry, link)
                continue
            # The first earlier copy that may be this paper. Titles are compared with the
            # first FUZZY_LIMIT distinct papers of this link only; past them an exact title
            # is still found: a link shared by thousands of different titles stays linear.
            match = next(
                (
                    (e, first, t)
                    for e, first, t in earlier[:FUZZY_LIMIT]
                    if t is None or title is None or same_paper_title(t, title)
                ),
                None,
            )
            found = None if match is None else (match[0], match[1])
            if (
                match is not None
                and match[2] is not None
                and title is not None
                and title_key(match[2]) != title_id[2]
            ):
                # alike titles, not equal: behind a placeholder, two papers
                if placeholders is None:
                    placeholders = _placeholders(document)
                if key in placeholders:
                    found = None
            if found is None:
                found = exact.get(title_id)
            if found is None:  # a different paper with this link: shared-link's business
                earlier.append((entry, link, title))
                exact.setdefault(title_id, (entry, link))
                continue
            original, first_link = found
            if (original.depth or entry.depth) and nested(original, entry):
                continue  # `- [ShapeNet](u)` over `  - [ShapeNetSem](u)`: a part of it
            if reference_section(document, original, first_link) and reference_section(
                document, entry, link
            ):
                continue  # two datasets from one paper, each citing it: no paper listed twice
            if _model_tags(document.text, original, first_link, entry, link):
                continue  # "[Title](u) NCDM", "[Title](u) KaNCD": one paper, two models
            if _other_groups(document, original, entry):
                continue  # "* ZSH" and "* Bash" over the same prompt: cross-listed
            assert original.section is not None and entry.section is not None
            row = original.line + 1
            where = f"line {row}"
            if original.section is not entry.section:
                where += f" in section {original.section.title!r}"
            written = "" if first_link.url_value == link.url_value else " (written differently)"
            fix = None
            if _same_entry(document, original, entry) and _deletable(entry):
                start, end = _line_span(document, entry)
                fix = self.replace("Delete this copy", start, end, "", unsafe=True)
            yield self.report(
                f"Duplicate link{written}: this paper is already listed on {where}",
                link.url[0],
                link.url[1],
                fix,
                (Related(first_link.url[0], first_link.url[1], "First copy"),),
            )
        yield from self._resources_twice(document)
        copied: set[int] = set()
        papers = {id(entry) for entry, _, _, _ in paper_links(document)}
        yield from self._entries_twice(document, scope, papers, copied)
        yield from self._tools_twice(document, scope, papers, copied)

    def _entries_twice(
        self, document: Document, scope: str, papers: set[int], copied: set[int]
    ) -> Iterator[Diagnostic]:
        """An entry without a paper link written twice, word for word and link for link
        (``- Deploying a Model as a REST API [[Blog]](url)``): its resource link alone
        never makes two papers one, but the whole entry repeated is one item listed
        twice. ``papers``: the ids of the entries with a paper link. The ids of the
        copies reported go into ``copied``."""
        seen: dict[tuple[Area, str], Entry] = {}
        part = areas(document) if scope == "section" else None
        for entry in document.entries():
            if id(entry) in papers or entry.is_toc or entry.kind == "row":
                continue
            if labelled_note(document.text, entry):
                continue  # `  - ExpEnv: [mujoco](u)` under each paper: its note, shared
            if not any(not link.image and is_web(link.url_value) for link in entry.links):
                continue
            area = WHOLE_FILE if part is None else id(entry.section)
            if part:
                area = part.get(id(entry), area)
            first = seen.setdefault((area, _comparable(document, entry)), entry)
            if first is entry:
                continue
            copied.add(id(entry))
            fix = None
            if _deletable(entry):
                start, end = _line_span(document, entry)
                fix = self.replace("Delete this copy", start, end, "", unsafe=True)
            first_start = first.content[0]
            yield self.report(
                f"Duplicate entry: the same text and link as line {first.line + 1}",
                entry.content[0],
                entry.content[1],
                fix,
                (Related(first_start, first.content[1], "First copy"),),
            )

    def _tools_twice(
        self, document: Document, scope: str, papers: set[int], copied: set[int]
    ) -> Iterator[Diagnostic]:
        """A tool listed twice: two entries without a paper link that give one name
        before a colon (``LLamaSharp: ...``) and link one code repository. (A code link
        alone never makes two papers one; a name and its repository do.)"""
        text = document.text
        seen: dict[tuple[Area, str, str], tuple[Entry, Link]] = {}
        part = areas(document) if scope == "section" else None
        for entry in document.entries():
            if id(entry) in papers or not entry.links or entry.is_toc or id(entry) in copied:
                continue
            if labelled_note(text, entry):
                continue
            start, end = entry.content
            colon = text.find(": ", start, min(end, start + _NAME_MAX))
            if colon < 0 or "[" in text[start:colon]:
                continue
            name = text[start:colon].strip(" \t*_`").casefold()
            if not name:
                continue
            area = WHOLE_FILE if part is None else id(entry.section)
            if part:
                area = part.get(id(entry), area)
            for link, role in link_roles(document, entry):
                repo = _REPO.match(link.url_value)
                if role != "aux" or repo is None:
                    continue
                key = (area, repo.group(1).casefold(), name)
                first = seen.setdefault(key, (entry, link))
                if first[0] is not entry:
                    first_link = first[1]
                    yield self.report(
                        f"Duplicate: {text[start:colon].strip()!r} with this repository is "
                        f"already listed on line {first[0].line + 1}",
                        link.url[0],
                        link.url[1],
                        related=(Related(first_link.url[0], first_link.url[1], "First copy"),),
                    )
                break

    def _resources_twice(self, document: Document) -> Iterator[Diagnostic]:
        """Two resource links of one entry with one URL under different labels
        (`[[Pytorch(official)]](u) [[Pytorch(third party)]](u)`): one of them is wrong."""
        text = document.text
        for entry in document.entries():
            if len(entry.links) < 2:
                continue  # a paper link and a code link, or two resource links, at least
            seen: dict[str, Link] = {}
            paper: Link | None = None
            paper_role = ""
            for link, role in link_roles(document, entry):
                if text.startswith("![", link.text[0]):
                    continue
                key = link.url_value.rstrip("/")  # as written: "#demo" is another place
                if role in ("title", "paper", "venue") and paper is None:
                    # (a title link is a paper's where a year follows it: a tool's
                    # name may link its repository, `[Tool](repo) ... ([Source Code](repo))`)
                    paper, paper_role = link, role
                    continue
                if role != "aux":
                    continue
                if (
                    paper is not None
                    and paper.url_value.rstrip("/") == key
                    and _code_label(document.span_text(link.text))
                    and (paper_role != "title" or _year_between(entry, text, paper.end, link.start))
                ):
                    label, other = document.span_text(link.text), document.span_text(paper.text)
                    other = other if len(other) <= 40 else other[:39].rstrip() + "…"
                    yield self._one_url(
                        link,
                        paper,
                        f"The entry's paper link {other!r} and its {label!r} link have one URL",
                        "Paper link",
                    )
                    continue
                first = seen.setdefault(key, link)
                if first is link:
                    continue
                label, other = document.span_text(link.text), document.span_text(first.text)
                if label == other:
                    continue
                if _site_of_code(label, other, key):
                    continue  # `[[code](github.com/o/WikiSQL)] [[dataset](same)]`: data in the repo
                yield self._one_url(
                    link,
                    first,
                    f"The entry links this URL twice, as {other!r} and as {label!r}",
                    "Same URL here",
                )

    def _one_url(self, link: Link, other: Link, what: str, note: str) -> Diagnostic:
        """Two links of one entry with one URL: one of them is wrong (at the later one)."""
        return self.report(
            f"{what}: one of them is a wrong link",
            link.url[0],
            link.url[1],
            related=(Related(other.url[0], other.url[1], note),),
        )


# Labels of a code link: one that shares the paper link's URL points to the wrong place
# (a project page or a demo may be the item's own site; code is not the paper).
_CODE_WORDS = frozenset(
    {
        *("code", "codes", "github", "gitlab", "repo", "repository", "pytorch", "tensorflow"),
        *("tf", "torch", "keras", "jax", "mxnet", "caffe", "paddle", "implementation"),
    }
)
_LABEL_WORD = lazy_compile(r"[^\W\d_]+")
_YEAR = lazy_compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


# Labels of what a code repository (or its project page) may well hold: the data of a
# dataset paper. (A `[Website]` on the repository is a slip: the project has a page.)
_SITE_WORDS = frozenset({"dataset", "datasets", "data", "benchmark"})
_REPOSITORY = lazy_compile(
    r"https?://(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)/[^/?#]+/[^/?#]+/?$"
)

_PROJECT_PAGE = lazy_compile(r"https?://[\w.-]+\.github\.io(?:[/?#]|$)")


def _site_of_code(label: str, other: str, url: str) -> bool:
    """Whether two labels of one repository's (or project page's) URL are its code and
    the data it holds (`[code]` and `[dataset]`): both right."""
    if _REPOSITORY.match(url) is None and not _PROJECT_PAGE.match(url):
        return False
    words = [set(_LABEL_WORD.findall(x.lower())) for x in (label, other)]
    for code, site in ((0, 1), (1, 0)):
        if words[code] & _CODE_WORDS and words[site] and words[site] <= _SITE_WORDS:
            return True
    return False


def _year_between(entry: Entry, text: str, start: int, end: int) -> bool:
    """Whether a year is written between ``start`` and ``end``, outside link targets
    (`bank-presentation-sep-25-2017/raw/...` in a slides link between two links is none)."""
    for m in _YEAR.finditer(text, start, end):
        if not any(a <= m.start() < b for a, b in (link.url for link in entry.links)):
            return True
    return False


def _code_label(label: str) -> bool:
    """Whether a link's label names code: `[code]`, `[[Pytorch]]`, `[GitHub]`."""
    words = _LABEL_WORD.findall(label.lower())
    return bool(words) and len(words) <= 3 and any(word in _CODE_WORDS for word in words)


def _comparable(document: Document, entry: Entry) -> str:
    """The entry's first line with every URL normalised and whitespace collapsed."""
    text = document.text
    start, end = entry.content
    if entry.comment is not None:
        end = entry.comment[1]
    parts: list[str] = []
    pos = start
    for link in entry.links:
        if link.reference or not (start <= link.url[0] and link.url[1] <= end):
            continue
        parts.append(text[pos : link.url[0]])
        parts.append(normalize_url(link.url_value))
        pos = link.url[1]
    parts.append(text[pos:end])
    return " ".join(re.sub(r"\s+", " ", "".join(parts)).split())


def _same_entry(document: Document, a: Entry, b: Entry) -> bool:
    return _comparable(document, a) == _comparable(document, b)


def _deletable(entry: Entry) -> bool:
    return (
        entry.parsed
        and not entry.ordered
        and not entry.children
        and entry.end_line == entry.line
        and entry.marker[0] < entry.marker[1]
    )


def _other_groups(document: Document, first: Entry, entry: Entry) -> bool:
    """Whether two copies are nested under two different group labels of one section
    (`* ZSH` and `* Bash`, items without a link over their tools; not year buckets,
    `- 2022` and `- 2023`, where a paper listed twice is a slip): a deliberate
    cross-listing, as in two sections."""
    a, b = first.parent, entry.parent
    return (
        a is not None
        and b is not None
        and a is not b
        and not a.links
        and not b.links
        and not is_year_item(document, a)
        and not is_year_item(document, b)
    )


_TAG_MAX = 30  # characters: a model's name after the link


def _model_tags(text: str, first: Entry, first_link: Link, entry: Entry, link: Link) -> bool:
    """Whether two copies of a paper each end in a different name after the link
    (`- (AAAI 2020) [Title](u) NCDM` and `... [Title](u) NCDM+(CNCD-Q)`): a list of
    models, one line a model, where a paper that proposes two is listed for each."""
    tags = []
    for e, lk in ((first, first_link), (entry, link)):
        tag = text[lk.end : e.content[1]].strip(" \t*_`")
        if (
            not tag
            or len(tag) > _TAG_MAX
            or any(c in " \t[" for c in tag)
            or sum(c.isupper() for c in tag) < 2
        ):
            return False
        tags.append(tag)
    return tags[0] != tags[1]


def _line_span(document: Document, entry: Entry) -> tuple[int, int]:
    lines = document.source.lines
    line = lines[entry.line]
    if line.terminator or entry.line == 0:
        return line.start, line.next_start
    previous = lines[entry.line - 1]  # the last line has no terminator: take the one before
    return previous.end, line.end


# A link that papers of three titles or more share is a placeholder (`arxiv.org/abs/xxxxxxx`
# in a table's empty cells): alike titles behind it (`Lora`, `QLora`) are not one paper.
PLACEHOLDER_TITLES = 3


def _placeholders(document: Document) -> set[str]:
    """The keys of paper links shared by papers of 3 titles or more, told apart as
    shared-link (AL402) tells them: alike titles (`Orca`, `Orca: serving`) count once."""
    titles: dict[str, list[str]] = {}
    for _, _, title, key in paper_links(document):
        if title is not None:
            titles.setdefault(key, []).append(title)
    out = set()
    for key, group in titles.items():
        if len(group) < PLACEHOLDER_TITLES or len(set(map(title_key, group))) < PLACEHOLDER_TITLES:
            continue
        kinds: list[str] = []
        for title in group:
            if not any(same_paper_title(title, kind) for kind in kinds):
                kinds.append(title)
                if len(kinds) >= PLACEHOLDER_TITLES:
                    out.add(key)
                    break
    return out
