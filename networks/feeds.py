"""The one place that turns meetings, minutes and documents into iCalendar events and RSS items.

The members' private feeds (members/feeds.py) and the public feeds (subscriptions/feeds.py)
choose what goes in; this module decides how it looks, so both stay valid in the same readers.

Dates as precise as known: a meeting known to the day is a timed event (or an all-day one
without a time); a meeting known only to the month is an all-day event spanning that month,
marked free (TRANSP:TRANSPARENT) and, while planned, tentative, with the month in the
description. A meeting known only to a season or a year stays out of calendars: a quarter- or
year-long event would cover the reader's calendar and a single day would be wrong. Those
meetings are still listed on the pages and in the RSS feeds.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .addresses import absolute_url, site_host
from .models.choices import DatePrecision, MeetingFormat, MeetingStatus

RSS_ITEMS = 40
CALENDAR_PRECISIONS = {DatePrecision.DAY, DatePrecision.MONTH}

ICAL_STATUS = {
    MeetingStatus.CANCELLED: "CANCELLED",
    # A postponed meeting does not take place on its date; the new date is in the description.
    MeetingStatus.POSTPONED: "CANCELLED",
    MeetingStatus.HELD: "CONFIRMED",
}


def in_calendar(meeting):
    return meeting.date_precision in CALENDAR_PRECISIONS


def meeting_location(meeting):
    place = ", ".join(part for part in (meeting.place, meeting.city) if part)
    if not place and meeting.format == MeetingFormat.REMOTE:
        return str(meeting.get_format_display())
    return place


def _next_month(date):
    return (date.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


def meeting_event(meeting, body, request, tz, host):
    """One VEVENT; its UID is the same in both languages and in every feed."""
    event = Event()
    event.add("uid", f"meeting-{meeting.translation_key}@{host}")
    event.add("dtstamp", meeting.last_published_at or timezone.now())
    if meeting.last_published_at:
        event.add("last-modified", meeting.last_published_at)
    precise = meeting.date_precision == DatePrecision.DAY
    if precise and meeting.start_time:
        event.add("dtstart", datetime.datetime.combine(meeting.date, meeting.start_time, tz))
        if meeting.end_time and meeting.end_time > meeting.start_time:
            event.add("dtend", datetime.datetime.combine(meeting.date, meeting.end_time, tz))
    elif precise:
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + datetime.timedelta(days=1))
    else:
        # Known to the month only: the whole month, shown as free time.
        event.add("dtstart", meeting.date.replace(day=1))
        event.add("dtend", _next_month(meeting.date))
        event.add("transp", "TRANSPARENT")
    event.add("summary", f"{body.title}: {meeting.title}")
    location = meeting_location(meeting)
    if location:
        event.add("location", location)
    if meeting.status == MeetingStatus.PLANNED:
        event.add("status", "CONFIRMED" if precise else "TENTATIVE")
    else:
        event.add("status", ICAL_STATUS[meeting.status])
    url = absolute_url(meeting.get_url(request))
    event.add("url", url)
    event.add("description", meeting_description(meeting, url))
    return event


def meeting_description(meeting, url):
    lines = [_("When: %(date)s") % {"date": meeting.date_display}]
    if meeting.start_time:
        time = meeting.start_time.strftime("%H.%M")
        if meeting.end_time:
            time += "–" + meeting.end_time.strftime("%H.%M")
        lines[0] += f", {time}"
    if meeting.date_precision != DatePrecision.DAY:
        lines.append(_("The exact day is not known."))
    status = str(meeting.get_status_display())
    if meeting.status_reason:
        status += f" – {meeting.status_reason}"
    lines.append(_("Status: %(status)s") % {"status": status})
    if meeting.postponed_to:
        lines.append(_("Postponed to: %(date)s") % {"date": meeting.postponed_to_display})
    lines.append(url)
    return "\n".join(lines)


def meetings_calendar(name, meetings, request):
    """An iCalendar file of (meeting, body) pairs; meetings without a day or month are left out."""
    calendar = Calendar()
    calendar.add("prodid", "-//KT//Tarkeissa toissa//FI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    tz = ZoneInfo(settings.TIME_ZONE)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    host = site_host()
    for meeting, body in meetings:
        if in_calendar(meeting):
            calendar.add_component(meeting_event(meeting, body, request, tz, host))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _prefixed(body, title):
    return f"{body.title}: {title}" if body is not None else title


def meeting_item(meeting, body, request):
    return {
        "title": _prefixed(body, f"{meeting.title} ({meeting.date_display})"),
        "link": absolute_url(meeting.get_url(request)),
        "description": meeting_description(meeting, absolute_url(meeting.get_url(request))),
        "pubdate": meeting.first_published_at or meeting.latest_revision_created_at,
        "updateddate": meeting.last_published_at,
        "unique_id": f"meeting-{meeting.translation_key}",
        "unique_id_is_permalink": False,
        "categories": [str(_("Meeting"))],
    }


def minutes_item(minutes, meeting, body, request):
    return {
        "title": _prefixed(body, f"{minutes.title} – {meeting.title}"),
        "link": absolute_url(minutes.get_url(request)),
        "description": _("Minutes of the meeting on %(date)s.") % {"date": meeting.date_display},
        "pubdate": minutes.first_published_at or minutes.latest_revision_created_at,
        "updateddate": minutes.last_published_at,
        "unique_id": f"minutes-{minutes.translation_key}",
        "unique_id_is_permalink": False,
        "categories": [str(_("Minutes"))],
    }


def material_item(material, body, request):
    """A document as it was last changed (`changed_at`): a replaced file is a new item."""
    changed = material.changed_at
    return {
        "title": _prefixed(body, material.display_title),
        "link": absolute_url(material.url),
        "description": material.display_description,
        "pubdate": changed,
        "unique_id": f"material-{material.pk}-{changed:%Y%m%d%H%M%S}",
        "unique_id_is_permalink": False,
        "categories": [str(material.get_material_type_display())] if material.material_type else [],
    }


def rss_feed(title, link, description, items, request, feed_url):
    """RSS 2.0 of the newest items first."""
    feed = Rss201rev2Feed(
        title=title,
        link=link,
        description=description,
        language=request.LANGUAGE_CODE,
        feed_url=feed_url,
    )
    items = sorted(items, key=lambda item: item["pubdate"] or timezone.now(), reverse=True)
    for item in items[:RSS_ITEMS]:
        feed.add_item(**item)
    return feed.writeString("utf-8")
