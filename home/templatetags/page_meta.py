"""`{% page_meta %}`: the head tags that describe a page to search engines and other sites
(description, canonical, hreflang alternates, Open Graph, a meeting's schema.org data), all
addresses on `SITE_URL`. What they say is worked out in `home.page_meta`."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.models import Page

from home import page_meta
from networks.addresses import absolute_url
from networks.models import MeetingPage

from .site_tags import language_links

register = template.Library()

OG_LOCALES = {"fi": "fi_FI", "sv": "sv_FI"}


def alternates(context, page, canonical):
    """hreflang links: this address, each translation (not a fallback page), and Finnish as
    x-default."""
    current = translation.get_language()
    found = [{"code": current, "url": canonical}]
    for link in language_links(context, page if isinstance(page, Page) else None):
        if not link.get("fallback"):
            found.append({"code": link["code"], "url": absolute_url(link["url"])})
    if len(found) > 1:
        default = next(link for link in found if link["code"] == settings.LANGUAGE_CODE)
        found.append({"code": "x-default", "url": default["url"]})
    return found


@register.inclusion_tag("home/includes/page_meta.html", takes_context=True)
def page_meta_tags(context):
    request = context["request"]
    page = context.get("page")
    is_page = isinstance(page, Page)
    canonical = absolute_url(request.path)
    language = translation.get_language()
    meta = {
        "description": page_meta.description(page) if is_page else page_meta.site_description(),
        "canonical": canonical,
        "alternates": alternates(context, page, canonical),
        "og_title": (page.seo_title or page.title) if is_page else None,
        "og_locale": OG_LOCALES.get(language, language),
        "og_locale_alternates": [
            OG_LOCALES.get(code, code) for code, _name in settings.LANGUAGES if code != language
        ],
        "event": None,
    }
    if isinstance(page, MeetingPage) and page.pk:
        meta["event"] = mark_safe(page_meta.json_ld(page_meta.meeting_event(page)))  # noqa: S308
    return meta
