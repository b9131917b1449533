"""The site's absolute addresses, all built from `settings.SITE_URL`.

Links that leave the site (the sitemap, hreflang and canonical links, feeds, the API, e-mails,
iCalendar UIDs) must name the site's public address, whatever host a request came through or
the Site record holds: a proxy's internal name or `127.0.0.1:8000` is useless to a search
engine, a calendar or a reader of an e-mail. Every such address is made here.
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings


def absolute_url(address):
    """`address` (a path such as `/sv/natverk/`, or an absolute URL whose host may be wrong) on
    the site's public address; None stays None (a page that has no address)."""
    if address is None:
        return None
    site = urlsplit(settings.SITE_URL)
    parts = urlsplit(address)
    path = parts.path if parts.path.startswith("/") else "/" + parts.path
    return urlunsplit((site.scheme, site.netloc, path, parts.query, parts.fragment))


def site_host():
    """The site's host name, e.g. for iCalendar UIDs that must stay the same in every feed."""
    return urlsplit(settings.SITE_URL).hostname
