"""A person's data on request (GDPR articles 15 and 17): everything the site keeps about them,
to export or to delete."""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_denied

from ..models import JoinRequest, Person


def _personal_data(person):
    """Everything the site keeps about a person: the record, terms, requests and account."""
    user = person.user
    return {
        "person": {"name": person.name, "job_title": person.job_title, "email": person.email},
        "memberships": [
            {
                "body": m.body.title,
                "role": m.role,
                "start_date": m.start_date.isoformat() if m.start_date else None,
                "end_date": m.end_date.isoformat() if m.end_date else None,
            }
            for m in person.memberships.select_related("body")
        ],
        "join_requests": list(
            JoinRequest.objects.filter(email__iexact=person.email)
            .exclude(email="")
            .values("body__title", "name", "organisation", "message", "created_at")
        ),
        "account": None
        if user is None
        else {
            "username": user.username,
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "groups": list(user.groups.values_list("name", flat=True)),
            "meeting_registrations": list(
                user.meeting_registrations.values(
                    "meeting__title", "meeting__date", "attendance", "created_at"
                )
            ),
        },
    }


def personal_data(request, person_id):
    """An editor exports or deletes a person's data on request (GDPR articles 15 and 17)."""
    if not request.user.has_perm("networks.delete_person"):
        return permission_denied(request)
    person = get_object_or_404(Person, pk=person_id)
    data = _personal_data(person)
    if request.GET.get("format") == "json":
        response = JsonResponse(
            data, json_dumps_params={"ensure_ascii": False, "indent": 2, "default": str}
        )
        response["Content-Disposition"] = f'attachment; filename="personal-data-{person.pk}.json"'
        return response
    if request.method == "POST":
        name = person.name
        JoinRequest.objects.filter(email__iexact=person.email).exclude(email="").delete()
        if person.user is not None:
            person.user.delete()
        Person.objects.filter(translation_key=person.translation_key).delete()
        messages.success(request, _("The personal data of %(name)s was deleted.") % {"name": name})
        return redirect("wagtailsnippets_networks_person:list")
    return TemplateResponse(
        request, "networks/admin/personal_data.html", {"person": person, "data": data}
    )
