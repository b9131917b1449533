"""The networks' panels on the admin dashboard: the editor's own drafts, planned meetings
without an agenda, and files waiting for a publisher's approval.

One page shows once, in the panel that says what it waits for: a page the reader may review is
in Wagtail's "Awaiting your review"; their own page in review (that someone else reviews) in
"Your pages in a workflow"; their other unpublished changes in "Your drafts"; "Your most recent
edits" keeps only what is none of these (published edits)."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import RecentEditsPanel, UserObjectsInWorkflowModerationPanel
from wagtail.models import Page, TaskState, WorkflowState, get_default_page_content_type
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import approval
from .models import MeetingPage
from .models.choices import MeetingStatus
from .translation_status import to_do


def pages_in_review():
    """Ids of pages with a workflow in progress."""
    return [
        int(object_id)
        for object_id in WorkflowState.objects.active()
        .filter(base_content_type=get_default_page_content_type())
        .values_list("object_id", flat=True)
    ]


class OwnPagesInReviewPanel(UserObjectsInWorkflowModerationPanel):
    """Wagtail's "Your pages in a workflow" without those the reader reviews themself: those
    are in "Awaiting your review"."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        reviewing = set(
            TaskState.objects.reviewable_by(parent_context["request"].user).values_list(
                "workflow_state_id", flat=True
            )
        )
        context["workflow_states"] = [
            state for state in context["workflow_states"] if state.pk not in reviewing
        ]
        return context


class PublishedEditsPanel(RecentEditsPanel):
    """Wagtail's "Your most recent edits" without drafts and pages in review, which have their
    own panels."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        in_review = set(pages_in_review())
        context["last_edits"] = [
            (date, page)
            for date, page in context["last_edits"]
            if not page.has_unpublished_changes and page.pk not in in_review
        ]
        return context


def one_panel_per_page(panels):
    """Wagtail's panels replaced by the ones above, in the same places."""
    replacements = {
        UserObjectsInWorkflowModerationPanel: OwnPagesInReviewPanel,
        RecentEditsPanel: PublishedEditsPanel,
    }
    for index, panel in enumerate(panels):
        replacement = replacements.get(type(panel))
        if replacement is not None:
            panels[index] = replacement()


class ListingPanel(Component):
    """A dashboard panel that lists the items `get_items` gives, or shows nothing when there
    are none (`networks/admin/dashboard_panel.html`; each panel's template fills in its
    columns)."""

    panel_id = ""
    heading = ""

    def get_items(self, request):
        raise NotImplementedError

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        return {
            "items": self.get_items(request),
            "panel_id": self.panel_id,
            "heading": self.heading,
            "request": request,
        }


class DraftsPanel(ListingPanel):
    """Pages the editor saved last and that wait to be published."""

    name = "networks_own_drafts"
    template_name = "networks/admin/panel_drafts.html"
    order = 240
    panel_id = "networks-own-drafts"
    heading = _("Your drafts")

    def get_items(self, request):
        return (
            Page.objects.filter(has_unpublished_changes=True, latest_revision__user=request.user)
            .exclude(pk__in=pages_in_review())
            .order_by("-latest_revision_created_at")
            .specific()[:10]
        )


class MeetingsWithoutAgendaPanel(ListingPanel):
    """Planned meetings the editor may edit that have no agenda yet, soonest first."""

    name = "networks_meetings_without_agenda"
    template_name = "networks/admin/panel_meetings_without_agenda.html"
    order = 245
    panel_id = "networks-meetings-without-agenda"
    heading = _("Planned meetings without an agenda")

    def get_items(self, request):
        editable = PagePermissionPolicy().instances_user_has_permission_for(request.user, "change")
        planned = MeetingPage.objects.filter(
            pk__in=editable.values("pk"),
            status=MeetingStatus.PLANNED,
            date__gte=timezone.localdate().replace(day=1),
        ).order_by("date")
        return [m for m in planned if not m.agenda][:20]


class FilesAwaitingApprovalPanel(ListingPanel):
    """Files added or replaced by editors, beside the pages awaiting the publisher's review."""

    name = "networks_files_awaiting_approval"
    template_name = "networks/admin/panel_files_awaiting_approval.html"
    order = 110  # right after Wagtail's "Awaiting your review" (100)
    panel_id = "networks-files-awaiting-approval"
    heading = _("Files awaiting your approval")

    def get_items(self, request):
        return approval.awaiting_approval()[:30]


class TranslationsToDoPanel(Component):
    """The translator's next jobs: the totals of the to-do list and its first pages, each
    leading to its next step; documents are counted, and listed on the to-do page."""

    name = "networks_translations_to_do"
    template_name = "networks/admin/panel_translations_to_do.html"
    order = 115

    def get_context_data(self, parent_context):
        work = to_do()
        in_review = set(pages_in_review())
        rows = [
            {**page, "state": state}
            for _body, states in work["groups"]
            for state in ("outdated", "terms", "missing")
            for page in states[state]
            if page["id"] not in in_review and page.get("translation_id") not in in_review
        ]
        return {
            "totals": work["totals"],
            "states": {"rows": rows[:10]},
            "request": parent_context["request"],
        }


def is_translator(user):
    """Whether the user translates: may submit translations but edit no page in the source
    language (the translators' role, home/roles.py)."""
    if not user.has_perm("wagtail_localize.submit_translation"):
        return False
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return not editable.filter(locale__language_code=settings.LANGUAGE_CODE).exists()
