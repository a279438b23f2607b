"""Signed links for people without an account (the employer, the provider).

A link carries the application id, signed with the app's secret (itsdangerous) and a
salt per purpose, and expires after a number of days. It works only while the
application has the one status the link is for; the answer moves it on and that
status does not come back, so each link is single use.
"""

from collections.abc import Collection

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from portal.extensions import db
from portal.vouchers.models import VoucherApplication


def sign(application: VoucherApplication, salt: str) -> str:
    """The token for the application's link."""
    return _serializer(salt).dumps({"application": application.id})


def application_for(
    token: str, salt: str, days: int, status: str | Collection[str]
) -> VoucherApplication | None:
    """The application the token is for, while it has `status` (or one of several);
    None when forged, expired or already used."""
    statuses = {status} if isinstance(status, str) else set(status)
    try:
        data = _serializer(salt).loads(token, max_age=days * 24 * 3600)
    except (BadSignature, SignatureExpired):
        return None
    found = data.get("application") if isinstance(data, dict) else None
    application = (
        db.session.get(VoucherApplication, found) if isinstance(found, int) else None
    )
    if application is None or application.status not in statuses:
        return None
    return application


def _serializer(salt: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=salt)
