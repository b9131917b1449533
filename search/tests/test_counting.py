"""Search at any size (issue 19): the numbers on the results page are true. The facet counts
equal the entries the list shows with that filter, a filter never empties or cuts the list
its count promises, and every page of the answer can be reached, for a visitor and for a
member, on every backend the run has ("default" is Elasticsearch in the PostgreSQL phase)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.utils import translation

from networks.factories import (
    BodyPageFactory,
    FolderPageFactory,
    MaterialFactory,
    MembersGroupFactory,
)
from networks.models import Material
from search.query import run_search
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


def outcome(rf, user, backend, **filters):
    request = rf.get("/", HTTP_HOST="localhost")
    request.user = user
    request.session = {}
    with translation.override("fi"):
        return run_search(request, "lumilinna", "fi", backend=backend, filters=filters)


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
    # The last page shows the last entries, not nothing.
    pages = Paginator(found.hits, 10)
    last = pages.page(pages.num_pages)
    assert pages.num_pages == -(-expected // 10)
    assert len(last) == expected - 10 * (pages.num_pages - 1)


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
