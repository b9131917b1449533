"""The folder tree that lists documents: folders and knowledge banks, which sort their
documents and filter them by type, year and topic. Apart from the documents: a folder is a page
in each language, while a document is one row that both languages share."""

from django.db import models
from django.db.models import Count, F
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from text.fields import LEMMA_FIELDS, NormalisedSearchMixin

from ..blocks import listings_field
from ..lookups import storable
from .choices import MaterialType
from .documents import Material
from .topics import Topic


class BaseFolderPage(NormalisedSearchMixin, Page):
    """A folder of materials that sorts by title, date and type and filters by type, year, topic."""

    intro = RichTextField(_("introduction"), blank=True)
    listings = listings_field()

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("listings")]
    search_fields = Page.search_fields + LEMMA_FIELDS + [index.SearchField("intro")]
    api_fields = [APIField("intro")]
    subpage_types = ["networks.FolderPage"]

    SORTS = {
        "title": "title",
        "date": "-created_at",
        "type": "material_type",
        "year": F("year").desc(nulls_last=True),
    }

    class Meta:
        abstract = True

    def materials(self):
        """The folder's documents; folders are per language, documents are shared."""
        return Material.objects.filter(folder__translation_key=self.translation_key)

    @staticmethod
    def material_type_choices(materials):
        """(value, label, how many) of the types these materials have, in the choices' order."""
        counts = dict(
            materials.order_by().values_list("material_type").annotate(n=Count("pk", distinct=True))
        )
        choices = MaterialType.choices
        return [(value, label, counts[value]) for value, label in choices if value in counts]

    @staticmethod
    def year_choices(materials):
        """(year, how many), newest first."""
        counts = materials.order_by().values_list("year").annotate(n=Count("pk", distinct=True))
        return sorted(((year, n) for year, n in counts if year), reverse=True)

    @staticmethod
    def topic_choices(materials):
        """The topics of these materials, each with `listed`: how many of them have it."""
        return Topic.objects.filter(material__in=materials).annotate(
            listed=Count("material", distinct=True)
        )

    def get_context(self, request, *args, **kwargs):
        from access.visibility import visible_documents, visible_pages

        context = super().get_context(request, *args, **kwargs)
        filters = {}
        material_type = request.GET.get("type", "")
        if material_type in MaterialType.values:
            filters["type"] = material_type
        year = request.GET.get("year", "")
        if year.isdigit():
            filters["year"] = year
        topic = request.GET.get("topic", "")
        if topic and storable(topic):
            filters["topic"] = topic
        sort = request.GET.get("sort", "title")

        # Listings, counts and filter choices only from documents this request may open, and
        # worked out only if the page's shared part is not already stored (reader_cache).
        def all_materials():
            return visible_documents(request, self.materials())

        def materials():
            listed = all_materials().prefetch_related("topics")
            if "type" in filters:
                listed = listed.filter(material_type=filters["type"])
            if "year" in filters:
                listed = listed.filter(year=int(filters["year"]))
            if "topic" in filters:
                listed = listed.filter(topics__slug=filters["topic"])
            return listed.order_by(self.SORTS.get(sort, "title"), "title")

        context.update(
            materials=SimpleLazyObject(materials),
            subfolders=SimpleLazyObject(lambda: visible_pages(request, self.get_children())),
            filters=filters,
            current_sort=sort if sort in self.SORTS else "title",
            material_types=SimpleLazyObject(lambda: self.material_type_choices(all_materials())),
            years=SimpleLazyObject(lambda: self.year_choices(all_materials())),
            topics=SimpleLazyObject(lambda: self.topic_choices(all_materials())),
        )
        return context


class FolderPage(BaseFolderPage):
    template = "networks/folder_page.html"

    class Meta:
        verbose_name = _("folder")

    parent_page_types = ["networks.BodyPage", "networks.FolderPage", "networks.KnowledgeBankPage"]


class KnowledgeBankPage(BaseFolderPage):
    """A body's curated bank of material (occupational safety; labour law)."""

    scope = models.TextField(_("scope"), blank=True)
    template = "networks/folder_page.html"

    content_panels = BaseFolderPage.content_panels + [FieldPanel("scope")]
    search_fields = BaseFolderPage.search_fields + [index.SearchField("scope")]
    api_fields = BaseFolderPage.api_fields + [APIField("scope")]
    parent_page_types = ["networks.BodyPage"]

    class Meta:
        verbose_name = _("knowledge bank")

    def materials(self):
        """Everything filed in the bank or in any folder under it."""
        folders = Page.objects.descendant_of(self, inclusive=True).values("translation_key")
        return Material.objects.filter(folder__translation_key__in=folders)
