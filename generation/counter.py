"""The content generation number, kept in the shared cache so every process reads the same one."""

import time

from django.conf import settings
from django.core.cache import caches
from django.dispatch import Signal

GENERATION_KEY = "pagecache:generation"
# Sent after every bump: caches outside the shared one (a front cache, `pagecache.frontend`)
# learn that everything they keep is stale too.
generation_bumped = Signal()


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def _new_generation():
    """A start value no earlier generation can have had: an evicted counter never restarts low."""
    return time.time_ns()


def generation():
    cache = _cache()
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, _new_generation(), timeout=None)
        value = cache.get(GENERATION_KEY)
    if value is None:
        # The cache does not answer (cms/cache.py): a generation of this moment alone, under
        # which nothing kept before is found and nothing kept now is found again.
        value = _new_generation()
    return value


def request_generation(request):
    """The content generation, read once per request (or per `access.readers.Reader`)."""
    if request is None:
        return generation()
    value = getattr(request, "_content_generation", None)
    if value is None:
        value = request._content_generation = generation()
    return value


def bump_generation():
    """Make everything kept so far unreachable."""
    cache = _cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet, or evicted
        cache.set(GENERATION_KEY, _new_generation(), timeout=None)
    generation_bumped.send(sender=bump_generation)
