"""Approving minutes at a meeting, in one action from that meeting's page in the admin: the
meeting and its date are recorded and the approved minutes are published (or submitted to the
approval workflow by someone who may not publish), `networks.models.minutes.approve_at`.

And the guard that keeps Wagtail's workflow from trying to publish what the minutes' lifecycle
refuses (draft minutes of a body that does not share drafts): its approve action says why
instead (`MinutesPageViewSet`; the bulk publish action is guarded in `networks.wagtail_hooks`)."""

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import Locale, Page

from ..models import MeetingPage, MinutesPage
from ..models.choices import MinutesStatus
from ..models.minutes import approve_at, not_shared_message


def minutes_to_approve(meeting):
    """Minutes of the body's earlier meetings not yet approved, the latest meeting first: as
    their latest revision has them, so minutes submitted for approval count too. Minutes that
    are approved and have no newer revision are left out by the query."""
    meeting = meeting.get_translation_or_none(Locale.get_default()) or meeting
    earlier = {
        m.path: m
        for m in MeetingPage.objects.sibling_of(meeting, inclusive=False).filter(
            date__lt=meeting.date
        )
    }
    if not earlier:
        return []
    minutes = MinutesPage.objects.filter(
        Q(status=MinutesStatus.DRAFT) | Q(has_unpublished_changes=True),
        path__startswith=meeting.path[: -Page.steplen],
        depth=meeting.depth + 1,
    )
    found = []
    for page in minutes:
        at = earlier.get(page.path[: -Page.steplen])
        if at is None:
            continue
        latest = page.get_latest_revision_as_object()
        if latest.status != MinutesStatus.APPROVED:
            found.append((latest, at))
    found.sort(key=lambda pair: pair[1].date, reverse=True)
    return found


def approve_minutes(request, meeting_id):
    """GET: which minutes would be approved at this meeting; POST: approve them."""
    meeting = get_object_or_404(MeetingPage, pk=meeting_id)
    source = meeting.get_translation_or_none(Locale.get_default()) or meeting
    candidates = [
        (minutes, at)
        for minutes, at in minutes_to_approve(source)
        if minutes.permissions_for_user(request.user).can_edit()
    ]
    if not candidates and not meeting.permissions_for_user(request.user).can_edit():
        return permission_denied(request)
    if request.method == "POST":
        chosen = next(
            (m for m, _at in candidates if str(m.pk) == request.POST.get("minutes")), None
        )
        if chosen is None:
            messages.error(request, _("Choose minutes to approve."))
            return redirect("networks_meetings:approve_minutes", meeting.pk)
        outcome = approve_at(chosen, source, request.user)
        done = {
            "published": _("The minutes “%(title)s” were approved and published."),
            "submitted": _(
                "The minutes “%(title)s” were approved at this meeting and sent to a "
                "publisher to publish."
            ),
            "saved": _("The minutes “%(title)s” were approved at this meeting."),
        }[outcome]
        messages.success(request, done % {"title": chosen.title})
        return redirect("wagtailadmin_pages:edit", meeting.pk)
    return TemplateResponse(
        request,
        "networks/admin/approve_minutes.html",
        {
            "meeting": source,
            "candidates": candidates,
            "page_title": _("Approve the previous minutes"),
            "page_subtitle": meeting.title,
            "header_icon": "tick",
        },
    )


def refused_minutes(pages, descendants=False):
    """The first minutes among `pages` (and their descendants, when those go too) that the
    lifecycle would not publish, as their latest revision has them."""
    for page in pages:
        if descendants:
            candidates = MinutesPage.objects.descendant_of(page, inclusive=True)
        else:
            candidates = MinutesPage.objects.filter(pk=page.pk)
        for minutes in candidates:
            latest = minutes.get_latest_revision_as_object()
            if not latest.may_go_live():
                return latest
    return None


class MinutesWorkflowActionView(WorkflowActionView):
    """Wagtail's workflow action on minutes (the approve button on the dashboard, in the page
    listing and in the editor's menu), refusing to approve what may not go live."""

    def post(self, request, *args, **kwargs):
        if self.action_name == "approve":
            refused = refused_minutes([self.object])
            if refused is not None:
                messages.error(request, not_shared_message(refused))
                return redirect("wagtailadmin_pages:edit", self.object.pk)
        return super().post(request, *args, **kwargs)
