"""Run daily (cron): terms that ended yesterday stop giving access to members' material."""

from django.core.management.base import BaseCommand

from networks.models import Person
from networks.signals import sync_member_groups


class Command(BaseCommand):
    help = "Bring every member's groups in line with their current membership terms."

    def handle(self, *args, **options):
        people = Person.objects.exclude(user=None)
        for person in people:
            sync_member_groups(person)
        self.stdout.write(f"Synchronised the groups of {people.count()} people.")
