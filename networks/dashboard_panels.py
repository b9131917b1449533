"""The networks' panels on the admin dashboard: the editor's own drafts, planned meetings
without an agenda, and files waiting for a publisher's approval."""

from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import approval
from .models import MeetingPage
from .models.choices import MeetingStatus


class DraftsPanel(Component):
    """Pages the editor saved last and that wait to be published."""

    name = "networks_own_drafts"
    template_name = "networks/admin/panel_drafts.html"
    order = 240

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        drafts = (
            Page.objects.filter(has_unpublished_changes=True, latest_revision__user=request.user)
            .order_by("-latest_revision_created_at")
            .specific()[:10]
        )
        return {"pages": drafts, "request": request}


class MeetingsWithoutAgendaPanel(Component):
    """Planned meetings the editor may edit that have no agenda yet, soonest first."""

    name = "networks_meetings_without_agenda"
    template_name = "networks/admin/panel_meetings_without_agenda.html"
    order = 245

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        editable = PagePermissionPolicy().instances_user_has_permission_for(request.user, "change")
        planned = MeetingPage.objects.filter(
            pk__in=editable.values("pk"),
            status=MeetingStatus.PLANNED,
            date__gte=timezone.localdate().replace(day=1),
        ).order_by("date")
        return {"meetings": [m for m in planned if not m.agenda][:20], "request": request}


class FilesAwaitingApprovalPanel(Component):
    """Files added or replaced by editors, beside the pages awaiting the publisher's review."""

    name = "networks_files_awaiting_approval"
    template_name = "networks/admin/panel_files_awaiting_approval.html"
    order = 110  # right after Wagtail's "Awaiting your review" (100)

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        return {"documents": approval.awaiting_approval()[:30], "request": request}
