"""Index updates the search engine missed while it was down, kept until they are replayed."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


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
