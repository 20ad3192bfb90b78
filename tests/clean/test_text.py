"""clean_text on invented pasted reports: one test per rule, and the report's own words kept in order."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from casewatch.clean import clean_text
from casewatch.dates import parse_published

TITLE = "Rights group says detained teacher Kaveh Nouri faces retrial in Shiraz"
BODY = [
    "SHIRAZ — Kaveh Nouri, a schoolteacher detained since March, will face a retrial next month, "
    "the Harbor Rights Collective said on Tuesday.",
    "Nouri was arrested at his home in Shiraz after joining a strike by teachers. His family said he "
    "spent his first six weeks in an isolation cell.",
    "“He has done nothing but teach children,” his sister told the group. The provincial judiciary "
    "could not be reached on Tuesday.",
]


KEPT = "\n\n".join([TITLE, *BODY])
"""What is left of the report: its headline, which the outlet published too, then its paragraphs."""


def report(*lines: str) -> str:
    """A pasted page: the given lines around the invented report's title and body."""
    return "\n\n".join(lines)


def assert_body_kept(text: str) -> None:
    for paragraph in BODY:
        assert paragraph in text


@pytest.mark.parametrize("bar", [
    "Weather\u00a0\u00a0 \u00a0 Markets\u00a0 \u00a0Live TV",
    "Home | World | Politics",
    "Home  World  Middle East  Opinion",
    "News › World › Middle East",
])
def test_navigation_and_ticker_lines_are_dropped(bar: str) -> None:
    cleaned = clean_text(report(bar, TITLE, *BODY))
    assert cleaned.title == TITLE
    assert cleaned.text == KEPT


@pytest.mark.parametrize("line", [
    "Share.", "Share on Facebook", "Tweet", "Facebook  Twitter  WhatsApp  Email", "Share this article",
    "Copy link",
])
def test_share_bars_are_dropped(line: str) -> None:
    cleaned = clean_text(report(TITLE, BODY[0], line, *BODY[1:]))
    assert cleaned.text == KEPT


@pytest.mark.parametrize("marker", ["Leave a Reply", "Leave A Reply"])
def test_leave_a_reply_and_what_follows_are_dropped(marker: str) -> None:
    cleaned = clean_text(report(TITLE, *BODY, marker, "Cancel reply",
                                "Comments are moderated and may take a day to appear.",
                                "Another headline about an unrelated court case"))
    assert cleaned.text == KEPT


@pytest.mark.parametrize("marker", ["Leave a Reply", "Most read", "Related stories"])
def test_a_marker_above_the_headline_is_not_the_title(marker: str) -> None:
    cleaned = clean_text(report(marker, TITLE, *BODY))
    assert cleaned.title == TITLE
    assert marker not in cleaned.text
    assert_body_kept(cleaned.text)


def test_exit_mobile_version_is_dropped() -> None:
    assert clean_text(report(TITLE, *BODY, "Exit mobile version")).text == KEPT


@pytest.mark.parametrize("notice", [
    "Never miss an important story: switch on alerts.",
    "Sign up for our daily newsletter",
    "Get the top stories of the day delivered to your inbox.",
    "Subscribe to our newsletter and follow us on Instagram for the latest updates.",
])
def test_newsletter_notices_are_dropped(notice: str) -> None:
    assert clean_text(report(TITLE, *BODY, notice)).text == KEPT


def test_cookie_notice_is_dropped() -> None:
    notice = ("We use cookies to improve your experience on our site. By continuing to browse you accept "
              "our cookie policy.")
    assert clean_text(report(notice, TITLE, *BODY)).text == KEPT


@pytest.mark.parametrize("banner", ["BREAKING NEWS", "Breaking", "Advertisement", "Live updates"])
def test_banners_are_dropped(banner: str) -> None:
    assert clean_text(report(TITLE, banner, *BODY)).text == KEPT


