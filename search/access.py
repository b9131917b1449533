"""What a request may see: live pages outside restrictions it does not pass, and documents
outside collections it may not open. Search, facets and suggestions all start from here.

Wagtail's own `accept_request` reads the user's groups once per restriction; with a
restriction on every members-only minutes page that is dozens of queries per listing, so the
groups are read once per request and the refused restrictions are kept on the request."""

from wagtail.models import (
    BaseViewRestriction,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)


def _group_ids(request):
    if not hasattr(request, "_access_group_ids"):
        user = request.user
        request._access_group_ids = (
            set(user.groups.values_list("id", flat=True)) if user.is_authenticated else set()
        )
    return request._access_group_ids


def _accepts(restriction, request):
    if restriction.restriction_type == BaseViewRestriction.GROUPS:
        if request.user.is_superuser:
            return True
        return bool(_group_ids(request) & {group.pk for group in restriction.groups.all()})
    return restriction.accept_request(request)


def _refused(restrictions, request):
    return [r for r in restrictions.prefetch_related("groups") if not _accepts(r, request)]


def refused_page_paths(request):
    if not hasattr(request, "_access_refused_page_paths"):
        refused = _refused(PageViewRestriction.objects.select_related("page"), request)
        request._access_refused_page_paths = [r.page.path for r in refused]
    return request._access_refused_page_paths


def visible_pages(request, queryset=None):
    """Live pages the request may view; drafts and scheduled pages are never live."""
    queryset = (queryset if queryset is not None else Page.objects.all()).live()
    for path in refused_page_paths(request):
        queryset = queryset.exclude(path__startswith=path)
    return queryset


def refused_collection_ids(request):
    if not hasattr(request, "_access_refused_collection_ids"):
        ids = set()
        restrictions = CollectionViewRestriction.objects.select_related("collection")
        for restriction in _refused(restrictions, request):
            collection = restriction.collection
            ids.update(collection.get_descendants(inclusive=True).values_list("pk", flat=True))
        request._access_refused_collection_ids = ids
    return request._access_refused_collection_ids


def visible_documents(request, queryset):
    return queryset.exclude(collection_id__in=refused_collection_ids(request))
