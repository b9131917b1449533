"""Site chrome: the language switcher, navigation, breadcrumbs and footer links."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page

from home.models import AccessibilityStatementPage, HomePage, StandardPage

register = template.Library()


def locale_home(language_code=None):
    language_code = language_code or translation.get_language() or settings.LANGUAGE_CODE
    locale = Locale.objects.filter(language_code=language_code).first()
    return HomePage.objects.filter(locale=locale).live().first()


@register.simple_tag
def site_home():
    return locale_home()


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
            for candidate in [page, *reversed(page.get_ancestors())]:
                translated = candidate.get_translation_or_none(
                    Locale.objects.get(language_code=code)
                )
                if translated is not None and translated.live:
                    url = translated.get_url(request)
                    break
                fallback = True
        else:
            url = translate_url(request.get_full_path(), code)
        if url:
            links.append({"code": code, "name": name, "url": url, "fallback": fallback})
    return links


@register.simple_tag
def main_menu():
    home = locale_home()
    if home is None:
        return []
    return home.get_children().live().public().in_menu()


@register.simple_tag
def breadcrumbs(page):
    if not isinstance(page, Page):
        return []
    return [p for p in page.get_ancestors().filter(depth__gt=1).specific() if p.live]


@register.simple_tag
def footer_links():
    home = locale_home()
    if home is None:
        return []
    pages = home.get_children().live().public()
    return list(pages.type(AccessibilityStatementPage)) + list(pages.type(StandardPage))
