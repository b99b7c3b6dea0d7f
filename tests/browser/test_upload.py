"""Adding an article from the user's computer: it is read, mapped and shown as text."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import PageLog, open_popover, wait_for_map

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytest.importorskip("playwright")
from playwright.sync_api import expect  # noqa: E402

from tests.browser.test_page import TIMEOUT, open_page  # noqa: E402

PAYLOAD = '<img src=x onerror="window.__xss=1">'
ARTICLE = (f"---\ntitle: Chad and Niger {PAYLOAD}\nsource: Test wire\n---\n"
           f"Chadian troops and Nigerien forces met in N'Djamena. {PAYLOAD} `x` ${{x}}\n")


def upload(page: Page, name: str, data: bytes) -> None:
    """Choose a file in the upload box of the sidebar's "Add an article" popover."""
    box = open_popover(page, "Add articles").get_by_test_id("stFileUploaderDropzoneInput")
    box.set_input_files({"name": name, "mimeType": "text/plain", "buffer": data})


def test_an_uploaded_article_is_mapped_and_shown_as_text(page: Page, base_url: str,
                                                       page_log: PageLog):
    open_page(page, base_url)
    upload(page, "chad-niger.md", ARTICLE.encode())
    expect(page.get_by_text("Chad and Niger <img", exact=False).first).to_be_visible(
        timeout=TIMEOUT)
    expect(page.get_by_role("button", name="Chad · 2")).to_be_visible(timeout=TIMEOUT)
    wait_for_map(page)
    expect(page.get_by_text(PAYLOAD, exact=False).first).to_be_visible()  # shown as typed
    assert page.evaluate("() => window.__xss") is None
    assert "doc=upload-chad-niger" in page.url
    page_log.assert_clean()


def test_a_bad_upload_is_reported_and_the_article_kept(page: Page, base_url: str):
    open_page(page, base_url, "place=NER")
    upload(page, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00binary")
    box = page.get_by_test_id("stPopoverBody")  # the error is said where the user is looking
    expect(box.get_by_test_id("stAlert")).to_contain_text("photo.txt: looks like a binary file",
                                                          timeout=TIMEOUT)
    expect(box.get_by_test_id("stAlert")).to_be_in_viewport()
    expect(page.locator("h3").first).to_have_text("Niger")
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_the_article_picker_goes_back_to_the_seed_and_the_map_follows(page: Page, base_url: str,
                                                                      page_log: PageLog):
    open_page(page, base_url)
    upload(page, "chad-niger.md", ARTICLE.encode())
    page.wait_for_url(re.compile(r"[?&]doc=upload-chad-niger"), timeout=TIMEOUT)
    expect(page.get_by_role("button", name="Chad · 2")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_test_id("stPopoverBody")).to_have_count(0)  # closed once it is read
    page.get_by_role("button", name="Chad · 2").click()  # a rerun that keeps the article
    page.wait_for_url(re.compile(r"[?&]place=TCD"), timeout=TIMEOUT)
    picker = open_popover(page, f"Article: Chad and Niger {PAYLOAD}")  # the title as typed
    expect(picker.locator("label:has(input:checked)")).to_have_text(
        f"Chad and Niger {PAYLOAD} (added this visit)")  # the list opens on the article shown
    picker.get_by_text("Niger in Russia", exact=True).click()
    page.wait_for_url(re.compile(r"[?&]doc=niger-russia-military-cooperation"), timeout=TIMEOUT)
    expect(page.get_by_test_id("stPopoverBody")).to_have_count(0)  # the list closes on a pick
    expect(page.get_by_role("button", name="Russia · 11")).to_be_visible(timeout=TIMEOUT)
    frame = wait_for_map(page)
    expect(frame.locator(".stop-pin")).to_have_text(["start", "1", "2", "3", "4"],
                                                    timeout=TIMEOUT)
    assert page.evaluate("() => window.__xss") is None
    page_log.assert_clean()


def test_a_long_article_is_read_in_full_and_the_file_box_emptied(page: Page, base_url: str,
                                                                page_log: PageLog):
    """An article past the length analysed in a process of its own (a digest of 4,000 short
    dispatches) is mapped with every mention; the box no longer holds the file once read."""
    dispatch = "Chadian troops met Nigerien officers in N'Djamena, report {n} said.\n\n"
    text = "---\ntitle: Long digest\n---\n" + "".join(dispatch.format(n=n) for n in range(4000))
    assert len(text) > 200_000  # core/offload.py's HEAVY_CHARACTERS
    open_page(page, base_url)
    upload(page, "long-digest.md", text.encode())
    page.wait_for_url(re.compile(r"[?&]doc=upload-long-digest"), timeout=60_000)
    expect(page.get_by_role("button", name=re.compile(r"^Chad · 8,?000$"))).to_be_visible(
        timeout=60_000)
    expect(page.get_by_role("button", name=re.compile(r"^Niger · 4,?000$"))).to_be_visible()
    wait_for_map(page)
    box = open_popover(page, "Add articles")
    expect(box.get_by_test_id("stFileUploaderDropzoneInput")).to_have_count(1)
    expect(box.get_by_test_id("stFileUploaderFile")).to_have_count(0)
    page_log.assert_clean()
