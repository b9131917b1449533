"""The networks' buttons on Wagtail's own screens: beside a folder (its materials, the bulk
upload into it), on a meeting or a body page (the next meeting, registrations, a new meeting)
and on a person in the people listing (their personal data). `networks.wagtail_hooks` puts
them in place."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.widgets import Button, ListingButton
from wagtail.models import Locale, Page
from wagtail.permissions import policy_registry

from .admin_views.minutes import minutes_to_approve
from .models import BaseFolderPage, BodyPage, Material, MeetingPage, Person


def folder_buttons(page, user):
    """Beside a folder in the page explorer: its materials and the bulk upload into it."""
    policy = policy_registry.get_by_type(Material)
    if not issubclass(page.specific_class or Page, BaseFolderPage):
        return
    if not policy.user_has_any_permission(user, ["add", "change"]):
        return
    folder = page.get_translation_or_none(Locale.get_default()) or page
    yield ListingButton(
        _("Materials"), reverse("networks_materials:index") + f"?folder={folder.pk}", priority=30
    )
    if policy.user_has_permission(user, "add"):
        yield ListingButton(
            _("Upload many files"),
            reverse("networks_materials:bulk_upload") + f"?folder={folder.pk}",
            priority=31,
        )


def meeting_buttons(page, user):
    """On a meeting: create the next one, see who signed up; on a body: add a meeting."""
    if isinstance(page, MeetingPage):
        body = page.get_parent()
        if body.permissions_for_user(user).can_add_subpage():
            yield Button(
                _("Create the next meeting"),
                reverse("networks_meetings:next", args=[page.pk]),
                icon_name="date",
                priority=16,
            )
        if page.permissions_for_user(user).can_edit():
            yield Button(
                _("Registrations"),
                reverse("networks_meetings:registrations", args=[page.pk]),
                icon_name="group",
                priority=17,
            )
    elif isinstance(page, BodyPage) and page.permissions_for_user(user).can_add_subpage():
        yield Button(
            _("Add a meeting"),
            reverse("wagtailadmin_pages:add", args=["networks", "meetingpage", page.pk]),
            icon_name="date",
            priority=16,
        )


def approve_minutes_buttons(page, user):
    """On a meeting's own page (not in listings, where it would be asked for every row):
    approve the previous minutes at it, when there are minutes to approve."""
    if isinstance(page, MeetingPage) and any(
        minutes.permissions_for_user(user).can_edit()
        for minutes, _meeting in minutes_to_approve(page)
    ):
        yield Button(
            _("Approve the previous minutes"),
            reverse("networks_meetings:approve_minutes", args=[page.pk]),
            icon_name="tick",
            priority=15,
        )


def personal_data_buttons(snippet, user):
    """Beside a person: the data the site keeps about them, for those who may delete people."""
    if isinstance(snippet, Person) and user.has_perm("networks.delete_person"):
        yield ListingButton(
            _("Personal data"), reverse("networks_personal_data", args=[snippet.pk]), priority=50
        )
