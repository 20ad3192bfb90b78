"""The CLI's follow, following, unfollow and alerts commands, run as a user runs them."""
from __future__ import annotations

import json

from alerts.support import add_change, new_store
from casewatch.store import open_store


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_follow_list_send_and_unfollow(cli, db, tmp_path):
    new_store(db).close()
    out_file = tmp_path / "alerts.jsonl"
    closed = _free_port()  # nothing listens there: the webhook is down
    hook = cli("follow", "--status", "sentenced_to_death,executed", "--user", "ana", "--notify",
               f"webhook:http://127.0.0.1:{closed}/T0KEN-path/x?key=K3Y")
    assert hook.returncode == 0, hook.stderr
    assert "follow 1: status sentenced_to_death,executed → webhook http://127.0.0.1/… (at once)" in hook.stdout
    secret = hook.stdout.split("X-Casewatch-Signature): ")[1].strip()
    assert len(secret) == 64
    by_name = cli("follow", "Dára Lindkvist", "--user", "vik", "--notify", f"file:{out_file}")
    assert by_name.returncode == 0, by_name.stderr
    listed = cli.json("following")
    assert [(f["id"], f["kind"], f["value"]) for f in listed] == [(1, "status", "sentenced_to_death,executed"),
                                                                   (2, "case", "case-lind01")]
    shown = cli("following").stdout + json.dumps(listed) + cli("audit").stdout + cli.json("audit").__repr__()
    assert "T0KEN" not in shown and "K3Y" not in shown and secret not in shown
    assert [f["id"] for f in cli.json("following", "--user", "vik")] == [2]

    store = open_store(db)
    seq = add_change(store)
    assert store.queue_alerts([seq]) == 2
    store.close()
    alerts = cli.json("alerts")
    assert [{k: a[k] for k in ("id", "change", "follow", "channel", "state", "attempts", "delivered_at")}
            for a in alerts] == [
        {"id": 2, "change": seq, "follow": 2, "channel": "file", "state": "pending", "attempts": 0,
         "delivered_at": None},
        {"id": 1, "change": seq, "follow": 1, "channel": "webhook", "state": "pending", "attempts": 0,
         "delivered_at": None}]
    sent = cli("alerts", "send")  # the webhook is down: it fails and waits; the file is written
    assert sent.returncode == 0, sent.stderr
    assert "sent 1 message(s) (1 alert(s)); 1 failed" in sent.stdout
    assert "T0KEN" not in sent.stdout
    assert [json.loads(line)["alert"] for line in out_file.read_text().splitlines()] == [2]
    assert [a["state"] for a in cli.json("alerts", "--state", "delivered")] == ["delivered"]
    assert [a["id"] for a in cli.json("alerts", "--state", "failing")] == [1]

    gone = cli("unfollow", "1")
    assert gone.returncode == 0 and "removed follow 1" in gone.stdout
    assert [f["id"] for f in cli.json("following")] == [2]
    assert [a["state"] for a in cli.json("alerts", "--state", "cancelled")] == ["cancelled"]


def test_follow_refuses_what_it_cannot_use_in_one_line(cli, db):
    new_store(db).close()
    cases = [
        (("--status", "hanged"), "choose from: reported, arrested"),
        (("--status", "executed", "--place", "Norvale"), "say what to follow"),
        ((), "say what to follow"),
        (("--place", "Norvale", "--notify-x",), "No such option"),
    ]
    for extra, said in cases:
        args = ["follow", *extra, "--user", "ana", "--notify", "email:ana@example.org"]
        got = cli(*args)
        assert got.returncode != 0 and said in got.stderr, (args, got.stderr)
        assert "Traceback" not in got.stderr
    nobody = cli("follow", "--status", "executed", "--user", "ghost", "--notify", "email:g@example.org")
    assert nobody.returncode == 2 and "casewatch user add ghost" in nobody.stderr
    bad = cli("follow", "--status", "executed", "--user", "ana", "--notify", "pigeon:roof")
    assert bad.returncode == 2 and "webhook:URL, email:ADDRESS or file:PATH" in bad.stderr
    assert cli("unfollow", "99").returncode == 2
