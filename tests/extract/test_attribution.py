"""Attribution: who a report says a statement comes from."""
from __future__ import annotations


def attributions(x):
    return [(e.type, e.attribution.name if e.attribution else None) for e in x.events if e.type != "statement"]


def test_according_to(run, look):
    x = run("According to KHRS, Darian Velmor was arrested in Qelvar.")
    e, = look.events(x, "arrest")
    assert e.attribution.name == "KHRS" and e.attribution.kind == "organisation"
    assert e.attribution.evidence.quote == "According to KHRS"
    assert e.attribution.mention is not None and x.mentions[e.attribution.mention].text == "KHRS"


def test_the_group_said_points_to_the_last_named_group(run, look):
    x = run("The Kelvar Rights Network (KRN) said Darian Velmor was arrested. "
            "He was tried by the Revolutionary Court in a closed hearing, the group said.")
    e, = look.events(x, "trial")
    assert e.attribution.name in ("Kelvar Rights Network", "KRN")
    assert x.mentions[e.attribution.mention].label == "ORG"
    assert e.attribution.evidence.quote == "the group said"


def test_reported_tuesday_that(run, look):
    x = run("The Kelvar Rights Network reported Tuesday that Darian Velmor had been sentenced to death.",
            {"Tuesday": "2026-01-20"})
    e, = look.events(x, "sentence")
    assert e.attribution.name == "Kelvar Rights Network"
    assert e.attribution.evidence.quote == "The Kelvar Rights Network reported"


def test_relative_told(run, look):
    x = run("His cousin told the committee that Darian Velmor had been tortured.")
    e, = look.events(x, "torture")
    assert e.attribution.name == "His cousin" and e.attribution.kind == "relative"
    assert not e.attribution.generic


def test_unnamed_official(run, look):
    x = run("A judiciary spokesman said Darian Velmor had been transferred to Evin Prison.")
    e, = look.events(x, "transfer")
    assert e.attribution.name == "A judiciary spokesman"
    assert e.attribution.kind == "official" and e.attribution.generic


def test_generic_sources(run, look):
    x = run("Darian Velmor was arrested, according to a local rights group. "
            "Rights groups say Soraya Kestani was detained. Activists said Omid Farrokhan was beaten.")
    generic = {a.name: a.generic for a in x.attributions}
    assert generic == {"a local rights group": True, "Rights groups": True, "Activists": True}


def test_quote_then_the_rights_group_added(run, look):
    x = run("The Kelvar Rights Network said Darian Velmor was in danger. "
            "\"He was arrested for filming the march,\" the rights group added.")
    e, = look.events(x, "arrest")
    assert e.attribution is not None and e.attribution.name == "Kelvar Rights Network"


def test_headline_like_line(run, look):
    x = run("Teacher sentenced to death in Qelvar, human rights group says\nThe case drew condemnation.")
    assert [(a.name, a.generic) for a in x.attributions] == [("human rights group", True)]


def test_own_voice_has_no_attribution(run, look):
    x = run("Darian Velmor was arrested in Qelvar on Monday.")
    assert attributions(x) == [("arrest", None)]
    assert x.attributions == []


def test_report_cites_every_source_once(run, look):
    x = run("KHRS said Darian Velmor was arrested. KHRS said he was beaten. According to KHRS, he was tried.")
    assert [a.name for a in x.attributions] == ["KHRS"]


def test_description_inside_a_noun_phrase_is_the_outlet_voice(run, look):
    x = run("Soraya Kestani wrote about the case of Darian Velmor, the teacher sentenced to death in May.")
    e, = look.events(x, "sentence")
    assert e.attribution is None


def _speaker_and_group(x, name):
    (a,) = [a for a in x.attributions if a.name == name]
    return a.kind, x.mentions[a.group].text if a.group is not None else None


def test_a_named_official_of_a_group_names_the_group(run, look):
    for text in ("Darian Velmor was sentenced to death, said Ysolde Karr, director of the Kelvar Rights Network.",
                 "Ysolde Karr, a researcher at the Kelvar Rights Network, said Darian Velmor was sentenced to death.",
                 "Kelvar Rights Network director Ysolde Karr said Darian Velmor was sentenced to death."):
        kind, group = _speaker_and_group(run(text), "Ysolde Karr")
        assert (kind, group) == ("person", "Kelvar Rights Network"), text


def test_a_relative_or_lawyer_speaks_for_no_group(run, look):
    x = run("Darian Velmor's lawyer Ysolde Karr said he was sentenced to death by the Revolutionary Court.")
    assert all(a.group is None for a in x.attributions)
