"""`flask catalog generate` / `remove-synthetic`: a synthetic catalogue for benchmarks."""

import click
from flask.cli import AppGroup

from portal.catalog import synthetic
from portal.extensions import db

catalog_cli = AppGroup("catalog", help="The course catalogue.")


@catalog_cli.command("generate")
@click.option("--count", type=click.IntRange(1, 1_000_000), required=True)
def generate_command(count: int) -> None:
    """Add COUNT synthetic courses (marked synthetic; run `flask search reindex` after)."""
    synthetic.generate(count)
    db.session.commit()
    click.echo(f"{count} synthetische opleidingen toegevoegd.")


@catalog_cli.command("remove-synthetic")
def remove_command() -> None:
    """Remove every synthetic course again."""
    removed = synthetic.remove()
    db.session.commit()
    click.echo(f"{removed} synthetische opleidingen verwijderd.")
