"""The project's search backends: the database one of Wagtail (modelsearch), saying which way
its scores go, and Elasticsearch (or OpenSearch) that does not lose updates made while the engine
is down.

`lower_scores_are_better` is true of a backend whose better matches score lower. The search
(`search.query`) reads it with a default of false: higher is better, as on Elasticsearch and
PostgreSQL.
"""

import functools
import logging

from django.db import DatabaseError, connection
from modelsearch.backends import database
from wagtail.search.backends.elasticsearch8 import (
    Elasticsearch8Mapping,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchResults,
)

from generation.counter import bump_generation

from .models import PendingIndexUpdate

logger = logging.getLogger(__name__)


def DatabaseSearchBackend(params):
    """Wagtail's database backend (`wagtail.search.backends.database`, modelsearch's), chosen by
    the default database as Wagtail chooses it. SQLite FTS5 ranks by `bm25()`, which is lower
    (more negative) the better the match; PostgreSQL's and MySQL's ranks are higher-is-better."""
    backend = database.SearchBackend(params)
    backend.lower_scores_are_better = _is_sqlite_fts(backend)
    return backend


def _is_sqlite_fts(backend):
    # modelsearch's SQLite module can be imported only on SQLite (it needs SQLite's index model).
    if connection.vendor != "sqlite":
        return False
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    if not isinstance(backend, SQLiteSearchBackend):
        return False
    backend.query_compiler_class = _sqlite_compiler()
    backend.results_class = _sqlite_results()
    return True


@functools.cache
def _sqlite_compiler():
    """SQLite FTS5 as modelsearch asks it, with three changes that keep a common word's search
    fast (bench/README.md, session 8: 10,000 materials, 2,400 matches, 9 s → 0.1 s):

    - **Ranked by the one bm25:** SQLite's `bm25()` already ranks the whole MATCH expression,
      so an `And` of words (`search.engine.engine_query`) needs no rank of its own. modelsearch
      multiplies `1 + rank` of each part, which assumes higher-is-better ranks: with bm25's
      negative ones the product turns the order upside down.
    - **The match read first:** modelsearch filters the index entries by content type, and
      SQLite's planner then walks every entry of the type and runs the MATCH for each (1 s for
      one count). A unary `+` on that column makes it read the MATCH once and look the entries
      up by id.
    - **Ranked in one pass:** modelsearch scores each result with a correlated subquery that
      runs the MATCH again per row (quadratic in the matches). The ranked slice is read from
      the MATCH itself, ordered by bm25, and only its rows are loaded.
    """
    from django.db.models import Case, F, FloatField, Func, IntegerField, Value, When
    from modelsearch.backends.database.sqlite.query import BM25, MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteFTSIndexEntry,
        SQLiteSearchQueryCompiler,
    )
    from modelsearch.query import MatchAll, Not
    from modelsearch.utils import get_descendants_content_types_pks

    class FastSQLiteCompiler(SQLiteSearchQueryCompiler):
        def build_tsrank(self, vector, query, config=None, boost=1.0):
            return BM25() * boost if boost != 1.0 else BM25()

        def search(self, config, start, stop, score_field=None):
            query = normalize(self.query)
            if isinstance(query, (MatchAll, Not)):
                return super().search(config, start, stop, score_field)
            match = MatchExpression(
                self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config)
            )
            # `+column`: not an indexed column to the planner, so the MATCH is the outer loop.
            entries = (
                SQLiteFTSIndexEntry.objects.filter(match)
                .alias(
                    type_read_later=Func(
                        F("index_entry__content_type_id"),
                        template="+%(expressions)s",
                        output_field=IntegerField(),
                    )
                )
                .filter(type_read_later__in=get_descendants_content_types_pks(self.queryset.model))
            )
            found = self.queryset.filter(pk__in=entries.values("index_entry__object_id"))
            if not self.order_by_relevance:
                if score_field is not None:
                    found = found.annotate(**{score_field: Value(0.0)})
                if not found.query.order_by:
                    found = found.order_by("-pk")  # the same order page after page
                return found[start:stop]
            rank = self._build_rank_expression(self.get_search_vectors(), config)
            ranked = list(
                entries.filter(index_entry__object_id__in=self.queryset.values("pk"))
                .annotate(score=rank)
                .order_by("score", "-index_entry__object_id")
                .values_list("index_entry__object_id", "score")[start:stop]
            )
            scores = Case(
                *[When(pk=pk, then=Value(score)) for pk, score in ranked],
                output_field=FloatField(),
            )
            field = score_field or "_score"
            return (
                self.queryset.filter(pk__in=[pk for pk, _score in ranked])
                .annotate(**{field: scores})
                .order_by(field, "-pk")
            )

    return FastSQLiteCompiler


