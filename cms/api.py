"""Wagtail's API v2: pages, documents and images, each filtered to what the asker may see, and
answering any input with results or a 400 that says what is wrong, never a server error.

- `search` takes any text: its words are searched; quotes, operators and NUL bytes, which the
  database's full-text syntax or PostgreSQL would refuse, are not passed on.
- `offset` past any possible result is a 400, like a negative one (the database would refuse
  a number that large), and so is a NUL byte in any parameter (PostgreSQL refuses it).

A page's `html_url` (its own and its parent's) is on the site's public address (`SITE_URL`),
like `detail_url` and `download_url` (`WAGTAILAPI_BASE_URL`, set from it), not on the host
the Site record happens to hold."""

import re

from django.urls import NoReverseMatch
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import (
    PageHtmlUrlField,
    PageParentField,
    PageSerializer,
    get_serializer_class,
)
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from networks.addresses import absolute_url
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


class PublicHtmlUrlField(PageHtmlUrlField):
    def to_representation(self, page):
        try:
            return absolute_url(page.get_url())
        except NoReverseMatch:
            return None


class PublicParentField(PageParentField):
    def to_representation(self, value):
        serializer_class = get_serializer_class(
            value.__class__,
            ["id", "type", "detail_url", "html_url", "title"],
            meta_fields=["type", "detail_url", "html_url"],
            base=PublicPageSerializer,
        )
        return serializer_class(context=self.context).to_representation(value)


class PublicPageSerializer(PageSerializer):
    html_url = PublicHtmlUrlField(read_only=True)
    parent = PublicParentField(read_only=True)


class PublicPagesAPIViewSet(PagesAPIViewSet):
    base_serializer_class = PublicPageSerializer


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
api_router.register_endpoint("pages", answering_any_input(PublicPagesAPIViewSet))
api_router.register_endpoint("documents", answering_any_input(DocumentsAPIViewSet))
api_router.register_endpoint("images", answering_any_input(ImagesAPIViewSet))
