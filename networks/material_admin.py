"""Editors' tools for materials: a listing by folder that filters and sorts by type, year and
topic, bulk upload into a folder, saved listings, and the report of material due for review."""

import datetime

import django_filters
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, RelatedObjectsColumn, TitleColumn
from wagtail.admin.views.generic import BaseListingView, PermissionCheckedMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import HeaderButton, ListingButton
from wagtail.models import Locale, Page
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .bulk_upload import bulk_upload
from .forms import folder_pages
from .models import BaseFolderPage, BodyPage, Material, SavedListing, Topic
from .models.choices import ContentLanguage, MaterialType


def material_years():
    years = Material.objects.exclude(year=None).values_list("year", flat=True).distinct()
    return [(y, str(y)) for y in sorted(years, reverse=True)]


class FolderFilter(django_filters.ModelChoiceFilter):
    """A folder and every folder under it; documents point at one language's folder page."""

    def filter(self, queryset, folder):
        if not folder:
            return queryset
        keys = Page.objects.descendant_of(folder, inclusive=True).values("translation_key")
        return queryset.filter(folder__translation_key__in=keys)


class MaterialFilterSet(WagtailFilterSet):
    folder = FolderFilter(label=_("Folder"), queryset=lambda request: folder_pages())
    body = django_filters.ModelChoiceFilter(
        label=_("owning body"),
        queryset=lambda request: BodyPage.objects.filter(locale__language_code="fi"),
    )
    material_type = django_filters.ChoiceFilter(
        label=_("material type"), choices=MaterialType.choices
    )
    year = django_filters.TypedChoiceFilter(label=_("year"), choices=material_years, coerce=int)
    topics = django_filters.ModelChoiceFilter(
        label=_("Topic"), queryset=lambda request: Topic.objects.all(), distinct=True
    )
    language = django_filters.ChoiceFilter(
        label=_("content language"), choices=ContentLanguage.choices
    )

    class Meta:
        model = Material
        fields = ["folder", "body", "material_type", "year", "topics", "language"]


def edit_url(material):
    return reverse("wagtaildocs:edit", args=[material.pk])


class MaterialListingView(PermissionCheckedMixin, BaseListingView):
    """The documents of a folder (and its subfolders) with the metadata editors sort by."""

    page_title = _("Materials by folder")
    header_icon = "folder-open-inverse"
    permission_policy = property(lambda self: policy_registry.get_by_type(Material))
    any_permission_required = ["add", "change"]
    filterset_class = MaterialFilterSet
    index_url_name = "networks_materials"
    index_results_url_name = "networks_materials_results"
    default_ordering = "title"
    paginate_by = 50
    is_searchable = True
    search_backend_name = None
    search_fields = ["title", "description"]
    verbose_name_plural = _("documents")
    columns = [
        TitleColumn("title", label=_("Title"), get_url=edit_url, sort_key="title"),
        Column(
            "material_type",
            label=_("material type"),
            accessor="get_material_type_display",
            sort_key="material_type",
        ),
        Column("year", label=_("year"), sort_key="year"),
        RelatedObjectsColumn("topics", label=_("topics")),
        Column("language", label=_("content language"), accessor="get_language_display"),
        Column("folder", label=_("Folder"), accessor="folder.title", sort_key="folder__title"),
        Column("collection", label=_("Collection"), accessor="collection.name"),
        DateColumn("review_date", label=_("review by"), sort_key="review_date"),
        DateColumn("created_at", label=_("Uploaded"), sort_key="created_at"),
    ]

    def get_base_queryset(self):
        return (
            self.permission_policy.instances_user_has_any_permission_for(
                self.request.user, ["change", "choose"]
            )
            .select_related("folder", "collection")
            .prefetch_related("topics")
        )

    def get_header_buttons(self):
        folder = self.request.GET.get("folder", "")
        url = reverse("networks_bulk_upload")
        if folder.isdigit():
            url += f"?folder={folder}"
        return [HeaderButton(_("Upload many files"), url, icon_name="upload")]


