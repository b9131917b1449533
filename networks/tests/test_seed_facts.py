"""Every fact of the seed texts is structured data, in the models and through the API."""

import datetime

import pytest

from networks.models import BodyPage, MeetingPage, NewsletterPage, ProgrammePage
from networks.models.choices import (
    BodyKind,
    DatePrecision,
    Frequency,
    MeetingFormat,
    MeetingStatus,
    Qualifier,
    Season,
    Trend,
)

pytestmark = pytest.mark.django_db


def body(slug):
    return BodyPage.objects.get(slug=slug, locale__language_code="fi")


def meeting(slug):
    return MeetingPage.objects.get(slug=slug, locale__language_code="fi")


def test_hr_network_counts(demo_site):
    hr = body("hr-verkosto")
    assert (hr.member_count, hr.member_count_qualifier) == (360, Qualifier.ABOUT)
    assert (hr.organisation_count, hr.organisation_count_qualifier) == (166, Qualifier.EXACTLY)
    assert hr.counted_year == 2020
    assert hr.member_trend == Trend.SHRINKING
    assert hr.kind == BodyKind.NETWORK
    advisory = body("asiantuntijaraati")
    assert (advisory.member_count, advisory.member_count_qualifier) == (15, Qualifier.EXACTLY)
    assert advisory.get_parent().specific == hr


def test_hr_network_meetings_of_2020(demo_site):
    february = meeting("ideatyopaja-2020-02")
    assert (february.date, february.date_precision) == (
        datetime.date(2020, 2, 1),
        DatePrecision.MONTH,
    )
    assert february.status == MeetingStatus.HELD
    june = meeting("ideatyopaja-2020-06")
    assert june.status == MeetingStatus.CANCELLED and june.status_reason
    assert meeting("tiedolla-johtaminen-2020-04").format == MeetingFormat.REMOTE
    gone_remote = body("hr-verkosto").milestones.get()
    assert (gone_remote.date, gone_remote.date_precision) == (datetime.date(2020, 3, 12), "day")


def test_newsletters(demo_site):
    hr_info = NewsletterPage.objects.get(slug="hr-info", locale__language_code="fi")
    assert (hr_info.recipient_count, hr_info.recipient_count_qualifier) == (450, Qualifier.ABOUT)
    assert (hr_info.issues_per_year, hr_info.issues_year, hr_info.issues.count()) == (9, 2020, 9)
    safety = body("tyosuojelupaallikoiden-verkosto").newsletter
    assert safety.title == "KT tiedottaa työsuojelupäälliköille"
    assert (safety.recipient_count, safety.issues_per_year, safety.issues.count()) == (500, 8, 8)


def test_occupational_safety_network(demo_site):
    safety = body("tyosuojelupaallikoiden-verkosto")
    series = safety.meeting_series.get()
    assert (series.meeting_count, series.year, series.started) == (
        14,
        2020,
        datetime.date(2020, 3, 1),
    )
    assert (series.participants_min, series.participants_max) == (40, 100)
    assert series.format == MeetingFormat.REMOTE
    assert (safety.platform, safety.platform_since) == ("KT Linja", 2020)
    day = meeting("ajankohtaispaiva-2020")
    assert (day.city, day.format, day.date.month) == ("Helsinki", MeetingFormat.IN_PERSON, 3)
    assert len(day.themes) == 4
    assert meeting("biologiset-tekijat-webinaari-2020").meeting_type == "webinar"


def test_tekry_and_sections(demo_site):
    tekry = body("tekry")
    assert tekry.chair.name == "Anna Kukka"
    assert tekry.chair.job_title == "neuvottelujohtaja"
    assert tekry.chair.organisation.short_name == "KT"
    assert tekry.meeting_frequency == Frequency.MONTHLY
    assert tekry.kind == BodyKind.COORDINATING_GROUP
    section = body("kunta-alan-kehittamisjaos")
    assert section.meeting_frequency == Frequency.SPRING_AND_AUTUMN
    assert len(section.tasks) == 7
    assert section.kind == BodyKind.DEVELOPMENT_SECTION


