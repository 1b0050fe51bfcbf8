"""Fixtures of the link checker tests: a local server, fast options, a resolver we control.

Nothing here sends a packet beyond the loopback interface: URLs point at 127.0.0.1 (IP
literals need no lookup), and host names go through ``FakeResolver``, which maps them to
loopback addresses or fails, without asking any DNS server.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

from awesome_lint.netcheck.client import HostNotFound, LookupFailed
from awesome_lint.netcheck.options import LinkOptions, make_options
from awesome_lint.netcheck.session import LinkSession
from netcheck.server import LocalServer


class FakeResolver:
    """Names -> loopback addresses; unknown names do not exist; ``flaky`` names fail for now."""

    def __init__(self, names: dict[str, list[str]] | None = None) -> None:
        self.names = dict(names or {})
        self.flaky: set[str] = set()
        self.calls: Counter[str] = Counter()

    async def __call__(self, host: str, port: int) -> list[str]:
        self.calls[host] += 1
        for address in self.names.get(host, []):
            assert address.startswith("127.") or address == "::1", "tests stay on loopback"
        if host in self.flaky:
            raise LookupFailed(f"temporary failure for {host}")
        if host not in self.names:
            raise HostNotFound(f"{host}: name or service not known")
        return self.names[host]


def fast(**values: Any) -> LinkOptions:
    """Options for tests: loopback allowed, short timeouts, tiny backoff, no pacing."""
    base: dict[str, Any] = {
        "allow_private": True,
        "timeout": 1.0,
        "retries": 2,
        "backoff": 0.01,
        "pacing": 0.0,
        "budget": 20.0,
    }
    base.update(values)
    return make_options(base)


def loopback_only(address: str) -> bool:
    """An address policy for tests that forbids every address but 127.0.0.1."""
    return address == "127.0.0.1"


def session(
    options: LinkOptions | None = None, resolver: FakeResolver | None = None, **kwargs: Any
) -> LinkSession:
    kwargs.setdefault("use_cache", False)
    return LinkSession(options or fast(), None, resolver=resolver or FakeResolver(), **kwargs)


@pytest.fixture(autouse=True)
def private_cache_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default link cache of these tests lives in a temporary folder, not in ~/.cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache-home")))


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as running:
        yield running
