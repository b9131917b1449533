"""The site's users, the way they use it, in a real browser: a visitor browses and searches,
a member finds members-only minutes and opens a private document, an editor creates a meeting
with minutes that a publisher approves and that are approved at the next meeting, and a
translator translates a page into Swedish.

The last page of each journey is saved under test-output/screenshots/."""

import re
import uuid
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from .demo_pages import LANGUAGES, MEMBER

pytestmark = pytest.mark.browser

# A word as people write it and the inflected or compound forms the demo has
# (työsuojelupäälliköiden, arbetarskyddscheferna).
VISITOR_SEARCH = {"fi": "työsuojelupäällikkö", "sv": "arbetarskyddschef"}
# What a member of the HR network looks for: minutes, and the network's member list.
MEMBER_SEARCH = {
    "fi": {"minutes": "pöytäkirja", "material": "jäsenluettelo"},
    "sv": {"minutes": "protokoll", "material": "medlemsmaterial"},
}
DOCUMENT_TYPES = (
    "application/pdf",
    "application/vnd.openxmlformats-officedocument",
    "application/vnd.oasis.opendocument",
)


def path_of(page):
    return urlparse(page.url).path


def click_and_wait(page, locator):
    expect(locator).to_be_visible()
    with page.expect_navigation():
        locator.click()


def search_from_header(page, word):
    """Type the words into the search field in the header and press Enter."""
    page.locator("#site-search").fill(word)
    with page.expect_navigation():
        page.locator("#site-search").press("Enter")
    expect(page.locator("main [role=status]")).to_contain_text(word)


def result_links(page):
    return page.locator("ol.results .result-title a")


def result_hrefs(page):
    return [link.get_attribute("href") for link in result_links(page).all()]


# ------------------------------------------------------------------ a visitor


@pytest.mark.parametrize("lang", LANGUAGES)
def test_visitor_browses_from_home_to_a_meeting(site_url, demo_pages, page, lang):
    home = demo_pages.resolve("home", lang)[0]
    steps = [demo_pages.resolve(kind, lang)[0] for kind in ("body-index", "network", "meeting")]
    page.goto(site_url + home)
    for step in steps:
        click_and_wait(page, page.locator(f'main a[href="{step}"]').first)
        assert path_of(page) == step
        assert page.evaluate("document.documentElement.lang") == lang
        expect(page.locator("main h1")).to_be_visible()
    # The meeting's breadcrumbs lead back up the tree it was reached through.
    crumbs = page.locator("nav.breadcrumbs a")
    assert [href for href in crumbs.evaluate_all("els => els.map(a => a.pathname)")][-2:] == [
        steps[0],
        steps[1],
    ]
    expect(page.locator("nav.breadcrumbs [aria-current=page]")).to_have_text(
        page.locator("main h1").inner_text()
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_visitor_searches_and_opens_a_result(site_url, demo_pages, page, lang):
    page.goto(site_url + demo_pages.resolve("home", lang)[0])
    search_from_header(page, VISITOR_SEARCH[lang])
    assert page.evaluate("document.documentElement.lang") == lang
    count = int(re.search(r"\d+", page.locator("main [role=status]").inner_text()).group(0))
    assert count > 0
    links = result_links(page)
    assert links.count() >= 1
    # The results are in the searcher's language: every hit is under its language's tree.
    hrefs = result_hrefs(page)
    pages = [href for href in hrefs if not href.startswith("/documents/")]
    assert pages, f"only documents found for {VISITOR_SEARCH[lang]}: {hrefs}"
    assert all(href.startswith("/sv/") == (lang == "sv") for href in pages), hrefs
    first = page.locator(f'ol.results .result-title a[href="{pages[0]}"]').first
    title = first.inner_text()
    with page.expect_navigation() as navigation:
        first.click()
    assert navigation.value.status == 200
    assert path_of(page) == pages[0]
    expect(page.locator("main h1")).to_have_text(title)


# ------------------------------------------------------------------ a member


def log_in_through_the_form(page, username):
    page.locator("a.account").click()
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("kt-demo-2026")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page.locator("form.account")).to_contain_text(re.compile(r"\w"))


