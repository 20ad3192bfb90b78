"""The CLI for people and decisions: users, tokens, reviews, the audit log; reviews survive a rebuild."""
from __future__ import annotations

import json
import sqlite3

import pytest

from tests_support import Cli

pytestmark = pytest.mark.slow


@pytest.fixture
def own_examples(example_db, tmp_path) -> Cli:
    copy = tmp_path / "casewatch.db"
    with sqlite3.connect(example_db) as a, sqlite3.connect(copy) as b:
        a.backup(b)
    return Cli(copy)


def test_users_and_tokens_from_the_cli(cli):
    added = cli("user", "add", "rana", "--role", "admin", "--password", "a long password")
    assert added.returncode == 0, added.stderr
    assert "rana: admin" in added.stdout
    assert cli("user", "add", "rana", "--password", "a long password").returncode == 2
    short = cli("user", "add", "bo", "--password", "short")
    assert short.returncode == 2 and "at least 8" in short.stderr and "Traceback" not in short.stderr
    wrong_role = cli("user", "add", "bo", "--role", "king", "--password", "a long password")
    assert wrong_role.returncode == 2 and "viewer, analyst, admin" in wrong_role.stderr
    assert cli("user", "role", "rana", "analyst").returncode == 0
    assert cli.json("user", "list") == [{"name": "rana", "role": "analyst", "created_at": cli.json("user", "list")[0][
        "created_at"], "disabled": False}]
    made = cli("token", "create", "rana", "--label", "nightly")
    assert made.returncode == 0
    secret = made.stdout.strip().splitlines()[-1]
    assert secret.startswith("cw_")
    tokens = cli.json("token", "list")
    assert [(t["user"], t["label"], t["revoked"]) for t in tokens] == [("rana", "nightly", False)]
    assert secret not in json.dumps(tokens)
    assert cli("token", "revoke", str(tokens[0]["id"])).returncode == 0
    assert cli.json("token", "list")[0]["revoked"] is True
    assert cli("token", "create", "nobody").returncode == 2
    assert cli("user", "disable", "rana").returncode == 0
    assert cli.json("user", "list")[0]["disabled"] is True
    actions = [e["action"] for e in cli.json("audit")]
    assert actions == ["user.change", "token.revoke", "token.create", "user.change", "user.add"]
    assert all(e["actor"].startswith("cli") for e in cli.json("audit"))


def test_a_password_prompt_when_none_is_given(cli):
    done = cli("user", "add", "ana", stdin=b"a long password\na long password\n")
    assert done.returncode == 0, done.stderr


def test_reviews_from_the_cli_survive_a_rebuild_with_the_same_ids(own_examples):
    cli = own_examples
    assert cli("user", "add", "ana", "--role", "analyst", "--password", "a long password").returncode == 0
    assert cli("user", "add", "vic", "--role", "viewer", "--password", "a long password").returncode == 0
    cf = cli.json("case", "Behnam Ostovari")
    fact = cf["facts"][0]
    event = cf["events"][0]
    refused = cli("review", cf["id"], fact["id"], "confirmed", "--user", "vic")
    assert refused.returncode == 2 and "analyst role" in refused.stderr
    assert cli("review", cf["id"], fact["id"], "confirmed", "--user", "ana", "--note", "seen").returncode == 0
    assert cli("review", cf["id"], event["id"], "rejected", "--user", "ana", "--note", "dup").returncode == 0
    bad = cli("review", cf["id"], event["id"], "edited", "--user", "ana", "--value", "x", "--note", "n")
    assert bad.returncode == 2 and "event cannot be edited" in bad.stderr
    before = cli.json("case", cf["id"])
    assert cli("rebuild").returncode == 0
    after = cli.json("case", cf["id"])
    assert after == before
    assert next(f for f in after["facts"] if f["id"] == fact["id"])["review"] == "confirmed"
    assert next(e for e in after["events"] if e["id"] == event["id"])["review"] == "rejected"
    actions = [e["action"] for e in cli.json("audit", "--limit", "4")]
    assert actions[0] == "rebuild" and actions.count("review") == 2
    assert cli.json("audit", "--action", "ingest")[0]["after"]["new"]


def test_a_case_is_assigned_from_the_cli_and_keeps_its_state_through_a_rebuild(own_examples):
    cli = own_examples
    assert cli("user", "add", "ana", "--role", "analyst", "--password", "a long password").returncode == 0
    cf = cli.json("case", "Behnam Ostovari")
    taken = cli("assign", cf["id"], "--state", "in_review", "--to", "ana", "--user", "ana", "--note", "mine")
    assert taken.returncode == 0, taken.stderr
    assert "in_review, assigned to ana" in taken.stdout
    wrong = cli("assign", cf["id"], "--state", "finished", "--user", "ana")
    assert wrong.returncode == 2 and "new, in_review, verified" in wrong.stderr
    assert cli("rebuild").returncode == 0
    work = cli.json("case", cf["id"])["work"]
    assert (work["state"], work["assignee"], work["by"], work["note"]) == ("in_review", "ana", "ana", "mine")
