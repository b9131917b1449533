"""What new members-only content gets: one rule for the demo and for new minutes. (Documents
need none of their own: they follow their folder, `access.documents`.)"""

from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction


def readers_of_private_material():
    """Groups that read every body's members-only material besides its members (translators
    translate members-only pages), named in PRIVATE_MATERIAL_READER_GROUPS."""
    return Group.objects.filter(name__in=settings.PRIVATE_MATERIAL_READER_GROUPS)


def restrict_page(page, group):
    """Make `page` members-only for `group`, unless it already has a restriction of its own."""
    if not page.view_restrictions.exists():
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set([group, *readers_of_private_material()])


def restrict_new_minutes(page):
    """New minutes start members-only for their body's members (a meeting's public summary is
    the meeting page); an editor can lift the restriction in the page's privacy settings."""
    meeting = page.get_parent().specific
    body = meeting.get_parent().specific
    group = getattr(body, "members_group", None)
    if group is not None and not page.get_view_restrictions().exists():
        restrict_page(page, group)
