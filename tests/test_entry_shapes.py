"""Entries in every shape: list items, paragraphs that are entries, table rows."""

from __future__ import annotations

from awesome_lint.domain.shapes import shape_of
from awesome_lint.links.papers import entry_title, paper_links, primary_link
from awesome_lint.parser.build import parse_document
from awesome_lint.source import SourceText

PARAGRAPHS = """\
# Representation

[ViCo: Word Embeddings](https://arxiv.org/abs/1908.08527), ICCV 2019 [[code]](https://github.com/a/vico)

[Learning Factorized Representations](https://arxiv.org/abs/1806.06176), ICLR 2019

[Home](https://example.org/) | [Docs](https://example.org/docs)

Some prose with [a link](https://example.org/prose) in it.

## Alone

[Only One Paragraph](https://example.org/one), CVPR 2020
"""


def test_paragraph_entries_are_runs_of_entry_like_paragraphs() -> None:
    document = parse_document(SourceText(PARAGRAPHS))
    entries = document.entries()
    assert [(e.line, e.kind) for e in entries] == [(2, "paragraph"), (4, "paragraph")]
    first = entries[0]
    text = document.text
    assert text[first.content[0] : first.content[1]].startswith("[ViCo")
    assert first.marker == (first.content[0], first.content[0])
    assert first.link is not None and first.link.url_value == "https://arxiv.org/abs/1908.08527"
    assert first.parsed
    assert first.list_id == entries[1].list_id
    assert [s.title for s in document.sections if s.entries] == ["Representation"]
    assert entry_title(document, first) == "ViCo: Word Embeddings"


VENUE_FIRST = """\
## Learning

SIGCOMM 2019, [Learning Scheduling Algorithms](https://web.example.edu/decima/)---Notes:[zhihu](https://example.org/n1)

Eurosys 2022, [DeepRest: Resource Estimation](https://dl.acm.org/doi/abs/10.1145/3492321.3519564)

IEEE CLOUD 2019,[Horizontal and Vertical Scaling](https://ieeexplore.ieee.org/document/8814555)

In 2019, [a blog post](https://example.org/blog) told the story.

Since 2020, [the team](https://example.org/team) keeps the list.

Crowd Challenge 2019 [[CVPR2019]](https://example.org/crowd)
"""


def test_paragraph_entries_may_open_with_their_venue() -> None:
    document = parse_document(SourceText(VENUE_FIRST))
    entries = document.entries()
    assert [(e.line, e.kind) for e in entries] == [
        (2, "paragraph"),
        (4, "paragraph"),
        (6, "paragraph"),
    ]
    text = document.text
    assert [text[e.content[0] : e.content[0] + 8] for e in entries] == [
        "SIGCOMM ",
        "Eurosys ",
        "IEEE CLO",
    ]
    assert [entry_title(document, e) for e in entries] == [
        "Learning Scheduling Algorithms",
        "DeepRest: Resource Estimation",
        "Horizontal and Vertical Scaling",
    ]
    assert entries[0].links[0].url_value == "https://web.example.edu/decima/"


BRACKET_VENUE = """\
## Pruning

[Arxiv'24] [MoE-Pruner: Pruning Mixture-of-Experts](https://arxiv.org/abs/2410.12013)

[EMNLP 2022] [Mixture of Attention Heads](https://arxiv.org/abs/2210.05144) [[Code](https://github.com/a/moa)]

[N/A] [A Bracket That Names No Venue](https://example.org/na)

[1] [A Footnote Number](https://example.org/one)
"""


def test_paragraph_entries_may_open_with_their_venue_in_brackets() -> None:
    document = parse_document(SourceText(BRACKET_VENUE))
    entries = document.entries()
    assert [(e.line, e.kind) for e in entries] == [(2, "paragraph"), (4, "paragraph")]
    assert [entry_title(document, e) for e in entries] == [
        "MoE-Pruner: Pruning Mixture-of-Experts",
        "Mixture of Attention Heads",
    ]
    assert [shape_of(document, e) for e in entries] == ["prefix", "prefix"]
    text = document.text
    assert [text[e.content[0] : e.content[0] + 9] for e in entries] == ["[Arxiv'24", "[EMNLP 20"]


LABELLED = """\
## Pre-trained models

(Transformer) Attention Is All You Need **[[pdf]](https://arxiv.org/abs/1706.03762)**

(BERT) BERT: Pre-training of Deep Bidirectional Transformers **[(pdf)](https://arxiv.org/abs/1810.04805)**

(Unilm) [NIPS 2019] Unified Language Model Pre-training **[[pdf]](https://arxiv.org/abs/1905.03197)**

Text Summarization with Pretrained Encoders [[pdf]](https://arxiv.org/abs/1908.08345) [[notes]](https://example.org/n)

Read more: [[blog]](https://example.org/blog)

See [the talk](https://example.org/talk) and [[slides]](https://example.org/slides)
"""


