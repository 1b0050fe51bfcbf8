"""The ``[links]`` configuration table: validation and the resolved options."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

KINDS = ("ok", "redirected", "dead", "unreachable")

# How long a result stays fresh, by kind: dead and unreachable links are checked again
# sooner than good ones, so that a fixed link or a host back up is noticed.
DEFAULT_MAX_AGE: dict[str, float] = {
    "ok": 7 * 86400.0,
    "redirected": 7 * 86400.0,
    "dead": 86400.0,
    "unreachable": 3600.0,
}
DEFAULT_ACCEPT = frozenset((*range(200, 300), 401, 403))

_DURATION = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*")
_UNITS = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


class LinkOptionError(ValueError):
    """A ``[links]`` value is not understood; the message names the key."""


@dataclass(frozen=True)
class LinkOptions:
    """Everything the checker needs to know, with the defaults of the docs."""

    enabled: bool = False  # `links = true`: check links without --check-links
    include: tuple[re.Pattern[str], ...] = ()  # when set, only URLs matching one of them
    exclude: tuple[re.Pattern[str], ...] = ()  # URLs matching one of these are not checked
    accept: frozenset[int] = DEFAULT_ACCEPT  # statuses that mean "the link works"
    timeout: float = 10.0  # per request, seconds
    concurrency: int = 32  # requests in flight in all
    per_host: int = 4  # requests in flight to one host
    pacing: float = 0.05  # seconds between two request starts to one host
    retries: int = 2  # further attempts after a transient failure
    backoff: float = 1.0  # base of the exponential backoff, seconds
    max_retry_after: float = 60.0  # a longer Retry-After gives up (unreachable)
    max_redirects: int = 10
    max_age: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_MAX_AGE))
    allow_private: bool = False  # allow loopback, private, link-local, multicast targets
    github_token_env: str | None = None  # env var holding a token for github.com
    budget: float = 300.0  # the whole check, seconds (--links-timeout)

    def wants(self, url: str) -> bool:
        """Whether this URL is to be checked (http/https, include/exclude)."""
        if self.include and not any(p.search(url) for p in self.include):
            return False
        return not any(p.search(url) for p in self.exclude)


def _duration(key: str, value: Any) -> float:
    if isinstance(value, bool):
        raise LinkOptionError(f"{key} must be a number of seconds or a string like '12h'")
    if isinstance(value, int | float):
        seconds = float(value)
    elif isinstance(value, str) and (m := _DURATION.fullmatch(value)):
        seconds = float(m.group(1)) * _UNITS[m.group(2)]
    else:
        raise LinkOptionError(
            f"{key} must be a number of seconds or a string like '30s', '15m', '12h', '7d'"
        )
    if seconds < 0:
        raise LinkOptionError(f"{key} must not be negative")
    return seconds


def _count(key: str, value: Any, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise LinkOptionError(f"{key} must be an integer of at least {minimum}")
    return value


def _patterns(key: str, value: Any) -> tuple[re.Pattern[str], ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LinkOptionError(f"{key} must be a list of regular expressions")
    out = []
    for pattern in value:
        try:
            out.append(re.compile(pattern))
        except re.error as exc:
            raise LinkOptionError(f"{key}: bad regular expression {pattern!r}: {exc}") from None
    return tuple(out)


def _statuses(key: str, value: Any) -> frozenset[int]:
    if not isinstance(value, list):
        raise LinkOptionError(f"{key} must be a list of status codes or ranges like '200-299'")
    codes: set[int] = set()
    for item in value:
        if isinstance(item, int) and not isinstance(item, bool) and 100 <= item <= 599:
            codes.add(item)
        elif isinstance(item, str) and (m := re.fullmatch(r"\s*(\d{3})\s*-\s*(\d{3})\s*", item)):
            low, high = int(m.group(1)), int(m.group(2))
            if not 100 <= low <= high <= 599:
                raise LinkOptionError(f"{key}: bad range {item!r}")
            codes.update(range(low, high + 1))
        else:
            raise LinkOptionError(f"{key}: {item!r} is not a status code (100-599) or a range")
    return frozenset(codes)


def _max_age(key: str, value: Any) -> dict[str, float]:
    ages = dict(DEFAULT_MAX_AGE)
    if isinstance(value, dict):
        for kind, age in value.items():
            if kind not in KINDS:
                raise LinkOptionError(f"{key}: unknown kind {kind!r} (one of {', '.join(KINDS)})")
            ages[kind] = _duration(f"{key}.{kind}", age)
    else:
        seconds = _duration(key, value)
        ages = {kind: min(seconds, age) for kind, age in DEFAULT_MAX_AGE.items()}
        ages["ok"] = ages["redirected"] = seconds
    return ages


def _flag(key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise LinkOptionError(f"{key} must be true or false")
    return value


def _env_name(key: str, value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", value):
        raise LinkOptionError(f"{key} must be the name of an environment variable")
    return value


def _seconds(key: str, value: Any) -> float:
    seconds = _duration(key, value)
    if seconds <= 0:
        raise LinkOptionError(f"{key} must be more than zero")
    return seconds


# key in the table -> (attribute of LinkOptions, converter)
_KEYS: dict[str, tuple[str, Any]] = {
    "links": ("enabled", _flag),
    "include": ("include", _patterns),
    "exclude": ("exclude", _patterns),
    "accept": ("accept", _statuses),
    "timeout": ("timeout", _seconds),
    "concurrency": ("concurrency", lambda k, v: _count(k, v, 1)),
    "per-host": ("per_host", lambda k, v: _count(k, v, 1)),
    "pacing": ("pacing", _duration),
    "retries": ("retries", lambda k, v: _count(k, v, 0)),
    "backoff": ("backoff", _duration),
    "max-retry-after": ("max_retry_after", _duration),
    "max-redirects": ("max_redirects", lambda k, v: _count(k, v, 0)),
    "max-age": ("max_age", _max_age),
    "allow-private": ("allow_private", _flag),
    "github-token-env": ("github_token_env", _env_name),
}
TABLE_KEYS = tuple(_KEYS)


def validate_table(table: Any) -> dict[str, Any]:
    """Check a ``[links]`` table; return it with converted values (raise LinkOptionError)."""
    if not isinstance(table, dict):
        raise LinkOptionError("'links' must be a table ([links])")
    out: dict[str, Any] = {}
    for key, value in table.items():
        if key not in _KEYS:
            raise LinkOptionError(f"unknown key {key!r} in [links]")
        attribute, convert = _KEYS[key]
        out[attribute] = convert(f"links.{key}", value)
    return out


def make_options(converted: Mapping[str, Any], **overrides: Any) -> LinkOptions:
    """LinkOptions from a validated table plus command-line overrides (None = not given)."""
    values = dict(converted)
    values.update({k: v for k, v in overrides.items() if v is not None})
    return LinkOptions(**values)
