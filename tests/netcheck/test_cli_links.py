"""``--check-links`` end to end through the command line, against a local server.

Every URL is an IP literal on 127.0.0.1 (no lookup) and the configuration allows
private addresses, as the issue's example does:
``awesome-lint check --check-links --config "links.allow-private = true" README.md``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from awesome_lint.cli import main
from netcheck.server import LocalServer, Reply

ALLOW = [
    "--config",
    "links.allow-private = true",
    "--config",
    "links.backoff = 0.01",
    "--config",
    "links.pacing = 0",
]


@pytest.fixture
def server() -> LocalServer:
    with LocalServer() as running:
        yield running  # type: ignore[misc]


def lint(
    args: list[str], capsys: pytest.CaptureFixture[str], cache: Path | None = None
) -> tuple[int, str, str]:
    extra = ["--link-cache", str(cache)] if cache else []
    with pytest.raises(SystemExit) as exc:
        main(["check", "--isolated", "--output-format", "concise", *extra, *args])
    out, err = capsys.readouterr()
    code = exc.value.code
    assert isinstance(code, int)
    return code, out, err


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write_list(folder: Path, *urls: str) -> Path:
    lines = ["# Papers", ""] + [f"- [Paper {i}]({u}): Subtitle" for i, u in enumerate(urls)]
    path = folder / "README.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_dead_link_fails_the_run(
    server: LocalServer, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ok = server.route("/ok", Reply(200))
    dead = server.route("/dead", Reply(404))
    write_list(workdir, ok, dead)
    code, out, _ = lint(["--check-links", *ALLOW, "README.md"], capsys, workdir / "c.db")
    assert code == 1
    assert out.splitlines()[0] == "README.md:4:13: AL801 Dead link: HTTP 404"
    assert "Found 1 problem" in out


def test_unreachable_alone_is_a_warning_that_does_not_fail(
    server: LocalServer, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    down = server.route("/down", Reply(503))
    write_list(workdir, down)
    args = ["--check-links", *ALLOW, "--config", "links.retries = 1", "README.md"]
    code, out, _ = lint(args, capsys, workdir / "c.db")
    assert code == 0
    assert "AL803 Unreachable link: HTTP 503" in out
    code, out, _ = lint([*args, "--output-format", "github"], capsys, workdir / "c2.db")
    assert code == 0
    assert out.startswith("::warning title=awesome-lint (AL803)")
    code, out, _ = lint([*args, "--output-format", "sarif"], capsys, workdir / "c3.db")
    assert code == 0
    (result,) = json.loads(out)["runs"][0]["results"]
    assert (result["ruleId"], result["level"]) == ("AL803", "warning")


def test_json_output_carries_network_findings(
    server: LocalServer, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = server.route("/old", Reply(308, {"Location": "/new"}))
    server.route("/new", Reply(200))
    write_list(workdir, old)
    args = ["--check-links", *ALLOW, "--output-format", "json", "README.md"]
    code, out, _ = lint(args, capsys, workdir / "c.db")
    assert code == 1
    (finding,) = json.loads(out)
    assert finding["code"] == "AL802"
    assert finding["name"] == "redirected-link"
    assert finding["location"] == {"row": 3, "column": 13}
    assert finding["fix"]["applicability"] == "unsafe"
    assert finding["fix"]["edits"][0]["content"] == server.url("/new")


def test_unsafe_fix_rewrites_the_redirected_url_and_keeps_the_fragment(
    server: LocalServer, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.route("/old", Reply(301, {"Location": "/new"}))
    server.route("/new", Reply(200))
    path = write_list(workdir, server.url("/old") + "#results")
    args = ["--check-links", *ALLOW, "--fix", "--unsafe-fixes", "README.md"]
    code, _, _ = lint(args, capsys, workdir / "c.db")
    assert code == 0
    assert path.read_text(encoding="utf-8").splitlines()[2] == (
        f"- [Paper 0]({server.url('/new')}#results): Subtitle"
    )
    # without --unsafe-fixes nothing changes
    path = write_list(workdir, server.url("/old"))
    code, _, _ = lint(["--check-links", *ALLOW, "--fix", "README.md"], capsys, workdir / "c.db")
    assert code == 1
    assert server.url("/old") in path.read_text(encoding="utf-8")


def test_no_request_without_check_links(
    server: LocalServer, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_list(workdir, server.route("/dead", Reply(404)))
    code, out, _ = lint([*ALLOW, "README.md"], capsys)
    assert (code, out) == (0, "All checks passed!\n")
    code, _, _ = lint(["--check-links", *ALLOW, "--ignore", "AL8", "README.md"], capsys)
    assert code == 0
    assert server.seen == []


def test_private_addresses_are_not_contacted_by_default(
    server: LocalServer, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_list(workdir, server.route("/dead", Reply(404)), "http://[::1]:9/x")
    code, out, _ = lint(["--check-links", "README.md"], capsys, workdir / "c.db")
    assert (code, out) == (0, "All checks passed!\n")
    assert server.seen == []


def test_links_true_in_the_config_file_turns_checking_on(
    server: LocalServer, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_list(workdir, server.route("/gone", Reply(410)))
    (workdir / ".awesome-lint.toml").write_text(
        "[links]\nlinks = true\nallow-private = true\nretries = 0\n", encoding="utf-8"
    )
    with pytest.raises(SystemExit) as exc:
        main(["--output-format", "concise", "--link-cache", str(workdir / "c.db"), "README.md"])
    assert exc.value.code == 1
    assert "AL801 Dead link: HTTP 410" in capsys.readouterr().out


def test_the_cache_answers_a_second_run(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cache = workdir / "links.db"
    with LocalServer() as server:
        urls = [server.route("/ok", Reply(200)), server.route("/dead", Reply(404))]
        write_list(workdir, *urls)
        first = lint(["--check-links", *ALLOW, "README.md"], capsys, cache)
        assert len(server.seen) == 3  # HEAD /ok, HEAD and GET /dead
    # the server is gone: everything comes from the cache
    second = lint(["--check-links", *ALLOW, "README.md"], capsys, cache)
    assert second == first
    assert first[0] == 1


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("links.timeout = -1", "links.timeout must not be negative"),
        ("links.retry = 3", "unknown key 'retry' in [links]"),
        ("links.exclude = ['(']", "links.exclude: bad regular expression '('"),
        ("links.accept = [200, 999]", "links.accept: 999 is not a status code"),
        ("links.max-age = {fine = 3}", "links.max-age: unknown kind 'fine'"),
    ],
)
def test_bad_links_settings_are_one_line_errors(
    setting: str, message: str, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_list(workdir, "https://example.invalid/")
    code, out, err = lint(["--check-links", "--config", setting, "README.md"], capsys)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert message in err


def test_missing_extra_is_a_one_line_error(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "httpx", None)
    write_list(workdir, "https://example.invalid/")
    code, out, err = lint(["--check-links", "README.md"], capsys)
    assert (code, out) == (2, "")
    assert err == (
        "awesome-lint: error: --check-links needs the links extra: "
        "pip install 'awesome-lint[links]' (httpx is not installed)\n"
    )


def test_links_timeout_leaves_slow_links_unchecked_with_a_warning(
    server: LocalServer, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_list(
        workdir, server.route("/dead", Reply(404)), server.route("/slow", Reply(404, delay=3))
    )
    args = ["--check-links", *ALLOW, "--links-timeout", "0.5", "README.md"]
    code, out, err = lint(args, capsys, workdir / "c.db")
    assert code == 1
    assert out.count("AL801") == 1  # the slow link is not reported: it was not checked
    assert err == (
        "awesome-lint: warning: link check stopped after 0.5 s (--links-timeout): "
        "1 of 2 links not checked\n"
    )
    code, _, err = lint(["--check-links", "--links-timeout", "0", "README.md"], capsys)
    assert code == 2
    assert "Invalid value for '--links-timeout'" in err  # click's usage error, like any option


def test_default_cache_is_in_the_user_cache_folder(
    server: LocalServer, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    write_list(workdir, server.route("/ok", Reply(200)))
    code, _, _ = lint(["--check-links", *ALLOW, "README.md"], capsys)
    assert code == 0
    cache = Path(os.environ["XDG_CACHE_HOME"]) / "awesome-lint" / "links.sqlite3"
    assert cache.is_file()


def test_every_output_format_carries_the_network_findings(
    server: LocalServer, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from awesome_lint.reporters import FORMATS

    write_list(workdir, server.route("/dead", Reply(404)))
    cache = workdir / "c.db"
    for fmt in FORMATS:
        with pytest.raises(SystemExit) as exc:
            main(
                [
                    "--isolated",
                    "--check-links",
                    *ALLOW,
                    "--link-cache",
                    str(cache),
                    "--output-format",
                    fmt,
                    "README.md",
                ]
            )
        out = capsys.readouterr().out
        assert exc.value.code == 1, fmt
        assert "AL801" in out, fmt
    assert len(server.seen) == 2  # HEAD and GET once; every later run read the cache


def test_several_files_share_one_network_run(
    server: LocalServer, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dead = server.route("/dead", Reply(404))
    ignored = server.route("/ignored", Reply(404))
    docs = workdir / "docs"
    docs.mkdir()
    (docs / "a.md").write_text(f"# A\n\n- [One]({dead}): x\n", encoding="utf-8")
    (docs / "b.md").write_text(f"# B\n\n- [Two]({dead}#part): y\n", encoding="utf-8")
    (docs / "old.md").write_text(f"# Old\n\n- [Three]({ignored}): z\n", encoding="utf-8")
    (workdir / ".awesome-lint.toml").write_text(
        "[links]\nallow-private = true\npacing = 0\n\n"
        '[per-file-ignores]\n"docs/old.md" = ["AL8"]\n',
        encoding="utf-8",
    )
    with pytest.raises(SystemExit) as exc:
        main(
            [
                "--check-links",
                "--link-cache",
                str(workdir / "c.db"),
                "--output-format",
                "concise",
                "docs",
            ]
        )
    out = capsys.readouterr().out
    assert exc.value.code == 1
    assert out.splitlines()[:2] == [
        "docs/a.md:3:9: AL801 Dead link: HTTP 404",
        "docs/b.md:3:9: AL801 Dead link: HTTP 404",
    ]
    assert [s.path for s in server.seen] == ["/dead", "/dead"]  # HEAD and GET, once
