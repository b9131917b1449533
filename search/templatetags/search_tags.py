from django import template
from django.http import QueryDict
from django.utils.translation import gettext as _

from networks.models.choices import ContentLanguage

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


@register.simple_tag
def facet_label(name):
    return {
        "body": _("Body"),
        "type": _("Content type"),
        "year": _("Year"),
        "language": _("Language"),
    }[name]


@register.simple_tag
def facet_value(name, value):
    if name == "language":
        return dict(ContentLanguage.choices).get(value, value)
    return value


@register.simple_tag
def query_with(querystring, name, value):
    params = QueryDict(querystring, mutable=True)
    params[name] = value
    return params.urlencode()


@register.simple_tag
def query_without(querystring, name):
    params = QueryDict(querystring, mutable=True)
    params.pop(name, None)
    return params.urlencode()
