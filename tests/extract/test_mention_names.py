"""Whether a name is a person's, by evidence that holds on reports the rules were not written from: the
shapes of brand and product names, names written in capitals, honorifics before names, and names the
gazetteer does not hold. Every text is invented."""
from __future__ import annotations

import pytest

from casewatch.extract import capitals, products, titles
from casewatch.extract.candidates import Cand
from casewatch.extract.context import Context


def cand(ctx: Context, words: str, label: str, nth: int = 0) -> Cand:
    start = -1
    for _ in range(nth + 1):
        start = ctx.text.index(words, start + 1)
    span = ctx.doc.char_span(start, start + len(words))
    assert span is not None, words
    return Cand(span.start, span.end, label)


def spans(ctx: Context, cands: list[Cand], label: str) -> list[str]:
    return [ctx.doc[c.start:c.end].text for c in sorted(cands, key=lambda c: c.start) if c.label == label]


# products and companies are not people

@pytest.mark.parametrize("name", ["PhoneMax", "VeloraPad Pro", "Kestrel X5", "ZenTel"])
def test_product_and_brand_names_are_not_people(parse, name):
    ctx = parse(f"Police seized a {name} and two laptops from the flat.")
    assert spans(ctx, products.not_products(ctx, [cand(ctx, name, "PERSON")]), "PERSON") == []


def test_a_short_word_in_capitals_is_an_organisation_not_a_person(parse):
    ctx = parse("The chips were made by KVRT, the ministry said.")
    out = products.not_products(ctx, [cand(ctx, "KVRT", "PERSON")])
    assert [c.label for c in out] == ["ORG"]


@pytest.mark.parametrize("text, name", [
    ("Ali McKay, 41, was detained at the border.", "Ali McKay"),
    ("DeShawn Varo was sentenced to ten years.", "DeShawn Varo"),
    ("Lawyer Omid Farrokhan said the trial was unfair.", "Omid Farrokhan"),
])
def test_names_written_like_brands_stay_people_when_they_are_names(parse, text, name):
    ctx = parse(text)
    assert spans(ctx, products.not_products(ctx, [cand(ctx, name, "PERSON")]), "PERSON") == [name]


def test_a_product_written_with_an_age_is_still_a_person(parse):
    ctx = parse("KestrelOne, 19, was arrested over the posts.")
    assert spans(ctx, products.not_products(ctx, [cand(ctx, "KestrelOne", "PERSON")]), "PERSON") == ["KestrelOne"]


def test_devices_seized_in_a_raid_are_not_people(run, look):
    x = run("Security forces arrested Navid Sabetian, 27, and seized his PhoneMax and a VeloraPad Pro.")
    assert look.names(x, "PERSON") == ["Navid Sabetian"]


# names written in capitals

def test_a_name_in_capitals_is_the_person_the_body_names(parse):
    ctx = parse("COURT SENTENCES NAVID SABETIAN TO DEATH\nA court sentenced Navid Sabetian to death on Monday.")
    body = cand(ctx, "Navid Sabetian", "PERSON")
    out = capitals.capitals(ctx, [body])
    assert spans(ctx, out, "PERSON") == ["NAVID SABETIAN", "Navid Sabetian"]


def test_a_surname_in_capitals_is_the_person_the_body_names(parse):
    ctx = parse("SABETIAN TRANSFERRED\nNavid Sabetian was moved to another prison.")
    out = capitals.capitals(ctx, [cand(ctx, "Navid Sabetian", "PERSON")])
    assert spans(ctx, out, "PERSON") == ["SABETIAN", "Navid Sabetian"]


def test_a_name_in_capitals_tagged_as_an_organisation_is_a_person(parse):
    ctx = parse("NAVID SABETIAN\nNavid Sabetian was released on bail.")
    out = capitals.capitals(ctx, [cand(ctx, "NAVID SABETIAN", "ORG"), cand(ctx, "Navid Sabetian", "PERSON")])
    assert spans(ctx, out, "PERSON") == ["NAVID SABETIAN", "Navid Sabetian"]


