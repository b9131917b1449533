"""The page cache serves visitors fresh public pages and never stores anything personal."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction

from networks.models import BodyIndexPage, BodyPage, FolderPage, KnowledgeBankPage, Material

pytestmark = pytest.mark.django_db

HEADER = "X-Page-Cache"


@pytest.fixture(autouse=True)
def page_cache(settings):
    """The cache on and empty; other tests run without it (cms.settings.test)."""
    settings.PAGE_CACHE_ENABLED = True
    cache = caches[settings.PAGE_CACHE_ALIAS]
    cache.clear()
    yield cache
    cache.clear()


@pytest.fixture
def bank(demo_site):
    """A public knowledge bank: a folder listing with documents."""
    return KnowledgeBankPage.objects.live().public().filter(locale__language_code="fi").first()


@pytest.fixture
def members_folder(hr):
    folder = FolderPage.objects.child_of(hr).get(slug="jasenaineisto")
    assert folder.get_view_restrictions().exists()
    return folder


def test_visitor_gets_the_second_request_from_the_cache_without_queries(client, hr):
    first = client.get(hr.url)
    assert first.status_code == 200 and first[HEADER] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(hr.url)
    assert second[HEADER] == "hit"
    assert second.content == first.content
    assert len(queries) == 0
    # The security headers are still added to a cached page.
    assert "Content-Security-Policy" in second and "Set-Cookie" not in second


def test_published_change_shows_at_once(client, hr):
    client.get(hr.url)
    assert client.get(hr.url)[HEADER] == "hit"
    hr.title = "Uusi HR-verkoston nimi"
    hr.save_revision().publish()
    response = client.get(hr.url)
    assert response[HEADER] == "miss"
    assert "Uusi HR-verkoston nimi" in response.content.decode()


def test_listing_shows_a_published_child_at_once(client, hr):
    index = BodyIndexPage.objects.get(locale__language_code="fi")
    client.get(index.url)
    assert client.get(index.url)[HEADER] == "hit"
    hr.title = "Uudelleen nimetty verkosto"
    hr.save_revision().publish()
    assert "Uudelleen nimetty verkosto" in client.get(index.url).content.decode()


def test_unpublishing_removes_the_page_and_its_listing_entry(client, hr):
    index = BodyIndexPage.objects.get(locale__language_code="fi")
    assert hr.title in client.get(index.url).content.decode()
    assert client.get(hr.url)[HEADER] == "miss"
    hr.unpublish()
    assert client.get(hr.url).status_code == 404
    assert f'href="{hr.url}"' not in client.get(index.url).content.decode()


def test_moving_a_page_invalidates_its_old_parent_and_address(client, bank):
    body = bank.get_parent()
    old_url = bank.url
    assert client.get(old_url).status_code == 200
    assert client.get(body.url)[HEADER] == "miss"
    assert client.get(old_url)[HEADER] == "hit"
    assert f'href="{old_url}"' in client.get(body.url).content.decode()
    other = BodyPage.objects.live().public().filter(locale=bank.locale).exclude(pk=body.pk).first()
    bank.move(other, pos="last-child")
    bank.refresh_from_db()
    # Wagtail leaves a redirect at the old address.
    moved = client.get(old_url)
    assert moved.status_code == 301 and moved["Location"] == bank.url
    assert f'href="{old_url}"' not in client.get(body.url).content.decode()


def test_deleting_a_page_invalidates(client, bank):
    url = bank.url
    client.get(url)
    assert client.get(url)[HEADER] == "hit"
    bank.delete()
    assert client.get(url).status_code == 404


def test_changing_a_document_updates_its_folder_listing(client, bank):
    material = bank.materials().filter(collection__view_restrictions=None).first()
    assert material is not None
    client.get(bank.url)
    assert client.get(bank.url)[HEADER] == "hit"
    material.title = "Uusi otsikko asiakirjalle"
    material.save()
    response = client.get(bank.url)
    assert response[HEADER] == "miss"
    assert "Uusi otsikko asiakirjalle" in response.content.decode()
    Material.objects.get(pk=material.pk).delete()
    assert "Uusi otsikko asiakirjalle" not in client.get(bank.url).content.decode()


def test_member_pages_are_never_served_from_nor_stored_in_the_cache(
    client, hr, hr_member, page_cache
):
    client.get(hr.url)
    assert client.get(hr.url)[HEADER] == "hit"
    client.force_login(hr_member)
    for _ in range(2):
        response = client.get(hr.url)
        assert response[HEADER] == "skip"
        assert '<form class="account"' in response.content.decode()
    # Nothing the member saw was stored: the cache holds only the visitor's copy.
    page_cache.clear()
    client.get(hr.url)
    client.get(hr.url)
    client.logout()
    assert client.get(hr.url)[HEADER] == "miss"


def test_restricted_page_is_never_cached(client, members_folder, hr_member):
    for _ in range(3):
        response = client.get(members_folder.url)
        assert response.status_code == 302 and "/kirjaudu/" in response["Location"]
        assert response[HEADER] == "skip"
    client.force_login(hr_member)
    for _ in range(2):
        response = client.get(members_folder.url)
        assert response.status_code == 200 and response[HEADER] == "skip"
    client.logout()
    assert client.get(members_folder.url).status_code == 302


def test_a_page_under_a_restricted_ancestor_is_never_stored(client, members_folder, page_cache):
    """Even if the page itself renders for a visitor, the ancestor's restriction keeps it out."""
    from pagecache.middleware import CANDIDATE, mark_page

    child = members_folder.add_child(
        instance=FolderPage(title="Alakansio", slug="alakansio", locale=members_folder.locale)
    )
    request = type("Request", (), {CANDIDATE: True})()
    mark_page(child, request)
    assert request._page_cache_allowed is False
    for _ in range(2):
        response = client.get(child.url)
        assert response.status_code == 302 and response[HEADER] == "skip"


