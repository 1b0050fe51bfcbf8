"""The network part of the checker (httpx, asyncio). Imported only when links go online.

Every connection goes through ``GuardedBackend``: the host name is resolved by the
checker's resolver (a parameter, so tests control DNS), each address is checked
(``safety.is_public``) and the connection is made to that very address, so a second
lookup cannot swap in another one. Redirects are followed here, hop by hop, so every
hop gets the same checks.
"""

from __future__ import annotations

import asyncio
import email.utils
import os
import random
import socket
import ssl
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import httpcore
import httpx

from awesome_lint import __version__
from awesome_lint.netcheck.facts import Outcome
from awesome_lint.netcheck.options import LinkOptions
from awesome_lint.netcheck.safety import SCHEMES, ip_literal, is_public

Resolver = Callable[[str, int], Awaitable[list[str]]]

USER_AGENT = (
    f"awesome-lint/{__version__} (link checker; +https://github.com/awesome-lint/awesome-lint)"
)
ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
GITHUB_HOSTS = frozenset({"github.com", "api.github.com"})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
PERMANENT = frozenset({301, 308})
HEAD_REFUSED = frozenset({405, 501})
BODY_CAP = 64 * 1024  # bytes of a response body read at most


class HostNotFound(Exception):
    """The name does not exist (NXDOMAIN): a dead link once retries agree."""


class LookupFailed(Exception):
    """The name could not be looked up now (a temporary DNS failure)."""


class BlockedAddress(Exception):
    """The host resolves to an address the checker must not contact."""


async def system_resolver(host: str, port: int) -> list[str]:
    """The operating system's resolver (``getaddrinfo``), as the product uses it."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        permanent = {socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)}
        if exc.errno in permanent:
            raise HostNotFound(str(exc)) from None
        raise LookupFailed(str(exc)) from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolve with our resolver, refuse non-public addresses, connect to the checked one."""

    def __init__(self, resolver: Resolver, allowed: Callable[[str], bool]) -> None:
        self._resolver = resolver
        self._allowed = allowed
        self._inner = httpcore.AnyIOBackend()
        self._addresses: dict[tuple[str, int], list[str]] = {}

    async def _resolve(self, host: str, port: int, timeout: float | None) -> list[str]:
        literal = ip_literal(host)
        if literal is not None:
            return [literal]
        known = self._addresses.get((host, port))
        if known is not None:
            return known
        try:
            addresses = await asyncio.wait_for(self._resolver(host, port), timeout)
        except asyncio.TimeoutError:
            raise LookupFailed(f"lookup of {host} timed out") from None
        if not addresses:
            raise HostNotFound(f"{host} has no address")
        self._addresses[(host, port)] = addresses
        return addresses

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await self._resolve(host, port, timeout)
        blocked = [a for a in addresses if not self._allowed(a)]
        if blocked:  # one bad address is enough: the next lookup might return it first
            raise BlockedAddress(f"{host} resolves to {blocked[0]}")
        error: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None
        raise error

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.AsyncNetworkStream:
        raise BlockedAddress("unix sockets are never used")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class _Body(httpx.AsyncByteStream):
    def __init__(self, stream: Any) -> None:
        self._stream = stream

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for part in self._stream:
            yield part

    async def aclose(self) -> None:
        close = getattr(self._stream, "aclose", None)
        if close is not None:
            await close()


class GuardedTransport(httpx.AsyncBaseTransport):
    """An httpx transport over httpcore pools that connect through ``GuardedBackend``.

    One small pool per origin: httpcore's pool scans all its connections for every
    request it places, which costs more than the request itself with hundreds of
    connections to many hosts in one pool.
    """

    def __init__(
        self,
        backend: GuardedBackend,
        options: LinkOptions,
        http2: bool,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self._backend = backend
        self._per_host = options.per_host
        self._http2 = http2
        self._ssl_context = ssl_context or httpx.create_ssl_context()
        self._pools: dict[tuple[bytes, bytes, int | None], httpcore.AsyncConnectionPool] = {}

    def _pool(self, url: httpx.URL) -> httpcore.AsyncConnectionPool:
        key = (url.raw_scheme, url.raw_host, url.port)
        pool = self._pools.get(key)
        if pool is None:
            pool = self._pools[key] = httpcore.AsyncConnectionPool(
                ssl_context=self._ssl_context,
                max_connections=self._per_host,
                max_keepalive_connections=self._per_host,
                keepalive_expiry=5.0,
                http1=True,
                http2=self._http2,
                network_backend=self._backend,
            )
        return pool

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.AsyncByteStream)
        raw = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        response = await self._pool(request.url).handle_async_request(raw)
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_Body(response.stream),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        for pool in self._pools.values():
            await pool.aclose()


