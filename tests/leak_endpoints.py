"""Every place a private title, text or count could leak through. Each new page type, listing
and feed adds its URLs here; the leak test fetches all of them as every kind of user."""

SEARCH_WORDS = [
    "Kaisaniemi",
    "Lokkiluoto",
    "jäsenluettelo",
    "muistiot",
    "pöytäkirja",
    "valmistelee",
]
SWEDISH_SEARCH_WORDS = ["medlemsmaterial", "protokoll", "expertrådet", "bereder"]

ENDPOINTS = [
    "/",
    "/sv/",
    "/tarkeissa-toissa/",
    "/verkostot/",
    "/sv/natverk/",
    "/verkostot/hr-verkosto/",
    "/sv/natverk/hr-natverket/",
    "/verkostot/hr-verkosto/asiantuntijaraati/",
    "/verkostot/hr-verkosto/asiantuntijaraati/asiantuntijaraati-2020-12/",
    "/sv/natverk/hr-natverket/expertradet/expertradets-distansmote/",
    # Decision registers and meeting sign-up (GET redirects back to the meeting).
    "/verkostot/hr-verkosto/paatokset/",
    "/verkostot/hr-verkosto/asiantuntijaraati/paatokset/",
    "/verkostot/hr-verkosto/asiantuntijaraati/paatokset/?q=tietopankki",
    "/verkostot/hr-verkosto/asiantuntijaraati/paatokset/?year=2020",
    "/sv/natverk/hr-natverket/expertradet/beslut/",
    "/sv/natverk/hr-natverket/expertradet/beslut/?q=kunskapsbank",
    "/verkostot/hr-verkosto/asiantuntijaraati/asiantuntijaraati-2020-12/ilmoittautuminen/",
    "/sv/natverk/hr-natverket/expertradet/expertradets-distansmote/anmalan/",
    "/verkostot/hr-verkosto/tyooikeudellinen-tietopankki/",
    "/verkostot/hr-verkosto/hr-info/",
    "/verkostot/tyosuojelupaallikoiden-verkosto/",
    "/sv/natverk/natverket-for-arbetarskyddschefer/",
    "/verkostot/tyosuojelupaallikoiden-verkosto/tyosuojelun-tietopankki/",
    "/verkostot/tyosuojelupaallikoiden-verkosto/kt-tiedottaa-tyosuojelupaallikoille/",
    "/omat-verkostot/",
    "/sv/mina-natverk/",
    # Public feeds (as a visitor, whoever asks), newsletter subscription pages with links that
    # are not valid, and the members' alert settings.
    "/syotteet/kokoukset.ics",
    "/sv/floden/moten.ics",
    "/syotteet/verkostot/hr-verkosto/uutiset.xml",
    "/syotteet/verkostot/hr-verkosto/kokoukset.ics",
    "/syotteet/verkostot/hr-verkosto/asiantuntijaraati/uutiset.xml",
    "/syotteet/verkostot/hr-verkosto/asiantuntijaraati/kokoukset.ics",
    "/sv/floden/natverk/hr-natverket/nyheter.xml",
    "/sv/floden/natverk/hr-natverket/expertradet/nyheter.xml",
    "/syotteet/verkostot/tyosuojelupaallikoiden-verkosto/uutiset.xml",
    "/syotteet/verkostot/tyosuojelupaallikoiden-verkosto/kokoukset.ics",
    "/sv/floden/natverk/natverket-for-arbetarskyddschefer/nyheter.xml",
    "/uutiskirje/vahvista/ei-kelpaa/",
    "/sv/nyhetsbrev/bekrafta/ei-kelpaa/",
    "/uutiskirje/peru/ei-kelpaa/",
    "/ilmoitukset/lopeta/ei-kelpaa/",
    "/omat-verkostot/ilmoitukset/",
    "/sv/mina-natverk/aviseringar/",
    "/sitemap.xml",
    "/api/v2/pages/?limit=100",
    "/api/v2/pages/?limit=100&locale=sv",
    "/api/v2/pages/?type=networks.MinutesPage&fields=*",
    "/api/v2/pages/?type=networks.FolderPage&fields=*&limit=100",
    "/api/v2/documents/?limit=100",
    # Saved listings ("Kaikki pöytäkirjat 2020" on the home pages above, violence at work on
    # the knowledge banks) and folders filtered and sorted by type, year and topic.
    "/sv/natverk/natverket-for-arbetarskyddschefer/kunskapsbanken-for-arbetarskydd/",
    "/verkostot/tyosuojelupaallikoiden-verkosto/tyosuojelun-tietopankki/?topic=tyovakivalta",
    "/verkostot/tyosuojelupaallikoiden-verkosto/jasenaineisto/?type=minutes&year=2020&sort=year",
    "/verkostot/hr-verkosto/jasenaineisto/?type=member_list&sort=date",
    "/sv/natverk/hr-natverket/medlemsmaterial/?sort=type",
    # Editors' tools: the login page for anyone without admin access.
    "/admin/materials/",
    "/admin/materials/?folder=1&material_type=member_list",
    "/admin/materials/bulk-upload/",
    "/admin/reports/review-due/",
    "/admin/snippets/networks/savedlisting/",
    *[f"/haku/?q={word}" for word in SEARCH_WORDS],
    *[f"/haku/?q={word}&languages=all" for word in SEARCH_WORDS],
    *[f"/sv/sok/?q={word}" for word in SWEDISH_SEARCH_WORDS],
]

# What only the members of each network (and editors) may see, in both languages.
SECRETS = {
    "hr": [
        "HR-verkoston jäsenluettelo 2020",
        "Salasanaverkko",
        "HR-verkoston jäsenaineisto",
        "HR-nätverkets medlemsmaterial",
        "Pöytäkirja: asiantuntijaraati joulukuu 2020",
        "Protokoll: expertrådet december 2020",
        "KT valmistelee HR-verkostolle",
    ],
    "tyosuojelu": [
        "Verkkotapaamisten muistiot 2020",
        "Tunnussana",
        "Työsuojelupäälliköiden jäsenaineisto",
        "Arbetarskyddschefernas medlemsmaterial",
    ],
}
