"""Countries and regions are not the city of a case."""
from __future__ import annotations

import pytest

from casewatch.extract.places import is_region


@pytest.mark.parametrize("name", ["Iran", "Russia", "Belarus", "Venezuela", "Sagaing Region", "Kurdistan province"])
def test_countries_and_named_regions(name):
    assert is_region(name)


@pytest.mark.parametrize("name", ["Tehran", "Minsk", "Isfahan", "Cairo", "Magway", "Ostabad"])
def test_cities_and_bare_names_are_not_regions(name):
    assert not is_region(name)


def test_the_city_of_the_case_is_a_location_fact(run, look):
    x = run("Police arrested Darian Velmor in Gomel on Monday. He was later moved to a prison in Belarus.")
    assert look.values(x, "location") == {"Gomel"}
