"""Property tests: normalisation is idempotent, folds spellings, never merges papers."""

from __future__ import annotations

import itertools
import re

from hypothesis import assume, example, given
from hypothesis import strategies as st

from awesome_lint.links.normalize import (
    _ITEM_FRAGMENT,
    arxiv_id,
    normalize_url,
    strip_tracking,
    tracking_params,
)

LABEL = st.from_regex(r"[a-z][a-z0-9-]{0,10}[a-z0-9]", fullmatch=True)
HOST = st.builds(
    lambda labels, tld: ".".join([*labels, tld]),
    st.lists(LABEL, min_size=1, max_size=3),
    st.sampled_from(["com", "org", "io", "edu", "cc"]),
)
SEGMENT = st.from_regex(r"[A-Za-z0-9_.~-]{1,12}", fullmatch=True).filter(
    lambda s: s not in (".", "..")
)
PATH = st.lists(SEGMENT, max_size=4).map(lambda segs: "".join("/" + s for s in segs))
PARAM = st.tuples(
    st.from_regex(r"[a-z][a-z0-9]{0,6}", fullmatch=True).filter(lambda s: s not in ("si", "s")),
    st.from_regex(r"[A-Za-z0-9]{0,6}", fullmatch=True),
)
TRACKING = st.tuples(
    st.sampled_from(["utm_source", "utm_medium", "UTM_Campaign", "fbclid", "gclid", "msclkid"]),
    st.from_regex(r"[A-Za-z0-9_-]{1,8}", fullmatch=True),
)
FRAGMENT = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)


def _query(params: list[tuple[str, str]]) -> str:
    return "&".join(f"{k}={v}" for k, v in params)


@st.composite
def urls(draw: st.DrawFn) -> str:
    scheme = draw(st.sampled_from(["http", "https", "HTTP", "Https"]))
    host = draw(HOST)
    if draw(st.booleans()):
        host = "www." + host
    if draw(st.booleans()):
        host = host.upper()
    port = draw(st.sampled_from(["", ":80", ":443", ":8080"]))
    path = draw(PATH) + draw(st.sampled_from(["", "/"]))
    params = draw(st.lists(st.one_of(PARAM, TRACKING), max_size=4))
    query = ("?" + _query(params)) if params or draw(st.booleans()) else ""
    fragment = ("#" + draw(FRAGMENT)) if draw(st.booleans()) else ""
    return f"{scheme}://{host}{port}{path}{query}{fragment}"


NEW_ID = st.builds(
    lambda yymm, n, five: f"{yymm:04d}.{n:05d}" if five else f"{yymm:04d}.{n % 10000:04d}",
    st.integers(701, 2612),
    st.integers(0, 99999),
    st.booleans(),
)
OLD_ID = st.builds(
    lambda arch, n: f"{arch}/{n:07d}",
    st.sampled_from(["cs", "math", "hep-th", "cond-mat", "astro-ph", "q-bio"]),
    st.integers(0, 9999999),
)
ARXIV_ID = st.one_of(NEW_ID, OLD_ID)


@st.composite
def arxiv_spellings(draw: st.DrawFn, paper: str) -> str:
    scheme = draw(st.sampled_from(["http", "https"]))
    host = draw(st.sampled_from(["arxiv.org", "www.arxiv.org", "export.arxiv.org", "ARXIV.org"]))
    form = draw(st.sampled_from(["abs", "pdf", "html"]))
    version = draw(st.sampled_from(["", "v1", "v2", "v13"]))
    ext = ".pdf" if form == "pdf" and draw(st.booleans()) else ""
    tail = draw(st.sampled_from(["", "/", "#S2", "?fbclid=x1"]))
    if ext and tail == "/":
        tail = ""
    return f"{scheme}://{host}/{form}/{paper}{version}{ext}{tail}"


DOI = st.builds(
    lambda prefix, suffix: f"10.{prefix}/{suffix}",
    st.sampled_from(["1145", "1109", "1007", "14778"]),
    st.from_regex(r"[0-9][0-9.]{2,12}[0-9]", fullmatch=True),
)


def doi_spelling(doi: str, form: str) -> str:
    if form == "doi.org":
        return f"https://doi.org/{doi}"
    if form == "dx":
        return f"http://dx.doi.org/{doi}"
    return f"https://dl.acm.org/doi/{form}{doi}"


DOI_FORMS = st.sampled_from(["doi.org", "dx", "", "abs/", "pdf/", "epdf/", "full/", "fullHtml/"])


@given(urls())
def test_idempotent(url: str) -> None:
    key = normalize_url(url)
    assert normalize_url(key) == key


@given(st.text())
def test_any_text_is_safe(text: str) -> None:
    key = normalize_url(text)
    assert normalize_url(key) == key
    for start, end in tracking_params(text):
        assert 0 <= start < end <= len(text)


