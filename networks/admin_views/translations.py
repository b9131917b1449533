"""The translators' admin views: their to-do list, and handing a finished translation over to a
publisher.

Translators may not publish. From wagtail-localize's segment editor they press one button,
"Lähetä hyväksyttäväksi" / "Skicka för godkännande": the translated strings are saved into a
draft of the Swedish page (with the Finnish page's restriction copied, as wagtail-localize
does), and the draft starts the page's approval workflow, so it waits on the publisher's
dashboard beside the other pages to approve. Approving it publishes it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST
from wagtail.models import Page
from wagtail_localize.models import Translation

from ..translation_status import KINDS, to_do


def translation_status_view(request):
    """The translators' to-do list in the admin: pages first, by body, documents apart;
    filtered by body and kind (`?body=…&kind=missing|outdated|terms|documents`)."""
    body = request.GET.get("body", "")
    kind = request.GET.get("kind", "")
    context = to_do(body=body, kind=kind if kind in KINDS else "")
    context.update(body=body, kind=kind, kinds=KIND_LABELS)
    return TemplateResponse(request, "networks/admin/translation_status.html", context)


KIND_LABELS = {
    "missing": _lazy("No Swedish version"),
    "outdated": _lazy("Outdated"),
    "terms": _lazy("Uses another term than the glossary"),
    "documents": _lazy("Document without a Swedish file"),
}


def translation_of(page):
    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()


@require_POST
def hand_over(request, page_id):
    page = get_object_or_404(Page, id=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    workflow = page.get_workflow()
    if workflow is None:
        messages.error(request, _("This page has no approval workflow. Ask a publisher."))
        return redirect(edit_url)
    if page.workflow_in_progress:
        messages.info(request, _("This page is already waiting for approval."))
        return redirect(edit_url)
    translation = translation_of(page)
    if translation is not None:
        try:
            translation.save_target(user=request.user, publish=False)
        except ValidationError as error:
            messages.error(
                request,
                _("The translation cannot be saved yet: %(errors)s")
                % {"errors": " ".join(error.messages)},
            )
            return redirect(edit_url)
        page = page.specific_class.objects.get(pk=page.pk)
    workflow.start(page, request.user)
    messages.success(
        request,
        _("“%(title)s” was submitted for approval.") % {"title": page.get_admin_display_title()},
    )
    return redirect(edit_url)
