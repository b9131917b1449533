"""Translators work through wagtail-localize's own views: the segment editor's endpoints, PO
export and import, and submitting a subtree; Swedish pages show the result with a switcher back
to Finnish, members-only pages stay members-only, and dates and counts read per language."""

import datetime
import re

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from networks.models import BodyPage, FolderPage, MeetingPage

pytestmark = pytest.mark.django_db

SWITCHER = re.compile(r'<nav class="language-switcher".*?</nav>', re.S)


@pytest.fixture
def sv():
    return Locale.objects.get(language_code="sv")


@pytest.fixture
def login(client, django_user_model):
    def login(username):
        client.force_login(django_user_model.objects.get(username=username))
        return client

    return login


def translation_of(page, sv):
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=sv)


def segment(translation, path):
    return StringSegment.objects.get(source=translation.source, context__path=path)


def edit_segment(client, translation, path, value):
    """What the segment editor sends when a translator saves one segment: a PUT of form data."""
    url = reverse(
        "wagtail_localize:edit_string_translation",
        args=[translation.id, segment(translation, path).id],
    )
    return client.put(
        url, encode_multipart(BOUNDARY, {"value": value}), content_type=MULTIPART_CONTENT
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.id])


def publish(client, page):
    """The segment editor's publish button: a POST to the translation's edit view."""
    return client.post(edit_url(page), {"action": "publish"})


@pytest.mark.parametrize(
    "find_page,path,members_only",
    [
        (lambda: BodyPage.objects.get(slug="hr-verkosto"), "summary", False),
        (
            lambda: FolderPage.objects.get(slug="jasenaineisto", url_path__contains="hr-verkosto"),
            "title",
            True,
        ),
    ],
    ids=["public", "members-only"],
)
def test_translator_translates_a_page_that_a_publisher_publishes(
    demo_site, client, login, sv, find_page, path, members_only
):
    finnish = find_page()
    swedish = finnish.get_translation(sv)
    translation = translation_of(finnish, sv)
    text = "Översatt av översättaren i segmentredigeraren"
    translator = login("kaantaja")

    # The translator's edit view of a Swedish page is wagtail-localize's segment editor.
    editor = translator.get(edit_url(swedish))
    assert editor.status_code == 200
    assert "js-translation-editor" in editor.content.decode()

    saved = edit_segment(translator, translation, path, text)
    assert saved.status_code in (200, 201) and saved.json()["data"] == text
    assert (
        StringTranslation.objects.get(
            translation_of=segment(translation, path).string, locale=sv, context__path=path
        ).last_translated_by.username
        == "kaantaja"
    )
    preview = translator.get(reverse("wagtail_localize:preview_translation", args=[translation.id]))
    assert preview.status_code == 200 and text in preview.content.decode()

    # The translator may not publish, in Swedish or Finnish, nor edit Finnish.
    revision = swedish.live_revision_id
    denied = publish(translator, swedish)
    assert denied.status_code == 302 and denied["Location"] == reverse("wagtailadmin_home")
    swedish.refresh_from_db()
    assert swedish.live_revision_id == revision
    assert translator.get(edit_url(finnish))["Location"] == reverse("wagtailadmin_home")
    assert translator.post(edit_url(finnish), {"action-publish": "1"}).status_code == 302
    assert finnish.specific_class.objects.get(pk=finnish.pk).live_revision_id == (
        finnish.live_revision_id
    )
    ajax = translator.post(
        edit_url(swedish), {"action": "publish"}, HTTP_X_REQUESTED_WITH="XMLHttpRequest"
    )
    assert ajax.status_code == 403
    assert text not in client.get(swedish.url).content.decode()

    # A publisher publishes the translation; it shows at the Swedish URL.
    publisher = login("julkaisija")
    assert publish(publisher, swedish).status_code == 302
    publisher.logout()
    swedish = Page.objects.get(pk=swedish.pk)
    assert swedish.url.startswith("/sv/")
    if members_only:
        assert swedish.get_view_restrictions().exists()
        anonymous = client.get(swedish.url)
        assert anonymous.status_code == 302
        assert anonymous["Location"].startswith(("/kirjaudu/", "/sv/logga-in/"))
        assert f"next={swedish.url}" in anonymous["Location"]
        login("jasen-hr")
    response = client.get(swedish.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert text in html and '<html lang="sv">' in html
    switcher = SWITCHER.search(html).group(0)
    assert f'href="{finnish.url}" hreflang="fi" lang="fi"' in switcher
    back = client.get(finnish.url)
    assert back.status_code == 200
    assert '<html lang="fi">' in back.content.decode() and finnish.title in back.content.decode()


def test_po_export_edited_and_imported_shows_on_the_swedish_page(demo_site, client, login, sv):
    finnish = BodyPage.objects.get(slug="hr-verkosto")
    swedish = finnish.get_translation(sv)
    translation = translation_of(finnish, sv)
    translator = login("kaantaja")

    download = translator.get(reverse("wagtail_localize:download_pofile", args=[translation.id]))
    assert download.status_code == 200
    assert download["Content-Type"] == "text/x-gettext-translation"
    po = polib.pofile(download.content.decode())
    entry = next(entry for entry in po if entry.msgctxt == "summary")
    assert entry.msgid.startswith("HR-verkosto kokoaa yhteen")
    entry.msgstr = "HR-nätverket, översatt av en översättningsbyrå."

    upload = translator.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.id]),
        {
            "file": SimpleUploadedFile("hr.po", str(po).encode(), "text/x-gettext-translation"),
            "next": edit_url(swedish),
        },
    )
    assert upload.status_code == 302 and upload["Location"] == edit_url(swedish)
    assert StringTranslation.objects.get(
        translation_of=segment(translation, "summary").string, locale=sv
    ).data == ("HR-nätverket, översatt av en översättningsbyrå.")

    publish(login("julkaisija"), swedish)
    html = client.get(swedish.url).content.decode()
    assert "HR-nätverket, översatt av en översättningsbyrå." in html


