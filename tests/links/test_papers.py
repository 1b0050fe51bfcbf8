"""Which link and title stand for an entry's paper, and when two titles name one paper."""

from __future__ import annotations

import pytest

from awesome_lint.links.papers import (
    entry_title,
    paper_links,
    primary_link,
    same_paper_title,
    title_key,
)
from awesome_lint.parser.build import parse_document
from awesome_lint.source import SourceText


@pytest.mark.parametrize(
    ("line", "title", "url"),
    [
        (
            "- [Orca](https://o.org/x): A Serving System | OSDI'22",
            "Orca: A Serving System",
            "https://o.org/x",
        ),
        ("- [OSDI'22] [Orca: Serving](https://o.org/x)", "Orca: Serving", "https://o.org/x"),
        (
            "- Title One <br> ICLR 2024 [[Paper]](https://a.org/1) [[Code]](https://github.com/a/b)",
            "Title One",
            "https://a.org/1",
        ),
        (
            "- **Bold Title** [arxiv 2024.1] [paper](https://a.org/2) [code](https://g.com/x)",
            "Bold Title",
            "https://a.org/2",
        ),
        (
            "- Some Title (OSDI'22) [link to paper](https://a.org/3)",
            "Some Title",
            "https://a.org/3",
        ),
        (
            "1. [**Numbered Title.**](https://a.org/4) *Authors.* Venue 2024.",
            "Numbered Title",
            "https://a.org/4",
        ),
        ("- Orca: serving <https://a.org/5>", "Orca: serving", "https://a.org/5"),
        (
            "- ![badge](https://img.shields.io/x.svg) [Tool](https://a.org/6)",
            "Tool",
            "https://a.org/6",
        ),
        # a ", Venue, Year." tail goes as a ", Venue Year." tail does
        ("- A Title, CVPR 2019. \\[[paper](https://a.org/7)\\]", "A Title", "https://a.org/7"),
        (
            "- A Long Title, Sensors, 2019. [paper](https://a.org/8)",
            "A Long Title",
            "https://a.org/8",
        ),
        (
            "- A Long Title, IEEE Trans. Intell. Transport. Systems, 2019. [paper](https://a.org/9)",
            "A Long Title",
            "https://a.org/9",
        ),
        (
            "- Neural Sign Language Translation. *CVPR 2018*. [[paper]](https://a.org/10).",
            "Neural Sign Language Translation",
            "https://a.org/10",
        ),
        (
            "- MLE in [LSC-CNN](https://arxiv.org/abs/1906.07538) (distance measure)",
            "LSC-CNN",
            "https://arxiv.org/abs/1906.07538",
        ),
        (
            "- Eigen et al, Depth Map Prediction, NIPS 2014, [PDF](https://a.org/11)",
            "Depth Map Prediction",
            "https://a.org/11",
        ),
        (
            "- [sharded_eredis](https://github.com/o/sharded_eredis) - Process pools",
            "sharded_eredis: Process pools",
            "https://github.com/o/sharded_eredis",
        ),
        (
            '- Xu, Mengwei, et al. "DeepCache: Principled cache for mobile deep vision." '
            "Proceedings of MobiCom. 2018. [[Paper]](https://a.org/12)",
            "DeepCache: Principled cache for mobile deep vision",
            "https://a.org/12",
        ),
        (
            "- A Title Here, Journal of Field Robotics, 2020. [paper](https://a.org/10)",
            "A Title Here",
            "https://a.org/10",
        ),
        # words of the title after its own comma stay
        (
            "- Learning about Objects, Relations and Physics, 2016. [paper](https://a.org/11)",
            "Learning about Objects, Relations and Physics",
            "https://a.org/11",
        ),
        (
            "- Avoidance of Pedestrians with Uncertain, Changing Intentions, 2017. [paper](https://a.org/12)",
            "Avoidance of Pedestrians with Uncertain, Changing Intentions",
            "https://a.org/12",
        ),
        ("- Eat, Sleep, 2019. [paper](https://a.org/13)", "Eat, Sleep", "https://a.org/13"),
    ],
)
def test_entry_title_and_primary_link(line: str, title: str, url: str) -> None:
    document = parse_document(SourceText(line + "\n"))
    entry = document.entries()[0]
    link = primary_link(document, entry)
    assert link is not None and link.url_value == url
    assert entry_title(document, entry) == title


def test_no_paper_link() -> None:
    text = "- [Serving](#serving)\n- Plain text\n- [Local](docs/a.md)\n"
    document = parse_document(SourceText(text))
    assert [primary_link(document, e) for e in document.entries()] == [None, None, None]


def test_nested_note_has_no_paper_link() -> None:
    text = (
        "- [A](https://a.org/1)\n"
        "  - Journal version of [IPDPS'23] [B](https://b.org/2)\n"
        "  - [arxiv'23] [C](https://c.org/3)\n"
    )
    document = parse_document(SourceText(text))
    links = [primary_link(document, e) for e in document.entries()]
    assert [link.url_value if link else None for link in links] == [
        "https://a.org/1",
        None,
        "https://c.org/3",
    ]


