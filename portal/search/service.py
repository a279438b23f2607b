"""The search service: one query in, a page of results with facets out.

Matching and scoring are Whoosh's; filtering, facet counts and non-relevance sorting
work on numpy arrays of the facet columns, loaded once per index version (snapshot), so
a facet count is a bincount instead of a walk over documents. Per index version the
service caches the documents a query matches and whole result pages.
"""

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from markupsafe import Markup

from portal.search.analysis import fold
from portal.search.documents import EPOCH
from portal.search.highlight import Highlighter
from portal.search.matching import Matcher
from portal.search.params import FILTERS, SearchRequest
from portal.search.query import ParsedQuery, QueryBuilder
from portal.search.schema import FACET_FIELDS, NO_START
from portal.search.snapshot import Snapshot, SnapshotHolder

_MISSING = object()
TOP_K = 200  # results re-ranked with the tie-breakers
CACHE_SIZE = 1024
FEW_RESULTS = 3  # below this, look for a spelling suggestion


@dataclass(frozen=True)
class Hit:
    type: str
    id: int
    title: str
    snippet: Markup
    score: float
    region: str
    municipality: str
    sector: str
    level: str
    form: str
    delivery: str
    kansrijk: bool
    price_cents: int | None
    next_start: date | None


@dataclass(frozen=True)
class SearchPage:
    request: SearchRequest
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]]
    suggestion: str | None

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.request.per_page))