def test_paragraph_entries_may_open_with_a_plain_title_and_a_label_link() -> None:
    document = parse_document(SourceText(LABELLED))
    entries = document.entries()
    assert [(e.line, e.kind) for e in entries] == [
        (2, "paragraph"),
        (4, "paragraph"),
        (6, "paragraph"),
        (8, "paragraph"),
    ]
    text = document.text
    assert [text[e.content[0] : e.content[0] + 7] for e in entries] == [
        "(Transf",
        "(BERT) ",
        "(Unilm)",
        "Text Su",
    ]
    assert [e.links[0].url_value for e in entries][:2] == [
        "https://arxiv.org/abs/1706.03762",
        "https://arxiv.org/abs/1810.04805",
    ]


def test_a_resource_link_after_a_venue_head_is_no_title() -> None:
    text = (
        "- SysML 2019: [[YouTube]](https://www.youtube.com/channel/x/videos)\n"
        "- OSDI 2020, [FIRM: Fine-grained Resource Management](https://example.org/firm)\n"
    )
    document = parse_document(SourceText(text))
    talks, paper = document.entries()
    assert primary_link(document, talks) is None
    assert entry_title(document, paper) == "FIRM: Fine-grained Resource Management"


def test_a_navigation_bar_and_prose_are_no_entries() -> None:
    text = (
        "[Home](https://a.org/) | [Docs](https://a.org/d)\n\n"
        "[Blog](https://a.org/b) · [Talks](https://a.org/t)\n"
    )
    assert parse_document(SourceText(text)).entries() == []


TABLE = (
    "| Date | Title | Paper | Video |\n"
    "|---|---|---|---|\n"
    "| 3/17/22 | [AlphaCode](https://a.org/ac) | [[paper](https://arxiv.org/abs/2203.07814)]"
    " | [![b](https://i.io/1.svg)](https://b.tv/1) |\n"
    "| 3/10/22 | [Codex](https://arxiv.org/abs/2107.03374) 论文精读 |"
    " | [![b](https://i.io/2.svg)](https://b.tv/2) |\n"
    "| 1/18/22 | 如何判断研究工作的价值 | | |\n"
)


def test_table_rows_with_links_are_entries_never_edited() -> None:
    document = parse_document(SourceText(TABLE))
    rows = document.entries()
    assert [(e.line, e.kind, e.parsed) for e in rows] == [(2, "row", False), (3, "row", False)]
    assert rows[0].content == (document.source.lines[2].start, document.source.lines[2].end)
    # the link that fills its cell is the row's item; one inside other words is not
    first = primary_link(document, rows[0])
    assert first is not None and first.url_value == "https://a.org/ac"
    assert entry_title(document, rows[0]) == "AlphaCode"
    assert primary_link(document, rows[1]) is None
    assert [row[0].line for row in paper_links(document)] == [2]


def test_an_entry_that_says_it_has_no_link_has_no_shape() -> None:
    text = (
        "- Paper A, IROS 2019. \\[N/A\\]\n- Paper B (TBD)\n- Paper C [Coming soon]\n"
        "- Paper D [N/A\n- Paper E, 2020\n"
    )
    document = parse_document(SourceText(text))
    assert [shape_of(document, e) for e in document.entries()] == [
        None,
        None,
        None,
        "text",
        "text",
    ]


BLOCKS = """\
## Image Generation

**Adding Conditional Control to Text-to-Image Diffusion Models** <br>
*Lvmin Zhang, Anyi Rao, Maneesh Agrawala* <br>
ICCV 2023. [[Paper](https://arxiv.org/abs/2302.05543)] [[Github](https://github.com/a/cn)]

**Denoising Diffusion Probabilistic Models** <br>
*Jonathan Ho, Ajay Jain, Pieter Abbeel* <br>
NeurIPS 2020. [[Paper](https://arxiv.org/abs/2006.11239)]

- **Video Diffusion Models** <br>
  *Jonathan Ho, Tim Salimans* <br>
  NeurIPS 2022. [[Paper](https://arxiv.org/abs/2204.03458)]
- A title wrapped before
its link [[CVPR2021]](https://example.org/cvpr)
- A title with its link [[paper]](https://example.org/p) and a code link
  on the next line [[code]](https://github.com/a/b)
"""


