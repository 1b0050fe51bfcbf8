from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.network import links_with_facts

_UNSAFE_CHARS = frozenset(" \t\r\n<>\\")


def _writable(url: str) -> bool:
    """Whether ``url`` can stand as an inline link destination as it is."""
    if any(c in _UNSAFE_CHARS for c in url):
        return False
    depth = 0
    for c in url:
        depth += (c == "(") - (c == ")")
        if depth < 0:
            return False
    return depth == 0


class RedirectedLink(Rule):
    """
    ## What it does

    With `--check-links`, reports links that are permanently redirected (301 or 308) to
    another URL, and offers that URL. Only the leading permanent redirects count: after
    `301 → 302 → …` the suggestion is where the 301 pointed, since temporary redirects
    may change. The link's `#fragment` is kept unless the new URL has its own.

    ## Why

    Permanent redirects say the page has moved for good; the old address works only as
    long as the site keeps the redirect, and costs a round trip each visit.

    ## Example

    `[Project](http://example.org/old)` answered with `301 Location: https://example.org/new`
    becomes `[Project](https://example.org/new)`.

    ## Fix safety

    Unsafe: a site may redirect every page to a login, a home or a consent page, and only
    a person can tell. No fix is offered for reference-style links, for a redirect from
    https to http, or when the new URL cannot be written as a link destination as it is.

    ## Options

    None of its own. The checker's settings are under `[links]`; see the README's
    section on checking links.
    """

    code = "AL802"
    name = "redirected-link"
    summary = "A permanently redirected link (301, 308); needs --check-links"
    fix = "unsafe"
    rewrites_urls = True

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        for link, fact in links_with_facts(document, context, "redirected"):
            target = fact.target
            start, end = link.url
            fix = None
            downgrade = link.url_value.lower().startswith("https:") and target.startswith("http:")
            if not link.reference and not downgrade and _writable(target):
                fix = self.replace("Use the redirect target", start, end, target, unsafe=True)
            yield self.report(f"Link {fact.message}", start, end, fix)
