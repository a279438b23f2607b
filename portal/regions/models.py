"""Labour-market regions, their municipalities and PC4 postcode ranges."""

from sqlalchemy import ForeignKey, Index, String, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db


class Region(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    province: Mapped[str] = mapped_column(String(80))
    centre: Mapped[str] = mapped_column(String(80))
    description_nl: Mapped[str] = mapped_column(default="")
    description_en: Mapped[str] = mapped_column(default="")
    src: Mapped[str] = mapped_column(String(200), default="")

    municipalities: Mapped[list["Municipality"]] = relationship(
        back_populates="region", order_by="Municipality.name"
    )

    def __repr__(self) -> str:
        return f"<Region {self.slug}>"


class Municipality(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    note_nl: Mapped[str] = mapped_column(default="")
    note_en: Mapped[str] = mapped_column(default="")

    region: Mapped[Region] = relationship(back_populates="municipalities")
    postcode_ranges: Mapped[list["PostcodeRange"]] = relationship(
        back_populates="municipality", cascade="all, delete-orphan"
    )


class PostcodeRange(db.Model):
    """An inclusive range of 4-digit postcodes that lies in one municipality."""

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipality.id"))
    start: Mapped[int]
    end: Mapped[int]

    municipality: Mapped[Municipality] = relationship(back_populates="postcode_ranges")

    __table_args__ = (Index("ix_postcode_range_start_end", "start", "end"),)


def municipality_for_pc4(pc4: int) -> Municipality | None:
    """The municipality a 4-digit postcode lies in, or None outside the three regions."""
    return db.session.scalar(
        select(Municipality)
        .join(PostcodeRange)
        .where(PostcodeRange.start <= pc4, PostcodeRange.end >= pc4)
        .limit(1)
    )
