"""Repository-wide pytest hooks (kept light: no Django imports here)."""

import os

import pytest


def _on_postgres():
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def _elasticsearch_url():
    return os.environ.get("ELASTICSEARCH_URL", "").strip()


def pytest_collection_modifyitems(config, items):
    # `postgres` tests need PostgreSQL; skip them (visibly) on SQLite.
    if not _on_postgres():
        skip = pytest.mark.skip(reason="needs PostgreSQL (DATABASE_URL=postgres://...)")
        for item in items:
            if item.get_closest_marker("postgres"):
                item.add_marker(skip)
    # `elasticsearch` tests need a real server (scripts/elasticsearch.sh start); skip them
    # (visibly) without one. scripts/test.sh sets ELASTICSEARCH_URL in its PostgreSQL phase.
    if not _elasticsearch_url():
        skip = pytest.mark.skip(reason="needs Elasticsearch (ELASTICSEARCH_URL=http://...)")
        for item in items:
            if item.get_closest_marker("elasticsearch"):
                item.add_marker(skip)
    # Browser tests run last: Playwright's sync API keeps an asyncio loop on the main
    # thread, which makes Django's ORM refuse to run in any test after it starts.
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(scope="session")
def demo_today():
    """The day the demo's planned meetings are counted from: one day for the whole run, so a
    run that crosses midnight (or a month's end) compares with what the demo was built on."""
    from django.utils import timezone

    return timezone.localdate()


@pytest.fixture(scope="session")
def demo_site(django_db_setup, django_db_blocker, demo_today):
    """The demo site, loaded once per run into the test database; returns load_demo's output."""
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    with django_db_blocker.unblock():
        call_command("load_demo", f"--today={demo_today.isoformat()}", stdout=out)
    return out.getvalue()


@pytest.fixture(autouse=True)
def empty_cache():
    """The page cache and the login counters live in the cache: every test starts without."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def hr(demo_site):
    """The HR network's Finnish page."""
    from networks.models import BodyPage

    return BodyPage.objects.get(slug="hr-verkosto", locale__language_code="fi")


@pytest.fixture
def safety(demo_site):
    """The occupational-safety managers' network's Finnish page."""
    from networks.models import BodyPage

    return BodyPage.objects.get(slug="tyosuojelupaallikoiden-verkosto", locale__language_code="fi")


@pytest.fixture
def hr_member(demo_site, django_user_model):
    return django_user_model.objects.get(username="jasen-hr")


@pytest.fixture
def safety_member(demo_site, django_user_model):
    return django_user_model.objects.get(username="jasen-tyosuojelu")


@pytest.fixture(autouse=True)
def mail_through_the_queue(settings):
    """E-mail goes through the queue as in production (Django's test setup would send it
    straight to mail.outbox), and each message queued is delivered at once, so tests read what
    was delivered, not queued rows. Tests of the queue itself turn the delivery off."""
    from post_office.mail import send_queued
    from post_office.signals import email_queued

    settings.EMAIL_BACKEND = "post_office.EmailBackend"

    def deliver(sender, **kwargs):
        send_queued()

    email_queued.connect(deliver, dispatch_uid="tests-deliver-queued-mail")
    yield deliver
    email_queued.disconnect(dispatch_uid="tests-deliver-queued-mail")


_index_to_restore = []


@pytest.fixture(autouse=True)
def _search_index_follows_rollbacks(django_db_blocker):
    """A real search engine is not rolled back with a test's transaction: objects a test added
    to or removed from the index are put back as the database has them before the next test
    starts (by then the rollback has happened), so tests search the demo site, not what an
    earlier test did to it."""
    if not _elasticsearch_url():
        yield
        return
    from search.backends import ResilientMixin

    _restore_index(django_db_blocker)
    original_add, original_delete = ResilientMixin.add, ResilientMixin.delete

    def add(self, obj):
        _index_to_restore.append((type(obj), obj.pk))
        return original_add(self, obj)

    def delete(self, obj):
        _index_to_restore.append((type(obj), obj.pk))
        return original_delete(self, obj)

    ResilientMixin.add, ResilientMixin.delete = add, delete
    try:
        yield
    finally:
        ResilientMixin.add, ResilientMixin.delete = original_add, original_delete


def _restore_index(django_db_blocker):
    if not _index_to_restore:
        return
    from modelsearch.index import insert_or_update_object
    from wagtail.search.backends import get_search_backends

    touched = list(dict.fromkeys(_index_to_restore))
    _index_to_restore.clear()
    with django_db_blocker.unblock():
        for model, pk in touched:
            obj = model._default_manager.filter(pk=pk).first()
            if obj is not None:
                insert_or_update_object(obj)
            else:
                for backend in get_search_backends(with_auto_update=True):
                    backend.delete(model(pk=pk))
