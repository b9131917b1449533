"""What a member sees of their own network: that they are a member (with alerts and a way to
leave) instead of an invitation to join, a lock beside what only members see, a calendar
entry for a meeting they signed up for, and feed addresses they can copy or subscribe to."""

import datetime

import pytest
from icalendar import Calendar

from networks.models import FolderPage, Membership
from networks.models.choices import AttendanceMode, DatePrecision

from .helpers import add_meeting, in_a_month

pytestmark = pytest.mark.django_db

MEMBER_TEXTS = {
    "fi": ("Olet jäsen", "Hae jäseneksi"),
    "sv": ("Du är medlem", "Ansök om medlemskap"),
}


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_own_network_says_you_are_a_member(client, hr, hr_member, language):
    url = {"fi": "/verkostot/hr-verkosto/", "sv": "/sv/natverk/hr-natverket/"}[language]
    member, join = MEMBER_TEXTS[language]
    assert hr.open_to_join
    visitor = html_of(client, url)
    assert join in visitor and member not in visitor
    client.force_login(hr_member)
    own = html_of(client, url)
    assert member in own and join not in own
    alerts = {"fi": "/omat-verkostot/ilmoitukset/", "sv": "/sv/mina-natverk/aviseringar/"}
    assert f'action="{alerts[language]}' in own


def test_member_of_another_network_may_ask_to_join(client, hr, safety_member):
    client.force_login(safety_member)
    html = html_of(client, hr.url)
    assert "Hae jäseneksi" in html and "Olet jäsen" not in html


def test_leaving_ends_the_membership_and_the_access_after_asking(client, hr, hr_member):
    folder = FolderPage.objects.child_of(hr).get(slug="jasenaineisto")
    client.force_login(hr_member)
    assert client.get(folder.url).status_code == 200
    leave = f"/omat-verkostot/eroa/{hr.pk}/"
    assert f'href="{leave}"' in html_of(client, hr.url)
    # Opening the link only asks.
    assert "Eroa" in html_of(client, leave)
    assert Membership.objects.current().filter(person__user=hr_member, body=hr).exists()
    response = client.post(leave)
    assert response["Location"] == "/omat-verkostot/"
    assert not Membership.objects.current().filter(person__user=hr_member, body=hr).exists()
    assert client.get(folder.url).status_code != 200
    html = html_of(client, hr.url)
    assert "Hae jäseneksi" in html and "Olet jäsen" not in html


def test_members_only_items_carry_a_lock_with_text_for_members(client, hr, hr_member):
    client.force_login(hr_member)
    html = html_of(client, hr.url)
    folder = html[html.index('href="/verkostot/hr-verkosto/jasenaineisto/"') :]
    assert folder.index("Vain jäsenille") < folder.index("</li>")
    public = html[html.index("<h2>Materiaalit</h2>") :]
    assert public.count("Vain jäsenille") == 1
    client.logout()
    assert "Vain jäsenille" not in html_of(client, hr.url)


def test_signed_up_member_may_add_the_meeting_to_their_calendar(client, hr, hr_member):
    meeting = add_meeting(hr, "HR-verkoston talvikokous", in_a_month())
    client.force_login(hr_member)
    assert "Lisää kalenteriin" not in html_of(client, meeting.url)
    client.post(meeting.registration_url, {"attendance": AttendanceMode.IN_PERSON})
    html = html_of(client, meeting.url)
    assert "Lisää kalenteriin" in html
    link = f"/syotteet/kokous/{meeting.pk}/kokous.ics"
    assert f'href="{link}"' in html
    response = client.get(link)
    assert response["Content-Type"].startswith("text/calendar")
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["SUMMARY"]) == "HR-verkosto: HR-verkoston talvikokous"
    assert event.decoded("DTSTART") == meeting.date


def test_meeting_calendar_is_refused_where_the_meeting_is_not_seen_or_has_no_day(
    client, hr, safety_member
):
    folder = FolderPage.objects.child_of(hr).get(slug="jasenaineisto")
    yearly = add_meeting(
        hr, "Vuoden kokous", datetime.date(2027, 1, 1), date_precision=DatePrecision.YEAR
    )
    assert client.get(f"/syotteet/kokous/{yearly.pk}/kokous.ics").status_code == 404
    assert client.get(f"/sv/floden/mote/{folder.pk}/mote.ics").status_code == 404
    assert client.get("/syotteet/kokous/99999999999999/kokous.ics").status_code == 404


def test_private_feed_addresses_can_be_copied_and_subscribed(client, hr_member):
    client.force_login(hr_member)
    html = html_of(client, "/sv/mina-natverk/")
    assert 'href="webcal://localhost/sv/flode/' in html
    assert 'class="copy-address"' in html and "Kopiera adressen" in html
    assert "members/copy_address.js" in html
