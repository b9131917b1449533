"""KT's employer networks as the 2020 annual report describes them."""

import datetime

from networks.models.choices import (
    BodyKind,
    DatePrecision,
    Frequency,
    MaterialType,
    MeetingFormat,
    MeetingStatus,
    MeetingType,
    MinutesStatus,
    Qualifier,
    Season,
    Trend,
)

from .text import items, paragraphs, t

D = datetime.date

INDEX = {
    "slug": "verkostot",
    "sv_slug": "natverk",
    "title": t("KT:n työnantajaverkostot", "KT:s arbetsgivarnätverk"),
    "intro": paragraphs(
        t(
            "KT toimii monissa verkostoissa, mutta myös ylläpitää omia verkostoja. Usealla "
            "verkostolla on kuukausittain aktiivista viestintää ja vuorovaikutusta, kun taas osa "
            "tapaa muutaman kerran vuodessa vaihtaen kuulumisia.",
            "KT verkar i många nätverk men upprätthåller också egna nätverk. Flera nätverk har "
            "aktiv kommunikation och växelverkan varje månad, medan en del träffas några gånger "
            "om året för att utbyta nyheter.",
        )
    ),
}

# The raati's agenda for its meetings from 2026 on: minutes start from it (`networks.minutes_admin`).
RAATI_AGENDA = items(
    t("Kokouksen avaus", "Mötets öppnande"),
    t("Työoikeudellisen tietopankin käyttöönotto", "Införandet av kunskapsbanken för arbetsrätt"),
    t("Seuraava kokous", "Nästa möte"),
)

