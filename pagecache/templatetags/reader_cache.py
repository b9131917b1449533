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

It is Wagtail's `{% wagtailcache %}` (Django's `{% cache %}` that leaves previews alone): the
key is Django's fragment key of the name and `vary_on`, where the generation, host, language
and visibility key come before the tag's own values; the store is the page cache's
(`PAGE_CACHE_ALIAS`, `PAGE_CACHE_TIMEOUT`).
"""

from django import template
from django.conf import settings
from django.template.base import NodeList
from django.utils import translation
from wagtail.templatetags.wagtail_cache import WagtailCacheNode

from access.visibility import visibility_key
from generation.counter import request_generation

register = template.Library()

CSRF_FIELD = 'name="csrfmiddlewaretoken"'


def keep_out(request):
    """What this request is rendering is not to be stored for other readers."""
    request._reader_cache_keep_out = True


class FromRequest:
    """A `vary_on` value read from the request, where the tag's own values are template
    variables: Django's CacheNode resolves both the same way."""

    def __init__(self, read):
        self.read = read

    def resolve(self, context):
        return self.read(context["request"])


class Setting:
    """A setting, read when the part renders (the tests change them), where Django's CacheNode
    resolves its timeout and cache name."""

    def __init__(self, name):
        self.name = name

    def resolve(self, context):
        return getattr(settings, self.name)


# Who shares a part: readers of the same content, host and language who may see the same things.
READER = [
    FromRequest(request_generation),
    FromRequest(lambda request: request.get_host()),
    FromRequest(lambda request: translation.get_language() or ""),
    FromRequest(visibility_key),
]


class NotShared(Exception):
    """A part that may not be stored, carried past Django's `cache.set()` to the page."""

    def __init__(self, content):
        super().__init__()
        self.content = content


class SharedPart(NodeList):
    """The tag's nodes. Django's CacheNode stores whatever they render, so a part with a CSRF
    token, or one rendered after `keep_out(request)`, leaves as `NotShared` instead."""

    def render(self, context):
        content = super().render(context)
        request = context.get("request")
        if CSRF_FIELD in content or getattr(request, "_reader_cache_keep_out", False):
            raise NotShared(content)
        return content


class ReaderCacheNode(WagtailCacheNode):
    def __init__(self, nodelist, name, vary_on):
        nodes = SharedPart(nodelist)
        nodes.contains_nontext = nodelist.contains_nontext
        super().__init__(
            nodes,
            Setting("PAGE_CACHE_TIMEOUT"),
            name,
            [*READER, *vary_on],
            Setting("PAGE_CACHE_ALIAS"),
        )

    def render(self, context):
        try:
            if settings.READER_CACHE_ENABLED and context.get("request") is not None:
                return super().render(context)  # previews: Wagtail's render skips the cache
            return self.nodelist.render(context)
        except NotShared as part:
            return part.content


@register.tag
def readercache(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'":
        raise template.TemplateSyntaxError(f"{bits[0]} needs a quoted name for the part")
    nodelist = parser.parse(("endreadercache",))
    parser.delete_first_token()
    return ReaderCacheNode(nodelist, bits[1][1:-1], [parser.compile_filter(b) for b in bits[2:]])
