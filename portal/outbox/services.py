"""Queue and deliver e-mail. Queueing never sends: `flask outbox send` delivers."""

import smtplib
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

from flask import current_app, render_template
from sqlalchemy import select

from portal.extensions import db
from portal.outbox.models import OutboxMessage
from portal.timestamps import utcnow


def queue_email(
    recipient: str, subject: str, template: str, **context
) -> OutboxMessage:
    """Add a message to the outbox in the caller's transaction (the caller commits)."""
    message = OutboxMessage(
        recipient=recipient,
        subject=subject,
        body_text=render_template(template, **context),
    )
    db.session.add(message)
    db.session.flush()
    return message


def build_email(message: OutboxMessage, sender: str) -> EmailMessage:
    email = EmailMessage()
    email["From"] = sender
    email["To"] = message.recipient
    email["Subject"] = message.subject
    email["Message-ID"] = make_msgid(idstring=f"outbox-{message.id}")
    email.set_content(message.body_text)
    return email


def _deliver_smtp(emails: list[EmailMessage]) -> None:
    cfg = current_app.config
    with smtplib.SMTP(cfg["MAIL_SERVER"], cfg["MAIL_PORT"], timeout=30) as smtp:
        if cfg["MAIL_USE_TLS"]:
            smtp.starttls()
        if cfg["MAIL_USERNAME"]:
            smtp.login(cfg["MAIL_USERNAME"], cfg["MAIL_PASSWORD"])
        for email in emails:
            smtp.send_message(email)


def _deliver_files(message: OutboxMessage, email: EmailMessage) -> None:
    folder = Path(current_app.config["MAIL_OUTBOX_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{message.id:06d}.eml").write_bytes(bytes(email))


def send_pending(limit: int = 100) -> tuple[int, int]:
    """Deliver unsent messages one by one; returns (sent, failed).

    Each message is committed on its own, so a failure later in the batch does not
    resend the ones before it. Without MAIL_SERVER the messages become .eml files.
    """
    pending = db.session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.sent_at.is_(None))
        .order_by(OutboxMessage.id)
        .limit(limit)
    ).all()
    sender = current_app.config["MAIL_FROM"]
    sent = failed = 0
    for message in pending:
        email = build_email(message, sender)
        message.attempts += 1
        try:
            if current_app.config["MAIL_SERVER"]:
                _deliver_smtp([email])
            else:
                _deliver_files(message, email)
        except (OSError, smtplib.SMTPException) as exc:
            message.last_error = str(exc)[:500]
            failed += 1
        else:
            message.sent_at = utcnow()
            message.last_error = ""
            sent += 1
        db.session.commit()
    return sent, failed
