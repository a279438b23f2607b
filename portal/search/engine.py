"""Wires the search index into the app: one service per process, built lazily."""

from collections import Counter
from pathlib import Path

from flask import Flask, current_app
from flask_babel import force_locale

from portal.clock import today
from portal.search import documents, indexing, spelling
from portal.search.analysis import dutch_analyzer
from portal.search.index import SearchIndex
from portal.search.query import QueryBuilder
from portal.search.schema import decompounder
from portal.search.service import SearchService
from portal.search.snapshot import SnapshotHolder
from portal.search.synonyms import SynonymFile


def init_app(app: Flask) -> None:
    seed = Path(app.config["SEED_DIR"])
    app.config.setdefault("SEARCH_PARTS_FILE", str(seed / "compound_parts.txt"))
    app.config.setdefault("SEARCH_SYNONYMS_FILE", str(seed / "synonyms.yaml"))
    app.extensions["search"] = None


def make_index(app: Flask) -> SearchIndex:
    return SearchIndex(app.config["SEARCH_INDEX_DIR"], app.config["SEARCH_PARTS_FILE"])


def service() -> SearchService:
    app = current_app._get_current_object()
    svc = app.extensions.get("search")
    if svc is None:
        parts = decompounder(app.config["SEARCH_PARTS_FILE"])
        builder = QueryBuilder(
            dutch_analyzer(parts),
            parts,
            SynonymFile(app.config["SEARCH_SYNONYMS_FILE"]),
        )
        svc = app.extensions["search"] = SearchService(
            SnapshotHolder(make_index(app)), builder
        )
    return svc


def index_records(records) -> None:
    """Add or update these records in the index (call after the change is flushed);
    withdrawn courses are taken out."""
    svc = service()
    sectors = indexing.fund_sectors()
    gone = [r for r in records if getattr(r, "withdrawn_at", None) is not None]
    docs = [indexing.to_document(r, today(), sectors) for r in records if r not in gone]
    svc.holder.index.write(docs, [indexing.record_key(r) for r in gone])
    svc.holder.mark_stale()


def index_courses(
    course_ids: list[int], gone_ids: list[int], provider_ids: list[int] = ()
) -> None:
    """Bulk update after an import: these courses (re)written, `gone_ids` taken out,
    the providers' documents refreshed (their places may have changed)."""
    svc = service()
    day, sectors = today(), indexing.fund_sectors()
    with force_locale("nl"):
        docs = [
            documents.course_document(facts, day, sectors)
            for facts in indexing.course_facts_for(list(course_ids))
        ]
    written = {d["key"] for d in docs}
    gone = [f"course:{i}" for i in gone_ids]
    # A course read as withdrawn is not in `docs`: take it out as well.
    gone += [f"course:{i}" for i in course_ids if f"course:{i}" not in written]
    if provider_ids:
        extra, missing = indexing.documents_for_keys(
            [f"provider:{i}" for i in provider_ids], day
        )
        docs += extra
        gone += missing
    svc.holder.index.write(docs, gone)
    svc.holder.mark_stale()


def remove_records(keys: list[str]) -> None:
    svc = service()
    svc.holder.index.write([], list(keys))
    svc.holder.mark_stale()


def reindex(procs: int = 1, on_batch=None) -> None:
    index = service().holder.index
    day = today()
    words: Counter = Counter()

    def batches():
        for batch in indexing.all_documents(day):
            spelling.count_words((f"{d['title']} {d['body']}" for d in batch), words)
            yield batch

    index.rebuild(
        batches(),
        lambda keys: indexing.documents_for_keys(keys, day),
        procs=procs,
        on_batch=on_batch,
        on_built=lambda path: spelling.write_words(path, words),
    )
    service().holder.mark_stale()
