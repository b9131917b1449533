"""What a member's own networks hold: bodies, meetings, minutes and materials.

Everything starts from the member's current memberships (Person.user -> Membership.current())
and passes the same access rules as search (`access.visibility`), applied as the member: a page or
document the member could not open on the site is not listed here or in their feeds either.
The number of queries does not depend on how many bodies or meetings there are.
"""

import datetime
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import F, Prefetch, Q
from django.utils import timezone, translation

from access.readers import Reader
from access.visibility import visible_documents, visible_pages
from networks.material_changes import last_changed_first
from networks.models import (
    BodyPage,
    Material,
    MeetingOrganiser,
    MeetingPage,
    Membership,
    MinutesPage,
)
from networks.models.choices import MeetingStatus
from networks.translations import one_per_translation
from networks.tree import children_of, parent_path

# On the first visit there is no previous one: show what is new from this far back.
FIRST_VISIT_LOOKBACK = datetime.timedelta(days=30)


@dataclass
class BodySection:
    body: BodyPage
    memberships: list = field(default_factory=list)
    upcoming_meetings: list = field(default_factory=list)
    meetings: list = field(default_factory=list)
    latest_minutes: MinutesPage | None = None
    latest_minutes_meeting: MeetingPage | None = None
    new_materials: list = field(default_factory=list)
    part_of: BodyPage | None = None


