"""The front cache (Varnish) is emptied for the site's host on every change of content, besides
Wagtail's purge of the published page's addresses; a front cache that is down never makes a
publish fail. The real Varnish is exercised by `make topology` (tests/topology)."""

import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from home.models import StandardPage
from pagecache.frontend import VarnishBackend

pytestmark = pytest.mark.django_db


class Recorder(BaseHTTPRequestHandler):
    """A stand-in front cache: remembers every PURGE and BAN it is sent."""

    def answer(self):
        self.server.received.append((self.command, self.path, self.headers["Host"]))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PURGE = do_BAN = answer

    def log_message(self, *args):
        pass


@pytest.fixture
def front_cache(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.SITE_URL = "https://Verkostot.example.fi"
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "pagecache.frontend.VarnishBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
            "TIMEOUT": 2,
        }
    }
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
    yield server.received
    server.shutdown()
    server.server_close()


@pytest.fixture
def page(demo_site):
    return StandardPage.objects.live().public().filter(locale__language_code="fi").first()


def publish(page, django_capture_on_commit_callbacks):
    page.title = f"{page.title} (muutettu)"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()


def test_the_backend_bans_a_host_and_purges_an_address(front_cache):
    backend = VarnishBackend({"LOCATION": front_cache_location(front_cache), "TIMEOUT": 2})
    assert backend.ban_host("verkostot.example.fi") == 200
    backend.purge("https://verkostot.example.fi/verkostot/?sivu=2")
    assert front_cache == [
        ("BAN", "/", "verkostot.example.fi"),
        ("PURGE", "/verkostot/?sivu=2", "verkostot.example.fi"),
    ]


def front_cache_location(received):
    from django.conf import settings

    return settings.WAGTAILFRONTENDCACHE["varnish"]["LOCATION"]


def test_a_publish_bans_the_site_host_once_after_the_commit_and_purges_the_page(
    front_cache, page, django_capture_on_commit_callbacks
):
    publish(page, django_capture_on_commit_callbacks)
    bans = [entry for entry in front_cache if entry[0] == "BAN"]
    purges = [entry for entry in front_cache if entry[0] == "PURGE"]
    # One after the commit, one for the generation's own bump after it: never one per row.
    assert bans and len(bans) <= 2, front_cache
    assert set(bans) == {("BAN", "/", "verkostot.example.fi")}
    assert ("PURGE", page.url, page.get_site().hostname) in purges, front_cache


def test_any_change_of_content_bans_not_only_a_publish(
    front_cache, page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page.move(page.get_parent(), pos="first-child")
    assert ("BAN", "/", "verkostot.example.fi") in front_cache


def test_nothing_is_sent_until_the_change_is_committed(front_cache, page):
    page.title = f"{page.title} (luonnos)"
    page.save_revision().publish()  # the test's transaction stays open
    assert not [entry for entry in front_cache if entry[0] == "BAN"]


def test_a_front_cache_that_is_down_never_fails_a_publish(
    settings, page, django_capture_on_commit_callbacks, caplog
):
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "pagecache.frontend.VarnishBackend",
            "LOCATION": f"http://127.0.0.1:{port}",
        }
    }
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
    with caplog.at_level(logging.WARNING, logger="pagecache.frontend"):
        publish(page, django_capture_on_commit_callbacks)
    page.refresh_from_db()
    assert page.title.endswith("(muutettu)") and page.live
    warnings = [r for r in caplog.records if r.name == "pagecache.frontend"]
    assert any("BAN" in r.getMessage() for r in warnings)
    assert all(r.levelno == logging.WARNING for r in warnings)


def test_without_a_front_cache_nothing_is_sent(page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page.save_revision().publish()
    from pagecache.frontend import ban_site

    assert ban_site not in callbacks
