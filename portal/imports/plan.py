"""What an import would change, worked out before anything is written.

Pure: the catalogue's current state comes in as plain data (`CatalogueState`, read by
state.py), the records come from a reader; the result says per record whether it is
created, updated (with the fields that change) or unchanged, which records are rejected
and why, and — for a complete feed (`full`) — which courses are withdrawn.
"""

from dataclasses import dataclass, field
from functools import lru_cache

from flask_babel import lazy_gettext as _l

from portal.imports.records import CourseRecord, LocationRecord, ParseResult, Rejection
from portal.regions.postcodes import InvalidPostcode, parse_postcode

# The fields compared to decide "unchanged"; their order is the order of a diff.
COMPARED = (
    "title",
    "description_nl",
    "level",
    "form",
    "sector",
    "delivery",
    "crebo",
    "duration_nl",
    "duration_hours",
    "price_cents",
    "url",
    "kansrijk",
    "region_id",
    "starts",
    "locations",
    "source_codes",
    "withdrawn",
)
# The compared fields that are course columns as they are (the rest are derived).
STORED = tuple(f for f in COMPARED if f not in ("starts", "locations", "withdrawn"))


@dataclass(frozen=True)
class KnownLocation:
    id: int
    name: str
    postcode: str
    town: str
    region_id: int | None


@dataclass(frozen=True)
class NewLocation:
    """A place the feed names that the provider does not have yet."""

    record: LocationRecord
    postcode: str  # normalised ("7004 HA") or ""
    region_id: int | None

    @property
    def key(self) -> str:
        return f"nieuw: {self.record.name or self.record.town}"


@dataclass
class CatalogueState:
    """The part of the catalogue an import is compared with."""

    providers_by_ref: dict[str, int]  # slug and EDU-DEX orgUnitId → provider id
    provider_names: dict[int, str]
    provider_regions: dict[int, list[int]]
    locations: dict[int, list[KnownLocation]]  # per provider
    # (provider id, external id) → (course id, the compared fields)
    courses: dict[tuple[int, str], tuple[int, dict]]
    region_for_pc4: dict[int, int]
    fund_sectors: dict[int, set[str]]


@dataclass
class Change:
    kind: str  # "create" | "update" | "unchanged"
    record: CourseRecord
    provider_id: int
    course_id: int | None
    fields: dict  # the compared fields, as they will be
    new_locations: list[NewLocation]
    diffs: list[tuple[str, object, object]] = field(default_factory=list)


@dataclass(frozen=True)
class Withdrawal:
    course_id: int
    provider_id: int
    external_id: str
    title: str


@dataclass
class Plan:
    changes: list[Change]
    rejections: list[Rejection]
    withdrawals: list[Withdrawal]

    def of_kind(self, kind: str) -> list[Change]:
        return [c for c in self.changes if c.kind == kind]

    @property
    def counts(self) -> dict[str, int]:
        return {
            "created": len(self.of_kind("create")),
            "updated": len(self.of_kind("update")),
            "unchanged": len(self.of_kind("unchanged")),
            "rejected": len(self.rejections),
            "withdrawn": len(self.withdrawals),
        }

    @property
    def has_changes(self) -> bool:
        return bool(self.withdrawals) or any(
            c.kind != "unchanged" for c in self.changes
        )


def make_plan(
    parsed: ParseResult,
    state: CatalogueState,
    *,
    provider_id: int | None = None,
    full: bool = False,
) -> Plan:
    """Compare `parsed` with `state`. With `provider_id` every record must belong to
    that provider; with `full` the feed is the provider's complete offer."""
    rejections = list(parsed.rejections)
    changes = []
    for record in parsed.records:
        owner, problem = _provider_of(record, state, provider_id)
        if problem is not None:
            rejections.append(problem)
            continue
        changes.append(_change(record, owner, state))
    withdrawals = _withdrawals(parsed, changes, state, provider_id) if full else []
    return Plan(changes, rejections, withdrawals)


def _provider_of(record, state, provider_id) -> tuple[int | None, Rejection | None]:
    ref = record.provider_ref.strip()
    found = state.providers_by_ref.get(ref.casefold()) if ref else None
    name = record.external_id or record.origin
    if provider_id is not None:
        if ref and found != provider_id:
            return None, Rejection(
                name,
                "aanbieder",
                _l(
                    "Dit record hoort bij aanbieder ‘%(ref)s’, niet bij de gekozen "
                    "aanbieder.",
                    ref=ref,
                ),
                record.origin,
            )
        return provider_id, None
    if not ref:
        return None, Rejection(
            name,
            "aanbieder",
            _l("De aanbieder ontbreekt. Vul de aanbieder in of kies er een."),
            record.origin,
        )
    if found is None:
        return None, Rejection(
            name,
            "aanbieder",
            _l("Aanbieder ‘%(ref)s’ kennen wij niet.", ref=ref),
            record.origin,
        )
    return found, None


