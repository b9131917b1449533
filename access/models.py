from django.db import models
from django.utils.translation import gettext_lazy as _


class AudienceCollection(models.Model):
    """The collection that holds the documents filed under a restricted page, with a copy of
    that page's restriction; the one without a page holds documents not yet filed in a folder.

    Wagtail serves, lists and filters documents by their collection's restrictions (its own and
    its ancestors'), so each restricted page that has documents under it gets a collection,
    nested as the restricted pages are nested. See `access.documents`."""

    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("collection"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        verbose_name = _("audience collection")
        verbose_name_plural = _("audience collections")

    def __str__(self):
        return str(self.collection)
