"""Reviews laid over a case file: marks, edits, and rejected items leaving the status and the counts."""
from __future__ import annotations

from casewatch.corroborate import build_case_files
from casewatch.corroborate.review import apply_reviews
from casewatch.models import Review
from corroborate.builders import Report, check_case_files, day, person

ENTITIES = {"p-ness": person("p-ness", "Lio Ness")}


def reports() -> list[Report]:
    a = Report("a", "Lio Ness, 31, was arrested on 2 May 2025. Lio Ness was sentenced to death.", outlet="North")
    who = a.mention("Lio Ness", "PERSON", "p-ness")
    a.event("arrest", "was arrested", who, date=day("2025-05-02", "2 May 2025"))
    a.event("sentence", "was sentenced", who, trigger="sentenced", details={"sentence": "death"})
    a.fact(who, "age", "31", "31")
    b = Report("b", "Lio Ness, 33, a teacher, was arrested in May.", outlet="South")
    a2 = b.mention("Lio Ness", "PERSON", "p-ness")
    b.fact(a2, "age", "33", "33")
    b.event("arrest", "was arrested", a2)
    return [a, b]


def build(reviews: dict[str, Review] | None = None) -> dict:
    rs = reports()
    docs = [r.build() for r in rs]
    (cf,) = build_case_files(docs, ENTITIES)
    if reviews is not None:
        (cf,) = build_case_files(docs, ENTITIES, {cf["id"]: reviews})
    check_case_files([cf], rs)
    return cf


def review(cf: dict, target: str, state: str, value: str | None = None) -> Review:
    kind = "fact" if target.startswith("fact") else "event" if target.startswith("event") else "conflict"
    return Review(cf["id"], target, kind, state, value, "because", "ana", "2026-01-01T00:00:00+00:00")


def test_without_reviews_everything_is_unreviewed():
    cf = build()
    assert {f["review"] for f in cf["facts"]} == {"unreviewed"}
    assert {e["review"] for e in cf["events"]} == {"unreviewed"}
    assert [c["field"] for c in cf["conflicts"]] == ["age"] and cf["conflicts"][0]["review"] == "unreviewed"
    assert cf["review"]["unreviewed"] == len(cf["facts"]) + len(cf["events"]) + len(cf["conflicts"])
    assert cf["status"] == "sentenced_to_death"


def test_ids_are_stable_and_a_confirmation_changes_nothing_but_the_mark():
    plain = build()
    fact = next(f for f in plain["facts"] if f["field"] == "age" and f["value"] == "31")
    reviewed = build({fact["id"]: review(plain, fact["id"], "confirmed")})
    assert [f["id"] for f in reviewed["facts"]] == [f["id"] for f in plain["facts"]]
    assert [c["id"] for c in reviewed["conflicts"]] == [c["id"] for c in plain["conflicts"]]
    shown = next(f for f in reviewed["facts"] if f["id"] == fact["id"])
    assert shown["review"] == "confirmed" and shown["reviewed"]["user"] == "ana"
    assert reviewed["status"] == plain["status"] and reviewed["review"]["confirmed"] == 1


def test_rejecting_the_wrong_age_removes_the_conflict_but_keeps_the_fact_marked():
    plain = build()
    wrong = next(f for f in plain["facts"] if f["field"] == "age" and f["value"] == "33")
    cf = build({wrong["id"]: review(plain, wrong["id"], "rejected")})
    assert cf["conflicts"] == []
    assert next(f for f in cf["facts"] if f["id"] == wrong["id"])["review"] == "rejected"


def test_a_rejected_event_no_longer_sets_the_status():
    plain = build()
    sentence = next(e for e in plain["events"] if e["type"] == "sentence")
    cf = build({sentence["id"]: review(plain, sentence["id"], "rejected")})
    assert cf["status"] == "arrested"
    assert next(e for e in cf["events"] if e["id"] == sentence["id"])["review"] == "rejected"


def test_an_edited_fact_and_a_settled_conflict():
    plain = build()
    fact = next(f for f in plain["facts"] if f["field"] == "age" and f["value"] == "31")
    conflict = plain["conflicts"][0]
    cf = build({fact["id"]: review(plain, fact["id"], "edited", "32"),
                conflict["id"]: review(plain, conflict["id"], "edited", "32")})
    shown = next(f for f in cf["facts"] if f["id"] == fact["id"])
    assert (shown["value"], shown["original_value"]) == ("32", "31")
    assert cf["conflicts"][0]["resolution"] == "32"


def test_apply_reviews_on_a_bare_file_counts_every_item():
    cf = {"facts": [{"id": "fact-1", "value": "a"}], "events": [{"id": "event-1"}], "conflicts": []}
    apply_reviews(cf, {"event-1": Review("c", "event-1", "event", "rejected", None, "n", "u", "t")})
    assert cf["review"] == {"confirmed": 0, "edited": 0, "rejected": 1, "unreviewed": 1}


def test_a_conflict_settled_by_rejecting_one_side_is_kept_as_settled():
    plain = build()
    assert "settled_conflicts" not in plain
    wrong = next(f for f in plain["facts"] if f["field"] == "age" and f["value"] == "33")
    cf = build({wrong["id"]: review(plain, wrong["id"], "rejected")})
    (settled,) = cf["settled_conflicts"]
    assert settled["id"] == plain["conflicts"][0]["id"] and settled["settled"] is True
    assert settled["resolution"] == "31"
    assert settled["settled_by"] == {"user": "ana", "at": "2026-01-01T00:00:00+00:00", "how": "rejected '33': because"}
    assert [v["value"] for v in settled["values"]] == ["31", "33"]


def test_an_edited_conflict_is_marked_settled_by_its_reviewer():
    plain = build()
    conflict = plain["conflicts"][0]
    cf = build({conflict["id"]: review(plain, conflict["id"], "edited", "31")})
    assert cf["conflicts"][0]["settled"] is True and cf["conflicts"][0]["settled_by"]["user"] == "ana"


def test_rejecting_the_denial_settles_a_status_conflict_on_the_stated_side():
    from corroborate.test_conflicts import ENTITIES as PASK
    from corroborate.test_conflicts import pask_denial, pask_sentenced_and_executed

    rs = [pask_sentenced_and_executed(), pask_denial()]
    docs = [r.build() for r in rs]
    (plain,) = [f for f in build_case_files(docs, PASK) if f["subject"]["name"] == "Oren Pask"]
    (conflict,) = [c for c in plain["conflicts"] if c["field"] == "status"]
    denial = next(e for e in plain["events"] if e["modality"] == "denied")
    (cf,) = [f for f in build_case_files(docs, PASK, {plain["id"]: {denial["id"]: review(plain, denial["id"],
                                                                                          "rejected")}})
             if f["id"] == plain["id"]]
    check_case_files([cf], rs)
    assert conflict["id"] not in [c["id"] for c in cf["conflicts"]]
    (settled,) = cf["settled_conflicts"]
    assert settled["id"] == conflict["id"] and settled["resolution"] == "executed"
    assert settled["settled_by"]["how"] == "rejected 'not executed': because"
