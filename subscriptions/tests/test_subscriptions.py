"""Newsletter subscriptions: double opt-in with a signed link that works once and expires,
answers that reveal nothing, unsubscribe from every message, and the editors' CSV."""

import re
import time
from unittest import mock

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from networks.models import NewsletterPage
from subscriptions import tokens
from subscriptions.models import NewsletterSubscription

pytestmark = pytest.mark.django_db

EIGHT_DAYS = 8 * 24 * 60 * 60


@pytest.fixture
def hr_info(demo_site):
    return NewsletterPage.objects.get(slug="hr-info", locale__language_code="fi")


@pytest.fixture
def sv_hr_info(hr_info):
    return NewsletterPage.objects.get(
        translation_key=hr_info.translation_key, locale__language_code="sv"
    )


def subscribe(client, newsletter, email="lukija@example.fi", language="fi", prefix=""):
    url = f"{prefix}/uutiskirje/{newsletter.pk}/tilaa/"
    if prefix == "/sv":
        url = f"/sv/nyhetsbrev/{newsletter.pk}/bestall/"
    return client.post(url, {"email": email, "language": language})


def link(message, pattern):
    found = re.search(rf"http://localhost(\S*{pattern}\S*/)", message.body)
    assert found, message.body
    return found.group(1)


def test_newsletter_page_shows_its_archive_and_the_form(client, hr_info):
    html = client.get(hr_info.url).content.decode()
    assert "HR-info 1/2020" in html and "HR-info 9/2020" in html
    assert f'action="/uutiskirje/{hr_info.pk}/tilaa/"' in html
    assert 'name="email"' in html and 'value="fi" checked' in html


def test_confirm_link_works_once(client, hr_info):
    response = subscribe(client, hr_info)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lukija@example.fi"]
    assert message.subject == "Vahvista uutiskirjeen HR-info tilaus"
    confirm = link(message, "/uutiskirje/vahvista/")
    assert "/uutiskirje/peru/" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<http://localhost/uutiskirje/")

    subscription = NewsletterSubscription.objects.get(email="lukija@example.fi")
    assert not subscription.is_confirmed
    # Opening the link (as a mail scanner would) only shows the button.
    assert "Vahvista tilaus" in client.get(confirm).content.decode()
    subscription.refresh_from_db()
    assert not subscription.is_confirmed

    html = client.post(confirm).content.decode()
    assert "Olet nyt uutiskirjeen HR-info tilaaja" in html
    subscription.refresh_from_db()
    assert subscription.is_confirmed

    again = client.post(confirm).content.decode()
    assert "Linkki on jo käytetty" in again
    assert client.get(confirm).status_code == 200


def test_the_answer_does_not_reveal_whether_an_address_is_subscribed(client, hr_info):
    def answer(email):
        visitor = Client()
        response = subscribe(visitor, hr_info, email)
        followed = visitor.get(response["Location"]).content.decode()
        notice = re.search(r'<ul class="messages">(.*?)</ul>', followed, re.S).group(1)
        return response.status_code, response["Location"], notice.replace(email, "ADDRESS")

    NewsletterSubscription.objects.create(
        newsletter=hr_info, email="vanha@example.fi", language="fi", confirmed_at=timezone.now()
    )
    NewsletterSubscription.objects.create(
        newsletter=hr_info, email="kesken@example.fi", language="fi"
    )
    assert answer("uusi@example.fi") == answer("vanha@example.fi") == answer("kesken@example.fi")
    # The owner of a subscribed address hears about it, with the unsubscribe link.
    reminder = next(m for m in mail.outbox if m.to == ["vanha@example.fi"])
    assert reminder.subject == "Olet jo uutiskirjeen HR-info tilaaja"
    assert "/uutiskirje/peru/" in reminder.body
    assert NewsletterSubscription.objects.filter(newsletter=hr_info).count() == 3


def test_the_form_sends_one_message_at_a_time(client, hr_info):
    for _ in range(3):
        subscribe(client, hr_info)
    assert len(mail.outbox) == 1


def test_swedish_subscription_gets_swedish_messages_and_pages(client, sv_hr_info, hr_info):
    subscribe(client, sv_hr_info, "lasare@example.fi", "sv", prefix="/sv")
    message = mail.outbox[0]
    assert message.subject == "Bekräfta din prenumeration på HR-info"
    confirm = link(message, "/sv/nyhetsbrev/bekrafta/")
    assert "Tack. Du prenumererar nu på HR-info." in client.post(confirm).content.decode()
    # One list per newsletter, whichever language's page took the subscription.
    subscription = NewsletterSubscription.objects.get(email="lasare@example.fi")
    assert (subscription.newsletter_id, subscription.language) == (hr_info.pk, "sv")


