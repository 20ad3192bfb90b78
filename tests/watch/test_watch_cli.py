"""The sources commands as a user types them: one clear line for what cannot be done, the exit status tells."""
from __future__ import annotations

from tests_support import Cli


def test_sources_are_added_listed_paused_resumed_and_removed(tmp_path):
    cli = Cli(tmp_path / "casewatch.db")
    added = cli("sources", "add", "https://www.velmar-news.example/feed.xml", "--every", "2h")
    assert added.returncode == 0, added.stderr
    assert "source 1 added: velmar-news.example" in added.stdout
    [row] = cli.json("sources", "list")
    assert (row["name"], row["every_seconds"], row["kind"], row["state"]) == ("velmar-news.example", 7200, None,
                                                                             "active")
    assert "paused" in cli("sources", "pause", "1").stdout
    assert cli.json("sources", "list")[0]["state"] == "paused"
    assert "active" in cli("sources", "resume", "1").stdout
    table = cli("sources", "list").stdout
    assert "velmar-news.example" in table and "2h" in table and "not fetched yet" in table
    assert cli("sources", "remove", "1").returncode == 0
    assert cli.json("sources", "list") == []
    actions = [e["action"] for e in cli.json("audit")]
    assert actions[:4] == ["source.remove", "source.resume", "source.pause", "source.add"]


def test_what_cannot_be_done_is_one_line_and_exit_2(tmp_path):
    cli = Cli(tmp_path / "casewatch.db")
    for args, says in ((("sources", "add", "ftp://files.example/feed"), "is not a web address"),
                       (("sources", "add", "https://ok.example/feed", "--every", "soon"), "30m"),
                       (("sources", "pause", "7"), "no source 7"),
                       (("fetch", "--source", "7"), "no source 7")):
        got = cli(*args)
        assert got.returncode == 2, (args, got.stdout, got.stderr)
        assert says in got.stderr and len(got.stderr.strip().splitlines()) == 1, (args, got.stderr)
        assert "Traceback" not in got.stderr


def test_a_fetch_with_nothing_due_says_so_and_asks_for_a_contact(tmp_path):
    cli = Cli(tmp_path / "casewatch.db")
    got = cli("fetch")
    assert got.returncode == 0
    assert "no source is due" in got.stdout
    assert "no contact is set" in got.stderr
    config = tmp_path / "casewatch.toml"
    config.write_text('contact = "mailto:desk@example.org"\n', encoding="utf-8")
    assert "no contact" not in cli("--config", str(config), "fetch").stderr
    config.write_text('contact = 5\n', encoding="utf-8")
    wrong = cli("--config", str(config), "fetch")
    assert wrong.returncode == 2 and "contact must be a str" in wrong.stderr
    config.write_text('contcat = "x"\n', encoding="utf-8")
    assert "unknown setting 'contcat'" in cli("--config", str(config), "fetch").stderr