HR_NETWORK = {
    "slug": "hr-verkosto",
    "sv_slug": "hr-natverket",
    "title": t("HR-verkosto", "HR-nätverket"),
    "kind": BodyKind.NETWORK,
    "members_group": "HR-verkosto – jäsenet",
    "summary": t(
        "HR-verkosto kokoaa yhteen kunta-alan henkilöstötyötä tekevät työnantajan edustajat. "
        "Verkoston tavoitteena on kehittää strategista henkilöstöjohtamista, jakaa hyviä käytäntöjä "
        "ja tukea muutosjohtamista uudistuksissa.",
        "HR-nätverket samlar arbetsgivarens företrädare som arbetar med personalfrågor inom "
        "kommunsektorn. Nätverkets mål är att utveckla strategisk personalledning, dela goda "
        "praxis och stödja förändringsledning i reformer.",
    ),
    "body": paragraphs(
        t(
            "HR-verkoston toimintamalliin kuuluvat verkostotapaamiset, joita järjestetään ympäri "
            "vuoden. Verkostotapaamisissa opitaan ja uudistutaan.",
            "Till HR-nätverkets verksamhetsmodell hör nätverksträffar som ordnas året runt. På "
            "nätverksträffarna lär man sig och förnyar sig.",
        ),
        t(
            "Verkostossa on mukana henkilöstöjohtamisen asiantuntijoita erilaisilla "
            "tehtävänimekkeillä, esimerkiksi henkilöstöjohtajia, henkilöstöpäälliköitä, "
            "henkilöstöasiantuntijoita, hallintojohtajia, palvelussuhdepäälliköitä, rekrytoinnista "
            "vastaavia asiantuntijoita, suunnittelijoita, kunnansihteereitä ja kehitysjohtajia.",
            "I nätverket deltar experter på personalledning med olika titlar, till exempel "
            "personaldirektörer, personalchefer, personalexperter, förvaltningsdirektörer, chefer "
            "för anställningsfrågor, experter med ansvar för rekrytering, planerare, "
            "kommunsekreterare och utvecklingsdirektörer.",
        ),
        t(
            "Tapahtumista ja toiminnasta viestitään ensisijaisesti verkoston HR-infojakelulla. "
            "Koronan aluksi HR-infoviesteissä tuotiin esille kuntien hyviä käytäntöjä ja vinkkejä, "
            "joita HR-verkoston jäsenet olivat tuottaneet esihenkilöiden ja työyhteisöjen tueksi "
            "nopealla aikataululla.",
            "Om evenemang och verksamhet informeras i första hand genom nätverkets HR-info. I "
            "början av coronaepidemin lyfte HR-info fram kommunernas goda praxis och tips som "
            "medlemmarna i HR-nätverket snabbt hade tagit fram som stöd för chefer och "
            "arbetsgemenskaper.",
        ),
    ),
    "who_may_join": t(
        "HR-verkostoon ovat tervetulleita kaikki kuntien, kuntayhtymien tai -konsernien "
        "henkilöstöjohtamisesta tai henkilöstöasioista vastaavat johtajat, asiantuntijat ja "
        "kehittäjät. Yhteistä kaikille verkoston jäsenille on, että he edustavat työnantajaa.",
        "Alla direktörer, experter och utvecklare som ansvarar för personalledning eller "
        "personalfrågor i kommuner, samkommuner eller kommunkoncerner är välkomna till "
        "HR-nätverket. Gemensamt för alla medlemmar är att de företräder arbetsgivaren.",
    ),
    "member_count": 360,
    "member_count_qualifier": Qualifier.ABOUT,
    "member_trend": Trend.SHRINKING,
    "organisation_count": 166,
    "organisation_count_qualifier": Qualifier.EXACTLY,
    "counted_year": 2020,
    "meeting_frequency": Frequency.YEAR_ROUND,
    "tasks": items(
        t("Kehittää strategista henkilöstöjohtamista", "Utveckla strategisk personalledning"),
        t("Jakaa hyviä käytäntöjä", "Dela goda praxis"),
        t("Tukea muutosjohtamista uudistuksissa", "Stödja förändringsledning i reformer"),
    ),
    "milestones": [
        (
            D(2020, 3, 12),
            DatePrecision.DAY,
            "",
            t(
                "HR-verkosto siirtyi täysin etäaikaan.",
                "HR-nätverket övergick helt till distansarbete.",
            ),
        ),
    ],
    "meetings": [
        {
            "slug": "ideatyopaja-2020-02",
            "title": t("Ideatyöpaja: HR-työn tuottavuus", "Idéverkstad: HR-arbetets produktivitet"),
            "meeting_type": MeetingType.WORKSHOP,
            "date": D(2020, 2, 1),
            "date_precision": DatePrecision.MONTH,
            "format": MeetingFormat.IN_PERSON,
            "status": MeetingStatus.HELD,
            "themes": items(
                t("HR-työn tuottavuus", "HR-arbetets produktivitet"),
                t("Tuloksellisuus", "Resultat"),
                t("Työelämän laatu", "Arbetslivets kvalitet"),
            ),
        },
        {
            "slug": "tiedolla-johtaminen-2020-04",
            "title": t("Tiedolla johtamisen tapahtuma", "Evenemang om kunskapsbaserad ledning"),
            "meeting_type": MeetingType.EVENT,
            "date": D(2020, 4, 1),
            "date_precision": DatePrecision.MONTH,
            "format": MeetingFormat.REMOTE,
            "status": MeetingStatus.HELD,
            "status_reason": t(
                "Huhtikuulle sovittu tapahtuma järjestettiin kokonaan etätapahtumana.",
                "Evenemanget som planerats till april ordnades helt på distans.",
            ),
            "themes": items(t("Tiedolla johtaminen", "Kunskapsbaserad ledning")),
        },
        {
            "slug": "ideatyopaja-2020-06",
            "title": t("Kesäkuun ideatyöpaja", "Idéverkstaden i juni"),
            "meeting_type": MeetingType.WORKSHOP,
            "date": D(2020, 6, 1),
            "date_precision": DatePrecision.MONTH,
            "format": MeetingFormat.IN_PERSON,
            "status": MeetingStatus.CANCELLED,
            "status_reason": t(
                "Epävarma koronatilanne jatkui, eikä verkosto voinut tavata kasvokkain. "
                "Strateginen HR-työ väistyi, kun korona aiheutti kunnissa kiirettä päivittäiseen HR-työhön.",
                "Den osäkra coronasituationen fortsatte och nätverket kunde inte träffas ansikte mot "
                "ansikte. Det strategiska HR-arbetet fick ge vika när coronan orsakade brådska i det "
                "dagliga HR-arbetet i kommunerna.",
            ),
        },
        {
            "slug": "hr-verkoston-tapahtuma-2020-08",
            "title": t("Elokuun HR-verkoston tapahtuma", "HR-nätverkets evenemang i augusti"),
            "meeting_type": MeetingType.EVENT,
            "date": D(2020, 8, 1),
            "date_precision": DatePrecision.MONTH,
            "status": MeetingStatus.HELD,
            "themes": items(
                t("Monimuotoisuusbarometrin tulokset", "Resultaten av mångfaldsbarometern"),
                t("Rekrytointi", "Rekrytering"),
                t("Monikulttuuriset työpaikat", "Mångkulturella arbetsplatser"),
            ),
            "summary": paragraphs(
                t(
                    "Tapahtumassa esiteltiin keväällä kerätyn monimuotoisuusbarometrin tulokset sekä "
                    "näkökulmia rekrytointiin ja monikulttuurisiin työpaikkoihin.",
                    "Vid evenemanget presenterades resultaten av mångfaldsbarometern som samlats in "
                    "under våren samt synpunkter på rekrytering och mångkulturella arbetsplatser.",
                )
            ),
        },
    ],
    "newsletter": {
        "slug": "hr-info",
        "sv_slug": "hr-info",
        "title": t("HR-info", "HR-info"),
        "intro": paragraphs(
            t(
                "HR-info on HR-verkoston oma verkostoviesti. HR-info-uutiskirjeitä lähetettiin "
                "vuoden 2020 aikana yhteensä 9 kappaletta.",
                "HR-info är HR-nätverkets eget nätverksmeddelande. Under 2020 skickades sammanlagt "
                "9 nyhetsbrev av HR-info.",
            )
        ),
        "recipient_count": 450,
        "recipient_count_qualifier": Qualifier.ABOUT,
        "issues_per_year": 9,
        "issues_year": 2020,
        "subscription_info": t(
            "Verkoston viestin, eli HR-infon, voi tilata KT:n verkkosivuilta.",
            "Nätverkets meddelande, HR-info, kan beställas på KT:s webbplats.",
        ),
    },
    "folders": [
        {
            "slug": "jasenaineisto",
            "sv_slug": "medlemsmaterial",
            "title": t("HR-verkoston jäsenaineisto", "HR-nätverkets medlemsmaterial"),
            "private": True,
            "materials": [
                {
                    "title": "HR-verkoston jäsenluettelo 2020",
                    "filename": "hr-verkosto-jasenluettelo-2020.pdf",
                    "material_type": MaterialType.MEMBER_LIST,
                    "year": 2020,
                    "topics": ["henkilostojohtaminen"],
                    "texts": [
                        "HR-verkostossa oli noin 360 jäsentä 166 eri organisaatiosta.",
                        "Luottamuksellinen jäsenluettelo: henkilöstöjohtajat, henkilöstöpäälliköt "
                        "ja palvelussuhdepäälliköt kunnittain. Salasanaverkko Kaisaniemi.",
                    ],
                    "description": "Vain verkoston jäsenille.",
                },
            ],
        },
    ],
    "knowledge_bank": {
        "slug": "tyooikeudellinen-tietopankki",
        "sv_slug": "kunskapsbanken-for-arbetsratt",
        "title": t("Työoikeudellinen tietopankki", "Kunskapsbanken för arbetsrätt"),
        "scope": t(
            "Tietopankki vaikeiden työsuhdetilanteiden hoitamiseen. Sen tarve nostettiin esille "
            "HR-verkoston asiantuntijaraadin tapaamisessa joulukuussa 2020.",
            "Kunskapsbanken stöder hanteringen av svåra situationer i anställningsförhållanden. "
            "Behovet lyftes fram vid mötet för HR-nätverkets expertråd i december 2020.",
        ),
        "materials": [
            {
                "title": "Varoitus ja irtisanominen: työnantajan opas",
                "filename": "varoitus-ja-irtisanominen.docx",
                "material_type": MaterialType.GUIDE,
                "year": 2021,
                "topics": ["tyosuhde", "henkilostojohtaminen"],
                "texts": [
                    "Opas kuvaa, miten työnantaja antaa varoituksen ja milloin irtisanominen on mahdollista.",
                    "Kuulemisvelvollisuus, asiallinen ja painava syy sekä dokumentointi.",
                ],
            },
            {
                "title": "Työkyvyttömyys ja palvelussuhteen päättäminen",
                "filename": "tyokyvyttomyys.pdf",
                "material_type": MaterialType.GUIDE,
                "year": 2021,
                "topics": ["tyosuhde", "tyohyvinvointi"],
                "texts": [
                    "Työkyvyn heikkeneminen, työterveyshuollon lausunto ja uudelleensijoitusvelvollisuus.",
                ],
            },
        ],
    },
    "children": [
        {
            "slug": "asiantuntijaraati",
            "sv_slug": "expertradet",
            "title": t("HR-verkoston asiantuntijaraati", "HR-nätverkets expertråd"),
            "kind": BodyKind.ADVISORY_BOARD,
            "summary": t(
                "HR-verkoston toimintaa sparraa 15 henkilön asiantuntijaraati (Advisory board), joka "
                "koostuu eri puolella Suomea toimivista henkilöstöjohtajista ja -asiantuntijoista.",
                "HR-nätverkets verksamhet stöds av ett expertråd (Advisory board) med 15 personer, "
                "som består av personaldirektörer och personalexperter från olika delar av Finland.",
            ),
            "member_count": 15,
            "member_count_qualifier": Qualifier.EXACTLY,
            "counted_year": 2020,
            "open_to_join": False,
            # The lifecycle in the demo: the raati shares its draft minutes with its members
            # before they are approved at the next meeting.
            "shares_draft_minutes": True,
            "tasks": items(
                t("Sparrata HR-verkoston toimintaa", "Stödja och utmana HR-nätverkets verksamhet")
            ),
            "meetings": [
                {
                    "slug": "asiantuntijaraati-2020-12",
                    "title": t("Asiantuntijaraadin etätapaaminen", "Expertrådets distansmöte"),
                    "date": D(2020, 12, 1),
                    "date_precision": DatePrecision.MONTH,
                    "format": MeetingFormat.REMOTE,
                    "status": MeetingStatus.HELD,
                    "themes": items(
                        t("Työhyvinvointi", "Välbefinnande i arbetet"),
                        t("Jaksaminen", "Ork"),
                        t("Palautuminen", "Återhämtning"),
                        t(
                            "Työoikeudellisen tietopankin tarve",
                            "Behovet av en kunskapsbank för arbetsrätt",
                        ),
                    ),
                    "minutes": {
                        "title": t(
                            "Pöytäkirja: asiantuntijaraati joulukuu 2020",
                            "Protokoll: expertrådet december 2020",
                        ),
                        "status": MinutesStatus.APPROVED,
                        "approved_on": D(2021, 2, 15),
                        "private": True,
                        "agenda": [
                            (
                                1,
                                t(
                                    "Työhyvinvointi, jaksaminen ja palautuminen",
                                    "Välbefinnande, ork och återhämtning",
                                ),
                                t(
                                    "Keskeisenä teemana nousi esiin työhyvinvointi, jaksaminen ja palautuminen.",
                                    "Som centralt tema lyftes välbefinnande i arbetet, ork och återhämtning fram.",
                                ),
                            ),
                            (
                                2,
                                t("Työoikeudellinen tietopankki", "Kunskapsbank för arbetsrätt"),
                                t(
                                    "Tapaamisessa nostettiin esille työoikeudellisen tietopankin tarve "
                                    "vaikeiden tilanteiden hoitamiseen.",
                                    "Vid mötet lyftes behovet av en kunskapsbank för arbetsrätt fram för "
                                    "hanteringen av svåra situationer.",
                                ),
                            ),
                        ],
                        "decisions": [
                            (
                                2,
                                t(
                                    "KT valmistelee HR-verkostolle työoikeudellisen tietopankin.",
                                    "KT bereder en kunskapsbank för arbetsrätt för HR-nätverket.",
                                ),
                            ),
                        ],
                        "attendance": [("Helena Demo", "Demokaupunki")],
                    },
                },
                {
                    "slug": "asiantuntijaraati-2026-11",
                    "title": t("Asiantuntijaraadin syyskokous", "Expertrådets höstmöte"),
                    "date": D(2026, 11, 10),
                    "date_precision": DatePrecision.DAY,
                    "format": MeetingFormat.REMOTE,
                    "status": MeetingStatus.HELD,
                    "agenda": RAATI_AGENDA,
                    "minutes": {
                        "title": t(
                            "Pöytäkirja: asiantuntijaraati 10.11.2026",
                            "Protokoll: expertrådet 10.11.2026",
                        ),
                        "status": MinutesStatus.DRAFT,
                        "approved_on": None,
                        "private": True,
                        "agenda": [
                            (1, t("Kokouksen avaus", "Mötets öppnande"), ""),
                            (
                                2,
                                t(
                                    "Työoikeudellisen tietopankin käyttöönotto",
                                    "Införandet av kunskapsbanken för arbetsrätt",
                                ),
                                t(
                                    "Tietopankin ensimmäinen versio esiteltiin raadille.",
                                    "Den första versionen av kunskapsbanken presenterades för rådet.",
                                ),
                            ),
                            (3, t("Seuraava kokous", "Nästa möte"), ""),
                        ],
                        "decisions": [
                            (
                                2,
                                t(
                                    "Tietopankki otetaan HR-verkoston käyttöön tammikuussa 2027.",
                                    "Kunskapsbanken tas i bruk i HR-nätverket i januari 2027.",
                                ),
                            ),
                            (
                                3,
                                t(
                                    "Seuraava kokous pidetään 16.3.2027.",
                                    "Nästa möte hålls 16.3.2027.",
                                ),
                            ),
                        ],
                        "attendance": [("Helena Demo", "Demokaupunki")],
                    },
                },
                {
                    "slug": "asiantuntijaraati-2027-03",
                    "title": t("Asiantuntijaraadin kevätkokous", "Expertrådets vårmöte"),
                    "date": D(2027, 3, 16),
                    "date_precision": DatePrecision.DAY,
                    "format": MeetingFormat.REMOTE,
                    "status": MeetingStatus.PLANNED,
                    "agenda": RAATI_AGENDA,
                },
            ],
        },
    ],
}

