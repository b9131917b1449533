"""The site's addresses as others see them: a sitemap of both languages with alternates and no
members-only page, robots.txt naming it, and every absolute address (sitemap, feeds, the API,
e-mails, iCalendar UIDs) on SITE_URL whatever host was asked or the Site record holds."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.core import mail
from icalendar import Calendar
from wagtail.models import Page, PageViewRestriction

from networks.models import NewsletterPage

pytestmark = pytest.mark.django_db

SITE_URL = "https://verkostot.example.fi"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
# Names of XML vocabularies, not links.
VOCABULARIES = ("http://www.sitemaps.org/", "http://www.w3.org/", "http://purl.org/")


@pytest.fixture
def public_address(settings):
    """The site's public address differs from the Site record (localhost) and the host asked."""
    settings.SITE_URL = settings.WAGTAILAPI_BASE_URL = settings.WAGTAILADMIN_BASE_URL = SITE_URL
    return SITE_URL


def absolute_addresses(text):
    found = re.findall(r"https?://[^\s\"'<>)]+", text)
    return [url for url in found if not url.startswith(VOCABULARIES)]


def assert_on_site_url(text):
    addresses = absolute_addresses(text)
    assert addresses
    wrong = [url for url in addresses if not url.startswith(SITE_URL + "/")]
    assert not wrong


def sitemap(client):
    response = client.get("/sitemap.xml", HTTP_HOST="sisainen.palvelin")
    assert response.status_code == 200
    return response.content.decode(), ET.fromstring(response.content)


def test_sitemap_lists_both_languages_with_alternates_and_no_members_only_page(
    demo_site, client, public_address
):
    text, root = sitemap(client)
    assert_on_site_url(text)
    entries = {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }
    public = Page.objects.live().public().filter(depth__gt=1).specific()
    expected = {SITE_URL + page.url for page in public}
    assert set(entries) == expected
    assert any("/sv/" in url for url in entries) and any("/sv/" not in url for url in entries)

    # Members-only pages and everything under them stay out.
    for restriction in PageViewRestriction.objects.select_related("page"):
        for page in Page.objects.descendant_of(restriction.page, inclusive=True):
            assert SITE_URL + page.url not in entries

    # A translated page names itself, its translation and the Finnish page as x-default.
    hr_fi = f"{SITE_URL}/verkostot/hr-verkosto/"
    hr_sv = f"{SITE_URL}/sv/natverk/hr-natverket/"
    for address in (hr_fi, hr_sv):
        assert entries[address] == {"fi": hr_fi, "sv": hr_sv, "x-default": hr_fi}


def test_robots_txt_names_the_sitemap(demo_site, client, public_address):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert f"Sitemap: {SITE_URL}/sitemap.xml" in response.content.decode().splitlines()


def test_feeds_use_site_url_for_links_and_calendar_uids(demo_site, client, public_address):
    rss = client.get("/sv/floden/natverk/hr-natverket/nyheter.xml", HTTP_HOST="10.0.0.5")
    assert rss.status_code == 200
    assert_on_site_url(rss.content.decode())

    ics = client.get("/syotteet/verkostot/hr-verkosto/kokoukset.ics", HTTP_HOST="10.0.0.5")
    events = Calendar.from_ical(ics.content).walk("VEVENT")
    assert events
    for event in events:
        assert str(event["UID"]).endswith("@verkostot.example.fi")
        assert str(event["URL"]).startswith(SITE_URL + "/")


def test_api_addresses_use_site_url(demo_site, client, public_address):
    listing = client.get("/api/v2/pages/?fields=*&limit=50", HTTP_HOST="10.0.0.5")
    assert listing.status_code == 200
    assert_on_site_url(listing.content.decode())
    page = listing.json()["items"][-1]
    detail = client.get(f"/api/v2/pages/{page['id']}/", HTTP_HOST="10.0.0.5").json()
    assert detail["meta"]["html_url"].startswith(SITE_URL + "/")
    assert detail["meta"]["parent"]["meta"]["html_url"].startswith(SITE_URL + "/")
    documents = client.get("/api/v2/documents/?fields=*", HTTP_HOST="10.0.0.5")
    assert_on_site_url(documents.content.decode())


def test_emails_use_site_url(demo_site, client, public_address):
    newsletter = NewsletterPage.objects.get(slug="hr-info", locale__language_code="fi")
    client.post(
        f"/sv/nyhetsbrev/{newsletter.pk}/bestall/",
        {"email": "lasare@example.fi", "language": "sv"},
        HTTP_HOST="10.0.0.5",
    )
    client.post("/sv/losenord/glomt/", {"email": "jasen-hr@example.fi"}, HTTP_HOST="10.0.0.5")
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert_on_site_url(message.body)
        for header in message.extra_headers.values():
            for url in absolute_addresses(header):
                assert url.startswith(SITE_URL + "/")
