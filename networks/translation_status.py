"""What translators should do next: pages with no Swedish version, and pages whose Finnish
source changed after the Swedish translation was last brought up to date, grouped by body; and
translations that use another term where the glossary (terminology) has one. Documents without
a Swedish file are a list apart (`documents_to_translate`), after the pages: they are many and
would bury them. `to_do` puts both together with the filters and totals the to-do list and the
translator's dashboard panel show."""

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
    return sorted(groups.items())


def documents_to_translate():
    """Finnish documents without a Swedish file, newest first."""
    return (
        Material.objects.filter(language="fi", file_sv="")
        .select_related("body")
        .order_by("-created_at")
    )


KINDS = ("missing", "outdated", "terms", "documents")


def to_do(body="", kind="", target_language="sv"):
    """The translators' to-do, filtered by body title and kind (one of KINDS), with the totals
    of each kind before filtering by kind: {"groups", "documents", "totals", "bodies"}."""
    groups = translation_status(target_language)
    documents = documents_to_translate()
    titles = {title for title, _states in groups}
    titles |= set(documents.exclude(body=None).values_list("body__title", flat=True))
    bodies = sorted(titles - {""})
    if body:
        groups = [(title, states) for title, states in groups if title == body]
        documents = documents.filter(body__title=body)
    totals = {state: sum(len(states[state]) for _t, states in groups) for state in KINDS[:3]}
    totals["documents"] = documents.count()
    if kind in KINDS:
        groups = [
            (title, {state: rows if state == kind else [] for state, rows in states.items()})
            for title, states in groups
        ]
        groups = [(title, states) for title, states in groups if any(states.values())]
        documents = documents if kind == "documents" else documents.none()
    return {"groups": groups, "documents": documents, "totals": totals, "bodies": bodies}
