from django import template

from ..glossary import all_terms, check_translation, glossary_for

register = template.Library()


@register.simple_tag
def glossary(translation):
    """The glossary terms of a translation's source and the segments that miss them."""
    terms = all_terms()
    return {
        "terms": glossary_for(translation, terms),
        "problems": check_translation(translation, terms),
    }
