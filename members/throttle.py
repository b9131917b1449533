"""Failed logins counted per username and per client address in the cache.

After LOGIN_THROTTLE_ATTEMPTS failures within LOGIN_THROTTLE_WINDOW seconds, by the same
username or from the same address, the login form refuses without checking the password until
the window that began with the first failure has passed. A successful login clears the
username's counter (not the address's: one account's success must not reset an attacker's
count of guesses at others) and gives back the address's count for itself.

Exact under concurrency: each attempt is counted *before* its password is checked, with one
atomic increment per counter, and only attempts within the limit are checked. Twenty
simultaneous guesses get at most LOGIN_THROTTLE_ATTEMPTS password checks, on Redis and on the
local-memory cache, whose increments are atomic. Django's file cache increments by reading and
writing the file, so with it (several workers without Redis) the limit is approximate.
"""

import hashlib
import ipaddress
import math
import time
import unicodedata

from django.conf import settings
from django.core.cache import caches

KEY_PREFIX = "members:login-failures"


def _cache():
    """LOGIN_THROTTLE_CACHE: in production Redis that counts in the database while Redis is
    away (cms/cache.py), so the limit holds across servers and never fails open."""
    return caches[getattr(settings, "LOGIN_THROTTLE_CACHE", "default")]


def attempts_allowed():
    return getattr(settings, "LOGIN_THROTTLE_ATTEMPTS", 5)


def window_seconds():
    return getattr(settings, "LOGIN_THROTTLE_WINDOW", 15 * 60)


def normalise_username(username):
    """'Admin', ' admin' and 'ＡＤＭＩＮ' count as the same username."""
    return unicodedata.normalize("NFKC", str(username)).strip().casefold()


def client_address(request):
    """The client's address; IPv6 clients count by their /64 (one host usually owns it)."""
    if request is None:
        return ""
    header = getattr(settings, "LOGIN_THROTTLE_CLIENT_ADDRESS_HEADER", "REMOTE_ADDR")
    # A proxy appends the address it saw last: only that entry is not the client's own claim.
    raw = request.META.get(header, "").split(",")[-1].strip()
    try:
        address = ipaddress.ip_address(raw)
    except ValueError:
        return raw
    if address.version == 6:
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def _key(kind, value):
    digest = hashlib.sha256(value.encode()).hexdigest()
    return f"{KEY_PREFIX}:{kind}:{digest}"


class LoginThrottle:
    def __init__(self, request, username):
        self.username_key = _key("user", normalise_username(username)) if username else None
        address = client_address(request)
        self.address_key = _key("addr", address) if address else None

    @property
    def keys(self):
        return [key for key in (self.username_key, self.address_key) if key]

    def blocked_keys(self):
        counts = _cache().get_many(self.keys)
        return [key for key, count in counts.items() if count > attempts_allowed()]

    def minutes_left(self):
        """Whole minutes until every counter that blocks has expired (at least 1)."""
        now = time.time()
        starts = _cache().get_many([f"{key}:start" for key in self.blocked_keys()])
        ends = [start + window_seconds() for start in starts.values()]
        seconds = max(ends, default=now + window_seconds()) - now
        return max(1, math.ceil(seconds / 60))

    def take_attempt(self):
        """Count this attempt before its password is checked. False when it is over the limit
        (by the username or by the address): then the password must not be checked."""
        counts = [self._count(key) for key in self.keys]
        return all(count <= attempts_allowed() for count in counts)

    def _count(self, key):
        window = window_seconds()
        # add() starts a new window; incr() keeps the window the first attempt began.
        if _cache().add(key, 0, timeout=window):
            _cache().set(f"{key}:start", time.time(), timeout=window)
        try:
            return _cache().incr(key)
        except ValueError:  # expired between add() and incr()
            _cache().add(key, 1, timeout=window)
            _cache().set(f"{key}:start", time.time(), timeout=window)
            return 1

    def succeeded(self):
        """A successful login is no failure: the username starts afresh, and the address gets
        back the count this attempt took."""
        self.clear_username()
        if self.address_key:
            try:
                _cache().decr(self.address_key)
            except ValueError:  # expired meanwhile
                pass

    def clear_username(self):
        if self.username_key:
            _cache().delete_many([self.username_key, f"{self.username_key}:start"])
