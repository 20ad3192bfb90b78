"""Generated reports for the benchmark: many cases, each told by a handful of outlets, as news arrives.

A real stream of reports is not thousands of copies of a few articles: it is
many cases, each reported a few times (a rights group's statement, outlets
rewriting it, now and then a verbatim copy under another masthead), wrapped in
page furniture, among unrelated news. The generator follows that shape so that
the cost of adding reports can be measured against stores of different sizes
without every new report touching hundreds of old ones.

Names, places and outlets are made from syllables (all fictional), sentences
from several phrasings each, so that reports about different cases share no
long runs of words beyond common phrases.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

_ONSETS = ["k", "r", "s", "d", "m", "t", "n", "b", "v", "z", "sh", "f", "h", "l", "p", "g", "j", "kh"]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ou", "ia"]
_CODAS = ["", "", "n", "r", "s", "m", "d", "l", "sh", "z", "v"]
_SURNAME_ENDINGS = ["i", "ani", "pour", "zadeh", "vand", "nia", "far", "yan", "rad", "doust"]
_PLACE_ENDINGS = ["abad", "an", "shahr", "dasht", "kan", "rud", "gerd", "ar"]
_ROLES = ["teacher", "student", "nurse", "bus driver", "labourer", "engineer", "shopkeeper", "rapper", "journalist",
          "lawyer", "farmer", "mechanic", "university lecturer", "footballer", "welder", "poet"]
_CHARGES = ["armed insurrection", "enmity against God", "corruption on earth", "propaganda against the state",
            "assembly and collusion against national security", "membership of a banned group",
            "arson of public property", "assault on a security officer"]
_GROUPS = [("Varesh Human Rights Watch", "VHRW"), ("Kelvar Rights Network", "KRN"), ("Free Voices Watch", "FVW"),
           ("Prisoners' Defence Committee", "PDC"), ("Centre for Justice in Varesh", "CJV"),
           ("Northern Lawyers' Circle", "NLC")]
_OUTLET_WORDS = ["Daily", "Herald", "Post", "Monitor", "Tribune", "Dispatch", "Observer", "News", "Courier", "Wire"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_TOPICS = ["Markets close higher as fuel prices ease", "Storm damages harbour road in {place}",
           "Football: {place} United draw at home", "New rail line to {place} opens next spring",
           "Heatwave warning issued for the south", "Film festival in {place} announces its jury",
           "Central bank keeps rates on hold", "Ferry service to {place} suspended for repairs"]
_FURNITURE = ["Home  World  Politics  Business  Sport  Weather", "Share this article", "Sign up for our newsletter",
              "Most read", "Related stories", "Advertisement", "Leave a Reply", "Copy link", "Follow us"]


def _word(rng: random.Random, parts: int) -> str:
    s = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(parts))
    return s[:1].upper() + s[1:]


@dataclass
class _Case:
    first: str
    last: str
    age: int
    gender: str
    role: str
    city: str
    prison: str
    charge: str
    group: tuple[str, str]
    arrested: date
    stages: list[tuple[str, date]] = field(default_factory=list)
    sentence: str = ""


def _day(d: date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def _make_case(rng: random.Random, used: set[str]) -> _Case:
    while True:
        first = _word(rng, 2)
        last = _word(rng, 1) + rng.choice(_SURNAME_ENDINGS)
        if f"{first} {last}" not in used:
            used.add(f"{first} {last}")
            break
    city = _word(rng, 1) + rng.choice(_PLACE_ENDINGS)
    arrested = date(2025, 1, 1) + timedelta(days=rng.randint(0, 600))
    case = _Case(first, last, rng.randint(19, 61), rng.choice(["he", "she"]), rng.choice(_ROLES), city,
                 f"{_word(rng, 2)} Prison", rng.choice(_CHARGES), rng.choice(_GROUPS), arrested)
    d = arrested
    for stage in ("charged", "tried", "sentenced", "executed"):
        if rng.random() < 0.6:
            break
        d = d + timedelta(days=rng.randint(10, 90))
        case.stages.append((stage, d))
    case.sentence = "death" if rng.random() < 0.4 else f"{rng.randint(2, 15)} years in prison"
    return case


def _sentences(c: _Case, rng: random.Random) -> list[str]:
    """What a report about the case says, each statement in one of several phrasings."""
    name = f"{c.first} {c.last}"
    his = "his" if c.gender == "he" else "her"
    gname, acro = c.group
    pick = rng.choice
    out = [pick([
        f"{name}, a {c.age}-year-old {c.role} from {c.city}, was arrested on {_day(c.arrested)}, "
        f"according to {gname} ({acro}).",
        f"Security forces arrested {name}, {c.age}, a {c.role}, in {c.city} on {_day(c.arrested)}, "
        f"the {gname} said.",
        f"{acro} said that {name}, {c.age}, who works as a {c.role} in {c.city}, was detained on "
        f"{_day(c.arrested)}.",
    ])]
    out.append(pick([
        f"{c.last} has been held in {c.prison} since {his} arrest, {acro} said.",
        f"{c.gender.capitalize()} is being held in {c.prison}, the group said.",
        f"Relatives say {c.last} was moved to {c.prison} and has not been allowed a lawyer.",
    ]))
    for stage, d in c.stages:
        if stage == "charged":
            out.append(pick([f"{c.last} was charged with {c.charge} on {_day(d)}.",
                             f"Prosecutors charged {c.last} with {c.charge} on {_day(d)}, {acro} said."]))
        elif stage == "tried":
            out.append(pick([f"{his.capitalize()} trial before the Revolutionary Court of {c.city} opened on "
                             f"{_day(d)} and lasted less than an hour.",
                             f"{c.last} was tried on {_day(d)} without a lawyer of {his} choosing."]))
        elif stage == "sentenced":
            out.append(pick([f"On {_day(d)} the court sentenced {c.last} to {c.sentence}.",
                             f"{c.last} was sentenced to {c.sentence} on {_day(d)}, the group said."]))
        elif stage == "executed":
            out.append(pick([f"{c.last} was executed in {c.prison} on {_day(d)}, {acro} reported.",
                             f"{gname} said {c.last} had been hanged on {_day(d)}."]))
    out.append(pick([
        f"\"{c.first} only asked for what {his} colleagues were owed,\" a relative told {acro}.",
        f"A cousin told the group that {c.last} had been denied visits for weeks.",
        f"{acro} urged the authorities to release {c.last} and everyone held for peaceful protest.",
        f"The group said it feared {c.last} had been tortured to extract a confession.",
    ]))
    if rng.random() < 0.5:
        n = rng.randint(3, 90) * 10
        out.append(pick([f"More than {n:,} people have been arrested in {c.city} province this year, "
                         f"the group says.",
                         f"At least {n:,} people were detained during the protests, according to {acro}."]))
    rng.shuffle(out[2:])
    return out


_WHO = ["Provincial officials", "The judiciary", "State television", "A government spokesman", "Local prosecutors",
        "The interior ministry", "Security officials", "A member of parliament from {city}"]
_SAID = ["described the protests as", "called the demonstrations", "have dismissed the strikes as",
         "told reporters the unrest was", "insisted the gatherings were", "blamed the trouble on"]
_WHAT = ["riots directed from abroad", "the work of a few troublemakers", "a foreign plot",
         "an attack on public order", "unlawful gatherings", "vandalism by outsiders", "a conspiracy by exiles"]
_CAUSES = ["unpaid wages", "the removal of fuel subsidies", "rising bread prices", "the closure of a factory",
           "a water shortage", "the death of a young woman in custody", "power cuts", "a disputed local election"]
_SPREAD = ["spread within days to", "reached", "were echoed in", "soon spread to", "were followed by strikes in"]
_FORCES = ["Riot police", "Plain-clothes agents", "Members of the security forces", "Anti-riot units",
           "Militia volunteers"]
_USED = ["fired tear gas at", "beat", "charged", "used live ammunition against", "detained dozens of",
         "dispersed", "chased"]
_CROWDS = ["marchers", "striking workers", "students", "mourners", "shopkeepers", "demonstrators", "pensioners"]
_WHERE = ["near the main bazaar", "outside the governor's office", "on the ring road", "in the old town",
          "at the university gates", "by the central mosque", "in several suburbs"]
_FAMILY = ["mother", "father", "brother", "sister", "wife", "husband", "uncle", "cousin"]
_FEARS = ["has not been told where the detainee is held", "was warned not to speak to the media",
          "has been refused visits", "was told to wait for a call that never came",
          "fears a confession was extracted under pressure", "has hired a lawyer who was turned away"]


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _background(c: _Case, rng: random.Random) -> list[str]:
    """Paragraphs of context around the case, made from many small choices so that reports differ."""
    pick = rng.choice
    other = [_word(rng, 1) + rng.choice(_PLACE_ENDINGS) for _ in range(4)]
    causes = rng.sample(_CAUSES, 2)
    country = _word(rng, 2)
    out = [
        f"The protests began over {causes[0]} and {causes[1]}, and {pick(_SPREAD)} {other[0]}, "
        f"{other[1]} and {other[2]}.",
        f"{pick(_FORCES)} {pick(_USED)} {pick(_CROWDS)} {pick(_WHERE)} of {c.city}, witnesses said.",
        f"{pick(_WHO).format(city=c.city)} {pick(_SAID)} {pick(_WHAT)}.",
        f"{c.last}'s {pick(_FAMILY)} {pick(_FEARS)}, and another relative {pick(_FEARS)}.",
        f"{pick(_FORCES)} {pick(_USED)} {pick(_CROWDS)} {pick(_WHERE)} of {other[3]} "
        f"on the {_ordinal(rng.randint(2, 28))} day of the unrest.",
        f"Lawyers in {c.city} say detainees are kept for weeks in {pick(['solitary', 'crowded', 'unlit'])} "
        f"cells {pick(['without charge', 'without a lawyer', 'without family visits'])} before any hearing.",
        f"{c.city}, a {pick(['river', 'market', 'border', 'mining', 'port'])} town of about "
        f"{rng.randint(40, 900)},000 people, had seen {pick(['no', 'few', 'only small'])} protests before "
        f"{pick(['last winter', 'this year', 'the spring'])}.",
        f"The foreign ministry of {country} said it was {pick(['deeply concerned', 'alarmed', 'troubled'])} by "
        f"reports of {pick(['mass arrests', 'death sentences', 'secret trials'])} and urged "
        f"{pick(['restraint', 'fair trials', 'the release of peaceful protesters'])}.",
        f"{pick(['Teachers', 'Nurses', 'Lorry drivers', 'Oil workers', 'Bakers'])} in {other[1]} "
        f"{pick(['walked out', 'went on strike', 'stayed at home', 'marched'])} on "
        f"{pick(['Saturday', 'Monday', 'Wednesday'])} in {pick(['solidarity', 'protest', 'support'])}, "
        f"a {pick(['union', 'local', 'labour'])} {pick(['organiser', 'activist', 'official'])} said.",
        f"Internet access in {c.city} was {pick(['cut', 'slowed', 'blocked'])} for "
        f"{rng.randint(2, 19)} {pick(['hours', 'days'])}, {pick(['monitors', 'residents', 'engineers'])} reported.",
        f"{pick(['Videos', 'Photographs', 'Messages'])} shared on social media showed "
        f"{pick(_CROWDS)} {pick(['chanting', 'running', 'gathering', 'sitting'])} {pick(_WHERE)} of {other[2]}.",
        f"It was not possible to verify {pick(['the accounts', 'the figures', 'the claims'])} "
        f"{pick(['independently', 'on the ground', 'from outside the country'])}.",
    ]
    rng.shuffle(out)
    return out[:rng.randint(8, 12)]


def _outlet(rng: random.Random) -> str:
    return f"The {_word(rng, 2)} {rng.choice(_OUTLET_WORDS)}"


def _wrap(rng: random.Random, c: _Case, outlet: str, published: date, body: list[str],
          pages: bool = False) -> tuple[str, str]:
    """One report as pasted text or as an HTML page (always a page with ``pages``): headline, furniture, the
    body, unrelated headlines."""
    headline = rng.choice([f"{c.role.capitalize()} held in {c.city}", f"Fears for detained {c.role} {c.last}",
                           f"Rights group: {c.last} faces {c.charge}", f"Family of {c.last} pleads for news"])
    noise = [t.format(place=_word(rng, 1) + rng.choice(_PLACE_ENDINGS)) for t in rng.sample(_TOPICS, 2)]
    if rng.random() < 0.3 or pages:
        paras = "".join(f"<p>{s}</p>" for s in body)
        side = "".join(f"<li>{t}</li>" for t in noise)
        html = (f"<html><head><title>{headline} | {outlet}</title>"
                f"<meta property=\"article:published_time\" content=\"{published.isoformat()}\"></head><body>"
                f"<nav>{rng.choice(_FURNITURE)}</nav><article><h1>{headline}</h1>{paras}</article>"
                f"<aside><ul>{side}</ul></aside><footer>{outlet}</footer></body></html>")
        return ".html", html
    lines = [rng.choice(_FURNITURE), "", headline, "", _day(published), "", *[s + "\n" for s in body],
             rng.choice(_FURNITURE), "", *noise]
    return ".txt", "\n".join(lines) + "\n"


def generate(out: Path, n: int, seed: int = 7, pages: bool = False) -> None:
    """n reports under out/: cases of one to six reports each, a few verbatim copies, some JSONL records
    (with ``pages``: every report an HTML page, none in JSONL, as a site publishes them)."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    outlets = [_outlet(rng) for _ in range(60)]
    records: list[str] = []
    written = 0
    while written < n:
        case = _make_case(rng, used)
        first_body: list[str] | None = None
        for _ in range(min(n - written, rng.choice([1, 1, 2, 2, 3, 3, 4, 5, 6]))):
            outlet = rng.choice(outlets)
            published = (case.stages[-1][1] if case.stages else case.arrested) + timedelta(days=rng.randint(1, 5))
            if first_body is not None and rng.random() < 0.25:
                body = first_body
            else:
                body = _sentences(case, rng)
                body[2:2] = _background(case, rng) + _background(case, rng)
                first_body = first_body or body
            if rng.random() < 0.1 and not pages:
                records.append(json.dumps({"outlet": outlet, "published": published.isoformat(),
                                           "text": "\n\n".join(body)}, ensure_ascii=False))
            else:
                suffix, text = _wrap(rng, case, outlet, published, body, pages)
                (out / f"r{written:06d}{suffix}").write_text(text, encoding="utf-8")
            written += 1
    if records:
        (out / "records.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