@pytest.mark.parametrize(("lines", "author"), [
    (["By Clara Voss"], "Clara Voss"),
    (["By CLARA VOSS and TOMAS REYNE, Northgate Daily"], "CLARA VOSS"),
    (["Written By", "Clara Voss"], "Clara Voss"),
    (["Written by: Clara Voss"], "Clara Voss"),
    (["Clara Voss, Staff Writer"], "Clara Voss"),
])
def test_bylines_are_dropped_and_give_the_author(lines: list[str], author: str) -> None:
    cleaned = clean_text(report(TITLE, *lines, *BODY))
    assert cleaned.text == KEPT
    assert cleaned.author == author


def test_wire_credits_are_dropped() -> None:
    cleaned = clean_text(report(TITLE, *BODY, "(Reporting by Clara Voss; Editing by Tomas Reyne)"))
    assert cleaned.text == KEPT


def test_a_sentence_opening_with_by_is_kept() -> None:
    line = "By Tuesday, more than forty teachers had signed a letter calling for his release."
    assert line in clean_text(report(TITLE, BODY[0], line)).text


@pytest.mark.xfail(strict=True, reason="author bio phrased as 'X has reported on courts and prisons for eleven years "
                   "and is based in Lisbon. Follow her on Bluesky': not read yet")
def test_author_bio_and_its_link_are_dropped() -> None:
    bio = ("Clara Voss has reported on courts and prisons for eleven years and is based in Lisbon. Follow her "
           "on Bluesky for notes from the trials.")
    cleaned = clean_text(report(TITLE, *BODY, "Written By", bio, "View Full Bio & Articles →"))
    assert cleaned.text == KEPT
    assert cleaned.author == "Clara Voss"


@pytest.mark.parametrize("sentence", [
    "Leila Farahani, a journalist who worked for a reformist daily, was arrested in Tehran on Monday, "
    "her lawyer said.",
    "Leila Farahani is a journalist at the daily Sobh-e Now who was detained last year, her family said.",
])
def test_a_sentence_about_a_journalist_is_not_taken_for_a_bio(sentence: str) -> None:
    assert sentence in clean_text(report(TITLE, BODY[0], sentence)).text


@pytest.mark.parametrize("credit", [
    "Getty Images",
    "AFP via Getty Images",
    "Reuters/Clara Voss",
    "Clara Voss/Meridian Press/Shutterstock",
    "Photo: Clara Voss",
    "(Photo by Clara Voss/AFP via Getty Images)",
])
def test_a_photo_credit_on_its_own_line_is_dropped(credit: str) -> None:
    assert clean_text(report(TITLE, BODY[0], credit, *BODY[1:])).text == KEPT


def test_a_credit_glued_to_a_paragraph_is_stripped_and_the_paragraph_kept() -> None:
    glued = "More than 200 teachers have been detained since the strikes began, according to rights groups."
    cleaned = clean_text(report(TITLE, BODY[0], glued + " Getty Images", *BODY[1:]))
    assert glued in cleaned.text
    assert "Getty" not in cleaned.text


def test_a_caption_repeated_with_a_credit_is_kept_once_without_the_credit() -> None:
    alt = "Teachers gather outside the court in Shiraz."
    caption = "Teachers gather outside the court in Shiraz on Monday. Handout/AFP via Getty Images"
    cleaned = clean_text(report(TITLE, BODY[0], alt, caption, *BODY[1:]))
    assert cleaned.text.count("Teachers gather outside the court") == 1
    assert "Teachers gather outside the court in Shiraz on Monday." in cleaned.text
    assert "Getty" not in cleaned.text


@pytest.mark.parametrize("sentence", [
    "The ministry told Reuters on Monday that the verdict was final.",
    "Officials denied the account. Reuters could not verify the claim independently.",
])
def test_a_sentence_naming_an_agency_is_kept_whole(sentence: str) -> None:
    assert sentence in clean_text(report(TITLE, BODY[0], sentence)).text


