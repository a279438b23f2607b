"""Registers each domain's `flask` commands."""

from flask import Flask


def init_app(app: Flask) -> None:
    from portal.accounts.cli import users_cli
    from portal.outbox.cli import outbox_cli
    from portal.seeding.cli import seed_command

    app.cli.add_command(seed_command)
    app.cli.add_command(users_cli)
    app.cli.add_command(outbox_cli)
