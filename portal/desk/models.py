"""The adviser desk: cases of any kind, their append-only history, and the details of
a contact request. Voucher applications join later as another `kind` with their own
detail table."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import User
from portal.extensions import db
from portal.lokets.models import Loket
from portal.regions.models import Region
from portal.timestamps import UTCDateTime, utcnow


class DeskCase(db.Model):
    """One case on the desk (ZGW: Zaak). `status` is the latest status of its history."""

    __tablename__ = "desk_case"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30), index=True)
    # Set right after the insert, from the id: LW-2026-000123.
    reference: Mapped[str | None] = mapped_column(String(20), unique=True)
    loket_id: Mapped[int] = mapped_column(ForeignKey("loket.id"), index=True)
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"), index=True)
    status: Mapped[str] = mapped_column(String(30), index=True)
    outcome: Mapped[str | None] = mapped_column(String(30))
    assigned_to_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id"), index=True
    )
    requester_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    loket: Mapped[Loket] = relationship()
    region: Mapped[Region | None] = relationship()
    assigned_to: Mapped[User | None] = relationship(foreign_keys=[assigned_to_id])
    requester: Mapped[User | None] = relationship(foreign_keys=[requester_id])
    events: Mapped[list["CaseEvent"]] = relationship(
        back_populates="case", order_by="CaseEvent.id"
    )
    notes: Mapped[list["CaseNote"]] = relationship(
        back_populates="case", order_by="CaseNote.id"
    )
    contact_request: Mapped["ContactRequest | None"] = relationship(
        back_populates="case"
    )


class CaseEvent(db.Model):
    """The audit trail: one row per change (who, when, what, from and to which status,
    why). Rows are only ever added; updating or deleting one raises an error."""

    __tablename__ = "case_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("desk_case.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # None when the person who asked the question acted without an account.
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    action: Mapped[str] = mapped_column(String(30))
    from_status: Mapped[str | None] = mapped_column(String(30))
    to_status: Mapped[str | None] = mapped_column(String(30))
    note: Mapped[str] = mapped_column(Text, default="")
    # Structured details, e.g. {"assigned_to_id": 7} or {"outcome": "referred"}.
    data: Mapped[dict] = mapped_column(JSON, default=dict)

    case: Mapped[DeskCase] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()


class AppendOnlyError(RuntimeError):
    pass


@event.listens_for(CaseEvent, "before_update")
@event.listens_for(CaseEvent, "before_delete")
def _refuse_changes(mapper, connection, target) -> None:
    raise AppendOnlyError("case_event rows are never changed or deleted")


class CaseNote(db.Model):
    """An internal note, or a reply the sender sees. Kept apart from the audit trail so
    that personal data can be erased after the retention period without touching it."""

    __tablename__ = "case_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("desk_case.id"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    # "internal" (advisers only) or "reply" (sent to and seen by the sender).
    visibility: Mapped[str] = mapped_column(String(20))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    case: Mapped[DeskCase] = relationship(back_populates="notes")
    author: Mapped[User | None] = relationship()


class ContactRequest(db.Model):
    """A question handed over from the questionnaire, with the consent given for it."""

    __tablename__ = "contact_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("desk_case.id"), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    question: Mapped[str] = mapped_column(Text)
    # The questionnaire answers and the advice given: codes, not labels.
    answers: Mapped[dict] = mapped_column(JSON, default=dict)
    # The exact consent text the sender agreed to, and when.
    consent_text: Mapped[str] = mapped_column(Text)
    consent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    case: Mapped[DeskCase] = relationship(back_populates="contact_request")
