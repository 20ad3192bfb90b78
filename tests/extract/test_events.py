"""Events: each type, whom they happen to, when and where, and their details."""
from __future__ import annotations

import pytest

CASES = [
    ("protest", "Darian Velmor protested outside the governor's office in Qelvar."),
    ("refusal", "Darian Velmor, a border guard, refused an order to open fire on the strikers."),
    ("arrest", "Darian Velmor was arrested in Qelvar."),
    ("detention", "Darian Velmor has been detained since May."),
    ("detention", "Darian Velmor is being held in Evin Prison."),
    ("transfer", "Darian Velmor was transferred to Evin Prison."),
    ("charge", "Darian Velmor was charged with espionage."),
    ("trial", "Darian Velmor went on trial in Qelvar."),
    ("trial", "Darian Velmor was tried by the Revolutionary Court."),
    ("sentence", "Darian Velmor was sentenced to death."),
    ("sentence", "Darian Velmor, a teacher, faces a death sentence."),
    ("appeal", "The Supreme Court upheld the death sentence against Darian Velmor."),
    ("execution", "Darian Velmor was executed at dawn."),
    ("execution", "Darian Velmor was hanged in Evin Prison."),
    ("release", "Darian Velmor was released on bail."),
    ("pardon", "Darian Velmor was pardoned by the president."),
    ("commutation", "The court commuted the death sentence of Darian Velmor."),
    ("death_in_custody", "Darian Velmor died in custody last month."),
    ("disappearance", "Darian Velmor disappeared after his arrest in Qelvar."),
    ("torture", "Darian Velmor was tortured during interrogation."),
    ("killing", "Darian Velmor was killed by security forces."),
]


@pytest.mark.parametrize(("etype", "text"), CASES)
def test_event_types(run, look, etype, text):
    x = run(text)
    assert "Darian Velmor" in look.subjects(x, etype), [(e.type, look.subject(x, e)) for e in x.events]


def test_subject_by_object_of_active_verb(run, look):
    x = run("A military court sentenced the conscript Navid Sorkhani to death for desertion.")
    assert look.subjects(x, "sentence") == ["Navid Sorkhani"]


def test_subject_of_noun_by_of(run, look):
    x = run("Dockworkers in three ports stopped work to mourn the execution of Darian Velmor.")
    assert look.subjects(x, "execution") == ["Darian Velmor"]


def test_subject_by_apposition_of_participle(run, look):
    x = run("Darian Velmor, a teacher arrested during the protests, was charged with sabotage.")
    assert "Darian Velmor" in look.subjects(x, "arrest")
    assert "Darian Velmor" in look.subjects(x, "charge")


def test_pronoun_subject_resolves_to_the_case(run, look):
    x = run("Darian Velmor is a teacher from Qelvar. He was arrested in May and his trial began in June.")
    assert look.subjects(x, "arrest") == ["Darian Velmor"]
    assert look.subjects(x, "trial") == ["Darian Velmor"]


def test_pronoun_skips_officials(run, look):
    x = run("Darian Velmor was detained in May. The prosecutor, Jalal Marvast, spoke to reporters. "
            "In June he was sentenced to death.")
    assert look.subjects(x, "sentence") == ["Darian Velmor"]


def test_pronoun_passes_over_a_lone_word_named_once(run, look):
    x = run("Security forces arrested Bomraid Lourvand, 56, a journalist, in Lezar on 24 March 2026.\n\n"
            "The protests began over power cuts, and spread within days to Kishdasht, Seshdasht and Jenkan.\n\n"
            "Her trial before the Revolutionary Court of Lezar opened on 18 July 2026.")
    assert not {"Kishdasht", "Seshdasht", "Jenkan"} & set(look.subjects(x, "trial"))


def test_the_detainee_is_not_a_lone_word_named_once(run, look):
    x = run("Security forces arrested Bomraid Lourvand, 56, a journalist, in Lezar on 24 March 2026.\n\n"
            "The protests began over power cuts, and spread within days to Kishdasht, Seshdasht and Jenkan.\n\n"
            "A relative has not been told where the detainee is held.")
    assert not {"Kishdasht", "Seshdasht", "Jenkan"} & set(look.subjects(x, "detention"))


def test_pronoun_of_other_gender_is_not_resolved_to_him(run, look):
    x = run("Darian Velmor was detained in May. His mother said she had been arrested too.")
    assert "Darian Velmor" not in look.subjects(x, "arrest")


def test_role_noun_subject(run, look):
    x = run("Navid Sorkhani, a young soldier, deserted his unit in April. The soldier was later arrested.")
    assert look.subjects(x, "arrest") == ["Navid Sorkhani"]


def test_people_in_general_have_no_subject(run, look):
    x = run("Thousands have been arrested in the months since the election.")
    assert look.subjects(x, "arrest") == [None]


def test_event_on_a_thing_is_not_an_event(run, look):
    x = run("The bank refused to execute the payment.")
    assert look.events(x, "execution") == []


def test_demanded_events_are_kept_as_demands(run, look):
    x = run("Rights groups urged the authorities to release Darian Velmor.")
    release, = look.events(x, "release")
    assert look.subject(x, release) == "Darian Velmor"
    assert (release.modality, release.cue) == ("expected", "demanded")


