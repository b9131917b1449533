"""Site chrome: the language switcher, navigation, breadcrumbs and footer links."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page

from home.models import AccessibilityStatementPage, HomePage, StandardPage

register = template.Library()


def locale_home(context):
    """The home page of the active language, looked up once per request for all the chrome."""
    request = context.get("request")
    language_code = translation.get_language() or settings.LANGUAGE_CODE
    cache = getattr(request, "_locale_homes", None)
    if cache is None:
        cache = {}
        if request is not None:
            request._locale_homes = cache
    if language_code not in cache:
        cache[language_code] = (
            HomePage.objects.filter(locale__language_code=language_code).live().first()
        )
    return cache[language_code]


def public_children(home):
    """The home page's live children without a view restriction of their own. Not `.public()`:
    that adds a condition for every restriction on the site (one per members-only minutes), so
    every page's chrome would get slower as meetings are added. Restrictions above the children
    are the home page's: whoever sees a page under it has already passed them."""
    return home.get_children().live().filter(view_restrictions=None)


@register.simple_tag(takes_context=True)
def site_home(context):
    return locale_home(context)


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """Links to this page in each other language, or to its nearest translated ancestor."""
    request = context["request"]
    current = translation.get_language()
    links = []
    for code, name in settings.LANGUAGES:
        if code == current:
            continue
        url, fallback = None, False
        if isinstance(page, Page):
            locale = Locale.objects.get(language_code=code)
            for candidate in [page, *reversed(page.get_ancestors())]:
                translated = candidate.get_translation_or_none(locale)
                if translated is not None and translated.live:
                    url = translated.get_url(request)
                    break
                fallback = True
        else:
            url = translate_url(request.get_full_path(), code)
        if url:
            links.append({"code": code, "name": name, "url": url, "fallback": fallback})
    return links


@register.simple_tag(takes_context=True)
def main_menu(context):
    home = locale_home(context)
    if home is None:
        return []
    return public_children(home).in_menu()


@register.simple_tag
def breadcrumbs(page):
    if not isinstance(page, Page):
        return []
    return [p for p in page.get_ancestors().filter(depth__gt=1).specific() if p.live]


@register.simple_tag(takes_context=True)
def footer_links(context):
    home = locale_home(context)
    if home is None:
        return []
    pages = public_children(home)
    return list(pages.type(AccessibilityStatementPage)) + list(pages.type(StandardPage))
