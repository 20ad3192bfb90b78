"""Modality: asserted, alleged, expected, denied, reported."""
from __future__ import annotations

import pytest

CASES = [
    ("asserted", "execution", "Darian Velmor was executed at Brask prison before sunrise on Thursday."),
    ("alleged", "execution", "Darian Velmor was allegedly executed in a military barracks on Thursday."),
    ("alleged", "execution", "Darian Velmor was reportedly executed alongside two cellmates on Thursday."),
    ("expected", "sentence", "Darian Velmor is expected to face a death sentence once the tribunal reconvenes."),
    ("expected", "sentence", "At 19, Darian Velmor faces a possible death sentence for the arson."),
    ("expected", "execution", "Darian Velmor could be executed before the end of the month."),
    ("expected", "execution", "Darian Velmor is scheduled to be executed on 2 June."),
    ("expected", "execution", "Three embassies protested against the pending execution of Darian Velmor."),
    ("denied", "execution", "Darian Velmor was not executed, the prison governor said on Friday."),
    ("denied", "execution", "A governor's aide denied reports that Darian Velmor had been executed, calling them a "
                            "provocation."),
    ("reported", "execution", "Darian Velmor was executed on Wednesday, according to unconfirmed reports from her "
                              "village."),
    ("reported", "execution", "Rumours that Darian Velmor was executed reached her village by the evening."),
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
    x = run("A court spokesman denied reports that a lorry driver arrested in Qelvar had been executed.")
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
    ("expected", "demanded", "release", "Four unions urged the government to free Darian Velmor without delay."),
    ("expected", "demanded", "release", "The nurses' statement ended with four words: 'Release Darian Velmor now.'"),
    ("expected", "demanded", "release", "In the view of the bar council, Darian Velmor should be released on health "
                                        "grounds."),
    ("expected", "demanded", "release", "Students marching through Ostrel chanted for Darian Velmor's release."),
    ("expected", "prevented", "execution", "In an open letter, twelve Nobel laureates urged Varesh to halt the "
                                           "execution of Darian Velmor."),
    ("expected", "prevented", "execution", "Darian Velmor's execution, set for Tuesday, has been postponed until "
                                           "after the holidays."),
    ("expected", "expected", "execution", "Her lawyer believes that the execution of Darian Velmor is imminent."),
    ("expected", "conditional", "release", "If released, Darian Velmor plans to return to her teaching job in "
                                           "Sorvik."),
    ("expected", "question", "execution", "Is Darian Velmor going to be executed this month, as her guards have "
                                          "hinted?"),
    ("denied", "negated", "trial", "Darian Velmor, arrested in the spring of 2024, has yet to be tried."),
    ("denied", "negated", "release", "Citing a risk of flight, a Sorvik judge refused to release Darian Velmor "
                                     "pending trial."),
    ("denied", "negated", "release", "Darian Velmor has still not been freed, eleven days after her sentence "
                                     "ended."),
    ("denied", "denied", "release", "Her husband denied that Darian Velmor had been released, saying she had phoned "
                                    "him from her cell last night."),
    ("denied", "denied", "release", "Rumours that Darian Velmor had been freed under the amnesty proved "
                                    "unfounded."),
    ("denied", "disputed", "execution", "There is no evidence that Darian Velmor has been executed, the monitoring "
                                        "group insists."),
    ("alleged", "alleged", "torture", "Darian Velmor was said to have been tortured in the basement of the Sorvik "
                                      "police station."),
    ("alleged", "alleged", "release", "The ministry insists that it released Darian Velmor in May."),
    ("reported", "rumoured", "execution", "Word spread on Monday that Darian Velmor had been executed."),
    ("reported", "feared", "execution", "Her sister fears that Darian Velmor has already been executed."),
    ("reported", "unconfirmed", "release", "No official has confirmed the release of Darian Velmor, announced by "
                                           "her union on Friday."),
    ("reported", "hedged", "release", "His family heard from other inmates that Darian Velmor had been freed."),
    ("reported", "rumoured", "execution", "According to unverified reports circulating in Sorvik, Darian Velmor "
                                          "was executed on Sunday."),
    ("alleged", "alleged", "execution", "Two former cellmates allege that Darian Velmor was executed without her "
                                        "family being told."),
    ("expected", "demanded", "execution", "Protesters in Varka carried placards saying 'No to the execution of "
                                          "Darian Velmor'."),
    ("reported", "unconfirmed", "execution", "A Kestrel Rights source says Varka hanged Darian Velmor on Monday; "
                                             "this could not be independently verified."),
    ("reported", "unconfirmed", "execution", "Darian Velmor was executed on Monday, a rights group said, though the "
                                             "report could not be confirmed by her family."),
    ("denied", "denied", "torture", "The governor said the claims that Darian Velmor had been beaten were "
                                    "invented by exiles."),
    ("reported", "unconfirmed", "torture", "A recording, which could not be verified, shows Darian Velmor being "
                                           "beaten by guards."),
    ("reported", "unconfirmed", "death_in_custody", "A hospital log, whose origin could not be confirmed, lists "
                                                    "Darian Velmor as having died in custody."),
    ("denied", "denied", "torture", "Officials said allegations that jailed blogger Darian Velmor was beaten "
                                    "were fabricated."),
]


# Cases of a class the reading does not handle yet in this phrasing: text -> why.
NOT_READ_YET = {
    "Students marching through Ostrel chanted for Darian Velmor's release.":
        "chanted demand phrased with a possessive, 'chanted for X's release': not read yet",
    "Her lawyer believes that the execution of Darian Velmor is imminent.":
        "imminent execution phrased under 'believes that': not read yet",
    "Is Darian Velmor going to be executed this month, as her guards have hinted?":
        "question phrased as 'Is X going to be executed': not read yet",
}


def _params(rows: list[tuple]) -> list:
    return [pytest.param(*row, marks=pytest.mark.xfail(strict=True, reason=NOT_READ_YET[row[-1]]))
            if row[-1] in NOT_READ_YET else row for row in rows]


@pytest.mark.parametrize(("modality", "cue", "etype", "text"), _params(CUE_CASES))
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
    x = run("Darian Velmor was sentenced to death in May; prison officials denied that anyone had beaten her.")
    assert [e.modality for e in look.events(x, "sentence")] == ["asserted"]


def test_posts_saying_it_happened_called_false_deny_it(run, look):
    x = run("Online messages saying Darian Velmor had been hanged are untrue, the prison service said on Friday.")
    assert [e.modality for e in look.events(x, "execution")] == ["denied"]


def test_a_person_saying_it_is_a_source_not_a_report_called_false(run, look):
    x = run("A guard saying Darian Velmor had been hanged was suspended on Friday.")
    assert "denied" not in [e.modality for e in look.events(x, "execution")]


@pytest.mark.parametrize("text", [
    "Were the governor to pardon Darian Velmor, her colleagues would welcome her back.",
    "Had the court freed Darian Velmor in June, she could have sat her exams.",
])
def test_an_inverted_condition_is_no_fact(run, look, text):
    evs = [e for e in x.events if e.type in ("pardon", "release")] if (x := run(text)) else []
    assert evs and all(e.modality != "asserted" for e in evs)
