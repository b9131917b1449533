"""The seed texts as structured content: the programme, its bodies, meetings and materials.

Every figure, date, place, chair and frequency in KT's own texts lives in a field here."""

import datetime

from networks.models.choices import (
    BodyKind,
    Frequency,
    MaterialType,
)

from .text import items, paragraphs, t

D = datetime.date

HOME = {
    "title": t(
        "Tärkeissä töissä – työelämän kehittäminen", "Tärkeissä töissä – utveckling av arbetslivet"
    ),
    "intro": t(
        "KT:n ja pääsopijajärjestöjen yhteisen työelämän kehittämisen, KT:n työnantajaverkostojen "
        "ja niiden kokousten sekä materiaalien asiakirja-arkisto.",
        "Dokumentarkiv för det gemensamma arbetslivsutvecklingsarbetet mellan KT och "
        "huvudavtalsorganisationerna, för KT:s arbetsgivarnätverk och för deras möten och material.",
    ),
}

PROGRAMME = {
    "slug": "tarkeissa-toissa",
    "sv_slug": "tarkeissa-toissa",
    "title": t("Tärkeissä töissä", "Tärkeissä töissä – viktigt arbete"),
    "started_year": 2023,
    "intro": t(
        "Vuoden 2023 alusta valtakunnallinen työelämän kehittäminen Kunta- ja "
        "hyvinvointialuetyönantajat KT:n ja pääsopijajärjestöjen kesken koskee kunta-alan lisäksi "
        "myös hyvinvointialueita. Työelämän kehittämisen kokonaisuus on nyt nimeltään Tärkeissä töissä.",
        "Från och med början av 2023 omfattar den nationella utvecklingen av arbetslivet mellan "
        "Kommun- och välfärdsområdesarbetsgivarna KT och huvudavtalsorganisationerna utöver "
        "kommunsektorn även välfärdsområdena. Helheten för utveckling av arbetslivet heter nu "
        "Tärkeissä töissä.",
    ),
    "goals": items(
        t(
            "Edistää yhteistoiminnallisella työelämän kehittämisellä tuloksellisuutta ja työelämän laatua.",
            "Främja resultat och arbetslivskvalitet genom samverkansbaserad utveckling av arbetslivet.",
        ),
        t(
            "Vahvistaa työelämän kehittämisen voimavaroja, pitkäjänteisyyttä ja suunnitelmallisuutta.",
            "Stärka resurserna, långsiktigheten och planmässigheten i utvecklingen av arbetslivet.",
        ),
        t(
            "Vahvistaa työmarkkinaosapuolten kykyä pitkäjänteiseen yhteistyöhön eri sidosryhmien "
            "kanssa ja valmiuksia koordinoida yhteisiä työelämän kehittämisen hankkeita.",
            "Stärka arbetsmarknadsparternas förmåga till långsiktigt samarbete med olika "
            "intressentgrupper och beredskapen att samordna gemensamma utvecklingsprojekt.",
        ),
        t(
            "Tukea toimintatapojen uudistamista ja yhdessä kehittämistä kunta- ja "
            "hyvinvointialuetyöpaikoilla.",
            "Stödja förnyelsen av arbetssätt och gemensam utveckling på arbetsplatserna inom "
            "kommunerna och välfärdsområdena.",
        ),
        t(
            "Tehdä näkyväksi hyvää julkista työtä ja sen kehittämistä, ja tällä tavoin lisätä kunta- "
            "ja hyvinvointialojen vetovoimaisuutta sekä parantaa niiden työnantajamielikuvaa ja "
            "työntekijäkokemusta.",
            "Synliggöra gott offentligt arbete och utvecklingen av det och på så sätt öka "
            "kommun- och välfärdssektorernas attraktionskraft samt förbättra deras "
            "arbetsgivarimage och medarbetarupplevelse.",
        ),
    ),
    "history": [
        (
            "period",
            {
                "name": t("Kunteko 2020", "Kunteko 2020"),
                "start_year": 2015,
                "end_year": 2020,
                "funded_by": "",
                "description": t(
                    "Kunta- ja maakunta-alan työelämän kehittämisohjelma, jota toteutettiin KT:n ja "
                    "kunta-alan pääsopijajärjestöjen yhteistyönä.",
                    "Utvecklingsprogrammet för arbetslivet inom kommun- och landskapssektorn, som "
                    "genomfördes i samarbete mellan KT och kommunsektorns huvudavtalsorganisationer.",
                ),
                "commitments": [],
            },
        ),
        (
            "period",
            {
                "name": t("Kuntatyö2030", "Kuntatyö2030"),
                "start_year": 2021,
                "end_year": 2022,
                "funded_by": t("TYÖ2030-ohjelma", "programmet TYÖ2030"),
                "description": t(
                    "Toimialaohjelma, jonka toteuttamiseen saatiin rahoitusta TYÖ2030-ohjelmasta.",
                    "Branschprogram som fick finansiering från programmet TYÖ2030.",
                ),
                "commitments": [],
            },
        ),
        (
            "period",
            {
                "name": t(
                    "Sopimus valtakunnallisesta työelämän kehittämisestä",
                    "Avtal om nationell utveckling av arbetslivet",
                ),
                "start_year": 2022,
                "end_year": None,
                "funded_by": t(
                    "KT ja pääsopijajärjestöt yhdessä",
                    "KT och huvudavtalsorganisationerna gemensamt",
                ),
                "description": t(
                    "Osapuolet solmivat vuonna 2022 sopimuksen valtakunnallisesta työelämän "
                    "kehittämisestä. Sopimuksessa osapuolet sitoutuvat:",
                    "Parterna ingick 2022 ett avtal om nationell utveckling av arbetslivet. I avtalet "
                    "förbinder sig parterna att:",
                ),
                "commitments": [
                    t(
                        "Yhdessä rahoittamaan työelämän kehittämisen perustoimintaa ja siihen kuuluvia "
                        "yhteisiä toimenpiteitä. Osana perustoimintaa perustetaan työelämän "
                        "kehittämisen palvelutiimi.",
                        "Gemensamt finansiera basverksamheten för utveckling av arbetslivet och de "
                        "gemensamma åtgärder som hör till den. Som en del av basverksamheten inrättas "
                        "ett serviceteam för utveckling av arbetslivet.",
                    ),
                    t(
                        "Edistämään työelämän kehittämisen hankkeiden ja toimenpiteiden käynnistämistä "
                        "ja toteutusta sekä niiden tulosten levittämistä omassa viestinnässään ja "
                        "koulutustoiminnassaan.",
                        "Främja att projekt och åtgärder för utveckling av arbetslivet inleds och "
                        "genomförs samt sprida resultaten i sin egen kommunikation och "
                        "utbildningsverksamhet.",
                    ),
                    t(
                        "Perustamaan Tekryn toiminnan tueksi kunta-alan kehittämisjaoksen ja "
                        "hyvinvointialueiden kehittämisjaoksen.",
                        "Inrätta en utvecklingssektion för kommunsektorn och en för välfärdsområdena "
                        "som stöd för Tekrys verksamhet.",
                    ),
                ],
            },
        ),
        (
            "period",
            {
                "name": t("Tärkeissä töissä", "Tärkeissä töissä"),
                "start_year": 2023,
                "end_year": None,
                "funded_by": "",
                "description": t(
                    "Kokonaisuus on jatkoa Kunteko 2020 -ohjelmalle ja koskee kunta-alan lisäksi "
                    "hyvinvointialueita.",
                    "Helheten är en fortsättning på programmet Kunteko 2020 och omfattar utöver "
                    "kommunsektorn även välfärdsområdena.",
                ),
                "commitments": [],
            },
        ),
    ],
    "logos": [
        ("tarkeissa-toissa", t("Tärkeissä töissä -logo", "Logotypen för Tärkeissä töissä")),
        ("eu-lippu", t("EU-lippu", "EU-flaggan")),
        ("vipuvoimaa", t("Vipuvoimaa EU:lta -tunnus", "Symbolen Hävstångseffekt från EU")),
        ("kunteko2020", t("Kunteko2020-tunnus", "Symbolen för Kunteko2020")),
    ],
}

