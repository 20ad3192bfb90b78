"""Figures: what was counted, how many, and how sure."""
from __future__ import annotations

import pytest

QUALIFIED = [
    ("More than 3,000 people have been killed since the protests began.", "killed", 3000, "more_than", "people"),
    ("At least 1,200 people have been arrested.", "arrested", 1200, "at_least", "people"),
    ("About 40 executions have been recorded this year.", "executions", 40, "about", "executions"),
    ("Exactly 212 people were arrested in the province.", "arrested", 212, "exactly", "people"),
    ("Up to 500 people were detained.", "detained", 500, "up_to", "people"),
    ("Fewer than 30 people were released.", "released", 30, "fewer_than", "people"),
    ("Twelve protesters were executed last year.", "executed", 12, "exactly", "protesters"),
    ("The court cancelled the alleged executions of more than 800 people.", "executions", 800, "more_than", "people"),
    ("Rights groups estimate that more than 20,000 people were arrested.", "arrested", 20000, "more_than", "people"),
    ("The group has recorded more than 300 detentions.", "detentions", 300, "more_than", "detentions"),
    ("At least 1,200 arrested protesters have been identified.", "arrested", 1200, "at_least", "protesters"),
    # rights groups' stock counts, press releases, press-freedom groups and wire copy
    ("The Harbor Rights Centre counts at least 1,400 political prisoners in the country.", "political prisoners",
     1400, "at_least", "prisoners"),
    ("By our count, there are now at least 1,400 political prisoners in the country.", "political prisoners",
     1400, "at_least", "prisoners"),
    ("At least 12,300 people remain in detention for opposing the government.", "detained", 12300, "at_least",
     "people"),
    ("Nearly 25 reporters remain behind bars in the country.", "imprisoned", 25, "about", "reporters"),
    ("At least nine political prisoners have died in custody since 2020.", "died", 9, "at_least", "prisoners"),
    ("At least 14 people died in the fire at the prison.", "died", 14, "at_least", "people"),
    ("The government on Monday freed more than 7,000 prisoners to mark the holiday.", "released", 7000,
     "more_than", "prisoners"),
    ("Jana Novak was detained on 3 May together with nearly 40 other teachers.", "detained", 40, "about",
     "teachers"),
    ("Nearly 30 detained students were released on Friday.", "released", 30, "about", "students"),
    ("The army said it had executed two men convicted of murder.", "executed", 2, "exactly", "men"),
    ("More than 200 were released on Friday, the group said.", "released", 200, "more_than", "released"),
    ("At least 12 died in the attack on the prison.", "died", 12, "at_least", "died"),
    ("The number of political prisoners has risen to 1,160, the centre said.", "political prisoners", 1160,
     "exactly", "prisoners"),
    ("The number of political prisoners stands at more than 1,160.", "political prisoners", 1160, "more_than",
     "prisoners"),
    ("A total of 120 people were arrested during the protests.", "arrested", 120, "exactly", "people"),
    ("Over 500 people are being held without charge.", "detained", 500, "more_than", "people"),
    ("The death toll has risen to 52, officials said.", "deaths", 52, "exactly", "deaths"),
]


@pytest.mark.parametrize(("text", "quantity", "value", "qualifier", "counted"), QUALIFIED)
def test_figures(run, text, quantity, value, qualifier, counted):
    x = run(text)
    assert [(f.quantity, f.value, f.qualifier, f.counted) for f in x.figures] == [(quantity, value, qualifier, counted)]
    assert x.figures[0].evidence.quote == text


@pytest.mark.parametrize("text", [
    "Thousands have been arrested since the protests began.",
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
    x = run("More than 3,000 people have been killed, according to human rights groups.")
    f, = x.figures
    assert f.attribution is not None and f.attribution.name == "human rights groups" and f.attribution.generic
