"""Every page type renders in Finnish and Swedish with its language and a working switcher."""

import re

import pytest
from wagtail.models import Locale

from demo.tests.test_demo import PAGE_TYPES
from home.models import HomePage
from networks.models import BodyIndexPage, FolderPage, MinutesPage

pytestmark = pytest.mark.django_db

SWITCHER = re.compile(r'<nav class="language-switcher".*?</nav>', re.S)


def public_page(page_type, language):
    """A page of this type that a visitor may see (minutes are members-only in the demo)."""
    pages = page_type.objects.live().public().filter(locale__language_code=language)
    if page_type is MinutesPage:
        pages = page_type.objects.live().filter(locale__language_code=language)
    return pages.order_by("path").first()


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda m: m.__name__)
@pytest.mark.parametrize("language,other", [("fi", "sv"), ("sv", "fi")])
def test_page_renders_with_language_and_switcher(
    demo_site, admin_client, page_type, language, other
):
    page = public_page(page_type, language)
    response = admin_client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    switcher = SWITCHER.search(html).group(0)
    translation = page.get_translation(Locale.objects.get(language_code=other))
    assert f'href="{translation.url}" hreflang="{other}" lang="{other}"' in switcher
    # Absolute, on SITE_URL (the test settings' http://localhost).
    alternate = f"http://localhost{translation.url}"
    assert f'<link rel="alternate" hreflang="{other}" href="{alternate}">' in html
    back = admin_client.get(translation.url)
    assert back.status_code == 200
    assert f'<html lang="{other}">' in back.content.decode()


def test_untranslated_page_switches_to_nearest_translated_ancestor(demo_site, client):
    sv = Locale.objects.get(language_code="sv")
    from wagtail.models import Page

    untranslated = next(
        p
        for p in Page.objects.live().filter(locale__language_code="fi", depth__gt=2)
        if p.get_translation_or_none(sv) is None
    )
    html = client.get(untranslated.url).content.decode()
    parent_sv = untranslated.get_parent().get_translation(sv)
    switcher = SWITCHER.search(html).group(0)
    assert f'href="{parent_sv.url}"' in switcher
    assert 'class="notice"' in switcher


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_members_only_folder_is_restricted_in_both_languages(
    demo_site, client, django_user_model, language
):
    folder = FolderPage.objects.get(
        slug__in=["jasenaineisto", "medlemsmaterial"],
        locale__language_code=language,
        url_path__contains="hr-",
    )
    assert folder.get_view_restrictions().exists()
    anonymous = client.get(folder.url)
    login = {"fi": "/kirjaudu/", "sv": "/sv/logga-in/"}[language]
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(f"{login}?next=")
    client.force_login(django_user_model.objects.get(username="jasen-tyosuojelu"))
    other_network = client.get(folder.url)
    assert other_network.status_code != 200
    client.force_login(django_user_model.objects.get(username="jasen-hr"))
    member = client.get(folder.url)
    assert member.status_code == 200
    assert "HR-verkoston jäsenluettelo 2020" in member.content.decode()


def test_private_pages_and_documents_stay_out_of_api_and_sitemap(demo_site, client):
    pages = client.get("/api/v2/pages/", {"limit": 100, "type": "networks.FolderPage"}).json()
    titles = [item["title"] for item in pages["items"]]
    assert titles and not any("jäsenaineisto" in t or "medlemsmaterial" in t for t in titles)
    documents = client.get("/api/v2/documents/", {"limit": 100}).json()
    doc_titles = [item["title"] for item in documents["items"]]
    assert "Työväkivallan hallinta kunta-alan työpaikoilla" in doc_titles
    assert "HR-verkoston jäsenluettelo 2020" not in doc_titles
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "hr-verkosto/" in sitemap
    assert "jasenaineisto" not in sitemap and "poytakirja" not in sitemap


def test_search_page_finds_public_pages(demo_site, client):
    response = client.get("/haku/", {"q": "HR-verkosto"})
    assert response.status_code == 200
    assert "HR-verkosto" in response.content.decode()


def test_programme_lists_its_funders_by_name(demo_site, client):
    """The demo invents no logos: a funder without a logo file is its name in a box."""
    from networks.models import ProgrammePage

    html = client.get(ProgrammePage.objects.get(locale__language_code="fi").url).content.decode()
    logos = re.search(r'<ul class="logos">.*?</ul>', html, re.S).group(0)
    assert "EU-lippu" in logos and logos.count("<li>") == 4
    assert "<img" not in logos


def test_a_logo_with_an_image_has_its_name_as_alt_text_and_loads(demo_site, client):
    from wagtail_factories import ImageFactory

    from networks.blocks import LogoBlock

    block = LogoBlock()
    image = ImageFactory(title="EU-lippu")
    html = block.render(block.to_python({"name": "EU-lippu", "image": image.pk, "url": ""}))
    assert re.search(r'<img[^>]*alt="EU-lippu"', html)
    source = re.search(r'src="([^"]+)"', html).group(1)
    assert client.get(source).status_code == 200


def test_private_document_needs_login_and_public_one_downloads(
    demo_site, client, django_user_model
):
    from networks.models import Material

    private = Material.objects.get(title="HR-verkoston jäsenluettelo 2020")
    response = client.get(private.url)
    assert response.status_code == 302 and "kirjaudu" in response["Location"]
    client.force_login(django_user_model.objects.get(username="jasen-hr"))
    assert client.get(private.url).status_code == 200
    public = Material.objects.get(title="Työväkivallan hallinta kunta-alan työpaikoilla")
    client.logout()
    download = client.get(public.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


MAIN_NAV = re.compile(r'<nav class="main-nav".*?</nav>', re.S)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_main_menu_marks_the_section_the_page_is_in(demo_site, client, language):
    """The section's own page is the current page; a page under it is in the current section."""
    home = HomePage.objects.get(locale__language_code=language)
    section = BodyIndexPage.objects.get(locale__language_code=language)
    assert section.get_parent().pk == home.pk and section.show_in_menus
    menu = MAIN_NAV.search(client.get(section.url).content.decode()).group(0)
    assert f'<a href="{section.url}" aria-current="page">{section.title}</a>' in menu
    assert menu.count("aria-current") == 1

    body = section.get_children().live().public().first()
    menu = MAIN_NAV.search(client.get(body.url).content.decode()).group(0)
    assert f'<a href="{section.url}" aria-current="true">{section.title}</a>' in menu
    assert menu.count("aria-current") == 1

    menu = MAIN_NAV.search(client.get(home.url).content.decode()).group(0)
    assert "aria-current" not in menu
