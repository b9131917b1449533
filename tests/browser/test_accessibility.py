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