def hits_only_members_see(visitor, member, site_url, search_path, word):
    """The result links the member gets for `word` and a visitor does not."""
    url = f"{site_url}{search_path}?q={word}"
    visitor.goto(url)
    seen_by_visitor = set(result_hrefs(visitor))
    member.goto(url)
    return [href for href in result_hrefs(member) if href not in seen_by_visitor]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_member_finds_minutes_and_opens_a_private_document(site_url, demo_pages, new_page, lang):
    home = demo_pages.resolve("home", lang)[0]
    search_path = urlparse(demo_pages.resolve("search", lang)[0]).path
    words = MEMBER_SEARCH[lang]
    visitor = new_page()
    member = new_page(name=MEMBER)  # logs in below, through the form

    # The member logs in with the login link in the header and comes back logged in.
    member.goto(site_url + home)
    log_in_through_the_form(member, MEMBER)

    # Members-only minutes: found through search by the member, not by a visitor.
    private = hits_only_members_see(visitor, member, site_url, search_path, words["minutes"])
    assert private, f"searching {words['minutes']!r} finds nothing members-only for {MEMBER}"
    member.goto(site_url + home)
    search_from_header(member, words["minutes"])
    minutes_link = member.locator(f'ol.results .result-title a[href="{private[0]}"]')
    title = minutes_link.inner_text()
    with member.expect_navigation() as navigation:
        minutes_link.click()
    assert navigation.value.status == 200
    expect(member.locator("main h1")).to_have_text(title)
    # A visitor who follows the same link is asked to log in instead.
    response = visitor.goto(site_url + private[0])
    assert urlparse(visitor.url).path != private[0] or response.status in (401, 403)

    # A private document: found through search, directly or in a members-only folder.
    private = hits_only_members_see(visitor, member, site_url, search_path, words["material"])
    assert private, f"searching {words['material']!r} finds nothing members-only for {MEMBER}"
    member.goto(f"{site_url}{search_path}?q={words['material']}")
    document = private[0]
    if not document.startswith("/documents/"):
        click_and_wait(member, member.locator(f'ol.results a[href="{private[0]}"]'))
        documents = member.locator('main a[href^="/documents/"]')
        assert documents.count() >= 1, f"no documents in {private[0]}"
        document = documents.first.get_attribute("href")
    # The member's journey ends on the page with the link (the screenshot); the file is
    # fetched with the member's cookies, as the browser's download would be.
    document_url = site_url + document
    response = member.request.get(document_url)
    assert response.status == 200, f"GET {document_url} as {MEMBER} -> {response.status}"
    content_type = response.headers["content-type"]
    assert content_type.startswith(DOCUMENT_TYPES), content_type
    if content_type == "application/pdf":
        assert response.body().startswith(b"%PDF")
    # The same address does not give the file to a visitor.
    response = visitor.request.get(document_url, max_redirects=0)
    assert response.status != 200 or not response.headers["content-type"].startswith(
        DOCUMENT_TYPES
    ), f"a visitor got {document_url}"


# ------------------------------------------------------------------ a translator

# What the translator writes for the Finnish texts of the demo's untranslated meeting; any
# other text gets a marked Swedish version.
SWEDISH = {
    "Kokouksen avaus": "Mötets öppnande",
    "Edellisen kokouksen pöytäkirjan hyväksyminen": "Godkännande av föregående mötes protokoll",
    "Ajankohtaiset asiat": "Aktuella frågor",
    "Seuraava kokous": "Nästa möte",
}


SLUG_LETTERS = str.maketrans("åäö", "aao")


def swedish_for(finnish):
    if finnish in SWEDISH:
        return SWEDISH[finnish]
    if finnish.startswith("Kokous "):
        return finnish.replace("Kokous", "Möte", 1)
    return f"{finnish} (på svenska)"