def test_programme_goals_and_history(demo_site):
    programme = ProgrammePage.objects.get(locale__language_code="fi")
    assert len(programme.goals) == 5
    periods = {p.value["name"]: p.value for p in programme.history}
    assert (periods["Kunteko 2020"]["start_year"], periods["Kunteko 2020"]["end_year"]) == (
        2015,
        2020,
    )
    assert periods["Kuntatyö2030"]["funded_by"] == "TYÖ2030-ohjelma"
    agreement = periods["Sopimus valtakunnallisesta työelämän kehittämisestä"]
    assert agreement["start_year"] == 2022 and len(agreement["commitments"]) == 3
    assert programme.started_year == 2023
    assert len(programme.logos) == 4


def test_education_groups_and_cities(demo_site):
    counts = {
        slug: (body(slug).organisation_count, body(slug).organisation_count_qualifier)
        for slug in ("perusopetus", "lukio", "ammatillinen-koulutus", "kansalaisopistot")
    }
    assert counts == {
        "perusopetus": (15, Qualifier.EXACTLY),
        "lukio": (15, Qualifier.EXACTLY),
        "ammatillinen-koulutus": (40, Qualifier.OVER),
        "kansalaisopistot": (18, Qualifier.ABOUT),
    }
    assert body("perusopetus").meeting_frequency == Frequency.BIMONTHLY
    spring = meeting("kevattapaaminen-2020")
    assert (spring.city, spring.status, spring.season) == (
        "Espoo",
        MeetingStatus.CANCELLED,
        Season.SPRING,
    )
    assert body("suurten-kaupunkien-hr-johtajat").meeting_frequency == Frequency.TWICE_A_YEAR
    communications = body("suurten-kaupunkien-viestinnan-verkosto")
    assert [c.organisation.short_name for c in communications.co_organisers.all()] == [
        "KT",
        "Kuntaliitto",
        "Keva",
    ]
    assert meeting("tammikuun-tapaaminen-2020").participant_organisations == 21
    assert meeting("verkkotapaaminen-2020").participant_organisations == 30


def test_nordic_cooperation(demo_site):
    nordic = body("pohjoismainen-yhteistyo")
    figure = nordic.figures.get()
    assert (figure.value, figure.qualifier) == (2_500_000, Qualifier.ABOUT)
    lawyers = meeting("tyomarkkinalakimiesten-tapaaminen-2020")
    assert lawyers.status == MeetingStatus.POSTPONED
    assert lawyers.postponed_to.year == 2021 and lawyers.postponed_to_display == "2021"


def test_planned_meetings_follow_the_frequency(demo_site, demo_today):
    planned = MeetingPage.objects.child_of(body("tekry")).filter(status=MeetingStatus.PLANNED)
    assert planned.count() == 3
    assert all(m.date > demo_today.replace(day=1) for m in planned)


def test_api_exposes_structured_fields(demo_site, client):
    response = client.get(
        "/api/v2/pages/", {"type": "networks.BodyPage", "slug": "hr-verkosto", "fields": "*"}
    )
    hr = response.json()["items"][0]
    assert (hr["member_count"], hr["member_count_qualifier"], hr["counted_year"]) == (
        360,
        "about",
        2020,
    )
    assert hr["organisation_count"] == 166
    assert hr["newsletter_info"]["recipients"] == 450
    tekry = client.get(
        "/api/v2/pages/", {"type": "networks.BodyPage", "slug": "tekry", "fields": "*"}
    ).json()["items"][0]
    assert tekry["chair"]["name"] == "Anna Kukka"
    assert tekry["meeting_frequency"] == "monthly"
    june = client.get(
        "/api/v2/pages/",
        {"type": "networks.MeetingPage", "slug": "ideatyopaja-2020-06", "fields": "*"},
    ).json()["items"][0]
    assert (june["status"], june["date"], june["date_precision"]) == (
        "cancelled",
        "2020-06-01",
        "month",
    )
    safety = client.get(
        "/api/v2/pages/",
        {"type": "networks.BodyPage", "slug": "tyosuojelupaallikoiden-verkosto", "fields": "*"},
    ).json()["items"][0]
    assert safety["meeting_series"][0]["meeting_count"] == 14
    assert (
        safety["meeting_series"][0]["participants_min"],
        safety["meeting_series"][0]["participants_max"],
    ) == (40, 100)
    assert safety["newsletter_info"]["recipients"] == 500
