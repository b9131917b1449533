"""The list made of parts counted in different places (`search.results.RankedHits`): every
entry once, in one order however it is paged, read only as far as it is shown."""

from django.core.paginator import Paginator

from search.results import Hit, RankedHits


class Part:
    """A part as `Listed` and the engine's answers are: a total and an order of its own."""

    def __init__(self, scores, name):
        self.hits = [
            Hit(obj=None, kind=name, title=f"{name}{n}", language="fi", score=s)
            for n, s in enumerate(scores)
        ]
        self.total = self.matches = len(self.hits)
        self.facets = {}
        self.read = 0

    def iterate(self):
        for hit in self.hits:
            self.read += 1
            yield hit


def test_every_entry_once_in_one_order_however_paged():
    # The engine's part past its re-ranked window is not in score order: the list still shows
    # each entry once, on one page, the same whichever page is read first.
    pages = Part([9, 5, 5, 1], "page")
    documents = Part([8, 7, 5, 6, 2, 3], "document")
    whole = [hit.title for hit in RankedHits([pages, documents], "relevance")]
    assert sorted(whole) == sorted(h.title for h in pages.hits + documents.hits)
    assert len(whole) == len(set(whole)) == 10
    backwards = RankedHits(
        [Part([9, 5, 5, 1], "page"), Part([8, 7, 5, 6, 2, 3], "document")], "relevance"
    )
    paged = Paginator(backwards, 3)
    read = {n: [hit.title for hit in paged.page(n)] for n in (4, 2, 3, 1)}
    assert [title for n in (1, 2, 3, 4) for title in read[n]] == whole
    # On a tie the earlier part (pages) comes first, as a stable sort of them all would put it.
    assert whole.index("page1") < whole.index("document2")


def test_the_first_page_reads_only_what_it_shows():
    documents = Part(list(range(1000, 0, -1)), "document")
    hits = RankedHits([Part([], "page"), documents], "relevance")
    assert len(hits) == 1000
    assert [hit.title for hit in hits[:10]] == [f"document{n}" for n in range(10)]
    assert documents.read <= 11  # the page's ten and the next one the merge looks at
