"""Public feeds: valid in real readers, in the reader's language, with nothing private."""

import datetime

import pytest

from members.tests.helpers import add_material, add_meeting, add_minutes, in_a_month
from networks.models import Material, MeetingPage
from networks.models.choices import DatePrecision, MeetingStatus, Season

from .utils import entries, events, restrict_to

pytestmark = pytest.mark.django_db


def test_body_calendar_parses_with_the_bodys_meetings(client, hr, safety):
    timed = add_meeting(
        hr,
        "HR-verkoston aamukokous",
        in_a_month(),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(11),
        city="Helsinki",
    )
    add_meeting(safety, "Työsuojelupäälliköiden syyskokous", in_a_month())
    found = events(client, "/syotteet/verkostot/hr-verkosto/kokoukset.ics")

    assert set(found) == {
        f"HR-verkosto: {m.title}" for m in MeetingPage.objects.child_of(hr).live().public()
    }
    assert len({str(event["UID"]) for event in found.values()}) == len(found)
    start = found[f"HR-verkosto: {timed.title}"].decoded("DTSTART")
    assert (start.hour, start.minute, str(start.tzinfo)) == (9, 30, "Europe/Helsinki")

    # Known to the month only: an all-day event over the month, shown as free time.
    month = found["HR-verkosto: Ideatyöpaja: HR-työn tuottavuus"]
    assert month.decoded("DTSTART") == datetime.date(2020, 2, 1)
    assert month.decoded("DTEND") == datetime.date(2020, 3, 1)
    assert str(month["TRANSP"]) == "TRANSPARENT"


def test_meetings_known_to_a_season_or_year_stay_out_of_calendars(client, hr):
    add_meeting(
        hr,
        "HR-verkoston syystapaaminen",
        datetime.date(2030, 9, 1),
        date_precision=DatePrecision.SEASON,
        season=Season.AUTUMN,
    )
    add_meeting(
        hr, "HR-verkoston vuositapaaminen", datetime.date(2030, 1, 1), date_precision="year"
    )
    summaries = set(events(client, "/syotteet/kokoukset.ics"))
    assert not any("syystapaaminen" in s or "vuositapaaminen" in s for s in summaries)
    # Still in the news feed, with the season as its date.
    titles = [
        e.title for e in entries(client, "/syotteet/verkostot/hr-verkosto/uutiset.xml").entries
    ]
    assert "HR-verkoston syystapaaminen (syksy 2030)" in titles


def test_all_meetings_calendar_holds_every_bodys_public_meetings(client, hr, safety):
    add_meeting(safety, "Työsuojelupäälliköiden syyskokous", in_a_month())
    found = events(client, "/syotteet/kokoukset.ics")
    assert "Työsuojelupäälliköiden verkosto: Työsuojelupäälliköiden syyskokous" in found
    assert "HR-verkosto: Ideatyöpaja: HR-työn tuottavuus" in found
    assert all(not summary.startswith("HR-nätverket") for summary in found)


def test_news_feed_parses_with_meetings_minutes_and_materials(client, hr, safety):
    meeting = add_meeting(hr, "HR-verkoston toukokuun kokous", datetime.date(2021, 5, 10), "held")
    add_minutes(meeting, "Toukokuun pöytäkirja")
    add_material(hr, "HR-verkoston uusi opas")
    add_material(safety, "Työsuojelun uusi ohje")
    feed = entries(client, "/syotteet/verkostot/hr-verkosto/uutiset.xml")
    assert feed.feed.title == "HR-verkosto: kokoukset, pöytäkirjat ja aineistot"
    assert feed.feed.language == "fi"
    titles = [entry.title for entry in feed.entries]
    assert "Toukokuun pöytäkirja – HR-verkoston toukokuun kokous" in titles
    assert any(t.startswith("HR-verkoston toukokuun kokous (10.") for t in titles)
    assert "HR-verkoston uusi opas" in titles
    assert "Työsuojelun uusi ohje" not in titles
    for entry in feed.entries:
        assert entry.link.startswith("http://localhost/")
        assert entry.id and entry.published_parsed
    # Members-only documents of the network are not in its public feed.
    private = Material.objects.filter(body=hr, collection__view_restrictions__isnull=False)
    assert private.exists()
    assert not set(private.values_list("title", flat=True)) & set(titles)


