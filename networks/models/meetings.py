"""Meetings with their dates as precise as known, the other bodies that organise them and
members' registrations. A meeting's minutes are a page under it, in `minutes.py`."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.shortcuts import redirect
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page
from wagtail.search import index

from access.visibility import visible_pages
from text.fields import LEMMA_FIELDS, NormalisedSearchMixin

from ..blocks import ordered_list
from ..dates import add_months, format_partial_date
from .bodies import BodyPage, participants_range, qualified
from .choices import (
    AttendanceMode,
    DatePrecision,
    MeetingFormat,
    MeetingStatus,
    MeetingType,
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

    def search_text_parts(self):
        """The body it belongs to and its status ("peruttu", "inställt") in the page's own
        language are searched with it: "peruttu hr-verkoston kokous"."""
        body = self.get_parent() if self.path else None
        with translation.override(self.search_language()):
            status = str(self.get_status_display())
        return super().search_text_parts() + [body.title if body else "", status]

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
        return add_months(self.date, months) - datetime.timedelta(days=1)

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
        from .minutes import MinutesPage

        context = super().get_context(request, *args, **kwargs)
        # Built only when the page's shared part is (reader_cache): usually it is stored.
        context["minutes"] = SimpleLazyObject(
            lambda: (
                visible_pages(request, MinutesPage.objects.child_of(self))
                .select_related("locale")
                .first()
            )
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
