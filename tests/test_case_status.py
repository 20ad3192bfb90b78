"""What a careful reader concludes from short reports: who is a case, and the status the text supports.

Each report is invented, in the registers of wire copy, rights-group statements and state media. A status
that the text does not support (executed, released, dead...) is the harm these tests guard against; every
report is ingested once, in one store, as a user would ingest a batch.
"""
from __future__ import annotations

import json

import pytest

from casewatch import queries
from casewatch.acquire import iter_inputs
from casewatch.errors import CasewatchError
from casewatch.ingest import ingest
from casewatch.runner import SerialRunner
from casewatch.settings import Settings
from casewatch.store import open_store

HARMFUL = {"executed", "released", "died_in_custody", "killed", "pardoned", "acquitted", "commuted", "disappeared"}

# (report, subject, statuses a careful reader accepts)
REPORTS = [
    # what happened, in its many forms
    ("Police in Karsk arrested the teacher Arvin Solheim at his home on Monday.", "Arvin Solheim",
     {"arrested", "detained"}),
    ("Kestrel Rights said security agents detained labour organiser Mirela Duvnjak in Sorvik.", "Mirela Duvnjak",
     {"detained", "arrested"}),
    ("Soldiers shot dead Teodor Vasko, a 19-year-old student, at a checkpoint on Sunday.", "Teodor Vasko",
     {"killed"}),
    ("Journalist Ilse Marrow walked out of the Varen women's colony on Friday after serving her full term.",
     "Ilse Marrow", {"released"}),
    ("The death in custody of farmer Joren Takacs, two days after his arrest, has prompted protests.",
     "Joren Takacs", {"died_in_custody"}),
    ("The Supreme Court rejected the appeal of Halvard Rusu against his 12-year sentence.", "Halvard Rusu",
     {"sentenced"}),
    ("The death sentence handed to Noor Eskandari in 2021 has been commuted to 15 years in prison.",
     "Noor Eskandari", {"commuted"}),
    # expected, scheduled, at risk: never the event itself
    ("Poet Darius Kellner faces execution after his final appeal was rejected.", "Darius Kellner",
     {"sentenced_to_death"}),
    ("Death-row prisoner Oren Talvik's execution is imminent, the group warned on Thursday.", "Oren Talvik",
     {"sentenced_to_death"}),
    ("Officials have set Sunday as the execution date for Bahram Qolizadeh, sentenced to death last year.",
     "Bahram Qolizadeh", {"sentenced_to_death"}),
    ("Student Yana Brevik is due to be sentenced on Monday; prosecutors asked for six years.", "Yana Brevik",
     {"charged", "on_trial"}),
    ("Activist Lev Orlen was charged on Friday and faces up to ten years in prison if convicted.", "Lev Orlen",
     {"charged"}),
    # demanded: asked for, chanted, petitioned, imperative
    ("UN experts urged the authorities to stop the execution of Kaveh Daneshvar and to quash his death sentence.",
     "Kaveh Daneshvar", {"sentenced_to_death"}),
    ("'Release her immediately,' the group said of Sahar Mirzaei, a student detained during the protests.",
     "Sahar Mirzaei", {"detained", "arrested"}),
    ("Crowds chanted for the release of imprisoned singer Tomas Reyna outside the court.", "Tomas Reyna",
     {"detained", "sentenced"}),
    ("A petition urging the authorities to pardon Ilya Voronin, who is serving eight years, has 20,000 names.",
     "Ilya Voronin", {"sentenced"}),
    # negated and denied
    ("A court ordered the release of Farid Nasser last month, but he is still held in Qena prison.",
     "Farid Nasser", {"detained", "arrested"}),
    ("Rumours that Selim Hakobyan had been freed proved unfounded: he appeared in court in handcuffs on Monday.",
     "Selim Hakobyan", {"detained", "on_trial", "arrested", "charged"}),
    ("Two years after his arrest, blogger Rustam Ayazov has yet to be tried.", "Rustam Ayazov",
     {"arrested", "detained"}),
    ("Officials dismissed as baseless lies reports that Kurdish inmate Peshraw Amini had died in custody.",
     "Peshraw Amini", {"detained"}),
    ("The ministry denied that death-row prisoner Milan Hrdy had been executed, saying he remained in prison.",
     "Milan Hrdy", {"sentenced_to_death"}),
    ("'It is not true that my son has been freed,' the mother of Kaveh Lorestani told reporters, after state "
     "radio announced his release.", "Kaveh Lorestani", {"detained", "arrested"}),
    # alleged, rumoured, feared
    ("Kestrel Rights said death-row prisoner Yusuf Amanov was hanged in Varka on Monday; the claim could not be "
     "independently verified.", "Yusuf Amanov", {"sentenced_to_death"}),
    ("Elan Masood was said to have been beaten by guards at Varka prison, a former cellmate said.", "Elan Masood",
     {"detained"}),
    ("Unconfirmed reports say Omid Rasekh, sentenced to death in 2024, was hanged on Tuesday.", "Omid Rasekh",
     {"sentenced_to_death"}),
    ("The family of death-row prisoner Navid Hosseinpour fears he may have been executed.", "Navid Hosseinpour",
     {"sentenced_to_death"}),
    # conditions and questions
    ("Should the court uphold his sentence, teacher Jalal Ferdows could be hanged within weeks; he was sentenced "
     "to death in May.", "Jalal Ferdows", {"sentenced_to_death"}),
    ("If released, Aziz Karlov would be the first of the detained engineers to come home.", "Aziz Karlov",
     {"detained", "arrested"}),
    # what happened last
    ("Activist Rahim Soltani was arrested again in Mashhad on Sunday, two years after a pardon freed him.",
     "Rahim Soltani", {"arrested", "detained"}),
    ("Sentenced to death in 2019, Parviz Nouri saw the sentence commuted in 2022; it was reinstated by the "
     "Supreme Court on Sunday.", "Parviz Nouri", {"sentenced_to_death"}),
    ("Released in 2023 after eight years in prison, Kamal Etemadi died at home last week.", "Kamal Etemadi",
     {"released"}),
    ("Mina Sorkhabi was freed on bail in January; on Tuesday she received 10 years in prison.", "Mina Sorkhabi",
     {"sentenced"}),
    ("Released on bail in March, Dara Kasimov was re-arrested at his flat two weeks later.", "Dara Kasimov",
     {"arrested", "detained"}),
    # words that are not the event
    ("The judiciary released a video on Monday in which Hejar Sanei, sentenced to death in May, appears to "
     "confess.", "Hejar Sanei", {"sentenced_to_death"}),
    ("Lawyers said the execution of the prison sentence of Vida Pourbagher, who was given four years, had been "
     "suspended.", "Vida Pourbagher", {"sentenced"}),
    # several people
    ("Arash Kamali was sentenced to death and his co-defendant Sina Jafari to six years in prison.", "Sina Jafari",
     {"sentenced"}),
    ("The court sentenced Lina Haddad to five years, Omar Saleh to seven years and Rami Aziz to three years.",
     "Rami Aziz", {"sentenced"}),
]

