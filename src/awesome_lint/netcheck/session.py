"""What the runner calls: the URLs of a document, their facts, one network run for many.

A ``LinkSession`` lives for one command: it keeps what it learnt (from the cache or the
network) in memory, so that files checked later, and every round of the fix loop, see
the same facts without asking twice.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from awesome_lint.errors import AwesomeLintError
from awesome_lint.netcheck.facts import LinkFact, Outcome, classify, fact_for
from awesome_lint.netcheck.options import LinkOptions, make_options
from awesome_lint.netcheck.safety import checkable, request_key

if TYPE_CHECKING:
    from awesome_lint.netcheck.cache import LinkCache
    from awesome_lint.netcheck.client import Resolver
    from awesome_lint.parser.document import Document
    from awesome_lint.settings import Settings

NETWORK_PREFIX = "AL8"
INSTALL_HINT = "--check-links needs the links extra: pip install 'awesome-lint[links]'"


def require_extra() -> None:
    """A one-line error when httpx or platformdirs is missing (without importing them)."""
    for module in ("httpx", "platformdirs"):
        try:
            found = importlib.util.find_spec(module) is not None
        except ValueError:  # a module blocked with sys.modules[name] = None
            found = False
        if not found:
            raise AwesomeLintError(f"{INSTALL_HINT} ({module} is not installed)")


def open_session(
    table: Mapping[str, Any], check_links: bool, budget: float | None, cache: Path | None
) -> LinkSession | None:
    """The session of a run, from its ``[links]`` table and the command line; None when
    neither ``--check-links`` nor ``links = true`` asks for one."""
    options = make_options(table, budget=budget)
    if not (check_links or options.enabled):
        return None
    require_extra()
    return LinkSession(options, cache)


def document_urls(document: Document) -> list[str]:
    """The distinct absolute http(s) URLs of a document, as written."""
    seen: dict[str, None] = {}
    for link in document.links:
        url = link.url_value.strip()
        if url not in seen and checkable(url):
            seen[url] = None
    return list(seen)


def _warn(message: str) -> None:
    print(f"awesome-lint: warning: {message}", file=sys.stderr)


class Progress:
    """``done/total`` on one terminal line of stderr; silent when stderr is not a terminal."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = total > 0 and self.stream.isatty()
        self.total = total
        self.done = 0
        self.failing = 0
        self._shown = 0.0

    def step(self, failed: bool) -> None:
        self.done += 1
        self.failing += failed
        now = time.monotonic()
        if self.enabled and (now - self._shown > 0.1 or self.done == self.total):
            self._shown = now
            self.stream.write(
                f"\rawesome-lint: links {self.done}/{self.total}, {self.failing} failing"
            )
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\033[K")
            self.stream.flush()


class LinkSession:
    def __init__(
        self,
        options: LinkOptions,
        cache_path: Path | None,
        *,
        resolver: Resolver | None = None,
        address_policy: Callable[[str], bool] | None = None,
        ssl_context: Any = None,
        use_cache: bool = True,
        warn: Any = None,
    ) -> None:
        self.options = options
        self.resolver = resolver
        self.address_policy = address_policy
        self.ssl_context = ssl_context
        self._outcomes: dict[str, Outcome] = {}
        self._unchecked: set[str] = set()  # ran out of time: no fact, no diagnostic
        self._added: list[str] = []
        self._warn = warn or _warn
        self._cache: LinkCache | None = None
        if use_cache:
            from awesome_lint.netcheck.cache import CacheError, LinkCache, default_path

            try:
                self._cache = LinkCache(cache_path or default_path())
            except CacheError as exc:
                self._warn(f"{exc}; checking without the cache")

    @staticmethod
    def wanted_by(settings: Settings) -> bool:
        """Whether a file's settings enable a network rule (else its links are not checked)."""
        return any(rule.code.startswith(NETWORK_PREFIX) for rule in settings.rules)

    def add_file(self, path: Path) -> None:
        """Note the links of a file, to be checked together with others by ``check_added``."""
        from awesome_lint.parser.build import parse_document
        from awesome_lint.source import DecodeError, SourceText

        try:
            source = SourceText.from_bytes(path.read_bytes())
        except (OSError, DecodeError):
            return  # reported when the file is checked
        self._added.extend(document_urls(parse_document(source)))

    def check_added(self) -> None:
        """One network run for the links of every file added (then lint them one by one)."""
        urls, self._added = self._added, []
        self.check(urls)

    def wanted(self, urls: Iterable[str]) -> list[str]:
        return [url for url in urls if self.options.wants(url)]

    def check(self, urls: Iterable[str]) -> None:
        """Make sure every URL has an outcome: from memory, the cache, or the network."""
        keys = list(dict.fromkeys(request_key(url) for url in self.wanted(urls)))
        missing = [k for k in keys if k not in self._outcomes and k not in self._unchecked]
        if not missing:
            return
        if self._cache is not None:
            from awesome_lint.netcheck.cache import CacheError

            try:
                cached = self._cache.load(missing, self.options.accept, self.options.max_age)
            except CacheError as exc:
                self._warn(f"{exc}; checking without the cache")
                self._cache, cached = None, {}
            self._outcomes.update(cached)
            missing = [k for k in missing if k not in cached]
        if missing:
            self._check_online(missing)

    def _check_online(self, urls: list[str]) -> None:
        import asyncio

        require_extra()
        from awesome_lint.netcheck.client import check_all

        progress = Progress(len(urls))
        accept = self.options.accept

        def on_result(url: str, outcome: Outcome) -> None:
            self._outcomes[url] = outcome
            if self._cache is not None:
                self._put(url, outcome)
            progress.step(classify(outcome, accept) in ("dead", "unreachable"))

        try:
            asyncio.run(
                check_all(
                    urls,
                    self.options,
                    resolver=self.resolver,
                    address_policy=self.address_policy,
                    on_result=on_result,
                    ssl_context=self.ssl_context,
                )
            )
        finally:
            progress.close()
            self._flush()
        late = [url for url in urls if url not in self._outcomes]
        if late:
            self._unchecked.update(late)
            self._warn(
                f"link check stopped after {self.options.budget:g} s (--links-timeout): "
                f"{len(late)} of {len(urls)} links not checked"
            )

    def _put(self, url: str, outcome: Outcome) -> None:
        from awesome_lint.netcheck.cache import CacheError

        assert self._cache is not None
        try:
            self._cache.put(url, outcome)
        except CacheError as exc:
            self._warn(f"{exc}; results not saved")
            self._cache = None

    def _flush(self) -> None:
        from awesome_lint.netcheck.cache import CacheError

        if self._cache is None:
            return
        try:
            self._cache.flush()
        except CacheError as exc:
            self._warn(f"{exc}; results not saved")
            self._cache = None

    def facts(self, urls: Iterable[str]) -> dict[str, LinkFact]:
        """The facts about these URLs as written (checking what is not known yet)."""
        urls = list(urls)
        self.check(urls)
        out: dict[str, LinkFact] = {}
        for url in self.wanted(urls):
            outcome = self._outcomes.get(request_key(url))
            if outcome is not None:
                out[url] = fact_for(outcome, url, self.options.accept)
        return out

    def facts_for(self, document: Document) -> dict[str, LinkFact]:
        return self.facts(document_urls(document))

    def close(self) -> None:
        if self._cache is not None:
            try:
                self._cache.close()
            except Exception as exc:  # closing must not hide the report
                self._warn(f"link cache: {exc}")
            self._cache = None
