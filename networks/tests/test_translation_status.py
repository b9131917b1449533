"""The translators' to-do list: missing and outdated Swedish versions, by body."""

import re

import pytest
from wagtail_localize.models import Translation, TranslationSource

from networks.models import BodyPage
from networks.translation_status import documents_to_translate, to_do, translation_status

pytestmark = pytest.mark.django_db


def states():
    return {
        page["title"]: state
        for _body, group in translation_status()
        for state, pages in group.items()
        for page in pages
    }


def test_lists_untranslated_and_outdated_pages_until_the_translation_is_updated(
    demo_site, admin_client
):
    listed = states()
    assert listed["Lukion työnantajaryhmä"] == "outdated"
    assert "missing" in listed.values()
    html = admin_client.get("/admin/translation-status/").content.decode()
    assert "Lukion työnantajaryhmä" in html and "Perusopetuksen työnantajaryhmä" not in html

    lukio = BodyPage.objects.get(slug="lukio", locale__language_code="fi")
    source = TranslationSource.objects.get_for_instance(lukio)
    # Each row leads to the next step: an outdated page to updating its translation, a missing
    # one to wagtail-localize's Translate view.
    assert f'href="/admin/localize/update/{source.pk}/"' in html
    assert re.search(r'class="missing">\s*<td><a href="/admin/localize/submit/page/', html)
    source.update_from_db()
    Translation.objects.get(source=source, target_locale__language_code="sv").save_target()
    assert "Lukion työnantajaryhmä" not in states()


def test_swedish_listing_marks_finnish_documents_and_serves_a_swedish_file(demo_site, client):
    from django.core.files.base import ContentFile

    from networks.models import KnowledgeBankPage, Material

    bank = KnowledgeBankPage.objects.get(slug="kunskapsbanken-for-arbetarskydd")
    html = client.get(bank.url).content.decode()
    assert "Työväkivallan hallinta kunta-alan työpaikoilla" in html and "på finska" in html
    assert any("Työväkivallan" in d.title for d in documents_to_translate())

    document = Material.objects.get(title="Työväkivallan hallinta kunta-alan työpaikoilla")
    document.title_sv = "Hantering av våld i arbetet"
    document.file_sv.save("vald.txt", ContentFile("Våld i arbetet".encode()), save=True)
    html = client.get(bank.url).content.decode()
    assert "Hantering av våld i arbetet" in html
    swedish = client.get(f"/documents/{document.pk}/", {"lang": "sv"})
    assert b"".join(swedish.streaming_content) == "Våld i arbetet".encode()
    assert not any(
        d.pk == document.pk for _b, g in translation_status() for d in g.get("documents", [])
    )


def test_the_to_do_lists_pages_first_documents_apart_with_filters_and_totals(
    demo_site, client, django_user_model
):
    work = to_do()
    assert work["totals"]["missing"] == sum(len(s["missing"]) for _b, s in work["groups"])
    assert work["totals"]["documents"] == documents_to_translate().count() > 0
    client.force_login(django_user_model.objects.get(username="kaantaja"))
    html = client.get("/admin/translation-status/").content.decode()
    # Pages come first; documents after them, in a list of their own.
    assert html.index('class="missing"') < html.index('class="document"')

    only_outdated = client.get("/admin/translation-status/?kind=outdated").content.decode()
    assert 'class="outdated"' in only_outdated
    assert 'class="missing"' not in only_outdated and 'class="document"' not in only_outdated
    hr = to_do(body="HR-verkosto")
    assert {title for title, _s in hr["groups"]} <= {"HR-verkosto"}
    assert all(d.body.title == "HR-verkosto" for d in hr["documents"])
    assert client.get("/admin/translation-status/?kind=<script>&body=x").status_code == 200

    # The translator's dashboard leads to the next jobs.
    dashboard = client.get("/admin/").content.decode()
    assert 'id="networks-translations-to-do' in dashboard
    assert "/admin/localize/submit/page/" in dashboard or "/admin/localize/update/" in dashboard


def test_a_page_shows_in_one_dashboard_panel(demo_site, client, django_user_model):
    from networks.models import FolderPage

    hr = BodyPage.objects.get(slug="hr-verkosto", locale__language_code="fi")
    page = hr.add_child(instance=FolderPage(title="Yhden paneelin sivu"))
    publisher = django_user_model.objects.get(username="julkaisija")
    page.save_revision(user=publisher, log_action=True)
    page.get_workflow().start(page, publisher)
    client.force_login(publisher)
    dashboard = client.get("/admin/").content.decode()
    # In review and the publisher may review it: only in "Awaiting your review", not also in
    # "Your pages in a workflow", "Your drafts" or "Your most recent edits".
    starts = list(re.finditer(r'id="([\w-]+)-content" class="w-panel__content"', dashboard))
    panels = [
        (match.group(1), dashboard[match.end() : nxt.start() if nxt else len(dashboard)])
        for match, nxt in zip(starts, [*starts[1:], None], strict=True)
    ]
    showing = [panel for panel, html in panels if "Yhden paneelin sivu" in html]
    assert showing == ["awaiting-review"], showing
