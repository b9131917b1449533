"""The programme and the bodies under it: coordinating group, sections, networks, groups."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Collection, Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from text.fields import LEMMA_FIELDS, NormalisedSearchMixin

from ..blocks import LogoBlock, PeriodBlock, listings_field, ordered_list
from ..dates import format_partial_date
from ..serializers import OrganisationSerializer, PersonSerializer
from .choices import (
    BodyKind,
    BodyStatus,
    DatePrecision,
    Frequency,
    MeetingFormat,
    MeetingStatus,
    Qualifier,
    Season,
    Trend,
)


def qualified(qualifier, value):
    """'noin 360', 'yli 40', '15': a count as the source states it."""
    if value is None:
        return ""
    number = f"{value:,}".replace(",", "\u00a0")
    if qualifier == Qualifier.EXACTLY or not qualifier:
        return number
    return f"{Qualifier(qualifier).label} {number}"


class ProgrammePage(NormalisedSearchMixin, Page):
    """The national work-life development programme ("Tärkeissä töissä")."""

    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("page content"), blank=True)
    started_year = models.PositiveSmallIntegerField(_("named so since"), null=True, blank=True)
    goals = StreamField(ordered_list(_("Goal")), verbose_name=_("goals"), blank=True)
    history = StreamField([("period", PeriodBlock())], verbose_name=_("history"), blank=True)
    logos = StreamField([("logo", LogoBlock())], verbose_name=_("funders and logos"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("started_year"),
        FieldPanel("goals"),
        FieldPanel("body"),
        FieldPanel("history"),
        FieldPanel("logos"),
    ]
    search_fields = (
        Page.search_fields
        + LEMMA_FIELDS
        + [
            index.SearchField("intro"),
            index.SearchField("body"),
            index.SearchField("goals"),
            index.SearchField("history"),
        ]
    )
    api_fields = [
        APIField("intro"),
        APIField("started_year"),
        APIField("goals"),
        APIField("history"),
        APIField("logos"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["networks.BodyPage", "home.StandardPage"]

    class Meta:
        verbose_name = _("programme")

    def get_context(self, request, *args, **kwargs):
        from access.visibility import visible_pages

        context = super().get_context(request, *args, **kwargs)
        bodies = visible_pages(request, BodyPage.objects.child_of(self))
        context["bodies"] = bodies.exclude(status=BodyStatus.ARCHIVED)
        context["archived_bodies"] = bodies.filter(status=BodyStatus.ARCHIVED)
        return context


class BodyIndexPage(NormalisedSearchMixin, Page):
    """The list of KT's employer networks, filterable by kind and sortable by size."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + LEMMA_FIELDS + [index.SearchField("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["networks.BodyPage"]

    class Meta:
        verbose_name = _("list of networks")

    SORTS = {"title": "title", "members": "-member_count", "organisations": "-organisation_count"}

    def get_context(self, request, *args, **kwargs):
        from access.visibility import visible_pages

        context = super().get_context(request, *args, **kwargs)
        bodies = visible_pages(request, BodyPage.objects.descendant_of(self))
        kind = request.GET.get("kind")
        if kind in BodyKind.values:
            bodies = bodies.filter(kind=kind)
        else:
            bodies = bodies.child_of(self)
        sort = request.GET.get("sort")
        bodies = bodies.order_by(self.SORTS.get(sort, "path")).select_related("chair")
        context.update(
            bodies=bodies.exclude(status=BodyStatus.ARCHIVED),
            archived_bodies=bodies.filter(status=BodyStatus.ARCHIVED),
            kinds=BodyKind.choices,
            current_kind=kind,
            current_sort=sort if sort in self.SORTS else "",
        )
        return context


