"""Everything the networks app adds to the Wagtail admin, registered here and nowhere else: its
viewsets and snippets, its other addresses, menu items, dashboard panels, buttons, rights and
what happens after a page is made. The views are in `networks.admin_views`, the viewsets in
`networks.viewsets`, the panels in `networks.dashboard_panels` and the buttons in
`networks.admin_buttons`."""

from django.contrib import messages
from django.contrib.auth.models import Permission
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail.snippets.models import register_snippet

from access.privacy import restrict_new_minutes

from . import admin_buttons
from .admin_views import minutes as minutes_admin_views
from .admin_views import people, translations
from .approval import may_approve
from .dashboard_panels import (
    DraftsPanel,
    FilesAwaitingApprovalPanel,
    MeetingsWithoutAgendaPanel,
    TranslationsToDoPanel,
    is_translator,
    one_panel_per_page,
)
from .models import MinutesPage
from .models.minutes import not_shared_message
from .viewsets import (
    MaterialViewSet,
    MeetingViewSet,
    MinutesPageViewSet,
    NetworkRegisterGroup,
    ReviewDueViewSet,
    SavedListingViewSet,
)

# Viewsets: /admin/materials/…, /admin/reports/review-due/…, /admin/meetings/<id>/…

material_viewset = MaterialViewSet()
review_due_viewset = ReviewDueViewSet()
meeting_viewset = MeetingViewSet()
minutes_page_viewset = MinutesPageViewSet()


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [material_viewset, review_due_viewset, meeting_viewset, minutes_page_viewset]


register_snippet(SavedListingViewSet)
register_snippet(NetworkRegisterGroup)


# Addresses outside the viewsets.


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "translation-status/",
            translations.translation_status_view,
            name="networks_translation_status",
        ),
        path(
            "translations/<int:page_id>/hand-over/",
            translations.hand_over,
            name="networks_hand_over",
        ),
        path(
            "people/<int:person_id>/personal-data/",
            people.personal_data,
            name="networks_personal_data",
        ),
    ]


# Menu items.


@hooks.register("register_admin_menu_item")
def materials_menu_item():
    return material_viewset.get_menu_item()


@hooks.register("register_reports_menu_item")
def review_due_menu_item():
    return review_due_viewset.get_menu_item()


@hooks.register("register_admin_menu_item")
def translation_status_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("networks_translation_status"),
        icon_name="globe",
        order=900,
    )


# Dashboard panels.


@hooks.register("construct_homepage_panels")
def dashboard_panels(request, panels):
    one_panel_per_page(panels)
    panels.extend([DraftsPanel(), MeetingsWithoutAgendaPanel()])
    if may_approve(request.user):
        panels.append(FilesAwaitingApprovalPanel())
    if is_translator(request.user):
        panels.append(TranslationsToDoPanel())


# Buttons on Wagtail's own screens.


@hooks.register("register_page_listing_more_buttons")
def folder_listing_buttons(page, user, next_url=None):
    yield from admin_buttons.folder_buttons(page, user)


@hooks.register("register_page_header_buttons")
def folder_header_buttons(page, user, view_name, next_url=None):
    yield from admin_buttons.folder_buttons(page, user)


@hooks.register("register_page_header_buttons")
def meeting_header_buttons(page, user, view_name, next_url=None):
    yield from admin_buttons.meeting_buttons(page.specific_deferred, user)
    yield from admin_buttons.approve_minutes_buttons(page.specific_deferred, user)


@hooks.register("register_page_listing_more_buttons")
def meeting_listing_buttons(page, user, next_url=None):
    yield from admin_buttons.meeting_buttons(page.specific_deferred, user)


@hooks.register("register_snippet_listing_buttons")
def personal_data_button(snippet, user, next_url=None):
    yield from admin_buttons.personal_data_buttons(snippet, user)


# Rights: "Can publish documents" in the group editor, beside Wagtail's page publishing.


@hooks.register("register_permissions")
def register_permissions():
    return Permission.objects.filter(
        content_type__app_label="networks",
        content_type__model="material",
        codename__in=["publish_material"],
    )


# The minutes' lifecycle on bulk publishing (`networks.models.minutes`).


@hooks.register("before_bulk_action")
def draft_minutes_stay_unpublished_in_bulk(request, action_type, objects, action_class_instance):
    if action_type != "publish" or not issubclass(action_class_instance.model, Page):
        return None
    form = getattr(action_class_instance, "cleaned_form", None)
    descendants = bool(form and form.cleaned_data.get("include_descendants"))
    refused = minutes_admin_views.refused_minutes(objects, descendants)
    if refused is None:
        return None
    messages.error(request, not_shared_message(refused))
    return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")


# After a page is made.


@hooks.register("after_create_page")
def new_minutes_are_members_only(request, page):
    if isinstance(page.specific, MinutesPage):
        restrict_new_minutes(page)
