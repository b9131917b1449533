"""Bad input gets an answer, never a server error: every URL pattern of the site, with hostile
values in its parameters (huge and negative numbers, quotes, NUL, 10,000 characters, bytes that
are not UTF-8), and the query parameters that pages, the search and the API read, as a visitor
and as a member."""

import re
from urllib.parse import quote

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from django.utils import translation

pytestmark = pytest.mark.django_db

HOSTILE = [
    "99999999999999999999",
    "-1",
    "0",
    '"',
    "'",
    "%00",
    "a%00b",
    "x" * 10_000,
    "%ff%fe",
    "%22%27%3C%3E",
    "1e999",
]
# Query parameters read by the site's pages, its search and Wagtail's API.
PARAMETERS = [
    "q",
    "page",
    "year",
    "type",
    "topic",
    "sort",
    "lang",
    "language",
    "body",
    "kind",
    "folder",
    "search",
    "offset",
    "limit",
    "order",
    "fields",
    "child_of",
    "descendant_of",
    "id",
    "locale",
    "search_operator",
    "next",
]
PAGE_PATHS = [
    "/",
    "/haku/",
    "/sv/sok/",
    "/verkostot/hr-verkosto/",
    "/verkostot/hr-verkosto/paatokset/",
    "/verkostot/hr-verkosto/tyooikeudellinen-tietopankki/",
    "/omat-verkostot/",
    "/api/v2/pages/",
    "/api/v2/documents/",
    "/api/v2/images/",
    "/syotteet/verkostot/hr-verkosto/uutiset.xml",
]


def _value(raw):
    """A hostile value as it would sit in a URL: percent-encoded unless it is an escape."""
    return raw if "%" in raw else quote(raw, safe="")


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if isinstance(pattern.pattern, LocalePrefixPattern):
                for language, language_prefix in (("fi", ""), ("sv", "sv/")):
                    with translation.override(language):  # the routes' own translations
                        yield from list(_walk(pattern.url_patterns, prefix + language_prefix))
            else:
                yield from _walk(pattern.url_patterns, prefix + _route(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + _route(pattern.pattern)


def _route(pattern):
    if isinstance(pattern, RoutePattern):
        return str(pattern._route)
    if isinstance(pattern, RegexPattern):
        route = pattern._regex.lstrip("^").rstrip("$").rstrip("\\Z")
        return re.sub(r"\(\?P<(\w+)>[^)]*\)", r"<\1>", route)
    return str(pattern)


def url_templates():
    """Every route of the site with its parameters as <name> (regex groups too)."""
    templates = set()
    for route in _walk(get_resolver().url_patterns):
        route = route.replace("\\", "")
        if re.search(r"[\[\](?*+|]", route):
            continue  # a pattern too open to fill in (Wagtail's page paths, checked below)
        templates.add("/" + route.lstrip("/"))
    return sorted(templates)


# Wagtail's admin answers anyone not signed in as staff with its login page before it reads
# a parameter: fewer values there keep the walk quick.
ADMIN_HOSTILE = ["99999999999999999999", '"', "%00", "%ff%fe"]


def hostile_urls(with_admin=True):
    for template in url_templates():
        names = re.findall(r"<(?:\w+:)?(\w+)>", template)
        if not names:
            continue
        admin = template.startswith("/admin/")
        if admin and not with_admin:
            continue
        for raw in ADMIN_HOSTILE if admin else HOSTILE:
            yield re.sub(r"<(?:\w+:)?\w+>", _value(raw), template)
    for path in PAGE_PATHS:
        for name in PARAMETERS:
            for raw in HOSTILE:
                yield f"{path}?{name}={_value(raw)}"
    for raw in HOSTILE:
        yield f"/verkostot/{_value(raw)}/"


@pytest.fixture
def readers(demo_site, client, django_user_model):
    client.raise_request_exception = False  # a server error is a 500 answer, as for a reader

    def as_(username):
        client.logout()
        if username:
            client.force_login(django_user_model.objects.get(username=username))
        return client

    return as_


def test_the_walk_covers_the_sites_own_and_wagtails_routes():
    templates = url_templates()
    assert "/liity/<int:body_id>/" in templates and "/sv/ansok/<int:body_id>/" in templates
    assert "/api/v2/pages/<int:pk>/" in templates
    assert any(t.startswith("/admin/") for t in templates)
    assert any(t.startswith("/sv/") for t in templates)


@pytest.mark.parametrize("username", [None, "jasen-hr"], ids=["visitor", "member"])
def test_no_hostile_value_gets_a_server_error(readers, username):
    client = readers(username)
    failures = []
    for url in hostile_urls(with_admin=username is None):
        response = client.get(url)
        if response.status_code >= 500:
            failures.append(f"{response.status_code} {url[:120]}")
    assert not failures, "\n".join(failures)