def test_a_po_file_for_another_translation_is_refused(demo_site, login, sv):
    hr = translation_of(BodyPage.objects.get(slug="hr-verkosto"), sv)
    other = translation_of(BodyPage.objects.get(slug="tyosuojelupaallikoiden-verkosto"), sv)
    translator = login("kaantaja")
    po = translator.get(reverse("wagtail_localize:download_pofile", args=[other.id])).content
    translator.post(
        reverse("wagtail_localize:upload_pofile", args=[hr.id]),
        {"file": SimpleUploadedFile("other.po", po)},
    )
    assert not StringTranslation.objects.filter(
        locale=sv, last_translated_by__username="kaantaja"
    ).exists()


def test_editor_submits_a_subtree_and_the_children_become_swedish_drafts(demo_site, login, sv):
    hr = BodyPage.objects.get(slug="hr-verkosto")
    folder = FolderPage(title="Koulutusaineisto", slug="koulutusaineisto")
    hr.add_child(instance=folder)
    folder.save_revision().publish()
    children = []
    for title, slug in [("Perehdytys", "perehdytys"), ("Esihenkilöt", "esihenkilot")]:
        child = FolderPage(title=title, slug=slug)
        folder.add_child(instance=child)
        child.save_revision().publish()
        children.append(child)
    grandchild = FolderPage(title="Perehdytyksen diat", slug="diat")
    children[0].add_child(instance=grandchild)
    grandchild.save_revision().publish()

    editor = login("toimittaja")
    url = reverse("wagtail_localize:submit_page_translation", args=[folder.id])
    form = editor.get(url)
    assert form.status_code == 200 and "include_subtree" in form.content.decode()
    response = editor.post(url, {"locales": [sv.id], "include_subtree": "on"})
    assert response.status_code == 302

    swedish_folder = folder.get_translation(sv)
    assert swedish_folder.get_parent().specific == hr.get_translation(sv)
    for page in [*children, grandchild]:
        swedish = page.get_translation(sv)
        assert not swedish.live  # a draft until it is translated and published
        assert swedish.get_parent().translation_key == page.get_parent().translation_key
        assert translation_of(page, sv).enabled
    assert grandchild.get_translation(sv).get_parent().pk == children[0].get_translation(sv).pk

    # The translator then opens each draft in the segment editor.
    translator = login("kaantaja")
    assert translator.get(edit_url(children[1].get_translation(sv))).status_code == 200


def test_meeting_date_and_counts_read_per_language(demo_site, client, sv):
    meeting = MeetingPage.objects.filter(locale__language_code="fi").live().public().first()
    meeting.date = datetime.date(2020, 3, 12)
    meeting.date_precision = "day"
    meeting.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(meeting)
    source.update_from_db()
    translation_of(meeting, sv).save_target(publish=True)

    assert "12. maaliskuuta 2020" in client.get(meeting.url).content.decode()
    assert "12 mars 2020" in client.get(meeting.get_translation(sv).url).content.decode()

    network = BodyPage.objects.get(slug="tyosuojelupaallikoiden-verkosto")
    assert "14 kokousta" in client.get(network.url).content.decode()
    assert "14 möten" in client.get(network.get_translation(sv).url).content.decode()


@pytest.mark.parametrize("language,dashboard", [("fi", "Kojelauta"), ("sv", "Instrumentpanel")])
def test_admin_speaks_finnish_and_swedish(demo_site, login, django_user_model, language, dashboard):
    user = django_user_model.objects.get(username="kaantaja")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    html = login("kaantaja").get(reverse("wagtailadmin_home")).content.decode()
    assert f'<html lang="{language}"' in html and dashboard in html
