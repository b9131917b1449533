"""The search page on the database backend: language, access, facets, fallbacks."""

from io import StringIO

import pytest
from django.core.management import call_command

from networks.models import Material
from search.tests.utils import refresh_index

pytestmark = pytest.mark.django_db

QUERIES = "search/tests/fixtures/queries-dev.tsv"


def result_titles(response):
    import re

    return re.findall(
        r'class="result-title"><a href="[^"]*">([^<]+)</a>', response.content.decode()
    )


def test_dev_queries_rank_in_top_three_on_the_database(demo_site):
    out = StringIO()
    call_command("evaluate_search", QUERIES, "--backend", "database", stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert lines[-1] == "hits@3: 14/14", out.getvalue()


def test_evaluate_search_refuses_a_database_without_content(demo_site):
    from django.core.management.base import CommandError
    from wagtail.models import Page

    Page.objects.filter(depth__gt=1).update(live=False)
    with pytest.raises(CommandError, match="no content"):
        call_command("evaluate_search", QUERIES, stdout=StringIO())


@pytest.mark.parametrize(
    "url,query,expected",
    [
        ("/haku/", "työsuojelupäällikkö", "Työsuojelupäälliköiden verkosto"),
        ("/haku/", "vuosityöaika", "Perusopetuksen työnantajaryhmä"),
        ("/haku/", "uutiskirje", "HR-info"),
        ("/sv/sok/", "arbetarskyddschef", "Nätverket för arbetarskyddschefer"),
    ],
)
def test_inflected_and_compound_words_are_found(demo_site, client, url, query, expected):
    titles = result_titles(client.get(url, {"q": query}))
    assert expected in titles[:3]


def test_swedish_page_searches_swedish_and_can_search_both(demo_site, client):
    swedish_only = result_titles(client.get("/sv/sok/", {"q": "HR-nätverket"}))
    assert "HR-nätverket" in swedish_only and "HR-verkosto" not in swedish_only
    both = client.get("/sv/sok/", {"q": "Tekry", "languages": "all"})
    titles = result_titles(both)
    assert "Arbetslivsutvecklingsgruppen Tekry" in titles
    assert "Työelämän kehittämisryhmä Tekry" not in titles  # the same page shows once


def test_results_show_snippets_facets_and_sort(demo_site, client):
    html = client.get("/haku/", {"q": "webinaari", "sort": "date"}).content.decode()
    assert "<mark>" in html
    assert "Työsuojelupäälliköiden verkosto (" in html  # body facet with its count
    filtered = client.get("/haku/", {"q": "työsuojelupäällikkö", "type": "Asiakirja"})
    assert all("/2020" in t for t in result_titles(filtered))


def test_no_hits_suggests_a_spelling(demo_site, client):
    html = client.get("/haku/", {"q": "asiantuntijaraatti"}).content.decode()
    assert "asiantuntijaraati" in html.split('role="status"')[1]


@pytest.mark.parametrize(
    "url,query", [("/haku/", "jäsenaineisto"), ("/sv/sok/", "medlemsmaterial")]
)
def test_members_only_pages_show_only_to_their_members(
    demo_site, client, django_user_model, url, query
):
    def titles_for(username):
        client.logout()
        if username:
            client.force_login(django_user_model.objects.get(username=username))
        return " ".join(result_titles(client.get(url, {"q": query})))

    anonymous, hr, safety = titles_for(None), titles_for("jasen-hr"), titles_for("jasen-tyosuojelu")
    assert "HR" not in anonymous and "arbetarskydd" not in anonymous.lower()
    assert "HR" in hr and "työsuojelu" not in hr.lower() and "arbetarskydd" not in hr.lower()
    assert "HR" not in safety


def test_private_document_never_shows_to_others(demo_site, client, django_user_model):
    private = Material.objects.get(title="HR-verkoston jäsenluettelo 2020")
    assert "Kaisaniemi" in private.extracted_text  # extracted from the PDF on upload
    for username in (None, "jasen-tyosuojelu"):
        client.logout()
        if username:
            client.force_login(django_user_model.objects.get(username=username))
        html = client.get("/haku/", {"q": "Kaisaniemi"}).content.decode()
        assert "jäsenluettelo" not in html and "<mark>" not in html
        assert '"status">0 ' in html
    client.force_login(django_user_model.objects.get(username="jasen-hr"))
    response = client.get("/haku/", {"q": "Kaisaniemi"})
    assert "HR-verkoston jäsenluettelo 2020" in result_titles(response)
    assert "<mark>Kaisaniemi" in response.content.decode()


def test_an_answer_kept_for_a_member_never_reaches_others(demo_site, client, django_user_model):
    """Answers are kept between searches; the member asks first, then others ask the same."""
    client.force_login(django_user_model.objects.get(username="jasen-hr"))
    assert "HR-verkoston jäsenluettelo 2020" in result_titles(
        client.get("/haku/", {"q": "Kaisaniemi"})
    )
    for username in ("jasen-tyosuojelu", None):
        client.logout()
        if username:
            client.force_login(django_user_model.objects.get(username=username))
        html = client.get("/haku/", {"q": "Kaisaniemi"}).content.decode()
        assert "jäsenluettelo" not in html and '"status">0 ' in html, username


def test_engine_down_falls_back_to_the_database_and_says_so(demo_site, client, settings):
    closed_port = {
        "BACKEND": "search.backends",
        "URLS": ["http://127.0.0.1:9"],
        "INDEX_PREFIX": "down_",
        "TIMEOUT": 1,
        "OPTIONS": {"max_retries": 0},
    }
    working = {**settings.DATABASE_SEARCH, "AUTO_UPDATE": False}
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": closed_port,
        "database": {**settings.DATABASE_SEARCH, "AUTO_UPDATE": False},
    }
    response = client.get("/haku/", {"q": "Tekry"})
    assert response.status_code == 200
    assert "Työelämän kehittämisryhmä Tekry" in result_titles(response)
    assert 'role="alert"' in response.content.decode()
    # The fallback's answer is not kept: once the engine answers, so does the page.
    settings.WAGTAILSEARCH_BACKENDS = {**settings.WAGTAILSEARCH_BACKENDS, "default": working}
    response = client.get("/haku/", {"q": "Tekry"})
    assert "Työelämän kehittämisryhmä Tekry" in result_titles(response)
    assert 'role="alert"' not in response.content.decode()


