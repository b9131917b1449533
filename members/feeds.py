"""A member's private feeds: the meetings calendar (iCalendar) and the news (RSS 2.0)."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from networks.models.choices import DatePrecision, MeetingFormat, MeetingStatus

RSS_MINUTES = 20
RSS_MATERIALS = 30
RSS_ITEMS = 40

ICAL_STATUS = {
    MeetingStatus.CANCELLED: "CANCELLED",
    # A postponed meeting does not take place on its date; the new date is in the description.
    MeetingStatus.POSTPONED: "CANCELLED",
    MeetingStatus.HELD: "CONFIRMED",
}


def absolute(request, url):
    return request.build_absolute_uri(url)


def meeting_location(meeting):
    place = ", ".join(part for part in (meeting.place, meeting.city) if part)
    if not place and meeting.format == MeetingFormat.REMOTE:
        return str(meeting.get_format_display())
    return place


def meeting_event(meeting, request, tz, host):
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
    else:
        # A date without a time: an all-day entry on the day, or on the first day of the
        # month, season or year when only that is known (the description says which).
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + datetime.timedelta(days=1))
        if not precise:
            event.add("transp", "TRANSPARENT")
    event.add("summary", f"{meeting.member_body.title}: {meeting.title}")
    location = meeting_location(meeting)
    if location:
        event.add("location", location)
    if meeting.status == MeetingStatus.PLANNED:
        event.add("status", "CONFIRMED" if precise else "TENTATIVE")
    else:
        event.add("status", ICAL_STATUS[meeting.status])
    url = absolute(request, meeting.get_url(request))
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
    status = str(meeting.get_status_display())
    if meeting.status_reason:
        status += f" – {meeting.status_reason}"
    lines.append(_("Status: %(status)s") % {"status": status})
    if meeting.postponed_to:
        lines.append(_("Postponed to: %(date)s") % {"date": meeting.postponed_to_display})
    lines.append(url)
    return "\n".join(lines)


def meetings_calendar(networks, request):
    """Every meeting, past and upcoming, of the member's current bodies."""
    calendar = Calendar()
    calendar.add("prodid", "-//KT//Tarkeissa toissa//FI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _("Meetings of my networks"))
    tz = ZoneInfo(settings.TIME_ZONE)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    host = request.get_host().split(":")[0] or "localhost"
    for meeting in networks.meetings:
        calendar.add_component(meeting_event(meeting, request, tz, host))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def news_feed(networks, request, feed_url):
    """The latest minutes and materials of the member's current bodies, newest first."""
    feed = Rss201rev2Feed(
        title=_("My networks: minutes and materials"),
        link=absolute(request, reverse("members_home")),
        description=_("The latest minutes and materials of the networks you belong to."),
        language=request.LANGUAGE_CODE,
        feed_url=feed_url,
    )
    items = []
    for minutes in networks.minutes[:RSS_MINUTES]:
        url = absolute(request, minutes.get_url(request))
        meeting = minutes.member_meeting
        items.append(
            {
                "title": f"{minutes.member_body.title}: {minutes.title} – {meeting.title}",
                "link": url,
                "description": _("Minutes of the meeting on %(date)s.")
                % {"date": meeting.date_display},
                "pubdate": minutes.first_published_at or minutes.latest_revision_created_at,
                "updateddate": minutes.last_published_at,
                "unique_id": f"minutes-{minutes.translation_key}",
                "unique_id_is_permalink": False,
                "categories": [str(_("Minutes"))],
            }
        )
    for material in networks.materials()[:RSS_MATERIALS]:
        section = networks.sections.get(material.body_key)
        if section is None:
            continue
        body = section.body
        changed = material.changed_at
        items.append(
            {
                "title": f"{body.title}: {material.title}",
                "link": absolute(request, material.url),
                "description": material.description,
                "pubdate": changed,
                "unique_id": f"material-{material.pk}-{changed:%Y%m%d%H%M%S}",
                "unique_id_is_permalink": False,
                "categories": [str(material.get_material_type_display())]
                if material.material_type
                else [],
            }
        )
    items.sort(key=lambda item: item["pubdate"] or timezone.now(), reverse=True)
    for item in items[:RSS_ITEMS]:
        feed.add_item(**item)
    return feed.writeString("utf-8")