WELLBEING_HR = {
    "slug": "hr-vastuuvalmistelijat",
    "sv_slug": "ansvariga-hr-beredare",
    "title": t(
        "Hyvinvointialueiden HR-vastuuvalmistelijoiden verkosto",
        "Nätverket för välfärdsområdenas ansvariga HR-beredare",
    ),
    "kind": BodyKind.NETWORK,
    "summary": t(
        "Verkoston tarkoitus on tukea tulevia hyvinvointialueiden työnantajia henkilöstöasioiden "
        "valmistelussa.",
        "Nätverkets syfte är att stödja de blivande arbetsgivarna i välfärdsområdena i "
        "beredningen av personalfrågor.",
    ),
    "body": paragraphs(
        t(
            "Verkosto jatkaa soteuudistuksen jälkeen väliaikaishallinnon aikana "
            "VATE-HR-vastuuvalmistelijoiden kanssa toimintaa ja jatkaa maakuntien "
            "HR-vastuuvalmistelijoiden aktiivista yhteistyötä.",
            "Efter social- och hälsovårdsreformen fortsätter nätverket under den temporära "
            "förvaltningen verksamheten med de ansvariga HR-beredarna inom VATE och fortsätter "
            "det aktiva samarbetet mellan landskapens ansvariga HR-beredare.",
        ),
        t(
            "KT tukee verkoston toimintaa myös Soteliiderit-hankkeella.",
            "KT stöder också nätverkets verksamhet genom projektet Soteliiderit.",
        ),
    ),
    "established_year": 2020,
    "tasks": items(
        t(
            "Tukea hyvinvointialueiden työnantajia henkilöstöasioiden valmistelussa",
            "Stödja välfärdsområdenas arbetsgivare i beredningen av personalfrågor",
        ),
        t(
            "Jatkaa HR-vastuuvalmistelijoiden yhteistyötä",
            "Fortsätta samarbetet mellan de ansvariga HR-beredarna",
        ),
    ),
    "milestones": [
        (
            D(2020, 10, 1),
            DatePrecision.SEASON,
            Season.AUTUMN,
            t(
                "KT perusti verkoston loppuvuodesta 2020.",
                "KT grundade nätverket i slutet av 2020.",
            ),
        ),
        (
            D(2021, 1, 1),
            DatePrecision.YEAR,
            "",
            t("Verkoston toiminta käynnistyi.", "Nätverkets verksamhet inleddes."),
        ),
    ],
}