DEVELOPMENT_SECTION_TASKS = items(
    t(
        "Nostaa esille työpaikoilla havaittuja kehittämistarpeita",
        "Lyfta fram utvecklingsbehov som har observerats på arbetsplatserna",
    ),
    t("Tehdä niihin liittyviä kehittämisaloitteita", "Ta utvecklingsinitiativ som gäller dem"),
    t(
        "Toimia asiantuntijoina toimialojensa työelämän kehittämisen hankkeiden valmistelussa",
        "Fungera som experter vid beredningen av projekt för utveckling av arbetslivet inom sin sektor",
    ),
    t(
        "Mahdollisuus osallistua yhteishankkeiden toteutukseen",
        "Möjlighet att delta i genomförandet av gemensamma projekt",
    ),
    t(
        "Edistää osaltaan toimintatapojen uudistamista ja yhteistoiminnallista kehittämistä omassa organisaatiossaan",
        "För sin del främja förnyelsen av arbetssätt och samverkansbaserad utveckling i den egna organisationen",
    ),
    t(
        "Edistää hyvän julkisen työn ja kehittämistyön näkyväksi tekemistä",
        "Främja att gott offentligt arbete och utvecklingsarbete synliggörs",
    ),
    t(
        "Parantaa alojen vetovoimaisuutta, työnantajamielikuvaa ja työntekijäkokemusta",
        "Förbättra sektorernas attraktionskraft, arbetsgivarimage och medarbetarupplevelse",
    ),
)

