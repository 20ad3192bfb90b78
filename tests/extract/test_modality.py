"""Modality: asserted, alleged, expected, denied, reported."""
from __future__ import annotations

import pytest

CASES = [
    ("asserted", "execution", "Darian Velmor was executed on Thursday."),
    ("alleged", "execution", "Darian Velmor was allegedly executed on Thursday."),
    ("alleged", "execution", "Darian Velmor was reportedly executed on Thursday."),
    ("expected", "sentence", "Darian Velmor is expected to face a death sentence."),
    ("expected", "sentence", "Darian Velmor faces a possible death sentence."),
    ("expected", "execution", "Darian Velmor could be executed at any time."),
    ("expected", "execution", "Darian Velmor is scheduled to be executed next week."),
    ("expected", "execution", "Lawmakers condemned the pending execution of Darian Velmor."),
    ("denied", "execution", "Darian Velmor was not executed, the judiciary said."),
    ("denied", "execution", "The judiciary denied reports that Darian Velmor had been executed."),
    ("reported", "execution", "There are unconfirmed reports that Darian Velmor was executed."),
    ("reported", "execution", "Rumours that Darian Velmor was executed spread quickly."),
]


@pytest.mark.parametrize(("modality", "etype", "text"), CASES)
def test_modality(run, look, modality, etype, text):
    x = run(text)
    found = [e.modality for e in look.events(x, etype) if look.subject(x, e) == "Darian Velmor"]
    assert found == [modality]


def test_facing_a_death_sentence_is_not_being_sentenced(run, look):
    x = run("Darian Velmor faces a death sentence.")
    assert [e.modality for e in look.events(x, "sentence")] == ["expected"]


def test_accused_of_gives_an_alleged_charge(run, look):
    x = run("Darian Velmor was charged with sabotage after he allegedly set fire to a police car.")
    assert [e.modality for e in look.events(x, "charge")] == ["asserted"]
    y = run("Darian Velmor was allegedly charged with sabotage.")
    assert [e.modality for e in look.events(y, "charge")] == ["alleged"]


def test_denial_of_one_event_leaves_another_asserted(run, look):
    x = run("The judiciary denied reports that a driver arrested in Qelvar had been executed.")
    assert [e.modality for e in look.events(x, "arrest")] == ["asserted"]
    assert [e.modality for e in look.events(x, "execution")] == ["denied"]


def test_what_ought_to_be_is_not_an_event(run, look):
    x = run("\"He should be in his classroom, not facing the gallows,\" the director said.")
    assert look.events(x, "sentence") == []


def test_alive_denies_an_execution_in_a_report_about_one(run, look):
    x = run("Rumours spread that Darian Velmor had been executed. "
            "\"Darian Velmor is alive and well,\" a judiciary spokesman said.")
    denied = [e for e in look.events(x, "execution") if e.modality == "denied"]
    assert [look.subject(x, e) for e in denied] == ["Darian Velmor"]
    assert denied[0].attribution.name == "a judiciary spokesman"
    y = run("Darian Velmor is alive and well, his family said.")
    assert look.events(y, "execution") == []