def test_url_slugs_and_bare_links_are_dropped() -> None:
    slug = "rights-group-says-detained-teacher-kaveh-nouri-faces-retrial-in-shiraz"
    cleaned = clean_text(report(slug, TITLE, *BODY, "https://t.co/AbCdEf123"))
    assert cleaned.text == KEPT


@pytest.mark.parametrize("marker", [
    "Read more", "Most read", "Related", "You may also like", "Related Articles",
])
def test_unrelated_headlines_after_a_marker_are_dropped(marker: str) -> None:
    cleaned = clean_text(report(TITLE, *BODY, marker, "Court jails union leader for five years",
                                "Wildfire season starts early in the south",
                                "Three things to know about the new budget"))
    assert cleaned.text == KEPT


def test_a_marker_followed_by_more_of_the_report_cuts_nothing() -> None:
    cleaned = clean_text(report(TITLE, BODY[0], "Read more", *BODY[1:]))
    assert cleaned.text == KEPT


def test_the_title_line_goes_to_title_and_stays_in_the_text_once() -> None:
    slug = "rights-group-says-detained-teacher-kaveh-nouri-faces-retrial-in-shiraz"
    cleaned = clean_text(report("in", TITLE, slug, TITLE, *BODY))
    assert cleaned.title == TITLE
    assert cleaned.text.count(TITLE) == 1
    assert cleaned.text == KEPT


def test_a_report_opening_with_prose_has_no_title() -> None:
    cleaned = clean_text(report(*BODY))
    assert cleaned.title is None
    assert cleaned.text == "\n\n".join(BODY)


@pytest.mark.parametrize(("line", "words"), [
    ("21 January 2026 World", "21 January 2026"),
    ("Sunday, 15 February 2026", "Sunday, 15 February 2026"),
    ("January 20, 2026 10:15 AM", "January 20, 2026"),
    ("Published: 3 March 2026", "3 March 2026"),
    ("Updated Jan. 20, 2026 at 4:05 p.m. EST", "Jan. 20, 2026"),
    ("2026-01-21", "2026-01-21"),
    ("۱ بهمن ۱۴۰۴", "۱ بهمن ۱۴۰۴"),
])
def test_a_date_line_gives_the_date_words_and_leaves_the_text(line: str, words: str) -> None:
    cleaned = clean_text(report(TITLE, line, *BODY))
    assert cleaned.date_text == words
    assert cleaned.text == KEPT


def test_a_labelled_date_line_after_the_report_is_read() -> None:
    cleaned = clean_text(report(TITLE, *BODY, "Published: 3 March 2026"))
    assert cleaned.date_text == "3 March 2026"
    assert cleaned.text == KEPT


def test_a_date_inside_the_report_stays_in_the_text() -> None:
    line = "On 20 January 2026 the court postponed the hearing."
    cleaned = clean_text(report(TITLE, BODY[0], line))
    assert line in cleaned.text
    assert cleaned.date_text is None


def test_an_embedded_post_keeps_its_text_and_dated_attribution() -> None:
    post = ("Shiraz teacher Kaveh Nouri will be tried again next month, his colleagues write "
            "https://t.co/AbCdEf pic.twitter.com/XyZ987")
    attribution = "— Northgate Daily (@northgatedaily) March 3, 2026"
    cleaned = clean_text(report(*BODY[:2], post, attribution, BODY[2]))
    assert post in cleaned.text
    assert attribution in cleaned.text
    assert "March 3, 2026" in cleaned.text


def test_a_url_line_above_the_report_gives_the_url() -> None:
    cleaned = clean_text(report("https://northgate.example/news/nouri-retrial", TITLE, *BODY))
    assert cleaned.url == "https://northgate.example/news/nouri-retrial"
    assert "https://" not in cleaned.text


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?”])\s+", text) if s]