SECTION_SUMMARY = t(
    "Jaoksissa ovat jäseninä työnantajien ja työntekijöiden edustajat eri puolilta Suomea sekä "
    "Työelämän kehittämisryhmä Tekryn asiantuntijat.",
    "I sektionerna sitter företrädare för arbetsgivare och arbetstagare från olika delar av "
    "Finland samt experter från arbetslivsutvecklingsgruppen Tekry.",
)


def member_list(title_fi, title_sv, section_fi, section_sv):
    return {
        "title": t(title_fi, title_sv),
        "filename": "jasenet.pdf",
        "material_type": MaterialType.MEMBER_LIST,
        "year": 2023,
        "topics": ["tyoelaman-kehittaminen"],
        "texts": [
            f"{section_fi}: jäsenet kunnista ja hyvinvointialueilta sekä Tekryn asiantuntijat.",
            "Jaos kokoontuu 3-4 kertaa keväisin ja syksyisin.",
        ],
        "description": f"Jäsenluettelo: {section_fi}, työnantajien ja työntekijöiden edustajat.",
    }


PROGRAMME_BODIES = [
    {
        "slug": "tekry",
        "sv_slug": "tekry",
        "title": t("Työelämän kehittämisryhmä Tekry", "Arbetslivsutvecklingsgruppen Tekry"),
        "kind": BodyKind.COORDINATING_GROUP,
        "summary": t(
            "KT:n ja kunta-alan pääsopijajärjestöjen yhteinen työelämän kehittämisryhmä Tekry "
            "koordinoi ja ohjaa valtakunnallista työelämän uudistamista kunta-alalla ja "
            "hyvinvointialueilla pääneuvotteluryhmän alaisuudessa.",
            "Arbetslivsutvecklingsgruppen Tekry, som är gemensam för KT och kommunsektorns "
            "huvudavtalsorganisationer, samordnar och styr den nationella förnyelsen av arbetslivet "
            "inom kommunsektorn och välfärdsområdena under huvudförhandlingsgruppen.",
        ),
        "reports_to": t("Pääneuvotteluryhmä", "Huvudförhandlingsgruppen"),
        "chair": "anna-kukka",
        "who_may_join": t(
            "Tekryssä on jäseniä KT:sta ja kaikista pääsopijajärjestöistä.",
            "Tekry har medlemmar från KT och från alla huvudavtalsorganisationer.",
        ),
        "open_to_join": False,
        "meeting_frequency": Frequency.MONTHLY,
        "tasks": items(
            t(
                "Koordinoida valtakunnallista työelämän kehittämistä",
                "Samordna den nationella utvecklingen av arbetslivet",
            ),
            t("Ohjata kehittämisjaosten työtä", "Styra utvecklingssektionernas arbete"),
        ),
    },
    {
        "slug": "kunta-alan-kehittamisjaos",
        "sv_slug": "kommunsektorns-utvecklingssektion",
        "title": t("Kunta-alan kehittämisjaos", "Kommunsektorns utvecklingssektion"),
        "kind": BodyKind.DEVELOPMENT_SECTION,
        "summary": SECTION_SUMMARY,
        "tasks": DEVELOPMENT_SECTION_TASKS,
        "meeting_frequency": Frequency.SPRING_AND_AUTUMN,
        "established_year": 2022,
        "folders": [
            {
                "slug": "jasenet",
                "title": t(
                    "Kunta-alan kehittämisjaoksen jäsenet",
                    "Medlemmar i kommunsektorns utvecklingssektion",
                ),
                "materials": [
                    member_list(
                        "Kunta-alan kehittämisjaoksen jäsenet",
                        "Medlemmar i kommunsektorns utvecklingssektion",
                        "Kunta-alan kehittämisjaos",
                        "kommunsektorns utvecklingssektion",
                    )
                ],
            }
        ],
    },
    {
        "slug": "hyvinvointialueiden-kehittamisjaos",
        "sv_slug": "valfardsomradenas-utvecklingssektion",
        "title": t("Hyvinvointialueiden kehittämisjaos", "Välfärdsområdenas utvecklingssektion"),
        "kind": BodyKind.DEVELOPMENT_SECTION,
        "summary": SECTION_SUMMARY,
        "tasks": DEVELOPMENT_SECTION_TASKS,
        "meeting_frequency": Frequency.SPRING_AND_AUTUMN,
        "established_year": 2022,
        "folders": [
            {
                "slug": "jasenet",
                "title": t(
                    "Hyvinvointialojen kehittämisjaoksen jäsenet",
                    "Medlemmar i välfärdsområdenas utvecklingssektion",
                ),
                "materials": [
                    member_list(
                        "Hyvinvointialojen kehittämisjaoksen jäsenet",
                        "Medlemmar i välfärdsområdenas utvecklingssektion",
                        "Hyvinvointialueiden kehittämisjaos",
                        "välfärdsområdenas utvecklingssektion",
                    )
                ],
            }
        ],
    },
]

