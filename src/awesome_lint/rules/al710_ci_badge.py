from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document
from awesome_lint.rules.base import Context, Rule

# Build-status images: GitHub Actions, Travis CI, CircleCI, AppVeyor, GitLab pipelines.
_CI = lazy_compile(
    r"^https?://(?:github\.com/[^/\s]+/[^/\s]+/(?:actions/)?workflows/[^\s]*badge\.svg"
    r"|(?:api\.)?travis-ci\.(?:org|com)/"
    r"|(?:dl\.)?circleci\.com/[^\s]*(?:badge|svg)"
    r"|ci\.appveyor\.com/api/projects/status/"
    r"|gitlab\.com/[^\s]*/(?:badges/[^\s]*/)?pipeline\.svg"
    r"|img\.shields\.io/(?:github/(?:actions/)?workflow|travis|circleci|appveyor)/)",
    re.IGNORECASE,
)


class CiBadge(Rule):
    """
    ## What it does

    Finds a build-status badge (GitHub Actions, Travis CI, CircleCI, AppVeyor,
    GitLab pipelines) in the list.

    Part of `profile = "awesome"`; otherwise opt-in.

    ## Why

    The awesome-list guidelines ask not to show a CI badge: the list's readers
    do not care whether the list's own checks pass. Put it in the contributing
    guide instead.

    ## Example

    ```markdown
    # Awesome Serving [![CI](https://github.com/o/r/actions/workflows/ci.yml/badge.svg)](…)
    ```

    ## Fix safety

    No fix.

    ## Options

    None.
    """

    code = "AL710"
    name = "ci-badge"
    summary = "A build-status badge in the list"
    default = False
    profiles = frozenset({"awesome"})

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        for link in document.links:
            if link.image and _CI.match(link.url_value):
                yield self.report("Build-status badge in the list", link.start, link.end)
