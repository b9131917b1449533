"""Nothing goes live without a publisher. A translator (`kaantaja`) and an editor (`toimittaja`)
try every route that could make a Swedish or Finnish draft live, or show a page to more people:

- wagtail-localize's convert to alias (`/admin/localize/page/<id>/convert_to_alias/`),
- its update translations with "Publish immediately" (`/admin/localize/update/<id>/`),
- its stop synced translation (`/admin/localize/translate/<id>/disable/`),
- the segment editor's publish button (a POST to the page's edit view),
- Wagtail's copy with "publish copies",
- Wagtail's bulk publish action,
- moving a page out from under a restriction, one page or in bulk.

Nothing goes live, a visitor gets 404, and the refused actions leave the page unchanged. The
translator's own way is the hand-off: the draft goes to the approval workflow, and a publisher
approves it from the dashboard."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from networks.models import FolderPage

pytestmark = pytest.mark.django_db

SV_TEXT = "Utbildningsmaterial för chefer"


@pytest.fixture
def sv():
    return Locale.objects.get(language_code="sv")


@pytest.fixture
def users(demo_site, django_user_model):
    def client_for(username):
        client = Client()
        client.force_login(django_user_model.objects.get(username=username))
        return client

    return client_for


@pytest.fixture
def swedish_draft(hr, sv, users):
    """A new Finnish folder, live, submitted for translation: its Swedish page is a draft."""
    folder = FolderPage(title="Koulutusaineisto", slug="koulutusaineisto")
    hr.add_child(instance=folder)
    folder.save_revision().publish()
    url = reverse("wagtail_localize:submit_page_translation", args=[folder.id])
    assert users("toimittaja").post(url, {"locales": [sv.id]}).status_code == 302
    swedish = folder.get_translation(sv)
    assert not swedish.live
    return swedish


def translate_title(client, page, sv, text):
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=sv)
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

    url = reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id])
    response = client.put(
        url, encode_multipart(BOUNDARY, {"value": text}), content_type=MULTIPART_CONTENT
    )
    assert response.status_code in (200, 201)
    return translation


def is_unchanged_draft(page):
    page = Page.objects.get(pk=page.pk)
    return not page.live and page.alias_of_id is None


@pytest.mark.parametrize("username", ["kaantaja", "toimittaja"])
def test_convert_to_alias_is_refused_and_leaves_the_draft(swedish_draft, users, username):
    client = users(username)
    url = reverse("wagtail_localize:convert_to_alias", args=[swedish_draft.pk])
    assert url == f"/admin/localize/page/{swedish_draft.pk}/convert_to_alias/"
    response = client.post(url, follow=True)
    assert "Vain julkaisija" in response.content.decode()
    assert is_unchanged_draft(swedish_draft)
    assert Client().get(f"{swedish_draft.get_parent().url}koulutusaineisto/").status_code == 404
    # Nor is it offered in the page's menu.
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[swedish_draft.pk]))
    assert "convert_to_alias" not in edit.content.decode()


def test_a_publisher_may_still_convert_to_alias(swedish_draft, users):
    client = users("julkaisija")
    client.post(reverse("wagtail_localize:convert_to_alias", args=[swedish_draft.pk]))
    assert Page.objects.get(pk=swedish_draft.pk).alias_of_id is not None


@pytest.fixture
def changed_source(hr, sv):
    """The HR network's page, changed in Finnish after its live Swedish translation."""
    hr.summary += " Uusi lause, jota ei ole vielä käännetty."
    hr.save_revision().publish()
    swedish = hr.get_translation(sv)
    assert swedish.live
    source = TranslationSource.objects.get(object_id=hr.translation_key, locale__language_code="fi")
    return source, swedish


def sync(client, source, publish, capture):
    """wagtail-localize publishes once the transaction commits: run what it leaves for then."""
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    form = client.get(url)
    assert form.status_code == 200
    data = {"publish_translations": "on"} if publish else {}
    with capture(execute=True):
        response = client.post(url, data)
    return form, response


@pytest.mark.parametrize("username", ["kaantaja", "toimittaja"])
def test_update_translations_does_not_publish_for_them(
    changed_source, users, username, django_capture_on_commit_callbacks
):
    source, swedish = changed_source
    live = swedish.live_revision_id
    form, response = sync(
        users(username), source, publish=True, capture=django_capture_on_commit_callbacks
    )
    assert 'name="publish_translations"' not in form.content.decode()
    assert response.status_code == 302
    assert Page.objects.get(pk=swedish.pk).live_revision_id == live
    assert "vielä käännetty" not in Client().get(swedish.url).content.decode()


def test_update_translations_still_publishes_for_a_publisher(
    changed_source, users, django_capture_on_commit_callbacks
):
    source, swedish = changed_source
    live = swedish.live_revision_id
    form, response = sync(
        users("julkaisija"), source, publish=True, capture=django_capture_on_commit_callbacks
    )
    assert 'name="publish_translations"' in form.content.decode()
    assert Page.objects.get(pk=swedish.pk).live_revision_id != live


def test_stopping_a_synced_translation_is_for_publishers(swedish_draft, users, sv):
    translation = Translation.objects.get(
        source__object_id=swedish_draft.translation_key, target_locale=sv
    )
    url = reverse("wagtail_localize:stop_translation", args=[translation.pk])
    users("kaantaja").post(url)
    translation.refresh_from_db()
    assert translation.enabled
    # The segment editor offers the translator neither stop nor convert.
    editor = users("kaantaja").get(reverse("wagtailadmin_pages:edit", args=[swedish_draft.pk]))
    html = editor.content.decode()
    assert "js-translation-editor" in html
    assert "/disable/" not in html and "convert_to_alias" not in html
    assert "Lähetä hyväksyttäväksi" in html


