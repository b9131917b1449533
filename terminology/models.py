"""The fi→sv glossary that editors keep, so that translators use the agreed Swedish terms."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class Term(models.Model):
    """One domain term in both languages, written in its base form: inflected and compound
    forms are found through their lemmas (terminology.glossary)."""

    finnish = models.CharField(
        _("Finnish term"),
        max_length=200,
        unique=True,
        help_text=_("In its base form, e.g. “työsuojelupäällikkö”; inflected forms are found too."),
    )
    swedish = models.CharField(
        _("Swedish term"),
        max_length=200,
        help_text=_("In its base form, e.g. “arbetarskyddschef”."),
    )
    avoid = models.TextField(
        _("Swedish variants to avoid"),
        blank=True,
        help_text=_("One a line: a translation that uses one of these is flagged."),
    )
    note = models.TextField(_("note"), blank=True)

    panels = [FieldPanel("finnish"), FieldPanel("swedish"), FieldPanel("avoid"), FieldPanel("note")]

    class Meta:
        ordering = ["finnish"]
        verbose_name = _("term")
        verbose_name_plural = _("terms")

    def __str__(self):
        return f"{self.finnish} → {self.swedish}"

    @property
    def variants_to_avoid(self):
        return [line.strip() for line in self.avoid.splitlines() if line.strip()]
