"""Anonymous visitors get public Wagtail pages from the cache.

Every key holds the content generation (`generation`), which is bumped whenever content a page
may show changes, so a publish, unpublish, move or delete makes every cached page unreachable at
once, without having to know which pages list what.

Nothing personal is ever stored or served. Only GET and HEAD requests without a query string,
a session, a messages cookie or an Authorization header are looked up; only a 200 response to a
GET of a Wagtail page outside every view restriction (its own or an ancestor's) is stored, and
not if it set a cookie, used a CSRF token or asked not to be cached.

`X-Page-Cache` says what happened: `hit` (served from the cache), `miss` (rendered and stored),
`skip` (the cache was not used for this request or this response).

What this cache may keep, a shared front cache (Varnish, `pagecache.frontend`) may keep too: a
hit or a stored miss says `Cache-Control: public, max-age=0, s-maxage=PAGE_CACHE_TIMEOUT`, and
nothing else does. The front cache keeps only answers that say `s-maxage`; browsers ask again
every time, so a change (which purges the front cache) shows at once.
"""

import hashlib

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language_from_path

from generation.counter import request_generation

HEADER = "X-Page-Cache"
CANDIDATE = "_page_cache_candidate"
ALLOWED = "_page_cache_allowed"
REFUSING_CACHE_CONTROL = ("private", "no-store", "no-cache")


def page_key(request):
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    generation_now = str(request_generation(request))
    parts = [generation_now, request.scheme, request.get_host(), language, request.path]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"pagecache:page:{digest}"


def mark_page(page, request):
    """Called as Wagtail serves a page: store it only when no view restriction applies."""
    if getattr(request, CANDIDATE, False):
        setattr(request, ALLOWED, not page.get_view_restrictions().exists())


def _may_look_up(request):
    return (
        settings.PAGE_CACHE_ENABLED
        and request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and "HTTP_AUTHORIZATION" not in request.META
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def _may_store(request, response):
    cache_control = response.get("Cache-Control", "").lower()
    user = getattr(request, "user", None)
    return (
        request.method == "GET"
        and getattr(request, ALLOWED, False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (user is not None and user.is_authenticated)
        and not any(word in cache_control for word in REFUSING_CACHE_CONTROL)
        and "*" not in response.get("Vary", "")
    )


class PageCacheMiddleware:
    """Sits outside the session, CSRF, auth and messages middleware so it sees their cookies."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_look_up(request):
            response = self.get_response(request)
            response[HEADER] = "skip"
            return response
        key = page_key(request)
        cached = _cache().get(key)
        if cached is not None:
            content, headers = cached
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            response[HEADER] = "hit"
            return _shareable(response)
        setattr(request, CANDIDATE, True)
        response = self.get_response(request)
        if _may_store(request, response):
            headers = [(name, value) for name, value in response.items() if name != HEADER]
            _cache().set(key, (response.content, headers), settings.PAGE_CACHE_TIMEOUT)
            response[HEADER] = "miss"
            _shareable(response)
        else:
            response[HEADER] = "skip"
        return response


def _shareable(response):
    patch_cache_control(response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_TIMEOUT)
    return response


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]
