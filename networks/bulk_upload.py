"""Many files into one folder at once, with the metadata they share; each file is checked on its
own, so one bad file is reported and the others are still kept."""

import os
from collections import Counter

from django import forms
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.auth import permission_denied
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, PageViewRestriction
from wagtail.permissions import policy_registry

from .forms import check_upload
from .models import BodyPage, FolderPage, KnowledgeBankPage, Material, Topic
from .models.choices import ContentLanguage, MaterialType


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Files are checked one by one in the view, so that a bad one does not stop the rest."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = [f for f in (data or []) if f]
        if not files and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return files


def folder_pages():
    """Folders and knowledge banks of the default language: documents are shared by languages."""
    return (
        Page.objects.type(FolderPage, KnowledgeBankPage)
        .filter(locale=Locale.get_default())
        .order_by("path")
    )


def collection_keeps_folder_private(folder, collection):
    """Whoever may open the files must also be allowed into the folder: a members-only folder
    needs a collection closed to everyone else, and a group's folder one closed to other
    groups, so that no one reads from a document's address what the folder hides from them."""
    page_rules = PageViewRestriction.objects.filter(
        page__in=folder.get_ancestors(inclusive=True)
    ).prefetch_related("groups")
    if not page_rules:
        return True
    collection_rules = CollectionViewRestriction.objects.filter(
        collection__in=collection.get_ancestors(inclusive=True)
    ).prefetch_related("groups")
    folder_groups = [
        set(rule.groups.all()) for rule in page_rules if rule.restriction_type == rule.GROUPS
    ]
    if not folder_groups:
        return bool(collection_rules)
    allowed = set.intersection(*folder_groups)
    return any(
        rule.restriction_type == rule.GROUPS and set(rule.groups.all()) <= allowed
        for rule in collection_rules
    )


def owning_body(folder):
    return BodyPage.objects.ancestor_of(folder).order_by("-depth").first()


def default_collection(folder):
    """Where the folder's documents already are, else the body's own collection."""
    used = Counter(
        Material.objects.filter(folder__translation_key=folder.translation_key).values_list(
            "collection_id", flat=True
        )
    )
    if used:
        return Collection.objects.get(pk=used.most_common(1)[0][0])
    body = owning_body(folder)
    return body.collection if body and body.collection else Collection.get_first_root_node()


class FolderChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, page):
        """The path below the home page, e.g. "Verkostot / HR-verkosto / Jäsenaineisto"."""
        return " / ".join(p.title for p in [*page.get_ancestors().filter(depth__gt=2), page])


class BulkUploadForm(forms.Form):
    folder = FolderChoiceField(queryset=Page.objects.none(), label=gettext_lazy("Folder"))
    collection = forms.ModelChoiceField(
        queryset=Collection.objects.none(),
        label=gettext_lazy("Collection"),
        help_text=gettext_lazy(
            "Who may open the files. A members-only folder needs a members-only collection."
        ),
    )
    files = MultipleFileField(label=gettext_lazy("Files"))
    material_type = forms.ChoiceField(
        label=gettext_lazy("material type"),
        choices=[("", "---------"), *MaterialType.choices],
        required=False,
    )
    topics = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.all(),
        label=gettext_lazy("topics"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    year = forms.IntegerField(
        label=gettext_lazy("year"), required=False, min_value=1900, max_value=2100
    )
    language = forms.ChoiceField(
        label=gettext_lazy("content language"),
        choices=ContentLanguage.choices,
        initial=ContentLanguage.FINNISH,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        policy = policy_registry.get_by_type(Material)
        self.fields["folder"].queryset = folder_pages()
        self.fields["collection"].queryset = policy.collections_user_has_permission_for(user, "add")

    def clean(self):
        cleaned = super().clean()
        folder, collection = cleaned.get("folder"), cleaned.get("collection")
        if folder and collection and not collection_keeps_folder_private(folder, collection):
            self.add_error(
                "collection",
                _(
                    "This folder is for members only. Choose a collection that only the "
                    "same members may open, or others could open the files."
                ),
            )
        return cleaned


def title_from_filename(name):
    stem = os.path.splitext(os.path.basename(name))[0]
    return " ".join(stem.replace("_", " ").replace("-", " ").split())[:255] or name


def save_batch(form, user):
    """Check each file and keep the good ones with the batch's metadata; report the bad ones."""
    data = form.cleaned_data
    folder = data["folder"]
    body = owning_body(folder)
    saved, refused = [], []
    for upload in data["files"]:
        try:
            check_upload(upload)
        except forms.ValidationError as error:
            refused.append((upload.name, " ".join(error.messages)))
            continue
        with transaction.atomic():
            material = Material(
                title=title_from_filename(upload.name),
                file=upload,
                collection=data["collection"],
                body=body,
                folder=folder,
                material_type=data["material_type"],
                year=data["year"],
                language=data["language"],
                uploaded_by_user=user,
            )
            material._set_document_file_metadata()
            material.save()
            material.topics.set(data["topics"])
        saved.append(material)
    return saved, refused


def bulk_upload(request):
    policy = policy_registry.get_by_type(Material)
    if not policy.user_has_permission(request.user, "add"):
        return permission_denied(request)
    initial = {}
    folder_id = request.GET.get("folder", "")
    if folder_id.isdigit():
        folder = get_object_or_404(folder_pages(), pk=folder_id)
        initial = {"folder": folder, "collection": default_collection(folder)}
    form = BulkUploadForm(
        request.POST or None, request.FILES or None, user=request.user, initial=initial
    )
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        saved, refused = save_batch(form, request.user)
        ids = [m.pk for m in saved]
        context.update(
            saved=Material.objects.filter(pk__in=ids).prefetch_related("topics").order_by("title"),
            refused=refused,
            folder=form.cleaned_data["folder"],
        )
        form = BulkUploadForm(
            user=request.user,
            initial={
                "folder": form.cleaned_data["folder"],
                "collection": form.cleaned_data["collection"],
            },
        )
        context["form"] = form
    return TemplateResponse(request, "networks/admin/bulk_upload.html", context)
