"""Site chrome: the language switcher, navigation, breadcrumbs and footer links.

None of it depends on who is looking (menus and footers list only pages without a view
restriction of their own; breadcrumbs are the ancestors of a page the reader already may see),
so it is worked out once per content generation and kept as plain titles and addresses
(`generation.memo`)."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page

from generation.memo import remember
from home.models import AccessibilityStatementPage, HomePage, StandardPage

register = template.Library()


def link(page, request):
    return {"title": page.title, "url": page.get_url(request), "pk": page.pk, "path": page.path}


def public_children(home):
    """The home page's live children without a view restriction of their own. Not `.public()`:
    that adds a condition for every restriction on the site (one per members-only minutes), so
    every page's chrome would get slower as meetings are added. Restrictions above the children
    are the home page's: whoever sees a page under it has already passed them."""
    return home.get_children().live().filter(view_restrictions=None)


def site_chrome(context):
    """Home, menu and footer links of the active language on this host."""
    request = context.get("request")
    language_code = translation.get_language() or settings.LANGUAGE_CODE

    def build():
        home = HomePage.objects.filter(locale__language_code=language_code).live().first()
        if home is None:
            return {"home": None, "menu": [], "footer": []}
        children = public_children(home)
        footer = [*children.type(AccessibilityStatementPage), *children.type(StandardPage)]
        return {
            "home": link(home, request),
            "menu": [link(page, request) for page in children.in_menu()],
            "footer": [link(page, request) for page in footer],
        }

    host = request.get_host() if request is not None else None
    return remember(request, ("chrome", host, language_code), build)


@register.simple_tag(takes_context=True)
def site_home(context):
    return site_chrome(context)["home"]


@register.simple_tag(takes_context=True)
def main_menu(context):
    return site_chrome(context)["menu"]


@register.simple_tag(takes_context=True)
def footer_links(context):
    return site_chrome(context)["footer"]


@register.filter
def in_section(page, item):
    """Whether the page shown is a menu link's page or lies under it: its place in the page tree
    (`path`) starts with the link's, whatever the depth of the home page."""
    return isinstance(page, Page) and bool(page.path) and page.path.startswith(item["path"])


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """Links to this page in each other language, or to its nearest translated ancestor."""
    request = context["request"]
    current = translation.get_language()
    if not isinstance(page, Page):
        return [
            {"code": code, "name": name, "url": translate_url(request.get_full_path(), code)}
            for code, name in settings.LANGUAGES
            if code != current
        ]

    def build():
        links = []
        for code, name in settings.LANGUAGES:
            if code == current:
                continue
            locale = Locale.objects.get(language_code=code)
            fallback = False
            for candidate in [page, *reversed(page.get_ancestors())]:
                translated = candidate.get_translation_or_none(locale)
                if translated is not None and translated.live:
                    links.append(
                        {
                            "code": code,
                            "name": name,
                            "url": translated.get_url(request),
                            "fallback": fallback,
                        }
                    )
                    break
                fallback = True
        return links

    if page.pk is None:  # a preview of a page not saved yet
        return build()
    return remember(request, ("languages", request.get_host(), current, page.pk), build)


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    if not isinstance(page, Page):
        return []
    request = context.get("request")

    def build():
        ancestors = page.get_ancestors().filter(depth__gt=1)
        return [link(ancestor, request) for ancestor in ancestors if ancestor.live]

    if page.pk is None:
        return build()
    host = request.get_host() if request is not None else None
    return remember(request, ("breadcrumbs", host, page.pk), build)
