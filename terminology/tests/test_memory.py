"""Translation memory beside the segment editor, and a term check that says "not translated
yet" instead of "all well" when nothing is written."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from networks.models import BodyPage, FolderPage
from terminology.glossary import untranslated_count
from terminology.memory import suggestions

pytestmark = pytest.mark.django_db


@pytest.fixture
def sv(demo_site):
    return Locale.objects.get(language_code="sv")


def translated_folder(admin_client, sv, title):
    """A Finnish folder under the HR network submitted for translation into Swedish."""
    hr = BodyPage.objects.get(slug="hr-verkosto", locale__language_code="fi")
    page = hr.add_child(instance=FolderPage(title=title))
    page.save_revision().publish()
    admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [sv.pk]}
    )
    return page, Translation.objects.get(source__object_id=page.translation_key, target_locale=sv)


def translate(translation, path, text):
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    return StringTranslation.objects.create(
        translation_of=segment.string,
        locale=translation.target_locale,
        context=segment.context,
        data=text,
    )


def test_a_string_translated_on_another_page_is_offered_and_copied_in(
    admin_client, client, sv, django_user_model
):
    _first, before = translated_folder(admin_client, sv, "Kokouksen avaus")
    translate(before, "title", "Mötets öppnande")
    second, now = translated_folder(admin_client, sv, "Kokouksen avaus")
    translator = django_user_model.objects.get(username="kaantaja")

    offered = suggestions(now, translator)
    assert [(o["source"], o["translation"]) for o in offered] == [
        ("Kokouksen avaus", "Mötets öppnande")
    ]
    client.force_login(translator)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[second.get_translation(sv).pk]))
    html = editor.content.decode()
    assert 'data-memory-value="Mötets öppnande"' in html
    assert f'data-memory-segment="{offered[0]["segment_id"]}"' in html

    # Once it is translated it is no longer offered, and the check no longer says "not yet".
    translate(now, "title", "Mötets öppnande")
    assert suggestions(now, translator) == []


def test_memory_never_offers_a_translation_from_a_page_the_translator_may_not_edit(
    admin_client, sv, django_user_model
):
    first, before = translated_folder(admin_client, sv, "Suljettu aineisto")
    translate(before, "title", "Stängt material")
    # The Swedish page it was made for is gone; a page of another language is not theirs.
    Page.objects.get(pk=first.get_translation(sv).pk).delete()
    _second, now = translated_folder(admin_client, sv, "Suljettu aineisto")
    translator = django_user_model.objects.get(username="kaantaja")
    assert suggestions(now, translator) == []


def test_term_check_says_not_translated_yet(admin_client, client, sv, django_user_model):
    page, translation = translated_folder(admin_client, sv, "Työsuojelupäällikön opas")
    assert untranslated_count(translation) >= 1
    client.force_login(django_user_model.objects.get(username="kaantaja"))
    html = client.get(
        reverse("wagtailadmin_pages:edit", args=[page.get_translation(sv).pk])
    ).content.decode()
    assert "terminology-untranslated" in html and "terminology-ok" not in html
