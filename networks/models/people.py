"""People, organisations and memberships: reused across bodies and pages."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .choices import MembershipRole


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """An employer, union or public body; named in each language."""

    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    url = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("url")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.short_name or self.name


class Person(TranslatableMixin, index.Indexed, models.Model):
    """A chair, contact person or member; the job title is translated, the name is not."""

    name = models.CharField(_("name"), max_length=255)
    job_title = models.CharField(_("job title"), max_length=255, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    email = models.EmailField(_("e-mail"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="persons",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("job_title"),
        FieldPanel("organisation"),
        FieldPanel("email"),
        FieldPanel("user"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    # A name stays the same in every language; only the job title is translated.
    override_translatable_fields = [SynchronizedField("name", overridable=False)]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def organisation_display(self):
        return self.organisation.localized if self.organisation else None


class MembershipQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(models.Q(start_date__isnull=True) | models.Q(start_date__lte=on)).filter(
            models.Q(end_date__isnull=True) | models.Q(end_date__gte=on)
        )


class Membership(models.Model):
    """A person's term in a body; members' access is derived from the current terms."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships"
    )
    body = models.ForeignKey(
        "networks.BodyPage",
        verbose_name=_("body"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(
        _("role"), max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    panels = [
        FieldPanel("person"),
        FieldPanel("body"),
        FieldPanel("role"),
        FieldPanel("start_date"),
        FieldPanel("end_date"),
    ]

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["body__title", "person__name"]

    def __str__(self):
        return f"{self.person} – {self.body} ({self.get_role_display()})"


class JoinRequest(models.Model):
    """A visitor's request to join a body; it is mailed to the body's contact person."""

    body = models.ForeignKey(
        "networks.BodyPage", verbose_name=_("body"), on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("name"), max_length=255)
    email = models.EmailField(_("e-mail"))
    organisation = models.CharField(_("organisation"), max_length=255)
    job_title = models.CharField(_("job title"), max_length=255, blank=True)
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    handled = models.BooleanField(_("handled"), default=False)

    class Meta:
        verbose_name = _("request to join")
        verbose_name_plural = _("requests to join")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} → {self.body}"
