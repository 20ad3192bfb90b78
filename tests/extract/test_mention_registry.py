"""The registry of mention rules: named, each declaring what it reads and sets and whom it serves, in one
order, and each can be switched off for an ablation run."""
from __future__ import annotations

import pytest

from casewatch.extract import rules
from casewatch.extract.candidates import Cand
from casewatch.extract.context import Context, build_sentences


def test_every_rule_in_the_order_is_registered_and_described():
    assert set(rules.ORDER) == set(rules.RULES)
    for rule in rules.RULES.values():
        assert rule.reads and rule.sets and rule.serves, rule.name


def test_a_rule_switched_off_does_not_run(nlp, monkeypatch):
    text = "Police seized a PhoneMax from the flat."
    ctx = Context(text, nlp(text), [])
    build_sentences(ctx)
    span = ctx.doc.char_span(text.index("PhoneMax"), text.index("PhoneMax") + len("PhoneMax"))

    def people(off: str) -> list[str]:
        monkeypatch.setenv(rules.OFF_VARIABLE, off)
        out = rules.apply(ctx, [Cand(span.start, span.end, "PERSON")], set())
        return [ctx.doc[c.start:c.end].text for c in out if c.label == "PERSON"]

    assert people("") == []
    assert people("not_products") == ["PhoneMax"]


def test_an_unknown_rule_name_is_an_error(monkeypatch):
    monkeypatch.setenv(rules.OFF_VARIABLE, "no_such_rule")
    with pytest.raises(ValueError, match="no_such_rule"):
        rules.switched_off()
