"""Members' e-mail alerts: one message when their network publishes minutes or adds material,
only to members who asked and may open the item, with a link to stop the alerts."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from members.tests.helpers import add_material, add_meeting, add_minutes
from networks.models import Membership, Person
from subscriptions import alerts
from subscriptions.models import MemberAlert
from subscriptions.tokens import alert_off_token

from .utils import restrict_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_hr_member(hr, django_user_model):
    """A member of the HR network who has not asked for alerts."""
    user = django_user_model.objects.create_user("jasen-hr-2", "toinen@example.fi", "x")
    person = Person.objects.create(name="Toinen Jäsen", user=user, locale=hr.locale)
    Membership.objects.create(person=person, body=hr)
    return user


def ask_for_alerts(client, user, body):
    client.force_login(user)
    response = client.post(f"/omat-verkostot/ilmoitukset/{body.pk}/", {"alert": "on"})
    assert response.status_code == 302
    client.logout()


def test_member_turns_alerts_on_and_off_from_the_body_page(client, hr, hr_member, safety):
    client.force_login(hr_member)
    html = client.get("/verkostot/hr-verkosto/").content.decode()
    assert f'action="/omat-verkostot/ilmoitukset/{hr.pk}/"' in html
    # Not on the page of a network the member does not belong to.
    assert "/omat-verkostot/ilmoitukset/" not in client.get(safety.url).content.decode()
    assert (
        client.post(f"/omat-verkostot/ilmoitukset/{safety.pk}/", {"alert": "on"}).status_code == 404
    )

    response = client.post(
        f"/omat-verkostot/ilmoitukset/{hr.pk}/", {"alert": "on", "next": "/verkostot/hr-verkosto/"}
    )
    assert response["Location"] == "/verkostot/hr-verkosto/"
    assert MemberAlert.objects.filter(user=hr_member, body=hr, language="fi").exists()
    assert 'name="alert" value="off"' in client.get("/omat-verkostot/ilmoitukset/").content.decode()
    assert 'href="/omat-verkostot/ilmoitukset/"' in client.get("/omat-verkostot/").content.decode()
    client.post(f"/omat-verkostot/ilmoitukset/{hr.pk}/", {"alert": "off"})
    assert not MemberAlert.objects.exists()


SWITCH_ON = 'name="alert" value="off"'
SWITCH_OFF = 'name="alert" value="on"'


def test_body_page_shows_the_switch_as_it_is_after_every_change(
    client, hr, hr_member, django_capture_on_commit_callbacks
):
    """The switch is kept between requests; each way an alert changes shows on the next page."""
    client.force_login(hr_member)
    assert SWITCH_OFF in client.get(hr.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/omat-verkostot/ilmoitukset/{hr.pk}/", {"alert": "on"})
    assert SWITCH_ON in client.get(hr.url).content.decode()
    # Stopped from the message's link, without logging in.
    token = alert_off_token(MemberAlert.objects.get(user=hr_member))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/ilmoitukset/lopeta/{token}/")
    assert SWITCH_OFF in client.get(hr.url).content.decode()
    # Added and removed by an editor in the admin (or any other code).
    with django_capture_on_commit_callbacks(execute=True):
        alert = MemberAlert.objects.create(user=hr_member, body=hr, language="fi")
    assert SWITCH_ON in client.get(hr.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        alert.delete()
    assert SWITCH_OFF in client.get(hr.url).content.decode()


def test_visitors_get_no_alert_switch(client, hr):
    assert (
        "/omat-verkostot/ilmoitukset/" not in client.get("/verkostot/hr-verkosto/").content.decode()
    )
    assert client.get("/omat-verkostot/ilmoitukset/").status_code == 302


def test_alert_goes_out_when_minutes_are_published(
    client, hr, hr_member, other_hr_member, safety_member, django_capture_on_commit_callbacks
):
    ask_for_alerts(client, hr_member, hr)
    # A member of another network with an alert on this one (left from an ended term).
    MemberAlert.objects.create(user=safety_member, body=hr, language="fi")
    meeting = add_meeting(hr, "HR-verkoston kesäkuun kokous", datetime.date(2026, 6, 1), "held")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        minutes = add_minutes(meeting, "Kesäkuun pöytäkirja")
    assert [m.to for m in mail.outbox] == [[hr_member.email]]
    message = mail.outbox[0]
    assert message.subject == "HR-verkosto: uusi pöytäkirja – Kesäkuun pöytäkirja"
    assert minutes.get_full_url() in message.body
    assert "Tarkastettu pöytäkirja — hyväksytty 1.6.2026" in message.body  # its state
    assert "/ilmoitukset/lopeta/" in message.body
    assert "/omat-verkostot/ilmoitukset/" in message.body
    assert "List-Unsubscribe" in message.extra_headers

    # Publishing the same minutes again is not news.
    with django_capture_on_commit_callbacks(execute=True):
        minutes.save_revision().publish()
    assert len(mail.outbox) == 1


def test_no_alert_about_minutes_the_member_may_not_open(
    client, hr, hr_member, django_capture_on_commit_callbacks
):
    ask_for_alerts(client, hr_member, hr)
    meeting = add_meeting(hr, "HR-verkoston syyskokous", datetime.date(2026, 9, 1), "held")
    # Minutes restricted to another group than the network's members.
    board = Group.objects.create(name="Hallitus")
    restrict_to(meeting, board)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        add_minutes(meeting, "Syyskokouksen pöytäkirja")
    assert mail.outbox == []


def test_members_only_material_alerts_members_who_asked(
    client, hr, hr_member, other_hr_member, django_capture_on_commit_callbacks
):
    ask_for_alerts(client, hr_member, hr)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        material = add_material(hr, "HR-verkoston jäsenkirje")
    assert [m.to for m in mail.outbox] == [[hr_member.email]]
    message = mail.outbox[0]
    assert message.subject == "HR-verkosto: uutta aineistoa – HR-verkoston jäsenkirje"
    assert f"http://localhost/documents/{material.pk}/" in message.body
    # Editing the document later sends nothing.
    with django_capture_on_commit_callbacks(execute=True):
        material.description = "Päivitetty"
        material.save()
    assert len(mail.outbox) == 1


def test_stop_link_works_without_login(client, hr, hr_member, django_capture_on_commit_callbacks):
    ask_for_alerts(client, hr_member, hr)
    with django_capture_on_commit_callbacks(execute=True):
        add_material(hr, "HR-verkoston tiedote")
    stop = re.search(r"http://localhost(/ilmoitukset/lopeta/\S+/)", mail.outbox[-1].body).group(1)
    assert "Lopeta ilmoitukset" in client.get(stop).content.decode()
    assert MemberAlert.objects.exists()
    assert "Ilmoitukset lopetettu" in client.post(stop).content.decode()
    assert not MemberAlert.objects.exists()
    assert "Linkki ei kelpaa" in client.get("/ilmoitukset/lopeta/roskaa/").content.decode()


def test_documents_added_in_one_request_come_in_one_message(
    client, hr, hr_member, django_capture_on_commit_callbacks
):
    ask_for_alerts(client, hr_member, hr)
    mail.outbox.clear()
    alerts.start_collecting()
    with django_capture_on_commit_callbacks(execute=True):
        add_material(hr, "HR-verkoston opas 1")
        add_material(hr, "HR-verkoston opas 2")
    assert mail.outbox == []
    alerts.send_collected()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "HR-verkosto: 2 uutta asiakirjaa"
    assert "HR-verkoston opas 1" in message.body and "HR-verkoston opas 2" in message.body
