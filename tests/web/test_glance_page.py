"""The case page's top block and table of contents, without a browser: the block says what the case file's
glance says, comes before every section, and each contents link names a heading on the page."""
from __future__ import annotations

import html as html_lib
import re

import pytest

from casewatch.views.glance import case_glance, glance_lines


@pytest.fixture(scope="module")
def client(site):
    return site.signed_in("viewer")


def test_the_top_block_tells_the_glance_before_every_section(client, site):
    page = client.get("/cases/Kourosh%20Dalirvand")
    assert page.status_code == 200
    text = page.text
    cf = client.get("/api/cases/" + re.search(r"case (case-[0-9a-f]+)", text).group(1),
                    headers=site.auth("viewer")).json()
    block = text[text.index('<section class="glance"'):text.index('<section class="conflicts"')]
    for line in glance_lines(case_glance(cf)):
        assert html_lib.escape(line.text, quote=False) in block or line.text in html_lib.unescape(block)
        if line.anchor:
            assert f'href="#{line.anchor}"' in block and f'id="{line.anchor}"' in text
    assert text.index('id="glance-h"') < text.index('class="case-toc"') < text.index('id="conflicts-h"')


def test_every_contents_link_names_a_heading_on_the_page(client):
    text = client.get("/cases/Kourosh%20Dalirvand").text
    nav = text[text.index('<nav class="case-toc"'):text.index("</nav>", text.index('<nav class="case-toc"'))]
    targets = re.findall(r'href="#([^"]+)"', nav)
    assert {"conflicts-h", "timeline-h", "facts-h", "events-h", "sources-h"} <= set(targets)
    for t in targets:
        assert f'id="{t}"' in text
