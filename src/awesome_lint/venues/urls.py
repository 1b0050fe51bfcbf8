"""The venue and year a paper's URL implies, where the URL says so unambiguously.

Offline only: an arXiv link or a DOI implies nothing (a DOI prefix names a
publisher, not a venue). Each pattern below notes where its facts come from.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from awesome_lint.lazyre import lazy_compile

VenueYear = tuple[str, int]

# usenix.org URL keys (the "osdi22" in /conference/osdi22/ and in PDF names such as
# system/files/osdi22-yu.pdf or system/files/conference/nsdi17/nsdi17-x.pdf), as
# usenix.org names its conference pages.
USENIX_KEYS = {
    "osdi": "OSDI",
    "nsdi": "NSDI",
    "atc": "USENIX ATC",
    "fast": "FAST",
    "usenixsecurity": "USENIX Security",
    "sec": "USENIX Security",
    "hotos": "HotOS",
    "hotcloud": "HotCloud",
    "hotstorage": "HotStorage",
}

# proceedings.mlr.press volume -> (venue, year), from the PMLR volume index
# (proceedings.mlr.press); only the venues of the registry, main proceedings.
PMLR_VOLUMES: dict[int, VenueYear] = {
    # ICML
    28: ("ICML", 2013),
    32: ("ICML", 2014),
    37: ("ICML", 2015),
    48: ("ICML", 2016),
    70: ("ICML", 2017),
    80: ("ICML", 2018),
    97: ("ICML", 2019),
    119: ("ICML", 2020),
    139: ("ICML", 2021),
    162: ("ICML", 2022),
    202: ("ICML", 2023),
    235: ("ICML", 2024),
    267: ("ICML", 2025),
    # AISTATS
    38: ("AISTATS", 2015),
    51: ("AISTATS", 2016),
    54: ("AISTATS", 2017),
    84: ("AISTATS", 2018),
    89: ("AISTATS", 2019),
    108: ("AISTATS", 2020),
    130: ("AISTATS", 2021),
    151: ("AISTATS", 2022),
    206: ("AISTATS", 2023),
    238: ("AISTATS", 2024),
    258: ("AISTATS", 2025),
    # COLT
    40: ("COLT", 2015),
    49: ("COLT", 2016),
    65: ("COLT", 2017),
    75: ("COLT", 2018),
    99: ("COLT", 2019),
    125: ("COLT", 2020),
    134: ("COLT", 2021),
    178: ("COLT", 2022),
    195: ("COLT", 2023),
    247: ("COLT", 2024),
    # CoRL
    78: ("CoRL", 2017),
    87: ("CoRL", 2018),
    100: ("CoRL", 2019),
    155: ("CoRL", 2020),
    164: ("CoRL", 2021),
    205: ("CoRL", 2022),
    229: ("CoRL", 2023),
    270: ("CoRL", 2024),
    # CPAL
    234: ("CPAL", 2024),
    # UAI
    115: ("UAI", 2019),
    124: ("UAI", 2020),
    161: ("UAI", 2021),
    180: ("UAI", 2022),
    216: ("UAI", 2023),
    244: ("UAI", 2024),
}

# ACL Anthology: new-style ids "2023.acl-long.12", "2023.findings-emnlp.3"; the
# venue key as the Anthology writes it (aclanthology.org/venues/).
ACL_KEYS = {
    "acl": "ACL",
    "emnlp": "EMNLP",
    "naacl": "NAACL",
    "eacl": "EACL",
    "coling": "COLING",
    "conll": "CoNLL",
    "tacl": "TACL",
}
# Old-style ids "P19-1001": the letter names the venue (Anthology id scheme).
ACL_LETTERS = {
    "P": "ACL",
    "D": "EMNLP",
    "N": "NAACL",
    "E": "EACL",
    "C": "COLING",
    "K": "CoNLL",
    "Q": "TACL",
}

# openaccess.thecvf.com paths: content/CVPR2023/..., content_cvpr_2018/...,
# content_ICCV_2017/...; "W" after the year marks workshops (not the main venue).
CVF_KEYS = {"cvpr": "CVPR", "iccv": "ICCV", "wacv": "WACV", "eccv": "ECCV"}

# Conference sites whose /virtual/YYYY/ pages belong to that year's edition.
VIRTUAL_SITES = {
    "mlsys.org": "MLSys",
    "neurips.cc": "NeurIPS",
    "nips.cc": "NeurIPS",
    "icml.cc": "ICML",
    "iclr.cc": "ICLR",
}


def _year2(yy: str) -> int:
    n = int(yy)
    return 2000 + n if n < 60 else 1900 + n


# Every host venue_from_url knows ends with one of these (a cheap test before urlsplit).
_SITES = (
    "usenix.org",
    "mlsys.org",
    "nips.cc",
    "neurips.cc",
    "mlr.press",
    "aclweb.org",
    "aclanthology.org",
    "thecvf.com",
    "vldb.org",
    "aaai.org",
    *VIRTUAL_SITES,
)
_SITE = lazy_compile("|".join(re.escape(site) for site in _SITES))
# Where most paper links point (arXiv: about two links in three in the paper lists
# of the corpus), none of them a host above: one prefix test says None at once.
_OTHER_HOSTS = tuple(
    f"{scheme}://{host}/"
    for scheme in ("https", "http")
    for host in ("arxiv.org", "github.com", "dl.acm.org", "openreview.net")
)
_MLSYS_YEAR = lazy_compile(r"/(?:paper_files/)?paper/((?:19|20)\d\d)/")
_USENIX_CONFERENCE = lazy_compile(r"/conference/([a-z]+)(\d\d)(?:/|$)")


def venue_from_url(url: str) -> VenueYear | None:
    """``(canonical venue, year)`` that the URL implies, or None."""
    if url.startswith(_OTHER_HOSTS):
        return None
    if _SITE.search(url.lower()) is None and not ("\n" in url or "\t" in url or "\r" in url):
        # none of the hosts below can be this URL's (urlsplit drops \t\r\n; three
        # substring tests are cheaper than a pattern)
        return None
    split = _host_path(url)
    if split is None:
        return None
    host, path = split
    if host == "usenix.org":
        return _usenix(path)
    if host == "proceedings.mlsys.org":
        m = _MLSYS_YEAR.search(path)
        return ("MLSys", int(m.group(1))) if m else None
    if host in ("papers.nips.cc", "proceedings.neurips.cc", "papers.neurips.cc"):
        m = re.search(r"/(?:paper_files/)?paper/((?:19|20)\d\d)(?:/|$)", path)
        return ("NeurIPS", int(m.group(1))) if m else None
    if host == "proceedings.mlr.press":
        m = re.match(r"/v(\d+)(?:/|$)", path)
        return PMLR_VOLUMES.get(int(m.group(1))) if m else None
    if host == "aclanthology.org" or host.endswith(".aclweb.org") or host == "aclweb.org":
        return _acl(path)
    if host == "openaccess.thecvf.com":
        return _cvf(path)
    if host == "vldb.org":
        # PVLDB volume N holds the papers of VLDB 2007+N (vol. 1: VLDB 2008).
        m = re.match(r"/pvldb/vol(?:umes/)?(\d+)(?:/|$)", path)
        return ("VLDB", 2007 + int(m.group(1))) if m else None
    if host == "aaai.org":
        return _aaai(path)
    if host in VIRTUAL_SITES:
        m = re.match(r"/virtual/((?:19|20)\d\d)/", path)
        return (VIRTUAL_SITES[host], int(m.group(1))) if m else None
    return None


# Workshop papers of a conference, by their archive's path: openaccess.thecvf.com
# content_CVPRW_2019/, content_cvpr_2018_workshops/, content/CVPR2023W/; AAAI's
# /ocs/index.php/WS/AAAIW15/.
_CVF_WORKSHOP = lazy_compile(
    r"(?i)/content(?:/|_)(cvpr|iccv|eccv|wacv)(w?)_?((?:19|20)\d\d)(w|_workshops)?(?:/|_|$)"
)
_AAAI_WORKSHOP = lazy_compile(r"/ocs/index\.php/WS/AAAIW(\d\d)/")


def _host_path(url: str) -> tuple[str, str] | None:
    """The URL's host (lower case, without "www.") and path, or None if it does not
    split."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    return (host[4:] if host.startswith("www.") else host), parts.path


