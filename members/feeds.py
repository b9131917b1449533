"""A member's private feeds: the meetings calendar (iCalendar) and the news (RSS 2.0).

What goes in comes from the member's networks; how it looks is shared with the public feeds
(networks/feeds.py).
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from networks import feeds
from networks.addresses import absolute_url

RSS_MINUTES = 20
RSS_MATERIALS = 30


def meetings_calendar(networks, request):
    """Every meeting, past and upcoming, of the member's current bodies."""
    return feeds.meetings_calendar(
        _("Meetings of my networks"),
        [(meeting, meeting.member_body) for meeting in networks.meetings],
        request,
    )


def news_feed(networks, request, feed_url):
    """The latest minutes and materials of the member's current bodies, newest first."""
    items = [
        feeds.minutes_item(minutes, minutes.member_meeting, minutes.member_body, request)
        for minutes in networks.minutes[:RSS_MINUTES]
    ]
    for material in networks.materials()[:RSS_MATERIALS]:
        section = networks.sections.get(material.body_key)
        if section is not None:
            items.append(feeds.material_item(material, section.body, request))
    return feeds.rss_feed(
        _("My networks: minutes and materials"),
        absolute_url(reverse("members_home")),
        _("The latest minutes and materials of the networks you belong to."),
        items,
        request,
        feed_url,
    )
