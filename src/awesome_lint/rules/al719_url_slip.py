from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.lazyre import lazy_compile
from awesome_lint.parser.document import Document, Link
from awesome_lint.rules.base import Context, Rule
from awesome_lint.rules.common import entry_at

# Sentence punctuation that a link's address does not end with: the writer's
# full stop or comma caught inside the parentheses.
_ENDINGS = ".,;"
_MARKS = _ENDINGS + "?"  # (and an empty query)


class UrlSlip(Rule):
    """
    ## What it does

    Finds a web address with a slip that breaks it:

    - the sentence's punctuation caught at the end of the address,
      `[[code]](https://github.com/google-research/tapas.)` or
      `(https://github.com/a/b,)`: the page opened is another one, mostly an
      error page. An address that ends in an abbreviation (`Washington,_D.C.`),
      a host alone, a fragment (`#:~:text=...query.` quotes the page) and
      Wikipedia's pages (`Apple_Inc.`) are left alone;
    - an empty query at the end, `https://arxiv.org/pdf/2509.05296?`: a `?`
      with nothing after it, left from a copied address;
    - a doubled slash right after the host,
      `https://proceedings.neurips.cc//paper/2020/...`, from joining a base
      address that ends in `/` to a path that starts with one.

    - a few stray characters before the address's scheme,
      `[Title](/https://arxiv.org/pdf/2411.00142)` or `(F12>https://...)`: a
      relative address that opens nothing. Up to 8 characters without a letter
      (or ending in `>`); `web/https://...` is left alone.

    Only inline links (`[text](url)`) are read: an autolink's address never
    takes a trailing full stop.

    ## Why

    Such a link looks right in the rendered list but opens a missing page, or
    depends on the server forgiving the extra slash; link checkers that run
    rarely are the only other way to find out.

    ## Example

    ```markdown
    - [TAPAS](https://arxiv.org/abs/2004.02349) [[code]](https://github.com/google-research/tapas.)
    ```

    becomes, with `--unsafe-fixes`,

    ```markdown
    - [TAPAS](https://arxiv.org/abs/2004.02349) [[code]](https://github.com/google-research/tapas)
    ```

    ## Fix safety

    Unsafe: the address changes, and only a request could prove that the
    page without the full stop (or with one slash) is the one meant.

    ## Options

    None.
    """

    code = "AL719"
    name = "url-slip"
    summary = (
        "A web address ends with sentence punctuation or an empty query, or doubles the "
        "slash after its host"
    )
    fix = "unsafe"
    rewrites_urls = True

    def check(self, document: Document, context: Context) -> Iterator[Diagnostic]:
        text = document.text
        if "https://" not in text and "http://" not in text:
            return  # (every slip below is in a web address)
        # One pass over the links: most are told apart by their last character and
        # one search of their own address (a "//" after the scheme's)
        for link in document.links:
            url = link.url_value
            if not url.startswith(("https://", "http://")):
                if not url.startswith("#") and "http" in url:
                    yield from self._prefixed(document, link)
                continue
            start, end = link.url
            if not (url[-1] in _MARKS and text[end : end + 1] == ")") and url.find("//", 8) < 0:
                continue  # (most links)
            if link.reference or link.image:
                continue
            if end - start < 12 or not text.startswith("](", link.text[1]):
                continue  # (an autolink, or a target in angle brackets)
            if text[start - 1] == "<":
                continue
            url = text[start:end]
            if not url.startswith(("https://", "http://")):
                continue
            last = url[-1]
            if last in _ENDINGS and _ended_by_slip(url):
                yield self.report(
                    f"Link address ends with {last!r}, the sentence's punctuation: remove it",
                    end - 1,
                    end,
                    self.replace(f"Remove {last!r}", end - 1, end, "", unsafe=True),
                )
            if last == "?" and url.count("?") == 1 and "#" not in url:
                yield self.report(
                    "Link address ends with an empty query ('?'): remove it",
                    end - 1,
                    end,
                    self.replace("Remove '?'", end - 1, end, "", unsafe=True),
                )
            double = _doubled_slash(url)
            if double is not None:
                at = start + double
                yield self.report(
                    "Link address doubles the slash after its host: write one",
                    at,
                    at + 2,
                    self.replace("Write one slash", at, at + 2, "/", unsafe=True),
                )

    def _prefixed(self, document: Document, link: Link) -> Iterator[Diagnostic]:
        """A link target with a few stray characters before its scheme
        (`[Title](/https://arxiv.org/pdf/2411.00142)`, `(F12>https://...)`): a relative
        address that opens nothing."""
        text = document.text
        start = link.url[0]
        m = _PREFIXED.match(text, start - 2, link.url[1])
        if m is None:
            return
        junk = m.group("junk")
        if not _prefix_slip(junk):
            return
        if entry_at(document, start) is None:
            return
        yield self.report(
            f"Link address starts with {junk!r} before its 'http': remove it",
            start,
            m.end("junk"),
            self.replace(f"Remove {junk!r}", start, m.end("junk"), "", unsafe=True),
        )


# A link target with up to 8 stray characters before its web address's scheme.
_PREFIXED = lazy_compile(r"\]\((?P<junk>[^\s()<\[\]]{1,8}?)https?://")


def _prefix_slip(junk: str) -> bool:
    """Whether the characters before a link target's scheme are a slip (`/`, `F12>`),
    not a relative address or a scheme of its own (`web/`, `mailto:`)."""
    return not any(c.isalpha() for c in junk) or (">" in junk and ":" not in junk)


def _ended_by_slip(url: str) -> bool:
    """Whether the punctuation ending ``url`` is no part of it: a letter or digit
    stands before it, the address has a path without a fragment, and the path does not
    end in an abbreviation (`Washington,_D.C.`) or lead to Wikipedia, whose page names
    keep their full stop (`Apple_Inc.`)."""
    body = url.rstrip(_ENDINGS)
    host, _, path = body.split("://", 1)[1].partition("/")
    if not path or not body[-1].isalnum() or host.endswith("wikipedia.org") or "#" in path:
        return False
    return not (body[-1].isupper() and "." in body[-3:])


def _doubled_slash(url: str) -> int | None:
    """Where the path of ``url`` starts with ``//`` (an offset in ``url``), or None."""
    scheme_end = url.find("://") + 3
    slash = url.find("/", scheme_end)
    if slash < 0 or not url.startswith("//", slash):
        return None
    if url.startswith("///", slash):
        return None  # (three or more: written so on purpose, or another slip)
    return slash