def workshop_from_url(url: str) -> VenueYear | None:
    """``(canonical venue, year)`` of the conference whose workshop the URL's paper
    belongs to, or None (``content_CVPRW_2019/...`` is a workshop of CVPR 2019)."""
    if "thecvf.com" not in url and "aaai.org" not in url:
        return None
    split = _host_path(url)
    if split is None:
        return None
    host, path = split
    if host == "openaccess.thecvf.com":
        m = _CVF_WORKSHOP.match(path)
        if m is not None and (m.group(2) or m.group(4)):
            return (CVF_KEYS[m.group(1).lower()], int(m.group(3)))
    elif host == "aaai.org":
        m = _AAAI_WORKSHOP.match(path)
        if m is not None:
            return ("AAAI", _year2(m.group(1)))
    return None


def _aaai(path: str) -> VenueYear | None:
    """AAAI's own archive of its conference papers: /Papers/AAAI/2020GB/AAAI-X.pdf,
    /AAAI22Papers/AAAI-902.X.pdf and the older /ocs/index.php/AAAI/AAAI18/paper/....
    (ojs.aaai.org links name no year; /Papers/Workshops/ and /ocs/.../WS/ are workshops.)"""
    m = re.match(r"/Papers/AAAI/((?:19|20)\d\d)", path)
    if m is not None:
        return ("AAAI", int(m.group(1)))
    m = re.match(r"/AAAI(\d\d)Papers/", path) or re.match(r"/ocs/index\.php/AAAI/AAAI(\d\d)/", path)
    return ("AAAI", _year2(m.group(1))) if m else None


