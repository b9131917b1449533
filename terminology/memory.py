"""Translation memory: a segment's source text translated before elsewhere on the site
("Kokouksen avaus" → "Mötets öppnande"), offered beside wagtail-localize's segment editor so
that nothing translated once is typed twice.

A suggestion is a `StringTranslation` of the same `String` (same source text) made for another
object (another `TranslationContext`), only from pages the translator may edit: what they may
not open they are not shown."""

from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import StringSegment, StringTranslation


def _editable_keys(user, locale, keys):
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return set(
        Page.objects.filter(
            pk__in=editable.values("pk"), locale=locale, translation_key__in=keys
        ).values_list("translation_key", flat=True)
    )


def suggestions(translation, user):
    """[{"segment_id", "source", "translation", "uses"}] for each segment of `translation` that
    has no translation yet and whose source text has one elsewhere, the most used first."""
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .exclude(context__path="slug")
        .select_related("string")
        .order_by("order")
    )
    done = set(
        StringTranslation.objects.filter(
            locale=translation.target_locale, context__object_id=translation.source.object_id
        ).values_list("translation_of_id", "context_id")
    )
    waiting = [s for s in segments if (s.string_id, s.context_id) not in done]
    if not waiting:
        return []
    candidates = list(
        StringTranslation.objects.filter(
            translation_of_id__in={s.string_id for s in waiting},
            locale=translation.target_locale,
        )
        .exclude(context__object_id=translation.source.object_id)
        .exclude(data="")
        .values("translation_of_id", "data", "context__object_id")
    )
    allowed = _editable_keys(
        user, translation.target_locale, {c["context__object_id"] for c in candidates}
    )
    uses = {}
    for candidate in candidates:
        if candidate["context__object_id"] in allowed:
            key = (candidate["translation_of_id"], candidate["data"])
            uses[key] = uses.get(key, 0) + 1
    found = []
    for segment in waiting:
        offers = sorted(
            (
                (count, data)
                for (string_id, data), count in uses.items()
                if string_id == segment.string_id
            ),
            reverse=True,
        )
        for count, data in offers[:3]:
            found.append(
                {
                    "segment_id": segment.pk,
                    "source": segment.string.data,
                    "translation": data,
                    "uses": count,
                }
            )
    return found
