from django import template

from ..glossary import all_terms, check_translation, glossary_for, untranslated_count
from ..memory import suggestions

register = template.Library()


@register.simple_tag
def glossary(translation):
    """The glossary terms of a translation's source, the segments that miss them and how many
    segments are not translated yet."""
    terms = all_terms()
    return {
        "terms": glossary_for(translation, terms),
        "problems": check_translation(translation, terms),
        "untranslated": untranslated_count(translation),
    }


@register.simple_tag
def translation_memory(translation, user):
    """Translations of this translation's untranslated source texts made on other pages the
    user may edit."""
    return suggestions(translation, user)