SAFETY_NETWORK = {
    "slug": "tyosuojelupaallikoiden-verkosto",
    "sv_slug": "natverket-for-arbetarskyddschefer",
    "title": t("Työsuojelupäälliköiden verkosto", "Nätverket för arbetarskyddschefer"),
    "kind": BodyKind.NETWORK,
    "members_group": "Työsuojelupäälliköiden verkosto – jäsenet",
    "summary": t(
        "KT:n työsuojelupäälliköiden verkosto tukee muutoksen toteuttamista työsuojeluun ja "
        "työhyvinvointijohtamiseen liittyvissä asioissa.",
        "KT:s nätverk för arbetarskyddschefer stöder genomförandet av förändringar i frågor som "
        "gäller arbetarskydd och ledning av välbefinnande i arbetet.",
    ),
    "body": paragraphs(
        t(
            "Verkostossa käsitellään ajankohtaisten työsuojelukysymysten lisäksi työsuojelun "
            "yhteistoiminnan järjestämiseen ja työterveysyhteistyöhön liittyviä kysymyksiä "
            "muutostilanteissa.",
            "I nätverket behandlas utöver aktuella arbetarskyddsfrågor även frågor om hur "
            "samarbetet inom arbetarskyddet och samarbetet med företagshälsovården ordnas i "
            "förändringssituationer.",
        ),
        t(
            "Toimintavuoden aikana otettiin käyttöön työsuojelupäälliköiden oma verkostoalusta KT "
            "Linjaan. Verkkopalveluun kerättiin ja siellä jaettiin työsuojelutyötä ja "
            "työhyvinvointijohtamista tukevaa materiaalia ja kuntien omia ratkaisuja.",
            "Under verksamhetsåret togs arbetarskyddschefernas egen nätverksplattform i bruk i KT "
            "Linja. Där samlades och delades material som stöder arbetarskyddsarbetet och "
            "ledningen av välbefinnande i arbetet samt kommunernas egna lösningar.",
        ),
    ),
    "who_may_join": t(
        "Verkosto on tarkoitettu kuntien ja kuntayhtymien työsuojelupäälliköille, "
        "työsuojelupäällikön tehtäviä hoitaville tai työsuojelusta kiinnostuneille työnantajan "
        "edustajille.",
        "Nätverket är avsett för arbetarskyddschefer i kommuner och samkommuner, för dem som "
        "sköter arbetarskyddschefens uppgifter och för arbetsgivarföreträdare som är "
        "intresserade av arbetarskydd.",
    ),
    "meeting_frequency": Frequency.YEARLY,
    "platform": t("KT Linja", "KT Linja"),
    "platform_since": 2020,
    "tasks": items(
        t(
            "Tukea muutoksen toteuttamista työsuojeluun ja työhyvinvointijohtamiseen liittyvissä asioissa",
            "Stödja genomförandet av förändringar i frågor om arbetarskydd och ledning av välbefinnande i arbetet",
        ),
        t(
            "Käsitellä työsuojelun yhteistoiminnan järjestämistä ja työterveysyhteistyötä muutostilanteissa",
            "Behandla samarbetet inom arbetarskyddet och med företagshälsovården i förändringssituationer",
        ),
    ),
    "series": [
        {
            "name": t(
                "Työsuojelupäälliköiden verkkotapaamiset", "Arbetarskyddschefernas webbmöten"
            ),
            "year": 2020,
            "started": D(2020, 3, 1),
            "meeting_count": 14,
            "format": MeetingFormat.REMOTE,
            "participants_min": 40,
            "participants_max": 100,
            "themes": t(
                "Ajankohtaiset, erityisesti koronaepidemiaan liittyvät työsuojeluasiat.",
                "Aktuella arbetarskyddsfrågor, särskilt sådana som gäller coronaepidemin.",
            ),
        }
    ],
    "meetings": [
        {
            "slug": "ajankohtaispaiva-2020",
            "title": t(
                "Työsuojelupäälliköiden ajankohtaispäivä 2020",
                "Arbetarskyddschefernas aktualitetsdag 2020",
            ),
            "meeting_type": MeetingType.ANNUAL_DAY,
            "date": D(2020, 3, 1),
            "date_precision": DatePrecision.MONTH,
            "format": MeetingFormat.IN_PERSON,
            "city": t("Helsinki", "Helsingfors"),
            "status": MeetingStatus.HELD,
            "themes": items(
                t("Työväkivallan hallinta", "Hantering av våld i arbetet"),
                t("Päihteet työelämässä", "Rusmedel i arbetslivet"),
                t(
                    "Työterveyshuollon korvausuudistus",
                    "Reformen av ersättningarna för företagshälsovård",
                ),
                t("Työaikalain muutokset", "Ändringarna i arbetstidslagen"),
            ),
        },
        {
            "slug": "biologiset-tekijat-webinaari-2020",
            "title": t(
                "Biologiset tekijät työssä -webinaari", "Webbinariet Biologiska agenser i arbetet"
            ),
            "meeting_type": MeetingType.WEBINAR,
            "date": D(2020, 10, 1),
            "date_precision": DatePrecision.MONTH,
            "format": MeetingFormat.REMOTE,
            "status": MeetingStatus.HELD,
            "themes": items(
                t(
                    "Biologisiin tekijöihin liittyvät säädösmuutokset",
                    "Författningsändringar som gäller biologiska agenser",
                ),
                t("Vaarojen arviointi", "Riskbedömning"),
                t(
                    "Työnantajan velvollisuus pitää luetteloa biologisille tekijöille altistuneista",
                    "Arbetsgivarens skyldighet att föra förteckning över arbetstagare som exponerats för biologiska agenser",
                ),
                t("Biologisten tekijöiden valvonta", "Tillsynen över biologiska agenser"),
            ),
        },
    ],
    "newsletter": {
        "slug": "kt-tiedottaa-tyosuojelupaallikoille",
        "sv_slug": "kt-informerar-arbetarskyddscheferna",
        "title": t("KT tiedottaa työsuojelupäälliköille", "KT informerar arbetarskyddscheferna"),
        "intro": paragraphs(
            t(
                "Uutiskirje työsuojelupäälliköille. Vuoden 2020 aikana lähetettiin 8 uutiskirjettä.",
                "Nyhetsbrev till arbetarskyddscheferna. Under 2020 skickades 8 nyhetsbrev.",
            )
        ),
        "recipient_count": 500,
        "recipient_count_qualifier": Qualifier.ABOUT,
        "issues_per_year": 8,
        "issues_year": 2020,
        "subscription_info": t(
            "Uutiskirjeen voi tilata KT:n verkkosivuilta.",
            "Nyhetsbrevet kan beställas på KT:s webbplats.",
        ),
    },
    "folders": [
        {
            "slug": "jasenaineisto",
            "sv_slug": "medlemsmaterial",
            "title": t(
                "Työsuojelupäälliköiden jäsenaineisto", "Arbetarskyddschefernas medlemsmaterial"
            ),
            "private": True,
            "materials": [
                {
                    "title": "Verkkotapaamisten muistiot 2020",
                    "filename": "verkkotapaamisten-muistiot-2020.pdf",
                    "material_type": MaterialType.MINUTES,
                    "year": 2020,
                    "topics": ["korona"],
                    "texts": [
                        "Muistiot 14 verkkotapaamisesta maaliskuusta joulukuuhun 2020.",
                        "Luottamuksellinen: kuntien poikkeusjärjestelyt, suojainvarastot ja "
                        "altistumistilanteiden hoito. Tunnussana Lokkiluoto.",
                    ],
                    "description": "Vain verkoston jäsenille.",
                },
            ],
        },
    ],
    "knowledge_bank": {
        "slug": "tyosuojelun-tietopankki",
        "sv_slug": "kunskapsbanken-for-arbetarskydd",
        "title": t("Työsuojelun tietopankki", "Kunskapsbanken för arbetarskydd"),
        "scope": t(
            "Työsuojelutyötä ja työhyvinvointijohtamista tukevaa materiaalia ja kuntien omia ratkaisuja.",
            "Material som stöder arbetarskyddsarbetet och ledningen av välbefinnande i arbetet "
            "samt kommunernas egna lösningar.",
        ),
        "materials": [
            {
                "title": "Työväkivallan hallinta kunta-alan työpaikoilla",
                "filename": "tyovakivallan-hallinta.pdf",
                "material_type": MaterialType.GUIDE,
                "year": 2020,
                "topics": ["tyovakivalta"],
                "texts": [
                    "Työväkivallan uhkaan varautuminen, vaarojen arviointi ja jälkihoito.",
                    "Ajankohtaispäivän esitys maaliskuussa 2020 Helsingissä.",
                ],
            },
            {
                "title": "Päihteet työelämässä: toimintamalli",
                "filename": "paihteet-tyoelamassa.docx",
                "material_type": MaterialType.GUIDE,
                "year": 2020,
                "topics": ["paihteet", "tyohyvinvointi"],
                "texts": ["Päihdeohjelma, hoitoonohjaus ja esihenkilön tehtävät."],
            },
            {
                "title": "Biologiset tekijät työssä",
                "filename": "biologiset-tekijat.pdf",
                "material_type": MaterialType.PRESENTATION,
                "year": 2020,
                "topics": ["biologiset-tekijat"],
                "texts": [
                    "Webinaarin esitys lokakuulta 2020: säädösmuutokset, vaarojen arviointi ja "
                    "luettelo biologisille tekijöille altistuneista työntekijöistä.",
                ],
            },
            {
                "title": "Työaikalain muutokset",
                "filename": "tyoaikalain-muutokset.pdf",
                "material_type": MaterialType.PRESENTATION,
                "year": 2020,
                "topics": ["tyoaika"],
                "texts": ["Uuden työaikalain keskeiset muutokset kunta-alan työnantajille."],
            },
            {
                "title": "Työterveyshuollon korvausuudistus",
                "filename": "tyoterveyshuollon-korvausuudistus.docx",
                "material_type": MaterialType.STATEMENT,
                "year": 2020,
                "topics": ["tyoterveyshuolto"],
                "texts": ["Kela-korvausten uudistus ja sen vaikutukset työterveysyhteistyöhön."],
            },
        ],
    },
}


