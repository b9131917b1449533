"""A translator hands a translation over and a publisher approves it, in a real browser:
translate → "Lähetä hyväksyttäväksi" → the publisher approves from the dashboard → the Swedish
page is live, members-only where its Finnish source is."""

import re
import uuid
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from .demo_pages import MEMBER
from .test_journeys import admin_login, open_more_actions, translate_segments

pytestmark = pytest.mark.browser


def publish_new_folder(publisher, site_url, parent_id, title):
    """The publisher adds a folder under `parent_id` and publishes it; returns its id."""
    publisher.goto(f"{site_url}/admin/pages/{parent_id}/add_subpage/")
    if "/add/networks/folderpage/" not in publisher.url:
        with publisher.expect_navigation():
            publisher.locator('main a[href*="/add/networks/folderpage/"]').click()
    publisher.locator("#id_title").fill(title)
    publisher.locator("#id_title").press("Tab")  # leaving the title fills in the slug
    open_more_actions(publisher)
    with publisher.expect_navigation():
        publisher.locator("footer button[name=action-publish]").click()
    link = publisher.locator('.messages a[href$="/edit/"]').first
    expect(link).to_be_attached()
    return int(re.search(r"/pages/(\d+)/edit/", link.get_attribute("href")).group(1))


def approve_on_dashboard(publisher, site_url, title):
    """The row of the page awaiting review, its actions menu, "Approve" (no comment)."""
    publisher.goto(site_url + "/admin/")
    row = publisher.locator("#awaiting-review-content tr", has_text=title)
    expect(row).to_have_count(1)
    row.locator(".actions-container .w-dropdown__toggle").first.click()
    approve = row.locator("button[data-workflow-action-url*='/approve/']:not([data-launch-modal])")
    with publisher.expect_navigation():
        approve.click()


def test_translator_hands_over_and_a_publisher_approves_a_members_only_page(
    site_url, demo_pages, new_page
):
    network = demo_pages.api_page("networks.BodyPage", "fi", slug="hr-verkosto")
    folder = demo_pages.api_page(
        "networks.FolderPage", "fi", MEMBER, slug="jasenaineisto", child_of=network["id"]
    )
    title = f"Selainkokeen muistio {uuid.uuid4().hex[:6]}"

    publisher = new_page(name="julkaisija")
    admin_login(publisher, site_url, "julkaisija")
    page_id = publish_new_folder(publisher, site_url, folder["id"], title)
    publisher.goto(f"{site_url}/admin/localize/submit/page/{page_id}/")
    publisher.locator("input[name=locales][type=checkbox]").check()
    with publisher.expect_navigation():
        publisher.locator("main input[type=submit]").click()
    swedish_edit = urlparse(publisher.url).path
    assert re.fullmatch(r"/admin/pages/\d+/edit/", swedish_edit), publisher.url
    swedish_id = int(swedish_edit.split("/")[3])

    # The translator translates it and hands it over; they have no way to publish it.
    translator = new_page(name="kaantaja")
    admin_login(translator, site_url, "kaantaja")
    translator.goto(site_url + swedish_edit)
    done = translate_segments(translator)
    swedish_title = done[title]
    expect(translator.locator("button[name=action][value=publish]")).to_have_count(0)
    hand_over = translator.get_by_role("button", name="Lähetä hyväksyttäväksi")
    with translator.expect_navigation():
        hand_over.click()
    expect(translator.locator(".messages")).to_contain_text("lähetettiin hyväksyttäväksi")

    # Not live yet: nobody reads it under /sv/.
    member = new_page(MEMBER)
    assert member.request.get(f"{site_url}/api/v2/pages/{swedish_id}/").status == 404

    # The publisher approves it from the dashboard, where it waits beside the other pages.
    approve_on_dashboard(publisher, site_url, swedish_title)

    # Live, and members-only as its Finnish source: the member reads it, a visitor may not.
    response = member.request.get(f"{site_url}/api/v2/pages/{swedish_id}/")
    assert response.status == 200
    swedish_path = urlparse(response.json()["meta"]["html_url"]).path
    assert swedish_path.startswith("/sv/")
    member.goto(site_url + swedish_path)
    expect(member.locator("main h1")).to_have_text(swedish_title)
    visitor = new_page()
    visitor.goto(site_url + swedish_path)
    assert "/kirjaudu/" in visitor.url or "/logga-in/" in visitor.url, visitor.url
    expect(visitor.locator("main")).not_to_contain_text(swedish_title)
