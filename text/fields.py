"""Lemma and compound-part fields that every searchable page and document indexes."""

from django.db import models
from django.utils.html import strip_tags
from wagtail.fields import StreamField
from wagtail.search import index

from .analysis import index_terms

LEMMA_FIELD = "search_lemmas"
PARTS_FIELD = "search_parts"

# Lemma matches rank above compound-part matches; a title's lemmas count more than the body's.
LEMMA_FIELDS = [
    index.SearchField(LEMMA_FIELD, boost=2),
    index.SearchField(PARTS_FIELD, boost=0.5),
]
TITLE_WEIGHT = 3


class NormalisedSearchMixin(models.Model):
    """Gives a page or document the normalised text of its own searchable fields.

    An abstract model, not a plain mixin: Elasticsearch names a field after the model that
    defines it, so every page type and the documents share one lemma and one parts field."""

    class Meta:
        abstract = True

    def search_language(self):
        return self.locale.language_code

    def search_text_parts(self):
        """The raw texts to normalise: the model's own search fields (plus what overrides add)."""
        texts = []
        for field in self.search_fields:
            if not isinstance(field, index.SearchField) or field.field_name in {
                LEMMA_FIELD,
                PARTS_FIELD,
                "title",
            }:
                continue
            value = getattr(self, field.field_name, None)
            if callable(value):
                value = value()
            if value is None:
                continue
            model_field = self._meta.get_field(field.field_name) if hasattr(self, "_meta") else None
            if isinstance(model_field, StreamField):
                texts.extend(model_field.get_searchable_content(value))
            else:
                texts.append(strip_tags(str(value)))
        return texts

    def _normalised(self):
        if getattr(self, "_normalised_cache", None) is None:
            language = self.search_language()
            title_lemmas, title_parts = index_terms(self.title, language)
            lemmas, parts = index_terms(" ".join(self.search_text_parts()), language)
            self._normalised_cache = (
                " ".join([title_lemmas] * TITLE_WEIGHT + [lemmas]),
                " ".join([title_parts, parts]),
            )
        return self._normalised_cache

    def search_lemmas(self):
        return self._normalised()[0]

    def search_parts(self):
        return self._normalised()[1]
