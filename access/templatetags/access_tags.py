import json

from django import template
from wagtail.models import Page

from generation.counter import request_generation

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
def members_only(page, request=None):
    """Whether a visitor could not open the page (a restriction on it or above it): shown with
    a lock to those who can, so members see what is theirs alone. `page|members_only:request`
    works the visitor's refused paths out once per request, not once per item of a list."""
    if not isinstance(page, Page) or not page.path:
        return False
    return any(page.path.startswith(path) for path in refused_page_paths(_visitor(request)))


def _visitor(request):
    """A visitor reading at the request's content generation, kept on the request."""
    if request is None:
        return Reader.visitor()
    visitor = getattr(request, "_access_visitor", None)
    if visitor is None:
        visitor = request._access_visitor = Reader.visitor()
        visitor._content_generation = request_generation(request)
    return visitor
