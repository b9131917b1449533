"""The site's users, the way they use it, in a real browser: a visitor browses and searches,
a member finds members-only minutes and opens a private document, an editor creates a meeting
with minutes that a publisher approves, and a translator translates a page into Swedish.

The last page of each journey is saved under test-output/screenshots/."""

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from .demo_pages import LANGUAGES, MEMBER

pytestmark = pytest.mark.browser

# A word as people write it and the inflected or compound forms the demo has
# (työsuojelupäälliköiden, arbetarskyddscheferna).
VISITOR_SEARCH = {"fi": "työsuojelupäällikkö", "sv": "arbetarskyddschef"}
# What a member of the HR network looks for: minutes, and the network's member list.
MEMBER_SEARCH = {
    "fi": {"minutes": "pöytäkirja", "material": "jäsenluettelo"},
    "sv": {"minutes": "protokoll", "material": "medlemsmaterial"},
}
DOCUMENT_TYPES = (
    "application/pdf",
    "application/vnd.openxmlformats-officedocument",
    "application/vnd.oasis.opendocument",
)


def path_of(page):
    return urlparse(page.url).path


def click_and_wait(page, locator):
    expect(locator).to_be_visible()
    with page.expect_navigation():
        locator.click()


def search_from_header(page, word):
    """Type the words into the search field in the header and press Enter."""
    page.locator("#site-search").fill(word)
    with page.expect_navigation():
        page.locator("#site-search").press("Enter")
    expect(page.locator("main [role=status]")).to_contain_text(word)


def result_links(page):
    return page.locator("ol.results .result-title a")


def result_hrefs(page):
    return [link.get_attribute("href") for link in result_links(page).all()]


# ------------------------------------------------------------------ a visitor


@pytest.mark.parametrize("lang", LANGUAGES)
def test_visitor_browses_from_home_to_a_meeting(site_url, demo_pages, page, lang):
    home = demo_pages.resolve("home", lang)[0]
    steps = [demo_pages.resolve(kind, lang)[0] for kind in ("body-index", "network", "meeting")]
    page.goto(site_url + home)
    for step in steps:
        click_and_wait(page, page.locator(f'main a[href="{step}"]').first)
        assert path_of(page) == step
        assert page.evaluate("document.documentElement.lang") == lang
        expect(page.locator("main h1")).to_be_visible()
    # The meeting's breadcrumbs lead back up the tree it was reached through.
    crumbs = page.locator("nav.breadcrumbs a")
    assert [href for href in crumbs.evaluate_all("els => els.map(a => a.pathname)")][-2:] == [
        steps[0],
        steps[1],
    ]
    expect(page.locator("nav.breadcrumbs [aria-current=page]")).to_have_text(
        page.locator("main h1").inner_text()
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_visitor_searches_and_opens_a_result(site_url, demo_pages, page, lang):
    page.goto(site_url + demo_pages.resolve("home", lang)[0])
    search_from_header(page, VISITOR_SEARCH[lang])
    assert page.evaluate("document.documentElement.lang") == lang
    count = int(re.search(r"\d+", page.locator("main [role=status]").inner_text()).group(0))
    assert count > 0
    links = result_links(page)
    assert links.count() >= 1
    # The results are in the searcher's language: every hit is under its language's tree.
    hrefs = result_hrefs(page)
    pages = [href for href in hrefs if not href.startswith("/documents/")]
    assert pages, f"only documents found for {VISITOR_SEARCH[lang]}: {hrefs}"
    assert all(href.startswith("/sv/") == (lang == "sv") for href in pages), hrefs
    first = page.locator(f'ol.results .result-title a[href="{pages[0]}"]').first
    title = first.inner_text()
    with page.expect_navigation() as navigation:
        first.click()
    assert navigation.value.status == 200
    assert path_of(page) == pages[0]
    expect(page.locator("main h1")).to_have_text(title)


# ------------------------------------------------------------------ a member


def log_in_through_the_form(page, username):
    page.locator("a.account").click()
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("kt-demo-2026")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page.locator("form.account")).to_contain_text(re.compile(r"\w"))


def hits_only_members_see(visitor, member, site_url, search_path, word):
    """The result links the member gets for `word` and a visitor does not."""
    url = f"{site_url}{search_path}?q={word}"
    visitor.goto(url)
    seen_by_visitor = set(result_hrefs(visitor))
    member.goto(url)
    return [href for href in result_hrefs(member) if href not in seen_by_visitor]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_member_finds_minutes_and_opens_a_private_document(site_url, demo_pages, new_page, lang):
    home = demo_pages.resolve("home", lang)[0]
    search_path = urlparse(demo_pages.resolve("search", lang)[0]).path
    words = MEMBER_SEARCH[lang]
    visitor = new_page()
    member = new_page(name=MEMBER)  # logs in below, through the form

    # The member logs in with the login link in the header and comes back logged in.
    member.goto(site_url + home)
    log_in_through_the_form(member, MEMBER)

    # Members-only minutes: found through search by the member, not by a visitor.
    private = hits_only_members_see(visitor, member, site_url, search_path, words["minutes"])
    assert private, f"searching {words['minutes']!r} finds nothing members-only for {MEMBER}"
    member.goto(site_url + home)
    search_from_header(member, words["minutes"])
    minutes_link = member.locator(f'ol.results .result-title a[href="{private[0]}"]')
    title = minutes_link.inner_text()
    with member.expect_navigation() as navigation:
        minutes_link.click()
    assert navigation.value.status == 200
    expect(member.locator("main h1")).to_have_text(title)
    # A visitor who follows the same link is asked to log in instead.
    response = visitor.goto(site_url + private[0])
    assert urlparse(visitor.url).path != private[0] or response.status in (401, 403)

    # A private document: found through search, directly or in a members-only folder.
    private = hits_only_members_see(visitor, member, site_url, search_path, words["material"])
    assert private, f"searching {words['material']!r} finds nothing members-only for {MEMBER}"
    member.goto(f"{site_url}{search_path}?q={words['material']}")
    document = private[0]
    if not document.startswith("/documents/"):
        click_and_wait(member, member.locator(f'ol.results a[href="{private[0]}"]'))
        documents = member.locator('main a[href^="/documents/"]')
        assert documents.count() >= 1, f"no documents in {private[0]}"
        document = documents.first.get_attribute("href")
    # The member's journey ends on the page with the link (the screenshot); the file is
    # fetched with the member's cookies, as the browser's download would be.
    document_url = site_url + document
    response = member.request.get(document_url)
    assert response.status == 200, f"GET {document_url} as {MEMBER} -> {response.status}"
    content_type = response.headers["content-type"]
    assert content_type.startswith(DOCUMENT_TYPES), content_type
    if content_type == "application/pdf":
        assert response.body().startswith(b"%PDF")
    # The same address does not give the file to a visitor.
    response = visitor.request.get(document_url, max_redirects=0)
    assert response.status != 200 or not response.headers["content-type"].startswith(
        DOCUMENT_TYPES
    ), f"a visitor got {document_url}"
