"""Files wait for approval: what a publisher has not approved is not public, whichever screen
it came from. An editor's new file and an editor's replacement are neither served, found,
listed nor fed to anyone but editors; the old approved file keeps serving; after approval the
new one does, and the version history names both people."""

import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from networks.models import Material, MaterialVersion
from networks.tests.test_documents import pdf_bytes
from search.tests.test_search import result_titles
from search.tests.utils import refresh_index

pytestmark = pytest.mark.django_db


def api_documents(client):
    """The newest documents the read-only API lists to this reader."""
    response = client.get("/api/v2/documents/", {"order": "-id", "limit": 100})
    assert response.status_code == 200
    return response.content.decode()


NEW_WORD = "Kvanttiperehdytys"  # found only in the new file


@pytest.fixture
def people(demo_site, django_user_model):
    def client_for(username=None):
        client = Client()
        if username:
            client.force_login(django_user_model.objects.get(username=username))
        return client

    return client_for


@pytest.fixture
def public_document(hr):
    """A publisher's document in a public folder of the HR network (its own file: other tests
    replace the demo's files, and storage is not rolled back with the database)."""
    from django.core.files.base import ContentFile

    from members.tests.helpers import public_folder

    document = Material.objects.create(
        title="Työaikaopas",
        file=ContentFile(pdf_bytes("Työaika ja lepoajat"), name="tyoaikaopas.pdf"),
        folder=public_folder(hr),
    )
    assert document.body == hr  # the folder's body
    assert document.collection.get_view_restrictions().count() == 0
    return document


def served(client, document):
    response = client.get(document.url)
    if response.status_code != 200:
        return None
    return b"".join(response.streaming_content)


def found(client, word):
    refresh_index(Material)  # Elasticsearch shows new writes after a refresh
    return result_titles(client.get("/haku/", {"q": word}))


def meets(client, document, word):
    """Where this reader meets the document: its file, the search, its folder, the API, the feed."""
    places = []
    if served(client, document) is not None:
        places.append("file")
    if document.title in found(client, word):
        places.append("search")
    if document.folder_id and document.title in client.get(document.folder.url).content.decode():
        places.append("listing")
    if document.title in api_documents(client):
        places.append("api")
    body_feed = f"/syotteet/verkostot/{document.body.slug}/uutiset.xml"
    if document.title in client.get(body_feed).content.decode():
        places.append("feed")
    return places


def test_an_editors_new_file_waits_for_a_publisher(people, public_document, hr_member):
    editor = people("toimittaja")
    response = editor.post(
        "/admin/documents/add/",
        {
            "title": "Perehdytysopas 2026",
            "file": SimpleUploadedFile("opas.pdf", pdf_bytes(f"{NEW_WORD} ja muut ohjeet")),
            "folder": public_document.folder_id,
            "language": "fi",
        },
    )
    assert response.status_code == 302
    document = Material.objects.get(title="Perehdytysopas 2026")
    assert document.audience_pending()
    for reader in (people(), people("jasen-hr")):
        assert meets(reader, document, NEW_WORD) == []
    assert served(editor, document) is not None  # editors check what waits

    # The publisher finds it on the dashboard beside the pages to review, and approves it.
    publisher = people("julkaisija")
    dashboard = publisher.get("/admin/").content.decode()
    assert "Hyväksyntääsi odottavat tiedostot" in dashboard and document.title in dashboard
    approve_url = f"/admin/materials/{document.pk}/approve/"
    assert approve_url in dashboard
    publisher.post(approve_url)
    document.refresh_from_db()
    assert not document.audience_pending()
    assert {"file", "search", "listing", "api", "feed"} <= set(meets(people(), document, NEW_WORD))
    history = publisher.get(f"/admin/materials/{document.pk}/versions/").content.decode()
    assert "toimittaja" in history and "julkaisija" in history
    assert document.file_uploaded_by.username == "toimittaja"
    assert document.approved_by.username == "julkaisija"


def test_members_hear_of_a_new_file_when_it_is_approved(
    people, hr, hr_member, django_capture_on_commit_callbacks
):
    from members.tests.helpers import public_folder

    member = people("jasen-hr")
    assert member.post(f"/omat-verkostot/ilmoitukset/{hr.pk}/", {"alert": "on"}).status_code == 302
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        people("toimittaja").post(
            "/admin/documents/add/",
            {
                "title": "HR-verkoston uusi ohje",
                "file": SimpleUploadedFile("ohje.pdf", pdf_bytes("Uusi ohje")),
                "folder": public_folder(hr).pk,
                "language": "fi",
            },
        )
    assert mail.outbox == []  # nobody but editors may open it yet
    document = Material.objects.get(title="HR-verkoston uusi ohje")
    with django_capture_on_commit_callbacks(execute=True):
        people("julkaisija").post(f"/admin/materials/{document.pk}/approve/")
    assert [m.to for m in mail.outbox] == [[hr_member.email]]
    assert "HR-verkoston uusi ohje" in mail.outbox[0].subject


