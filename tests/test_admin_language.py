"""The admin speaks Finnish and Swedish on every screen our roles use: no English text of
Wagtail's or wagtail-localize's own catalogues is left (tests/admin_language.py compares a
screen's visible text with their English msgids), in the server-rendered screens (`django`
domain) and in the JavaScript catalogues the editors' scripts read (`djangojs`). The overrides
live in locale_overrides/, which makemessages does not rewrite."""

import json
import re

import polib
import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from networks.models import BodyPage, FolderPage, Material

from .admin_language import catalogue_files, english_left

pytestmark = pytest.mark.django_db

LANGUAGES = ["fi", "sv"]


@pytest.fixture
def speaking(client, django_user_model):
    """A client logged in as one of the demo's users, whose admin speaks `language`."""

    def speaking(username, language):
        user = django_user_model.objects.get(username=username)
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        client.force_login(user)
        return client

    return speaking


@pytest.fixture
def in_review(demo_site, django_user_model):
    """A Finnish folder the editor submitted for approval: in the publisher's review panel."""
    hr = BodyPage.objects.get(slug="hr-verkosto", locale__language_code="fi")
    page = hr.add_child(instance=FolderPage(title="Syyskokouksen aineisto"))
    editor = django_user_model.objects.get(username="toimittaja")
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    return page


def screens(in_review):
    """(role, address) of every screen each role works on."""
    hr = BodyPage.objects.get(slug="hr-verkosto", locale__language_code="fi")
    hr_sv = hr.get_translation(Locale.objects.get(language_code="sv"))
    document = Material.objects.order_by("pk").first()
    source = TranslationSource.objects.get_for_instance(hr)
    pages = [reverse("wagtailadmin_explore_root"), reverse("wagtailadmin_explore", args=[hr.pk])]
    return {
        "kaantaja": [
            reverse("wagtailadmin_home"),
            reverse("wagtailadmin_explore", args=[hr_sv.pk]),
            reverse("wagtailadmin_pages:edit", args=[hr_sv.pk]),  # wagtail-localize's editor
            reverse("networks_translation_status"),
        ],
        "toimittaja": [
            reverse("wagtailadmin_home"),
            *pages,
            reverse("wagtailadmin_pages:edit", args=[hr.pk]),
            reverse("wagtailadmin_pages:history", args=[hr.pk]),
            reverse("wagtailadmin_pages:search") + "?q=hr",
            reverse("wagtaildocs:index"),
            reverse("wagtaildocs:edit", args=[document.pk]),
            reverse("wagtaildocs:add_multiple"),
            reverse("wagtaildocs:document_usage", args=[document.pk]),
            reverse("wagtail_localize:submit_page_translation", args=[hr.pk]),
            reverse("wagtail_localize:update_translations", args=[source.pk]),
        ],
        "julkaisija": [
            reverse("wagtailadmin_home"),
            *pages,
            reverse("wagtailadmin_pages:edit", args=[in_review.pk]),
            reverse("wagtailadmin_pages:workflow_history", args=[in_review.pk]),
            reverse("wagtailadmin_reports:workflow"),
            reverse("wagtailadmin_reports:workflow_tasks"),
            reverse("wagtailadmin_pages:delete", args=[in_review.pk]),
        ],
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_english_on_the_screens_each_role_uses(speaking, in_review, language):
    left = {}
    for username, addresses in screens(in_review).items():
        client = speaking(username, language)
        for address in addresses:
            response = client.get(address)
            assert response.status_code == 200, (username, address)
            html = response.content.decode()
            assert f'<html lang="{language}"' in html, (username, address)
            english = english_left(html, language)
            if english:
                left[f"{username} {address}"] = english
    assert not left


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_strings_reported_in_english_or_garbled_are_fixed(speaking, in_review, language):
    editor = speaking("toimittaja", language)
    dashboard = editor.get(reverse("wagtailadmin_home")).content.decode()
    explorer = editor.get(reverse("wagtailadmin_explore_root")).content.decode()
    hr = BodyPage.objects.get(slug="hr-verkosto", locale__language_code="fi")
    submit = editor.get(reverse("wagtail_localize:submit_page_translation", args=[hr.pk]))
    publisher = speaking("julkaisija", language).get(reverse("wagtailadmin_home"))
    screens = dashboard + explorer + submit.content.decode() + publisher.content.decode()
    for english in [
        "Search all pages…",
        "Exploring:",
        ": Root",
        "Date updated",
        "Edited by",
        "Has child pages",
        "Task submitted by",
        "More actions",
        "Include subtree",
        "SIvut",
        "Maa-asetusto",
        "Tämä%(",
    ]:
        assert english not in screens, english
    # Wagtail's msgids in variables, so that makemessages does not copy them into locale/.
    locale, pages_using = "Locale", "Pages using %(page_type)s"
    referenced = [
        f"This %(model_name)s is referenced %(usage_count)s {n}." for n in ("time", "times")
    ]
    with translation.override(language):
        assert translation.gettext(locale) == {"fi": "Kieli", "sv": "Språk"}[language]
        assert not translation.gettext(pages_using).startswith("SIvut")
        usage = translation.ngettext(*referenced, 1) % {"model_name": "kansio", "usage_count": 1}
        assert "referenced" not in usage and "Tämäkansio" not in usage
    # The editor's own page waits for a step: "Odottaa vaihetta: Julkaisija hyväksyy".
    awaiting = {"fi": "Odottaa vaihetta:", "sv": "Inväntar steget:"}[language]
    assert awaiting in " ".join(dashboard.split())


def served_catalogue(client, address):
    """The msgids and translations a JavaScript catalogue view serves."""
    script = client.get(address).content.decode()
    catalogue = re.search(r"const newcatalog = (\{.*?\});\n", script, re.S)
    return json.loads(catalogue.group(1)) if catalogue else {}


def javascript_msgids(package):
    return {
        entry.msgid
        for path in catalogue_files("djangojs")
        if f"/{package}/locale/" in str(path)
        for entry in polib.pofile(str(path))
        if not entry.msgid_plural
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_javascript_catalogues_have_every_string_of_the_editors_scripts(
    speaking, demo_site, language
):
    client = speaking("kaantaja", language)
    localize = served_catalogue(client, reverse("wagtail_localize:javascript_catalog"))
    wagtail_admin = served_catalogue(client, reverse("wagtailadmin_javascript_catalog"))
    assert not javascript_msgids("wagtail_localize") - set(localize)
    assert not javascript_msgids("admin") - set(wagtail_admin)
    # The segment editor's "Publish in Svenska" and "Stop Synced translation".
    assert localize["Publish in "].endswith(" ")
    assert localize["Stop Synced translation"] != "Stop Synced translation"
