"""The networks' screens in the Wagtail admin, grouped as viewsets: each names its views' URLs in
its own namespace under one address. `networks.wagtail_hooks` registers them.

- materials (`/admin/materials/`, namespace `networks_materials`): the listing by folder, bulk
  upload, a document's versions and the publisher's approval;
- the review report (`/admin/reports/review-due/`, `networks_review_due`);
- meetings (`/admin/meetings/<id>/…`, `networks_meetings`): the next meeting, registrations,
  approving the previous minutes;
- minutes: Wagtail's page views for them, with a guarded workflow action;
- snippets: saved listings, and memberships, people, organisations and topics in one group."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import bulk_upload, materials, meetings, minutes
from .models import Material, Membership, MinutesPage, Organisation, Person, SavedListing, Topic


class MaterialsMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Material).user_has_any_permission(
            request.user, ["add", "change"]
        )


class MaterialViewSet(ViewSet):
    """Editors' tools for documents beside Wagtail's own document screens."""

    name = "networks_materials"
    url_prefix = "materials"
    icon = "folder-open-inverse"
    menu_label = _("Materials by folder")
    menu_order = 410
    menu_item_class = MaterialsMenuItem

    def get_urlpatterns(self):
        listing = {
            "index_url_name": self.get_url_name("index"),
            "index_results_url_name": self.get_url_name("results"),
            "bulk_upload_url_name": self.get_url_name("bulk_upload"),
        }
        return [
            path("", self.construct_view(materials.MaterialListingView, **listing), name="index"),
            path(
                "results/",
                self.construct_view(materials.MaterialListingView, **listing, results_only=True),
                name="results",
            ),
            path("bulk-upload/", bulk_upload.bulk_upload, name="bulk_upload"),
            path("<int:document_id>/versions/", materials.versions, name="versions"),
            path("<int:document_id>/approve/", materials.approve_material, name="approve"),
            path("versions/<int:version_id>/restore/", materials.restore_version, name="restore"),
            path("versions/<int:version_id>/discard/", materials.discard_version, name="discard"),
        ]


class ReviewDueMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Material).user_has_permission(request.user, "change")


class ReviewDueViewSet(ViewSet):
    """Knowledge-bank material past its review date, with CSV and Excel export."""

    name = "networks_review_due"
    url_prefix = "reports/review-due"
    icon = "date"
    menu_label = _("Material past its review date")
    menu_name = "review-due"
    menu_order = 1000
    menu_item_class = ReviewDueMenuItem

    def get_urlpatterns(self):
        report = {
            "index_url_name": self.get_url_name("index"),
            "index_results_url_name": self.get_url_name("results"),
        }
        return [
            path("", self.construct_view(materials.ReviewDueView, **report), name="index"),
            path(
                "results/",
                self.construct_view(materials.ReviewDueView, **report, results_only=True),
                name="results",
            ),
        ]


class MeetingViewSet(ViewSet):
    """Editors' work on a meeting page, reached from its buttons (`networks.admin_buttons`)."""

    name = "networks_meetings"
    url_prefix = "meetings"

    def get_urlpatterns(self):
        return [
            path("<int:meeting_id>/next/", meetings.next_meeting, name="next"),
            path("<int:meeting_id>/registrations/", meetings.registrations, name="registrations"),
            path(
                "<int:meeting_id>/approve-minutes/",
                minutes.approve_minutes,
                name="approve_minutes",
            ),
        ]


class MinutesPageViewSet(PageViewSet):
    """Wagtail's page views for minutes, with a workflow action that keeps their lifecycle."""

    model = MinutesPage
    workflow_action_view_class = minutes.MinutesWorkflowActionView


class SavedListingViewSet(SnippetViewSet):
    """Editors define a listing once and place it on any page with the saved-listing block."""

    model = SavedListing
    icon = "list-ul"
    menu_label = _("Saved listings")
    menu_order = 420
    add_to_admin_menu = True
    list_display = ["name", "kind", "body", "ordering", "limit"]
    list_filter = ["kind"]


class MembershipViewSet(SnippetViewSet):
    """Editors add a member's term and end it; the members' group follows the terms."""

    model = Membership
    icon = "group"
    menu_label = _("Memberships")
    list_display = ["person", "body", "role", "start_date", "end_date"]
    list_filter = ["role", "body", "end_date"]
    search_fields = ["person__name"]
    ordering = ["body__title", "person__name"]


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
