"""What a page tells search engines: description, canonical and hreflang on SITE_URL, Open
Graph, and a meeting's schema.org Event with no more precision than its date has."""

import datetime
import json
import re

import pytest

from members.tests.helpers import add_meeting
from networks.models import MeetingPage
from networks.models.choices import DatePrecision, MeetingFormat

pytestmark = pytest.mark.django_db


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    return html[: html.index("</head>")]


def event_of(client, url):
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head(client, url))
    assert len(found) == 1
    return json.loads(found[0])


def test_meeting_known_to_the_month_has_no_invented_day(demo_site, client):
    meeting = MeetingPage.objects.get(slug="ideatyopaja-2020-02", locale__language_code="fi")
    assert meeting.date_precision == DatePrecision.MONTH
    event = event_of(client, meeting.url)
    assert event["@type"] == "Event"
    assert event["startDate"] == "2020-02"
    assert event["endDate"] == "2020-02"
    assert "2020-02-01" not in json.dumps(event)


def test_meeting_known_to_the_season_spans_its_months(hr, client):
    meeting = add_meeting(
        hr,
        "Syksyn tapaaminen",
        datetime.date(2027, 9, 1),
        date_precision=DatePrecision.SEASON,
        season="autumn",
    )
    event = event_of(client, meeting.url)
    assert (event["startDate"], event["endDate"]) == ("2027-09", "2027-11")


def test_meeting_with_a_time_is_a_timed_event_in_finnish_time(hr, client, settings):
    meeting = add_meeting(
        hr,
        "Aamukokous",
        datetime.date(2027, 3, 10),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(11),
        format=MeetingFormat.IN_PERSON,
        place="KT",
        city="Helsinki",
    )
    event = event_of(client, meeting.url)
    assert event["startDate"] == "2027-03-10T09:30:00+02:00"
    assert event["endDate"] == "2027-03-10T11:00:00+02:00"
    assert event["url"] == f"{settings.SITE_URL}{meeting.url}"
    assert event["location"]["address"]["addressLocality"] == "Helsinki"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["organizer"]["name"] == "HR-verkosto"


def test_swedish_page_describes_itself_with_absolute_alternates(demo_site, client, settings):
    settings.SITE_URL = "https://verkostot.example.fi"
    html = head(client, "/sv/natverk/hr-natverket/")
    description = re.search(r'<meta name="description" content="([^"]+)">', html).group(1)
    assert description.startswith("HR-nätverket")
    assert len(description) <= 160
    assert f'<meta property="og:description" content="{description}">' in html
    assert '<meta property="og:title" content="HR-nätverket">' in html
    assert '<meta property="og:locale" content="sv_FI">' in html
    site = "https://verkostot.example.fi"
    assert f'<link rel="canonical" href="{site}/sv/natverk/hr-natverket/">' in html
    assert f'hreflang="fi" href="{site}/verkostot/hr-verkosto/"' in html
    assert f'hreflang="sv" href="{site}/sv/natverk/hr-natverket/"' in html
    assert f'hreflang="x-default" href="{site}/verkostot/hr-verkosto/"' in html
    assert not re.search(r'hreflang="\w+" href="/', html)


def test_views_outside_the_page_tree_describe_themselves_too(demo_site, client):
    html = head(client, "/sv/sok/?q=arbetarskydd")
    assert '<meta name="description" content="' in html
    assert '<link rel="canonical" href="http://localhost/sv/sok/">' in html
    assert 'hreflang="fi" href="http://localhost/haku/' in html
