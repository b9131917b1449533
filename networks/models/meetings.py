"""Meetings with their dates as precise as known, and minutes with decisions as rows."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index

from access.visibility import visible_pages
from text.fields import LEMMA_FIELDS, NormalisedSearchMixin

from ..blocks import AttachmentBlock, ordered_list
from ..dates import format_partial_date
from .bodies import BodyPage, participants_range, qualified
from .choices import (
    AttendanceMode,
    DatePrecision,
    MeetingFormat,
    MeetingStatus,
    MeetingType,
    MinutesStatus,
    Qualifier,
    Season,
)


class MeetingPage(RoutablePageMixin, NormalisedSearchMixin, Page):
    """One meeting of a body (or of several bodies together)."""

    meeting_type = models.CharField(
        _("type"), max_length=20, choices=MeetingType.choices, default=MeetingType.MEETING
    )
    date = models.DateField(_("date"), help_text=_("For a month, season or year: its first day."))
    date_precision = models.CharField(
        _("date precision"), max_length=10, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    season = models.CharField(_("season"), max_length=10, choices=Season.choices, blank=True)
    start_time = models.TimeField(_("starts"), null=True, blank=True)
    end_time = models.TimeField(_("ends"), null=True, blank=True)
    format = models.CharField(_("format"), max_length=10, choices=MeetingFormat.choices, blank=True)
    place = models.CharField(_("place"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    status_reason = models.TextField(_("reason for the status"), blank=True)
    postponed_to = models.DateField(_("postponed to"), null=True, blank=True)
    postponed_to_precision = models.CharField(
        _("precision"), max_length=10, choices=DatePrecision.choices, default=DatePrecision.YEAR
    )
    themes = StreamField(ordered_list(_("Theme")), verbose_name=_("themes"), blank=True)
    agenda = StreamField(ordered_list(_("Agenda item")), verbose_name=_("agenda"), blank=True)
    participants_min = models.PositiveIntegerField(
        _("participants, at least"), null=True, blank=True
    )
    participants_max = models.PositiveIntegerField(
        _("participants, at most"), null=True, blank=True
    )
    participants_qualifier = models.CharField(
        _("qualifier"), max_length=10, choices=Qualifier.choices, default=Qualifier.EXACTLY
    )
    participant_organisations = models.PositiveIntegerField(
        _("participating organisations"), null=True, blank=True
    )
    participants_description = models.TextField(_("who took part"), blank=True)
    summary = RichTextField(_("public summary"), blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("meeting_type"), FieldPanel("status")]),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("date"), FieldPanel("date_precision"), FieldPanel("season")]
                ),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldPanel("status_reason"),
                FieldRowPanel([FieldPanel("postponed_to"), FieldPanel("postponed_to_precision")]),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("format"), FieldRowPanel([FieldPanel("place"), FieldPanel("city")])],
            heading=_("Where"),
        ),
        FieldPanel("themes"),
        FieldPanel("agenda"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("participants_qualifier"),
                        FieldPanel("participants_min"),
                        FieldPanel("participants_max"),
                    ]
                ),
                FieldPanel("participant_organisations"),
                FieldPanel("participants_description"),
                InlinePanel("organisers", label=_("other organising bodies")),
            ],
            heading=_("Participants"),
        ),
        FieldPanel("summary"),
    ]
    search_fields = (
        Page.search_fields
        + LEMMA_FIELDS
        + [
            index.SearchField("themes"),
            index.SearchField("summary"),
            index.SearchField("place"),
            index.SearchField("city"),
            index.SearchField("participants_description"),
            index.SearchField("status_reason"),
            index.FilterField("date"),
            index.FilterField("status"),
        ]
    )
    api_fields = [
        APIField("meeting_type"),
        APIField("date"),
        APIField("date_precision"),
        APIField("season"),
        APIField("date_display"),
        APIField("start_time"),
        APIField("format"),
        APIField("place"),
        APIField("city"),
        APIField("status"),
        APIField("status_reason"),
        APIField("postponed_to"),
        APIField("postponed_to_precision"),
        APIField("themes"),
        APIField("agenda"),
        APIField("participants_min"),
        APIField("participants_max"),
        APIField("participants_qualifier"),
        APIField("participant_organisations"),
        APIField("participants_description"),
        APIField("organising_bodies"),
    ]
    parent_page_types = ["networks.BodyPage"]
    subpage_types = ["networks.MinutesPage"]

    class Meta:
        verbose_name = _("meeting")
        ordering = ["date"]

    @property
    def body_page(self):
        return BodyPage.objects.filter(pk=self.get_parent().pk).first()

    @property
    def organising_bodies(self):
        parent = self.get_parent()
        bodies = [{"id": parent.id, "title": parent.title}]
        for organiser in self.organisers.select_related("body"):
            body = organiser.body.localized
            bodies.append({"id": body.id, "title": body.title})
        return bodies

    @property
    def date_display(self):
        return format_partial_date(self.date, self.date_precision, self.season)

    @property
    def postponed_to_display(self):
        return format_partial_date(self.postponed_to, self.postponed_to_precision)

    @property
    def participants_display(self):
        low, high = self.participants_min, self.participants_max
        if low and high and low != high:
            return participants_range(low, high)
        return qualified(self.participants_qualifier, low or high)

    @property
    def ends_on(self):
        """The last day of the meeting's date: a month, season or year lasts past its first day."""
        if self.date_precision == DatePrecision.YEAR:
            return self.date.replace(month=12, day=31)
        months = {DatePrecision.MONTH: 1, DatePrecision.SEASON: 3}.get(self.date_precision)
        if months is None:
            return self.date
        month = self.date.month - 1 + months
        first_after = datetime.date(self.date.year + month // 12, month % 12 + 1, 1)
        return first_after - datetime.timedelta(days=1)

    @property
    def registration_open(self):
        return (
            self.status == MeetingStatus.PLANNED
            and self.ends_on >= timezone.localdate()
            and not getattr(self.body_page, "is_archived", False)
        )

    @property
    def attendance_modes(self):
        """The ways to take part that the meeting's format offers."""
        if self.format == MeetingFormat.IN_PERSON:
            return [AttendanceMode.IN_PERSON]
        if self.format == MeetingFormat.REMOTE:
            return [AttendanceMode.REMOTE]
        return list(AttendanceMode)

    @property
    def registration_meeting(self):
        """Registrations are kept on the default-language page, so that signing up in Swedish
        and in Finnish counts once and editors see one list."""
        source = self.get_translation_or_none(Locale.get_default())
        return source or self

    def registration_of(self, user):
        if not user.is_authenticated:
            return None
        return MeetingRegistration.objects.filter(
            meeting=self.registration_meeting, user=user
        ).first()

    @property
    def registration_url(self):
        name = "registration_sv" if self.locale.language_code == "sv" else "registration"
        return self.url + self.reverse_subpage(name)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Built only when the page's shared part is (reader_cache): usually it is stored.
        context["minutes"] = SimpleLazyObject(
            lambda: visible_pages(request, MinutesPage.objects.child_of(self)).first()
        )
        if self.registration_open:
            context["registration"] = self.registration_of(request.user)
            context["attendance_modes"] = self.attendance_modes
        return context

    @re_path(r"^ilmoittautuminen/$", name="registration")
    @re_path(r"^anmalan/$", name="registration_sv")
    def register(self, request):
        """Sign up, change the way of taking part, or cancel; one registration per member.
        Page privacy has already been checked by Wagtail before a route is served."""
        back = redirect(self.url + "#registration")
        if request.method != "POST":
            return back
        if not request.user.is_authenticated:
            return redirect_to_login(self.url)
        if not self.registration_open:
            messages.error(request, _("Registration for this meeting is closed."))
            return back
        meeting = self.registration_meeting
        if request.POST.get("action") == "cancel":
            MeetingRegistration.objects.filter(meeting=meeting, user=request.user).delete()
            messages.success(request, _("Your registration was cancelled."))
            return back
        mode = request.POST.get("attendance")
        if mode not in self.attendance_modes:
            messages.error(request, _("Choose how you will take part."))
            return back
        MeetingRegistration.objects.update_or_create(
            meeting=meeting, user=request.user, defaults={"attendance": mode}
        )
        messages.success(
            request,
            _("You are registered for the meeting (%(mode)s).")
            % {"mode": AttendanceMode(mode).label.lower()},
        )
        return back


class MeetingOrganiser(Orderable):
    """Another body that organises the meeting together with the page's own body."""

    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="organisers")
    body = models.ForeignKey(BodyPage, verbose_name=_("body"), on_delete=models.CASCADE)

    panels = [FieldPanel("body")]


