"""A folder lists, filters and counts only the documents its reader may open: the listing and
the files agree. Built with the factories (`networks.factories`), not the demo site."""

import re

import pytest
from django.contrib.auth.models import Group

from access.privacy import readers_of_private_material, restrict_page
from home.factories import HomePageFactory
from networks.factories import (
    BodyPageFactory,
    FolderPageFactory,
    KnowledgeBankPageFactory,
    MaterialFactory,
    MembersGroupFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def home():
    return HomePageFactory()


@pytest.fixture
def members():
    return MembersGroupFactory()


@pytest.fixture
def member(members, django_user_model):
    user = django_user_model.objects.create_user("testijasen")
    user.groups.add(members)
    return user


def listing(client, folder):
    """The folder page as this client gets it."""
    response = client.get(folder.url)
    assert response.status_code == 200
    return response.content.decode()


def listed(html):
    """The titles of the documents in the page's list of materials."""
    table = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r'<a href="/documents/\d+/"[^>]*>([^<]+)</a>', table)


def opened(client, documents):
    """The titles of the documents whose file this client may open, in the listing's order."""
    return sorted(d.title for d in documents if client.get(d.url).status_code == 200)


def test_a_visitor_sees_and_filters_only_the_documents_they_may_open(client, django_user_model):
    folder = FolderPageFactory()
    safety, secret = TopicFactory(name_fi="Työturvallisuus"), TopicFactory(name_fi="Salaisuus")
    documents = [
        MaterialFactory(folder=folder, title="Ohje A", year=2025, topics=[safety]),
        MaterialFactory(folder=folder, title="Ohje B", year=2026),
        # A file added by someone who may not publish waits for a publisher: editors only.
        MaterialFactory(folder=folder, title="Odottava", year=2019, topics=[secret], pending=True),
    ]

    html = listing(client, folder)
    assert listed(html) == opened(client, documents) == ["Ohje A", "Ohje B"]
    # The year and topic filters offer only what the listed documents have.
    assert '<option value="2025"' in html and '<option value="2019"' not in html
    assert "Työturvallisuus" in html and "Salaisuus" not in html

    editor = django_user_model.objects.create_user("testitoimittaja")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    html = listing(client, folder)
    assert listed(html) == opened(client, documents) == ["Odottava", "Ohje A", "Ohje B"]


def test_a_knowledge_bank_lists_a_members_only_folder_to_members(client, member, members):
    body = BodyPageFactory(members_group=members)
    bank = KnowledgeBankPageFactory(parent=body)
    private = FolderPageFactory(parent=bank, title="Jäsenille", restricted_to=members)
    documents = [
        MaterialFactory(folder=bank, title="Julkinen opas"),
        MaterialFactory(folder=private, title="Jäsenten muistio"),
    ]
    # The members-only file is in a collection of its own, restricted like its folder.
    public, restricted = (d.collection for d in documents)
    assert public == body.collection and not public.get_view_restrictions().exists()
    (restriction,) = restricted.get_view_restrictions()
    assert set(restriction.groups.all()) == {members, *readers_of_private_material()}

    html = listing(client, bank)
    assert listed(html) == opened(client, documents) == ["Julkinen opas"]
    assert "Jäsenille" not in html  # nor the folder itself

    client.force_login(member)
    html = listing(client, bank)
    assert listed(html) == opened(client, documents) == ["Julkinen opas", "Jäsenten muistio"]
    assert "Jäsenille" in html


def test_documents_follow_their_folder_when_it_becomes_members_only(client, member, members):
    bank = KnowledgeBankPageFactory()
    folder = FolderPageFactory(parent=bank)
    documents = [MaterialFactory(folder=folder, title="Pöytäkirja")]
    assert listed(listing(client, bank)) == opened(client, documents) == ["Pöytäkirja"]

    restrict_page(folder, members)
    for document in documents:
        document.refresh_from_db()
    assert listed(listing(client, bank)) == opened(client, documents) == []
    client.force_login(member)
    assert listed(listing(client, bank)) == opened(client, documents) == ["Pöytäkirja"]