@dataclass
class _Host:
    """Per-host state: concurrency, pacing, what the host taught us."""

    limit: asyncio.Semaphore
    next_start: float = 0.0
    no_head: bool = False  # the host refused HEAD once: use GET from then on
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


@dataclass
class _Failure:
    error: str
    detail: str = ""
    retry_after: float | None = None


def retry_after_seconds(value: str | None, now: float) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now)


def _classify_exception(exc: BaseException) -> _Failure:
    if isinstance(exc, BlockedAddress):
        return _Failure("blocked", str(exc))
    if isinstance(exc, HostNotFound):
        return _Failure("nxdomain", str(exc))
    if isinstance(exc, LookupFailed):
        return _Failure("dns", str(exc))
    if isinstance(exc, (httpcore.TimeoutException, httpx.TimeoutException)):
        return _Failure("timeout")
    text = str(exc) or type(exc).__name__
    if "CERTIFICATE" in text.upper() or "SSL" in text.upper():
        return _Failure("tls", text)
    if isinstance(exc, (httpcore.ConnectError, httpx.ConnectError)):
        return _Failure("connect", text)
    if isinstance(exc, (httpcore.ReadError, httpcore.WriteError, httpx.ReadError)):
        return _Failure("reset", text)
    if isinstance(exc, (httpcore.RemoteProtocolError, httpx.RemoteProtocolError)):
        return _Failure("protocol", text)
    if isinstance(exc, (httpx.InvalidURL, httpx.UnsupportedProtocol, httpcore.UnsupportedProtocol)):
        return _Failure("bad-url", text)
    if isinstance(exc, (httpcore.NetworkError, httpx.TransportError, OSError)):
        return _Failure("connect", text)
    raise exc