def employer_group(
    slug, sv_slug, title, summary, themes, organisations=None, qualifier=Qualifier.EXACTLY, who=None
):
    group = {
        "slug": slug,
        "sv_slug": sv_slug,
        "title": title,
        "kind": BodyKind.EMPLOYER_GROUP,
        "summary": summary,
        "meeting_frequency": Frequency.BIMONTHLY,
        "organisation_count": organisations,
        "organisation_count_qualifier": qualifier,
        "counted_year": 2020,
        "series": [
            {
                "name": t("Työnantajaryhmän kokoukset", "Arbetsgivargruppens möten"),
                "year": 2020,
                "themes": themes,
            }
        ],
    }
    if who:
        group["who_may_join"] = who
    return group


EDUCATION_NETWORKS = {
    "slug": "opetusalan-tyonantajaverkostot",
    "sv_slug": "undervisningssektorns-arbetsgivarnatverk",
    "title": t("Opetusalan työnantajaverkostot", "Undervisningssektorns arbetsgivarnätverk"),
    "kind": BodyKind.NETWORK,
    "summary": t(
        "Opetus- ja sivistystoimen palvelussuhdeasioiden osaamisalueella toimii neljä eri verkostoa "
        "opetusalan työnantajille. Verkostoissa on mukana opetustoimen johtoa, henkilöstöjohtoa ja rehtoreita.",
        "Inom kompetensområdet för anställningsfrågor inom undervisnings- och bildningsväsendet "
        "finns fyra olika nätverk för arbetsgivare inom undervisningssektorn. I nätverken deltar "
        "ledningen för undervisningsväsendet, personalledningen och rektorer.",
    ),
    "body": paragraphs(
        t(
            "Kukin verkosto kokoontuu KT:n kutsumana noin kahden kuukauden välein. Kokouksissa "
            "käsitellään ajankohtaisia työmarkkinakysymyksiä. Painopiste on työ- ja "
            "virkaehtosopimusasioissa, mutta myös muut henkilöstökysymykset ovat esillä.",
            "Varje nätverk sammanträder på KT:s kallelse ungefär varannan månad. På mötena "
            "behandlas aktuella arbetsmarknadsfrågor. Tyngdpunkten ligger på arbets- och "
            "tjänstekollektivavtalsfrågor, men även andra personalfrågor tas upp.",
        ),
    ),
    "meeting_frequency": Frequency.BIMONTHLY,
    "tasks": items(
        t(
            "Käsitellä ajankohtaisia työmarkkinakysymyksiä",
            "Behandla aktuella arbetsmarknadsfrågor",
        ),
        t(
            "Tukea OVTES-neuvotteluissa KT:n neuvottelijoita oman oppilaitosmuodon "
            "neuvottelutavoitteiden, lausuntojen ja kannanottojen linjaamisessa",
            "Stödja KT:s förhandlare i UKTA-förhandlingarna när förhandlingsmål, utlåtanden och "
            "ställningstaganden för den egna läroanstaltsformen dras upp",
        ),
    ),
    "children": [
        employer_group(
            "perusopetus",
            "grundlaggande-utbildning",
            t("Perusopetuksen työnantajaryhmä", "Arbetsgivargruppen för grundläggande utbildning"),
            t(
                "Perusopetuksen työnantajaryhmään kuuluvat 15 suurimman kaupungin edustajat.",
                "Till arbetsgivargruppen för grundläggande utbildning hör företrädare för de 15 största städerna.",
            ),
            t(
                "Vuosityöaikakokeilun seuranta, liittokierroksen sopimusratkaisu sekä koronaepidemian "
                "aiheuttamat poikkeustoimet.",
                "Uppföljningen av försöket med årsarbetstid, avtalslösningen i förbundsrundan samt "
                "undantagsåtgärderna till följd av coronaepidemin.",
            ),
            organisations=15,
        ),
        employer_group(
            "lukio",
            "gymnasieutbildning",
            t("Lukion työnantajaryhmä", "Arbetsgivargruppen för gymnasieutbildning"),
            t(
                "Lukion työnantajaryhmään kuuluvat 15 suurimman lukiokoulutuksen järjestäjän edustajat.",
                "Till arbetsgivargruppen för gymnasieutbildning hör företrädare för de 15 största "
                "anordnarna av gymnasieutbildning.",
            ),
            t(
                "Liittokierroksen neuvottelutavoitteet ja koronaepidemian aiheuttamat poikkeustoimet.",
                "Förhandlingsmålen i förbundsrundan och undantagsåtgärderna till följd av coronaepidemin.",
            ),
            organisations=15,
        ),
        employer_group(
            "ammatillinen-koulutus",
            "yrkesutbildning",
            t("Ammatillisen koulutuksen työnantajaryhmä", "Arbetsgivargruppen för yrkesutbildning"),
            t(
                "Ammatillisen koulutuksen työnantajaryhmässä on mukana yli 40 koulutuksen järjestäjää.",
                "I arbetsgivargruppen för yrkesutbildning deltar över 40 utbildningsanordnare.",
            ),
            t(
                "Vuosityöaikajärjestelmän tulkintakysymykset ja neuvottelutavoitteet, OVTES:n ja "
                "KVTES:n soveltamisalakysymykset, tekijänoikeuskysymykset sekä oppivelvollisuuden laajentaminen.",
                "Tolkningsfrågor och förhandlingsmål i årsarbetstidssystemet, frågor om "
                "tillämpningsområdet för UKTA och AKTA, upphovsrättsfrågor samt utvidgningen av läroplikten.",
            ),
            organisations=40,
            qualifier=Qualifier.OVER,
            who=t(
                "Ryhmä on avoin kaikille kunnallisille ja Avaintyönantajat Avainta ry:n ammatillisen "
                "koulutuksen järjestäjille.",
                "Gruppen är öppen för alla kommunala anordnare av yrkesutbildning och för dem som "
                "hör till Arbetsgivarförbundet Avainta rf.",
            ),
        ),
        employer_group(
            "kansalaisopistot",
            "medborgarinstitut",
            t("Kansalaisopistojen työnantajaryhmä", "Arbetsgivargruppen för medborgarinstitut"),
            t(
                "Kansalaisopistojen työnantajaryhmään kuuluvat Kuntaliiton kansalaisopistoverkoston "
                "noin 18 koulutuksenjärjestäjän edustajat.",
                "Till arbetsgivargruppen för medborgarinstitut hör företrädare för cirka 18 "
                "utbildningsanordnare i Kommunförbundets nätverk för medborgarinstitut.",
            ),
            t(
                "Seuraavan kierroksen neuvottelutavoitteet ja koronaepidemian aiheuttamat poikkeustoimet.",
                "Förhandlingsmålen för nästa avtalsrunda och undantagsåtgärderna till följd av coronaepidemin.",
            ),
            organisations=18,
            qualifier=Qualifier.ABOUT,
        ),
    ],
}

