"""One open index version per worker process, with its facet columns as arrays.

Opening a searcher costs tens of milliseconds on a large index, so each process keeps
one and reopens it only when the index changed: when `current` points elsewhere
(a rebuild) or the searcher is no longer up to date (a live write). Whoosh's
`Searcher.refresh()` is not used: on some versions it kept stale versions of updated
documents visible, so a changed index always gets a fresh searcher.
"""

import threading
import time
from dataclasses import dataclass, field

import numpy as np

from portal.search.index import SearchIndex
from portal.search.matching import Matcher
from portal.search.postings import numeric_column, ref_column
from portal.search.schema import FACET_FIELDS
from portal.search.spelling import Speller, read_words

CHECK_INTERVAL = 1.0  # seconds between "did the index change?" checks per process


@dataclass
class Snapshot:
    path: str
    searcher: object
    doc_count: int
    live: np.ndarray  # bool per docnum: not deleted
    codes: dict[str, np.ndarray]  # facet field → int code per docnum
    values: dict[str, list[str]]  # facet field → value per code
    price: np.ndarray
    next_start: np.ndarray
    version: int
    speller: Speller
    matcher: Matcher
    cache: dict = field(default_factory=dict)  # per-version caches (query masks, …)
    checked_at: float = 0.0

    def code_of(self, fieldname: str, value: str) -> int | None:
        try:
            return self.values[fieldname].index(value)
        except ValueError:
            return None


def load_snapshot(index: SearchIndex, version: int) -> Snapshot:
    path = index.current_path()  # read the link once: a swap may happen meanwhile
    ix = index.open(path)
    searcher = ix.searcher()
    reader = searcher.reader()
    size = reader.doc_count_all()
    live = np.zeros(size, dtype=bool)
    live[list(reader.all_doc_ids())] = True
    codes, values = {}, {}
    for name in FACET_FIELDS:
        codes[name], values[name] = ref_column(reader, name, size)
    price = numeric_column(reader, "price", size)
    next_start = numeric_column(reader, "next_start", size)
    return Snapshot(
        path=str(path),
        searcher=searcher,
        doc_count=int(live.sum()),
        live=live,
        codes=codes,
        values=values,
        price=price,
        next_start=next_start,
        version=version,
        speller=Speller(read_words(path)),
        matcher=Matcher(searcher, size, live),
    )


class SnapshotHolder:
    """Keeps the current snapshot of one index for this process."""

    def __init__(self, index: SearchIndex):
        self.index = index
        self._snapshot: Snapshot | None = None
        self._lock = threading.Lock()
        self._version = 0

    def mark_stale(self) -> None:
        """This process just wrote: check on the next search, not after the interval."""
        if self._snapshot is not None:
            self._snapshot.checked_at = 0.0

    def get(self) -> Snapshot:
        snap = self._snapshot
        now = time.monotonic()
        if snap is not None and now - snap.checked_at < CHECK_INTERVAL:
            return snap
        with self._lock:
            snap = self._snapshot
            if snap is not None and self._is_current(snap):
                snap.checked_at = now
                return snap
            self.index.ensure()
            self._version += 1
            fresh = load_snapshot(self.index, self._version)
            fresh.checked_at = now
            # The old searcher is not closed here: a request in another thread may still
            # be using it; it closes when the last reference goes.
            self._snapshot = fresh
            return fresh

    def _is_current(self, snap: Snapshot) -> bool:
        if str(self.index.current_path()) != snap.path:
            return False
        return snap.searcher.up_to_date()
