"""The import tests write to a catalogue of their own: a fresh database per test."""

import pytest

from portal.extensions import db
from portal.search import engine
from portal.seeding.loader import Loader
from tests.conftest import BACKENDS, SEED_DIR, database_url, make_app


@pytest.fixture(params=BACKENDS)
def import_app(request, tmp_path):
    """A catalogue with the seed's regions, providers and funds (no courses), indexed."""
    app = make_app(database_url(request.param, tmp_path, "imports"), tmp_path)
    with app.app_context():
        db.create_all()
        loader = Loader(SEED_DIR)
        loader.regions()
        loader.organisations()  # the demo adviser works at a loket
        loader.providers()
        loader.funds()
        loader.users()  # the demo adviser and admin
        db.session.commit()
        engine.reindex()
    yield app
    with app.app_context():
        db.session.remove()
        db.drop_all()
        db.engine.dispose()
