from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic, Related
from awesome_lint.domain.venues import paper_list
from awesome_lint.lazyre import lazy_compile
from awesome_lint.links.papers import (
    paper_links,
    reference_section,
    reference_sections,
    same_paper_title,
    title_key,
)
from awesome_lint.parser.document import Document, Entry, Link
from awesome_lint.rules.al401_duplicate_link import FUZZY_LIMIT
from awesome_lint.rules.base import Context, Rule
from awesome_lint.venues.registry import default_registry


class SharedLink(Rule):
    """
    ## What it does

    Finds one paper link (after URL normalisation) used by entries with clearly
    different titles anywhere in the file: titles that neither contain one
    another, nor start with the same name before a colon (`DeltaZip: …`), nor
    share most of their words. Two such entries give one diagnostic
    on the later one; a link shared by three or more different titles (often a
    placeholder such as a conference's "accepted papers" page) gives a single
    diagnostic listing them all. (Past the first 16 different titles of one link,
    titles are told apart by exact comparison only, which keeps a link shared by
    thousands of entries fast.)

    ## Why

    Two different papers rarely share a URL: one of the links is probably
    wrong, usually copied from the entry above. Sometimes the two titles are the
    old and new names of one renamed paper, which is then listed twice.

    ## Example

    ```markdown
    - [Orca](https://arxiv.org/abs/2309.06180): A Distributed Serving System | OSDI'22
    - [vLLM](https://arxiv.org/abs/2309.06180): PagedAttention | SOSP'23
    ```

    The second entry is reported: Orca and vLLM share one arXiv link.

    ## Fix safety

    No fix: only a person can tell which link is right.

    ## Options

    None. A short title that names a resource of a paper (`[Sun dataset](…)`,
    `[Demo video](…)`) may share the paper's page and is not compared, nor is a
    link whose text is its own address (`[visualqa.org](http://www.visualqa.org/)`,
    `[owner/repo](https://github.com/owner/repo)`: a project cross-listed by its name),
    nor a link to a person's or an organisation's page on a code host
    (`https://github.com/dlang` as `[Github Organization]` and as `[D Programming
    Language]`).
    Entries that all name the code repository they share (`[hatch]` and
    `[hatchling]` on `github.com/pypa/hatch`, `[uv-build]` on `astral-sh/uv`) are
    parts of one project, listed so on purpose; `[tabwriter]` on
    `BurntSushi/suffix` is still reported. Short names written alike but for their
    numbers (`Resnet10` and `Resnet18` on the file that defines both backbones,
    `Llama-7B` and `Llama-13B` on one paper) are sizes of one model, not two papers.
    In a table whose rows link
    `[paper](url)`, the title is the cell under a `Title` or `Paper` header.
    An item of a section of datasets, benchmarks, metrics or evaluation (`## 🌈
    Evaluation Index`, `## 一、数据集`) named in three words at most
    that links a paper under a generic label (`R-precision [[Paper](url)]`), or
    that shares its link with a paper of another section (`[CT-RATE](the paper's
    page)`), cites the paper it comes from and is not compared; so do items there
    that name the paper after a dash (`[FCN Score - pix2pix](u)` and `[AMT
    Perceptual Studies - pix2pix](u)`: two metrics of one paper). A link an item
    mentions in a sentence, after an article and four words at least (`* **Modeling-based
    methods** are based on physical theories like the [Fresnel Zone model](u)`), cites
    a paper in a definition and is not compared either.
    """

    code = "AL402"
    name = "shared-link"
    summary = "One link is used for papers with different titles"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        groups: dict[str, list[tuple[Entry, Link, str]]] = {}
        for entry, link, title, key in paper_links(document):
            if title is not None and not (
                reference_section(document, entry, link) and len(title.split()) <= 3
            ):
                # (a metric's or a dataset's name is no paper's title: `R-precision
                # [[Paper](AttnGAN)]`; a paper's title there is compared)
                groups.setdefault(key, []).append((entry, link, title))
        for items in groups.values():
            if len(items) < 2 or _owner_page(items[0][1]):
                continue
            items = [item for item in items if not _resource(item[2])]
            if len(items) > 1:
                items = _without_sources(document, items)
            # one representative per distinct paper title, in order of appearance
            kinds: list[tuple[Entry, Link, str]] = []
            keys: set[str] = set()
            for item in items:
                # an equal title key is the same paper; fuzzy comparison with the first
                # FUZZY_LIMIT kinds only (a placeholder link shared by thousands of titles
                # stays linear; past the limit, distinct titles count as distinct papers)
                item_key = title_key(item[2])
                if item_key in keys or any(
                    same_paper_title(item[2], kind[2]) for kind in kinds[:FUZZY_LIMIT]
                ):
                    continue
                keys.add(item_key)
                kinds.append(item)
            if len(kinds) < 2:
                continue
            text = document.text
            # a link whose text is its address names no paper (`[visualqa.org](…)`), nor
            # one mentioned in a sentence (see _mention)
            kinds = [
                kind for kind in kinds if not _address(text, kind[1]) and not _mention(text, *kind)
            ]
            if len(kinds) < 2 or all(_part_of_repository(text, kind[1]) for kind in kinds):
                continue  # (`[hatch](…/pypa/hatch)` and `[hatchling](…/pypa/hatch)`)
            if _variants([kind[2] for kind in kinds]):
                continue  # (`Resnet10` and `Resnet18` on the file that defines both)
            first_entry, first_link, first_title = kinds[0]
            _, link, title = kinds[1]
            if len(kinds) == 2:
                # (a list of tools or resources lists items, not papers)
                what = "paper" if paper_list(document, default_registry()) else "item"
                yield self.report(
                    f"Link is also used for {_short(first_title)!r} on line "
                    f"{first_entry.line + 1}: a wrong link, or one {what} under two names",
                    link.url[0],
                    link.url[1],
                    related=(Related(first_link.url[0], first_link.url[1], "Same link here"),),
                )
                continue
            related = tuple(
                Related(other.url[0], other.url[1], f"Also used for {_short(t)!r}")
                for i, (_, other, t) in enumerate(kinds)
                if i != 1
            )
            yield self.report(
                f"Link is shared by {len(kinds)} entries with different titles "
                "(a placeholder page?)",
                link.url[0],
                link.url[1],
                related=related,
            )


