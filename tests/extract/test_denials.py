"""Denials that point back to a statement or a rumour told before them."""
from __future__ import annotations


def test_denying_the_report_denies_the_statement_before_it(run, look):
    x = run("A Kestrel Rights bulletin said Darian Velmor had been executed in Varka; within hours the governor's "
            "press office denied the report.")
    assert sorted(e.modality for e in look.events(x, "execution")) == ["asserted", "denied"]


def test_a_rumour_called_false(run, look):
    x = run("Word spread that Darian Velmor had been freed, but his mother said the rumour was false.")
    assert sorted(e.modality for e in look.events(x, "release")) == ["denied", "reported"]


def test_a_denial_of_something_else_points_back_to_nothing(run, look):
    x = run("Kestrel Rights said Darian Velmor had been arrested. The ministry denied any mistreatment.")
    assert [e.modality for e in look.events(x, "arrest")] == ["asserted"]


def test_a_person_denying_the_accusation_pleads_and_denies_no_event(run, look):
    x = run("According to Kestrel Rights, the indictment against Darian Velmor accuses him of arson. "
            "Darian Velmor denies the accusation.")
    assert "denied" not in [e.modality for e in look.events(x, "charge")]


def test_this_was_not_true_points_back(run, look):
    x = run("State media said Darian Velmor had been released, but her sister said this was not true.")
    assert sorted(e.modality for e in look.events(x, "release")) == ["asserted", "denied"]


def test_my_son_in_a_mothers_quote_is_her_son(run, look):
    x = run("'My son has not been freed, whatever the radio says,' the mother of Darian Velmor told reporters.")
    assert [e.modality for e in look.events(x, "release")] == ["denied"]
    assert all(x.mentions[e.subject].text == "Darian Velmor" for e in look.events(x, "release"))


def test_unverifiable_content_of_its_own_clause_is_not_pointed_back_to(run, look):
    x = run("Police arrested Darian Velmor on Monday. It could not be confirmed whether she had a lawyer.")
    assert [e.modality for e in look.events(x, "arrest")] == ["asserted"]


def test_no_source_able_to_verify_it_leaves_the_statement_unconfirmed(run, look):
    x = run("Kestrel Rights wrote that Darian Velmor had been hanged in Varka; no other group has been able to "
            "verify it.")
    assert [(e.modality, e.cue) for e in look.events(x, "execution")] == [("reported", "unconfirmed")]


def test_a_report_called_unconfirmed_points_back(run, look):
    x = run("Darian Velmor was freed from Brask jail on Friday, a cousin said. The report remains unconfirmed.")
    assert [(e.modality, e.cue) for e in look.events(x, "release")] == [("reported", "unconfirmed")]


def test_a_building_called_unconfirmed_is_no_report(run, look):
    x = run("Darian Velmor was freed from Brask jail on Friday, a cousin said. The jail is overcrowded.")
    assert [e.modality for e in look.events(x, "release")] == ["asserted"]
