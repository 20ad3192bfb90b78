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


# cue classes: what governs the trigger says how sure the report is, and the cue says why
CUE_CASES = [
    ("expected", "demanded", "release", "Rights groups urged the authorities to free Darian Velmor immediately."),
    ("expected", "demanded", "release", "'Release her at once,' the group's statement said of Darian Velmor."),
    ("expected", "demanded", "release", "Darian Velmor should be released, the working group said."),
    ("expected", "demanded", "release", "Crowds chanted for the release of Darian Velmor outside the court."),
    ("expected", "prevented", "execution", "The group urged Tehran to halt the execution of Darian Velmor."),
    ("expected", "prevented", "execution", "The authorities postponed the execution of Darian Velmor again."),
    ("expected", "expected", "execution", "The execution of Darian Velmor is imminent, her lawyer warned."),
    ("expected", "conditional", "release", "If released, Darian Velmor would be the first of the group to go home."),
    ("expected", "question", "execution", "Is Darian Velmor to be executed before the holiday?"),
    ("denied", "negated", "trial", "Two years after her arrest, Darian Velmor has yet to be tried."),
    ("denied", "negated", "release", "The prosecutor refused to release Darian Velmor on bail."),
    ("denied", "negated", "release", "Darian Velmor has still not been freed, her brother said."),
    ("denied", "denied", "release", "It is not true that Darian Velmor has been released, her daughter said."),
    ("denied", "denied", "release", "Rumours that Darian Velmor had been freed proved unfounded."),
    ("denied", "disputed", "execution", "The group said it had no evidence that Darian Velmor had been executed."),
    ("alleged", "alleged", "torture", "Darian Velmor was said to have been beaten by guards."),
    ("alleged", "alleged", "release", "Officials insist Darian Velmor was released in May."),
    ("reported", "rumoured", "execution", "Word spread on Monday that Darian Velmor had been executed."),
    ("reported", "feared", "execution", "Her family fears that Darian Velmor was executed last week."),
    ("reported", "unconfirmed", "release", "Neither the prison nor the court has confirmed the release of Darian "
                                           "Velmor."),
    ("reported", "hedged", "release", "His family heard from other inmates that Darian Velmor had been freed."),
    ("reported", "rumoured", "execution", "According to unverified reports, Darian Velmor was executed at dawn."),
    ("alleged", "alleged", "execution", "Activists allege that Darian Velmor was secretly executed last month."),
    ("expected", "demanded", "execution", "'No to the execution of Darian Velmor' read the banners in Varka."),
    ("reported", "unconfirmed", "execution", "Kestrel Rights said Varka hanged Darian Velmor on Monday; the claim "
                                             "could not be independently verified."),
    ("reported", "unconfirmed", "execution", "Darian Velmor was executed on Monday, a rights group said. The "
                                             "report could not be confirmed."),
    ("denied", "denied", "torture", "The governor said the claims that Darian Velmor had been beaten were "
                                    "invented by exiles."),
    ("reported", "unconfirmed", "torture", "A recording, which could not be verified, shows Darian Velmor being "
                                           "beaten by guards."),
    ("reported", "unconfirmed", "death_in_custody", "A hospital log, whose origin could not be confirmed, lists "
                                                    "Darian Velmor as having died in custody."),
    ("denied", "denied", "torture", "Officials said allegations that jailed blogger Darian Velmor was beaten "
                                    "were fabricated."),
]


@pytest.mark.parametrize(("modality", "cue", "etype", "text"), CUE_CASES)
def test_cue_classes(run, look, modality, cue, etype, text):
    x = run(text)
    found = [(e.modality, e.cue) for e in look.events(x, etype) if look.subject(x, e) == "Darian Velmor"]
    assert (modality, cue) in found, found


def test_what_a_relative_clause_tells_stands_apart_from_a_demand(run, look):
    x = run("Rights groups urged the release of Darian Velmor, who has been held in Varka prison since May.")
    assert [e.modality for e in look.events(x, "release")] == ["expected"]
    assert "asserted" in [e.modality for e in look.events(x, "detention")]


def test_a_report_that_states_an_event_in_a_source_voice_asserts_it(run, look):
    x = run("Kestrel Rights said Darian Velmor was arrested in Sorvik on Monday.")
    arrest, = look.events(x, "arrest")
    assert arrest.modality == "asserted" and arrest.attribution is not None


def test_a_semicolon_ends_what_a_denial_reaches(run, look):
    x = run("Darian Velmor was sentenced to death on Sunday; the judiciary denied any mistreatment.")
    assert [e.modality for e in look.events(x, "sentence")] == ["asserted"]
