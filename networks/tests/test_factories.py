"""The test factories make what the site makes: pages under the home page that the test client
reaches, and documents as code adds them (approved, a real file, the folder's collection)."""

import datetime

import pytest
from django.utils import timezone

from access.documents import unfiled_collection
from home.factories import HomePageFactory
from networks.factories import (
    BodyPageFactory,
    MaterialFactory,
    MeetingPageFactory,
    TopicFactory,
)
from networks.models.choices import ApprovalStatus, DatePrecision, Frequency, MeetingStatus
from networks.next_meeting import plan_next_meeting

pytestmark = pytest.mark.django_db


def test_pages_are_under_the_home_page_and_served(client):
    home = HomePageFactory()
    meeting = MeetingPageFactory()
    assert meeting.get_ancestors().filter(pk=home.pk).exists()
    assert client.get(home.url).status_code == 200
    response = client.get(meeting.url)
    assert response.status_code == 200 and meeting.title in response.content.decode()


def test_a_document_is_an_approved_real_file_in_its_bodys_collection():
    HomePageFactory()
    topic = TopicFactory()
    document = MaterialFactory(title="Perehdytysopas", topics=[topic])
    body = document.folder.get_parent().specific
    assert document.approval == ApprovalStatus.APPROVED
    assert (document.body, document.collection) == (body, body.collection)
    assert document.file.read(5) == b"%PDF-" and "Perehdytysopas" in document.extracted_text
    assert list(document.topics.all()) == [topic]


def test_a_waiting_document_is_for_editors_only():
    HomePageFactory()
    document = MaterialFactory(pending=True)
    assert document.audience_pending()
    assert document.collection == unfiled_collection() != document.body.collection


def test_the_next_meeting_after_may_skips_the_summer():
    """A body that meets "3–4 times each spring and autumn" plans its next meeting after May
    in September, on the same weekday of the month (`networks.next_meeting`)."""
    HomePageFactory()
    body = BodyPageFactory(meeting_frequency=Frequency.SPRING_AND_AUTUMN)
    may = datetime.date(timezone.localdate().year + 1, 5, 12)
    meeting = MeetingPageFactory(
        parent=body, date=may, status=MeetingStatus.HELD, agenda=[("item", "Avaus")]
    )
    planned = plan_next_meeting(meeting)
    assert (planned.date.year, planned.date.month) == (may.year, 9)
    assert planned.date.weekday() == may.weekday()
    assert (planned.date.day - 1) // 7 == (may.day - 1) // 7
    assert planned.date_precision == DatePrecision.DAY and planned.status == MeetingStatus.PLANNED
    assert [block.value for block in planned.agenda] == ["Avaus"]
