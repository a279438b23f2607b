"""What the portal offers: providers, courses and their start moments, funds and
initiatives. This is also what the search issue indexes."""

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Column,
    ForeignKey,
    Integer,
    String,
    Table,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.regions.models import Municipality, Region
from portal.timestamps import UTCDateTime

provider_regions = Table(
    "provider_region",
    db.metadata,
    Column("provider_id", Integer, ForeignKey("provider.id"), primary_key=True),
    Column("region_id", Integer, ForeignKey("region.id"), primary_key=True),
)

course_locations = Table(
    "course_location",
    db.metadata,
    Column("course_id", Integer, ForeignKey("course.id"), primary_key=True),
    Column(
        "location_id", Integer, ForeignKey("provider_location.id"), primary_key=True
    ),
)


class Provider(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    website: Mapped[str] = mapped_column(String(300), default="")
    # Where letters and start links go; invented addresses use .example (demo data).
    email: Mapped[str] = mapped_column(String(200), default="")
    # The provider's EDU-DEX orgUnitId; imports match it (or the slug) to this provider.
    org_unit_id: Mapped[str | None] = mapped_column(String(80), unique=True)
    description_nl: Mapped[str] = mapped_column(default="")
    description_en: Mapped[str] = mapped_column(default="")
    src: Mapped[str] = mapped_column(String(300), default="")

    regions: Mapped[list[Region]] = relationship(secondary=provider_regions)
    locations: Mapped[list["ProviderLocation"]] = relationship(
        back_populates="provider", order_by="ProviderLocation.name"
    )


class ProviderLocation(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    provider_id: Mapped[int] = mapped_column(ForeignKey("provider.id"), index=True)
    municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipality.id"))
    name: Mapped[str] = mapped_column(String(200))
    street: Mapped[str] = mapped_column(String(200), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    town: Mapped[str] = mapped_column(String(80), default="")
    demo_fields: Mapped[list[str]] = mapped_column(JSON, default=list)

    provider: Mapped[Provider] = relationship(back_populates="locations")
    municipality: Mapped[Municipality | None] = relationship()


class Course(db.Model):
    """One course offering. `external_id` is stable across imports and unique per
    provider; `demo_fields` names what was invented for the demo (price, start dates …).
    Imported courses keep the source's original codes in `source_codes`."""

    __table_args__ = (UniqueConstraint("provider_id", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str] = mapped_column(String(120))
    title: Mapped[str] = mapped_column(String(300))
    description_nl: Mapped[str] = mapped_column(default="")
    provider_id: Mapped[int] = mapped_column(ForeignKey("provider.id"), index=True)
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"), index=True)
    level: Mapped[str] = mapped_column(String(8), index=True)
    form: Mapped[str] = mapped_column(String(20))
    sector: Mapped[str] = mapped_column(String(20), index=True)
    crebo: Mapped[str | None] = mapped_column(String(8))
    duration_nl: Mapped[str] = mapped_column(String(80), default="")
    duration_hours: Mapped[int | None]
    price_cents: Mapped[int]
    delivery: Mapped[str] = mapped_column(String(10))
    kansrijk: Mapped[bool] = mapped_column(default=False)
    src: Mapped[str] = mapped_column(String(300), default="")
    demo_fields: Mapped[list[str]] = mapped_column(JSON, default=list)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    url: Mapped[str] = mapped_column(String(500), default="")
    source_codes: Mapped[dict] = mapped_column(JSON, default=dict)
    last_import_id: Mapped[int | None] = mapped_column(ForeignKey("import_run.id"))

    provider: Mapped[Provider] = relationship()
    region: Mapped[Region | None] = relationship()
    locations: Mapped[list[ProviderLocation]] = relationship(secondary=course_locations)
    starts: Mapped[list["StartMoment"]] = relationship(
        back_populates="course",
        order_by="StartMoment.starts_on",
        cascade="all, delete-orphan",
    )

    @property
    def is_demo(self) -> bool:
        return bool(self.demo_fields)

    def next_start(self, today: date) -> date | None:
        upcoming = [
            s.starts_on for s in self.starts if not s.cancelled and s.starts_on >= today
        ]
        return min(upcoming, default=None)


class StartMoment(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("course.id"), index=True)
    starts_on: Mapped[date]
    cancelled: Mapped[bool] = mapped_column(default=False)
    run_id: Mapped[str] = mapped_column(String(80), default="")  # EDU-DEX programRun id

    course: Mapped[Course] = relationship(back_populates="starts")


class Fund(db.Model):
    """A regional voucher scheme and its eligibility parameters.

    `copay_shares` maps each applicant situation to who pays the co-payment and which
    fraction of the price: {"employed": {"payer": "employer", "num": 1, "den": 3}, …}.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    demo: Mapped[bool] = mapped_column(default=False)
    budget_cents: Mapped[int]
    period_start: Mapped[date]
    period_end: Mapped[date]
    max_voucher_cents: Mapped[int]
    vouchers_per_year: Mapped[int | None]
    min_age: Mapped[int] = mapped_column(default=18)
    max_age: Mapped[int] = mapped_column(default=67)
    sectors: Mapped[list[str]] = mapped_column(JSON, default=list)
    copay_shares: Mapped[dict] = mapped_column(JSON, default=dict)
    max_grants_per_person_per_year: Mapped[int] = mapped_column(default=1)
    four_eyes_above_cents: Mapped[int | None]
    decision_weeks: Mapped[int] = mapped_column(default=4)
    start_within_weeks: Mapped[int] = mapped_column(default=26)
    description_nl: Mapped[str] = mapped_column(default="")
    description_en: Mapped[str] = mapped_column(default="")
    src: Mapped[str] = mapped_column(String(300), default="")
    demo_fields: Mapped[list[str]] = mapped_column(JSON, default=list)

    region: Mapped[Region] = relationship()


class Initiative(db.Model):
    """A regional programme from the report's annexes: what it is, its goal, who runs it."""

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"), index=True)
    sector: Mapped[str] = mapped_column(String(20), default="overig")
    what_nl: Mapped[str] = mapped_column(default="")
    goal_nl: Mapped[str] = mapped_column(default="")
    who_nl: Mapped[str] = mapped_column(default="")
    what_en: Mapped[str] = mapped_column(default="")
    goal_en: Mapped[str] = mapped_column(default="")
    who_en: Mapped[str] = mapped_column(default="")
    src: Mapped[str] = mapped_column(String(300), default="")

    region: Mapped[Region | None] = relationship()


# Course.last_import_id points at the import log; register that table with the metadata.
import portal.imports.models  # noqa: E402,F401
