"""Where the access rules meet Wagtail's own screens: serving a document, the bulk action that
would move documents to a collection chosen by hand, moving pages (one or in bulk) out from
under a restriction, and the page menu's publisher-only actions."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.documents import get_document_model
from wagtail.models import Page

from .middleware import mark_members_only
from .publishing import may_move, may_publish
from .visibility import refused_collection_ids


@hooks.register("before_serve_document", order=-1)
def members_only_documents_are_private(document, request):
    """Whoever asks for a members-only document, the answer is for them alone: the file, the
    password form or the way to the login page (Wagtail marks only the form so)."""
    if document.collection.get_view_restrictions().exists():
        mark_members_only(request)


@hooks.register("before_serve_document")
def hide_other_networks_documents(document, request):
    """A signed-in member of another network gets the same 404 as for a missing document, so
    ids reveal nothing; a visitor who is not signed in still gets the login page (Wagtail's own
    hook, which runs after this one), and so does anyone for a password or login restriction."""
    if request.user.is_authenticated and document.collection_id in refused_collection_ids(request):
        for restriction in document.collection.get_view_restrictions():
            if restriction.restriction_type == restriction.GROUPS and not (
                restriction.accept_request(request)
            ):
                raise Http404


@hooks.register("before_bulk_action")
def refuse_choosing_a_collection_by_hand(request, action_type, objects, action_class_instance):
    """A document's collection follows its folder (`access.documents`); Wagtail's "Add to
    collection" would say it moved them while the rule puts them back. Say so instead."""
    if action_type == "add_to_collection" and action_class_instance.model is get_document_model():
        messages.error(
            request,
            _(
                "Who may open a document follows its folder. To change it, file the document "
                "in another folder, or change the folder's privacy."
            ),
        )
        return redirect(get_valid_next_url_from_request(request) or "wagtaildocs:index")


def _refuse_widening_move(request):
    messages.error(
        request,
        _(
            "Moving this page out from under its restriction would show it to more people. "
            "Only a publisher may do that."
        ),
    )


@hooks.register("before_move_page")
def only_publishers_widen_by_moving(request, page, destination):
    if not may_move(request.user, page, destination):
        _refuse_widening_move(request)
        return redirect("wagtailadmin_explore", page.get_parent().pk)


@hooks.register("before_bulk_action")
def only_publishers_widen_by_moving_in_bulk(request, action_type, objects, action_class_instance):
    if action_type != "move" or not issubclass(action_class_instance.model, Page):
        return None
    destination = action_class_instance.cleaned_form.cleaned_data.get("chooser")
    if destination is not None and any(
        not may_move(request.user, page, destination) for page in objects
    ):
        _refuse_widening_move(request)
        return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")
    return None


@hooks.register("construct_page_action_menu")
def hide_publishers_actions(menu_items, request, context):
    """wagtail-localize's "Convert to alias page" only for those who may publish the page."""
    page = context.get("page")
    if page is not None and not may_publish(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]