_CODE_HOSTS = ("https://github.com/", "https://gitlab.com/", "https://bitbucket.org/")


def _address(text: str, link: Link) -> bool:
    """Whether the link's text is its own address, the host, the whole URL or its
    last parts (`[visualqa.org](http://www.visualqa.org/)`, `[owner/repo](…/owner/repo)`):
    no title to compare."""
    label = text[link.text[0] : link.text[1]].strip("[] \t").lower().rstrip("/")
    if not label or " " in label:
        return False
    url = link.url_value.lower().rstrip("/")
    if "/" in label and url.endswith("/" + label):
        return True  # `[dotansimha/graphql-eslint](https://github.com/dotansimha/graphql-eslint)`
    if "." not in label:
        return False
    host = url.split("://", 1)[-1].split("/", 1)[0].removeprefix("www.")
    return label in (url, host, url.split("://", 1)[-1])


def _owner_page(link: Link) -> bool:
    """Whether the link opens a person's or an organisation's page on a code host
    (`https://github.com/dlang`), which a list may give under any label, in any section."""
    url = link.url_value.lower().replace("http://", "https://").replace("://www.", "://")
    if not url.startswith(_CODE_HOSTS):
        return False
    path = url.split("://", 1)[1].split("?", 1)[0].split("#", 1)[0].strip("/")
    return path.count("/") == 1


def _part_of_repository(text: str, link: Link) -> bool:
    """Whether the link opens a code repository whose name its text contains
    (`[hatchling](https://github.com/pypa/hatch)`, `[uv-build](…/astral-sh/uv)`): a part
    of that project, which shares its link on purpose."""
    url = link.url_value.lower().replace("http://", "https://").replace("://www.", "://")
    if not url.startswith(_CODE_HOSTS):
        return False
    parts = url.split("/")
    if len(parts) < 5:
        return False
    repo = _fold(parts[4].removesuffix(".git"))
    return len(repo) >= 2 and repo in _fold(text[link.text[0] : link.text[1]])