class BodyPage(RoutablePageMixin, NormalisedSearchMixin, Page):
    """A body that meets and keeps material: the fields people list, filter and sort by."""

    kind = models.CharField(_("kind of body"), max_length=30, choices=BodyKind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=BodyStatus.choices, default=BodyStatus.ACTIVE
    )
    summary = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("page content"), blank=True)
    reports_to = models.CharField(_("reports to"), max_length=255, blank=True)
    chair = models.ForeignKey(
        "networks.Person",
        verbose_name=_("chair"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_person = models.ForeignKey(
        "networks.Person",
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    who_may_join = models.TextField(_("who may join"), blank=True)
    open_to_join = models.BooleanField(_("open to new members"), default=True)
    member_count = models.PositiveIntegerField(_("members"), null=True, blank=True)
    member_count_qualifier = models.CharField(
        _("qualifier"), max_length=10, choices=Qualifier.choices, default=Qualifier.EXACTLY
    )
    member_trend = models.CharField(
        _("change in members"), max_length=10, choices=Trend.choices, blank=True
    )
    organisation_count = models.PositiveIntegerField(_("organisations"), null=True, blank=True)
    organisation_count_qualifier = models.CharField(
        _("qualifier"), max_length=10, choices=Qualifier.choices, default=Qualifier.EXACTLY
    )
    counted_year = models.PositiveSmallIntegerField(_("year counted"), null=True, blank=True)
    shares_draft_minutes = models.BooleanField(
        _("shares draft minutes"),
        default=False,
        help_text=_(
            "Draft minutes may be published to their readers before they are approved at the "
            "next meeting, labelled as a draft. Otherwise minutes are published once approved."
        ),
    )
    meeting_frequency = models.CharField(
        _("meets"), max_length=20, choices=Frequency.choices, blank=True
    )
    tasks = StreamField(ordered_list(_("Task")), verbose_name=_("tasks"), blank=True)
    listings = listings_field()
    platform = models.CharField(_("platform"), max_length=100, blank=True)
    platform_since = models.PositiveSmallIntegerField(
        _("platform in use since"), null=True, blank=True
    )
    established_year = models.PositiveSmallIntegerField(_("established"), null=True, blank=True)
    ended_year = models.PositiveSmallIntegerField(_("ended"), null=True, blank=True)
    members_group = models.ForeignKey(
        Group,
        verbose_name=_("members' group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Page and collection privacy for members use this group."),
    )
    collection = models.ForeignKey(
        Collection,
        verbose_name=_("document collection"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("tasks"),
        FieldPanel("listings"),
        MultiFieldPanel(
            [
                FieldPanel("chair"),
                FieldPanel("contact_person"),
                FieldPanel("reports_to"),
                InlinePanel("co_organisers", label=_("co-organisers")),
            ],
            heading=_("People and organisations"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("who_may_join"),
                FieldPanel("open_to_join"),
                FieldRowPanel([FieldPanel("member_count_qualifier"), FieldPanel("member_count")]),
                FieldRowPanel(
                    [FieldPanel("organisation_count_qualifier"), FieldPanel("organisation_count")]
                ),
                FieldRowPanel([FieldPanel("counted_year"), FieldPanel("member_trend")]),
                InlinePanel("figures", label=_("other figures")),
            ],
            heading=_("Members"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("meeting_frequency"),
                FieldPanel("shares_draft_minutes"),
                FieldRowPanel([FieldPanel("platform"), FieldPanel("platform_since")]),
                FieldRowPanel([FieldPanel("established_year"), FieldPanel("ended_year")]),
            ],
            heading=_("Activity"),
        ),
        InlinePanel("meeting_series", label=_("meeting series")),
        InlinePanel("milestones", label=_("milestones")),
    ]
    settings_panels = Page.settings_panels + [
        FieldPanel("members_group"),
        FieldPanel("collection"),
    ]
    search_fields = (
        Page.search_fields
        + LEMMA_FIELDS
        + [
            index.SearchField("summary"),
            index.SearchField("body"),
            index.SearchField("tasks"),
            index.SearchField("who_may_join"),
            index.FilterField("kind"),
            index.FilterField("status"),
        ]
    )
    api_fields = [
        APIField("kind"),
        APIField("status"),
        APIField("summary"),
        APIField("parent_body"),
        APIField("reports_to"),
        APIField("chair", serializer=PersonSerializer()),
        APIField("contact_person", serializer=PersonSerializer()),
        APIField("who_may_join"),
        APIField("open_to_join"),
        APIField("shares_draft_minutes"),
        APIField("member_count"),
        APIField("member_count_qualifier"),
        APIField("member_trend"),
        APIField("organisation_count"),
        APIField("organisation_count_qualifier"),
        APIField("counted_year"),
        APIField("meeting_frequency"),
        APIField("tasks"),
        APIField("newsletter_info"),
        APIField("platform"),
        APIField("platform_since"),
        APIField("co_organisers"),
        APIField("figures"),
        APIField("meeting_series"),
        APIField("milestones"),
        APIField("established_year"),
        APIField("ended_year"),
    ]
    override_translatable_fields = [
        SynchronizedField("chair"),
        SynchronizedField("contact_person"),
    ]
    parent_page_types = ["networks.ProgrammePage", "networks.BodyIndexPage", "networks.BodyPage"]
    subpage_types = [
        "networks.BodyPage",
        "networks.MeetingPage",
        "networks.FolderPage",
        "networks.KnowledgeBankPage",
        "networks.NewsletterPage",
    ]

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")

    def search_text_parts(self):
        facts = [f"{s.name} {s.themes}" for s in self.meeting_series.all()]
        facts += [m.description for m in self.milestones.all()]
        facts += [f.label for f in self.figures.all()]
        facts += [self.platform, self.reports_to]
        return super().search_text_parts() + facts + self.searched_facts()

    def searched_facts(self):
        """Who chairs it and whom to contact (name, title, organisation) and how often it meets,
        in the page's own language: people ask for them ("hr-verkoston puheenjohtaja")."""
        facts = []
        with translation.override(self.search_language()):
            for person in (self.chair, self.contact_person):
                if person is not None:
                    person = person.localized
                    organisation = person.organisation_display
                    facts += [person.name, person.job_title]
                    facts += [organisation.name, organisation.short_name] if organisation else []
            facts.append(str(self.get_meeting_frequency_display()))
        return facts

    @property
    def parent_body(self):
        parent = self.get_parent().specific
        if isinstance(parent, BodyPage):
            return {"id": parent.id, "title": parent.title}
        return None

    @property
    def is_archived(self):
        return self.status == BodyStatus.ARCHIVED

    def save(self, *args, **kwargs):
        """An archived body stays readable but leaves the navigation."""
        if self.is_archived:
            self.show_in_menus = False
        return super().save(*args, **kwargs)

    @property
    def decision_register_url(self):
        name = "decisions_sv" if self.locale.language_code == "sv" else "decisions"
        return self.url + self.reverse_subpage(name)

    @re_path(r"^paatokset/$", name="decisions")
    @re_path(r"^beslut/$", name="decisions_sv")
    def decision_register(self, request):
        """Every decision in the body's published minutes that the reader may see."""
        from ..decisions import DecisionRegister

        register = DecisionRegister(
            self, request, request.GET.get("q", ""), request.GET.get("year")
        )
        return self.render(
            request,
            template="networks/decision_register.html",
            context_overrides={"register": register},
        )

    @property
    def member_count_display(self):
        return qualified(self.member_count_qualifier, self.member_count)

    @property
    def organisation_count_display(self):
        return qualified(self.organisation_count_qualifier, self.organisation_count)

    @property
    def newsletter_info(self):
        newsletter = self.newsletter
        if newsletter is None:
            return None
        return {
            "id": newsletter.id,
            "name": newsletter.title,
            "recipients": newsletter.recipient_count,
            "recipients_qualifier": newsletter.recipient_count_qualifier,
            "issues_per_year": newsletter.issues_per_year,
            "issues_year": newsletter.issues_year,
        }

    @property
    def newsletter(self):
        from .newsletters import NewsletterPage

        return NewsletterPage.objects.child_of(self).live().first()

    def get_context(self, request, *args, **kwargs):
        from access.visibility import visible_pages

        from .folders import FolderPage, KnowledgeBankPage
        from .meetings import MeetingPage
        from .minutes import with_minutes
        from .newsletters import NewsletterPage

        context = super().get_context(request, *args, **kwargs)

        # What this reader may see: members also get their network's members-only pages. The
        # page's shared part (reader_cache) is usually stored already, so nothing is worked out
        # until the template asks.
        def meetings():
            return visible_pages(request, MeetingPage.objects.child_of(self))

        def sub_bodies():
            bodies = visible_pages(request, BodyPage.objects.child_of(self))
            return bodies.select_related("chair")

        lazy = SimpleLazyObject
        context.update(
            upcoming_meetings=lazy(
                lambda: meetings().filter(status=MeetingStatus.PLANNED).order_by("date")
            ),
            past_meetings=lazy(
                lambda: with_minutes(
                    request, meetings().exclude(status=MeetingStatus.PLANNED).order_by("-date")
                )
            ),
            sub_bodies=lazy(lambda: sub_bodies().exclude(status=BodyStatus.ARCHIVED)),
            archived_sub_bodies=lazy(lambda: sub_bodies().filter(status=BodyStatus.ARCHIVED)),
            folders=lazy(
                lambda: (
                    visible_pages(request, self.get_children())
                    .type(FolderPage, KnowledgeBankPage)
                    .specific()
                )
            ),
            newsletters=lazy(lambda: visible_pages(request, NewsletterPage.objects.child_of(self))),
        )
        return context


class BodyCoOrganiser(Orderable):
    """An organisation that runs the body together with KT (e.g. Kuntaliitto and Keva)."""

    page = ParentalKey(BodyPage, on_delete=models.CASCADE, related_name="co_organisers")
    organisation = models.ForeignKey(
        "networks.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE
    )

    panels = [FieldPanel("organisation")]
    api_fields = [APIField("organisation", serializer=OrganisationSerializer())]


class BodyFigure(TranslatableMixin, Orderable):
    """A key figure that is neither a member nor an organisation count."""

    page = ParentalKey(BodyPage, on_delete=models.CASCADE, related_name="figures")
    value = models.PositiveBigIntegerField(_("value"))
    qualifier = models.CharField(
        _("qualifier"), max_length=10, choices=Qualifier.choices, default=Qualifier.EXACTLY
    )
    label = models.CharField(_("what is counted"), max_length=255)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)

    panels = [FieldPanel("qualifier"), FieldPanel("value"), FieldPanel("label"), FieldPanel("year")]
    api_fields = [APIField("value"), APIField("qualifier"), APIField("label"), APIField("year")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("figure")

    @property
    def display(self):
        return f"{qualified(self.qualifier, self.value)} {self.label}"


class MeetingSeries(TranslatableMixin, Orderable):
    """Aggregates of meetings the source only counts (e.g. 14 online meetings in 2020)."""

    page = ParentalKey(BodyPage, on_delete=models.CASCADE, related_name="meeting_series")
    name = models.CharField(_("name"), max_length=255)
    year = models.PositiveSmallIntegerField(_("year"))
    started = models.DateField(_("started"), null=True, blank=True)
    meeting_count = models.PositiveSmallIntegerField(_("number of meetings"), null=True, blank=True)
    meeting_count_qualifier = models.CharField(
        _("qualifier"), max_length=10, choices=Qualifier.choices, default=Qualifier.EXACTLY
    )
    format = models.CharField(_("format"), max_length=10, choices=MeetingFormat.choices, blank=True)
    participants_min = models.PositiveIntegerField(
        _("participants, at least"), null=True, blank=True
    )
    participants_max = models.PositiveIntegerField(
        _("participants, at most"), null=True, blank=True
    )
    themes = models.TextField(_("themes"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("year"), FieldPanel("started")]),
        FieldRowPanel([FieldPanel("meeting_count_qualifier"), FieldPanel("meeting_count")]),
        FieldPanel("format"),
        FieldRowPanel([FieldPanel("participants_min"), FieldPanel("participants_max")]),
        FieldPanel("themes"),
    ]
    api_fields = [
        APIField("name"),
        APIField("year"),
        APIField("started"),
        APIField("meeting_count"),
        APIField("meeting_count_qualifier"),
        APIField("format"),
        APIField("participants_min"),
        APIField("participants_max"),
        APIField("themes"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")

    @property
    def participants_display(self):
        return participants_range(self.participants_min, self.participants_max)


def participants_range(low, high):
    if low and high and low != high:
        return f"{low}–{high}"
    return str(low or high or "")


class Milestone(TranslatableMixin, Orderable):
    """A dated event in a body's life: founded, went remote, took a platform into use."""

    page = ParentalKey(BodyPage, on_delete=models.CASCADE, related_name="milestones")
    date = models.DateField(_("date"))
    date_precision = models.CharField(
        _("precision"), max_length=10, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    season = models.CharField(_("season"), max_length=10, choices=Season.choices, blank=True)
    description = models.CharField(_("description"), max_length=255)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("date_precision"), FieldPanel("season")]),
        FieldPanel("description"),
    ]
    api_fields = [
        APIField("date"),
        APIField("date_precision"),
        APIField("season"),
        APIField("description"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("milestone")

    @property
    def date_display(self):
        return format_partial_date(self.date, self.date_precision, self.season)
