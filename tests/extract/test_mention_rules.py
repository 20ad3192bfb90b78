"""The person-mention rules one at a time, on invented reports.

Where the small model's own tags vary with the words, a rule is run on candidate names given by hand
(``names_of`` builds them), so the test says what the rule does whatever the model tags.
"""
from __future__ import annotations

from casewatch.extract import corrections, mentions, names
from casewatch.extract.candidates import Cand
from casewatch.extract.context import Context


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
    ctx = parse("Lawyers say Hugo Marlen will appeal the verdict. Marlen was jailed last year. Marlen was beaten.")
    cands = [cand(ctx, "Hugo Marlen", "PLACE"), cand(ctx, "Marlen", "PERSON", 1), cand(ctx, "Marlen", "PERSON", 2)]
    out = names.people_and_places(ctx, cands, set())
    assert texts(ctx, out, "PERSON") == ["Hugo Marlen", "Marlen", "Marlen"]


def test_one_word_name_tagged_as_an_organisation_is_a_person_when_mostly_a_person(parse):
    ctx = parse("Marlen was detained last year. Marlen was released. Guards said Marlen would be back.")
    cands = [cand(ctx, "Marlen", "PERSON", 0), cand(ctx, "Marlen", "PERSON", 1), cand(ctx, "Marlen", "ORG", 2)]
    out = names.people_and_places(ctx, cands, set())
    assert [c.label for c in out] == ["PERSON", "PERSON", "PERSON"]


def test_surname_the_model_missed_is_found_when_it_names_a_person_twice(parse):
    ctx = parse("Marlen was held last year. Marlen was questioned by police. The court named Marlen a suspect.")
    cands = [cand(ctx, "Marlen", "PERSON", 0), cand(ctx, "Marlen", "PERSON", 1)]
    assert texts(ctx, names.missing(ctx, cands, set())) == ["Marlen"]


def test_who_after_a_name_says_it_is_a_person(parse):
    ctx = parse("Police arrested Omid Teller, who is a student.")
    out = names.people_and_places(ctx, [cand(ctx, "Omid Teller", "PLACE")], set())
    assert [c.label for c in out] == ["PERSON"]


# 2. a name that qualifies a common noun is no mention of that person

def test_name_qualifying_a_noun_is_not_a_person(run, look):
    x = run("Sources close to the Farrokhan administration said the plan failed. Omid Farrokhan denied it.")
    assert look.names(x, "PERSON") == ["Omid Farrokhan"]


def test_place_before_a_noun_for_people_is_not_a_person(parse):
    ctx = parse("A Tarsen Hill mother was killed in the raid.")
    assert corrections.drop_modifiers(ctx, [cand(ctx, "Tarsen Hill", "PERSON")]) == []


# 3. a "person" ending in, or followed by, an organisation's word

def test_person_ending_in_an_organisation_word_is_an_organisation(parse):
    ctx = parse("The Kelvar Foundation paid for the lawyers.")
    out = corrections.org_and_place_words(ctx, [cand(ctx, "Kelvar Foundation", "PERSON")])
    assert [c.label for c in out] == ["ORG"]


def test_person_followed_by_an_organisation_word_goes(parse):
    ctx = parse("Protesters gathered outside the Navid Club in Tarsen.")
    assert corrections.org_and_place_words(ctx, [cand(ctx, "Navid", "PERSON")]) == []


def test_person_with_a_place_word_is_a_place(parse):
    ctx = parse("The detainees were moved to a camp near Mount Tarsen.")
    out = corrections.org_and_place_words(ctx, [cand(ctx, "Mount Tarsen", "PERSON")])
    assert [c.label for c in out] == ["PLACE"]


# 4. no span crosses a line or a sentence break

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


# 5. in a title-case heading a name is cut to the name the body gives

def test_heading_name_is_cut_to_the_body_name(run, look):
    x = run("Court Jails Leyla Darvish\nThe court jailed Leyla Darvish on Monday. Darvish was taken to prison.")
    assert look.names(x, "PERSON")[0] == "Leyla Darvish"


def test_heading_cut_keeps_the_given_names(parse):
    ctx = parse("Ellen Varo Returns To Prison\nEllen Varo was taken back to prison.")
    cands = [cand(ctx, "Ellen Varo Returns", "PERSON"), cand(ctx, "Ellen Varo", "PERSON", 1)]
    out = corrections.cut_headings(ctx, cands)
    assert texts(ctx, out, "PERSON") == ["Ellen Varo", "Ellen Varo"]


