"""Venues implied by URLs."""

from __future__ import annotations

import pytest

from awesome_lint.venues.urls import venue_from_url, workshop_from_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.usenix.org/conference/osdi22/presentation/yu", ("OSDI", 2022)),
        ("https://www.usenix.org/conference/atc24/presentation/qiu", ("USENIX ATC", 2024)),
        (
            "https://www.usenix.org/conference/usenixsecurity23/presentation/x",
            ("USENIX Security", 2023),
        ),
        ("https://www.usenix.org/system/files/osdi20-ruan.pdf", ("OSDI", 2020)),
        ("https://www.usenix.org/system/files/nsdi24-qiao.pdf", ("NSDI", 2024)),
        (
            "https://www.usenix.org/system/files/conference/nsdi17/nsdi17-crankshaw.pdf",
            ("NSDI", 2017),
        ),
        ("https://www.usenix.org/system/files/sec22-smith.pdf", ("USENIX Security", 2022)),
        (
            "https://www.usenix.org/system/files/conference/usenixsecurity25/sec25cycle1-prepub-1136-bai.pdf",
            ("USENIX Security", 2025),
        ),
        ("https://www.usenix.org/system/files/fast25-x.pdf", ("FAST", 2025)),
        (
            "https://proceedings.mlsys.org/paper_files/paper/2023/hash/0ea7-Abstract-mlsys2023.html",
            ("MLSys", 2023),
        ),
        ("https://proceedings.mlsys.org/paper/2022/hash/abc-Abstract.html", ("MLSys", 2022)),
        ("https://papers.nips.cc/paper/2020/hash/9f29-Abstract.html", ("NeurIPS", 2020)),
        (
            "https://proceedings.neurips.cc/paper_files/paper/2023/file/x-Paper.pdf",
            ("NeurIPS", 2023),
        ),
        ("https://proceedings.mlr.press/v139/chen21z.html", ("ICML", 2021)),
        ("http://proceedings.mlr.press/v97/x.html", ("ICML", 2019)),
        ("https://proceedings.mlr.press/v238/x.html", ("AISTATS", 2024)),
        ("https://aclanthology.org/2023.acl-long.123/", ("ACL", 2023)),
        ("https://aclanthology.org/2023.findings-emnlp.1.pdf", ("EMNLP", 2023)),
        ("https://aclanthology.org/2023.findings-acl.15.pdf", ("ACL", 2023)),
        ("https://aclanthology.org/2024.naacl-long.4/", ("NAACL", 2024)),
        ("https://aclanthology.org/P19-1285/", ("ACL", 2019)),
        ("https://aclanthology.org/D19-1001.pdf", ("EMNLP", 2019)),
        ("https://openaccess.thecvf.com/content/CVPR2023/papers/x.pdf", ("CVPR", 2023)),
        ("https://openaccess.thecvf.com/content_cvpr_2018/html/x.html", ("CVPR", 2018)),
        ("https://openaccess.thecvf.com/content/ICCV2021/html/x.html", ("ICCV", 2021)),
        ("https://www.vldb.org/pvldb/vol16/p1234-x.pdf", ("VLDB", 2023)),
        ("https://vldb.org/pvldb/volumes/17/paper/x", ("VLDB", 2024)),
        ("https://mlsys.org/virtual/2026/oral/3780", ("MLSys", 2026)),
        ("https://neurips.cc/virtual/2024/poster/1", ("NeurIPS", 2024)),
        ("https://www.aaai.org/Papers/AAAI/2020GB/AAAI-ChenJ.1453.pdf", ("AAAI", 2020)),
        ("https://aaai.org/Papers/AAAI/2008/AAAI08-123.pdf", ("AAAI", 2008)),
        ("https://www.aaai.org/AAAI22Papers/AAAI-902.LiW.pdf", ("AAAI", 2022)),
        ("https://www.aaai.org/ocs/index.php/AAAI/AAAI18/paper/view/16222", ("AAAI", 2018)),
    ],
)
def test_implied_venue(url: str, expected: tuple[str, int]) -> None:
    assert venue_from_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "https://arxiv.org/abs/2201.05596",
        "https://arxiv.org/pdf/2309.06180v1.pdf",
        "https://dl.acm.org/doi/10.1145/3600006.3613165",
        "https://doi.org/10.1145/3600006.3613165",
        "https://www.usenix.org/system/files/opml19papers-soifer.pdf",
        "https://www.usenix.org/publications/loginonline/x",
        "https://papers.nips.cc/paper/5656-hidden-technical-debt.pdf",
        "https://proceedings.mlr.press/v1/x.html",
        "https://aclanthology.org/2023.nlposs-1.24/",
        "https://aclanthology.org/W19-1001/",
        # volume 6 of D19 is a workshop held with EMNLP 2019 (DeepLo), not EMNLP itself
        "https://www.aclweb.org/anthology/D19-6106.pdf",
        "https://openaccess.thecvf.com/content/CVPR2023W/x/html/x.html",
        "https://github.com/vllm-project/vllm",
        # a venue host named in the path of another host's URL is no venue's URL
        "https://github.com/x/usenix.org/conference/osdi22/presentation/y",
        "https://openreview.net/forum?id=proceedings.mlr.press/v202/x.html",
        # AAAI's journal pages name no year; workshops are not the conference
        "https://ojs.aaai.org/index.php/AAAI/article/view/26185",
        "https://aaai.org/ocs/index.php/WS/AAAIW15/paper/view/10092",
        "https://www.aaai.org/Papers/Workshops/2008/WS-08-01/WS08-01-001.pdf",
        "not a url",
        "",
        "http://[::1",
    ],
)
def test_no_implied_venue(url: str) -> None:
    assert venue_from_url(url) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "http://openaccess.thecvf.com/content_CVPRW_2019/papers/P/X_CVPRW_2019_paper.pdf",
            ("CVPR", 2019),
        ),
        (
            "http://openaccess.thecvf.com/content_cvpr_2018_workshops/papers/w49/X_CVPR_2018_paper.pdf",
            ("CVPR", 2018),
        ),
        (
            "https://openaccess.thecvf.com/content/CVPR2023W/ABC/papers/X_CVPRW_2023_paper.pdf",
            ("CVPR", 2023),
        ),
        (
            "https://openaccess.thecvf.com/content_ICCVW_2019/papers/X_ICCVW_2019_paper.pdf",
            ("ICCV", 2019),
        ),
        ("https://aaai.org/ocs/index.php/WS/AAAIW15/paper/view/10126", ("AAAI", 2015)),
        ("https://openaccess.thecvf.com/content_CVPR_2019/papers/X_CVPR_2019_paper.pdf", None),
        ("https://openaccess.thecvf.com/content/CVPR2023/papers/X_CVPR_2023_paper.pdf", None),
        ("https://aaai.org/ocs/index.php/AAAI/AAAI18/paper/view/16000", None),
        ("https://arxiv.org/abs/2305.12345", None),
        ("http://[::1", None),
    ],
)
def test_workshop_from_url(url: str, expected: tuple[str, int] | None) -> None:
    assert workshop_from_url(url) == expected
