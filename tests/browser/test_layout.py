"""The layout holds on a 320 px wide screen and at 200% zoom (WCAG 1.4.10 reflow): no
horizontal scrolling, and the main content stays on the screen."""

import pytest

from .demo_pages import KINDS, LANGUAGES

pytestmark = pytest.mark.browser

ZOOM_PAGES = ["home", "network", "meeting", "minutes", "search", "member-home"]

# The widest elements that stick out of the viewport, outside containers that scroll on their
# own (a wide table in .table-wrap scrolls inside itself, which reflow allows).
OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    const scrollsItself = (el) => {
        for (let p = el.parentElement; p; p = p.parentElement) {
            if (p === document.body || p === document.documentElement) return false;
            const o = getComputedStyle(p).overflowX;
            if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
        }
        return false;
    };
    const out = [];
    for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width && r.right > width + 0.5 && !scrollsItself(el)) {
            out.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}`
                     + `${el.className ? '.' + String(el.className).replace(/ /g, '.') : ''}`
                     + ` right=${Math.round(r.right)} ${(el.innerText || '').slice(0, 40)}`);
        }
    }
    return {scrollWidth: document.documentElement.scrollWidth, width: width,
            offenders: out.slice(-8)};
}"""


def open_page(site_url, page, path, kind):
    response = page.goto(site_url + path)
    expected = 404 if kind == "not-found" else 200
    assert response is not None and response.status == expected, f"GET {path}"


def assert_no_horizontal_scroll(page, what):
    found = page.evaluate(OVERFLOW)
    assert found["scrollWidth"] <= found["width"], (
        f"{what} scrolls sideways: scrollWidth {found['scrollWidth']} > {found['width']}; "
        "sticking out:\n" + "\n".join(found["offenders"])
    )


def assert_main_content_on_screen(page, what):
    heading = page.locator("main h1").first
    assert heading.is_visible(), f"{what}: the main heading is not visible"
    box = heading.bounding_box()
    width = page.evaluate("document.documentElement.clientWidth")
    assert box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5, (
        f"{what}: the main heading is outside the screen ({box})"
    )
    main = page.locator("main").bounding_box()
    assert main["width"] >= width * 0.8, f"{what}: the main content is squeezed to {main}"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_320px_wide(site_url, demo_pages, new_page, kind, lang):
    path, user = demo_pages.resolve(kind, lang)
    page = new_page(user, viewport={"width": 320, "height": 640})
    open_page(site_url, page, path, kind)
    assert page.evaluate("innerWidth") == 320
    what = f"{path} at 320 px"
    assert_no_horizontal_scroll(page, what)
    assert_main_content_on_screen(page, what)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", ZOOM_PAGES)
def test_200_percent_zoom(site_url, demo_pages, new_page, kind, lang):
    """A 1280 × 900 window zoomed to 200%: 640 × 450 CSS pixels, two device pixels each."""
    path, user = demo_pages.resolve(kind, lang)
    page = new_page(user, viewport={"width": 640, "height": 450}, device_scale_factor=2)
    open_page(site_url, page, path, kind)
    assert page.evaluate("devicePixelRatio") == 2
    what = f"{path} at 200% zoom"
    assert_no_horizontal_scroll(page, what)
    assert_main_content_on_screen(page, what)
    # The header does not cover the screen: the main heading is reached by scrolling down.
    page.locator("main h1").first.scroll_into_view_if_needed()
    assert page.locator("main h1").first.is_visible()
