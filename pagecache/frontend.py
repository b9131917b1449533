"""The front cache (Varnish, `deploy/varnish/site.vcl`) emptied whenever content changes.

Wagtail's `wagtail.contrib.frontend_cache` purges the addresses of a page that is published or
unpublished (PURGE). That is not enough here: every page shows the menu, and the home page,
listings and a body's pages show other pages' titles, meetings and documents, so one change
touches many pages. The site already says when anything a page may show has changed: it bumps
the content generation (`generation.counter`). On every bump, once the change is committed,
every configured backend that can (`VarnishBackend`) is sent one BAN of the site's host (from
SITE_URL), so the front cache drops what it holds just as Django's page cache does.

A front cache that is down or slow never makes a change fail: a PURGE or BAN waits at most
TIMEOUT seconds, and a failure is logged as a warning. What the front cache then still holds it
keeps at most `s-maxage` seconds (`pagecache.middleware`).
"""

import logging
from http.client import HTTPException
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends

from generation.counter import generation_bumped

logger = logging.getLogger(__name__)


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP purge with a timeout, and a BAN of everything kept for one host.

    WAGTAILFRONTENDCACHE = {"varnish": {"BACKEND": "pagecache.frontend.VarnishBackend",
                                        "LOCATION": "http://127.0.0.1:6081", "TIMEOUT": 2}}
    """

    def __init__(self, params):
        params = dict(params)
        self.timeout = float(params.pop("TIMEOUT", 2))
        super().__init__(params)

    def purge(self, url):
        parts = urlsplit(url)
        self._send("PURGE", parts.path or "/", parts.query, parts.netloc)

    def ban_host(self, host):
        """Drop everything the front cache keeps for `host`."""
        return self._send("BAN", "/", "", host)

    def _send(self, method, path, query, host):
        address = urlunsplit((self.cache_scheme, self.cache_netloc, path, query, ""))
        request = Request(
            address, method=method, headers={"Host": host, "User-Agent": "kt-frontend-cache"}
        )
        try:
            with urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - LOCATION
                return response.status
        except (OSError, HTTPException) as error:  # URLError and HTTPError are OSErrors
            logger.warning(
                "The front cache at %s did not take %s %s (host %s): %s",
                self.cache_netloc,
                method,
                path,
                host,
                error,
            )
            return None


def site_host():
    return urlsplit(settings.SITE_URL).hostname


def ban_site():
    """BAN the site's host on every backend that bans; the others (a CDN's) are left to
    Wagtail's per-address purge."""
    for backend in get_backends().values():
        if hasattr(backend, "ban_host"):
            backend.ban_host(site_host())


def _scheduled(func):
    """Whether `func` already waits for the open transaction's commit."""
    waiting = getattr(transaction.get_connection(), "run_on_commit", ())
    return any(entry[1] is func for entry in waiting)


def generation_changed(**kwargs):
    """After the commit (at once outside a transaction), once per transaction: a page fetched
    from the app servers before the commit would still show the old content."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    if transaction.get_connection().in_atomic_block and _scheduled(ban_site):
        return
    transaction.on_commit(ban_site)


def connect():
    generation_bumped.connect(generation_changed, dispatch_uid="pagecache-frontend")
