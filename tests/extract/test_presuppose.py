"""What unrealised events take for granted, and what a ruling acts on."""
from __future__ import annotations


def _has(x, look, etype: str, modality: str = "asserted") -> bool:
    return any(e.modality == modality and look.subject(x, e) == "Darian Velmor" for e in look.events(x, etype))


def test_a_halted_execution_presupposes_a_death_sentence(run, look):
    x = run("Writing to the prime minister on Friday, the bar association urged the authorities to halt the "
            "execution of Darian Velmor.")
    assert _has(x, look, "execution", "expected") and not _has(x, look, "execution")
    (sentence,) = look.events(x, "sentence")
    assert sentence.details == {"sentence": "death"} and sentence.cue == "presupposed"


def test_an_execution_that_hangs_on_a_conviction_presupposes_nothing(run, look):
    x = run("Darian Velmor could be executed if he is convicted of espionage.")
    assert not _has(x, look, "sentence")


def test_a_release_asked_for_presupposes_custody(run, look):
    x = run("Rights groups called for the release of Darian Velmor.")
    assert _has(x, look, "detention") and not _has(x, look, "release")


def test_a_sentence_to_come_presupposes_charges(run, look):
    x = run("Darian Velmor faces up to ten years in prison.")
    assert _has(x, look, "sentence", "expected") and _has(x, look, "charge")


def test_a_ruling_on_a_sentence_takes_it_as_a_fact(run, look):
    x = run("The group urged the court to quash the death sentence of Darian Velmor.")
    assert _has(x, look, "sentence")
    y = run("The death sentence against Darian Velmor was not carried out on Wednesday, his lawyer said; no new "
            "date has been set.")
    assert _has(y, look, "sentence") and _has(y, look, "execution", "denied")


def test_torture_in_custody_presupposes_detention(run, look):
    x = run("Darian Velmor was allegedly beaten during interrogation at a police station.")
    assert _has(x, look, "torture", "alleged") and _has(x, look, "detention")
