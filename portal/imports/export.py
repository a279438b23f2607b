"""A provider's current offer as a CSV file in the import format, so an adviser can
download it, correct it in a spreadsheet and read it in again. Every text cell goes
through csvexport, so a title such as "=HYPERLINK(…)" cannot act as a formula."""

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.catalog.models import Course, Provider
from portal.csvexport import euros, to_csv
from portal.extensions import db
from portal.imports.csvcolumns import COLUMNS

DELIVERY_WORDS = {"on_site": "op locatie", "online": "online", "hybrid": "deels online"}


def course_row(course: Course, provider: Provider) -> dict[str, str]:
    """One course as the CSV's columns. The CSV holds one location: the first."""
    place = course.locations[0] if course.locations else None
    starts = sorted(course.starts, key=lambda s: s.starts_on)
    return {
        "id": course.external_id,
        "aanbieder": provider.slug,
        "titel": course.title,
        "omschrijving": course.description_nl,
        "niveau": course.level,
        "vorm": course.form,
        "sector": course.sector,
        "crebo": course.crebo or "",
        "duur": course.duration_nl,
        "uren": "" if course.duration_hours is None else str(course.duration_hours),
        "prijs": euros(course.price_cents),
        "uitvoering": DELIVERY_WORDS.get(course.delivery, ""),
        "kansrijk": "ja" if course.kansrijk else "nee",
        "startdata": ";".join(
            s.starts_on.isoformat() for s in starts if not s.cancelled
        ),
        "geannuleerd": ";".join(s.starts_on.isoformat() for s in starts if s.cancelled),
        "locatie": place.name if place else "",
        "adres": place.street if place else "",
        "postcode": place.postcode if place else "",
        "plaats": place.town if place else "",
        "website": course.url,
    }


def provider_csv(provider: Provider) -> str:
    courses = db.session.scalars(
        select(Course)
        .where(Course.provider_id == provider.id, Course.withdrawn_at.is_(None))
        .options(selectinload(Course.starts), selectinload(Course.locations))
        .order_by(Course.external_id)
    )
    rows = [list(COLUMNS)]
    rows += [[course_row(c, provider)[name] for name in COLUMNS] for c in courses]
    return to_csv(rows)
