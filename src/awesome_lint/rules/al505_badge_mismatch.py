from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Link
from awesome_lint.rules.base import Context, Rule

# A shields.io badge of a GitHub repository: /github/<kind>/<owner>/<repo>, where the kind
# is one path segment or, for the kinds below, two.
_BADGE = lazy_compile(
    r"(?i:https?://img\.shields\.io/)github/"
    r"((?:v|commit-activity|languages|go-mod|package-json|milestones)/[^/?#]+"
    r"|[a-z-]+)/([A-Za-z0-9-]+)/([A-Za-z0-9._-]+)(?=[/?#]|$)"
)
# The kinds read: the owner and repository follow the kind directly.
_KINDS = frozenset(
    {
        "stars",
        "forks",
        "watchers",
        "last-commit",
        "issues",
        "issues-raw",
        "issues-closed",
        "issues-closed-raw",
        "issues-pr",
        "issues-pr-raw",
        "issues-pr-closed",
        "issues-pr-closed-raw",
        "license",
        "contributors",
        "contributors-anon",
        "release-date",
        "release-date-pre",
        "repo-size",
        "downloads",
        "downloads-pre",
        "discussions",
        "created-at",
        "commits-since",
        "checks-status",
        "deployments",
        "directory-file-count",
        "tag",
        "tag-date",
        "tag-pre",
        "release",
        "release-pre",
        "search",
        "size",
        "top-language",
    }
)
# A link to a GitHub repository: github.com/<owner>/<repo>, then anything.
_REPO_LINK = lazy_compile(
    r"(?i:https?://(?:www\.)?github\.com/)([A-Za-z0-9-]+)/([A-Za-z0-9._-]+)(?=[/?#]|$)"
)
# First path segments of github.com that are pages of the site, not owners.
_SITE_PAGES = frozenset(
    {
        "about",
        "apps",
        "collections",
        "customer-stories",
        "enterprise",
        "events",
        "explore",
        "features",
        "login",
        "marketplace",
        "notifications",
        "orgs",
        "pricing",
        "readme",
        "search",
        "security",
        "settings",
        "site",
        "sponsors",
        "topics",
        "trending",
        "users",
    }
)
_EXTENSIONS = (".svg", ".png", ".json")


class BadgeMismatch(Rule):
    """
    ## What it does

    Finds a shields.io badge of a GitHub repository (stars, forks, last commit,
    issues, license, ...: `img.shields.io/github/<kind>/<owner>/<repo>`) inside a
    link to a GitHub repository, where the badge's owner and repository differ
    from the link's (letter case aside):

    `[![GitHub Repo stars](https://img.shields.io/github/stars/Theia-4869/FasterVLM)](https://github.com/ywh187/FitPrune)`

    The link may point anywhere in the repository (`.git`, `/tree/main`, a
    `#fragment`, a query). Badges beside a link rather than inside it, badges of
    a user (`/github/followers/<user>`) and HTML `<a><img></a>` badges are not
    read.

    ## Why

    Such a badge was usually copied from the entry above and not edited: it
    shows another project's stars, and the reader takes them for this one's.

    ## Example

    ```markdown
    - FitPrune [![stars](https://img.shields.io/github/stars/Theia-4869/FasterVLM)](https://github.com/ywh187/FitPrune)
    ```

    is reported: the badge shows Theia-4869/FasterVLM, the link opens
    ywh187/FitPrune.

    ## Fix safety

    No fix: which side is wrong is not known. A repository that was renamed or
    moved to another owner redirects on GitHub, but the rule does not go on the
    network to know it: a badge with the same repository name and another owner
    (or the other way round) is reported as well; update the older side.

    ## Options

    None.
    """

    code = "AL505"
    name = "badge-mismatch"
    summary = "A GitHub badge inside a link shows another repository than the link opens"

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        if "shields.io/github/" not in document.text:
            return
        badges: list[tuple[Link, str, str]] = []
        targets: list[tuple[Link, str, str]] = []
        for link in document.links:
            url = link.url_value
            if link.image:
                if "shields.io/github/" in url:
                    badge = _badge_repo(url)
                    if badge is not None:
                        badges.append((link, *badge))
            elif "github.com/" in url.lower():
                target = _link_repo(url)
                if target is not None:
                    targets.append((link, *target))
        if not badges or not targets:
            return
        targets.sort(key=lambda target: target[0].start)
        starts = [target[0].start for target in targets]
        for image, owner, repo in badges:
            index = bisect_right(starts, image.start) - 1
            if index < 0:
                continue
            link, link_owner, link_repo = targets[index]
            if not link.text[0] <= image.start < link.text[1]:
                continue  # not inside this link's text
            if (owner.lower(), repo.lower()) == (link_owner.lower(), link_repo.lower()):
                continue
            yield self.report(
                f"Badge shows {owner}/{repo} but its link opens {link_owner}/{link_repo}",
                image.start,
                image.end,
            )


def _badge_repo(url: str) -> tuple[str, str] | None:
    """The owner and repository a shields.io GitHub badge shows, or None."""
    match = _BADGE.match(url)
    if match is None:
        return None
    kind = match.group(1)
    if "/" not in kind and kind not in _KINDS:
        return None  # (a kind of two parts is one of those the pattern names)
    repo = match.group(3)
    for extension in _EXTENSIONS:
        if repo.lower().endswith(extension):
            repo = repo[: -len(extension)]
            break
    return (match.group(2), repo) if repo else None


def _link_repo(url: str) -> tuple[str, str] | None:
    """The owner and repository a link to github.com opens, or None."""
    match = _REPO_LINK.match(url)
    if match is None:
        return None
    owner, repo = match.group(1), match.group(2)
    if owner.lower() in _SITE_PAGES:
        return None
    if repo.lower().endswith(".git"):
        repo = repo[:-4]
    return (owner, repo) if repo else None
