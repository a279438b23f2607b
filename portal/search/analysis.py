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

from whoosh.analysis import (
    CharsetFilter,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
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


class DecompoundFilter(Filter):
    """Emits each token, followed by its compound parts at the same position."""

    def __init__(self, decompounder: Decompounder):
        self.decompounder = decompounder

    def __eq__(self, other):
        return (
            isinstance(other, DecompoundFilter)
            and self.decompounder is other.decompounder
        )

    def __call__(self, tokens):
        split = self.decompounder.split
        for t in tokens:
            # Later filters change the shared token in place: read the word first.
            original = t.text
            parts = () if t.mode == "query" else split(original)
            t.part = False
            yield t
            # Queries ask for the whole word; query.py adds the parts itself.
            for part in parts:
                t.text = part
                t.part = True
                yield t
            t.part = False


class UndoubleFilter(Filter):
    """Snowball leaves some stems with a doubled final consonant ("lassen" → "lass"
    while "las" stays "las"); undoubling makes both "las"."""

    def __call__(self, tokens):
        for t in tokens:
            text = t.text
            if len(text) > 3 and text[-1] == text[-2] and text[-1] not in "aeiou":
                t.text = text[:-1]
            yield t


PAIR_JOINER = "_"


def pair(first: str, second: str) -> str:
    return f"{first}{PAIR_JOINER}{second}"


class PairFilter(Filter):
    """Also indexes each pair of neighbouring words ("palliatiev_zorg"), so a phrase
    is found by looking up its pairs instead of decoding word positions: the fields
    then need no positions at all, which makes reading postings several times faster.
    Stop words are gone before pairing, both when indexing and when searching."""

    def __call__(self, tokens):
        previous = None
        for t in tokens:
            if getattr(t, "part", False):
                yield t
                continue
            text = t.text
            yield t
            if t.mode != "query" and previous is not None:
                t.text = pair(previous, text)
                yield t
                t.text = text
            previous = text


def dutch_analyzer(decompounder: Decompounder | None = None):
    """Tokenise, lower-case, fold accents, drop stop words, split compounds, stem."""
    chain = (
        RegexTokenizer(r"\w+")
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter(stoplist=STOP_WORDS, minsize=1)
    )
    if decompounder is not None:
        chain = chain | DecompoundFilter(decompounder)
    return (
        chain
        | StemFilter(lang="nl", cachesize=100_000)
        | UndoubleFilter()
        | PairFilter()
    )


def plain_analyzer():
    """For spelling suggestions and autocomplete: whole words, folded, not stemmed."""
    return RegexTokenizer(r"\w+") | LowercaseFilter() | CharsetFilter(accent_map)


def fold(text: str) -> str:
    """Lower-case and accent-folded text, as the analyzers see it."""
    return text.lower().translate(accent_map)
