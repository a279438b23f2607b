"""`flask search reindex` and `flask search check`."""

import time

import click
from flask.cli import AppGroup
from sqlalchemy import func, select

from portal.catalog.models import Course, Fund, Initiative, Provider
from portal.extensions import db
from portal.lokets.models import Loket
from portal.search import engine, indexing

search_cli = AppGroup("search", help="The search index.")


@search_cli.command("reindex")
@click.option("--procs", default=1, show_default=True, help="Writer processes.")
def reindex_command(procs: int) -> None:
    """Rebuild the whole index into a new folder and swap it in atomically."""
    total = sum(
        db.session.scalar(select(func.count()).select_from(m))
        for m in (Loket, Provider, Fund, Initiative)
    ) + db.session.scalar(
        select(func.count(Course.id)).where(Course.withdrawn_at.is_(None))
    )
    started = time.perf_counter()
    with click.progressbar(length=total, label="Indexeren", show_pos=True) as bar:
        engine.reindex(procs=procs, on_batch=bar.update)
    click.echo(
        f"{total} documenten geïndexeerd in {time.perf_counter() - started:.1f} s."
    )


@search_cli.command("check")
def check_command() -> None:
    """Report drift between the index and the database; exit 1 when there is any."""
    snap = engine.service().holder.get()
    reader = snap.searcher.reader()
    indexed = {fields["key"] for _, fields in reader.iter_docs()}
    in_db = indexing.database_keys()
    missing, extra = sorted(in_db - indexed), sorted(indexed - in_db)
    click.echo(f"Database: {len(in_db)} · index: {len(indexed)}")
    for label, keys in (
        ("Niet in de index", missing),
        ("Niet (meer) in de database", extra),
    ):
        if keys:
            click.echo(
                f"{label} ({len(keys)}): {', '.join(keys[:20])}{' …' if len(keys) > 20 else ''}"
            )
    if missing or extra:
        raise SystemExit(1)
    click.echo("Index en database komen overeen.")
