"""`flask import courses FILE [--provider SLUG] [--full] [--dry-run]` and
`flask import purge-previews [--days N]`."""

import getpass
from datetime import UTC, datetime

import click
from flask.cli import AppGroup
from sqlalchemy import select

from portal.catalog.models import Provider
from portal.extensions import db
from portal.imports import report as reports
from portal.imports import service

import_cli = AppGroup("import", help="Gegevens van opleiders inlezen.")

STATUS_TEXT = {
    "dry_run": "Droogtest: er is niets veranderd.",
    "applied": "Ingelezen.",
    "refused": "Niet ingelezen.",
    "failed": "Niet ingelezen.",
}


@import_cli.command("courses")
@click.argument("file", type=click.Path(exists=True, readable=True))
@click.option(
    "--provider", "provider_slug", help="Alle records horen bij deze aanbieder (slug)."
)
@click.option(
    "--full",
    is_flag=True,
    help="Het bestand is het volledige aanbod: wat ontbreekt, wordt ingetrokken.",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Laat zien wat er zou veranderen, zonder iets te veranderen.",
)
def courses_command(
    file: str, provider_slug: str | None, full: bool, dry_run: bool
) -> None:
    """Read courses from an EDU-DEX JSON/XML file, a CSV file or a folder of them."""
    provider = None
    if provider_slug:
        provider = db.session.scalar(
            select(Provider).where(Provider.slug == provider_slug)
        )
        if provider is None:
            raise click.BadParameter(
                f"aanbieder ‘{provider_slug}’ bestaat niet", param_hint="--provider"
            )
    source = service.from_path(file)
    run, _ = service.run_import(
        source,
        mode="dry_run" if dry_run else "apply",
        actor=f"cli:{_login()}",
        channel="cli",
        provider=provider,
        full=full,
    )
    click.echo(
        f"Import {run.id}: {run.filename} (sha256 {run.sha256[:12]}…, {run.size_bytes} bytes, {run.format or '?'})"
    )
    click.echo(STATUS_TEXT[run.status])
    if run.message:
        click.echo(run.message)
    if run.report:
        click.echo(reports.as_text(run.report))
        if run.report.get("seconds"):
            click.echo(reports.timing(run.report["seconds"]))
    if run.status in ("failed", "refused"):
        raise SystemExit(1)


@import_cli.command("purge-previews")
@click.option("--days", type=click.IntRange(1, 365), default=service.PREVIEW_DAYS)
def purge_previews_command(days: int) -> None:
    """Discard web previews nobody applied or cancelled within DAYS (run daily)."""
    count = service.discard_old_previews(datetime.now(UTC), days)
    db.session.commit()
    click.echo(f"{count} oude voorbeelden geannuleerd.")


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "onbekend"
