from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.network import links_with_facts


class UnreachableLink(Rule):
    """
    ## What it does

    With `--check-links`, reports links that could not be checked to the end after the
    configured retries: timeouts, refused or reset connections, TLS errors, 5xx answers,
    429 (rate limited, also when `Retry-After` asks for longer than `max-retry-after`),
    other statuses not in `accept`, redirect loops and chains longer than
    `max-redirects`, and redirects to a private address or to another scheme than http
    and https (never followed).

    It is a **warning**: it is reported in every output format, but on its own it does
    not make the exit code 1, because such failures are often transient and must not
    turn CI red.

    ## Why

    A link that keeps failing deserves a look, but one failed attempt proves little.

    ## Example

    `[Site](https://example.org/)` where the server answers 503 three times:
    `Unreachable link: HTTP 503`.

    ## Fix safety

    No fix.

    ## Options

    None of its own. The checker's settings are under `[links]`; see the README's
    section on checking links.
    """

    code = "AL803"
    name = "unreachable-link"
    summary = "A link that failed after retries (timeout, 5xx, 429); a warning; needs --check-links"
    severity = "warning"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        for link, fact in links_with_facts(document, context, "unreachable"):
            yield self.report(f"Unreachable link: {fact.message}", link.url[0], link.url[1])
