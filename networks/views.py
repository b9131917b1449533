"""The networks' public views: a document at a URL that survives a replaced file, and a
visitor's request to join a body. The editors' views are in `networks.admin_views`."""

import os

from django.conf import settings
from django.contrib import messages
from django.core.mail import send_mail
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.documents.views.serve import serve

from .forms import JoinRequestForm
from .lookups import existing_id_or_404
from .models import BodyPage, Material


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
