"""wagtail-localize's views that can make a page live or take it out of the translation flow,
each asking `access.publishing` first. Their URLs are placed before wagtail-localize's own in
`cms/urls.py`, so every way to them (the page's menu, the segment editor, the listing's "Sync
translated pages", a bookmarked address) goes through here.

- *Convert to alias*: the alias takes the source page's live state, so untranslated Finnish
  would go live under /sv/: only a publisher of the page may do it.
- *Stop synced translation*: only a publisher (a translator hands a page over instead).
- *Update translations* with *Publish immediately*: the option is offered only to someone who
  may publish every translated page; for anyone else the update is saved as drafts."""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views import convert, edit_translation, update_translations

from .publishing import may_publish


def _refuse(request, page, message):
    messages.error(request, message)
    return redirect(
        get_valid_next_url_from_request(request)
        or reverse("wagtailadmin_pages:edit", args=[page.pk])
    )


def convert_to_alias(request, page_id):
    page = get_object_or_404(Page, id=page_id)
    if not may_publish(request.user, page):
        return _refuse(
            request,
            page,
            _(
                "Only a publisher may turn a translation into an alias: the alias shows the "
                "source page's published content at once."
            ),
        )
    return convert.convert_to_alias(request, page_id)


def stop_translation(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    page = translation.get_target_instance()
    if not isinstance(page, Page):
        return edit_translation.stop_translation(request, translation_id)
    if not may_publish(request.user, page):
        return _refuse(
            request,
            page,
            _("Only a publisher may stop a synced translation. Hand the page over instead."),
        )
    return edit_translation.stop_translation(request, translation_id)


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """wagtail-localize's sync, publishing only for those who may publish every target."""

    def may_publish_targets(self):
        for translation in self.object.translations.filter(enabled=True):
            try:
                target = translation.get_target_instance()
            except ObjectDoesNotExist:  # not created yet: nothing of it goes live
                continue
            if isinstance(target, Page) and not may_publish(self.request.user, target):
                return False
        return True

    def get_form(self):
        form = super().get_form()
        if not self.may_publish_targets():
            form.fields.pop("publish_translations", None)
        return form

    def form_valid(self, form):
        if "publish_translations" not in form.fields:
            form.cleaned_data["publish_translations"] = False
        elif form.cleaned_data.get("publish_translations") and not self.may_publish_targets():
            raise PermissionDenied
        return super().form_valid(form)
