"""Search as people type (issue 18): the synonyms editors keep, typos corrected, a no-results
page that helps. On every backend the run has (see test_analysis_search.py)."""

import pytest

from search.models import Synonym
from search.tests.test_analysis_search import BACKENDS, publish, search, titles

pytestmark = pytest.mark.django_db

SYNONYMS = "/admin/snippets/search/synonym/"


def typos(word):
    """One of each one-letter typo, in the middle of the word."""
    i = len(word) // 2
    return {
        "a letter wrong": word[:i] + ("x" if word[i] != "x" else "z") + word[i + 1 :],
        "a letter missing": word[:i] + word[i + 1 :],
        "a letter doubled": word[:i] + word[i] + word[i:],
        "two letters swapped": word[:i] + word[i + 1] + word[i] + word[i + 2 :],
    }


@pytest.fixture
def editor_client(client, django_user_model, demo_site):
    """The demo editor: keeping synonyms is an editor's right (home.roles, its migration)."""
    client.force_login(django_user_model.objects.get(username="toimittaja"))
    return client


def add_synonym(client, word, synonyms, direction, language="fi"):
    response = client.post(
        SYNONYMS + "add/",
        {"language": language, "word": word, "synonyms": synonyms, "direction": direction},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Synonym.objects.get(language=language, word=word)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_synonym_added_in_the_admin_works_at_once(editor_client, rf, backend):
    plorinki = publish("fi", "Plorinkien opas", "Tässä oppaassa kerrotaan plorinkien hoidosta.")
    vrompeli = publish("fi", "Vrompelien opas", "Tässä oppaassa kerrotaan vrompelien hoidosta.")
    assert titles(rf, "plorinki", "fi", backend) == [plorinki.title]

    one_way = add_synonym(editor_client, "plorinki", "vrompeli", "one_way")
    assert set(titles(rf, "plorinki", "fi", backend)) == {plorinki.title, vrompeli.title}
    assert titles(rf, "vrompeli", "fi", backend) == [vrompeli.title]  # one way only

    response = editor_client.post(
        SYNONYMS + f"edit/{one_way.pk}/",
        {"language": "fi", "word": "plorinki", "synonyms": "vrompeli", "direction": "two_way"},
    )
    assert response.status_code == 302
    assert set(titles(rf, "vrompeleistä", "fi", backend)) == {plorinki.title, vrompeli.title}

    editor_client.post(SYNONYMS + f"delete/{one_way.pk}/")
    assert not Synonym.objects.filter(pk=one_way.pk).exists()
    assert titles(rf, "plorinki", "fi", backend) == [plorinki.title]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_synonym_of_several_words_must_match_whole(demo_site, rf, backend):
    both = publish("sv", "Avtalsguide", "Om det kommunala tjänstekollektivavtalet i praktiken.")
    one = publish("sv", "Praktikguide", "Om praktiken i kommunerna.")
    Synonym.objects.create(language="sv", word="TKA", synonyms="kommunala tjänstekollektivavtal")
    found = titles(rf, "TKA", "sv", backend)
    assert both.title in found and one.title not in found


def test_synonyms_are_expanded_silently(demo_site, client):
    """The results say what the searcher typed, never the words it was widened to."""
    Synonym.objects.create(language="fi", word="plorinki", synonyms="webinaari")
    html = client.get("/haku/", {"q": "plorinki"}).content.decode()
    status = html.split('role="status"')[1].split("</p>")[0]
    assert "plorinki" in status and "webinaari" not in status
    assert "Näytetään tulokset" not in html


def test_the_synonym_form_says_what_is_wrong(editor_client):
    response = editor_client.post(
        SYNONYMS + "add/",
        {"language": "fi", "word": "HR", "synonyms": "henkilöstö hallinto", "direction": "two_way"},
    )
    assert response.status_code == 200
    assert "jokainen synonyymi on yksi sana" in response.content.decode()


def test_editors_and_publishers_may_keep_synonyms_and_members_may_not(demo_site, django_user_model):
    for username, allowed in (("toimittaja", True), ("julkaisija", True), ("jasen-hr", False)):
        user = django_user_model.objects.get(username=username)
        assert user.has_perm("search.add_synonym") is allowed, username
        assert user.has_perm("search.delete_synonym") is allowed, username


WORDS = [
    ("fi", "asiantuntijaraati"),
    ("fi", "ideatyöpaja"),
    ("fi", "webinaari"),
    ("fi", "rehtori"),
    ("fi", "uutiskirje"),
    ("sv", "nätverket"),
    ("sv", "arbetsgivare"),
]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("language,word", WORDS)
def test_a_one_letter_typo_finds_what_the_word_finds(demo_site, rf, backend, language, word):
    expected = titles(rf, word, language, backend)[0]
    for kind, typo in typos(word).items():
        found = titles(rf, typo, language, backend)
        assert found and found[0] == expected, f"{kind}: {typo}"


def test_the_page_says_what_it_searched_for(demo_site, client):
    html = client.get("/haku/", {"q": "asiantunijaraati"}).content.decode()
    assert "Näytetään tulokset haulle ”asiantuntijaraati”" in html
    assert "Hae sen sijaan ”asiantunijaraati”" in html
    # Asking for what was typed searches it as typed.
    html = client.get("/haku/", {"q": "asiantunijaraati", "exact": "1"}).content.decode()
    assert "Näytetään tulokset" not in html and "Mitään ei löytynyt" in html
    html = client.get("/sv/sok/", {"q": "nätvrket"}).content.decode()
    assert "Visar resultat för ”nätverket”" in html and "Sök i stället efter ”nätvrket”" in html


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_correction_never_brings_a_members_only_word_to_a_visitor(
    demo_site, rf, hr_member, backend
):
    """ "Jäsenluettelo" is only in the HR network's members-only documents."""
    visitor = search(rf, "jäsenluetelo", "fi", backend)
    assert visitor == []
    member = search(rf, "jäsenluetelo", "fi", backend, user=hr_member)
    assert "HR-verkoston jäsenluettelo 2020" in [hit.title for hit in member]


def test_a_visitor_is_told_when_members_material_matched(demo_site, client, hr_member):
    hint = "Jäsenten aineistot näkyvät vain kirjautuneille jäsenille."
    html = client.get("/haku/", {"q": "Kaisaniemi"}).content.decode()
    assert hint in html and 'href="/kirjaudu/?next=' in html
    assert "jäsenluettelo" not in html.lower()  # never what matched
    assert hint not in client.get("/haku/", {"q": "xyzzyq"}).content.decode()
    client.force_login(hr_member)
    html = client.get("/haku/", {"q": "Kaisaniemi"}).content.decode()
    assert hint not in html and "HR-verkoston jäsenluettelo 2020" in html


def test_a_member_who_may_not_see_it_is_not_told_to_log_in(demo_site, client, safety_member):
    client.force_login(safety_member)
    html = client.get("/haku/", {"q": "Kaisaniemi"}).content.decode()
    assert "Mitään ei löytynyt" in html and "kirjautuneille" not in html


def test_no_results_names_each_filter_with_a_way_to_drop_it(demo_site, client):
    html = client.get("/haku/", {"q": "webinaari", "year": "1999"}).content.decode()
    assert "Mitään ei löytynyt" in html
    assert "Tulokset on rajattu ehdolla Vuosi: 1999." in html
    assert 'href="?q=webinaari">' in html  # the filter dropped
    assert "Kokeile vähemmillä sanoilla" in html
    html = client.get("/sv/sok/", {"q": "nätverk", "year": "1999"}).content.decode()
    assert "Inget hittades" in html and "Resultaten är avgränsade till År: 1999." in html
