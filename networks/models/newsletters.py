"""A body's newsletter and its archive of issues, each issue's file a document. Apart from the
documents: an issue's document is placed under the newsletter (`Material.audience_place`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from text.fields import LEMMA_FIELDS, NormalisedSearchMixin

from .bodies import qualified
from .choices import Qualifier
from .documents import Material


class NewsletterPage(NormalisedSearchMixin, Page):
    """A body's newsletter (HR-info; KT tiedottaa työsuojelupäälliköille) and its archive."""

    intro = RichTextField(_("introduction"), blank=True)
    recipient_count = models.PositiveIntegerField(_("recipients"), null=True, blank=True)
    recipient_count_qualifier = models.CharField(
        _("qualifier"), max_length=10, choices=Qualifier.choices, default=Qualifier.ABOUT
    )
    issues_per_year = models.PositiveSmallIntegerField(_("issues per year"), null=True, blank=True)
    issues_year = models.PositiveSmallIntegerField(_("year of that count"), null=True, blank=True)
    subscription_info = models.TextField(_("how to subscribe"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("recipient_count_qualifier"), FieldPanel("recipient_count")]),
        FieldRowPanel([FieldPanel("issues_per_year"), FieldPanel("issues_year")]),
        FieldPanel("subscription_info"),
        InlinePanel("issues", label=_("issues")),
    ]
    search_fields = (
        Page.search_fields
        + LEMMA_FIELDS
        + [
            index.SearchField("intro"),
            index.SearchField("subscription_info"),
        ]
    )
    api_fields = [
        APIField("recipient_count"),
        APIField("recipient_count_qualifier"),
        APIField("issues_per_year"),
        APIField("issues_year"),
        APIField("issues"),
    ]
    parent_page_types = ["networks.BodyPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("newsletter")

    @property
    def recipient_count_display(self):
        return qualified(self.recipient_count_qualifier, self.recipient_count)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["issues"] = self.issues.select_related("document").order_by("-date", "-number")
        return context


class NewsletterIssue(Orderable):
    page = ParentalKey(NewsletterPage, on_delete=models.CASCADE, related_name="issues")
    number = models.PositiveSmallIntegerField(_("number"))
    date = models.DateField(_("date"))
    document = models.ForeignKey(
        Material,
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("number"), FieldPanel("date"), FieldPanel("document")]
    api_fields = [APIField("number"), APIField("date")]

    class Meta(Orderable.Meta):
        verbose_name = _("newsletter issue")
