"""Topics: the controlled vocabulary that documents and saved listings are tagged with. Its own
module because documents, folders and listings use it and none of them is about people."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class Topic(models.Model):
    """A term of the controlled vocabulary that materials are tagged with, in both languages."""

    slug = models.SlugField(_("slug"), unique=True)
    name_fi = models.CharField(_("name in Finnish"), max_length=100)
    name_sv = models.CharField(_("name in Swedish"), max_length=100)

    panels = [FieldPanel("name_fi"), FieldPanel("name_sv"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name_fi"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.name_sv if (get_language() or "").startswith("sv") else self.name_fi
