"""A French article added by a reader: places, demonyms, blocs and the journey on the map, the
passages in French with their reasons in the page's language."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import PageLog, wait_for_map

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytest.importorskip("playwright")
from playwright.sync_api import expect  # noqa: E402

from tests.browser.test_page import TIMEOUT, open_page, wait_for_heading  # noqa: E402
from tests.browser.test_upload import upload  # noqa: E402

ARTICLE = Path(__file__).parents[1] / "corpora" / "fr" / "niger-russie-cooperation-militaire.md"


def test_a_french_article_is_read_as_well_as_an_english_one(page: Page, base_url: str,
                                                             page_log: PageLog):
    open_page(page, base_url)
    upload(page, ARTICLE.name, ARTICLE.read_bytes())
    page.wait_for_url(re.compile(r"[?&]doc=upload-niger-russie"), timeout=TIMEOUT)
    expect(page.get_by_text("Le Niger et la Russie renforcent", exact=False).first) \
        .to_be_visible(timeout=TIMEOUT)
    for place in ("Niger", "Russia", "Alliance of Sahel States",
                  "Economic Community of West African States", "France"):
        expect(page.get_by_role("button", name=re.compile(rf"^{place} · \d+"))) \
            .to_be_visible(timeout=TIMEOUT)
    frame = wait_for_map(page)
    # The Russian delegation received in Niamey, and the Prime Minister's tour told in French:
    # 's'est rendu à Moscou la semaine dernière, puis à Belgrade', 'se rendra … à Ankara et à
    # Téhéran' (planned): two starts and five stops.
    expect(frame.locator(".stop-pin")).to_have_count(7, timeout=TIMEOUT)
    for stop in ("Niamey", "Moscow", "Belgrade", "Ankara · planned", "Tehran · planned"):
        expect(page.get_by_role("button", name=re.compile(rf"^\d {stop}$"))).to_be_visible()
    expect(frame.locator(".map-legend .legend-journey")).to_have_count(2)

    page.get_by_role("button", name=re.compile(r"^Niger · \d+")).click()
    wait_for_heading(page, "Niger")
    why = page.locator(".passage .why").all_inner_texts()
    said = " ".join(why)
    assert "nigériennes → demonym of Niger" in said or "nigérien → demonym of Niger" in said, said
    assert "Niamey → capital of Niger" in said, said
    passages = page.locator(".passage").all_inner_texts()
    assert any("Premier ministre nigérien" in text for text in passages)
    # 'parle français' is the language: France's passages do not hold that sentence.
    page.get_by_role("button", name="Show the whole article").click()
    page.get_by_role("button", name=re.compile(r"^France · \d+")).click()
    wait_for_heading(page, "France")
    france = " ".join(page.locator(".passage").all_inner_texts())
    assert "Paris" in france and "parler français" not in france
    page_log.assert_clean()
