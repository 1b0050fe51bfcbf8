"""The checker against a real HTTP server on 127.0.0.1 (no mocks of the client)."""

from __future__ import annotations

import time
from typing import Any

import pytest

from awesome_lint.netcheck import client
from awesome_lint.netcheck.client import ACCEPT, USER_AGENT
from netcheck.conftest import FakeResolver, fast, loopback_only, session
from netcheck.server import LocalServer, Reply


def facts(urls: list[str], **kwargs: object) -> dict[str, tuple[str, str, str | None]]:
    found = session(**kwargs).facts(urls)  # type: ignore[arg-type]
    return {url: (fact.kind, fact.message, fact.target) for url, fact in found.items()}


def test_ok_dead_and_gone(server: LocalServer) -> None:
    ok = server.route("/ok", Reply(200))
    missing = server.route("/missing", Reply(404))
    gone = server.route("/gone", Reply(410))
    found = facts([ok, missing, gone])
    assert found[ok][0] == "ok"
    assert found[missing][:2] == ("dead", "HTTP 404")
    assert found[gone][:2] == ("dead", "HTTP 410")
    # a failing HEAD is confirmed with GET before a link is called dead
    assert [s.method for s in server.hits("/missing")] == ["HEAD", "GET"]
    assert [s.method for s in server.hits("/ok")] == ["HEAD"]


def test_honest_headers(server: LocalServer) -> None:
    url = server.route("/ok", Reply(200))
    session().facts([url])
    (seen,) = server.hits("/ok")
    assert seen.headers["User-Agent"] == USER_AGENT
    assert seen.headers["Accept"] == ACCEPT
    assert "Authorization" not in seen.headers


def test_permanent_redirect_chain_301_then_308(server: LocalServer) -> None:
    start = server.route("/old", Reply(301, {"Location": "/older"}))
    server.route("/older", Reply(308, {"Location": "http://127.0.0.1:{port}/new"}))
    server.route("/new", Reply(200))
    kind, message, target = facts([start])[start]
    assert kind == "redirected"
    assert target == server.url("/new")
    assert message == f"permanently redirected to {server.url('/new')}"


def test_redirect_target_keeps_the_fragment(server: LocalServer) -> None:
    server.route("/old", Reply(301, {"Location": "/new"}))
    server.route("/new", Reply(200))
    written = server.url("/old") + "#section-2"
    assert facts([written])[written][2] == server.url("/new") + "#section-2"


def test_only_leading_permanent_redirects_count(server: LocalServer) -> None:
    start = server.route("/a", Reply(301, {"Location": "/b"}))
    server.route("/b", Reply(302, {"Location": "/c"}))
    server.route("/c", Reply(301, {"Location": "/d"}))
    server.route("/d", Reply(200))
    assert facts([start])[start][2] == server.url("/b")


def test_temporary_redirect_is_fine_and_dead_end_is_dead(server: LocalServer) -> None:
    temporary = server.route("/tmp", Reply(302, {"Location": "/ok"}))
    server.route("/ok", Reply(200))
    to_dead = server.route("/moved", Reply(301, {"Location": "/nothing"}))
    server.route("/nothing", Reply(404))
    found = facts([temporary, to_dead])
    assert found[temporary][0] == "ok"
    assert found[to_dead][0] == "dead"
    assert "after redirects to" in found[to_dead][1]


def test_redirect_loop_and_too_many_redirects(server: LocalServer) -> None:
    loop = server.route("/ping", Reply(302, {"Location": "/pong"}))
    server.route("/pong", Reply(301, {"Location": "/ping"}))
    for i in range(5):
        server.route(f"/hop{i}", Reply(302, {"Location": f"/hop{i + 1}"}))
    server.route("/hop5", Reply(200))
    long_chain = server.url("/hop0")
    found = facts([loop, long_chain], options=fast(max_redirects=3))
    assert found[loop][:2] == ("unreachable", "redirect loop")
    assert found[long_chain][:2] == ("unreachable", "too many redirects (more than 3)")
    assert len(server.hits("/hop4")) == 0  # it stopped after three redirects


def test_redirect_to_another_scheme_is_not_followed(server: LocalServer) -> None:
    url = server.route("/ftp", Reply(301, {"Location": "ftp://127.0.0.1/file"}))
    message = "redirects to a scheme other than http/https (ftp)"
    assert facts([url])[url][:2] == ("unreachable", message)


def test_redirect_to_a_private_address_is_checked_at_every_hop(server: LocalServer) -> None:
    # The policy allows 127.0.0.1 only; internal.test resolves to 127.0.0.2 (loopback
    # too, so nothing could leave the machine even if the check were missing).
    other = LocalServer("127.0.0.2")
    with other:
        other.route("/secret", Reply(200))
        resolver = FakeResolver({"internal.test": ["127.0.0.2"], "site.test": ["127.0.0.1"]})
        target = f"http://internal.test:{other.port}/secret"
        server.route("/jump", Reply(302, {"Location": target}))
        url = server.url("/jump", host="site.test")
        found = facts([url], resolver=resolver, address_policy=loopback_only)
        assert found[url][0] == "unreachable"
        assert found[url][1].startswith("redirects to a private address (not followed)")
        assert other.seen == []
        assert len(server.hits("/jump")) == 1


