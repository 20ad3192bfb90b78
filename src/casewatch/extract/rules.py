"""The mention rules: a registry of named rules over the candidate names, run in one visible order.

Each rule reads the candidates of one report (token spans with a label) and the parse, and returns them
changed. Each declares what it reads and what it sets, and which class of reports it serves. A rule can be
switched off for an ablation run by naming it in the environment variable ``CASEWATCH_MENTION_RULES_OFF``
(comma-separated), e.g. ``CASEWATCH_MENTION_RULES_OFF=not_products,capitals casewatch ingest ...``; an unknown
name is an error, so a typo never runs the full set by mistake.

Some rules run twice (:data:`ORDER`): labels are made to agree again once spans have grown, and the last
look at people comes once the names the model missed are in.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from . import capitals, corrections, names, products, titles
from .candidates import Cand
from .context import Context

OFF_VARIABLE = "CASEWATCH_MENTION_RULES_OFF"


@dataclass(frozen=True)
class Rule:
    """One mention rule: its name, what it reads and sets, the class of reports it serves, and the function."""

    name: str
    reads: str
    sets: str
    serves: str
    run: Callable[[Context, list[Cand], set[str]], list[Cand]]


def _plain(fn: Callable[[Context, list[Cand]], list[Cand]]) -> Callable[[Context, list[Cand], set[str]], list[Cand]]:
    return lambda ctx, cands, _acronyms: fn(ctx, cands)


def _untagged_orgs(ctx: Context, cands: list[Cand]) -> list[Cand]:
    return corrections.join_plural_possessives(ctx, names.untagged_orgs(ctx, cands))


def _missing(ctx: Context, cands: list[Cand], acronyms: set[str]) -> list[Cand]:
    return cands + names.missing(ctx, cands, acronyms)


RULES: dict[str, Rule] = {r.name: r for r in (
    Rule("join_plural_possessives", "organisation spans, apostrophes", "organisation spans",
         "rights groups and committees named with a plural possessive (the Prisoners' Defence Committee)",
         _plain(corrections.join_plural_possessives)),
    Rule("drop_furniture", "headings, the furniture lexicon", "drops names",
         "pages pasted with their navigation, section headings and tickers", _plain(corrections.drop_furniture)),
    Rule("photo_credits", "credit lines, the photo agencies", "organisation labels, drops people",
         "pages with photo captions and credits (Photo: X/AFP)", _plain(corrections.photo_credits)),
    Rule("drop_demonyms", "tags, the demonym endings", "drops names",
         "reports naming nationalities and peoples as adjectives (the Vareshi authorities)",
         _plain(corrections.drop_demonyms)),
    Rule("cut_auxiliaries", "the auxiliary opening a question, the parse", "person spans",
         "questions about a case in headlines and commentary (Will X Y be executed?)",
         _plain(corrections.cut_auxiliaries)),
    Rule("drop_non_names", "case, titles and role words", "drops people",
         "every report: the small model's lower-case, title-only and one-letter people",
         _plain(corrections.drop_non_names)),
    Rule("org_and_place_words", "the organisation and place name words", "labels, drops people",
         "organisations and places named after people (the X Foundation, Mount X)",
         _plain(corrections.org_and_place_words)),
    Rule("join_nicknames", "quotes and brackets inside names", "person spans",
         "activists and fighters known by a nickname written inside their name ('Kaka')",
         _plain(names.join_nicknames)),
    Rule("join_initials", "person spans ending in an initial, the full stop after it", "person spans",
         "names with a middle initial that the stop after it cuts from the surname (James R. Dabney)",
         _plain(names.join_initials)),
    Rule("drop_odd_people", "appositions, quotes, numbers, 'of'", "labels, drops people",
         "reports on writers and artists naming their works; people given with their home town",
         _plain(corrections.drop_odd_people)),
    Rule("drop_modifiers", "the parse", "drops people",
         "a name qualifying a noun (the Varo administration, a Tarsen man)", _plain(corrections.drop_modifiers)),
    Rule("not_products", "word shapes, the gazetteer, person cues", "labels, drops people",
         "reports naming companies, devices and apps (surveillance, internet shutdowns, arrests over posts)",
         _plain(products.not_products)),
    Rule("given_names", "organisation and place spans, the gazetteer, place cues", "person labels",
         "people the model tags as organisations or places, in state media and court reports (Alexander X)",
         _plain(products.given_names)),
    Rule("split_conjoined_people", "person and organisation spans with 'and', the gazetteer", "person spans",
         "lists of detainees and defendants the model tags as one name (X and Y were sentenced)",
         _plain(names.split_conjoined_people)),
    Rule("demanded_people", "imperatives of release, capitalised words, the gazetteer", "adds people, person spans",
         "slogans, banners and lists of demands naming detainees ('Free X Y!', 'release X Y now')",
         _plain(names.demanded_people)),
    Rule("untagged_people", "capitalised runs, person and case cues", "adds people",
         "lists of detainees and reports of cases naming people the model does not tag (Xxx Yyy, 24, a student; "
         "charged volunteer Xxx Yyy; Xxx Yyy was found dead)",
         _plain(names.untagged_people)),
    Rule("untagged_orgs", "capitalised runs, group words", "adds organisations",
         "statements naming small rights groups the model does not tag", _plain(_untagged_orgs)),
    Rule("people_and_places", "every label in the report, person and place cues", "labels",
         "every report: one name, one kind of thing throughout", names.people_and_places),
    Rule("agree_labels", "the labels a one-word name gets", "labels",
         "every report: a one-word name takes the label the report gives it most", _plain(names.agree_labels)),
    Rule("extend_people", "the parse, headings", "person spans",
         "names the model cuts short (a given name left out)",
         lambda ctx, cands, _a: names.extend_people(ctx, cands, corrections.heading_tokens(ctx))),
    Rule("cut_headings", "title-case headings, the body's people", "person spans, drops names",
         "headlines in title case, where capitals prove nothing", _plain(corrections.cut_headings)),
    Rule("capitals", "lines in capitals, the body's people, the gazetteer", "adds people, labels",
         "headlines, captions and state media written in capitals (KUROSH DALIRVAND SENTENCED)",
         _plain(capitals.capitals)),
    Rule("strip_titles", "titles and honorifics before person names", "person spans and titles",
         "honorifics and titles before names in any register (U, Daw, Ko, Sheikh, Dr., Senator)",
         _plain(titles.strip_titles)),
    Rule("find_missing", "the report's people and acronyms", "adds people and organisations",
         "every report: a surname or full name the model tagged once but not everywhere", _missing),
    Rule("generational_suffixes", "the word after a person's name", "person spans",
         "names with a generational suffix that tells a father from his son (Jr., Sr., III)",
         _plain(titles.generational_suffixes)),
    Rule("merge_adjacent_people", "person spans", "person spans",
         "names the model cut in two (Leyla + Varo)", _plain(names.merge_adjacent_people)),
)}

ORDER: tuple[str, ...] = (
    "join_plural_possessives", "drop_furniture", "photo_credits", "drop_demonyms", "cut_auxiliaries",
    "drop_non_names", "org_and_place_words", "join_nicknames", "join_initials", "drop_odd_people", "drop_modifiers",
    "not_products", "given_names", "split_conjoined_people", "demanded_people", "untagged_people", "untagged_orgs",
    "people_and_places", "agree_labels", "extend_people", "people_and_places", "cut_headings", "capitals",
    "strip_titles",
    # the last look at people, once every name is in
    "find_missing", "drop_non_names", "join_nicknames", "join_initials", "drop_odd_people", "drop_modifiers",
    "merge_adjacent_people", "generational_suffixes",
)
"""The order the rules run in."""


def switched_off() -> frozenset[str]:
    """The rules named in :data:`OFF_VARIABLE`."""
    raw = os.environ.get(OFF_VARIABLE, "")
    off = frozenset(x.strip() for x in raw.split(",") if x.strip())
    unknown = off - RULES.keys()
    if unknown:
        raise ValueError(f"{OFF_VARIABLE}: no mention rule named {', '.join(sorted(unknown))} "
                         f"(the rules: {', '.join(RULES)})")
    return off


def apply(ctx: Context, cands: list[Cand], acronyms: set[str], off: frozenset[str] | None = None) -> list[Cand]:
    """Every rule in :data:`ORDER` but those switched off (``off``, else :func:`switched_off`)."""
    skip = switched_off() if off is None else off
    for name in ORDER:
        if name not in skip:
            cands = RULES[name].run(ctx, cands, acronyms)
    return cands
