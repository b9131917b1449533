"""The translators' to-do list: missing and outdated Swedish versions, by body."""

import re

import pytest
from wagtail_localize.models import Translation, TranslationSource

from networks.models import BodyPage
from networks.translation_status import translation_status

pytestmark = pytest.mark.django_db


def states():
    return {
        page["title"]: state
        for _body, group in translation_status()
        for state, pages in group.items()
        if state != "documents"
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
    assert any(
        "Työväkivallan" in d.title for _b, g in translation_status() for d in g.get("documents", [])
    )

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
