"""The demo's search synonyms: the abbreviations and everyday words people use for the site's
own terms (editors keep them in the admin, `search.Synonym`)."""

from search.models import Synonym

ONE_WAY, TWO_WAY = Synonym.Direction.ONE_WAY, Synonym.Direction.TWO_WAY

SYNONYMS = [
    ("fi", "TES", "työehtosopimus", ONE_WAY),
    ("fi", "VES", "virkaehtosopimus", ONE_WAY),
    ("fi", "HR", "henkilöstöjohtaminen, henkilöstöhallinto", ONE_WAY),
    ("fi", "työsuojelu", "työturvallisuus", TWO_WAY),
    ("fi", "työterveyshuolto", "työterveys", TWO_WAY),
    ("fi", "etäkokous", "verkkokokous, etätapaaminen, webinaari", TWO_WAY),
    ("sv", "KA", "kollektivavtal", ONE_WAY),
    ("sv", "HR", "personalledning, personalförvaltning", ONE_WAY),
    ("sv", "arbetarskydd", "arbetssäkerhet", TWO_WAY),
    ("sv", "distansmöte", "webbmöte, webbinarium", TWO_WAY),
]


def load_synonyms():
    """Create the demo synonyms; safe to run twice. Returns how many it created."""
    created = 0
    for language, word, synonyms, direction in SYNONYMS:
        _, new = Synonym.objects.get_or_create(
            language=language, word=word, defaults={"synonyms": synonyms, "direction": direction}
        )
        created += new
    return created
