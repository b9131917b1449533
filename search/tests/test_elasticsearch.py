"""Against the real Elasticsearch server that `make test` starts (ELASTICSEARCH_URL)."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.search.backends import get_search_backend

from networks.models import BodyPage
from search.models import PendingIndexUpdate
from search.tests.test_search import result_titles
from search.tests.utils import refresh_index

pytestmark = [pytest.mark.django_db, pytest.mark.elasticsearch]


def test_default_backend_is_elasticsearch(settings):
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "search.backends"
    assert "database" in settings.WAGTAILSEARCH_BACKENDS


def test_dev_queries_rank_in_top_three_on_elasticsearch(demo_site):
    out = StringIO()
    call_command("evaluate_search", "search/tests/fixtures/queries-dev.tsv", stdout=out)
    assert out.getvalue().strip().splitlines()[-1] == "hits@3: 14/14", out.getvalue()


def _found(title_word):
    backend = get_search_backend("default")
    refresh_index(BodyPage)
    return [p.title for p in backend.search(title_word, BodyPage.objects.all(), operator="and")]


def test_updates_made_while_the_engine_is_down_are_replayed(demo_site, settings, client):
    real = settings.WAGTAILSEARCH_BACKENDS["default"]
    settings.WAGTAILSEARCH_BACKENDS = {
        **settings.WAGTAILSEARCH_BACKENDS,
        "default": {**real, "URLS": ["http://127.0.0.1:9"], "TIMEOUT": 1},
    }
    page = BodyPage.objects.get(slug="lukio", locale__language_code="fi")
    page.title = "Lukion työnantajaryhmä Kvarkki"
    page.save_revision().publish()  # the edit succeeds although the engine is down
    assert PendingIndexUpdate.objects.filter(object_id=str(page.pk)).exists()

    settings.WAGTAILSEARCH_BACKENDS = {**settings.WAGTAILSEARCH_BACKENDS, "default": real}
    assert "Lukion työnantajaryhmä Kvarkki" not in _found("kvarkki")
    assert '"status">0 ' in client.get("/haku/", {"q": "kvarkki"}).content.decode()  # kept
    out = StringIO()
    call_command("replay_index_updates", stdout=out)
    assert "0 still pending" in out.getvalue()
    assert "Lukion työnantajaryhmä Kvarkki" in _found("kvarkki")
    # The answer kept before the replay is not given again.
    assert "Lukion työnantajaryhmä Kvarkki" in result_titles(client.get("/haku/", {"q": "kvarkki"}))


@pytest.mark.parametrize("batch", [10_000, 7])
def test_every_match_comes_in_engine_order_however_it_is_fetched(demo_site, monkeypatch, batch):
    """The whole answer (one request, or scrolled in batches when it is larger than one
    request may carry) holds every match once, in the order the engine ranks them, as
    Wagtail's own pages of 100 do; a slice gives the same part of it."""
    from networks.factories import FolderPageFactory, MaterialFactory
    from networks.models import Material
    from search.backends import WholeAnswerResults

    folder = FolderPageFactory()
    for n in range(30):  # titles of different lengths score differently: one true order
        MaterialFactory(folder=folder, title=" ".join(["Lumilinna", *["ohje"] * n]))
    refresh_index(Material)
    backend = get_search_backend("default")
    documents = Material.objects.all()
    ranked = [d.pk for d in backend.search("lumilinna", documents)[:100]]
    assert len(ranked) == 30
    monkeypatch.setattr(WholeAnswerResults, "BATCH", batch)
    whole = [d.pk for d in backend.search("lumilinna", documents)]
    assert whole == ranked
    assert [d.pk for d in backend.search("lumilinna", documents)[3:150]] == ranked[3:]
