"""A person's current terms decide which members' groups their account is in."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import translation

from networks.dates import format_partial_date
from networks.models import BodyPage, Membership, Person

pytestmark = pytest.mark.django_db


def test_ending_a_term_removes_the_members_group(demo_site, django_user_model):
    user = django_user_model.objects.get(username="jasen-hr")
    group = Group.objects.get(name="HR-verkosto – jäsenet")
    assert group in user.groups.all()
    membership = Membership.objects.get(person__user=user)
    membership.end_date = datetime.date.today() - datetime.timedelta(days=1)
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
