"""https against a local TLS server with a test certificate authority (trustme).

The checker connects to the address it resolved and checked, yet verifies the server's
certificate against the host name of the URL; a GitHub token goes to github.com over
https only, and never to the next hop of a redirect to another host.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterator

import pytest
import trustme

from netcheck.conftest import FakeResolver, fast, session
from netcheck.server import LocalServer, Reply


@pytest.fixture(scope="module")
def authority() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def tls_server(authority: trustme.CA) -> Iterator[LocalServer]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("github.com", "files.test").configure_cert(context)
    with LocalServer(tls=context) as server:
        yield server


def client_context(authority: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context()
    authority.configure_trust(context)
    return context


RESOLVER = {"github.com": ["127.0.0.1"], "files.test": ["127.0.0.1"], "wrong.test": ["127.0.0.1"]}


def test_token_goes_to_github_over_https_only(
    tls_server: LocalServer, authority: trustme.CA, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEST_GH_TOKEN", "s3cret")
    tls_server.route("/o/r", Reply(301, {"Location": "https://files.test:{port}/o/r.zip"}))
    tls_server.route("/o/r.zip", Reply(200))
    url = tls_server.url("/o/r", host="github.com")
    checker = session(
        fast(github_token_env="TEST_GH_TOKEN"),
        FakeResolver(RESOLVER),
        ssl_context=client_context(authority),
    )
    fact = checker.facts([url])[url]
    assert (fact.kind, fact.target) == ("redirected", tls_server.url("/o/r.zip", "files.test"))
    first, second = tls_server.seen
    assert first.headers.get("Authorization") == "Bearer s3cret"
    assert first.host == f"github.com:{tls_server.port}"
    assert "Authorization" not in second.headers
    assert second.host == f"files.test:{tls_server.port}"


def test_certificate_is_checked_against_the_url_host(
    tls_server: LocalServer, authority: trustme.CA
) -> None:
    tls_server.route("/", Reply(200))
    url = tls_server.url("/", host="wrong.test")  # the certificate names other hosts
    checker = session(
        fast(retries=0), FakeResolver(RESOLVER), ssl_context=client_context(authority)
    )
    fact = checker.facts([url])[url]
    assert fact.kind == "unreachable"
    assert fact.message.startswith("TLS error")
    assert tls_server.seen == []


def test_unknown_authority_is_a_tls_error(tls_server: LocalServer) -> None:
    tls_server.route("/", Reply(200))
    url = tls_server.url("/", host="github.com")
    fact = session(fast(retries=0), FakeResolver(RESOLVER)).facts([url])[url]
    assert (fact.kind, fact.message[:9]) == ("unreachable", "TLS error")
