"""`flask seed`: load the demo and reference data from seed/."""

import click
from flask import current_app
from flask.cli import with_appcontext

from portal.extensions import db
from portal.search import engine as search_engine
from portal.seeding.loader import load_seed
from portal.seeding.validate import SeedError


@click.command("seed")
@with_appcontext
@click.option("--without-demo-accounts", is_flag=True, help="Skip the demo accounts.")
def seed_command(without_demo_accounts: bool) -> None:
    """Load seed/ into the database (safe to run again: it updates in place)."""
    try:
        report = load_seed(
            current_app.config["SEED_DIR"], with_demo_accounts=not without_demo_accounts
        )
    except (SeedError, KeyError, FileNotFoundError) as exc:
        db.session.rollback()
        raise click.ClickException(f"Seed failed, nothing was changed: {exc}") from exc
    db.session.commit()
    click.echo(report.summary() or "Alles was al bijgewerkt.")
    # The database changed: bring the search index up to date explicitly.
    search_engine.reindex()
    click.echo("Zoekindex bijgewerkt.")
