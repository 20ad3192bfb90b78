"""The person-mention rules one at a time, on invented reports.

Where the small model's own tags vary with the words, a rule is run on candidate names given by hand
(``names_of`` builds them), so the test says what the rule does whatever the model tags.
"""
from __future__ import annotations

import pytest

from casewatch.extract import corrections, mentions, names
from casewatch.extract.candidates import Cand
from casewatch.extract.context import Context, build_sentences


@pytest.fixture(scope="module")
def parse(nlp):
    def _parse(text: str) -> Context:
        ctx = Context(text, nlp(text), [])
        build_sentences(ctx)
        return ctx
    return _parse


def cand(ctx: Context, words: str, label: str, nth: int = 0, origin: str = "ner") -> Cand:
    """The candidate for the ``nth`` occurrence of ``words`` in the report."""
    start = -1
    for _ in range(nth + 1):
        start = ctx.text.index(words, start + 1)
    span = ctx.doc.char_span(start, start + len(words))
    assert span is not None, words
    return Cand(span.start, span.end, label, origin)


def texts(ctx: Context, cands: list[Cand], label: str | None = None) -> list[str]:
    return [ctx.doc[c.start:c.end].text for c in sorted(cands, key=lambda c: c.start)
            if label is None or c.label == label]


# 1. a report's person names and surnames are people wherever the report writes them

def test_full_name_tagged_as_a_place_is_a_person_when_its_surname_is_one(parse):
    ctx = parse("Critics say Hugo Marlen will host the gala. Marlen sang last year. Marlen was praised.")
    cands = [cand(ctx, "Hugo Marlen", "PLACE"), cand(ctx, "Marlen", "PERSON", 1), cand(ctx, "Marlen", "PERSON", 2)]
    out = names.people_and_places(ctx, cands, set())
    assert texts(ctx, out, "PERSON") == ["Hugo Marlen", "Marlen", "Marlen"]


def test_one_word_name_tagged_as_an_organisation_is_a_person_when_mostly_a_person(parse):
    ctx = parse("Marlen sang last year. Marlen was praised. Critics said Marlen would return.")
    cands = [cand(ctx, "Marlen", "PERSON", 0), cand(ctx, "Marlen", "PERSON", 1), cand(ctx, "Marlen", "ORG", 2)]
    out = names.people_and_places(ctx, cands, set())
    assert [c.label for c in out] == ["PERSON", "PERSON", "PERSON"]


def test_surname_the_model_missed_is_found_when_it_names_a_person_twice(parse):
    ctx = parse("Marlen sang last year. Marlen was praised by critics. The club named Marlen coach.")
    cands = [cand(ctx, "Marlen", "PERSON", 0), cand(ctx, "Marlen", "PERSON", 1)]
    assert texts(ctx, names.missing(ctx, cands, set())) == ["Marlen"]


def test_who_after_a_name_says_it_is_a_person(parse):
    ctx = parse("The club replaced him with Omid Teller, who is a fan.")
    out = names.people_and_places(ctx, [cand(ctx, "Omid Teller", "PLACE")], set())
    assert [c.label for c in out] == ["PERSON"]


# 2. a name that qualifies a common noun is no mention of that person

def test_name_qualifying_a_noun_is_not_a_person(run, look):
    x = run("Sources close to the Farrokhan administration said the plan failed. Omid Farrokhan denied it.")
    assert look.names(x, "PERSON") == ["Omid Farrokhan"]


def test_place_before_a_noun_for_people_is_not_a_person(parse):
    ctx = parse("A Tarsen Hill mother was killed in the crash.")
    assert corrections.drop_modifiers(ctx, [cand(ctx, "Tarsen Hill", "PERSON")]) == []


# 3. a "person" ending in, or followed by, an organisation's word

def test_person_ending_in_an_organisation_word_is_an_organisation(parse):
    ctx = parse("The Kelvar Foundation gave money to the clinic.")
    out = corrections.org_and_place_words(ctx, [cand(ctx, "Kelvar Foundation", "PERSON")])
    assert [c.label for c in out] == ["ORG"]


def test_person_followed_by_an_organisation_word_goes(run, look, parse):
    x = run("Omid Farrokhan was arrested near Sam's Club in Tarsen.")
    assert "Sam" not in look.names(x, "PERSON")
    ctx = parse("She was hit outside a Sam 's Club store.")
    assert corrections.org_and_place_words(ctx, [cand(ctx, "Sam", "PERSON")]) == []