class MemberNetworks:
    """The member's current bodies in the active language, with what each of them holds."""

    def __init__(self, user, language=None):
        self.language = language or translation.get_language()
        self.viewer = Reader.member(user)
        self.user = self.viewer.user
        memberships = Membership.objects.filter(person__user=self.user)
        current_ids = set(memberships.current().values_list("pk", flat=True))
        self.memberships = list(memberships.select_related("body"))
        for membership in self.memberships:
            membership.current = membership.pk in current_ids
        # Current terms first, then the most recently ended.
        self.memberships.sort(key=lambda m: m.end_date or datetime.date.max, reverse=True)
        self.memberships.sort(key=lambda m: not m.current)
        self._visible = visible_pages(self.viewer).values("pk")
        self.keys = self._with_sub_bodies(
            {m.body.translation_key for m in self.memberships if m.current}
        )
        # Each membership's body in the active language, ended terms included.
        titled = one_per_translation(
            BodyPage.objects.live()
            .filter(translation_key__in={m.body.translation_key for m in self.memberships})
            .select_related("locale"),
            self.language,
        )
        titled = {body.translation_key: body for body in titled}
        for membership in self.memberships:
            membership.body_display = titled.get(membership.body.translation_key, membership.body)
        # Every language's page of each body: meetings may be translated or not.
        self.all_bodies = list(
            BodyPage.objects.filter(translation_key__in=self.keys, pk__in=self._visible)
            .select_related("locale")
            .order_by("path")
        )
        self._body_by_path = {body.path: body for body in self.all_bodies}
        self.sections = {}
        for body in _parents_first(one_per_translation(self.all_bodies, self.language)):
            self.sections[body.translation_key] = BodySection(body=body)
            parent = self._body_by_path.get(parent_path(body))
            if parent is not None and parent.translation_key in self.sections:
                self.sections[body.translation_key].part_of = self.sections[
                    parent.translation_key
                ].body
        for membership in self.memberships:
            section = self.sections.get(membership.body.translation_key)
            if membership.current and section is not None:
                section.memberships.append(membership)
        self._load_meetings()
        self._load_minutes()

    def _with_sub_bodies(self, keys):
        """The member's bodies and every body under them (an advisory board, a working group):
        a network's members follow what its sub-bodies do, as far as they may see it."""
        bodies = BodyPage.objects.filter(translation_key__in=keys, pk__in=self._visible)
        below = reduce(
            or_,
            (Q(path__startswith=body.path, depth__gt=body.depth) for body in bodies),
            Q(pk__in=[]),
        )
        sub_bodies = BodyPage.objects.filter(below, pk__in=self._visible)
        return keys | set(sub_bodies.values_list("translation_key", flat=True))

    def signed_up_meetings(self):
        """The planned meetings the member has signed up for, soonest first, in the active
        language where translated; only those the member may still see."""
        registered = MeetingPage.objects.filter(
            registrations__user=self.user, status=MeetingStatus.PLANNED
        ).values("translation_key")
        meetings = MeetingPage.objects.filter(
            translation_key__in=registered, pk__in=self._visible
        ).select_related("locale")
        today = timezone.localdate()
        upcoming = [m for m in one_per_translation(meetings, self.language) if m.ends_on >= today]
        return sorted(upcoming, key=_meeting_order)

    @property
    def bodies(self):
        return [section.body for section in self.sections.values()]

    def _load_meetings(self):
        """Meetings under the bodies, and joint meetings another body organises with them."""
        self._all_meetings = list(
            MeetingPage.objects.filter(pk__in=self._visible)
            .filter(
                children_of(self.all_bodies) | Q(organisers__body__translation_key__in=self.keys)
            )
            .distinct()
            .select_related("locale")
            .prefetch_related(
                Prefetch(
                    "organisers",
                    queryset=MeetingOrganiser.objects.select_related("body"),
                )
            )
        )
        self._meeting_by_path = {meeting.path: meeting for meeting in self._all_meetings}
        self.meetings = []
        for meeting in one_per_translation(self._all_meetings, self.language):
            key = self._body_key_of(meeting)
            if key is None:
                continue
            meeting.member_body = self.sections[key].body
            self.sections[key].meetings.append(meeting)
            self.meetings.append(meeting)
        self.meetings.sort(key=_meeting_order)
        for section in self.sections.values():
            section.meetings.sort(key=_meeting_order)
            section.upcoming_meetings = [
                m for m in section.meetings if m.status == MeetingStatus.PLANNED
            ]

    def _body_key_of(self, meeting):
        parent = self._body_by_path.get(parent_path(meeting))
        if parent is not None and parent.translation_key in self.sections:
            return parent.translation_key
        for organiser in meeting.organisers.all():
            if organiser.body.translation_key in self.sections:
                return organiser.body.translation_key
        return None

    def _load_minutes(self):
        """Minutes under the meetings, each with its meeting and body; the latest per body."""
        joint = [m for m in self._all_meetings if parent_path(m) not in self._body_by_path]
        minutes = (
            MinutesPage.objects.filter(pk__in=self._visible)
            .filter(children_of(self.all_bodies, levels=2) | children_of(joint))
            .select_related("locale")
        )
        localized_meetings = {meeting.translation_key: meeting for meeting in self.meetings}
        self.minutes = []
        for page in one_per_translation(minutes, self.language):
            meeting = self._meeting_by_path.get(parent_path(page))
            if meeting is None:
                continue
            key = self._body_key_of(meeting)
            if key is None:
                continue
            page.member_meeting = localized_meetings.get(meeting.translation_key, meeting)
            page.member_body = self.sections[key].body
            self.minutes.append(page)
        self.minutes.sort(key=_minutes_order, reverse=True)
        for page in self.minutes:
            section = self.sections[page.member_body.translation_key]
            if section.latest_minutes is None:
                section.latest_minutes = page
                section.latest_minutes_meeting = page.member_meeting

    def materials(self):
        """The bodies' documents the member may open, last changed first, with their body.

        A document changes when it is added or its file is replaced (the replaced file is kept
        as a MaterialVersion stamped with the time of the replacement).
        """
        materials = Material.objects.filter(body__translation_key__in=self.keys).annotate(
            body_key=F("body__translation_key")
        )
        return visible_documents(self.viewer, last_changed_first(materials))

    def materials_changed_since(self, since):
        """Documents added, or given a new file, after `since`; listed in their body's section."""
        if since is None:
            since = timezone.now() - FIRST_VISIT_LOOKBACK
        changed = list(self.materials().filter(changed_at__gt=since))
        for material in changed:
            section = self.sections.get(material.body_key)
            if section is not None:
                material.member_body = section.body
                section.new_materials.append(material)
        return changed


def _title(page):
    return page.title.casefold()


def _parents_first(bodies):
    """By title, each body's sub-bodies right after it (by title too)."""
    by_path = sorted(bodies, key=_title)
    paths = {body.path for body in by_path}
    top = [
        body
        for body in by_path
        if not any(body.path.startswith(p) and body.path != p for p in paths)
    ]
    ordered = []

    def add(body):
        ordered.append(body)
        for other in by_path:
            if parent_path(other) == body.path:
                add(other)

    for body in top:
        add(body)
    return ordered


def _meeting_order(meeting):
    return (meeting.date, meeting.start_time or datetime.time.min, meeting.title)


def _minutes_order(minutes):
    published = minutes.first_published_at or minutes.latest_revision_created_at
    return (minutes.member_meeting.date, published or timezone.now())
