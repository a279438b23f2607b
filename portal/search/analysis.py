"""Dutch text analysis for search: accent folding, stop words, compound splitting and
stemming. Pure: no Flask, no database.

Why a dictionary decompounder: Dutch writes compounds as one word ("lasopleiding",
"loopbaanadvies"), so a resident who types "lassen" or "advies" must still find them.
Sub-word n-grams would also match, but they bloat the index roughly tenfold and match
noise ("las" inside "klas"). Splitting only when every piece is a known word part
(seed/compound_parts.txt) keeps the index lean and the matches explainable; the original
word is indexed too, so nothing is lost.
"""

from collections.abc import Iterable
from pathlib import Path

from whoosh.analysis import CharsetFilter, Filter, LowercaseFilter, RegexTokenizer
from whoosh.lang import stemmer_for_language
from whoosh.lang.stopwords import stoplists
from whoosh.support.charset import accent_map

LINKS = ("en", "s", "e")  # linking morphemes between parts: beroep-s-opleiding
MIN_PART = 3
MIN_COMPOUND = 6
# Dutch stop words, minus words that carry meaning in this domain.
STOP_WORDS = frozenset(stoplists["nl"]) - {"werk", "zou", "kan"}


def load_parts(path: str | Path) -> frozenset[str]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    words = (line.strip().lower() for line in lines)
    return frozenset(
        w for w in words if w and not w.startswith("#") and len(w) >= MIN_PART
    )


class Decompounder:
    """Splits a compound into known parts; returns () for words it does not know."""

    CACHE_SIZE = 100_000

    def __init__(self, parts: Iterable[str]):
        self.parts = frozenset(parts)
        self._cache: dict[str, tuple[str, ...]] = {}

    def __getstate__(self):
        # Whoosh pickles the schema (with its analyzers) into the index: keep it small.
        return {"parts": self.parts}

    def __setstate__(self, state):
        self.parts = state["parts"]
        self._cache = {}

    def split(self, word: str) -> tuple[str, ...]:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        if len(self._cache) >= self.CACHE_SIZE:
            self._cache.clear()
        best = self._cover(word) if len(word) >= MIN_COMPOUND else None
        result = self._cache[word] = best if best and len(best) > 1 else ()
        return result

    def _cover(self, word: str) -> tuple[str, ...] | None:
        """Fewest known parts that spell `word` (linking letters allowed after a part)."""
        if word in self.parts:
            return (word,)
        best = None
        for i in range(len(word) - MIN_PART, MIN_PART - 1, -1):
            head = word[:i]
            if head not in self.parts:
                continue
            for link in ("", *LINKS):
                rest = word[i:]
                if link:
                    if not rest.startswith(link):
                        continue
                    rest = rest[len(link) :]
                if len(rest) < MIN_PART:
                    continue
                tail = self._cover(rest)
                if tail and (best is None or 1 + len(tail) < len(best)):
                    best = (head, *tail)
        return best


PAIR_JOINER = "_"


def pair(first: str, second: str) -> str:
    return f"{first}{PAIR_JOINER}{second}"


def undouble(stem: str) -> str:
    """Snowball leaves some stems with a doubled final consonant ("lassen" → "lass"
    while "las" stays "las"); undoubling makes both "las"."""
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
        return stem[:-1]
    return stem


class DutchFilter(Filter):
    """Everything after tokenising, in one pass per token, with one cache per word:
    lower-case, fold accents, drop stop words, stem (undoubled), and when indexing
    also emit

    - each compound's parts (lasopleiding → las, opleid), so a part finds the compound;
    - each pair of neighbouring words (palliatiev_zorg), so a phrase is found by
      looking up its pairs: the fields need no word positions, which makes reading
      postings several times faster. Stop words are gone before pairing, both when
      indexing and when searching.

    A single filter with a per-word cache does the work of seven chained generator
    filters: indexing spends most of its time here, and a word is analysed once.
    """

    CACHE_SIZE = 200_000

    def __init__(self, decompounder: Decompounder | None = None):
        self.decompounder = decompounder
        self._setup()

    def _setup(self):
        self._stem = stemmer_for_language("nl")
        self._words: dict[str, tuple[str, tuple[str, ...]] | None] = {}

    def __getstate__(self):
        # Whoosh pickles the schema (with its analyzers) into the index: keep it small.
        return {"decompounder": self.decompounder}

    def __setstate__(self, state):
        self.decompounder = state["decompounder"]
        self._setup()

    def __eq__(self, other):
        return (
            isinstance(other, DutchFilter) and self.decompounder == other.decompounder
        )

    def word(self, raw: str) -> tuple[str, tuple[str, ...]] | None:
        """(stem, stems of its compound parts) of a raw word; None for a stop word."""
        found = self._words.get(raw, _MISSING)
        if found is _MISSING:
            folded = raw.lower().translate(accent_map)
            if folded in STOP_WORDS:
                found = None
            else:
                parts = self.decompounder.split(folded) if self.decompounder else ()
                stem = self._stem
                found = (
                    undouble(stem(folded)),
                    tuple(undouble(stem(p)) for p in parts),
                )
            if len(self._words) >= self.CACHE_SIZE:
                self._words.clear()
            self._words[raw] = found
        return found

    def __call__(self, tokens):
        previous = None
        for t in tokens:
            analysed = self.word(t.text)
            if analysed is None:
                continue
            stem, parts = analysed
            t.text = stem
            yield t
            if t.mode != "query":
                if previous is not None:
                    t.text = pair(previous, stem)
                    yield t
                for part in parts:
                    t.text = part
                    yield t
            previous = stem


_MISSING = object()


def dutch_analyzer(decompounder: Decompounder | None = None):
    """Tokenise, then DutchFilter: fold, drop stop words, stem, split compounds, pair."""
    return RegexTokenizer(r"\w+") | DutchFilter(decompounder)


def plain_analyzer():
    """For spelling suggestions and autocomplete: whole words, folded, not stemmed."""
    return RegexTokenizer(r"\w+") | LowercaseFilter() | CharsetFilter(accent_map)


def fold(text: str) -> str:
    """Lower-case and accent-folded text, as the analyzers see it."""
    return text.lower().translate(accent_map)
