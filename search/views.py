from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language

from pagecache.memo import site_for_request

from .query import FACETS, run_search, snippet, with_snippet_text

SORTS = ("relevance", "date")


def search(request):
    site_for_request(request)  # hit addresses need it; remembered, not a query per search
    query = request.GET.get("q", "").strip()[:200]
    both = request.GET.get("languages") == "all"
    sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else "relevance"
    filters = {name: request.GET.get(name, "") for name in FACETS if request.GET.get(name)}
    outcome = run_search(request, query, get_language(), both=both, filters=filters, sort=sort)
    page = Paginator(outcome.hits, 10).get_page(request.GET.get("page"))
    with_snippet_text(page.object_list)  # snippets only for the hits on show
    for hit in page:
        hit.snippet = snippet(hit, query)
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "outcome": outcome,
            "results": page,
            "filters": filters,
            "sort": sort,
            "both": both,
            "querystring": params.urlencode(),
        },
    )
