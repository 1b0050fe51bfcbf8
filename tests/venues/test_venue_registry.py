"""The venue registry: shipped data, lookup rules, search and user extension."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from awesome_lint.venues.registry import (
    DATA_FILE,
    MatchKind,
    Rename,
    Venue,
    VenueRegistry,
    default_registry,
    load_registry,
)

REPO = Path(__file__).resolve().parents[2]
SHARED_CSV = REPO / ".." / "shared" / "data" / "venues.csv"


def build_venues() -> Any:
    spec = importlib.util.spec_from_file_location("build_venues", REPO / "scripts/build_venues.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_venues"] = module
    spec.loader.exec_module(module)
    return module


def test_committed_data_equals_a_fresh_build() -> None:
    if not SHARED_CSV.is_file():
        pytest.skip("../shared/data/venues.csv is not present")
    assert build_venues().render(SHARED_CSV) == DATA_FILE.read_text(encoding="utf-8")


def test_the_python_module_holds_the_json_data() -> None:
    """``data.py`` (what the package loads) is what build_venues.py writes for venues.json."""
    module = build_venues()
    expected = module.render_module(json.loads(DATA_FILE.read_text(encoding="utf-8")))
    assert module.module_path(DATA_FILE).read_text(encoding="utf-8") == expected


def test_the_shipped_registry_is_the_json_registry() -> None:
    shipped, from_json = default_registry(), load_registry()
    assert shipped == from_json
    assert [tuple(getattr(v, f) for f in v._fields) for v in shipped] == [
        tuple(getattr(v, f) for f in v._fields) for v in from_json
    ]
    nips = shipped.lookup("NIPS")
    assert nips is not None and nips.venue.rename("NIPS") == Rename("NIPS", None, 2017)


def test_build_writes_the_json_and_the_module(tmp_path: Path) -> None:
    module = build_venues()
    csv_path = tmp_path / "venues.csv"
    csv_path.write_text(
        "canonical,full_name,aliases,kind,source,notes\n"
        "NeurIPS,Neural Information Processing Systems,NIPS;Neurips,conference,s,n\n"
        "USENIX ATC,USENIX Annual Technical Conference,ATC;SIGOPS ATC,conference,s,\n"
        "MLSys,Conference on Machine Learning and Systems,SysML,conference,s,\n"
        "IPDPS,International Parallel and Distributed Processing Symposium,IPPS,conference,s,\n",
        encoding="utf-8",
    )
    out = tmp_path / "venues.json"
    assert module.main(["build_venues.py", str(csv_path), str(out)]) == 0
    loaded = load_registry(out)
    namespace: dict[str, Any] = {}
    exec((tmp_path / "data.py").read_text(encoding="utf-8"), namespace)
    rows = namespace["VENUES"]
    assert len(rows) == len(loaded) == 4 + len(module.EXTRA_ROWS)
    assert rows[0] == (
        "NeurIPS",
        "Neural Information Processing Systems",
        "conference",
        (),
        ("Neurips",),
        (("NIPS", None, 2017),),
        "n",
        "s",
    )


def test_data_header_credits_sources() -> None:
    text = DATA_FILE.read_text(encoding="utf-8")
    assert "ccfddl/ccf-deadlines" in text
    assert "WenyanLiu/CCFrank4dblp" in text
    assert text.count('"license": "MIT"') == 2


def test_shipped_registry_size_and_kinds() -> None:
    reg = default_registry()
    assert len(reg) == 282  # the CSV's 223 and build_venues.py's 59 extra rows
    assert reg.get("OSDI") is not None
    for name, canonical in (
        ("RAL", "RA-L"),
        ("TITS", "T-ITS"),
        ("IEEE T-IV", "T-IV"),
        ("IEEE ACCESS", "IEEE Access"),
        ("IEEE TMI", "TMI"),
        ("TRO", "T-RO"),
        ("Biorxiv", "bioRxiv"),
        ("medRxiv", "medRxiv"),
    ):
        match = reg.lookup(name)
        assert match is not None and match.venue.canonical == canonical
    assert {v.kind for v in reg} == {"conference", "journal", "workshop", "preprint"}
    assert default_registry() is reg  # cached


def test_exact_canonical() -> None:
    m = default_registry().lookup("OSDI")
    assert m is not None
    assert (m.venue.canonical, m.kind, m.exact, m.preferred) == (
        "OSDI",
        MatchKind.CANONICAL,
        True,
        "OSDI",
    )


def test_case_variant_of_long_name() -> None:
    m = default_registry().lookup("EUROSYS")
    assert m is not None
    assert (m.venue.canonical, m.kind, m.exact, m.preferred) == (
        "EuroSys",
        MatchKind.CANONICAL,
        False,
        "EuroSys",
    )


def test_listed_misspelling() -> None:
    m = default_registry().lookup("arixv")
    assert m is not None
    assert (m.venue.canonical, m.kind, m.preferred) == ("arXiv", MatchKind.MISSPELLING, "arXiv")
    m = default_registry().lookup("Eurosys")
    assert m is not None and m.kind is MatchKind.MISSPELLING and m.exact


def test_short_names_match_case_sensitively() -> None:
    reg = default_registry()
    assert reg.lookup("sc") is None
    assert reg.lookup("Atc") is None
    m = reg.lookup("ATC")
    assert m is not None and m.venue.canonical == "USENIX ATC" and m.kind is MatchKind.ALIAS
    m = reg.lookup("LOG")  # listed: LoG's case variant
    assert m is not None and m.preferred == "LoG"


def test_punctuation_variant_is_a_misspelling() -> None:
    m = default_registry().lookup("EuroPar")
    assert m is not None
    assert (m.venue.canonical, m.kind, m.exact, m.preferred) == (
        "Euro-Par",
        MatchKind.MISSPELLING,
        False,
        "Euro-Par",
    )


def test_alias_keeps_its_own_spelling() -> None:
    m = default_registry().lookup("usenix atc")
    assert m is not None
    assert (m.venue.canonical, m.kind, m.preferred) == (
        "USENIX ATC",
        MatchKind.CANONICAL,
        "USENIX ATC",
    )
    m = default_registry().lookup("pvldb")
    assert m is not None
    assert (m.venue.canonical, m.kind, m.preferred) == ("VLDB", MatchKind.ALIAS, "PVLDB")


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("IEEE Trans. Intell. Transp. Syst.", "T-ITS"),  # ISO 4
        ("IEEE Trans. Intell. Transport. Systems", "T-ITS"),  # written in the corpus
        ("IEEE Trans. Intell. Veh.", "T-IV"),  # ISO 4
    ],
)
def test_abbreviated_journal_names_are_aliases(name: str, canonical: str) -> None:
    m = default_registry().lookup(name)
    assert m is not None
    assert (m.venue.canonical, m.kind, m.preferred) == (canonical, MatchKind.ALIAS, name)


def test_renames_with_years() -> None:
    reg = default_registry()
    m = reg.lookup("NIPS")
    assert m is not None and m.kind is MatchKind.RENAME and m.venue.canonical == "NeurIPS"
    rename = m.venue.rename("NIPS")
    assert rename == Rename("NIPS", None, 2017)
    assert rename.covers(2017) and not rename.covers(2018)
    sysml = reg.lookup("SysML")
    assert sysml is not None and sysml.venue.rename("SysML") == Rename("SysML", 2018, 2019)
    atc = reg.lookup("SIGOPS ATC")
    assert atc is not None and atc.venue.rename("SIGOPS ATC") == Rename("SIGOPS ATC", 2026, None)


def test_unknown_names() -> None:
    reg = default_registry()
    for name in ("Stanford", "SAA", "MLArchSys", "Google, UCB", "", "  "):
        assert reg.lookup(name) is None, name


def test_whitespace_is_normalised() -> None:
    m = default_registry().lookup("USENIX   Security")
    assert m is not None and m.venue.canonical == "USENIX Security" and m.exact


def test_exact_preferred_is_lookup_s_preferred_for_every_registry_name() -> None:
    reg = default_registry()
    names = [name for venue in reg for name in venue.names()]
    assert len(names) > 400
    for name in names:
        match = reg.lookup(name)
        assert match is not None and match.exact, name
        assert reg.exact_preferred(name) == match.preferred, name
    assert reg.exact_preferred("Neurips") == "NeurIPS"  # a misspelling: the canonical name
    assert reg.exact_preferred("NIPS") == "NIPS"  # a former name keeps its spelling
    assert reg.exact_preferred("ATC") == "ATC"  # an alias keeps its own spelling
    assert reg.exact_preferred("USENIX   Security") == "USENIX Security"
    for other in ("osdi", "Stanford", "", "  "):  # not written as the registry writes it
        assert reg.exact_preferred(other) is None, other


def test_search() -> None:
    reg = default_registry()
    assert [v.canonical for v in reg.search("osdi")] == ["OSDI"]
    hits = [v.canonical for v in reg.search("Operating Systems")]
    assert "OSDI" in hits and "SOSP" in hits and "ASPLOS" in hits
    assert reg.search("nips")[0].canonical == "NeurIPS"
    assert len(reg.search("")) == len(reg)


def test_extended_with_names_tables_and_aliases() -> None:
    reg = default_registry().extended(
        ["SAA", {"name": "MLArchSys", "kind": "workshop", "aliases": ["ML Arch Sys"]}],
        {"Oak": "IEEE S&P"},
    )
    assert len(reg) == len(default_registry()) + 2
    saa = reg.lookup("SAA")
    assert saa is not None and saa.venue.source == "config"
    m = reg.lookup("ML Arch Sys")
    assert m is not None and m.venue.canonical == "MLArchSys" and m.venue.kind == "workshop"
    oak = reg.lookup("Oak")
    assert oak is not None and oak.venue.canonical == "IEEE S&P" and oak.kind is MatchKind.ALIAS
    assert default_registry().lookup("SAA") is None  # the default is untouched


@pytest.mark.parametrize(
    ("extra", "aliases", "message"),
    [
        ([""], {}, "extra-venues: empty venue name"),
        ([{"name": "X", "colour": "red"}], {}, "extra-venues: unknown key 'colour'"),
        ([{"name": "X", "kind": "blog"}], {}, "extra-venues: kind 'blog' is not one of"),
        ([{"kind": "workshop"}], {}, "extra-venues: a table needs a 'name'"),
        ([3], {}, "extra-venues: 3 is neither a name nor a table"),
        ([], {"Foo": "Nowhere"}, "aliases: 'Foo' maps to unknown venue 'Nowhere'"),
        (["NSDI"], {}, "extra-venues: 'NSDI' is already a known venue"),
    ],
)
def test_extended_rejects_bad_config(
    extra: list[object], aliases: dict[str, str], message: str
) -> None:
    with pytest.raises(ValueError) as info:
        default_registry().extended(extra, aliases)  # type: ignore[arg-type]
    assert str(info.value).startswith(message)


def test_alias_clash_is_an_error() -> None:
    with pytest.raises(ValueError, match="given to both 'A1' and 'B1'"):
        VenueRegistry((Venue("A1", aliases=("Same",)), Venue("B1", aliases=("Same",))))


def test_load_registry_from_path(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    path.write_text(
        '{"venues": [{"canonical": "Foo", "renames": [{"name": "Bar", "last": 2000}]}]}',
        encoding="utf-8",
    )
    reg = load_registry(path)
    m = reg.lookup("Bar")
    assert (
        m is not None
        and m.kind is MatchKind.RENAME
        and m.venue.rename("Bar") == Rename("Bar", None, 2000)
    )
