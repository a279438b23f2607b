"""Evaluating a query tree over one index version with numpy: which documents match
and their BM25F score. Postings, field lengths and phrase matches are cached per index
version, so a word is read from disk once."""

import math

import numpy as np

from portal.search.analysis import pair
from portal.search.postings import field_lengths, term_postings
from portal.search.query import AllOf, AnyOf, BestOf, ParsedQuery, Phrase, Prefix, Term

FIELD_BOOSTS = {"title": 3.0, "body": 1.0}
K1, B = 1.2, 0.75  # Whoosh's BM25F defaults
TITLE_BONUS = 4.0  # a document whose title holds every word gets this × its title score
MAX_PREFIX_TERMS = 20
MAX_PREFIX_WALK = 500  # terms looked at per prefix before choosing the most frequent
POSTINGS_CACHE = 20_000


class Matcher:
    """Per index version: postings and lengths as arrays, and the scoring."""

    def __init__(self, searcher, size: int, live: np.ndarray):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.size = size
        self.live = live
        self.lengths = {f: field_lengths(self.reader, f, size) for f in FIELD_BOOSTS}
        count = max(int(live.sum()), 1)
        self.avg = {
            f: max(float(self.lengths[f][live].sum()) / count, 1.0)
            for f in FIELD_BOOSTS
        }
        self.doc_count = count
        self._postings: dict = {}
        self._prefixes: dict = {}

    # -- reading --------------------------------------------------------------------
    def postings(self, fieldname: str, stem: str) -> tuple[np.ndarray, np.ndarray]:
        key = (fieldname, stem)
        found = self._postings.get(key)
        if found is None:
            if len(self._postings) >= POSTINGS_CACHE:
                self._postings.clear()
            found = self._postings[key] = term_postings(self.reader, fieldname, stem)
        return found

    def expand_prefix(self, prefix: str) -> list[str]:
        """The most frequent indexed words that start with `prefix` (bounded)."""
        found = self._prefixes.get(prefix)
        if found is None:
            freq: dict[str, int] = {}
            for fieldname in FIELD_BOOSTS:
                for i, term in enumerate(self.reader.expand_prefix(fieldname, prefix)):
                    if i >= MAX_PREFIX_WALK:
                        break
                    text = term.decode() if isinstance(term, bytes) else term
                    freq[text] = freq.get(text, 0) + self.reader.doc_frequency(
                        fieldname, term
                    )
            found = sorted(freq, key=lambda t: (-freq[t], t))[:MAX_PREFIX_TERMS]
            self._prefixes[prefix] = found
        return found

    # -- scoring --------------------------------------------------------------------
    def _term(self, stem: str) -> tuple[np.ndarray, np.ndarray]:
        mask = np.zeros(self.size, dtype=bool)
        score = np.zeros(self.size, dtype=np.float32)
        for fieldname, boost in FIELD_BOOSTS.items():
            ids, tf = self.postings(fieldname, stem)
            if not len(ids):
                continue
            idf = math.log(self.doc_count / (len(ids) + 1)) + 1.0
            norm = K1 * (
                (1 - B) + B * self.lengths[fieldname][ids] / self.avg[fieldname]
            )
            score[ids] += boost * idf * tf * (K1 + 1) / (tf + norm)
            mask[ids] = True
        return mask, score

    def _phrase(self, stems: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
        """Documents that hold every neighbouring pair of the phrase (see PairFilter)."""
        pairs = tuple(Term(pair(a, b)) for a, b in zip(stems, stems[1:], strict=False))
        return self.evaluate(AllOf(pairs))

    def evaluate(self, node) -> tuple[np.ndarray, np.ndarray]:
        """(matches, scores) of a query node; scores are only meaningful where it matches."""
        if isinstance(node, Term):
            return self._term(node.stem)
        if isinstance(node, Phrase):
            return self._phrase(node.stems)
        if isinstance(node, Prefix):
            terms = self.expand_prefix(node.prefix)
            return self.evaluate(AnyOf(tuple(Term(t) for t in terms)))
        if isinstance(node, BestOf):
            results = [self.evaluate(child) for child in node.children]
            mask = np.logical_or.reduce([m for m, _ in results])
            score = np.max(
                [w * s * m for (m, s), w in zip(results, node.weights, strict=True)],
                axis=0,
            ).astype(np.float32)
            return mask, score
        if isinstance(node, AnyOf | AllOf):
            if not node.children:
                return np.zeros(self.size, dtype=bool), np.zeros(
                    self.size, dtype=np.float32
                )
            results = [self.evaluate(child) for child in node.children]
            combine = np.logical_or if isinstance(node, AnyOf) else np.logical_and
            mask = combine.reduce([m for m, _ in results])
            score = np.sum([s * m for m, s in results], axis=0, dtype=np.float32)
            return mask, score
        raise TypeError(f"unknown query node {node!r}")

    def match(self, parsed: ParsedQuery) -> tuple[np.ndarray, np.ndarray]:
        mask, score = self.evaluate(parsed.root)
        if parsed.title_stems:
            in_title = np.ones(self.size, dtype=bool)
            title_score = np.zeros(self.size, dtype=np.float32)
            for stem in parsed.title_stems:
                ids, _ = self.postings("title", stem)
                has = np.zeros(self.size, dtype=bool)
                has[ids] = True
                in_title &= has
            if in_title.any():
                for stem in parsed.title_stems:
                    _, s = self._term(stem)
                    title_score += s
                score = score + TITLE_BONUS * title_score * in_title
        return mask & self.live, score
