"""What a search lists and counts: hits, the facets' counts, and the one ranked list made of
the parts counted in different places (pages in Python, a large answer's documents by the
engine, `search.engine`).

What a count counts, on every backend: the entries the list shows. One entry per page
translation group, in the searcher's language where it has one, and a document once; with a
facet's value chosen besides the other filters, the list is as long as that value's count.
"""

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, field

# A facet's name in the query string and the hit's attribute it counts.
FACETS = {"body": "body", "type": "content_type", "year": "year", "language": "language"}


@dataclass
class Hit:
    obj: object
    kind: str  # "page" or "document"
    title: str
    language: str
    score: float
    content_type: str = ""
    body: str = ""
    year: int | None = None
    date: object = None
    snippet: str = ""
    translation_key: object = None
    matched: int = 1  # how many of the query's words it matches
    complete: bool = True  # it matches every word
    named: bool = False  # its title is what was asked, word for word (`ranking._names_query`)
    owner: bool = False  # a page named by the query above other hits so named
    request: object = field(default=None, repr=False)

    @property
    def url(self):
        """Worked out for the hits on show only: a page's address takes a walk up its tree."""
        if self.kind == "page":
            return self.obj.get_url(self.request)
        return self.obj.url


def document_hit(document, language, bodies, document_type, score, matched, complete):
    """A document as the list shows it; `bodies` from `search.query._bodies`."""
    return Hit(
        obj=document,
        kind="document",
        title=document.title,
        language=document.language,
        score=score,
        content_type=document_type,
        body=bodies["by_id"].get(document.body_id, {}).get(language, ""),
        year=document.year,
        date=document.created_at.date(),
        matched=matched,
        complete=complete,
    )


def sort_key(sort):
    """Full matches first, then what matches most of the words; within them by relevance (a
    title naming the query, a body above its meetings, the score) or by date."""
    if sort == "date":
        return lambda h: (h.matched, h.date is not None, h.date or 0)
    return lambda h: (h.matched, h.named, h.owner, h.score)


def count_facets(hits, filters):
    """Each facet's counts over the hits the other facets' filters keep, as Solr's and
    SharePoint's refiners count: a value's count is what the list shows once it is chosen too
    (with the year 2022 chosen, "Document (33)" leads to the 33 documents of 2022), and the
    values of the facet already chosen stay on offer with their own counts."""
    facets = {}
    for name, attribute in FACETS.items():
        others = {other: value for other, value in filters.items() if other != name}
        counts = {}
        for hit in filtered(hits, others):
            value = getattr(hit, attribute)
            if value not in (None, ""):
                counts[str(value)] = counts.get(str(value), 0) + 1
        facets[name] = counts
    return facets


def filtered(hits, filters):
    for name, attribute in FACETS.items():
        wanted = filters.get(name)
        if wanted:
            hits = [hit for hit in hits if str(getattr(hit, attribute)) == wanted]
    return hits


def summed_facets(parts):
    """The facets of the parts added up, each facet's values by falling count."""
    facets = {}
    for name in FACETS:
        counts = {}
        for part in parts:
            for value, count in part.facets.get(name, {}).items():
                if count:
                    counts[value] = counts.get(value, 0) + count
        facets[name] = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return facets


class Listed:
    """Hits counted, filtered and ordered in Python: the pages a query finds (a few thousand at
    most, each translation group once), and a small answer's documents with its partial
    matches. The same interface as the engine's answers (`search.engine`)."""

    def __init__(self, hits, filters, sort):
        self.facets = count_facets(hits, filters)
        self.matches = sum(hit.complete for hit in hits)
        self._shown = sorted(filtered(hits, filters), key=sort_key(sort), reverse=True)
        self.total = len(self._shown)

    def iterate(self):
        return iter(self._shown)


class RankedHits(Sequence):
    """One list of the parts' entries, merged by `sort_key` and read only as far as it is
    shown: page 1 of a 100,000-document answer reads the engine's best matches, not all. Each
    part keeps its own order (a large answer's best matches re-ranked, the rest as the engine
    ranks them), so an entry is on one page only however the list is paged; on a tie the
    earlier part (pages) comes first, as a stable sort of them all would put it."""

    def __init__(self, parts, sort):
        self._parts = parts
        self._len = sum(part.total for part in parts)
        iterables = [part.iterate() for part in parts]
        self._merged = heapq.merge(*iterables, key=sort_key(sort), reverse=True)
        self._read = []

    def __len__(self):
        return self._len

    def _read_to(self, stop):
        while len(self._read) < stop:
            hit = next(self._merged, None)
            if hit is None:
                self._len = len(self._read)  # fewer than counted: rows gone since indexing
                return
            self._read.append(hit)

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, _step = index.indices(self._len)
            self._read_to(stop)
            return self._read[index]
        if index < 0:
            index += self._len
        self._read_to(index + 1)
        if not 0 <= index < len(self._read):
            raise IndexError(index)
        return self._read[index]

    def __iter__(self):
        position = 0
        while True:
            self._read_to(position + 100)
            if position >= len(self._read):
                return
            yield from self._read[position : position + 100]
            position += 100

    def __eq__(self, other):
        """Equal to a list of the same entries, as the list it stands for."""
        if isinstance(other, (list, tuple, RankedHits)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None

    @property
    def matches(self):
        """How many entries match every word, whatever the filters (a spelling correction is
        offered only when there are none)."""
        return sum(part.matches for part in self._parts)
