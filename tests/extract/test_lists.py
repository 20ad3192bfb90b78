"""Several people in one sentence or list: each with their own event and sentence."""
from __future__ import annotations

import pytest


def _terms(x, look) -> dict[str, str]:
    return {look.subject(x, e): e.details.get("length") or e.details.get("sentence")
            for e in look.events(x, "sentence") if e.subject is not None}


def test_a_co_defendant_sentenced_in_the_same_breath(run, look):
    x = run("Arash Kamali was sentenced to death and his co-defendant Sina Jafari to six years in prison.")
    assert _terms(x, look) == {"Arash Kamali": "death", "Sina Jafari": "6 years"}


def test_a_sentencing_verb_listing_persons_and_terms(run, look):
    x = run("The court sentenced Lina Haddad to five years, Omar Saleh to seven years and Rami Aziz to three years.")
    assert _terms(x, look) == {"Lina Haddad": "5 years", "Omar Saleh": "7 years", "Rami Aziz": "3 years"}


@pytest.mark.xfail(strict=True, reason="names listed before one term, phrased with Karen and Mon names "
                   "('Naw Eh Htoo', 'Mi Mi Zaw'): not read yet")
def test_a_term_after_several_names_is_each_ones(run, look):
    x = run("The court-martial in Loikaw condemned Naw Eh Htoo, Sai Khun Aung and Mi Mi Zaw, all in their early "
            "twenties, to death on 9 March.")
    assert set(_terms(x, look).values()) == {"death"} and len(_terms(x, look)) == 3


def test_a_press_release_listing_sentences(run, look):
    text = ("The court sentenced the following activists:\n- Lina Haddad, 34, teacher: 5 years in prison\n"
            "- Omar Saleh, 29, student: 7 years in a penal colony\n")
    x = run(text)
    assert _terms(x, look) == {"Lina Haddad": "5 years", "Omar Saleh": "7 years"}
    for e in look.events(x, "sentence"):
        if e.subject is not None:
            assert x.mentions[e.subject].text in e.evidence.quote


def test_the_two_men_are_the_two_just_named(run, look):
    x = run("Sai Hla Win and Htoo Myat Oo were executed at dawn on Friday, the governor's office confirmed. A "
            "court-martial had condemned the two men to death in 2021.")
    assert set(_terms(x, look)) == {"Sai Hla Win", "Htoo Myat Oo"}


def test_headline_style_without_auxiliaries(run, look):
    x = run("This week: Samir Haddad freed; Lina Aziz arrested; Omar Saleh sentenced to five years.")
    assert look.subjects(x, "release") == ["Samir Haddad"]
    assert look.subjects(x, "arrest") == ["Lina Aziz"]
