"""`{{ page.title|hyphenate }}`: soft hyphens in a heading's long words, in the page's language."""

from django import template
from django.utils.translation import get_language

from text.hyphenation import soft_hyphens

register = template.Library()


@register.filter
def hyphenate(text, language=None):
    """Soft hyphens by the given language, or by the active one (the page's)."""
    return soft_hyphens(text, (language or get_language() or "fi")[:2])
