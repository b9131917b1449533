"""Elasticsearch (or OpenSearch) that does not lose updates made while the engine is down."""

import logging

from django.db import DatabaseError
from wagtail.search.backends.elasticsearch8 import Elasticsearch8SearchBackend

from generation.counter import bump_generation

from .models import PendingIndexUpdate

logger = logging.getLogger(__name__)


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
