"""The login limit holds when many guesses arrive at once: 20 simultaneous wrong passwords for
one user, each in its own thread with its own connection, get at most LOGIN_THROTTLE_ATTEMPTS
password checks. (Before, each attempt read the count, checked the password and then counted,
so attempts that read the count together all got their password checked.)"""

import threading
import time

import pytest
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import connections
from django.test import Client

pytestmark = pytest.mark.django_db

GUESSES = 20


@pytest.fixture
def counted_password_checks(monkeypatch):
    """Counts password checks; each takes a moment, as a real password hasher's does, so that
    simultaneous attempts overlap."""
    checks = []
    lock = threading.Lock()
    original = AbstractBaseUser.check_password

    def check_password(user, raw_password):
        with lock:
            checks.append(raw_password)
        time.sleep(0.05)
        return original(user, raw_password)

    monkeypatch.setattr(AbstractBaseUser, "check_password", check_password)
    return checks


@pytest.mark.parametrize("login_url", ["/kirjaudu/", "/admin/login/"])
def test_simultaneous_wrong_passwords_are_checked_at_most_the_limit(
    demo_site, settings, counted_password_checks, login_url
):
    settings.LOGIN_THROTTLE_ATTEMPTS = 5
    start = threading.Barrier(GUESSES)
    answers = []

    def guess(number):
        client = Client(REMOTE_ADDR=f"192.0.2.{number + 1}")  # from many addresses
        start.wait()
        try:
            response = client.post(
                login_url, {"username": "toimittaja", "password": f"väärin-{number}"}
            )
            answers.append(response.status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(GUESSES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(answers) == GUESSES and all(status in (200, 429) for status in answers)
    assert 1 <= len(counted_password_checks) <= settings.LOGIN_THROTTLE_ATTEMPTS
