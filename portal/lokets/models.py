"""Organisations and their lokets (service points for residents and employers)."""

from datetime import date

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.regions.models import Municipality, Region


class Organisation(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"), index=True)
    website: Mapped[str] = mapped_column(String(300), default="")
    description_nl: Mapped[str] = mapped_column(default="")
    description_en: Mapped[str] = mapped_column(default="")
    src: Mapped[str] = mapped_column(String(300), default="")

    region: Mapped[Region | None] = relationship()
    lokets: Mapped[list["Loket"]] = relationship(
        back_populates="organisation", order_by="Loket.name"
    )


class Loket(db.Model):
    """A service point. `valid_from`/`valid_until` bound when it exists (mobility teams
    ended on 31 Dec 2024); `demo_fields` names the contact fields invented for the demo."""

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id"), index=True
    )
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"), index=True)
    municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipality.id"))
    type: Mapped[str] = mapped_column(String(30), index=True)
    name: Mapped[str] = mapped_column(String(200))
    serves: Mapped[list[str]] = mapped_column(JSON, default=list)
    serves_nl: Mapped[str] = mapped_column(default="")
    serves_en: Mapped[str] = mapped_column(default="")
    street: Mapped[str] = mapped_column(String(200), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    town: Mapped[str] = mapped_column(String(80), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    opening_hours_nl: Mapped[str] = mapped_column(default="")
    opening_hours_en: Mapped[str] = mapped_column(default="")
    bring_nl: Mapped[str] = mapped_column(default="")
    bring_en: Mapped[str] = mapped_column(default="")
    valid_from: Mapped[date | None]
    valid_until: Mapped[date | None]
    demo_fields: Mapped[list[str]] = mapped_column(JSON, default=list)

    organisation: Mapped[Organisation] = relationship(back_populates="lokets")
    region: Mapped[Region | None] = relationship()
    municipality: Mapped[Municipality | None] = relationship()

    def is_open_on(self, day: date) -> bool:
        """Whether the loket exists on `day` (not opening hours, but its lifetime)."""
        if self.valid_from and day < self.valid_from:
            return False
        return not (self.valid_until and day > self.valid_until)

    def is_demo(self, field: str) -> bool:
        return field in (self.demo_fields or [])

    @property
    def address(self) -> str:
        return ", ".join(
            p for p in (self.street, f"{self.postcode} {self.town}".strip()) if p
        )
