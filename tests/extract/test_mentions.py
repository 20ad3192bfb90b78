"""Mentions and the corrections made to the small model's names."""
from __future__ import annotations

import pytest


def test_labels(run, look):
    x = run("Darian Velmor was arrested in Tehran by the police, Amnesty International said. "
            "He is held in Evin Prison.")
    assert look.label(x, "Darian Velmor") == "PERSON"
    assert look.label(x, "Tehran") == "PLACE"
    assert look.label(x, "Amnesty International") == "ORG"
    assert look.label(x, "Evin Prison") == "FACILITY"


def test_facility_patterns(run, look):
    x = run("Soraya Kestani was tried by Branch 15 of the Revolutionary Court and is now held in Tarsen prison, "
            "far from Ward 12 of Varka Prison.")
    facilities = look.names(x, "FACILITY")
    assert "Branch 15 of the Revolutionary Court" in facilities
    assert "Tarsen prison" in facilities
    assert "Ward 12 of Varka Prison" in facilities


def test_bare_prison_is_not_a_mention(run, look):
    x = run("The prison was crowded and the court was closed.")
    assert look.names(x, "FACILITY") == []


def test_headings_and_furniture_are_not_names(run, look):
    x = run("BREAKING NEWS\nKey Takeaways\nDarian Velmor was arrested in Qelvar on Sunday.\n"
            "Regional Fallout for Qelvar and Its Neighbours\nThe case continues.")
    names = look.names(x)
    assert "Key Takeaways" not in names and "Regional Fallout" not in names
    assert "BREAKING NEWS" not in names
    assert "Darian Velmor" in names


def test_title_case_heading_name_seen_nowhere_else_goes(run, look):
    x = run("Dockside Vigil Draws Hundreds\nDarian Velmor was arrested in Qelvar.")
    assert all("Dockside" not in n and "Vigil" not in n for n in look.names(x))


@pytest.mark.xfail(strict=True, reason="role word before a name phrased as 'Dockworker Navid Sorkhani': not read yet")
def test_surname_tagged_as_place_is_a_person(run, look):
    x = run("Dockworker Navid Sorkhani was given ten years in prison. Sorkhani was detained in Tarsen in January. "
            "Sorkhani’ lawyers have appealed.")
    assert look.label(x, "Navid Sorkhani") == "PERSON"
    surnames = [m for m in x.mentions if m.text == "Sorkhani"]
    assert len(surnames) == 2
    assert all(m.label == "PERSON" for m in surnames)


def test_possessive_outside_the_span(run, look):
    x = run("Darian Velmor’s lawyer said Velmor's trial was unfair. Velmor’ family agreed.")
    assert all(not n.endswith(("’s", "'s", "’", "'")) for n in look.names(x))
    assert look.names(x, "PERSON").count("Velmor") == 2


def test_title_outside_the_name(run, look):
    x = run("Senator Priya Okonjo of the Halvenian parliament criticised the verdict. Mr Omid Farrokhan was released.")
    people = look.names(x, "PERSON")
    assert "Priya Okonjo" in people
    assert all(not p.startswith(("Senator", "Mr")) for p in people)


def test_photo_agencies_and_credits(run, look):
    x = run("Protesters gather in Qelvar.\nPhoto: Jane Roe/AFP via Getty Images\n"
            "Darian Velmor was arrested, Reuters reported.")
    people = look.names(x, "PERSON")
    assert "Jane Roe" not in people
    assert "Getty Images" not in people and "AFP" not in people and "Reuters" not in people
    assert look.label(x, "Reuters") in (None, "ORG")


def test_all_caps_dateline(run, look):
    x = run("TARSEN, Qelvar (QNA) - Omid Farrokhan, a 24-year-old nurse, was arrested on Sunday.")
    assert look.label(x, "TARSEN") == "PLACE"
    assert look.label(x, "QNA") == "ORG"
    assert look.label(x, "Omid Farrokhan") == "PERSON"


def test_acronym_expansion(run, look):
    text = ("According to the Observatory for Human Rights in Qelvar (KHRS), Darian Velmor was arrested. "
            "KHRS said he was beaten.")
    x = run(text)
    assert [(e.acronym, e.expansion) for e in x.expansions] == [("KHRS", "Observatory for Human Rights in Qelvar")]
    ev = x.expansions[0].evidence
    assert ev.quote == "Observatory for Human Rights in Qelvar (KHRS)"
    assert look.label(x, "Observatory for Human Rights in Qelvar") == "ORG"
    assert look.names(x, "ORG").count("KHRS") == 2


def test_expansion_starts_after_an_article_that_joins_two_names(run):
    x = run("The Workers' Union of Tonar and the Northern Lawyers' Circle (NLC) condemned the arrest. "
            "The Committee for the Defence of Political Prisoners (CDPP) agreed.")
    assert [(e.acronym, e.expansion) for e in x.expansions] == [
        ("NLC", "Northern Lawyers' Circle"), ("CDPP", "Committee for the Defence of Political Prisoners")]


def test_plural_possessive_organisation_is_one_name(run, look):
    x = run("Security forces arrested Kounria Vemfar, 32, a nurse, in Tonar, the Prisoners' Defence Committee "
            "said.\n\nVemfar has been held since her arrest, the Northern Lawyers' Circle said.")
    assert look.label(x, "Prisoners' Defence Committee") == "ORG"
    assert look.label(x, "Northern Lawyers' Circle") == "ORG"
    assert "Circle" not in look.names(x, "PERSON")


def test_demonym_is_not_a_name(run, look):
    x = run("The Vareshi authorities arrested Darian Velmor in Varesh.")
    assert "Vareshi" not in look.names(x)


def test_mentions_index_the_text(run):
    text = "Darian Velmor, 31, was held in Evin Prison, the Kelvar Rights Network (KRN) said."
    x = run(text)
    for m in x.mentions:
        assert text[m.start:m.end] == m.text