def _change(record: CourseRecord, provider_id: int, state: CatalogueState) -> Change:
    known = state.locations.get(provider_id, [])
    resolved = [_resolve(loc, known, state) for loc in _places(record)]
    new = [r for r in resolved if isinstance(r, NewLocation)]
    region_id = next((r.region_id for r in resolved if r.region_id), None)
    if region_id is None and state.provider_regions.get(provider_id):
        region_id = state.provider_regions[provider_id][0]
    kansrijk = record.kansrijk
    if kansrijk is None:
        kansrijk = record.sector in state.fund_sectors.get(region_id, set())
    fields = {
        "title": record.title,
        "description_nl": record.description_nl,
        "level": record.level,
        "form": record.form,
        "sector": record.sector,
        "delivery": record.delivery,
        "crebo": record.crebo or None,
        "duration_nl": record.duration_nl,
        "duration_hours": record.duration_hours,
        "price_cents": record.price_cents,
        "url": record.url,
        "kansrijk": kansrijk,
        "region_id": region_id,
        "starts": starts_key(
            (s.starts_on.isoformat(), s.run_id, s.cancelled) for s in record.starts
        ),
        "locations": locations_key(
            r.key if isinstance(r, NewLocation) else r.id for r in resolved
        ),
        "source_codes": record.source_codes,
        "withdrawn": False,
    }
    existing = state.courses.get((provider_id, record.external_id))
    if existing is None:
        return Change("create", record, provider_id, None, fields, new)
    course_id, current = existing
    diffs = [
        (f, current.get(f), fields[f]) for f in COMPARED if current.get(f) != fields[f]
    ]
    kind = "update" if diffs else "unchanged"
    return Change(kind, record, provider_id, course_id, fields, new, diffs)


def starts_key(starts) -> tuple:
    return tuple(sorted(set(starts)))


def locations_key(keys) -> tuple:
    return tuple(sorted(set(keys), key=str))


def _places(record: CourseRecord) -> list[LocationRecord]:
    seen, places = set(), []
    for loc in [*record.locations, *(s.location for s in record.starts if s.location)]:
        ident = (loc.name.casefold(), _postcode(loc.postcode), loc.town.casefold())
        if ident not in seen:
            seen.add(ident)
            places.append(loc)
    return places


def _resolve(loc: LocationRecord, known: list[KnownLocation], state: CatalogueState):
    """The provider's location this place means: same postcode, else same name, else
    the only location in the same town; otherwise a new location."""
    postcode = _postcode(loc.postcode)
    if postcode:
        for k in known:
            if k.postcode and _postcode(k.postcode) == postcode:
                return k
    name = loc.name.casefold().strip()
    if name:
        for k in known:
            if k.name.casefold() == name:
                return k
    town = loc.town.casefold().strip()
    in_town = [k for k in known if town and k.town.casefold() == town]
    if not postcode and len(in_town) == 1:
        return in_town[0]
    region_id = state.region_for_pc4.get(int(postcode[:4])) if postcode else None
    return NewLocation(loc, postcode, region_id)


@lru_cache(maxsize=4096)  # a feed names the same few places over and over
def _postcode(text: str) -> str:
    try:
        return str(parse_postcode(text)) if text and text.strip() else ""
    except InvalidPostcode:
        return ""


def _withdrawals(parsed, changes, state, provider_id) -> list[Withdrawal]:
    """Courses of the providers this complete feed covers that it no longer lists."""
    scope = (
        {provider_id} if provider_id is not None else {c.provider_id for c in changes}
    )
    listed = {(c.provider_id, c.record.external_id) for c in changes}
    rejected = {r.record for r in parsed.rejections}  # still in the feed, only faulty
    gone = []
    for (owner, external_id), (course_id, current) in state.courses.items():
        if owner not in scope or external_id in rejected:
            continue
        if (owner, external_id) not in listed:
            if not current.get("withdrawn"):
                gone.append(
                    Withdrawal(course_id, owner, external_id, current.get("title", ""))
                )
    return sorted(gone, key=lambda w: (w.provider_id, w.external_id))