def test_every_sentence_of_the_report_survives_in_order() -> None:
    glued = "Rights groups say at least 40 teachers remain in custody."
    noisy = report(
        "Weather   Markets   Live TV", "in", TITLE, "rights-group-says-detained-teacher", TITLE,
        "21 January 2026 World", "By Clara Voss", BODY[0], "Share on Facebook", BODY[1],
        glued + " Reuters/Clara Voss", "Advertisement", BODY[2], "BREAKING NEWS",
        "Never miss an important story: switch on alerts.", "Leave a Reply", "Court jails union leader for five years",
    )
    cleaned = clean_text(noisy)
    wanted = sentences(" ".join([BODY[0], BODY[1], glued, BODY[2]]))
    positions = [cleaned.text.find(s) for s in wanted]
    assert -1 not in positions
    assert positions == sorted(positions)
    assert cleaned.title == TITLE
    assert cleaned.date_text == "21 January 2026"
    assert cleaned.author == "Clara Voss"


WIRE = [
    "GENEVA (Northgate Wire) - A panel of independent jurists on Friday asked the authorities to suspend the "
    "hanging of a 24-year-old dock worker convicted over last year's port strike.",
    "The panel said the court had relied on statements the man later withdrew, and that he had never been "
    "allowed to pick his own lawyer.",
    "A judiciary spokesperson replied that the verdict had followed the law and could still go before the "
    "supreme court on appeal.",
]


def test_noise_free_text_survives_whole() -> None:
    for text in ("\n".join(WIRE), "\n\n".join(WIRE), " ".join(WIRE)):
        cleaned = clean_text(text)
        assert cleaned.text.split() == text.split()
        assert cleaned.title is None


def test_a_paragraph_broken_at_a_fixed_width_is_joined_back() -> None:
    wrapped = ("The panel said the court had relied on statements\nthe man later withdrew, and that he had "
               "never\nbeen allowed to pick his own lawyer, while the judiciary\nreplied that the verdict "
               "had followed the law.")
    cleaned = clean_text(report(WIRE[0], wrapped))
    assert cleaned.text == WIRE[0] + "\n\n" + " ".join(wrapped.split())


def test_paragraphs_are_joined_by_a_blank_line_and_white_space_made_single() -> None:
    cleaned = clean_text("  First   paragraph\u00a0of the report ends here. \n\n\n\nSecond paragraph\tends.")
    assert cleaned.text == "First paragraph of the report ends here.\n\nSecond paragraph ends."


def test_persian_text_survives_whole() -> None:
    text = ("کاوه نوری، معلم بازداشت‌شده، ماه آینده دوباره محاکمه می‌شود.\n"
            "خانواده او می‌گویند که او شش هفته در سلول انفرادی نگهداری شده است.")
    assert clean_text(text).text.split() == text.split()


def test_empty_text() -> None:
    cleaned = clean_text("  \n\n ")
    assert cleaned.text == ""
    assert cleaned.title is None


def test_a_masthead_above_the_headline_gives_the_outlet() -> None:
    cleaned = clean_text(report("The Northgate Daily", TITLE, *BODY))
    assert cleaned.outlet == "The Northgate Daily"
    assert cleaned.title == TITLE
    assert cleaned.text == KEPT


def test_a_byline_with_a_date_gives_author_and_date() -> None:
    cleaned = clean_text(report(TITLE, "By Clara Voss | 21 January 2026", *BODY))
    assert (cleaned.author, cleaned.date_text) == ("Clara Voss", "21 January 2026")
    assert cleaned.text == KEPT


def test_a_teaser_under_a_banner_word_above_the_headline_is_not_the_title() -> None:
    teaser = "LIVE: Storm season latest — ferries cancelled across the bay"
    cleaned = clean_text(report("NORTHGATE DAILY", teaser, TITLE, *BODY))
    assert cleaned.title == TITLE
    assert cleaned.outlet == "NORTHGATE DAILY"
    assert cleaned.text == KEPT


@pytest.mark.parametrize("section", ["Middle East & Africa", "Europe and Central Asia", "World / Asia Pacific"])
def test_section_names_above_the_headline_are_not_the_title(section: str) -> None:
    cleaned = clean_text(report(section, TITLE, *BODY))
    assert cleaned.title == TITLE
    assert cleaned.text == KEPT


