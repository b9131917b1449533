"""Documents: Wagtail's document model here (`Material`) with its metadata, the queryset that
keeps a document's collection following its place, and a document's other files
(`MaterialVersion`). The pages that list documents are in `folders.py` and `newsletters.py`."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from wagtail.api import APIField
from wagtail.documents.models import AbstractDocument, DocumentQuerySet
from wagtail.documents.models import Document as WagtailDocument
from wagtail.models import Page
from wagtail.search import index

from access import documents as audience
from text.fields import LEMMA_FIELDS, NormalisedSearchMixin

from .bodies import BodyPage
from .choices import ApprovalStatus, ContentLanguage, FileSlot, MaterialType
from .topics import Topic


def person_field(verbose_name, **options):
    """Who did something to a document or a file: kept when that person's account goes."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        **options,
    )


class MaterialQuerySet(DocumentQuerySet):
    PLACING = {"collection", "collection_id", "folder", "folder_id", "body", "body_id"}

    def update(self, **kwargs):
        """A document's collection follows its place (`access.documents`), also on the paths
        that write rows without saving them, such as Wagtail's "Add to collection" bulk action:
        after an update that touches the place or the collection, each document's collection is
        worked out again, and a collection written here by hand is not kept."""
        if not self.PLACING & set(kwargs):
            return super().update(**kwargs)
        ids = list(self.values_list("pk", flat=True))
        kwargs = {k: v for k, v in kwargs.items() if k not in ("collection", "collection_id")}
        count = super().update(**kwargs) if kwargs else len(ids)
        audience.refile_ids(ids)
        return count

    def bulk_create(self, objs, *args, **kwargs):
        """Rows made in bulk (imports, benchmarks) get their collection from their place too."""
        objs, worked_out = list(objs), {}
        for document in objs:
            place = (document.folder_id, document.body_id)  # new rows: no newsletter issue yet
            if place not in worked_out:
                worked_out[place] = audience.collection_of(document)
            document.collection = worked_out[place]
        return super().bulk_create(objs, *args, **kwargs)


