"""No mail is lost and no request fails while the mail server is down: with a real local SMTP
server (aiosmtpd) stopped, a visitor subscribes to a newsletter and a member asks for a password
reset; both succeed. When the server is back, the queue's worker (`send_queued_mail`) delivers
each message once."""

import socket

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone
from post_office.mail import send_queued
from post_office.models import STATUS, Email

from networks.models import NewsletterPage

pytestmark = pytest.mark.django_db


def worker_runs():
    """One round of the queue's worker: `send_queued_mail` repeats this until nothing is due,
    closing the database connection between rounds, which a test inside a transaction may not
    do."""
    send_queued()


class Collect:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content))
        return "250 Message accepted for delivery"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp(settings, mail_through_the_queue):
    """A real SMTP server on 127.0.0.1 that the test starts when it likes; the queue delivers
    to it only when its worker runs."""
    from post_office.signals import email_queued

    email_queued.disconnect(dispatch_uid="tests-deliver-queued-mail")
    port = free_port()
    handler = Collect()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    settings.POST_OFFICE = {
        **settings.POST_OFFICE,
        "BACKENDS": {"default": "django.core.mail.backends.smtp.EmailBackend"},
    }
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    yield controller, handler
    if controller._thread is not None:
        controller.stop()


def test_mail_waits_while_the_server_is_down_and_goes_out_once_when_it_is_back(
    client, smtp, hr_member
):
    controller, handler = smtp
    newsletter = NewsletterPage.objects.live().first()

    # The mail server is down: nothing listens on its port.
    subscribe = client.post(
        f"/uutiskirje/{newsletter.pk}/tilaa/",
        {"email": "lukija@example.fi", "language": "fi"},
    )
    assert subscribe.status_code in (200, 302)
    reset = client.post("/salasana/unohtunut/", {"email": hr_member.email})
    assert reset.status_code == 302
    assert Email.objects.count() == 2
    worker_runs()  # the worker runs while the server is down
    assert handler.messages == []
    waiting = Email.objects.filter(status=STATUS.requeued, scheduled_time__gt=timezone.now())
    assert waiting.count() == 2  # to be tried again later

    controller.start()  # the server is back
    # The worker runs again after the retry interval (RETRY_INTERVAL, five minutes).
    Email.objects.update(scheduled_time=timezone.now())
    worker_runs()
    worker_runs()  # and once more: nothing goes twice
    recipients = sorted(to for tos, _ in handler.messages for to in tos)
    assert recipients == sorted(["lukija@example.fi", hr_member.email])
    assert not Email.objects.exclude(status=STATUS.sent).exists()