def test_a_section_word_above_the_headline_is_not_the_outlet() -> None:
    cleaned = clean_text(report("Middle East", TITLE, *BODY))
    assert cleaned.outlet is None
    assert cleaned.text == KEPT


def test_a_credit_of_names_joined_by_a_slash_is_stripped_from_a_caption() -> None:
    caption = "Relatives wait outside the court in Shiraz."
    credit = "Clara Voss/Meridian Press via Harbor Wire"
    cleaned = clean_text(report(TITLE, BODY[0], f"{caption} {credit}", *BODY[1:]))
    assert caption in cleaned.text
    assert "Meridian Press" not in cleaned.text


def test_a_call_to_subscribe_is_dropped_even_when_it_names_courts() -> None:
    notice = "Subscribe to The Court Docket, our weekly newsletter on courts, prisons and rights worldwide."
    assert clean_text(report(TITLE, *BODY, notice)).text == KEPT


def test_a_call_to_action_box_after_the_report_is_dropped() -> None:
    cleaned = clean_text(report(TITLE, *BODY, "Take action",
                                "Write to the embassy in your country. Use our template letter →"))
    assert cleaned.text == KEPT


# Pasted pages of wire services and state agencies: the masthead stands over the site's navigation.

def test_a_masthead_over_navigation_lines_is_the_outlet_not_the_title() -> None:
    cleaned = clean_text(report(
        "Skip to main content\nNorth Sea Newswire\nHome\nAsia\nClimate\nMarkets\nVideo\nLog in",
        TITLE, "By Clara Voss\nApril 2, 2026 11:07 AM GMT+3 Updated 40 mins ago",
        "Share\nWhatsApp\nFacebook\nEmail\nPrint", *BODY,
        "Our standards: the North Sea Newswire editorial code.", "Suggested topics:", "Asia", "Climate"))
    assert (cleaned.title, cleaned.outlet, cleaned.author) == (TITLE, "North Sea Newswire", "Clara Voss")
    assert cleaned.date_text == "April 2, 2026"
    assert cleaned.text == KEPT


@pytest.mark.xfail(strict=True, reason="reprint notice phrased as 'Reproduction of KTA news is allowed only with an "
                   "active link': not read yet")
def test_an_acronym_beside_its_name_over_a_navigation_bar_is_the_masthead() -> None:
    cleaned = clean_text(report(
        "KTA — Karsk Telegraph Agency\nHome | Economy | Culture | Regions | Sport\nKAR  ENG  DEU",
        "02.04.2026 09:48", TITLE, *BODY, "Tags: trials, prisons, Shiraz",
        "Reproduction of KTA news is allowed only with an active link to kta.example"))
    assert (cleaned.title, cleaned.outlet, cleaned.date_text) == (TITLE, "Karsk Telegraph Agency", "02.04.2026")
    assert cleaned.text == KEPT


def test_an_agency_tag_under_the_date_line_and_its_sign_off_are_dropped() -> None:
    cleaned = clean_text(report(TITLE, "Wed 15 Jan 2026 - 13:05\nHWS", "ADVERTISEMENT", *BODY, "- HWS"))
    assert (cleaned.title, cleaned.date_text) == (TITLE, "Wed 15 Jan 2026")
    assert cleaned.text == KEPT


@pytest.mark.parametrize("line", [
    "(KTA)",
    "— KTA",
    pytest.param("Print version | Email this story to a friend", marks=pytest.mark.xfail(
        strict=True, reason="print and send-to-a-friend bar phrased as 'Print version | Email this story to a "
        "friend': not read yet")),
    "Other news: Governor inspects new grain silos; Rail freight up four per cent",
])
def test_state_media_footers_are_dropped(line: str) -> None:
    assert clean_text(report(TITLE, *BODY, line)).text == KEPT


# Rights groups' press releases pasted from their sites.

