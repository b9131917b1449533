"""What the search asks the engine, and a large answer counted and paged by the engine.

A common word matches tens of thousands of documents. Their facets are counted, their filters
applied and their pages cut by the engine (`DocumentAnswer`: Elasticsearch's aggregations and
post filter in one request; the database's counting queries), so a search reads only the
documents it shows, not every match. The best `WINDOW` matches are re-ranked by title
(`search.ranking`), as Solr's re-rank query and Elasticsearch's rescore window do; past them
the engine's order stands. Pages, a few thousand at most and one entry per translation group,
are counted in Python (`search.results.Listed`), as is a small answer that lists partial
matches after the full ones.
"""

import copy
import inspect
import logging

from django.conf import settings
from django.db.models import Count
from django.utils.translation import gettext as _
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText

from .ranking import reward_title_matches
from .results import document_hit, sort_key

logger = logging.getLogger(__name__)

# A small answer lists every full match, then the best 100 partial matches per kind and
# language, none once the full matches fill that many.
MAX_HITS = 100
# The best matches of a large answer that are re-ranked by title before the list shows them.
WINDOW = 100
# How many more documents a list read past the window asks for at a time.
CHUNK = 500
# How many matches one request reads where they are few (pages): more, and the general way.
NAMED_WINDOW = 10_000
# An Elasticsearch search that returns ids and scores only, in the engine's order (the pk breaks
# ties, so `search_after` pages on the same order): read from the column store, not `_source`.
IDS_ONLY = {
    "sort": [{"_score": "desc"}, {"pk": "desc"}],
    "track_scores": True,
    "_source": False,
    "stored_fields": "_none_",
    "docvalue_fields": ["pk"],
}

_backends = {}


def backend(name):
    """One backend per configuration and process: a new Elasticsearch client per request would
    open new connections each time."""
    if name not in settings.WAGTAILSEARCH_BACKENDS:
        name = "database"
    key = (name, repr(sorted(settings.WAGTAILSEARCH_BACKENDS[name].items())))
    if key not in _backends:
        _backends[key] = get_search_backend(name)
    return _backends[key]


def scored(engine, queryset, query, limit=None):
    """Results with `_score` where higher is better, whichever way the backend ranks (SQLite's
    bm25 is lower-is-better: `lower_scores_are_better`, search/backends.py); every match unless
    `limit` (Elasticsearch pages through more than 10,000 with its scroll API)."""
    found = engine.search(query, queryset, operator="and").annotate_score("_score")
    results = list(found[:limit] if limit else found)
    sign = _sign(engine)
    for result in results:
        result._score = sign * (getattr(result, "_score", 0) or 0)
    return results


def _sign(engine):
    return -1 if getattr(engine, "lower_scores_are_better", False) else 1


def engine_query(terms, operator="and"):
    """The engine's query from `query_terms`: the alternatives of one word ORed (every reading,
    the spellings with ä/ö put back, synonyms), the words ANDed, or ORed for the partial
    matches. A synonym of several words is an alternative that is itself a group of words."""
    word_queries = [_word_query(alternatives) for alternatives in terms]
    if len(word_queries) == 1:
        return word_queries[0]
    return And(word_queries) if operator == "and" else Or(word_queries)


def _word_query(alternatives):
    queries = [
        And([_word_query(words) for words in alternative])
        if isinstance(alternative, tuple)
        else PlainText(alternative)
        for alternative in alternatives
    ]
    return queries[0] if len(queries) == 1 else Or(queries)


def best_matches(engine, queryset, terms, few=False):
    """Every match of every word, then the best 100 of what matches most of them: no backend has
    a minimum-should-match over query objects, so a query of several words also runs as an OR,
    and each partial match is told how many words it matches (for three or more, one small
    query per word over the partial matches only). A question's leftover verb ("tekee") then
    costs nothing. Where the matches are `few` (pages), Elasticsearch answers it all in one
    request (`_named_matches`)."""
    if few and len(terms) > 1 and isinstance(engine, ElasticsearchBaseSearchBackend):
        found = _named_matches(engine, queryset, terms)
        if found is not None:
            return found
    full = scored(engine, queryset, engine_query(terms, "and"))
    for result in full:
        result._matched, result._complete = len(terms), True
    if len(terms) < 2 or len(full) >= MAX_HITS:
        return full  # partial matches would only follow the best matches the list keeps
    seen = {result.pk for result in full}
    partial = [
        result
        for result in scored(engine, queryset, engine_query(terms, "or"), MAX_HITS + len(full))
        if result.pk not in seen
    ][:MAX_HITS]
    matched = {result.pk: 1 for result in partial}
    if len(terms) > 2 and partial:
        among = queryset.filter(pk__in=list(matched))
        for alternatives in terms:
            for result in scored(engine, among, engine_query([alternatives])):
                matched[result.pk] = matched.get(result.pk, 0) + 1
        matched = {pk: max(count - 1, 1) for pk, count in matched.items()}
    for result in partial:
        result._matched, result._complete = matched[result.pk], False
    return full + partial


