"""End-to-end: the demo site's key pages in both languages, the language switcher,
and axe-core (WCAG 2.1 A/AA) on each page."""

from urllib.parse import urlparse

import pytest

from .axe import axe_violations, format_violations

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


@pytest.mark.parametrize(("path", "lang", "other_path", "other_lang"), PAGES, ids=IDS)
def test_no_axe_violations(site_url, page, path, lang, other_path, other_lang):
    response = page.goto(site_url + path)
    assert response is not None and response.status == 200
    violations = axe_violations(page)
    assert not violations, f"axe-core on {path}:\n{format_violations(violations)}"