class Checker:
    """Checks URLs concurrently: global and per-host limits, pacing, retries, redirects."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        options: LinkOptions,
        deadline: float,
        token: str | None = None,
    ) -> None:
        self.client = client
        self.options = options
        self.deadline = deadline  # loop time
        self._global = asyncio.Semaphore(options.concurrency)
        self._hosts: dict[str, _Host] = {}
        self._token = token

    def _host(self, url: httpx.URL) -> _Host:
        key = f"{url.host}:{url.port or ''}"
        state = self._hosts.get(key)
        if state is None:
            state = self._hosts[key] = _Host(asyncio.Semaphore(self.options.per_host))
        return state

    def headers_for(self, url: httpx.URL) -> dict[str, str]:
        """Extra headers for one hop: a GitHub token only for GitHub, only over https."""
        if self._token and url.scheme == "https" and url.host in GITHUB_HOSTS:
            return {"Authorization": f"Bearer {self._token}"}
        return {}

    async def check(self, url: str) -> Outcome:
        """Follow ``url`` to its end; the outcome as cached."""
        try:
            current = httpx.URL(url)
        except (httpx.InvalidURL, ValueError) as exc:
            return Outcome(None, "bad-url", str(exc), checked_at=time.time())
        seen = {str(current)}
        permanent: str | None = None
        only_permanent = True
        for hop in range(self.options.max_redirects + 1):
            result = await self._fetch(current)
            final = str(current) if hop else None
            if isinstance(result, _Failure):
                error = "private" if result.error == "blocked" and hop else result.error
                return Outcome(None, error, result.detail, permanent, final, time.time())
            status, location = result
            if status not in REDIRECTS or location is None:
                return Outcome(status, None, "", permanent, final, time.time())
            try:
                target = current.join(location)
            except (httpx.InvalidURL, ValueError) as exc:
                return Outcome(None, "bad-url", str(exc), permanent, final, time.time())
            if target.scheme not in SCHEMES:
                return Outcome(None, "scheme", target.scheme, permanent, final, time.time())
            if only_permanent and status in PERMANENT:
                permanent = str(target)
            else:
                only_permanent = False
            key = str(target.copy_with(fragment=None))
            if key in seen:
                return Outcome(None, "loop", "", permanent, str(target), time.time())
            seen.add(key)
            current = target.copy_with(fragment=None)
        detail = f"more than {self.options.max_redirects}"
        return Outcome(None, "redirects", detail, permanent, str(current), time.time())

    async def _fetch(self, url: httpx.URL) -> tuple[int, str | None] | _Failure:
        """One hop, with retries for transient failures; (status, Location) or a failure."""
        options = self.options
        state = self._host(url)
        loop = asyncio.get_running_loop()
        attempt = 0
        while True:
            failure: _Failure
            try:
                async with state.limit:
                    await self._pace(state)
                    async with self._global:
                        status, location, retry_header = await self._request(url, state)
                if status != 429 and status < 500:
                    return status, location
                retry_after = retry_after_seconds(retry_header, time.time())
                failure = _Failure("status", str(status), retry_after)
                if status == 429 or retry_after is not None:
                    wait = retry_after if retry_after is not None else options.backoff
                    state.next_start = max(state.next_start, loop.time() + wait)
            except Exception as exc:  # sorted into failures, or re-raised
                failure = _classify_exception(exc)
                if failure.error in ("blocked", "bad-url", "tls"):
                    return failure
            attempt += 1
            if attempt > options.retries:
                return self._final(failure)
            delay = options.backoff * 2 ** (attempt - 1) + random.uniform(0, options.backoff)
            if failure.retry_after is not None:
                if failure.retry_after > options.max_retry_after:
                    return self._final(failure)
                delay = max(delay, failure.retry_after)
            if loop.time() + delay >= self.deadline:
                return self._final(failure)
            await asyncio.sleep(delay)

    @staticmethod
    def _final(failure: _Failure) -> tuple[int, str | None] | _Failure:
        if failure.error == "status":
            return int(failure.detail), None
        return failure

    async def _pace(self, state: _Host) -> None:
        loop = asyncio.get_running_loop()
        async with state.lock:
            wait = state.next_start - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            state.next_start = loop.time() + self.options.pacing

    async def _request(self, url: httpx.URL, state: _Host) -> tuple[int, str | None, str | None]:
        """HEAD, then GET when HEAD is refused or does not say the link works.

        Only the status line and headers count. At most ``BODY_CAP`` bytes of a body are
        read (so that a short answer leaves the connection open for the next request);
        a longer body is cut off by closing the connection.
        """
        headers = self.headers_for(url)
        if not state.no_head:
            async with self.client.stream("HEAD", url, headers=headers) as response:
                status = response.status_code
                if status in REDIRECTS or status in self.options.accept or status == 429:
                    await _drain(response)
                    return status, response.headers.get("location"), _retry(response)
                await _drain(response)
            if status in HEAD_REFUSED:
                state.no_head = True
        async with self.client.stream("GET", url, headers=headers) as response:
            await _drain(response)
            return response.status_code, response.headers.get("location"), _retry(response)


async def _drain(response: httpx.Response) -> None:
    """Read what is left of a short body (up to BODY_CAP bytes), so the connection is reused."""
    length = response.headers.get("content-length", "")
    if not (length.isascii() and length.isdigit()) or int(length) > BODY_CAP:
        return  # unknown or long: closing the response closes the connection
    read = 0
    async for chunk in response.aiter_raw():
        read += len(chunk)
        if read > BODY_CAP:
            break


def _retry(response: httpx.Response) -> str | None:
    value: str | None = response.headers.get("retry-after")
    return value


def _any_address(address: str) -> bool:
    return True


def _http2_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("h2") is not None


async def check_all(
    urls: list[str],
    options: LinkOptions,
    *,
    resolver: Resolver | None = None,
    address_policy: Callable[[str], bool] | None = None,
    on_result: Callable[[str, Outcome], None] | None = None,
    ssl_context: ssl.SSLContext | None = None,
) -> dict[str, Outcome]:
    """Check every URL (no fragments) within ``options.budget`` seconds.

    URLs not finished in time are missing from the result. ``resolver`` turns a host
    name into addresses (default: the system's); ``address_policy`` says which addresses
    may be contacted (default: public ones, or all with ``allow-private``). Tests pass
    their own of both, so that nothing they do can leave the machine, and their own
    ``ssl_context`` (trusting a test authority; default: httpx's, with certifi's roots).
    """
    if address_policy is None:
        address_policy = _any_address if options.allow_private else is_public
    loop = asyncio.get_running_loop()
    deadline = loop.time() + options.budget
    backend = GuardedBackend(resolver or system_resolver, address_policy)
    transport = GuardedTransport(backend, options, _http2_available(), ssl_context)
    token = os.environ.get(options.github_token_env) if options.github_token_env else None
    results: dict[str, Outcome] = {}
    async with httpx.AsyncClient(
        transport=transport,
        timeout=httpx.Timeout(options.timeout),
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
        follow_redirects=False,
        trust_env=False,
    ) as client:
        checker = Checker(client, options, deadline, token or None)

        async def one(url: str) -> None:
            outcome = await checker.check(url)
            results[url] = outcome
            if on_result is not None:
                on_result(url, outcome)

        tasks = [asyncio.create_task(one(url)) for url in urls]
        if tasks:
            _, pending = await asyncio.wait(tasks, timeout=max(0.0, deadline - loop.time()))
            for task in pending:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            for task in tasks:
                if not task.cancelled() and task.exception() is not None:
                    raise task.exception()  # type: ignore[misc]
    return results
