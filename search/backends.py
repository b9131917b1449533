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
from wagtail.search.backends.elasticsearch8 import Elasticsearch8SearchBackend

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
    return True


@functools.cache
def _sqlite_compiler():
    """SQLite's `bm25()` already ranks the whole MATCH expression, so an `And` of words
    (`search.query.engine_query`) needs no rank of its own. modelsearch multiplies `1 + rank`
    of each part, which assumes higher-is-better ranks: with bm25's negative ones the product
    turns the order upside down. Every query is ranked by the one bm25 instead."""
    from modelsearch.backends.database.sqlite.query import BM25
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchQueryCompiler

    class WholeMatchRankCompiler(SQLiteSearchQueryCompiler):
        def build_tsrank(self, vector, query, config=None, boost=1.0):
            return BM25() * boost if boost != 1.0 else BM25()

    return WholeMatchRankCompiler


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


class ResilientElasticsearch8SearchBackend(ResilientMixin, Elasticsearch8SearchBackend):
    pass


SearchBackend = ResilientElasticsearch8SearchBackend