def _named_matches(engine, queryset, terms):
    """`best_matches` in one round trip to Elasticsearch (`_msearch`): every full match with
    the AND's score, and the OR of the words with a named clause per word, so that every
    partial match says which words it matched. None when the query is not shaped as Wagtail
    compiles it or matches more than one request returns: the general way then."""
    index = engine.get_index_for_model(queryset.model).name
    compiled = {
        operator: engine.search(
            engine_query(terms, operator), queryset, operator="and"
        ).query_compiler.get_query()
        for operator in ("and", "or")
    }
    if not _name_words(compiled["or"], len(terms)):
        return None
    search = {**IDS_ONLY, "size": NAMED_WINDOW, "track_total_hits": NAMED_WINDOW + 1}
    searches = []
    for query in compiled.values():
        searches += [{"index": index}, {**search, "query": query}]
    answers = engine.es.msearch(searches=searches)["responses"]
    if any("error" in answer for answer in answers):
        return None
    if any(answer["hits"]["total"]["value"] > len(answer["hits"]["hits"]) for answer in answers):
        return None
    every, anyone = (answer["hits"]["hits"] for answer in answers)
    loaded = queryset.in_bulk([_pk(hit) for hit in every + anyone])
    words = len(terms)
    full = _named_results(every, loaded, words, lambda hit: words)
    if len(full) >= MAX_HITS:
        return full
    seen = {result.pk for result in full}
    matched = _named_results(anyone, loaded, words, lambda hit: len(set(hit["matched_queries"])))
    return full + [result for result in matched if result.pk not in seen][:MAX_HITS]


def _named_results(hits, loaded, words, matched):
    """The loaded results of `hits` in their order, each with `_score` and with `_matched`,
    the words `matched(hit)` says it matches; a result deleted since it was indexed is left
    out. Copies: a full match is among the OR's hits too."""
    results = []
    for hit in hits:
        result = copy.copy(loaded.get(_pk(hit)))
        if result is None:
            continue
        result._score = hit["_score"] or 0
        result._matched = matched(hit)
        result._complete = result._matched == words
        results.append(result)
    return results


def _pk(hit):
    return int(hit["fields"]["pk"][0])


def _name_words(query, count):
    """Add to a compiled OR query one named clause per word that scores nothing (`boost` 0) and
    matches where the word matches in any field, so each hit says which words it matched.
    The query's own clauses cannot carry the names: under its `dis_max` over fields,
    Elasticsearch reports only the names in the best-scoring field. The shape Wagtail compiles:
    `{"bool": {"must": {"dis_max": {"queries": [{"bool": {"should": [word, ...]}}, ...]}}}}`,
    or one field without the `dis_max`. False, untouched, for any other shape."""
    top = query.get("bool")
    if not isinstance(top, dict) or "should" in top:
        return False
    must = top.get("must")
    branches = must.get("dis_max", {}).get("queries") if isinstance(must, dict) else None
    words = [[] for _word in range(count)]
    for branch in branches if branches is not None else [must]:
        should = branch.get("bool", {}).get("should") if isinstance(branch, dict) else None
        if not isinstance(should, list) or len(should) != count:
            return False
        for clauses, clause in zip(words, should, strict=True):
            clauses.append(copy.deepcopy(clause))
    top["should"] = [
        {"bool": {"should": clauses, "_name": f"word-{i}", "boost": 0}}
        for i, clauses in enumerate(words)
    ]
    return True


