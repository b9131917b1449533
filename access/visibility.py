"""What a request may see: live pages outside restrictions it does not pass, and documents
outside collections it may not open. Search, facets, listings and suggestions all start here.

Wagtail's own `accept_request` reads the user's groups once per restriction; with a
restriction on every members-only minutes page that is dozens of queries per listing. Here the
restrictions (paths, collections, groups) are read once per content generation
(`generation.memo`: restrictions are content, and changing one bumps the generation), the user's
groups once per request, and the refused restrictions are kept on the request."""

import hashlib

from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)

from generation.memo import remember


def _group_ids(request):
    """The user's groups, kept per content generation: a change of groups bumps it too."""
    if not hasattr(request, "_access_group_ids"):
        user = request.user
        request._access_group_ids = (
            remember(
                request,
                ("groups", user.pk),
                lambda: frozenset(user.groups.values_list("id", flat=True)),
            )
            if user.is_authenticated
            else frozenset()
        )
    return request._access_group_ids


def _accepts(model, restriction, request):
    """Wagtail's `accept_request`, for a restriction read as plain data."""
    kind = restriction["type"]
    if kind == BaseViewRestriction.GROUPS:
        return request.user.is_superuser or bool(_group_ids(request) & restriction["groups"])
    if kind == BaseViewRestriction.LOGIN:
        return request.user.is_authenticated
    return model(pk=restriction["id"], restriction_type=kind).accept_request(request)


def _refused_paths(request, model, target):
    """The outermost paths of what the request may not see, of one kind of restriction."""
    restrictions = _restrictions(request, model, target)
    return _outermost(r["target"] for r in restrictions if not _accepts(model, r, request))


def _restrictions(request, model, target):
    """Every restriction of one kind as plain data, with the path of what it guards."""

    def build():
        rows = {}
        for restriction_id, kind, guarded, group_id in model.objects.values_list(
            "id", "restriction_type", target, "groups"
        ):
            row = rows.setdefault(
                restriction_id,
                {"id": restriction_id, "type": kind, "target": guarded, "groups": set()},
            )
            if group_id is not None:
                row["groups"].add(group_id)
        return list(rows.values())

    return remember(request, ("restrictions", model._meta.label), build)


def _outermost(paths):
    """Paths without those under another path of the list: one condition covers a subtree."""
    kept = []
    for path in sorted(set(paths)):
        if not kept or not path.startswith(kept[-1]):
            kept.append(path)
    return kept


def refused_page_paths(request):
    if not hasattr(request, "_access_refused_page_paths"):
        paths = _refused_paths(request, PageViewRestriction, "page__path")
        request._access_refused_page_paths = paths
    return request._access_refused_page_paths


def visible_pages(request, queryset=None):
    """Live pages the request may view; drafts and scheduled pages are never live."""
    queryset = (queryset if queryset is not None else Page.objects.all()).live()
    for path in refused_page_paths(request):
        queryset = queryset.exclude(path__startswith=path)
    return queryset


def refused_collection_ids(request):
    if not hasattr(request, "_access_refused_collection_ids"):
        paths = _refused_paths(request, CollectionViewRestriction, "collection__path")
        request._access_refused_collection_ids = _collections_under(request, paths)
    return request._access_refused_collection_ids


def _collections_under(request, paths):
    """Ids of the collections at and below these paths."""
    if not paths:
        return set()

    def build():
        return list(Collection.objects.values_list("pk", "path"))

    collections = remember(request, ("collection paths",), build)
    return {pk for pk, path in collections if path.startswith(tuple(paths))}


def visibility_key(request):
    """A short digest of what the request may not see: readers with the same key see the same
    pages and documents, so they may share what is worked out from them."""
    if not hasattr(request, "_access_visibility_key"):
        refused = (
            tuple(refused_page_paths(request)),
            tuple(sorted(refused_collection_ids(request))),
        )
        request._access_visibility_key = hashlib.sha256(repr(refused).encode()).hexdigest()[:24]
    return request._access_visibility_key


def visible_documents(request, queryset):
    return queryset.exclude(collection_id__in=refused_collection_ids(request))
