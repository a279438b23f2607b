"""`flask outbox send`: deliver queued e-mail."""

import click
from flask.cli import AppGroup

from portal.outbox.services import send_pending


@click.group("outbox", cls=AppGroup)
def outbox_cli() -> None:
    """The e-mail outbox."""


@outbox_cli.command("send")
@click.option(
    "--limit", default=100, show_default=True, help="At most this many messages."
)
def send_command(limit: int) -> None:
    """Send pending messages (SMTP if MAIL_SERVER is set, else .eml files in instance/mail)."""
    sent, failed = send_pending(limit)
    click.echo(f"{sent} sent, {failed} failed")
    if failed:
        raise SystemExit(1)