class ReviewDueView(ReportView):
    """Knowledge-bank material whose review date has passed, the oldest first."""

    page_title = _("Material past its review date")
    header_icon = "date"
    permission_policy = property(lambda self: policy_registry.get_by_type(Material))
    permission_required = "change"
    index_url_name = "networks_review_due"
    index_results_url_name = "networks_review_due_results"
    default_ordering = "review_date"
    verbose_name_plural = _("documents")
    list_export = ["title", "review_date", "body", "folder", "year"]
    export_headings = {
        "title": _("Title"),
        "review_date": _("review by"),
        "body": _("owning body"),
        "folder": _("Folder"),
        "year": _("year"),
    }
    columns = [
        TitleColumn("title", label=_("Title"), get_url=edit_url, sort_key="title"),
        DateColumn("review_date", label=_("review by"), sort_key="review_date"),
        Column("body", label=_("owning body"), accessor="body.title"),
        Column("folder", label=_("Folder"), accessor="folder.title"),
        Column("year", label=_("year"), sort_key="year"),
    ]

    def get_filename(self):
        return f"review-due-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        self.queryset = (
            self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
            .filter(review_date__lt=timezone.localdate())
            .select_related("body", "folder")
        )
        return super().get_queryset()


class ReviewDueMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Material).user_has_permission(request.user, "change")


@hooks.register("register_reports_menu_item")
def review_due_menu_item():
    return ReviewDueMenuItem(
        _("Material past its review date"),
        reverse("networks_review_due"),
        name="review-due",
        icon_name="date",
        order=1000,
    )


class MaterialsMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Material).user_has_any_permission(
            request.user, ["add", "change"]
        )


@hooks.register("register_admin_menu_item")
def materials_menu_item():
    return MaterialsMenuItem(
        _("Materials by folder"),
        reverse("networks_materials"),
        icon_name="folder-open-inverse",
        order=410,
    )


@hooks.register("register_admin_urls")
def material_admin_urls():
    return [
        path("materials/", MaterialListingView.as_view(), name="networks_materials"),
        path(
            "materials/results/",
            MaterialListingView.as_view(results_only=True),
            name="networks_materials_results",
        ),
        path("materials/bulk-upload/", bulk_upload, name="networks_bulk_upload"),
        path("reports/review-due/", ReviewDueView.as_view(), name="networks_review_due"),
        path(
            "reports/review-due/results/",
            ReviewDueView.as_view(results_only=True),
            name="networks_review_due_results",
        ),
    ]


def folder_buttons(page, user):
    """Beside a folder in the page explorer: its materials and the bulk upload into it."""
    policy = policy_registry.get_by_type(Material)
    if not issubclass(page.specific_class or Page, BaseFolderPage):
        return
    if not policy.user_has_any_permission(user, ["add", "change"]):
        return
    folder = page.get_translation_or_none(Locale.get_default()) or page
    yield ListingButton(
        _("Materials"), reverse("networks_materials") + f"?folder={folder.pk}", priority=30
    )
    if policy.user_has_permission(user, "add"):
        yield ListingButton(
            _("Upload many files"),
            reverse("networks_bulk_upload") + f"?folder={folder.pk}",
            priority=31,
        )


@hooks.register("register_page_listing_more_buttons")
def folder_listing_buttons(page, user, next_url=None):
    yield from folder_buttons(page, user)


@hooks.register("register_page_header_buttons")
def folder_header_buttons(page, user, view_name, next_url=None):
    yield from folder_buttons(page, user)


class SavedListingViewSet(SnippetViewSet):
    """Editors define a listing once and place it on any page with the saved-listing block."""

    model = SavedListing
    icon = "list-ul"
    menu_label = _("Saved listings")
    menu_order = 420
    add_to_admin_menu = True
    list_display = ["name", "kind", "body", "ordering", "limit"]
    list_filter = ["kind"]


register_snippet(SavedListingViewSet)
