"""Minutes whose state is always true (`networks.models.minutes`): draft → approved at a named
meeting, published being Wagtail's own; the state shown on the minutes, the meeting, the body
page, the API and the decision register is the state stored, after every transition and on
every path that publishes (the edit view, the workflow, bulk publish, wagtail-localize,
`publish_scheduled`, code); the form starts from its meeting; decisions name their agenda
item from a list; the Swedish minutes follow the Finnish state."""

import datetime

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page, Revision
from wagtail.test.utils.form_data import querydict_from_html as wagtail_querydict_from_html

from networks.models import AgendaItem, BodyPage, Decision, MeetingPage, MinutesPage
from networks.models.choices import DatePrecision, MeetingStatus, MinutesStatus
from networks.models.minutes import DraftMinutesNotShared, approve_at

pytestmark = pytest.mark.django_db

AGENDA = ["Kokouksen avaus", "Etätyön periaatteet", "Seuraava kokous"]
DECISION = "Etätyön periaatteet päivitetään keväällä 2027."
DRAFT_LABEL = "Pöytäkirjaluonnos — tarkastetaan kokouksessa 16.3.2027"
APPROVED_LABEL = "Tarkastettu pöytäkirja — hyväksytty kokouksessa 16.3.2027"
UNCONFIRMED = "Vahvistamaton"


def fi_page(model, slug):
    return model.objects.get(slug=slug, locale__language_code="fi")


def client_for(django_user_model, username):
    client = Client()
    client.force_login(django_user_model.objects.get(username=username))
    return client


def add_meeting(body, slug, date, **fields):
    meeting = MeetingPage(
        title=f"Kokous {slug}",
        slug=slug,
        date=date,
        date_precision=DatePrecision.DAY,
        agenda=[("item", title) for title in AGENDA],
        **fields,
    )
    body.add_child(instance=meeting)
    meeting.save_revision().publish()
    return MeetingPage.objects.get(pk=meeting.pk)


def querydict_from_html(html, form_id):
    """The page form's data as a browser would post it (the attachments' StreamField keeps its
    count in a field that its JavaScript writes)."""
    data = wagtail_querydict_from_html(html, form_id=form_id)
    data.setdefault("attachments-count", "0")
    return data


def fresh(page):
    return type(page).objects.get(pk=page.pk)


@pytest.fixture
def meetings(demo_site):
    """A held meeting of the HR network (which does not share draft minutes) and its next
    meeting on 16.3.2027 (the demo's planned meetings go)."""
    body = fi_page(BodyPage, "hr-verkosto")
    assert not body.shares_draft_minutes
    for planned in MeetingPage.objects.child_of(body).filter(date__gt=datetime.date(2026, 11, 1)):
        planned.delete()
    held = add_meeting(body, "syyskokous", datetime.date(2026, 11, 10), status=MeetingStatus.HELD)
    after = add_meeting(body, "kevatkokous", datetime.date(2027, 3, 16))
    return body, held, after


def draft_minutes(meeting):
    """Unpublished draft minutes with three agenda items and a decision on the second."""
    minutes = MinutesPage(title="Pöytäkirja: syyskokous", slug="poytakirja", live=False)
    meeting.add_child(instance=minutes)
    for number, title in enumerate(AGENDA, 1):
        AgendaItem(page=minutes, number=number, title=title, locale=minutes.locale).save()
    Decision(page=minutes, agenda_item_number=2, text=DECISION, locale=minutes.locale).save()
    minutes.save_revision()
    return MinutesPage.objects.get(pk=minutes.pk)


def share_drafts(body, shares=True):
    body.shares_draft_minutes = shares
    body.save_revision().publish()


# Every transition: the page, the meeting, the body, the API and the register ----------------


def shown_everywhere(client, minutes):
    """What a reader is told about the minutes in each place (None: not shown there)."""
    minutes = fresh(minutes)
    meeting = minutes.get_parent().specific
    body = meeting.get_parent().specific
    page = client.get(minutes.url)
    api = client.get(f"/api/v2/pages/{minutes.pk}/")
    register = client.get(body.decision_register_url).content.decode()
    row = register.split(DECISION)[0].rsplit("<tr>", 1)[-1] if DECISION in register else None
    return {
        "page": page.content.decode() if page.status_code == 200 else None,
        "meeting": client.get(meeting.url).content.decode(),
        "body": client.get(body.url).content.decode(),
        "api": api.json()["minutes_state"] if api.status_code == 200 else None,
        "register row": row,
    }


def label_for(stored):
    """The label the stored state calls for."""
    return {MinutesStatus.DRAFT: DRAFT_LABEL, MinutesStatus.APPROVED: APPROVED_LABEL}[stored]


def share(minutes, publisher, meeting):
    minutes.get_latest_revision().publish()


