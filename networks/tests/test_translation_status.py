"""The translators' to-do list: missing and outdated Swedish versions, by body."""

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
    source.update_from_db()
    Translation.objects.get(source=source, target_locale__language_code="sv").save_target()
    assert "Lukion työnantajaryhmä" not in states()
