"""The Whoosh index on disk: versions, atomic rebuilds and one writer at a time.

Layout of SEARCH_INDEX_DIR:
    current -> gen-<stamp>      symlink to the index that serves searches
    gen-<stamp>/                one complete Whoosh index per rebuild
    rebuilding                  present while `flask search reindex` runs
    journal                     keys changed by live writes during a rebuild
    .lock                       flock: live writes and the final swap take turns

A rebuild writes a fresh directory and swaps the symlink with one rename, so searches
keep using the old index until the new one is complete, and a crash mid-rebuild leaves
the old index serving. Live updates that happen during a rebuild are journalled and
replayed into the new index just before the swap.
"""

import fcntl
import gc
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.index import LockError

from portal.search.schema import build_schema, to_index_fields

log = logging.getLogger(__name__)

WRITE_TIMEOUT = 30.0  # seconds a writer waits for Whoosh's lock before retrying
WRITE_ATTEMPTS = 3


BULK = 2000  # from this many documents on, write with more memory and two processes


def _writer_options(count: int) -> dict:
    """A few documents: Whoosh's defaults. An import's thousands: the rebuild's
    settings (two writer processes, each adding its own segment)."""
    if count < BULK:
        return {}
    return {"procs": 2, "multisegment": True, "limitmb": 512}


@contextmanager
def _frozen_heap(active: bool):
    """Before the writer forks its processes: move every object so far out of the
    garbage collector's reach. Otherwise each child's collector walks (and so copies)
    the parent's whole heap — after an import, millions of objects — again and again."""
    if not active:
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _abandon(writer) -> None:
    """Give up a writer after an error, whatever state it is in, so that its lock is
    released: a writer left holding the lock makes every later write wait and fail."""
    try:
        writer.cancel()
    except Exception:  # already closed by a failed commit
        log.warning("search index writer could not be cancelled", exc_info=True)
    lock = getattr(writer, "writelock", None)
    if lock is not None:
        try:
            lock.release()
        except Exception:
            pass  # released already


class IndexBusy(RuntimeError):
    """Raised only when the writer lock stayed taken through every retry."""


class SearchIndex:
    def __init__(self, root: str | Path, parts_file: str | Path):
        self.root = Path(root)
        self.parts_file = Path(parts_file)
        self.link = self.root / "current"

    # -- paths and versions ---------------------------------------------------------
    def current_path(self) -> Path | None:
        try:
            target = os.readlink(self.link)
        except FileNotFoundError:
            return None
        return self.root / target

    def exists(self) -> bool:
        path = self.current_path()
        return path is not None and whoosh_index.exists_in(str(path))

    def open(self, path: Path | None = None):
        path = path or self.current_path()
        if path is None:
            raise FileNotFoundError(
                f"no search index in {self.root}; run `flask search reindex`"
            )
        return whoosh_index.open_dir(str(path), schema=build_schema(self.parts_file))

    def _new_generation(self) -> Path:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        path = self.root / f"gen-{stamp}"
        path.mkdir(parents=True)
        whoosh_index.create_in(str(path), build_schema(self.parts_file))
        return path

    def _point_current_to(self, path: Path) -> None:
        tmp = self.root / f".current-{os.getpid()}"
        if tmp.is_symlink():
            tmp.unlink()
        tmp.symlink_to(path.name)
        os.replace(tmp, self.link)  # atomic on POSIX

    def ensure(self) -> None:
        """Create an empty index when there is none (first start, tests)."""
        self.root.mkdir(parents=True, exist_ok=True)
        with self._locked():
            if not self.exists():
                self._point_current_to(self._new_generation())

    @contextmanager
    def _locked(self):
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".lock", "a") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    # -- writing ----------------------------------------------------------------------
    def _apply(self, ix, docs: Iterable[dict], delete_keys: Iterable[str]) -> None:
        """Write through Whoosh's own lock, waiting and retrying instead of failing."""
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                writer = ix.writer(timeout=WRITE_TIMEOUT, **_writer_options(len(docs)))
            except LockError:
                log.warning("search index writer busy (attempt %s)", attempt)
                if attempt == WRITE_ATTEMPTS:
                    raise IndexBusy("the search index stayed locked") from None
                continue
            try:
                # One searcher finds every document to replace or remove (Whoosh's
                # update_document opens a new one per document: slow for an import).
                keys = set(delete_keys) | {doc["key"] for doc in docs}
                with writer.searcher() as searcher:
                    for key in keys:
                        for docnum in searcher.document_numbers(key=key):
                            writer.delete_document(docnum)
                for doc in docs:
                    writer.add_document(**to_index_fields(doc))
                writer.commit()
            except BaseException:
                _abandon(writer)
                raise
            return

    def write(self, docs: list[dict], delete_keys: list[str] = ()) -> None:
        """Live update: add or replace `docs`, remove `delete_keys`."""
        if not docs and not delete_keys:
            return
        self.ensure()
        with self._locked(), _frozen_heap(len(docs) >= BULK):
            self._apply(self.open(), docs, delete_keys)
            if (self.root / "rebuilding").exists():
                with open(self.root / "journal", "a", encoding="utf-8") as fh:
                    for key in [d["key"] for d in docs] + list(delete_keys):
                        fh.write(key + "\n")

    def rebuild(
        self,
        batches: Iterable[list[dict]],
        load_keys: Callable[[list[str]], tuple[list[dict], list[str]]],
        procs: int = 1,
        on_batch: Callable[[int], None] | None = None,
        on_built: Callable[[Path], None] | None = None,
    ) -> Path:
        """Build a complete new index from `batches`, then swap it in.

        `load_keys(keys)` returns (docs, missing_keys) for keys changed by live writes
        while the rebuild ran; they are replayed into the new index before the swap.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "journal").unlink(missing_ok=True)
        (self.root / "rebuilding").write_text(str(os.getpid()))
        path = self._new_generation()
        ix = whoosh_index.open_dir(str(path), schema=build_schema(self.parts_file))
        kwargs = (
            {"procs": procs, "multisegment": True, "limitmb": 1024}
            if procs > 1
            else {"limitmb": 1024}
        )
        writer = ix.writer(**kwargs)
        try:
            for batch in batches:
                for doc in batch:
                    writer.add_document(**to_index_fields(doc))
                if on_batch:
                    on_batch(len(batch))
        except BaseException:
            writer.cancel()
            # The old index keeps serving; live writes need no journal any more.
            (self.root / "rebuilding").unlink(missing_ok=True)
            (self.root / "journal").unlink(missing_ok=True)
            shutil.rmtree(path, ignore_errors=True)
            raise
        writer.commit()
        if on_built:
            on_built(path)  # extra files of this version (the spelling word list)
        with self._locked():
            journal = self.root / "journal"
            keys = sorted(set(journal.read_text().split())) if journal.exists() else []
            if keys:
                docs, missing = load_keys(keys)
                self._apply(ix, docs, missing)
            self._point_current_to(path)
            journal.unlink(missing_ok=True)
            (self.root / "rebuilding").unlink(missing_ok=True)
        self.remove_old_generations(keep=path)
        return path

    def remove_old_generations(self, keep: Path, grace_seconds: float = 60.0) -> None:
        """Delete old index versions; recent ones stay a little while for searchers
        in other processes that still have them open."""
        now = time.time()
        for path in self.root.glob("gen-*"):
            if path == keep or path == self.current_path():
                continue
            if now - path.stat().st_mtime > grace_seconds:
                shutil.rmtree(path, ignore_errors=True)