def _usenix(path: str) -> VenueYear | None:
    m = _USENIX_CONFERENCE.match(path)
    if m is None:
        m = re.match(r"/system/files/conference/([a-z]+)(\d\d)/", path)
    if m is None:
        m = re.match(r"/system/files/([a-z]+)(\d\d)[-_]", path)
    if m is None or m.group(1) not in USENIX_KEYS:
        return None
    return (USENIX_KEYS[m.group(1)], _year2(m.group(2)))


def _acl(path: str) -> VenueYear | None:
    m = re.search(r"/((?:19|20)\d\d)\.(findings-)?([a-z]+)[-.]", path)
    if m is not None:
        venue = ACL_KEYS.get(m.group(3))
        return (venue, int(m.group(1))) if venue else None
    # The first digit of the number is the volume: 1-4 the venue's own proceedings
    # (long, short, student, demo papers), 5 and up workshops held with it since 2019
    # (D19-6106 is DeepLo at EMNLP 2019, not EMNLP).
    m = re.search(r"/(?:anthology/)?([A-Z])(\d\d)-[1-4]\d{3}(?:\.pdf)?/?$", path)
    if m is not None and m.group(1) in ACL_LETTERS:
        return (ACL_LETTERS[m.group(1)], _year2(m.group(2)))
    return None


def _cvf(path: str) -> VenueYear | None:
    m = re.match(r"/content(?:/|_)([A-Za-z]+)_?((?:19|20)\d\d)(W?)(?:/|_|$)", path)
    if m is None or m.group(3):
        return None
    venue = CVF_KEYS.get(m.group(1).lower())
    return (venue, int(m.group(2))) if venue else None