def test_person_with_a_place_word_is_a_place(parse):
    ctx = parse("The climbers fell near Mount Tarsen and the Varo Glacier.")
    cands = [cand(ctx, "Mount Tarsen", "PERSON"), cand(ctx, "Varo Glacier", "PERSON")]
    out = corrections.org_and_place_words(ctx, cands)
    assert [c.label for c in out] == ["PLACE", "PLACE"]


# 4. degree letters after a name belong to it

@pytest.mark.parametrize("text, name", [
    ("Leyla Darvish, MD, was named to the board.", "Leyla Darvish, MD"),
    ("The board congratulates Leyla Darvish , M . D . , M . B . A . , on her post.",
     "Leyla Darvish , M . D . , M . B . A"),
    ("Leyla Darvish, M.D., spoke.", "Leyla Darvish, M.D."),
    ("Leyla Darvish, MDX spoke.", "Leyla Darvish"),
])
def test_degree_letters_belong_to_the_name(parse, text, name):
    ctx = parse(text)
    cands = [cand(ctx, "Leyla Darvish", "PERSON")]
    mentions._degrees(ctx, cands)
    assert ctx.text[ctx.doc[cands[0].start].idx:ctx.doc[cands[0].end - 1].idx + len(ctx.doc[cands[0].end - 1])] \
        == name


# 5. no span crosses a line or a sentence break

def test_no_name_crosses_a_line_break(parse):
    ctx = parse("He met Omid Farrokhan\nLeyla Darvish spoke later.")
    pieces = mentions._split(ctx, cand(ctx, "Omid Farrokhan\nLeyla Darvish", "PERSON"))
    assert texts(ctx, pieces) == ["Omid Farrokhan", "Leyla Darvish"]


def test_no_name_crosses_a_sentence_or_a_comma(parse):
    ctx = parse("He thanked Tarsen. Farrokhan agreed, Darvish said.")
    pieces = mentions._split(ctx, cand(ctx, "Tarsen. Farrokhan", "PERSON"))
    assert texts(ctx, pieces) == ["Tarsen.", "Farrokhan"]
    pieces = mentions._split(ctx, cand(ctx, "Farrokhan agreed, Darvish", "PLACE"))
    assert texts(ctx, pieces) == ["Farrokhan agreed", "Darvish"]


# 6. in a title-case heading a name is cut to the name the body gives

def test_heading_name_is_cut_to_the_body_name(run, look):
    x = run("Varesh Rights Hires Leyla Darvish\nThe group hired Leyla Darvish on Monday. Darvish starts in June.")
    assert look.names(x, "PERSON")[0] == "Leyla Darvish"


def test_heading_cut_keeps_the_given_names(parse):
    ctx = parse("Ellen Varo Returns To Host Gala\nEllen Varo will host the gala again.")
    cands = [cand(ctx, "Ellen Varo Returns", "PERSON"), cand(ctx, "Ellen Varo", "PERSON", 1)]
    out = corrections.cut_headings(ctx, cands)
    assert texts(ctx, out, "PERSON") == ["Ellen Varo", "Ellen Varo"]


def test_heading_words_are_not_taken_into_a_name(run, look):
    x = run("Club Hires Maurice Teller\nTeller was hired on Monday. Teller said he was happy. "
            "Maurice Teller will start on Monday.")
    assert look.names(x, "PERSON")[0] == "Maurice Teller"


# 7. all-lower-case "people" and "people" made only of titles go

def test_lower_case_and_title_only_people_go(parse):
    ctx = parse("the surgeon general and the Surgeon General met Dr. Omid Farrokhan and U . S . officials.")
    cands = [cand(ctx, "surgeon general", "PERSON"), cand(ctx, "Surgeon General", "PERSON"),
             cand(ctx, "Dr.", "PERSON"), cand(ctx, "Omid Farrokhan", "PERSON"), cand(ctx, "U", "PERSON")]
    assert texts(ctx, corrections.drop_non_names(ctx, cands)) == ["Omid Farrokhan"]


# 9. a word left over once a title or role word was cut must be a name

def test_word_left_over_after_cutting_must_be_a_name(parse):
    ctx = parse("Man Charged In Tarsen Killing\nPolice said Farrokhan was charged on Monday.")
    charged = cand(ctx, "Charged", "PERSON")
    charged.cut = True
    name = cand(ctx, "Farrokhan", "PERSON")
    name.cut = True
    assert texts(ctx, corrections.drop_non_names(ctx, [charged, name])) == ["Farrokhan"]


