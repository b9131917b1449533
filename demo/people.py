"""Organisations, people and topics named in the seed texts."""

from .text import t

ORGANISATIONS = {
    "kt": (
        t("Kunta- ja hyvinvointialuetyönantajat KT", "Kommun- och välfärdsområdesarbetsgivarna KT"),
        t("KT", "KT"),
    ),
    "kuntaliitto": (
        t("Suomen Kuntaliitto", "Finlands Kommunförbund"),
        t("Kuntaliitto", "Kommunförbundet"),
    ),
    "keva": (t("Keva", "Keva"), t("Keva", "Keva")),
    "avainta": (
        t("Avaintyönantajat Avainta ry", "Arbetsgivarförbundet Avainta rf"),
        t("Avainta", "Avainta"),
    ),
}

PEOPLE = {
    "anna-kukka": ("Anna Kukka", t("neuvottelujohtaja", "förhandlingsdirektör"), "kt"),
    "demo-hr": (
        "Helena Demo",
        t("henkilöstöjohtaja (demokäyttäjä)", "personaldirektör (demoanvändare)"),
        None,
    ),
    "demo-ts": (
        "Tuomas Demo",
        t("työsuojelupäällikkö (demokäyttäjä)", "arbetarskyddschef (demoanvändare)"),
        None,
    ),
}

TOPICS = [
    ("tyovakivalta", "Työväkivalta", "Våld i arbetet"),
    ("paihteet", "Päihteet työelämässä", "Rusmedel i arbetslivet"),
    ("tyoterveyshuolto", "Työterveyshuolto", "Företagshälsovård"),
    ("tyoaika", "Työaika", "Arbetstid"),
    ("biologiset-tekijat", "Biologiset tekijät", "Biologiska agenser"),
    ("tyohyvinvointi", "Työhyvinvointi", "Välbefinnande i arbetet"),
    ("korona", "Koronaepidemia", "Coronaepidemin"),
    ("henkilostojohtaminen", "Henkilöstöjohtaminen", "Personalledning"),
    ("rekrytointi", "Rekrytointi", "Rekrytering"),
    ("monimuotoisuus", "Monimuotoisuus", "Mångfald"),
    ("tyosuhde", "Työsuhdeasiat", "Anställningsfrågor"),
    ("vuosityoaika", "Vuosityöaika", "Årsarbetstid"),
    ("tyoelaman-kehittaminen", "Työelämän kehittäminen", "Utveckling av arbetslivet"),
]
