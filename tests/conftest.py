"""Shared fixtures.

Two database backends: SQLite always, PostgreSQL when TEST_DATABASE_URL is set (each
parametrised test runs on both; the PostgreSQL run is skipped with a reason otherwise).

- `seeded_app` / `client`: one app per backend per session, loaded with the real seed
  files. Tests that use it only read.
- `app` / `fresh_client`: a new empty database per test, for tests that write.
"""

import os
from pathlib import Path
from uuid import uuid4

import pytest
from sqlalchemy import create_engine, text

from portal import create_app
from portal.accounts.models import User
from portal.extensions import db
from portal.search import engine
from portal.seeding.loader import load_seed

SEED_DIR = Path(__file__).resolve().parent.parent / "seed"
TODAY = "2026-11-28"
BACKENDS = ["sqlite", "postgresql"]


def _postgres_url(schema: str) -> str:
    """The test PostgreSQL, with its own schema per fixture kind so they never clash."""
    base = os.environ["TEST_DATABASE_URL"]
    url = base.replace("postgresql://", "postgresql+psycopg://", 1)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema}"


def database_url(backend: str, tmp_path: Path, schema: str) -> str:
    if backend == "postgresql":
        if not os.environ.get("TEST_DATABASE_URL"):
            pytest.skip("PostgreSQL run skipped: set TEST_DATABASE_URL to run it")
        return _postgres_url(schema)
    return f"sqlite:///{tmp_path / 'test.db'}"


def make_app(db_url: str, tmp_path: Path, **overrides):
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": db_url,
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        "MAIL_SERVER": "",
        "MAIL_OUTBOX_DIR": str(tmp_path / "mail"),
        "SEARCH_INDEX_DIR": str(tmp_path / "index"),
        "FIXED_TODAY": TODAY,
        "SERVER_NAME": "leerwijzer.test",
    }
    config.update(overrides)
    return create_app(config)


@pytest.fixture(scope="session", params=BACKENDS)
def seeded_app(request, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp(f"seeded-{request.param}")
    app = make_app(database_url(request.param, tmp_path, "seeded"), tmp_path)
    with app.app_context():
        db.create_all()
        load_seed(SEED_DIR)
        db.session.commit()
        engine.reindex()
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def client(seeded_app):
    return seeded_app.test_client()


@pytest.fixture(params=BACKENDS)
def app(request, tmp_path):
    app = make_app(database_url(request.param, tmp_path, "scratch"), tmp_path)
    with app.app_context():
        db.create_all()
    yield app
    with app.app_context():
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


@pytest.fixture
def fresh_client(app):
    return app.test_client()


@pytest.fixture
def make_user(app):
    """Factory: make_user(role="adviser", email=..., password=...) → the user's id."""

    def _make(role="resident", email=None, password="Een-goed-wachtwoord", **fields):
        with app.app_context():
            user = User(
                email=email or f"{role}-{uuid4().hex[:8]}@voorbeeld.nl",
                name=fields.pop("name", f"Test {role}"),
                role=role,
                **fields,
            )
            user.set_password(password)
            db.session.add(user)
            db.session.commit()
            return user.id

    return _make


class AuthActions:
    def __init__(self, client):
        self.client = client

    def login(self, email, password="Een-goed-wachtwoord"):
        return self.client.post(
            "/inloggen", data={"email": email, "password": password}
        )

    def logout(self):
        return self.client.post("/uitloggen")


@pytest.fixture
def auth(fresh_client):
    return AuthActions(fresh_client)


def pytest_report_header(config):
    if os.environ.get("TEST_DATABASE_URL"):
        return "database backends: SQLite and PostgreSQL (TEST_DATABASE_URL)"
    return "database backends: SQLite only; PostgreSQL runs are skipped (TEST_DATABASE_URL not set)"


def pytest_terminal_summary(terminalreporter):
    skipped = terminalreporter.stats.get("skipped", [])
    postgres = [r for r in skipped if "PostgreSQL run skipped" in str(r.longrepr)]
    if postgres:
        terminalreporter.write_line(
            f"{len(postgres)} PostgreSQL runs skipped: set TEST_DATABASE_URL to run them",
            yellow=True,
        )