@pytest.mark.parametrize("username", ["kaantaja", "toimittaja"])
def test_segment_editor_publish_copy_and_bulk_publish_do_not_publish(
    swedish_draft, users, username, hr
):
    client = users(username)
    client.post(reverse("wagtailadmin_pages:edit", args=[swedish_draft.pk]), {"action": "publish"})
    assert is_unchanged_draft(swedish_draft)
    client.post(
        f"/admin/bulk/wagtailcore/page/publish/?id={swedish_draft.pk}",
        {"include_descendants": ""},
    )
    assert is_unchanged_draft(swedish_draft)
    # Copying a live Finnish page with "publish copies" gives a draft copy at most.
    finnish = swedish_draft.get_translation(Locale.get_default())
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[finnish.pk]),
        {
            "new_title": "Kopio",
            "new_slug": "kopio",
            "new_parent_page": hr.pk,
            "copy_subpages": "",
            "publish_copies": "on",
            "alias": "",
        },
    )
    copy = Page.objects.filter(slug="kopio").first()
    assert copy is None or not copy.live, response.status_code


def members_only_folder():
    return Page.objects.get(url_path="/koti/verkostot/hr-verkosto/jasenaineisto/")


@pytest.fixture
def restricted_child(hr, django_user_model):
    """An editor's own draft under the HR network's members-only folder, restricted by its
    parent alone: Wagtail lets an editor move their own drafts, so only our rule stops it."""
    folder = members_only_folder()
    editor = django_user_model.objects.get(username="toimittaja")
    child = FolderPage(title="Sisäinen muistio", slug="sisainen-muistio", owner=editor, live=False)
    folder.add_child(instance=child)
    child.save_revision(user=editor)
    assert not PageViewRestriction.objects.filter(page=child).exists()
    return child


def parent_of(page):
    return Page.objects.get(pk=page.pk).get_parent().pk


def test_moving_out_from_under_a_restriction_needs_a_publisher(restricted_child, users, hr):
    url = reverse("wagtailadmin_pages:move_confirm", args=[restricted_child.pk, hr.pk])
    response = users("toimittaja").post(url, follow=True)
    assert "Vain julkaisija" in response.content.decode()
    assert parent_of(restricted_child) == members_only_folder().pk
    # In bulk too.
    response = users("toimittaja").post(
        f"/admin/bulk/wagtailcore/page/move/?id={restricted_child.pk}",
        {"chooser": hr.pk},
        follow=True,
    )
    assert "Vain julkaisija" in response.content.decode()
    assert parent_of(restricted_child) == members_only_folder().pk
    # A publisher may.
    users("julkaisija").post(url)
    assert parent_of(restricted_child) == hr.pk


def test_moving_within_the_same_restriction_needs_no_publisher(restricted_child, users):
    sibling = FolderPage(title="Toinen", slug="toinen")
    members_only_folder().add_child(instance=sibling)
    sibling.save_revision().publish()
    url = reverse("wagtailadmin_pages:move_confirm", args=[restricted_child.pk, sibling.pk])
    users("toimittaja").post(url)
    assert parent_of(restricted_child) == sibling.pk


def dashboard_approves(client, page):
    """The publisher's dashboard lists the page awaiting review; approve it from there."""
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    page = Page.objects.get(pk=page.pk)
    assert page.get_admin_display_title() in dashboard
    task_state = page.current_workflow_task_state
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", task_state.pk],
    )
    assert url in dashboard
    return client.post(url, {"comment": ""})


@pytest.mark.parametrize("members_only", [False, True], ids=["public", "members-only"])
def test_translator_hands_over_and_a_publisher_approves(
    hr, sv, users, django_user_model, members_only
):
    parent = members_only_folder() if members_only else hr
    folder = FolderPage(title="Esihenkilöiden koulutus", slug="esihenkiloiden-koulutus")
    parent.add_child(instance=folder)
    folder.save_revision().publish()
    url = reverse("wagtail_localize:submit_page_translation", args=[folder.id])
    users("toimittaja").post(url, {"locales": [sv.id]})
    swedish = folder.get_translation(sv)

    translator = users("kaantaja")
    translate_title(translator, folder, sv, SV_TEXT)
    response = translator.post(reverse("networks_hand_over", args=[swedish.pk]), follow=True)
    assert "lähetettiin hyväksyttäväksi" in response.content.decode()
    swedish = Page.objects.get(pk=swedish.pk)
    assert not swedish.live and swedish.workflow_in_progress

    publisher = users("julkaisija")
    dashboard_approves(publisher, swedish)
    swedish = Page.objects.get(pk=swedish.pk).specific
    assert swedish.live and swedish.title == SV_TEXT
    visitor = Client().get(swedish.url)
    member = Client()
    member.force_login(django_user_model.objects.get(username="jasen-hr"))
    if members_only:
        assert visitor.status_code == 302  # the login page: members-only as its source
        assert SV_TEXT in member.get(swedish.url).content.decode()
    else:
        assert SV_TEXT in visitor.content.decode()


def test_a_page_without_a_workflow_cannot_be_handed_over(swedish_draft, users):
    from wagtail.models import WorkflowPage

    WorkflowPage.objects.all().delete()
    response = users("kaantaja").post(
        reverse("networks_hand_over", args=[swedish_draft.pk]), follow=True
    )
    assert "hyväksyntätyönkulkua" in response.content.decode()
    assert is_unchanged_draft(swedish_draft)