@functools.cache
def _sqlite_results():
    """Counts and facets need no ranking: they read the match unranked (`FastSQLiteCompiler`
    ranks only when asked to order by relevance)."""
    import copy

    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchResults

    class UnrankedCountResults(SQLiteSearchResults):
        def _unranked(self):
            results = self._clone()
            results.query_compiler = copy.copy(self.query_compiler)
            results.query_compiler.order_by_relevance = False
            results._score_field = None
            return results

        def _do_count(self):
            return SQLiteSearchResults._do_count(self._unranked())

        def facet(self, field_name):
            return SQLiteSearchResults.facet(self._unranked(), field_name)

    return UnrankedCountResults


class ResilientMixin:
    """Record an update the engine refused; replay what is pending once it answers again."""

    def add(self, obj):
        try:
            super().add(obj)
        except Exception:
            PendingIndexUpdate.record(obj, PendingIndexUpdate.Action.ADD)
            raise
        self.replay_pending()

    def delete(self, obj):
        try:
            super().delete(obj)
        except Exception:
            PendingIndexUpdate.record(obj, PendingIndexUpdate.Action.DELETE)
            raise
        self.replay_pending()

    def replay_pending(self, limit=None):
        """Apply the recorded updates in order; returns how many were applied."""
        try:
            pending = list(PendingIndexUpdate.objects.order_by("recorded_at")[:limit])
        except DatabaseError:
            return 0
        applied = 0
        for update in pending:
            model = update.content_type.model_class()
            obj = model.objects.filter(pk=update.object_id).first() if model else None
            if update.action == PendingIndexUpdate.Action.ADD and obj is not None:
                super().add(obj)
            elif model is not None:
                stub = obj or model(pk=update.object_id)
                super().delete(stub)
            update.delete()
            applied += 1
        if applied:
            bump_generation()  # stored search answers may have missed these updates
        return applied


class WholeAnswerResults(Elasticsearch8SearchResults):
    """Every match in one request where Elasticsearch allows it. Wagtail's results read an
    unsliced answer through the scroll API 100 hits at a time, a round trip to the engine and a
    database query per hundred: the search reads every match (its counts cover the whole
    answer, issue 19), so 5,000 matches took 50 of each. Up to `BATCH` (Elasticsearch's default
    result window) come in one request; a larger answer is scrolled `BATCH` at a time."""

    BATCH = 10_000
    SMALL = 100  # a slice this small is Wagtail's own single request

    def _do_search(self):
        limit = None if self.stop is None else self.stop - self.start
        if limit is not None and limit <= self.SMALL:
            yield from super()._do_search()
            return
        body = self._get_es_body()
        params = {
            "index": self.backend.get_index_for_model(self.query_compiler.queryset.model).name,
            "_source": False,
            # The pk from its column store, not each hit's stored fields: 10,000 hits take the
            # engine 10 ms instead of 165 (bench/README.md, session 7).
            "stored_fields": "_none_",
            "docvalue_fields": ["pk"],
        }
        # A slice asks for no more than it reads: the best 100 partial matches of an OR over
        # 100,000 documents are 100 ids, not 10,000.
        size = self.BATCH if self.stop is None else min(self.stop, self.BATCH)
        answer = self._backend_do_search(body, size=size, **params)
        total = answer["hits"]["total"]  # counted exactly up to 10,000
        read_all = total["relation"] == "eq" and total["value"] <= size
        if read_all or (self.stop is not None and self.stop <= size):
            yield from self._get_results_from_hits(answer["hits"]["hits"][self.start : self.stop])
            return
        yield from self._scrolled(body, params, limit)

    def _scrolled(self, body, params, limit):
        page = self._backend_do_search(body, scroll="1m", size=self.BATCH, **params)
        skip = self.start
        try:
            while page["hits"]["hits"] and limit != 0:
                hits = page["hits"]["hits"][skip:]
                skip = max(skip - len(page["hits"]["hits"]), 0)
                if limit is not None:
                    hits, limit = hits[:limit], limit - len(hits[:limit])
                yield from self._get_results_from_hits(hits)
                page = self.backend.es.scroll(scroll_id=page["_scroll_id"], scroll="1m")
        finally:
            if "_scroll_id" in page:
                self.backend.es.clear_scroll(scroll_id=page["_scroll_id"])


class FoldingMapping(Elasticsearch8Mapping):
    """Wagtail's admin listings search as people type, against each indexed word's beginnings
    (`_edgengrams`), which Wagtail indexes without ä/ö (asciifolding) but searches with the
    `standard` analyzer, which keeps them: on Elasticsearch no word with ä or ö was found
    ("kehittämisjaoksen" in a document's title). The query is folded as the index is."""

    edgengram_analyzer_config = {
        "analyzer": "edgengram_analyzer",
        "search_analyzer": "folding_analyzer",
    }


class ResilientElasticsearch8SearchBackend(ResilientMixin, Elasticsearch8SearchBackend):
    results_class = WholeAnswerResults
    mapping_class = FoldingMapping


SearchBackend = ResilientElasticsearch8SearchBackend
