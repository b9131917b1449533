"""Meetings from plan to published minutes: the next meeting, the decision register, sign-ups,
archived bodies and the editors' dashboard. The minutes' states: `test_minutes_lifecycle`."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import (
    GroupApprovalTask,
    Locale,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from networks.models import (
    AgendaItem,
    BodyPage,
    Decision,
    MeetingPage,
    MeetingRegistration,
    MinutesPage,
    Person,
)
from networks.models.choices import (
    BodyStatus,
    DatePrecision,
    Frequency,
    MeetingFormat,
    MeetingStatus,
    MinutesStatus,
)
from networks.next_meeting import next_meeting_date

pytestmark = pytest.mark.django_db

RAATI = "/verkostot/hr-verkosto/asiantuntijaraati/"
RAATI_SV = "/sv/natverk/hr-natverket/expertradet/"
PRIVATE_DECISION = "KT valmistelee HR-verkostolle työoikeudellisen tietopankin."


def fi_page(model, slug):
    return model.objects.get(slug=slug, locale__language_code="fi")


def login(client, django_user_model, username):
    client.force_login(django_user_model.objects.get(username=username))


def publish(page):
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def add_meeting(body, slug, date, **fields):
    meeting = MeetingPage(
        title=slug, slug=slug, date=date, date_precision=DatePrecision.DAY, **fields
    )
    body.add_child(instance=meeting)
    return publish(meeting)


def add_minutes(meeting, decisions, status=MinutesStatus.APPROVED, live=True):
    minutes = MinutesPage(
        title=f"Pöytäkirja {meeting.slug}",
        slug="poytakirja",
        status=status,
        approved_on=meeting.date if status != MinutesStatus.DRAFT else None,
        live=live,
    )
    meeting.add_child(instance=minutes)
    for number, (title, text) in enumerate(decisions, 1):
        AgendaItem(page=minutes, number=number, title=title, locale=minutes.locale).save()
        Decision(page=minutes, agenda_item_number=number, text=text, locale=minutes.locale).save()
    if not live:
        minutes.save_revision()
        return minutes
    return publish(minutes)


# Minutes states and the decision register ----------------------------------------------------


def test_approval_meeting_must_belong_to_the_same_body(demo_site):
    minutes = MinutesPage.objects.get(title="Pöytäkirja: asiantuntijaraati joulukuu 2020")
    other_body = fi_page(BodyPage, "tekry")
    minutes.approved_at = MeetingPage.objects.child_of(other_body).first()
    with pytest.raises(ValidationError) as error:
        minutes.full_clean()
    assert "approved_at" in error.value.message_dict
    # The Swedish page of a meeting of the same body will do (translations sync the field).
    body = fi_page(BodyPage, "asiantuntijaraati")
    later = add_meeting(body, "raati-2021-02", datetime.date(2021, 2, 9))
    minutes.approved_at = later.copy_for_translation(Locale.objects.get(language_code="sv"))
    minutes.approved_on = None
    minutes.full_clean()
    assert minutes.approved_on == datetime.date(2021, 2, 9)


@pytest.mark.parametrize("username", [None, "jasen-tyosuojelu"])
def test_private_minutes_decisions_stay_out_of_the_register(
    demo_site, client, django_user_model, username
):
    if username:
        login(client, django_user_model, username)
    for url in (RAATI + "paatokset/", RAATI_SV + "beslut/"):
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "valmistelee" not in html and "bereder" not in html
        assert "Pöytäkirja: asiantuntijaraati" not in html


def test_members_see_their_register_in_swedish(demo_site, client, django_user_model):
    login(client, django_user_model, "jasen-hr")
    html = client.get(RAATI_SV + "beslut/").content.decode()
    assert "KT bereder en kunskapsbank för arbetsrätt för HR-nätverket." in html


def test_register_finds_inflected_words_and_filters_by_year(demo_site, client):
    body = fi_page(BodyPage, "asiantuntijaraati")
    add_minutes(
        add_meeting(body, "raati-2021-03", datetime.date(2021, 3, 2)),
        [("Väkivalta työssä", "Raati laatii ohjeen väkivaltatilanteiden ennaltaehkäisyyn.")],
    )
    add_minutes(
        add_meeting(body, "raati-2022-05", datetime.date(2022, 5, 3)),
        [("Etätyö", "Etätyön periaatteet päivitetään syksyllä.")],
    )
    add_minutes(
        add_meeting(body, "raati-2022-09", datetime.date(2022, 9, 6)),
        [("Luonnos", "Tämä päätös ei ole vielä julki.")],
        status=MinutesStatus.DRAFT,
        live=False,
    )
    url = RAATI + "paatokset/"
    html = client.get(url).content.decode()
    assert "ennaltaehkäisyyn" in html and "Etätyön periaatteet" in html
    assert "ei ole vielä julki" not in html  # draft minutes not published
    assert html.index("Etätyön periaatteet") < html.index("ennaltaehkäisyyn")  # newest first

    by_lemma = client.get(url, {"q": "ohje"}).content.decode()  # finds "ohjeen"
    assert "ennaltaehkäisyyn" in by_lemma and "Etätyön" not in by_lemma
    by_agenda = client.get(url, {"q": "etätyö"}).content.decode()
    assert "Etätyön periaatteet" in by_agenda and "ennaltaehkäisyyn" not in by_agenda
    nothing = client.get(url, {"q": "lomaraha"}).content.decode()
    assert "Etätyön" not in nothing and "ennaltaehkäisyyn" not in nothing

    in_2021 = client.get(url, {"year": "2021"}).content.decode()
    assert "ennaltaehkäisyyn" in in_2021 and "Etätyön" not in in_2021
    assert '<option value="2022"' in in_2021


# The next meeting --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("frequency", "previous", "precision", "expected"),
    [
        # The second Tuesday stays the second Tuesday.
        (
            Frequency.MONTHLY,
            datetime.date(2030, 1, 8),
            DatePrecision.DAY,
            datetime.date(2030, 2, 12),
        ),
        (
            Frequency.BIMONTHLY,
            datetime.date(2030, 1, 8),
            DatePrecision.DAY,
            datetime.date(2030, 3, 12),
        ),
        # A fifth Friday that the next month lacks becomes its last Friday.
        (
            Frequency.MONTHLY,
            datetime.date(2030, 3, 29),
            DatePrecision.DAY,
            datetime.date(2030, 4, 26),
        ),
        # Spring and autumn: no meetings in summer.
        (
            Frequency.SPRING_AND_AUTUMN,
            datetime.date(2030, 5, 1),
            DatePrecision.MONTH,
            datetime.date(2030, 9, 1),
        ),
        (
            Frequency.TWICE_A_YEAR,
            datetime.date(2030, 4, 1),
            DatePrecision.MONTH,
            datetime.date(2030, 10, 1),
        ),
        (
            Frequency.YEARLY,
            datetime.date(2030, 3, 1),
            DatePrecision.SEASON,
            datetime.date(2031, 3, 1),
        ),
    ],
)
def test_next_meeting_date_follows_the_frequency(frequency, previous, precision, expected):
    date, _ = next_meeting_date(frequency, previous, precision, today=datetime.date(2030, 1, 1))
    assert date == expected


def test_next_meeting_date_is_not_in_the_past():
    date, precision = next_meeting_date(
        Frequency.TWICE_A_YEAR,
        datetime.date(2020, 4, 1),
        DatePrecision.MONTH,
        today=datetime.date(2026, 11, 23),
    )
    # April and October as before, the first one still ahead.
    assert (date, precision) == (datetime.date(2027, 4, 1), DatePrecision.MONTH)
    assert next_meeting_date("", datetime.date(2020, 4, 1), DatePrecision.MONTH) is None


def test_create_the_next_meeting_fills_date_and_agenda(demo_site, client, django_user_model):
    tekry = fi_page(BodyPage, "tekry")
    last = (
        MeetingPage.objects.child_of(tekry)
        .filter(status=MeetingStatus.PLANNED)
        .order_by("date")
        .last()
    )
    agenda = [block.value for block in last.agenda]
    assert agenda  # the demo's planned meetings have an agenda template
    login(client, django_user_model, "toimittaja")
    url = f"/admin/meetings/{last.pk}/next/"
    edit_view = client.get(f"/admin/pages/{last.pk}/edit/").content.decode()
    assert url in edit_view and f"/admin/meetings/{last.pk}/registrations/" in edit_view
    expected = (last.date.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    page = client.get(url)
    assert page.status_code == 200 and agenda[0] in page.content.decode()

    response = client.post(url)
    created = MeetingPage.objects.child_of(tekry).get(date=expected)
    assert response.status_code == 302 and response.url == f"/admin/pages/{created.pk}/edit/"
    assert [block.value for block in created.agenda] == agenda
    assert (created.status, created.date_precision) == (MeetingStatus.PLANNED, DatePrecision.MONTH)
    assert not created.live and created.has_unpublished_changes
    assert created.owner.username == "toimittaja"
    assert not MinutesPage.objects.child_of(created).exists()


def test_next_meeting_carries_agenda_titles_from_the_minutes(demo_site, client, django_user_model):
    """Without an agenda, the titles of the minutes' agenda items are the template; their
    discussion and decisions are not copied."""
    meeting = fi_page(MeetingPage, "asiantuntijaraati-2020-12")
    body = meeting.get_parent().specific
    body.meeting_frequency = Frequency.BIMONTHLY
    publish(body)
    login(client, django_user_model, "toimittaja")
    client.post(f"/admin/meetings/{meeting.pk}/next/")
    created = MeetingPage.objects.child_of(body).get(live=False)
    assert [block.value for block in created.agenda] == [
        "Työhyvinvointi, jaksaminen ja palautuminen",
        "Työoikeudellinen tietopankki",
    ]
    assert created.date >= timezone.localdate().replace(day=1)
    assert not MinutesPage.objects.child_of(created).exists()


def test_members_cannot_create_meetings(demo_site, client, django_user_model):
    meeting = fi_page(MeetingPage, "asiantuntijaraati-2020-12")
    login(client, django_user_model, "jasen-hr")
    before = MeetingPage.objects.count()
    response = client.post(f"/admin/meetings/{meeting.pk}/next/")
    assert response.status_code in (302, 403)
    assert MeetingPage.objects.count() == before


def test_a_meeting_is_added_from_the_body_page(demo_site, client, django_user_model):
    body = fi_page(BodyPage, "hr-verkosto")
    assert MeetingPage in body.specific_class.allowed_subpage_models()
    login(client, django_user_model, "toimittaja")
    add_url = f"/admin/pages/add/networks/meetingpage/{body.pk}/"
    assert add_url in client.get(f"/admin/pages/{body.pk}/edit/").content.decode()
    assert client.get(add_url).status_code == 200


# Registrations -----------------------------------------------------------------------------


@pytest.fixture
def planned_meeting(demo_site):
    body = fi_page(BodyPage, "hr-verkosto")
    soon = timezone.localdate() + datetime.timedelta(days=30)
    return add_meeting(
        body, "tuleva-kokous", soon, status=MeetingStatus.PLANNED, format=MeetingFormat.HYBRID
    )


def test_members_sign_up_once_and_editors_export_the_list(
    planned_meeting, client, django_user_model
):
    url = planned_meeting.url + "ilmoittautuminen/"
    login(client, django_user_model, "jasen-hr")
    assert 'name="attendance" value="remote"' in client.get(planned_meeting.url).content.decode()
    assert client.post(url, {"attendance": "remote"}).status_code == 302
    assert client.post(url, {"attendance": "in_person"}).status_code == 302
    registration = MeetingRegistration.objects.get()
    assert (registration.meeting_id, registration.attendance) == (planned_meeting.pk, "in_person")
    assert (
        "Paikan päällä"
        in client.get(planned_meeting.url).content.decode().split('id="registration"')[1]
    )

    login(client, django_user_model, "toimittaja")
    listing = client.get(f"/admin/meetings/{planned_meeting.pk}/registrations/")
    assert "Helena Demo" in listing.content.decode()
    response = client.get(f"/admin/meetings/{planned_meeting.pk}/registrations/?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][:3] == ["Helena Demo", "jasen-hr@example.fi", "Paikan päällä"]

    # The member's data export names the registration.
    login(client, django_user_model, "admin")
    person = Person.objects.get(user__username="jasen-hr", locale__language_code="fi")
    export = client.get(f"/admin/people/{person.pk}/personal-data/", {"format": "json"}).json()
    assert export["account"]["meeting_registrations"][0]["meeting__title"] == "tuleva-kokous"

    login(client, django_user_model, "jasen-hr")
    client.post(url, {"action": "cancel"})
    assert not MeetingRegistration.objects.exists()


def test_a_registration_in_swedish_is_the_same_registration(
    planned_meeting, client, django_user_model
):
    sv_meeting = planned_meeting.copy_for_translation(Locale.objects.get(language_code="sv"))
    sv_meeting = publish(sv_meeting)
    login(client, django_user_model, "jasen-hr")
    client.post(planned_meeting.url + "ilmoittautuminen/", {"attendance": "remote"})
    client.post(sv_meeting.url + "anmalan/", {"attendance": "in_person"})
    registration = MeetingRegistration.objects.get()
    assert (registration.meeting_id, registration.attendance) == (planned_meeting.pk, "in_person")


def test_visitors_cannot_sign_up_or_see_the_list(planned_meeting, client, django_user_model):
    url = planned_meeting.url + "ilmoittautuminen/"
    response = client.post(url, {"attendance": "remote"})
    assert response.status_code == 302 and "/kirjaudu/" in response.url
    assert not MeetingRegistration.objects.exists()
    assert "Kirjaudu" in client.get(planned_meeting.url).content.decode()

    login(client, django_user_model, "jasen-hr")
    client.post(url, {"attendance": "remote"})
    login(client, django_user_model, "jasen-tyosuojelu")
    for list_url in (
        f"/admin/meetings/{planned_meeting.pk}/registrations/",
        f"/admin/meetings/{planned_meeting.pk}/registrations/?format=csv",
    ):
        response = client.get(list_url)
        assert response.status_code in (302, 403)
        assert b"jasen-hr" not in response.content


def test_sign_up_only_the_way_the_meeting_is_held(planned_meeting, client, django_user_model):
    planned_meeting.format = MeetingFormat.IN_PERSON
    publish(planned_meeting)
    login(client, django_user_model, "jasen-hr")
    client.post(planned_meeting.url + "ilmoittautuminen/", {"attendance": "remote"})
    assert not MeetingRegistration.objects.exists()


def test_no_sign_up_for_held_meetings(demo_site, client, django_user_model):
    meeting = fi_page(MeetingPage, "asiantuntijaraati-2020-12")
    login(client, django_user_model, "jasen-hr")
    client.post(meeting.url + "ilmoittautuminen/", {"attendance": "remote"})
    assert not MeetingRegistration.objects.exists()
    assert 'id="registration"' not in client.get(meeting.url).content.decode()


def test_private_meeting_registration_needs_membership(demo_site, client, django_user_model):
    """The route sits under the page, so the page's privacy guards it."""
    body = fi_page(BodyPage, "hr-verkosto")
    meeting = add_meeting(
        body,
        "jasenkokous",
        timezone.localdate() + datetime.timedelta(days=10),
        status=MeetingStatus.PLANNED,
    )
    restriction = PageViewRestriction.objects.create(
        page=meeting, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([body.members_group])
    login(client, django_user_model, "jasen-tyosuojelu")
    client.post(meeting.url + "ilmoittautuminen/", {"attendance": "remote"})
    assert not MeetingRegistration.objects.exists()
    login(client, django_user_model, "jasen-hr")
    client.post(meeting.url + "ilmoittautuminen/", {"attendance": "remote"})
    assert MeetingRegistration.objects.filter(meeting=meeting).count() == 1


# Archived bodies ---------------------------------------------------------------------------


def test_archived_body_is_readable_but_out_of_the_navigation(demo_site, client):
    body = fi_page(BodyPage, "hr-vastuuvalmistelijat")
    body.show_in_menus = True
    body.status = BodyStatus.ARCHIVED
    body = publish(body)
    assert not body.show_in_menus
    response = client.get(body.url)
    assert response.status_code == 200
    assert 'class="status status-archived">Arkistoitu<' in response.content.decode()

    # Without the soft hyphens that card titles carry for narrow screens (text.hyphenation).
    index = client.get(body.get_parent().url).content.decode().replace("\u00ad", "")
    active, archived = index.split("<h2>Arkistoitu</h2>")
    assert body.title not in active and body.title in archived
    # An ended body holds no more meetings to sign up for.
    later = add_meeting(
        body, "myohempi", timezone.localdate() + datetime.timedelta(days=5), status="planned"
    )
    assert not later.registration_open


# Dashboard ---------------------------------------------------------------------------------


def test_dashboard_shows_drafts_approvals_and_meetings_without_agenda(
    demo_site, client, django_user_model
):
    editor = django_user_model.objects.get(username="toimittaja")
    body = fi_page(BodyPage, "hr-verkosto")
    bare = add_meeting(
        body,
        "kokous-ilman-esityslistaa",
        timezone.localdate() + datetime.timedelta(days=20),
        status=MeetingStatus.PLANNED,
    )
    draft = MeetingPage(
        title="Toimittajan luonnoskokous", slug="luonnos", date=timezone.localdate(), live=False
    )
    body.add_child(instance=draft)
    draft.save_revision(user=editor)
    workflow = Workflow.objects.create(name="Hyväksyntä")
    task = GroupApprovalTask.objects.create(name="Julkaisijan hyväksyntä")
    task.groups.set([Group.objects.get(name="Moderators")])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=body)
    submitted = fi_page(MeetingPage, "asiantuntijaraati-2020-12")
    submitted.title = "Lähetetty hyväksyttäväksi"
    submitted.save_revision(user=editor)
    workflow.start(submitted, editor)

    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    drafts = html.split('id="networks-own-drafts-section"')[1]
    assert "Toimittajan luonnoskokous" in drafts
    without_agenda = html.split('id="networks-meetings-without-agenda-section"')[1]
    assert bare.title in without_agenda.split("</table>")[0]

    login(client, django_user_model, "julkaisija")
    assert "Lähetetty hyväksyttäväksi" in client.get("/admin/").content.decode()
