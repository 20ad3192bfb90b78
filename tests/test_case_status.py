"""What a careful reader concludes from short reports: who is a case, and the status the text supports.

Each report is invented, in the registers of wire copy, rights-group statements and state media. A status
that the text does not support (executed, released, dead...) is the harm these tests guard against; every
report is ingested once, in one store, as a user would ingest a batch.
"""
from __future__ import annotations

import json

import pytest

from casewatch.acquire import iter_inputs
from casewatch.errors import CasewatchError
from casewatch.ingest import ingest
from casewatch.runner import SerialRunner
from casewatch.settings import Settings
from casewatch.store import open_store
from casewatch.views import queries

HARMFUL = {"executed", "released", "died_in_custody", "killed", "pardoned", "acquitted", "commuted", "disappeared"}

# (report, subject, statuses a careful reader accepts)
REPORTS = [
    # what happened, in its many forms
    ("Municipal police in Karsk arrested Arvin Solheim, a history teacher, as he left his school on Monday "
     "afternoon.", "Arvin Solheim", {"arrested", "detained"}),
    ("Mirela Duvnjak, who organises warehouse workers in Sorvik, has been detained by the security service, her "
     "union said on Tuesday.", "Mirela Duvnjak", {"detained", "arrested"}),
    ("A conscript at the Mirna bridge roadblock shot dead the engineering student Teodor Vasko late on Saturday "
     "as he tried to turn his car around.", "Teodor Vasko", {"killed"}),
    ("After four years behind the wire, the translator Benedikt Aalto walked out of penal colony No. 5 in Lysk "
     "on a wet Wednesday morning, his sister said.", "Benedikt Aalto", {"released"}),
    ("Relatives of the shepherd Gjergj Lleshi want an independent inquiry into his death in custody at Dornava "
     "police station, where officers had kept him since June.", "Gjergj Lleshi", {"died_in_custody"}),
    ("Halvard Rusu lost his last appeal on Tuesday: the Supreme Court upheld the nine years he was given for "
     "organising a dock strike.", "Halvard Rusu", {"sentenced"}),
    ("An appeals panel in Vettra commuted the death sentence of Wahid Noorzai, an Afghan-born welder, to "
     "eighteen years' imprisonment in April.", "Wahid Noorzai", {"commuted"}),
    # expected, scheduled, at risk: never the event itself
    ("The poet Darius Kellner faces execution at Hollin prison; the clemency board turned down his plea in "
     "February.", "Darius Kellner", {"sentenced_to_death"}),
    ("Oren Talvik's execution is imminent, according to a guard who spoke to his brother; the 41-year-old "
     "mechanic has been on death row at Brask since 2023.", "Oren Talvik", {"sentenced_to_death"}),
    ("A notice pinned up in Telvar prison lists 14 April as the date of Bahman Tirgan's hanging; the herder was "
     "condemned to death last year for a killing he denies.", "Bahman Tirgan", {"sentenced_to_death"}),
    ("The economics student Yana Brevik is due to be sentenced next week in Liskow, where the prosecution has "
     "demanded four and a half years.", "Yana Brevik", {"charged", "on_trial"}),
    ("Prosecutors in Tarvel indicted the environmental campaigner Lev Orlen for 'sabotage' on Wednesday; the "
     "charge carries a maximum of twelve years.", "Lev Orlen", {"charged"}),
    # demanded: asked for, chanted, petitioned, imperative
    ("Three European MPs have written to the justice minister urging him to halt the execution of Kaveh "
     "Daneshvar; the fisherman's death sentence was confirmed in January.", "Kaveh Daneshvar",
     {"sentenced_to_death"}),
    ("'Release Sahar Mirzaei and let her sit her exams,' forty of her fellow students wrote to the rector on "
     "Friday; the 20-year-old has been detained since the March protests.", "Sahar Mirzaei",
     {"detained", "arrested"}),
    ("Outside Morela prison, hundreds of fans chanted 'Freedom for Tomas!' on Saturday night for the jailed "
     "singer Tomas Reyna.", "Tomas Reyna", {"detained", "sentenced"}),
    ("An online appeal for clemency for the railway engineer Ilya Voronin, now halfway through an eight-year "
     "term, has been sent to the president with 11,500 signatures.", "Ilya Voronin", {"sentenced"}),
    # negated and denied
    ("An appeals judge in Port Selva ordered Farid Nasser's release on 2 February, yet the poet remains locked "
     "up in Barra jail, his wife said.", "Farid Nasser", {"detained", "arrested"}),
    ("Rumours that Selim Hakobyan had been freed proved unfounded: his lawyer visited him in the Arzni remand "
     "prison on Thursday and found him on hunger strike.", "Selim Hakobyan",
     {"detained", "on_trial", "arrested", "charged"}),
    ("Nobody has put Rustam Ayazov on trial in the nineteen months since his arrest over a video about flooded "
     "schools.", "Rustam Ayazov", {"arrested", "detained"}),
    ("Peshraw Amini is alive and in his cell, the Harvan prisons authority said on Monday, calling the reports "
     "of his death in custody 'pure fabrication'.", "Peshraw Amini", {"detained"}),
    ("Social-media posts saying Milan Hrdy had been hanged are false, the Interior Ministry said on Thursday; "
     "the mechanic is still awaiting execution in Doln prison.", "Milan Hrdy", {"sentenced_to_death"}),
    ("'My son is still behind bars; I took him clean clothes this morning,' said the mother of Kaveh "
     "Lorestani, a day after state radio reported that he had been freed.", "Kaveh Lorestani",
     {"detained", "arrested"}),
    # alleged, rumoured, feared
    ("Kestrel Rights posted on Monday that Yusuf Amanov, a death-row prisoner in Varka, had been hanged at "
     "dawn; no other source has been able to verify it.", "Yusuf Amanov", {"sentenced_to_death"}),
    ("Elan Masood, a Pakistani-born tailor held at Ostrova jail, was said to have been left without insulin for "
     "a week in March.", "Elan Masood", {"detained"}),
    ("Omid Rasekh, on death row since 2023, was hanged in Telvar prison on Wednesday, a former cellmate claims; "
     "the report is unconfirmed.", "Omid Rasekh", {"sentenced_to_death"}),
    ("Navid Hosseinpour's relatives have not heard from him since Sunday and are afraid he has been secretly "
     "hanged; a court condemned him to death in 2022.", "Navid Hosseinpour", {"sentenced_to_death"}),
    # conditions and questions
    ("Should the appeals chamber confirm his death sentence in June, the mathematics teacher Jalal Ferdows "
     "could go to the gallows before the autumn, the Lantern Project warned.", "Jalal Ferdows",
     {"sentenced_to_death"}),
    ("Were the authorities to free Aziz Karlov, the Uzbek agronomist held in Kerben since 2024, his former "
     "employer has promised him his job back.", "Aziz Karlov", {"detained", "arrested"}),
    # what happened last
    ("Yerlan Sadykov, an activist amnestied in 2023, was back in a police cell on Thursday after officers "
     "re-arrested him outside a cafe in Ostrel.", "Yerlan Sadykov", {"arrested", "detained"}),
    ("In a rare reversal, judges in the capital sent Parviz Nouri back to death row on Sunday, three years after "
     "his death sentence had been commuted to a life term.", "Parviz Nouri", {"sentenced_to_death"}),
    ("Kamal Etemadi died of a stroke at his daughter's flat last week, fourteen months after he was freed from "
     "Varka prison at the end of an eight-year term.", "Kamal Etemadi", {"released"}),
    ("Mina Sorkhabi, a film-maker freed on bail in January, was handed a ten-year prison sentence on Tuesday.",
     "Mina Sorkhabi", {"sentenced"}),
    ("Dara Kasimov had been out on bail for barely a fortnight when police arrested him again at his flat in "
     "Norvik on 3 April.", "Dara Kasimov", {"arrested", "detained"}),
    # words that are not the event
    ("State television released footage on Wednesday of the death-row prisoner Baran Delavar reading what his "
     "lawyer calls a forced confession.", "Baran Delavar", {"sentenced_to_death"}),
    ("Doctors persuaded a court in Ardel to defer the execution of Golnar Sepehri's four-year sentence until "
     "after her heart surgery, her lawyer said.", "Golnar Sepehri", {"sentenced"}),
    # several people
    ("Ruben Okafor was sentenced to death and his co-accused Sina Jafari to six years in prison at the end of "
     "the Maru trial.", "Sina Jafari", {"sentenced"}),
    ("The court sentenced Lina Haddad to five years, Omar Saleh to seven years and Rami Aziz to three years.",
     "Rami Aziz", {"sentenced"}),
]

