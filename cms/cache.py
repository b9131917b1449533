"""The shared cache on Redis, where a lost Redis costs speed, not answers.

Django's `RedisCache` raises when Redis cannot be reached, and nearly every request reads the
cache: the page cache, the content generation and the facts kept under it, the readers' shared
parts, sessions (`cached_db`) and the login throttle. This backend answers as if the cache were
empty instead and drops what it is given:

- a page is rendered again; the content generation is a new one on every request
  (`generation.counter`), so nothing kept under an older one is used; a session is read from the
  database, where every session is written anyway.
- With `FALLBACK` (another cache alias) it uses that one while Redis is away: the login throttle
  counts in the database then (`LOGIN_THROTTLE_CACHE`), so the limit never fails open.

After a failure Redis is left alone for `RETRY_AFTER` seconds, so a server that is gone costs
one connection attempt per process and pause, not one per request. When Redis answers again,
the keys this process could not write or delete meanwhile are deleted (a Redis that was only
out of reach still holds their old values: a logged-out session, a stale count), and so is
the content generation, so a change published while Redis was away shows at once.
"""

import logging
import threading
import time

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Keys owed a delete, per process; past this many the whole cache is cleared on recovery.
MAX_OWED_KEYS = 10_000
MISS = object()


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._fallback_alias = params.get("FALLBACK")
        self._retry_after = float(params.get("RETRY_AFTER", 1.0))
        self._down_until = 0.0
        self._down = False
        self._owed = set()
        self._owed_overflow = False
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ state

    def _available(self):
        return not self._down or time.monotonic() >= self._down_until

    def _failed(self, error, keys):
        with self._lock:
            if not self._down:
                logger.warning("Redis unreachable, the cache is skipped: %s", error)
            self._down = True
            self._down_until = time.monotonic() + self._retry_after
            self._owe(keys)

    def _owe(self, keys):
        """Remember keys whose write was dropped (None: all of them). Call with the lock held."""
        if keys is None or len(self._owed) + len(keys) > MAX_OWED_KEYS:
            self._owed_overflow = True
        else:
            self._owed.update(keys)

    def _recover(self):
        """Redis is tried again: first delete what is owed, then forget the content generation
        (the next reader starts a new one, `generation.counter`). Raises if Redis still does
        not answer."""
        from generation.counter import GENERATION_KEY

        with self._lock:
            owed, overflow = self._owed, self._owed_overflow
            self._owed, self._owed_overflow = set(), False
        try:
            if overflow:
                super().clear()
            else:
                super().delete_many([*owed, GENERATION_KEY])
        except RedisError:
            with self._lock:
                self._owe(None if overflow else owed)
            raise
        self._down = False
        logger.warning("Redis answers again")

    def _call(self, name, keys, args, kwargs, empty):
        """`RedisCache.<name>`, or the fallback's, or `empty()` when Redis does not answer."""
        if self._available():
            try:
                if self._down:
                    self._recover()
                return getattr(super(), name)(*args, **kwargs)
            except RedisError as error:
                self._failed(error, () if name in READS else keys)
        elif name not in READS:
            with self._lock:
                self._owe(keys)
        if self._fallback_alias:
            return getattr(caches[self._fallback_alias], name)(*args, **kwargs)
        return empty()

    # ------------------------------------------------------------------ the cache API

    def get(self, key, default=None, version=None):
        return self._call("get", [key], (key, default, version), {}, lambda: default)

    def get_many(self, keys, version=None):
        return self._call("get_many", keys, (keys, version), {}, dict)

    def has_key(self, key, version=None):
        return self._call("has_key", [key], (key, version), {}, lambda: False)

    def add(self, key, value, timeout=MISS, version=None):
        args = (key, value) + (() if timeout is MISS else (timeout,))
        return self._call("add", [key], args, {"version": version}, lambda: False)

    def set(self, key, value, timeout=MISS, version=None):
        args = (key, value) + (() if timeout is MISS else (timeout,))
        return self._call("set", [key], args, {"version": version}, lambda: None)

    def touch(self, key, timeout=MISS, version=None):
        args = (key,) + (() if timeout is MISS else (timeout,))
        return self._call("touch", [key], args, {"version": version}, lambda: False)

    def set_many(self, data, timeout=MISS, version=None):
        args = (data,) + (() if timeout is MISS else (timeout,))
        return self._call("set_many", list(data), args, {"version": version}, lambda: [])

    def delete(self, key, version=None):
        return self._call("delete", [key], (key, version), {}, lambda: False)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", list(keys), (keys, version), {}, lambda: None)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", [key], (key, delta, version), {}, _missing(key))

    def decr(self, key, delta=1, version=None):
        return self._call("decr", [key], (key, delta, version), {}, _missing(key))

    def clear(self):
        return self._call("clear", None, (), {}, lambda: None)


READS = {"get", "get_many", "has_key"}


def _missing(key):
    """What `incr` does on a key the cache does not hold."""

    def raise_missing():
        raise ValueError(f"Key '{key}' not found.")

    return raise_missing