@pytest.mark.xfail(strict=True, reason="site search box phrased as 'Search this site' over a press release: "
                   "not read yet")
def test_a_press_release_keeps_its_headline_and_date_and_drops_its_contact_block() -> None:
    cleaned = clean_text(report(
        "CRW | Coastal Rights Watch\nWho we are   Our work   Prisoners   Publications   Give\nSearch this site",
        "PRESS RELEASE", TITLE, "19 March 2026", *BODY, "For more information:",
        "Ines Valbuena, communications officer, +34 600 000 000", "media@crw.example",
        "Share this:\nWhatsApp\nX\nEmail", "Posted in News | Tagged fishermen, courts, Shiraz"))
    assert (cleaned.title, cleaned.outlet, cleaned.date_text) == (TITLE, "Coastal Rights Watch", "19 March 2026")
    assert cleaned.text == KEPT


@pytest.mark.parametrize("line", ["Media contact: Mira Castellan, press@crw.example",
                                  "Mira Castellan, spokesperson, +44 20 0000 0000", "press@crw.example"])
def test_contact_lines_are_dropped(line: str) -> None:
    assert clean_text(report(TITLE, *BODY, line)).text == KEPT


def test_headlines_of_related_releases_are_dropped() -> None:
    cleaned = clean_text(report(TITLE, *BODY, "Related releases",
                                "Coastal Rights Watch urges release of jailed fishermen",
                                "Court upholds ban on independent union"))
    assert cleaned.text == KEPT


# Social-media posts pasted as text: the poster's name over a Follow button, the platform's controls.

POST = ("My brother Darian Velmor was taken from our home on the 12th. Nobody has told us where he is held. "
        "We went to the police station twice and they sent us away.")


@pytest.mark.parametrize("name", ["Mira Castellan", "Mira Sol Castellan"])
def test_a_pasted_post_gives_its_author_and_no_title(name: str) -> None:
    cleaned = clean_text(report(f"{name}\nFollow", POST, "See translation",
                                "734 reactions · 52 comments · 198 shares", "Like\nComment\nShare"))
    assert (cleaned.title, cleaned.author) == (None, name)
    assert cleaned.text == POST


def test_a_translated_post_drops_its_hashtags_and_controls() -> None:
    cleaned = clean_text(report("Mira Castellan\n@mira_castellan\nFollow", POST, "#FreeDarian #JusticeNow",
                                "Translated from Portuguese", "Like · Reply · 3.1K"))
    assert cleaned.author == "Mira Castellan"
    assert cleaned.text == POST


# Long reads: a standfirst above the byline and the date line.

STANDFIRST = ("The strikes ended three winters ago. Their price is still paid in the staff rooms of the south, "
              "where colleagues keep a list of who is missing.")


def test_a_date_line_under_a_standfirst_is_the_publication_date() -> None:
    cleaned = clean_text(report(
        "The Northgate Review", TITLE, STANDFIRST, "By Clara Voss\nThu 12 Mar 2026 07.30 GMT",
        "Listen to this article · 9 min", *BODY,
        "This piece was corrected on 13 March 2026: an earlier version gave the wrong age for one teacher."))
    assert (cleaned.title, cleaned.author, cleaned.date_text) == (TITLE, "Clara Voss", "Thu 12 Mar 2026")
    assert cleaned.text == "\n\n".join([TITLE, STANDFIRST, *BODY])


def test_a_date_alone_deep_in_the_report_is_not_the_publication_date() -> None:
    cleaned = clean_text(report(TITLE, *BODY[:2], "4 February 2026", BODY[2]))
    assert cleaned.date_text is None


# The classes of page furniture seen in pasted reports.

