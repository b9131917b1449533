"""`{% lang_attr page %}`: ` lang="fi"` on a page's title where the page is not in the
language of the page showing it (an untranslated Finnish meeting in a Swedish list), so screen
readers pronounce it right; nothing where the languages agree."""

from django import template
from django.utils import translation
from django.utils.html import format_html
from wagtail.models import Locale, Page

from generation.memo import remember

register = template.Library()


@register.simple_tag(takes_context=True)
def lang_attr(context, page):
    if not isinstance(page, Page) or page.locale_id is None:
        return ""
    codes = remember(
        context.get("request"),
        ("locale codes",),
        lambda: dict(Locale.objects.values_list("id", "language_code")),
    )
    code = codes.get(page.locale_id)
    if code is None or code == translation.get_language():
        return ""
    return format_html(' lang="{}"', code)
