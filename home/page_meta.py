"""What a page tells search engines and other sites about itself: its description, its
canonical and language-alternate addresses (on `SITE_URL`) and, for a meeting, schema.org
`Event` data that claims no more precision than the meeting's date has.

Built in one place for every page type, so that templates only render it
(`home/templatetags/page_meta.py`, `home/includes/page_meta.html`)."""

import datetime
import json
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from networks.addresses import absolute_url
from networks.dates import add_months
from networks.models import MeetingPage
from networks.models.choices import DatePrecision, MeetingFormat, MeetingStatus

DESCRIPTION_LENGTH = 160
# The page text that says what a page is about, first found first.
SUMMARY_FIELDS = ("search_description", "summary", "intro")

EVENT_STATUS = {
    MeetingStatus.PLANNED: "https://schema.org/EventScheduled",
    MeetingStatus.HELD: "https://schema.org/EventScheduled",
    MeetingStatus.CANCELLED: "https://schema.org/EventCancelled",
    MeetingStatus.POSTPONED: "https://schema.org/EventPostponed",
}
ATTENDANCE_MODE = {
    MeetingFormat.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    MeetingFormat.REMOTE: "https://schema.org/OnlineEventAttendanceMode",
    MeetingFormat.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}


def plain(text):
    return " ".join(strip_tags(str(text or "")).split())


def description(page):
    """The page's own summary as one plain line of at most 160 characters; else the site's."""
    for name in SUMMARY_FIELDS:
        text = plain(getattr(page, name, ""))
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    if isinstance(page, MeetingPage):
        return _("%(title)s, %(date)s.") % {"title": page.title, "date": page.date_display}
    return site_description()


def site_description():
    return _(
        "Tärkeissä töissä: the meetings, minutes and materials of KT's work-life development "
        "programme and employer networks."
    )


def partial_date(date, precision):
    """ISO 8601 as precise as known: 2026-03-10, 2026-03 or 2026 (a season: its first month)."""
    if precision == DatePrecision.DAY:
        return date.isoformat()
    if precision == DatePrecision.YEAR:
        return f"{date.year:04d}"
    return f"{date.year:04d}-{date.month:02d}"


def event_dates(meeting):
    """startDate and endDate; a time only with a known day, a season from its first to its last
    month."""
    if meeting.date_precision == DatePrecision.DAY and meeting.start_time:
        tz = ZoneInfo(settings.TIME_ZONE)
        dates = {"startDate": datetime.datetime.combine(meeting.date, meeting.start_time, tz)}
        if meeting.end_time and meeting.end_time > meeting.start_time:
            dates["endDate"] = datetime.datetime.combine(meeting.date, meeting.end_time, tz)
        return {key: value.isoformat() for key, value in dates.items()}
    start = partial_date(meeting.date, meeting.date_precision)
    end = start
    if meeting.date_precision == DatePrecision.SEASON:
        end = partial_date(add_months(meeting.date, 2), DatePrecision.MONTH)
    return {"startDate": start, "endDate": end}


def event_location(meeting):
    if meeting.format == MeetingFormat.REMOTE:
        return {"@type": "VirtualLocation", "url": absolute_url(meeting.get_url())}
    name = meeting.place or meeting.city
    if not name:
        return None
    place = {"@type": "Place", "name": name}
    if meeting.city:
        place["address"] = {
            "@type": "PostalAddress",
            "addressLocality": meeting.city,
            "addressCountry": "FI",
        }
    return place


def meeting_event(meeting):
    """schema.org `Event` of a meeting, as a dict ready for JSON-LD."""
    body = meeting.get_parent()
    event = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": meeting.title,
        "url": absolute_url(meeting.get_url()),
        "inLanguage": meeting.locale.language_code,
        "description": description(meeting),
        **event_dates(meeting),
        "eventStatus": EVENT_STATUS[meeting.status],
        "organizer": {
            "@type": "Organization",
            "name": body.title,
            "url": absolute_url(body.get_url()),
        },
    }
    if meeting.format:
        event["eventAttendanceMode"] = ATTENDANCE_MODE[meeting.format]
    location = event_location(meeting)
    if location:
        event["location"] = location
    return event


def json_ld(data):
    """JSON safe inside <script>: no `</script>` or `<!--` can close or confuse the element."""
    text = json.dumps(data, ensure_ascii=False, indent=None)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