class Material(NormalisedSearchMixin, AbstractDocument):
    """A material: owned by a body, filed in a folder, typed, tagged and searchable inside.

    Its collection, which decides who may open it, is never chosen: it follows the folder
    (`access.documents`), on every save."""

    body = models.ForeignKey(
        BodyPage,
        verbose_name=_("owning body"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
    )
    folder = models.ForeignKey(
        Page,
        verbose_name=_("folder"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    material_type = models.CharField(
        _("material type"), max_length=20, choices=MaterialType.choices, blank=True
    )
    # A plain many-to-many: a document is no cluster, so a parental one would never be saved.
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    language = models.CharField(
        _("content language"),
        max_length=5,
        choices=ContentLanguage.choices,
        default=ContentLanguage.FINNISH,
    )
    description = models.TextField(_("description"), blank=True)
    title_sv = models.CharField(_("title in Swedish"), max_length=255, blank=True)
    description_sv = models.TextField(_("description in Swedish"), blank=True)
    file_sv = models.FileField(
        _("Swedish version of the file"), upload_to="documents/sv/", blank=True
    )
    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)
    review_date = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_("Knowledge-bank material: when to check that it is still correct."),
    )
    approval = models.CharField(
        _("approval"),
        max_length=10,
        choices=ApprovalStatus.choices,
        default=ApprovalStatus.APPROVED,
        editable=False,
    )
    file_uploaded_by = person_field(_("file uploaded by"), editable=False)
    approved_by = person_field(_("approved by"), editable=False)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True, editable=False)

    admin_form_fields = WagtailDocument.admin_form_fields + (
        "body",
        "folder",
        "material_type",
        "topics",
        "year",
        "language",
        "description",
        "title_sv",
        "description_sv",
        "file_sv",
        "review_date",
    )
    search_fields = (
        AbstractDocument.search_fields
        + LEMMA_FIELDS
        + [
            index.SearchField("description"),
            index.SearchField("extracted_text"),
            index.FilterField("material_type"),
            index.FilterField("year"),
            index.FilterField("language"),
            index.FilterField("body_id"),
            index.FilterField("review_date"),
            # The search's date order of a large answer (search.engine).
            index.FilterField("created_at"),
        ]
    )
    api_fields = [
        APIField("material_type"),
        APIField("year"),
        APIField("language"),
        APIField("description"),
    ]

    objects = MaterialQuerySet.as_manager()

    def search_language(self):
        return self.language

    def save(self, *args, **kwargs):
        if self.folder_id and not self.body_id:
            # Filed in a body's folder: owned by that body unless an editor says otherwise.
            self.body = BodyPage.objects.ancestor_of(self.folder).order_by("-depth").first()
        self.collection = audience.collection_of(self)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "collection"}
        super().save(*args, **kwargs)

    def clean(self):
        """Wagtail checks the file's extension here, but its multiple uploader validates a form
        without the file and attaches the file afterwards: an empty file is not a wrong one
        (uploads are checked by content in `networks.forms.check_upload`)."""
        if self.file:
            super().clean()

    def audience_place(self):
        """Where the document is filed: its folder, or the newsletter its issue belongs to."""
        if self.folder_id is not None:
            return self.folder
        if self.pk is None:
            return None
        from .newsletters import NewsletterIssue

        issue = NewsletterIssue.objects.filter(document=self).select_related("page").first()
        return issue.page if issue is not None else None

    def audience_pending(self):
        """A first file that waits for a publisher is for editors only (`networks.approval`)."""
        return self.approval == ApprovalStatus.PENDING

    def audience_public_collection(self):
        body = self.body if self.body_id else None
        return body.collection if body is not None and body.collection_id else None

    @classmethod
    def placed_under(cls, page):
        """Documents filed at or under `page`, newsletter issues' files included."""
        from .newsletters import NewsletterIssue

        issues = NewsletterIssue.objects.filter(page__path__startswith=page.path)
        return cls.objects.filter(
            Q(folder__path__startswith=page.path)
            | Q(folder__isnull=True, pk__in=issues.values("document_id"))
        )

    @property
    def audience(self):
        """Who may open the document, in a sentence for editors."""
        return audience.describe(self)

    @property
    def url(self):
        """The same address whatever the file is called, so links survive a replaced file;
        a Swedish reader gets the Swedish file where there is one."""
        url = reverse("material", args=[self.id])
        if self.file_sv and get_language() == "sv":
            url += "?lang=sv"
        return url

    @property
    def display_title(self):
        return self.title_sv if self.title_sv and get_language() == "sv" else self.title

    @property
    def display_title_language(self):
        """The language `display_title` is written in: for `lang` where it differs from the
        page's (a Finnish title in a Swedish listing is read with Finnish pronunciation)."""
        return "sv" if self.title_sv and get_language() == "sv" else self.language

    @property
    def display_description_language(self):
        return "sv" if self.description_sv and get_language() == "sv" else self.language

    @property
    def display_description(self):
        if self.description_sv and get_language() == "sv":
            return self.description_sv
        return self.description

    @property
    def language_marker(self):
        """ "på finska" beside a Finnish-only document in a Swedish listing, and so on."""
        language = get_language()
        if self.language == language or (language == "sv" and self.file_sv):
            return ""
        markers = {
            "fi": gettext("in Finnish"),
            "sv": gettext("in Swedish"),
            "en": gettext("in English"),
        }
        return markers.get(self.language, "")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [
            ("choose_document", _("Can choose document")),
            ("publish_material", _("Can publish documents")),
        ]


class MaterialVersion(models.Model):
    """A file of a document other than the one it serves: an earlier file, kept when the file
    was replaced, or a new one waiting for a publisher's approval (`pending`)."""

    document = models.ForeignKey(
        Material, verbose_name=_("document"), on_delete=models.CASCADE, related_name="versions"
    )
    file = models.FileField(_("file"), upload_to="documents/versions/")
    file_size = models.PositiveBigIntegerField(_("file size"), null=True, editable=False)
    file_hash = models.CharField(_("checksum"), max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("replaced at"), auto_now_add=True)
    created_by = person_field(_("replaced by"))
    slot = models.CharField(
        _("which file"), max_length=10, choices=FileSlot.choices, default=FileSlot.FILE
    )
    pending = models.BooleanField(_("waiting for approval"), default=False)
    uploaded_by = person_field(_("uploaded by"))
    approved_by = person_field(_("approved by"))
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)

    class Meta:
        verbose_name = _("document version")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.document} ({self.created_at:%Y-%m-%d %H:%M})"
