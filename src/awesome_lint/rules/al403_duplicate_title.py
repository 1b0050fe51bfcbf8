from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic, Related
from awesome_lint.links.papers import nested, paper_links, title_key
from awesome_lint.parser.document import Document, Entry, Link
from awesome_lint.rules.base import Context, Rule

MIN_TITLE = 12  # characters of the folded title; shorter ones ("Paper", "Survey") say little


class DuplicateTitle(Rule):
    """
    ## What it does

    Finds one paper title used twice in a section with links that differ even
    after URL normalisation. Titles are compared with case, punctuation and
    whitespace folded; in the `[Name](url): subtitle` shape the name and the
    subtitle together are the title. Very short titles are ignored, and so is a
    nested item that repeats its parent's title to give another link.

    ## Why

    The same paper listed twice with two different links (say its arXiv
    preprint and its proceedings page) is a duplicate that link comparison
    cannot see, or one of the two links points at the wrong paper.

    ## Example

    ```markdown
    - [Efficient Memory Management for LLM Serving](https://arxiv.org/abs/2309.06180)
    - [Efficient memory management for LLM serving](https://dl.acm.org/doi/10.1145/3600006.3613165)
    ```

    The second entry is reported.

    ## Fix safety

    No fix: which entry (and link) to keep is a choice.

    ## Options

    None. Two code repositories with one name (`[Awesome AI Agents](github.com/a/…)`
    and `[Awesome AI Agents](github.com/b/…)`) are two things, not one paper twice.
    """

    code = "AL403"
    name = "duplicate-title"
    summary = "The same paper title appears twice in a section with different links"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        first: dict[tuple[int, str], tuple[Entry, Link, str]] = {}
        for entry, link, title, url_key in paper_links(document):
            if title is None:
                continue
            key = title_key(title)
            if len(key) < MIN_TITLE:
                continue
            original = first.setdefault((id(entry.section), key), (entry, link, url_key))
            if original[0] is entry or original[2] == url_key or nested(original[0], entry):
                continue
            if _repository(original[2]) and _repository(url_key):
                continue  # two repositories may share a name ("Awesome AI Agents")
            other, other_link, _ = original
            yield self.report(
                f"Title already listed on line {other.line + 1} with another link",
                link.url[0],
                link.url[1],
                related=(Related(other_link.url[0], other_link.url[1], "First copy"),),
            )


_REPOSITORY = re.compile(r"https://(?:github\.com|gitlab\.com|codeberg\.org)/[^/]+/[^/]+$")


def _repository(url_key: str) -> bool:
    """The link is a code repository's front page (a normalised key)."""
    return _REPOSITORY.match(url_key) is not None
