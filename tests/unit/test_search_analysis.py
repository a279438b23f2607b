"""Dutch analysis for search: accents, stop words, stems, compound parts, word pairs.

The analyzer is built from the real word-part list (seed/compound_parts.txt); no app.
"""

import pytest

from portal.search.analysis import (
    STOP_WORDS,
    Decompounder,
    dutch_analyzer,
    fold,
    load_parts,
    pair,
)
from tests.conftest import SEED_DIR


@pytest.fixture(scope="module")
def decompounder():
    return Decompounder(load_parts(SEED_DIR / "compound_parts.txt"))


@pytest.fixture(scope="module")
def analyze(decompounder):
    analyzer = dutch_analyzer(decompounder)

    def _analyze(text: str, mode: str = "index") -> list[str]:
        return [t.text for t in analyzer(text, mode=mode)]

    return _analyze


def test_fold_lowercases_and_removes_accents():
    assert fold("Café Oriëntatie CRÈCHE") == "cafe orientatie creche"


def test_accented_and_plain_spelling_give_the_same_terms(analyze):
    assert analyze("Oriëntatie") == analyze("orientatie") == ["orientatie"]
    assert analyze("café") == analyze("cafe")
    assert not any("é" in term or "ë" in term for term in analyze("café Oriëntatie"))


def test_dutch_stop_words_are_dropped(analyze):
    query_terms = analyze("werken in de zorg", mode="query")
    assert "in" not in query_terms and "de" not in query_terms
    assert analyze("de het een van", mode="query") == []


def test_domain_words_are_not_treated_as_stop_words(analyze):
    assert {"werk", "kan"}.isdisjoint(STOP_WORDS)
    assert analyze("werk", mode="query") == ["werk"]


def test_inflected_forms_share_a_stem(analyze):
    assert analyze("opleiding", mode="query") == analyze("opleidingen", mode="query")
    assert analyze("verpleegkundige", mode="query") == analyze(
        "verpleegkundigen", mode="query"
    )


def test_lassen_and_las_share_a_stem(analyze):
    assert analyze("lassen", mode="query") == analyze("las", mode="query") == ["las"]


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("lasopleiding", ("las", "opleiding")),
        ("loopbaanadvies", ("loopbaan", "advies")),
    ],
)
def test_compounds_split_into_their_known_parts(decompounder, word, parts):
    assert decompounder.split(word) == parts


def test_compound_parts_use_linking_letters(decompounder):
    # beroep + s + opleiding
    assert decompounder.split("beroepsopleiding") in {
        ("beroeps", "opleiding"),
        ("beroep", "opleiding"),
    }


@pytest.mark.parametrize("word", ["klassen", "metselaar", "xyzopleidingq", "las"])
def test_unknown_or_short_words_are_not_split(decompounder, word):
    assert decompounder.split(word) == ()


def test_a_compound_is_indexed_as_itself_and_as_its_stemmed_parts(analyze):
    terms = analyze("Lasopleiding")
    assert terms[0] == analyze("lasopleiding", mode="query")[0]
    assert "las" in terms and analyze("opleiding", mode="query")[0] in terms
    assert "advies" in analyze("loopbaanadvies")


def test_klassen_does_not_match_las(analyze):
    assert "las" not in analyze("klassen")


def test_queries_ask_for_the_whole_compound_only(analyze):
    # query.py adds the parts itself, as an AND of them
    assert analyze("lasopleiding", mode="query") == ["lasopleid"]


def test_word_pairs_are_indexed_but_not_emitted_for_queries(analyze):
    indexed = analyze("palliatieve zorg")
    queried = analyze("palliatieve zorg", mode="query")
    first, second = queried
    assert pair(first, second) in indexed
    assert not any("_" in term for term in queried)


def test_pairs_skip_stop_words_between_words(analyze):
    first, second = analyze("werken zorg", mode="query")
    assert pair(first, second) in analyze("werken in de zorg")


def test_compound_parts_do_not_form_pairs(analyze):
    terms = analyze("lasopleiding zeeland")
    pairs = [t for t in terms if "_" in t]
    assert pairs == [pair("lasopleid", "zeeland")]
