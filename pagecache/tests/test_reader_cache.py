"""Parts of pages shared between readers who may see the same things: never between a member
and a visitor, never anything personal, never a draft."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from members.tests.helpers import add_meeting, in_a_month
from networks.models import FolderPage, MeetingPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def members_folder(hr):
    folder = FolderPage.objects.child_of(hr).get(slug="jasenaineisto")
    assert folder.get_view_restrictions().exists()
    return folder


def link_to(page):
    return f'<a href="{page.url}">{page.title}</a>'


@pytest.mark.parametrize("member_first", [True, False], ids=["member first", "visitor first"])
def test_member_and_visitor_never_share_a_part(client, hr, hr_member, members_folder, member_first):
    member = Client()
    member.force_login(hr_member)
    order = [member, client] if member_first else [client, member]
    pages = {id(c): c.get(hr.url).content.decode() for c in order}
    assert link_to(members_folder) in pages[id(member)]
    assert link_to(members_folder) not in pages[id(client)]


def test_a_member_of_another_network_does_not_get_the_members_part(
    client, hr, hr_member, safety_member, members_folder
):
    client.force_login(hr_member)
    assert link_to(members_folder) in client.get(hr.url).content.decode()
    client.force_login(safety_member)
    assert link_to(members_folder) not in client.get(hr.url).content.decode()


def test_a_second_reader_with_the_same_access_gets_the_part_without_its_queries(
    client, hr, hr_member
):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(hr.url).status_code == 200
        return len(captured)

    client.force_login(hr_member)
    first = queries()
    assert queries() < first


def test_personal_parts_stay_personal(client, hr, hr_member, safety_member):
    meeting = add_meeting(hr, "Ilmoittautumiskokous", in_a_month())
    meeting = MeetingPage.objects.get(pk=meeting.pk)
    assert meeting.registration_open
    client.force_login(hr_member)
    mode = meeting.attendance_modes[0].value
    response = client.post(meeting.registration_url, {"attendance": mode})
    assert response.status_code == 302
    mine = client.get(meeting.url).content.decode()
    assert "Cancel my registration" in mine or "Peru ilmoittautumiseni" in mine
    client.force_login(safety_member)
    theirs = client.get(meeting.url).content.decode()
    assert "Peru ilmoittautumiseni" not in theirs and "Cancel my registration" not in theirs
    assert "csrfmiddlewaretoken" in theirs  # a fresh form, with the reader's own token


def test_a_draft_preview_neither_uses_nor_fills_the_part(client, rf, hr):
    client.get(hr.url)  # the live part is stored
    draft = hr.get_latest_revision_as_object()
    draft.summary = "Luonnoksen tiivistelmä"
    draft.save_revision()

    request = rf.get(hr.url)
    request.user = AnonymousUser()
    request.session = {}
    request.is_preview = True
    preview = draft.serve_preview(request, draft.default_preview_mode).render()
    assert "Luonnoksen tiivistelmä" in preview.content.decode()

    assert "Luonnoksen tiivistelmä" not in client.get(hr.url).content.decode()


def test_the_follow_links_are_shared_and_the_alert_switch_is_not(
    client, hr, hr_member, safety_member
):
    """The feed links sit in the shared part; the switch is each member's own, whoever came
    first."""
    switch = f'action="/omat-verkostot/ilmoitukset/{hr.pk}/"'
    visitor = client.get(hr.url).content.decode()
    assert "/syotteet/verkostot/hr-verkosto/uutiset.xml" in visitor and switch not in visitor
    client.force_login(safety_member)
    other = client.get(hr.url).content.decode()
    assert "/syotteet/verkostot/hr-verkosto/uutiset.xml" in other and switch not in other
    client.force_login(hr_member)
    assert switch in client.get(hr.url).content.decode()


def part_key(request, name, *values):
    """Django's fragment key of a `{% readercache name values %}` part for this request."""
    from django.core.cache.utils import make_template_fragment_key

    from access.visibility import visibility_key
    from generation.counter import request_generation

    reader = [request_generation(request), request.get_host(), "fi", visibility_key(request)]
    return make_template_fragment_key(name, [*reader, *values])


def test_a_part_is_kept_under_djangos_fragment_key_with_the_readers_values(client, hr):
    """`{% readercache "body" page.pk %}` is Wagtail's `{% wagtailcache %}`: Django's key of the
    name and vary_on, where the content generation, host, language and the reader's visibility
    come before the tag's own values."""
    from django.conf import settings
    from django.core.cache import caches

    from generation.counter import bump_generation

    store = caches[settings.PAGE_CACHE_ALIAS]
    first = part_key(client.get(hr.url).wsgi_request, "body", hr.pk)
    assert store.get(first) is not None

    bump_generation()  # a change: the next reader gets a part worked out again, under a new key
    second = part_key(client.get(hr.url).wsgi_request, "body", hr.pk)
    assert second != first and store.get(second) is not None


def test_with_the_reader_cache_off_nothing_is_kept(client, hr, settings):
    from django.core.cache import caches

    settings.READER_CACHE_ENABLED = False
    request = client.get(hr.url).wsgi_request
    assert caches[settings.PAGE_CACHE_ALIAS].get(part_key(request, "body", hr.pk)) is None