def test_restricting_a_cached_page_takes_effect_at_once(client, bank):
    client.get(bank.url)
    assert client.get(bank.url)[HEADER] == "hit"
    PageViewRestriction.objects.create(page=bank, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(bank.url).status_code == 302


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"data": {"sort": "date"}},  # a query string
        {"HTTP_COOKIE": "sessionid=abc"},  # a session, even an anonymous one
        {"HTTP_COOKIE": "messages=abc"},  # messages waiting to be shown
        {"HTTP_AUTHORIZATION": "Basic eDp5"},
    ],
    ids=["query", "session", "messages", "authorization"],
)
def test_requests_that_may_be_personal_skip_the_cache(client, hr, request_kwargs):
    for _ in range(2):
        assert client.get(hr.url, **request_kwargs)[HEADER] == "skip"
    client.cookies.clear()
    assert client.get(hr.url)[HEADER] == "miss"


def test_post_and_non_page_responses_are_not_stored(client, hr):
    assert client.post(hr.url)[HEADER] == "skip"
    for _ in range(2):
        login = client.get("/kirjaudu/")  # not a Wagtail page, and it uses a CSRF token
        assert login.status_code == 200 and login[HEADER] == "skip"
        assert client.get("/ei-ole-olemassa/")[HEADER] == "skip"


def test_key_holds_host_and_language(client, hr):
    sv = hr.get_translation(Locale.objects.get(language_code="sv"))
    assert client.get(hr.url)[HEADER] == "miss"
    assert client.get(hr.url, HTTP_HOST="toinen.example")[HEADER] == "miss"
    assert client.get(sv.url)[HEADER] == "miss"
    assert client.get(sv.url)[HEADER] == "hit"
    assert 'lang="sv"' in client.get(sv.url).content.decode()


def test_generation_survives_eviction_without_reusing_old_keys(page_cache):
    from generation.counter import GENERATION_KEY, bump_generation, generation

    first = generation()
    bump_generation()
    assert generation() == first + 1
    page_cache.delete(GENERATION_KEY)
    assert generation() > first + 1


def test_a_meeting_sign_up_leaves_the_cache_alone(client, hr, hr_member):
    """Members signing up for a meeting would otherwise empty every visitor's cached page."""
    from networks.models import MeetingPage, MeetingRegistration

    client.get(hr.url)
    meeting = MeetingPage.objects.descendant_of(hr).live().first()
    MeetingRegistration.objects.create(meeting=meeting, user=hr_member)
    assert client.get(hr.url)[HEADER] == "hit"
