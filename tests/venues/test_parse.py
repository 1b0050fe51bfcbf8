"""The venue parser: exact spans, separators, years, qualifiers, workshops, styles."""

from __future__ import annotations

import pytest

from awesome_lint.venues.parse import (
    Style,
    VenueToken,
    dominant_style,
    find_venues,
    name_fix,
    parse_slot,
    parse_style,
    render,
    token_style,
)


def one(text: str) -> VenueToken:
    tokens = find_venues(text)
    assert len(tokens) == 1, tokens
    return tokens[0]


def parts(text: str, token: VenueToken) -> tuple[str, str, str, int | None, str | None]:
    return (text[slice(*token.span)], token.name, token.sep, token.year, token.canonical)


@pytest.mark.parametrize(
    ("text", "expected", "style"),
    [
        ("OSDI 22", ("OSDI 22", "OSDI", " ", 2022, "OSDI"), "{name} {yy}"),
        ("OSDI' 22", ("OSDI' 22", "OSDI", "' ", 2022, "OSDI"), "{name}' {yy}"),
        ("ATC’ 21", ("ATC’ 21", "ATC", "’ ", 2021, "USENIX ATC"), "{name}' {yy}"),
        ("MobiSys ’22", ("MobiSys ’22", "MobiSys", " ’", 2022, "MobiSys"), "{name} '{yy}"),
        ("Eurosys'23", ("Eurosys'23", "Eurosys", "'", 2023, "EuroSys"), "{name}'{yy}"),
        ("ICML 2022", ("ICML 2022", "ICML", " ", 2022, "ICML"), "{name} {yyyy}"),
        ("OSDI20", ("OSDI20", "OSDI", "", 2020, "OSDI"), "{name}{yy}"),
        ("Neurips2023", ("Neurips2023", "Neurips", "", 2023, "NeurIPS"), "{name}{yyyy}"),
        ("NIPS'97", ("NIPS'97", "NIPS", "'", 1997, "NeurIPS"), "{name}'{yy}"),
        ("SC 19", ("SC 19", "SC", " ", 2019, "SC"), "{name} {yy}"),
        ("ICPP-22", ("ICPP-22", "ICPP", "-", 2022, "ICPP"), "{name}-{yy}"),
        ("ICLR, 2024", ("ICLR, 2024", "ICLR", ", ", 2024, "ICLR"), "{name}, {yyyy}"),
        ("NeurIPS,2023", ("NeurIPS,2023", "NeurIPS", ",", 2023, "NeurIPS"), "{name},{yyyy}"),
    ],
)
def test_separators_and_years(
    text: str, expected: tuple[str, str, str, int, str], style: str
) -> None:
    token = one(text)
    assert parts(text, token) == expected
    assert token.style == style
    assert token.name_span == (0, len(token.name))
    assert token.year_span == (
        len(text) - 2 if token.year_text.__len__() == 2 else len(text) - 4,
        len(text),
    )


def test_exact_spans_in_a_trailing_author_list() -> None:
    text = "by Zihao Chen et al., PPoPP 2023"
    token = one(text)
    assert token.span == (22, 32)
    assert token.name_span == (22, 27)
    assert token.sep_span == (27, 28)
    assert token.year_span == (28, 32)
    assert token.year_part_span == (27, 32)
    assert token.wrapper == ""


def test_a_comma_before_a_four_digit_year_after_a_known_name() -> None:
    text = "Title (**CVPR, 2021**), ArXiv, 2024.8, NTU"
    tokens = find_venues(text)
    assert [(t.span, t.name, t.sep_span, t.year, t.month) for t in tokens] == [
        ((9, 19), "CVPR", (13, 15), 2021, None),
        ((24, 37), "ArXiv", (29, 31), 2024, 8),
    ]
    # no venue: an unknown name, a two-digit year, an apostrophe, a number
    for text in ("Smith, 2020", "ICLR, 24", "ICLR, '24", "ICLR', 2024", "vol. 3, 2019"):
        assert find_venues(text) == [], text
    assert parse_style("{name}, {yyyy}") == Style(", ", 4)
    assert render("ICLR", 2024, "{name}, {yyyy}") == "ICLR, 2024"


