"""Account writes. Services flush; the view commits."""

from flask import url_for

from portal.accounts.models import User, normalise_email, user_by_email
from portal.accounts.rules import normalise_kvk
from portal.accounts.tokens import make_reset_token
from portal.extensions import db
from portal.outbox.services import queue_email
from portal.timestamps import utcnow


class EmailTaken(ValueError):
    pass


def register(
    *,
    role: str,
    name: str,
    email: str,
    password: str,
    organisation_name: str | None = None,
    kvk_number: str | None = None,
) -> User:
    if role not in ("resident", "employer"):
        raise ValueError("only residents and employers register themselves")
    if user_by_email(email):
        raise EmailTaken(email)
    user = User(email=normalise_email(email), name=name.strip(), role=role)
    if role == "employer":
        user.organisation_name = (organisation_name or "").strip()
        user.kvk_number = normalise_kvk(kvk_number or "")
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    queue_email(user.email, "Welkom bij Leerwijzer", "email/welcome.txt", user=user)
    return user


def authenticate(email: str, password: str) -> User | None:
    user = user_by_email(email)
    if user is None or not user.active or not user.check_password(password):
        return None
    user.last_login_at = utcnow()
    return user


def request_password_reset(email: str) -> None:
    """Queue a reset mail when the account exists; say nothing either way (no account
    enumeration)."""
    user = user_by_email(email)
    if user is None or not user.active:
        return
    link = url_for(
        "accounts.reset_password", token=make_reset_token(user), _external=True
    )
    queue_email(
        user.email,
        "Nieuw wachtwoord instellen",
        "email/password_reset.txt",
        user=user,
        link=link,
    )


def set_new_password(user: User, password: str) -> None:
    user.set_password(password)
    queue_email(
        user.email,
        "Uw wachtwoord is gewijzigd",
        "email/password_changed.txt",
        user=user,
    )
