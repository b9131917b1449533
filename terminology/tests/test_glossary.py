"""The glossary finds its terms in inflected and compound Finnish, shows them beside the
segment editor, and flags Swedish translations that use another term."""

import pytest
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation

from networks.models import BodyPage
from networks.translation_status import translation_status
from terminology.glossary import check_text, check_translation, problems_by_object, terms_in
from terminology.models import Term

TERMS = [
    Term(finnish="työsuojelupäällikkö", swedish="arbetarskyddschef", avoid="arbetsskyddschef"),
    Term(finnish="hyvinvointialue", swedish="välfärdsområde"),
    Term(finnish="kehittämisjaos", swedish="utvecklingssektion"),
    Term(finnish="työnantaja", swedish="arbetsgivare"),
    Term(finnish="pöytäkirja", swedish="protokoll"),
    Term(finnish="verkosto", swedish="nätverk"),
    Term(finnish="jäsen", swedish="medlem"),
]


def found(text):
    return [term.finnish for term in terms_in(text, TERMS)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Työsuojelupäälliköiden tapaaminen", ["työsuojelupäällikkö"]),
        (
            "Hyvinvointialueiden kehittämisjaoksen jäsenet",
            ["hyvinvointialue", "kehittämisjaos", "jäsen"],
        ),
        ("Hyvinvointialuetyönantajat", ["hyvinvointialue", "työnantaja"]),
        ("Työsuojelupäällikköverkostossa", ["työsuojelupäällikkö", "verkosto"]),
        ("HR-verkoston pöytäkirjaan", ["pöytäkirja", "verkosto"]),
        ("<p>Kokous pidettiin etänä.</p>", []),
    ],
)
def test_finds_terms_in_inflected_and_compound_finnish(text, expected):
    assert sorted(found(text)) == sorted(expected)


@pytest.mark.parametrize(
    "finnish,swedish",
    [
        ("Työsuojelupäälliköiden verkosto", "Nätverket för arbetarskyddschefer"),
        ("Hyvinvointialuetyönantajat", "Välfärdsområdesarbetsgivarna"),
        ("Kehittämisjaosten pöytäkirjat", "Utvecklingssektionernas protokoll"),
        ("Verkoston jäsenet", "Nätverkets medlemmar"),
    ],
)
def test_a_translation_with_the_glossary_terms_passes(finnish, swedish):
    assert check_text(finnish, swedish, TERMS) == []


def test_a_translation_with_another_term_is_flagged():
    problems = check_text("Työsuojelupäälliköiden verkosto", "Arbetsskyddschefernas grupp", TERMS)
    assert {(p.term.finnish, p.variant) for p in problems} == {
        ("työsuojelupäällikkö", "arbetsskyddschef"),
        ("verkosto", ""),
    }
    (missing,) = check_text(
        "Hyvinvointialueiden kehittämisjaos", "Regionernas utvecklingssektion", TERMS
    )
    assert missing.term.swedish == "välfärdsområde" and not missing.variant


@pytest.mark.django_db
def test_demo_loader_keeps_the_glossary(demo_site):
    assert Term.objects.get(finnish="työsuojelupäällikkö").swedish == "arbetarskyddschef"
    assert {"hyvinvointialue", "kehittämisjaos", "pöytäkirja", "jäsen"} <= set(
        Term.objects.values_list("finnish", flat=True)
    )


@pytest.mark.django_db
def test_demo_has_translations_for_the_check_to_flag(demo_site):
    """The development sections' Swedish pages leave out "medlem" for "jäseninä"."""
    flagged = {
        page["title"]: {problem.term.finnish for problem in page["term_problems"]}
        for _body, group in translation_status()
        for page in group.get("terms", [])
    }
    assert flagged["Kunta-alan kehittämisjaos"] == {"jäsen"}


@pytest.mark.django_db
def test_segment_editor_shows_the_glossary_and_flags_the_wrong_term(
    demo_site, client, django_user_model
):
    sv = Locale.objects.get(language_code="sv")
    network = BodyPage.objects.get(slug="tyosuojelupaallikoiden-verkosto")
    swedish = network.get_translation(sv)
    translation = Translation.objects.get(
        source__object_id=network.translation_key, target_locale=sv
    )
    client.force_login(django_user_model.objects.get(username="kaantaja"))
    edit_url = reverse("wagtailadmin_pages:edit", args=[swedish.id])

    html = client.get(edit_url).content.decode()
    assert 'class="terminology-glossary"' in html
    assert '<dt lang="fi">työsuojelupäällikkö</dt>' in html and "arbetarskyddschef" in html
    assert check_translation(translation) == []

    # The source says "Työsuojelupäälliköiden verkosto"; the translator writes another term.
    title = StringSegment.objects.get(source=translation.source, context__path="title")
    assert "Työsuojelupäälliköiden" in title.string.data

    def save_title(value):
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.id, title.id])
        body = encode_multipart(BOUNDARY, {"value": value})
        assert client.put(url, body, content_type=MULTIPART_CONTENT).status_code == 200

    save_title("Nätverket för arbetsskyddschefer")
    (problem,) = check_translation(translation)
    assert problem.term.finnish == "työsuojelupäällikkö" and problem.variant == "arbetsskyddschef"
    assert problem.segment_id == title.id
    html = client.get(edit_url).content.decode()
    assert 'class="terminology-problems"' in html and "Nätverket för arbetsskyddschefer" in html
    assert network.translation_key in problems_by_object("sv")

    listed = {
        page["title"]: page
        for _body, group in translation_status()
        for page in group.get("terms", [])
    }
    assert listed[network.title]["term_problems"][0].term.finnish == "työsuojelupäällikkö"
    client.force_login(django_user_model.objects.get(username="admin"))
    status = client.get("/admin/translation-status/").content.decode()
    assert "Nätverket för arbetsskyddschefer" in status

    save_title("Nätverket för arbetarskyddschefer")
    assert check_translation(translation) == []
    assert network.title not in {
        page["title"] for _body, group in translation_status() for page in group.get("terms", [])
    }


@pytest.mark.django_db
def test_editors_keep_the_glossary_and_translators_read_it(demo_site, client, django_user_model):
    client.force_login(django_user_model.objects.get(username="toimittaja"))
    listing = client.get("/admin/snippets/terminology/term/")
    assert listing.status_code == 200 and "arbetarskyddschef" in listing.content.decode()
    created = client.post(
        "/admin/snippets/terminology/term/add/",
        {"finnish": "yhteistoiminta", "swedish": "samarbete", "avoid": "", "note": ""},
    )
    assert created.status_code == 302
    assert Term.objects.filter(finnish="yhteistoiminta", swedish="samarbete").exists()

    client.force_login(django_user_model.objects.get(username="kaantaja"))
    assert client.get("/admin/snippets/terminology/term/").status_code == 200
    refused = client.post(
        "/admin/snippets/terminology/term/add/", {"finnish": "kunta", "swedish": "kommun"}
    )
    assert refused.status_code in (302, 403)
    assert not Term.objects.filter(finnish="kunta").exists()


@pytest.mark.django_db
def test_snippet_translation_shows_the_glossary_too(demo_site, admin_client):
    from networks.models import Person

    person = Person.objects.get(name="Tuomas Demo", locale__language_code="sv")
    response = admin_client.get(reverse("wagtailsnippets_networks_person:edit", args=[person.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "js-translation-editor" in html
    assert '<dt lang="fi">työsuojelupäällikkö</dt>' in html
