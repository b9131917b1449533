"""Wagtail's API v2: pages, documents and images, each filtered to what the asker may see, and
answering any input with results or a 400 that says what is wrong, never a server error.

- `search` takes any text: its words are searched; quotes, operators and NUL bytes, which the
  database's full-text syntax or PostgreSQL would refuse, are not passed on.
- `offset` past any possible result is a 400, like a negative one (the database would refuse
  a number that large), and so is a NUL byte in any parameter (PostgreSQL refuses it)."""

import re

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from networks.lookups import storable

# More than any site holds, and within every database's integer range.
MAX_OFFSET = 2**31 - 1


def plain_words(text):
    """The words of a search as typed, without full-text syntax or NUL bytes."""
    return " ".join(re.findall(r"\w+", text.replace("\x00", " ")))


class WordsSearchFilter(SearchFilter):
    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        query = request.GET.copy()
        query["search"] = plain_words(query["search"])
        if not query["search"]:
            return queryset.none()
        request._request.GET = query
        return super().filter_queryset(request, queryset, view)


def check_values(request):
    """A 400 for what no database would take: NUL bytes anywhere, an offset past any result."""
    if any(not storable(value) for value in request.GET.values()):
        raise BadRequestError("parameters cannot contain NUL characters")
    offset = request.GET.get("offset", "0")
    if offset.isdigit() and int(offset) > MAX_OFFSET:
        raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")


def answering_any_input(viewset):
    """The viewset with the word-only search and its parameters checked before any is used."""

    def check_query_parameters(self, queryset):
        check_values(self.request)
        return viewset.check_query_parameters(self, queryset)

    filters = [WordsSearchFilter if f is SearchFilter else f for f in viewset.filter_backends]
    return type(
        viewset.__name__,
        (viewset,),
        {"filter_backends": filters, "check_query_parameters": check_query_parameters},
    )


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", answering_any_input(PagesAPIViewSet))
api_router.register_endpoint("documents", answering_any_input(DocumentsAPIViewSet))
api_router.register_endpoint("images", answering_any_input(ImagesAPIViewSet))
