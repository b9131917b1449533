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
