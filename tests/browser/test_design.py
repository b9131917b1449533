"""The design on a desktop and a phone (issue 22): every page type in Finnish and Swedish at
1280 px and at 375 × 740 px, saved as screenshots (test-output/screenshots/design-*) and checked
with axe; on the phone the header takes at most a fifth of the screen and no table scrolls
sideways; the search page shows its first result above the fold; and three journeys a visitor
makes on a phone: Tekry's chair, the HR network's next meeting, a document in the
occupational-safety knowledge bank."""

import re

import pytest
from playwright.sync_api import expect

from .axe import axe_violations, format_violations
from .conftest import SCREENSHOTS
from .demo_pages import KINDS, LANGUAGES

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
# A fifth of the phone's height.
HEADER_MAX = PHONE["height"] // 5

LABELS = {
    "fi": {"menu": "Valikko", "chair": "Puheenjohtaja", "next": "Seuraava kokous"},
    "sv": {"menu": "Meny", "chair": "Ordförande", "next": "Nästa möte"},
}

# Tables wider than their box, or cells cut off: what a sideways scroll would hide.
TABLES_OVERFLOWING = """() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('main table')].filter((table) => {
        const box = table.getBoundingClientRect();
        return box.right > width + 0.5 || table.scrollWidth > table.clientWidth + 0.5
            || [...table.querySelectorAll('tbody td, tbody th')].some((cell) => {
                const r = cell.getBoundingClientRect();
                return r.width && r.right > width + 0.5;
            });
    }).map((table) => table.className || 'table');
}"""


def open_kind(site_url, page, path, kind):
    response = page.goto(site_url + path)
    expected = 404 if kind == "not-found" else 200
    assert response is not None and response.status == expected, f"GET {path}"


def save(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"design-{name}.png"), full_page=True)


def assert_no_axe_violations(page, what):
    violations = axe_violations(page)
    assert not violations, f"axe-core on {what}:\n{format_violations(violations)}"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_page_type_on_desktop_and_phone(site_url, demo_pages, new_page, kind, lang):
    path, user = demo_pages.resolve(kind, lang)
    page = new_page(user, viewport=DESKTOP)
    open_kind(site_url, page, path, kind)
    save(page, f"{kind}-{lang}-1280")
    assert_no_axe_violations(page, f"{kind} ({lang}) {path} at 1280 px")

    page.set_viewport_size(PHONE)
    open_kind(site_url, page, path, kind)
    save(page, f"{kind}-{lang}-375")
    header = page.locator("header.site-header").bounding_box()
    assert header["height"] <= HEADER_MAX, (
        f"{path} at 375 × 740: the header is {header['height']} px high (at most {HEADER_MAX})"
    )
    assert page.evaluate(TABLES_OVERFLOWING) == [], f"{path}: a table scrolls sideways"
    assert_no_axe_violations(page, f"{kind} ({lang}) {path} at 375 px")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_phone_menu_opens_and_closes(site_url, demo_pages, new_page, lang):
    page = new_page(viewport=PHONE)
    page.goto(site_url + demo_pages.resolve("network", lang)[0])
    button = page.get_by_role("button", name=LABELS[lang]["menu"])
    navigation = page.locator("nav.main-nav")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(navigation).to_be_hidden()
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(navigation).to_be_visible()
    expect(page.locator("nav.language-switcher a").first).to_be_visible()
    page.keyboard.press("Escape")
    expect(navigation).to_be_hidden()
    expect(button).to_be_focused()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_first_search_result_is_above_the_fold_on_a_phone(site_url, demo_pages, new_page, lang):
    page = new_page(viewport=PHONE)
    page.goto(site_url + demo_pages.resolve("search", lang)[0])
    first = page.locator("ol.results > li").first
    expect(first).to_be_visible()
    box = first.bounding_box()
    assert box["y"] < PHONE["height"], f"the first result starts {box['y']} px down"
    # The facets are there, folded under the results, and open with a tap.
    fold = page.locator("details.facets-fold")
    expect(fold).not_to_have_attribute("open", "")
    assert fold.bounding_box()["y"] > box["y"]
    fold.locator("summary").click()
    expect(fold.locator("nav.facets a").first).to_be_visible()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_facets_are_open_beside_the_results_on_a_desktop(
    site_url, demo_pages, new_page, lang
):
    page = new_page(viewport=DESKTOP)
    page.goto(site_url + demo_pages.resolve("search", lang)[0])
    facets = page.locator("nav.facets")
    expect(facets.locator("a").first).to_be_visible()
    results = page.locator("ol.results").bounding_box()
    assert facets.bounding_box()["x"] < results["x"], "the facets are not beside the results"


