"""Editors' views of materials: the listing by folder that filters and sorts by type, year and
topic, the report of material due for review, and a document's version history with the
publisher's approval. Their addresses are given by the viewsets (`networks.viewsets`)."""

import os

import django_filters
from django.contrib import messages
from django.core.files.base import ContentFile
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, RelatedObjectsColumn, TitleColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic import BaseListingView, PermissionCheckedMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import HeaderButton
from wagtail.models import Page
from wagtail.permissions import policy_registry

from .. import approval
from ..forms import folder_pages
from ..models import BodyPage, Material, MaterialVersion, Topic
from ..models.choices import ContentLanguage, MaterialType


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
    folder = FolderFilter(label=gettext_lazy("Folder"), queryset=lambda request: folder_pages())
    body = django_filters.ModelChoiceFilter(
        label=gettext_lazy("owning body"),
        queryset=lambda request: BodyPage.objects.filter(locale__language_code="fi"),
    )
    material_type = django_filters.ChoiceFilter(
        label=gettext_lazy("material type"), choices=MaterialType.choices
    )
    year = django_filters.TypedChoiceFilter(
        label=gettext_lazy("year"), choices=material_years, coerce=int
    )
    topics = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Topic"), queryset=lambda request: Topic.objects.all(), distinct=True
    )
    language = django_filters.ChoiceFilter(
        label=gettext_lazy("content language"), choices=ContentLanguage.choices
    )

    class Meta:
        model = Material
        fields = ["folder", "body", "material_type", "year", "topics", "language"]


def edit_url(material):
    return reverse("wagtaildocs:edit", args=[material.pk])


class MaterialListingView(PermissionCheckedMixin, BaseListingView):
    """The documents of a folder (and its subfolders) with the metadata editors sort by."""

    page_title = gettext_lazy("Materials by folder")
    header_icon = "folder-open-inverse"
    permission_policy = property(lambda self: policy_registry.get_by_type(Material))
    any_permission_required = ["add", "change"]
    filterset_class = MaterialFilterSet
    bulk_upload_url_name = None  # given by the viewset, as the index URLs are
    default_ordering = "title"
    paginate_by = 50
    is_searchable = True
    search_backend_name = None
    search_fields = ["title", "description"]
    verbose_name_plural = gettext_lazy("documents")
    columns = [
        TitleColumn("title", label=gettext_lazy("Title"), get_url=edit_url, sort_key="title"),
        Column(
            "material_type",
            label=gettext_lazy("material type"),
            accessor="get_material_type_display",
            sort_key="material_type",
        ),
        Column("year", label=gettext_lazy("year"), sort_key="year"),
        RelatedObjectsColumn("topics", label=gettext_lazy("topics")),
        Column("language", label=gettext_lazy("content language"), accessor="get_language_display"),
        Column(
            "folder",
            label=gettext_lazy("Folder"),
            accessor="folder.title",
            sort_key="folder__title",
        ),
        Column("collection", label=gettext_lazy("Collection"), accessor="collection.name"),
        DateColumn("review_date", label=gettext_lazy("review by"), sort_key="review_date"),
        DateColumn("created_at", label=gettext_lazy("Uploaded"), sort_key="created_at"),
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
        url = reverse(self.bulk_upload_url_name)
        if folder.isdigit():
            url += f"?folder={folder}"
        return [HeaderButton(_("Upload many files"), url, icon_name="upload")]


class ReviewDueView(ReportView):
    """Knowledge-bank material whose review date has passed, the oldest first."""

    page_title = gettext_lazy("Material past its review date")
    header_icon = "date"
    permission_policy = property(lambda self: policy_registry.get_by_type(Material))
    permission_required = "change"
    default_ordering = "review_date"
    verbose_name_plural = gettext_lazy("documents")
    list_export = ["title", "review_date", "body", "folder", "year"]
    export_headings = {
        "title": gettext_lazy("Title"),
        "review_date": gettext_lazy("review by"),
        "body": gettext_lazy("owning body"),
        "folder": gettext_lazy("Folder"),
        "year": gettext_lazy("year"),
    }
    columns = [
        TitleColumn("title", label=gettext_lazy("Title"), get_url=edit_url, sort_key="title"),
        DateColumn("review_date", label=gettext_lazy("review by"), sort_key="review_date"),
        Column("body", label=gettext_lazy("owning body"), accessor="body.title"),
        Column("folder", label=gettext_lazy("Folder"), accessor="folder.title"),
        Column("year", label=gettext_lazy("year"), sort_key="year"),
    ]

    def get_filename(self):
        return f"review-due-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        self.queryset = (
            self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
            .filter(review_date__lt=timezone.localdate())
            .select_related("body", "folder")
        )
        return super().get_queryset()


# A document's files: the version history editors restore, and the publisher's approval.


def _can_change(request, document):
    policy = policy_registry.get_by_type(Material)
    return policy.user_has_permission_for_instance(request.user, "change", document)


def versions(request, document_id):
    document = get_object_or_404(Material, id=document_id)
    if not _can_change(request, document):
        return permission_denied(request)
    versions = document.versions.select_related("created_by", "uploaded_by", "approved_by")
    return TemplateResponse(
        request,
        "networks/admin/material_versions.html",
        {
            "document": document,
            "waiting": versions.filter(pending=True),
            "versions": versions.filter(pending=False),
            "may_approve": approval.may_approve(request.user),
        },
    )


@require_POST
def restore_version(request, version_id):
    """An earlier file back in place: at once from a publisher (the current file joins the
    history), as a file waiting for approval from anyone else."""
    version = get_object_or_404(
        MaterialVersion.objects.select_related("document").filter(pending=False), id=version_id
    )
    document = version.document
    if not _can_change(request, document):
        return permission_denied(request)
    with version.file.open("rb") as old:
        restored = old.read()
    name = os.path.basename(version.file.name)
    if approval.replacement_waits(document, request.user):
        approval.wait_for_approval(document, version.slot, name, restored, request.user)
        messages.success(
            request,
            _("The earlier file of “%(title)s” waits for a publisher's approval.")
            % {"title": document.title},
        )
        return redirect("networks_materials:versions", document.id)
    approval.keep_as_version(document, version.slot, replaced_by=request.user)
    current = getattr(document, version.slot)
    previous_name = current.name if current else None
    current.save(name, ContentFile(restored), save=False)
    if version.slot == "file":
        document.file_size = len(restored)
        document._set_file_hash()
        approval.mark_new(document, request.user)
    document.save()
    if previous_name:
        current.storage.delete(previous_name)
    messages.success(
        request, _("The earlier version of “%(title)s” was restored.") % {"title": document.title}
    )
    return redirect("networks_materials:versions", document.id)


@require_POST
def approve_material(request, document_id):
    document = get_object_or_404(Material, id=document_id)
    if not approval.may_approve(request.user):
        return permission_denied(request)
    approval.approve(document, request.user)
    messages.success(request, _("“%(title)s” was approved.") % {"title": document.title})
    return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")


@require_POST
def discard_version(request, version_id):
    """A waiting file is dropped by a publisher, or by the editor who uploaded it."""
    version = get_object_or_404(
        MaterialVersion.objects.select_related("document").filter(pending=True), id=version_id
    )
    if not (approval.may_approve(request.user) or version.uploaded_by_id == request.user.pk):
        return permission_denied(request)
    approval.discard(version)
    messages.success(request, _("The waiting file was dropped."))
    return redirect("networks_materials:versions", version.document_id)