class SearchService:
    def __init__(self, holder: SnapshotHolder, builder: QueryBuilder):
        self.holder = holder
        self.builder = builder
        self.highlight = Highlighter(builder.analyzer)

    # -- per-snapshot caches ------------------------------------------------------------
    @staticmethod
    def _cached(snap: Snapshot, key, compute):
        cache = snap.cache
        value = cache.get(key, _MISSING)  # one look-up: another thread may clear it
        if value is _MISSING:
            if len(cache) >= CACHE_SIZE:
                cache.clear()
            value = cache[key] = compute()
        return value

    def _matcher(self, snap: Snapshot) -> Matcher:
        return self._cached(
            snap,
            ("matcher",),
            lambda: Matcher(snap.searcher, len(snap.live), snap.live),
        )

    def _parse(self, snap: Snapshot, text: str) -> ParsedQuery:
        key = ("parse", text, self.builder.synonyms_version)
        return self._cached(snap, key, lambda: self.builder.build(text))

    def _match(self, snap: Snapshot, parsed: ParsedQuery, text: str):
        """(matching documents, scores) of the query text; no words: everything."""

        def compute():
            if parsed.root is None:
                mask = snap.live if not text.strip() else np.zeros_like(snap.live)
                return mask, None
            return self._matcher(snap).match(parsed)

        return self._cached(
            snap, ("match", text, self.builder.synonyms_version), compute
        )

    def _filter_mask(
        self, snap: Snapshot, name: str, values: tuple[str, ...]
    ) -> np.ndarray:
        def compute():
            codes = [c for v in values if (c := snap.code_of(name, v)) is not None]
            return np.isin(snap.codes[name], codes)

        return self._cached(snap, ("filter", name, values), compute)

    def _order(self, snap: Snapshot, sort: str) -> np.ndarray:
        """Docnums in browse order: kansrijk first, then earliest start, then price."""

        def compute():
            not_kansrijk = snap.codes["kansrijk"] != snap.code_of("kansrijk", "ja")
            docnums = np.arange(len(snap.live))
            if sort == "price":
                # Only courses have a price: the rest follows them, not "free" in front.
                not_course = snap.codes["type"] != snap.code_of("type", "course")
                keys = (docnums, snap.next_start, snap.price, not_course)
            elif sort == "start":
                keys = (docnums, not_kansrijk, snap.next_start)
            else:
                keys = (docnums, snap.next_start, not_kansrijk)
            return np.lexsort(keys)

        return self._cached(snap, ("order", sort), compute)

    # -- the search -----------------------------------------------------------------
    def search(self, request: SearchRequest) -> SearchPage:
        snap = self.holder.get()
        key = ("page", request.cache_key(), self.builder.synonyms_version)
        return self._cached(snap, key, lambda: self._search(snap, request))

    def _search(self, snap: Snapshot, req: SearchRequest) -> SearchPage:
        parsed = self._parse(snap, req.q)
        matches, scores = self._match(snap, parsed, req.q)
        filter_masks = {
            name: self._filter_mask(snap, name, values) for name, values in req.filters
        }
        combined = matches.copy()
        for mask in filter_masks.values():
            combined &= mask
        total = int(combined.sum())
        facets = self._facets(snap, matches, filter_masks)
        start = (req.page - 1) * req.per_page
        if req.sort == "relevance" and scores is not None:
            ranked = self._ranked(snap, scores, combined, start + req.per_page)
        else:
            order = self._order(snap, req.sort)
            ranked = [
                (0.0, int(d))
                for d in order[combined[order]][start : start + req.per_page]
            ]
            start = 0
        stems = parsed.stems
        if parsed.prefixes:
            matcher = self._matcher(snap)
            stems = stems.union(*(matcher.expand_prefix(p) for p in parsed.prefixes))
        hits = [
            self._hit(snap, docnum, score, stems)
            for score, docnum in ranked[start : start + req.per_page]
        ]
        suggestion = None
        if req.q and total < FEW_RESULTS:
            suggestion = self._suggest(snap, parsed, req.q, total)
        return SearchPage(req, total, hits, facets, suggestion)

    def _facets(
        self, snap: Snapshot, matches, filter_masks
    ) -> dict[str, dict[str, int]]:
        """Counts per facet value among the matches under every *other* active filter,
        so choosing a value in one facet still shows the alternatives in it."""
        facets = {}
        for name in FACET_FIELDS:
            if name not in FILTERS:
                continue
            mask = matches
            for other, fmask in filter_masks.items():
                if other != name:
                    mask = mask & fmask
            counts = np.bincount(
                snap.codes[name][mask], minlength=len(snap.values[name])
            )
            facets[name] = {
                value: int(count)
                for value, count in zip(snap.values[name], counts, strict=True)
                if value and count
            }
        return facets

    def _ranked(self, snap, scores, combined, needed: int) -> list[tuple[float, int]]:
        """Top results by score; ties (scores equal to one decimal) go to kansrijk
        courses, then to the earliest start."""
        docnums = np.flatnonzero(combined)
        limit = max(TOP_K, needed)
        rounded = np.round(scores[docnums], 1)
        if len(docnums) > limit:
            # Keep every document whose rounded score reaches the limit-th best, so the
            # tie-breakers decide the same order whichever page is asked for.
            threshold = -np.partition(-rounded, limit - 1)[limit - 1]
            keep = rounded >= threshold
            docnums, rounded = docnums[keep], rounded[keep]
        not_kansrijk = snap.codes["kansrijk"][docnums] != snap.code_of("kansrijk", "ja")
        order = np.lexsort((docnums, snap.next_start[docnums], not_kansrijk, -rounded))
        return [(float(scores[d]), int(d)) for d in docnums[order]]

    def _hit(
        self, snap: Snapshot, docnum: int, score: float, stems: frozenset[str]
    ) -> Hit:
        stored = snap.searcher.stored_fields(docnum)
        kind, _, ident = stored["key"].partition(":")

        def value(name):
            return snap.values[name][snap.codes[name][docnum]]

        start = int(snap.next_start[docnum])
        snippet_source = stored.get("summary") or ""
        return Hit(
            type=kind,
            id=int(ident),
            title=stored.get("title", ""),
            snippet=self.highlight(snippet_source, stems),
            score=round(float(score), 3),
            region=value("region"),
            municipality=value("municipality"),
            sector=value("sector"),
            level=value("level"),
            form=value("form"),
            delivery=value("delivery"),
            kansrijk=value("kansrijk") == "ja",
            price_cents=int(snap.price[docnum]) if kind == "course" else None,
            next_start=EPOCH + timedelta(days=start)
            if kind == "course" and start != NO_START
            else None,
        )

    def _suggest(
        self, snap: Snapshot, parsed: ParsedQuery, text: str, total: int
    ) -> str | None:
        """ "Bedoelde u …?": replace unknown words by the nearest known word, and offer
        the result only when it finds more."""
        changed = False
        words = []
        for word in fold(text).split():
            bare = word.strip('"*')
            if bare.isalpha() and len(bare) >= 3 and not snap.speller.known(bare):
                option = snap.speller.suggest(bare)
                if option:
                    words.append(option)
                    changed = True
                    continue
            words.append(word)
        if not changed:
            return None
        candidate = " ".join(words)
        better = self._match(snap, self._parse(snap, candidate), candidate)[0].sum()
        return candidate if better > total else None

    def complete(self, text: str, limit: int = 8) -> list[str]:
        """Autocomplete: the typed text with its last word completed."""
        folded = fold(text or "")[:100]
        words = folded.split()
        if not words or folded.endswith(" "):
            return []
        head = " ".join(words[:-1])
        snap = self.holder.get()
        return [f"{head} {w}".strip() for w in snap.speller.complete(words[-1], limit)]
