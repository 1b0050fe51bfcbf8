"""URL normalisation: exact keys, tracking-parameter spans, arXiv helpers."""

from __future__ import annotations

import pytest

from awesome_lint.links.normalize import (
    ArxivLink,
    arxiv_id,
    arxiv_url,
    is_arxiv_mirror,
    normalize_url,
    parse_arxiv,
    serves_https,
    strip_tracking,
    tracking_params,
)

ORCA = "https://usenix.org/conference/osdi22/presentation/yu"


@pytest.mark.parametrize(
    ("url", "key"),
    [
        # generic folding
        ("https://example.com/a/b", "https://example.com/a/b"),
        ("http://example.com/a/b", "https://example.com/a/b"),
        ("HTTPS://WWW.Example.COM/a/b/", "https://example.com/a/b"),
        ("https://example.com./a", "https://example.com/a"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("http://example.com:80/a", "https://example.com/a"),
        ("https://example.com:8080/a", "https://example.com:8080/a"),
        ("https://example.com/", "https://example.com"),
        ("https://example.com", "https://example.com"),
        ("https://example.com/a#readme", "https://example.com/a"),
        ("https://example.com/a#page=3", "https://example.com/a"),
        ("https://example.com/a#", "https://example.com/a"),
        # a fragment naming one item of a page of many: two talks, two items
        (
            "http://conf.reactjs.com/schedule.html#react-native",
            "https://conf.reactjs.com/schedule.html#react-native",
        ),
        # a category of a package index: one item each
        (
            "http://hackage.haskell.org/packages/#cat:Compilers/Interpreters",
            "https://hackage.haskell.org/packages#cat:Compilers/Interpreters",
        ),
        (
            "http://hackage.haskell.org/packages/#cat:Formal%20Languages",
            "https://hackage.haskell.org/packages#cat:Formal%20Languages",
        ),
        ("https://example.com/a#:~:text=quoted", "https://example.com/a"),
        ("https://example.com/a?", "https://example.com/a"),
        ("https://livebench.ai/#/", "https://livebench.ai#/"),
        ("https://example.com/app/#/leaderboard", "https://example.com/app#/leaderboard"),
        ("https://example.com/#!/page", "https://example.com#!/page"),
        ("https://example.com/%7euser/%2f", "https://example.com/~user/%2F"),
        ("https://example.com/a?b=1&c=2", "https://example.com/a?b=1&c=2"),
        ("https://example.com/a?c=2&b=1", "https://example.com/a?c=2&b=1"),
        ("https://example.com/Path/Case", "https://example.com/Path/Case"),
        ("  https://example.com/a  ", "https://example.com/a"),
        ("https://user@Example.com/a", "https://user@example.com/a"),
        ("http://[::1]:8000/x", "https://[::1]:8000/x"),
        # tracking parameters
        ("https://example.com/a?utm_source=x&utm_medium=y", "https://example.com/a"),
        ("https://example.com/a?id=3&fbclid=abc", "https://example.com/a?id=3"),
        ("https://example.com/a?gclid=1&id=3#top", "https://example.com/a?id=3"),
        ("https://youtu.be/ChD1_aVZJ0g?si=Kg-yB3F4Iea0Xp9J", "https://youtu.be/ChD1_aVZJ0g"),
        ("https://example.com/a?si=1", "https://example.com/a?si=1"),
        (
            "https://www.youtube.com/watch?v=p9IxoSkvZ-M&t=4s",
            "https://youtube.com/watch?v=p9IxoSkvZ-M&t=4s",
        ),
        # arXiv
        ("https://arxiv.org/abs/2104.07857", "https://arxiv.org/abs/2104.07857"),
        ("http://arxiv.org/abs/2104.07857", "https://arxiv.org/abs/2104.07857"),
        ("https://arxiv.org/abs/2104.07857v3", "https://arxiv.org/abs/2104.07857"),
        ("https://arxiv.org/pdf/2104.07857", "https://arxiv.org/abs/2104.07857"),
        ("https://arxiv.org/pdf/2104.07857.pdf", "https://arxiv.org/abs/2104.07857"),
        ("https://arxiv.org/pdf/2104.07857v2.pdf", "https://arxiv.org/abs/2104.07857"),
        ("https://www.arxiv.org/abs/2104.07857/", "https://arxiv.org/abs/2104.07857"),
        ("https://export.arxiv.org/pdf/2104.07857", "https://arxiv.org/abs/2104.07857"),
        ("https://browse.arxiv.org/abs/2104.07857", "https://arxiv.org/abs/2104.07857"),
        ("http://xxx.itp.ac.cn/pdf/2303.16005.pdf", "https://arxiv.org/abs/2303.16005"),
        ("http://XXX.lanl.gov/abs/hep-th/9711200v2", "https://arxiv.org/abs/hep-th/9711200"),
        ("http://cn.arxiv.org/abs/2104.07857", "https://arxiv.org/abs/2104.07857"),
        ("http://xxx.example.org/pdf/2104.07857", "https://xxx.example.org/pdf/2104.07857"),
        ("https://arxiv.org/html/2104.07857v1", "https://arxiv.org/abs/2104.07857"),
        ("https://arxiv.org/abs//2104.07857", "https://arxiv.org/abs/2104.07857"),
        ("https://arxiv.org/abs/2104.07857#S3", "https://arxiv.org/abs/2104.07857"),
        ("https://arxiv.org/pdf/2205.01068.pdf?fbclid=IwAR1", "https://arxiv.org/abs/2205.01068"),
        ("https://arxiv.org/abs/1706.0376", "https://arxiv.org/abs/1706.0376"),
        ("https://arxiv.org/abs/cs/0112017", "https://arxiv.org/abs/cs/0112017"),
        ("https://arxiv.org/pdf/cs/0112017v1.pdf", "https://arxiv.org/abs/cs/0112017"),
        ("https://arxiv.org/abs/math.GT/0309136", "https://arxiv.org/abs/math/0309136"),
        ("https://arxiv.org/abs/hep-th/9901001v2", "https://arxiv.org/abs/hep-th/9901001"),
        ("https://arxiv.org/abs/203.05527", "https://arxiv.org/abs/203.05527"),
        ("https://arxiv.org/list/cs.LG/recent", "https://arxiv.org/list/cs.LG/recent"),
        # DOIs and the ACM Digital Library
        (
            "https://dl.acm.org/doi/10.1145/3600006.3613165",
            "https://doi.org/10.1145/3600006.3613165",
        ),
        (
            "https://dl.acm.org/doi/abs/10.1145/3600006.3613165",
            "https://doi.org/10.1145/3600006.3613165",
        ),
        (
            "https://dl.acm.org/doi/pdf/10.1145/3600006.3613165",
            "https://doi.org/10.1145/3600006.3613165",
        ),
        (
            "https://dl.acm.org/doi/epdf/10.1145/3600006.3613165",
            "https://doi.org/10.1145/3600006.3613165",
        ),
        (
            "https://dl.acm.org/doi/full/10.1145/3600006.3613165",
            "https://doi.org/10.1145/3600006.3613165",
        ),
        (
            "https://dl.acm.org/doi/fullHtml/10.1145/3600006.3613165",
            "https://doi.org/10.1145/3600006.3613165",
        ),
        (
            "http://dl.acm.org/doi/10.1145/3600006.3613165/",
            "https://doi.org/10.1145/3600006.3613165",
        ),
        ("https://doi.org/10.1145/3600006.3613165", "https://doi.org/10.1145/3600006.3613165"),
        ("https://dx.doi.org/10.1145/3600006.3613165", "https://doi.org/10.1145/3600006.3613165"),
        ("https://doi.org/10.1007/978-3-030-ABC", "https://doi.org/10.1007/978-3-030-abc"),
        (
            "https://dl.acm.org/doi/pdf/10.1145/3458817.3476209?casa_token=u0SaPF:Ud",
            "https://doi.org/10.1145/3458817.3476209",
        ),
        (
            "https://dl.acm.org/citation.cfm?id=3341301",
            "https://dl.acm.org/citation.cfm?id=3341301",
        ),
        # OpenReview
        (
            "https://openreview.net/forum?id=HqfLHoX8bR",
            "https://openreview.net/forum?id=HqfLHoX8bR",
        ),
        ("https://openreview.net/pdf?id=HqfLHoX8bR", "https://openreview.net/forum?id=HqfLHoX8bR"),
        (
            "https://openreview.net/forum?id=HqfLHoX8bR&noteId=x1",
            "https://openreview.net/forum?id=HqfLHoX8bR",
        ),
        (
            "https://openreview.net/attachment?id=IU4L7wiwxw&name=pdf",
            "https://openreview.net/attachment?id=IU4L7wiwxw&name=pdf",
        ),
        # IEEE Xplore
        (
            "https://ieeexplore.ieee.org/document/10228922",
            "https://ieeexplore.ieee.org/document/10228922",
        ),
        (
            "https://ieeexplore.ieee.org/abstract/document/10228922/",
            "https://ieeexplore.ieee.org/document/10228922",
        ),
        (
            "https://ieeexplore.ieee.org/stamp/stamp.jsp?arnumber=10228922&tag=1",
            "https://ieeexplore.ieee.org/document/10228922",
        ),
        # NeurIPS proceedings
        (
            "https://proceedings.neurips.cc/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html",
            "https://proceedings.neurips.cc/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a",
        ),
        (
            "https://proceedings.neurips.cc/paper_files/paper/2020/file/1457c0d6bfcb4967418bfb8ac142f64a-Paper.pdf",
            "https://proceedings.neurips.cc/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a",
        ),
        (
            "https://papers.nips.cc/paper_files/paper/2022/hash/67d57c32e20fd0a7a302cb81d36e40d5-Abstract-Conference.html",
            "https://proceedings.neurips.cc/paper/2022/hash/67d57c32e20fd0a7a302cb81d36e40d5",
        ),
        (
            "https://proceedings.neurips.cc/paper/2020/file/1457c0d6bfcb4967418bfb8ac142f64a-Supplemental.pdf",
            "https://proceedings.neurips.cc/paper/2020/file/1457c0d6bfcb4967418bfb8ac142f64a-Supplemental.pdf",
        ),
        # USENIX
        ("https://www.usenix.org/conference/osdi22/presentation/yu", ORCA),
        ("https://www.usenix.org/system/files/osdi22-yu.pdf", ORCA),
        ("http://usenix.org/conference/osdi22/presentation/yu/", ORCA),
        (
            "https://www.usenix.org/system/files/conference/nsdi17/nsdi17-crankshaw.pdf",
            "https://usenix.org/conference/nsdi17/presentation/crankshaw",
        ),
        (
            "https://www.usenix.org/system/files/atc22-zhou-zhe.pdf",
            "https://usenix.org/conference/atc22/presentation/zhou-zhe",
        ),
        (
            "https://www.usenix.org/system/files/osdi22-yu-slides.pdf",
            "https://usenix.org/conference/osdi22/presentation/yu-slides",
        ),
        (
            "https://www.usenix.org/system/files/opml19papers-soifer.pdf",
            "https://usenix.org/system/files/opml19papers-soifer.pdf",
        ),
        (
            "https://www.usenix.org/system/files/sec22-li.pdf",
            "https://usenix.org/system/files/sec22-li.pdf",
        ),
        (
            "https://www.usenix.org/system/files/conference/atc18/osdi18-x.pdf",
            "https://usenix.org/system/files/conference/atc18/osdi18-x.pdf",
        ),
        # GitHub
        ("https://github.com/vLLM-Project/vLLM", "https://github.com/vllm-project/vllm"),
        ("https://github.com/vllm-project/vllm.git", "https://github.com/vllm-project/vllm"),
        (
            "https://github.com/IntelLabs/HAAML/tree/main/Shears",
            "https://github.com/intellabs/haaml/tree/main/Shears",
        ),
        # not http(s)
        ("#section", "#section"),
        ("./docs/a.md", "./docs/a.md"),
        ("MAILTO:a@b.org", "mailto:a@b.org"),
        ("http://[::1", "http://[::1"),
        ("https://example.com:99999/a", "https://example.com:99999/a"),
    ],
)
def test_normalize_url(url: str, key: str) -> None:
    assert normalize_url(url) == key
    assert normalize_url(key) == key


def test_usenix_slides_are_not_the_paper() -> None:
    # "osdi22-yu-slides.pdf" maps to a presentation slug that no paper has: never Orca's key
    assert normalize_url("https://www.usenix.org/system/files/osdi22-yu-slides.pdf") != ORCA


@pytest.mark.parametrize(
    ("url", "spans", "stripped"),
    [
        ("https://example.com/a", [], "https://example.com/a"),
        ("https://example.com/a?id=1", [], "https://example.com/a?id=1"),
        ("https://example.com/a?utm_source=x", [(21, 34)], "https://example.com/a"),
        ("https://example.com/a?utm_source=x&utm_medium=y", [(21, 47)], "https://example.com/a"),
        ("https://example.com/a?utm_source=x&id=1", [(22, 35)], "https://example.com/a?id=1"),
        ("https://example.com/a?id=1&fbclid=z", [(26, 35)], "https://example.com/a?id=1"),
        (
            "https://example.com/a?id=1&fbclid=z&x=2&gclid=q",
            [(27, 36), (39, 47)],
            "https://example.com/a?id=1&x=2",
        ),
        (
            "https://example.com/a?UTM_Source=x&id=1#frag",
            [(22, 35)],
            "https://example.com/a?id=1#frag",
        ),
        ("https://example.com/a?utm_source=x#frag", [(21, 34)], "https://example.com/a#frag"),
        ("https://example.com/a#x?utm_source=y", [], "https://example.com/a#x?utm_source=y"),
        ("https://example.com/a?id=1&&fbclid=2", [(27, 36)], "https://example.com/a?id=1&"),
        ("https://youtu.be/x?si=abc&t=4", [(19, 26)], "https://youtu.be/x?t=4"),
        ("https://example.com/a?si=abc", [], "https://example.com/a?si=abc"),
        ("mailto:a@b.org?utm_source=x", [], "mailto:a@b.org?utm_source=x"),
    ],
)
def test_tracking_params(url: str, spans: list[tuple[int, int]], stripped: str) -> None:
    assert tracking_params(url) == spans
    assert strip_tracking(url) == stripped


def test_arxiv_helpers() -> None:
    assert parse_arxiv("https://arxiv.org/pdf/2104.07857v2.pdf") == ArxivLink(
        "2104.07857", 2, "pdf", True
    )
    assert parse_arxiv("https://www.arxiv.org/abs/cs/0112017") == ArxivLink(
        "cs/0112017", None, "abs", False
    )
    assert parse_arxiv("https://arxiv.org/list/cs.LG/recent") is None
    assert parse_arxiv("https://example.com/abs/2104.07857") is None
    assert parse_arxiv("ftp://arxiv.org/abs/2104.07857") is None
    assert arxiv_id("https://export.arxiv.org/abs/math.GT/0309136v1") == "math/0309136"
    assert parse_arxiv("http://xxx.itp.ac.cn/abs/2208.01582v2") == ArxivLink(
        "2208.01582", 2, "abs", False
    )
    assert [is_arxiv_mirror(h) for h in ("xxx.itp.ac.cn", "WWW.cn.arxiv.org")] == [True, True]
    assert [is_arxiv_mirror(h) for h in ("arxiv.org", "export.arxiv.org")] == [False, False]
    assert arxiv_id("https://arxiv.org/abs/2104.07857v12") == "2104.07857"
    assert arxiv_id("https://github.com/x/y") is None
    assert arxiv_url("2104.07857") == "https://arxiv.org/abs/2104.07857"
    assert arxiv_url("2104.07857", "pdf", 3) == "https://arxiv.org/pdf/2104.07857v3"


@pytest.mark.parametrize(
    ("host", "https"),
    [
        ("arxiv.org", True),
        ("WWW.ARXIV.ORG", True),
        ("export.arxiv.org", True),
        ("www.usenix.org", True),
        ("dl.acm.org", True),
        ("someone.github.io", True),
        ("github.com", True),
        ("example.com", False),
        ("notarxiv.org", False),
        ("org", False),
        ("www.cs.cmu.edu", False),
    ],
)
def test_serves_https(host: str, https: bool) -> None:
    assert serves_https(host) is https


@pytest.mark.parametrize(
    "url",
    [
        "https://arxiv.org/abs/2104.07857",
        "http://www.arxiv.org/pdf/2104.07857v2.pdf",
        "https://export.arxiv.org/abs/math.GT/0309136v1/",
        "https://browse.arxiv.org/html/2104.07857v3",
        "https://arxiv.org//abs//cs/0112017",
        "https://arxiv.org/abs/2104.07857//",  # not plain: two slashes at the end
        "https://arxiv.org/abs/2104.07857\n",  # not plain: a line break at the end
        "https://arxiv.org/abs/2104.078571",  # no paper: six digits
    ],
)
def test_plain_arxiv_links_read_as_any_other(url: str) -> None:
    # A plainly written arXiv link is read by one match; an upper-case scheme takes the
    # whole reading (split, host, path): both say the same.
    other = "HTTP" + url[4:]
    assert parse_arxiv(url) == parse_arxiv(other)
    assert normalize_url(url) == normalize_url(other)