CITY_HR = {
    "slug": "suurten-kaupunkien-hr-johtajat",
    "sv_slug": "de-stora-stadernas-hr-direktorer",
    "title": t("Suurten kaupunkien HR-johtajat", "De stora städernas HR-direktörer"),
    "kind": BodyKind.NETWORK,
    "summary": t(
        "KT on perinteisesti tavannut suurimpien kaupunkien HR-johtoa kahdesti vuodessa.",
        "KT har traditionellt träffat HR-ledningen i de största städerna två gånger om året.",
    ),
    "organisation_count": 15,
    "counted_year": 2020,
    "meeting_frequency": Frequency.TWICE_A_YEAR,
    "open_to_join": False,
    "meetings": [
        {
            "slug": "kevattapaaminen-2020",
            "title": t("HR-johtajien kevättapaaminen Espoossa", "HR-direktörernas vårmöte i Esbo"),
            "date": D(2020, 3, 1),
            "date_precision": DatePrecision.SEASON,
            "season": Season.SPRING,
            "format": MeetingFormat.IN_PERSON,
            "city": t("Espoo", "Esbo"),
            "status": MeetingStatus.CANCELLED,
            "status_reason": t(
                "Kevään tapaaminen Espoossa peruttiin koronaepidemian vuoksi.",
                "Vårmötet i Esbo ställdes in på grund av coronaepidemin.",
            ),
        },
        {
            "slug": "syystapaaminen-2020",
            "title": t("HR-johtajien syystapaaminen", "HR-direktörernas höstmöte"),
            "date": D(2020, 9, 1),
            "date_precision": DatePrecision.SEASON,
            "season": Season.AUTUMN,
            "format": MeetingFormat.REMOTE,
            "status": MeetingStatus.HELD,
            "participant_organisations": 15,
            "participants_description": t(
                "KT:n johtoryhmä sekä Suomen 15 suurimman kaupungin henkilöstöjohtajat.",
                "KT:s ledningsgrupp och personaldirektörerna i Finlands 15 största städer.",
            ),
            "themes": items(
                t(
                    "Sopimusratkaisu ja sen soveltaminen",
                    "Avtalslösningen och tillämpningen av den",
                ),
                t("Sopimusjärjestelmä ja sen uudistaminen", "Avtalssystemet och förnyelsen av det"),
                t("Soteuudistuksen tila", "Läget i social- och hälsovårdsreformen"),
                t("Työllisyystavoitteet", "Sysselsättningsmålen"),
                t("Eläkejärjestelmien yhdistäminen", "Sammanslagningen av pensionssystemen"),
                t(
                    "Kaupunkien pinnalla olevat aiheet ja tavoitteet",
                    "Aktuella frågor och mål i städerna",
                ),
            ),
        },
    ],
}

