"""Editors' meeting work in the admin: the next meeting from the last one, and the list of
registrations with its CSV export. Their addresses are given by `networks.viewsets`."""

import csv

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_denied

from ..models import MeetingPage, MeetingRegistration
from ..next_meeting import create_next_meeting, plan_next_meeting


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