def test_title_key() -> None:
    assert title_key("  Fairness in Serving  LLMs. ") == "fairness in serving llms"
    assert title_key("Compression Scaling Laws:Unifying") == title_key(
        "compression scaling laws: unifying"
    )


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Orca", "Orca: A Distributed Serving System", True),
        (
            "DeltaZip: Efficient Serving",
            "DeltaZip: Multi-Tenant Serving via Delta Compression",
            True,
        ),
        ("NanoFlow: Optimal LLM Serving Throughput", "Clover: High Throughput LLM Serving", False),
        (
            "How Does Calibration Data Affect Post-training Pruning and Quantization",
            "On the Impact of Calibration Data in Post-training Quantization and Pruning",
            True,
        ),
        ("Baichuan-7|13B", "Baichuan2-7|13B", False),
        ("Llama 3.1", "Llama 3.1论文精读 · 2. 预训练数据", True),
        ("OPT: Open Pre-trained Transformer Language Models", "OPT-1.3|6.7|13|30|66B", True),
        ("Llama 3.1-8|70|405B", "Llama 3.2-1|3|11|90B", False),
        (
            "The Llama 3 Herd of Models: Meta (Jul 2024)",
            "The Llama 3 Herd of Models (Section 3)",
            True,
        ),
        ("ZenFlow: Stall-Free Offloading", "ServerlessLoRA: Serverless Inference", False),
        (
            "Switch Transformers: Scaling to Trillion Parameter Models",
            "ZeRO-Offload: Democratizing Billion-Scale Model Training",
            False,
        ),
        (
            "The Impact of Reasoning Step Length on Large Language Models",
            "Say More with Less: Understanding Prompt Learning Behaviors",
            False,
        ),
    ],
)
def test_same_paper_title(a: str, b: str, same: bool) -> None:
    assert same_paper_title(a, b) is same
    assert same_paper_title(b, a) is same


def test_paper_links_lists_entries_with_a_paper_link_once() -> None:
    text = (
        "- [Orca](https://www.o.org/x/?utm_source=a): Serving | OSDI'22\n"
        "- [Serving](#serving)\n"
        "  - [[Paper]](http://a.org/2)\n"
    )
    document = parse_document(SourceText(text))
    rows = paper_links(document)
    assert [(e.line, link.url_value, title, key) for e, link, title, key in rows] == [
        (0, "https://www.o.org/x/?utm_source=a", "Orca: Serving", "https://o.org/x"),
        (2, "http://a.org/2", None, "https://a.org/2"),
    ]
    assert paper_links(document) is rows


@pytest.mark.parametrize(
    ("line", "title", "url"),
    [
        # the title before a venue label; the code link is never the paper's
        (
            "- Title A [[CVPR2019]](https://x.org/p) [[Pytorch]](https://github.com/a/b)",
            "Title A",
            "https://x.org/p",
        ),
        (
            "- Title B [[12 Feb 2020]](https://arxiv.org/abs/2002.04869v1)",
            "Title B",
            "https://arxiv.org/abs/2002.04869v1",
        ),
        # a trailing ", Venue Year." is not part of the title; commas inside it are
        (
            "- Relational biases, deep learning, and graphs, 2018. \\[[paper](https://a.org/r)\\]",
            "Relational biases, deep learning, and graphs",
            "https://a.org/r",
        ),
        ("- Social NCE, ICCV 2021. [[paper](https://a.org/s)]", "Social NCE", "https://a.org/s"),
        # a numbered bold-title block: the bold run is the title, not the authors
        (
            "15. **Unified Pre-training**. *Li Dong, Nan Yang*. Preprint. "
            "[[pdf](https://arxiv.org/pdf/1905.03197.pdf)] [[code & model](https://github.com/x/y)]",
            "Unified Pre-training",
            "https://arxiv.org/pdf/1905.03197.pdf",
        ),
        ("- Book Title [[Must read]](https://a.org/book)", "Book Title", "https://a.org/book"),
        # a leading link is the item itself, whatever its host or name
        (
            "- [Code Llama](https://github.com/meta/codellama)",
            "Code Llama",
            "https://github.com/meta/codellama",
        ),
        (
            "- [Python](https://github.com/vinta/awesome-python)",
            "Python",
            "https://github.com/vinta/awesome-python",
        ),
    ],
)
def test_title_and_paper_link_beside_resource_links(line: str, title: str, url: str) -> None:
    document = parse_document(SourceText(line + "\n"))
    entry = document.entries()[0]
    link = primary_link(document, entry)
    assert link is not None and link.url_value == url
    assert entry_title(document, entry) == title


@pytest.mark.parametrize(
    "line",
    [
        "* Title C (SIGMOD 2019) [GitHub Link](https://github.com/a/c)",
        "- Title D [Resource repo](https://github.com/a/d)",
        "- Title E [[PyTroch]](https://github.com/a/e)",
        "- See also [awesome GNN](https://github.com/a/gnn)",
        "- Trajnet: a benchmark. \\[[code](https://github.com/t/t)\\]",
    ],
)
def test_resource_links_are_not_the_paper(line: str) -> None:
    document = parse_document(SourceText(line + "\n"))
    assert primary_link(document, document.entries()[0]) is None


def test_papers_sharing_a_code_repository_are_not_one_paper() -> None:
    text = (
        "- Alpha, OSDI 2022. [[paper](https://a.org/1)] [[code](https://github.com/x/shared)]\n"
        "- Beta, SOSP 2023. [[paper](https://a.org/2)] [[code](https://github.com/x/shared)]\n"
    )
    document = parse_document(SourceText(text))
    assert [row[3] for row in paper_links(document)] == ["https://a.org/1", "https://a.org/2"]
