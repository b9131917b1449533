"""Where a page sits in Wagtail's tree, worked out from its materialised path (treebeard's: every
level adds `Page.steplen` characters), for many pages at once: a parent's path without a query
per page, and the children of several pages in one condition.

For one page Wagtail's own API serves (`get_parent()`, `PageQuerySet.child_of(page)`); these are
for listings that would otherwise ask once per page.
"""

from functools import reduce
from operator import or_

from django.db.models import Q, Value
from django.db.models.functions import Length, Substr
from wagtail.models import Page

STEPLEN = Page.steplen


def parent_path(page, levels=1):
    """The path of the page `levels` steps above `page`."""
    return page.path[: -levels * STEPLEN]


def parent_path_of(path, levels=1):
    """`parent_path` in SQL: `path` is a field name or an expression (e.g. `OuterRef("path")`)."""
    return Substr(path, 1, Length(path) - Value(levels * STEPLEN))


def children_of(pages, levels=1):
    """A filter for the pages `levels` steps below any of `pages` (never an empty OR)."""
    conditions = [Q(path__startswith=p.path, depth=p.depth + levels) for p in pages]
    return reduce(or_, conditions, Q(pk__in=[]))
