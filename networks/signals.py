"""Keep each body's members' group in step with the current membership terms."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Membership


def sync_member_groups(person):
    """Give the person's user the groups of the bodies they currently belong to, no others."""
    user = person.user
    if user is None:
        return
    from .models import BodyPage

    managed = set(
        BodyPage.objects.exclude(members_group=None).values_list("members_group", flat=True)
    )
    current = set(
        Membership.objects.filter(person__user=user)
        .current()
        .exclude(body__members_group=None)
        .values_list("body__members_group", flat=True)
    )
    user.groups.remove(*(managed - current))
    user.groups.add(*current)


@receiver(post_save, sender=Membership)
@receiver(post_delete, sender=Membership)
def membership_changed(sender, instance, **kwargs):
    sync_member_groups(instance.person)
