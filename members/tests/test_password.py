"""Password reset by e-mail in the reader's language, and password change and logout."""

import re

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Kevät-Kokous-2026"
RESET = {"fi": "/salasana/unohtunut/", "sv": "/sv/losenord/glomt/"}
BROKEN_LINK = {
    "fi": "Tämä uuden salasanan asettamisen linkki ei kelpaa.",
    "sv": "Den här länken för att välja ett nytt lösenord är inte giltig.",
}
LINK = re.compile(r"https?://[^/\s]+(/\S*/)")


def ask_for_link(client, language="fi", email="jasen-hr@example.fi"):
    response = client.post(RESET[language], {"email": email})
    assert response.status_code == 302
    return response


@pytest.mark.parametrize(
    "language,subject,link_start",
    [
        ("fi", "Uusi salasana Tärkeissä töissä -sivustolle", "/salasana/uusi/"),
        ("sv", "Nytt lösenord till Tärkeissä töissä", "/sv/losenord/nytt/"),
    ],
)
def test_reset_link_sets_a_new_password_once(demo_site, client, language, subject, link_start):
    done = ask_for_link(client, language)
    assert client.get(done["Location"]).status_code == 200
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["jasen-hr@example.fi"]
    assert message.subject == subject
    link = LINK.search(message.body).group(1)
    assert link.startswith(link_start)

    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    html = form_page.content.decode()
    assert f'<html lang="{language}">' in html
    assert 'name="new_password1"' in html
    form_url = form_page.redirect_chain[-1][0]
    complete = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert complete.status_code == 302
    assert client.get(complete["Location"]).status_code == 200
    assert client.login(username="jasen-hr", password=NEW_PASSWORD)
    client.logout()

    used_again = client.get(link, follow=True).content.decode()
    assert BROKEN_LINK[language] in used_again
    assert 'name="new_password1"' not in used_again


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_tampered_link_says_so_in_the_readers_language(demo_site, client, settings, language):
    ask_for_link(client, language)
    link = LINK.search(mail.outbox[0].body).group(1)
    uid, token = link.rstrip("/").split("/")[-2:]
    tampered = link.replace(token, token[:-3] + ("aaa" if token[-3:] != "aaa" else "bbb"))
    response = client.get(tampered, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert BROKEN_LINK[language] in html
    assert 'name="new_password1"' not in html
    assert client.login(username="jasen-hr", password=settings.DEMO_PASSWORD)


def test_unknown_address_gets_no_mail_and_the_same_answer(demo_site, client):
    response = ask_for_link(client, email="ei-ole@example.fi")
    assert response["Location"] == "/salasana/unohtunut/lahetetty/"
    assert mail.outbox == []


def test_logged_in_member_changes_password(demo_site, client, settings, django_user_model):
    client.force_login(django_user_model.objects.get(username="jasen-hr"))
    page = client.get("/sv/losenord/byt/")
    assert page.status_code == 200
    response = client.post(
        "/salasana/vaihda/",
        {
            "old_password": settings.DEMO_PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/salasana/vaihda/valmis/"
    client.logout()
    assert client.login(username="jasen-hr", password=NEW_PASSWORD)


def test_password_change_needs_login(client, db):
    response = client.get("/salasana/vaihda/")
    assert response.status_code == 302
    assert response["Location"].startswith("/kirjaudu/")


def test_logout_is_a_post(demo_site, client, django_user_model):
    client.force_login(django_user_model.objects.get(username="jasen-hr"))
    assert client.get("/kirjaudu-ulos/").status_code == 405
    assert "_auth_user_id" in client.session
    assert client.post("/sv/logga-ut/").status_code == 302
    assert "_auth_user_id" not in client.session
