"""Security headers: a strict policy on the site, the admin's own under /admin/, no outside host."""

import re

import pytest

pytestmark = pytest.mark.django_db

OUTSIDE_HOST = re.compile(r"https?:|//|\*|[a-z0-9-]+\.[a-z]{2,}", re.I)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<style|\sstyle=", re.I)


def directives(header):
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


@pytest.mark.parametrize("url", ["/", "/sv/natverk/hr-natverket/", "/kirjaudu/"])
def test_site_pages_have_a_strict_policy_without_outside_hosts(demo_site, client, url):
    response = client.get(url)
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["base-uri"] == ["'self'"]
    assert not OUTSIDE_HOST.search(response["Content-Security-Policy"])
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    # The policy blocks inline scripts and styles: the pages must not need any.
    html = response.content.decode()
    assert not INLINE_SCRIPT.search(html)
    assert not INLINE_STYLE.search(html)


def test_members_page_works_under_the_policy(client, hr_member):
    client.force_login(hr_member)
    response = client.get("/omat-verkostot/")
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    html = response.content.decode()
    assert not INLINE_SCRIPT.search(html)
    assert not INLINE_STYLE.search(html)


def test_admin_allows_inline_code_but_no_outside_host(demo_site, admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    header = response["Content-Security-Policy"]
    policy = directives(header)
    assert "'unsafe-inline'" in policy["script-src"]
    assert "'unsafe-inline'" in policy["style-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert not OUTSIDE_HOST.search(header)
    # User avatars would come from gravatar.com.
    assert "gravatar" not in response.content.decode()


def test_session_cookie_is_http_only_and_same_site(demo_site, client, settings):
    response = client.post(
        "/kirjaudu/", {"username": "jasen-hr", "password": settings.DEMO_PASSWORD}
    )
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_admin_preview_of_a_page_has_the_site_policy_framed_by_the_admin(demo_site):
    from networks.models import BodyPage

    hr = BodyPage.objects.get(slug="hr-verkosto", locale__language_code="fi")
    response = hr.make_preview_request(preview_mode="")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