def test_unpublished_page_leaves_results_and_returns_on_publish(demo_site, client):
    from networks.models import BodyPage

    lukio = BodyPage.objects.get(slug="lukio", locale__language_code="fi")
    lukio.unpublish()
    refresh_index(BodyPage)
    assert "Lukion työnantajaryhmä" not in result_titles(client.get("/haku/", {"q": "lukio"}))
    lukio.save_revision().publish()
    refresh_index(BodyPage)
    assert "Lukion työnantajaryhmä" in result_titles(client.get("/haku/", {"q": "lukio"}))


def test_update_index_shows_progress(demo_site):
    out = StringIO()
    call_command("update_index", stdout=out)
    assert "100%" in out.getvalue() and "indexed" in out.getvalue()


def test_private_swedish_document_shows_only_to_members(demo_site, client, django_user_model):
    from django.core.files.base import ContentFile

    hr_private = Material.objects.get(title="HR-verkoston jäsenluettelo 2020").folder
    Material.objects.create(
        title="HR-nätverkets medlemsförteckning",
        language="sv",
        folder=hr_private,
        file=ContentFile("Förteckning över medlemmarna i HR-nätverket.".encode(), name="lista.txt"),
    )
    refresh_index(Material)
    for username, visible in ((None, False), ("jasen-tyosuojelu", False), ("jasen-hr", True)):
        client.logout()
        if username:
            client.force_login(django_user_model.objects.get(username=username))
        titles = result_titles(client.get("/sv/sok/", {"q": "förteckningar medlemmarna"}))
        assert ("HR-nätverkets medlemsförteckning" in titles) is visible, username


