from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.links.normalize import ArxivForm, arxiv_url, parse_arxiv
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Option, Rule


class ArxivLinkStyle(Rule):
    """
    ## What it does

    Makes arXiv paper links follow one form: `https://arxiv.org/abs/<id>` (or
    `https://arxiv.org/pdf/<id>` with `form = "pdf"`), with the version suffix
    `vN` kept or stripped. Links to `www.arxiv.org` and `export.arxiv.org`, and
    `.pdf` endings, are rewritten to the canonical form. `html` links are left
    alone.

    This rule is opt-in: enable it by its code or name (or `ALL`).

    ## Why

    One link form per list reads consistently, and an unversioned link always
    opens the latest version of the paper.

    ## Example

    `[OPT](http://arxiv.org/pdf/2205.01068v2.pdf)` becomes
    `[OPT](https://arxiv.org/abs/2205.01068v2)` (default options) or
    `[OPT](https://arxiv.org/abs/2205.01068)` with `versions = "strip"`.

    ## Fix safety

    Safe: the URL is replaced by another URL of the same paper (of the same
    version, unless `versions = "strip"` asks otherwise). Links with a query or
    a fragment, and reference-style links, are reported without a fix.

    ## Options

    - `form` (`"abs"` default, or `"pdf"`): the page the links open.
    - `versions` (`"keep"` default, or `"strip"`): keep or drop `vN`.
    """

    code = "AL503"
    name = "arxiv-link-style"
    summary = "An arXiv link does not follow the configured form"
    fix = "safe"
    default = False
    rewrites_urls = True
    options: ClassVar[Mapping[str, Option]] = {
        "form": Option("abs", "The arXiv page links open", choices=("abs", "pdf")),
        "versions": Option(
            "keep", "Keep or strip version suffixes like v2", choices=("keep", "strip")
        ),
    }

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        form: ArxivForm = "pdf" if context.options.get("form", "abs") == "pdf" else "abs"
        strip = context.options.get("versions", "keep") == "strip"
        for link in document.links:
            url = link.url_value
            paper = parse_arxiv(url)
            if paper is None or paper.form == "html":
                continue
            target = arxiv_url(paper.id, form, None if strip else paper.version)
            if url == target:
                continue
            plain = "?" not in url and "#" not in url
            fix = None
            if plain and not link.reference:
                fix = self.replace(f"Use {target}", link.url[0], link.url[1], target)
            yield self.report(f"arXiv link should be {target}", link.url[0], link.url[1], fix)
