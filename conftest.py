"""Repository-wide pytest hooks (kept light: no Django imports here)."""

import os

import pytest


def _on_postgres():
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def pytest_collection_modifyitems(config, items):
    # `postgres` tests need PostgreSQL; skip them (visibly) on SQLite.
    if not _on_postgres():
        skip = pytest.mark.skip(reason="needs PostgreSQL (DATABASE_URL=postgres://...)")
        for item in items:
            if item.get_closest_marker("postgres"):
                item.add_marker(skip)
    # Browser tests run last: Playwright's sync API keeps an asyncio loop on the main
    # thread, which makes Django's ORM refuse to run in any test after it starts.
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
