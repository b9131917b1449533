"""Index updates the search engine missed while it was down, kept until they are replayed; the
synonyms editors keep."""

import re

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from text.analysis import words


class PendingIndexUpdate(models.Model):
    """Wagtail's search layer only logs an engine error; this row keeps the update instead."""

    class Action(models.TextChoices):
        ADD = "add", _("add or update")
        DELETE = "delete", _("delete")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    action = models.CharField(max_length=10, choices=Action.choices)
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("pending search index update")
        unique_together = [("content_type", "object_id")]

    def __str__(self):
        return f"{self.action} {self.content_type.model} {self.object_id}"

    @classmethod
    def record(cls, obj, action):
        cls.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=str(obj.pk),
            defaults={"action": action},
        )


class Synonym(models.Model):
    """A word people search with for one of the site's terms ("TES" for "työehtosopimus"), kept
    by editors and applied when a search is made, on every backend and without a rebuild
    (`search.synonyms`): the searcher's words are widened silently, never shown as typed."""

    class Direction(models.TextChoices):
        ONE_WAY = "one_way", _("One-way: the word also finds its synonyms")
        TWO_WAY = "two_way", _("Two-way: each of them finds the others")

    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="fi"
    )
    word = models.CharField(
        _("word"), max_length=100, help_text=_("One word as people type it, e.g. “TES”.")
    )
    synonyms = models.CharField(
        _("synonyms"),
        max_length=500,
        help_text=_(
            "Separated by commas, e.g. “työehtosopimus, virkaehtosopimus”; inflected forms are "
            "found too. In a one-way set a synonym may be several words."
        ),
    )
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.ONE_WAY
    )

    panels = [
        FieldPanel("language"),
        FieldPanel("word"),
        FieldPanel("synonyms"),
        FieldPanel("direction"),
    ]

    class Meta:
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")
        ordering = ["language", "word"]
        unique_together = [("language", "word")]

    def __str__(self):
        arrow = "↔" if self.direction == self.Direction.TWO_WAY else "→"
        return f"{self.word} {arrow} {self.synonyms}"

    @property
    def synonym_list(self):
        return [synonym.strip() for synonym in self.synonyms.split(",") if synonym.strip()]

    def clean(self):
        if len(words(self.word)) != 1 or re.search(r"[-:]", self.word.strip()):
            raise ValidationError({"word": _("Give one word, without spaces or hyphens.")})
        if not self.synonym_list:
            raise ValidationError({"synonyms": _("Give at least one synonym.")})
        several = [synonym for synonym in self.synonym_list if len(words(synonym)) != 1]
        if self.direction == self.Direction.TWO_WAY and several:
            raise ValidationError(
                {
                    "synonyms": _("In a two-way set every synonym is one word: %(words)s.")
                    % {"words": ", ".join(several)}
                }
            )
