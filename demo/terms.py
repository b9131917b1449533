"""The demo glossary: KT's domain terms in Finnish and the Swedish that translators use."""

from terminology.models import Term

TERMS = [
    ("työsuojelupäällikkö", "arbetarskyddschef", "arbetsskyddschef", ""),
    ("hyvinvointialue", "välfärdsområde", "välfärdsregion\nvälmåendeområde", ""),
    (
        "kehittämisjaos",
        "utvecklingssektion",
        "utvecklingsdelegation",
        "Tekryn kaksi jaosta: kunta-alan ja hyvinvointialueiden kehittämisjaos.",
    ),
    ("työnantaja", "arbetsgivare", "", ""),
    ("pöytäkirja", "protokoll", "mötesanteckningar", "Hyväksytty pöytäkirja; muistio on eri asia."),
    ("verkosto", "nätverk", "", ""),
    ("jäsen", "medlem", "", ""),
]


def load_terms():
    """Create the demo terms (who may keep and read them: `home.roles`); safe to run twice.
    Returns how many terms it created."""
    created = 0
    for finnish, swedish, avoid, note in TERMS:
        _, new = Term.objects.get_or_create(
            finnish=finnish, defaults={"swedish": swedish, "avoid": avoid, "note": note}
        )
        created += new
    return created
