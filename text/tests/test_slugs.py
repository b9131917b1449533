"""New pages get plain ASCII addresses (ä→a, ö→o, å→a) on every path that makes or renames a
page; addresses already stored stay as they are."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from networks.models import BodyPage, FolderPage
from text.slugs import ascii_slug

pytestmark = pytest.mark.django_db


def test_ascii_slug_spells_out_nordic_letters():
    assert ascii_slug("HR-verkoston kevätkokous") == "hr-verkoston-kevatkokous"
    assert ascii_slug("Mötets öppnande på Åland") == "motets-oppnande-pa-aland"
    assert ascii_slug("Færøerne Straße") == "faeroerne-strasse"


def test_wagtail_create_view_stores_an_ascii_slug_typed_with_umlauts(demo_site, admin_client):
    hr = BodyPage.objects.get(slug="hr-verkosto", locale__language_code="fi")
    url = reverse("wagtailadmin_pages:add", args=["networks", "folderpage", hr.pk])
    data = nested_form_data(
        {
            "title": "HR-verkoston kevätkokous",
            "slug": "hr-verkoston-kevätkokous",  # as typed with JavaScript off
            "intro": rich_text(""),
            "listings": streamfield([]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    page = FolderPage.objects.get(title="HR-verkoston kevätkokous")
    assert page.slug == "hr-verkoston-kevatkokous" and page.live
    assert page.url.endswith("/hr-verkosto/hr-verkoston-kevatkokous/")
    assert admin_client.get(page.url).status_code == 200

    # Wagtail's copy form, with unicode slugs off, asks for an ASCII address.
    copy_url = reverse("wagtailadmin_pages:copy", args=[page.pk])
    refused = admin_client.post(
        copy_url,
        {"new_title": page.title, "new_slug": "kevätkokous-2", "new_parent_page": hr.pk},
    )
    assert refused.status_code == 200 and refused.context["form"].errors["new_slug"]
    assert not Page.objects.filter(slug__startswith="kevätkokous").exists()


def test_a_page_saved_before_the_admin_script_ran_gets_its_slug_from_its_title(
    demo_site, admin_client
):
    """No slug sent (the title was typed before the admin's script wrote one): the page is
    created under an address from its title, free among its siblings, not refused for a field
    on another tab."""
    hr = BodyPage.objects.get(slug="hr-verkosto", locale__language_code="fi")
    url = reverse("wagtailadmin_pages:add", args=["networks", "folderpage", hr.pk])

    def add(title):
        data = {"title": title, "slug": "", "intro": rich_text(""), "listings": streamfield([])}
        return admin_client.post(url, nested_form_data({**data, "action-publish": "publish"}))

    for _ in range(2):
        response = add("Kevään työpaja")
        assert response.status_code == 302, response.context["form"].errors
    slugs = set(FolderPage.objects.filter(title="Kevään työpaja").values_list("slug", flat=True))
    assert slugs == {"kevaan-tyopaja", "kevaan-tyopaja-1"}
    # Without a title the title's own error is shown, and nothing is made up.
    refused = add("")
    assert refused.status_code == 200 and refused.context["form"].errors["title"]


def test_a_title_alone_gives_an_ascii_slug(demo_site):
    hr = BodyPage.objects.get(slug="hr-verkosto", locale__language_code="fi")
    page = hr.add_child(instance=FolderPage(title="Työsuojelupäällikön ääniä"))
    assert page.slug == "tyosuojelupaallikon-aania"
    # An address already stored is not rewritten.
    Page.objects.filter(pk=page.pk).update(slug="vanha-äänet")
    page.refresh_from_db()
    page.title = "Uusi otsikko"
    page.save()
    assert Page.objects.get(pk=page.pk).slug == "vanha-äänet"


def test_a_swedish_translation_from_wagtail_localize_gets_an_ascii_slug_and_publishes(
    demo_site, admin_client, client, django_capture_on_commit_callbacks
):
    sv = Locale.objects.get(language_code="sv")
    hr = BodyPage.objects.get(slug="hr-verkosto", locale__language_code="fi")
    finnish = hr.add_child(instance=FolderPage(title="Kevätkokouksen päätökset"))
    finnish.save_revision().publish()
    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[finnish.pk]),
        {"locales": [sv.pk]},
    )
    assert response.status_code == 302
    translation = Translation.objects.get(
        source__object_id=finnish.translation_key, target_locale=sv
    )
    # The translator types the Swedish title and address with å, ä and ö.
    for path, text in [("title", "Vårmötets beslut"), ("slug", "vårmötets-beslut-på-åland")]:
        segment = StringSegment.objects.get(source=translation.source, context__path=path)
        StringTranslation.objects.create(
            translation_of=segment.string, locale=sv, context=segment.context, data=text
        )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    swedish = finnish.get_translation(sv)
    assert swedish.slug == "varmotets-beslut-pa-aland" and swedish.live
    assert swedish.url.endswith("/varmotets-beslut-pa-aland/")
    assert "Vårmötets beslut" in client.get(swedish.url).content.decode()
