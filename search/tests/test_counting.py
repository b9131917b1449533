"""Search at any size (issue 19): the numbers on the results page are true. The facet counts
equal the entries the list shows with that filter, a filter never empties or cuts the list
its count promises, and every page of the answer can be reached, for a visitor and for a
member, on every backend the run has ("default" is Elasticsearch in the PostgreSQL phase)."""

import datetime
import html as html_module
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.utils import translation
from wagtail.models import Locale, Page

from networks.factories import (
    BodyPageFactory,
    FolderPageFactory,
    MaterialFactory,
    MeetingPageFactory,
    MembersGroupFactory,
)
from networks.models import Material, MeetingPage
from search.query import FACETS, run_search
from search.tests.test_search import result_titles
from search.tests.utils import refresh_index

pytestmark = pytest.mark.django_db

BACKENDS = ["default", "database"]
YEARS = (2021, 2022, 2023, 2024)
PUBLIC, MEMBERS_ONLY = 130, 14  # more than the 100 best matches the engine once returned


@pytest.fixture
def many_documents(demo_site, django_user_model):
    """144 documents whose titles name a snow castle: 130 public, 14 for a body's members."""
    group = MembersGroupFactory()
    body = BodyPageFactory(members_group=group)
    public = FolderPageFactory(parent=body)
    private = FolderPageFactory(parent=body, restricted_to=group)
    for n in range(PUBLIC + MEMBERS_ONLY):
        MaterialFactory(
            title=f"Lumilinnan ohje {n}",
            folder=public if n < PUBLIC else private,
            year=YEARS[n % len(YEARS)],
        )
    refresh_index(Material)
    member = django_user_model.objects.create_user("lumilinna-jasen")
    member.groups.add(group)
    return member


def outcome(rf, user, backend, asked_in="fi", both=False, **filters):
    request = rf.get("/", HTTP_HOST="localhost")
    request.user = user
    request.session = {}
    with translation.override(asked_in):
        return run_search(
            request, "lumilinna", asked_in, backend=backend, both=both, filters=filters
        )