def test_an_editors_replacement_waits_and_the_approved_file_keeps_serving(people, public_document):
    old_bytes = served(people(), public_document)
    editor = people("toimittaja")
    response = editor.post(
        f"/admin/documents/edit/{public_document.pk}/",
        {
            "title": public_document.title,
            "file": SimpleUploadedFile("tyoaikalaki-2026.pdf", pdf_bytes(f"{NEW_WORD} uusi")),
            "folder": public_document.folder_id,
            "language": "fi",
        },
    )
    assert response.status_code == 302
    document = Material.objects.get(pk=public_document.pk)
    assert MaterialVersion.objects.filter(document=document, pending=True).count() == 1
    for reader in (people(), people("jasen-hr"), editor):
        assert served(reader, document) == old_bytes
    assert document.title not in found(people(), NEW_WORD)  # the new text is not indexed
    assert NEW_WORD not in document.extracted_text

    publisher = people("julkaisija")
    versions = publisher.get(f"/admin/materials/{document.pk}/versions/").content.decode()
    assert "Odottaa hyväksyntää" in versions
    publisher.post(f"/admin/materials/{document.pk}/approve/")
    document = Material.objects.get(pk=document.pk)
    new_bytes = served(people(), document)
    assert new_bytes != old_bytes and new_bytes.startswith(b"%PDF")
    assert NEW_WORD in document.extracted_text
    assert document.title in found(people(), NEW_WORD)
    assert document.url == public_document.url  # the address survives
    earlier = MaterialVersion.objects.get(document=document, pending=False)
    assert earlier.created_by.username == "julkaisija"  # replaced when approved
    assert document.file_uploaded_by.username == "toimittaja"
    assert document.approved_by.username == "julkaisija"
    history = publisher.get(f"/admin/materials/{document.pk}/versions/").content.decode()
    row = re.search(r'<table class="listing current">.*?</table>', history, re.S).group(0)
    assert "toimittaja" in row and "julkaisija" in row


def test_a_publishers_upload_and_replacement_are_live_at_once(people, public_document):
    publisher = people("julkaisija")
    publisher.post(
        f"/admin/documents/edit/{public_document.pk}/",
        {
            "title": public_document.title,
            "file": SimpleUploadedFile("tyoaikalaki-2026.pdf", pdf_bytes(f"{NEW_WORD} uusi")),
            "folder": public_document.folder_id,
            "language": "fi",
        },
    )
    document = Material.objects.get(pk=public_document.pk)
    assert NEW_WORD in document.extracted_text
    assert not MaterialVersion.objects.filter(document=document, pending=True).exists()
    earlier = MaterialVersion.objects.get(document=document)
    assert earlier.created_by.username == "julkaisija"  # the "by" column is filled now


def test_an_editors_restore_and_swedish_file_wait_too(people, public_document):
    editor = people("toimittaja")
    publisher = people("julkaisija")
    publisher.post(
        f"/admin/documents/edit/{public_document.pk}/",
        {
            "title": public_document.title,
            "file": SimpleUploadedFile("uusi.pdf", pdf_bytes("Toinen versio")),
            "folder": public_document.folder_id,
            "language": "fi",
        },
    )
    current = served(people(), public_document)
    earlier = MaterialVersion.objects.get(document=public_document)
    editor.post(f"/admin/materials/versions/{earlier.pk}/restore/")
    assert served(people(), public_document) == current
    editor.post(
        f"/admin/documents/edit/{public_document.pk}/",
        {
            "title": public_document.title,
            "file_sv": SimpleUploadedFile("svenska.pdf", pdf_bytes("Arbetstidslagen")),
            "folder": public_document.folder_id,
            "language": "fi",
        },
    )
    document = Material.objects.get(pk=public_document.pk)
    assert not document.file_sv
    assert document.versions.filter(pending=True).count() == 2
    publisher.post(f"/admin/materials/{document.pk}/approve/")
    document = Material.objects.get(pk=document.pk)
    assert document.file_sv and served(people(), document) != current
    assert not document.versions.filter(pending=True).exists()


def test_only_publishers_approve(people, public_document):
    response = people("toimittaja").post(f"/admin/materials/{public_document.pk}/approve/")
    assert response.status_code in (302, 403)
    assert "Hyväksyntääsi odottavat" not in people("toimittaja").get("/admin/").content.decode()


def test_only_a_publisher_files_a_document_where_more_people_see_it(people, hr):
    """Moving an approved members-only document to a public folder would make it public: the
    editor's form refuses; the publisher's does it."""
    document = Material.objects.get(title="HR-verkoston jäsenluettelo 2020")
    from members.tests.helpers import public_folder

    public = public_folder(hr)
    form = {"title": document.title, "folder": public.pk, "language": "fi"}
    response = people("toimittaja").post(f"/admin/documents/edit/{document.pk}/", form)
    assert response.status_code == 200 and "Vain julkaisija" in response.content.decode()
    assert Material.objects.get(pk=document.pk).folder_id != public.pk
    assert people().get(document.url).status_code == 302
    # Within the same readers the editor may refile it.
    response = people("toimittaja").post(
        f"/admin/documents/edit/{document.pk}/", {**form, "folder": document.folder_id}
    )
    assert response.status_code == 302
    people("julkaisija").post(f"/admin/documents/edit/{document.pk}/", form)
    assert Material.objects.get(pk=document.pk).folder_id == public.pk
    assert people().get(document.url).status_code == 200
