from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from access.privacy import restrict_new_minutes

from . import (
    material_admin,  # noqa: F401  (materials, saved listings, review report)
    meeting_admin,  # noqa: F401  (next meeting, registrations, dashboard panels)
    translation_handoff,
    views,
)
from .models import Membership, MinutesPage, Organisation, Person, Topic


@hooks.register("register_admin_urls")
def register_version_urls():
    return [
        path(
            "materials/<int:document_id>/versions/",
            views.versions,
            name="networks_material_versions",
        ),
        path(
            "materials/versions/<int:version_id>/restore/",
            views.restore_version,
            name="networks_material_restore",
        ),
        path(
            "materials/<int:document_id>/approve/",
            views.approve_material,
            name="networks_material_approve",
        ),
        path(
            "materials/versions/<int:version_id>/discard/",
            views.discard_version,
            name="networks_material_discard",
        ),
        path(
            "translations/<int:page_id>/hand-over/",
            translation_handoff.hand_over,
            name="networks_hand_over",
        ),
        path(
            "translation-status/",
            views.translation_status_view,
            name="networks_translation_status",
        ),
        path(
            "people/<int:person_id>/personal-data/",
            views.personal_data,
            name="networks_personal_data",
        ),
    ]


class MembershipViewSet(SnippetViewSet):
    """Editors add a member's term and end it; the members' group follows the terms."""

    model = Membership
    icon = "group"
    menu_label = _("Memberships")
    list_display = ["person", "body", "role", "start_date", "end_date"]
    list_filter = ["role", "body", "end_date"]
    search_fields = ["person__name"]
    ordering = ["body__title", "person__name"]


@hooks.register("register_permissions")
def document_publishing_permission():
    """ "Can publish documents" in the group editor, beside Wagtail's page publishing."""
    return Permission.objects.filter(
        content_type__app_label="networks", codename="publish_material"
    )


@hooks.register("register_admin_menu_item")
def translation_status_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("networks_translation_status"),
        icon_name="globe",
        order=900,
    )


@hooks.register("register_snippet_listing_buttons")
def personal_data_button(snippet, user, next_url=None):
    if isinstance(snippet, Person) and user.has_perm("networks.delete_person"):
        yield ListingButton(
            _("Personal data"), reverse("networks_personal_data", args=[snippet.pk]), priority=50
        )


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "job_title", "organisation", "user"]
    search_fields = ["name"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "site"
    menu_label = _("Organisations")
    list_display = ["name", "short_name"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name_fi", "name_sv", "slug"]


class NetworkRegisterGroup(SnippetViewSetGroup):
    items = (MembershipViewSet, PersonViewSet, OrganisationViewSet, TopicViewSet)
    menu_icon = "group"
    menu_label = _("Members and vocabularies")
    menu_name = "network-register"


register_snippet(NetworkRegisterGroup)


@hooks.register("after_create_page")
def new_minutes_are_members_only(request, page):
    if isinstance(page.specific, MinutesPage):
        restrict_new_minutes(page)
