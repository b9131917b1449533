"""Documents: who may open them, what may be uploaded, and a replaced file keeps its URL."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Collection

from networks.models import Material, MaterialVersion

pytestmark = pytest.mark.django_db


def pdf_bytes(text="Työsuojelupäälliköiden verkosto"):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, text.encode("latin-1", "replace").decode("latin-1"))
    return bytes(pdf.output())


def docx_bytes():
    from docx import Document

    buffer = io.BytesIO()
    document = Document()
    document.add_paragraph("Jäsenluettelo")
    document.save(buffer)
    return buffer.getvalue()


def test_private_document_login_for_visitors_404_for_other_networks(
    demo_site, client, django_user_model
):
    private = Material.objects.get(title="HR-verkoston jäsenluettelo 2020")
    assert client.get(private.url).status_code == 302
    client.force_login(django_user_model.objects.get(username="jasen-tyosuojelu"))
    refused = client.get(private.url)
    missing = client.get("/documents/999999/")
    assert refused.status_code == missing.status_code == 404
    client.force_login(django_user_model.objects.get(username="jasen-hr"))
    assert client.get(private.url).status_code == 200


def upload(admin_client, name, content, language="fi"):
    return admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Testiaineisto",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
            "language": "fi",
        },
        HTTP_ACCEPT_LANGUAGE=language,
    )


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("tyhja.pdf", b"", "tyhjä"),
        ("valhe.pdf", b"Tavallista tekstia, ei PDF:aa.", "TXT"),
        ("rikki.pdf", b"%PDF-1.4\n1 0 obj <<", "vioittunut"),
        ("rikki.docx", b"PK\x03\x04 not really a zip", "ei voi ladata"),
        ("ohjelma.exe", b"MZ\x90\x00\x03\x00\x00\x00", "ei voi ladata"),
    ],
)
def test_bad_uploads_are_refused_with_a_clear_message(
    demo_site, admin_client, name, content, message
):
    before = set(Material.objects.values_list("pk", "file"))
    response = upload(admin_client, name, content)
    assert response.status_code == 200  # the form again, with the message
    assert message in response.content.decode()
    assert set(Material.objects.values_list("pk", "file")) == before


def test_oversized_upload_is_refused_in_swedish_too(demo_site, admin_client, admin_user, settings):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "sv"  # the admin speaks its user's chosen language
    profile.save()
    settings.MATERIAL_MAX_UPLOAD_SIZE = 1000
    response = upload(admin_client, "iso.pdf", pdf_bytes("x" * 200) + b" " * 2000, language="sv")
    assert "för stor" in response.content.decode()


def test_good_uploads_are_kept_with_their_text(demo_site, admin_client):
    for name, content in (("ohje.pdf", pdf_bytes()), ("lista.docx", docx_bytes())):
        response = upload(admin_client, name, content)
        assert response.status_code == 302, response.content.decode()[:500]
    assert Material.objects.filter(title="Testiaineisto").count() == 2
    assert (
        "Jäsenluettelo"
        in Material.objects.get(file__endswith=".docx", title="Testiaineisto").extracted_text
    )


def test_replacing_a_file_keeps_the_url_and_the_old_version(demo_site, admin_client, client):
    document = Material.objects.get(title="Työaikalain muutokset")
    url = document.url
    old_bytes = b"".join(client.get(url).streaming_content)
    response = admin_client.post(
        f"/admin/documents/edit/{document.pk}/",
        {
            "title": document.title,
            "file": SimpleUploadedFile("tyoaikalaki-2021.pdf", pdf_bytes("Uusi versio")),
            "folder": document.folder_id,
            "language": "fi",
        },
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.url == url
    new_bytes = b"".join(client.get(url).streaming_content)
    assert new_bytes != old_bytes and new_bytes.startswith(b"%PDF")
    version = MaterialVersion.objects.get(document=document)
    assert version.file.read() == old_bytes

    restore = admin_client.post(f"/admin/materials/versions/{version.pk}/restore/")
    assert restore.status_code == 302
    assert b"".join(client.get(url).streaming_content) == old_bytes
    assert MaterialVersion.objects.filter(document=document).count() == 2


def test_folder_listing_hides_documents_of_members_only_subfolders(
    demo_site, client, django_user_model
):
    from access.privacy import restrict_page
    from networks.models import BodyPage, FolderPage, KnowledgeBankPage

    bank = KnowledgeBankPage.objects.get(slug="tyosuojelun-tietopankki")
    body = BodyPage.objects.get(pk=bank.get_parent().pk)
    subfolder = bank.add_child(instance=FolderPage(title="Jäsenten muistiot", slug="muistiot"))
    restrict_page(subfolder, body.members_group)
    private = Material.objects.get(title="Verkkotapaamisten muistiot 2020")
    private.folder = subfolder  # the bank lists its subfolders' documents too
    private.save()
    assert "Verkkotapaamisten muistiot 2020" not in client.get(bank.url).content.decode()
    client.force_login(django_user_model.objects.get(username="jasen-tyosuojelu"))
    assert "Verkkotapaamisten muistiot 2020" in client.get(bank.url).content.decode()
