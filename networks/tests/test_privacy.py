"""New minutes start members-only: the full minutes are for the body's members."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from networks.models import MeetingPage, MinutesPage

pytestmark = pytest.mark.django_db


def test_minutes_an_editor_creates_are_for_the_bodys_members(
    hr, client, django_user_model, hr_member
):
    meeting = MeetingPage.objects.child_of(hr).live().first()
    client.force_login(django_user_model.objects.get(username="toimittaja"))
    data = nested_form_data(
        {
            "title": "Pöytäkirja: uusi kokous",
            "slug": "poytakirja-uusi-kokous",
            "status": "draft",
            "agenda_items": inline_formset([]),
            "decisions": inline_formset([]),
            "attendance": inline_formset([]),
            "attachments": streamfield([]),
        }
    )
    url = reverse("wagtailadmin_pages:add", args=["networks", "minutespage", meeting.pk])
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    minutes = MinutesPage.objects.get(slug="poytakirja-uusi-kokous")
    restriction = minutes.get_view_restrictions().get()
    assert hr.members_group in restriction.groups.all()
    assert not restriction.accept_request(_request_of(None))
    assert restriction.accept_request(_request_of(hr_member))


def _request_of(user):
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    request.session = {}
    return request


def test_body_page_lists_members_only_folders_to_members_only(hr, client, hr_member):
    folder = hr.get_children().get(slug="jasenaineisto")
    assert folder.get_view_restrictions().exists()
    assert folder.url not in client.get(hr.url).content.decode()
    client.force_login(hr_member)
    assert folder.url in client.get(hr.url).content.decode()
