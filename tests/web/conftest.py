"""Fixtures for tests that write desk cases.

`desk_app` is one app per backend per session with the regions, lokets, funds and demo
accounts of the seed (not the catalogue: not needed here). Tests write to it, so each
one makes its own cases and users (unique e-mail addresses) and only asserts on those.
"""

from datetime import date
from uuid import uuid4

import pytest
from sqlalchemy import select

from portal.accounts.models import User
from portal.extensions import db
from portal.lokets.models import Loket
from portal.regions.models import Region
from portal.seeding.loader import Loader
from tests.conftest import BACKENDS, SEED_DIR, database_url, make_app

ADVISER_EMAIL = "adviseur@leerwijzer.example"
ADVISER_PASSWORD = "Adviseur-demo-2026"
ADMIN_EMAIL = "beheerder@leerwijzer.example"
ADMIN_PASSWORD = "Beheerder-demo-2026"
PASSWORD = "Een-goed-wachtwoord"


@pytest.fixture(scope="session", params=BACKENDS)
def desk_app(request, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp(f"desk-{request.param}")
    app = make_app(database_url(request.param, tmp_path, "desk"), tmp_path)
    with app.app_context():
        db.create_all()
        loader = Loader(SEED_DIR)
        loader.regions()
        loader.organisations()
        loader.funds()
        loader.users()
        db.session.commit()
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def desk_client(desk_app):
    return desk_app.test_client()


@pytest.fixture
def login_as(desk_client):
    """login_as(email, password) → the logged-in test client."""

    def _login(email=ADVISER_EMAIL, password=ADVISER_PASSWORD):
        response = desk_client.post(
            "/inloggen", data={"email": email, "password": password}
        )
        assert response.status_code == 302, f"login as {email} failed"
        return desk_client

    return _login


@pytest.fixture
def new_user(desk_app):
    """Factory: new_user(role, loket=slug, region=slug) → (id, e-mail), password PASSWORD."""

    def _make(role="resident", loket=None, region=None):
        with desk_app.app_context():
            user = User(
                email=f"{role}-{uuid4().hex[:10]}@voorbeeld.nl",
                name=f"Test {role}",
                role=role,
            )
            user.set_password(PASSWORD)
            if loket:
                user.lokets = [
                    db.session.scalar(select(Loket).where(Loket.slug == loket))
                ]
            if region:
                user.regions = [
                    db.session.scalar(select(Region).where(Region.slug == region))
                ]
            db.session.add(user)
            db.session.commit()
            return user.id, user.email

    return _make


@pytest.fixture
def make_case(desk_app):
    """Factory: make_case(loket_slug, requester_id=None, email=...) → the case id."""
    from portal.desk.services import open_contact_request

    def _make(loket_slug="ach-leerwerkloket-doetinchem", requester_id=None, **fields):
        # A request context: the e-mail subject is translated for the request's language.
        with desk_app.test_request_context():
            loket = db.session.scalar(select(Loket).where(Loket.slug == loket_slug))
            case = open_contact_request(
                loket=loket,
                name=fields.get("name", "Piet Jansen"),
                email=fields.get("email", "piet@voorbeeld.nl"),
                phone=fields.get("phone", ""),
                question=fields.get("question", "Kan ik een voucher krijgen?"),
                answers={
                    "audience": "resident",
                    "situation": "employed",
                    "need": "financing",
                    "postcode": "7101 AB",
                    "municipality": "winterswijk",
                    "region": "achterhoek",
                },
                consent_text="Ik geef toestemming.",
                requester=db.session.get(User, requester_id) if requester_id else None,
                today=date(2026, 11, 28),
            )
            db.session.commit()
            return case.id

    return _make