class MinutesPage(NormalisedSearchMixin, Page):
    """The minutes of a meeting; may be members-only while the meeting page is public."""

    status = models.CharField(
        _("minutes status"),
        max_length=10,
        choices=MinutesStatus.choices,
        default=MinutesStatus.DRAFT,
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    approved_at = models.ForeignKey(
        MeetingPage,
        verbose_name=_("approved at the meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Usually the body's next meeting."),
    )
    attachments = StreamField(
        [("document", AttachmentBlock())], verbose_name=_("attachments"), blank=True
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("status"), FieldPanel("approved_on"), FieldPanel("approved_at")]),
        InlinePanel("agenda_items", label=_("agenda items")),
        InlinePanel("decisions", label=_("decisions")),
        InlinePanel("attendance", label=_("attendance")),
        FieldPanel("attachments"),
    ]
    search_fields = (
        Page.search_fields
        + LEMMA_FIELDS
        + [
            index.RelatedFields(
                "agenda_items", [index.SearchField("title"), index.SearchField("discussion")]
            ),
            index.RelatedFields("decisions", [index.SearchField("text")]),
            index.FilterField("status"),
        ]
    )
    api_fields = [
        APIField("status"),
        APIField("approved_on"),
        APIField("agenda_items"),
        APIField("decisions"),
        APIField("attendance"),
        APIField("attachments"),
    ]
    parent_page_types = ["networks.MeetingPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    @property
    def meeting(self):
        return MeetingPage.objects.filter(pk=self.get_parent().pk).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.approved_at_id:
            meeting = MeetingPage.objects.get(pk=self.approved_at_id).localized
            context["approved_at"] = visible_pages(
                request, MeetingPage.objects.filter(pk=meeting.pk)
            ).first()
        return context

    def clean(self):
        """Approved minutes say when they were approved, at a meeting of the same body in
        either language, whose date is the approval date when it is known to the day.
        Published minutes keep what was recorded; older ones may not know the date."""
        super().clean()
        if self.status == MinutesStatus.DRAFT:
            return
        meeting = self.approved_at
        if meeting is not None:
            own = self.meeting if self.path else None
            body = own.get_parent() if own else None
            if body is not None and meeting.get_parent().translation_key != body.translation_key:
                raise ValidationError({"approved_at": _("Choose a meeting of the same body.")})
            if self.approved_on is None and meeting.date_precision == DatePrecision.DAY:
                self.approved_on = meeting.date
        if self.status == MinutesStatus.APPROVED and self.approved_on is None:
            raise ValidationError(
                {"approved_on": _("Give the date on which the minutes were approved.")}
            )

    def search_text_parts(self):
        items = [f"{item.title} {item.discussion}" for item in self.agenda_items.all()]
        return super().search_text_parts() + items + [d.text for d in self.decisions.all()]


class AgendaItem(TranslatableMixin, Orderable):
    page = ParentalKey(MinutesPage, on_delete=models.CASCADE, related_name="agenda_items")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=255)
    discussion = models.TextField(_("discussion"), blank=True)

    panels = [FieldPanel("number"), FieldPanel("title"), FieldPanel("discussion")]
    api_fields = [APIField("number"), APIField("title"), APIField("discussion")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("agenda item")


class Decision(TranslatableMixin, Orderable):
    """A decision as its own row so that a body's decision register can list them all."""

    page = ParentalKey(MinutesPage, on_delete=models.CASCADE, related_name="decisions")
    agenda_item_number = models.PositiveSmallIntegerField(_("agenda item"))
    text = models.TextField(_("decision"))

    panels = [FieldPanel("agenda_item_number"), FieldPanel("text")]
    api_fields = [APIField("agenda_item_number"), APIField("text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("decision")


class Attendance(Orderable):
    page = ParentalKey(MinutesPage, on_delete=models.CASCADE, related_name="attendance")
    name = models.CharField(_("name"), max_length=255)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    present = models.BooleanField(_("present"), default=True)

    panels = [FieldPanel("name"), FieldPanel("organisation"), FieldPanel("present")]
    api_fields = [APIField("name"), APIField("organisation"), APIField("present")]

    class Meta(Orderable.Meta):
        verbose_name = _("attendee")


class MeetingRegistration(models.Model):
    """A member's sign-up for a planned meeting; editors see and export the list."""

    meeting = models.ForeignKey(
        MeetingPage,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="meeting_registrations",
    )
    attendance = models.CharField(_("taking part"), max_length=10, choices=AttendanceMode.choices)
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("meeting registration")
        verbose_name_plural = _("meeting registrations")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_registration_per_member")
        ]

    def __str__(self):
        return f"{self.user} – {self.meeting}"
