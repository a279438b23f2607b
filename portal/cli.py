"""Registers each domain's `flask` commands."""

from flask import Flask


def init_app(app: Flask) -> None:
    from portal.accounts.cli import users_cli
    from portal.catalog.cli import catalog_cli
    from portal.imports.cli import import_cli
    from portal.outbox.cli import outbox_cli
    from portal.search.cli import search_cli
    from portal.seeding.cli import seed_command

    app.cli.add_command(seed_command)
    app.cli.add_command(users_cli)
    app.cli.add_command(outbox_cli)
    app.cli.add_command(search_cli)
    app.cli.add_command(catalog_cli)
    app.cli.add_command(import_cli)
