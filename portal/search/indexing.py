"""Keeping the index in step with the database (the source of truth).

Services call `index_records(...)` / `remove_records(...)` explicitly after they change
catalogue data; `flask search reindex` rebuilds everything; `find_drift` compares both.
"""

from collections.abc import Iterator
from datetime import date

from flask_babel import force_locale
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.catalog.models import (
    Course,
    Fund,
    Initiative,
    Provider,
    ProviderLocation,
    StartMoment,
    course_locations,
)
from portal.extensions import db
from portal.lokets.models import Loket, Organisation
from portal.regions.models import Municipality, Region
from portal.search import documents

BATCH = 2000


def fund_sectors() -> dict[int, set[str]]:
    """Region id → sectors its voucher fund(s) pay for."""
    table: dict[int, set[str]] = {}
    for fund in db.session.scalars(select(Fund)):
        table.setdefault(fund.region_id, set()).update(fund.sectors or [])
    return table


def course_facts_batch(after_id: int, limit: int) -> list[documents.CourseFacts]:
    """The next `limit` courses after `after_id`, read with three plain SQL queries
    (the ORM is several times slower for a full rebuild)."""
    return _course_facts(Course.id > after_id, limit)


def course_facts_for(ids: list[int]) -> list[documents.CourseFacts]:
    """The facts of these (not withdrawn) courses, the same way, in id order."""
    facts = []
    for i in range(0, len(ids), BATCH):
        facts.extend(_course_facts(Course.id.in_(ids[i : i + BATCH]), BATCH))
    return facts


def _course_facts(where, limit: int) -> list[documents.CourseFacts]:
    rows = db.session.execute(
        select(
            Course.id,
            Course.title,
            Course.description_nl,
            Provider.name,
            Course.region_id,
            Region.slug,
            Course.sector,
            Course.form,
            Course.level,
            Course.delivery,
            Course.crebo,
            Course.kansrijk,
            Course.price_cents,
        )
        .join(Provider, Course.provider_id == Provider.id)
        .outerjoin(Region, Course.region_id == Region.id)
        .where(Course.withdrawn_at.is_(None), where)
        .order_by(Course.id)
        .limit(limit)
    ).all()
    if not rows:
        return []
    ids = [row[0] for row in rows]
    low, high = ids[0], ids[-1]
    # A dense id range reads fastest with BETWEEN; scattered ids (an import's updates)
    # with IN, so that the rows in between are not read for nothing.
    dense = high - low < 2 * len(ids)
    towns: dict[int, list[tuple[str, str]]] = {}
    for course_id, town, slug in db.session.execute(
        select(course_locations.c.course_id, ProviderLocation.town, Municipality.slug)
        .join(ProviderLocation, course_locations.c.location_id == ProviderLocation.id)
        .outerjoin(Municipality, ProviderLocation.municipality_id == Municipality.id)
        .where(
            course_locations.c.course_id.between(low, high)
            if dense
            else course_locations.c.course_id.in_(ids)
        )
        .order_by(course_locations.c.course_id, ProviderLocation.id)
    ):
        towns.setdefault(course_id, []).append((town, slug or ""))
    starts: dict[int, list] = {}
    for course_id, day in db.session.execute(
        select(StartMoment.course_id, StartMoment.starts_on).where(
            StartMoment.course_id.between(low, high)
            if dense
            else StartMoment.course_id.in_(ids),
            StartMoment.cancelled.is_(False),
        )
    ):
        starts.setdefault(course_id, []).append(day)
    facts = []
    for row in rows:
        places = towns.get(row[0], [])
        facts.append(
            documents.CourseFacts(
                *row[:5],
                row[5] or "",
                *row[6:13],
                towns=tuple(t for t, _ in places if t),
                municipality_slug=places[0][1] if places else "",
                starts=tuple(starts.get(row[0], ())),
            )
        )
    return facts


def _other_records():
    yield from db.session.scalars(
        select(Loket).options(
            selectinload(Loket.organisation),
            selectinload(Loket.region),
            selectinload(Loket.municipality),
        )
    )
    yield from db.session.scalars(
        select(Provider).options(
            selectinload(Provider.regions), selectinload(Provider.locations)
        )
    )
    yield from db.session.scalars(select(Fund).options(selectinload(Fund.region)))
    yield from db.session.scalars(
        select(Initiative).options(selectinload(Initiative.region))
    )


def to_document(record, today: date, sectors: dict[int, set[str]]) -> dict:
    with force_locale("nl"):  # the index always holds the Dutch labels
        if isinstance(record, Course):
            return documents.course_document(
                documents.CourseFacts.of(record), today, sectors
            )
        if isinstance(record, Loket):
            return documents.loket_document(record)
        if isinstance(record, Provider):
            return documents.provider_document(record)
        if isinstance(record, Fund):
            return documents.fund_document(record)
        if isinstance(record, Initiative):
            return documents.initiative_document(record)
    raise TypeError(f"not searchable: {record!r}")


def all_documents(today: date, batch_size: int = BATCH) -> Iterator[list[dict]]:
    """Every searchable record as documents, in batches (courses are read in pages)."""
    sectors = fund_sectors()
    yield [to_document(r, today, sectors) for r in _other_records()]
    last_id = 0
    with force_locale("nl"):
        while batch := course_facts_batch(last_id, batch_size):
            yield [documents.course_document(c, today, sectors) for c in batch]
            last_id = batch[-1].id


MODELS = {
    "course": Course,
    "loket": Loket,
    "provider": Provider,
    "fund": Fund,
    "initiative": Initiative,
}


def documents_for_keys(keys: list[str], today: date) -> tuple[list[dict], list[str]]:
    """Documents for "type:id" keys, and the keys whose record is gone (or withdrawn)."""
    sectors = fund_sectors()
    docs, missing = [], []
    for key in keys:
        kind, _, ident = key.partition(":")
        model = MODELS.get(kind)
        record = (
            db.session.get(model, int(ident)) if model and ident.isdigit() else None
        )
        if record is None or getattr(record, "withdrawn_at", None) is not None:
            missing.append(key)
        else:
            docs.append(to_document(record, today, sectors))
    return docs, missing


def database_keys() -> set[str]:
    keys = {
        f"course:{i}"
        for i in db.session.scalars(
            select(Course.id).where(Course.withdrawn_at.is_(None))
        )
    }
    for kind, model in (
        ("loket", Loket),
        ("provider", Provider),
        ("fund", Fund),
        ("initiative", Initiative),
    ):
        keys.update(f"{kind}:{i}" for i in db.session.scalars(select(model.id)))
    return keys


def record_key(record) -> str:
    for kind, model in MODELS.items():
        if isinstance(record, model):
            return f"{kind}:{record.id}"
    if isinstance(record, Organisation):
        raise TypeError("index the organisation's lokets instead")
    raise TypeError(f"not searchable: {record!r}")
