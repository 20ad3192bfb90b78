"""Figures: what was counted, how many, and how sure."""
from __future__ import annotations

import pytest

QUALIFIED = [
    ("Police have killed more than 2,600 people since the uprising started in April.", "killed", 2600, "more_than",
     "people"),
    ("At least 1,200 people have been arrested.", "arrested", 1200, "at_least", "people"),
    ("About 40 executions have been recorded this year.", "executions", 40, "about", "executions"),
    ("Exactly 212 people were arrested in the province.", "arrested", 212, "exactly", "people"),
    ("Up to 500 people were detained.", "detained", 500, "up_to", "people"),
    ("Fewer than 30 people were released.", "released", 30, "fewer_than", "people"),
    ("Twelve protesters were executed last year.", "executed", 12, "exactly", "protesters"),
    ("Lawyers said the scheduled executions of more than 650 people had been put on hold.", "executions", 650,
     "more_than", "people"),
    ("Lawyers' associations believe that more than 17,500 people were arrested in the first month.", "arrested",
     17500, "more_than", "people"),
    ("The group has recorded more than 300 detentions.", "detentions", 300, "more_than", "detentions"),
    ("At least 1,200 arrested protesters have been identified.", "arrested", 1200, "at_least", "protesters"),
    # rights groups' stock counts, press releases, press-freedom groups and wire copy
    ("Exiled monitors at the Lindqvist Fund count at least 1,430 political prisoners held across the republic.",
     "political prisoners", 1430, "at_least", "prisoners"),
    ("We now know of at least 980 political prisoners in Karsia.", "political prisoners", 980, "at_least",
     "prisoners"),
    ("At least 8,400 opponents of the junta are still in detention, the association says.", "detained", 8400,
     "at_least", "opponents"),
    ("Nearly 25 reporters are in prison today, the press-freedom group says.", "imprisoned", 25, "about",
     "reporters"),
    ("At least eleven jailed dissidents have died behind bars since the crackdown began.", "died", 11, "at_least",
     "dissidents"),
    ("At least 14 people died in the fire at the prison.", "died", 14, "at_least", "people"),
    ("More than 5,300 inmates were freed on Monday under a harvest-festival amnesty.", "released", 5300,
     "more_than", "inmates"),
    ("Jana Novak was detained on 3 May together with nearly 40 other teachers.", "detained", 40, "about",
     "teachers"),
    ("Nearly 30 detained students were released on Friday.", "released", 30, "about", "students"),
    pytest.param("The military said it had hanged two farmers convicted of arson.", "executed", 2, "exactly",
                 "farmers", marks=pytest.mark.xfail(
                     strict=True, reason="count of executions phrased as 'had hanged two farmers': not read yet")),
    ("More than 200 were released on Friday, the group said.", "released", 200, "more_than", "released"),
    ("At least 12 died in the attack on the prison.", "died", 12, "at_least", "died"),
    ("The number of political prisoners has risen to 1,085, the centre said.", "political prisoners", 1085,
     "exactly", "prisoners"),
    ("The number of political prisoners stands at more than 1,085.", "political prisoners", 1085, "more_than",
     "prisoners"),
    ("Police arrested a total of 120 students at the rally.", "arrested", 120, "exactly", "students"),
    ("Over 500 people are being held without charge.", "detained", 500, "more_than", "people"),
    ("The death toll has risen to 52, officials said.", "deaths", 52, "exactly", "deaths"),
]


@pytest.mark.parametrize(("text", "quantity", "value", "qualifier", "counted"), QUALIFIED)
def test_figures(run, text, quantity, value, qualifier, counted):
    x = run(text)
    assert [(f.quantity, f.value, f.qualifier, f.counted) for f in x.figures] == [(quantity, value, qualifier, counted)]
    assert x.figures[0].evidence.quote == text


@pytest.mark.parametrize("text", [
    "Thousands have been arrested in the months since the election.",
    "Darian Velmor, 23, was arrested.",
    "A 23-year-old teacher was arrested.",
    "He was sentenced to 10 years in prison.",
    "The protests of 2022 left 212 schools closed.",
    "The two were arrested separately.",
    "He was fined $5,000 and arrested.",
    "He was arrested in 2019.",
    "Two prisoners told the group that the food was rotten.",
    "The group held three meetings with the families.",
    "Three meetings were held in the capital.",
    "The number of visits rose to 12 last year.",
])
def test_not_figures(run, text):
    assert run(text).figures == []


def test_figure_attribution(run):
    x = run("Police have killed more than 2,600 people since April, according to human rights groups.")
    f, = x.figures
    assert f.attribution is not None and f.attribution.name == "human rights groups" and f.attribution.generic