NOT_CASES = [
    ("Judge Abbas Rahimi sentenced the three protesters to death after a brief hearing.", "Abbas Rahimi"),
    ("Prison spokesman Karim Dehqan said the inmates were being treated well.", "Karim Dehqan"),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("status")
    items = folder / "reports.jsonl"
    with items.open("w", encoding="utf-8") as f:
        for n, (text, _, *_) in enumerate(REPORTS + NOT_CASES):
            f.write(json.dumps({"text": text, "url": f"https://status.test/{n}", "published": "2026-03-04"}) + "\n")
    s = open_store(folder / "casewatch.db")
    summary = ingest(s, iter_inputs([str(items)], Settings()), SerialRunner())
    assert not summary.failed
    yield s
    s.close()


def _case(store, name: str) -> dict | None:
    try:
        return queries.case(store, name)
    except CasewatchError:
        return None


@pytest.mark.parametrize(("text", "subject", "accepted"), REPORTS, ids=[r[1] for r in REPORTS])
def test_the_status_is_what_the_report_supports(store, text, subject, accepted):
    cf = _case(store, subject)
    assert cf is not None, f"{subject} is a case: {text}"
    assert cf["status"] in accepted, f"{subject}: {cf['status']} for {text}"
    assert cf["status"] not in HARMFUL - accepted


@pytest.mark.parametrize(("text", "name"), NOT_CASES, ids=[r[1] for r in NOT_CASES])
def test_people_who_act_on_cases_are_not_cases(store, text, name):
    assert _case(store, name) is None, text