def test_minutes_count_in_their_meetings_year(demo_site, hr_member, rf):
    """The year facet puts minutes in the year of their meeting, not the year they were put
    on the site (the demo was loaded today)."""
    from django.utils import translation

    from networks.models import MinutesPage
    from search.query import run_search

    minutes = MinutesPage.objects.live().filter(locale__language_code="fi")
    dated = [m for m in minutes if m.meeting and m.meeting.date]
    assert dated, "the demo has minutes of dated meetings"
    request = rf.get("/haku/")
    request.user = hr_member
    with translation.override("fi"):
        outcome = run_search(request, dated[0].title, "fi", backend="database")
    hit = next(h for h in outcome.hits if h.obj.pk == dated[0].pk)
    assert hit.year == dated[0].meeting.date.year


def test_suggestions_are_shared_only_by_readers_who_see_the_same(demo_site, client, hr_member):
    """The suggestion vocabulary is kept between searches, never across what readers may see:
    a word only in a members-only title is suggested to the member, not to a visitor after."""
    client.force_login(hr_member)
    member = client.get("/haku/", {"q": "jäsenluetelo"}).content.decode()
    assert "jäsenluettelo" in member.split('role="status"')[1]
    client.logout()
    visitor = client.get("/haku/", {"q": "jäsenluetelo"}).content.decode()
    assert "jäsenluettelo" not in visitor


class _Scored(list):
    def annotate_score(self, name):
        return self


class _Backend:
    def __init__(self, *scores):
        self.scores = scores

    def search(self, query, queryset, operator):
        return _Scored(type("Result", (), {"_score": score})() for score in self.scores)


def test_scores_turn_only_for_a_backend_whose_better_matches_score_lower():
    from search.engine import scored as _search

    assert [r._score for r in _search(_Backend(3.0, 1.0), None, "q")] == [3.0, 1.0]
    lower_is_better = _Backend(-3.0, -1.0)
    lower_is_better.lower_scores_are_better = True
    assert [r._score for r in _search(lower_is_better, None, "q")] == [3.0, 1.0]


def test_the_database_backend_scores_its_best_match_highest(demo_site):
    """Whichever database runs the tests (SQLite's bm25 is lower-is-better, PostgreSQL's rank
    higher-is-better), the backend's own order, best match first, is by falling `_score`."""
    from wagtail.models import Page

    from search.engine import backend as _backend
    from search.engine import scored as _search
    from text.analysis import normalise_query

    found = _search(_backend("database"), Page.objects.live(), normalise_query("verkosto", "fi"))
    scores = [page._score for page in found]
    assert len(set(scores)) > 1 and scores == sorted(scores, reverse=True)


def test_update_index_is_the_projects_own():
    """search/management/commands/update_index.py shadows Wagtail's command of the same name,
    and of its other name, only while `search` comes before `wagtail.search` in INSTALLED_APPS."""
    from django.core.management import get_commands, load_command_class

    from search.management.commands.update_index import Command

    assert get_commands()["update_index"] == "search"
    assert get_commands()["wagtail_update_index"] == "search"
    assert isinstance(load_command_class("search", "wagtail_update_index"), Command)


def test_wagtails_own_search_screens_and_the_api_use_the_same_backend(
    demo_site, client, django_user_model
):
    """The database backend's compiler (search/backends.py) serves Wagtail's admin search, its
    document listing and the API too, not only the search page: each finds what it should,
    counted and paged."""
    from modelsearch.index import insert_or_update_object
    from wagtail.models import Page

    from networks.models import Material
    from search.tests.utils import refresh_index

    # Elasticsearch is not rolled back with each test's database: index what is asked for.
    document = Material.objects.order_by("pk").first()
    network = Page.objects.get(title="HR-verkosto", locale__language_code="fi").specific
    for obj in (document, network):
        insert_or_update_object(obj)
    refresh_index(Material)
    refresh_index(Page)
    title = document.title
    word = max(title.split(), key=len)
    admin = django_user_model.objects.create_superuser("haku-admin", password="x")
    client.force_login(admin)
    pages = client.get("/admin/pages/search/", {"q": "verkosto"})
    assert pages.status_code == 200 and "HR-verkosto" in pages.content.decode()
    documents = client.get("/admin/documents/", {"q": word})
    assert documents.status_code == 200 and title in documents.content.decode()
    client.logout()
    found = client.get("/api/v2/pages/", {"search": "verkosto", "limit": 3}).json()
    assert found["meta"]["total_count"] >= 1 and len(found["items"]) <= 3
    assert any("verkosto" in item["title"].lower() for item in found["items"])
