"""Editors' tools: bulk upload, folders filtered in the admin, saved listings, the approval
workflow, the review report, 404 and 500 pages and redirects kept when pages move."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import loader
from django.test import Client
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page, Workflow

from home.models import StandardPage
from networks.models import KnowledgeBankPage, Material, SavedListing, Topic
from networks.models.choices import ContentKind
from networks.tests.test_documents import docx_bytes, pdf_bytes

pytestmark = pytest.mark.django_db

BULK_URL = "/admin/materials/bulk-upload/"


def bank(slug="tyooikeudellinen-tietopankki"):
    return KnowledgeBankPage.objects.get(slug=slug, locale__language_code="fi")


def login(client, django_user_model, username):
    client.force_login(django_user_model.objects.get(username=username))


def post_batch(client, folder, files, **fields):
    data = {
        "folder": folder.pk,
        "files": files,
        "material_type": "guide",
        "year": "2024",
        "language": "fi",
        "topics": [t.pk for t in Topic.objects.filter(slug__in=["tyosuhde", "tyoaika"])],
        **fields,
    }
    return client.post(BULK_URL, data)


def test_bulk_upload_lands_in_the_folder_with_the_batch_metadata(
    demo_site, client, django_user_model
):
    login(client, django_user_model, "toimittaja")
    folder = bank()
    form = client.get(BULK_URL, {"folder": folder.pk}).content.decode()
    assert f'value="{folder.pk}" selected' in form  # the folder comes from the explorer button
    files = [
        SimpleUploadedFile("irtisanomisohje_2024.pdf", pdf_bytes("Irtisanominen 2024")),
        SimpleUploadedFile("lomautus-opas.docx", docx_bytes()),
        SimpleUploadedFile("valehteleva.pdf", b"Tavallista tekstia, ei PDF:aa."),
        SimpleUploadedFile("tyhja.txt", b""),
        SimpleUploadedFile("rikki.pdf", b"%PDF-1.4\n1 0 obj <<"),
    ]
    response = post_batch(client, folder, files)
    html = response.content.decode()
    assert response.status_code == 200
    saved = Material.objects.filter(title__in=["irtisanomisohje 2024", "lomautus opas"])
    assert saved.count() == 2
    for material in saved:
        assert material.folder_id == folder.pk
        assert material.body_id == folder.get_parent().pk
        assert (material.material_type, material.year, material.language) == ("guide", 2024, "fi")
        assert set(material.topics.values_list("slug", flat=True)) == {"tyosuhde", "tyoaika"}
        assert material.file_size and material.file_hash and material.extracted_text
        assert material.title in html  # listed with its metadata after the upload
    # The bad files are named with the reason, in the editor's language; nothing else is kept.
    assert "valehteleva.pdf" in html and "TXT" in html
    assert "tyhja.txt" in html and "tyhjä" in html
    assert "rikki.pdf" in html and "vioittunut" in html
    assert not Material.objects.filter(title__in=["valehteleva", "tyhja", "rikki"]).exists()
    # The folder's page on the site lists the new files, and filters by the batch's type.
    page = client.get(folder.url, {"type": "guide", "year": "2024", "topic": "tyoaika"})
    assert "irtisanomisohje 2024" in page.content.decode()
    page = client.get(folder.url, {"type": "statement"})
    assert "irtisanomisohje 2024" not in page.content.decode()


def test_bulk_upload_reports_bad_files_in_the_editors_language(
    demo_site, client, django_user_model
):
    from wagtail.users.models import UserProfile

    editor = django_user_model.objects.get(username="toimittaja")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "sv"
    profile.save()
    client.force_login(editor)
    folder = bank()
    files = [
        SimpleUploadedFile("tom.txt", b""),
        SimpleUploadedFile("ratt.txt", "Anställningsfrågor".encode()),
    ]
    html = post_batch(client, folder, files).content
    assert "tom.txt" in html.decode() and "Filen är tom." in html.decode()
    assert Material.objects.filter(title="ratt", folder=folder).exists()


def test_folders_in_the_explorer_lead_to_their_materials_and_bulk_upload(
    demo_site, client, django_user_model
):
    login(client, django_user_model, "toimittaja")
    folder = bank()
    html = client.get(f"/admin/pages/{folder.get_parent().pk}/").content.decode()
    assert f"/admin/materials/bulk-upload/?folder={folder.pk}" in html
    assert f"/admin/materials/?folder={folder.pk}" in html


def test_bulk_upload_into_a_members_folder_is_for_its_members_whatever_is_posted(
    demo_site, client, django_user_model
):
    login(client, django_user_model, "toimittaja")
    folder = Page.objects.get(url_path="/koti/verkostot/hr-verkosto/jasenaineisto/")
    form = client.get(BULK_URL, {"folder": folder.pk}).content.decode()
    assert 'name="collection"' not in form  # nothing to choose: the folder decides
    assert "Näkyy vain ryhmille: HR-verkosto – jäsenet" in form
    public = folder.get_parent().specific.collection
    files = [SimpleUploadedFile("salainen-lista.pdf", pdf_bytes("Salainen lista"))]
    response = post_batch(client, folder, files, collection=public.pk)
    material = Material.objects.get(title="salainen lista")
    assert material.collection != public
    assert "Näkyy vain ryhmille" in response.content.decode()
    client.logout()
    assert client.get(material.url).status_code == 302  # a visitor gets the login page
    login(client, django_user_model, "julkaisija")  # the editor's upload waits for a publisher
    client.post(f"/admin/materials/{material.pk}/approve/")
    login(client, django_user_model, "jasen-tyosuojelu")
    assert client.get(material.url).status_code == 404  # another network's member: nothing
    login(client, django_user_model, "jasen-hr")
    assert client.get(material.url).status_code == 200


def test_admin_folder_listing_filters_by_type_year_and_topic(demo_site, client, django_user_model):
    login(client, django_user_model, "toimittaja")
    folder = bank("tyosuojelun-tietopankki")
    html = client.get("/admin/materials/", {"folder": folder.pk}).content.decode()
    assert "Työväkivallan hallinta" in html and "Biologiset tekijät työssä" in html
    assert "HR-info 1/2020" not in html
    html = client.get(
        "/admin/materials/", {"folder": folder.pk, "material_type": "presentation"}
    ).content.decode()
    assert "Biologiset tekijät työssä" in html and "Työväkivallan hallinta" not in html
    topic = Topic.objects.get(slug="tyovakivalta")
    html = client.get(
        "/admin/materials/", {"folder": folder.pk, "topics": topic.pk, "year": 2020}
    ).content.decode()
    assert "Työväkivallan hallinta" in html and "Biologiset tekijät työssä" not in html
    html = client.get(
        "/admin/materials/", {"folder": folder.pk, "ordering": "-year"}
    ).content.decode()
    assert "Työväkivallan hallinta" in html
    assert client.get("/admin/materials/", {"folder": folder.pk, "year": 1999}).status_code == 200


def new_material(title, folder=None, topic_slug="tyovakivalta", year=None):
    folder = folder or bank("tyosuojelun-tietopankki")
    material = Material(
        title=title,
        file=ContentFile(pdf_bytes(title), name="uusi.pdf"),
        body=folder.get_parent().specific,
        folder=folder,
        material_type="guide",
        year=year or timezone.localdate().year,
    )
    material._set_document_file_metadata()
    material.save()
    material.topics.set(Topic.objects.filter(slug=topic_slug))
    return material


def listed(response):
    """The saved listings on a page, without the rest of it."""
    html = response.content.decode()
    return "".join(part.split("</section>")[0] for part in html.split('class="saved-listing"')[1:])


def test_saved_listing_shows_new_matching_material_without_being_edited(
    demo_site, client, django_user_model
):
    listing = SavedListing.objects.get(name="Työsuojelun aineisto väkivallasta työssä")
    page_url = bank("tyosuojelun-tietopankki").url
    html = listed(client.get(page_url))
    assert listing.name in html and "Työväkivallan hallinta kunta-alan työpaikoilla" in html
    new_material("Uhkaavan asiakkaan kohtaaminen")
    private = Material.objects.get(title="Verkkotapaamisten muistiot 2020").folder
    new_material("Väkivaltatilanteiden jäsenkysely", private)
    new_material("Työajan seuranta", topic_slug="tyoaika")
    html = listed(client.get(page_url))
    assert "Uhkaavan asiakkaan kohtaaminen" in html  # current without anyone editing the page
    assert "Työajan seuranta" not in html  # another topic
    assert "Väkivaltatilanteiden jäsenkysely" not in html  # members only
    login(client, django_user_model, "jasen-tyosuojelu")
    assert "Väkivaltatilanteiden jäsenkysely" in listed(client.get(page_url))
    # The Swedish page shows the same listing under its Swedish name.
    client.logout()
    sv_url = (
        bank("tyosuojelun-tietopankki").get_translation(Locale.objects.get(language_code="sv")).url
    )
    html = listed(client.get(sv_url))
    assert listing.name_sv in html and "Uhkaavan asiakkaan kohtaaminen" in html


def test_saved_listing_of_minutes_hides_members_only_minutes(demo_site, client, django_user_model):
    # A visitor may see none of them: the listing has nothing to show and is not shown.
    html = client.get("/").content.decode()
    assert "Kaikki pöytäkirjat 2020" not in html
    assert "Pöytäkirja: asiantuntijaraati joulukuu 2020" not in html
    login(client, django_user_model, "jasen-hr")
    html = listed(client.get("/"))
    assert "Kaikki pöytäkirjat 2020" in html
    assert "Pöytäkirja: asiantuntijaraati joulukuu 2020" in html
    html = listed(client.get("/sv/"))
    assert "Alla protokoll 2020" in html
    assert "Protokoll: expertrådet december 2020" in html


def test_saved_listing_by_kind_body_and_dates(demo_site, rf):
    from django.contrib.auth.models import AnonymousUser
    from django.utils import translation

    from networks.models import BodyPage

    request = rf.get("/")
    request.user = AnonymousUser()
    hr = BodyPage.objects.get(slug="hr-verkosto", locale__language_code="fi")
    listing = SavedListing.objects.create(
        name="HR:n kokoukset 2020", kind="meetings", body=hr, year_from=2020, year_to=2020
    )
    with translation.override("fi"):
        entries = listing.entries(request)
        meetings = str(ContentKind.MEETINGS.label)
        assert entries and {e.kind for e in entries} == {meetings}
        assert all(e.date.year == 2020 for e in entries)
        assert [e.date for e in entries] == sorted((e.date for e in entries), reverse=True)
        # The expert council is a section of the HR network: left out when sections are.
        assert any(e.body == "HR-verkoston asiantuntijaraati" for e in entries)
        listing.include_sub_bodies = False
        assert all(e.body == hr.title for e in listing.entries(request))
        listing.limit = 1
        assert len(listing.entries(request)) <= 1


def test_editor_submits_publisher_approves(demo_site, client, django_user_model):
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    workflow = Workflow.objects.get(name="Julkaisijan hyväksyntä")
    page = StandardPage.objects.get(slug="tietosuojaseloste")
    assert page.get_workflow() == workflow
    editor = django_user_model.objects.get(username="toimittaja")
    publisher = django_user_model.objects.get(username="julkaisija")
    assert not page.permissions_for_user(editor).can_publish()
    assert page.permissions_for_user(publisher).can_publish()

    def data(title, action):
        return nested_form_data(
            {
                "title": title,
                "slug": page.slug,
                "intro": page.intro,
                "body": rich_text(page.body),
                "listings": streamfield([]),
                "comments": inline_formset([]),
                action: "1",
            }
        )

    client.force_login(editor)
    edit_url = f"/admin/pages/{page.pk}/edit/"
    # The editor cannot publish: "publish" only saves a draft.
    client.post(edit_url, data("Tietosuojaseloste (luonnos)", "action-publish"))
    page.refresh_from_db()
    assert page.title == "Tietosuojaseloste" and page.has_unpublished_changes
    response = client.post(edit_url, data("Tietosuojaseloste 2026", "action-submit"))
    assert response.status_code == 302
    page.refresh_from_db()
    state = page.current_workflow_state
    assert state is not None and state.workflow == workflow and page.title == "Tietosuojaseloste"
    task_state = state.current_task_state
    assert "Tietosuojaseloste 2026" not in Client().get("/tietosuojaseloste/").content.decode()

    client.force_login(publisher)
    response = client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""}
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.title == "Tietosuojaseloste 2026" and page.live
    assert not page.has_unpublished_changes


def test_review_report_lists_material_past_its_review_date(demo_site, client, django_user_model):
    overdue = Material.objects.get(title="Työväkivallan hallinta kunta-alan työpaikoilla")
    assert overdue.review_date and overdue.review_date < timezone.localdate()
    later = Material.objects.get(title="Biologiset tekijät työssä")
    later.review_date = timezone.localdate() + datetime.timedelta(days=30)
    later.save(update_fields=["review_date"])
    login(client, django_user_model, "toimittaja")
    html = client.get("/admin/reports/review-due/").content.decode()
    assert overdue.title in html and later.title not in html
    assert "/admin/reports/review-due/" in client.get("/admin/").content.decode()
    export = client.get("/admin/reports/review-due/", {"export": "csv"})
    assert overdue.title in b"".join(export.streaming_content).decode()
    login(client, django_user_model, "jasen-hr")
    assert client.get("/admin/reports/review-due/").status_code == 302


@pytest.mark.parametrize(
    "url,language,search_label",
    [("/ei-tallaista-sivua/", "fi", "Hae sivustolta"), ("/sv/finns-inte/", "sv", "Sök")],
)
def test_404_page_in_both_languages(demo_site, client, url, language, search_label):
    from django.utils import translation

    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 404
    assert f'<html lang="{language}">' in html
    assert search_label in html and 'class="site-header"' in html  # the site's own layout
    with translation.override(language):
        assert translation.gettext("Page not found") in html


def test_500_page_needs_no_request_or_database():
    html = loader.get_template("500.html").render()
    assert "Palvelussa on häiriö" in html and "Tjänsten har en störning" in html


@override_settings(WAGTAILREDIRECTS_AUTO_CREATE=True)
def test_redirects_kept_when_a_page_is_renamed_or_moved(
    demo_site, client, django_capture_on_commit_callbacks
):
    page = bank("tyooikeudellinen-tietopankki")
    old_url = page.url
    page.slug = "tyooikeuden-tietopankki"
    with django_capture_on_commit_callbacks(execute=True):  # the rename is announced on commit
        page.save_revision().publish()
    page.refresh_from_db()
    assert Redirect.objects.filter(old_path=old_url.rstrip("/")).exists()
    response = client.get(old_url)
    assert response.status_code == 301 and response["Location"].endswith(page.url)
    assert client.get(page.url).status_code == 200
    # The same for a Swedish page, whose addresses start with /sv/.
    sv_page = page.get_translation(Locale.objects.get(language_code="sv"))
    sv_old_url = sv_page.url
    sv_page.slug = "kunskapsbank-for-arbetsratt"
    with django_capture_on_commit_callbacks(execute=True):
        sv_page.save_revision().publish()
    sv_page.refresh_from_db()
    response = client.get(sv_old_url)
    assert response.status_code == 301 and response["Location"].endswith(sv_page.url)
    # Moved under another body: the old address, and the address before that, still lead there.
    renamed_url = page.url
    target = Page.objects.get(url_path="/koti/verkostot/tyosuojelupaallikoiden-verkosto/")
    page.move(target, pos="last-child")
    page.refresh_from_db()
    assert page.url.startswith("/verkostot/tyosuojelupaallikoiden-verkosto/")
    for url in (renamed_url, old_url):
        response = client.get(url, follow=True)
        assert response.redirect_chain and response.redirect_chain[-1][0].endswith(page.url)
        assert response.status_code == 200


def test_editor_defines_a_saved_listing_in_the_admin(demo_site, client, django_user_model):
    login(client, django_user_model, "toimittaja")
    url = "/admin/snippets/networks/savedlisting/add/"
    assert client.get(url).status_code == 200
    topic = Topic.objects.get(slug="tyoaika")
    response = client.post(
        url,
        {
            "name": "Työaika-aineisto",
            "name_sv": "Material om arbetstid",
            "kind": "materials",
            "include_sub_bodies": "on",
            "topics": [topic.pk],
            "ordering": "title",
            "limit": "5",
        },
    )
    assert response.status_code == 302
    listing = SavedListing.objects.get(name="Työaika-aineisto")
    assert list(listing.topics.all()) == [topic]
    assert (
        "Työaika-aineisto" in client.get("/admin/snippets/networks/savedlisting/").content.decode()
    )


def test_scheduled_publishing_and_revision_compare_are_on(demo_site, client, django_user_model):
    from django.core.management import call_command
    from django.utils import timezone

    page = StandardPage.objects.get(slug="tietosuojaseloste")
    first = page.latest_revision
    page.title = "Tietosuojaseloste (ajastettu)"
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()  # a future go-live date only schedules it
    page.refresh_from_db()
    assert page.title == "Tietosuojaseloste"
    # An hour later: the go-live time has passed when the scheduler runs.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.title == "Tietosuojaseloste (ajastettu)" and page.live

    login(client, django_user_model, "toimittaja")
    compare = f"/admin/pages/{page.pk}/revisions/compare/{first.pk}...{revision.pk}/"
    response = client.get(compare)
    assert (
        response.status_code == 200 and "Tietosuojaseloste (ajastettu)" in response.content.decode()
    )
    assert client.get(f"/admin/pages/{page.pk}/revisions/{first.pk}/revert/").status_code == 200
