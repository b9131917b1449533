"""load_demo builds the whole site from the seeds, in both languages, and is idempotent."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page, PageViewRestriction

from home.models import AccessibilityStatementPage, HomePage, StandardPage
from networks.models import (
    BodyIndexPage,
    BodyPage,
    FolderPage,
    KnowledgeBankPage,
    Material,
    MeetingPage,
    MinutesPage,
    NewsletterPage,
    ProgrammePage,
)

PAGE_TYPES = [
    HomePage,
    StandardPage,
    AccessibilityStatementPage,
    ProgrammePage,
    BodyIndexPage,
    BodyPage,
    MeetingPage,
    MinutesPage,
    FolderPage,
    KnowledgeBankPage,
    NewsletterPage,
]

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda m: m.__name__)
@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_page_type_exists_live_in_both_languages(demo_site, page_type, language):
    assert page_type.objects.live().filter(locale__language_code=language).exists()


def test_first_run_reports_progress_and_creates_content(demo_site):
    steps = demo_site.split("]", 1)[0].split("/")[1]  # "[1/N] …": however many steps there are
    assert "[1/" in demo_site and f"[{steps}/{steps}]" in demo_site
    assert "Demo ready: 0 objects created" not in demo_site


def test_second_run_creates_nothing(demo_site, demo_today):
    counts = (Page.objects.count(), Material.objects.count(), PageViewRestriction.objects.count())
    out = StringIO()
    call_command("load_demo", "--skip-index", f"--today={demo_today.isoformat()}", stdout=out)
    assert "Demo ready: 0 objects created" in out.getvalue()
    assert (
        Page.objects.count(),
        Material.objects.count(),
        PageViewRestriction.objects.count(),
    ) == counts
    assert Page.find_problems() == ([], [], [], [], [])


def test_translator_to_do_list_has_an_untranslated_and_an_outdated_page(demo_site):
    from wagtail_localize.models import TranslationSource

    sv = Locale.objects.get(language_code="sv")
    untranslated = [
        page
        for page in Page.objects.filter(locale__language_code="fi", depth__gt=1)
        if page.get_translation_or_none(sv) is None
    ]
    assert len(untranslated) == 1
    lukio = BodyPage.objects.get(slug="lukio", locale__language_code="fi")
    source = TranslationSource.objects.get_for_instance_or_none(lukio)
    assert source is not None
    assert lukio.latest_revision.created_at > source.last_updated_at


def test_translation_is_linked_to_its_source_for_translators(demo_site):
    from wagtail_localize.models import Translation

    hr = BodyPage.objects.get(slug="hr-verkosto", locale__language_code="fi")
    assert Translation.objects.filter(source__object_id=hr.translation_key).exists()


def test_translator_reads_private_pages_and_edits_only_swedish(
    demo_site, client, django_user_model
):
    from networks.models import FolderPage

    translator = django_user_model.objects.get(username="kaantaja")
    private_fi = FolderPage.objects.get(slug="jasenaineisto", url_path__contains="hr-verkosto")
    private_sv = private_fi.get_translation(Locale.objects.get(language_code="sv"))
    client.force_login(translator)
    assert client.get(private_fi.url).status_code == 200
    assert client.get(private_sv.url).status_code == 200
    fi_permissions = private_fi.permissions_for_user(translator)
    sv_permissions = private_sv.permissions_for_user(translator)
    assert not fi_permissions.can_edit() and not fi_permissions.can_publish()
    assert sv_permissions.can_edit() and not sv_permissions.can_publish()
