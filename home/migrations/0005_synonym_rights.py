"""Editors and publishers keep the search synonyms (`home.roles`, `search.Synonym`)."""

from django.db import migrations

from home.roles import EDITORS, PUBLISHERS, give_rights


def take_synonym_rights_back(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    rights = Permission.objects.filter(content_type__app_label="search", content_type__model="synonym")
    for group in Group.objects.filter(name__in=[EDITORS, PUBLISHERS]):
        group.permissions.remove(*rights)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_roles"),
        ("search", "0002_synonym"),
    ]

    operations = [migrations.RunPython(give_rights, take_synonym_rights_back)]
