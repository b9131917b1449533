"""axe-core (WCAG 2.1 A and AA) on every page type of the demo, in Finnish and in Swedish.

The pages are found at test time (demo_pages.py); members-only pages are opened logged in."""

import pytest

from .axe import axe_violations, format_violations
from .demo_pages import KINDS, LANGUAGES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_no_axe_violations(site_url, demo_pages, new_page, kind, lang):
    path, user = demo_pages.resolve(kind, lang)
    page = new_page(user)
    response = page.goto(site_url + path)
    expected = 404 if kind == "not-found" else 200
    assert response is not None and response.status == expected, (
        f"GET {path} as {user or 'a visitor'} -> {response and response.status}"
    )
    assert page.evaluate("document.documentElement.lang") == lang
    violations = axe_violations(page)
    assert not violations, (
        f"axe-core on {kind} ({lang}) {path} as {user or 'a visitor'}:\n"
        f"{format_violations(violations)}"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_axe_violations_in_a_form_with_errors(site_url, demo_pages, page, lang):
    """The join form sent empty comes back with its errors, which must be as accessible."""
    path, _ = demo_pages.resolve("join-request", lang)
    page.goto(site_url + path)
    with page.expect_navigation() as navigation:
        page.locator("main form button[type=submit]").click()
    assert navigation.value.status == 200
    assert page.locator("main form .error").count() >= 1, "the empty form was not refused"
    violations = axe_violations(page)
    assert not violations, f"axe-core on {path} with errors:\n{format_violations(violations)}"
