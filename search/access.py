"""What a request may see: live pages outside restrictions it does not pass, and documents
outside collections it may not open. Search, facets and suggestions all start from here."""

from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction


def _refused(restrictions, request):
    return [r for r in restrictions if not r.accept_request(request)]


def visible_pages(request, queryset=None):
    """Live pages the request may view; drafts and scheduled pages are never live."""
    queryset = (queryset if queryset is not None else Page.objects.all()).live()
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    for restriction in _refused(restrictions, request):
        queryset = queryset.exclude(path__startswith=restriction.page.path)
    return queryset


def refused_collection_ids(request):
    restrictions = CollectionViewRestriction.objects.select_related("collection").prefetch_related(
        "groups"
    )
    ids = set()
    for restriction in _refused(restrictions, request):
        collection = restriction.collection
        ids.update(collection.get_descendants(inclusive=True).values_list("pk", flat=True))
    return ids


def visible_documents(request, queryset):
    return queryset.exclude(collection_id__in=refused_collection_ids(request))