ACCESSIBILITY = {
    "slug": "saavutettavuusseloste",
    "sv_slug": "tillganglighetsutlatande",
    "title": t("Saavutettavuusseloste", "Tillgänglighetsutlåtande"),
    "body": paragraphs(
        t(
            "Tämä saavutettavuusseloste koskee Tärkeissä töissä -asiakirja-arkistoa. Palvelua "
            "koskee laki digitaalisten palvelujen tarjoamisesta (306/2019).",
            "Detta tillgänglighetsutlåtande gäller dokumentarkivet Tärkeissä töissä. Tjänsten "
            "omfattas av lagen om tillhandahållande av digitala tjänster (306/2019).",
        ),
        t(
            "Saavutettavuus on arvioitu automaattisilla axe-tarkistuksilla jokaisella sivutyypillä "
            "suomeksi ja ruotsiksi sekä käyttämällä sivustoa pelkällä näppäimistöllä.",
            "Tillgängligheten har bedömts med automatiska axe-kontroller på varje sidtyp på finska "
            "och svenska samt genom att använda webbplatsen enbart med tangentbordet.",
        ),
    ),
    "known_issues": paragraphs(
        t(
            "Osa vanhoista PDF-liitteistä ei ole täysin saavutettavia. Saat ne pyynnöstä saavutettavassa muodossa.",
            "En del äldre PDF-bilagor är inte helt tillgängliga. Du får dem i tillgängligt format på begäran.",
        )
    ),
    "supervisor": paragraphs(
        t(
            "Jos et ole tyytyväinen saamaasi vastaukseen, voit tehdä ilmoituksen Etelä-Suomen "
            "aluehallintovirastoon. Saavutettavuusvalvonnan verkkosivuilla kerrotaan, miten ilmoituksen voi tehdä.",
            "Om du inte är nöjd med svaret kan du göra en anmälan till Regionförvaltningsverket i "
            "Södra Finland. På webbplatsen för tillgänglighetstillsynen berättas hur du gör en anmälan.",
        )
    ),
    "feedback_email": "saavutettavuus@example.fi",
}

PRIVACY = {
    "slug": "tietosuojaseloste",
    "sv_slug": "dataskyddsbeskrivning",
    "title": t("Tietosuojaseloste", "Dataskyddsbeskrivning"),
    "intro": t(
        "Tässä selosteessa kerrotaan, mitä henkilötietoja Tärkeissä töissä -palvelu käsittelee ja miksi.",
        "I denna beskrivning berättas vilka personuppgifter tjänsten Tärkeissä töissä behandlar och varför.",
    ),
    "body": paragraphs(
        t(
            "Rekisterinpitäjä on Kunta- ja hyvinvointialuetyönantajat KT.",
            "Personuppgiftsansvarig är Kommun- och välfärdsområdesarbetsgivarna KT.",
        ),
        t(
            "Tallennamme verkostojen jäsenistä nimen, tehtävänimikkeen, organisaation, "
            "sähköpostiosoitteen, jäsenyydet alkamis- ja päättymispäivineen sekä käyttäjätunnuksen "
            "ja viimeisimmän kirjautumisajan.",
            "Om nätverkens medlemmar lagrar vi namn, titel, organisation, e-postadress, "
            "medlemskap med start- och slutdatum samt användarnamn och tidpunkten för den senaste inloggningen.",
        ),
        t(
            "Tietoja käytetään verkostojen jäsenaineiston käyttöoikeuksien hallintaan ja "
            "kokousviestintään. Tiedot poistetaan, kun jäsenyys päättyy ja käyttäjä pyytää poistoa.",
            "Uppgifterna används för att hantera åtkomsten till nätverkens medlemsmaterial och för "
            "kommunikation om möten. Uppgifterna raderas när medlemskapet upphör och användaren begär radering.",
        ),
    ),
}

PLANNED_AGENDA = items(
    t("Kokouksen avaus", "Mötets öppnande"),
    t(
        "Edellisen kokouksen pöytäkirjan hyväksyminen",
        "Godkännande av protokollet från föregående möte",
    ),
    t("Ajankohtaiset asiat", "Aktuella frågor"),
    t("Seuraava kokous", "Nästa möte"),
)