def approve(minutes, publisher, meeting):
    assert approve_at(minutes, meeting, publisher) == "published"


def unpublish(minutes, publisher, meeting):
    fresh(minutes).unpublish()


def republish(minutes, publisher, meeting):
    fresh(minutes).get_latest_revision().publish()


TRANSITIONS = [share, approve, unpublish, republish]


def test_every_state_shown_is_the_state_stored(meetings, django_user_model):
    body, held, after = meetings
    share_drafts(body)
    minutes = draft_minutes(held)
    publisher = django_user_model.objects.get(username="julkaisija")
    reader = Client()
    for transition in [None, *TRANSITIONS]:
        if transition is not None:
            transition(minutes, publisher, after)
        stored = fresh(minutes)
        shown = shown_everywhere(reader, minutes)
        step = transition.__name__ if transition else "new draft"
        if not stored.live:
            assert shown["page"] is None and shown["api"] is None, step
            assert shown["register row"] is None, step
            assert DRAFT_LABEL not in shown["meeting"] + shown["body"], step
            assert APPROVED_LABEL not in shown["meeting"] + shown["body"], step
            continue
        label = label_for(stored.status)
        assert label in shown["page"], step
        assert label in shown["meeting"] and label in shown["body"], step
        assert shown["api"]["status"] == stored.status and shown["api"]["label"] == label, step
        assert (UNCONFIRMED in shown["register row"]) == (stored.status == MinutesStatus.DRAFT)
        if stored.status == MinutesStatus.APPROVED:
            assert stored.approved_at_id == after.pk, step
            assert stored.approved_on == datetime.date(2027, 3, 16), step
            assert shown["api"]["approved_at"]["date"] == "2027-03-16", step
        else:
            assert shown["api"]["to_be_approved_at"]["date"] == "2027-03-16", step


# Every path refuses draft minutes of a body that does not share drafts --------------------


def test_code_and_commands_do_not_publish_unshared_drafts(meetings):
    body, held, after = meetings
    minutes = draft_minutes(held)
    with pytest.raises(DraftMinutesNotShared):
        minutes.get_latest_revision().publish()
    assert not fresh(minutes).live

    # Scheduled while the body shared drafts, due after it stopped: the command goes on with
    # the other pages and drops the minutes' schedule.
    share_drafts(body)
    minutes = fresh(minutes)
    soon = datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=5)
    minutes.go_live_at = soon
    minutes.save_revision().publish()
    after.go_live_at = soon
    after.title = "Siirretty kevätkokous"
    after.save_revision().publish()
    share_drafts(fresh(body), shares=False)
    due = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=1)
    for revision in Revision.objects.exclude(approved_go_live_at=None):
        revision.content["go_live_at"] = due.isoformat()
        revision.approved_go_live_at = due
        revision.save()
    call_command("publish_scheduled")
    assert not fresh(minutes).live
    assert not fresh(minutes).revisions.exclude(approved_go_live_at=None).exists()
    assert fresh(after).title == "Siirretty kevätkokous"


def test_admin_paths_refuse_unshared_drafts_and_say_why(meetings, django_user_model):
    body, held, after = meetings
    minutes = draft_minutes(held)
    publisher = client_for(django_user_model, "julkaisija")
    editor = client_for(django_user_model, "toimittaja")
    edit_url = reverse("wagtailadmin_pages:edit", args=[minutes.pk])
    why = "jaa pöytäkirjaluonnoksia"  # "…, eikä HR-verkosto jaa pöytäkirjaluonnoksia: …"

    # The edit view shows the state and the rule before anyone tries.
    form = publisher.get(edit_url).content.decode()
    assert "Pöytäkirjaluonnos — tarkastetaan kokouksessa 16.3.2027" in form and why in form

    # Publish in the edit view, and an editor's submission for approval.
    data = querydict_from_html(form, form_id="page-edit-form")
    data["action-publish"] = "action-publish"
    assert why in publisher.post(edit_url, data).content.decode()
    data = querydict_from_html(editor.get(edit_url).content.decode(), form_id="page-edit-form")
    data["action-submit"] = "action-submit"
    assert why in editor.post(edit_url, data).content.decode()
    assert not fresh(minutes).live and not fresh(minutes).workflow_in_progress

    # The workflow's approve (e.g. from the dashboard), for minutes already submitted.
    fresh(minutes).get_workflow().start(
        fresh(minutes), django_user_model.objects.get(username="toimittaja")
    )
    task_state = fresh(minutes).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[minutes.pk, "approve", task_state.pk])
    response = publisher.post(url, {"comment": ""}, follow=True)
    assert why in response.content.decode()
    assert not fresh(minutes).live and fresh(minutes).workflow_in_progress

    # Bulk publish, of the minutes or of their meeting with what is under it.
    for page, descendants in ((minutes, ""), (held, "on")):
        response = publisher.post(
            f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}",
            {"include_descendants": descendants},
            follow=True,
        )
        assert why in response.content.decode()
        assert not fresh(minutes).live

    # Once the body shares drafts, the same approval publishes them, labelled as a draft.
    share_drafts(fresh(body))
    publisher.post(url, {"comment": ""})
    assert fresh(minutes).live
    assert DRAFT_LABEL in Client().get(fresh(minutes).url).content.decode()


