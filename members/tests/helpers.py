"""Small builders for the members' tests: published meetings and minutes, new documents."""

import datetime

from django.core.files.base import ContentFile
from django.utils.text import slugify

from networks.models import Material, MeetingPage, MinutesPage
from networks.models.choices import DatePrecision, MeetingStatus


def add_meeting(body, title, date, status=MeetingStatus.PLANNED, **fields):
    fields.setdefault("date_precision", DatePrecision.DAY)
    meeting = MeetingPage(title=title, slug=slugify(title), date=date, status=status, **fields)
    body.add_child(instance=meeting)
    meeting.save_revision().publish()
    return meeting


def add_minutes(meeting, title):
    """Approved and published minutes under the meeting."""
    minutes = MinutesPage(
        title=title, slug=slugify(title), status="published", approved_on=meeting.date
    )
    meeting.add_child(instance=minutes)
    minutes.save_revision().publish()
    return minutes


def add_material(body, title):
    material = Material(
        title=title,
        file=ContentFile(f"{title}\n".encode(), name=f"{slugify(title)}.txt"),
        body=body,
        collection=body.collection,
        year=datetime.date.today().year,
    )
    material.save()
    return material


def in_a_month():
    return datetime.date.today() + datetime.timedelta(days=30)