def test_common_noun_starting_a_sentence_is_no_person(parse):
    ctx = parse("Farrokhan was held. Photographs shared online showed crowds. Farrokhan was charged. "
                "Photographs shared online showed marchers.")
    cands = [cand(ctx, "Farrokhan", "PERSON", 0), cand(ctx, "Photographs", "PERSON", 0),
             cand(ctx, "Farrokhan", "PERSON", 1), cand(ctx, "Photographs", "PERSON", 1)]
    assert texts(ctx, corrections.drop_non_names(ctx, cands)) == ["Farrokhan", "Farrokhan"]


# 10. a one-word "person" the report tags more often as a place is a place

def test_one_word_person_mostly_a_place_is_a_place(parse):
    ctx = parse("Tarsen is calm. Protests spread to Tarsen. Tarsen said nothing.")
    cands = [cand(ctx, "Tarsen", "PLACE", 0), cand(ctx, "Tarsen", "PLACE", 1), cand(ctx, "Tarsen", "PERSON", 2)]
    out = names.agree_labels(ctx, cands)
    assert [c.label for c in out] == ["PLACE", "PLACE", "PLACE"]


# names cut at an initial, ships, titles in quotes, numbers, home towns, teams

def test_name_cut_at_an_initial_is_joined(run, look):
    x = run("Nasrin K . Sotoudeh was detained. Sotoudeh , who is a lawyer, was jailed.")
    assert look.names(x, "PERSON")[0] == "Nasrin K . Sotoudeh"


def test_ships_and_quoted_titles_and_counted_words_are_not_people(parse):
    ctx = parse('The warship INS Tarsen took 26 Varesh sailors. Her show "Leyla , " ended.')
    cands = [cand(ctx, "INS Tarsen", "PERSON"), cand(ctx, "Varesh", "PERSON"), cand(ctx, "Leyla", "PERSON")]
    assert corrections.drop_odd_people(ctx, cands) == []


def test_home_town_after_a_name_is_a_place(run, look):
    x = run("Luann Velmor , of Tarsenville , was hit. Velmor died.")
    assert look.label(x, "Tarsenville") == "PLACE"


def test_place_and_team_run_together_is_an_organisation(parse):
    ctx = parse("Tarsen Chargers receiver Omid Jalali was arrested. The Chargers said Jalali was in Tarsen.")
    cands = [cand(ctx, "Tarsen Chargers", "PERSON"), cand(ctx, "Omid Jalali", "PERSON"),
             cand(ctx, "Chargers", "ORG", 1), cand(ctx, "Jalali", "PERSON", 1), cand(ctx, "Tarsen", "PLACE", 1)]
    out = corrections.drop_odd_people(ctx, cands)
    assert texts(ctx, out, "PERSON") == ["Omid Jalali", "Jalali"]


def test_name_cut_at_a_nickname_is_joined(run, look):
    x = run("Vincent 'The Chin' Tarsani died in prison. Deputy Luis Gerardo ( Jerry ) Ortiz was shot.")
    people = look.names(x, "PERSON")
    assert "Vincent 'The Chin' Tarsani" in people
    assert "Luis Gerardo ( Jerry ) Ortiz" in people


def test_place_south_of_which_something_happened_is_a_place(run, look):
    x = run("The quake struck 35 miles southwest of Bandar Tarsen .")
    assert look.label(x, "Bandar Tarsen") == "PLACE"


def test_work_named_beside_its_noun_is_not_a_person(parse):
    ctx = parse("He will not direct the sequel , Catching Fire , it seems.")
    assert corrections.drop_odd_people(ctx, [cand(ctx, "Catching Fire", "PERSON")]) == []


def test_first_word_written_in_lower_case_elsewhere_is_not_a_name(run, look):
    x = run("Arson suspected in fire that destroyed the dairy\nPolice said arson was likely.")
    assert look.names(x, "PERSON") == []


def test_name_does_not_take_in_a_team_member_or_a_nationality(run, look, parse):
    ctx = parse("Charger Jamal Wilkes was arrested on Monday. The Chargers said nothing.")
    cands = [cand(ctx, "Jamal Wilkes", "PERSON"), cand(ctx, "Chargers", "ORG")]
    assert texts(ctx, names.extend_people(ctx, cands), "PERSON") == ["Jamal Wilkes"]
    x = run("On Saturday , 32 - year - old Englishman Robert Bexley , originally from Essex , fell.")
    assert "Robert Bexley" in look.names(x, "PERSON")


def test_team_named_with_the_and_who_is_not_a_person(parse):
    ctx = parse("The Saints , who lost , left. Saints fans wept. Saints coach Omid Teller resigned.")
    cands = [cand(ctx, "Saints", "PERSON", 0), cand(ctx, "Saints", "PERSON", 1), cand(ctx, "Saints", "PERSON", 2)]
    assert "Saints" not in names.one_word_people(ctx, cands)
