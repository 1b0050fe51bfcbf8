from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Applicability, Diagnostic, Edit, Fix
from awesome_lint.links.normalize import tracking_params
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import distinct_links


class TrackingParameters(Rule):
    """
    ## What it does

    Finds tracking parameters in link URLs (their names read with Markdown's
    escapes undone: `?\\_ga=` is `_ga`): `utm_*`, `fbclid`, `gclid`,
    `msclkid` and similar click ids, Microsoft's campaign id `WT.mc_id`, SAP's
    marketing ids `sap-outbound-id` and `mkt-key` (in Springer Nature's e-mails),
    and the `casa_token` that Google Scholar adds to publisher links, on any site;
    and a few that are tracking or
    session data on one site only (`si` on YouTube, `referrer` on OpenReview, the reading session's
    `token`, `originRegion` and `originCreation` on Elsevier's reader, whose
    token expires, and `saml_referrer` on Wiley's PDF viewer).

    ## Why

    They identify a campaign, a click or a person, not the page: the link
    works the same without them, reads better, and two copies of one link
    compare equal.

    ## Example

    `[OPT](https://arxiv.org/pdf/2205.01068.pdf?fbclid=IwAR1)` becomes
    `[OPT](https://arxiv.org/pdf/2205.01068.pdf)`.

    ## Fix safety

    Safe: exactly the tracking parameters (with their `&`, and the `?` when
    nothing is left) are deleted; other parameters and the fragment stay.
    Reference-style links are reported without a fix.

    ## Options

    None.
    """

    code = "AL502"
    name = "tracking-parameters"
    summary = "A link URL carries tracking parameters"
    fix = "safe"
    rewrites_urls = True

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        for link in distinct_links(document):
            url = link.url_value
            spans = tracking_params(url)
            if not spans:
                continue
            names = [
                part.split("=", 1)[0] for a, b in spans for part in url[a:b].split("&") if part
            ]
            names = [name.lstrip("?").replace("\\", "") for name in names]
            fix = None
            if not link.reference:
                base = link.url[0]
                edits = tuple(Edit(base + a, base + b, "") for a, b in spans)
                fix = Fix(
                    "Remove tracking parameters",
                    edits,
                    Applicability.SAFE,
                    rewrites_urls=True,
                )
            shown = ", ".join(dict.fromkeys(n for n in names))
            yield self.report(f"Tracking parameters in URL: {shown}", link.url[0], link.url[1], fix)
