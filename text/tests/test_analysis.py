"""Finnish and Swedish as people write them: inflected, compounded, hyphenated."""

import pytest

from text.analysis import index_terms, normalise_query

FINNISH_PAIRS = [
    ("työsuojelupäällikkö", "työsuojelupäälliköiden"),
    ("uutiskirje", "HR-info-uutiskirjeitä"),
    ("vuosityöaika", "vuosityöaikakokeilun"),
    ("ideatyöpaja", "ideatyöpajaan"),
    ("rehtori", "rehtoreita"),
    ("asiantuntija", "asiantuntijaraati"),
    ("pääsopijajärjestö", "pääsopijajärjestöistä"),
    ("työterveyshuolto", "työterveyshuollon"),
    ("Espoo", "Espoossa"),
]


@pytest.mark.parametrize("query,text", FINNISH_PAIRS)
def test_finnish_query_finds_inflected_and_compound_forms(query, text):
    lemmas, parts = index_terms(text, "fi")
    indexed = set(lemmas.split()) | set(parts.split())
    assert set(normalise_query(query, "fi").split()) <= indexed


@pytest.mark.parametrize(
    "query,text",
    [
        ("arbetarskyddschef", "arbetarskyddscheferna"),
        ("nätverk", "nätverkets"),
        ("arbetsgivare", "arbetsgivarna"),
    ],
)
def test_swedish_query_finds_inflected_forms(query, text):
    lemmas, _ = index_terms(text, "sv")
    assert normalise_query(query, "sv") in lemmas.split()


def test_query_compounds_are_not_split():
    assert normalise_query("työaika", "fi") == "työaika"
    assert normalise_query("työsuojelupäälliköiden", "fi") == "työsuojelupäällikkö"


def test_compound_parts_are_kept_apart_from_lemmas():
    lemmas, parts = index_terms("vuosityöaikakokeilun", "fi")
    assert lemmas == "vuosityöaikakokeilu"
    assert {"vuosityöaika", "työaika", "kokeilu"} <= set(parts.split())
    assert "vuosityöaikakokeilu" not in parts.split()


def test_every_lemma_and_part_is_also_indexed_folded():
    lemmas, parts = index_terms("työsuojelupäälliköiden", "fi")
    assert lemmas == "työsuojelupäällikkö"
    assert {"tyosuojelupaallikko", "paallikko", "tyo"} <= set(parts.split())


def test_a_word_typed_without_diacritics_is_read_as_spelled():
    """The spelled lemma is searched folded, so it meets the folded parts (ranked lower)."""
    from text.analysis import query_terms

    assert query_terms("tyoelaman", "fi") == [("tyoelaman", "tyoelama")]
    assert "natverk" in query_terms("natverket", "sv")[0]
    # A word that has its ä/ö is not guessed at.
    assert query_terms("työelämän", "fi") == [("työelämä",)]


def test_every_reading_is_an_alternative():
    from text.analysis import query_terms

    assert query_terms("tapaa", "fi") == [("tavata", "tapa")]
    assert normalise_query("tapaa", "fi") == "tavata"


@pytest.mark.parametrize(
    "query,language,left",
    [
        ("mitä asiantuntija tekee", "fi", ["asiantuntija", "tehdä"]),
        ("missa ja milloin", "fi", []),
        ("vad gör nätverket", "sv", ["göra", "nätverk"]),
        ("onko", "fi", []),
    ],
)
def test_question_and_stop_words_are_dropped(query, language, left):
    from text.analysis import query_terms

    assert [alternatives[0] for alternatives in query_terms(query, language)] == left


def test_an_unknown_finnish_word_meets_its_other_forms_by_stem():
    from text.analysis import query_terms

    _, parts = index_terms("Tekryssä", "fi")
    assert "tekry" in parts.split()
    assert "tekry" in query_terms("tekryyn", "fi")[0]


def test_swedish_compounds_are_split_into_known_words():
    lemmas, parts = index_terms("arbetslivsutvecklingsgruppen", "sv")
    assert "arbetslivsutvecklingsgrupp" in lemmas.split()
    assert {"arbetsliv", "utvecklingsgrupp", "utveckling", "grupp"} <= set(parts.split())
    # A short chance split is not made: "medlem" is not "med" + "lem".
    _, parts = index_terms("medlemsförteckning", "sv")
    assert "med" not in parts.split() and "medlem" in parts.split()


def test_an_unknown_swedish_word_meets_its_other_forms():
    from text.analysis import query_terms

    lemmas, parts = index_terms("nätverksträffarna", "sv")
    assert set(query_terms("nätverksträff", "sv")[0]) & set(f"{lemmas} {parts}".split())