@given(urls())
@example("http://www.www.com")  # "www.com" is a domain: its "www." stays
def test_folded_differences_give_equal_keys(url: str) -> None:
    # the same URL in canonical spelling: https, lower-case host without www, no
    # default port, no trailing slash, no fragment (but one naming an item of a page),
    # no tracking parameters
    rest = url.split("://", 1)[1]
    netloc = re.split(r"[/?#]", rest, maxsplit=1)[0]
    rest = rest[len(netloc) :].lstrip("/")
    host = netloc.lower().split(":")[0].removeprefix("www.")
    port = netloc.split(":")[1] if ":" in netloc else ""
    rest, _, fragment = rest.partition("#")
    path, _, query = rest.partition("?")
    kept = [
        p
        for p in query.split("&")
        if p and not p.lower().startswith(("utm_", "fbclid=", "gclid=", "msclkid="))
    ]
    canonical = f"https://{host}{':' + port if port == '8080' else ''}/{path}".rstrip("/")
    if kept:
        canonical += "?" + "&".join(kept)
    if _ITEM_FRAGMENT.fullmatch(fragment):  # one item of a page of many: kept
        canonical += "#" + fragment
    assert normalize_url(url) == normalize_url(canonical) == canonical


@given(st.data(), ARXIV_ID)
def test_arxiv_spellings_fold(data: st.DataObject, paper: str) -> None:
    a = data.draw(arxiv_spellings(paper))
    b = data.draw(arxiv_spellings(paper))
    assert normalize_url(a) == normalize_url(b) == f"https://arxiv.org/abs/{paper}"
    assert arxiv_id(a) == paper


@given(st.data(), ARXIV_ID, ARXIV_ID)
def test_different_arxiv_papers_never_merge(data: st.DataObject, p: str, q: str) -> None:
    assume(p != q)
    a = data.draw(arxiv_spellings(p))
    b = data.draw(arxiv_spellings(q))
    assert normalize_url(a) != normalize_url(b)


def test_neighbouring_arxiv_ids() -> None:
    assert normalize_url("https://arxiv.org/abs/2104.07857") != normalize_url(
        "https://arxiv.org/pdf/2104.07858.pdf"
    )
    assert normalize_url("https://arxiv.org/abs/2104.07857v1") != normalize_url(
        "https://arxiv.org/abs/2104.0785"
    )


@given(DOI, DOI_FORMS, DOI_FORMS)
def test_doi_spellings_fold(doi: str, f: str, g: str) -> None:
    assert normalize_url(doi_spelling(doi, f)) == normalize_url(doi_spelling(doi, g))


@given(DOI, DOI, DOI_FORMS, DOI_FORMS)
def test_different_dois_never_merge(d: str, e: str, f: str, g: str) -> None:
    assume(d.lower() != e.lower())
    assert normalize_url(doi_spelling(d, f)) != normalize_url(doi_spelling(e, g))


@given(urls(), PATH, PATH)
def test_different_paths_never_merge(url: str, p: str, q: str) -> None:
    assume(p.rstrip("/") != q.rstrip("/"))
    base = re.split(r"[/?#]", url.split("://", 1)[1], maxsplit=1)[0]
    assert normalize_url(f"https://{base}{p}") != normalize_url(f"https://{base}{q}")


@given(
    st.from_regex(r"[A-Za-z0-9_-]{10}", fullmatch=True),
    st.from_regex(r"[A-Za-z0-9_-]{10}", fullmatch=True),
)
def test_openreview_ids(a: str, b: str) -> None:
    assert normalize_url(f"https://openreview.net/pdf?id={a}") == normalize_url(
        f"https://openreview.net/forum?id={a}"
    )
    assume(a != b)
    assert normalize_url(f"https://openreview.net/pdf?id={a}") != normalize_url(
        f"https://openreview.net/forum?id={b}"
    )


@given(st.lists(st.tuples(st.booleans(), st.one_of(PARAM, TRACKING)), max_size=6), st.booleans())
def test_strip_tracking_keeps_the_rest(
    params: list[tuple[bool, tuple[str, str]]], frag: bool
) -> None:
    chosen = [p for _, p in params]
    tail = "#part" if frag else ""
    url = (
        "https://example.com/a?" + _query(chosen) + tail
        if chosen
        else "https://example.com/a" + tail
    )
    kept = [
        p
        for p in chosen
        if not p[0].lower().startswith("utm_") and p[0] not in ("fbclid", "gclid", "msclkid")
    ]
    expected = "https://example.com/a" + ("?" + _query(kept) if kept else "") + tail
    if chosen and kept == chosen:
        expected = url
    assert strip_tracking(url) == expected
    spans = tracking_params(url)
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
