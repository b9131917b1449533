"""End-to-end: the demo site's key pages in both languages and the language switcher.
axe-core runs on every page type in test_accessibility.py."""

from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser

# (path, its language, the same page in the other language, that language)
PAGES = [
    ("/", "fi", "/sv/", "sv"),
    ("/sv/", "sv", "/", "fi"),
    ("/verkostot/hr-verkosto/", "fi", "/sv/natverk/hr-natverket/", "sv"),
    ("/sv/natverk/hr-natverket/", "sv", "/verkostot/hr-verkosto/", "fi"),
]
IDS = ["home-fi", "home-sv", "hr-network-fi", "hr-network-sv"]


def html_lang(page):
    return page.evaluate("document.documentElement.getAttribute('lang')")


@pytest.mark.parametrize(("path", "lang", "other_path", "other_lang"), PAGES, ids=IDS)
def test_page_loads_in_its_language(site_url, page, path, lang, other_path, other_lang):
    response = page.goto(site_url + path)
    assert response is not None and response.status == 200, (
        f"GET {path} -> {response and response.status}"
    )
    assert html_lang(page) == lang


@pytest.mark.parametrize(("path", "lang", "other_path", "other_lang"), PAGES, ids=IDS)
def test_language_switcher_goes_to_same_page(site_url, page, path, lang, other_path, other_lang):
    page.goto(site_url + path)
    link = page.locator(f'nav.language-switcher a[hreflang="{other_lang}"]')
    assert link.count() >= 1, f'no <nav class="language-switcher"> link to {other_lang} on {path}'
    assert link.first.get_attribute("lang") == other_lang
    with page.expect_navigation():
        link.first.click()
    assert urlparse(page.url).path == other_path
    assert html_lang(page) == other_lang
