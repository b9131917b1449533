"""The home page and the pages every Finnish public-sector site must have."""

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from networks.blocks import listings_field
from text.fields import LEMMA_FIELDS, NormalisedSearchMixin


class HomePage(NormalisedSearchMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("page content"), blank=True)
    listings = listings_field()

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("listings"),
    ]
    search_fields = (
        Page.search_fields + LEMMA_FIELDS + [index.SearchField("intro"), index.SearchField("body")]
    )
    api_fields = [APIField("intro"), APIField("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "networks.ProgrammePage",
        "networks.BodyIndexPage",
        "home.StandardPage",
        "home.AccessibilityStatementPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from home import reader_home

        context = super().get_context(request, *args, **kwargs)
        # Built only when the page's shared part is (reader_cache): usually it is stored.
        context["sections"] = SimpleLazyObject(lambda: reader_home.sections(request, self))
        context["upcoming_meetings"] = SimpleLazyObject(
            lambda: reader_home.upcoming_meetings(request, self)
        )
        context["whats_new"] = SimpleLazyObject(lambda: reader_home.whats_new(request))
        context["bodies_by_kind"] = SimpleLazyObject(
            lambda: reader_home.bodies_by_kind(request, self)
        )
        return context


class StandardPage(NormalisedSearchMixin, Page):
    """A plain text page, e.g. the privacy notice (tietosuojaseloste)."""

    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("page content"), blank=True)
    listings = listings_field()

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("listings"),
    ]
    search_fields = (
        Page.search_fields + LEMMA_FIELDS + [index.SearchField("intro"), index.SearchField("body")]
    )
    api_fields = [APIField("intro"), APIField("body")]
    parent_page_types = ["home.HomePage", "networks.ProgrammePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("standard page")


class AccessibilityStatementPage(NormalisedSearchMixin, Page):
    """The accessibility statement the Finnish Act on the Provision of Digital Services requires."""

    class Compliance(models.TextChoices):
        FULL = "full", _("Fully compliant")
        PARTIAL = "partial", _("Partially compliant")
        NONE = "none", _("Not compliant")

    compliance = models.CharField(
        _("compliance with WCAG 2.1 AA"), max_length=10, choices=Compliance.choices
    )
    body = RichTextField(_("page content"), blank=True)
    known_issues = RichTextField(_("content that is not accessible"), blank=True)
    feedback_email = models.EmailField(_("feedback e-mail"))
    response_days = models.PositiveSmallIntegerField(_("we reply within (days)"), default=14)
    supervisor = RichTextField(_("supervisory authority"), blank=True)
    prepared_on = models.DateField(_("statement prepared"))
    reviewed_on = models.DateField(_("statement last reviewed"), null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("compliance"),
        FieldPanel("body"),
        FieldPanel("known_issues"),
        FieldPanel("feedback_email"),
        FieldPanel("response_days"),
        FieldPanel("supervisor"),
        FieldPanel("prepared_on"),
        FieldPanel("reviewed_on"),
    ]
    search_fields = Page.search_fields + LEMMA_FIELDS + [index.SearchField("body")]
    api_fields = [
        APIField("compliance"),
        APIField("feedback_email"),
        APIField("response_days"),
        APIField("prepared_on"),
        APIField("reviewed_on"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accessibility statement")
