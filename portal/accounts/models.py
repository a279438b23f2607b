"""Accounts: residents, employers, loket advisers and admins."""

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Column, ForeignKey, Integer, String, Table, func, select
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from portal.extensions import db, login_manager
from portal.lokets.models import Loket
from portal.regions.models import Region
from portal.timestamps import UTCDateTime, utcnow

ROLES = ("resident", "employer", "adviser", "admin")

adviser_lokets = Table(
    "adviser_loket",
    db.metadata,
    Column("user_id", Integer, ForeignKey("user.id"), primary_key=True),
    Column("loket_id", Integer, ForeignKey("loket.id"), primary_key=True),
)

adviser_regions = Table(
    "adviser_region",
    db.metadata,
    Column("user_id", Integer, ForeignKey("user.id"), primary_key=True),
    Column("region_id", Integer, ForeignKey("region.id"), primary_key=True),
)


class User(UserMixin, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), default="resident")
    name: Mapped[str] = mapped_column(String(120))
    organisation_name: Mapped[str | None] = mapped_column(String(200))
    kvk_number: Mapped[str | None] = mapped_column(String(8))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    lokets: Mapped[list[Loket]] = relationship(secondary=adviser_lokets)
    regions: Mapped[list[Region]] = relationship(secondary=adviser_regions)

    def set_password(self, password: str) -> None:
        # Werkzeug's default is scrypt with a random salt: a memory-hard, strong hash.
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def is_active(self) -> bool:
        return self.active

    def has_role(self, *roles: str) -> bool:
        return self.role in roles


def normalise_email(email: str) -> str:
    return email.strip().lower()


def user_by_email(email: str) -> User | None:
    return db.session.scalar(
        select(User).where(func.lower(User.email) == normalise_email(email))
    )


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    return db.session.get(User, int(user_id))