def test_a_block_reads_its_paper_link_title_and_venue_on_later_lines() -> None:
    """``**Title** <br>`` over an authors line and ``Venue. [[Paper](url)]``: the
    links of the whole paragraph are the entry's (a paragraph or a list item)."""
    document = parse_document(SourceText(BLOCKS))
    entries = document.entries()
    assert [(e.line, e.kind) for e in entries] == [
        (2, "paragraph"),
        (6, "paragraph"),
        (10, "item"),
        (13, "item"),
        (15, "item"),
    ]
    titles = [entry_title(document, e) for e in entries]
    assert titles[:3] == [
        "Adding Conditional Control to Text-to-Image Diffusion Models",
        "Denoising Diffusion Probabilistic Models",
        "Video Diffusion Models",
    ]
    links = [primary_link(document, e) for e in entries]
    assert [link.url_value if link else None for link in links] == [
        "https://arxiv.org/abs/2302.05543",
        "https://arxiv.org/abs/2006.11239",
        "https://arxiv.org/abs/2204.03458",
        "https://example.org/cvpr",
        "https://example.org/p",
    ]
    # a first line with a web link keeps its paragraph's other links apart
    last = entries[-1]
    assert [link.url_value for link in last.links] == ["https://example.org/p"]
    assert [link.url_value for link in last.more_links] == ["https://github.com/a/b"]
    assert entries[3].more_links == []


VENUE_TABLE = (
    "| Year | Venue | Title | Paper | Code |\n"
    "|------|-------|-------|-------|------|\n"
    "| 2017 | ICLR | Semi-Supervised Classification with GCNs | [link](https://arxiv.org/abs/1609.02907)"
    " | [code](https://github.com/tkipf/gcn) |\n"
    "| 2018 | NeurlPS | Graph `a|b` Networks \\| Attention"
    " | [link](https://arxiv.org/abs/1710.10903) | - |\n"
    "| 2019 | | How Powerful are GNNs? | [link](https://arxiv.org/abs/1810.00826) | - |\n"
)


def test_a_table_header_names_the_title_and_venue_columns() -> None:
    """``| Title | Venue |`` columns: the title cell is the row's title when its paper
    link says only ``[link]``; the venue cell is read whole, as a venue slot is."""
    from awesome_lint.domain.venues import entry_tokens, regions
    from awesome_lint.parser.tables import row_cells
    from awesome_lint.venues.registry import default_registry

    document = parse_document(SourceText(VENUE_TABLE))
    rows = document.entries()
    text = document.text
    assert [entry_title(document, row) for row in rows] == [
        "Semi-Supervised Classification with GCNs",
        "Graph a|b Networks | Attention",  # (code marks dropped, as in every title)
        "How Powerful are GNNs?",
    ]
    cells = [row_cells(document, row) for row in rows]
    assert [text[slice(*c["venue"])] if "venue" in c else None for c in cells] == [
        "ICLR",
        "NeurlPS",
        None,  # an empty cell
    ]
    assert [w for w, _, _ in regions(document, rows[0])] == ["cell", "tail", "tail"]
    found = entry_tokens(document, rows[0], default_registry())
    assert [(f.where, f.token.canonical) for f in found] == [("cell", "ICLR")]


def test_a_table_without_named_columns_is_read_as_before() -> None:
    from awesome_lint.links.papers import primary_link
    from awesome_lint.parser.tables import row_cells

    text = "| Date | Notes |\n|---|---|\n| 2019 | [Title](https://a.org/t), CVPR 2019 |\n"
    document = parse_document(SourceText(text))
    assert [row_cells(document, row) for row in document.entries()] == [{}]
    # a Paper column names the title's cell (`| VLDB'25 | Title | [paper](url) |`); a link
    # in a cell of other text there is still no paper link, so no title is read from it
    text = "| Date | Paper |\n|---|---|\n| 2019 | [Title](https://a.org/t), CVPR 2019 |\n"
    document = parse_document(SourceText(text))
    row = document.entries()[0]
    assert row_cells(document, row) == {"title": (36, 71)}
    assert primary_link(document, row) is None
    assert entry_title(document, row) is None
    # a Title column whose cell is the paper link: the link gives the title, as before
    document = parse_document(SourceText(TABLE))
    assert entry_title(document, document.entries()[0]) == "AlphaCode"


def test_a_year_at_a_brackets_end_is_never_a_tag() -> None:
    # the cheap test before the tag pattern gives the pattern's own answer
    from awesome_lint.domain.shapes import _TAGS, _year_end

    for head in ("[OSDI'22] ", "[CVPR 2023] ", "[ICLR23] ", "[NeurIPS'2024] ", "[a 12] "):
        close = head.index("]")
        assert _year_end(head, 0, close)
        assert _TAGS.fullmatch(head) is None
    for head in ("[13] : ", "[2023] ", "[Dominater069] ", "[OpenO1 Team] ", "[DAgger] "):
        assert not _year_end(head, 0, head.index("]"))
    assert _TAGS.fullmatch("[13] : ") is not None
    assert _TAGS.fullmatch("[Dominater069] ") is not None


def test_an_entry_whose_links_are_all_below_its_first_line_has_a_shape() -> None:
    # its links are read from its later lines, and it has no roles: the tests that read
    # the entry's first role must not ask for one (an IndexError once)
    document = parse_document(
        SourceText(
            "## Contributing\n"
            "- This list requires your input for its continuous improvement.\n"
            "  Read the [contribution guide](contributing.md) for instructions.\n"
        )
    )
    assert [shape_of(document, e) for e in document.entries()] == ["text-link"]
