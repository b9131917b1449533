"""A document's audience follows its folder on every path that makes or changes a document:
Wagtail's add form, its multiple uploader, the document chooser's upload tab, the edit form, our
bulk upload, Wagtail's "Add to collection" bulk action, code (management commands, the shell) —
with any collection value posted — and when a folder moves, or a restriction on it or an
ancestor is added, changed or lifted, or it is deleted.

"Never shown" is checked everywhere a visitor or another network's member could meet the file:
its address, the search page, the folder's listing, the body's public news feed and the API."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.models import Collection, Page, PageViewRestriction

from access import documents as audience
from access.privacy import restrict_page
from networks import approval
from networks.models import FolderPage, Material
from networks.tests.test_documents import pdf_bytes
from search.tests.test_search import result_titles
from search.tests.utils import refresh_index

pytestmark = pytest.mark.django_db


def api_documents(client):
    """The newest documents the read-only API lists to this reader."""
    response = client.get("/api/v2/documents/", {"order": "-id", "limit": 100})
    assert response.status_code == 200
    return response.content.decode()


User = get_user_model()
SECRET = "Salaisuusluettelo"  # one word, found by the search in any backend


@pytest.fixture
def members_folder(hr):
    return Page.objects.get(url_path="/koti/verkostot/hr-verkosto/jasenaineisto/").specific


@pytest.fixture
def public_folder(hr):
    folder = FolderPage(title="Julkiset ohjeet", slug="julkiset-ohjeet")
    hr.add_child(instance=folder)
    folder.save_revision().publish()
    return folder


@pytest.fixture
def editor(demo_site, django_user_model):
    return django_user_model.objects.get(username="toimittaja")


def as_user(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def upload():
    return SimpleUploadedFile("salaisuusluettelo.pdf", pdf_bytes(f"{SECRET} jäsenten nimet"))


def seen_by(client, document, body):
    """Where this reader meets the document: a list of the places, empty when nowhere."""
    places = []
    response = client.get(document.url)
    if response.status_code == 200:
        places.append("file")
    refresh_index(Material)  # Elasticsearch shows new writes after a refresh
    if SECRET in " ".join(result_titles(client.get("/haku/", {"q": SECRET}))):
        places.append("search")
    if document.folder_id and SECRET in client.get(document.folder.url).content.decode():
        places.append("listing")
    feed = client.get(f"/syotteet/verkostot/{body.slug}/uutiset.xml").content.decode()
    if SECRET in feed:
        places.append("feed")
    if SECRET in api_documents(client):
        places.append("api")
    return places


def assert_members_only(document, hr, hr_member, safety_member):
    """Nobody outside the HR network meets it anywhere; its own member meets it (so the check
    is not passing by looking at nothing). An editor's upload first waits for a publisher:
    until then not even the members meet it."""
    document = Material.objects.get(pk=document.pk)
    if document.audience_pending():
        assert seen_by(as_user(hr_member), document, hr) == []
        approval.approve(document, User.objects.get(username="julkaisija"))
        document = Material.objects.get(pk=document.pk)
    assert seen_by(as_user(None), document, hr) == []
    assert seen_by(as_user(safety_member), document, hr) == []
    assert as_user(None).get(document.url).status_code == 302  # the login page
    assert as_user(safety_member).get(document.url).status_code == 404  # as if missing
    assert {"file", "search", "listing", "api"} <= set(seen_by(as_user(hr_member), document, hr))


def root_id():
    return Collection.get_first_root_node().pk


def test_wagtail_add_form_files_into_a_members_folder(
    editor, members_folder, hr, hr_member, safety_member
):
    response = as_user(editor).post(
        "/admin/documents/add/",
        {
            "title": SECRET,
            "file": upload(),
            "collection": root_id(),  # the public root, as the old form defaulted to
            "folder": members_folder.pk,
            "language": "fi",
        },
    )
    assert response.status_code == 302
    assert_members_only(Material.objects.get(title=SECRET), hr, hr_member, safety_member)


def test_wagtail_add_form_has_no_collection_to_choose_and_says_who_will_see(editor, members_folder):
    html = as_user(editor).get("/admin/documents/add/").content.decode()
    assert 'name="collection"' not in html
    option = re.search(rf'<option value="{members_folder.pk}"[^>]*>([^<]+)<', html).group(1)
    assert "jäsenaineisto" in option and "Näkyy vain ryhmille: HR-verkosto – jäsenet" in option
    assert "Näkyy kaikille" in html  # a public folder says so too
    # Only folders and knowledge banks are offered.
    offered = set(re.findall(r'name="folder".*?</select>', html, re.S)[0].split("<option")[1:])
    assert len(offered) == Page.objects.type(*_folder_types()).filter(locale_id=1).count() + 1


def _folder_types():
    from networks.models import FolderPage, KnowledgeBankPage

    return FolderPage, KnowledgeBankPage


def test_multiple_uploader_keeps_a_file_for_editors_until_it_is_filed(
    editor, members_folder, hr, hr_member, safety_member
):
    client = as_user(editor)
    response = client.post(
        "/admin/documents/multiple/add/",
        {"files[]": upload(), "collection": root_id(), "title": SECRET},
    ).json()
    assert response["success"]
    document = Material.objects.get(pk=response["doc_id"])
    # Not filed yet: editors only, whatever collection the uploader sent.
    assert document.collection == audience.unfiled_collection()
    assert seen_by(as_user(None), document, hr) == []
    assert seen_by(as_user(hr_member), document, hr) == []
    assert client.get(document.url).status_code == 200  # the editor checks the upload
    prefix = f"doc-{document.pk}"
    response = client.post(
        f"/admin/documents/multiple/{document.pk}/",
        {
            f"{prefix}-title": SECRET,
            f"{prefix}-collection": root_id(),
            f"{prefix}-folder": members_folder.pk,
            f"{prefix}-language": "fi",
        },
    ).json()
    assert response["success"]
    assert_members_only(Material.objects.get(pk=document.pk), hr, hr_member, safety_member)


def test_multiple_uploader_completes_a_file_kept_aside(editor, members_folder):
    """Wagtail keeps an upload aside when the first short form fails (here: a title too long);
    completing it later attaches the file after the form is checked, which must not fail."""
    client = as_user(editor)
    response = client.post(
        "/admin/documents/multiple/add/",
        {"files[]": upload(), "collection": root_id(), "title": "x" * 300},
    ).json()
    upload_id = response["uploaded_file_id"]
    prefix = f"uploaded-document-{upload_id}"
    response = client.post(
        f"/admin/documents/multiple/create_from_uploaded_document/{upload_id}/",
        {
            f"{prefix}-title": SECRET,
            f"{prefix}-folder": members_folder.pk,
            f"{prefix}-language": "fi",
        },
    ).json()
    assert response["success"]
    document = Material.objects.get(title=SECRET)
    assert document.folder_id == members_folder.pk and document.file.name.endswith(".pdf")
    assert as_user(None).get(document.url).status_code == 302


def test_a_document_without_a_folder_is_for_editors_only(editor, hr, hr_member):
    document = Material.objects.create(
        title=SECRET,
        file=ContentFile(pdf_bytes(f"{SECRET} luonnos"), name="luonnos.pdf"),
        body=hr,
        collection=Collection.get_first_root_node(),
    )
    assert document.collection == audience.unfiled_collection()
    assert seen_by(as_user(None), document, hr) == []
    assert seen_by(as_user(hr_member), document, hr) == []
    assert as_user(editor).get(document.url).status_code == 200


def test_chooser_upload_tab_files_into_a_members_folder(
    editor, members_folder, hr, hr_member, safety_member
):
    response = as_user(editor).post(
        "/admin/documents/chooser/create/",
        {
            "document-chooser-upload-title": SECRET,
            "document-chooser-upload-file": upload(),
            "document-chooser-upload-collection": root_id(),
            "document-chooser-upload-folder": members_folder.pk,
            "document-chooser-upload-language": "fi",
        },
    )
    assert response.status_code == 200, response.content[:500]
    assert_members_only(Material.objects.get(title=SECRET), hr, hr_member, safety_member)


def test_edit_form_cannot_move_a_members_file_to_a_public_collection(
    editor, hr, hr_member, safety_member
):
    document = Material.objects.get(title="HR-verkoston jäsenluettelo 2020")
    document.title = SECRET
    document.save()
    response = as_user(editor).post(
        f"/admin/documents/edit/{document.pk}/",
        {
            "title": SECRET,
            "collection": hr.collection_id,  # the network's public collection
            "folder": document.folder_id,
            "language": "fi",
        },
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert_members_only(document, hr, hr_member, safety_member)
    html = as_user(editor).get(f"/admin/documents/edit/{document.pk}/").content.decode()
    assert "Nyt: Näkyy vain ryhmille: HR-verkosto – jäsenet" in html


def test_add_to_collection_bulk_action_is_refused_and_moves_nothing(
    editor, hr, hr_member, safety_member
):
    document = Material.objects.get(title="HR-verkoston jäsenluettelo 2020")
    document.title = SECRET
    document.save()
    before = document.collection_id
    response = as_user(editor).post(
        "/admin/bulk/networks/material/add_to_collection/?id=" + str(document.pk),
        {"collection": root_id()},
        follow=True,
    )
    assert "kansio" in response.content.decode()  # the refusal says what decides instead
    document.refresh_from_db()
    assert document.collection_id == before
    # Code that writes the rows directly does not move it either.
    Material.objects.filter(pk=document.pk).update(collection=Collection.get_first_root_node())
    document.refresh_from_db()
    assert document.collection_id == before
    assert_members_only(document, hr, hr_member, safety_member)


def test_code_and_commands_cannot_make_a_members_file_public(
    members_folder, hr, hr_member, safety_member
):
    document = Material.objects.create(
        title=SECRET,
        file=ContentFile(pdf_bytes(f"{SECRET} jäsenten nimet"), name="lista.pdf"),
        body=hr,
        folder=members_folder,
        collection=Collection.get_first_root_node(),
    )
    assert_members_only(document, hr, hr_member, safety_member)


def test_rows_made_in_bulk_follow_their_folder(members_folder, hr, hr_member, safety_member):
    (document,) = Material.objects.bulk_create(
        [
            Material(
                title=SECRET,
                file=ContentFile(pdf_bytes(f"{SECRET} jäsenten nimet"), name="lista.pdf"),
                body=hr,
                folder=members_folder,
                collection=Collection.get_first_root_node(),
            )
        ]
    )
    document = Material.objects.get(title=SECRET)
    assert as_user(None).get(document.url).status_code == 302
    assert as_user(safety_member).get(document.url).status_code == 404
    assert as_user(hr_member).get(document.url).status_code == 200


def new_document(folder, body):
    return Material.objects.create(
        title=SECRET,
        file=ContentFile(pdf_bytes(f"{SECRET} jäsenten nimet"), name="lista.pdf"),
        body=body,
        folder=folder,
    )


def test_moving_a_public_folder_under_a_members_page_takes_its_files_along(
    editor, public_folder, members_folder, hr, hr_member, safety_member, django_user_model
):
    document = new_document(public_folder, hr)
    assert "file" in seen_by(as_user(None), document, hr)  # public at first
    publisher = django_user_model.objects.get(username="julkaisija")
    response = as_user(publisher).post(
        f"/admin/pages/{public_folder.pk}/move/{members_folder.pk}/confirm/"
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert_members_only(document, hr, hr_member, safety_member)


def test_restricting_an_ancestor_carries_the_files_and_lifting_it_frees_them(
    public_folder, hr, hr_member, safety_member, django_user_model
):
    document = new_document(public_folder, hr)
    admin = django_user_model.objects.get(username="admin")
    client = as_user(admin)
    # The network page itself becomes members-only through Wagtail's privacy dialog.
    response = client.post(
        f"/admin/pages/{hr.pk}/privacy/",
        {"restriction_type": "groups", "groups": [hr.members_group_id]},
    )
    assert response.status_code == 200 and "error" not in response.content.decode()[:200]
    document.refresh_from_db()
    assert as_user(None).get(document.url).status_code == 302
    assert as_user(safety_member).get(document.url).status_code == 404
    assert as_user(hr_member).get(document.url).status_code == 200
    # Lifting it makes the file public again.
    client.post(f"/admin/pages/{hr.pk}/privacy/", {"restriction_type": "none"})
    document.refresh_from_db()
    assert as_user(None).get(document.url).status_code == 200
    assert not PageViewRestriction.objects.filter(page=hr).exists()


def test_changing_the_groups_of_a_restriction_changes_who_opens_the_files(
    members_folder, hr, safety, hr_member, safety_member
):
    document = Material.objects.get(title="HR-verkoston jäsenluettelo 2020")
    restriction = PageViewRestriction.objects.get(page=members_folder)
    restriction.groups.add(safety.members_group)
    assert as_user(safety_member).get(document.url).status_code == 200
    restriction.groups.remove(safety.members_group)
    assert as_user(safety_member).get(document.url).status_code == 404


def test_login_and_password_restrictions_are_copied(public_folder, hr, hr_member):
    document = new_document(public_folder, hr)
    restriction = PageViewRestriction.objects.create(
        page=public_folder, restriction_type=PageViewRestriction.LOGIN
    )
    assert as_user(None).get(document.url).status_code == 302
    assert as_user(hr_member).get(document.url).status_code == 200
    restriction.restriction_type = PageViewRestriction.PASSWORD
    restriction.password = "salasana"
    restriction.save()
    response = as_user(hr_member).get(document.url)
    assert response.status_code == 200 and 'name="password"' in response.content.decode()
    assert audience.describe(Material.objects.get(pk=document.pk)) == (
        "Näkyy vain sivun salasanan tietäville."
    )


def test_deleting_a_folder_leaves_its_files_to_editors(public_folder, hr, editor, hr_member):
    document = new_document(public_folder, hr)
    public_folder.delete()
    document.refresh_from_db()
    assert document.folder_id is None
    assert document.collection == audience.unfiled_collection()
    assert as_user(None).get(document.url).status_code == 302
    assert as_user(hr_member).get(document.url).status_code == 404
    assert as_user(editor).get(document.url).status_code == 200


def test_a_newsletter_issue_file_is_as_public_as_its_newsletter(hr):
    from networks.models import NewsletterIssue

    issue = NewsletterIssue.objects.filter(page__path__startswith=hr.path).first()
    assert issue.document.folder_id is None
    assert as_user(None).get(issue.document.url).status_code == 200
    restrict_page(issue.page, hr.members_group)
    assert as_user(None).get(issue.document.url).status_code == 302


def test_existing_documents_are_migrated_to_their_folders_collection(members_folder):
    document = Material.objects.get(title="HR-verkoston jäsenluettelo 2020")
    Material.objects.filter(pk=document.pk)  # rows written around the rule, as before this
    from django.db.models import QuerySet

    QuerySet.update(
        Material.objects.filter(pk=document.pk), collection=Collection.get_first_root_node()
    )
    assert as_user(None).get(document.url).status_code == 200  # the old leak
    from importlib import import_module

    from django.apps import apps

    migration = import_module("access.migrations.0002_documents_follow_their_folders")
    migration.refile_documents(apps, None)
    assert as_user(None).get(document.url).status_code == 302
