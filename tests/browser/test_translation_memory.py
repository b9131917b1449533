"""Translation memory in a real browser: a title translated on one page is offered beside the
segment editor of another page with the same Finnish title, one click copies it in, and the
term check re-runs as segments are saved. The editor's heading reads in the admin's language."""

import re
import uuid
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from .demo_pages import MEMBER
from .test_handoff import publish_new_folder
from .test_journeys import admin_login, translate_segments

pytestmark = pytest.mark.browser


def submit_for_translation(publisher, site_url, page_id):
    """The publisher submits a page into Swedish; returns the Swedish page's edit path."""
    publisher.goto(f"{site_url}/admin/localize/submit/page/{page_id}/")
    publisher.locator("input[name=locales][type=checkbox]").check()
    with publisher.expect_navigation():
        publisher.locator("main input[type=submit]").click()
    path = urlparse(publisher.url).path
    assert re.fullmatch(r"/admin/pages/\d+/edit/", path), publisher.url
    return path


def test_a_title_translated_before_is_offered_and_copied_in_with_one_click(
    site_url, demo_pages, new_page
):
    network = demo_pages.api_page("networks.BodyPage", "fi", slug="hr-verkosto")
    folder = demo_pages.api_page(
        "networks.FolderPage", "fi", MEMBER, slug="jasenaineisto", child_of=network["id"]
    )
    title = f"Kokouksen avaus {uuid.uuid4().hex[:6]}"
    publisher = new_page(name="julkaisija")
    admin_login(publisher, site_url, "julkaisija")
    first = publish_new_folder(publisher, site_url, network["id"], title)
    first_swedish = submit_for_translation(publisher, site_url, first)
    second = publish_new_folder(publisher, site_url, folder["id"], title)
    second_swedish = submit_for_translation(publisher, site_url, second)

    translator = new_page(name="kaantaja")
    admin_login(translator, site_url, "kaantaja")
    translator.goto(site_url + first_swedish)
    swedish_title = translate_segments(translator)[title]

    translator.goto(site_url + second_swedish)
    # wagtail-localize's script writes "Suomi to Svenska translation"; the admin speaks Finnish.
    expect(translator.locator(".js-translation-editor")).not_to_contain_text(" to Svenska")
    expect(translator.locator(".js-translation-editor")).to_contain_text("Käännös: Suomi")
    memory = translator.locator(".terminology-memory li", has_text=swedish_title)
    expect(memory).to_have_count(1)
    expect(translator.locator(".terminology-untranslated")).to_be_visible()
    with translator.expect_navigation():
        memory.get_by_role("button", name="Käytä tätä käännöstä").click()
    # Copied into its segment: the segment is translated and no longer offered.
    expect(translator.locator("li.complete", has_text=swedish_title).first).to_be_visible()
    expect(translator.locator(".terminology-memory li", has_text=swedish_title)).to_have_count(0)
