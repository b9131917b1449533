"""When a document last changed: when it was added, or when its file was last replaced (the
replaced file is kept as a `MaterialVersion` stamped with the time of the replacement). Members'
pages and feeds and the public feeds list documents by it, a replaced file as a new item."""

from django.db.models import Max
from django.db.models.functions import Coalesce, Greatest


def last_changed_first(materials):
    """The documents with `changed_at`, the latest change first."""
    return materials.annotate(
        changed_at=Greatest("created_at", Coalesce(Max("versions__created_at"), "created_at"))
    ).order_by("-changed_at", "-pk")
