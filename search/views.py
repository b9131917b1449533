import functools

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import get_language

from generation.memo import site_for_request
from pagecache.templatetags.reader_cache import keep_out

from .query import FACETS, run_search, snippet, with_snippet_text

SORTS = ("relevance", "date")
# Pages past the 100th are not offered: one of them would read a common word's whole answer
# (26,000 documents) to show ten. The count stays true, and the last page asks for a narrower
# search, as Google and SharePoint do.
MAX_PAGES = 100


class ResultPaginator(Paginator):
    @cached_property
    def num_pages(self):
        return min(Paginator.num_pages.func(self), MAX_PAGES)

    @property
    def offered(self):
        """How many results the pages show: fewer than `count` when the pages stop."""
        return min(self.count, MAX_PAGES * self.per_page)


def search(request):
    """The results are worked out only when the page's shared part is not stored already
    (reader_cache, keyed by the query string): readers who may see the same things and ask the
    same question share the answer until the content changes."""
    site_for_request(request)  # hit addresses need it; remembered, not a query per search
    query = request.GET.get("q", "").strip()[:200]
    both = request.GET.get("languages") == "all"
    sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else "relevance"
    filters = {name: request.GET.get(name, "") for name in FACETS if request.GET.get(name)}
    exact = request.GET.get("exact") == "1"  # "search instead for" what was typed

    @functools.cache
    def found():
        outcome = run_search(
            request, query, get_language(), exact=exact, both=both, filters=filters, sort=sort
        )
        if outcome.engine_down:
            keep_out(request)  # the fallback's answer is not kept once the engine is back
        page = ResultPaginator(outcome.hits, 10).get_page(request.GET.get("page"))
        with_snippet_text(page.object_list)  # snippets only for the hits on show
        for hit in page:
            hit.snippet = snippet(hit, outcome.query)  # the corrected query, when it was run
        return outcome, page

    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "outcome": SimpleLazyObject(lambda: found()[0]),
            "results": SimpleLazyObject(lambda: found()[1]),
            "filters": filters,
            "sort": sort,
            "both": both,
            "querystring": params.urlencode(),
        },
    )
