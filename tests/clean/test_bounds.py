"""Pages built to exhaust the parser are bounded before it sees them, and keep their words."""
from __future__ import annotations

from casewatch.clean import clean_html
from casewatch.clean.bounds import MAX_ATTRIBUTES, MAX_DEPTH, bound_html


def test_a_page_within_the_bounds_comes_back_unchanged() -> None:
    page = b'<html><body><p class="lead" id="a">Ada Voss was held.</p><br/><img src="x"></body></html>'
    assert bound_html(page) is page


def test_elements_past_the_depth_lose_their_tags_not_their_words() -> None:
    page = b"<html><body>" + b"<div>" * 5000 + b"Cell 9 was searched." + b"</div>" * 5000 + b"</body></html>"
    out = bound_html(page)
    assert out.count(b"<div>") <= MAX_DEPTH and out.count(b"</div>") <= MAX_DEPTH
    assert b"Cell 9 was searched." in out
    assert "Cell 9 was searched." in clean_html(page).text


def test_a_lt_sign_in_a_script_or_comment_is_no_tag() -> None:
    fake = b"<script>for (i = 0; i<n; i++) { s = '<b'; }</script>" * (MAX_DEPTH + 10)
    page = b"<html><body>" + fake + b"<!-- <div> -->" * (MAX_DEPTH + 10) + b"<article><p>Ada Voss was held.</p>" \
        b"</article></body></html>"
    assert bound_html(page) is page


def test_a_tag_keeps_its_first_attributes() -> None:
    attrs = b" ".join(b'data-x%d="v"' % i for i in range(5000))
    page = b"<html><body><article><p " + attrs + b">Noor Falk was detained, her union said.</p></article></body></html>"
    out = bound_html(page)
    assert out.count(b"data-x") == MAX_ATTRIBUTES and b'data-x0="v"' in out
    assert "Noor Falk was detained" in clean_html(page).text


def test_an_internal_dtd_subset_is_dropped() -> None:
    page = (b'<!DOCTYPE html [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><html><head><title>Poet held</title></head>'
            b"<body><article><p>The poet Rima Solvek was detained in Orth on Monday, her family said.</p>"
            b"</article></body></html>")
    assert bound_html(page).startswith(b"<!DOCTYPE html><html>")
    assert "Rima Solvek was detained" in clean_html(page).text


def test_a_page_of_too_many_elements_is_refused_before_parsing() -> None:
    import pytest

    from casewatch.clean.bounds import MAX_ELEMENTS
    from casewatch.errors import InputError

    page = b"<html><body>" + b"<p>x</p>" * (MAX_ELEMENTS + 1) + b"</body></html>"
    with pytest.raises(InputError) as e:
        bound_html(page)
    assert "elements" in e.value.reason and "save the article alone" in e.value.reason