def _variants(titles: list[str]) -> bool:
    """Whether the titles are sizes of one short name, written alike but for their
    numbers (`Resnet10`, `Resnet18`; `Llama-7B`, `Llama 13B`): one model family,
    whose paper or code page its variants share on purpose. `Baichuan-7|13B` and
    `Baichuan2-7|13B` are two generations, told apart by more than a number."""
    shapes = set()
    for title in titles:
        if len(title.split()) > 2 or ":" in title or not any(ch.isdigit() for ch in title):
            return False  # (a name of one or two words: `P1: Title 1` is a title)
        shapes.add(_NUMBERS.sub("#", _SEPARATORS.sub("-", title.strip().lower())))
    shape = shapes.pop()
    return not shapes and sum(ch.isalpha() for ch in shape) >= 3  # (not `P1`, `P2`)


_NUMBERS = lazy_compile(r"\d+")
_SEPARATORS = lazy_compile(r"[\s_-]+")


def _fold(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


# An article (or "like the") before a link: the link is a noun of a sentence.
_ARTICLE_BEFORE = lazy_compile(r"(?<![\w-])(?:the|a|an)[ \t]+\Z")
_MENTION_WORDS = 4  # words before the link at least: a sentence, not a title


def _mention(text: str, entry: Entry, link: Link, title: str) -> bool:
    """Whether the link is mentioned in a sentence (`* **Modeling-based methods** are
    based on physical theories like the [Fresnel Zone model](u)`): a definition citing a
    paper, whose lead in bold names no paper of that link."""
    start = entry.content[0]
    if link.start - start < 2 * _MENTION_WORDS:
        return False  # (most entries: the link opens the entry or follows a short tag)
    head = text[start : link.start]
    return len(head.split()) >= _MENTION_WORDS and _ARTICLE_BEFORE.search(head) is not None


def _without_sources(
    document: Document, items: list[tuple[Entry, Link, str]]
) -> list[tuple[Entry, Link, str]]:
    """Without the items of a section of datasets, benchmarks or metrics that cite the
    paper of their link: one named in three words at most when another item of the link
    stands in another section (`[CT-RATE（胸部 CT 图文语料库）](the paper)` under `## 一、
    数据集`, the paper under `## 二、报告生成`), and one that names the paper after a
    dash, a name another item's title holds too (`[FCN Score - pix2pix](u)`, `[AMT
    Perceptual Studies - pix2pix](u)`, `[pix2pix/PatchGAN](u)`). Two short items of one
    section (`[MLPerf Inference]` and `[Massive Text Embedding Benchmark]` on one
    repository) stay: one of them has the other's link."""
    sections = reference_sections(document)
    if not sections:
        return items  # (most lists: no section of datasets or metrics)
    kept = []
    for index, item in enumerate(items):
        entry, _link, title = item
        if id(entry.section) in sections:
            if len(title.split()) <= 3 and any(
                other[0].section is not entry.section for other in items
            ):
                continue
            if " - " in title:
                name = title_key(title.rpartition(" - ")[2])
                if name and any(
                    name in title_key(other[2]) for k, other in enumerate(items) if k != index
                ):
                    continue
        kept.append(item)
    return kept


def _short(title: str, width: int = 60) -> str:
    return title if len(title) <= width else title[: width - 1].rstrip() + "…"


# Words that make a title name a resource of a paper, which shares the paper's page.
_RESOURCE_WORDS = frozenset(
    {"dataset", "datasets", "data", "benchmark", "code", "slides", "video", "demo", "project"}
)


def _resource(title: str) -> bool:
    """``[Sun dataset](paper page)``: the dataset of a paper, linked to the paper's page."""
    words = title_key(title).split()
    return len(words) <= 3 and any(word in _RESOURCE_WORDS for word in words)