def test_heading_words_are_not_taken_into_a_name(run, look):
    x = run("Police Detain Maurice Teller\nTeller was detained on Monday. Teller said he was beaten. "
            "Maurice Teller will appear in court on Monday.")
    assert look.names(x, "PERSON")[0] == "Maurice Teller"


# 6. all-lower-case "people" and "people" made only of titles go

def test_lower_case_and_title_only_people_go(parse):
    ctx = parse("the chief justice and the Chief Justice met Dr. Omid Farrokhan in cell block B yesterday.")
    cands = [cand(ctx, "chief justice", "PERSON"), cand(ctx, "Chief Justice", "PERSON"),
             cand(ctx, "Dr.", "PERSON"), cand(ctx, "Omid Farrokhan", "PERSON"), cand(ctx, "B", "PERSON")]
    assert texts(ctx, corrections.drop_non_names(ctx, cands)) == ["Omid Farrokhan"]


# 7. a word left over once a title or role word was cut must be a name

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


# 8. a one-word "person" the report tags more often as a place is a place

def test_one_word_person_mostly_a_place_is_a_place(parse):
    ctx = parse("Tarsen is calm. Protests spread to Tarsen. Tarsen said nothing.")
    cands = [cand(ctx, "Tarsen", "PLACE", 0), cand(ctx, "Tarsen", "PLACE", 1), cand(ctx, "Tarsen", "PERSON", 2)]
    out = names.agree_labels(ctx, cands)
    assert [c.label for c in out] == ["PLACE", "PLACE", "PLACE"]


# 9. nicknames, quoted titles, counted words, home towns, works

def test_quoted_titles_and_counted_words_are_not_people(parse):
    ctx = parse('Guards beat 26 Varesh prisoners. Her song "Leyla," was banned.')
    cands = [cand(ctx, "Varesh", "PERSON"), cand(ctx, "Leyla", "PERSON")]
    assert corrections.drop_odd_people(ctx, cands) == []


def test_home_town_after_a_name_is_a_place(run, look):
    x = run("Luann Velmor, of Tarsenville, was detained. Velmor was released on bail.")
    assert look.label(x, "Tarsenville") == "PLACE"


def test_name_cut_at_a_nickname_is_joined(parse):
    ctx = parse("Omid 'Kaka' Tarsani died in prison.")
    cands = [cand(ctx, "Omid", "PERSON"), cand(ctx, "Tarsani", "PERSON")]
    assert texts(ctx, names.join_nicknames(ctx, cands), "PERSON") == ["Omid 'Kaka' Tarsani"]


def test_place_south_of_which_something_happened_is_a_place(run, look):
    x = run("The detainees were held 35 miles southwest of Bandar Tarsen.")
    assert look.label(x, "Bandar Tarsen") == "PLACE"


def test_work_named_beside_its_noun_is_not_a_person(parse):
    ctx = parse("She was jailed over her novel, Burning Tarsen, the court said.")
    assert corrections.drop_odd_people(ctx, [cand(ctx, "Burning Tarsen", "PERSON")]) == []


def test_first_word_written_in_lower_case_elsewhere_is_not_a_name(run, look):
    x = run("Arson suspected in fire that destroyed the courthouse\nPolice said arson was likely.")
    assert look.names(x, "PERSON") == []


def test_name_does_not_take_in_a_nationality(run, look):
    x = run("On Saturday, Briton Robert Bexley, 32, was arrested in Tarsen.")
    assert "Robert Bexley" in look.names(x, "PERSON")


def test_two_people_tagged_as_one_name_are_two(parse):
    ctx = parse("Prosecutors said Varo and Ostovar were members of the cell. Omid Varo denied it.")
    cands = [cand(ctx, "Varo and Ostovar", "ORG"), cand(ctx, "Omid Varo", "PERSON")]
    assert texts(ctx, names.split_conjoined_people(ctx, cands), "PERSON") == ["Varo", "Ostovar", "Omid Varo"]


def test_a_group_named_with_and_stays_one(parse):
    ctx = parse("Tarsen Fire and Rescue said the fire was out. The fire spread fast.")
    cands = [cand(ctx, "Tarsen Fire and Rescue", "ORG")]
    assert texts(ctx, names.split_conjoined_people(ctx, cands), "ORG") == ["Tarsen Fire and Rescue"]


def test_a_name_the_report_places_is_a_place_everywhere(parse):
    ctx = parse("Bandar Tarsen was shaken. The quake struck 30 miles south of Bandar Tarsen. Bandar Tarsen is calm.")
    cands = [cand(ctx, "Bandar Tarsen", "PERSON", k) for k in range(3)]
    assert [c.label for c in names.people_and_places(ctx, cands, set())] == ["PLACE", "PLACE", "PLACE"]
