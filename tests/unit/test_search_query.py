"""From what a resident types to a query tree: synonyms, phrases, prefixes, compounds.

Built from the real seed files (compound parts, synonyms.yaml); no app, no index.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.search.analysis import Decompounder, dutch_analyzer, load_parts
from portal.search.query import (
    MAX_WORDS,
    AllOf,
    ParsedQuery,
    Phrase,
    Prefix,
    QueryBuilder,
    Term,
)
from portal.search.synonyms import load_synonyms
from tests.conftest import SEED_DIR

QUERY_NODES = Term.__module__  # every node of a tree is one of query.py's classes


@pytest.fixture(scope="module")
def builder():
    parts = Decompounder(load_parts(SEED_DIR / "compound_parts.txt"))
    synonyms = load_synonyms(SEED_DIR / "synonyms.yaml")
    return QueryBuilder(dutch_analyzer(parts), parts, synonyms)


def alternatives(node) -> set[str]:
    """The single-term alternatives of one query word (whatever node groups them)."""
    grouped = hasattr(node, "children") and not isinstance(node, AllOf)
    children = node.children if grouped else (node,)
    return {c.stem for c in children if isinstance(c, Term)}


def stem(builder, word: str) -> str:
    (only,) = builder.stems(word)
    return only


def walk(node):
    yield node
    for child in getattr(node, "children", ()):
        yield from walk(child)


@pytest.mark.parametrize(
    ("typed", "also_finds"),
    [
        ("heftruck", "vorkheftruck"),
        ("vorkheftruck", "heftruck"),
        ("ICT", "informatica"),
        ("informatica", "ict"),
        ("omscholen", "herscholen"),
        ("herscholen", "omscholen"),
        ("verpleging", "zorg"),
        ("zorg", "verpleging"),
    ],
)
def test_a_word_also_finds_its_synonyms(builder, typed, also_finds):
    root = builder.build(typed).root
    assert stem(builder, also_finds) in alternatives(root)
    assert stem(builder, typed.lower()) in alternatives(root)


def test_synonyms_from_the_yaml_are_symmetric_and_folded():
    synonyms = load_synonyms(SEED_DIR / "synonyms.yaml")
    assert "informatica" in synonyms["ict"] and "ict" in synonyms["informatica"]
    assert "financiele administratie" in synonyms["administratie"]


def test_every_word_must_match(builder):
    root = builder.build("heftruck Goes").root
    assert isinstance(root, AllOf) and len(root.children) == 2
    assert stem(builder, "goes") in alternatives(root.children[1])


def test_a_compound_word_also_matches_all_of_its_parts(builder):
    root = builder.build("loopbaanadvies").root
    part_groups = [c for c in root.children if isinstance(c, AllOf)]
    assert AllOf((Term(stem(builder, "loopbaan")), Term("advies"))) in part_groups


def test_quoted_words_are_a_phrase(builder):
    parsed = builder.build('"palliatieve zorg" Goes')
    phrase, goes = parsed.root.children
    assert phrase == Phrase(tuple(builder.stems("palliatieve zorg")))
    assert stem(builder, "goes") in alternatives(goes)
    assert parsed.title_stems == (stem(builder, "goes"),)


def test_a_quoted_single_word_is_a_plain_term(builder):
    assert builder.build('"metselaar"').root == Term(stem(builder, "metselaar"))


def test_an_unclosed_quote_is_ignored(builder):
    assert builder.build('"metselaar').root == builder.build("metselaar").root


def test_a_trailing_star_makes_a_prefix(builder):
    parsed = builder.build("verp*")
    assert parsed.root == Prefix("verp")
    assert parsed.prefixes == ("verp",)
    assert parsed.title_stems == ()


def test_a_one_letter_prefix_is_not_searched(builder):
    assert builder.build("v*").root is None


@pytest.mark.parametrize("text", ["", "   ", "de het een", "naar de", '""', "*"])
def test_only_stop_words_or_nothing_gives_no_root(builder, text):
    parsed = builder.build(text)
    assert parsed.root is None and parsed.words == ()


def test_stop_words_do_not_become_clauses(builder):
    parsed = builder.build("omscholen naar de zorg")
    assert parsed.words == ("omscholen", "zorg")
    assert len(parsed.root.children) == 2


def test_query_language_syntax_is_plain_words(builder):
    parsed = builder.build("title:x AND (zorg OR lassen)")
    assert set(parsed.words) == {"title", "x", "and", "zorg", "or", "lassen"}
    assert isinstance(parsed.root, AllOf)


def test_long_queries_keep_a_bounded_number_of_words(builder):
    parsed = builder.build(" ".join(f"woord{i}" for i in range(100)))
    assert len(parsed.words) == MAX_WORDS


@settings(max_examples=300, deadline=None)
@given(text=st.text())
def test_build_never_raises_and_gives_a_tree_of_known_nodes(builder, text):
    parsed = builder.build(text)
    assert isinstance(parsed, ParsedQuery)
    if parsed.root is not None:
        assert all(type(node).__module__ == QUERY_NODES for node in walk(parsed.root))


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from(list('"*:()-+~^\\ abcdeéë\u00a0\u200b')), max_size=60
    )
)
def test_build_never_raises_on_query_syntax_characters(builder, text):
    builder.build(text)
