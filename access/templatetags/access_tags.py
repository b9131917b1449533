import json

from django import template
from wagtail.models import Page

from ..publishing import may_publish
from ..readers import Reader
from ..visibility import refused_page_paths

register = template.Library()

PUBLISHERS_LINKS = ("convertToAliasUrl", "stopTranslationUrl")


@register.simple_tag
def editor_props(props, instance, user):
    """wagtail-localize's segment editor props without the links to what only a publisher may
    do (convert to alias, stop syncing) for someone who may not publish the page; the views
    behind them refuse anyway (`access.translation_guards`)."""
    if not isinstance(instance, Page) or may_publish(user, instance):
        return props
    data = json.loads(props)
    for name in PUBLISHERS_LINKS:
        data["links"][name] = None
    return json.dumps(data)


@register.simple_tag
def may_publish_page(instance, user):
    return isinstance(instance, Page) and may_publish(user, instance)


@register.filter
def members_only(page):
    """Whether a visitor could not open the page (a restriction on it or above it): shown with
    a lock to those who can, so members see what is theirs alone."""
    if not isinstance(page, Page) or not page.path:
        return False
    return any(page.path.startswith(path) for path in refused_page_paths(Reader.visitor()))
