"""What a body's and a folder's page tell a reader at a glance: the next meeting in the facts
box, why a meeting was cancelled or postponed and to when, planned meetings named by body and
date, and a folder's result count, counts in its filters and a way to clear them."""

import re

import pytest

from networks.models import KnowledgeBankPage, MeetingPage
from networks.next_meeting import plan_next_meeting

pytestmark = pytest.mark.django_db

FACTS = re.compile(r'<dl class="facts">.*?</dl>', re.S)


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_next_meeting_is_first_in_the_facts_box(hr, client):
    upcoming = MeetingPage.objects.child_of(hr).live().filter(status="planned").order_by("date")
    facts = FACTS.search(html_of(client, hr.url)).group(0)
    assert facts.index("Seuraava kokous") < facts.index("Toimielimen tyyppi")
    assert f'<a href="{upcoming[0].url}">{upcoming[0].date_display}' in facts


def test_next_meeting_in_swedish(hr, client):
    swedish = hr.get_translation(hr.locale.__class__.objects.get(language_code="sv"))
    assert "Nästa möte" in FACTS.search(html_of(client, swedish.url)).group(0)


def test_cancelled_and_postponed_meetings_show_reason_and_new_date(demo_site, client):
    cancelled = MeetingPage.objects.get(slug="ideatyopaja-2020-06", locale__language_code="fi")
    html = html_of(client, cancelled.get_parent().url)
    assert f"Syy: {cancelled.status_reason}" in html
    postponed = MeetingPage.objects.filter(status="postponed", locale__language_code="fi").first()
    html = html_of(client, postponed.get_parent().url)
    assert f"Uusi ajankohta: {postponed.postponed_to_display}" in html


def test_planned_meeting_is_named_by_body_and_date(hr):
    last = MeetingPage.objects.child_of(hr).filter(status="held").order_by("-date").first()
    planned = plan_next_meeting(last)
    kind = planned.get_meeting_type_display().lower()  # "tapahtuma" after an event
    assert planned.title == f"HR-verkosto – {kind} {planned.date_display}"
    demo = MeetingPage.objects.child_of(hr).filter(status="planned").first()
    assert demo.title.startswith("HR-verkosto – kokous ")
    swedish = demo.get_translation(hr.locale.__class__.objects.get(language_code="sv"))
    assert swedish.title.startswith("HR-nätverket – möte ")


def test_knowledge_bank_counts_results_and_filter_options(safety, client):
    bank = KnowledgeBankPage.objects.descendant_of(safety).get(locale__language_code="fi")
    html = html_of(client, bank.url)
    count = int(re.search(r'<p class="result-count" role="status">(\d+) aineisto', html).group(1))
    assert count == html.count("<tr>") - 1  # one row a document, after the header row
    type_counts = re.findall(r'<option value="\w+">[^<(]+\((\d+)\)</option>', html)
    assert type_counts and sum(map(int, type_counts)) >= count
    assert "Tyhjennä rajaukset" not in html
    year = re.search(r'<select id="f-year".*?<option value="(\d+)">\d+ \((\d+)\)', html, re.S)
    filtered = html_of(client, f"{bank.url}?year={year.group(1)}")
    assert f'<p class="result-count" role="status">{year.group(2)} ' in filtered
    assert f'<a href="{bank.url}">Tyhjennä rajaukset</a>' in filtered