def test_a_given_name_and_a_surname_in_capitals_are_a_person(parse):
    ctx = parse("LEYLA AHMADI FREED ON BAIL\nThe teacher was freed on Monday.")
    assert spans(ctx, capitals.capitals(ctx, []), "PERSON") == ["LEYLA AHMADI"]


def test_words_in_capitals_that_are_no_names_stay_out(parse):
    ctx = parse("PROTESTS SPREAD AFTER VERDICT\nProtests spread after the verdict on Monday.")
    assert spans(ctx, capitals.capitals(ctx, []), "PERSON") == []


def test_names_in_capitals_end_to_end(run, look):
    x = run("NAVID SABETIAN SENTENCED\nA court in Tarsen sentenced Navid Sabetian, 27, to death.")
    assert look.names(x, "PERSON") == ["NAVID SABETIAN", "Navid Sabetian"]


# honorifics are not part of the name

@pytest.mark.parametrize("text, name", [
    ("Ko Zaw Min Htet, 24, a student, was arrested in Mandalay.", "Zaw Min Htet"),
    ("Daw Khin Mya Thu was sentenced to three years.", "Khin Mya Thu"),
    ("U Thuzana, a monk, was detained on Friday.", "Thuzana"),
    ("Ma Hnin Wai Lwin was charged under section 505A.", "Hnin Wai Lwin"),
])
def test_burmese_honorifics_are_kept_out_of_the_name(run, look, text, name):
    assert look.names(run(text), "PERSON") == [name]


def test_an_honorific_that_is_also_a_name_word_stays_in_a_short_name(parse):
    ctx = parse("Ko Ko Lwin was detained. Ko Thura was released.")
    out = titles.strip_titles(ctx, [cand(ctx, "Ko Ko Lwin", "PERSON"), cand(ctx, "Ko Thura", "PERSON")])
    assert spans(ctx, out, "PERSON") == ["Ko Ko Lwin", "Ko Thura"]


def test_the_honorific_is_kept_as_the_title(parse):
    ctx = parse("Daw Khin Mya Thu was sentenced.")
    out = titles.strip_titles(ctx, [cand(ctx, "Daw Khin Mya Thu", "PERSON")])
    assert (spans(ctx, out, "PERSON"), out[0].title) == (["Khin Mya Thu"], "daw")


# names the gazetteer does not hold are still found by the words around them

@pytest.mark.parametrize("text, name", [
    ("Javid Vaskehri, 31, a teacher, was arrested in Ostabad.", "Javid Vaskehri"),
    ("The court sentenced Kourosh Dalirvand to death.", "Kourosh Dalirvand"),
    ("Tarvoun Eskelid, a nurse, was detained at her home.", "Tarvoun Eskelid"),
])
def test_invented_names_are_found_by_their_cues(run, look, text, name):
    assert name in look.names(run(text), "PERSON")


# people the model tags as organisations or places

def test_a_given_name_and_a_surname_tagged_as_an_organisation_are_a_person(parse):
    ctx = parse("Investigators say Alexander Parkhomchik moderated the chat from 2022 onwards.")
    out = products.given_names(ctx, [cand(ctx, "Alexander Parkhomchik", "ORG")])
    assert [c.label for c in out] == ["PERSON"]


@pytest.mark.parametrize("text, name, label", [
    ("Protesters gathered in Beverly Hills on Sunday.", "Beverly Hills", "PLACE"),
    ("The Jordan Valley Committee met the families.", "Jordan Valley Committee", "ORG"),
    ("He was held in the city of Victoria Falls.", "Victoria Falls", "PLACE"),
])
def test_places_and_groups_with_a_given_name_stay_what_they_are(parse, text, name, label):
    ctx = parse(text)
    out = products.given_names(ctx, [cand(ctx, name, label)])
    assert [c.label for c in out] == [label]


def test_a_nationality_before_a_name_tagged_as_an_organisation_is_cut(parse):
    ctx = parse("Guards beat the Canadian Robert Bexley in his cell.")
    out = products.given_names(ctx, [cand(ctx, "Canadian Robert Bexley", "ORG")])
    assert spans(ctx, out, "PERSON") == ["Robert Bexley"]