# ------------------------------------------------------------------ journeys on a phone


def open_menu_and_follow(page, href):
    page.locator(".menu-button").click()
    link = page.locator(f'nav.main-nav a[href="{href}"]')
    expect(link).to_be_visible()
    with page.expect_navigation():
        link.click()


def follow(page, locator):
    expect(locator).to_be_visible()
    with page.expect_navigation():
        locator.click()


def fact(page, label):
    """The value beside a label in the page's facts box."""
    term = page.locator("dl.facts dt", has_text=re.compile(f"^{label}$"))
    expect(term).to_be_visible()
    return term.locator("xpath=following-sibling::dd[1]")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_visitor_on_a_phone_finds_tekrys_chair(site_url, demo_pages, new_page, lang):
    page = new_page(viewport=PHONE)
    page.goto(site_url + demo_pages.resolve("home", lang)[0])
    open_menu_and_follow(page, demo_pages.resolve("programme", lang)[0])
    follow(page, page.locator("main .cards a", has_text="Tekry").first)
    chair = fact(page, LABELS[lang]["chair"])
    expect(chair).to_have_text(re.compile(r"\w+ \w+"))
    # The chair is on the first screen, not far down the page.
    assert chair.bounding_box()["y"] < PHONE["height"] * 1.5


@pytest.mark.parametrize("lang", LANGUAGES)
def test_visitor_on_a_phone_finds_the_hr_networks_next_meeting(
    site_url, demo_pages, new_page, lang
):
    page = new_page(viewport=PHONE)
    page.goto(site_url + demo_pages.resolve("home", lang)[0])
    open_menu_and_follow(page, demo_pages.resolve("body-index", lang)[0])
    follow(page, page.locator("main .cards a", has_text="HR-").first)
    assert page.locator("main h1").inner_text().replace("\u00ad", "").startswith("HR-")
    next_meeting = fact(page, LABELS[lang]["next"])
    assert next_meeting.bounding_box()["y"] < PHONE["height"], "the next meeting is below the fold"
    when = next_meeting.locator("a")
    expect(when).to_have_text(re.compile(r"20\d\d"))
    follow(page, when)
    expect(page.locator("main dl.facts")).to_contain_text(re.compile(r"20\d\d"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_visitor_on_a_phone_finds_a_document_in_the_safety_knowledge_bank(
    site_url, demo_pages, new_page, lang
):
    page = new_page(viewport=PHONE)
    bank = next(
        demo_pages.path(item)
        for item in demo_pages.api_pages("networks.KnowledgeBankPage", lang)
        if re.search(r"tyosuojelu|arbetarskydd", demo_pages.path(item))
    )
    network = bank.rstrip("/").rsplit("/", 1)[0] + "/"
    page.goto(site_url + demo_pages.resolve("home", lang)[0])
    open_menu_and_follow(page, demo_pages.resolve("body-index", lang)[0])
    follow(page, page.locator(f'main .cards a[href="{network}"]'))
    follow(page, page.locator(f'main a[href="{bank}"]').first)
    # The knowledge bank says how many documents it lists, and each is a labelled card.
    expect(page.locator("main .result-count")).to_have_text(re.compile(r"^[1-9]\d* "))
    document = page.locator("main table.stack td a").first
    expect(document).to_be_visible()
    href = document.get_attribute("href")
    assert href.startswith("/documents/"), href
    response = page.request.get(site_url + href)
    assert response.status == 200, f"GET {href} -> {response.status}"
