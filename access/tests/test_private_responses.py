"""Every answer that depends on who is asking says `Cache-Control: private`, so that no proxy,
front cache or browser shared between people keeps it for someone else; answers that are the
same for everyone do not, so caches may keep those."""

import pytest
from django.test import Client

from members.models import FeedToken
from networks.models import Material

pytestmark = pytest.mark.django_db

MINUTES = "/verkostot/hr-verkosto/asiantuntijaraati/asiantuntijaraati-2020-12/"


def cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


@pytest.fixture
def member(hr_member):
    client = Client()
    client.force_login(hr_member)
    return client


def members_document():
    return Material.objects.get(title="HR-verkoston jäsenluettelo 2020")


@pytest.mark.parametrize(
    "url",
    [
        "/omat-verkostot/",  # the member home
        "/sv/mina-natverk/",
        "/verkostot/hr-verkosto/",  # a public page, shown with the member's alert switch
        MINUTES,  # a members-only page
        "/haku/?q=jäsenluettelo",  # search results with members-only hits
        "/omat-verkostot/ilmoitukset/",
        "/api/v2/documents/",
    ],
)
def test_member_answers_are_private(member, url):
    response = member.get(url)
    assert response.status_code == 200, url
    assert "private" in cache_control(response) and "public" not in cache_control(response)


def test_a_members_only_document_is_private(member):
    response = member.get(members_document().url)
    assert response.status_code == 200
    assert "private" in cache_control(response)


def test_personal_feeds_are_private(client, hr_member):
    token = FeedToken.for_user(hr_member).token
    for url in (f"/syote/{token}/kokoukset.ics", f"/syote/{token}/uutiset.xml"):
        response = client.get(url)
        assert response.status_code == 200
        assert "private" in cache_control(response), url


def test_a_file_opened_with_a_password_is_private(client, hr):
    from wagtail.models import CollectionViewRestriction

    document = members_document()
    restriction = CollectionViewRestriction.objects.get(collection=document.collection)
    restriction.restriction_type, restriction.password = restriction.PASSWORD, "salasana"
    restriction.save()
    form = client.get(document.url)
    assert 'name="password"' in form.content.decode()
    client.post(
        f"/documents/authenticate_with_password/{restriction.pk}/",
        {"password": "salasana", "return_url": document.url},
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert "private" in cache_control(response)


@pytest.mark.parametrize(
    "url", ["/", "/verkostot/hr-verkosto/", "/syotteet/verkostot/hr-verkosto/uutiset.xml"]
)
def test_answers_the_same_for_everyone_are_not_private(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "private" not in cache_control(response)
