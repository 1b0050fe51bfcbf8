"""Link roles: the paper, a venue label, or a resource beside the paper."""

from __future__ import annotations

import pytest

from awesome_lint.links.roles import clean_label, label_role, link_role


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("paper", "paper"),
        ("[PDF]", "paper"),
        ("**arXiv**", "paper"),
        ("Model", "paper"),
        ("code", "aux"),
        ("code & model", "aux"),
        ("Pytorch(official)", "aux"),
        ("GitHub Link", "aux"),
        ("Resource repo", "aux"),
        ("Project Page", "aux"),
        ("awesome GNN", "aux"),
        ("CVPR2019", "venue"),
        ("ICCV2019 Oral", "venue"),
        ("arXiv 13 Sep 2019", "venue"),
        ("12 Feb 2020", "venue"),
        ("arXiv on 24 May 2019", "venue"),
        ("Orca: A Distributed Serving System", None),
        ("Code Llama", "aux"),  # after a title a resource word decides …
    ],
)
def test_label_role(label: str, role: str | None) -> None:
    assert label_role(label) == role


@pytest.mark.parametrize("label", ["Code Llama", "Python", "Docs", "awesome GNN", "CVPR 2019"])
def test_a_leading_label_is_the_item_name(label: str) -> None:
    # … but a link that opens the entry is the item itself
    assert label_role(label, leading=True) is None
    assert link_role(label, "https://github.com/a/b", leading=True) == "title"


@pytest.mark.parametrize(
    ("label", "url", "leading", "role"),
    [
        ("PyTroch", "https://github.com/a/b", False, "aux"),
        ("Spotlight talk", "https://youtu.be/x", False, "aux"),
        ("Must read", "https://a.org/book", False, "paper"),
        ("A Long Title of Several Words", "https://a.org/t", False, "title"),
        ("[CVPR Workshop paper list 2023]", "https://a.org/w", False, "paper"),
        (
            "[Robotics and Computer-Integrated Manufacturing 2020]",
            "https://a.org/j",
            False,
            "paper",
        ),
        ("[A Bracketed Title of Seven Long Words]", "https://a.org/b", False, "title"),
        ("x", "#section", False, "other"),
        ("x", "docs/a.md", True, "other"),
        ("![badge](https://img.shields.io/x.svg)", "https://a.org/", False, "aux"),
    ],
)
def test_link_role(label: str, url: str, leading: bool, role: str) -> None:
    assert link_role(label, url, leading=leading) == role


def test_clean_label() -> None:
    assert clean_label(" [**Code**] ") == "code"
    assert clean_label("<b>ICCV 2019</b>  Oral.") == "iccv 2019 oral"
