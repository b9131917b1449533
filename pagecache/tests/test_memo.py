"""Routes, menus, breadcrumbs and view restrictions are remembered between requests, and a
change to the content shows on the very next request, for members (never page-cached) too."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from home.models import HomePage, StandardPage
from networks.models import FolderPage, KnowledgeBankPage

pytestmark = pytest.mark.django_db


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_a_second_request_skips_the_walk_down_the_tree(client, hr, hr_member):
    client.force_login(hr_member)
    first = queries(client, hr.url)
    assert queries(client, hr.url) <= first - 5


def test_wagtail_still_keeps_its_route_where_pagecache_views_sets_and_reads_it(rf, hr):
    """pagecache/views.py hands Wagtail the remembered route in Wagtail's private
    `request._wagtail_route_for_request`, and reads the route Wagtail found from there. If a
    Wagtail upgrade renames or drops it, this fails loudly instead of members' pages quietly
    walking the tree again on every request (2 to 8 queries more each)."""
    import inspect

    from wagtail import views as wagtail_views
    from wagtail.models import Page

    # Wagtail's page view routes through Page.route_for_request...
    assert "route_for_request(" in inspect.getsource(wagtail_views.serve)
    # ...which takes a route already on the request instead of walking the tree...
    request = rf.get("/elsewhere/")
    request._wagtail_route_for_request = route = hr.route(request, [])
    assert Page.route_for_request(request, "elsewhere/") is route
    # ...and leaves the route it walked to there.
    request = rf.get(hr.url)
    found = Page.route_for_request(request, hr.url.lstrip("/"))
    assert found.page.pk == hr.pk and request._wagtail_route_for_request is found


def test_wagtail_still_takes_the_site_where_generation_memo_sets_it(rf, hr):
    """generation/memo.py:site_for_request sets the remembered site in Wagtail's private
    `request._wagtail_site`, so Wagtail's own `Site.find_for_request` (page URLs, menus, the
    serve view) does not query for it again. If a Wagtail upgrade stops reading it there, this
    fails instead of every page quietly asking the database for its site once more."""
    from django.db import connection as db
    from wagtail.models import Site

    from generation.memo import site_for_request

    request = rf.get(hr.url)
    site = site_for_request(request)
    assert site is not None
    assert site.root_page_id == Site.objects.get(is_default_site=True).root_page_id
    with CaptureQueriesContext(db) as captured:
        assert Site.find_for_request(request) is site
    assert len(captured) == 0
    # A fresh request to the same host is answered from memory, not the database.
    again = rf.get(hr.url)
    with CaptureQueriesContext(db) as captured:
        assert site_for_request(again).pk == site.pk
    assert Site.find_for_request(again).pk == site.pk
    assert not [q for q in captured if "wagtailcore_site" in q["sql"]]


def test_a_renamed_page_moves_at_once(client, hr, hr_member):
    client.force_login(hr_member)
    old_url = hr.url
    client.get(old_url)
    hr.slug = "hr-verkosto-uusi"
    hr.save_revision().publish()
    assert client.get(old_url).status_code in (301, 302, 404)
    assert client.get(hr.url.replace("hr-verkosto/", "hr-verkosto-uusi/")).status_code == 200


def test_an_unpublished_page_is_gone_at_once(client, hr, hr_member):
    client.force_login(hr_member)
    assert client.get(hr.url).status_code == 200
    hr.unpublish()
    assert client.get(hr.url).status_code == 404


def test_the_menu_and_breadcrumbs_follow_a_publish(client, hr, hr_member):
    client.force_login(hr_member)
    home = HomePage.objects.get(locale__language_code="fi")
    assert "Ajankohtaista KT:ltä" not in client.get(hr.url).content.decode()
    news = StandardPage(title="Ajankohtaista KT:ltä", slug="ajankohtaista", show_in_menus=True)
    home.add_child(instance=news)
    news.save_revision().publish()
    assert ">Ajankohtaista KT:ltä</a></li>" in client.get(hr.url).content.decode()

    parent = hr.get_parent().specific
    parent.title = "Kaikki verkostot"
    parent.save_revision().publish()
    crumbs = client.get(hr.url).content.decode().split('class="breadcrumbs')[1]
    assert ">Kaikki verkostot</a>" in crumbs.split("</nav>")[0]


def test_a_new_restriction_applies_on_the_next_request(client, demo_site):
    folder = KnowledgeBankPage.objects.live().public().filter(locale__language_code="fi").first()
    body = folder.get_parent()
    assert f">{folder.title}<" in client.get(body.url).content.decode()
    PageViewRestriction.objects.create(page=folder, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(folder.url).status_code == 302
    assert f">{folder.title}<" not in client.get(body.url).content.decode()
    search = client.get("/haku/", {"q": folder.title}).content.decode()
    assert f">{folder.title}<" not in search


def test_joining_and_leaving_a_group_applies_on_the_next_request(client, hr, django_user_model):
    folder = FolderPage.objects.child_of(hr).get(slug="jasenaineisto")
    group = folder.get_view_restrictions().get().groups.first()
    user = django_user_model.objects.create_user("uusi-jasen", password="x" * 12)
    client.force_login(user)
    link = f'<a href="{folder.url}">{folder.title}</a>'
    assert link not in client.get(hr.url).content.decode()
    user.groups.add(group)
    assert link in client.get(hr.url).content.decode()
    assert client.get(folder.url).status_code == 200
    user.groups.remove(group)
    assert link not in client.get(hr.url).content.decode()
    assert client.get(folder.url).status_code != 200
