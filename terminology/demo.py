"""The demo glossary: KT's domain terms in Finnish and the Swedish that translators use."""

from django.contrib.auth.models import Group, Permission

from .models import Term

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

# Editors keep the glossary; translators read it in the admin.
GROUP_PERMISSIONS = {
    "Editors": ["add_term", "change_term", "delete_term", "view_term"],
    "Moderators": ["add_term", "change_term", "delete_term", "view_term"],
    "Kääntäjät": ["view_term"],
}


def load_terms():
    """Create the demo terms and permissions; safe to run twice. Returns how many terms it
    created."""
    created = 0
    for finnish, swedish, avoid, note in TERMS:
        _, new = Term.objects.get_or_create(
            finnish=finnish, defaults={"swedish": swedish, "avoid": avoid, "note": note}
        )
        created += new
    for group in Group.objects.filter(name__in=GROUP_PERMISSIONS):
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="terminology", codename__in=GROUP_PERMISSIONS[group.name]
            )
        )
    return created
