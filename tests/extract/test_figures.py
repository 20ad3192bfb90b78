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
])
def test_not_figures(run, text):
    assert run(text).figures == []


def test_figure_attribution(run):
    x = run("More than 3,000 people have been killed, according to human rights groups.")
    f, = x.figures
    assert f.attribution is not None and f.attribution.name == "human rights groups" and f.attribution.generic