@pytest.mark.parametrize("line", [
    "Share this article: Facebook | X | Telegram",
    "Share on: WhatsApp, Telegram",
    "Who to follow",
    "Please turn on JavaScript in your browser to read this page.",
    "JavaScript is disabled. Some features of this site will not work.",
    "The views expressed in this article are the author's own and do not necessarily reflect the editorial "
    "policy of The Northgate Daily.",
    "Disclaimer: this article is for general information purposes only.",
    "An earlier version of this article misspelled the name of a school.",
    "Our reporters depend on readers like you. If you rely on our coverage, give what you can. Donate today",
    "Every contribution, however small, counts toward the next investigation. Donate from €5",
    "Read our editorial standards",
])
def test_page_furniture_is_dropped(line: str) -> None:
    assert clean_text(report(TITLE, *BODY, line)).text == KEPT


def test_a_contributors_bio_at_the_end_is_dropped() -> None:
    bio = ("Clara Voss is a senior fellow at the Harbor Institute, where she studies prison systems. "
           "Her work has appeared in several journals.")
    cleaned = clean_text(report(TITLE, *BODY, bio))
    assert cleaned.text == KEPT
    assert cleaned.author == "Clara Voss"


def test_a_sentence_naming_a_fellow_inside_the_report_is_kept() -> None:
    line = ("Mira Castellan is a senior fellow at the Harbor Institute, where she has studied the region's "
            "schools for a decade.")
    more = [f"{p} The hearing is set for the spring." for p in BODY]
    cleaned = clean_text(report(TITLE, more[0], line, *more[1:], *BODY))
    assert line in cleaned.text


def test_an_organisations_name_over_press_release_is_the_masthead_and_its_notes_are_dropped() -> None:
    cleaned = clean_text(report("Coastal Rights Watch", "PRESS RELEASE", "12 March 2026", TITLE, *BODY, "ENDS",
                                "Notes to editors",
                                "Coastal Rights Watch is an independent organisation founded in 2004."))
    assert (cleaned.title, cleaned.outlet, cleaned.date_text) == (TITLE, "Coastal Rights Watch", "12 March 2026")
    assert cleaned.author is None
    assert cleaned.text == KEPT


@pytest.mark.parametrize("top", ["Mira Castellan\n@mira_castellan\n·\n2h", "Mira Castellan\n2h"])
def test_a_pasted_post_with_a_handle_or_a_time_gives_its_author(top: str) -> None:
    cleaned = clean_text(report(top, POST, "Show translation", "12 Reposts 3 Quotes 45 Likes 2 Bookmarks"))
    assert (cleaned.title, cleaned.author) == (None, "Mira Castellan")
    assert cleaned.text == POST


@pytest.mark.xfail(strict=True, reason="reaction counter under a pasted post phrased as a bare '734': not read yet")
def test_the_time_line_of_a_pasted_post_gives_its_date_when_it_has_a_year() -> None:
    cleaned = clean_text(report("Mira Castellan", "October 8, 2025 at 9:03 PM · ", POST, "All reactions:", "734",
                                "52 comments", "Like", "Comment", "Share"))
    assert (cleaned.title, cleaned.author, cleaned.date_text) == (None, "Mira Castellan", "October 8, 2025")
    assert cleaned.text == POST


def test_a_blog_date_line_with_a_user_name_and_its_like_buttons() -> None:
    cleaned = clean_text(report(TITLE, "Posted on March 29, 2026 by mira", *BODY, "Share this:", "Twitter",
                                "Like this:", "Like Loading...", "* * *"))
    assert (cleaned.title, cleaned.date_text) == (TITLE, "March 29, 2026")
    assert cleaned.text == KEPT


@pytest.mark.parametrize("line", ["12 Ramadan 1447 AH", "Thursday 12 Ramadan 1447 - 2 March 2026",
                                  "١٢ رمضان ١٤٤٧ هـ"])
def test_a_lunar_hijri_date_line_gives_the_date_words(line: str) -> None:
    cleaned = clean_text(report(TITLE, line, *BODY))
    assert cleaned.title == TITLE
    published = parse_published(cleaned.date_text or "")
    assert published is not None and published.first == dt.date(2026, 3, 1)  # 12 Ramadan 1447
    assert cleaned.text == KEPT
