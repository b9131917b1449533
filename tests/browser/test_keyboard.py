"""Keyboard-only use: the skip link comes first and moves focus to the main content, every
focused link, button and field shows where the focus is, and the language switcher and the
search field are reached with Tab (and the search works from the keyboard)."""

import re

import pytest
from playwright.sync_api import expect

from .demo_pages import LANGUAGES, SEARCH_WORDS

pytestmark = pytest.mark.browser

# Enough Tab presses to go through the header and into the main content.
MAX_TABS = 40

# The focused element and its outline, with the outline's contrast against the colour around
# it: the first opaque background under a point just outside the ring on each of the four
# sides (white if none). A neighbouring control may touch one side.
FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    const rgba = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
    const luminance = ([r, g, b]) => {
        const lin = (v) => {
            v /= 255;
            return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const background = (x, y) => {
        for (const under of document.elementsFromPoint(x, y)) {
            if (under === el || el.contains(under)) continue;
            const bg = rgba(getComputedStyle(under).backgroundColor);
            if (bg.length >= 3 && (bg.length < 4 || bg[3] > 0)) {
                return [bg.slice(0, 3), under.tagName.toLowerCase() + '.' + under.className];
            }
        }
        return [[255, 255, 255], 'page'];
    };
    const contrast = (a, b) => {
        const [l1, l2] = [luminance(a), luminance(b)].sort((p, q) => q - p);
        return Math.round((l1 + 0.05) / (l2 + 0.05) * 100) / 100;
    };
    const ring = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth) + 1;
    const midX = rect.left + rect.width / 2, midY = rect.top + rect.height / 2;
    const sides = [[rect.left - ring, midY], [rect.right + ring, midY],
                   [midX, rect.top - ring], [midX, rect.bottom + ring]].map(([x, y]) => {
        const [bg, of] = background(x, y);
        const on = `rgb(${bg.join(', ')}) of ${of}`;
        return {contrast: contrast(rgba(style.outlineColor), bg), on: on};
    });
    return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        classes: el.className,
        href: el.getAttribute('href'),
        text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 60),
        inHeader: !!el.closest('header'),
        inSwitcher: !!el.closest('nav.language-switcher'),
        inMain: !!el.closest('main'),
        outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
        outlineVisible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
        boxShadow: style.boxShadow,
        sides: sides,
        onScreen: rect.width > 0 && rect.height > 0 && rect.right > 0 && rect.bottom > 0
                  && rect.left < innerWidth && rect.top < innerHeight,
    };
}"""


def tab_through(page, count=MAX_TABS):
    """Press Tab `count` times; return what had the focus after each press."""
    stops = []
    for _ in range(count):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
    return stops


def describe(stop):
    return f"<{stop['tag']} id={stop['id']!r} href={stop['href']!r}> {stop['text']!r}"


def home_path(demo_pages, lang):
    return demo_pages.resolve("home", lang)[0]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_skip_link_is_first_and_moves_focus_to_main(site_url, demo_pages, page, lang):
    path, _ = demo_pages.resolve("network", lang)
    page.goto(site_url + path)
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED)
    assert first is not None and "skip-link" in first["classes"], (
        f"the first Tab on {path} focuses {first and describe(first)}, not the skip link"
    )
    assert first["onScreen"], "the skip link is focused but not shown on the screen"
    assert first["outlineVisible"] or first["boxShadow"] != "none"
    page.keyboard.press("Enter")
    # (expect() waits for the browser to report the in-page navigation.)
    expect(page).to_have_url(re.compile(r"#main$"))
    expect(page.locator("main#main")).to_be_focused()
    # The next Tab continues inside the main content, not back in the header.
    page.keyboard.press("Tab")
    after = page.evaluate(FOCUSED)
    assert after is not None and not after["inHeader"], (
        f"Tab after the skip link went to {after and describe(after)}"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", ["home", "network", "search"])
def test_focus_is_visible(site_url, demo_pages, page, kind, lang):
    path, _ = demo_pages.resolve(kind, lang)
    page.goto(site_url + path)
    stops = [stop for stop in tab_through(page) if stop is not None]
    tags = {stop["tag"] for stop in stops}
    assert {"a", "input", "button"} <= tags, f"Tab on {path} only reached {tags}"
    invisible = [
        f"{describe(stop)} outline: {stop['outline']}, box-shadow: {stop['boxShadow']}"
        for stop in stops
        if not (stop["outlineVisible"] or stop["boxShadow"] != "none")
    ]
    assert not invisible, f"focus not visible on {path}:\n" + "\n".join(invisible)
    # WCAG 1.4.11: the focus indicator needs 3:1 against the colours around it (at least
    # three of its four sides: a neighbouring field may touch the fourth).
    faint = [
        f"{describe(stop)} outline {stop['outline']}: "
        + "; ".join(f"{side['contrast']}:1 on {side['on']}" for side in stop["sides"])
        for stop in stops
        if stop["outlineVisible"] and sum(side["contrast"] >= 3 for side in stop["sides"]) < 3
    ]
    assert not faint, f"focus outline below 3:1 on {path}:\n" + "\n".join(faint)
    hidden = [describe(stop) for stop in stops if not stop["onScreen"]]
    assert not hidden, f"focus went to elements off the screen on {path}:\n" + "\n".join(hidden)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_switcher_and_search_reached_by_tab(site_url, demo_pages, page, lang):
    path = home_path(demo_pages, lang)
    page.goto(site_url + path)
    stops = tab_through(page)
    switcher = [i for i, stop in enumerate(stops) if stop and stop["inSwitcher"]]
    search = [i for i, stop in enumerate(stops) if stop and stop["id"] == "site-search"]
    assert switcher, f"no language switcher link among the first {MAX_TABS} Tab stops on {path}"
    assert search, f"the search field is not among the first {MAX_TABS} Tab stops on {path}"

    # Searching with the keyboard only: Tab to the field, type, Enter.
    page.goto(site_url + path)
    for _ in range(search[0] + 1):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "site-search"
    page.keyboard.type(SEARCH_WORDS[lang])
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("ol.results > li").count() > 0, f"no results for {SEARCH_WORDS[lang]}"

    # Switching the language with the keyboard only.
    page.goto(site_url + path)
    for _ in range(switcher[0] + 1):
        page.keyboard.press("Tab")
    other = page.evaluate("document.activeElement.getAttribute('hreflang')")
    assert other and other != lang
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.lang") == other
