"""Facts about persons, each field, with normalised values."""
from __future__ import annotations


def test_role_nationality_age_location(run, look):
    x = run("Navid Sorkhani, a 23-year-old Qelvari soldier from the city of Tarsen, was arrested in May.")
    assert look.facts(x, "role") == [("Navid Sorkhani", "soldier")]
    assert look.facts(x, "nationality") == [("Navid Sorkhani", "Qelvari")]
    assert look.facts(x, "age") == [("Navid Sorkhani", "23")]
    assert look.facts(x, "location") == [("Navid Sorkhani", "Tarsen")]


def test_role_forms(run, look):
    x = run("Soldier Navid Sorkhani was arrested. Darian Velmor, a member of the security forces in Qelvar, was "
            "detained. Omid Farrokhan, a truck driver, was tried. Soraya Kestani is a nurse.")
    roles = dict(look.facts(x, "role"))
    assert roles["Navid Sorkhani"] == "soldier"
    assert roles["Darian Velmor"] == "member of security forces"
    assert roles["Omid Farrokhan"] == "truck driver"
    assert roles["Soraya Kestani"] == "nurse"


def test_age_forms(run, look):
    x = run("Darian Velmor, 34, was arrested. Soraya Kestani (27) was detained.")
    assert dict(look.facts(x, "age")) == {"Darian Velmor": "34", "Soraya Kestani": "27"}


def test_gender_from_nouns_and_pronouns(run, look):
    x = run("Soraya Kestani, a mother of two, was arrested in May. She was released in June.")
    assert ("Soraya Kestani", "female") in look.facts(x, "gender")
    y = run("Darian Velmor was arrested in May. He was released in June.")
    assert ("Darian Velmor", "male") in look.facts(y, "gender")


def test_facility_from_detention(run, look):
    x = run("Navid Sorkhani is now held in Tarsen prison.")
    assert look.facts(x, "facility") == [("Navid Sorkhani", "Tarsen prison")]
    y = run("Navid Sorkhani is being held at a facility in Tarsen, his wife says.")
    assert look.values(y, "facility") == set()  # a city is not a facility, nor is "a facility" one
    z = run("Navid Sorkhani is now held in a prison in Tarsen.")
    assert look.values(z, "facility") <= {"Tarsen prison"}


def test_charge_reason_sentence(run, look):
    x = run("Navid Sorkhani was charged with armed insurrection. "
            "He was sentenced to death for burning a conscription office during the strikes.")
    assert look.facts(x, "charge") == [("Navid Sorkhani", "armed insurrection")]
    assert look.values(x, "reason") == {"burning a conscription office"}
    assert look.values(x, "sentence") == {"death"}


def test_sentence_values_are_normalised(run, look):
    x = run("Darian Velmor faces a death sentence. Soraya Kestani was sentenced to ten years in prison. "
            "The court upheld the death sentence against Omid Farrokhan.")
    assert dict(look.facts(x, "sentence")) == {
        "Darian Velmor": "death", "Soraya Kestani": "10 years in prison", "Omid Farrokhan": "death"}


def test_modality_and_attribution_carry_over(run, look):
    x = run("Darian Velmor is expected to face a death sentence, the Kelvar Rights Network said.")
    f, = [f for f in x.facts if f.field == "sentence"]
    assert f.modality == "expected"
    assert f.attribution is not None and f.attribution.name == "Kelvar Rights Network"


def test_court_lawyer_reported_by(run, look):
    x = run("Darian Velmor was tried by Branch 15 of the Revolutionary Court, the Kelvar Rights Network said. "
            "His lawyer, Nasrin Tavana, said the trial lasted an hour.")
    assert look.facts(x, "court") == [("Darian Velmor", "Branch 15 of the Revolutionary Court")]
    assert look.facts(x, "lawyer") == [("Darian Velmor", "Nasrin Tavana")]
    assert ("Darian Velmor", "Kelvar Rights Network") in look.facts(x, "reported_by")


def test_judge(run, look):
    x = run("Darian Velmor was sentenced to death by judge Abbas Salavati.")
    assert look.facts(x, "judge") == [("Darian Velmor", "Abbas Salavati")]


def test_alleged_reason(run, look):
    x = run("Darian Velmor was convicted for allegedly throwing a stone at a police car.")
    f, = [f for f in x.facts if f.field == "reason"]
    assert f.modality == "alleged"


def test_facts_evidence_is_the_sentence(run):
    text = "Intro line.\nDarian Velmor, a 31-year-old teacher, was arrested."
    x = run(text)
    for f in x.facts:
        assert f.evidence.quote == text[f.evidence.start:f.evidence.end]
        assert f.evidence.quote.startswith("Darian Velmor")
