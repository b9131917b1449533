"""A Redis that does not answer costs speed, not answers (cms/cache.py): reads miss, writes are
dropped, the content generation is new on every read so nothing kept is reused, and a cache with
a fallback keeps counting there (the login throttle never fails open).

Redis itself is exercised by `make topology`; here it is a port nothing listens on."""

import socket

import pytest
from django.core.cache import caches
from django.test import override_settings

from generation.counter import bump_generation, generation
from members.throttle import LoginThrottle


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def gone_redis(**extra):
    return {
        "BACKEND": "cms.cache.ResilientRedisCache",
        "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        "OPTIONS": {"socket_connect_timeout": 1},
        **extra,
    }


@pytest.fixture
def redis_gone(settings):
    settings.CACHES = {
        "default": gone_redis(),
        "throttle": gone_redis(FALLBACK="database"),
        "database": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    settings.LOGIN_THROTTLE_CACHE = "throttle"
    for alias in ("default", "throttle", "database"):
        caches[alias].close()
    yield
    for alias in ("default", "throttle", "database"):
        caches[alias].close()


def test_reads_miss_and_writes_are_dropped(redis_gone):
    cache = caches["default"]
    cache.set("a", 1)
    assert cache.get("a") is None and cache.get("a", "default") == "default"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.add("a", 1) is False
    assert cache.get_or_set("b", 2) == 2
    with pytest.raises(ValueError):
        cache.incr("a")
    cache.delete("a")  # no error


def test_the_generation_is_new_on_every_read_while_redis_is_gone(redis_gone):
    first = generation()
    bump_generation()  # no error either
    assert generation() != first


def test_the_throttle_counts_in_the_fallback_and_still_refuses(redis_gone, rf):
    request = rf.post("/kirjaudu/", REMOTE_ADDR="192.0.2.7")
    allowed = [LoginThrottle(request, "maija").take_attempt() for _ in range(6)]
    assert allowed == [True] * 5 + [False]
    assert caches["database"].get_many(LoginThrottle(request, "maija").keys)


@override_settings(LOGIN_THROTTLE_CACHE="default")
def test_without_a_fallback_a_lost_redis_drops_counts_but_never_raises(redis_gone, rf):
    request = rf.post("/kirjaudu/", REMOTE_ADDR="192.0.2.8")
    assert LoginThrottle(request, "matti").take_attempt() is True
