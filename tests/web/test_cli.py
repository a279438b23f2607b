"""The flask commands a newcomer and an admin use."""

from sqlalchemy import select

from portal.accounts.models import User
from portal.extensions import db
from portal.seeding.loader import load_seed
from tests.conftest import SEED_DIR


def test_seed_command_loads_everything_and_reports(app):
    result = app.test_cli_runner().invoke(args=["seed"])
    assert result.exit_code == 0, result.output
    assert "course:" in result.output and "nieuw" in result.output
    again = app.test_cli_runner().invoke(args=["seed"])
    assert "0 nieuw" in again.output or "Alles was al bijgewerkt" in again.output


def test_users_create_makes_an_adviser_linked_to_lokets_and_regions(app):
    with app.app_context():
        load_seed(SEED_DIR, with_demo_accounts=False)
        db.session.commit()
    result = app.test_cli_runner().invoke(
        args=[
            "users",
            "create",
            "--email",
            "Adviseur@Voorbeeld.nl",
            "--name",
            "Ad Viseur",
            "--role",
            "adviser",
            "--region",
            "zeeland",
            "--loket",
            "zee-leerwerkloket-goes",
            "--password",
            "een-lang-wachtwoord",
        ]
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.scalar(
            select(User).where(User.email == "adviseur@voorbeeld.nl")
        )
        assert user.role == "adviser"
        assert [r.slug for r in user.regions] == ["zeeland"]
        assert [lk.slug for lk in user.lokets] == ["zee-leerwerkloket-goes"]


def test_users_create_refuses_unknown_lokets_and_weak_passwords(app):
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "a@voorbeeld.nl",
            "--name",
            "A",
            "--role",
            "adviser",
            "--loket",
            "bestaat-niet",
            "--password",
            "een-lang-wachtwoord",
        ]
    )
    assert result.exit_code != 0 and "Onbekend: bestaat-niet" in result.output
    result = runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "a@voorbeeld.nl",
            "--name",
            "A",
            "--role",
            "admin",
            "--password",
            "kort",
        ]
    )
    assert result.exit_code != 0 and "minstens 10 tekens" in result.output
    with app.app_context():
        assert db.session.scalar(select(User)) is None


def test_migrations_build_the_same_schema_as_the_models(app):
    """`flask db upgrade` on an empty database, then Alembic finds nothing to change."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from flask_migrate import upgrade

    with app.app_context():
        db.drop_all()
        upgrade()
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(context, db.metadata)
        assert diff == []
        with db.engine.begin() as conn:
            conn.exec_driver_sql("DROP TABLE alembic_version")