NOT_CASES = [
    ("Presiding judge Kerem Aydogan sentenced five striking miners to death in a closed session on Tuesday.",
     "Kerem Aydogan"),
    ("Asked about the hunger strike, Karim Dehqan, who speaks for the Varka prison service, said every inmate "
     "was eating and in good health.", "Karim Dehqan"),
]


# Reports of a class the reading does not handle yet in this phrasing: subject -> why.
NOT_READ_YET = {
    "Gjergj Lleshi": "death in custody phrased as 'an inquiry into his death in custody': not read yet",
    "Halvard Rusu": "upheld sentence phrased as 'lost his last appeal: the Supreme Court upheld the nine years "
    "he was given': not read yet",
    "Sahar Mirzaei": "imperative demand phrased as a quoted 'Release X and let her sit her exams': not read yet",
    "Ilya Voronin": "petition phrased as 'an online appeal for clemency for X, halfway through an eight-year "
    "term': not read yet",
    "Rustam Ayazov": "no trial yet phrased as 'Nobody has put X on trial': not read yet",
    "Peshraw Amini": "denied death in custody phrased as 'X is alive, calling the reports of his death in "
    "custody pure fabrication': not read yet",
    "Milan Hrdy": "a death sentence told of 'the mechanic' after a semicolon, once the posts are denied: not read "
    "yet",
    "Golnar Sepehri": "a prison sentence named only as what a court defers, 'defer the execution of X's four-year "
    "sentence': not read as given yet",
}


def _params(rows: list[tuple]) -> list:
    return [
        pytest.param(*row, id=row[1], marks=pytest.mark.xfail(strict=True, reason=NOT_READ_YET[row[1]]))
        if row[1] in NOT_READ_YET else pytest.param(*row, id=row[1])
        for row in rows
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


@pytest.mark.parametrize(("text", "subject", "accepted"), _params(REPORTS))
def test_the_status_is_what_the_report_supports(store, text, subject, accepted):
    cf = _case(store, subject)
    assert cf is not None, f"{subject} is a case: {text}"
    assert cf["status"] in accepted, f"{subject}: {cf['status']} for {text}"
    assert cf["status"] not in HARMFUL - accepted


@pytest.mark.parametrize(("text", "name"), NOT_CASES, ids=[r[1] for r in NOT_CASES])
def test_people_who_act_on_cases_are_not_cases(store, text, name):
    assert _case(store, name) is None, text
