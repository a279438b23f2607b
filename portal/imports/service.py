"""Runs an import from a file to the import log: read, plan, and — when asked and the
file is clean — apply in one transaction, then update the search index for exactly the
changed courses. Used by `flask import courses` and the admin upload page."""

import gc
import hashlib
import logging
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from flask import current_app
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import update

from portal.catalog.models import Provider
from portal.extensions import db
from portal.imports import report as reports
from portal.imports import sources
from portal.imports.apply import apply_plan
from portal.imports.models import ImportRun
from portal.imports.plan import Plan, make_plan
from portal.imports.records import MAX_BYTES, MAX_RECORDS, ImportFileError, ParseResult
from portal.imports.state import load_state
from portal.search import engine

log = logging.getLogger(__name__)

MODES = ("dry_run", "preview", "apply")


@dataclass
class Source:
    filename: str
    sha256: str
    size: int
    read: Callable[[str], ParseResult]  # provider_ref → records; may raise
    payload: bytes | None = None  # an upload, kept between preview and apply


def limits() -> dict:
    config = current_app.config
    return {
        "max_bytes": config.get("IMPORT_MAX_BYTES", MAX_BYTES),
        "max_records": config.get("IMPORT_MAX_RECORDS", MAX_RECORDS),
    }


def from_bytes(filename: str, data: bytes) -> Source:
    return Source(
        filename,
        hashlib.sha256(data).hexdigest(),
        len(data),
        lambda ref: sources.read_bytes(filename, data, provider_ref=ref, **limits()),
        payload=data,
    )


def from_path(path: str | Path) -> Source:
    """A file or a folder; a folder's hash covers its readable files' names and bytes."""
    path = Path(path)
    files = sources.list_folder(path)[0] if path.is_dir() else [path]
    digest, size = hashlib.sha256(), 0
    for file in files:
        if path.is_dir():
            digest.update(file.name.encode() + b"\0")
        with open(file, "rb") as fh:
            while chunk := fh.read(1 << 20):
                digest.update(chunk)
                size += len(chunk)
    return Source(
        path.name,
        digest.hexdigest(),
        size,
        lambda ref: sources.read_path(path, provider_ref=ref, **limits()),
    )


@contextmanager
def paused_gc():
    """No cyclic garbage collection while an import runs: with 100,000 records the
    collector's passes over millions of young objects cost more than a tenth of the
    time. Reference counting still frees what is no longer used."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def run_import(
    source: Source,
    *,
    mode: str,
    actor: str,
    channel: str,
    provider: Provider | None = None,
    full: bool = False,
    user_id: int | None = None,
    run: ImportRun | None = None,
) -> tuple[ImportRun, Plan | None]:
    """Read, plan and (mode "apply") write; always leaves one logged `ImportRun`.
    `run` continues a web preview instead of starting a new log entry."""
    if mode not in MODES:
        raise ValueError(mode)
    with paused_gc():
        return _run(source, mode, actor, channel, provider, full, user_id, run)


class Stopwatch:
    """Seconds per phase of one import, kept in its report ("lezen", "vergelijken",
    "schrijven", "zoekindex")."""

    def __init__(self):
        self.last = time.perf_counter()
        self.seconds: dict[str, float] = {}

    def lap(self, phase: str) -> None:
        now = time.perf_counter()
        self.seconds[phase] = round(now - self.last, 2)
        self.last = now

    def stamp(self, run: ImportRun) -> None:
        run.report = {**(run.report or {}), "seconds": dict(self.seconds)}


def _run(source, mode, actor, channel, provider, full, user_id, run):
    watch = Stopwatch()
    run = run or ImportRun(
        actor=actor,
        channel=channel,
        user_id=user_id,
        filename=source.filename[:300],
        sha256=source.sha256,
        size_bytes=source.size,
        provider_id=provider.id if provider else None,
        full=full,
    )
    try:
        parsed = source.read(provider.slug if provider else "")
    except ImportFileError as exc:
        return _finish(run, "failed", _message(exc)), None
    watch.lap("lezen")
    run.format = parsed.format
    state = load_state(parsed, provider.id if provider else None)
    plan = make_plan(parsed, state, provider_id=run.provider_id, full=full)
    run.report = reports.build(plan, state)
    _count(run, plan)
    watch.lap("vergelijken")
    watch.stamp(run)
    if mode != "apply":
        run.payload = source.payload if mode == "preview" else None
        return _finish(run, mode, ""), plan
    if plan.rejections:
        message = _l(
            "Er zijn %(n)s records afgekeurd. Er is niets veranderd: verbeter het "
            "bestand en probeer het opnieuw.",
            n=len(plan.rejections),
        )
        return _finish(run, "refused", message), plan
    return _apply(run, plan, watch), plan


def _apply(run: ImportRun, plan: Plan, watch: Stopwatch) -> ImportRun:
    now = datetime.now(UTC)
    stored_before = run.id is not None  # a web preview being applied
    run.status = "applying"
    db.session.add(run)
    try:
        db.session.flush()
        touched = apply_plan(plan, run.id, now)
        run.status, run.applied_at, run.payload = "applied", now, None
        db.session.commit()
        watch.lap("schrijven")
    except Exception:
        # All or nothing: no course of this file stays half written.
        db.session.rollback()
        log.exception("import %s failed", run.filename)
        failed = run if stored_before else _fresh_copy(run)
        message = _l("Het importeren is mislukt. Er is niets veranderd.")
        return _finish(failed, "failed", message)
    try:
        engine.index_courses(
            touched["courses"], touched["withdrawn"], touched["providers"]
        )
    except Exception:
        log.exception("search index not updated after import %s", run.id)
        run.message = (
            "De catalogus is bijgewerkt, de zoekindex niet: "
            "draai 'flask search reindex'."
        )
    watch.lap("zoekindex")
    watch.stamp(run)
    db.session.commit()
    return run


def _fresh_copy(run: ImportRun) -> ImportRun:
    """The log entry again after a rollback (the old one was never stored)."""
    skip = {"id", "created_at", "applied_at", "status", "message", "payload"}
    return ImportRun(
        **{
            column.key: getattr(run, column.key)
            for column in ImportRun.__table__.columns
            if column.key not in skip
        }
    )


PREVIEW_DAYS = 7  # an upload nobody applied or cancelled is discarded after this


def discard_old_previews(now: datetime, days: int = PREVIEW_DAYS) -> int:
    """Previews older than `days`: discarded, their uploaded file dropped (the log
    entry with name, hash and counts stays). Returns how many."""
    cutoff = now - timedelta(days=days)
    result = db.session.execute(
        update(ImportRun)
        .where(ImportRun.status == "preview", ImportRun.created_at < cutoff)
        .values(status="discarded", payload=None)
    )
    return result.rowcount


def _count(run: ImportRun, plan: Plan) -> None:
    for key, value in plan.counts.items():
        setattr(run, key, value)


def _message(exc: ImportFileError) -> str:
    with force_locale("nl"):
        text = str(exc.message)
    return f"{exc.filename}: {text}" if exc.filename else text


def _finish(run: ImportRun, status: str, message) -> ImportRun:
    with force_locale("nl"):
        run.status, run.message = status, str(message)
    if status == "failed":
        run.payload = None
    db.session.add(run)
    db.session.commit()
    return run
