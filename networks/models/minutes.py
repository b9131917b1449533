"""Minutes of a meeting, with their agenda items, decisions and attendance as rows of their own
so that a body's decision register (`networks.decisions`) can list every decision. Apart from
meetings: minutes come later, under the meeting's page.

The minutes' lifecycle, one rule in this module for every path (Wagtail's edit view and
workflow, bulk actions, wagtail-localize, commands, the API):

- *draft* until approved (checked) at a meeting of the body, usually the next one; then
  *approved*, with that meeting and its date (`approve_at`);
- *published* is Wagtail's own `live`: what readers see is always the live page's state
  (`MinutesPage.state`), labelled the same on the minutes, the meeting, the body's meeting
  list, the member home, the decision register and the API;
- draft minutes go live only where their body shares draft minutes with its readers
  (`BodyPage.shares_draft_minutes`); `MinutesPage.publish` refuses the rest, whichever path
  publishes them, and the admin says so before anyone tries (`networks.minutes_admin`);
- a translation has no state of its own: the Swedish minutes show their Finnish source's state,
  so they follow every approval at once."""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.api import APIField
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index

from access.visibility import visible_pages
from text.fields import LEMMA_FIELDS, NormalisedSearchMixin

from ..blocks import AttachmentBlock
from ..minutes_admin import MinutesForm, MinutesStatePanel
from ..tree import parent_path, parent_path_of
from .choices import DatePrecision, MeetingStatus, MinutesStatus
from .meetings import MeetingPage

logger = logging.getLogger(__name__)


class DraftMinutesNotShared(ValidationError):
    """Draft minutes of a body that does not share drafts were about to go live."""


def short_date(date):
    """16.3.2027: how a Finnish (and Finland-Swedish) secretary writes a meeting's date."""
    return f"{date.day}.{date.month}.{date.year}"


def meeting_date_text(meeting):
    if meeting.date_precision == DatePrecision.DAY:
        return short_date(meeting.date)
    return meeting.date_display


