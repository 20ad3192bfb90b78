"""Denials that point back to a statement or a rumour told before them."""
from __future__ import annotations


def test_denying_the_report_denies_the_statement_before_it(run, look):
    x = run("Kestrel Rights said on Tuesday that Darian Velmor had been executed in Varka; the provincial judiciary "
            "denied the report hours later.")
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