COMMUNICATIONS = {
    "slug": "suurten-kaupunkien-viestinnan-verkosto",
    "sv_slug": "de-stora-stadernas-kommunikationsnatverk",
    "title": t(
        "Suurten kaupunkien viestinnän verkosto", "De stora städernas kommunikationsnätverk"
    ),
    "kind": BodyKind.NETWORK,
    "summary": t(
        "KT:n, Kuntaliiton ja Kevan viestijät jatkoivat kunta-alan viestintäverkoston tapaamisia.",
        "Kommunikatörerna vid KT, Kommunförbundet och Keva fortsatte kommunsektorns "
        "kommunikationsnätverks möten.",
    ),
    "co_organisers": ["kt", "kuntaliitto", "keva"],
    "open_to_join": False,
    "meetings": [
        {
            "slug": "tammikuun-tapaaminen-2020",
            "title": t(
                "Viestintäjohtajien tapaaminen Kevan tiloissa",
                "Kommunikationsdirektörernas möte i Kevas lokaler",
            ),
            "date": D(2020, 1, 1),
            "date_precision": DatePrecision.MONTH,
            "format": MeetingFormat.IN_PERSON,
            "place": t("Kevan tilat", "Kevas lokaler"),
            "status": MeetingStatus.HELD,
            "participant_organisations": 21,
            "participants_description": t(
                "21 suurimman kaupungin viestintäjohtajat ja -päälliköt.",
                "Kommunikationsdirektörerna och kommunikationscheferna i de 21 största städerna.",
            ),
            "themes": items(
                t("Tuleva kuntavaalivuosi", "Det kommande kommunalvalsåret"),
                t("Kaupunkien brändityö", "Städernas varumärkesarbete"),
                t("Työmarkkinatilanteen viestintä", "Kommunikation om arbetsmarknadsläget"),
                t("Vastuullisuus", "Ansvarsfullhet"),
            ),
        },
        {
            "slug": "verkkotapaaminen-2020",
            "title": t(
                "Viestintäjohtajien verkkotapaaminen", "Kommunikationsdirektörernas webbmöte"
            ),
            "date": D(2020, 3, 1),
            "date_precision": DatePrecision.SEASON,
            "season": Season.SPRING,
            "format": MeetingFormat.REMOTE,
            "status": MeetingStatus.HELD,
            "participant_organisations": 30,
            "participants_description": t(
                "30 suurimman kaupungin viestintäjohtajat ja -päälliköt koronapandemian alettua.",
                "Kommunikationsdirektörerna och kommunikationscheferna i de 30 största städerna efter "
                "att coronapandemin hade börjat.",
            ),
            "themes": items(
                t(
                    "Poikkeusaikojen ja -olojen viestintä",
                    "Kommunikation under undantagstider och undantagsförhållanden",
                )
            ),
        },
    ],
}

