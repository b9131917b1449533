"""The next meeting of a body, planned from its last one and the body's meeting frequency."""

import calendar
import datetime

from django.utils import timezone, translation
from django.utils.text import slugify

from .dates import add_months
from .models import MeetingOrganiser, MeetingPage, MinutesPage
from .models.choices import DatePrecision, Frequency, MeetingStatus

# Months between meetings, and the months in which the body meets at all: bodies that meet
# "3–4 times each spring and autumn" skip January and the summer.
FREQUENCY_RULES = {
    Frequency.MONTHLY: (1, range(1, 13)),
    Frequency.BIMONTHLY: (2, range(1, 13)),
    Frequency.SPRING_AND_AUTUMN: (1, (2, 3, 4, 5, 9, 10, 11, 12)),
    Frequency.TWICE_A_YEAR: (6, range(1, 13)),
    Frequency.YEARLY: (12, range(1, 13)),
    Frequency.YEAR_ROUND: (3, range(1, 13)),
}


def _same_weekday(previous, month_start):
    """A body that meets on the second Tuesday keeps meeting on the second Tuesday."""
    nth = (previous.day - 1) // 7
    first = month_start + datetime.timedelta(days=(previous.weekday() - month_start.weekday()) % 7)
    days = calendar.monthrange(month_start.year, month_start.month)[1]
    candidates = [first + datetime.timedelta(weeks=w) for w in range(5)]
    candidates = [d for d in candidates if d.day <= days and d.month == month_start.month]
    return candidates[min(nth, len(candidates) - 1)]


def next_meeting_date(frequency, previous, precision, today=None):
    """The date and precision of the meeting after `previous`, not earlier than today.
    None when the body has no regular frequency."""
    rule = FREQUENCY_RULES.get(frequency)
    if rule is None:
        return None
    step, months = rule
    today = today or timezone.localdate()
    month = previous.replace(day=1)
    while True:
        month = add_months(month, step)
        while month.month not in months:
            month = add_months(month, 1)
        if precision == DatePrecision.DAY:
            date = _same_weekday(previous, month)
            if date >= today:
                return date, DatePrecision.DAY
        elif add_months(month, 1) > today:
            return month, DatePrecision.MONTH


def agenda_template(meeting):
    """The agenda item titles of the meeting, or of its minutes when it had no agenda."""
    titles = [block.value for block in meeting.agenda]
    if not titles:
        minutes = MinutesPage.objects.child_of(meeting).first()
        if minutes is not None:
            titles = list(minutes.agenda_items.values_list("title", flat=True))
    return [("item", title) for title in titles]


def _free_slug(parent, slug):
    taken = set(parent.get_children().values_list("slug", flat=True))
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


def meeting_title(body_title, meeting, language):
    """A planned meeting's title says what it is: the body, the kind of meeting and when
    ("HR-verkosto – kokous helmikuu 2027"), so lists that mix bodies, such as the home page's,
    are not five links reading "Kokous 12/2026". Editors may rename it after a theme."""
    with translation.override(language):
        kind = meeting.get_meeting_type_display().lower()
        return f"{body_title} – {kind} {meeting.date_display}"


def plan_next_meeting(meeting):
    """An unsaved planned meeting after `meeting`, or None when the body has no frequency."""
    body = meeting.get_parent().specific
    planned = next_meeting_date(body.meeting_frequency, meeting.date, meeting.date_precision)
    if planned is None:
        return None
    date, precision = planned
    next_meeting = MeetingPage(
        meeting_type=meeting.meeting_type,
        date=date,
        date_precision=precision,
        start_time=meeting.start_time,
        end_time=meeting.end_time,
        format=meeting.format,
        place=meeting.place,
        city=meeting.city,
        status=MeetingStatus.PLANNED,
        agenda=agenda_template(meeting),
        locale=meeting.locale,
        live=False,
    )
    next_meeting.title = meeting_title(body.title, next_meeting, meeting.locale.language_code)
    next_meeting.slug = _free_slug(body, slugify(next_meeting.title))
    return next_meeting


def create_next_meeting(meeting, user):
    """Save the planned meeting as a draft under the same body, with the same organisers."""
    next_meeting = plan_next_meeting(meeting)
    if next_meeting is None:
        return None
    next_meeting.owner = user
    next_meeting.organisers = [MeetingOrganiser(body=o.body) for o in meeting.organisers.all()]
    meeting.get_parent().add_child(instance=next_meeting)
    next_meeting.save_revision(user=user, log_action=True)
    return next_meeting