def counted_documents(engine, documents, terms, **context):
    """The documents matching every word, counted and paged by `engine` (`DocumentAnswer`), or
    None where the backend cannot count them (a database without full-text search)."""
    if isinstance(engine, ElasticsearchBaseSearchBackend):
        return ElasticsearchAnswer(engine, documents, terms, **context)
    if getattr(engine.results_class, "supports_facet", False):
        return DatabaseAnswer(engine, documents, terms, **context)
    return None


class DocumentAnswer:
    """The documents of one language matching every word of a query, as the list shows them:
    `total` under the chosen filters, `facets` each counted under the other filters (the
    interface of `search.results.Listed`), `matches` under none, and `iterate()`, the entries
    in the list's order, read from the engine only as far as the list is read.

    Type and language are the same for every document of the answer, so their filters keep
    all of it or none; body and year are the engine's filters."""

    def __init__(self, engine, documents, terms, *, query, language, bodies, filters, sort):
        self.engine, self.documents, self.query, self.language = engine, documents, query, language
        self.query_object = engine_query(terms, "and")
        self.words, self.bodies, self.sort = len(terms), bodies, sort
        self.document_type = _("Document")
        kept_by_type = filters.get("type") in (None, "", self.document_type)
        kept_by_language = filters.get("language") in (None, "", language)
        self.body_ids = None
        if filters.get("body"):
            by_id = bodies["by_id"].items()
            self.body_ids = sorted(pk for pk, t in by_id if t.get(language) == filters["body"])
        self.year = _year(filters["year"]) if filters.get("year") else None
        self._first = []
        # Counted even when no document is shown: `matches` tells whether any matches every
        # word (a spelling correction is offered only when none does).
        counts = self._count()
        self.matches = counts.get("matches", 0)
        listed = counts.get("total", 0)
        shown = kept_by_type and kept_by_language
        self.total = listed if shown else 0
        self.facets = {
            "body": self._body_titles(counts.get("bodies", {})) if shown else {},
            "year": {str(y): n for y, n in counts.get("years", {}).items() if y} if shown else {},
            "type": {self.document_type: listed} if kept_by_language else {},
            "language": {language: listed} if kept_by_type else {},
        }

    def _body_titles(self, counts):
        titles = {}
        for pk, count in counts.items():
            title = self.bodies["by_id"].get(pk, {}).get(self.language, "")
            if title:
                titles[title] = titles.get(title, 0) + count
        return titles

    def iterate(self):
        """The best `WINDOW` re-ranked by title (in relevance order), then the rest in the
        engine's order, `CHUNK` at a time."""
        read, found = 0, self._first
        while found and read < self.total:
            hits = self._hits(found)
            reward_title_matches(hits, self.query)
            if read == 0 and self.sort != "date":
                hits.sort(key=sort_key(self.sort), reverse=True)
            yield from hits
            read += len(found)
            if read >= self.total:
                return
            try:
                found = self._next(read, found)
            except Exception as error:  # the engine went away while the list was read
                logger.warning("Search engine failed reading past %s results: %s", read, error)
                return

    def _hits(self, found):
        sign = _sign(self.engine)
        return [
            document_hit(
                document,
                self.language,
                self.bodies,
                self.document_type,
                score=sign * (score or 0),
                matched=self.words,
                complete=True,
            )
            for document, score in found
        ]


def _year(value):
    """A year as the engine's filter takes it; a value that is no year (a huge number typed
    into the address) keeps nothing."""
    return int(value) if value.isdigit() and len(value) <= 4 else -1


