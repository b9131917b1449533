"""Editors' meeting work in the admin: the next meeting from the last one, the list of
registrations with its CSV export, buttons on meeting and body pages, and dashboard panels."""

import csv

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import approval
from .lifecycle import create_next_meeting, plan_next_meeting
from .models import BodyPage, MeetingPage, MeetingRegistration
from .models.choices import MeetingStatus


def next_meeting(request, meeting_id):
    """Shows the planned date and agenda; on POST saves the meeting as a draft to edit."""
    meeting = get_object_or_404(MeetingPage, pk=meeting_id)
    body = meeting.get_parent().specific
    if not body.permissions_for_user(request.user).can_add_subpage():
        return permission_denied(request)
    planned = plan_next_meeting(meeting)
    if request.method == "POST" and planned is not None:
        created = create_next_meeting(meeting, request.user)
        messages.success(
            request, _("The meeting “%(title)s” was created as a draft.") % {"title": created.title}
        )
        return redirect("wagtailadmin_pages:edit", created.pk)
    return TemplateResponse(
        request,
        "networks/admin/next_meeting.html",
        {
            "meeting": meeting,
            "body": body,
            "planned": planned,
            "page_title": _("Create the next meeting"),
            "page_subtitle": meeting.title,
            "header_icon": "date",
        },
    )


def _registrations(meeting):
    return (
        MeetingRegistration.objects.filter(meeting=meeting.registration_meeting)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__username")
    )


def registrations(request, meeting_id):
    """The members who signed up; `?format=csv` downloads the list."""
    meeting = get_object_or_404(MeetingPage, pk=meeting_id)
    if not meeting.permissions_for_user(request.user).can_edit():
        return permission_denied(request)
    rows = _registrations(meeting)
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="registrations-{meeting.pk}.csv"'
        response.write("\ufeff")  # Excel opens UTF-8 only with a byte order mark.
        writer = csv.writer(response, delimiter=";")
        writer.writerow([_("Name"), _("E-mail"), _("Taking part"), _("Signed up")])
        for row in rows:
            writer.writerow(
                [
                    row.user.get_full_name() or row.user.username,
                    row.user.email,
                    row.get_attendance_display(),
                    timezone.localtime(row.created_at).strftime("%Y-%m-%d %H:%M"),
                ]
            )
        return response
    return TemplateResponse(
        request,
        "networks/admin/meeting_registrations.html",
        {
            "meeting": meeting,
            "rows": rows,
            "page_title": _("Registrations"),
            "page_subtitle": meeting.title,
            "header_icon": "group",
        },
    )


@hooks.register("register_admin_urls")
def meeting_admin_urls():
    return [
        path("meetings/<int:meeting_id>/next/", next_meeting, name="networks_next_meeting"),
        path(
            "meetings/<int:meeting_id>/registrations/",
            registrations,
            name="networks_meeting_registrations",
        ),
    ]


def _meeting_buttons(page, user):
    if isinstance(page, MeetingPage):
        body = page.get_parent()
        if body.permissions_for_user(user).can_add_subpage():
            yield Button(
                _("Create the next meeting"),
                reverse("networks_next_meeting", args=[page.pk]),
                icon_name="date",
                priority=16,
            )
        if page.permissions_for_user(user).can_edit():
            yield Button(
                _("Registrations"),
                reverse("networks_meeting_registrations", args=[page.pk]),
                icon_name="group",
                priority=17,
            )
    elif isinstance(page, BodyPage) and page.permissions_for_user(user).can_add_subpage():
        yield Button(
            _("Add a meeting"),
            reverse("wagtailadmin_pages:add", args=["networks", "meetingpage", page.pk]),
            icon_name="date",
            priority=16,
        )


@hooks.register("register_page_header_buttons")
def meeting_header_buttons(page, user, view_name, next_url=None):
    yield from _meeting_buttons(page.specific_deferred, user)


@hooks.register("register_page_listing_more_buttons")
def meeting_listing_buttons(page, user, next_url=None):
    yield from _meeting_buttons(page.specific_deferred, user)


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


@hooks.register("construct_homepage_panels")
def meeting_panels(request, panels):
    panels.extend([DraftsPanel(), MeetingsWithoutAgendaPanel()])
    if approval.may_approve(request.user):
        panels.append(FilesAwaitingApprovalPanel())
