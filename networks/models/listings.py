"""Saved listings (Plone's collections): a stored query that pages show, current at every view."""

import datetime
from dataclasses import dataclass

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, OuterRef, Subquery
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Locale, Page

from ..tree import children_of, parent_path_of
from .bodies import BodyPage
from .choices import ContentKind, ListingOrder, MaterialType
from .topics import Topic


@dataclass
class ListingEntry:
    kind: str
    title: str
    url: str
    date: datetime.date | None
    date_display: str
    body: str
    detail: str
    material: object = None


def ancestor_value(levels, field, model=Page):
    """The given field of the page `levels` steps up, for a page queryset's rows."""
    parent_path = parent_path_of(OuterRef("path"), levels)
    return Subquery(model.objects.filter(path=parent_path).values(field)[:1])


class SavedListing(ClusterableModel):
    """What to list (kind, body, topics, type, dates), in which order and how many. The query
    runs when a page shows it, and only over what the reader may see."""

    name = models.CharField(_("name"), max_length=255)
    name_sv = models.CharField(_("name in Swedish"), max_length=255, blank=True)
    kind = models.CharField(
        _("content"), max_length=10, choices=ContentKind.choices, default=ContentKind.ALL
    )
    body = models.ForeignKey(
        BodyPage,
        verbose_name=_("body"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty: every body."),
    )
    include_sub_bodies = models.BooleanField(_("include its sections and groups"), default=True)
    topics = ParentalManyToManyField(
        Topic,
        verbose_name=_("topics"),
        blank=True,
        help_text=_("Meetings and minutes have no topics: a listing with topics lists materials."),
    )
    material_type = models.CharField(
        _("material type"),
        max_length=20,
        choices=MaterialType.choices,
        blank=True,
        help_text=_("A listing with a material type lists materials."),
    )
    year_from = models.PositiveSmallIntegerField(_("from year"), null=True, blank=True)
    year_to = models.PositiveSmallIntegerField(_("to year"), null=True, blank=True)
    date_from = models.DateField(_("from date"), null=True, blank=True)
    date_to = models.DateField(_("to date"), null=True, blank=True)
    ordering = models.CharField(
        _("order"), max_length=10, choices=ListingOrder.choices, default=ListingOrder.NEWEST
    )
    limit = models.PositiveSmallIntegerField(
        _("at most"), default=10, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_sv")]),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("body"), FieldPanel("include_sub_bodies")]),
        FieldPanel("topics"),
        FieldPanel("material_type"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("year_from"), FieldPanel("year_to")]),
                FieldRowPanel([FieldPanel("date_from"), FieldPanel("date_to")]),
            ],
            heading=_("When"),
        ),
        FieldRowPanel([FieldPanel("ordering"), FieldPanel("limit")]),
    ]

    class Meta:
        verbose_name = _("saved listing")
        verbose_name_plural = _("saved listings")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        return self.name_sv if self.name_sv and get_language() == "sv" else self.name

    # The query --------------------------------------------------------------------------

    def kinds(self):
        if self.material_type or (self.pk and self.topics.exists()):
            return [ContentKind.MATERIALS]
        if self.kind == ContentKind.ALL:
            return [ContentKind.MEETINGS, ContentKind.MINUTES, ContentKind.MATERIALS]
        return [self.kind]

    def entries(self, request):
        """The listing's items as this request may see them, newest (or as chosen) first."""
        found = []
        for kind in self.kinds():
            found += getattr(self, f"_{kind}")(request)
        if self.ordering == ListingOrder.TITLE:
            found.sort(key=lambda e: e.title.lower())
        else:
            found.sort(key=lambda e: (e.date or datetime.date.min, e.title))
            if self.ordering == ListingOrder.NEWEST:
                found.reverse()
        return found[: self.limit]

    def _date_filters(self, field):
        filters = {}
        if self.year_from:
            filters[f"{field}__year__gte"] = self.year_from
        if self.year_to:
            filters[f"{field}__year__lte"] = self.year_to
        if self.date_from:
            filters[f"{field}__gte"] = self.date_from
        if self.date_to:
            filters[f"{field}__lte"] = self.date_to
        return filters

    def _order(self, date_field):
        if self.ordering == ListingOrder.TITLE:
            return ["title"]
        if self.ordering == ListingOrder.OLDEST:
            return [date_field, "title"]
        return [f"-{date_field}", "title"]

    def _pages(self, request, model, depth_below_body):
        """Pages of the reader's language, under the body (or its own children only)."""
        from access.visibility import visible_pages

        locale = Locale.get_active()
        pages = model.objects.filter(locale=locale)
        if self.body is not None:
            body = self.body.get_translation_or_none(locale) or self.body
            if self.include_sub_bodies:
                pages = pages.filter(path__startswith=body.path)
            else:
                pages = pages.filter(children_of([body], depth_below_body))
        return visible_pages(request, pages)

    def _meetings(self, request):
        from .meetings import MeetingPage

        meetings = (
            self._pages(request, MeetingPage, 1)
            .filter(**self._date_filters("date"))
            .annotate(body_title=ancestor_value(1, "title"))
            .order_by(*self._order("date"))[: self.limit]
        )
        return [
            ListingEntry(
                kind=ContentKind.MEETINGS.label,
                title=m.title,
                url=m.get_url(request),
                date=m.date,
                date_display=m.date_display,
                body=m.body_title,
                detail=m.get_status_display(),
            )
            for m in meetings
        ]

    def _minutes(self, request):
        from .meetings import MeetingPage
        from .minutes import MinutesPage

        minutes = (
            self._pages(request, MinutesPage, 2)
            .annotate(
                meeting_date=ancestor_value(1, "date", MeetingPage),
                body_title=ancestor_value(2, "title"),
            )
            .filter(**self._date_filters("meeting_date"))
            .order_by(*self._order("meeting_date"))[: self.limit]
        )
        return [
            ListingEntry(
                kind=ContentKind.MINUTES.label,
                title=m.title,
                url=m.get_url(request),
                date=m.meeting_date,
                date_display=date_format(m.meeting_date, "SHORT_DATE_FORMAT")
                if m.meeting_date
                else "",
                body=m.body_title,
                detail=m.state.label,
            )
            for m in minutes
        ]

    def _materials(self, request):
        from access.visibility import visible_documents

        from .documents import Material

        materials = Material.objects.all()
        if self.body is not None:
            bodies = BodyPage.objects.filter(translation_key=self.body.translation_key)
            if self.include_sub_bodies:
                bodies = BodyPage.objects.descendant_of(self.body, inclusive=True)
            materials = materials.filter(body__translation_key__in=bodies.values("translation_key"))
        if self.pk and self.topics.exists():
            materials = materials.filter(topics__in=self.topics.all()).distinct()
        if self.material_type:
            materials = materials.filter(material_type=self.material_type)
        if self.year_from or self.date_from:
            materials = materials.filter(
                year__gte=max(self.year_from or 0, self.date_from.year if self.date_from else 0)
            )
        if self.year_to or self.date_to:
            ends = [y for y in (self.year_to, self.date_to and self.date_to.year) if y]
            materials = materials.filter(year__lte=min(ends))
        order = {
            ListingOrder.TITLE: ["title"],
            ListingOrder.OLDEST: [F("year").asc(nulls_first=True), "title"],
        }.get(self.ordering, [F("year").desc(nulls_last=True), "-created_at"])
        materials = (
            visible_documents(request, materials)
            .select_related("body")
            .order_by(*order)[: self.limit]
        )
        locale = Locale.get_active()
        return [
            ListingEntry(
                kind=ContentKind.MATERIALS.label,
                title=m.display_title,
                url=m.url,
                date=datetime.date(m.year, 1, 1) if m.year else m.created_at.date(),
                date_display=str(m.year or ""),
                body=(m.body.get_translation_or_none(locale) or m.body).title if m.body else "",
                detail=m.get_material_type_display(),
                material=m,
            )
            for m in materials
        ]