def test_date_in_the_same_clause(run, look):
    text = "Darian Velmor was arrested on Monday and was charged on Friday."
    x = run(text, {"Monday": "2026-01-12", "Friday": "2026-01-16"})
    arrest, = look.events(x, "arrest")
    charge, = look.events(x, "charge")
    assert arrest.date is not None and arrest.date.text == "Monday"
    assert charge.date is not None and charge.date.text == "Friday"


def test_date_of_statement(run, look):
    text = "The Kelvar Rights Network reported Tuesday that Darian Velmor had been sentenced to death."
    x = run(text, {"Tuesday": "2026-01-20"})
    statement, = look.events(x, "statement")
    assert look.subject(x, statement) == "Darian Velmor"
    assert statement.date is not None and statement.date.first.isoformat() == "2026-01-20"
    assert statement.attribution is not None and statement.attribution.name == "Kelvar Rights Network"
    sentence, = look.events(x, "sentence")
    assert sentence.date is None


def test_date_inside_another_phrase_is_not_the_event_date(run, look):
    text = "Darian Velmor, sentenced over his role in last winter's protests, appealed."
    x = run(text, {"last winter": None})
    assert all(e.date is None for e in x.events)


def test_place_and_facility(run, look):
    x = run("Darian Velmor is held in Evin Prison in Tehran.")
    e, = look.events(x, "detention")
    assert e.facility == "Evin Prison" and e.place == "Tehran"


def test_generic_facility_keeps_the_report_words(run, look):
    x = run("Navid Sorkhani has been held since March at a facility in Tarsen, his wife says.")
    located = [e for e in x.events if e.facility]
    assert located and located[0].facility == "a facility in Tarsen" and located[0].place == "Tarsen"


def test_sentence_details(run, look):
    x = run("Darian Velmor was sentenced to death and Soraya Kestani was sentenced to 10 years in prison.")
    details = {look.subject(x, e): e.details for e in look.events(x, "sentence")}
    assert details["Darian Velmor"]["sentence"] == "death"
    assert details["Soraya Kestani"] == {"sentence": "prison", "length": "10 years"}


def test_prison_term_received(run, look):
    x = run("Soraya Kestani, a nurse, received five years in prison for propaganda.")
    e, = look.events(x, "sentence")
    assert e.details["length"] == "5 years" and e.details["charge"] == "propaganda"


def test_charge_details(run, look):
    x = run("Darian Velmor was charged with moharebeh.")
    e, = look.events(x, "charge")
    assert e.details == {"charge": "moharebeh"}


def test_evidence_is_the_sentence_and_trigger_the_words(run, look):
    text = "Nothing else. Darian Velmor faces a death sentence."
    x = run(text)
    e, = look.events(x, "sentence")
    assert e.evidence.quote == "Darian Velmor faces a death sentence."
    assert e.trigger.quote == "death sentence"
    assert text[e.trigger.start:e.trigger.end] == e.trigger.quote


def test_a_relative_told_of_as_the_case_takes_his_pronoun(run, look):
    x = run("Lena Ostrova was questioned and let go, but her brother, Pavel Ostrov, was moved to Varka jail, "
            "where he is awaiting trial.")
    assert look.subjects(x, "trial") == ["Pavel Ostrov"]


def test_a_pronoun_in_what_the_only_person_named_says_is_that_person(run, look):
    x = run("In a call recorded by his family, Tarik Osmanli said he had been beaten during questioning.")
    assert look.subjects(x, "torture") == ["Tarik Osmanli"]


def test_a_pronoun_in_what_one_of_two_persons_says_stays_open(run, look):
    x = run("Tarik Osmanli was detained with Emre Kaval. Emre Kaval said he had been beaten during questioning.")
    assert "Tarik Osmanli" not in look.subjects(x, "torture")


def test_a_phrase_placing_the_person_in_prison_at_the_sentence_end(run, look):
    x = run("The court has yet to fix a day for the retrial of Odile Marsan, on hunger strike in Varka prison.")
    assert look.subjects(x, "detention") == ["Odile Marsan"]


def test_one_of_several_held_after_a_name_in_a_relatives_phrase(run, look):
    x = run("Neighbours of Yusuf Demirel, one of nine students held in Kelvar since the strike, collected "
            "signatures for him.")
    assert look.subjects(x, "detention") == ["Yusuf Demirel"]


def test_a_record_listing_a_person_as_having_died(run, look):
    x = run("A ward ledger from the morgue lists the welder Idris Kaplan as having died in custody last April.")
    assert look.subjects(x, "death_in_custody") == ["Idris Kaplan"]


def test_court_papers_describing_a_person_as_having_been_sentenced(run, look):
    x = run("Court papers describe Idris Kaplan as having been sentenced to nine years in 2023.")
    assert look.subjects(x, "sentence") == ["Idris Kaplan"]


@pytest.mark.parametrize("text", [
    "Judges sent Darian Velmor back to death row on Monday, a year after her sentence was commuted.",
    "Darian Velmor was returned to death row after a retrial in Varka.",
])
def test_sent_back_to_death_row_is_a_death_sentence(run, look, text):
    assert [e.details.get("sentence") for e in look.events(run(text), "sentence")][:1] == ["death"]


def test_sent_back_to_a_prison_is_a_transfer(run, look):
    x = run("Guards sent Darian Velmor back to Brask jail after a week in hospital.")
    assert look.events(x, "transfer") and not look.events(x, "sentence")


def test_the_execution_of_a_prison_sentence_puts_no_one_to_death(run, look):
    x = run("A court in Varka agreed to postpone the execution of Darian Velmor's three-year term until spring.")
    assert look.events(x, "execution") == []
