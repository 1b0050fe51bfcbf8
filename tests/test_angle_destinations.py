"""A link destination in angle brackets is one link, not a link plus an autolink."""

from __future__ import annotations

from awesome_lint.api import lint_text
from awesome_lint.parser.inline import scan_links
from awesome_lint.source import SourceText

LINE = "- A, CVPR 2019. \\[[paper](<http://openaccess.thecvf.com/x.pdf>)\\] <https://b.org>"


def test_destination_in_angle_brackets_is_not_an_autolink() -> None:
    links = scan_links(LINE)
    assert [(link.start, link.end, link.url_value) for link in links] == [
        (18, 63, "http://openaccess.thecvf.com/x.pdf"),
        (66, 81, "https://b.org"),  # a real autolink after it still counts
    ]


def test_https_reported_once_per_link() -> None:
    source = SourceText(LINE + "\n")
    found = [(d.code, *source.position(d.start)) for d in lint_text(source)]
    assert [f for f in found if f[0] == "AL501"] == [("AL501", 1, 28)]
