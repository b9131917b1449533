"""API representations of snippets, shown in the reader's language."""

from rest_framework import serializers


class OrganisationSerializer(serializers.Field):
    def to_representation(self, organisation):
        if organisation is None:
            return None
        organisation = organisation.localized
        return {
            "id": organisation.id,
            "name": organisation.name,
            "short_name": organisation.short_name,
        }


class PersonSerializer(serializers.Field):
    def to_representation(self, person):
        if person is None:
            return None
        person = person.localized
        return {
            "name": person.name,
            "job_title": person.job_title,
            "organisation": OrganisationSerializer().to_representation(person.organisation),
        }
