from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.network import links_with_facts


class DeadLink(Rule):
    """
    ## What it does

    With `--check-links` (or `links = true` under `[links]`), reports links whose page is
    gone: the server answers 404 or 410 (also at the end of a redirect chain), or the
    host name does not exist, after the configured retries. HEAD is tried first and a
    failing HEAD is confirmed with GET, so servers that mishandle HEAD are not reported.
    Without `--check-links` this rule reports nothing and nothing touches the network.

    ## Why

    Dead links are the first complaint about every awesome list.

    ## Example

    `[Orca](https://example.org/removed-page)` where the server answers 404:
    `Dead link: HTTP 404`.

    ## Fix safety

    No fix: only a person can find where the page went.

    ## Options

    None of its own. The checker's settings are under `[links]`; see the README's
    section on checking links.
    """

    code = "AL801"
    name = "dead-link"
    summary = "A link whose page is gone (404, 410, unknown host); needs --check-links"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        for link, fact in links_with_facts(document, context, "dead"):
            yield self.report(f"Dead link: {fact.message}", link.url[0], link.url[1])
