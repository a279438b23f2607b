"""Configuration: defaults, overridden by the environment, overridden by tests."""

import os
import secrets
from pathlib import Path

from flask import Flask


def database_url(raw: str) -> str:
    """Normalise a DATABASE_URL so SQLAlchemy uses psycopg 3 for PostgreSQL."""
    for prefix in ("postgres://", "postgresql://"):
        if raw.startswith(prefix):
            return "postgresql+psycopg://" + raw[len(prefix) :]
    return raw


def dev_secret_key(instance_path: str) -> str:
    """Read the development secret from the instance folder, creating it on first run.

    The file is never committed (instance/ is ignored), so every checkout gets its own.
    """
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def load(app: Flask, test_config: dict | None) -> None:
    os.makedirs(app.instance_path, exist_ok=True)
    instance = Path(app.instance_path)
    env = os.environ
    app.config.from_mapping(
        SQLALCHEMY_DATABASE_URI=database_url(
            env.get("DATABASE_URL", f"sqlite:///{instance / 'leerwijzer.db'}")
        ),
        SQLALCHEMY_ENGINE_OPTIONS={"pool_pre_ping": True},
        SEARCH_INDEX_DIR=env.get("SEARCH_INDEX_DIR", str(instance / "search-index")),
        SEED_DIR=env.get("SEED_DIR", str(Path(app.root_path).parent / "seed")),
        # Mail: without MAIL_SERVER the outbox writes .eml files to MAIL_OUTBOX_DIR.
        MAIL_SERVER=env.get("MAIL_SERVER", ""),
        MAIL_PORT=int(env.get("MAIL_PORT", "25")),
        MAIL_USERNAME=env.get("MAIL_USERNAME", ""),
        MAIL_PASSWORD=env.get("MAIL_PASSWORD", ""),
        MAIL_USE_TLS=env.get("MAIL_USE_TLS", "") in ("1", "true", "yes"),
        MAIL_FROM=env.get("MAIL_FROM", "Leerwijzer <noreply@leerwijzer.example>"),
        MAIL_OUTBOX_DIR=env.get("MAIL_OUTBOX_DIR", str(instance / "mail")),
        PASSWORD_RESET_MAX_AGE=3600,
        RATELIMIT_STORAGE_URI=env.get("RATELIMIT_STORAGE_URI", "memory://"),
        RATELIMIT_HEADERS_ENABLED=True,
        BABEL_DEFAULT_LOCALE="nl",
        BABEL_TRANSLATION_DIRECTORIES=str(Path(app.root_path).parent / "translations"),
        LANGUAGES=("nl", "en"),
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SECURE=env.get("SESSION_COOKIE_SECURE", "") in ("1", "true"),
        MAX_CONTENT_LENGTH=10 * 1024 * 1024,
        # Course import limits (a file or folder; the web upload stays under 10 MB).
        IMPORT_MAX_BYTES=int(env.get("IMPORT_MAX_BYTES", str(256 * 1024 * 1024))),
        IMPORT_MAX_RECORDS=int(env.get("IMPORT_MAX_RECORDS", "150000")),
        WTF_CSRF_TIME_LIMIT=None,
    )
    app.config["SECRET_KEY"] = env.get("SECRET_KEY") or dev_secret_key(
        app.instance_path
    )
    if test_config:
        app.config.update(test_config)