def test_underscore_emphasis_around_a_venue_is_no_part_of_it() -> None:
    text = "Jun Li and Sinisa Todorovic, _CVPR 2021_."
    token = one(text)
    assert (token.name, token.year, text[token.span[0] : token.span[1]]) == (
        "CVPR",
        2021,
        "CVPR 2021",
    )
    # an underscore inside a word still joins it: no venue in an identifier
    assert find_venues("see cvpr_2021_results for the numbers") == []


def test_two_digits_before_a_month_are_a_day_not_a_year() -> None:
    # "arXiv 12 Feb 2020" was read as arXiv 2012: the day taken for a two-digit year
    for text in ("[[arXiv 26 Jun 2018]]", "arXiv 12 Feb 2020", "[[arXiv 26 Jun]]", "OSDI 22 May"):
        assert find_venues(text) == [], text
    assert [(t.name, t.year) for t in find_venues("OSDI 22, May")] == [("OSDI", 2022)]
    assert [(t.name, t.year) for t in find_venues("arXiv 2020 Feb")] == [("arXiv", 2020)]


def test_multi_word_names_take_the_longest_known() -> None:
    text = "Tal Ben-Nun et al., ACM Computing Surveys 2020"
    token = one(text)
    assert (token.name, token.canonical, token.name_span) == (
        "ACM Computing Surveys",
        "CSUR",
        (20, 41),
    )
    text = "x | USENIX Security'23"
    assert one(text).name == "USENIX Security"
    assert one("IEEE MICRO'22").canonical == "IEEE Micro"


@pytest.mark.parametrize(
    ("text", "wrapper", "span"),
    [
        ("[OSDI'22] [Orca](u)", "[", (1, 8)),
        ("Orca (OSDI 2022) [link](u)", "(", (6, 15)),
        ("[Orca](u) `OSDI20`", "`", (11, 17)),
        ("- **Orca** [OSDI 2022] [paper](u)", "[", (12, 21)),
    ],
)
def test_wrappers(text: str, wrapper: str, span: tuple[int, int]) -> None:
    token = one(text)
    assert (token.wrapper, token.span) == (wrapper, span)


@pytest.mark.parametrize(
    ("text", "qualifiers", "year_end"),
    [
        ("EMNLP'23 Findings", ["Findings"], 8),
        ("NeurIPS'24 Workshop", ["Workshop"], 10),
        ("FAST'25 WiP", ["WiP"], 7),
        ("EuroSys' 25 (Best Paper)", ["(Best Paper)"], 11),
        ("IJCAI 2024 (Survey Track)", ["(Survey Track)"], 10),
        ("NeurIPS 2025 spotlight", ["spotlight"], 12),
        ("SC workshop'24", ["workshop"], 14),
    ],
)
def test_qualifiers_are_kept_as_written(text: str, qualifiers: list[str], year_end: int) -> None:
    token = one(text)
    assert [text[a:b] for a, b in token.qualifiers] == qualifiers
    assert token.span == (0, len(text))
    assert token.year_span is not None and token.year_span[1] == year_end


def test_glued_qualifier_keeps_separator_after_it() -> None:
    text = "SC workshop'24"
    token = one(text)
    assert (token.name, token.sep, token.sep_span, token.style) == (
        "SC",
        "'",
        (11, 12),
        "{name}'{yy}",
    )


