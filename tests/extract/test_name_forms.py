"""The written shape of a person's name: a role or a nationality the model takes into it, a middle initial whose
full stop cuts it, a generational suffix the model tags apart. Invented people, rules run on candidates given by
hand where the model's own tags vary."""
from __future__ import annotations

import pytest

from casewatch.extract import mentions, names, titles
from casewatch.extract.candidates import Cand
from casewatch.extract.context import Context


def cand(ctx: Context, words: str, label: str) -> Cand:
    start = ctx.text.index(words)
    span = ctx.doc.char_span(start, start + len(words))
    assert span is not None, words
    return Cand(span.start, span.end, label)


def spans(ctx: Context, cands: list[Cand], label: str = "PERSON") -> list[str]:
    return [ctx.doc[c.start:c.end].text for c in sorted(cands, key=lambda c: c.start) if c.label == label]


@pytest.mark.parametrize("text, tagged, name", [
    ("Coroner Idris Malvern said the death was not suspicious.", "Coroner Idris Malvern", "Idris Malvern"),
    ("Canadian Orla Brennick lost the final on Sunday.", "Canadian Orla Brennick", "Orla Brennick"),
    ("Filmmaker Teodor Vasko was questioned for six hours.", "Filmmaker Teodor Vasko", "Teodor Vasko"),
])
def test_a_role_or_a_nationality_the_model_takes_into_a_name_is_cut(parse, text, tagged, name):
    ctx = parse(text)
    trimmed = mentions._trim(ctx, cand(ctx, tagged, "PERSON"))
    assert trimmed is not None and spans(ctx, [trimmed]) == [name]


@pytest.mark.parametrize("text, tagged", [
    ("Christian Varo was arrested on Monday.", "Christian Varo"),
    ("Adrian Kestel Moro was sentenced to two years.", "Adrian Kestel Moro"),
    ("Orlandri Vasko Ruiz, sentenced in 2021, was released.", "Orlandri Vasko Ruiz"),
    ("Zorkhan Belik Aidarov was detained.", "Zorkhan Belik Aidarov"),
])
def test_a_given_name_shaped_like_a_nationality_stays(parse, text, tagged):
    ctx = parse(text)
    trimmed = mentions._trim(ctx, cand(ctx, tagged, "PERSON"))
    assert trimmed is not None and spans(ctx, [trimmed]) == [tagged]


def test_a_name_cut_at_a_middle_initial_is_joined(parse):
    ctx = parse("Judge Harlan T . Whitcombe denied bail .")
    out = names.join_initials(ctx, [cand(ctx, "Harlan T", "PERSON"), cand(ctx, "Whitcombe", "PERSON")])
    assert spans(ctx, out) == ["Harlan T . Whitcombe"]


def test_an_initial_ending_a_sentence_is_not_joined_across_a_line(parse):
    ctx = parse("The letter was signed by Harlan T .\nWhitcombe Street was closed .")
    out = names.join_initials(ctx, [cand(ctx, "Harlan T", "PERSON")])
    assert spans(ctx, out) == ["Harlan T"]


def test_a_generational_suffix_tagged_as_a_place_joins_the_name(parse):
    ctx = parse("Omid Varo , Sr. , the founder of the group , died on Sunday .")
    out = titles.generational_suffixes(ctx, [cand(ctx, "Omid Varo", "PERSON"), cand(ctx, "Sr", "PLACE")])
    assert spans(ctx, out) == ["Omid Varo , Sr."]
    assert spans(ctx, out, "PLACE") == []


def test_an_untagged_name_that_begins_with_a_clear_given_name_is_a_person(parse):
    ctx = parse("In the rematch Wladislaw Korvenko stopped his challenger in the sixth round.")
    assert spans(ctx, names.untagged_people(ctx, [])) == ["Wladislaw Korvenko"]


@pytest.mark.parametrize("text", [
    "The Duke Blue Devils beat their rivals on Saturday.",
    "Fire crews were called to a house on Dahlia Ave early on Tuesday.",
])
def test_teams_and_streets_that_begin_with_a_given_name_are_no_people(parse, text):
    ctx = parse(text)
    assert spans(ctx, names.untagged_people(ctx, [])) == []


def test_a_web_address_pasted_with_the_text_does_not_make_names_lower_case(parse):
    ctx = parse("http : / / www . example . com / news / leyla - varo - freed\n\nLeyla Varo was freed on bail.")
    assert "varo" not in ctx.lower_words and "bail" in ctx.lower_words


def test_a_work_noun_far_from_the_name_does_not_make_it_a_work(run, look):
    x = run("The poet Darian Velmor is expected to publish Tarsen Nights , the sequel to his first collection .")
    assert "Darian Velmor" in look.names(x, "PERSON")
