"""The minutes shown in meeting lists, only those the reader may see: live, outside page
restrictions they do not pass."""

from access.visibility import visible_pages

from .models import MinutesPage
from .tree import parent_path, parent_path_of


def with_minutes(request, meetings):
    """The meetings, each with `visible_minutes`: its minutes if the reader may see them."""
    meetings = list(meetings)
    if not meetings:
        return meetings
    # Minutes are the meetings' children: match their parent's path, one condition for all.
    children = MinutesPage.objects.annotate(parent_path=parent_path_of("path")).filter(
        parent_path__in=[m.path for m in meetings]
    )
    minutes = {parent_path(page): page for page in visible_pages(request, children)}
    for meeting in meetings:
        meeting.visible_minutes = minutes.get(meeting.path)
    return meetings
