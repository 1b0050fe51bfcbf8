"""What checking one URL found (``Outcome``, as cached) and what it means (``LinkFact``)."""

from __future__ import annotations

from dataclasses import dataclass

# Errors after which a link is dead; every other error makes it unreachable.
DEAD_ERRORS = frozenset({"nxdomain"})
DEAD_STATUSES = frozenset({404, 410})

# error code -> how a message describes it
ERROR_TEXT = {
    "nxdomain": "host does not resolve",
    "dns": "host name lookup failed",
    "timeout": "timed out",
    "connect": "connection failed",
    "reset": "connection reset",
    "protocol": "invalid HTTP response",
    "tls": "TLS error",
    "loop": "redirect loop",
    "redirects": "too many redirects",
    "scheme": "redirects to a scheme other than http/https",
    "private": "redirects to a private address (not followed)",
    "blocked": "resolves to a private address (not checked)",
    "bad-url": "not a valid URL",
}


@dataclass(frozen=True, slots=True)
class Outcome:
    """The raw result of checking one URL (without its fragment); this is what is cached.

    ``status`` is the final HTTP status (None after an error). ``permanent`` is the URL
    reached by following only permanent redirects (301, 308) from the start, when there
    was at least one; ``final`` is where all redirects ended.
    """

    status: int | None
    error: str | None = None
    detail: str = ""
    permanent: str | None = None
    final: str | None = None
    checked_at: float = 0.0


@dataclass(frozen=True, slots=True)
class LinkFact:
    """A classified outcome: what the network rules read."""

    kind: str  # "ok", "redirected", "dead", "unreachable" or "skipped"
    message: str
    target: str | None = None  # for "redirected": the URL to use instead


def classify(outcome: Outcome, accept: frozenset[int]) -> str:
    """The kind of an outcome: ok, redirected, dead, unreachable or skipped."""
    if outcome.error is not None:
        if outcome.error == "blocked":
            return "skipped"
        return "dead" if outcome.error in DEAD_ERRORS else "unreachable"
    status = outcome.status
    assert status is not None
    if status in accept:
        return "redirected" if outcome.permanent else "ok"
    if status in DEAD_STATUSES:
        return "dead"
    return "unreachable"


def describe(outcome: Outcome, kind: str) -> str:
    if outcome.error is not None:
        text = ERROR_TEXT.get(outcome.error, outcome.error)
        return f"{text} ({outcome.detail})" if outcome.detail else text
    via = f" after redirects to {outcome.final}" if outcome.final else ""
    if kind == "redirected":
        return f"permanently redirected to {outcome.permanent}"
    return f"HTTP {outcome.status}{via}"


def with_fragment(url: str, written: str) -> str:
    """``url`` with the fragment of the URL as written, unless it has its own."""
    _, hash_, fragment = written.partition("#")
    if not hash_ or "#" in url:
        return url
    return f"{url}#{fragment}"


def fact_for(outcome: Outcome, written: str, accept: frozenset[int]) -> LinkFact:
    """The fact about the URL as written in the document (fragments are kept on targets)."""
    kind = classify(outcome, accept)
    target = None
    if kind == "redirected" and outcome.permanent:
        target = with_fragment(outcome.permanent, written)
    return LinkFact(kind, describe(outcome, kind), target)
