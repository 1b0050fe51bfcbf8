from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.links.normalize import is_arxiv_mirror, serves_https
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import distinct_links


class InsecureLink(Rule):
    """
    ## What it does

    Finds `http://` links to sites known to serve the same pages over https:
    arXiv, GitHub and GitHub Pages, USENIX, the ACM and IEEE digital libraries,
    OpenReview, doi.org, the proceedings sites of NeurIPS, ICML, ICLR, MLSys,
    PMLR, ACL, CVF, VLDB and others (the table `HTTPS_HOSTS` in
    `awesome_lint.links.normalize`).

    ## Why

    Plain http links are redirected (slower, and a privacy leak on the way) or
    blocked by strict browsers; these sites all serve https.

    ## Example

    `[Orca](http://www.usenix.org/conference/osdi22/presentation/yu)` becomes
    `[Orca](https://www.usenix.org/conference/osdi22/presentation/yu)`.

    ## Fix safety

    Safe: only the scheme of the URL changes, and only for the listed hosts.
    Links to arXiv mirrors (`http://cn.arxiv.org/...`) are left to
    arxiv-link-style (AL503), which points them to arxiv.org.
    Links with an explicit port, and reference-style links (whose URL is in a
    definition elsewhere), are reported without a fix.

    ## Options

    None.
    """

    code = "AL501"
    name = "insecure-link"
    summary = "An http:// link to a site that serves https"
    fix = "safe"
    rewrites_urls = True

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        for link in distinct_links(document):
            url = link.url_value
            if url[:7].lower() != "http://":
                continue
            try:
                parts = urlsplit(url)
                port = parts.port
            except ValueError:
                continue
            host = parts.hostname or ""
            if not serves_https(host) or is_arxiv_mirror(host):
                continue  # (a link to an arXiv mirror is AL503's: it points it to arxiv.org)
            start = link.url[0]
            fix = None
            if port is None and not link.reference:
                fix = self.replace("Use https", start, start + 4, "https")
            yield self.report(f"Use https for {host}", start, link.url[1], fix)
