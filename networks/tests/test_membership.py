"""A person's current terms decide which members' groups their account is in."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone, translation

from networks.dates import format_partial_date
from networks.models import BodyPage, Membership, Person

pytestmark = pytest.mark.django_db


def test_ending_a_term_removes_the_members_group(demo_site, django_user_model):
    user = django_user_model.objects.get(username="jasen-hr")
    group = Group.objects.get(name="HR-verkosto – jäsenet")
    assert group in user.groups.all()
    membership = Membership.objects.get(person__user=user)
    membership.end_date = timezone.localdate() - datetime.timedelta(days=1)
    membership.save()
    assert group not in user.groups.all()
    membership.end_date = None
    membership.save()
    assert group in user.groups.all()


def test_a_person_can_belong_to_several_bodies(demo_site, django_user_model):
    user = django_user_model.objects.get(username="jasen-tyosuojelu")
    person = Person.objects.get(user=user, locale__language_code="fi")
    hr = BodyPage.objects.get(slug="hr-verkosto", locale__language_code="fi")
    Membership.objects.create(person=person, body=hr, start_date=datetime.date(2024, 1, 1))
    assert {g.name for g in user.groups.all()} >= {
        "HR-verkosto – jäsenet",
        "Työsuojelupäälliköiden verkosto – jäsenet",
    }


@pytest.mark.parametrize(
    "language,day,month,season",
    [
        ("fi", "12. maaliskuuta 2020", "helmikuu 2020", "syksy 2020"),
        ("sv", "12 mars 2020", "februari 2020", "hösten 2020"),
    ],
)
def test_dates_as_precise_as_the_source(language, day, month, season):
    with translation.override(language):
        assert format_partial_date(datetime.date(2020, 3, 12), "day") == day
        assert format_partial_date(datetime.date(2020, 2, 1), "month") == month
        assert format_partial_date(datetime.date(2020, 9, 1), "season", "autumn") == season
        assert format_partial_date(datetime.date(2021, 1, 1), "year") == "2021"


def test_editor_ends_a_term_in_the_admin_and_access_goes(
    demo_site, admin_client, django_user_model
):
    user = django_user_model.objects.get(username="jasen-hr")
    membership = Membership.objects.get(person__user=user)
    listing = admin_client.get("/admin/snippets/networks/membership/")
    assert listing.status_code == 200 and "Helena Demo" in listing.content.decode()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    response = admin_client.post(
        f"/admin/snippets/networks/membership/edit/{membership.pk}/",
        {
            "person": membership.person_id,
            "body": membership.body_id,
            "role": membership.role,
            "start_date": "2020-01-01",
            "end_date": yesterday.isoformat(),
        },
    )
    assert response.status_code == 302
    assert not user.groups.filter(name="HR-verkosto – jäsenet").exists()


def test_visitor_asks_to_join_and_the_request_reaches_the_network(demo_site, client, mailoutbox):
    hr = BodyPage.objects.get(slug="hr-verkosto", locale__language_code="fi")
    page = client.get(hr.url).content.decode()
    assert f"/liity/{hr.pk}/" in page
    response = client.post(
        f"/liity/{hr.pk}/",
        {"name": "Maija Meikäläinen", "email": "maija@example.fi", "organisation": "Esimerkkilä"},
    )
    assert response.status_code == 302
    assert len(mailoutbox) == 1 and "Maija Meikäläinen" in mailoutbox[0].body
    refused = client.post(f"/liity/{hr.pk}/", {"name": "", "email": "not-an-address"})
    assert refused.status_code == 200 and 'class="error"' in refused.content.decode()


def test_editor_exports_and_deletes_a_persons_data(demo_site, admin_client, django_user_model):
    person = Person.objects.get(user__username="jasen-hr", locale__language_code="fi")
    listing = admin_client.get("/admin/snippets/networks/person/").content.decode()
    assert f"/admin/people/{person.pk}/personal-data/" in listing
    export = admin_client.get(f"/admin/people/{person.pk}/personal-data/", {"format": "json"})
    data = export.json()
    assert data["account"]["username"] == "jasen-hr"
    assert data["memberships"][0]["body"] == "HR-verkosto"
    response = admin_client.post(f"/admin/people/{person.pk}/personal-data/")
    assert response.status_code == 302
    assert not django_user_model.objects.filter(username="jasen-hr").exists()
    assert not Person.objects.filter(translation_key=person.translation_key).exists()
    assert not Membership.objects.filter(person_id=person.pk).exists()


def test_members_cannot_reach_personal_data(demo_site, client, django_user_model):
    person = Person.objects.get(user__username="jasen-hr", locale__language_code="fi")
    client.force_login(django_user_model.objects.get(username="jasen-tyosuojelu"))
    assert client.get(f"/admin/people/{person.pk}/personal-data/").status_code in (302, 403)


def test_a_term_that_ends_by_date_removes_access_at_the_daily_sync(demo_site, django_user_model):
    from io import StringIO

    from django.core.management import call_command

    user = django_user_model.objects.get(username="jasen-hr")
    Membership.objects.filter(person__user=user).update(end_date=datetime.date(2021, 1, 1))
    assert user.groups.filter(name="HR-verkosto – jäsenet").exists()  # no save, no signal yet
    call_command("sync_member_groups", stdout=StringIO())
    assert not user.groups.filter(name="HR-verkosto – jäsenet").exists()