def test_private_addresses_are_refused_by_default(server: LocalServer) -> None:
    url = server.route("/ok", Reply(200))
    named = server.url("/ok", host="intranet.test")
    resolver = FakeResolver({"intranet.test": ["127.0.0.1"]})
    found = facts([url, named], options=fast(allow_private=False), resolver=resolver)
    assert found[url][0] == "skipped"
    assert found[named][0] == "skipped"  # checked after the name was resolved
    assert server.seen == []


def test_slow_response_times_out_after_retries(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = server.route("/slow", Reply(200, delay=0.6))
    # the attempts counted where they are made: on a loaded machine an attempt may time
    # out before its request reaches the server, which then never records it
    attempts: list[str] = []
    request = client.Checker._request

    async def counted(self: client.Checker, target: Any, state: Any) -> Any:
        attempts.append(str(target))
        return await request(self, target, state)

    monkeypatch.setattr(client.Checker, "_request", counted)
    start = time.monotonic()
    assert facts([url], options=fast(timeout=0.2, retries=1))[url][:2] == (
        "unreachable",
        "timed out",
    )
    assert time.monotonic() - start < 3
    assert attempts == [url, url]  # the first attempt and one retry, each timed out
    assert server.wait_for_hits("/slow", 1)  # (a request did reach the slow server)


def test_429_honours_retry_after(server: LocalServer) -> None:
    url = server.route("/busy", Reply(429, {"Retry-After": "1"}), Reply(200))
    assert facts([url])[url][0] == "ok"
    first, second = server.hits("/busy")
    assert second.at - first.at >= 0.95


def test_429_with_a_long_retry_after_gives_up(server: LocalServer) -> None:
    url = server.route("/busy", Reply(429, {"Retry-After": "3600"}))
    start = time.monotonic()
    assert facts([url])[url][:2] == ("unreachable", "HTTP 429")
    assert len(server.hits("/busy")) == 1
    assert time.monotonic() - start < 2


def test_503_then_200_is_fine_and_503_forever_is_unreachable(server: LocalServer) -> None:
    flaky = server.route("/flaky", Reply(503), Reply(200))
    down = server.route("/down", Reply(503))
    found = facts([flaky, down], options=fast(retries=2))
    assert found[flaky][0] == "ok"
    assert found[down][:2] == ("unreachable", "HTTP 503")
    # each attempt is a HEAD confirmed by a GET: three attempts
    assert [s.method for s in server.hits("/down")] == ["HEAD", "GET"] * 3


def test_head_refused_falls_back_to_get_and_is_remembered(server: LocalServer) -> None:
    first = server.route("/a", Reply(200, head=405))
    second = server.route("/b", Reply(200, head=405))
    found = facts([first, second], options=fast(per_host=1))
    assert found[first][0] == found[second][0] == "ok"
    methods = [s.method for s in server.seen]
    assert methods == ["HEAD", "GET", "GET"]  # the host refused HEAD once: GET from then on


def test_head_that_misreports_is_corrected_by_get(server: LocalServer) -> None:
    url = server.route("/a", Reply(200, head=404))
    assert facts([url])[url][0] == "ok"


def test_endless_body_is_not_read(server: LocalServer) -> None:
    url = server.route("/stream", Reply(200, head=403, endless=True))
    start = time.monotonic()
    assert facts([url], options=fast(accept=frozenset({200})))[url][0] == "ok"
    assert time.monotonic() - start < 2


def test_connection_reset(server: LocalServer) -> None:
    url = server.route("/reset", Reply(reset=True))
    kind, message, _ = facts([url], options=fast(retries=1))[url]
    assert kind == "unreachable"
    assert message.startswith(("connection reset", "invalid HTTP response"))
    assert len(server.hits("/reset")) == 2


def test_refused_connection() -> None:
    with LocalServer() as gone:
        url = gone.url("/x")
    kind, message, _ = facts([url], options=fast(retries=0))[url]
    assert kind == "unreachable"
    assert message.startswith("connection failed")


def test_unresolvable_host_is_dead_after_retries(server: LocalServer) -> None:
    resolver = FakeResolver()
    url = "http://no-such-host.test/paper"
    found = facts([url], options=fast(retries=2), resolver=resolver)
    assert found[url][0] == "dead"
    assert found[url][1].startswith("host does not resolve")
    assert resolver.calls["no-such-host.test"] == 3


def test_temporary_lookup_failure_is_unreachable(server: LocalServer) -> None:
    resolver = FakeResolver({"flaky.test": ["127.0.0.1"]})
    resolver.flaky.add("flaky.test")
    url = server.url("/x", host="flaky.test")
    assert facts([url], resolver=resolver)[url][0] == "unreachable"


def test_host_names_resolve_through_the_given_resolver(server: LocalServer) -> None:
    server.route("/ok", Reply(200))
    resolver = FakeResolver({"papers.test": ["127.0.0.1"]})
    url = server.url("/ok", host="papers.test")
    assert facts([url], resolver=resolver)[url][0] == "ok"
    assert server.hits("/ok")[0].host == f"papers.test:{server.port}"


def test_per_host_limit(server: LocalServer) -> None:
    urls = [server.route(f"/p{i}", Reply(200, delay=0.1)) for i in range(12)]
    found = facts(urls, options=fast(per_host=3, concurrency=50))
    assert [kind for kind, _, _ in found.values()] == ["ok"] * 12
    assert server.max_active == 3


def test_global_limit(server: LocalServer) -> None:
    urls = [server.route(f"/p{i}", Reply(200, delay=0.1)) for i in range(12)]
    facts(urls, options=fast(per_host=10, concurrency=2))
    assert server.max_active == 2


def test_pacing_spaces_request_starts_to_one_host(server: LocalServer) -> None:
    urls = [server.route(f"/p{i}", Reply(200)) for i in range(6)]
    facts(urls, options=fast(per_host=6, pacing=0.1))
    starts = sorted(s.at for s in server.seen)
    assert starts[-1] - starts[0] >= 5 * 0.1 * 0.9


def test_one_request_per_url_without_fragment(server: LocalServer) -> None:
    server.route("/page", Reply(200))
    urls = [server.url("/page"), server.url("/page") + "#a", server.url("/page") + "#b"]
    found = facts(urls)
    assert set(found) == set(urls)
    assert len(server.hits("/page")) == 1


def test_include_and_exclude(server: LocalServer) -> None:
    keep = server.route("/keep", Reply(404))
    skip = server.route("/skip", Reply(404))
    import re

    found = facts([keep, skip], options=fast(exclude=(re.compile("/skip$"),)))
    assert set(found) == {keep}
    found = facts([keep, skip], options=fast(include=(re.compile("/skip$"),)))
    assert set(found) == {skip}


def test_time_budget_leaves_slow_links_unchecked(server: LocalServer) -> None:
    fast_url = server.route("/quick", Reply(200))
    slow_url = server.route("/slow", Reply(200, delay=1.5))
    warnings: list[str] = []
    start = time.monotonic()
    found = facts([fast_url, slow_url], options=fast(budget=0.5, timeout=5), warn=warnings.append)
    assert time.monotonic() - start < 1.4
    assert set(found) == {fast_url}
    assert warnings == [
        "link check stopped after 0.5 s (--links-timeout): 1 of 2 links not checked"
    ]


def test_github_token_only_for_github_over_https(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import httpx

    from awesome_lint.netcheck.client import Checker

    monkeypatch.setenv("TEST_GH_TOKEN", "s3cret")
    server.route("/o/r", Reply(200))
    resolver = FakeResolver({"github.com": ["127.0.0.1"]})
    url = server.url("/o/r", host="github.com")
    options = fast(github_token_env="TEST_GH_TOKEN")
    assert facts([url], options=options, resolver=resolver)[url][0] == "ok"
    # over plain http the token is never sent, not even to github.com
    assert "Authorization" not in server.hits("/o/r")[0].headers
    checker = Checker(httpx.AsyncClient(), options, 0.0, token="s3cret")
    assert checker.headers_for(httpx.URL("https://github.com/o/r")) == {
        "Authorization": "Bearer s3cret"
    }
    assert checker.headers_for(httpx.URL("https://api.github.com/repos/o/r")) != {}
    assert checker.headers_for(httpx.URL("https://gist.github.com/x")) == {}
    assert checker.headers_for(httpx.URL("https://example.org/")) == {}


def test_retry_after_pauses_the_whole_host(server: LocalServer) -> None:
    first = server.route("/a", Reply(429, {"Retry-After": "1"}), Reply(200))
    second = server.route("/b", Reply(200))
    found = facts([first, second], options=fast(per_host=1))
    assert found[first][0] == found[second][0] == "ok"
    limited = server.hits("/a")[0].at
    assert all(s.at - limited >= 0.95 for s in server.seen[1:])


def test_retry_after_as_an_http_date() -> None:
    from awesome_lint.netcheck.client import retry_after_seconds

    now = 1_700_000_000.0
    assert retry_after_seconds("120", now) == 120.0
    assert retry_after_seconds("Tue, 14 Nov 2023 22:15:20 GMT", now) == 120.0
    assert retry_after_seconds("Tue, 14 Nov 2023 22:00:00 GMT", now) == 0.0  # in the past
    assert retry_after_seconds("soon", now) is None
    assert retry_after_seconds(None, now) is None


def test_progress_on_a_terminal_only() -> None:
    import io

    from awesome_lint.netcheck.session import Progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    progress = Progress(2, terminal)
    progress.step(False)
    progress.step(True)
    progress.close()
    text = terminal.getvalue()
    assert "\rawesome-lint: links 1/2, 0 failing" in text
    assert text.endswith("\rawesome-lint: links 2/2, 1 failing\r\033[K")
    pipe = io.StringIO()
    quiet = Progress(2, pipe)
    quiet.step(True)
    quiet.close()
    assert pipe.getvalue() == ""
