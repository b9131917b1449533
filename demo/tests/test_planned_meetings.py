"""The demo plans each body's next meetings with the networks app's own frequency rules, so the
demo and the editors' "plan the next meeting" cannot disagree about when a body meets."""

import datetime

import pytest

from demo.management.commands.load_demo import PLANNED_COUNT, planned_months
from networks.models import BodyPage, MeetingPage
from networks.models.choices import DatePrecision, Frequency, MeetingStatus
from networks.next_meeting import FREQUENCY_RULES, next_meeting_date

TODAY = datetime.date(2026, 11, 30)


def test_each_month_is_the_networks_next_meeting_after_the_one_before():
    for frequency in FREQUENCY_RULES:
        months = planned_months(frequency, TODAY)
        assert len(months) == PLANNED_COUNT
        previous = TODAY.replace(day=1)
        for month in months:
            assert next_meeting_date(frequency, previous, DatePrecision.MONTH, TODAY) == (
                month,
                DatePrecision.MONTH,
            )
            previous = month


def test_spring_and_autumn_skips_january_and_the_summer():
    # Not March, April and September as the demo's own table once had it: February counts.
    assert planned_months(Frequency.SPRING_AND_AUTUMN, TODAY) == [
        datetime.date(2026, 12, 1),
        datetime.date(2027, 2, 1),
        datetime.date(2027, 3, 1),
    ]
    assert planned_months(Frequency.SPRING_AND_AUTUMN, datetime.date(2027, 4, 10)) == [
        datetime.date(2027, 5, 1),
        datetime.date(2027, 9, 1),
        datetime.date(2027, 10, 1),
    ]


def test_no_frequency_no_planned_meetings():
    assert planned_months("", TODAY) == []


@pytest.mark.django_db
def test_every_body_has_its_planned_meetings_where_the_networks_app_puts_them(
    demo_site, demo_today
):
    bodies = BodyPage.objects.filter(locale__language_code="fi").live()
    checked = 0
    for body in bodies.exclude(meeting_frequency=""):
        planned = MeetingPage.objects.child_of(body).filter(status=MeetingStatus.PLANNED)
        dates = sorted(planned.values_list("date", flat=True))
        assert dates == planned_months(body.meeting_frequency, demo_today), body.slug
        checked += 1
    assert checked >= 5