@pytest.mark.parametrize(
    ("text", "workshop", "host"),
    [
        ("[NAIC @ SIGCOMM'24]", "NAIC", "SIGCOMM"),
        ("[EuroMLSys@EuroSys'24]", "EuroMLSys", "EuroSys"),
        ("[MLArchSys'24 @ ISCA'24]", "MLArchSys'24", "ISCA"),
        ("[ML for Sys workshop @ NeurIPS'24]", "ML for Sys workshop", "NeurIPS"),
    ],
)
def test_workshop_at_host(text: str, workshop: str, host: str) -> None:
    token = one(text)
    assert token.workshop_span is not None
    assert text[slice(*token.workshop_span)] == workshop
    assert token.canonical == host
    assert token.span == (1, len(text) - 1)
    assert token.wrapper == "["


def test_month_year() -> None:
    text = "[arxiv 2024.12]"
    token = one(text)
    assert (token.year, token.month, token.month_span, token.span) == (2024, 12, (11, 14), (1, 14))


def test_unknown_names_in_venue_shape() -> None:
    token = one("[SAA'25] Title")
    assert (token.name, token.match, token.year, token.known) == ("SAA", None, 2025, False)
    token = one("[NLP-OSS 2023] [paper](u)")
    assert (token.name, token.known) == ("NLP-OSS", False)


@pytest.mark.parametrize(
    "text",
    [
        "Stanford",
        "Google, UCB",
        "arXiv:2201.05596",
        "Llama 3-8|70B",
        "GPT-4 and Qwen25",
        "Chen 2023",
        "a cluster 2023 study",
        "Top 500 list",
        "(Fastswap)",
        "Orca 22",
    ],
)
def test_not_venues(text: str) -> None:
    assert find_venues(text) == []


def test_common_words_need_registry_case_in_free_text() -> None:
    assert find_venues("the Date 2023 results") == []
    assert [t.canonical for t in find_venues("DATE 2023")] == ["DATE"]
    assert [t.canonical for t in parse_slot("Cluster 2023").tokens] == ["CLUSTER"]


def test_bare_names_in_wrappers() -> None:
    text = "[arxiv] [Title](u)"
    token = one(text)
    assert (token.span, token.year, token.canonical, token.wrapper) == ((1, 6), None, "arXiv", "[")
    assert find_venues("(SC) x")[0].canonical == "SC"


def test_several_tokens() -> None:
    text = "arXiv:2201.05596 and ICML 2022."
    assert [(t.canonical, t.year, t.span) for t in find_venues(text)] == [("ICML", 2022, (21, 30))]
    text = "[MLSys'23] x (OSDI'22)"
    assert [t.canonical for t in find_venues(text)] == ["MLSys", "OSDI"]


def test_tokens_among_many_numbers_that_are_no_years() -> None:
    # the words with two digits in a row are the only ones tried: each is, in order
    text = (
        "LLM.int8(): 8-bit Matrix Multiplication with ResNet-50 on 3D Data <br> "
        "NeurIPS 2022 Workshop, arXiv 26 Jun 2018, ICLR, 2024 [x] (NAIC @ SIGCOMM'24) "
        "OSDI20 and 1024 GPUs, Top 500"
    )
    assert [
        (text[slice(*t.span)], t.name, t.year, [text[slice(*q)] for q in t.qualifiers])
        for t in find_venues(text)
    ] == [
        ("NeurIPS 2022 Workshop", "NeurIPS", 2022, ["Workshop"]),
        ("ICLR, 2024", "ICLR", 2024, []),
        ("NAIC @ SIGCOMM'24", "SIGCOMM", 2024, []),
        ("OSDI20", "OSDI", 2020, []),
    ]


@pytest.mark.parametrize(
    ("text", "venue", "unknown", "year_only"),
    [
        ("EuroSys' 26", True, False, False),
        ("Stanford", False, True, False),
        ("Google, UCB", False, True, False),
        ("  ", False, False, False),
        ("2023", False, False, True),
        ("OSDI", True, False, False),
        ("SAA'25", False, True, False),
        ("ICML ES-FoMo Workshop 2025", True, False, False),
        ("DeepSeek SC' 24", True, False, False),
        ("sc", False, True, False),
    ],
)
def test_slots(text: str, venue: bool, unknown: bool, year_only: bool) -> None:
    slot = parse_slot(text)
    assert (slot.is_venue, slot.is_unknown, slot.year_only) == (venue, unknown, year_only)


