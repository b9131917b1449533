"""Small builders for the members' tests: published meetings and minutes, new documents."""

import datetime

from django.core.files.base import ContentFile
from django.utils.text import slugify

from networks.models import FolderPage, Material, MeetingPage, MinutesPage
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
        title=title, slug=slugify(title), status="approved", approved_on=meeting.date
    )
    meeting.add_child(instance=minutes)
    minutes.save_revision().publish()
    return minutes


def public_folder(body):
    """A folder of the body that everyone may open (made if the body has none)."""
    for page in body.get_children().type(FolderPage).specific():
        if not page.get_view_restrictions().exists():
            return page
    folder = FolderPage(title="Aineistot", slug="aineistot")
    body.add_child(instance=folder)
    folder.save_revision().publish()
    return folder


def add_material(body, title, folder=None):
    """A document filed in `folder` (by default a public folder of the body): who may open it
    follows the folder."""
    material = Material(
        title=title,
        file=ContentFile(f"{title}\n".encode(), name=f"{slugify(title)}.txt"),
        body=body,
        folder=folder or public_folder(body),
        year=datetime.date.today().year,
    )
    material.save()
    return material


def in_a_month():
    return datetime.date.today() + datetime.timedelta(days=30)
