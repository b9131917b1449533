"""Documents at a URL that survives a replaced file, and the version history editors restore."""

import os

from django.conf import settings
from django.contrib import messages
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.http import FileResponse, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.documents.views.serve import serve
from wagtail.permissions import policy_registry

from . import approval
from .forms import JoinRequestForm
from .lookups import existing_id_or_404
from .models import BodyPage, JoinRequest, Material, MaterialVersion, Person
from .translation_status import translation_status


def serve_material(request, document_id, document_filename=None):
    """Serve a document by its id alone; the old filename form keeps working after a replace.
    `?lang=sv` serves the Swedish version of the file, behind the same permission checks."""
    document = get_object_or_404(Material, id=document_id)
    if request.GET.get("lang") == "sv" and document.file_sv:
        for hook in hooks.get_hooks("before_serve_document"):
            result = hook(document, request)
            if isinstance(result, HttpResponse):
                return result
        return FileResponse(
            document.file_sv.open("rb"), filename=os.path.basename(document.file_sv.name)
        )
    return serve(request, document_id, document.filename)


def _can_change(request, document):
    policy = policy_registry.get_by_type(Material)
    return policy.user_has_permission_for_instance(request.user, "change", document)


def versions(request, document_id):
    document = get_object_or_404(Material, id=document_id)
    if not _can_change(request, document):
        return permission_denied(request)
    versions = document.versions.select_related("created_by", "uploaded_by", "approved_by")
    return TemplateResponse(
        request,
        "networks/admin/material_versions.html",
        {
            "document": document,
            "waiting": versions.filter(pending=True),
            "versions": versions.filter(pending=False),
            "may_approve": approval.may_approve(request.user),
        },
    )


@require_POST
def restore_version(request, version_id):
    """An earlier file back in place: at once from a publisher (the current file joins the
    history), as a file waiting for approval from anyone else."""
    version = get_object_or_404(
        MaterialVersion.objects.select_related("document").filter(pending=False), id=version_id
    )
    document = version.document
    if not _can_change(request, document):
        return permission_denied(request)
    with version.file.open("rb") as old:
        restored = old.read()
    name = os.path.basename(version.file.name)
    if approval.replacement_waits(document, request.user):
        approval.wait_for_approval(document, version.slot, name, restored, request.user)
        messages.success(
            request,
            _("The earlier file of “%(title)s” waits for a publisher's approval.")
            % {"title": document.title},
        )
        return redirect("networks_material_versions", document.id)
    approval.keep_as_version(document, version.slot, replaced_by=request.user)
    current = getattr(document, version.slot)
    previous_name = current.name if current else None
    current.save(name, ContentFile(restored), save=False)
    if version.slot == "file":
        document.file_size = len(restored)
        document._set_file_hash()
        approval.mark_new(document, request.user)
    document.save()
    if previous_name:
        current.storage.delete(previous_name)
    messages.success(
        request, _("The earlier version of “%(title)s” was restored.") % {"title": document.title}
    )
    return redirect("networks_material_versions", document.id)


@require_POST
def approve_material(request, document_id):
    document = get_object_or_404(Material, id=document_id)
    if not approval.may_approve(request.user):
        return permission_denied(request)
    approval.approve(document, request.user)
    messages.success(request, _("“%(title)s” was approved.") % {"title": document.title})
    return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")


@require_POST
def discard_version(request, version_id):
    """A waiting file is dropped by a publisher, or by the editor who uploaded it."""
    version = get_object_or_404(
        MaterialVersion.objects.select_related("document").filter(pending=True), id=version_id
    )
    if not (approval.may_approve(request.user) or version.uploaded_by_id == request.user.pk):
        return permission_denied(request)
    approval.discard(version)
    messages.success(request, _("The waiting file was dropped."))
    return redirect("networks_material_versions", version.document_id)


def join_request(request, body_id):
    """A visitor asks to join a body; the request reaches its contact person by e-mail."""
    body = get_object_or_404(
        BodyPage.objects.live().public().filter(open_to_join=True),
        pk=existing_id_or_404(body_id),
    )
    form = JoinRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        join = form.save(commit=False)
        join.body = body
        join.save()
        contact = body.contact_person.localized if body.contact_person else None
        recipient = (
            contact.email if contact and contact.email else settings.MEMBERSHIP_REQUESTS_EMAIL
        )
        send_mail(
            _("Request to join: %(body)s") % {"body": body.title},
            _("%(name)s (%(organisation)s, %(email)s) asks to join %(body)s.\n\n%(message)s")
            % {
                "name": join.name,
                "organisation": join.organisation,
                "email": join.email,
                "body": body.title,
                "message": join.message,
            },
            None,
            [recipient],
        )
        messages.success(
            request, _("Thank you. Your request was sent to the network's contact person.")
        )
        return redirect(body.get_url(request))
    return TemplateResponse(request, "networks/join_request.html", {"form": form, "body": body})


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


def translation_status_view(request):
    """The translators' to-do list in the admin."""
    return TemplateResponse(
        request, "networks/admin/translation_status.html", {"groups": translation_status()}
    )
