"""What the home page shows each reader: the meetings coming up, what is new and the bodies by
kind, each only from what this reader may see (`access.visibility`), so a member's home page
lists the minutes and materials of their networks and a visitor's only public ones."""

import datetime

from django.utils.translation import gettext_lazy as _

from access.visibility import visible_pages
from networks.models import BodyPage, MeetingPage
from networks.models.choices import BodyKind, BodyStatus, ContentKind, MeetingStatus
from networks.models.listings import SavedListing, ancestor_value

# The kinds as headings over their bodies' cards.
KIND_HEADINGS = {
    BodyKind.COORDINATING_GROUP: _("Coordinating group"),
    BodyKind.DEVELOPMENT_SECTION: _("Development sections"),
    BodyKind.NETWORK: _("Networks"),
    BodyKind.ADVISORY_BOARD: _("Advisory boards"),
    BodyKind.EMPLOYER_GROUP: _("Employer groups"),
    BodyKind.COOPERATION: _("Cooperation"),
}
UPCOMING = 5
NEW = 6


def sections(request, home):
    return visible_pages(request, home.get_children()).in_menu().specific()


def upcoming_meetings(request, home):
    """The next planned meetings, with the name of the body that holds each (`body_title`):
    the home page links them by the body's name, not by "Meeting 12/2026"."""
    return (
        visible_pages(request, MeetingPage.objects.descendant_of(home))
        .filter(status=MeetingStatus.PLANNED)
        .annotate(body_title=ancestor_value(1, "title"))
        .order_by("date", "start_time")[:UPCOMING]
    )


def whats_new(request, limit=NEW):
    """The newest minutes and materials the reader may see, newest first (the saved listings'
    own queries, so the same access rules hold)."""
    entries = []
    for kind in (ContentKind.MINUTES, ContentKind.MATERIALS):
        entries += SavedListing(kind=kind, limit=limit).entries(request)
    entries.sort(key=lambda entry: entry.date or datetime.date.min, reverse=True)
    return entries[:limit]


def bodies_by_kind(request, home):
    """Active bodies under the home page as (heading, bodies) in the order of BodyKind:
    the coordinating group first, the networks after the sections."""
    bodies = visible_pages(request, BodyPage.objects.descendant_of(home)).filter(
        status=BodyStatus.ACTIVE
    )
    groups = {kind: [] for kind in BodyKind}
    for body in bodies.order_by("title"):
        groups[BodyKind(body.kind)].append(body)
    return [(KIND_HEADINGS[kind], members) for kind, members in groups.items() if members]