def assert_counts_are_what_the_list_shows(rf, user, backend, chosen=None, **options):
    """Every facet value's count is the length of the list with that value chosen besides the
    filters `chosen` already holds (Solr's multi-select refiners), and every entry so listed
    carries that value."""
    chosen = chosen or {}
    found = outcome(rf, user, backend, **options, **chosen)
    for name, values in found.facets.items():
        for value, count in values:
            filters = {**chosen, name: value}
            listed = outcome(rf, user, backend, **options, **filters).hits
            assert len(listed) == count, (name, value, chosen)
            assert {str(getattr(hit, FACETS[name])) for hit in listed} == {value}
    return found


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("as_member", [False, True])
def test_counts_filters_and_pages_cover_every_match(rf, many_documents, backend, as_member):
    user = many_documents if as_member else AnonymousUser()
    expected = PUBLIC + (MEMBERS_ONLY if as_member else 0)
    found = outcome(rf, user, backend)
    titles = [hit.title for hit in found.hits]
    assert len(titles) == len(set(titles)) == expected  # a document once, every one of them
    # A visitor's list and counts never hold the members' documents.
    assert any(f"ohje {PUBLIC}" in title for title in titles) == as_member
    assert sum(count for _year, count in found.facets["year"]) == expected
    for year, count in found.facets["year"]:
        filtered = outcome(rf, user, backend, year=year).hits
        assert len(filtered) == count
        assert {hit.year for hit in filtered} == {int(year)}
    # Changing a filter keeps the other: a year within documents.
    both = outcome(rf, user, backend, year="2022", type=str(found.facets["type"][0][0])).hits
    assert len(both) == dict(found.facets["year"])["2022"]
    # With a year chosen, the other facets count within that year.
    within = assert_counts_are_what_the_list_shows(rf, user, backend, chosen={"year": "2022"})
    assert dict(within.facets["type"]) == {found.facets["type"][0][0]: len(both)}
    # The last page shows the last entries, not nothing.
    pages = Paginator(found.hits, 10)
    last = pages.page(pages.num_pages)
    assert pages.num_pages == -(-expected // 10)
    assert len(last) == expected - 10 * (pages.num_pages - 1)
    # A deep page of a filtered list shows the same entries, in the same order, as that part
    # of the list read from the start.
    filtered = outcome(rf, user, backend, year="2021").hits
    assert [hit.title for hit in Paginator(filtered, 10).page(3)] == [
        hit.title for hit in filtered[20:30]
    ]


@pytest.fixture
def translated_meetings(many_documents):
    """Twelve meetings named after the snow castle over the documents' four years, eight of
    them translated into Swedish (where the castle keeps its name)."""
    body = Material.objects.filter(title__startswith="Lumilinnan").first().body
    swedish = Locale.objects.get(language_code="sv")
    for n in range(12):
        meeting = MeetingPageFactory(
            parent=body, title=f"Lumilinna {n}", date=datetime.date(YEARS[n % 4], 3, 1)
        )
        if n < 8:
            translation = meeting.copy_for_translation(swedish, copy_parents=True)
            translation.save_revision().publish()
    refresh_index(Page)
    return many_documents


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("language", ["fi", "sv"])
def test_both_languages_count_one_entry_per_translation_group(
    rf, translated_meetings, backend, language
):
    """Searching both languages lists a meeting once, in the searcher's language where it has
    a translation, and every count (the language facet's too) is that list's."""
    user = AnonymousUser()
    found = assert_counts_are_what_the_list_shows(rf, user, backend, asked_in=language, both=True)
    meetings = [hit for hit in found.hits if hit.kind == "page"]
    assert sorted(hit.title for hit in meetings) == sorted(f"Lumilinna {n}" for n in range(12))
    assert len(meetings) == len({hit.translation_key for hit in meetings})
    in_swedish = sum(hit.language == "sv" for hit in meetings)
    assert in_swedish == (8 if language == "sv" else 0)
    assert len(found.hits) == PUBLIC + 12
    assert sum(count for _language, count in found.facets["language"]) == PUBLIC + 12
    assert_counts_are_what_the_list_shows(
        rf, user, backend, asked_in=language, both=True, chosen={"year": "2023"}
    )
    assert MeetingPage.objects.filter(title__startswith="Lumilinna").count() == 20


def test_the_search_page_shows_true_counts_and_reaches_its_last_page(client, many_documents):
    """What a visitor sees: the count above the list, the year refiners and page 13 of 13."""
    html = client.get("/haku/", {"q": "lumilinna"}).content.decode()
    assert f'"status">{PUBLIC} ' in html
    assert "2022 (33)" in html and "2024 (32)" in html  # 130 documents over four years
    first = set(result_titles(client.get("/haku/", {"q": "lumilinna"})))
    last = set(result_titles(client.get("/haku/", {"q": "lumilinna", "page": 13})))
    assert len(last) == 10 and not first & last
    filtered = client.get("/haku/", {"q": "lumilinna", "year": "2024"}).content.decode()
    assert '"status">32 ' in filtered
    # The type refiner counts within 2024 and its link keeps the year chosen.
    link = re.search(r'<a href="\?([^"]*type=[^"]*)">[^<]*\((\d+)\)</a>', filtered)
    assert "year=2024" in html_module.unescape(link.group(1)) and link.group(2) == "32"
    both = client.get("/haku/?" + html_module.unescape(link.group(1))).content.decode()
    assert '"status">32 ' in both


@pytest.mark.parametrize("backend", BACKENDS)
def test_sorted_by_date_every_entry_shows_once_newest_first(rf, many_documents, backend):
    """By date, a large answer is ordered by the engine: every entry once, the newest first,
    and a deep page is that part of the list read from the start."""
    request = rf.get("/", HTTP_HOST="localhost")
    request.user, request.session = AnonymousUser(), {}
    with translation.override("fi"):
        found = run_search(request, "lumilinna", "fi", backend=backend, sort="date").hits
    titles = [hit.title for hit in found]
    assert len(titles) == len(set(titles)) == PUBLIC
    dates = [hit.date for hit in found]
    assert dates == sorted(dates, reverse=True)
    assert [hit.title for hit in Paginator(found, 10).page(12)] == titles[110:120]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_title_that_names_the_query_comes_first_in_a_large_answer(rf, many_documents, backend):
    """The best matches of a large answer are ranked by title as a small one's are."""
    folder = Material.objects.filter(title__startswith="Lumilinnan").first().folder
    MaterialFactory(title="Lumilinna", folder=folder, year=2024)
    refresh_index(Material)
    found = outcome(rf, AnonymousUser(), backend).hits
    assert len(found) == PUBLIC + 1
    assert found[0].title == "Lumilinna"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_filter_value_that_is_no_facet_value_keeps_nothing(rf, client, many_documents, backend):
    """A year too large for any engine, or a body that does not exist, typed into the address:
    an empty list with its counts, never an error."""
    for filters in ({"year": "9" * 40}, {"year": "-1"}, {"body": "Ei tällaista"}):
        found = outcome(rf, AnonymousUser(), backend, **filters)
        assert list(found.hits) == [] and len(found.hits) == 0
    # A filter that hides every document still knows the query matched: no spelling
    # correction is offered for a word that was found.
    hidden = outcome(rf, AnonymousUser(), backend, type="Kokous", language="sv")
    assert len(hidden.hits) == 0 and hidden.complete and not hidden.suggestion
    response = client.get("/haku/", {"q": "lumilinna", "year": "9" * 40})
    assert response.status_code == 200
    assert '"status">0 ' in response.content.decode()


def test_pages_stop_at_the_last_offered_page_with_the_true_count(
    client, many_documents, monkeypatch
):
    """Past the last page offered (100 in production; 5 here), a page number goes to it: the
    count stays true and the page asks for a narrower search."""
    from search import views

    monkeypatch.setattr(views, "MAX_PAGES", 5)
    html = client.get("/haku/", {"q": "lumilinna", "page": "9" * 30}).content.decode()
    assert f'"status">{PUBLIC} ' in html
    assert "Sivu 5/5" in html
    assert "Vain 50 ensimmäistä tulosta" in html
