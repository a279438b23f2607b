"""Reads the part of the catalogue an import is compared with, in a few plain queries
(an import may touch 100,000 courses; loading them as ORM objects would dominate)."""

from collections import defaultdict

from sqlalchemy import select

from portal.catalog.models import (
    Course,
    Provider,
    ProviderLocation,
    StartMoment,
    course_locations,
    provider_regions,
)
from portal.extensions import db
from portal.imports.plan import (
    STORED,
    CatalogueState,
    KnownLocation,
    locations_key,
    starts_key,
)
from portal.imports.records import ParseResult
from portal.regions.models import Municipality, PostcodeRange
from portal.search.indexing import fund_sectors

CHUNK = 5000


def load_state(parsed: ParseResult, provider_id: int | None = None) -> CatalogueState:
    providers_by_ref, names = {}, {}
    for pid, slug, unit, name in db.session.execute(
        select(Provider.id, Provider.slug, Provider.org_unit_id, Provider.name)
    ):
        providers_by_ref[slug.casefold()] = pid
        if unit:
            providers_by_ref[unit.casefold()] = pid
        names[pid] = name
    wanted = {provider_id} if provider_id is not None else set()
    wanted |= {
        providers_by_ref[r.provider_ref.strip().casefold()]
        for r in parsed.records
        if r.provider_ref.strip().casefold() in providers_by_ref
    }
    regions = defaultdict(list)
    for pid, region_id in db.session.execute(
        select(provider_regions.c.provider_id, provider_regions.c.region_id).order_by(
            provider_regions.c.region_id
        )
    ):
        regions[pid].append(region_id)
    return CatalogueState(
        providers_by_ref=providers_by_ref,
        provider_names=names,
        provider_regions=dict(regions),
        locations=_locations(wanted),
        courses=_courses(wanted),
        region_for_pc4=_region_for_pc4(),
        fund_sectors=fund_sectors(),
    )


def _locations(provider_ids: set[int]) -> dict[int, list[KnownLocation]]:
    found = defaultdict(list)
    rows = db.session.execute(
        select(
            ProviderLocation.provider_id,
            ProviderLocation.id,
            ProviderLocation.name,
            ProviderLocation.postcode,
            ProviderLocation.town,
            Municipality.region_id,
        )
        .outerjoin(Municipality, ProviderLocation.municipality_id == Municipality.id)
        .where(ProviderLocation.provider_id.in_(provider_ids))
        .order_by(ProviderLocation.id)
    )
    for pid, *rest in rows:
        found[pid].append(KnownLocation(*rest))
    return dict(found)


def _courses(provider_ids: set[int]) -> dict[tuple[int, str], tuple[int, dict]]:
    """(provider id, external id) → (course id, the fields plan.COMPARED names)."""
    courses = {}
    by_id = {}
    for (
        course_id,
        provider_id,
        external_id,
        withdrawn_at,
        *values,
    ) in db.session.execute(
        select(
            Course.id,
            Course.provider_id,
            Course.external_id,
            Course.withdrawn_at,
            *(getattr(Course, column) for column in STORED),
        ).where(Course.provider_id.in_(provider_ids))
    ):
        fields = dict(zip(STORED, values, strict=True))
        fields["crebo"] = fields["crebo"] or None
        fields["source_codes"] = fields["source_codes"] or {}
        fields.update(withdrawn=withdrawn_at is not None, starts=[], locations=[])
        courses[(provider_id, external_id)] = (course_id, fields)
        by_id[course_id] = fields
    ids = list(by_id)
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i : i + CHUNK]
        for course_id, day, run_id, cancelled in db.session.execute(
            select(
                StartMoment.course_id,
                StartMoment.starts_on,
                StartMoment.run_id,
                StartMoment.cancelled,
            ).where(StartMoment.course_id.in_(chunk))
        ):
            by_id[course_id]["starts"].append((day.isoformat(), run_id, cancelled))
        for course_id, location_id in db.session.execute(
            select(course_locations.c.course_id, course_locations.c.location_id).where(
                course_locations.c.course_id.in_(chunk)
            )
        ):
            by_id[course_id]["locations"].append(location_id)
    for fields in by_id.values():
        fields["starts"] = starts_key(fields["starts"])
        fields["locations"] = locations_key(fields["locations"])
    return courses


def _region_for_pc4() -> dict[int, int]:
    table = {}
    for start, end, region_id in db.session.execute(
        select(PostcodeRange.start, PostcodeRange.end, Municipality.region_id).join(
            Municipality
        )
    ):
        for pc4 in range(start, end + 1):
            table[pc4] = region_id
    return table
