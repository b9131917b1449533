"""Many files into one folder at once, with the metadata they share; each file is checked on its
own, so one bad file is reported and the others are still kept."""

import os

from django import forms
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy
from wagtail.admin.auth import permission_denied
from wagtail.models import Page
from wagtail.permissions import policy_registry

from .. import approval
from ..forms import FOLDER_HELP, FolderChoiceField, check_upload, folder_pages
from ..models import BodyPage, Material, Topic
from ..models.choices import ContentLanguage, MaterialType


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


def owning_body(folder):
    return BodyPage.objects.ancestor_of(folder).order_by("-depth").first()


class BulkUploadForm(forms.Form):
    folder = FolderChoiceField(
        queryset=Page.objects.none(),
        label=gettext_lazy("Folder"),
        help_text=FOLDER_HELP,
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["folder"].queryset = folder_pages()


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
                body=body,
                folder=folder,
                material_type=data["material_type"],
                year=data["year"],
                language=data["language"],
                uploaded_by_user=user,
            )
            approval.mark_new(material, user)
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
    if folder_id.isdigit() and len(folder_id) < 19:
        initial = {"folder": get_object_or_404(folder_pages(), pk=folder_id)}
    form = BulkUploadForm(request.POST or None, request.FILES or None, initial=initial)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        saved, refused = save_batch(form, request.user)
        ids = [m.pk for m in saved]
        context.update(
            saved=Material.objects.filter(pk__in=ids).prefetch_related("topics").order_by("title"),
            refused=refused,
            folder=form.cleaned_data["folder"],
        )
        form = BulkUploadForm(initial={"folder": form.cleaned_data["folder"]})
        context["form"] = form
    return TemplateResponse(request, "networks/admin/bulk_upload.html", context)