def test_expired_link_says_so_in_the_readers_language_and_keeps_the_subscription(client, hr_info):
    subscribe(client, hr_info)
    subscription = NewsletterSubscription.objects.get()
    with mock.patch("django.core.signing.time.time", return_value=time.time() - EIGHT_DAYS):
        token = tokens.confirm_token(subscription)

    html = client.post(f"/uutiskirje/vahvista/{token}/").content.decode()
    assert "Linkki on vanhentunut" in html
    assert "linkki on voimassa 7 päivää" in html
    # The same subscription is offered again, filled in.
    assert 'value="lukija@example.fi"' in html
    sv_html = client.get(f"/sv/nyhetsbrev/bekrafta/{token}/").content.decode()
    assert "Länken har gått ut" in sv_html
    assert '<html lang="sv">' in sv_html

    subscription.refresh_from_db()
    assert not subscription.is_confirmed and subscription.nonce
    # A new link from the form works.
    mail.outbox.clear()
    NewsletterSubscription.objects.update(last_sent_at=None)
    subscribe(client, hr_info)
    client.post(link(mail.outbox[0], "/uutiskirje/vahvista/"))
    subscription.refresh_from_db()
    assert subscription.is_confirmed


def test_tampered_link_says_so_in_the_readers_language(client, hr_info):
    subscribe(client, hr_info)
    confirm = link(mail.outbox[0], "/uutiskirje/vahvista/")
    token = confirm.rstrip("/").rsplit("/", 1)[1]
    tampered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    html = client.post(f"/uutiskirje/vahvista/{tampered}/").content.decode()
    assert "Linkki ei kelpaa" in html
    assert (
        "Länken är inte giltig"
        in client.get(f"/sv/nyhetsbrev/bekrafta/{tampered}/").content.decode()
    )
    assert not NewsletterSubscription.objects.get().is_confirmed
    # A token signed for another purpose is no confirmation either.
    unsubscribe_token = tokens.unsubscribe_token(NewsletterSubscription.objects.get())
    html = client.post(f"/uutiskirje/vahvista/{unsubscribe_token}/").content.decode()
    assert "Linkki ei kelpaa" in html
    assert (
        "Länken är inte giltig" in client.get("/sv/nyhetsbrev/avbestall/roskaa/").content.decode()
    )


def test_unsubscribe_works_without_login(client, hr_info):
    subscribe(client, hr_info)
    client.post(link(mail.outbox[0], "/uutiskirje/vahvista/"))
    unsubscribe = link(mail.outbox[0], "/uutiskirje/peru/")
    assert "Peru tilaus" in client.get(unsubscribe).content.decode()
    assert NewsletterSubscription.objects.filter(email="lukija@example.fi").exists()
    html = client.post(unsubscribe).content.decode()
    assert "Tilaus peruttu" in html
    assert not NewsletterSubscription.objects.filter(email="lukija@example.fi").exists()


def test_one_click_unsubscribe_needs_no_csrf_token(client, hr_info):
    subscribe(client, hr_info)
    header = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    response = Client(enforce_csrf_checks=True).post(
        header.replace("http://localhost", ""), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert not NewsletterSubscription.objects.exists()


def test_editors_see_and_export_subscribers_per_newsletter(client, hr_info, django_user_model):
    safety_letter = NewsletterPage.objects.get(
        slug="kt-tiedottaa-tyosuojelupaallikoille", locale__language_code="fi"
    )
    NewsletterSubscription.objects.create(newsletter=hr_info, email="hr@example.fi", language="fi")
    NewsletterSubscription.objects.create(
        newsletter=safety_letter, email="ts@example.fi", language="sv"
    )
    client.force_login(django_user_model.objects.get(username="toimittaja"))
    url = "/admin/snippets/subscriptions/newslettersubscription/"
    html = client.get(url).content.decode()
    assert "hr@example.fi" in html and "ts@example.fi" in html
    response = client.get(url, {"newsletter": hr_info.pk, "export": "csv"})
    assert response.status_code == 200
    content = (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else response.content.decode()
    )
    assert "hr@example.fi" in content
    assert "ts@example.fi" not in content


def test_visitors_cannot_see_subscribers(client, hr_info):
    response = client.get("/admin/snippets/subscriptions/newslettersubscription/")
    assert response.status_code == 302


def test_messages_name_the_newsletter_in_the_subscribers_language_while_that_page_is_live(
    client, hr_info, sv_hr_info
):
    """Wagtail's `localized`: the live translation in the subscriber's language, else the page."""
    sv_hr_info.title = "HR-info på svenska"
    sv_hr_info.save_revision().publish()
    subscribe(client, sv_hr_info, "lasare@example.fi", "sv", prefix="/sv")
    assert mail.outbox[-1].subject == "Bekräfta din prenumeration på HR-info på svenska"

    sv_hr_info.refresh_from_db()
    sv_hr_info.unpublish()
    NewsletterSubscription.objects.update(last_sent_at=None)
    subscribe(client, hr_info, "lasare@example.fi", "sv")
    assert mail.outbox[-1].subject == "Bekräfta din prenumeration på HR-info"