# Approving at the next meeting: one action from that meeting's page ------------------------


def test_publisher_approves_the_previous_minutes_from_the_next_meeting(meetings, django_user_model):
    body, held, after = meetings
    minutes = draft_minutes(held)
    publisher = client_for(django_user_model, "julkaisija")
    url = reverse("networks_meetings:approve_minutes", args=[after.pk])
    assert (
        url in publisher.get(reverse("wagtailadmin_pages:edit", args=[after.pk])).content.decode()
    )
    page = publisher.get(url).content.decode()
    assert minutes.title in page
    publisher.post(url, {"minutes": minutes.pk})
    minutes = fresh(minutes)
    assert minutes.live and minutes.status == MinutesStatus.APPROVED
    assert (minutes.approved_at_id, minutes.approved_on) == (after.pk, after.date)
    assert APPROVED_LABEL in Client().get(minutes.url).content.decode()
    # Nothing left to approve: the button goes.
    assert (
        url
        not in publisher.get(reverse("wagtailadmin_pages:edit", args=[after.pk])).content.decode()
    )


def test_editor_approves_and_the_workflow_publishes(meetings, django_user_model):
    body, held, after = meetings
    minutes = draft_minutes(held)
    editor = client_for(django_user_model, "toimittaja")
    editor.post(
        reverse("networks_meetings:approve_minutes", args=[after.pk]), {"minutes": minutes.pk}
    )
    minutes = fresh(minutes)
    assert not minutes.live and minutes.workflow_in_progress
    assert minutes.get_latest_revision_as_object().status == MinutesStatus.APPROVED
    task_state = minutes.current_workflow_task_state
    client_for(django_user_model, "julkaisija").post(
        reverse("wagtailadmin_pages:workflow_action", args=[minutes.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    minutes = fresh(minutes)
    assert minutes.live and minutes.status == MinutesStatus.APPROVED
    assert minutes.approved_at_id == after.pk


def test_members_cannot_approve_minutes(meetings, django_user_model):
    body, held, after = meetings
    minutes = draft_minutes(held)
    member = client_for(django_user_model, "jasen-hr")
    member.post(
        reverse("networks_meetings:approve_minutes", args=[after.pk]), {"minutes": minutes.pk}
    )
    assert fresh(minutes).get_latest_revision_as_object().status == MinutesStatus.DRAFT


# The form starts from its meeting ----------------------------------------------------------


def test_new_minutes_start_from_the_meeting(meetings, django_user_model):
    body, held, after = meetings
    share_drafts(body)
    publisher = client_for(django_user_model, "julkaisija")
    add_url = reverse("wagtailadmin_pages:add", args=["networks", "minutespage", held.pk])
    html = publisher.get(add_url).content.decode()
    assert f'value="Pöytäkirja: {held.title}"' in html
    for title in AGENDA:
        assert f'value="{title}"' in html
    assert f'<option value="2">2. {AGENDA[1]}</option>' in html  # decisions choose their item
    assert "Lisää asiakohta" in html and "Lisää päätös" in html  # singular labels
    assert "Asiakohdat" in html and "Päätökset" in html

    data = querydict_from_html(html, form_id="page-edit-form")
    assert data["slug"] == "poytakirja"
    data["decisions-TOTAL_FORMS"] = "1"
    data["decisions-0-agenda_item_number"] = "9"  # not one of the minutes' items
    data["decisions-0-text"] = DECISION
    data["decisions-0-ORDER"] = "1"
    data["decisions-0-DELETE"] = ""
    data["decisions-0-id"] = ""
    data["action-publish"] = "action-publish"
    response = publisher.post(add_url, data)
    assert "Valitse jokin pöytäkirjan asiakohdista." in response.content.decode()
    assert not MinutesPage.objects.child_of(held).exists()

    data["decisions-0-agenda_item_number"] = "2"
    publisher.post(add_url, data)
    minutes = MinutesPage.objects.child_of(held).get()
    assert minutes.live and minutes.title == f"Pöytäkirja: {held.title}"
    assert [i.title for i in minutes.agenda_items.order_by("number")] == AGENDA
    assert [(d.agenda_item_number, d.text) for d in minutes.decisions.all()] == [(2, DECISION)]
    member = client_for(django_user_model, "jasen-hr")  # new minutes are members-only
    page = member.get(minutes.url).content.decode()
    assert DRAFT_LABEL in page
    assert page.index(AGENDA[1]) < page.index(DECISION) < page.index(AGENDA[2])


def test_unshared_new_minutes_are_saved_as_a_draft(meetings, django_user_model):
    body, held, after = meetings
    publisher = client_for(django_user_model, "julkaisija")
    add_url = reverse("wagtailadmin_pages:add", args=["networks", "minutespage", held.pk])
    data = querydict_from_html(publisher.get(add_url).content.decode(), form_id="page-edit-form")
    data["slug"] = "poytakirja"
    data["action-publish"] = "action-publish"
    response = publisher.post(add_url, data)
    assert "eikä toimielin jaa pöytäkirjaluonnoksia" in response.content.decode()
    del data["action-publish"]
    publisher.post(add_url, data)
    minutes = MinutesPage.objects.child_of(held).get()
    assert not minutes.live and minutes.agenda_items.count() == 3


# wagtail-localize: the Swedish minutes -----------------------------------------------------


def test_swedish_minutes_have_the_same_items_and_follow_the_state(demo_site, django_user_model):
    """The demo's raati shares its draft minutes of 10.11.2026, translated through
    wagtail-localize; approving the Finnish ones at 16.3.2027 changes the Swedish state."""
    sv = Locale.objects.get(language_code="sv")
    minutes = MinutesPage.objects.get(
        locale__language_code="fi", title="Pöytäkirja: asiantuntijaraati 10.11.2026"
    )
    swedish = minutes.get_translation(sv)
    assert swedish.live
    assert [i.number for i in swedish.agenda_items.all()] == [
        i.number for i in minutes.agenda_items.all()
    ]
    assert [(d.agenda_item_number) for d in swedish.decisions.all()] == [
        d.agenda_item_number for d in minutes.decisions.all()
    ]
    member = client_for(django_user_model, "jasen-hr")
    html = member.get(swedish.url).content.decode()
    assert "Införandet av kunskapsbanken för arbetsrätt" in html
    assert "Kunskapsbanken tas i bruk i HR-nätverket i januari 2027." in html
    assert "Utkast till protokoll — justeras vid mötet 16.3.2027" in html
    register = member.get(swedish.get_parent().get_parent().specific.decision_register_url)
    assert "Obekräftat" in register.content.decode()

    # A draft in Swedish of a body that does not share drafts is refused as the Finnish is.
    body = minutes.get_parent().get_parent().specific
    share_drafts(body, shares=False)
    with pytest.raises(DraftMinutesNotShared):
        fresh(swedish).save_revision().publish()
    # The segment editor's publish says why instead of failing (wagtail-localize reports a
    # ValidationError, which the refusal is).
    fresh(swedish).unpublish()
    publisher = client_for(django_user_model, "julkaisija")
    response = publisher.post(
        reverse("wagtailadmin_pages:edit", args=[swedish.pk]), {"action": "publish"}
    )
    assert response.status_code in (200, 302)
    assert not fresh(swedish).live
    share_drafts(fresh(body))
    fresh(swedish).get_latest_revision().publish()

    next_meeting = fi_page(MeetingPage, "asiantuntijaraati-2027-03")
    approve_at(minutes, next_meeting, django_user_model.objects.get(username="julkaisija"))
    html = member.get(swedish.url).content.decode()
    assert "Justerat protokoll — godkänt vid mötet 16.3.2027" in html
    assert fresh(swedish).minutes_state["approved_on"] == "2027-03-16"
    assert (
        "Obekräftat"
        not in member.get(
            swedish.get_parent().get_parent().specific.decision_register_url
        ).content.decode()
    )
    assert Page.objects.get(pk=swedish.pk).live


# The data migration ------------------------------------------------------------------------


def test_existing_minutes_move_into_the_lifecycle(meetings):
    """0010: "published" minutes were approved ones (their revisions too); a body whose draft
    minutes were live shared them, and keeps doing so."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("networks.migrations.0010_minutes_states_follow_publishing")
    body, held, after = meetings
    minutes = draft_minutes(held)
    MinutesPage.objects.filter(pk=minutes.pk).update(status="published")
    revision = minutes.get_latest_revision()
    revision.content["status"] = "published"
    revision.save()
    live_draft = draft_minutes(after)
    MinutesPage.objects.filter(pk=live_draft.pk).update(live=True)

    migration.forwards(apps, None)

    assert fresh(minutes).status == MinutesStatus.APPROVED
    assert fresh(minutes).get_latest_revision().content["status"] == MinutesStatus.APPROVED
    assert fresh(body).shares_draft_minutes
    assert not fresh(fi_page(BodyPage, "tekry")).shares_draft_minutes
