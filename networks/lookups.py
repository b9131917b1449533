"""Values read from addresses and query strings, checked before they reach the database.

A number larger than any table can hold (`/liity/<id>/`, `/uutiskirje/<id>/tilaa/`) or a text
with a NUL byte (a feed's token or path, a filter's value) is something that does not exist:
answered with the usual 404, or left out of a filter, where the database itself would refuse
the value with an error (PostgreSQL refuses NUL in any text; both databases refuse numbers
past 64 bits)."""

from django.http import Http404

# PostgreSQL's bigint and SQLite's INTEGER both end here.
MAX_ID = 2**63 - 1


def existing_id_or_404(value):
    if value > MAX_ID:
        raise Http404
    return value


def storable(text):
    """Whether the database can compare `text` at all."""
    return "\x00" not in text


def text_or_404(text):
    if not storable(text):
        raise Http404
    return text
