"""AL301 in lists that write the venue as the paper link's label (``Title
[[CVPR2020]](url)``): which order a list follows when few of its entries link an arXiv
id, and years read from labels whose venue name the registry does not know."""

from __future__ import annotations

import pytest

from awesome_lint.api import lint_text
from awesome_lint.config.selectors import resolve
from awesome_lint.domain.years import entry_label_year
from awesome_lint.parser.build import parse_document
from awesome_lint.settings import Settings
from awesome_lint.source import SourceText

AL301 = Settings(resolve(["AL301"]))

# (venue label, arXiv id or None): newest first, but for the NeurIPS 2019 paper placed
# above two WACV 2020 ones
CONFERENCE = [
    ("CVPR2021", None),
    ("CVPR2021", None),
    ("CVPR2021", "2103.04705"),
    ("ICCV2021", None),
    ("CVPR2021", "2102.00001"),
    ("ECCV2020", None),
    ("ECCV2020", None),
    ("CVPR2020", "2006.00002"),
    ("CVPR2020", None),
    ("CVPR2020", None),
    ("AAAI2020", "2001.00003"),
    ("NeurIPS2019", "1910.13049"),
    ("WACV2020", "1909.13776"),
    ("WACV2020", "1909.10563"),
    ("ICCV2019", None),
    ("ICCV2019", "1904.00004"),
    ("CVPR2019", None),
    ("ECCV2018", None),
    ("ECCV2018", "1803.00005"),
    ("CVPR2018", None),
]


def _entries(venues: list[tuple[str, str | None]]) -> str:
    out = []
    for n, (venue, arxiv) in enumerate(venues):
        url = f"https://arxiv.org/abs/{arxiv}" if arxiv else f"https://example.org/paper/{n}"
        out.append(f"- Paper number {n} [[{venue}]]({url})\n")
    return "".join(out)


def _found(text: str) -> list[tuple[str, int, int, str]]:
    out = []
    for d in lint_text(text, AL301):
        line = text.count("\n", 0, d.start) + 1
        column = d.start - text.rfind("\n", 0, d.start)
        out.append((d.code, line, column, d.message))
    return out


def test_arxiv_ids_on_few_entries_do_not_outweigh_the_venue_years() -> None:
    # 9 of 20 entries link an arXiv id, all in newest-first order by it; 19 of the 20
    # venue years are in order: the list is in year order and the NeurIPS 2019 paper
    # (line 16) is the slip
    text = "# Papers\n\n**Conference**\n\n" + _entries(CONFERENCE)
    assert _found(text) == [
        (
            "AL301",
            16,
            3,
            "Out of newest-first order: should come before "
            "`Paper number 17 [[ECCV2018]](https://ex…` (line 22)",
        )
    ]


def test_arxiv_ids_on_most_entries_keep_the_arxiv_order() -> None:
    # every entry links an arXiv id in newest-first order: a list kept in the order its
    # papers appeared, where a NeurIPS 2019 preprint of October 2019 fits
    ids = iter(
        f"{yy}{mm:02d}.{n:05d}"
        for n, (yy, mm) in enumerate(
            [(21, 3)] * 5
            + [(20, 6)] * 5
            + [(20, 1), (19, 10), (19, 9), (19, 9)]
            + [(19, 4)] * 3
            + [(18, 3)] * 3
        )
    )
    venues = [(venue, next(ids)) for venue, _ in CONFERENCE]
    assert _found("# Papers\n\n" + _entries(venues)) == []


# a journal list with venue names the registry does not know, newest first but for one
JOURNAL = [
    "TPAMI2023",
    "Neurocomputing 2023",
    "TIP2022",
    "KBS2022",
    "IJCV2021",
    "Neurocomputing 2021",
    "JIntellManuf2020",
    "Neurocomputing 2019",
    "GRSL 2021",
    "TIP2019",
]


def test_a_label_with_an_unknown_venue_name_gives_the_year() -> None:
    text = "# Papers\n\n**Journal**\n\n" + _entries([(v, None) for v in JOURNAL])
    assert _found(text) == [
        (
            "AL301",
            13,
            3,
            "Out of newest-first order: should come before "
            "`Paper number 6 [[JIntellManuf2020]](htt…` (line 11)",
        )
    ]


@pytest.mark.parametrize(
    ("label", "year"),
    [
        ("[Neurocomputing 2021]", 2021),
        ("[KBS2020]", 2020),
        ("GRSL 2023", 2023),
        ("[Image and Vision Computing 2020]", None),  # more than a name
        ("[12 Feb 2020]", None),  # a date: entry_date reads it
        ("[Pytorch]", None),
        ("[code 2020]", None),  # not a name
        ("[CVPR2021 Oral]", None),  # a venue token: the registry reads it
    ],
)
def test_label_year(label: str, year: int | None) -> None:
    text = f"- Title [{label}](https://example.org/p) [[code]](https://example.org/c)\n"
    document = parse_document(SourceText.from_bytes(text.encode()))
    found = entry_label_year(document, document.entries()[0])
    assert (None if found is None else found.year) == year
