"""What translators should do next: pages with no Swedish version, and pages whose Finnish
source changed after the Swedish translation was last brought up to date, grouped by body; and
translations that use another term where the glossary (terminology) has one."""

from django.conf import settings
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from terminology.glossary import problems_by_object

from .models import BodyPage, Material


def translation_status(target_language="sv"):
    source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    target_locale = Locale.objects.get(language_code=target_language)
    pages = list(
        Page.objects.filter(locale=source_locale, depth__gt=1)
        .order_by("path")
        .values("id", "title", "path", "translation_key", "latest_revision_created_at")
    )
    translated = dict(
        Page.objects.filter(locale=target_locale).values_list("translation_key", "id")
    )
    term_problems = problems_by_object(target_language)
    sources = {
        object_id: (source_id, updated)
        for source_id, object_id, updated in TranslationSource.objects.filter(
            locale=source_locale
        ).values_list("id", "object_id", "last_updated_at")
    }
    bodies = dict(BodyPage.objects.filter(locale=source_locale).values_list("path", "title"))
    groups = {}
    for page in pages:
        changed = page["latest_revision_created_at"]
        source_id, synced = sources.get(page["translation_key"], (None, None))
        problems = term_problems.get(page["translation_key"], [])
        if page["translation_key"] not in translated:
            state = "missing"
        elif synced is not None and changed is not None and changed > synced:
            state = "outdated"
        elif problems:
            state = "terms"  # the translation uses another term where the glossary has one
        else:
            continue
        body_path = max((p for p in bodies if page["path"].startswith(p)), key=len, default="")
        group = groups.setdefault(
            bodies.get(body_path, ""), {"missing": [], "outdated": [], "terms": []}
        )
        group[state].append(
            {
                **page,
                "changed": changed,
                "synced": synced,
                "translation_id": translated.get(page["translation_key"]),
                "source_id": source_id,
                "term_problems": problems,
            }
        )
    for document in Material.objects.filter(language="fi", file_sv="").select_related("body"):
        body_title = document.body.title if document.body else ""
        group = groups.setdefault(body_title, {"missing": [], "outdated": [], "terms": []})
        group.setdefault("documents", []).append(document)
    return sorted(groups.items())
