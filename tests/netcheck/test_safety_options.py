"""Address safety, URL eligibility, option parsing, and that the core never loads httpx."""

from __future__ import annotations

import subprocess
import sys

import pytest

from awesome_lint.netcheck.facts import Outcome, classify
from awesome_lint.netcheck.options import DEFAULT_ACCEPT, LinkOptionError, validate_table
from awesome_lint.netcheck.safety import checkable, is_public


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.215.14", True),
        ("2606:4700::6810:85e5", True),
        ("127.0.0.1", False),
        ("127.8.9.10", False),
        ("::1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata
        ("fe80::1", False),
        ("fc00::1", False),
        ("224.0.0.1", False),
        ("ff02::1", False),
        ("0.0.0.0", False),
        ("100.64.0.1", False),  # carrier-grade NAT
        ("::ffff:127.0.0.1", False),  # IPv4-mapped loopback
        ("::ffff:10.0.0.1", False),
        ("2002:7f00:1::", False),  # 6to4 around 127.0.0.1
        ("not an address", False),
    ],
)
def test_is_public(address: str, public: bool) -> None:
    assert is_public(address) is public


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a", True),
        ("HTTP://example.org", True),
        ("ftp://example.org/", False),
        ("mailto:someone@example.org", False),
        ("#section", False),
        ("docs/README.md", False),
        ("https://", False),
        ("http://example.org:99999/", False),
    ],
)
def test_checkable(url: str, ok: bool) -> None:
    assert checkable(url) is ok


def test_validate_table_converts_values() -> None:
    table = validate_table(
        {
            "timeout": "30s",
            "max-age": {"dead": "12h"},
            "accept": [200, "300-302"],
            "github-token-env": "GITHUB_TOKEN",
        }
    )
    assert table["timeout"] == 30.0
    assert table["max_age"]["dead"] == 43200.0
    assert table["max_age"]["ok"] == 7 * 86400.0
    assert table["accept"] == frozenset({200, 300, 301, 302})
    with pytest.raises(LinkOptionError, match=r"links\.github-token-env"):
        validate_table({"github-token-env": "not a name"})
    with pytest.raises(LinkOptionError, match=r"links\.concurrency"):
        validate_table({"concurrency": 0})


def test_classify() -> None:
    assert classify(Outcome(200), DEFAULT_ACCEPT) == "ok"
    assert classify(Outcome(403), DEFAULT_ACCEPT) == "ok"  # bot walls are not dead links
    assert classify(Outcome(200, permanent="https://x"), DEFAULT_ACCEPT) == "redirected"
    assert classify(Outcome(404, permanent="https://x"), DEFAULT_ACCEPT) == "dead"
    assert classify(Outcome(451), DEFAULT_ACCEPT) == "unreachable"
    assert classify(Outcome(None, "nxdomain"), DEFAULT_ACCEPT) == "dead"
    assert classify(Outcome(None, "timeout"), DEFAULT_ACCEPT) == "unreachable"
    assert classify(Outcome(None, "blocked"), DEFAULT_ACCEPT) == "skipped"


@pytest.mark.slow
def test_an_ordinary_run_does_not_import_the_network_client() -> None:
    code = (
        "import sys\n"
        "from awesome_lint.cli import main\n"
        "try:\n"
        "    main(['--isolated', 'examples/messy-paper-list.md'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in ('httpx', 'httpcore', 'platformdirs', 'sqlite3', 'asyncio')"
        " if m in sys.modules))\n"
    )
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=repo, capture_output=True, text=True, check=False
    )
    assert proc.stdout.strip().splitlines()[-1] == "[]", proc.stderr


def test_readme_links_example_is_valid_and_shows_the_defaults() -> None:
    from pathlib import Path

    from awesome_lint.config.loader import parse_config_text, validate
    from awesome_lint.netcheck.options import LinkOptions, make_options

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Checking links", 1)[1].split("```toml\n", 1)[1].split("```")[0]
    options = make_options(validate(parse_config_text(block, "README"), "README")["links"])
    defaults = LinkOptions()
    assert options.enabled and options.github_token_env == "GITHUB_TOKEN"
    assert options.wants("https://example.org/") and not options.wants("https://linkedin.com/x")
    for key in ("accept", "timeout", "concurrency", "per_host", "pacing", "retries", "backoff"):
        assert getattr(options, key) == getattr(defaults, key), key
    assert options.max_age == defaults.max_age
    assert (options.max_redirects, options.allow_private) == (10, False)


def test_extend_merges_the_links_table(tmp_path: object) -> None:
    from pathlib import Path

    from awesome_lint.config.loader import load_file

    folder = Path(str(tmp_path))
    (folder / "base.toml").write_text("[links]\ntimeout = 5\nretries = 4\n", encoding="utf-8")
    (folder / ".awesome-lint.toml").write_text(
        'extend = "base.toml"\n[links]\nretries = 1\n', encoding="utf-8"
    )
    links = load_file(folder / ".awesome-lint.toml").values["links"]
    assert (links["timeout"], links["retries"]) == (5.0, 1)
