"""`flask users create`: advisers and admins are created here, not by self-registration."""

import click
from flask.cli import AppGroup
from sqlalchemy import select

from portal.accounts.models import ROLES, User, normalise_email, user_by_email
from portal.accounts.rules import password_problems
from portal.extensions import db
from portal.lokets.models import Loket
from portal.regions.models import Region


@click.group("users", cls=AppGroup)
def users_cli() -> None:
    """Manage accounts."""


@users_cli.command("create")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--region", "regions", multiple=True, help="Region slug (advisers).")
@click.option("--loket", "lokets", multiple=True, help="Loket slug (advisers).")
@click.password_option()
def create_user(email, name, role, regions, lokets, password) -> None:
    """Create an account, e.g. an adviser linked to lokets and regions."""
    if user_by_email(email):
        raise click.ClickException(f"Er bestaat al een account met {email}.")
    problems = password_problems(password, email)
    if problems:
        raise click.ClickException(" ".join(problems))
    user = User(email=normalise_email(email), name=name, role=role)
    user.set_password(password)
    user.regions = _lookup(Region, regions)
    user.lokets = _lookup(Loket, lokets)
    db.session.add(user)
    db.session.commit()
    click.echo(f"Account {user.email} ({role}) aangemaakt.")


def _lookup(model, slugs):
    found = db.session.scalars(select(model).where(model.slug.in_(slugs))).all()
    missing = set(slugs) - {obj.slug for obj in found}
    if missing:
        raise click.ClickException(f"Onbekend: {', '.join(sorted(missing))}")
    return list(found)
