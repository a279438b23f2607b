"""The outbox delivers through a real SMTP server (aiosmtpd) or into .eml files."""

import email
import socket

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from sqlalchemy import select

from portal.extensions import db
from portal.outbox.models import OutboxMessage
from portal.outbox.services import queue_email, send_pending


class Collect(Message):
    def __init__(self):
        super().__init__()
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server():
    handler = Collect()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, handler
    controller.stop()


def queue_welcome(app, to="anna@voorbeeld.nl"):
    with app.test_request_context():
        from portal.accounts.models import User

        user = User(email=to, name="Anna", role="resident", password_hash="x")
        queue_email(to, "Welkom bij Leerwijzer", "email/welcome.txt", user=user)
        db.session.commit()


def test_messages_are_delivered_over_smtp_and_marked_sent(app, smtp_server):
    controller, handler = smtp_server
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port)
    queue_welcome(app)
    queue_welcome(app, "bram@voorbeeld.nl")
    with app.app_context():
        assert send_pending() == (2, 0)
        rows = db.session.scalars(select(OutboxMessage)).all()
        assert all(r.sent_at is not None and r.attempts == 1 for r in rows)
        assert send_pending() == (0, 0)  # nothing is sent twice
    assert sorted(m["To"] for m in handler.messages) == [
        "anna@voorbeeld.nl",
        "bram@voorbeeld.nl",
    ]
    body = handler.messages[0].get_payload(decode=True).decode()
    assert "Welkom bij Leerwijzer" in body or "Beste Anna" in body


def test_a_failing_server_keeps_the_message_for_a_retry(app):
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=free_port())  # nobody listens
    queue_welcome(app)
    with app.app_context():
        assert send_pending() == (0, 1)
        row = db.session.scalar(select(OutboxMessage))
        assert row.sent_at is None and row.attempts == 1 and row.last_error


def test_without_a_mail_server_messages_become_eml_files(app, tmp_path):
    queue_welcome(app)
    with app.app_context():
        assert send_pending() == (1, 0)
    files = list((tmp_path / "mail").glob("*.eml"))
    assert len(files) == 1
    parsed = email.message_from_bytes(files[0].read_bytes())
    assert (
        parsed["To"] == "anna@voorbeeld.nl"
        and parsed["Subject"] == "Welkom bij Leerwijzer"
    )


def test_the_outbox_command_reports_what_it_sent(app):
    queue_welcome(app)
    result = app.test_cli_runner().invoke(args=["outbox", "send"])
    assert result.exit_code == 0 and "1 sent, 0 failed" in result.output


def test_a_message_is_only_queued_when_its_transaction_commits(app):
    with app.test_request_context():
        from portal.accounts.models import User

        user = User(
            email="x@voorbeeld.nl", name="X", role="resident", password_hash="x"
        )
        queue_email("x@voorbeeld.nl", "Welkom", "email/welcome.txt", user=user)
        db.session.rollback()
        assert db.session.scalar(select(OutboxMessage)) is None
