"""What a shared front cache may keep: only a public page as a visitor gets it, which says
`s-maxage`; a members-only page or document says `private` whoever asks, the visitor's way to
the login page included, and never `s-maxage`."""

import pytest
from django.core.cache import caches
from django.test import Client

from networks.models import Material

pytestmark = pytest.mark.django_db


def cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    caches[settings.PAGE_CACHE_ALIAS].clear()
    yield
    caches[settings.PAGE_CACHE_ALIAS].clear()


@pytest.fixture
def member(hr_member):
    client = Client()
    client.force_login(hr_member)
    return client


def members_page():
    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction.objects.filter(
        restriction_type=PageViewRestriction.GROUPS,
        groups__user__username="jasen-hr",
        page__locale__language_code="fi",
    ).first()
    return restriction.page


def members_document():
    return Material.objects.get(title="HR-verkoston jäsenluettelo 2020")


def test_a_public_page_for_a_visitor_may_be_kept_by_a_front_cache(client, settings, hr):
    for expected in ("miss", "hit"):
        response = client.get(hr.url)
        assert response["X-Page-Cache"] == expected
        assert {"public", "max-age=0", f"s-maxage={settings.PAGE_CACHE_TIMEOUT}"} <= (
            cache_control(response)
        )


def test_a_public_page_for_a_member_is_private(member, hr):
    response = member.get(hr.url)
    assert response.status_code == 200
    assert "private" in cache_control(response)
    assert not any(part.startswith("s-maxage") for part in cache_control(response))


@pytest.mark.parametrize("who", ["visitor", "member"])
def test_a_members_only_page_is_private_whoever_asks(client, member, who):
    response = (client if who == "visitor" else member).get(members_page().url)
    assert response.status_code == (302 if who == "visitor" else 200)
    assert "private" in cache_control(response)
    assert not any(part.startswith("s-maxage") for part in cache_control(response))


@pytest.mark.parametrize("who", ["visitor", "member"])
def test_a_members_only_document_is_private_whoever_asks(client, member, who):
    document = members_document()
    response = (client if who == "visitor" else member).get(document.url)
    assert response.status_code == (302 if who == "visitor" else 200)
    assert "private" in cache_control(response)
    assert not any(part.startswith("s-maxage") for part in cache_control(response))


def test_a_public_document_is_never_marked_for_a_front_cache(client, demo_site):
    document = next(
        material
        for material in Material.objects.order_by("pk")
        if not material.collection.get_view_restrictions().exists()
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert not any(part.startswith("s-maxage") for part in cache_control(response))
