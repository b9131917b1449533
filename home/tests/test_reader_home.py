"""The home page for each reader: search first, upcoming meetings linked by their body's name
with their real dates, what is new as this reader may see it, the bodies by kind, and no saved
listing that has nothing to show."""

import re

import pytest

from networks.models import MeetingPage, MinutesPage
from networks.models.choices import MeetingStatus

pytestmark = pytest.mark.django_db

UPCOMING = re.compile(r'<section aria-labelledby="home-upcoming">.*?</section>', re.S)
NEW = re.compile(r'<section aria-labelledby="home-new">.*?</section>', re.S)


def home_html(client, path="/"):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_search_comes_before_everything_else(demo_site, client):
    html = home_html(client)
    main = html[html.index('<main id="main"') :]
    assert main.index('class="home-search"') < main.index("home-upcoming")
    assert 'action="/haku/"' in main


def test_upcoming_meetings_are_named_by_their_body_and_dated(demo_site, client):
    section = UPCOMING.search(home_html(client)).group(0)
    links = re.findall(r'class="meeting-title" href="([^"]+)">([^<]+)</a>', section)
    assert links
    for url, text in links:
        meeting = MeetingPage.objects.get(url_path__endswith=url, locale__language_code="fi")
        assert meeting.status == MeetingStatus.PLANNED
        assert text == meeting.get_parent().title
        assert meeting.date_display in section
    assert "Kokous " not in section


def test_whats_new_lists_members_only_minutes_only_to_members(demo_site, client, hr_member):
    private = MinutesPage.objects.live().filter(locale__language_code="fi").not_public()
    assert private.exists()
    visitor = NEW.search(home_html(client)).group(0)
    assert not any(minutes.url in visitor for minutes in private)
    client.force_login(hr_member)
    member = NEW.search(home_html(client)).group(0)
    assert "Pöytäkirja" in member or any(minutes.url in member for minutes in private)


def test_bodies_are_shown_by_kind(demo_site, client):
    html = home_html(client)
    kinds = re.findall(r'<h3 id="home-kind-\d+">([^<]+)</h3>', html)
    assert kinds[:3] == ["Koordinaatioryhmä", "Kehittämisjaostot", "Verkostot"]
    swedish = home_html(client, "/sv/")
    assert "Nätverk" in re.findall(r'<h3 id="home-kind-\d+">([^<]+)</h3>', swedish)


def test_a_saved_listing_with_nothing_to_show_is_hidden(demo_site, client):
    """The demo's home lists "all minutes of 2020": members-only, so a visitor sees none."""
    html = home_html(client)
    assert "Kaikki pöytäkirjat 2020" not in html
    assert "Ei vielä mitään näytettävää" not in html