def test_swedish_feeds_have_swedish_titles_and_links(client, hr):
    feed = entries(client, "/sv/floden/natverk/hr-natverket/nyheter.xml")
    assert feed.feed.title == "HR-nätverket: möten, protokoll och material"
    assert feed.feed.language == "sv"
    assert any(entry.title.startswith("Idéverkstaden i juni") for entry in feed.entries)
    page_links = [e.link for e in feed.entries if "/documents/" not in e.link]
    assert page_links and all(link.startswith("http://localhost/sv/") for link in page_links)
    # The Finnish path gives the same feed in Swedish under /sv/.
    assert (
        entries(client, "/sv/floden/verkostot/hr-verkosto/nyheter.xml").feed.title
        == feed.feed.title
    )
    found = events(client, "/sv/floden/natverk/hr-natverket/moten.ics")
    assert "HR-nätverket: Idéverkstaden i juni" in found
    assert "Tidpunkt: juni 2020" in str(found["HR-nätverket: Idéverkstaden i juni"]["DESCRIPTION"])


def test_private_meeting_never_appears_in_a_public_feed(client, hr, hr_member):
    secret = add_meeting(hr, "Salainen strategiakokous", in_a_month(), MeetingStatus.PLANNED)
    add_minutes(secret, "Salaisen kokouksen pöytäkirja")
    restrict_to(secret, hr.members_group)
    # Asked by a member of the network too: a public feed is the same for everyone.
    client.force_login(hr_member)
    for url in (
        "/syotteet/kokoukset.ics",
        "/syotteet/verkostot/hr-verkosto/kokoukset.ics",
        "/syotteet/verkostot/hr-verkosto/uutiset.xml",
        "/sv/floden/moten.ics",
    ):
        content = client.get(url).content.decode()
        assert "Salai" not in content, url
        assert str(secret.translation_key) not in content, url


def test_draft_meeting_is_not_in_the_feeds(client, hr):
    draft = MeetingPage(
        title="Luonnoskokous", slug="luonnoskokous", date=in_a_month(), date_precision="day"
    )
    hr.add_child(instance=draft)
    draft.save_revision()
    MeetingPage.objects.filter(pk=draft.pk).update(live=False)
    assert (
        "Luonnoskokous"
        not in client.get("/syotteet/verkostot/hr-verkosto/uutiset.xml").content.decode()
    )
    assert "Luonnoskokous" not in client.get("/syotteet/kokoukset.ics").content.decode()


def test_restricted_body_has_no_public_feed(client, hr):
    restrict_to(hr, hr.members_group)
    assert client.get("/syotteet/verkostot/hr-verkosto/uutiset.xml").status_code == 404
    assert client.get("/syotteet/verkostot/hr-verkosto/kokoukset.ics").status_code == 404
    assert client.get("/syotteet/verkostot/ei-ole/uutiset.xml").status_code == 404
    assert client.get("/syotteet/verkostot/uutiset.xml").status_code == 404


def test_body_page_links_its_feeds_in_both_languages(client, hr):
    html = client.get("/verkostot/hr-verkosto/").content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" '
        'title="HR-verkosto: kokoukset, pöytäkirjat ja aineistot" '
        'href="/syotteet/verkostot/hr-verkosto/uutiset.xml">'
    ) in html
    assert 'href="/syotteet/verkostot/hr-verkosto/kokoukset.ics" type="text/calendar"' in html
    html = client.get("/sv/natverk/hr-natverket/").content.decode()
    assert 'href="/sv/floden/natverk/hr-natverket/nyheter.xml"' in html
    assert 'href="/sv/floden/moten.ics"' in html