@dataclass
class MinutesState:
    """What readers are told about minutes: draft or approved, and by which meeting."""

    status: str
    approved_on: datetime.date | None = None
    approved_at: MeetingPage | None = None  # the approving meeting, in the minutes' language
    review_meeting: MeetingPage | None = None  # a draft's next meeting, where it is checked

    @property
    def approved(self):
        return self.status == MinutesStatus.APPROVED

    @property
    def label(self):
        """What readers are told, in the active language, e.g. "Pöytäkirjaluonnos — tarkastetaan
        kokouksessa 16.3.2027"."""
        if not self.approved:
            if self.review_meeting is None:
                return gettext("Draft minutes — to be approved at the next meeting")
            return gettext("Draft minutes — to be approved at the meeting on %(date)s") % {
                "date": meeting_date_text(self.review_meeting)
            }
        if self.approved_at is not None:
            return gettext("Approved minutes — approved at the meeting on %(date)s") % {
                "date": short_date(self.approved_on)
                if self.approved_on
                else meeting_date_text(self.approved_at)
            }
        if self.approved_on is not None:
            return gettext("Approved minutes — approved on %(date)s") % {
                "date": short_date(self.approved_on)
            }
        return gettext("Approved minutes")

    def as_api(self, language):
        """The state for the API. The meetings are given by their dates only: the asker may see
        the minutes without being allowed to see the other meeting's page."""

        def meeting(page):
            if page is None:
                return None
            return {"date": page.date.isoformat(), "date_precision": page.date_precision}

        with translation.override(language):
            label = self.label
        return {
            "status": self.status,
            "label": label,
            "approved_on": self.approved_on.isoformat() if self.approved_on else None,
            "approved_at": meeting(self.approved_at),
            "to_be_approved_at": meeting(self.review_meeting),
        }


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

    base_form_class = MinutesForm
    content_panels = Page.content_panels + [
        MinutesStatePanel(),
        FieldRowPanel([FieldPanel("status"), FieldPanel("approved_on"), FieldPanel("approved_at")]),
        # Wagtail writes "Add {label}" and "{label} 1": the label names one item.
        InlinePanel("agenda_items", heading=_("Agenda items"), label=_("agenda item")),
        InlinePanel("decisions", heading=_("Decisions"), label=_("decision")),
        InlinePanel("attendance", heading=_("Attendance"), label=_("attendee")),
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
        APIField("minutes_state"),
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

    # The lifecycle -------------------------------------------------------------------------

    def lifecycle_source(self):
        """The page whose fields hold the state: the Finnish minutes for a translation."""
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        if self.pk is None or self.locale.language_code == default:
            return self  # no query where the locale came with the page (select_related)
        return self.get_translation_or_none(Locale.get_default()) or self

    def _in_own_language(self, meeting):
        if meeting is None:
            return None
        return meeting.get_translation_or_none(self.locale) or meeting

    @cached_property
    def state(self):
        """The state readers are shown, from the source minutes (see the module's docstring)."""
        source = self.lifecycle_source()
        if source.status == MinutesStatus.APPROVED:
            return MinutesState(
                MinutesStatus.APPROVED,
                approved_on=source.approved_on,
                approved_at=self._in_own_language(source.approved_at),
            )
        return MinutesState(MinutesStatus.DRAFT, review_meeting=self.review_meeting())

    @property
    def minutes_state(self):
        """The state for the API, labelled in the page's own language."""
        return self.state.as_api(self.locale.language_code)

    def review_meeting(self):
        """The body's next live meeting after these minutes' meeting, where a draft is checked."""
        meeting = self.meeting
        if meeting is None:
            return None
        return (
            MeetingPage.objects.sibling_of(meeting, inclusive=False)
            .live()
            .filter(date__gt=meeting.date)
            .exclude(status=MeetingStatus.CANCELLED)
            .order_by("date")
            .first()
        )

    def body(self):
        meeting = self.get_parent() if self.path else None
        parent = meeting.get_parent() if meeting is not None else None
        return parent.specific if parent is not None else None

    def may_go_live(self):
        """Approved minutes may go live; draft minutes only where the body shares drafts."""
        source = self.lifecycle_source()
        if source.status == MinutesStatus.APPROVED:
            return True
        body = source.body()
        return bool(getattr(body, "shares_draft_minutes", False))

    def publish(self, revision, *args, **kwargs):
        """Every way of publishing comes here (Wagtail's publish and workflow, bulk actions,
        wagtail-localize, `publish_scheduled`): draft minutes of a body that does not share
        drafts stay unpublished."""
        if not revision.as_object().may_go_live():
            if revision.approved_go_live_at is not None:
                # `publish_scheduled` would stop at this page on every run, leaving the pages
                # after it unpublished: the schedule is dropped instead, and said so.
                revision.approved_go_live_at = None
                revision.save(update_fields=["approved_go_live_at"])
                logger.warning("Not published, draft minutes not shared: %s", self.pk)
                return None
            raise DraftMinutesNotShared(not_shared_message(self))
        return super().publish(revision, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        approved_at = self.state.approved_at
        if approved_at is not None:
            context["approved_at"] = visible_pages(
                request, MeetingPage.objects.filter(pk=approved_at.pk)
            ).first()
        return context

    def clean(self):
        """Approved minutes say when they were approved, at a meeting of the same body in
        either language, whose date is the approval date when it is known to the day. Older
        minutes may have a date without the meeting."""
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
        if self.approved_on is None:
            raise ValidationError(
                {"approved_on": _("Give the date on which the minutes were approved.")}
            )

    def search_text_parts(self):
        items = [f"{item.title} {item.discussion}" for item in self.agenda_items.all()]
        return super().search_text_parts() + items + [d.text for d in self.decisions.all()]


def not_shared_message(minutes):
    body = minutes.lifecycle_source().body()
    return gettext(
        "These minutes are a draft, and %(body)s does not share draft minutes: they are "
        "published once approved at a meeting. Approve them first, or let the body share "
        "draft minutes in its settings."
    ) % {"body": body.title if body is not None else gettext("the body")}


def approve_at(minutes, meeting, user):
    """Approve `minutes` at `meeting` in one action: record the meeting and its date (today
    when the meeting's date is not known to the day) in a new revision and publish it, or for
    someone who may not publish, submit it to the page's approval workflow."""
    page = minutes.get_latest_revision_as_object()
    page.status = MinutesStatus.APPROVED
    page.approved_at = meeting
    page.approved_on = (
        meeting.date if meeting.date_precision == DatePrecision.DAY else timezone.localdate()
    )
    revision = page.save_revision(user=user, log_action=True)
    if page.permissions_for_user(user).can_publish():
        revision.publish(user=user)
        return "published"
    workflow = page.get_workflow()
    if workflow is None:
        return "saved"
    state = page.current_workflow_state
    if state is None:
        workflow.start(page, user)
    return "submitted"


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
    agenda_item_number = models.PositiveSmallIntegerField(
        _("agenda item"), help_text=_("The agenda item on which the decision was made.")
    )
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
    children = (
        MinutesPage.objects.annotate(parent_path=parent_path_of("path"))
        .filter(parent_path__in=[m.path for m in meetings])
        .select_related("locale")  # their state reads it (`MinutesPage.lifecycle_source`)
    )
    minutes = {parent_path(page): page for page in visible_pages(request, children)}
    for meeting in meetings:
        meeting.visible_minutes = minutes.get(meeting.path)
    return meetings
