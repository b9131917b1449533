"""Nothing members-only shows up for anyone else: pages, search, counts, API, sitemap, files."""

import pytest

from networks.models import Material
from tests.leak_endpoints import ENDPOINTS, SECRETS

pytestmark = pytest.mark.django_db

USERS = {None: set(), "jasen-hr": {"hr"}, "jasen-tyosuojelu": {"tyosuojelu"}}


def fetch_all(client):
    pages = {}
    for url in ENDPOINTS:
        response = client.get(url)
        assert response.status_code in (200, 302), url  # 302: the login page for members' pages
        pages[url] = response.content.decode()
    return pages


@pytest.mark.parametrize("username", list(USERS), ids=lambda u: u or "anonymous")
def test_private_material_shows_only_to_its_members(demo_site, client, django_user_model, username):
    if username:
        client.force_login(django_user_model.objects.get(username=username))
    pages = fetch_all(client)
    for network, secrets in SECRETS.items():
        if network in USERS[username]:
            # The reverse: each secret is there for its own members somewhere, so the sweep
            # cannot pass by looking where nothing is.
            for secret in secrets:
                assert any(secret in html for html in pages.values()), (
                    f"{secret!r} is not shown even to {username}: the sweep would check nothing"
                )
            continue
        for url, html in pages.items():
            for secret in secrets:
                assert secret not in html, f"{secret!r} leaks to {username or 'a visitor'} at {url}"


@pytest.mark.parametrize("username", ["jasen-hr", "jasen-tyosuojelu"])
def test_members_find_their_own_private_material(demo_site, client, django_user_model, username):
    client.force_login(django_user_model.objects.get(username=username))
    own = "Kaisaniemi" if username == "jasen-hr" else "Lokkiluoto"
    html = client.get("/haku/", {"q": own}).content.decode()
    assert f"<mark>{own}" in html


def test_search_counts_do_not_reveal_private_hits(demo_site, client):
    html = client.get("/haku/", {"q": "jäsenluettelo"}).content.decode()
    public = Material.objects.filter(title__icontains="jäsen", collection__view_restrictions=None)
    status = html.split('role="status">')[1].split(" ")[0]
    assert int(status) <= public.count()


@pytest.mark.parametrize("username", list(USERS), ids=lambda u: u or "anonymous")
def test_private_files_open_only_for_members(demo_site, client, django_user_model, username):
    if username:
        client.force_login(django_user_model.objects.get(username=username))
    for network, title in (
        ("hr", "HR-verkoston jäsenluettelo 2020"),
        ("tyosuojelu", "Verkkotapaamisten muistiot 2020"),
    ):
        status = client.get(Material.objects.get(title=title).url).status_code
        if network in USERS[username]:
            assert status == 200
        else:
            assert status in (302, 404), (username, title, status)