def admin_login(page, site_url, username):
    page.goto(site_url + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("kt-demo-2026")
    with page.expect_navigation():
        page.locator("form button[type=submit]").first.click()
    assert not urlparse(page.url).path.startswith("/admin/login/"), f"{username} not logged in"


def public_path(page, site_url, page_id):
    """The page's path, as the API shows it to whoever `page` is logged in as."""
    response = page.request.get(f"{site_url}/api/v2/pages/{page_id}/")
    assert response.status == 200, f"page {page_id} is not visible here"
    return urlparse(response.json()["meta"]["html_url"]).path


def translate_segments(page):
    """In wagtail-localize's editor: each untranslated segment on each tab gets its Swedish,
    typed into the segment's field and saved with Enter. Returns {Finnish: Swedish}."""
    done = {}
    tabs = page.locator("[role=tab]")
    for number in range(tabs.count()):
        tabs.nth(number).click()
        expect(tabs.nth(number)).to_have_attribute("aria-selected", "true")
        todo = page.locator("li.incomplete:visible")
        while todo.count():
            left = todo.count()
            segment = todo.first
            finnish = segment.locator("p").first.inner_text().strip()
            if re.fullmatch(r"[a-z0-9-]+", finnish):  # the slug: made from the Swedish title
                title = next(iter(done.values()))
                swedish = re.sub(r"[^a-z0-9]+", "-", title.lower().translate(SLUG_LETTERS))
                swedish = swedish.strip("-")
            else:
                swedish = swedish_for(finnish)
            segment.locator("button").click()
            field = page.locator("textarea:visible")
            field.fill(swedish)
            with page.expect_response(
                lambda r: "/strings/" in r.url and r.request.method == "PUT"
            ) as saved:
                field.press("Enter")
            assert saved.value.ok, f"saving {swedish!r}: {saved.value.status}"
            expect(todo).to_have_count(left - 1)
            done[finnish] = swedish
    return done


def test_translator_translates_a_page_into_swedish(site_url, new_page):
    translator = new_page(name="kaantaja")
    admin_login(translator, site_url, "kaantaja")

    # The translators' to-do list in the admin (its menu item) names a page with no Swedish
    # version; its link is wagtail-localize's Translate view of that page.
    with translator.expect_navigation():
        translator.locator('a[href="/admin/translation-status/"]').first.click()
    missing = translator.locator("tr.missing a").first
    expect(missing).to_be_visible()
    finnish_title = missing.inner_text().strip()
    translate_url = missing.get_attribute("href")
    page_id = int(re.fullmatch(r"/admin/localize/submit/page/(\d+)/", translate_url).group(1))
    finnish_path = public_path(translator, site_url, page_id)

    # Before: a visitor on the Finnish page is told there is no Swedish version yet.
    visitor = new_page()
    visitor.goto(site_url + finnish_path)
    expect(visitor.locator("main h1")).to_have_text(finnish_title)
    expect(visitor.locator("nav.language-switcher .notice")).to_be_visible()

    # The translator follows the link, asks for a Swedish translation and translates it
    # segment by segment in the translation editor.
    with translator.expect_navigation():
        missing.click()
    translator.locator("input[name=locales][type=checkbox]").check()
    with translator.expect_navigation():
        translator.locator("main input[type=submit]").click()
    swedish_page_edit = urlparse(translator.url).path
    assert re.fullmatch(r"/admin/pages/\d+/edit/", swedish_page_edit), translator.url
    done = translate_segments(translator)
    swedish_title = done[finnish_title]
    # The translator may not publish: the editor offers no publish button.
    expect(translator.locator("button[name=action][value=publish]")).to_have_count(0)
    translator.reload()
    expect(translator.locator("li.incomplete")).to_have_count(0)

    # A publisher publishes the Swedish page from the same editor.
    publisher = new_page(name="julkaisija")
    admin_login(publisher, site_url, "julkaisija")
    publisher.goto(site_url + swedish_page_edit)
    with publisher.expect_navigation():
        publisher.locator("button[name=action][value=publish]").click()

    # After: the visitor's language switcher leads to the Swedish page with the Swedish text.
    visitor.goto(site_url + finnish_path)
    expect(visitor.locator("nav.language-switcher .notice")).to_have_count(0)
    with visitor.expect_navigation():
        visitor.locator('nav.language-switcher a[hreflang="sv"]').click()
    assert urlparse(visitor.url).path.startswith("/sv/")
    assert visitor.evaluate("document.documentElement.lang") == "sv"
    expect(visitor.locator("main h1")).to_have_text(swedish_title)
    main_text = visitor.locator("main").inner_text()
    for finnish, swedish in done.items():
        if finnish in SWEDISH:
            assert swedish in main_text, f"{swedish!r} not on the Swedish page"


# ------------------------------------------------------------------ an editor and a publisher


def open_more_actions(page):
    """The page editor's footer: the main action, and the rest behind its dropdown toggle."""
    page.locator("footer .w-dropdown__toggle").first.click()


def submit_for_moderation(page):
    open_more_actions(page)
    with page.expect_navigation():
        page.locator("footer button[name=action-submit]").click()
    edit_link = page.locator('.messages a[href$="/edit/"]').first
    expect(edit_link).to_be_attached()
    return int(re.search(r"/pages/(\d+)/edit/", edit_link.get_attribute("href")).group(1))


def approve_from_dashboard(page, site_url, title):
    """The publisher finds the page among those awaiting review on the dashboard, opens it and
    approves it (the plain "approve", without a comment)."""
    page.goto(site_url + "/admin/")
    link = page.locator("main").get_by_role("link", name=title, exact=True).first
    expect(link).to_be_visible()
    with page.expect_navigation():
        link.click()
    open_more_actions(page)
    approve = page.locator(
        "footer button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    )
    with page.expect_navigation():
        approve.click()
    expect(page.locator(".messages")).to_contain_text(title)


def add_agenda_item(page, number, title):
    """The meeting's agenda (a StreamField of items): add one more item at the end."""
    page.locator("[data-contentpath=agenda] button[title]").last.click()
    option = page.locator("[role=option]").first
    if option.count():
        option.click()
    page.locator(f"#agenda-{number}-value").fill(title)


def add_meeting(page, site_url, body_id, title, date, agenda=()):
    """From the body's page in the explorer: a held meeting on `date` with its agenda."""
    page.goto(f"{site_url}/admin/pages/{body_id}/")
    with page.expect_navigation():
        page.locator(f'a[href="/admin/pages/{body_id}/add_subpage/"]').first.click()
    with page.expect_navigation():
        page.locator('main a[href*="/add/networks/meetingpage/"]').click()
    page.locator("#id_title").fill(title)
    page.locator("#id_status").select_option("held")
    page.locator("#id_date").fill(date)
    page.keyboard.press("Escape")  # closes the date picker
    for number, item in enumerate(agenda):
        add_agenda_item(page, number, item)


def member_sees_the_label(member, site_url, paths, label):
    for path in paths:
        member.goto(site_url + path)
        expect(member.locator("main .status", has_text=label).first).to_be_visible()


def test_minutes_from_a_meeting_through_approval_at_the_next_meeting(
    site_url, demo_pages, new_page
):
    """The raati shares its draft minutes with its members (the HR network's): an editor makes
    a meeting with three agenda items and its minutes (prefilled) with a decision on the second
    item; the publisher sees their state where they approve; a member reads them as a draft,
    with the decision unconfirmed in the register; at the next meeting they are approved in one
    action, and every label and the register follow."""
    network = demo_pages.api_page("networks.BodyPage", "fi", slug="hr-verkosto")
    raati = demo_pages.api_page(
        "networks.BodyPage", "fi", MEMBER, slug="asiantuntijaraati", child_of=network["id"]
    )
    raati_path = demo_pages.path(raati)
    marker = uuid.uuid4().hex[:6]
    meeting_title = f"Selainkokeen kokous {marker}"
    minutes_title = f"Pöytäkirja: {meeting_title}"
    agenda = ["Kokouksen avaus", f"Työhyvinvointikysely {marker}", "Seuraava kokous"]
    decision = f"Päätettiin julkaista kyselyn {marker} tulokset verkoston sivuilla."
    draft_label = "Pöytäkirjaluonnos — tarkastetaan seuraavassa kokouksessa"
    approved_label = "Tarkastettu pöytäkirja — hyväksytty kokouksessa 14.9.2027"

    editor = new_page(name="toimittaja")
    admin_login(editor, site_url, "toimittaja")
    add_meeting(editor, site_url, raati["id"], meeting_title, "2027-05-11", agenda)
    # An editor may not publish, only submit for moderation.
    expect(editor.locator("footer button[name=action-publish]")).to_have_count(0)
    meeting_id = submit_for_moderation(editor)

    # The minutes start from the meeting: its title and its agenda as agenda items. (A
    # meeting may only have minutes under it, so the admin goes straight to their form.)
    editor.goto(f"{site_url}/admin/pages/{meeting_id}/add_subpage/")
    assert "/add/networks/minutespage/" in editor.url, editor.url
    expect(editor.locator("#id_title")).to_have_value(minutes_title)
    for number, title in enumerate(agenda):
        expect(editor.locator(f"#id_agenda_items-{number}-title")).to_have_value(title)
    expect(editor.get_by_role("button", name="Lisää asiakohta")).to_be_visible()
    editor.locator("#id_decisions-ADD").click()
    editor.locator("#id_decisions-0-agenda_item_number").select_option(label=f"2. {agenda[1]}")
    editor.locator("#id_decisions-0-text").fill(decision)
    minutes_id = submit_for_moderation(editor)

    # The publisher approves the meeting, then sees the minutes' state where they approve them.
    publisher = new_page(name="julkaisija")
    admin_login(publisher, site_url, "julkaisija")
    approve_from_dashboard(publisher, site_url, meeting_title)
    publisher.goto(f"{site_url}/admin/pages/{minutes_id}/edit/")
    state = publisher.locator("main .help-info", has_text="Tämä versio")
    expect(state).to_contain_text(draft_label)
    expect(state).to_contain_text("jakaa pöytäkirjaluonnokset")
    approve_from_dashboard(publisher, site_url, minutes_title)

    # A member reads them as a draft on the minutes, the meeting and the body page, and the
    # decision as unconfirmed in the decision register.
    member = new_page(MEMBER)
    minutes_path = public_path(member, site_url, minutes_id)
    meeting_path = public_path(member, site_url, meeting_id)
    member_sees_the_label(member, site_url, [minutes_path, meeting_path, raati_path], draft_label)
    member.goto(f"{site_url}{raati_path}paatokset/")
    row = member.locator("main tr", has_text=decision)
    expect(row).to_contain_text("Vahvistamaton")
    expect(row).to_contain_text(agenda[1])

    # The next meeting: the publisher adds it and approves the minutes there in one action.
    add_meeting(publisher, site_url, raati["id"], f"Seuraava kokous {marker}", "2027-09-14")
    open_more_actions(publisher)
    with publisher.expect_navigation():
        publisher.locator("footer button[name=action-publish]").click()
    next_id = int(
        re.search(
            r"/pages/(\d+)/edit/",
            publisher.locator('.messages a[href$="/edit/"]').first.get_attribute("href"),
        ).group(1)
    )
    approve_url = f"/admin/meetings/{next_id}/approve-minutes/"
    publisher.goto(f"{site_url}/admin/pages/{next_id}/edit/")
    publisher.locator("header").get_by_role("button", name="Toiminnot").click()
    approve = publisher.get_by_role("link", name="Hyväksy edellinen pöytäkirja")
    expect(approve).to_have_attribute("href", approve_url)
    click_and_wait(publisher, approve)
    expect(publisher.locator("main input[name=minutes]").first).to_be_checked()
    expect(publisher.locator("main label").first).to_contain_text(minutes_title)
    with publisher.expect_navigation():
        publisher.get_by_role("button", name="Hyväksy tässä kokouksessa").click()
    expect(publisher.locator(".messages")).to_contain_text("hyväksyttiin ja julkaistiin")

    # Every label follows, and the register lists the decision as confirmed.
    member_sees_the_label(
        member, site_url, [minutes_path, meeting_path, raati_path], approved_label
    )
    member.goto(f"{site_url}{raati_path}paatokset/")
    row = member.locator("main tr", has_text=decision)
    expect(row).not_to_contain_text("Vahvistamaton")
    expect(row).to_contain_text(approved_label)