class ElasticsearchAnswer(DocumentAnswer):
    """One request: the query with the reader's access and language (Wagtail's query compiler),
    the chosen body and year as a post filter, the body facet counted under the year filter
    and the year facet under the body filter (aggregations), the total tracked exactly, and
    the best `WINDOW` hits' ids. Reading further uses `search_after` on the same order, which
    has no 10,000-hit window and stays right between the engine's replicas."""

    def _count(self):
        compiler = self.engine.search(self.query_object, self.documents).query_compiler
        mapping = compiler.mapping

        def column(name):
            return mapping.get_field_column_name(compiler._get_filterable_field(name))

        self._index = self.engine.get_index_for_model(compiler.queryset.model).name
        self._query = compiler.get_query()
        self._sort = list(IDS_ONLY["sort"])
        if self.sort == "date":
            self._sort.insert(0, {column("created_at"): "desc"})
        by_body = None if self.body_ids is None else {"terms": {column("body_id"): self.body_ids}}
        by_year = None if self.year is None else {"term": {column("year"): self.year}}
        chosen = [clause for clause in (by_body, by_year) if clause]
        self._post_filter = {"bool": {"filter": chosen}}
        everything = {"match_all": {}}
        answer = self._search(
            WINDOW,
            aggs={
                "matches": {"filter": everything},
                "bodies": {
                    "filter": by_year or everything,
                    "aggs": {"values": {"terms": {"field": column("body_id"), "size": 10_000}}},
                },
                "years": {
                    "filter": by_body or everything,
                    "aggs": {"values": {"terms": {"field": column("year"), "size": 10_000}}},
                },
            },
            track_total_hits=True,
        )
        aggregations = answer["aggregations"]
        self._first = self._documents(answer["hits"]["hits"])
        return {
            "matches": aggregations["matches"]["doc_count"],
            "total": answer["hits"]["total"]["value"],
            "bodies": _buckets(aggregations["bodies"]),
            "years": _buckets(aggregations["years"]),
        }

    def _next(self, read, found):
        answer = self._search(CHUNK, search_after=self._last_sort, track_total_hits=False)
        return self._documents(answer["hits"]["hits"])

    def _search(self, size, **options):
        return self.engine.es.search(
            index=self._index,
            query=self._query,
            post_filter=self._post_filter,
            **{**IDS_ONLY, "sort": self._sort},
            size=size,
            **options,
        )

    def _documents(self, hits):
        """(document, score) in the engine's order, each loaded with what ranking and facets
        read; a document deleted since it was indexed is left out."""
        if hits:
            self._last_sort = hits[-1]["sort"]
        pks = [_pk(hit) for hit in hits]
        loaded = self.documents.in_bulk(pks)
        return [
            (loaded[pk], hit["_score"]) for pk, hit in zip(pks, hits, strict=True) if pk in loaded
        ]


def _matching(results):
    """The queryset of everything `results` match, unsliced and unranked, as Wagtail's own
    `facet` reads it (PostgreSQL's compiler also wants the backend)."""
    compiler = results.query_compiler
    config = compiler.get_config(results.backend)
    if "backend" in inspect.signature(compiler.search).parameters:
        return compiler.search(config, None, None, backend=results.backend)
    return compiler.search(config, None, None)


def _buckets(aggregation):
    return {bucket["key"]: bucket["doc_count"] for bucket in aggregation["values"]["buckets"]}


class DatabaseAnswer(DocumentAnswer):
    """One counting query: the matches grouped by body and year, from which every count is
    summed (every match, the list under the chosen filters, the body facet under the year
    filter, the year facet under the body filter), and the list's pages as slices of the
    backend's ranked results. One pass over the match for all the counts: on SQLite each pass
    over a common word's matches costs tens of milliseconds."""

    def _count(self):
        documents, ids, year = self.documents, self.body_ids, self.year
        listed = documents if ids is None else documents.filter(body_id__in=ids)
        self._listed = listed if year is None else listed.filter(year=year)
        groups = list(
            _matching(self._found(documents, ranked=False))
            .values_list("body_id", "year")
            .annotate(count=Count("pk"))
            .order_by()
        )
        if not groups:
            return {}
        counts = {"matches": 0, "total": 0, "bodies": {}, "years": {}}
        for body_id, document_year, count in groups:
            in_body = ids is None or body_id in ids
            in_year = year is None or document_year == year
            counts["matches"] += count
            counts["total"] += count if in_body and in_year else 0
            if in_year and body_id is not None:
                counts["bodies"][body_id] = counts["bodies"].get(body_id, 0) + count
            if in_body and document_year is not None:
                counts["years"][document_year] = counts["years"].get(document_year, 0) + count
        self._first = self._slice(0, WINDOW)
        return counts

    def _found(self, queryset, ranked=True):
        if self.sort == "date":
            queryset, ranked = queryset.order_by("-created_at", "-id"), False
        return self.engine.search(
            self.query_object, queryset, operator="and", order_by_relevance=ranked
        )

    def _slice(self, start, stop):
        found = self._found(self._listed)
        if self.sort != "date":
            found = found.annotate_score("_score")
        return [(document, getattr(document, "_score", 0)) for document in found[start:stop]]

    def _next(self, read, found):
        return self._slice(read, read + CHUNK)
