"""clean_html on small invented pages: main text kept, page furniture dropped, metadata read."""
from __future__ import annotations

from casewatch.clean import clean_html

PARAGRAPHS = [
    "A court in Tabriz has turned down the appeal of Mina Sadeghi, a nurse who spoke to reporters about "
    "conditions in a city hospital during the strikes, her lawyer said on Wednesday.",
    "Sadeghi was given three years in December for 'spreading propaganda'. The appeal judges confirmed "
    "the verdict without hearing her, according to the Harbor Rights Collective.",
    "Her colleagues have gathered outside the courthouse every week since her arrest, and more than two "
    "hundred health workers have signed a letter calling for her release.",
]


def page(head: str = "", article_extra: str = "", h1: str = "Court upholds nurse's prison sentence") -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">{head}</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<h1>{h1}</h1>
{paragraphs}
{article_extra}
</article></main>
<footer><p>Copyright 2026 Northgate Daily. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy policy</a></li>
<li><a href="/contact">Contact the newsroom</a></li></ul></footer>
</body></html>""".encode()


METADATA = """
<title>Court upholds nurse's prison sentence | Northgate Daily</title>
<link rel="canonical" href="https://northgate.example/world/2026/court-upholds-nurse-sentence">
<meta property="og:site_name" content="Northgate Daily">
<meta name="author" content="Clara Voss">
<meta property="article:published_time" content="2026-01-21T08:30:00+00:00">
"""


def test_main_text_is_kept_and_navigation_and_footer_dropped() -> None:
    cleaned = clean_html(page(METADATA))
    for paragraph in PARAGRAPHS:
        assert paragraph in cleaned.text
    for furniture in ("Politics", "Sport", "All rights reserved", "Privacy policy", "Contact the newsroom"):
        assert furniture not in cleaned.text


def test_paragraphs_stay_on_their_own_lines_in_order() -> None:
    text = clean_html(page(METADATA)).text
    positions = [text.index(p) for p in PARAGRAPHS]
    assert positions == sorted(positions)
    assert all(text[pos - 1] == "\n" for pos in positions[1:])


def test_metadata_is_read() -> None:
    cleaned = clean_html(page(METADATA))
    assert cleaned.title == "Court upholds nurse's prison sentence"
    assert cleaned.author == "Clara Voss"
    assert cleaned.outlet == "Northgate Daily"
    assert cleaned.url == "https://northgate.example/world/2026/court-upholds-nurse-sentence"
    assert cleaned.date_text == "2026-01-21"


def test_the_given_url_is_used_when_the_page_names_none() -> None:
    cleaned = clean_html(page("<title>Court upholds nurse's prison sentence</title>"),
                         url="https://northgate.example/a/2026/01/20/nurse")
    assert cleaned.url == "https://northgate.example/a/2026/01/20/nurse"


def test_the_h1_headline_wins_over_a_title_with_a_site_name() -> None:
    head = "<title>Tabriz court upholds sentence - Nurse case - Northgate Daily</title>"
    cleaned = clean_html(page(head, h1="Tabriz court upholds sentence of nurse who spoke out"))
    assert cleaned.title == "Tabriz court upholds sentence of nurse who spoke out"


def test_share_bar_and_photo_credit_inside_the_article_are_dropped() -> None:
    extra = "<p>Share on Facebook</p><p>Getty Images</p><p>Sign up for our daily newsletter</p>"
    cleaned = clean_html(page(METADATA, article_extra=extra))
    assert PARAGRAPHS[-1] in cleaned.text
    for noise in ("Share on Facebook", "Getty Images", "newsletter"):
        assert noise not in cleaned.text


def test_a_page_in_a_legacy_encoding_is_decoded() -> None:
    html = page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
                "<title>Café owner detained</title>").decode().replace('<meta charset="utf-8">', "")
    html = html.replace("A court in Tabriz", "A court in Tabriz (café district)")
    cleaned = clean_html(html.encode("windows-1252"))
    assert "(café district)" in cleaned.text


def test_a_page_without_main_text_keeps_its_metadata() -> None:
    html = (b"<html><head><title>Northgate Daily</title>"
            b"<meta property='og:site_name' content='Northgate Daily'></head>"
            b"<body><script>var edition = 'world';</script></body></html>")
    cleaned = clean_html(html)
    assert cleaned.text == ""
    assert cleaned.outlet == "Northgate Daily"


def test_empty_bytes_give_an_empty_report() -> None:
    assert clean_html(b"").text == ""


def test_share_words_caught_in_the_author_are_left_out() -> None:
    head = METADATA.replace('content="Clara Voss"', 'content="Clara Voss; Share; Print"')
    assert clean_html(page(head)).author == "Clara Voss"


def test_a_title_that_is_only_a_section_name_gives_way_to_the_headline() -> None:
    cleaned = clean_html(page(head="<title>Middle East &amp; Africa</title>"
                                   '<meta property="og:title" content="Middle East &amp; Africa">'))
    assert cleaned.title == "Court upholds nurse's prison sentence"


def test_a_title_that_is_only_the_site_name_gives_way_to_the_headline() -> None:
    cleaned = clean_html(page(head='<title>Northgate Daily</title><meta property="og:site_name" '
                                   'content="Northgate Daily">'))
    assert (cleaned.title, cleaned.outlet) == ("Court upholds nurse's prison sentence", "Northgate Daily")


def test_the_headline_is_looked_for_in_the_article_before_the_page_header() -> None:
    html = page(head="<title>Allgemein</title>").replace(
        b"<nav>", b"<header><h1>Northgate Daily local pages</h1></header><nav>")
    assert clean_html(html).title == "Court upholds nurse's prison sentence"
