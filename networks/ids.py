"""Ids read from addresses (`/liity/<id>/`, `/uutiskirje/<id>/tilaa/`): a number larger than
any table can hold is an object that does not exist, answered with the usual 404 (the database
itself would refuse the number with an error)."""

from django.http import Http404

# PostgreSQL's bigint and SQLite's INTEGER both end here.
MAX_ID = 2**63 - 1


def existing_id_or_404(value):
    if value > MAX_ID:
        raise Http404
    return value
