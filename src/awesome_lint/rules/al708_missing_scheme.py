from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule

# A destination that names a web host but has no scheme: `www.…`, or a host with a
# common top-level domain followed by a path (`github.com/x`). File names such as
# `CONTRIBUTING.md` or `docs/setup.py` do not match.
_HOSTLIKE = lazy_compile(
    r"(?:www\.[^\s/]+|(?:[a-z0-9-]+\.)+(?:com|org|net|io|edu|gov|ai|dev)(?=/|$))",
    re.IGNORECASE,
)
# An e-mail address as a destination: `[Name](someone@example.edu)`.
_EMAIL = lazy_compile(r"[\w.+-]+@(?:[a-z0-9-]+\.)+[a-z]{2,}", re.IGNORECASE)


class MissingScheme(Rule):
    """
    ## What it does

    Finds links whose destination is a web address without `https://`:
    `[Slides](www.example.org/talk.pptx)`, `[Code](github.com/org/repo)`, and
    links to an e-mail address without `mailto:` (`[Liangming Pan](someone@ucsb.edu)`).

    ## Why

    Without a scheme the destination is a relative path: on GitHub the link
    leads to a 404 page inside the repository instead of the site.

    ## Example

    ```markdown
    - [How to write a paper](www.example.org/writing.pptx) - Slides.
    ```

    ## Fix safety

    Unsafe: `https://` is added, and the site may serve only `http://`;
    `mailto:` before an e-mail address.

    ## Options

    None.
    """

    code = "AL708"
    name = "missing-scheme"
    summary = "A link to a web address has no `https://`"
    fix = "unsafe"
    rewrites_urls = True

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        for link in document.links:
            if link.reference:
                continue  # the destination is in the definition, reported by its use elsewhere
            url = link.url_value
            if not url or url[0] in "#/.?" or ":" in url.split("/", 1)[0]:
                continue
            start, end = link.url
            if "@" in url and _EMAIL.fullmatch(url):
                yield self.report(
                    f"Link {url!r} is an e-mail address without 'mailto:': it is a relative path",
                    start,
                    end,
                    self.replace("Add 'mailto:'", start, start, "mailto:", unsafe=True),
                )
                continue
            if _HOSTLIKE.match(url) is None:
                continue
            yield self.report(
                f"Link {url!r} has no scheme: it is a relative path",
                start,
                end,
                self.replace("Add 'https://'", start, start, "https://", unsafe=True),
            )