NORDIC = {
    "slug": "pohjoismainen-yhteistyo",
    "sv_slug": "nordiskt-samarbete",
    "title": t(
        "Pohjoismainen kuntatyönantajayhteistyö", "Nordiskt samarbete mellan kommunala arbetsgivare"
    ),
    "kind": BodyKind.COOPERATION,
    "summary": t(
        "KT:llä on tiiviit yhteydet muiden Pohjoismaiden kuntatyönantajajärjestöihin.",
        "KT har nära kontakter med de kommunala arbetsgivarorganisationerna i de andra nordiska länderna.",
    ),
    "body": paragraphs(
        t(
            "Pohjoismaiset kuntatyönantajajärjestöt kokoontuvat vuosittain yhteiseen tapaamiseen.",
            "De nordiska kommunala arbetsgivarorganisationerna samlas varje år till ett gemensamt möte.",
        )
    ),
    "meeting_frequency": Frequency.YEARLY,
    "open_to_join": False,
    "figures": [
        (
            2_500_000,
            Qualifier.ABOUT,
            t(
                "palkansaajaa Pohjoismaisten kuntatyönantajien työ- ja virkaehtosopimusten piirissä",
                "löntagare omfattas av de nordiska kommunala arbetsgivarnas arbets- och tjänstekollektivavtal",
            ),
        )
    ],
    "series": [
        {
            "name": t("Työmarkkinajohdon etätapaamiset", "Arbetsmarknadsledningens distansmöten"),
            "year": 2020,
            "format": MeetingFormat.REMOTE,
            "themes": t(
                "Työmarkkinajohto tapasi säännöllisesti etäyhteyksien avulla.",
                "Arbetsmarknadsledningen träffades regelbundet på distans.",
            ),
        }
    ],
    "meetings": [
        {
            "slug": "vuositapaaminen-2020",
            "title": t("Pohjoismainen vuositapaaminen 2020", "Nordiska årsmötet 2020"),
            "date": D(2020, 1, 1),
            "date_precision": DatePrecision.YEAR,
            "format": MeetingFormat.IN_PERSON,
            "status": MeetingStatus.CANCELLED,
            "status_reason": t(
                "Toimintavuonna ei järjestetty fyysisiä tapaamisia.",
                "Under verksamhetsåret ordnades inga fysiska möten.",
            ),
        },
        {
            "slug": "tyomarkkinalakimiesten-tapaaminen-2020",
            "title": t(
                "Pohjoismainen työmarkkinalakimiesten tapaaminen",
                "Nordiska mötet för arbetsmarknadsjurister",
            ),
            "date": D(2020, 1, 1),
            "date_precision": DatePrecision.YEAR,
            "format": MeetingFormat.IN_PERSON,
            "status": MeetingStatus.POSTPONED,
            "status_reason": t(
                "Suomi oli järjestelyvuorossa. Tapaaminen siirrettiin, koska toimintavuonna ei järjestetty fyysisiä tapaamisia.",
                "Finland stod i tur att ordna mötet. Mötet sköts upp eftersom inga fysiska möten ordnades under verksamhetsåret.",
            ),
            "postponed_to": D(2021, 1, 1),
            "city": "",
        },
    ],
}

NETWORKS = [
    HR_NETWORK,
    WELLBEING_HR,
    SAFETY_NETWORK,
    EDUCATION_NETWORKS,
    CITY_HR,
    COMMUNICATIONS,
    NORDIC,
]
