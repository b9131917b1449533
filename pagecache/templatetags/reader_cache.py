"""`{% readercache "name" value ... %}…{% endreadercache %}`: a part of a page shared by every
reader who may see the same things.

Members' pages are never page-cached, but most of what they show (a network's meetings, a
folder's documents) is the same for every member of the same groups. Such a part is stored
under the content generation (so any change shows at once), the language, the host and the
digest of the reader's refused view restrictions (`access.visibility.visibility_key`): a reader
gets a stored part only if they may see exactly what its first reader saw. Personal things (a
sign-up form, the alert switch, anything with a CSRF token) stay outside the tag; a part that
contains a CSRF token anyway is never stored, nor one whose rendering called `keep_out(request)`
(a search answered by the fallback while the engine was down). Previews of drafts never use or
fill it.
"""

import hashlib

from django import template
from django.conf import settings
from django.core.cache import caches
from django.utils import translation

from access.visibility import visibility_key
from generation.counter import request_generation

register = template.Library()

CSRF_FIELD = 'name="csrfmiddlewaretoken"'


def keep_out(request):
    """What this request is rendering is not to be stored for other readers."""
    request._reader_cache_keep_out = True


class ReaderCacheNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def key(self, request, context):
        parts = [
            str(request_generation(request)),
            request.get_host(),
            translation.get_language() or "",
            visibility_key(request),
            self.name,
            *(str(value.resolve(context)) for value in self.vary_on),
        ]
        return "pagecache:part:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()

    def render(self, context):
        request = context.get("request")
        if (
            not settings.READER_CACHE_ENABLED
            or request is None
            or getattr(request, "is_preview", False)
        ):
            return self.nodelist.render(context)
        cache = caches[settings.PAGE_CACHE_ALIAS]
        key = self.key(request, context)
        content = cache.get(key)
        if content is None:
            content = self.nodelist.render(context)
            if CSRF_FIELD not in content and not getattr(request, "_reader_cache_keep_out", False):
                cache.set(key, content, settings.PAGE_CACHE_TIMEOUT)
        return content


@register.tag
def readercache(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'":
        raise template.TemplateSyntaxError(f"{bits[0]} needs a quoted name for the part")
    nodelist = parser.parse(("endreadercache",))
    parser.delete_first_token()
    return ReaderCacheNode(nodelist, bits[1][1:-1], [parser.compile_filter(b) for b in bits[2:]])
