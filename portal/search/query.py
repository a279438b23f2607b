"""From what a resident types to a query tree. Pure: no Flask, no database, no index.

- "quoted words" are phrases; a trailing * makes a prefix (expanded later to at most
  MAX_PREFIX_TERMS of the most frequent matching words, so "verp*" stays fast);
- every other word must match (AND), in the title or the text, as itself, as one of
  its synonyms, or — for a compound — as all of its parts;
- documents whose title holds every word get a bonus, so title matches rank first.
Never raises on odd input: query-language syntax, quotes and SQL are plain words here.
"""

import re
from dataclasses import dataclass

from portal.search.analysis import STOP_WORDS, Decompounder, fold

MAX_PREFIX_TERMS = 20
WORD_WEIGHT = 1.0  # the word as typed
SYNONYM_WEIGHT = 0.5  # one of its synonyms
PARTS_WEIGHT = 0.7  # all parts of a compound, relative to the compound itself
MAX_WORDS = 12
_PHRASE = re.compile(r'"([^"]*)"')
_WORD = re.compile(r"\w+\*?", re.UNICODE)


@dataclass(frozen=True)
class Term:
    stem: str


@dataclass(frozen=True)
class Phrase:
    stems: tuple[str, ...]


@dataclass(frozen=True)
class Prefix:
    prefix: str


@dataclass(frozen=True)
class AnyOf:
    children: tuple


@dataclass(frozen=True)
class BestOf:
    """One word's ways to match (itself, its parts, its synonyms): a document scores by
    the best of them, weighted, so matching many synonyms does not outrank the word."""

    children: tuple
    weights: tuple[float, ...]


@dataclass(frozen=True)
class AllOf:
    children: tuple


@dataclass(frozen=True)
class ParsedQuery:
    root: object | None  # None: no words (browse everything, or nothing searchable)
    words: tuple[str, ...]  # folded words as typed (for spelling suggestions)
    stems: frozenset[str]  # stems that can match (highlighting; prefixes add theirs)
    title_stems: tuple[str, ...]  # all plain words' stems (the title bonus)
    prefixes: tuple[str, ...] = ()  # words typed with a trailing *


def _one_or_many(cls, children: list):
    return children[0] if len(children) == 1 else cls(tuple(children))


class QueryBuilder:
    def __init__(self, analyzer, decompounder: Decompounder, synonyms):
        self.analyzer = analyzer
        self.decompounder = decompounder
        # A mapping, or an object whose current() returns one (re-read on change).
        self._synonyms = synonyms

    @property
    def synonyms(self) -> dict[str, tuple[str, ...]]:
        source = self._synonyms
        return source.current() if hasattr(source, "current") else source

    @property
    def synonyms_version(self) -> int:
        """Changes whenever the synonym file was re-read (checks the file first)."""
        self.synonyms  # noqa: B018  (current() re-reads a changed file)
        return getattr(self._synonyms, "version", 0)

    def stems(self, text: str) -> list[str]:
        return [t.text for t in self.analyzer(text, mode="query")]

    @staticmethod
    def _phrase(stems: list[str]):
        return Term(stems[0]) if len(stems) == 1 else Phrase(tuple(stems))

    def _word(self, word: str, collected: set[str]):
        if word.endswith("*"):
            base = word[:-1]
            return Prefix(base) if len(base) >= 2 else None
        weighted: dict = {}
        for rank, variant in enumerate((word, *self.synonyms.get(word, ()))):
            stems = self.stems(variant)
            if not stems:
                continue
            collected.update(stems)
            own = WORD_WEIGHT if rank == 0 else SYNONYM_WEIGHT
            node = self._phrase(stems)
            weighted[node] = max(weighted.get(node, 0.0), own)
            parts = self.decompounder.split(variant) if " " not in variant else ()
            part_stems = [s for p in parts for s in self.stems(p)]
            if len(part_stems) > 1:
                collected.update(part_stems)
                node = AllOf(tuple(Term(s) for s in part_stems))
                weighted[node] = max(weighted.get(node, 0.0), own * PARTS_WEIGHT)
        if not weighted:
            return None
        if len(weighted) == 1 and next(iter(weighted.values())) == WORD_WEIGHT:
            return next(iter(weighted))
        return BestOf(tuple(weighted), tuple(weighted.values()))

    def build(self, text: str) -> ParsedQuery:
        text = fold(text or "")
        collected: set[str] = set()
        clauses = []
        for phrase in _PHRASE.findall(text):
            stems = self.stems(phrase)
            if stems:
                collected.update(stems)
                clauses.append(self._phrase(stems))
        rest = _PHRASE.sub(" ", text).replace('"', " ")
        words = [w for w in _WORD.findall(rest) if w.rstrip("*") not in STOP_WORDS][
            :MAX_WORDS
        ]
        for word in words:
            clause = self._word(word, collected)
            if clause is not None:
                clauses.append(clause)
        title_stems = tuple(
            s for w in words if not w.endswith("*") for s in self.stems(w)
        )
        root = _one_or_many(AllOf, clauses) if clauses else None
        prefixes = tuple(w[:-1] for w in words if w.endswith("*") and len(w) > 2)
        return ParsedQuery(
            root,
            tuple(w.rstrip("*") for w in words),
            frozenset(collected),
            title_stems,
            prefixes,
        )
