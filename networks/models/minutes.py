"""Minutes of a meeting, with their agenda items, decisions and attendance as rows of their own
so that a body's decision register (`networks.decisions`) can list every decision. Apart from
meetings: minutes come later, under the meeting's page, with their own status and approval."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from access.visibility import visible_pages
from text.fields import LEMMA_FIELDS, NormalisedSearchMixin

from ..blocks import AttachmentBlock
from ..tree import parent_path, parent_path_of
from .choices import DatePrecision, MinutesStatus
from .meetings import MeetingPage


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


def with_minutes(request, meetings):
    """The meetings, each with `visible_minutes`: its minutes if the reader may see them."""
    meetings = list(meetings)
    if not meetings:
        return meetings
    # Minutes are the meetings' children: match their parent's path, one condition for all.
    children = MinutesPage.objects.annotate(parent_path=parent_path_of("path")).filter(
        parent_path__in=[m.path for m in meetings]
    )
    minutes = {parent_path(page): page for page in visible_pages(request, children)}
    for meeting in meetings:
        meeting.visible_minutes = minutes.get(meeting.path)
    return meetings
