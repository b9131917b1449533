"""Private feeds: the token alone authorises, only for the member's current networks."""

import datetime

import feedparser
import pytest
from django.utils import timezone
from icalendar import Calendar

from members.models import FeedToken
from networks.models import BodyPage, Material, MeetingPage, Membership
from networks.models.choices import MeetingStatus

from .helpers import add_material, add_meeting, add_minutes, in_a_month

pytestmark = pytest.mark.django_db


def ics_url(user, language="fi"):
    token = FeedToken.for_user(user).token
    return f"/syote/{token}/kokoukset.ics" if language == "fi" else f"/sv/flode/{token}/moten.ics"


def rss_url(user, language="fi"):
    token = FeedToken.for_user(user).token
    return f"/syote/{token}/uutiset.xml" if language == "fi" else f"/sv/flode/{token}/nyheter.xml"


def events(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert calendar.name == "VCALENDAR"
    assert str(calendar["VERSION"]) == "2.0"
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def entries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20"
    return feed.entries


def test_calendar_holds_the_members_meetings_only(client, hr, safety, hr_member):
    timed = add_meeting(
        hr,
        "HR-verkoston aamukokous",
        in_a_month(),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(11),
        place="KT, Unioninkatu 1",
        city="Helsinki",
    )
    add_meeting(safety, "Työsuojelupäälliköiden kokous", in_a_month())
    found = events(client, ics_url(hr_member))

    hr_meetings = MeetingPage.objects.child_of(hr).live()
    # The network's own meetings and those of its advisory board (a sub-body), each with its body.
    board = hr.get_children().type(BodyPage).get().specific
    board_meetings = MeetingPage.objects.child_of(board).live()
    assert set(found) == {f"HR-verkosto: {m.title}" for m in hr_meetings} | {
        f"{board.title}: {m.title}" for m in board_meetings
    }
    assert not any("Työsuojelu" in summary for summary in found)
    uids = {str(event["UID"]) for event in found.values()}
    assert len(uids) == len(found)

    event = found[f"HR-verkosto: {timed.title}"]
    start = event.decoded("DTSTART")
    assert isinstance(start, datetime.datetime)
    assert (start.hour, start.minute, str(start.tzinfo)) == (9, 30, "Europe/Helsinki")
    assert str(event["LOCATION"]) == "KT, Unioninkatu 1, Helsinki"
    assert str(event["STATUS"]) == "CONFIRMED"

    month = hr_meetings.get(slug="ideatyopaja-2020-02")
    by_month = found[f"HR-verkosto: {month.title}"]
    assert by_month.decoded("DTSTART") == datetime.date(2020, 2, 1)
    assert not isinstance(by_month.decoded("DTSTART"), datetime.datetime)

    cancelled = hr_meetings.get(status=MeetingStatus.CANCELLED)
    assert str(found[f"HR-verkosto: {cancelled.title}"]["STATUS"]) == "CANCELLED"


def test_swedish_calendar_is_in_swedish(client, hr_member):
    found = events(client, ics_url(hr_member, "sv"))
    assert "HR-nätverket: Idéverkstaden i juni" in found
    assert "Tidpunkt: juni 2020" in str(found["HR-nätverket: Idéverkstaden i juni"]["DESCRIPTION"])


def test_news_feed_holds_the_members_minutes_and_materials_only(client, hr, safety, hr_member):
    meeting = add_meeting(hr, "HR-verkoston toukokuun kokous", datetime.date(2021, 5, 10), "held")
    add_minutes(meeting, "Toukokuun pöytäkirja")
    other = add_meeting(safety, "Työsuojelun kokous", datetime.date(2021, 6, 1), "held")
    add_minutes(other, "Työsuojelun pöytäkirja")
    add_material(safety, "Työsuojelun uusi ohje")
    titles = [entry.title for entry in entries(client, rss_url(hr_member))]
    assert "HR-verkosto: Toukokuun pöytäkirja – HR-verkoston toukokuun kokous" in titles
    # The network's members-only material is in its members' feed.
    assert "HR-verkosto: HR-verkoston jäsenluettelo 2020" in titles
    # The network's and its advisory board's (a sub-body's), no other network's.
    assert all(
        title.startswith(("HR-verkosto: ", "HR-verkoston asiantuntijaraati: ")) for title in titles
    )
    board_minutes = (
        "HR-verkoston asiantuntijaraati: Pöytäkirja: asiantuntijaraati joulukuu 2020"
        " – Asiantuntijaraadin etätapaaminen"
    )
    assert board_minutes in titles
    safety_titles = set(Material.objects.filter(body=safety).values_list("title", flat=True))
    assert not safety_titles & {title.split(": ", 1)[1] for title in titles}


def test_renewing_makes_the_old_addresses_404(client, hr_member):
    old_ics, old_rss = ics_url(hr_member), rss_url(hr_member)
    client.force_login(hr_member)
    assert client.get("/omat-verkostot/uusi-syoteosoite/").status_code == 405
    response = client.post("/omat-verkostot/uusi-syoteosoite/")
    assert response.status_code == 302
    assert "Syötteidesi osoitteet on uusittu" in client.get(response["Location"]).content.decode()
    client.logout()
    assert client.get(old_ics).status_code == 404
    assert client.get(old_rss).status_code == 404
    assert client.get(ics_url(hr_member)).status_code == 200
    assert client.get(rss_url(hr_member, "sv")).status_code == 200


def test_unknown_token_or_inactive_member_gets_404(client, hr_member):
    assert client.get("/syote/arvattu-tunniste/kokoukset.ics").status_code == 404
    url = ics_url(hr_member)
    hr_member.is_active = False
    hr_member.save()
    assert client.get(url).status_code == 404


def test_ended_membership_removes_the_network_from_the_feeds(client, hr, hr_member):
    assert events(client, ics_url(hr_member))
    assert entries(client, rss_url(hr_member))
    membership = Membership.objects.get(person__user=hr_member, body=hr)
    membership.end_date = timezone.localdate() - datetime.timedelta(days=1)
    membership.save()
    assert events(client, ics_url(hr_member)) == {}
    assert entries(client, rss_url(hr_member)) == []
