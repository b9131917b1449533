"""The document form: what may be uploaded, checked from the file's content, and versions kept."""

import os

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.documents.forms import BaseDocumentForm
from wagtail.models import Locale, Page

from access import documents as audience
from access.publishing import filing_widens_audience, may_publish_documents
from text.extract import IMAGE_TYPES, ExtractionError, detect_type, extract_text

ALLOWED_TYPES = {"pdf", "docx", "odt", "xlsx", "pptx", "txt"} | IMAGE_TYPES
# A name ending that claims a type the content must then have.
EXTENSIONS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".odt": "odt",
    ".xlsx": "xlsx",
    ".pptx": "pptx",
    ".txt": "txt",
    ".png": "png",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".gif": "gif",
    ".webp": "webp",
}


def check_upload(upload):
    """Refuse what the site cannot keep: the wrong type, a lying name, a damaged or empty file."""
    limit = getattr(settings, "MATERIAL_MAX_UPLOAD_SIZE", 50 * 1024 * 1024)
    if upload.size == 0:
        raise forms.ValidationError(_("The file is empty."), code="empty")
    if upload.size > limit:
        raise forms.ValidationError(
            _("The file is too large (%(size)s). The limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    upload.seek(0)
    kind = detect_type(upload.read(limit + 1))
    upload.seek(0)
    claimed = EXTENSIONS.get(os.path.splitext(upload.name)[1].lower())
    if kind not in ALLOWED_TYPES:
        raise forms.ValidationError(
            _(
                "This type of file cannot be uploaded. "
                "Allowed: PDF, DOCX, ODT, XLSX, PPTX, text and images."
            ),
            code="type",
        )
    if claimed is None or claimed != kind:
        raise forms.ValidationError(
            _("The file's name says %(claimed)s but its content is %(kind)s. Rename or convert it.")
            % {"claimed": (claimed or _("an unknown type")).upper(), "kind": kind.upper()},
            code="mismatch",
        )
    if kind not in IMAGE_TYPES:
        try:
            extract_text(upload)
        except ExtractionError:
            raise forms.ValidationError(
                _("The file is damaged and cannot be read. Nothing was saved."), code="corrupt"
            ) from None
        finally:
            upload.seek(0)
    return upload


FOLDER_HELP = gettext_lazy(
    "Who may open the file follows the folder: a members-only folder's files are for the same "
    "members only. A file without a folder is seen by editors only."
)


def folder_pages():
    """Folders and knowledge banks of the default language: documents are shared by languages."""
    from .models import FolderPage, KnowledgeBankPage

    return (
        Page.objects.type(FolderPage, KnowledgeBankPage)
        .filter(locale=Locale.get_default())
        .order_by("path")
    )


class FolderChoiceField(forms.ModelChoiceField):
    """Folders by their path, each with who will see the files filed in it."""

    @staticmethod
    def _below_home(page):
        """Lengths of the paths of the page's ancestors below the home page (depth 2)."""
        return range(3 * Page.steplen, len(page.path), Page.steplen)

    def label_from_instance(self, page):
        """E.g. "Verkostot / HR-verkosto / Jäsenaineisto — Visible only to: …"."""
        if not hasattr(self, "_titles"):
            # Worked out once for all the options: each would otherwise ask for its ancestors
            # and its restrictions.
            folders = list(self.queryset)
            ancestors = {f.path[:end] for f in folders for end in self._below_home(f)}
            self._titles = dict(
                Page.objects.filter(path__in=ancestors).values_list("path", "title")
            )
            self._restrictions = audience.all_restrictions()
        titles = [self._titles.get(page.path[:end], "") for end in self._below_home(page)]
        path = " / ".join([*titles, page.title])
        return f"{path} — {audience.describe_place(page, self._restrictions)}"


class MaterialForm(BaseDocumentForm):
    """Wagtail's document form (add, edit, the multiple uploader and the chooser's upload tab).

    There is no collection to choose: the document's collection follows its folder
    (`access.documents`), whatever is posted. The folder is chosen among folders and knowledge
    banks, each labelled with who will see its files."""

    def __init__(self, *args, **kwargs):
        self.user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        self.original_files = {"file": self.instance.file, "file_sv": self.instance.file_sv}
        self.original_place = self.instance.audience_place() if self.instance.pk else None
        self.fields.pop("collection", None)
        if "language" in self.fields:
            # Wagtail's multiple uploader posts only a title and a file first: with a value to
            # fall back on, the document is made at once (unfiled, for editors) and the editor
            # completes its form beside the others.
            self.fields["language"].required = False
        if "folder" in self.fields:
            current = self.instance.folder_id
            self.fields["folder"] = FolderChoiceField(
                queryset=folder_pages() | Page.objects.filter(pk=current),
                required=False,
                label=self.fields["folder"].label,
                help_text=FOLDER_HELP,
            )
            if self.instance.pk:
                self.fields["folder"].help_text = format_lazy(
                    "{} {} {}", FOLDER_HELP, gettext_lazy("Now:"), self.instance.audience
                )

    def clean(self):
        """Only a publisher files an approved document where more people see it, as only a
        publisher moves a page out from under a restriction (`access.publishing`)."""
        cleaned = super().clean()
        document = self.instance
        if (
            document.pk
            and "folder" in self.changed_data
            and not document.audience_pending()
            and self.user is not None
            and not may_publish_documents(self.user)
            and filing_widens_audience(self.original_place, cleaned.get("folder"))
        ):
            self.add_error(
                "folder",
                _(
                    "Only a publisher may file this document where more people can open it. "
                    "Choose a folder for the same readers, or ask a publisher."
                ),
            )
        return cleaned

    def clean_language(self):
        return (
            self.cleaned_data.get("language") or self.instance._meta.get_field("language").default
        )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            check_upload(upload)
        return upload

    def clean_file_sv(self):
        upload = self.cleaned_data.get("file_sv")
        if upload and "file_sv" in self.changed_data:
            check_upload(upload)
        return upload

    def save(self, commit=True):
        """A new document waits for a publisher unless its uploader is one; a replaced file
        waits as a pending version (the document keeps its approved file), or, from a
        publisher, goes live with the old one kept in the history (`networks.approval`)."""
        from . import approval

        document = self.instance
        if document.pk is None:
            approval.mark_new(document, self.user)
            return super().save(commit=commit)
        if commit:
            for slot in ("file", "file_sv"):
                upload = self.cleaned_data.get(slot)
                if slot not in self.changed_data or not upload:
                    continue
                original = self.original_files[slot]
                if approval.replacement_waits(document, self.user):
                    upload.seek(0)
                    data = upload.read()
                    approval.wait_for_approval(document, slot, upload.name, data, self.user)
                    setattr(document, slot, original)
                    self.changed_data.remove(slot)
                    continue
                if original:
                    setattr(document, slot, original)
                    approval.keep_as_version(document, slot, replaced_by=self.user)
                    setattr(document, slot, upload)
                if slot == "file":
                    approval.mark_new(document, self.user)
        return super().save(commit=commit)


class JoinRequestForm(forms.ModelForm):
    class Meta:
        from .models import JoinRequest

        model = JoinRequest
        fields = ["name", "email", "organisation", "job_title", "message"]
