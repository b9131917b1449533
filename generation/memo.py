"""Facts worked out from published content (which page an address leads to, the menu, a page's
breadcrumbs and translations), kept in this process until the content changes.

Every page needs them and none of them depends on who asks, so members' pages, which the page
cache never stores, stop paying a dozen queries for them on every request. Each value is kept
with the content generation it was worked out under (the page cache's, bumped on every change,
see `signals.py`) and used only by a request that read the same generation, so a change shows on
the next request in every process. Only plain data is kept (ids, titles, addresses), never model
instances a request could change.
"""

import threading

from django.http.request import split_domain_port
from wagtail.models import Site

from .counter import request_generation

MAX_ENTRIES = 20_000

_values = {}
_latest = {"generation": None}
_lock = threading.Lock()


MISSING = object()


def recall(request, key):
    """The value kept for `key` under this request's content generation, or MISSING."""
    entry = _values.get(key)
    if entry is not None and entry[0] == request_generation(request):
        return entry[1]
    return MISSING


def keep(request, key, value):
    current = request_generation(request)
    with _lock:
        if _latest["generation"] != current or len(_values) >= MAX_ENTRIES:
            # Values of earlier generations are never used again.
            _values.clear()
            _latest["generation"] = current
        _values[key] = (current, value)


def remember(request, key, build):
    """The value of `build()` for `key` under this request's content generation."""
    value = recall(request, key)
    if value is MISSING:
        value = build()
        keep(request, key, value)
    return value


def site_for_request(request):
    """Wagtail's site for the request, found once per content generation (a query per request
    otherwise) and set where Wagtail looks for it (`request._wagtail_site`)."""
    hostname = split_domain_port(request._get_raw_host())[0]

    def build():
        site = Site.find_for_request(request)
        if site is None:
            return None
        return {field.attname: getattr(site, field.attname) for field in Site._meta.concrete_fields}

    fields = remember(request, ("site", hostname, request.get_port()), build)
    if fields is None:
        return None
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = Site(**fields)
    return request._wagtail_site
