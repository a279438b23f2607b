"""Signed, expiring password-reset tokens. A token carries a fingerprint of the current
password hash, so it stops working once the password has been changed (single use)."""

import hashlib

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from portal.accounts.models import User
from portal.extensions import db

_SALT = "password-reset"


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def _fingerprint(user: User) -> str:
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def make_reset_token(user: User) -> str:
    return _serializer().dumps({"id": user.id, "fp": _fingerprint(user)})


def user_for_reset_token(token: str) -> User | None:
    """The user the token is for, or None when it is forged, expired or already used."""
    try:
        data = _serializer().loads(
            token, max_age=current_app.config["PASSWORD_RESET_MAX_AGE"]
        )
    except (BadSignature, SignatureExpired):
        return None
    if not isinstance(data, dict):
        return None
    user = (
        db.session.get(User, data.get("id"))
        if isinstance(data.get("id"), int)
        else None
    )
    if user is None or not user.active or data.get("fp") != _fingerprint(user):
        return None
    return user