def test_styles_parse_and_render() -> None:
    assert parse_style("{name}'{yy}") == Style("'", 2)
    assert parse_style("{name} {yyyy}") == Style(" ", 4)
    assert render("OSDI", 2022, "{name} '{yy}") == "OSDI '22"
    assert render("OSDI", 2005, "{name}{yy}") == "OSDI05"
    assert render("ICML", 2022, Style(" ", 4)) == "ICML 2022"
    for bad in ("{name}/{yy}", "{yy}{name}", "{name}'{y}", "consistent", ""):
        with pytest.raises(ValueError, match="is not understood"):
            parse_style(bad)


def test_token_style_normalises_apostrophes() -> None:
    assert token_style(one("ATC’ 21")) == Style("' ", 2)
    assert token_style(one("[arxiv]")) is None


def test_dominant_style_prefers_default_on_ties() -> None:
    a, b = Style(" ", 4), Style("'", 2)
    assert dominant_style([a, a, b]) == a
    assert dominant_style([a, b]) == b
    assert dominant_style([a, Style(" ", 2)]) == a  # first of the tied, no default among them
    assert dominant_style([]) == b


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Eurosys'23", "EuroSys"),
        ("EUROSYS'23", "EuroSys"),
        ("arxiv'24", "arXiv"),
        ("arixv'24", "arXiv"),
        ("PPOPP'24", "PPoPP"),
        ("pvldb'22", "PVLDB"),
        ("OSDI'22", None),
        ("ATC'22", None),
        ("NIPS'19", None),
        ("SAA'25", None),
    ],
)
def test_name_fix(text: str, fixed: str | None) -> None:
    assert name_fix(one(text)) == fixed


def test_a_lone_dot_before_the_name_is_not_part_of_it() -> None:
    text = "*Li Dong, Nan Yang*. EMNLP 2019. "
    (token,) = find_venues(text)
    assert token.name == "EMNLP"
    assert text[token.span[0] : token.span[1]] == "EMNLP 2019"


def test_equal_styles_hash_alike_and_count_as_one() -> None:
    counts = {Style("'", 2): 3, Style(" ", 4): 1}
    assert counts[parse_style("{name}'{yy}")] == 3
    assert counts[parse_style("{name} {yyyy}")] == 1
    assert Style("'", 4) not in counts and Style(" '", 2) not in counts
    assert hash(Style("-", 4)) == hash(parse_style("{name}-{yyyy}"))


def test_an_apostrophe_after_the_year_is_read_but_has_no_style() -> None:
    # "(ECCV 24')", a list's habit (61 entries of one list outside the corpus): the
    # venue and its year are read, the apostrophe is part of the token, and its style
    # is none a rule can write, so no style finding rewrites it (nor takes it as one)
    text = "- (ECCV 24') Video Editing via Factorized Diffusion Distillation"
    token = one(text)
    assert (text[slice(*token.span)], token.name, token.year, token.tail) == (
        "ECCV 24'",
        "ECCV",
        2024,
        "'",
    )
    assert token.year_span == (8, 10)
    assert token.style == "{name} {yy}'"
    assert token_style(token) is None
    # the same separator without the tail keeps its style (one cache, two keys)
    assert token_style(one("(CVPR '24) x")) == Style(" '", 2)
    assert token_style(one("(CVPR 24) x")) == Style(" ", 2)
    assert [(t.name, t.year, t.tail) for t in find_venues("NeurIPS 2023.10' x")] == [
        ("NeurIPS", 2023, "'")
    ]
    # an unknown name, a quoted number, a year with apostrophes on both sides: no venue
    for text in ("(Preprint 23') z", "in the 90' x", "ICLR' 24' q", "(CVPR '24') x"):
        assert find_venues(text) == [], text
