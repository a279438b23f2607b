"""The import log: every import (dry run, preview, applied or failed) with who, when,
which file (name and SHA-256) and the counts."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import User
from portal.catalog.models import Provider
from portal.extensions import db
from portal.timestamps import UTCDateTime, utcnow

STATUSES = ("dry_run", "preview", "applied", "refused", "failed", "discarded")


class ImportRun(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    applied_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    actor: Mapped[str] = mapped_column(String(200))  # e-mail, or "cli:<login>"
    channel: Mapped[str] = mapped_column(String(10))  # "cli" | "web"
    filename: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int]
    format: Mapped[str] = mapped_column(String(20), default="")
    provider_id: Mapped[int | None] = mapped_column(ForeignKey("provider.id"))
    full: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(20))
    created: Mapped[int] = mapped_column(default=0)
    updated: Mapped[int] = mapped_column(default=0)
    unchanged: Mapped[int] = mapped_column(default=0)
    rejected: Mapped[int] = mapped_column(default=0)
    withdrawn: Mapped[int] = mapped_column(default=0)
    message: Mapped[str] = mapped_column(default="")  # why it was refused or failed
    report: Mapped[dict] = mapped_column(JSON, default=dict)
    # The uploaded file, kept between preview and apply only; cleared afterwards.
    payload: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)

    user: Mapped[User | None] = relationship()
    provider: Mapped[Provider | None] = relationship()
