"""Spelling ("Bedoelde u …?"), autocomplete and highlighted snippets."""

from collections import Counter

import pytest

from portal.search.analysis import Decompounder, dutch_analyzer, load_parts
from portal.search.highlight import Highlighter
from portal.search.spelling import (
    Speller,
    count_words,
    edit_distance,
    read_words,
    write_words,
)
from tests.conftest import SEED_DIR

WORDS = {
    "heftruck": 40,
    "heftrucks": 90,
    "verpleegkunde": 30,
    "verpleging": 12,
    "verplicht": 50,
    "verplaatsen": 3,
    "lassen": 25,
    "lasser": 8,
    "kassa": 60,
    "zorg": 200,
}


@pytest.fixture(scope="module")
def speller():
    return Speller(WORDS)


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("zorg", "zorg", 0),
        ("heftruk", "heftruck", 1),  # one letter missing
        ("heftrucck", "heftruck", 1),  # one letter too many
        ("lasen", "lassen", 1),
        ("zorh", "zorg", 1),  # one letter wrong
        ("lsasen", "lassen", 1),  # adjacent letters swapped count once
        ("verpelging", "verpleging", 1),
        ("zrog", "zorg", 1),
        ("", "abc", 3),
    ],
)
def test_edit_distance_counts_insertions_deletions_substitutions_and_swaps(
    a, b, distance
):
    assert edit_distance(a, b, limit=3) == distance
    assert edit_distance(b, a, limit=3) == distance


def test_edit_distance_stops_past_the_limit():
    assert edit_distance("kassa", "verpleegkunde", limit=2) == 3
    assert edit_distance("abcdef", "ghijkl", limit=2) == 3


def test_suggest_picks_the_nearest_known_word(speller):
    # "heftrucks" is more frequent but two edits away; "heftruck" is one.
    assert speller.suggest("heftruk") == "heftruck"
    assert speller.suggest("verpelging") == "verpleging"


def test_suggest_prefers_the_more_frequent_word_at_equal_distance():
    speller = Speller({"lassen": 5, "lasser": 50})
    assert speller.suggest("lasse") == "lasser"


def test_suggest_gives_nothing_when_no_word_is_close(speller):
    assert speller.suggest("doktersassistent") is None
    assert speller.suggest("") is None


def test_suggest_keeps_the_first_letter(speller):
    # "zorg" is one edit from "korg" but starts with another letter.
    assert speller.suggest("korg") is None


def test_complete_lists_words_with_the_prefix_most_frequent_first(speller):
    assert speller.complete("verpl") == [
        "verplicht",
        "verpleegkunde",
        "verpleging",
        "verplaatsen",
    ]
    assert speller.complete("verpl", limit=2) == ["verplicht", "verpleegkunde"]


def test_complete_needs_two_letters_and_a_known_prefix(speller):
    assert speller.complete("v") == []
    assert speller.complete("xq") == []


def test_known_words_are_recognised(speller):
    assert speller.known("zorg") and not speller.known("zorgg")


def test_word_list_round_trips_through_the_index_folder(tmp_path):
    counter = Counter()
    count_words(["Oriëntatie op de Zorg", "zorg en welzijn 2027"], counter)
    write_words(tmp_path, counter)
    words = read_words(tmp_path)
    assert words["zorg"] == 2 and words["orientatie"] == 1
    assert "2027" not in words and "op" not in words  # digits and short words skipped
    assert read_words(tmp_path / "missing") == {}


@pytest.fixture(scope="module")
def highlight():
    parts = Decompounder(load_parts(SEED_DIR / "compound_parts.txt"))
    return Highlighter(dutch_analyzer(parts))


def test_highlight_marks_words_with_a_matching_stem(highlight):
    out = str(highlight("Leer lassen in de Lasopleiding of bij de klassen.", {"las"}))
    assert "<mark>lassen</mark>" in out
    assert "<mark>Lasopleiding</mark>" in out  # through its compound part
    assert "klassen" in out and "<mark>klassen</mark>" not in out


def test_highlight_escapes_html_in_the_text(highlight):
    text = 'Zorg <script>alert("x")</script> & <b>zorg</b>'
    out = str(highlight(text, {"zorg"}))
    assert "<script>" not in out and "<b>" not in out
    assert "&lt;script&gt;" in out and "&amp;" in out
    assert "&lt;b&gt;<mark>zorg</mark>&lt;/b&gt;" in out
    assert out.count("<mark>") == 2


def test_highlight_escapes_a_marked_word_itself(highlight):
    out = str(highlight("<zorg>", {"zorg"}))
    assert out == "&lt;<mark>zorg</mark>&gt;"


def test_highlight_without_stems_only_escapes(highlight):
    assert str(highlight("a < b", frozenset())) == "a &lt; b"
    assert str(highlight("", {"zorg"})) == ""


def test_a_long_text_is_cut_around_the_first_match(highlight):
    text = "woord " * 100 + "heftruck rijden " + "woord " * 100
    out = str(highlight(text, {"heftruck"}, max_chars=120))
    assert out.startswith("… ") and out.endswith(" …")
    assert "<mark>heftruck</mark>" in out
    assert len(out.replace("<mark>", "").replace("</mark>", "")) <= 120 + 4
