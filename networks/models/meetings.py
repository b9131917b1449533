"""Meetings with their dates as precise as known, and minutes with decisions as rows."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from search.fields import LEMMA_FIELDS, NormalisedSearchMixin

from ..blocks import AttachmentBlock, ordered_list
from ..dates import format_partial_date
from .bodies import BodyPage, participants_range, qualified
from .choices import (
    DatePrecision,
    MeetingFormat,
    MeetingStatus,
    MeetingType,
    MinutesStatus,
    Qualifier,
    Season,
)


class MeetingPage(NormalisedSearchMixin, Page):
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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["minutes"] = MinutesPage.objects.child_of(self).live().public().first()
        return context


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
    attachments = StreamField(
        [("document", AttachmentBlock())], verbose_name=_("attachments"), blank=True
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("status"), FieldPanel("approved_on")]),
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
