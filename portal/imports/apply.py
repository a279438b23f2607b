"""Writes a plan to the catalogue: all of it or nothing (the caller commits or rolls
back). Bulk statements instead of one ORM object per course: an import may hold
100,000 records."""

import re
import unicodedata
from datetime import date, datetime

from sqlalchemy import delete, select, update

from portal.catalog.models import (
    Course,
    Provider,
    ProviderLocation,
    StartMoment,
    course_locations,
)
from portal.extensions import db
from portal.imports.plan import STORED, NewLocation, Plan
from portal.regions.models import municipality_for_pc4

CHUNK = 2000


def apply_plan(plan: Plan, run_id: int, now: datetime) -> dict[str, list[int]]:
    """Write `plan` in the current transaction; return the ids of the courses whose
    search documents must change ("courses": created/updated, "withdrawn") and of
    providers that got new locations ("providers")."""
    located = _create_locations(plan)
    created = _create_courses(plan, run_id, located)
    updated = _update_courses(plan, run_id, now, located)
    withdrawn = [w.course_id for w in plan.withdrawals]
    for i in range(0, len(withdrawn), CHUNK):
        db.session.execute(
            update(Course)
            .where(Course.id.in_(withdrawn[i : i + CHUNK]))
            .values(withdrawn_at=now, last_import_id=run_id)
            .execution_options(synchronize_session=False)
        )
    return {
        "courses": created + updated,
        "withdrawn": withdrawn,
        "providers": sorted({pid for pid, _ in located}),
    }


def _location_key(provider_id: int, new: NewLocation) -> tuple[int, str]:
    return provider_id, new.key


def _create_locations(plan: Plan) -> dict[tuple[int, str], int]:
    """New places named by the feed become provider locations; → their ids."""
    wanted: dict[tuple[int, str], NewLocation] = {}
    for change in plan.changes:
        if change.kind == "unchanged":
            continue
        for new in change.new_locations:
            wanted.setdefault(_location_key(change.provider_id, new), new)
    if not wanted:
        return {}
    slugs = set(db.session.scalars(select(ProviderLocation.slug)))
    provider_slugs = _provider_slugs({pid for pid, _ in wanted})
    ids = {}
    for (provider_id, key), new in wanted.items():
        loc = new.record
        slug = _unique_slug(
            f"{provider_slugs[provider_id]}-{_slug(loc.town or loc.name)}", slugs
        )
        municipality = (
            municipality_for_pc4(int(new.postcode[:4])) if new.postcode else None
        )
        location = ProviderLocation(
            slug=slug,
            provider_id=provider_id,
            municipality_id=municipality.id if municipality else None,
            name=(loc.name or loc.town)[:200],
            street=loc.street[:200],
            postcode=new.postcode,
            town=loc.town[:80],
            demo_fields=[],
        )
        db.session.add(location)
        db.session.flush()
        ids[(provider_id, key)] = location.id
    return ids


def _provider_slugs(ids: set[int]) -> dict[int, str]:
    rows = db.session.execute(
        select(Provider.id, Provider.slug).where(Provider.id.in_(ids))
    )
    return dict(rows.all())


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60] or "locatie"


def _unique_slug(base: str, taken: set[str]) -> str:
    slug, n = base[:95], 2
    while slug in taken:
        slug, n = f"{base[:90]}-{n}", n + 1
    taken.add(slug)
    return slug


def _values(change, run_id: int) -> dict:
    values = {column: change.fields[column] for column in STORED}
    values["last_import_id"] = run_id
    values["withdrawn_at"] = None
    return values


def _create_courses(plan, run_id, located) -> list[int]:
    """Plain multi-row INSERTs (executemany), then one query for the new ids: an
    INSERT … RETURNING runs row by row on SQLite."""
    pending = plan.of_kind("create")
    table = Course.__table__
    for i in range(0, len(pending), CHUNK):
        db.session.execute(
            table.insert(),
            [
                {
                    **_values(c, run_id),
                    "external_id": c.record.external_id,
                    "provider_id": c.provider_id,
                    "src": "",
                    "demo_fields": [],
                }
                for c in pending[i : i + CHUNK]
            ],
        )
    if not pending:
        return []
    # Updates are written after this: so far only this import's new courses carry its id.
    new_ids = {
        (provider_id, external_id): course_id
        for course_id, provider_id, external_id in db.session.execute(
            select(Course.id, Course.provider_id, Course.external_id).where(
                Course.last_import_id == run_id
            )
        )
    }
    for change in pending:
        change.course_id = new_ids[(change.provider_id, change.record.external_id)]
    for i in range(0, len(pending), CHUNK):
        _write_starts_and_locations(pending[i : i + CHUNK], located)
    return [c.course_id for c in pending]


def _update_courses(plan, run_id, now, located) -> list[int]:
    pending = plan.of_kind("update")
    for i in range(0, len(pending), CHUNK):
        chunk = pending[i : i + CHUNK]
        db.session.execute(
            update(Course),
            [{"id": c.course_id, **_values(c, run_id)} for c in chunk],
            execution_options={"synchronize_session": False},
        )
        changed = [
            c for c in chunk if {f for f, *_ in c.diffs} & {"starts", "locations"}
        ]
        ids = [c.course_id for c in changed]
        db.session.execute(delete(StartMoment).where(StartMoment.course_id.in_(ids)))
        db.session.execute(
            delete(course_locations).where(course_locations.c.course_id.in_(ids))
        )
        _write_starts_and_locations(changed, located)
    return [c.course_id for c in pending]


def _write_starts_and_locations(changes, located) -> None:
    starts, links = [], []
    for c in changes:
        for day, run_id, cancelled in c.fields["starts"]:
            starts.append(
                {
                    "course_id": c.course_id,
                    "starts_on": date.fromisoformat(day),
                    "run_id": run_id,
                    "cancelled": cancelled,
                }
            )
        for key in c.fields["locations"]:
            location_id = key if isinstance(key, int) else located[(c.provider_id, key)]
            links.append({"course_id": c.course_id, "location_id": location_id})
    if starts:
        db.session.execute(StartMoment.__table__.insert(), starts)
    if links:
        db.session.execute(course_locations.insert(), links)
